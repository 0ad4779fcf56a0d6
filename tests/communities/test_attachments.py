"""Attachments: the allowed kinds are recognised by content and name; anything else, an empty or oversized
file, or too many files is refused with a clear Dutch message and nothing is stored. Downloads are checked
on every request, like the post they belong to."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.communities.factories import (
    JPEG,
    PDF,
    PNG,
    TEXT,
    UserFactory,
    answer,
    docx_bytes,
    make_group,
    question,
    upload,
)
from wendbaar.communities import attachments, services
from wendbaar.communities.models import Access, Attachment, Post, Thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("verslag.pdf", PDF, "application/pdf"),
        ("scherm.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("foto.JPEG", JPEG, "image/jpeg"),
        ("checklist.txt", TEXT, "text/plain; charset=utf-8"),
        ("oud.txt", "Café rekening €5\r\n".encode("cp1252"), "text/plain; charset=windows-1252"),
        ("werkinstructie.docx", docx_bytes(), attachments.DOCX),
    ],
)
def test_allowed_kinds_are_recognised(name, content, content_type):
    checked = attachments.check(upload(name, content))
    assert checked.content_type == content_type and checked.name.lower() == name.lower()


@pytest.mark.parametrize(
    "name, content",
    [
        ("programma.exe", b"MZ\x90\x00" + b"\x00" * 20),
        ("programma.pdf", b"MZ\x90\x00" + b"\x00" * 20),  # a program renamed to .pdf
        ("foto.jpg", PNG),  # a PNG that calls itself JPEG
        ("verslag.txt", PDF),  # a pdf that calls itself text
        ("archief.docx", b"PK\x03\x04" + b"\x00" * 40),  # a zip, but no Word document inside
        ("archief.zip", docx_bytes()),
        ("pagina.html", b"<html><script>alert(1)</script></html>"),
        ("plaatje.svg", b"<svg onload=alert(1)></svg>"),
        ("binair.txt", b"tekst\x00met\x00nullen"),
        ("geen-naam", PDF),
    ],
)
def test_other_kinds_are_refused_with_a_message(name, content):
    with pytest.raises(ValidationError) as refused:
        attachments.check(upload(name, content))
    assert "kan niet als bijlage" in refused.value.messages[0]
    assert name.replace("\\", "/").split("/")[-1] in refused.value.messages[0]


def test_empty_and_oversized_files_are_refused(settings):
    settings.COMMUNITIES_MAX_ATTACHMENT_MB = 1
    with pytest.raises(ValidationError, match="is leeg"):
        attachments.check(upload("leeg.pdf", b""))
    with pytest.raises(ValidationError, match=r"te groot \(1,0 MB\)\. Een bijlage mag hoogstens 1 MB zijn"):
        attachments.check(upload("groot.pdf", PDF + b"0" * (1024 * 1024)))


def test_a_folder_in_the_name_is_dropped():
    assert attachments.check(upload("..\\..\\geheim.pdf", PDF)).name == "geheim.pdf"


@pytest.fixture
def setting():
    moderator = UserFactory(name="Mona Moderator")
    member = UserFactory(name="Petra de Vries")
    group = make_group("Van balie naar zorg", access=Access.CLOSED, moderator=moderator, members=[member])
    return group, moderator, member


def stored_files(settings) -> list[Path]:
    root = Path(settings.COMMUNITIES_ATTACHMENT_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload("virus.pdf", b"MZ\x90\x00rest")], "kan niet als bijlage"),
        ([upload("groot.pdf", PDF + b"0" * (2 * 1024 * 1024))], "te groot"),
        ([upload("leeg.txt", b"")], "is leeg"),
        ([upload(f"{n}.pdf", PDF) for n in range(4)], "hoogstens 3 bijlagen"),
        ([upload("goed.pdf", PDF), upload("fout.exe", b"MZ")], "‘fout.exe’ kan niet als bijlage"),
    ],
)
def test_a_post_with_a_bad_attachment_is_refused_and_nothing_is_stored(
    client, settings, setting, files, message
):
    settings.COMMUNITIES_MAX_ATTACHMENT_MB = 1
    group, _moderator, member = setting
    client.force_login(member)
    response = client.post(
        reverse("communities:thread_create", args=[group.slug]),
        {"kind": "vraag", "title": "Met bijlage", "body": "Zie bijlage", "files": files},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Thread.objects.exists() and not Post.objects.exists() and not Attachment.objects.exists()
    assert stored_files(settings) == []


def test_attachments_are_stored_outside_media_and_served_to_readers_only(client, settings, setting):
    group, moderator, member = setting
    client.force_login(member)
    client.post(
        reverse("communities:thread_create", args=[group.slug]),
        {
            "kind": "vraag",
            "title": "Werkinstructie",
            "body": "Zie bijlagen",
            "files": [upload("instructie.pdf", PDF), upload("scherm.png", PNG)],
        },
    )
    pdf, png = Attachment.objects.order_by("pk")
    assert pdf.name == "instructie.pdf" and pdf.content_type == "application/pdf" and pdf.size == len(PDF)
    files = stored_files(settings)
    assert len(files) == 2
    assert all(Path(django_settings.MEDIA_ROOT) not in f.parents for f in files)
    assert all(f.name not in ("instructie.pdf", "scherm.png") for f in files)  # random names on disk

    response = client.get(pdf.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "instructie.pdf" in response["Content-Disposition"]
    )
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get(png.get_absolute_url())["Content-Disposition"].startswith("inline;")

    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(pdf.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(pdf.get_absolute_url()).status_code == 302


def test_attachment_of_a_hidden_post_is_for_moderators_only(client, setting):
    group, moderator, member = setting
    thread = question(group, moderator)
    reply = answer(thread, member, body="Kijk maar", files=[upload("foto.jpg", JPEG)])
    services.hide(reply, moderator, "Persoonsgegevens op de foto")
    item = reply.attachments.get()
    client.force_login(member)
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(moderator)
    assert client.get(item.get_absolute_url()).status_code == 200


def test_deleting_a_post_removes_its_file(settings, setting):
    group, moderator, member = setting
    thread = question(group, member, files=[upload("plan.pdf", PDF)])
    assert len(stored_files(settings)) == 1
    thread.delete()
    assert stored_files(settings) == []
