"""Changing one's own profile through the API: valid changes land, invalid input changes nothing."""

from tests.api.conftest import assert_problem, key_for
from wendbaar.api.models import Scope
from wendbaar.profiles.models import Profile, SkillSource


def skills_of(user) -> dict[str, int]:
    return dict(Profile.objects.get(user=user).skills.values_list("skill__code", "level"))


def test_change_job_years_and_education(api, anna):
    key = key_for(anna, Scope.WRITE)
    before = skills_of(anna)
    changed = api.patch(
        "/api/v1/me/profile/",
        key,
        json={
            "current_occupation": "klantcontactmedewerker-kcc",
            "years_in_occupation": 2,
            "education": "mbo-4",
        },
    )
    assert changed.status_code == 200
    assert changed.json()["current_occupation"]["code"] == "klantcontactmedewerker-kcc"
    profile = Profile.objects.get(user=anna)
    assert (profile.current_occupation.code, profile.years_in_occupation, profile.education) == (
        "klantcontactmedewerker-kcc",
        2,
        "mbo-4",
    )
    assert skills_of(anna) == before  # a new job does not add skills by itself

    for body, field in [
        ({"years_in_occupation": 99}, "years_in_occupation"),
        ({"current_occupation": "bestaat-niet"}, "current_occupation"),
        ({"education": "doctoraat"}, "education"),
    ]:
        problem = assert_problem(api.patch("/api/v1/me/profile/", key, json=body), 400, "invalid")
        assert [e["field"] for e in problem["errors"]] == [field]
    profile.refresh_from_db()
    assert (profile.current_occupation.code, profile.years_in_occupation, profile.education) == (
        "klantcontactmedewerker-kcc",
        2,
        "mbo-4",
    )
    cleared = api.patch("/api/v1/me/profile/", key, json={"current_occupation": None}).json()
    assert cleared["current_occupation"] is None


def test_replace_all_skills_at_once(api, anna):
    key = key_for(anna, Scope.WRITE)
    before = skills_of(anna)
    kept = sorted(before)[0]
    response = api.put(
        "/api/v1/me/profile/skills/",
        key,
        json={"skills": [{"skill": kept, "level": 4}, {"skill": "data-analyse", "level": 1}]},
    )
    assert response.status_code == 200, response.text
    assert skills_of(anna) == {kept: 4, "data-analyse": 1}
    sources = dict(Profile.objects.get(user=anna).skills.values_list("skill__code", "source"))
    assert sources == {kept: SkillSource.BEROEP, "data-analyse": SkillSource.ZELF}
    assert {r["skill"]["code"]: r["level"] for r in response.json()["skills"]} == {
        kept: 4,
        "data-analyse": 1,
    }


def test_a_bad_skill_list_changes_nothing(api, anna):
    key = key_for(anna, Scope.WRITE)
    before = skills_of(anna)
    duplicate = [{"skill": "data-analyse", "level": 2}, {"skill": "data-analyse", "level": 3}]
    for skills, field in [
        (duplicate, "skills.1.skill"),
        ([{"skill": "verzonnen", "level": 2}], "skills.0.skill"),
        ([{"skill": "data-analyse", "level": 5}], "skills.0.level"),
    ]:
        problem = assert_problem(api.put("/api/v1/me/profile/skills/", key, json={"skills": skills}), 400)
        assert [e["field"] for e in problem["errors"]] == [field]
    assert_problem(
        api.put("/api/v1/me/profile/skills/", key, data="geen json"), 415, "unsupported_media_type"
    )
    broken = api.put(
        "/api/v1/me/profile/skills/", key, data="{", headers={"Content-Type": "application/json"}
    )
    assert_problem(broken, 400, "parse_error")
    assert skills_of(anna) == before


def test_add_change_and_remove_one_skill(api, anna):
    key = key_for(anna, Scope.WRITE)
    url = "/api/v1/me/profile/skills/data-analyse/"
    added = api.put(url, key, json={"level": 2})
    assert added.status_code == 201 and added.json()["level"] == 2
    changed = api.put(url, key, json={"level": 3})
    assert changed.status_code == 200 and skills_of(anna)["data-analyse"] == 3
    assert api.delete(url, key).status_code == 204
    assert "data-analyse" not in skills_of(anna)
    assert_problem(api.delete(url, key), 404, "not_found")
    assert_problem(api.put("/api/v1/me/profile/skills/verzonnen/", key, json={"level": 2}), 404)
