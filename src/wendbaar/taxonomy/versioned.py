"""Values built from the taxonomy once per process and rebuilt when its version moves on.

The label search index, the text matcher and the matching engine all follow this rule; one small class
keeps the locking and the version check in one place.
"""

import threading
from collections.abc import Callable

from wendbaar.taxonomy.models import TaxonomyChange


class PerTaxonomyVersion[T]:
    def __init__(self, build: Callable[[], T]):
        self._build = build
        self._lock = threading.Lock()
        self._version: str | None = None
        self._value: T | None = None

    def get(self) -> T:
        return self.get_with_version()[0]

    def get_with_version(self) -> tuple[T, str]:
        """The value and the taxonomy version it was built for (e.g. for a cache key)."""
        # The version is read before building: if the taxonomy changes meanwhile, the next call rebuilds.
        version = TaxonomyChange.current_version()
        if self._version != version:
            with self._lock:
                if self._version != version:
                    self._value = self._build()
                    self._version = version
        return self._value, version
