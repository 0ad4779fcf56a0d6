"""One's own: notifications and e-mail settings, search across readable posts, and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.communities import access, notifications
from wendbaar.communities import search as post_search
from wendbaar.communities.forms import PreferenceForm, SearchForm
from wendbaar.communities.models import Attachment, NotificationPreference

NOTIFICATIONS_PER_PAGE = 30


@login_required
@require_GET
def notification_list(request):
    shown = access.visible_notifications(request.user).select_related("group", "thread", "actor")
    page = Paginator(shown, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "communities/notifications.html",
        {
            "page": page,
            "unread": shown.filter(read_at__isnull=True).count(),
            "frequency": notifications.frequency(request.user),
        },
    )


@login_required
@require_POST
def notifications_read(request):
    access.visible_notifications(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("Alle meldingen staan op gelezen."))
    return redirect("communities:notifications")


@login_required
@require_GET
def notification_open(request, pk):
    """Mark one notification read and go where it points — if the person may still see that."""
    notification = access.visible_notifications(request.user).filter(pk=pk).select_related("group").first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.url)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"email": notifications.frequency(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        NotificationPreference.objects.update_or_create(
            user=request.user, defaults={"email": form.cleaned_data["email"]}
        )
        messages.success(request, _("Je keuze is bewaard."))
        return redirect("communities:notifications")
    return render(request, "communities/preferences.html", {"form": form})


@login_required
@require_GET
def search(request):
    groups = access.readable_groups(request.user).order_by("name")
    form = SearchForm(request.GET or None, groups=groups)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        group = groups.filter(slug=form.cleaned_data["groep"]).first() if form.cleaned_data["groep"] else None
        results = post_search.search(request.user, form.cleaned_data["q"], group=group)
    return render(
        request,
        "communities/search.html",
        {"form": form, "results": results, "limit": post_search.LIMIT},
    )


@login_required
@require_GET
def attachment(request, pk):
    """Hand out an attachment only to someone who may read its post, checked on every download."""
    item = get_object_or_404(Attachment.objects.select_related("post__thread__group"), pk=pk)
    if not access.group_access(request.user, item.post.thread.group).can_see_post(item.post):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not item.is_image, filename=item.name, content_type=item.content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
