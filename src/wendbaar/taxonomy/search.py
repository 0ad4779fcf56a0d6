"""Label search over occupations and skills: accent- and case-insensitive, prefix and typo tolerant.

An autocomplete must answer in a few milliseconds over all of ESCO (some 90,000 labels and synonyms in
two languages), so the index lives in memory: a vocabulary of normalised words, for each word the labels
that contain it, and the vocabulary grouped by length for typo look-ups. It is built once per process
and rebuilt when the taxonomy version changes (after an import or an edit).

Scoring, per label: every query word must match a word of the label — exactly (1.0), as the prefix of
a longer word (0.8) or within one or two typos (0.6). The label's score is the mean, with a bonus when the
whole label equals or starts with the query, for preferred over alternative labels, for the reader's
language, and for shorter labels. A concept takes the score of its best label.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import get_language
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from wendbaar.taxonomy.models import (
    SOURCE_PREFERENCE,
    Occupation,
    Skill,
    Status,
    language_preference,
)
from wendbaar.taxonomy.versioned import PerTaxonomyVersion

KINDS = {"occupation": Occupation, "skill": Skill}
MAX_PREFIX_EXPANSION = 400


def normalise(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: 'Café-Eigenaar' -> 'cafe eigenaar'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if c.isalnum() else " " for c in plain)


def words(text: str) -> list[str]:
    return normalise(text).split()


@dataclass(frozen=True)
class Hit:
    kind: str
    concept_id: int
    code: str
    label: str
    language: str
    matched_label: str
    matched_language: str
    score: float

    def as_dict(self) -> dict:
        return {
            "type": self.kind,
            "code": self.code,
            "label": self.label,
            "lang": self.language,
            "matched": self.matched_label,
            "matched_lang": self.matched_language,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True)
class _Entry:
    kind: str
    concept_id: int
    text: str
    normalised: str
    language: str
    preferred: bool


class SearchIndex:
    def __init__(
        self,
        entries: list[_Entry],
        display: dict[tuple[str, int], dict[str, tuple[str, str]]],
        codes: dict[tuple[str, int], str],
    ):
        self.entries = entries
        self.display = display  # (kind, id) -> {language: (label, label language)}
        self.codes = codes
        postings: dict[str, set[int]] = defaultdict(set)
        for index, entry in enumerate(entries):
            for word in entry.normalised.split():
                postings[word].add(index)
        self.postings = {word: frozenset(ids) for word, ids in postings.items()}
        self.vocabulary = sorted(self.postings)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            self.by_length[len(word)].append(word)

    def _word_matches(self, word: str, allow_prefix: bool) -> dict[int, float]:
        """Entries matching one query word, with the best match quality per entry."""
        matches: dict[int, float] = {}

        def add(ids, quality):
            for i in ids:
                if matches.get(i, 0.0) < quality:
                    matches[i] = quality

        if word in self.postings:
            add(self.postings[word], 1.0)
        if allow_prefix and len(word) >= 2:
            start = bisect.bisect_left(self.vocabulary, word)
            for candidate in self.vocabulary[start : start + MAX_PREFIX_EXPANSION]:
                if not candidate.startswith(word):
                    break
                if candidate != word:
                    add(self.postings[candidate], 0.8)
        if len(word) >= 4:
            max_typos = 1 if len(word) < 8 else 2
            for length in range(len(word) - max_typos, len(word) + max_typos + 1):
                close = process.extract(
                    word,
                    self.by_length.get(length, ()),
                    scorer=Levenshtein.distance,
                    score_cutoff=max_typos,
                    limit=None,
                )
                for candidate, _distance, _position in close:
                    if candidate != word:
                        add(self.postings[candidate], 0.6)
        return matches

    def search(
        self, query: str, kind: str | None = None, limit: int = 10, language: str | None = None
    ) -> list[Hit]:
        query_words = words(query)
        if not query_words or limit <= 0:
            return []
        # The last word may still be being typed: it also matches as a prefix.
        per_word = [
            self._word_matches(w, allow_prefix=(i == len(query_words) - 1 or len(w) >= 4))
            for i, w in enumerate(query_words)
        ]
        per_word.sort(key=len)
        candidates = set(per_word[0])
        for matches in per_word[1:]:
            candidates &= matches.keys()
            if not candidates:
                return []
        languages = language_preference(language or get_language())
        query_norm = " ".join(query_words)
        best: dict[tuple[str, int], tuple[float, _Entry]] = {}
        for index in candidates:
            entry = self.entries[index]
            if kind and entry.kind != kind:
                continue
            score = sum(m[index] for m in per_word) / len(per_word)
            label_norm = " ".join(entry.normalised.split())
            if label_norm == query_norm:
                score += 0.5
            elif label_norm.startswith(query_norm):
                score += 0.25
            score += 0.1 if entry.preferred else 0.0
            score += 0.05 if entry.language == languages[0] else 0.0
            score -= min(len(label_norm), 80) / 1000
            key = (entry.kind, entry.concept_id)
            if key not in best or score > best[key][0]:
                best[key] = (score, entry)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1].normalised))[:limit]
        hits = []
        for (entry_kind, concept_id), (score, entry) in ranked:
            labels = self.display[(entry_kind, concept_id)]
            label, label_language = next(
                (labels[lang] for lang in languages if lang in labels), next(iter(labels.values()))
            )
            hits.append(
                Hit(
                    entry_kind,
                    concept_id,
                    self.codes[(entry_kind, concept_id)],
                    label,
                    label_language,
                    entry.text,
                    entry.language,
                    score,
                )
            )
        return hits


def build_index() -> SearchIndex:
    entries: list[_Entry] = []
    display: dict[tuple[str, int], dict[str, tuple[str, str]]] = {}
    codes: dict[tuple[str, int], str] = {}
    for kind, model in KINDS.items():
        current = dict(model.objects.filter(status=Status.RELEASED).values_list("id", "code"))
        codes.update({(kind, concept_id): code for concept_id, code in current.items()})
        translations = model.translations.rel.related_model.objects.values_list(
            "concept_id", "language", "source", "preferred_label", "alt_labels", "hidden_labels"
        )
        chosen: dict[tuple[int, str], tuple[int, str]] = {}
        for concept_id, language, source, preferred, alt, hidden in translations.iterator(chunk_size=5000):
            if concept_id not in current:
                continue
            rank = SOURCE_PREFERENCE.index(source)
            if (concept_id, language) not in chosen or rank < chosen[(concept_id, language)][0]:
                chosen[(concept_id, language)] = (rank, preferred)
            seen = set()
            for text, is_preferred in [
                (preferred, True),
                *((a, False) for a in alt),
                *((h, False) for h in hidden),
            ]:
                norm = normalise(text).strip()
                if norm and norm not in seen:
                    seen.add(norm)
                    entries.append(_Entry(kind, concept_id, text, norm, language, is_preferred))
        for (concept_id, language), (_rank, label) in chosen.items():
            display.setdefault((kind, concept_id), {})[language] = (label, language)
    return SearchIndex(entries, display, codes)


_index = PerTaxonomyVersion(build_index)


def get_index() -> SearchIndex:
    """The process-wide index, rebuilt when the taxonomy version has moved on."""
    return _index.get()


def search(query: str, kind: str | None = None, limit: int = 10, language: str | None = None) -> list[Hit]:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"type must be one of {', '.join(KINDS)}")
    return get_index().search(query, kind=kind, limit=limit, language=language)
