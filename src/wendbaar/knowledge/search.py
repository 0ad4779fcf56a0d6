"""Full-text search across the kennisbank, with relevance ranking and highlighted snippets.

PostgreSQL (production): a stored, GIN-indexed ``tsvector`` per item, ``to_tsvector('dutch', …)`` over
title (weight A), summary and tag labels (B), text and kind-specific text such as authors, guests and
transcripts (C), rebuilt on every save; ``websearch_to_tsquery`` for the question, ``ts_rank`` for the
order and ``ts_headline`` for the snippets of the page shown. The Dutch Snowball stemmer makes
"digitaliseringen" find "digitalisering".

SQLite (the embedded default): an FTS5 table ``knowledge_search`` (created by migration 0002 only on
SQLite) holds the same three columns, already stemmed in Python with the same Dutch Snowball algorithm
(``snowballstemmer``, "dutch_porter", which is what PostgreSQL's "dutch" uses), and ranks with bm25.
The service keeps it in step on every save, tag change and delete (see signals.py).

Highlights are built from escaped text only: user input and content never reach the page as HTML.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wendbaar.knowledge.models import Item

FTS_TABLE = "knowledge_search"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_RESULTS = 200
SNIPPET_WORDS = 30

WORD = re.compile(r"\w+", re.UNICODE)
# Private-use characters mark highlights inside ts_headline's output; they never appear in escaped text.
START, STOP = "\ue000", "\ue001"

# Words too common to search on; the same list PostgreSQL's "dutch" configuration drops (Snowball's).
STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en
    er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan
    kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op
    over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden
    wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()
)


_local = threading.local()


def _stemmer():
    # A Snowball stemmer keeps state while it works: one per thread.
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return _local.stemmer


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def terms(text: str) -> list[str]:
    """Stems of the words worth searching for, in order, without repeats."""
    found = []
    for word in WORD.findall(text.lower()):
        if word in STOPWORDS:
            continue
        s = stem(word)
        if s and s not in found:
            found.append(s)
    return found[:MAX_TERMS]


def stemmed(text: str) -> str:
    """Every word of ``text`` as its stem, for the FTS5 index."""
    return " ".join(stem(word) for word in WORD.findall(text.lower()) if word not in STOPWORDS)


# --------------------------------------------------------------------------------------------------
# Keeping the index in step


def _tag_labels(item: Item) -> str:
    return " ".join([s.name for s in item.skills.all()] + [o.name for o in item.occupations.all()])


def document_vector():
    """The weighted tsvector of an item: title (A), summary and tag labels (B), text and the rest (C)."""
    return (
        SearchVector("title", weight="A", config="dutch")
        + SearchVector("summary", "search_tags", weight="B", config="dutch")
        + SearchVector("body", "search_extra", weight="C", config="dutch")
    )


def reindex(item_id: int) -> None:
    """Refresh one item's search text (tag labels, kind-specific text) and, on SQLite, its FTS5 row."""
    item = Item.objects.filter(pk=item_id).first()
    if item is None:
        remove(item_id)
        return
    specific = item.specific
    tags, extra = _tag_labels(item), specific.search_extra_text()
    Item.objects.filter(pk=item_id).update(search_tags=tags, search_extra=extra)
    if connection.vendor == "postgresql":
        # A second UPDATE: the vector is built from the columns the first one wrote.
        Item.objects.filter(pk=item_id).update(search_vector=document_vector())
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item_id])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [
                    item_id,
                    stemmed(item.title),
                    stemmed(f"{item.summary} {tags}"),
                    stemmed(f"{item.body} {extra}"),
                ],
            )


def remove(item_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [item_id])  # noqa: S608


def reindex_all() -> int:
    """Rebuild the whole index, e.g. after tag labels changed in the taxonomy. Returns the item count."""
    ids = list(Item.objects.values_list("pk", flat=True))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
    for item_id in ids:
        reindex(item_id)
    return len(ids)


def prune() -> None:
    """Drop FTS5 rows of items that no longer exist (a flush deletes rows without signals)."""
    if connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names():
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {Item._meta.db_table})"  # noqa: S608
            )


# --------------------------------------------------------------------------------------------------
# Highlighting


def _marked(text: str) -> SafeString:
    """Text with START/STOP markers → escaped HTML with <mark>; stray or unbalanced markers are dropped."""
    out, rest = [], text
    while rest:
        start = rest.find(START)
        if start < 0:
            break
        stop = rest.find(STOP, start + 1)
        if stop < 0:
            break
        out.append(escape(rest[:start].replace(STOP, "")))
        out.append(f"<mark>{escape(rest[start + 1 : stop].replace(START, ''))}</mark>")
        rest = rest[stop + 1 :]
    out.append(escape(rest.replace(START, "").replace(STOP, "")))
    return mark_safe("".join(out))  # noqa: S308 — every piece is escaped above


def _mark_words(text: str, wanted: set[str]) -> str:
    """Wrap each word whose stem is wanted in START/STOP."""
    return WORD.sub(
        lambda m: f"{START}{m.group(0)}{STOP}" if stem(m.group(0)) in wanted else m.group(0), text
    )


def highlight(text: str, query_terms: list[str]) -> SafeString:
    """All matching words of a short text (a title) marked."""
    return _marked(_mark_words(text, set(query_terms)))


