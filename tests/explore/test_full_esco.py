"""The CLI contract on the full ESCO release (skipped when ../shared is absent)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wendbaar.taxonomy import esco
from wendbaar.taxonomy.models import Occupation

pytestmark = [pytest.mark.django_db, pytest.mark.esco]
NURSE = "http://data.europa.eu/esco/occupation/"


def test_similar_and_recommend_on_full_esco(esco_dir, capsys):
    esco.import_package(esco_dir, ["nl", "en"])
    uris = list(Occupation.objects.order_by("uri").values_list("uri", flat=True)[:25])
    call_command("occupations", "similar", *uris, "--limit", "20", "--format", "jsonl")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["uri"] for line in lines] == uris
    for line in lines:
        assert len(line["results"]) == 20
        assert line["uri"] not in [r["uri"] for r in line["results"]]
        assert all(0 <= r["score"] <= 1 and r["label"] for r in line["results"])

    clerk = Occupation.objects.get(
        uri="http://data.europa.eu/esco/occupation/aaf732b5-ee19-4c82-a08f-700fb98f5ca7"
    )
    skills = list(clerk.skill_relations.values_list("skill__uri", flat=True))
    call_command("recommend", "--skills", ",".join(skills), "--limit", "3", "--format", "json")
    best = json.loads(capsys.readouterr().out)["results"][0]
    assert best["uri"] == clerk.uri and best["label"] == "functionaris burgerzaken"

    with pytest.raises(CommandError) as error:
        call_command("occupations", "similar", NURSE + "unknown", "--limit", "3")
    assert error.value.returncode == 2
