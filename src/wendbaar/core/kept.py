"""Small answers about one person that every page needs (the unread count in the header, whether the menu
shows Inzicht), kept in the shared cache and forgotten the moment the rows they come from change.

Only with a shared cache (``SHARED_CACHE``, Redis): in a memory cache per process, another process's
change would go unseen. Without one, ``get`` finds nothing and ``keep`` keeps nothing.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save


class PerPerson:
    def __init__(self, name: str, seconds: int):
        self.name = name
        self.seconds = seconds

    def _key(self, user_id) -> str:
        return f"{self.name}:{user_id}"

    def get(self, user_id):
        """The kept answer, or None."""
        return cache.get(self._key(user_id)) if settings.SHARED_CACHE else None

    def keep(self, user_id, value) -> None:
        if settings.SHARED_CACHE:
            cache.set(self._key(user_id), value, self.seconds)

    def forget(self, user_id) -> None:
        cache.delete(self._key(user_id))

    def forget_on_change(self, model) -> None:
        """Forget a person's answer whenever one of their rows of ``model`` (with a ``user_id``) is saved or
        deleted. Bulk updates send no signal: who makes one calls ``forget`` too."""

        def forget(sender, instance, **kwargs):
            self.forget(instance.user_id)

        for signal in (post_save, post_delete):
            signal.connect(forget, sender=model, weak=False, dispatch_uid=f"{self.name}-{id(signal)}")
