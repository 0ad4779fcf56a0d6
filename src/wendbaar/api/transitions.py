"""Engine results (wendbaar.explore) as objects the serializers can show: the same engine, the same scores
and the same explanations as Verkennen and /verkennen/api/."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions

from wendbaar.explore.engine import Loaded
from wendbaar.matching import Match
from wendbaar.taxonomy.models import Occupation, Skill

# Ranked lists are computed up to this many results, then paged.
MAX_RESULTS = 100


class ProfileIncomplete(exceptions.APIException):
    status_code = 409
    default_code = "profile_incomplete"
    default_detail = gettext_lazy(
        "Vul eerst je vaardigheden in; zonder vaardigheden kunnen we niets voorstellen."
    )


class WithGain:
    """A skill with how much learning it would add to one match."""

    def __init__(self, skill: Skill, gain: float):
        self._skill, self.gain = skill, gain

    def __getattr__(self, name):
        return getattr(self._skill, name)


def by_keys(model, keys) -> dict:
    """Concepts for engine keys (ESCO URI or local code), with translations, in two queries."""
    keys = set(keys)
    uris = [k for k in keys if k.startswith("http")]
    codes = [k for k in keys if not k.startswith("http")]
    found = {o.uri: o for o in model.objects.filter(uri__in=uris).prefetch_related("translations")}
    found |= {o.code: o for o in model.objects.filter(code__in=codes).prefetch_related("translations")}
    return found


def engine_index(loaded: Loaded, occupation: Occupation) -> int:
    index = loaded.occupation_lookup.get(occupation.uri) if occupation.uri else None
    index = index if index is not None else loaded.occupation_lookup.get(occupation.code)
    if index is None:
        raise exceptions.NotFound(_("Dit beroep is vervallen en doet niet meer mee in de vergelijking."))
    return index


def occupation_by_code(code: str) -> Occupation:
    occupation = Occupation.objects.filter(code=code).first()
    if occupation is None:
        raise exceptions.NotFound(_("Er is geen beroep met code '%(code)s'.") % {"code": code[:100]})
    return occupation


def explained(loaded: Loaded, matches: list[Match]) -> list[dict]:
    """Matches as data for TransitionSerializer, with occupations and skills from the database."""
    keys = loaded.engine.snapshot.skill_keys
    occupations = by_keys(Occupation, [m.key for m in matches])
    skills = by_keys(Skill, [keys[i] for m in matches for i in (*m.shared, *m.missing)])
    results = []
    for m in matches:
        if m.key not in occupations:
            continue
        results.append(
            {
                "occupation": occupations[m.key],
                "match": m.match,
                "score": m.score,
                "coverage": m.coverage,
                "reason": m.reason,
                "essential_held": m.essential_held,
                "essential_total": m.essential_total,
                "shared_skills": [skills[keys[i]] for i in m.shared if keys[i] in skills],
                "missing_skills": [
                    WithGain(skills[keys[i]], gain)
                    for i, gain in zip(m.missing, m.gains, strict=True)
                    if keys[i] in skills
                ],
                "exposure": m.exposure,
            }
        )
    return results


def between(loaded: Loaded, origin: int, destination: int) -> Match:
    """One occupation → occupation transition, explained exactly as ``Engine.similar`` explains it."""
    engine = loaded.engine
    # Mirrors Engine.similar for a single destination (the engine has no public call for one pair).
    held = set(engine._row(engine.holds, origin)[0].tolist())
    coverage = engine._dense_row(engine.reach, origin)
    return engine._explain(destination, coverage, held, engine.similarity[origin][destination], origin)
