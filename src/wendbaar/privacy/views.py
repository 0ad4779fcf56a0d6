"""Privacy pages: the statement (public), and for the signed-in person what they share, their data as a
download and as a page, and erasing their account. Every page under /mijn/privacy/ is about the person
who is signed in; there is no URL that names someone else."""

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.privacy import erasure, exporters, sharing
from wendbaar.privacy import render as export_render
from wendbaar.privacy.forms import EraseForm

ACCESS_LOG_SHOWN = 5


@require_GET
def statement(request):
    return render(
        request,
        "privacy/statement.html",
        {
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
            "inactive_months": settings.RETENTION_INACTIVE_MONTHS,
            "warning_days": settings.RETENTION_WARNING_DAYS,
            "adviser_days": _adviser_days(),
            "min_group": _min_group(),
        },
    )


def _min_group() -> int:
    try:
        from wendbaar.insight.suppression import K
    except ImportError:  # without the dashboards the promise stays the same
        return 10
    return K


def _adviser_days() -> int:
    try:
        from wendbaar.events.services import PROFILE_ACCESS_AFTER
    except ImportError:  # without the events app there are no gesprekken
        return 7
    return PROFILE_ACCESS_AFTER.days


@require_GET
def erased(request):
    return render(request, "privacy/erased.html")


def _access_log_url() -> str:
    try:
        return reverse("access:log")
    except NoReverseMatch:  # without the access app's page, the export still lists every entry
        return ""


@login_required
@never_cache
@require_GET
def overview(request):
    current, earlier = sharing.overview(request.user)
    log = request.user.access_log.all() if apps.is_installed("wendbaar.access") else None
    return render(
        request,
        "privacy/overview.html",
        {
            "current": current,
            "earlier": earlier,
            "access_log": list(log[:ACCESS_LOG_SHOWN]) if log is not None else [],
            "access_log_more": log is not None and log.count() > ACCESS_LOG_SHOWN,
            "access_log_url": _access_log_url(),
        },
    )


@login_required
@require_POST
def withdraw(request, pk):
    record = sharing.withdraw(request.user, pk)
    if record is None:
        messages.info(request, _("Dit deel je al niet meer."))
    else:
        shown = sharing.describe(record)
        messages.success(
            request,
            _("Gestopt met delen: %(what)s (%(whom)s). Dat geldt vanaf nu.")
            % {"what": shown.what, "whom": shown.with_whom},
        )
    return redirect("privacy:overview")


@login_required
@never_cache
@require_GET
def export_page(request):
    data = exporters.export(request.user)
    titles = exporters.titles()
    sections = [
        {"key": key, "title": titles[key], "html": export_render.section(key, value, str(titles[key]))}
        for key, value in data["onderdelen"].items()
    ]
    return render(request, "privacy/export.html", {"sections": sections, "made_at": data["gemaakt_op"]})


@login_required
@never_cache
@require_GET
def export_download(request):
    response = HttpResponse(
        exporters.export_json(request.user), content_type="application/json; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="wendbaar-gegevens-{day}.json"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def erase(request):
    blockers = erasure.blockers(request.user)
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            erasure.erase(request.user)
        except erasure.ErasureRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("privacy:erase")
        logout(request)
        return redirect("privacy:erased")
    return render(request, "privacy/erase.html", {"form": form, "blockers": blockers})
