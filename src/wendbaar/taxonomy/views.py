"""Browse and search occupations and skills, and the JSON endpoint behind autocomplete fields."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wendbaar.taxonomy.models import (
    Occupation,
    OccupationSkill,
    RelationType,
    Skill,
    SkillGroup,
)
from wendbaar.taxonomy.search import KINDS, search
from wendbaar.taxonomy.starter import SECTORS

PAGE_SIZE = 25
SEARCH_LIMIT = 200


def _ranked(kind: str, query: str, queryset):
    """The queryset's concepts that match ``query``, in search order."""
    ids = [hit.concept_id for hit in search(query, kind=kind, limit=SEARCH_LIMIT)]
    found = queryset.filter(id__in=ids).in_bulk()
    return [found[i] for i in ids if i in found]


def occupation_list(request):
    query = request.GET.get("q", "").strip()[:200]
    scope = request.GET.get("soort", "")
    sector = request.GET.get("sector", "")
    occupations = Occupation.objects.current().prefetch_related("translations")
    if scope == "gemeente":
        occupations = occupations.filter(is_municipal=True)
    elif scope == "andere-sectoren":
        occupations = occupations.filter(is_municipal=False)
    if sector in SECTORS:
        occupations = occupations.filter(sector=sector)
    results = _ranked("occupation", query, occupations) if query else occupations.order_by("name")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "taxonomy/occupation_list.html",
        {
            "page": page,
            "query": query,
            "scope": scope,
            "sector": sector,
            "sectors": SECTORS.items(),
        },
    )


def occupation_detail(request, code):
    occupation = get_object_or_404(
        Occupation.objects.select_related("isco_group", "broader").prefetch_related("translations"), code=code
    )
    relations = (
        OccupationSkill.objects.filter(occupation=occupation)
        .select_related("skill")
        .prefetch_related(Prefetch("skill__translations"))
        .order_by("skill__name")
    )
    essential, optional, seen = [], [], set()
    # Essential first, so a pair that a source lists as both is shown once, as essential.
    for relation in sorted(relations, key=lambda r: r.relation_type != RelationType.ESSENTIAL):
        if relation.skill_id in seen or relation.skill.is_obsolete:
            continue
        seen.add(relation.skill_id)
        (essential if relation.relation_type == RelationType.ESSENTIAL else optional).append(relation.skill)
    return render(
        request,
        "taxonomy/occupation_detail.html",
        {
            "occupation": occupation,
            "essential": essential,
            "optional": optional,
            "isco_group": occupation.isco_group,
        },
    )


def skill_list(request):
    query = request.GET.get("q", "").strip()[:200]
    skills = Skill.objects.current().prefetch_related("translations")
    results = _ranked("skill", query, skills) if query else skills.order_by("name")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "taxonomy/skill_list.html", {"page": page, "query": query})


def skill_detail(request, code):
    skill = get_object_or_404(
        Skill.objects.prefetch_related(
            "translations",
            "collections",
            Prefetch("groups", queryset=SkillGroup.objects.prefetch_related("translations")),
        ),
        code=code,
    )
    relations = (
        OccupationSkill.objects.filter(skill=skill, occupation__status="released")
        .select_related("occupation")
        .prefetch_related("occupation__translations")
        .order_by("occupation__name")
    )
    essential_for, optional_for, seen = [], [], set()
    for relation in sorted(relations, key=lambda r: r.relation_type != RelationType.ESSENTIAL):
        if relation.occupation_id not in seen:
            seen.add(relation.occupation_id)
            target = essential_for if relation.relation_type == RelationType.ESSENTIAL else optional_for
            target.append(relation.occupation)
    return render(
        request,
        "taxonomy/skill_detail.html",
        {
            "skill": skill,
            "essential_for": essential_for,
            "optional_for": optional_for,
        },
    )


@require_GET
def search_api(request):
    """``GET /taxonomie/zoeken?q=…&type=occupation|skill&limit=N`` → best matches first, as JSON."""
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("type") or None
    if kind is not None and kind not in KINDS:
        return JsonResponse(
            {"error": _("Onbekend type '%(type)s'. Kies occupation of skill.") % {"type": kind}}, status=400
        )
    try:
        limit = int(request.GET.get("limit", 10))
    except ValueError:
        limit = 0
    if not 1 <= limit <= 50:
        return JsonResponse({"error": _("limit moet een getal van 1 tot en met 50 zijn.")}, status=400)
    if len(query) > 200:
        return JsonResponse({"error": _("De zoekvraag is te lang (meer dan 200 tekens).")}, status=400)
    hits = search(query, kind=kind, limit=limit, language=request.LANGUAGE_CODE)
    url_names = {"occupation": "taxonomy:occupation", "skill": "taxonomy:skill"}
    return JsonResponse(
        {
            "query": query,
            "results": [
                {**hit.as_dict(), "url": reverse(url_names[hit.kind], args=[hit.code])} for hit in hits
            ],
        }
    )
