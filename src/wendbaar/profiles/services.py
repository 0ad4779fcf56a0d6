"""What the profile pages do, as small functions the views (and later the API) call."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from wendbaar.matching import Profile as EngineProfile
from wendbaar.profiles.models import Level, Profile, ProfileSkill, SkillSource, Step, Suggestion
from wendbaar.profiles.text import get_matcher
from wendbaar.taxonomy.models import Occupation, OccupationSkill, RelationType, Skill


def profile_for(user) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def choose_occupation(profile: Profile, occupation: Occupation, years: int | None) -> int:
    """Set the current job and pre-fill its essential skills at level 'ervaren'; returns how many."""
    profile.current_occupation = occupation
    profile.years_in_occupation = years
    if profile.step == Step.WERK:
        profile.step = Step.VAARDIGHEDEN
    profile.save()
    essential = OccupationSkill.objects.filter(
        occupation=occupation, relation_type=RelationType.ESSENTIAL, skill__status="released"
    ).values_list("skill_id", flat=True)
    have = set(profile.skills.values_list("skill_id", flat=True))
    new = [
        ProfileSkill(profile=profile, skill_id=s, level=Level.ERVAREN, source=SkillSource.BEROEP)
        for s in dict.fromkeys(essential)
        if s not in have
    ]
    ProfileSkill.objects.bulk_create(new)
    return len(new)


def add_skill(
    profile: Profile, skill: Skill, level: int = Level.ERVAREN, source: str = SkillSource.ZELF
) -> bool:
    _rating, created = ProfileSkill.objects.get_or_create(
        profile=profile, skill=skill, defaults={"level": level, "source": source}
    )
    return created


@transaction.atomic
def suggest_from_text(profile: Profile, text: str) -> list[Suggestion]:
    """Store new open suggestions for skills found in the text (not ones already in the profile or
    already rejected); returns the open suggestions."""
    have = set(profile.skills.values_list("skill_id", flat=True))
    decided = set(profile.suggestions.values_list("skill_id", flat=True))
    for found in get_matcher().find(text, exclude=have | decided):
        Suggestion.objects.create(
            profile=profile, skill_id=found.skill_id, evidence=found.evidence, score=found.score
        )
    profile.text_done = True
    profile.save(update_fields=["text_done", "updated_at"])
    return list(profile.suggestions.filter(status=Suggestion.Status.OPEN).select_related("skill"))


@transaction.atomic
def decide(suggestion: Suggestion, accept: bool, level: int = Level.GEVORDERD) -> None:
    suggestion.status = Suggestion.Status.ACCEPTED if accept else Suggestion.Status.REJECTED
    suggestion.save(update_fields=["status"])
    if accept:
        add_skill(suggestion.profile, suggestion.skill, level, SkillSource.TEKST)


@dataclass(frozen=True)
class Completeness:
    percent: int
    next_steps: list[tuple[str, str]]  # (text, url name)


def completeness(profile: Profile) -> Completeness:
    checks = [
        (profile.current_occupation_id is not None, "Kies je huidige werk.", "profiles:werk"),
        (profile.skills.count() >= 5, "Vul je vaardigheden aan tot minstens vijf.", "profiles:vaardigheden"),
        (
            bool(profile.education) or profile.experience.exists(),
            "Vertel over je ervaring en opleiding.",
            "profiles:ervaring",
        ),
        (
            profile.text_done,
            "Plak een stukje tekst over je werk; wij zoeken er vaardigheden in.",
            "profiles:tekst",
        ),
    ]
    done = sum(ok for ok, _text, _url in checks)
    return Completeness(round(100 * done / len(checks)), [(text, url) for ok, text, url in checks if not ok])


def engine_profile(profile: Profile, loaded) -> EngineProfile:
    """The profile in the engine's terms; skills the engine does not know (obsolete) are left out."""
    by_id = loaded.skill_index_by_id
    skills = {
        by_id[skill_id]: level
        for skill_id, level in ProfileSkill.objects.filter(profile=profile).values_list("skill_id", "level")
        if skill_id in by_id
    }
    occupation = loaded.occupation_index_by_id.get(profile.current_occupation_id)
    return EngineProfile(skills, occupation, profile.years_in_occupation)
