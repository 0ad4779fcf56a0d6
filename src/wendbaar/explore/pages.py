"""Verkennen: the person's ranked transitions, one transition in detail with what-if and a learning route,
favourites, and two occupations side by side."""

import hashlib
from dataclasses import astuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wendbaar.explore.engine import get_engine, get_engine_and_version
from wendbaar.explore.inputs import build_filters
from wendbaar.explore.names import names
from wendbaar.insight.recording import record_exploration
from wendbaar.learning.services import learning_route
from wendbaar.matching import Filters
from wendbaar.profiles import services as profiles
from wendbaar.profiles.models import SavedTransition
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter import SECTORS

ISCO_MAJOR = {
    "1": "Leidinggevenden",
    "2": "Specialisten (hbo/wo)",
    "3": "Technici en vakspecialisten",
    "4": "Administratief en klantcontact",
    "5": "Dienstverlening en verkoop",
    "6": "Landbouw en visserij",
    "7": "Ambachten en bouw",
    "8": "Bediening van machines en vervoer",
    "9": "Elementaire beroepen",
}
PAGE = 20
CARDS_SECONDS = 60 * 60


def _by_keys(model, keys, prefetch=("translations",)):
    """Concepts for engine keys (ESCO URI or local code) in two queries: key → object."""
    uris = [k for k in keys if k.startswith("http")]
    codes = [k for k in keys if not k.startswith("http")]
    found = {o.uri: o for o in model.objects.filter(uri__in=uris).prefetch_related(*prefetch)}
    found |= {o.code: o for o in model.objects.filter(code__in=codes).prefetch_related(*prefetch)}
    return found


def _occupations_for(loaded, indices):
    keys = loaded.engine.snapshot.occupation_keys
    found = _by_keys(Occupation, [keys[i] for i in indices])
    return {i: found[keys[i]] for i in indices if keys[i] in found}


def _index_of(loaded, occupation):
    index = loaded.occupation_lookup.get(occupation.uri) if occupation.uri else None
    return index if index is not None else loaded.occupation_lookup.get(occupation.code)


def _skills_by_index(loaded, indices, found=None):
    """Skill objects (with translations) for engine skill indices, in the same order."""
    keys = [loaded.engine.snapshot.skill_keys[i] for i in indices]
    found = found if found is not None else _by_keys(Skill, keys)
    return [found[k] for k in keys if k in found]


@login_required
def verkennen(request):
    profile = profiles.profile_for(request.user)
    loaded, version = get_engine_and_version()
    person = profiles.engine_profile(profile, loaded)
    if not person.skills:
        messages.info(request, _("Vul eerst je vaardigheden in. Dan laten we zien welk werk bij je past."))
        return redirect("profiles:werk")
    scope = request.GET.get("soort", "")
    major = request.GET.get("groep", "")
    exclude = request.GET.get("zonder-eigen-groep") == "1"
    try:
        min_match = int(request.GET.get("minimaal", "0") or 0)
        filters = build_filters(
            isco_major=major if major in ISCO_MAJOR else "",
            scope=scope,
            exclude_origin_unit=exclude,
            min_match=min_match,
        )
    except ValueError:
        messages.error(request, _("Die filters kloppen niet; we tonen alles."))
        filters, min_match = Filters(), 0
    saved = set(profile.saved.values_list("occupation_id", flat=True))
    results = [card | {"saved": card["id"] in saved} for card in _cards(loaded, version, person, filters)]
    # The cards come rendered in both states, saved and not: the list is one join, whatever its length.
    cards = mark_safe("".join(card["saved_html" if card["saved"] else "html"] for card in results))  # noqa: S308
    return render(
        request,
        "explore/verkennen.html",
        {
            "results": results,
            "cards": cards,
            "scope": scope,
            "major": major,
            "exclude": exclude,
            "min_match": min_match,
            "majors": ISCO_MAJOR.items(),
            "profile": profile,
            "back": request.get_full_path(),
        },
    )


def _cards(loaded, version: str, person, filters: Filters) -> list[dict]:
    """The ranked transitions as rendered cards, kept in the cache per profile content, filters, taxonomy
    version and language: going back and forth between Verkennen and a transition, or between filters,
    does not rank and render everything again. The key holds what the cards depend on, so a change to the
    profile or the taxonomy is seen at once. Whether a card is saved differs per person and visit: each card
    is kept in both states. The form's CSRF token and return address sit outside the cards."""
    chosen = tuple(sorted(v) if isinstance(v, frozenset) else v for v in astuple(filters))  # stable order
    shape = (version, get_language(), sorted(person.skills.items()), person.occupation, person.years, chosen)
    key = "verkennen:cards:" + hashlib.sha256(repr(shape).encode()).hexdigest()
    cards = cache.get(key)
    if cards is not None:
        return cards
    table = names(loaded, version)
    cards = []
    for m in loaded.engine.recommend(person, limit=PAGE, filters=filters):
        occupation = table.occupations[m.occupation]
        if occupation is None:  # removed between building the engine and now
            continue
        item = {
            "match": m,
            "occupation": occupation,
            "shared": [table.skills[i] for i in m.shared[:3] if table.skills[i] is not None],
            "missing": [table.skills[i] for i in m.missing[:3] if table.skills[i] is not None],
        }
        cards.append(
            {
                "id": occupation.id,
                "code": occupation.code,
                "name": occupation.text,
                "match": m.match,
                "municipal": occupation.is_municipal,
                "html": render_to_string("explore/_card.html", {"item": item, "saved": False}),
                "saved_html": render_to_string("explore/_card.html", {"item": item, "saved": True}),
            }
        )
    cache.set(key, cards, CARDS_SECONDS)
    return cards


