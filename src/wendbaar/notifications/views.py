"""One's own notifications: the list, opening one, marking read, and the e-mail settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.notifications import registry, services
from wendbaar.notifications.forms import EmailSettingsForm
from wendbaar.notifications.registry import Email

PER_PAGE = 30


def _chosen_group(request):
    key = request.GET.get("groep") or request.POST.get("groep") or ""
    return next((group for group in registry.groups() if group.key == key), None)


@login_required
@require_GET
def notification_list(request):
    group = _chosen_group(request)
    shown = services.visible(request.user)
    if group is not None:
        shown = services.of_groups(shown, [group.key])
    page = Paginator(services.with_targets(shown), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "group": group,
            "groups": registry.groups(),
            "unread": shown.unread().count(),
            "email_choice": Email(services.email_choice(request.user, group.key)).label if group else None,
        },
    )


@login_required
@require_GET
def notification_open(request, pk):
    """Mark one notification read and go where it points — if the person may still see it."""
    notification = services.with_targets(services.visible(request.user).filter(pk=pk)).first()
    if notification is None:
        raise Http404
    services.mark_read(request.user, notification.pk)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_one_read(request, pk):
    if not services.visible(request.user).filter(pk=pk).exists():
        raise Http404
    services.mark_read(request.user, pk)
    return _back_to_list(request)


@login_required
@require_POST
def mark_all_read(request):
    group = _chosen_group(request)
    count = services.mark_read(request.user, groups=[group.key] if group else None)
    if count:
        messages.success(request, _("Je meldingen staan op gelezen."))
    return _back_to_list(request)


def _back_to_list(request):
    group = _chosen_group(request)
    response = redirect("notifications:list")
    if group is not None:
        response["Location"] += f"?groep={group.key}"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request):
    form = EmailSettingsForm(
        request.POST if request.method == "POST" else None, choices=services.email_choices(request.user)
    )
    if request.method == "POST" and form.is_valid():
        services.save_email_choices(request.user, form.cleaned_data)
        messages.success(request, _("Je keuzes zijn bewaard."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
