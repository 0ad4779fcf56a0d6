"""Kansen: the medewerker's side (/kansen/), the organisation's workspace (/kansen/organisatie/<slug>/) and
the public organisation page (/organisaties/<slug>/).

Every view asks ``request.user.has_perm(...)`` with the object (rules in ``rules.py``); an organisation's
views also check that the object belongs to the organisation in the address.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wendbaar.access.log import record_access, record_access_many
from wendbaar.access.views import require
from wendbaar.accounts.models import Membership, Organisation, Province
from wendbaar.opportunities import forms, matching, sector, services
from wendbaar.opportunities.models import (
    ContactRequest,
    Direction,
    Opportunity,
    OpportunityKind,
    OpportunityStatus,
    RequestStatus,
    SavedOpportunity,
    Thread,
)
from wendbaar.opportunities.rules import is_staff
from wendbaar.opportunities.suggest import occupation_choices, skill_options
from wendbaar.profiles.models import ProfileSkill
from wendbaar.taxonomy.starter import SECTORS

PAGE = 10
MATCH_PAGE = 20


def _require(request, permission: str, obj, *, hide: bool = False) -> None:
    """403, or 404 (``hide``) where the object's existence is itself private: a draft of another
    organisation, someone else's request or conversation."""
    require(request, permission, obj, hide=hide)


def _safe_next(request, default: str) -> str:
    target = request.POST.get("terug", "")
    return target if target.startswith("/") and not target.startswith("//") else default


# --- medewerker --------------------------------------------------------------------------------------------


@login_required
def index(request):
    """Open kansen, ranked for the person by the matching engine, with search and filters."""
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("soort", "")
    sector_key = request.GET.get("sector", "")
    province = request.GET.get("provincie", "")
    opportunities = Opportunity.objects.open()
    if query:
        opportunities = opportunities.filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(required_skills__name__icontains=query)
        )
    if kind in OpportunityKind.values:
        opportunities = opportunities.filter(kind=kind)
    if sector_key in SECTORS:
        opportunities = opportunities.filter(organisation__sector=sector_key)
    if province in Province.values:
        opportunities = opportunities.filter(province=province)
    ids = list(opportunities.order_by("closes_on", "id").values_list("id", flat=True).distinct())
    view = matching.for_person(request.user)
    if view is not None:
        ids.sort(key=lambda pk: -(view.score(pk) or 0.0))  # stable: equal scores keep the closing order
    page = Paginator(ids, PAGE).get_page(request.GET.get("pagina"))
    found = Opportunity.objects.select_related("organisation").in_bulk(list(page.object_list))
    saved = set(
        SavedOpportunity.objects.filter(
            user=request.user, opportunity_id__in=list(page.object_list)
        ).values_list("opportunity_id", flat=True)
    )
    results = []
    for pk in page.object_list:
        item = {"opportunity": found[pk], "saved": pk in saved, "fit": None}
        if view is not None:
            fit = view.fit(pk)
            item.update(fit=fit, shared=view.skills(fit.shared[:3]), missing=view.skills(fit.missing[:3]))
        results.append(item)
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "opportunities/index.html",
        {
            "results": results,
            "page": page,
            "query": query,
            "kind": kind,
            "sector": sector_key,
            "province": province,
            "kinds": OpportunityKind.choices,
            "sectors": SECTORS.items(),
            "provinces": Province.choices,
            "has_profile": view is not None,
            "params": params.urlencode(),
            "visibility": _visibility_context(request.user),
        },
    )


def _visibility_context(user) -> dict:
    visible = services.is_visible(user)
    return {
        "visible": visible,
        "form": forms.VisibilityForm(initial={"visible": visible, "province": services.region_of(user)}),
    }


@login_required
def detail(request, pk):
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("organisation", "occupation").prefetch_related(
            "required_skills__translations"
        ),
        pk=pk,
    )
    _require(request, "opportunities.view_opportunity", opportunity, hide=True)
    view = matching.for_person(request.user)
    fit = view.fit(opportunity.pk) if view is not None else None
    held = set()
    if view is not None:
        held = set(ProfileSkill.objects.filter(profile__user=request.user).values_list("skill_id", flat=True))
    own_requests = ContactRequest.objects.filter(opportunity=opportunity, person=request.user).exclude(
        status=RequestStatus.WITHDRAWN
    )
    return render(
        request,
        "opportunities/detail.html",
        {
            "opportunity": opportunity,
            "fit": fit,
            "skills": [(s, s.id in held) for s in opportunity.required_skills.all()],
            "missing": view.skills(fit.missing) if fit else [],
            "saved": SavedOpportunity.objects.filter(user=request.user, opportunity=opportunity).exists(),
            "own_request": own_requests.first(),
            "can_express": request.user.has_perm("opportunities.express_interest", opportunity),
            "is_staff": is_staff(request.user, opportunity.organisation_id),
        },
    )


