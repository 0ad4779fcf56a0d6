"""Pages of the beroepsgroepen: groups and membership (groups.py), topics and posts (threads.py),
moderation (moderation.py), and search and attachments (personal.py; notifications are at /meldingen/).

Every view loads the group and the person's access from the database on each request (``load``); nothing
about permissions is kept in the session or a cache.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from wendbaar.communities.access import GroupAccess, group_access
from wendbaar.communities.models import Group, Post


def load(request, slug: str) -> tuple[Group, GroupAccess]:
    group = get_object_or_404(Group, slug=slug)
    return group, group_access(request.user, group)


def load_post(request, pk: int) -> tuple[Post, GroupAccess]:
    post = get_object_or_404(Post.objects.select_related("thread__group", "author"), pk=pk)
    return post, group_access(request.user, post.thread.group)


def no_access(request, group: Group, message: str | None = None, status: int = 403):
    """A friendly refusal that says what to do, instead of a bare 403."""
    return render(
        request,
        "communities/no_access.html",
        {"group": group, "message": message or _("Deze pagina is alleen voor leden van de groep.")},
        status=status,
    )
