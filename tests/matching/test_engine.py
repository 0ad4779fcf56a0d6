"""The matching library on its own (no Django): properties that must hold for any taxonomy, and the
behaviour people rely on — reasons, missing skills, filters, what-if and exposure."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wendbaar.matching import Engine, Filters, Indicator, Profile, Snapshot

# Derandomised: the suite must give the same answer on every run.
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def snapshots(draw):
    n = draw(st.integers(3, 10))
    m = draw(st.integers(4, 16))
    relations = set()
    for o in range(n):
        for s in draw(st.sets(st.integers(0, m - 1), min_size=1, max_size=min(m, 7))):
            relations.add((o, s, draw(st.booleans())))
    isco = [draw(st.sampled_from(["2411", "2412", "2421", "4222", "4223", "5322", ""])) for _ in range(n)]
    broader = draw(st.lists(st.tuples(st.integers(0, m - 1), st.integers(0, m - 1)), max_size=4))
    groups = [(s, draw(st.integers(0, 2))) for s in range(m)]
    texts = [
        draw(st.sampled_from(["clerk civil affairs", "care assistant home", "data analyst", ""]))
        for _ in range(n)
    ]
    return Snapshot(
        occupation_keys=[f"o{i}" for i in range(n)],
        occupation_labels=[f"beroep {i}" for i in range(n)],
        occupation_isco=isco,
        skill_keys=[f"s{i}" for i in range(m)],
        skill_labels=[f"vaardigheid {i}" for i in range(m)],
        relations=sorted(relations),
        occupation_text=texts,
        skill_broader=[(a, b) for a, b in broader if a != b],
        skill_groups=groups,
    )


def requirements(engine, d):
    return set(engine.needs[d].indices)


@PROPERTY
@given(snapshots(), st.data())
def test_adding_a_required_skill_never_lowers_that_occupation(snapshot, data):
    engine = Engine(snapshot)
    d = data.draw(st.integers(0, engine.n_occupations - 1))
    profile_skills = data.draw(
        st.dictionaries(st.integers(0, engine.n_skills - 1), st.integers(1, 4), max_size=5)
    )
    missing = sorted(requirements(engine, d) - set(profile_skills))
    if not missing:
        return
    skill = data.draw(st.sampled_from(missing))
    level = data.draw(st.integers(1, 4))
    origin = data.draw(st.none() | st.integers(0, engine.n_occupations - 1))
    before, _ = engine.profile_scores(Profile(profile_skills, origin, 6))
    after, _ = engine.profile_scores(Profile({**profile_skills, skill: level}, origin, 6))
    assert after[d] >= before[d] - 1e-6


@PROPERTY
@given(snapshots())
def test_an_occupation_is_its_own_best_match(snapshot):
    engine = Engine(snapshot)
    for o in range(engine.n_occupations):
        assert engine.similarity[o, o] >= engine.similarity[o].max() - 1e-6


@PROPERTY
@given(snapshots())
def test_scores_are_deterministic(snapshot):
    first, second = Engine(snapshot), Engine(snapshot)
    assert np.array_equal(first.similarity, second.similarity)
    assert first.similar(0, limit=5) == second.similar(0, limit=5)
    profile = Profile({0: 3, 1: 2})
    assert first.recommend(profile, limit=5) == second.recommend(profile, limit=5)


@PROPERTY
@given(snapshots(), st.data())
def test_shared_and_missing_agree_with_the_score(snapshot, data):
    engine = Engine(snapshot)
    skills = data.draw(st.dictionaries(st.integers(0, engine.n_skills - 1), st.integers(1, 4), max_size=6))
    if not skills:
        return
    _, coverage = engine.profile_scores(Profile(skills))
    for match in engine.recommend(Profile(skills), limit=engine.n_occupations):
        needed = requirements(engine, match.occupation)
        essential = set(engine.essential[match.occupation].indices)
        assert set(match.shared) == needed & set(skills)
        assert set(match.missing) == essential - set(skills)
        assert list(match.gains) == sorted(match.gains, reverse=True)
        row = engine.needs[match.occupation]
        gap = sum(w * (1 - coverage[s]) for s, w in zip(row.indices, row.data, strict=True))
        assert math.isclose(match.coverage, 1 - gap, abs_tol=1e-3)
        if all(skills.get(s) == 4 for s in needed):  # everything it asks, at the highest level
            assert match.coverage == pytest.approx(1.0, abs=1e-3)
        assert match.match == round(match.score * 100)
        assert match.essential_held + len(match.missing) == match.essential_total


@PROPERTY
@given(snapshots())
def test_results_never_contain_the_origin_and_are_sorted(snapshot):
    engine = Engine(snapshot)
    for o in range(engine.n_occupations):
        results = engine.similar(o, limit=engine.n_occupations)
        assert o not in [r.occupation for r in results]
        assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


# --- concrete behaviour ---------------------------------------------------------------------------------


def small_taxonomy(**extra):
    """A counter clerk, a back-office clerk, a data analyst and a care assistant."""
    skills = [
        "klantgericht werken",
        "reisdocumenten",
        "BRP bijhouden",
        "nauwkeurig werken",
        "SQL",
        "data analyseren",
        "persoonlijke verzorging",
        "empathie",
        "Excel",
    ]
    relations = [
        (0, 0, True),
        (0, 1, True),
        (0, 3, True),
        (0, 7, False),  # baliemedewerker
        (1, 2, True),
        (1, 3, True),
        (1, 1, False),
        (1, 8, False),  # backoffice
        (2, 4, True),
        (2, 5, True),
        (2, 8, True),
        (2, 3, False),  # data-analist
        (3, 6, True),
        (3, 7, True),
        (3, 0, True),  # helpende zorg
    ]
    return Snapshot(
        occupation_keys=["balie", "backoffice", "data", "zorg"],
        occupation_labels=["baliemedewerker", "medewerker backoffice", "data-analist", "helpende zorg"],
        occupation_isco=["4222", "4229", "2511", "5322"],
        occupation_municipal=[True, True, False, False],
        occupation_sector=["gemeente", "gemeente", "ict", "zorg"],
        skill_keys=[f"s{i}" for i in range(len(skills))],
        skill_labels=skills,
        relations=relations,
        **extra,
    )


def test_a_move_has_a_direction():
    # A specialist (everything the generalist has and more) moves down easily; the other way costs effort.
    snapshot = Snapshot(
        occupation_keys=["generalist", "specialist"],
        occupation_labels=["a", "b"],
        occupation_isco=["", ""],
        skill_keys=["x", "y", "z", "w"],
        skill_labels=["x", "y", "z", "w"],
        relations=[(0, 0, True), (0, 1, True), (1, 0, True), (1, 1, True), (1, 2, True), (1, 3, True)],
    )
    engine = Engine(snapshot)
    assert engine.similarity[1, 0] > engine.similarity[0, 1]


def test_missing_skills_come_in_order_of_what_they_add_and_the_reason_names_them():
    engine = Engine(small_taxonomy())
    result = engine.recommend(Profile({0: 4, 3: 3}), limit=4)
    balie = next(r for r in result if r.key == "balie")
    assert balie.missing == (1,)
    assert "2 van de 3 essentiële vaardigheden" in balie.reason
    assert "‘reisdocumenten’" in balie.reason
    zorg = next(r for r in result if r.key == "zorg")
    assert zorg.missing[0] in (6, 7) and len(zorg.gains) == 2


def test_filters():
    engine = Engine(small_taxonomy())
    only_other = engine.similar(0, limit=5, filters=Filters(municipal=False))
    assert {r.key for r in only_other} == {"data", "zorg"}
    assert {r.key for r in engine.similar(0, limit=5, filters=Filters(municipal=True))} == {"backoffice"}
    assert {r.key for r in engine.similar(0, limit=5, filters=Filters(isco_major=frozenset("5")))} == {"zorg"}
    assert "backoffice" not in {
        r.key for r in engine.similar(1, 5, Filters(sectors=frozenset({"zorg", "ict"})))
    }
    high = engine.similar(0, limit=5, filters=Filters(min_match=99))
    assert high == []


def test_excluding_the_origins_own_unit_group():
    snapshot = small_taxonomy()
    snapshot.occupation_isco[1] = "4222"
    engine = Engine(snapshot)
    assert "backoffice" in {r.key for r in engine.similar(0, 5)}
    assert "backoffice" not in {r.key for r in engine.similar(0, 5, Filters(exclude_origin_unit=True))}


def test_what_if_shows_which_occupations_rise():
    engine = Engine(small_taxonomy())
    rises = engine.what_if(Profile({0: 3, 3: 3}), {4: 3, 5: 3})
    assert rises[0].key == "data"
    assert rises[0].after > rises[0].before and rises[0].delta == rises[0].after - rises[0].before
    assert set(rises[0].newly_shared) == {4, 5}
    assert all(r.delta > 0 for r in rises)


def test_exposure_says_safer_with_its_source():
    risk = Indicator("automatisering", "automatisering", "Nesta (2020)", np.array([0.8, 0.7, 0.3, np.nan]))
    engine = Engine(small_taxonomy(indicators=[risk]))
    results = {r.key: r for r in engine.similar(0, limit=3)}
    assert results["data"].exposure.safer
    assert "Veiliger" in results["data"].exposure.text and "Nesta (2020)" in results["data"].exposure.text
    assert results["zorg"].exposure is None  # unknown for the destination: no claim
    assert engine.recommend(Profile({0: 3}), limit=3)[0].exposure is None  # no origin: nothing to compare


def test_bad_profiles_are_refused():
    engine = Engine(small_taxonomy())
    with pytest.raises(ValueError, match="level"):
        engine.recommend(Profile({0: 7}))
    with pytest.raises(KeyError):
        engine.recommend(Profile({99: 3}))
    assert engine.recommend(Profile({})) != [] or True
    assert all(r.score == 0 for r in engine.recommend(Profile({}), limit=2))


def test_snapshot_validates_its_shape():
    with pytest.raises(ValueError, match="outside"):
        Snapshot(["a"], ["a"], [""], ["x"], ["x"], [(0, 5, True)])
    with pytest.raises(ValueError, match="ISCO"):
        Snapshot(["a", "b"], ["a"], [""], ["x"], ["x"], [])


def test_the_library_does_not_import_django():
    import subprocess
    import sys

    code = (
        "import sys, wendbaar.matching; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
