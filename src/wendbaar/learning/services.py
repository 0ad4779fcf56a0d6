"""A learning route: the fewest, shortest courses that together teach the skills someone misses."""

from dataclasses import dataclass

from wendbaar.learning.models import Course


@dataclass(frozen=True)
class RouteStep:
    course: Course
    teaches: list[int]  # skill ids of the missing skills this course covers


@dataclass(frozen=True)
class Route:
    steps: list[RouteStep]
    uncovered: list[int]  # missing skills no course teaches yet

    @property
    def hours(self) -> int:
        return sum(step.course.hours for step in self.steps)


def learning_route(missing_skill_ids: list[int]) -> Route:
    """Greedy set cover: repeatedly take the course that covers most still-missing skills per study hour
    (ties: fewer hours, then title), so the route stays short and every step is explained."""
    wanted = set(missing_skill_ids)
    courses = list(
        Course.objects.filter(active=True, skills__in=wanted).distinct().prefetch_related("skills")
    )
    teaches = {course.id: {s.id for s in course.skills.all()} & wanted for course in courses}
    steps = []
    while wanted:
        best = max(
            (c for c in courses if teaches[c.id] & wanted),
            key=lambda c: (len(teaches[c.id] & wanted) / max(c.hours, 1), -c.hours, c.title),
            default=None,
        )
        if best is None:
            break
        covered = teaches[best.id] & wanted
        steps.append(RouteStep(best, [s for s in missing_skill_ids if s in covered]))
        wanted -= covered
    return Route(steps, [s for s in missing_skill_ids if s in wanted])
