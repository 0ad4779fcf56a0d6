"""Keep the search index in step with every save, tag change and delete, wherever it comes from."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from wendbaar.knowledge import search
from wendbaar.knowledge.models import Episode, Item, PodcastSeries


@receiver(post_save)
def item_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Item):
        return
    search.reindex(instance.pk)
    if isinstance(instance, PodcastSeries):
        # Episodes carry their series' title in their search text.
        for episode_id in Episode.objects.filter(series=instance).values_list("pk", flat=True):
            search.reindex(episode_id)


@receiver(post_delete)
def item_deleted(sender, instance, **kwargs):
    if isinstance(instance, Item):
        search.remove(instance.pk)


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        search.reindex(instance.pk)
    elif pk_set:
        # A skill or occupation gained or lost items: those items' tag text changed.
        for item_id in pk_set:
            search.reindex(item_id)
    else:
        # skill.knowledge_items.clear() gives no ids; rebuilding everything is rare and safe.
        search.reindex_all()


m2m_changed.connect(_tags_changed, sender=Item.skills.through, dispatch_uid="knowledge_skills_changed")
m2m_changed.connect(
    _tags_changed, sender=Item.occupations.through, dispatch_uid="knowledge_occupations_changed"
)


@receiver(post_migrate)
def prune_index(sender, app_config=None, **kwargs):
    # Also sent after a flush (tests), which empties the item table without delete signals.
    if app_config is not None and app_config.name == "wendbaar.knowledge":
        search.prune()