@login_required
@require_POST
def save(request, pk):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    _require(request, "opportunities.view_opportunity", opportunity, hide=True)
    keep = not request.POST.get("weg")
    services.toggle_saved(request.user, opportunity, keep)
    if keep:
        messages.success(request, _("‘%(title)s’ is bewaard.") % {"title": opportunity.title})
    else:
        messages.info(request, _("‘%(title)s’ is niet meer bewaard.") % {"title": opportunity.title})
    return redirect(_safe_next(request, reverse("opportunities:saved")))


@login_required
def saved(request):
    items = (
        SavedOpportunity.objects.filter(user=request.user)
        .exclude(opportunity__status=OpportunityStatus.CONCEPT)
        .select_related("opportunity__organisation")
    )
    return render(request, "opportunities/saved.html", {"items": items})


@login_required
@require_http_methods(["GET", "POST"])
def interest(request, pk):
    """ "Ik heb interesse": the person tells the organisation who they are, with an optional note."""
    opportunity = get_object_or_404(Opportunity.objects.select_related("organisation"), pk=pk)
    _require(request, "opportunities.view_opportunity", opportunity, hide=True)
    form = forms.NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.express_interest(opportunity, request.user, form.cleaned_data["note"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("%(organisation)s weet nu dat je interesse hebt. Je hoort het als ze antwoorden.")
                % {"organisation": opportunity.organisation.name},
            )
            return redirect("opportunities:requests")
    return render(request, "opportunities/interest.html", {"opportunity": opportunity, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def visibility(request):
    """The switch "zichtbaar voor organisaties" (off until the person turns it on) and their province."""
    form = forms.VisibilityForm(
        request.POST or None, initial=_visibility_context(request.user)["form"].initial
    )
    if request.method == "POST" and form.is_valid():
        visible = form.cleaned_data["visible"]
        services.set_visibility(request.user, visible, form.cleaned_data["province"])
        if visible:
            messages.success(
                request,
                _("Je bent nu zichtbaar voor organisaties: zonder naam, met je vaardigheden en provincie."),
            )
        else:
            messages.success(request, _("Je bent niet meer zichtbaar voor organisaties. Dat geldt meteen."))
        return redirect(_safe_next(request, reverse("opportunities:index")))
    return render(
        request, "opportunities/visibility.html", {"form": form, "visible": services.is_visible(request.user)}
    )


@login_required
def my_requests(request):
    items = services.requests_for_person(request.user)
    return render(
        request,
        "opportunities/requests.html",
        {
            "incoming": [r for r in items if r.direction == Direction.INVITATION and r.is_open],
            "sent": [r for r in items if r.direction == Direction.INTEREST and r.is_open],
            "contacts": [r for r in items if r.status == RequestStatus.ACCEPTED],
            "closed": [r for r in items if r.status == RequestStatus.DECLINED],
            "visible": services.is_visible(request.user),
        },
    )


@login_required
@require_POST
def answer(request, pk):
    """Accept, decline or withdraw a request (from either side; the rules decide who may)."""
    contact = get_object_or_404(ContactRequest.objects.select_related("opportunity__organisation"), pk=pk)
    _require(request, "opportunities.view_contactrequest", contact, hide=True)
    action = request.POST.get("besluit")
    organisation = contact.opportunity.organisation
    default = (
        reverse("opportunities:requests")
        if contact.person_id == request.user.pk
        else reverse("opportunities:org_requests", args=[organisation.slug])
    )
    try:
        if action == "ja":
            thread = services.accept(contact.pk, request.user)
            messages.success(request, _("Jullie kunnen nu berichten sturen."))
            return redirect("opportunities:thread", pk=thread.pk)
        if action == "nee":
            services.decline(contact.pk, request.user)
            messages.info(request, _("Het verzoek is afgewezen."))
        elif action == "intrekken":
            services.withdraw(contact.pk, request.user)
            messages.info(request, _("Het verzoek is ingetrokken."))
        else:
            messages.error(request, _("Kies ja, nee of intrekken."))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect(_safe_next(request, default))


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, pk):
    conversation = get_object_or_404(
        Thread.objects.select_related("request__opportunity__organisation", "request__person"), pk=pk
    )
    _require(request, "opportunities.view_thread", conversation, hide=True)
    contact = conversation.request
    organisation = contact.opportunity.organisation
    staff = is_staff(request.user, organisation)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_message(conversation, request.user, form.cleaned_data["text"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Je bericht is verstuurd."))
            return redirect("opportunities:thread", pk=conversation.pk)
    if staff:
        record_access(
            request.user,
            contact.person,
            what="naam en berichten",
            why=f"contact over kans ‘{contact.opportunity.title}’ van {organisation.name}",
        )
    return render(
        request,
        "opportunities/thread.html",
        {
            "thread": conversation,
            "contact": contact,
            "organisation": organisation,
            "posts": conversation.messages.select_related("author"),
            "form": form,
            "staff": staff,
        },
    )


# --- organisation ----------------------------------------------------------------------------------------


def _organisation(request, slug, permission="opportunities.view_workspace") -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    _require(request, permission, organisation)
    return organisation


def _own_opportunity(organisation, pk) -> Opportunity:
    return get_object_or_404(
        Opportunity.objects.select_related("organisation", "occupation"), pk=pk, organisation=organisation
    )


@login_required
def organisations(request):
    """Where someone acts for organisations: straight to the workspace when there is one."""
    memberships = list(
        Membership.objects.filter(user=request.user, role__in=("beheerder", "recruiter")).select_related(
            "organisation"
        )
    )
    if len(memberships) == 1:
        return redirect("opportunities:workspace", slug=memberships[0].organisation.slug)
    return render(request, "opportunities/organisations.html", {"memberships": memberships})


@login_required
def workspace(request, slug):
    organisation = _organisation(request, slug)
    opportunities = list(organisation.opportunities.order_by("-created_at"))
    open_requests = (
        services.requests_for_organisation(organisation)
        .filter(status=RequestStatus.OPEN, direction=Direction.INTEREST)
        .count()
    )
    return render(
        request,
        "opportunities/workspace.html",
        {
            "organisation": organisation,
            "opportunities": opportunities,
            "open_requests": open_requests,
            "can_manage": request.user.has_perm("opportunities.manage_organisation", organisation),
            "requests_left": services.requests_left_today(organisation),
        },
    )


def _editor(request, organisation, opportunity=None):
    """Create or edit a kans. "Vaardigheden voorstellen" fills the skill list from the text and the chosen
    occupation without saving; "Opslaan" checks everything and saves."""
    action = request.POST.get("actie", "opslaan")
    initial = {}
    if opportunity is not None:
        initial = {
            "kind": opportunity.kind,
            "title": opportunity.title,
            "description": opportunity.description,
            "occupation": opportunity.occupation.code if opportunity.occupation else "",
            "skills": list(opportunity.required_skills.values_list("code", flat=True)),
            "province": opportunity.province,
            "municipality": opportunity.municipality,
            "hours": opportunity.hours,
            "starts_on": opportunity.starts_on,
            "ends_on": opportunity.ends_on,
            "closes_on": opportunity.closes_on,
        }
    else:
        initial = {"province": organisation.province, "municipality": organisation.municipality}
    data = request.POST if request.method == "POST" else None
    source = data or initial
    chosen = [c for c in (source.getlist("skills") if data else source.get("skills", [])) if c]
    suggest = request.method == "POST" and action == "voorstellen"
    options = skill_options(
        chosen=chosen,
        text=(source.get("description") or "") if suggest else "",
        occupation_code=(source.get("occupation") or "") if suggest else "",
        query=(source.get("skill_query") or "") if suggest else "",
    )
    occupations = occupation_choices(
        chosen=source.get("occupation") or "", query=(source.get("occupation_query") or "") if suggest else ""
    )
    if suggest:  # keep what was typed, without judging it yet
        initial = {name: data.get(name, "") for name in forms.OpportunityForm.base_fields}
        initial["skills"] = chosen
        data = None
    form = forms.OpportunityForm(data, initial=initial, skill_options=options, occupation_options=occupations)
    if request.method == "POST" and action == "opslaan" and form.is_valid():
        values = form.cleaned_data
        creating = opportunity is None
        if creating:
            opportunity = Opportunity(organisation=organisation, created_by=request.user)
        for name in ("kind", "title", "description", "occupation", "province", "municipality", "hours"):
            setattr(opportunity, name, values[name])
        opportunity.starts_on, opportunity.ends_on = values["starts_on"], values["ends_on"]
        opportunity.closes_on = values["closes_on"]
        opportunity.save()
        opportunity.required_skills.set(values["skills"])
        if opportunity.is_open:
            services.recompute_later(opportunity.pk)
        messages.success(
            request,
            _("De kans is opgeslagen als concept. Publiceer hem als alles klopt.")
            if opportunity.status == OpportunityStatus.CONCEPT
            else _("De kans is opgeslagen."),
        )
        return redirect("opportunities:manage", slug=organisation.slug, pk=opportunity.pk)
    if suggest:
        found = len([1 for _skill, note in options if note])
        messages.info(
            request,
            _("We stellen %(count)s vaardigheden voor. Vink aan wat de kans echt vraagt.") % {"count": found}
            if found
            else _("We vonden geen vaardigheden. Kies een beroep of zoek zelf een vaardigheid."),
        )
    return render(
        request,
        "opportunities/edit.html",
        {
            "organisation": organisation,
            "opportunity": opportunity,
            "form": form,
            "validated": form.is_bound,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request, slug):
    organisation = _organisation(request, slug, "opportunities.add_opportunity")
    return _editor(request, organisation)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    opportunity = _own_opportunity(organisation, pk)
    _require(request, "opportunities.change_opportunity", opportunity)
    if opportunity.status == OpportunityStatus.GESLOTEN:
        messages.error(request, _("Een gesloten kans kun je niet meer wijzigen."))
        return redirect("opportunities:manage", slug=slug, pk=pk)
    return _editor(request, organisation, opportunity)


@login_required
def manage(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    opportunity = _own_opportunity(organisation, pk)
    _require(request, "opportunities.change_opportunity", opportunity)
    requests = services.requests_for_organisation(organisation).filter(opportunity=opportunity)
    return render(
        request,
        "opportunities/manage.html",
        {
            "organisation": organisation,
            "opportunity": opportunity,
            "skills": opportunity.required_skills.prefetch_related("translations"),
            "requests": requests,
            "match_count": services.visible_matches(opportunity).count(),
        },
    )


@login_required
@require_POST
def status(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    opportunity = _own_opportunity(organisation, pk)
    _require(request, "opportunities.change_opportunity", opportunity)
    target = request.POST.get("status", "")
    if target not in OpportunityStatus.values:
        messages.error(request, _("Die status kennen we niet."))
    else:
        try:
            services.move(opportunity, target, request.user)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            if target == OpportunityStatus.GEPUBLICEERD:
                messages.success(request, _("De kans is gepubliceerd. Medewerkers die passen zien hem nu."))
            else:
                messages.success(request, _("De kans is gesloten en doet niet meer mee in de matching."))
    return redirect("opportunities:manage", slug=slug, pk=pk)


def _anonymous_cards(opportunity, matches) -> list[dict]:
    """What an organisation sees of a match: the kans's skills the person has, the match and a province."""
    required = {s.id: s for s in opportunity.required_skills.prefetch_related("translations")}
    profile_ids = [m.profile_id for m in matches]
    held: dict[int, list] = {pk: [] for pk in profile_ids}
    for profile_id, skill_id in ProfileSkill.objects.filter(
        profile_id__in=profile_ids, skill_id__in=list(required)
    ).values_list("profile_id", "skill_id"):
        held[profile_id].append(required[skill_id])
    regions = dict(
        services.SeekerRegion.objects.filter(user_id__in=[m.profile.user_id for m in matches]).values_list(
            "user_id", "province"
        )
    )
    provinces = dict(Province.choices)
    return [
        {
            "match": m,
            "skills": sorted(held[m.profile_id], key=lambda s: s.name),
            "required_total": len(required),
            "province": provinces.get(regions.get(m.profile.user_id, ""), ""),
        }
        for m in matches
    ]


@login_required
def matches(request, slug, pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    opportunity = _own_opportunity(organisation, pk)
    _require(request, "opportunities.view_matches", opportunity)
    province = request.GET.get("provincie", "")
    queryset = services.visible_matches(opportunity)
    if province in Province.values:
        queryset = queryset.filter(
            profile__user__in=services.SeekerRegion.objects.filter(province=province).values("user_id")
        )
    page = Paginator(queryset, MATCH_PAGE).get_page(request.GET.get("pagina"))
    cards = _anonymous_cards(opportunity, list(page.object_list))
    record_access_many(
        request.user,
        [card["match"].profile.user for card in cards],
        what="anonieme match: vaardigheden, match en provincie",
        why=f"lijst met matches voor kans ‘{opportunity.title}’ van {organisation.name}",
    )
    return render(
        request,
        "opportunities/matches.html",
        {
            "organisation": organisation,
            "opportunity": opportunity,
            "cards": cards,
            "page": page,
            "province": province,
            "provinces": Province.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def match(request, slug, pk, match_pk):
    organisation = get_object_or_404(Organisation, slug=slug)
    opportunity = _own_opportunity(organisation, pk)
    _require(request, "opportunities.view_matches", opportunity)
    found = services.visible_matches(opportunity).filter(pk=match_pk).first()
    if found is None:
        raise Http404(_("Deze match is er niet (meer)."))
    form = forms.NoteForm(request.POST or None)
    if request.method == "POST":
        _require(request, "opportunities.send_contactrequest", opportunity)
        if form.is_valid():
            try:
                services.send_invitation(found.pk, request.user, form.cleaned_data["note"])
            except services.Refused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(
                    request, _("Je verzoek is verstuurd. Je ziet de naam pas als de persoon ja zegt.")
                )
                return redirect("opportunities:matches", slug=slug, pk=pk)
    card = _anonymous_cards(opportunity, [found])[0]
    record_access(
        request.user,
        found.profile.user,
        what="anonieme match: vaardigheden, match en provincie",
        why=f"kans ‘{opportunity.title}’ van {organisation.name}",
    )
    existing = (
        ContactRequest.objects.filter(opportunity=opportunity, person_id=found.profile.user_id)
        .exclude(status=RequestStatus.WITHDRAWN)
        .first()
    )
    return render(
        request,
        "opportunities/match.html",
        {
            "organisation": organisation,
            "opportunity": opportunity,
            "card": card,
            "form": form,
            "existing": existing,
            "requests_left": services.requests_left_today(organisation),
        },
    )


@login_required
def org_requests(request, slug):
    organisation = _organisation(request, slug)
    items = list(services.requests_for_organisation(organisation))
    record_access_many(
        request.user,
        list({item.person for item in items if services.identity_visible(item)}),
        what="naam bij een contactverzoek",
        why=f"lijst met contactverzoeken van {organisation.name}",
    )
    return render(
        request,
        "opportunities/org_requests.html",
        {
            "organisation": organisation,
            "interest": [r for r in items if r.direction == Direction.INTEREST and r.is_open],
            "sent": [r for r in items if r.direction == Direction.INVITATION and r.is_open],
            "contacts": [r for r in items if r.status == RequestStatus.ACCEPTED],
            "closed": [r for r in items if r.status == RequestStatus.DECLINED],
        },
    )


@login_required
def sector_view(request, slug):
    organisation = _organisation(request, slug)
    return render(
        request,
        "opportunities/sector.html",
        {"organisation": organisation, "view": sector.build(organisation)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def members(request, slug):
    organisation = _organisation(request, slug, "opportunities.manage_organisation")
    form = forms.MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.invite_member(
                organisation, form.cleaned_data["email"], form.cleaned_data["role"], request.user
            )
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("%(name)s is nu %(role)s van %(organisation)s.")
                % {
                    "name": membership.user.name,
                    "role": membership.get_role_display().lower(),
                    "organisation": organisation.name,
                },
            )
            return redirect("opportunities:members", slug=slug)
    return render(
        request,
        "opportunities/members.html",
        {
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("user").order_by("user__name"),
            "form": form,
        },
    )


@login_required
@require_POST
def remove_member(request, slug, pk):
    organisation = _organisation(request, slug, "opportunities.manage_organisation")
    try:
        membership = services.remove_member(organisation, pk, request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(name)s is geen lid meer.") % {"name": membership.user.name})
        if membership.user_id == request.user.pk:
            return redirect("opportunities:index")
    return redirect("opportunities:members", slug=slug)


# --- public ------------------------------------------------------------------------------------------------


def organisation(request, slug):
    """The public page of an organisation, with its open kansen."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "opportunities/organisation.html",
        {
            "organisation": organisation,
            "opportunities": organisation.opportunities.open().order_by("closes_on"),
            "is_staff": is_staff(request.user, organisation),
        },
    )
