"""Moderation: report a post, hide and restore, close a topic, the moderators' page with the log, pins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.access.views import require
from wendbaar.communities import pins, services
from wendbaar.communities.forms import PinForm, ReasonForm, ReportForm
from wendbaar.communities.models import Post, Thread
from wendbaar.communities.views import load, load_post, no_access

LOG_PER_PAGE = 30


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.view_post", post, hide=True)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report(post, request.user, form.cleaned_data["reason"], form.cleaned_data["explanation"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Dank je. De moderatoren van de groep kijken naar het bericht."))
        return redirect("communities:post", post.pk)
    return render(
        request, "communities/report.html", {"group": post.thread.group, "post": post, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def hide(request, pk):
    post, acc = load_post(request, pk)
    group = post.thread.group
    if not request.user.has_perm("communities.moderate_post", post):
        return no_access(request, group, _("Alleen moderatoren kunnen berichten verbergen."))
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hide(post, request.user, form.cleaned_data["reason"])
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Het bericht is verborgen. Alleen moderatoren zien het nog."))
        if request.POST.get("terug") == "moderatie":
            return redirect("communities:moderation", group.slug)
        return redirect("communities:post", post.pk)
    return render(
        request,
        "communities/hide.html",
        {"group": group, "post": post, "form": form, "back": request.GET.get("terug", "")},
    )


@login_required
@require_POST
def restore(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.moderate_post", post)
    try:
        services.restore(post, request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Het bericht is weer voor iedereen te zien."))
    return redirect("communities:post", post.pk)


@login_required
@require_POST
def dismiss(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.moderate_post", post)
    services.dismiss_reports(post, request.user)
    messages.success(request, _("De meldingen over dit bericht zijn afgehandeld. Het bericht blijft staan."))
    return redirect("communities:moderation", post.thread.group.slug)


@login_required
@require_POST
def lock(request, slug, pk):
    group, acc = load(request, slug)
    require(request, "communities.moderate_group", group)
    thread = get_object_or_404(Thread, pk=pk, group=group)
    locked = request.POST.get("sluiten") == "1"
    services.lock(thread, request.user, locked)
    messages.success(
        request,
        _("Het onderwerp is gesloten: er kan niet meer op gereageerd worden.")
        if locked
        else _("Het onderwerp is weer open voor reacties."),
    )
    return redirect(thread)


@login_required
@require_GET
def moderation(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        return no_access(request, group, _("Deze pagina is alleen voor moderatoren van de groep."))
    reported = (
        Post.objects.filter(thread__group=group)
        .reported()
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .select_related("thread", "author")
        .prefetch_related("reports")
        .order_by("created_at")
    )
    hidden = (
        Post.objects.filter(thread__group=group, is_hidden=True)
        .select_related("thread", "author", "hidden_by")
        .order_by("-hidden_at")[:50]
    )
    log = Paginator(
        group.moderation_log.select_related("actor", "member", "thread", "post"), LOG_PER_PAGE
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "communities/moderation.html",
        {"group": group, "reported": reported, "hidden": hidden, "log": log},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pin_list(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.moderate_group", group):
        return no_access(request, group, _("Alleen moderatoren kunnen iets vastzetten."))
    form = PinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pin(group, request.user, form.cleaned_data["item"], form.cleaned_data["note"])
        except services.Refused as refusal:
            form.add_error("item", str(refusal))
        else:
            messages.success(request, _("Vastgezet. Het staat nu op de pagina van de groep."))
            return redirect("communities:pins", group.slug)
    return render(
        request,
        "communities/pins.html",
        {"group": group, "form": form, "pinned": pins.pinned(group), "kinds": pins.available_kinds()},
    )


@login_required
@require_POST
def unpin(request, slug, pk):
    group, acc = load(request, slug)
    require(request, "communities.moderate_group", group)
    try:
        services.unpin(group, request.user, pk)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Losgemaakt van de groepspagina."))
    return redirect("communities:pins", group.slug)
