"""Words the site takes from its libraries but wants said one way.

Django's Dutch says "Dit veld is verplicht."; Django REST framework ships "Dit veld is vereist." for the
same message and, as an installed app, wins over Django. Naming the message here keeps it in the
project's own catalogue, which wins over both, so every form and the API use the same plain word.
"""

from django.utils.translation import gettext_noop

LIBRARY_MESSAGES = [
    gettext_noop("This field is required."),
]