def snippet(text: str, query_terms: list[str], words: int = SNIPPET_WORDS) -> SafeString:
    """A window of about ``words`` words around the first match, matches marked, ellipses where cut."""
    wanted = set(query_terms)
    matches = list(WORD.finditer(text))
    first = next((i for i, m in enumerate(matches) if stem(m.group(0)) in wanted), None)
    if not matches:
        return _marked(text)
    start_word = 0 if first is None else max(0, first - words // 3)
    end_word = min(len(matches), start_word + words)
    begin = 0 if start_word == 0 else matches[start_word].start()
    end = len(text) if end_word == len(matches) else matches[end_word - 1].end()
    piece = _mark_words(text[begin:end], wanted)
    return _marked(("… " if begin else "") + piece.strip() + (" …" if end < len(text) else ""))


# --------------------------------------------------------------------------------------------------
# Searching

# Columns a ranked list needs; the long texts are read only for the hits that get highlighted.
LIST_DEFER = ["body", "search_tags", "search_extra"]


@dataclass
class Hit:
    item: Item
    rank: float
    title: SafeString | None = None
    snippet: SafeString | None = None


def filtered(queryset, kind: str = "", skill: str = "", occupation: str = ""):
    if kind:
        queryset = queryset.filter(kind=kind)
    if skill:
        queryset = queryset.filter(skills__code=skill)
    if occupation:
        queryset = queryset.filter(occupations__code=occupation)
    return queryset.distinct() if skill or occupation else queryset


def search(
    query: str,
    *,
    queryset=None,
    kind: str = "",
    skill: str = "",
    occupation: str = "",
    limit: int = MAX_RESULTS,
    highlight: bool = True,
) -> list[Hit]:
    """Items matching ``query`` (all words, in any inflection), best first; without a query, newest first.

    With ``highlight=False`` the hits carry no title and snippet yet: call ``add_highlights`` for the
    ones shown (one results page), which is where the cost of highlighting lies.
    """
    queryset = filtered(
        queryset if queryset is not None else Item.objects.published(), kind, skill, occupation
    )
    query = clean_query(query)
    query_terms = terms(query)
    if not query:
        items = queryset.defer(*LIST_DEFER).order_by("-published_at", "title")[:limit]
        hits = [Hit(item, 0.0) for item in items]
    elif not query_terms:
        return []  # only stop words
    elif connection.vendor == "postgresql":
        hits = _search_postgresql(query, queryset, limit)
    elif connection.vendor == "sqlite":
        hits = _search_sqlite(query_terms, queryset, limit)
    else:
        hits = _search_plain(query_terms, queryset, limit)
    return add_highlights(hits, query) if highlight else hits


def clean_query(query: str) -> str:
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def add_highlights(hits: list[Hit], query: str) -> list[Hit]:
    """Give each hit its title and snippet with the matching words marked (safe HTML)."""
    hits = list(hits)
    if not hits:
        return hits
    query = clean_query(query)
    query_terms = terms(query)
    texts = Item.objects.filter(pk__in=[hit.item.pk for hit in hits])
    if query_terms and connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config="dutch")
        options = {"config": "dutch", "start_sel": START, "stop_sel": STOP}
        rows = texts.annotate(
            title_marked=SearchHeadline("title", search_query, highlight_all=True, **options),
            snippet_marked=SearchHeadline(
                Concat(F("summary"), Value(" "), F("body"), output_field=TextField()),
                search_query,
                max_words=SNIPPET_WORDS,
                min_words=15,
                **options,
            ),
        ).values_list("pk", "title_marked", "snippet_marked")
        marked = {pk: (_marked(title), _marked(text)) for pk, title, text in rows}
    else:
        marked = {
            pk: (
                highlight(title, query_terms),
                snippet(f"{summary} {body}" if query_terms else summary, query_terms),
            )
            for pk, title, summary, body in texts.values_list("pk", "title", "summary", "body")
        }
    for hit in hits:
        hit.title, hit.snippet = marked.get(hit.item.pk, (escape(hit.item.title), mark_safe("")))  # noqa: S308
    return hits


def _search_postgresql(query: str, queryset, limit: int) -> list[Hit]:
    search_query = SearchQuery(query, search_type="websearch", config="dutch")
    found = (
        queryset.filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .defer(*LIST_DEFER)
        .order_by("-rank", "-published_at", "title")[:limit]
    )
    return [Hit(item, float(item.rank)) for item in found]


def _search_sqlite(query_terms: list[str], queryset, limit: int) -> list[Hit]:
    # Each term quoted: FTS5 reads it as a plain string, never as query syntax. Space means AND.
    match = " ".join(f'"{t}"' for t in query_terms)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, 10.0, 4.0, 2.0) FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY 2 LIMIT %s",
            [match, MAX_RESULTS * 5],
        )
        scores = dict(cursor.fetchall())
    # Filter and order on ids and dates first; build model objects only for the hits returned.
    allowed = queryset.filter(pk__in=list(scores)).values_list("pk", "published_at")
    ranked = [pk for pk, when in sorted(allowed, key=lambda row: (scores[row[0]], -row[1].timestamp()))][
        :limit
    ]
    items = Item.objects.defer(*LIST_DEFER).in_bulk(ranked)
    return [Hit(items[pk], -scores[pk]) for pk in ranked if pk in items]


def _search_plain(query_terms: list[str], queryset, limit: int) -> list[Hit]:
    """Other databases: every stem somewhere in the text, title matches first. Slow but correct."""
    condition = Q()
    for t in query_terms:
        condition &= (
            Q(title__icontains=t)
            | Q(summary__icontains=t)
            | Q(body__icontains=t)
            | Q(search_tags__icontains=t)
        )
    items = list(queryset.filter(condition)[: MAX_RESULTS * 5])
    items.sort(key=lambda i: (-sum(t in i.title.lower() for t in query_terms), -i.published_at.timestamp()))
    return [Hit(item, 0.0) for item in items[:limit]]
