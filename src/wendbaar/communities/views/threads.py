"""Topics and posts: start a topic, read and reply, edit with history, follow, choose the answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wendbaar.access.views import require
from wendbaar.communities import services
from wendbaar.communities.forms import EditPostForm, ReplyForm, ThreadForm
from wendbaar.communities.models import Attachment, Follow, Thread
from wendbaar.communities.views import load, load_post, no_access

REPLIES_PER_PAGE = 50


def _members_for_picker(group, user):
    return services.active_members(group).exclude(pk=user.pk).order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request, slug):
    group, acc = load(request, slug)
    if not request.user.has_perm("communities.post_group", group):
        return no_access(request, group, _("Alleen leden kunnen een onderwerp beginnen. Word eerst lid."))
    members = _members_for_picker(group, request.user)
    form = ThreadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        members=members,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.start_thread(
                group,
                request.user,
                title=data["title"],
                body=data["body"],
                kind=data["kind"],
                files=data["files"],
                mentioned=data["mentioned"],
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, _("Je onderwerp staat online. Je volgt het, dus je hoort het als iemand reageert.")
            )
            return redirect(thread)
    return render(request, "communities/thread_form.html", {"group": group, "form": form})


def _load_thread(request, slug, pk):
    group, acc = load(request, slug)
    thread = get_object_or_404(Thread.objects.select_related("author"), pk=pk, group=group)
    thread.group = group
    return group, acc, thread


def _replies(thread, acc):
    replies = thread.posts.filter(is_opening=False)
    if not acc.is_moderator:
        replies = replies.filter(is_hidden=False)
    return replies.select_related("author", "hidden_by").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request, slug, pk):
    group, acc, thread = _load_thread(request, slug, pk)
    if not request.user.has_perm("communities.view_thread", thread):
        if group.is_closed and not acc.is_member:
            return no_access(
                request, group, _("Deze groep is besloten. Alleen leden kunnen de onderwerpen lezen.")
            )
        raise Http404
    may_reply = request.user.has_perm("communities.reply_thread", thread)
    members = _members_for_picker(group, request.user) if may_reply else None
    form = (
        ReplyForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            members=members,
        )
        if members is not None
        else None
    )
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Je kunt op dit onderwerp niet (meer) reageren."))
            return redirect(thread)
        if form.is_valid():
            try:
                post = services.reply(
                    thread,
                    request.user,
                    body=form.cleaned_data["body"],
                    files=form.cleaned_data["files"],
                    mentioned=form.cleaned_data["mentioned"],
                )
            except services.Refused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Je reactie is geplaatst."))
                return redirect("communities:post", post.pk)
    opening = (
        thread.posts.filter(is_opening=True)
        .prefetch_related("attachments")
        .select_related("hidden_by")
        .first()
    )
    replies = _replies(thread, acc)
    page = Paginator(replies, REPLIES_PER_PAGE).get_page(request.GET.get("pagina"))
    accepted = None
    if thread.accepted_answer_id:
        accepted = thread.posts.filter(pk=thread.accepted_answer_id, is_hidden=False).first()
    return render(
        request,
        "communities/thread_detail.html",
        {
            "group": group,
            "access": acc,
            "thread": thread,
            "opening": opening,
            "page": page,
            "accepted": accepted,
            "form": form,
            "following": Follow.objects.filter(thread=thread, user=request.user).exists(),
            "can_accept": thread.is_question
            and (acc.is_moderator or (acc.is_member and thread.author_id == request.user.pk)),
            "user_id": request.user.pk,
        },
        status=200 if not (form and form.errors) else 400,
    )


@login_required
@require_GET
def post_redirect(request, pk):
    """The address of one post: to its topic's right page, at the post."""
    post, acc = load_post(request, pk)
    require(request, "communities.view_post", post, hide=True)
    thread = post.thread
    url = reverse("communities:thread", args=[thread.group.slug, thread.pk])
    if not post.is_opening:
        before = (
            _replies(thread, acc)
            .filter(created_at__lte=post.created_at)
            .exclude(created_at=post.created_at, pk__gt=post.pk)
        )
        number = (before.count() - 1) // REPLIES_PER_PAGE + 1
        if number > 1:
            url += f"?pagina={number}"
    return redirect(f"{url}#bericht-{post.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.view_post", post, hide=True)
    if not request.user.has_perm("communities.change_post", post):
        return no_access(
            request,
            post.thread.group,
            _("Je kunt alleen je eigen berichten aanpassen, als lid van de groep."),
        )
    group = post.thread.group
    initial = {"body": post.body, "title": post.thread.title}
    form = EditPostForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        with_title=post.is_opening,
        members=_members_for_picker(group, request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                post,
                request.user,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
                mentioned=form.cleaned_data["mentioned"],
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, _("Je bericht is aangepast. De vorige versie blijft te zien bij ‘bewerkt’.")
            )
            return redirect("communities:post", post.pk)
    return render(request, "communities/post_edit.html", {"group": group, "post": post, "form": form})


@login_required
@require_GET
def post_history(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.view_post", post, hide=True)
    return render(
        request,
        "communities/post_history.html",
        {"group": post.thread.group, "post": post, "revisions": post.revisions.all()},
    )


@login_required
@require_POST
def follow(request, slug, pk):
    group, acc, thread = _load_thread(request, slug, pk)
    require(request, "communities.view_thread", thread, hide=True)
    on = request.POST.get("volgen") == "1"
    services.follow(thread, request.user, on)
    messages.success(
        request,
        _("Je volgt dit onderwerp. Je krijgt een melding bij nieuwe reacties.")
        if on
        else _("Je volgt dit onderwerp niet meer."),
    )
    return redirect(thread)


@login_required
@require_POST
def accept(request, pk):
    post, acc = load_post(request, pk)
    require(request, "communities.view_post", post, hide=True)
    clear = request.POST.get("kiezen") == "0"
    try:
        services.accept_answer(post.thread, request.user, None if clear else post)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Het gekozen antwoord is weggehaald.")
            if clear
            else _("Dit antwoord staat nu bovenaan als beste antwoord."),
        )
    return redirect("communities:post", post.pk)
