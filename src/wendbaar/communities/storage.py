"""Where attachments live: a folder of their own outside MEDIA_ROOT, so the web server never serves them
directly. Only the attachment view, after checking that the reader may see the post, hands them out."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class AttachmentStorage(FileSystemStorage):
    """Reads its folder from settings at use, so tests (and a changed setting) need no restart."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(
            getattr(settings, "COMMUNITIES_ATTACHMENT_ROOT", None)
            or Path(settings.MEDIA_ROOT).parent / "bijlagen"
        )

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Attachments have no public address; use the attachment view.")


def attachment_storage():
    return AttachmentStorage()
