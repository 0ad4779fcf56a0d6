"""The groups of people a dashboard can show: Nederland, a province, a municipality, or an occupation group.

They form one forest (see ``suppression.Forest``). Nederland splits in two ways: into provinces (which
split into their municipalities) and into occupation groups (the first digit of the ISCO code of the
person's current job). Each person counts for one municipality: the first municipality they became a
member of, the same one the privacy app keeps when an account is erased. People whose municipality or
occupation group is unknown sit in "rest" nodes that are never shown but take part in every sum. What is
left of erased accounts (a province at most, or nothing at all for an exploration or a registration)
sits in "anon" nodes: never shown either and not protected themselves — they describe nobody — and
assumed to be known to anyone, so they never hide a living person's count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wendbaar.accounts.models import Organisation, OrganisationKind, Province
from wendbaar.insight.suppression import Forest

NATIONAL = "nl"
REST_REGION = "rest:nl"
REST_GROUP = "rest:b"
ANON_REGION = "anon:nl"
ANON_GROUP = "anon:b"

ISCO_MAJOR = {
    "1": gettext_lazy("Leidinggevenden"),
    "2": gettext_lazy("Specialisten (hbo/wo)"),
    "3": gettext_lazy("Technici en vakspecialisten"),
    "4": gettext_lazy("Administratief en klantcontact"),
    "5": gettext_lazy("Dienstverlening en verkoop"),
    "6": gettext_lazy("Landbouw en visserij"),
    "7": gettext_lazy("Ambachten en bouw"),
    "8": gettext_lazy("Bediening van machines en vervoer"),
    "9": gettext_lazy("Elementaire beroepen"),
    "0": gettext_lazy("Militaire beroepen"),
}


def province_node(province: str) -> str:
    return f"p:{province}"


def municipality_node(organisation_id: int) -> str:
    return f"g:{organisation_id}"


def group_node(digit: str) -> str:
    return f"b:{digit}"


_forests: dict[tuple, Forest] = {}


def _same(forest: Forest) -> Forest:
    """The forest built before, when the municipalities are the same: the small-group checks keep the
    layout of their sums per forest object, so every figure after the first reuses it."""
    key = (forest.root, tuple(forest.families.items()), forest.never, forest.free)
    if key not in _forests and len(_forests) >= 4:
        _forests.clear()  # municipalities changed more than a few times: start afresh
    return _forests.setdefault(key, forest)


@dataclass(frozen=True)
class Groups:
    forest: Forest
    labels: dict[str, str]
    province_of: dict[int, str]  # municipality id → province ("" when unknown)

    @classmethod
    def load(cls) -> Groups:
        municipalities = list(
            Organisation.objects.filter(kind=OrganisationKind.GEMEENTE)
            .order_by("name", "id")
            .values_list("id", "name", "province")
        )
        provinces = [value for value, _label in Province.choices]
        labels = {NATIONAL: _("Heel Nederland")}
        families: dict[str, tuple[tuple[str, ...], ...]] = {}
        loose = []
        for value, label in Province.choices:
            labels[province_node(value)] = _("Provincie %(name)s") % {"name": label}
            families[province_node(value)] = (
                tuple(municipality_node(i) for i, _n, p in municipalities if p == value)
                + (f"anon:p:{value}",),
            )
        for i, name, province in municipalities:
            labels[municipality_node(i)] = name
            if province not in provinces:
                loose.append(municipality_node(i))
        for digit, label in ISCO_MAJOR.items():
            labels[group_node(digit)] = _("Beroepsgroep: %(name)s") % {"name": label}
        families[NATIONAL] = (
            tuple(province_node(p) for p in provinces) + tuple(loose) + (REST_REGION, ANON_REGION),
            tuple(group_node(d) for d in ISCO_MAJOR) + (REST_GROUP, ANON_GROUP),
        )
        # An occupation group holds living people and erased accounts side by side; the split keeps
        # the living people's part in view.
        for digit in ISCO_MAJOR:
            families[group_node(digit)] = ((f"{group_node(digit)}:mensen", f"{group_node(digit)}:anon"),)
        anonymous = frozenset(
            [
                ANON_REGION,
                ANON_GROUP,
                *(f"anon:p:{p}" for p in provinces),
                *(f"b:{d}:anon" for d in ISCO_MAJOR),
            ]
        )
        living = frozenset([REST_REGION, REST_GROUP, *(f"b:{d}:mensen" for d in ISCO_MAJOR)])
        forest = _same(Forest(NATIONAL, families, anonymous | living, anonymous))
        return cls(forest, labels, {i: (p if p in provinces else "") for i, _n, p in municipalities})

    def leaf_values(self) -> dict[str, int]:
        return dict.fromkeys([n for n in self.forest.nodes() if not self.forest.families.get(n)], 0)

    def region_leaf(self, kind: str, municipality: int | None, province: str | None) -> str:
        """``kind``: "live" (a person), "anon" (an erased account) or "orphan" (a row without one)."""
        if kind == "live":
            node = municipality_node(municipality) if municipality is not None else REST_REGION
            return node if node in self.labels else REST_REGION
        if kind == "anon" and province and province_node(province) in self.labels:
            return f"anon:p:{province}"
        return ANON_REGION

    def group_leaf(self, kind: str, digit: str | None) -> str:
        if kind != "orphan" and digit and digit in ISCO_MAJOR:
            return f"{group_node(digit)}:{'mensen' if kind == 'live' else 'anon'}"
        return REST_GROUP if kind == "live" else ANON_GROUP

    def totals(self, leaves: dict[str, int]) -> dict[str, int]:
        """Every node's count from the counts of the leaves (each person sits in one region leaf and
        one occupation-group leaf; Nederland is the sum over the regions)."""
        values = dict(leaves)

        def fill(node: str) -> int:
            families = self.forest.families.get(node)
            if not families:
                return values.get(node, 0)
            sums = [sum(fill(child) for child in children) for children in families]
            values[node] = sums[0]
            return sums[0]

        fill(self.forest.root)
        return values

    def view_path(self, node: str) -> list[str]:
        """The groups from Nederland down to ``node`` (used to label where a figure sits)."""
        parents = {
            child: parent
            for parent, families in self.forest.families.items()
            for children in families
            for child in children
        }
        path = [node]
        while path[-1] in parents:
            path.append(parents[path[-1]])
        return list(reversed(path))

    def children_shown(self, node: str) -> list[str]:
        """The groups directly below ``node`` that can be picked (rest nodes left out)."""
        return [
            child
            for children in self.forest.families.get(node, ())
            for child in children
            if child not in self.forest.never
        ]