@login_required
def overstap(request, code):
    """One destination from the person's point of view: match, reason, skills, what-if, learning route."""
    occupation = get_object_or_404(Occupation.objects.prefetch_related("translations"), code=code)
    profile = profiles.profile_for(request.user)
    loaded = get_engine()
    index = _index_of(loaded, occupation)
    person = profiles.engine_profile(profile, loaded)
    if index is None:
        messages.error(request, _("Dit beroep is vervallen en doet niet meer mee in Verkennen."))
        return redirect("taxonomy:occupation", code=code)
    if not person.skills:
        messages.info(request, _("Vul eerst je vaardigheden in. Dan laten we zien hoe dit werk bij je past."))
        return redirect("profiles:werk")
    result = loaded.engine.match(person, index)
    record_exploration(request.user, occupation)  # counted anonymously in the inzicht dashboards
    missing = _skills_by_index(loaded, result.missing)
    shared = _skills_by_index(loaded, result.shared)

    # What if I learn …: the chosen missing skills added at level 3.
    chosen_codes = [c for c in request.GET.getlist("leer") if c]
    chosen = [s for s in missing if s.code in chosen_codes]
    what_if = None
    if chosen_codes and not chosen:
        messages.error(request, _("Kies vaardigheden uit de lijst van wat je nog mist."))
    elif chosen:
        extra = {
            loaded.skill_lookup.get(s.uri) if s.uri else loaded.skill_lookup.get(s.code): 3 for s in chosen
        }
        rises = loaded.engine.what_if(person, extra, limit=6)
        after = next((r.after for r in rises if r.occupation == index), result.match)
        other_occupations = _occupations_for(loaded, [r.occupation for r in rises])
        others = [(r, other_occupations.get(r.occupation)) for r in rises if r.occupation != index][:5]
        what_if = {"skills": chosen, "before": result.match, "after": after, "others": others}

    route = learning_route([s.id for s in missing])
    by_id = {s.id: s for s in missing}
    return render(
        request,
        "explore/overstap.html",
        {
            "occupation": occupation,
            "result": result,
            "shared": shared,
            "missing": missing,
            "gains": dict(zip([s.id for s in missing], result.gains, strict=False)),
            "what_if": what_if,
            "chosen_codes": chosen_codes,
            "route": route,
            "route_steps": [(step, [by_id[i] for i in step.teaches]) for step in route.steps],
            "saved": profile.saved.filter(occupation=occupation).exists(),
        },
    )


@login_required
@require_POST
def bewaar(request, code):
    """Save one occupation for later, or with ``weg`` forget it again."""
    return _save_or_forget(request, code, forget=bool(request.POST.get("weg")))


@login_required
@require_POST
def bewaar_uit_lijst(request):
    """The Bewaren buttons on Verkennen share one form: the pressed button's name (``bewaar`` or ``weg``)
    and value (the occupation's code) say what to do."""
    forget = "weg" in request.POST
    code = request.POST.get("weg" if forget else "bewaar", "")
    return _save_or_forget(request, code, forget)


def _save_or_forget(request, code, forget: bool):
    occupation = get_object_or_404(Occupation, code=code)
    profile = profiles.profile_for(request.user)
    if forget:
        profile.saved.filter(occupation=occupation).delete()
        messages.info(request, _("‘%(name)s’ is niet meer bewaard.") % {"name": occupation.label().text})
    else:
        SavedTransition.objects.get_or_create(profile=profile, occupation=occupation)
        messages.success(
            request, _("‘%(name)s’ is bewaard op je overzicht.") % {"name": occupation.label().text}
        )
    target = request.POST.get("terug", "")
    return redirect(
        target if target.startswith("/") and not target.startswith("//") else "profiles:dashboard"
    )


@login_required
def vergelijk(request):
    """Two occupations side by side, seen from the person's profile."""
    profile = profiles.profile_for(request.user)
    loaded = get_engine()
    person = profiles.engine_profile(profile, loaded)
    saved = list(profile.saved.select_related("occupation").prefetch_related("occupation__translations"))
    codes = [request.GET.get("a", ""), request.GET.get("b", "")]
    columns = []
    if all(codes):
        if codes[0] == codes[1]:
            messages.error(request, _("Kies twee verschillende beroepen."))
        else:
            for code in codes:
                occupation = Occupation.objects.filter(code=code).prefetch_related("translations").first()
                index = _index_of(loaded, occupation) if occupation else None
                if index is None:
                    messages.error(request, _("Een van de gekozen beroepen kennen we niet."))
                    columns = []
                    break
                match = loaded.engine.match(person, index)
                columns.append(
                    {
                        "occupation": occupation,
                        "match": match,
                        "shared": _skills_by_index(loaded, match.shared[:8]),
                        "missing": _skills_by_index(loaded, match.missing[:8]),
                    }
                )
    return render(
        request,
        "explore/vergelijk.html",
        {"saved": saved, "columns": columns, "codes": codes, "sectors": SECTORS},
    )
