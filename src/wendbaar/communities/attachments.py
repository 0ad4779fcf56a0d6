"""Checks on attachments: the content must be what the name says, of an allowed kind, and not too large.

The kind is read from the file's first bytes (its "magic number") and must agree with the name's ending,
so a renamed program is refused. A .docx must be a zip with a Word document inside; only the zip's
table of contents is read, never unpacked. A .txt must be text: no NUL bytes, UTF-8 or Windows-1252.
The size limit comes from ``COMMUNITIES_MAX_ATTACHMENT_MB`` at upload time.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED = {
    "pdf": (".pdf",),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "docx": (".docx",),
    "text": (".txt",),
}
BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"MZ",
    b"\x7fELF",
    b"GIF8",
    b"\xd0\xcf\x11\xe0",
)


@dataclass(frozen=True)
class Checked:
    name: str
    content_type: str
    size: int


def max_bytes() -> int:
    return int(getattr(settings, "COMMUNITIES_MAX_ATTACHMENT_MB", 10)) * 1024 * 1024


def max_count() -> int:
    return int(getattr(settings, "COMMUNITIES_MAX_ATTACHMENTS", 3))


def _read(file, size: int | None = None) -> bytes:
    handle = getattr(file, "file", file)
    handle.seek(0)
    data = handle.read() if size is None else handle.read(size)
    handle.seek(0)
    return data


def _is_docx(file) -> bool:
    handle = getattr(file, "file", file)
    try:
        handle.seek(0)
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        handle.seek(0)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _text_charset(data: bytes) -> str | None:
    if b"\x00" in data or data.startswith(BINARY_MAGIC):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
        # Control characters other than tab, newline and carriage return mean it is not a text file.
        if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
            return None
        return "windows-1252"
    return "utf-8"


def detect(file) -> tuple[str, str] | None:
    """(kind, content type) of an uploaded file from its content, or None when it is no allowed kind."""
    head = _read(file, 16)
    if head.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg", "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return ("docx", DOCX) if _is_docx(file) else None
    charset = _text_charset(_read(file))
    if charset:
        return "text", f"text/plain; charset={charset}"
    return None


def display_name(name: str) -> str:
    """The file's own name without any folder, at most 150 characters (keeping the ending)."""
    path = PurePath((name or "").replace("\\", "/"))
    stem, suffix = path.stem.strip() or "bijlage", path.suffix.lower()
    return f"{stem[: 150 - len(suffix)]}{suffix}"


def check(file) -> Checked:
    """Raise a ValidationError with a plain Dutch message, or return what the file turned out to be."""
    name = display_name(file.name)
    limit = max_bytes()
    if file.size == 0:
        raise ValidationError(
            _("‘%(name)s’ is leeg. Kies een bestand met inhoud.") % {"name": name}, code="empty"
        )
    if file.size > limit:
        raise ValidationError(
            _("‘%(name)s’ is te groot (%(size)s MB). Een bijlage mag hoogstens %(limit)s MB zijn.")
            % {
                "name": name,
                "size": f"{file.size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": limit // 2**20,
            },
            code="too_large",
        )
    suffix = PurePath(name).suffix.lower()
    found = detect(file)
    if found is None or suffix not in ALLOWED[found[0]]:
        raise ValidationError(
            _(
                "‘%(name)s’ kan niet als bijlage. Kies een pdf, een afbeelding (PNG of JPEG), een "
                "tekstbestand (.txt) of een Word-bestand (.docx), met de juiste bestandsnaam."
            )
            % {"name": name},
            code="wrong_type",
        )
    return Checked(name=name, content_type=found[1], size=file.size)
