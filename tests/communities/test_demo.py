"""Demo beroepsgroepen: realistic content, all four kinds of situation present, idempotent, and safe HTML."""

import io

import pytest

from tests.communities.factories import UserFactory
from wendbaar.accounts.models import Role, User
from wendbaar.communities import demo
from wendbaar.communities.models import (
    Access,
    Group,
    Membership,
    MembershipStatus,
    ModerationKind,
    Pin,
    Post,
    Thread,
)
from wendbaar.learning import demo as learning_demo
from wendbaar.taxonomy.starter_import import load_starter_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    load_starter_set()
    learning_demo.load(io.StringIO())
    # The accounts of the core demo command.
    UserFactory(email=demo.PETRA, name="Petra de Vries")
    UserFactory(email=demo.SAMIR, name="Samir El Amrani")
    UserFactory(email=demo.ANNELIES, name="Annelies Bakker", role=Role.LOOPBAANADVISEUR)
    UserFactory(email=demo.FATMA, name="Fatma Yilmaz", role=Role.PROGRAMMATEAM)
    out = io.StringIO()
    demo.load(out)
    return out.getvalue()


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("slug", "access")),
        "members": sorted(Membership.objects.values_list("group__slug", "user__email", "role", "status")),
        "threads": sorted(Thread.objects.values_list("title", "is_locked", "is_hidden")),
        "posts": sorted(Post.objects.values_list("thread__title", "author__email", "body", "is_hidden")),
        "pins": sorted(Pin.objects.values_list("group__slug", "content_type__model", "object_id")),
    }


def test_demo_has_groups_with_realistic_discussions(loaded):
    assert "4 groepen" in loaded
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Burgerzaken",
        "KCC en klantcontact",
        "Van balie naar zorg",
    }
    assert Group.objects.get(slug="van-balie-naar-zorg").access == Access.CLOSED
    assert Thread.objects.count() >= 8 and Post.objects.count() >= 20
    assert Thread.objects.filter(accepted_answer__isnull=False).count() >= 3
    assert Thread.objects.filter(is_locked=True).exists()
    hidden = Post.objects.get(is_hidden=True)
    assert hidden.thread.group.moderation_log.filter(kind=ModerationKind.HIDE, post=hidden).exists()
    assert Membership.objects.filter(
        status=MembershipStatus.PENDING, group__slug="van-balie-naar-zorg"
    ).exists()
    assert Pin.objects.filter(group__slug="van-balie-naar-zorg", content_type__model="course").count() == 2
    for group in Group.objects.all():
        assert group.skills.exists() and group.occupations.exists(), group
    for post in Post.objects.all():
        assert "<script" not in post.body_html and post.body_text


def test_new_demo_people_can_sign_in(loaded, client):
    from wendbaar.core.management.commands.demo import DEMO_PASSWORD

    assert User.objects.filter(email__in=[p[0] for p in demo.PEOPLE]).count() == len(demo.PEOPLE)
    assert client.login(email="marieke@wendbaar.localhost", password=DEMO_PASSWORD)


def test_loading_twice_changes_nothing(loaded):
    before = snapshot()
    out = io.StringIO()
    demo.load(out)
    assert snapshot() == before
    assert "0 nieuwe onderwerpen" in out.getvalue()


def test_unknown_key_fails_loudly(monkeypatch):
    load_starter_set()
    broken = demo.DemoGroup(
        slug="kapot",
        name="Kapot",
        focus="beroep",
        access="open",
        summary="Kan niet.",
        description="",
        moderators=(demo.FATMA,),
        members=(),
        skills=("bestaat-niet",),
        occupations=(),
    )
    monkeypatch.setattr(demo, "GROUPS", [broken])
    UserFactory(email=demo.PETRA)
    UserFactory(email=demo.SAMIR)
    UserFactory(email=demo.ANNELIES)
    UserFactory(email=demo.FATMA)
    with pytest.raises(ValueError, match="bestaat-niet"):
        demo.load(io.StringIO())
    assert not Group.objects.exists()
