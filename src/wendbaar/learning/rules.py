"""Courses (see wendbaar.access.rules): an active course is for everyone; one taken off the list is gone
for visitors (404), while the admin keeps it for the beheerders."""

from wendbaar.access.rules import anyone


@anyone
def _view_course(user, course) -> bool:
    return course is not None and course.active


RULES = {
    "learning.view_course": _view_course,
}
