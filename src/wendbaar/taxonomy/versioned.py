"""Values built from the taxonomy once per process and rebuilt when its version moves on.

The label search index, the text matcher and the matching engine all follow this rule; one small class
keeps the locking and the version check in one place.
"""

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from wendbaar.taxonomy.models import TaxonomyChange

# (version, when it was read): every request of a process would otherwise ask the database.
_seen: tuple[str, float] | None = None


def current_version() -> str:
    """The taxonomy version, read from the database at most once per TAXONOMY_VERSION_CHECK_SECONDS.
    A change saved in this process is seen at once; one made by another process (an import on the
    command line, a worker) within that many seconds."""
    global _seen
    now = time.monotonic()
    seen = _seen
    if seen is not None and now - seen[1] < settings.TAXONOMY_VERSION_CHECK_SECONDS:
        return seen[0]
    version = TaxonomyChange.current_version()
    _seen = (version, now)
    return version


@receiver(post_save, sender=TaxonomyChange)
def _forget_version(**kwargs):
    global _seen
    _seen = None


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
        version = current_version()
        if self._version != version:
            with self._lock:
                if self._version != version:
                    self._value = self._build()
                    self._version = version
        return self._value, version
