"""Groups: the overview, a group's page, joining and leaving, members, join requests, creating and editing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.access.log import platform_language, record_access, record_access_many
from wendbaar.access.models import AccessKind
from wendbaar.accounts.models import User
from wendbaar.communities import access, pins, services
from wendbaar.communities.forms import GroupForm, JoinRequestForm, RemoveMemberForm
from wendbaar.communities.models import (
    Group,
    MemberRole,
    Membership,
    MembershipStatus,
    Post,
)
from wendbaar.communities.views import load, no_access

THREADS_PER_PAGE = 20


def _with_member_count(groups):
    return groups.annotate(
        member_count=Count(
            "memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE), distinct=True
        )
    )


@require_GET
def index(request):
    groups = _with_member_count(Group.objects.prefetch_related("occupations__translations"))
    mine, unread = [], 0
    if request.user.is_authenticated:
        statuses = dict(Membership.objects.filter(user=request.user).values_list("group_id", "status"))
        for group in groups:
            group.my_status = statuses.get(group.pk)
        mine = [g for g in groups if g.my_status == MembershipStatus.ACTIVE]
        unread = access.visible_notifications(request.user).filter(read_at__isnull=True).count()
    return render(
        request,
        "communities/index.html",
        {"groups": groups, "mine": mine, "unread": unread},
    )


@require_GET
def group_detail(request, slug):
    group, acc = load(request, slug)
    context = {
        "group": group,
        "access": acc,
        "skills": group.skills.prefetch_related("translations"),
        "occupations": group.occupations.prefetch_related("translations"),
        "member_count": group.memberships.filter(status=MembershipStatus.ACTIVE).count(),
    }
    if acc.can_read:
        threads = (
            access.visible_threads(request.user, group)
            .select_related("author")
            .annotate(
                reply_count=Count(
                    "posts",
                    filter=Q(posts__is_opening=False)
                    & (Q() if acc.is_moderator else Q(posts__is_hidden=False)),
                )
            )
            .order_by("-last_activity_at", "-pk")
        )
        context |= {
            "page": Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("pagina")),
            "pinned": pins.pinned(group),
            "events": pins.upcoming_events(group),
            "publications": pins.recent_publications(group),
        }
        if acc.is_moderator:
            context["pending_count"] = group.memberships.filter(status=MembershipStatus.PENDING).count()
            context["open_reports"] = Post.objects.filter(thread__group=group).reported().count()
    return render(request, "communities/group_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request, slug):
    group, acc = load(request, slug)
    if acc.is_member:
        return redirect(group)
    must_ask = group.is_closed or acc.status == MembershipStatus.REMOVED
    form = JoinRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.join(group, request.user, form.cleaned_data.get("motivation", ""))
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            if membership.status == MembershipStatus.ACTIVE:
                messages.success(request, _("Welkom! Je bent nu lid van %(group)s.") % {"group": group.name})
            else:
                messages.success(
                    request,
                    _(
                        "Je verzoek is verstuurd. Een moderator beslist of je lid wordt; je krijgt dan een "
                        "melding."
                    ),
                )
        return redirect(group)
    if not must_ask and request.method == "GET":
        return redirect(group)
    return render(request, "communities/join.html", {"group": group, "form": form, "access": acc})


@login_required
@require_POST
def leave(request, slug):
    group, acc = load(request, slug)
    try:
        services.leave(group, request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        if acc.is_pending:
            messages.success(request, _("Je verzoek om lid te worden is ingetrokken."))
        else:
            messages.success(request, _("Je bent geen lid meer van %(group)s.") % {"group": group.name})
    return redirect(group)


@login_required
@require_GET
def members(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.view_members_group", group):
        return no_access(request, group, _("Alleen leden van de groep zien wie er lid zijn."))
    memberships = (
        group.memberships.filter(status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__name")
    )
    return render(
        request,
        "communities/members.html",
        {
            "group": group,
            "access": acc,
            "memberships": memberships,
            "moderator_role": MemberRole.MODERATOR,
        },
    )


def _log_membership(request, group, person, why):
    """A moderator changed someone's membership: the person sees it in their access log."""
    with platform_language():
        record_access(
            request.user,
            person,
            what=_("lidmaatschap van %(group)s") % {"group": group.name},
            why=why,
            kind=AccessKind.CHANGE,
        )


def _member_or_404(group, user_id) -> User:
    membership = get_object_or_404(
        Membership.objects.select_related("user"),
        group=group,
        user_id=user_id,
        status=MembershipStatus.ACTIVE,
    )
    return membership.user


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request, slug, user_id):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        return no_access(request, group, _("Alleen moderatoren kunnen leden uit de groep halen."))
    person = _member_or_404(group, user_id)
    form = RemoveMemberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_member(group, request.user, person, form.cleaned_data["note"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            _log_membership(request, group, person, gettext_lazy("uit de groep gehaald door een moderator"))
            messages.success(request, _("%(name)s is uit de groep gehaald.") % {"name": person})
        return redirect("communities:members", group.slug)
    return render(request, "communities/remove_member.html", {"group": group, "person": person, "form": form})


@login_required
@require_POST
def set_role(request, slug, user_id):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        raise PermissionDenied
    person = _member_or_404(group, user_id)
    make = request.POST.get("moderator") == "1"
    try:
        services.set_moderator(group, request.user, person, make)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        _log_membership(request, group, person, gettext_lazy("rol in de groep gewijzigd door een moderator"))
        messages.success(
            request,
            (_("%(name)s is nu moderator.") if make else _("%(name)s is nu gewoon lid.")) % {"name": person},
        )
    return redirect("communities:members", group.slug)


@login_required
@require_GET
def requests(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        return no_access(request, group, _("Alleen moderatoren zien wie lid wil worden."))
    pending = (
        group.memberships.filter(status=MembershipStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )
    with platform_language():
        record_access_many(
            request.user,
            [membership.user for membership in pending],
            what=_("verzoek om lid te worden van %(group)s, met je toelichting") % {"group": group.name},
            why=_("verzoek beoordelen als moderator"),
        )
    return render(request, "communities/requests.html", {"group": group, "pending": pending})


@login_required
@require_POST
def decide(request, slug, pk):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        raise PermissionDenied
    approve = request.POST.get("besluit") == "toelaten"
    try:
        membership = services.decide(group, request.user, pk, approve)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        _log_membership(request, group, membership.user, gettext_lazy("verzoek om lid te worden beoordeeld"))
        if approve:
            messages.success(request, _("%(name)s is toegelaten.") % {"name": membership.user})
        else:
            messages.success(request, _("Het verzoek van %(name)s is afgewezen.") % {"name": membership.user})
    return redirect("communities:requests", group.slug)


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    if not request.user.has_perm("communities.create_group"):
        raise PermissionDenied
    form = GroupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        group = services.create_group(
            request.user, skills=data.pop("skills"), occupations=data.pop("occupations"), **data
        )
        messages.success(request, _("De groep is aangemaakt. Jij bent de eerste moderator."))
        return redirect(group)
    return render(request, "communities/group_form.html", {"form": form, "group": None})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        return no_access(request, group, _("Alleen moderatoren kunnen de groep aanpassen."))
    form = GroupForm(request.POST if request.method == "POST" else None, instance=group)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            services.log_group_change(group, request.user)
        messages.success(request, _("De groep is aangepast."))
        return redirect(group)
    return render(request, "communities/group_form.html", {"form": form, "group": group})
