"""Occupation indicators from CSV: all or nothing, named source, and 'veiliger' in results."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import INDICATORS_DIR
from wendbaar.explore.engine import get_engine
from wendbaar.explore.serialize import match_detail
from wendbaar.taxonomy.models import Indicator, IndicatorValue
from wendbaar.taxonomy.starter_import import load_starter_set

CLERK = "http://data.europa.eu/esco/occupation/aaf732b5-ee19-4c82-a08f-700fb98f5ca7"


@pytest.fixture
def starter(db):
    load_starter_set()


def write(tmp_path, text):
    path = tmp_path / "risk.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_and_safer_destinations(starter, tmp_path, capsys):
    path = write(
        tmp_path,
        f"concept_uri,risk\n{CLERK},0.81\nwmo-consulent,0.35\nmedewerker-publiekszaken,0.9\n"
        "http://example.org/elders,0.1\n",
    )
    call_command(
        "indicators",
        "import",
        str(path),
        "--key",
        "concept_uri",
        "--column",
        "risk",
        "--name",
        "automatisering",
        "--source",
        "Nesta (2020)",
    )
    assert "1 regels over onbekende beroepen overgeslagen" in capsys.readouterr().out
    assert IndicatorValue.objects.count() == 3

    loaded = get_engine()
    origin = loaded.occupation_lookup[CLERK]
    results = {m.occupation: match_detail(loaded, m) for m in loaded.engine.similar(origin, 500)}
    wmo, desk = (
        results[loaded.occupation_lookup[code]] for code in ("wmo-consulent", "medewerker-publiekszaken")
    )
    assert wmo["exposure"]["safer"] is True
    assert "Veiliger" in wmo["exposure"]["text"] and "Nesta (2020)" in wmo["exposure"]["text"]
    assert desk["exposure"]["safer"] is False


@pytest.mark.parametrize(
    "text, message",
    [
        ("concept_uri,risico\nx,1\n", "kolom 'risk' ontbreekt"),
        (f"concept_uri,risk\n{CLERK},hoog\n", "regel 2: 'hoog' in kolom risk is geen getal"),
        (f"concept_uri,risk\n{CLERK},nan\n", "geen eindig getal"),
        ("concept_uri,risk\nhttp://example.org/x,0.5\n", "geen enkele regel hoort bij een bekend beroep"),
    ],
)
def test_bad_files_change_nothing(starter, tmp_path, text, message):
    good = write(tmp_path, f"concept_uri,risk\n{CLERK},0.5\n")
    call_command(
        "indicators", "import", str(good), "--key", "concept_uri", "--column", "risk", "--name", "auto"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command(
            "indicators", "import", str(bad), "--key", "concept_uri", "--column", "risk", "--name", "auto"
        )
    assert message in str(error.value)
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [0.5]
    assert Indicator.objects.count() == 1


def test_the_nesta_file_imports(starter, capsys):
    path = INDICATORS_DIR / "automation_risk_nesta_mcc.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    call_command(
        "indicators",
        "import",
        str(path),
        "--key",
        "concept_uri",
        "--column",
        "risk",
        "--name",
        "automatisering",
    )
    known = IndicatorValue.objects.values_list("occupation__uri", flat=True)
    origin = sorted(known)[0]
    call_command("occupations", "similar", origin, "--limit", "100", "--detail")
    results = json.loads(capsys.readouterr().out.splitlines()[-1])["results"]
    assert any(r["exposure"] and r["exposure"]["source"] == "automation_risk_nesta_mcc.csv" for r in results)
