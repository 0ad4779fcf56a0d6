"""Suggest skills from a person's own Dutch text (a CV, or a description of their work).

Words are lemmatised (simplemma, Dutch), so "paspoorten aanvragen" in a label matches "ik behandel
aanvragen voor paspoorten" in a CV. A label is suggested when all its content words occur in one sentence
of the text; rarer words weigh more, so specific skills come before general ones. The person accepts or
rejects every suggestion; nothing is added on their behalf.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from wendbaar.taxonomy.models import SkillTranslation, Status
from wendbaar.taxonomy.search import normalise
from wendbaar.taxonomy.versioned import PerTaxonomyVersion

STOPWORDS = frozenset(
    "de het een en of in op aan van voor met door bij uit naar over als dat die dit deze ik je jij we wij "
    "ze zij hij is ben was zijn heb heeft hebben wordt worden werd kan kun kunnen moet moeten zal zou ook "
    "niet nog wel er te om tot dan maar want dus mijn mij me onze ons hun hen jaar jaren veel vaak goed heel "
    "zeer the and of to a for with".split()
)
# Verbs that name no skill on their own: "Excel gebruiken" is found in "ik werk veel met Excel".
LIGHT_WORDS = frozenset(
    "gebruiken gebruik toepassen hanteren werken kennis kennen doen kunnen use apply".split()
)
MAX_LABEL_WORDS = 5
MAX_SUGGESTIONS = 20


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="nl").lower()


def content_lemmas(text: str) -> set[str]:
    words = [w for w in normalise(text).split() if w not in STOPWORDS and len(w) > 1]
    return {lemma(w) for w in words} | {w for w in words}


@dataclass(frozen=True)
class Found:
    skill_id: int
    label: str
    evidence: str
    score: float


class TextMatcher:
    def __init__(self, labels: list[tuple[int, str]]):
        self.entries = []  # (skill id, label, lemmas as a tuple)
        for skill_id, label in labels:
            # One-letter words stay: "rijbewijs B" must not match every "rijbewijs".
            words = [w for w in normalise(label).split() if w not in STOPWORDS]
            if len(words) > MAX_LABEL_WORDS:
                continue
            lemmas = {lemma(w) for w in words if w not in LIGHT_WORDS} - LIGHT_WORDS
            if lemmas:
                self.entries.append((skill_id, label, tuple(sorted(lemmas))))
        df = defaultdict(int)
        for _skill, _label, lemmas in self.entries:
            for word in lemmas:
                df[word] += 1
        total = max(len(self.entries), 1)
        self.weight = {word: math.log(1 + total / count) for word, count in df.items()}
        # Look a label up by its rarest word: most labels are ruled out without a set comparison.
        self.by_rarest = defaultdict(list)
        for index, (_skill, _label, lemmas) in enumerate(self.entries):
            rarest = min(lemmas, key=lambda w: (df[w], w))
            self.by_rarest[rarest].append(index)

    def find(self, text: str, exclude: set[int] = frozenset()) -> list[Found]:
        best: dict[int, Found] = {}
        for sentence in re.split(r"[.!?;\n•·]+", text):
            present = content_lemmas(sentence)
            if not present:
                continue
            for word in present:
                for index in self.by_rarest.get(word, ()):
                    skill_id, label, lemmas = self.entries[index]
                    if skill_id in exclude or not set(lemmas) <= present:
                        continue
                    if all(len(w) < 4 for w in lemmas):
                        continue  # too short to say anything on its own
                    score = sum(self.weight[w] for w in lemmas)
                    if skill_id not in best or score > best[skill_id].score:
                        best[skill_id] = Found(skill_id, label, sentence.strip()[:300], score)
        return sorted(best.values(), key=lambda f: (-f.score, f.label))[:MAX_SUGGESTIONS]


def _build_matcher() -> TextMatcher:
    labels = []
    rows = SkillTranslation.objects.filter(concept__status=Status.RELEASED).values_list(
        "concept_id", "language", "preferred_label", "alt_labels"
    )
    for skill_id, language, preferred, alt in rows.iterator(chunk_size=5000):
        # Dutch labels and synonyms; English only where a Dutch text uses the same word
        # (Excel, SQL, scrum) — their single-word preferred labels.
        if language == "nl":
            labels.extend((skill_id, text) for text in [preferred, *alt])
        elif len(preferred.split()) == 1:
            labels.append((skill_id, preferred))
    return TextMatcher(labels)


_matcher = PerTaxonomyVersion(_build_matcher)


def get_matcher() -> TextMatcher:
    return _matcher.get()
