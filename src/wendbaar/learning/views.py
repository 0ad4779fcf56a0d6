from django.shortcuts import get_object_or_404, render

from wendbaar.access.views import require
from wendbaar.learning.models import Course, Format


def course_list(request):
    courses = Course.objects.filter(active=True).prefetch_related("skills__translations")
    chosen = request.GET.get("vorm", "")
    if chosen in Format.values:
        courses = courses.filter(format=chosen)
    return render(
        request,
        "learning/course_list.html",
        {"courses": courses, "formats": Format.choices, "chosen": chosen},
    )


def course_detail(request, slug):
    course = get_object_or_404(Course.objects.prefetch_related("skills__translations"), slug=slug)
    require(request, "learning.view_course", course, hide=True)
    return render(request, "learning/course_detail.html", {"course": course})
