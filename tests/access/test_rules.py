"""The one mechanism: rules from every app, asked through ``has_perm`` by views, admin and services."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from tests.access.world import ADVISEUR, BEHEERDER, MEDEWERKER, ORGANISATIE, PROGRAMMATEAM, World, soon
from wendbaar.access import rules
from wendbaar.access.views import permission_required_for, require
from wendbaar.events.models import Conversation, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World()


def _conversation(world, person, adviser):
    start, end = soon()
    return Conversation.objects.create(
        adviser=adviser, person=person, starts_at=start, ends_at=end, mode="locatie", location="Zwolle"
    )


def test_every_app_declares_its_rules_in_one_place():
    found = {name.split(".")[0] for name in rules.all_rules()}
    assert {"events", "communities", "knowledge", "profiles", "learning", "accounts"} <= found


def test_a_superuser_does_not_read_other_peoples_conversations(world):
    beheerder = world.user(BEHEERDER)
    assert beheerder.is_superuser
    conversation = _conversation(world, world.stranger, world.stranger_adviser)
    assert not beheerder.has_perm("events.view_conversation", conversation)
    assert world.stranger.has_perm("events.view_conversation", conversation)
    assert world.stranger_adviser.has_perm("events.followup_conversation", conversation)
    assert not world.stranger.has_perm("events.followup_conversation", conversation)
    # Django's own model permissions (the admin) still work for superusers.
    assert beheerder.has_perm("accounts.view_user")
    assert beheerder.has_perm("accounts.view_user", world.stranger)


def test_platform_actions_follow_the_rule_not_the_superuser_flag(world):
    medewerker = world.user(MEDEWERKER)
    medewerker.is_superuser = True  # a superuser who is not programme staff does not organise events
    assert not medewerker.has_perm("events.organise_event")
    assert world.user(PROGRAMMATEAM).has_perm("events.organise_event")
    assert not world.user(BEHEERDER).has_perm("events.manage_adviser")  # not an adviser
    assert world.user(ADVISEUR).has_perm("events.manage_adviser")


def test_visitors_only_get_what_a_rule_opens_to_anyone(world):
    visitor = AnonymousUser()
    start, end = soon(days=10)
    published = Event(title="Open", slug="open", is_published=True, starts_at=start, ends_at=end)
    draft = Event(title="Concept", slug="concept", is_published=False, starts_at=start, ends_at=end)
    assert visitor.has_perm("events.view_event", published)
    assert not visitor.has_perm("events.view_event", draft)
    assert world.user(PROGRAMMATEAM).has_perm("events.view_event", draft)
    conversation = _conversation(world, world.stranger, world.stranger_adviser)
    assert not visitor.has_perm("events.view_conversation", conversation)


def test_inactive_people_may_do_nothing_and_unknown_permissions_are_refused(world):
    conversation = _conversation(world, world.stranger, world.stranger_adviser)
    world.stranger.is_active = False
    assert not world.stranger.has_perm("events.view_conversation", conversation)
    assert not world.user(BEHEERDER).has_perm("events.no_such_thing", conversation)
    assert not rules.allowed(world.user(MEDEWERKER), "events.no_such_thing")


def test_rules_without_an_object_answer_only_when_they_say_they_can(world):
    """Model-level questions (the admin, "may this person organise at all?") reach only predicates whose
    object parameter has a default; those answer yes or no for every role, the others are "no" unasked."""
    broken = []
    for name, predicate in rules.all_rules().items():
        for user in [*world.users.values(), AnonymousUser()]:
            try:
                answer = rules.allowed(user, name)
            except Exception as error:  # noqa: BLE001 — reported by rule name below
                broken.append(f"{name}: {type(error).__name__}: {error}")
                break
            if not isinstance(answer, bool) or (answer and not rules.answers_without_object(predicate)):
                broken.append(f"{name}: answered {answer!r}")
                break
    assert not broken, "\n".join(broken)
    assert world.user(PROGRAMMATEAM).has_perm("communities.create_group")
    assert not world.user(MEDEWERKER).has_perm("communities.create_group")
    assert not world.user(PROGRAMMATEAM).has_perm("events.view_conversation")  # needs a conversation


def test_organisation_rules_read_membership(world):
    from wendbaar.accounts.rules import membership_role

    member = world.user(ORGANISATIE)
    assert membership_role(member, world.organisation) == "beheerder"
    assert member.has_perm("accounts.change_organisation", world.organisation)
    assert not member.has_perm("accounts.change_organisation", world.other_organisation)
    assert world.user(MEDEWERKER).has_perm("accounts.member_organisation", world.organisation)
    assert not world.user(MEDEWERKER).has_perm("accounts.change_organisation", world.organisation)
    assert world.user(BEHEERDER).has_perm("accounts.change_organisation", world.other_organisation)


def test_a_refusal_is_404_when_existence_is_private_and_403_otherwise(world):
    conversation = _conversation(world, world.stranger, world.stranger_adviser)
    request = RequestFactory().get("/")
    request.user = world.user(MEDEWERKER)
    with pytest.raises(Http404):
        require(request, "events.view_conversation", conversation, hide=True)
    with pytest.raises(PermissionDenied):
        require(request, "events.organise_event")
    request.user = world.stranger
    require(request, "events.view_conversation", conversation, hide=True)  # no exception: allowed


def test_the_decorator_sends_visitors_to_the_login_page_and_keeps_the_object(world):
    conversation = _conversation(world, world.stranger, world.stranger_adviser)

    @permission_required_for(
        "events.view_conversation", lambda request, pk: Conversation.objects.get(pk=pk), hide=True
    )
    def view(request, pk):
        return request.permission_object

    request = RequestFactory().get("/gesprekken/1/")
    request.user = AnonymousUser()
    response = view(request, pk=conversation.pk)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
    request.user = world.user(MEDEWERKER)
    with pytest.raises(Http404):
        view(request, pk=conversation.pk)
    request.user = world.stranger
    assert view(request, pk=conversation.pk) == conversation


def test_class_based_views_ask_the_same_rules(world):
    from django.http import HttpResponse
    from django.views.generic import DetailView, View

    from wendbaar.access.views import RulePermissionMixin

    conversation = _conversation(world, world.stranger, world.stranger_adviser)

    class ConversationPage(RulePermissionMixin, DetailView):
        model = Conversation
        permission_required = "events.view_conversation"
        hide_object = True

        def render_to_response(self, context, **kwargs):
            return HttpResponse(str(context["object"].pk))

    class OrganiserPage(RulePermissionMixin, View):
        permission_required = "events.organise_event"

        def get(self, request):
            return HttpResponse("ok")

    def call(view, user, **kwargs):
        request = RequestFactory().get("/")
        request.user = user
        return view.as_view()(request, **kwargs)

    assert call(ConversationPage, world.stranger, pk=conversation.pk).content == str(conversation.pk).encode()
    with pytest.raises(Http404):
        call(ConversationPage, world.user(BEHEERDER), pk=conversation.pk)
    assert call(ConversationPage, AnonymousUser(), pk=conversation.pk).status_code == 302
    assert call(OrganiserPage, world.user(PROGRAMMATEAM)).content == b"ok"
    with pytest.raises(PermissionDenied):
        call(OrganiserPage, world.user(MEDEWERKER))
