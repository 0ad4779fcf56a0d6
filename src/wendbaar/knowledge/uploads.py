"""Checks on uploaded files: the content must be what the name says, and not too large.

The type is read from the file's first bytes (its "magic number"), so a renamed file is refused too.
Size limits come from settings (``KNOWLEDGE_MAX_*_MB``) and are read at upload time, so changing them
needs no migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Brands of ISO media files that carry plain AAC audio (.m4a); video brands are not accepted.
M4A_BRANDS = {b"M4A ", b"M4B ", b"mp42", b"mp41", b"isom", b"iso2"}

MIME_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
}


def detect(head: bytes) -> str | None:
    """The kind of file these first bytes start, or None: pdf, png, jpeg, mp3 or m4a."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"ID3"):
        return "mp3"
    # An MPEG audio frame: 11 sync bits, then version and layer; layer bits 01 are Layer III.
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and (head[1] >> 1) & 0b11 == 0b01:
        return "mp3"
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in M4A_BRANDS:
        return "m4a"
    return None


def read_head(file, size: int = 16) -> bytes:
    """The first bytes of an uploaded or stored file, leaving its position at the start."""
    handle = getattr(file, "file", file)
    handle.seek(0)
    head = handle.read(size)
    handle.seek(0)
    return head


@dataclass(frozen=True)
class Purpose:
    kinds: dict[str, tuple[str, ...]]  # detected kind -> allowed name endings
    setting: str
    default_mb: int
    wrong_type: str


PURPOSES = {
    "pdf": Purpose(
        {"pdf": (".pdf",)},
        "KNOWLEDGE_MAX_PDF_MB",
        50,
        _("Dit is geen pdf-bestand. Kies een bestand dat eindigt op .pdf en echt een pdf is."),
    ),
    "audio": Purpose(
        {"mp3": (".mp3",), "m4a": (".m4a",)},
        "KNOWLEDGE_MAX_AUDIO_MB",
        200,
        _("Dit is geen MP3- of M4A-bestand. Kies een geluidsbestand dat eindigt op .mp3 of .m4a."),
    ),
    "image": Purpose(
        {"jpeg": (".jpg", ".jpeg"), "png": (".png",)},
        "KNOWLEDGE_MAX_IMAGE_MB",
        5,
        _("Dit is geen JPEG- of PNG-afbeelding. Kies een bestand dat eindigt op .jpg, .jpeg of .png."),
    ),
}


def max_bytes(purpose: str) -> int:
    spec = PURPOSES[purpose]
    return int(getattr(settings, spec.setting, spec.default_mb)) * 1024 * 1024


@deconstructible
class UploadValidator:
    """Refuses a file whose content or name does not fit ``purpose`` (pdf, audio, image) or is too large."""

    def __init__(self, purpose: str):
        if purpose not in PURPOSES:
            raise ValueError(f"unknown upload purpose {purpose!r}")
        self.purpose = purpose

    def __call__(self, value):
        # A file already stored was checked when it was uploaded.
        if getattr(value, "_committed", False):
            return
        spec = PURPOSES[self.purpose]
        limit = max_bytes(self.purpose)
        if value.size > limit:
            raise ValidationError(
                _("Dit bestand is te groot (%(size)s MB). Het mag hoogstens %(limit)s MB zijn."),
                code="too_large",
                params={"size": f"{value.size / 1024 / 1024:.1f}".replace(".", ","), "limit": limit // 2**20},
            )
        kind = detect(read_head(value))
        suffix = PurePath(value.name or "").suffix.lower()
        if kind not in spec.kinds or suffix not in spec.kinds[kind]:
            raise ValidationError(spec.wrong_type, code="wrong_type")

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.purpose == self.purpose

    def __hash__(self):
        return hash(self.purpose)


def mime_type(file) -> str:
    """The MIME type of a stored file, from its content."""
    return MIME_TYPES.get(detect(read_head(file)) or "", "application/octet-stream")
