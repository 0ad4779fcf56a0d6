import sys

from wendbaar.taxonomy.starter import main

sys.exit(main())
