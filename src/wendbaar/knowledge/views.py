"""Pages of the kennisbank: search, content pages, downloads, print orders and podcast feeds."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.static import serve

from wendbaar.access.views import require
from wendbaar.knowledge import orders, pricing, search
from wendbaar.knowledge.forms import OrderForm, SearchForm
from wendbaar.knowledge.models import (
    Episode,
    Essay,
    Item,
    News,
    PodcastSeries,
    PrintOrder,
    Publication,
)
from wendbaar.taxonomy.models import Occupation, Skill

PAGE_SIZE = 20
SESSION_ORDERS = "knowledge_orders"


def _visible(model, request):
    return model.objects.filter(pk__in=Item.objects.visible_to(request.user).values("pk"))


def _visible_item(request, model, slug):
    """A published item, or a draft for an editor; for anyone else a draft does not exist (404)."""
    item = get_object_or_404(model, slug=slug)
    require(request, "knowledge.view_item", item, hide=True)
    return item


def _tag_choices():
    """Only skills and occupations that published content is tagged with."""
    published = Item.objects.published()
    skills = Skill.objects.filter(knowledge_items__in=published).distinct().order_by("name")
    occupations = Occupation.objects.filter(knowledge_items__in=published).distinct().order_by("name")
    return skills, occupations


@require_GET
def index(request):
    skills, occupations = _tag_choices()
    form = SearchForm(request.GET or None, skills=skills, occupations=occupations)
    hits, query = [], ""
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        hits = search.search(
            query,
            kind=form.cleaned_data["soort"],
            skill=form.cleaned_data["vaardigheid"],
            occupation=form.cleaned_data["beroep"],
            highlight=False,
        )
    elif not form.is_bound:
        hits = search.search("", highlight=False)
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("pagina"))
    search.add_highlights(page.object_list, query)
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "knowledge/index.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "searched": form.is_bound,
            "params": params.urlencode(),
        },
    )


def _tags(item):
    return {"skills": item.skills.order_by("name"), "occupations": item.occupations.order_by("name")}


@require_GET
def publication_detail(request, slug):
    publication = _visible_item(request, Publication, slug)
    quote = pricing.quote(publication, request.user, getattr(request.user, "email", ""))
    return render(
        request,
        "knowledge/publication_detail.html",
        {
            "item": publication,
            "publication": publication,
            "quote": quote,
            "price": pricing.euro(pricing.to_cents(publication.print_price)),
            **_tags(publication),
        },
    )


def _download(request, model, slug):
    item = _visible_item(request, model, slug)
    if not item.pdf:
        raise Http404
    try:
        handle = item.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    if isinstance(item, Publication):
        Publication.objects.filter(pk=item.pk).update(download_count=F("download_count") + 1)
    return FileResponse(
        handle, as_attachment=True, filename=f"{item.slug}.pdf", content_type="application/pdf"
    )


@require_GET
def publication_download(request, slug):
    return _download(request, Publication, slug)


@require_GET
def essay_download(request, slug):
    return _download(request, Essay, slug)


@require_http_methods(["GET", "POST"])
def order_create(request, slug):
    publication = get_object_or_404(Publication.objects.published(), slug=slug, can_order_print=True)
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        form = OrderForm(request.POST)
        if form.is_valid():
            address = {name: form.cleaned_data[name] for name in orders.ADDRESS_FIELDS}
            order, created = orders.place_order(
                publication=publication,
                user=user,
                address=address,
                idempotency_key=form.cleaned_data["idempotency_key"],
                site_url=request.build_absolute_uri("/").rstrip("/"),
            )
            remembered = request.session.get(SESSION_ORDERS, [])
            if str(order.reference) not in remembered:
                request.session[SESSION_ORDERS] = [*remembered, str(order.reference)][-20:]
            if created:
                messages.success(request, _("Bedankt! We hebben je bestelling ontvangen."))
            return redirect(order)
    else:
        initial = {"idempotency_key": OrderForm.new_key()}
        if user:
            initial.update(name=user.name, email=user.email)
            membership = user.memberships.select_related("organisation").first()
            if membership:
                initial["organisation_name"] = membership.organisation.name
        form = OrderForm(initial=initial)
    quote = pricing.quote(publication, user, getattr(user, "email", ""))
    return render(
        request,
        "knowledge/order_form.html",
        {
            "publication": publication,
            "form": form,
            "quote": quote,
            "paid_lines": orders.price_lines(pricing.quote(publication)),
            "domains": pricing.municipal_domains(),
        },
    )


def _may_see_order(request, order: PrintOrder) -> bool:
    # Orders placed in this browser session count too: visitors without an account order as well.
    if request.user.has_perm("knowledge.view_printorder", order):
        return True
    return str(order.reference) in request.session.get(SESSION_ORDERS, [])


@require_GET
def order_detail(request, reference):
    order = get_object_or_404(PrintOrder.objects.select_related("publication"), reference=reference)
    if not _may_see_order(request, order):
        raise Http404
    return render(
        request, "knowledge/order_detail.html", {"order": order, "lines": orders.price_lines(order)}
    )


@require_http_methods(["GET", "POST"])
def order_confirm(request, token):
    # A GET only shows a button: mail scanners open links, and must not confirm on someone's behalf.
    order = get_object_or_404(
        PrintOrder.objects.select_related("publication"), email_confirmation_token=token
    )
    if request.method == "POST":
        orders.confirm_email(token)
        messages.success(
            request, _("Dank je. Je e-mailadres is bevestigd; we versturen het boek zo snel mogelijk.")
        )
        return redirect("knowledge:order_confirm", token=token)
    return render(request, "knowledge/order_confirm.html", {"order": order})


@require_GET
def essay_detail(request, slug):
    essay = _visible_item(request, Essay, slug)
    return render(request, "knowledge/essay_detail.html", {"item": essay, **_tags(essay)})


@require_GET
def news_detail(request, slug):
    news = _visible_item(request, News, slug)
    return render(request, "knowledge/news_detail.html", {"item": news, **_tags(news)})


@require_GET
def series_detail(request, slug):
    series = _visible_item(request, PodcastSeries, slug)
    episodes = _visible(Episode, request).filter(series=series).order_by("number")
    return render(
        request, "knowledge/series_detail.html", {"item": series, "episodes": episodes, **_tags(series)}
    )


@require_GET
def episode_detail(request, slug):
    episode = _visible_item(request, Episode.objects.select_related("series"), slug)
    siblings = _visible(Episode, request).filter(series=episode.series)
    return render(
        request,
        "knowledge/episode_detail.html",
        {
            "item": episode,
            "episode": episode,
            "previous": siblings.filter(number__lt=episode.number).order_by("-number").first(),
            "next": siblings.filter(number__gt=episode.number).order_by("number").first(),
            **_tags(episode),
        },
    )


def development_media(request, path):
    """Uploads of the kennisbank during development only. In production the web server serves MEDIA_ROOT
    (it also answers the byte-range requests that podcast apps need)."""
    if not settings.DEBUG:
        raise Http404
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "kennisbank")
