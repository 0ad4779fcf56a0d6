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


def test_the_journey_works_after_an_esco_import(esco_dir, client):
    from django.urls import reverse

    from wendbaar.accounts.models import User
    from wendbaar.taxonomy.starter_import import load_starter_set

    load_starter_set()
    esco.import_package(esco_dir, ["nl", "en"])
    user = User.objects.create_user("petra@example.nl", "een-lang-wachtwoord", name="Petra")
    client.force_login(user)
    found = client.get(reverse("profiles:werk"), {"q": "functionaris burgerzaken"})
    assert "baliemedewerker burgerzaken" in found.content.decode()  # one concept, the curated name shown
    client.post(reverse("profiles:werk"), {"occupation": "baliemedewerker-burgerzaken", "years": "20"})
    page = client.get(reverse("explore:verkennen"), {"soort": "andere-sectoren"})
    assert page.status_code == 200 and len(page.context["results"]) == 20
    detail = client.get(reverse("explore:overstap", args=[page.context["results"][0]["code"]]))
    assert detail.status_code == 200 and detail.context["result"].reason
