"""Small read functions other apps and the CLI use instead of querying taxonomy tables themselves."""

from wendbaar.taxonomy.models import Occupation, OccupationSkill, Skill, Status


def taxonomy_stats() -> dict[str, int]:
    """Current (non-obsolete) occupations and skills, and their distinct occupation–skill relations."""
    relations = (
        OccupationSkill.objects.filter(occupation__status=Status.RELEASED, skill__status=Status.RELEASED)
        .values("occupation_id", "skill_id", "relation_type")
        .distinct()
        .count()
    )
    return {
        "occupations": Occupation.objects.current().count(),
        "skills": Skill.objects.current().count(),
        "relations": relations,
    }
