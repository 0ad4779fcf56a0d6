"""Attachments leave no files behind when their post (or its topic or group) is deleted."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wendbaar.communities.models import Attachment


@receiver(post_delete, sender=Attachment)
def delete_attachment_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.delete(save=False)
