"""The vectorised core (wendbaar.matching.bulk) on a synthetic taxonomy: a demand built from an occupation
scores exactly as the engine scores that occupation, chunked top-k equals a full sort, and the two ways of
building the people matrix agree."""

import numpy as np
import pytest

from wendbaar.matching import Engine, Profile, Snapshot, bulk

RNG = np.random.default_rng(7)


def synthetic_engine(occupations=60, skills=300, text=True) -> Engine:
    relations = []
    for o in range(occupations):
        for s in RNG.choice(skills, size=RNG.integers(6, 16), replace=False):
            relations.append((o, int(s), bool(RNG.random() < 0.6)))
    snapshot = Snapshot(
        occupation_keys=[f"o{o}" for o in range(occupations)],
        occupation_labels=[f"beroep {o}" for o in range(occupations)],
        occupation_isco=[
            f"{RNG.integers(1, 10)}{RNG.integers(0, 10)}{RNG.integers(0, 10)}1" for _ in range(occupations)
        ],
        skill_keys=[f"s{s}" for s in range(skills)],
        skill_labels=[f"vaardigheid {s}" for s in range(skills)],
        relations=relations,
        occupation_text=[f"werk {o % 7} taak {o % 5} zorg" for o in range(occupations)] if text else None,
        skill_broader=[(s, s - 1) for s in range(1, skills, 5)],
        skill_groups=[(s, s // 12) for s in range(skills)],
        skill_related=[(s, (s * 7) % skills) for s in range(0, skills, 3)],
    )
    return Engine(snapshot)


def random_profiles(engine, count):
    profiles = []
    for i in range(count):
        skills = RNG.choice(engine.n_skills, size=RNG.integers(3, 25), replace=False)
        occupation = int(RNG.integers(engine.n_occupations)) if i % 3 else None
        profiles.append(
            Profile({int(s): int(RNG.integers(1, 5)) for s in skills}, occupation, float(RNG.integers(0, 20)))
        )
    return profiles


def occupation_demands(engine):
    essential = [engine._row(engine.essential, o)[0].tolist() for o in range(engine.n_occupations)]
    return bulk.build_demands(engine, essential, list(range(engine.n_occupations)))


@pytest.mark.parametrize("text", [True, False])
def test_a_demand_made_of_an_occupation_scores_like_the_engine(text):
    engine = synthetic_engine(text=text)
    demands = occupation_demands(engine)
    profiles = random_profiles(engine, 40)
    held = bulk.held_matrix(engine, profiles)
    occupations = np.array([-1 if p.occupation is None else p.occupation for p in profiles])
    scores, _coverage = bulk.scores(engine, demands, held, occupations)
    for i, profile in enumerate(profiles):
        expected, _ = engine.profile_scores(profile)
        np.testing.assert_allclose(scores[i], expected, atol=2e-5)


def test_held_from_arrays_equals_held_matrix():
    engine = synthetic_engine()
    profiles = random_profiles(engine, 50)
    person = np.array([i for i, p in enumerate(profiles) for _ in p.skills])
    skill = np.array([s for p in profiles for s in p.skills])
    level = np.array([lvl for p in profiles for lvl in p.skills.values()])
    occupations = np.array([-1 if p.occupation is None else p.occupation for p in profiles])
    years = np.array([p.years or 0 for p in profiles])
    fast = bulk.held_from_arrays(engine, person, skill, level, occupations, years)
    assert abs(fast - bulk.held_matrix(engine, profiles)).max() < 1e-6


def test_chunked_top_k_equals_a_full_sort():
    engine = synthetic_engine()
    demands = occupation_demands(engine)
    profiles = random_profiles(engine, 230)
    held = bulk.held_matrix(engine, profiles)
    occupations = np.array([-1 if p.occupation is None else p.occupation for p in profiles])
    full, _ = bulk.scores(engine, demands, held, occupations)
    limit, min_score = 12, 0.05
    best, best_scores = bulk.top_people(engine, demands, held, occupations, limit, min_score, chunk=17)
    for d in range(demands.count):
        column = full[:, d]
        expected = np.sort(column[column >= min_score])[::-1][:limit]
        got = best_scores[d][best[d] >= 0]
        np.testing.assert_allclose(got, expected, atol=1e-6)
        assert np.allclose(column[best[d][best[d] >= 0]], got)  # indices point at those scores
    same, same_scores = bulk.top_people(engine, demands, held, occupations, limit, min_score, chunk=1000)
    np.testing.assert_allclose(same_scores, best_scores, atol=1e-6)


def test_few_people_pad_the_lists():
    engine = synthetic_engine()
    demands = occupation_demands(engine)
    profiles = random_profiles(engine, 3)
    held = bulk.held_matrix(engine, profiles)
    best, scores = bulk.top_people(engine, demands, held, np.full(3, -1), limit=5)
    assert best.shape == (demands.count, 5) and (best[:, 3:] == -1).all() and (scores[:, 3:] == 0).all()


def test_explanations_split_the_required_skills():
    engine = synthetic_engine()
    required = [[1, 2, 3, 4]]
    demands = bulk.build_demands(engine, required, [None])
    profile = Profile({1: 4, 2: 3})
    scores, coverage = bulk.rank_for_person(engine, demands, profile)
    fit = bulk.explain_fit(engine, demands, 0, coverage, set(profile.skills), scores[0], None)
    assert set(fit.shared) == {1, 2} and set(fit.missing) == {3, 4}
    assert fit.required_total == 4 and fit.required_held == 2
    assert fit.reason.startswith("Je hebt al 2 van de 4 essentiële vaardigheden")
    assert fit.match == round(100 * float(scores[0]))
    with pytest.raises(KeyError):
        bulk.build_demands(engine, [[engine.n_skills]], [None])
