"""Search across the posts someone may read. Simple and the same on SQLite and PostgreSQL: every word must
occur in the post's text, or for an opening post in the topic's title (case-insensitive); a hit in the
title counts double, then newer first. It starts from ``access.visible_posts``, so closed groups stay
closed and hidden posts stay hidden for everyone but moderators."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from wendbaar.communities.access import visible_posts

MAX_WORDS = 8
MIN_WORD = 2
LIMIT = 50


def words(query: str) -> list[str]:
    seen = []
    for word in (query or "").split():
        word = word.strip(".,;:!?\"'()[]")
        if len(word) >= MIN_WORD and word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    return seen[:MAX_WORDS]


@dataclass(frozen=True)
class Results:
    words: list[str]
    posts: list
    more: bool


def search(user, query: str, group=None, limit: int = LIMIT) -> Results:
    terms = words(query)
    if not terms:
        return Results(terms, [], False)
    posts = visible_posts(user)
    if group is not None:
        posts = posts.filter(thread__group=group)
    score = Value(0, output_field=IntegerField())
    for term in terms:
        # The title belongs to the opening post; replies match on their own text only.
        in_title = Q(is_opening=True, thread__title__icontains=term)
        posts = posts.filter(in_title | Q(body_text__icontains=term))
        score = score + Case(When(in_title, then=Value(2)), default=Value(0), output_field=IntegerField())
        score = score + Case(
            When(body_text__icontains=term, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    found = list(
        posts.annotate(score=score)
        .select_related("thread__group", "author")
        .order_by("-score", "-created_at", "-pk")[: limit + 1]
    )
    return Results(terms, found[:limit], len(found) > limit)
