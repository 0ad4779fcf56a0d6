"""The vectorised nightly top-k gives the same lists as bulk.top_people, for any taxonomy and any people."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.matching.test_engine import snapshots
from wendbaar.matching import Engine, Profile, bulk, topk

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def cases(draw):
    snapshot = draw(snapshots())
    engine = Engine(snapshot)
    n, m = engine.n_occupations, engine.n_skills
    demands = draw(
        st.lists(
            st.tuples(st.sets(st.integers(0, m - 1), max_size=5), st.none() | st.integers(0, n - 1)),
            min_size=1,
            max_size=12,
        )
    )
    people = draw(
        st.lists(
            st.tuples(
                st.dictionaries(st.integers(0, m - 1), st.integers(1, 4), max_size=6),
                st.none() | st.integers(0, n - 1),
                st.integers(0, 20),
            ),
            min_size=1,
            max_size=40,
        )
    )
    profiles = [Profile(skills, occupation, years) for skills, occupation, years in people]
    limit = draw(st.integers(1, 6))
    min_score = draw(st.sampled_from([0.0, 0.2, 0.5]))
    chunk = draw(st.integers(1, 15))
    return engine, demands, profiles, limit, min_score, chunk


@PROPERTY
@given(cases(), st.sampled_from([1, 2]), st.sampled_from([0.0, 0.05, 2.0]))
def test_same_lists_as_bulk_top_people(case, threads, whole_rows_above):
    """Both ways of merging a block (whole rows, or only the people who beat the lists) agree."""
    engine, wanted, profiles, limit, min_score, chunk = case
    topk.WHOLE_ROWS_ABOVE = whole_rows_above
    demands = bulk.build_demands(engine, [list(s) for s, _o in wanted], [o for _s, o in wanted])
    held = bulk.held_matrix(engine, profiles)
    occupations = np.array([-1 if p.occupation is None else p.occupation for p in profiles])

    expected_idx, expected_score = bulk.top_people(
        engine, demands, held, occupations, limit, min_score, chunk=7
    )
    idx, score = topk.top_people(engine, demands, held, occupations, limit, min_score, chunk, threads)

    assert idx.shape == expected_idx.shape == (len(wanted), limit)
    np.testing.assert_allclose(score, expected_score, atol=1e-5)
    assert ((idx < 0) == (expected_idx < 0)).all(), "the same number of people reach the minimum"
    everyone, _coverage = bulk.scores(engine, demands, held, occupations)
    for d in range(len(wanted)):
        listed = idx[d][idx[d] >= 0]
        assert len(set(listed.tolist())) == len(listed), "nobody twice"
        np.testing.assert_allclose(everyone[listed, d], score[d][: len(listed)], atol=1e-5)


def teardown_function():
    topk.WHOLE_ROWS_ABOVE = 0.05


def test_a_known_case_best_first():
    from tests.matching.test_engine import small_taxonomy

    engine = Engine(small_taxonomy())
    demands = bulk.build_demands(engine, [[0, 1], [2]], [None, 1])
    profiles = [Profile({0: 4, 1: 4}), Profile({0: 2}), Profile({}), Profile({2: 4}, 1, 10)]
    held = bulk.held_matrix(engine, profiles)
    occupations = np.array([-1, -1, -1, 1])

    idx, score = topk.top_people(engine, demands, held, occupations, 3, 0.0, chunk=2)

    assert idx[0][0] == 0 and idx[1][0] == 3  # the person with exactly what is asked comes first
    assert (np.diff(score, axis=1) <= 1e-6).all()  # best first
    assert score[0][idx[0].tolist().index(2)] == 0  # nothing rated, nothing matched
