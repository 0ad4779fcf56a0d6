"""Every error is a problem document, paging works the same on every list, and rate limits answer 429
with Retry-After — all over real HTTP."""

import pytest
from django.core.cache import cache

from tests.api.conftest import PROBLEM, assert_problem, key_for
from wendbaar.api.views import taxonomy
from wendbaar.taxonomy.models import Occupation


def test_problem_documents_for_every_kind_of_error(api, anna):
    body = assert_problem(api.get("/api/v1/occupations/", params={"page_size": 101}), 400, "invalid")
    assert body["errors"] == [
        {"field": "page_size", "code": "invalid", "detail": body["errors"][0]["detail"]}
    ]
    assert "100" in body["errors"][0]["detail"]
    assert_problem(api.get("/api/v1/occupations/", params={"page": "een"}), 400, "invalid")
    assert_problem(api.get("/api/v1/me/"), 401, "not_authenticated")
    assert_problem(api.get("/api/v1/occupations/bestaat-niet/"), 404, "not_found")

    unknown = assert_problem(api.get("/api/v1/bestaat-niet/"), 404, "not_found")
    assert "/api/v1/docs/" in unknown["detail"]
    slash = assert_problem(api.get("/api/v1/occupations"), 404, "not_found")
    assert "/api/v1/occupations/" in slash["detail"]  # the hint says what was meant
    assert_problem(api.request("DELETE", "/api/v2/iets/"), 404, "not_found")

    refused = api.request("POST", "/api/v1/occupations/", json={})
    assert_problem(refused, 405, "method_not_allowed")
    assert "GET" in refused.headers["Allow"]
    assert_problem(api.get("/api/v1/skills/", headers={"Accept": "text/html"}), 406, "not_acceptable")
    english = api.get("/api/v1/me/", headers={"Accept-Language": "en"})
    assert english.headers["Content-Language"] == "en" and english.headers["Content-Type"] == PROBLEM


def test_an_unexpected_error_is_a_logged_500_problem(api, starter, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("search index unavailable")

    monkeypatch.setattr(taxonomy, "search", broken)
    body = assert_problem(api.get("/api/v1/search/", params={"q": "balie"}), 500, "server_error")
    assert "search index" not in body["detail"]  # no internals in the answer…
    assert any(
        "search index unavailable" in str(r.exc_info) for r in caplog.records if r.exc_info
    )  # …but logged


def test_pages_cover_every_item_exactly_once(api, starter):
    total = Occupation.objects.current().count()
    first = api.get("/api/v1/occupations/", params={"page_size": 7}).json()
    assert first["count"] == total and first["previous"] is None and len(first["results"]) == 7
    codes, url = [], "/api/v1/occupations/?page_size=7"
    while url:
        page = api.get(url).json()
        codes += [o["code"] for o in page["results"]]
        url = page["next"]
    assert len(codes) == len(set(codes)) == total
    assert codes == sorted(codes, key=lambda c: Occupation.objects.get(code=c).name)

    last_page = -(-total // 7)
    assert api.get("/api/v1/occupations/", params={"page_size": 7, "page": last_page}).json()["next"] is None
    past = assert_problem(
        api.get("/api/v1/occupations/", params={"page_size": 7, "page": last_page + 1}), 404
    )
    assert str(last_page) in past["detail"]
    big = api.get("/api/v1/occupations/", params={"page_size": 100}).json()
    assert len(big["results"]) == min(100, total)


@pytest.fixture
def low_limits(settings):
    settings.API_RATE_LIMITS = {"anon": "3/min", "user": "4/min"}
    cache.clear()


def test_anonymous_requests_are_limited_per_address(api, starter, low_limits):
    for _ in range(3):
        assert api.get("/api/v1/skills/").status_code == 200
    # Claiming another address in X-Forwarded-For does not reset the count (no proxy in front here).
    refused = api.get("/api/v1/skills/", headers={"X-Forwarded-For": "203.0.113.9"})
    body = assert_problem(refused, 429, "throttled")
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= 60 and body["retry_after"] == wait


def test_a_person_has_one_budget_for_all_their_keys(api, anna, bram, low_limits):
    first, second = key_for(anna, name="een"), key_for(anna, name="twee")
    for key in (first, second, first, second):
        assert api.get("/api/v1/me/", key).status_code == 200
    assert_problem(api.get("/api/v1/me/", first), 429, "throttled")
    assert_problem(api.get("/api/v1/me/", second), 429, "throttled")
    assert api.get("/api/v1/me/", key_for(bram)).status_code == 200  # someone else is not affected
    assert api.get("/api/v1/skills/").status_code == 200  # nor are anonymous requests
