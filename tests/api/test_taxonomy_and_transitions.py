"""Occupations, skills and search; transitions from an occupation and for a person — the same answers as
the site's own Verkennen endpoints, because the same engine gives them."""

from tests.api.conftest import assert_problem, key_for, person
from wendbaar.learning.models import Course
from wendbaar.profiles.models import Profile
from wendbaar.taxonomy.models import Occupation, Skill


def test_occupations_search_and_detail_in_either_language(api, starter):
    found = api.get("/api/v1/occupations/", params={"q": "burgerzakn"}).json()  # a typo
    assert found["results"][0]["code"] == "baliemedewerker-burgerzaken"
    assert found["results"][0]["api_url"].endswith("/api/v1/occupations/baliemedewerker-burgerzaken/")

    municipal = api.get("/api/v1/occupations/", params={"scope": "gemeente", "page_size": 100}).json()
    assert municipal["results"] and all(o["is_municipal"] for o in municipal["results"])
    assert municipal["count"] == Occupation.objects.current().filter(is_municipal=True).count()

    detail = api.get("/api/v1/occupations/baliemedewerker-burgerzaken/")
    assert detail.headers["Content-Language"] == "nl"
    body = detail.json()
    assert body["label"] == "baliemedewerker burgerzaken" and body["essential_skills"]
    essential = {s["code"] for s in body["essential_skills"]}
    assert not essential & {s["code"] for s in body["optional_skills"]}

    english = api.get("/api/v1/occupations/baliemedewerker-burgerzaken/", headers={"Accept-Language": "en"})
    assert english.headers["Content-Language"] == "en"
    assert english.json()["label_language"] == "en" and english.json()["label"] != body["label"]


def test_skills_filter_by_occupation_and_count_where_they_are_needed(api, starter):
    occupation = Occupation.objects.get(code="baliemedewerker-burgerzaken")
    needed = api.get("/api/v1/skills/", params={"occupation": occupation.code, "page_size": 100}).json()
    assert {s["code"] for s in needed["results"]} == set(
        occupation.skills.filter(status="released").values_list("code", flat=True)
    )
    code = needed["results"][0]["code"]
    skill = api.get(f"/api/v1/skills/{code}/").json()
    assert skill["essential_for_count"] + skill["optional_for_count"] >= 1
    users = api.get(skill["occupations_url"]).json()
    assert occupation.code in {o["code"] for o in users["results"]}


def test_label_search_finds_both_kinds_and_can_narrow_to_one(api, starter):
    both = api.get("/api/v1/search/", params={"q": "balie"}).json()["results"]
    assert {hit["type"] for hit in both} == {"occupation", "skill"}
    skills = api.get("/api/v1/search/", params={"q": "balie", "type": "skill"}).json()["results"]
    assert skills and {hit["type"] for hit in skills} == {"skill"}
    assert all(Skill.objects.filter(code=hit["code"]).exists() for hit in skills)
    assert_problem(api.get("/api/v1/search/"), 400, "invalid")  # q is required


def test_transitions_from_an_occupation_and_one_of_them_in_detail(api, starter):
    listed = api.get(
        "/api/v1/occupations/baliemedewerker-burgerzaken/transitions/", params={"page_size": 5}
    ).json()
    results = listed["results"]
    assert len(results) == 5 and listed["count"] > 5
    assert "baliemedewerker-burgerzaken" not in {r["occupation"]["code"] for r in results}
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    first = results[0]
    assert first["reason"] and first["shared_skills"]

    pair = api.get(
        f"/api/v1/occupations/baliemedewerker-burgerzaken/transitions/{first['occupation']['code']}/"
    )
    assert pair.json() == first

    only_other_sectors = api.get(
        "/api/v1/occupations/baliemedewerker-burgerzaken/transitions/", params={"scope": "andere-sectoren"}
    ).json()["results"]
    assert only_other_sectors
    assert not Occupation.objects.filter(
        code__in=[r["occupation"]["code"] for r in only_other_sectors], is_municipal=True
    ).exists()
    assert_problem(api.get("/api/v1/occupations/bestaat-niet/transitions/"), 404, "not_found")


def test_my_recommendations_are_what_verkennen_shows(api, anna):
    profile = Profile.objects.get(user=anna)
    skills = ",".join(
        f"{r.skill.uri or r.skill.code}:{r.level}" for r in profile.skills.select_related("skill")
    )
    occupation = profile.current_occupation
    explore = api.get(
        "/verkennen/api/recommend",
        params={"skills": skills, "occupation": occupation.uri or occupation.code, "years": 8, "limit": 20},
    ).json()["results"]
    mine = api.get("/api/v1/me/recommendations/", key_for(anna), params={"page_size": 20}).json()["results"]
    assert [(r["occupation"]["uri"] or r["occupation"]["code"], r["match"]) for r in mine] == [
        (r["uri"], r["match"]) for r in explore
    ]
    assert [r["reason"] for r in mine] == [r["reason"] for r in explore]


def test_recommendations_need_skills_first(api, starter):
    newcomer = person("nieuw@zwolle.nl", "Nieuw")
    body = assert_problem(
        api.get("/api/v1/me/recommendations/", key_for(newcomer)), 409, "profile_incomplete"
    )
    assert "vaardigheden" in body["detail"]


def test_what_if_and_one_transition_with_a_learning_route(api, anna):
    key = key_for(anna)
    mine = api.get("/api/v1/me/transitions/data-analist/", key).json()
    missing = [s["code"] for s in mine["missing_skills"]]
    assert mine["occupation"]["code"] == "data-analist" and missing
    assert mine["learning_route"] == [] and [s["code"] for s in mine["not_covered"]] == missing

    course = Course.objects.create(
        title="Basis data-analyse",
        slug="basis-data-analyse",
        provider="Leerhuis",
        description="Data.",
        format="online",
        hours=20,
    )
    course.skills.set(Skill.objects.filter(code__in=missing[:2]))
    route = api.get("/api/v1/me/transitions/data-analist/", key).json()
    assert route["learning_route"][0]["course"]["slug"] == "basis-data-analyse"
    assert {s["code"] for s in route["learning_route"][0]["teaches"]} == set(missing[:2])
    assert [s["code"] for s in route["not_covered"]] == missing[2:]

    rises = api.get("/api/v1/me/recommendations/what-if/", key, params={"extra": missing[:2]}).json()
    assert rises["results"]
    for rise in rises["results"]:
        assert rise["after"] - rise["before"] == rise["delta"] > 0
    unknown = assert_problem(
        api.get("/api/v1/me/recommendations/what-if/", key, params={"extra": ["verzonnen"]}), 400, "invalid"
    )
    assert unknown["errors"][0]["field"] == "extra"
