"""Who may read what: public data without a key, personal data with the owner's key only; revoked, expired
and unknown keys are refused; a read-only key never changes anything."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from tests.api.conftest import assert_problem, key_for
from wendbaar.api.models import ApiToken, Scope
from wendbaar.profiles.models import Profile


def test_public_data_needs_no_key_and_personal_data_does(api, anna):
    assert api.get("/api/v1/occupations/").status_code == 200
    refused = api.get("/api/v1/me/profile/")
    body = assert_problem(refused, 401, "not_authenticated")
    assert refused.headers["WWW-Authenticate"] == 'Bearer realm="wendbaar"'
    assert "sleutel" in body["detail"]


def test_each_key_reads_its_own_profile_only(api, anna, bram):
    anna_profile = api.get("/api/v1/me/profile/", key_for(anna)).json()
    bram_profile = api.get("/api/v1/me/profile/", key_for(bram)).json()
    assert anna_profile["current_occupation"]["code"] == "baliemedewerker-burgerzaken"
    assert bram_profile["current_occupation"]["code"] == "klantcontactmedewerker-kcc"
    anna_skills = {r["skill"]["code"] for r in anna_profile["skills"]}
    assert anna_skills == set(Profile.objects.get(user=anna).skills.values_list("skill__code", flat=True))
    assert anna_skills != {r["skill"]["code"] for r in bram_profile["skills"]}


def test_a_key_cannot_see_or_revoke_someone_elses_key(api, anna, bram):
    anna_key, bram_key = key_for(anna, Scope.WRITE), key_for(bram)
    bram_token = ApiToken.objects.get(user=bram)
    assert_problem(api.get(f"/api/v1/me/tokens/{bram_token.pk}/", anna_key), 404, "not_found")
    assert_problem(api.delete(f"/api/v1/me/tokens/{bram_token.pk}/", anna_key), 404, "not_found")
    assert api.get("/api/v1/me/", bram_key).status_code == 200  # Bram's key still works
    listed = api.get("/api/v1/me/tokens/", anna_key).json()
    assert [t["id"] for t in listed["results"]] == [ApiToken.objects.get(user=anna).pk]


def test_unknown_revoked_and_expired_keys_are_refused(api, anna):
    assert "bestaat niet" in assert_problem(api.get("/api/v1/me/", "wb_verzonnen"), 401)["detail"]
    # A bad key is refused on public data too: a program should learn its key is wrong.
    assert_problem(api.get("/api/v1/occupations/", "wb_verzonnen"), 401, "authentication_failed")

    key = key_for(anna, Scope.WRITE)
    assert api.get("/api/v1/me/", key).json()["email"] == "anna@zwolle.nl"
    token_id = api.get("/api/v1/me/", key).json()["token"]["id"]
    assert api.delete(f"/api/v1/me/tokens/{token_id}/", key).status_code == 204
    assert "ingetrokken" in assert_problem(api.get("/api/v1/me/", key), 401)["detail"]

    old = key_for(anna, expires_at=timezone.now() - timedelta(minutes=1))
    assert "verlopen" in assert_problem(api.get("/api/v1/me/profile/", old), 401)["detail"]


def test_a_read_only_key_changes_nothing(api, anna):
    key = key_for(anna, Scope.READ)
    response = api.patch("/api/v1/me/profile/", key, json={"years_in_occupation": 1})
    assert_problem(response, 403, "insufficient_scope")
    assert Profile.objects.get(user=anna).years_in_occupation == 8
    writer = key_for(anna, Scope.WRITE)
    assert api.patch("/api/v1/me/profile/", writer, json={"years_in_occupation": 1}).status_code == 200
    assert Profile.objects.get(user=anna).years_in_occupation == 1


def test_only_a_hash_of_the_key_is_stored_and_use_is_recorded(api, anna):
    key = key_for(anna)
    token = ApiToken.objects.get(user=anna)
    stored = [str(v) for v in ApiToken.objects.filter(pk=token.pk).values().first().values()]
    assert not any(key in value or value == key for value in stored)
    assert key.startswith(token.prefix) and len(token.prefix) < 16
    assert token.last_used_at is None
    api.get("/api/v1/me/", key)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_signed_in_session_works_but_changes_need_the_csrf_token(anna, db):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(anna)
    assert browser.get("/api/v1/me/").json()["token"] is None
    response = browser.patch(
        "/api/v1/me/profile/", {"years_in_occupation": 2}, content_type="application/json"
    )
    body = assert_problem(response, 403, "permission_denied")
    assert "CSRF" in body["detail"]
    assert Profile.objects.get(user=anna).years_in_occupation == 8
