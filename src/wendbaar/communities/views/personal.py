"""One's own: search across readable posts and attachments (notifications live in wendbaar.notifications)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wendbaar.access.views import require
from wendbaar.communities import access
from wendbaar.communities import search as post_search
from wendbaar.communities.forms import SearchForm
from wendbaar.communities.models import Attachment
from wendbaar.communities.notification_kinds import GROUP


@require_GET
def notification_list(request):
    """Notifications moved to /meldingen/; older links and bookmarks land on the beroepsgroepen there."""
    return redirect(f"{reverse('notifications:list')}?groep={GROUP}")


@require_GET
def preferences(request):
    return redirect("notifications:settings")


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
    require(request, "communities.view_attachment", item, hide=True)
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
