"""Test data for beroepsgroepen: people, groups with moderators and members, topics and replies.

Content goes through the services, so tests see what the site would store (rendered HTML, follows,
notifications)."""

import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from wendbaar.accounts.models import Role, User
from wendbaar.communities import services
from wendbaar.communities.models import Access, Group, MemberRole, Membership, MembershipStatus

PASSWORD = "lente-in-zwolle-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"collega{n}@example.nl")
    name = factory.Sequence(lambda n: f"Collega {n}")
    role = Role.MEDEWERKER
    password = factory.django.Password(PASSWORD)


def make_group(name="Burgerzaken", *, access=Access.OPEN, moderator=None, members=(), **fields) -> Group:
    """A group with one moderator (made if not given) and active members."""
    moderator = moderator or UserFactory(
        name=f"Moderator {name}", email=f"mod-{name.lower()[:20]}@example.nl"
    )
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    group = services.create_group(
        moderator, name=name, slug=slug, access=access, summary=f"Groep {name}", **fields
    )
    for member in members:
        add_member(group, member)
    return group


def add_member(group, user, role=MemberRole.MEMBER) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        group=group, user=user, defaults={"status": MembershipStatus.ACTIVE, "role": role}
    )
    return membership


def question(group, author, title="Hoe regelen jullie de ID-controle?", body="Wie heeft een tip?", **kwargs):
    return services.start_thread(group, author, title=title, body=body, check_limits=False, **kwargs)


def answer(thread, author, body="Wij vragen altijd om het originele document.", **kwargs):
    return services.reply(thread, author, body=body, check_limits=False, **kwargs)


# Small files of each allowed kind, recognisable by their first bytes.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
TEXT = "Checklist balie:\n- paspoort\n- ID-kaart\nĳsselmeer é\n".encode()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
