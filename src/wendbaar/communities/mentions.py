"""Finding "@Naam" in a post. Names have spaces ("@Petra de Vries"), so the text after each @ is compared
with the names of the group's members, longest first; a first name alone ("@Petra") counts when exactly one
member has it. An @ inside a word (an e-mail address) is not a mention. Only members can be named."""

from __future__ import annotations

from collections import Counter


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def find_mentions(text: str, members) -> set[int]:
    """Ids of the ``members`` (users) named with @ in ``text``."""
    if "@" not in (text or ""):
        return set()
    names: dict[str, int] = {}
    first_names = Counter()
    for member in members:
        full = (member.name or "").strip().lower()
        if full:
            names[full] = member.pk
            first_names[full.split()[0]] += 1
    for member in members:
        full = (member.name or "").strip().lower()
        if full and first_names[full.split()[0]] == 1:
            names.setdefault(full.split()[0], member.pk)
    candidates = sorted(names.items(), key=lambda item: -len(item[0]))
    found = set()
    lowered = text.lower()
    position = lowered.find("@")
    while position != -1:
        if position == 0 or not _is_word_char(lowered[position - 1]):
            rest = lowered[position + 1 :]
            for name, user_id in candidates:
                if rest.startswith(name) and (len(rest) == len(name) or not _is_word_char(rest[len(name)])):
                    found.add(user_id)
                    break
        position = lowered.find("@", position + 1)
    return found
