"""The CLI contract and the HTTP endpoints on the Dutch starter set, through the real console script
and through real HTTP."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wendbaar.taxonomy.models import Occupation
from wendbaar.taxonomy.starter_import import load_starter_set

ROOT = Path(__file__).resolve().parents[2]
CLERK = "http://data.europa.eu/esco/occupation/aaf732b5-ee19-4c82-a08f-700fb98f5ca7"  # baliemedewerker


@pytest.fixture
def starter(db):
    load_starter_set()


def similar(*args, stdin=None, capsys=None):
    call_command("occupations", "similar", *args)
    return capsys.readouterr()


def test_similar_jsonl_one_line_per_input_in_order(starter, capsys):
    codes = ["klantcontactmedewerker-kcc", CLERK, "wmo-consulent"]
    out = similar(*codes, "--limit", "5", "--format", "jsonl", capsys=capsys).out
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["uri"] for line in lines] == codes
    for line in lines:
        results = line["results"]
        assert len(results) == 5
        assert line["uri"] not in {r["uri"] for r in results}
        assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
        for result in results:
            assert set(result) == {"uri", "label", "score", "match", "shared", "missing"}
            assert result["match"] == round(result["score"] * 100)
            assert not set(result["shared"]) & set(result["missing"])


def test_baliemedewerker_burgerzaken_goes_where_a_person_would_expect(starter, capsys):
    out = similar(CLERK, "--limit", "10", capsys=capsys).out
    labels = [r["label"] for r in json.loads(out)["results"]]
    # Hand-checked: counter work in the same department and nearby public-service desks come first.
    assert labels[0] in {"medewerker publiekszaken", "medewerker burgerzaken backoffice"}
    assert "medewerker burgerzaken backoffice" in labels[:5]
    assert any(
        "klantcontact" in label or "frontoffice" in label or "publiekszaken" in label for label in labels
    )


def test_unknown_uris_are_named_and_the_rest_still_answered(starter, capsys):
    with pytest.raises(CommandError) as error:
        call_command("occupations", "similar", "http://example.org/nope", CLERK, "--limit", "3")
    assert error.value.returncode == 2
    assert "http://example.org/nope" in str(error.value)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["uri"] for line in lines] == [CLERK]


def test_recommend_for_a_set_of_skills(starter, capsys):
    clerk = Occupation.objects.get(uri=CLERK)
    skills = list(
        clerk.skill_relations.filter(relation_type="essential").values_list("skill__code", flat=True)
    )
    call_command("recommend", "--skills", ",".join(skills[:6]), "--limit", "5", "--format", "json")
    answer = json.loads(capsys.readouterr().out)
    assert answer["results"][0]["label"] == "baliemedewerker burgerzaken"
    assert answer["results"][0]["reason"].startswith("Je hebt al 6 van de")


def test_recommend_refuses_unknown_skills_and_bad_levels(starter):
    with pytest.raises(CommandError) as error:
        call_command("recommend", "--skills", "klantgericht-werken,bestaat-niet")
    assert error.value.returncode == 2 and "bestaat-niet" in str(error.value)
    with pytest.raises(CommandError, match="niveau 7"):
        call_command("recommend", "--skills", "klantgericht-werken:7")


def run_cli(args, stdin=""):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    script = Path(sys.executable).with_name("wendbaar")
    return subprocess.run(
        [str(script), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
def test_console_script_reads_uris_from_stdin_and_exits_2_on_unknown(tmp_path):
    env_db = {"WENDBAAR_VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    os.environ.update(env_db)
    try:
        assert run_cli(["migrate", "-v0"]).returncode == 0
        assert run_cli(["taxonomy", "starter"]).returncode == 0
        done = run_cli(
            ["occupations", "similar", "-", "--limit", "3", "--format", "jsonl"],
            stdin=f"{CLERK}\nnope\nwmo-consulent\n",
        )
    finally:
        for key in env_db:
            os.environ.pop(key)
    assert done.returncode == 2
    assert "nope" in done.stderr and "Traceback" not in done.stderr
    assert [json.loads(line)["uri"] for line in done.stdout.splitlines()] == [CLERK, "wmo-consulent"]


def test_http_endpoints(starter, live_server):
    import urllib.error
    import urllib.parse
    import urllib.request

    def get(path, **params):
        url = f"{live_server.url}/verkennen/api/{path}?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 — our own live server
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    status, body = get("similar", occupation=CLERK, limit=3, scope="andere-sectoren")
    assert status == 200 and len(body["results"]) == 3
    assert all(r["reason"] and "missing_skills" in r for r in body["results"])
    assert not any(
        Occupation.objects.get(code=r["uri"]).is_municipal
        if not r["uri"].startswith("http")
        else Occupation.objects.get(uri=r["uri"]).is_municipal
        for r in body["results"]
    )

    status, body = get("recommend", skills="klantgericht-werken:4,nauwkeurig-werken", limit=5)
    assert status == 200 and body["results"]
    status, body = get("what-if", skills="klantgericht-werken,nauwkeurig-werken", extra="sql,data-analyse")
    assert status == 200
    assert "data-analist" in [r["uri"] for r in body["results"]][:5] or any(
        "data" in r["label"] for r in body["results"][:5]
    )
    assert all(r["after"] > r["before"] for r in body["results"])
    assert get("what-if", skills="klantgericht-werken")[0] == 400

    assert get("similar", occupation="nope")[0] == 404
    assert get("similar")[0] == 400
    assert get("recommend", skills="klantgericht-werken", limit="veel")[0] == 400
    assert get("recommend", skills="")[0] == 400
    assert get("recommend", skills="klantgericht-werken", isco_major="twee")[0] == 400


def test_engine_is_cached_and_rebuilt_after_an_import(starter, tmp_path):
    from tests.taxonomy import esco_package as pkg
    from wendbaar.explore.engine import get_engine
    from wendbaar.taxonomy import esco

    first = get_engine()
    assert get_engine() is first  # cached while nothing changes
    esco.import_package(pkg.build(tmp_path / "esco"))
    rebuilt = get_engine()
    assert rebuilt is not first
    assert pkg.occ(3) in rebuilt.occupation_lookup and pkg.occ(3) not in first.occupation_lookup
