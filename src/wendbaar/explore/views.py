"""JSON endpoints over the matching engine, for the pages that explore transitions.

    GET /verkennen/api/similar?occupation=URI|code[&limit&isco_major&scope&exclude_origin_unit&min_match]
    GET /verkennen/api/recommend?skills=URI[:level],…[&occupation&years&limit&…filters]
    GET /verkennen/api/what-if?skills=…&extra=…[&occupation&limit&…filters]

Errors come back as ``{"error": "…"}`` with status 400 (bad input) or 404 (unknown occupation or skill).
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from wendbaar.explore.engine import get_engine
from wendbaar.explore.inputs import (
    UnknownConcepts,
    build_filters,
    build_profile,
    occupation_index,
    parse_skills,
)
from wendbaar.explore.serialize import match_detail, rise_detail


class BadRequest(ValueError):
    pass


def _int(request, name, default, low, high):
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(f"{name} moet een geheel getal van {low} tot en met {high} zijn")
    return int(raw)


def _filters(request):
    return build_filters(
        isco_major=request.GET.get("isco_major", ""),
        sectors=request.GET.get("sector", ""),
        scope=request.GET.get("scope", ""),
        exclude_origin_unit=request.GET.get("exclude_origin_unit", "") in ("1", "true", "ja"),
        min_match=_int(request, "min_match", 0, 0, 100),
    )


def _answer(handler):
    def view(request):
        try:
            return JsonResponse(handler(request, get_engine()))
        except UnknownConcepts as exc:
            return JsonResponse({"error": str(exc), "unknown": exc.names}, status=404)
        except (BadRequest, ValueError) as exc:
            return JsonResponse({"error": str(exc)}, status=400)

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return require_GET(view)


def _profile(request, loaded):
    if not request.GET.get("skills", "").strip():
        raise BadRequest("geef minstens één vaardigheid op in 'skills'")
    years = request.GET.get("years", "")
    try:
        years_value = float(years) if years else None
    except ValueError:
        raise BadRequest("years moet een getal zijn") from None
    if years_value is not None and not 0 <= years_value <= 60:
        raise BadRequest("years ligt tussen 0 en 60")
    return build_profile(loaded, request.GET["skills"], request.GET.get("occupation") or None, years_value)


@_answer
def similar(request, loaded):
    """Transitions from one occupation."""
    if not request.GET.get("occupation"):
        raise BadRequest("geef een beroep op in 'occupation'")
    origin = occupation_index(loaded, request.GET["occupation"])
    results = loaded.engine.similar(origin, _int(request, "limit", 10, 1, 100), _filters(request))
    return {"occupation": request.GET["occupation"], "results": [match_detail(loaded, m) for m in results]}


@_answer
def recommend(request, loaded):
    """Occupations that fit a set of skills."""
    profile = _profile(request, loaded)
    results = loaded.engine.recommend(profile, _int(request, "limit", 10, 1, 100), _filters(request))
    return {"results": [match_detail(loaded, m) for m in results]}


@_answer
def what_if(request, loaded):
    """Which occupations rise when the person learns the ``extra`` skills."""
    profile = _profile(request, loaded)
    extra = parse_skills(loaded, request.GET.get("extra", ""))
    if not extra:
        raise BadRequest("geef in 'extra' minstens één vaardigheid op die je zou willen leren")
    rises = loaded.engine.what_if(profile, extra, _int(request, "limit", 10, 1, 100), _filters(request))
    return {"results": [rise_detail(loaded, r) for r in rises]}
