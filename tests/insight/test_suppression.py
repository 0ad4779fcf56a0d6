"""The suppression rule on its own (no database): thresholds, rounding, and — the heart of it — that no
combination of published counts lets anyone work out a group of 1 to 9 people."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.insight.attacker import Attacker
from wendbaar.insight.suppression import (
    NEVER,
    PROTECTED,
    REST,
    SHOWN,
    SMALL,
    TOTAL,
    Count,
    Forest,
    percent,
    protect,
    rounded,
)

# Derandomised: the suite must give the same answer on every run.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_counts_below_ten_never_show_a_number():
    assert Count.of(9, SMALL).label == "minder dan 10"
    assert Count.of(0, SMALL).label == "minder dan 10"
    assert Count.of(0, SMALL).shown is None
    assert Count.of(40, PROTECTED).label == "afgeschermd"
    assert Count.of(40, PROTECTED).shown is None


def test_shown_counts_are_rounded_to_five_and_never_below_ten():
    assert [rounded(n) for n in (10, 11, 12, 13, 17, 18, 101)] == [10, 10, 10, 15, 15, 20, 100]
    assert percent(Count.of(13, SHOWN), Count.of(52, SHOWN)) == 30  # 15 of 50, not 13 of 52
    assert percent(Count.of(13, SHOWN), Count(SMALL)) is None


def small_forest():
    """Nederland → two provinces → their municipalities; and Nederland → two occupation groups."""
    return Forest(
        "nl",
        {
            "nl": (("p1", "p2", "rest:nl"), ("b1", "b2", "rest:b")),
            "p1": (("g1", "g2", "rest:p1"),),
            "p2": (("g3", "rest:p2"),),
        },
        frozenset({"rest:nl", "rest:b", "rest:p1", "rest:p2"}),
    )


def values_for(forest, leaves: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    values = {node: dict(v) for node, v in leaves.items()}
    for node in ("p1", "p2", "nl"):
        children = forest.families[node][0]
        values[node] = {s: sum(values[c][s] for c in children) for s in values[children[0]]}
    return values


def test_a_small_municipality_is_not_given_away_by_its_province():
    forest = small_forest()
    leaves = {
        "g1": {TOTAL: 40, "X": 25},
        "g2": {TOTAL: 30, "X": 4},  # small
        "rest:p1": {TOTAL: 0, "X": 0},
        "g3": {TOTAL: 50, "X": 20},
        "rest:p2": {TOTAL: 0, "X": 0},
        "rest:nl": {TOTAL: 0, "X": 0},
    }
    values = values_for(forest, leaves)
    for node, share in (("b1", 0.5), ("b2", 0.5), ("rest:b", 0)):
        values[node] = {TOTAL: int(values["nl"][TOTAL] * share), "X": int(values["nl"]["X"] * share)}
    population = protect(forest, {n: {TOTAL: v[TOTAL]} for n, v in values.items()})
    result = protect(forest, values, ["X"], rest=True, population=population)
    assert result.status[("g2", "X")] == SMALL
    # Province minus Zwolle would be the small municipality: one of the two must not be shown.
    assert {result.status[("p1", "X")], result.status[("g1", "X")]} != {SHOWN}
    assert result.status[("g3", "X")] == SHOWN


def test_the_people_without_a_skill_are_protected_too():
    forest = small_forest()
    leaves = {
        "g1": {TOTAL: 40, "X": 37},  # only 3 without it
        "g2": {TOTAL: 30, "X": 15},
        "rest:p1": {TOTAL: 0, "X": 0},
        "g3": {TOTAL: 50, "X": 20},
        "rest:p2": {TOTAL: 0, "X": 0},
        "rest:nl": {TOTAL: 0, "X": 0},
    }
    values = values_for(forest, leaves)
    for node, share in (("b1", 0.5), ("b2", 0.5), ("rest:b", 0)):
        values[node] = {TOTAL: int(values["nl"][TOTAL] * share), "X": int(values["nl"]["X"] * share)}
    population = protect(forest, {n: {TOTAL: v[TOTAL]} for n, v in values.items()})
    result = protect(forest, values, ["X"], rest=True, population=population)
    assert population.status[("g1", TOTAL)] == SHOWN
    assert result.status[("g1", "X")] == PROTECTED
    assert result.status[("g1", REST)] == NEVER


@st.composite
def worlds(draw):
    """A few provinces with municipalities, occupation groups, and people spread over them (some
    without a known municipality or group), each in one of the ``parts`` or in the never-shown rest.
    Some rows are what erased accounts left behind ("anon": a province at most)."""
    provinces = draw(st.integers(1, 3))
    municipalities = [draw(st.integers(1, 3)) for _ in range(provinces)]
    loose = draw(st.integers(0, 1))
    groups = draw(st.integers(1, 3))
    parts = draw(st.sampled_from([["X"], ["X"], ["a", "b", "c"]]))
    region_leaves = [f"g{p}{m}" for p in range(provinces) for m in range(municipalities[p])]
    region_leaves += [f"anon:p{p}" for p in range(provinces)] + [f"g-los{i}" for i in range(loose)]
    region_leaves += ["rest:nl", "anon:nl"]
    group_leaves = [f"b{i}:{kind}" for i in range(groups) for kind in ("mensen", "anon")] + [
        "rest:b",
        "anon:b",
    ]
    # Handfuls of alike people: small groups next to big ones is where differencing bites.
    people = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(region_leaves) - 1),
                st.integers(0, len(group_leaves) - 1),
                st.integers(0, len(parts)),
                st.integers(1, 12),
            ),
            min_size=2,
            max_size=24,
        )
    )
    families = {
        "nl": (
            tuple(f"p{p}" for p in range(provinces))
            + tuple(f"g-los{i}" for i in range(loose))
            + ("rest:nl", "anon:nl"),
            tuple(f"b{i}" for i in range(groups)) + ("rest:b", "anon:b"),
        )
    }
    for i in range(groups):
        families[f"b{i}"] = ((f"b{i}:mensen", f"b{i}:anon"),)
    for p in range(provinces):
        families[f"p{p}"] = (tuple(f"g{p}{m}" for m in range(municipalities[p])) + (f"anon:p{p}",),)
    leaves = region_leaves + group_leaves
    anonymous = frozenset(n for n in leaves if "anon" in n)
    forest = Forest(
        "nl", families, frozenset(n for n in leaves if ":" in n and not n.startswith("g")), anonymous
    )
    atoms = {}
    for region_index, group_index, part, copies in people:
        region, group = region_leaves[region_index], group_leaves[group_index]
        # A living person is in no anon node; an erased account keeps its occupation group at most; a row
        # without any person has neither municipality nor group.
        if region.startswith("anon"):
            group = "anon:b" if group == "rest:b" else group.replace(":mensen", ":anon")
        elif "anon" in group:
            region = "anon:nl"
        key = (region, group, part)
        atoms[key] = atoms.get(key, 0) + copies
    return forest, region_leaves, group_leaves, parts, atoms


def _under(forest, node) -> set[str]:
    families = forest.families.get(node)
    if not families:
        return {node}
    return set().union(*(_under(forest, child) for child in families[0]))


def _atoms_of(forest, node, region_leaves, group_leaves):
    if node.startswith("b") or node in ("rest:b", "anon:b"):
        return {(r, g) for r in region_leaves for g in _under(forest, node)}
    return {(r, g) for r in _under(forest, node) for g in group_leaves}


@PROPERTY
@given(worlds())
def test_no_combination_of_published_counts_reveals_a_small_group(world):
    forest, region_leaves, group_leaves, parts, atoms = world
    part_names = [*parts, REST]
    part_index = {name: i for i, name in enumerate(part_names)}

    nodes = [n for n in forest.nodes() if n not in forest.never]
    every = [n for n in forest.nodes()]
    places = {n: _atoms_of(forest, n, region_leaves, group_leaves) for n in every}

    def count(node, part=None):
        return sum(
            v
            for (r, g, p), v in atoms.items()
            if (r, g) in places[node] and (part is None or p == part_index[part])
        )

    values = {n: {TOTAL: count(n), **{p: count(n, p) for p in parts}} for n in every}
    population = protect(forest, {n: {TOTAL: v[TOTAL]} for n, v in values.items()})
    result = protect(forest, values, parts, rest=True, population=population)

    attacker = Attacker(list(itertools.product(region_leaves, group_leaves, range(len(part_names)))))
    for node in nodes:  # every group's page publishes its own counts
        everyone = {(r, g, p) for (r, g) in places[node] for p in range(len(part_names))}
        attacker.learn(everyone, population.status[(node, TOTAL)], values[node][TOTAL])
        for part in parts:
            status = result.status[(node, part)]
            attacker.learn({(r, g, part_index[part]) for (r, g) in places[node]}, status, values[node][part])

    truth = {(r, g, p): v for (r, g, p), v in atoms.items()}
    # What erased accounts left behind gives no cover: the attacker is assumed to know it exactly.
    for r, g, p in attacker.atoms:
        if r in forest.free or g in forest.free:
            attacker.learn({(r, g, p)}, SHOWN, truth.get((r, g, p), 0))
    suspects = {}
    for node in every:
        for name, p in part_index.items():
            suspects[f"{node}/{name}"] = {(r, g, p) for (r, g) in places[node]}
        suspects[f"{node}/iedereen"] = {(r, g, p) for (r, g) in places[node] for p in part_index.values()}
    for r, g, p in attacker.atoms:
        suspects[f"{r}×{g}/{p}"] = {(r, g, p)}
    # The hidden counts of each family together (e.g. the provinces not shown, plus those without one).
    for parent, families in forest.families.items():
        for children in families:
            for name, p in part_index.items():
                hidden = [c for c in children if name == REST or result.status.get((c, name)) != SHOWN]
                suspects[f"{parent}: verborgen {name}"] = {(r, g, p) for c in hidden for (r, g) in places[c]}
    # Everyone in a group except those in one group below it (Nederland minus Zwolle).
    for top in every:
        for node in every:
            if node != top and places[node] < places[top]:
                for name, p in part_index.items():
                    suspects[f"{top}−{node}/{name}"] = {(r, g, p) for (r, g) in places[top] - places[node]}
    # Only living people need protecting: each group is judged by its atoms outside the anon nodes.
    living = {
        name: {a for a in group if a[0] not in forest.free and a[1] not in forest.free}
        for name, group in suspects.items()
    }
    assert attacker.revealed({name: group for name, group in living.items() if group}, truth) == []
