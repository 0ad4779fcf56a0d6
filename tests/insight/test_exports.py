"""Acceptance: no dashboard, filter combination or export reveals a group smaller than 10.

Random crowds of people (derandomised) are put in the database; then every group one can pick is
exported as CSV through the real view, and someone who collected all those files tries to work out a
small group by differencing (``attacker.py``: a linear program over every published number, with the
rounding and the labels). Each figure is attacked on its own, together with the group sizes; different
figures count different things (a skill, a share of skills, a bijeenkomst), tied only through the
people in each group.
"""

import csv
import io
import itertools

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.insight import factories as f
from tests.insight.attacker import Attacker
from wendbaar.accounts.models import Role
from wendbaar.insight.groups import Groups
from wendbaar.insight.suppression import PROTECTED, SHOWN, SMALL, WITHHELD

pytestmark = pytest.mark.django_db

LABELS = {"minder dan 10": SMALL, "afgeschermd": PROTECTED, "niet getoond": WITHHELD}
WHERE = ["zwolle", "kampen", "tilburg", None]
JOBS = ["b:4", "b:5", None]


@pytest.fixture
def town():
    world = {
        "zwolle": f.municipality("Zwolle"),
        "kampen": f.municipality("Kampen"),
        "tilburg": f.municipality("Tilburg", "noord-brabant"),
        "balie": f.skill("balie"),
        "excel": f.skill("excel", digital=True),
        "event": f.event("overijssel"),
        "viewer": f.user(role=Role.PROGRAMMATEAM),
    }
    world["b:4"] = f.occupation("kcc", "4222", [world["balie"]])
    world["b:5"] = f.occupation("verzorgende", "5322", [world["balie"]])
    return world


crowds = st.lists(
    st.tuples(
        st.integers(0, len(WHERE) - 1),
        st.integers(0, len(JOBS) - 1),
        st.booleans(),  # has excel (digital)
        st.booleans(),  # has a place at the bijeenkomst in Overijssel
        st.integers(1, 12),  # this many alike people
    ),
    min_size=1,
    max_size=9,
)


def published(client, slug: str, group: str) -> list[dict]:
    response = client.get(reverse("insight:csv", args=[slug]), {"groep": group})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(crowd=crowds)
def test_no_export_or_group_reveals_a_small_group(client, town, crowd):
    with transaction.atomic():
        # (municipality node or "rest:nl", occupation group node or "rest:b", excel, place) → people
        atoms = {}
        for where, job, excel, present, copies in crowd:
            municipality = town[WHERE[where]] if WHERE[where] else None
            region = f"g:{municipality.pk}" if municipality else "rest:nl"
            group = JOBS[job] or "rest:b"
            for _ in range(copies):
                skills = [town["balie"], town["excel"]] if excel else [town["balie"]]
                person = f.person(municipality, skills=skills, job=town[JOBS[job]] if JOBS[job] else None)
                if present:
                    f.register(person, town["event"])
            key = (region, group, excel, present)
            atoms[key] = atoms.get(key, 0) + copies

        groups = Groups.load()
        node_of = {label: node for node, label in groups.labels.items()}
        regions = [f"g:{town[w].pk}" for w in WHERE if w] + ["rest:nl"]
        kinds = ["b:4", "b:5", "rest:b"]
        members = {
            "nl": set(itertools.product(regions, kinds)),
            "p:overijssel": {(r, k) for r in regions[:2] for k in kinds},
            "p:noord-brabant": {(regions[2], k) for k in kinds},
            **{r: {(r, k) for k in kinds} for r in regions[:3]},
            **{k: {(r, k) for r in regions} for k in kinds[:2]},
        }
        choices = [n for n in members if n in groups.labels]

        client.force_login(town["viewer"])
        files = {
            (slug, g): published(client, slug, g)
            for slug in ("vaardigheden", "bijeenkomsten")
            for g in choices
        }

        def attack(part_of, figure_title, rows_parts):
            """One figure, with every group size: atoms split by ``part_of`` (True/False); the figure's
            rows named in ``rows_parts`` count the people in that part."""
            attacker = Attacker([(r, k, p) for (r, k) in members["nl"] for p in (True, False)])
            truth = {}
            for (r, k, excel, present), n in atoms.items():
                key = (r, k, part_of(excel, present))
                truth[key] = truth.get(key, 0) + n
            for (_slug, group), rows in files.items():
                for row in rows:
                    value = row["waarde"]
                    status, shown = (SHOWN, int(value)) if value.isdigit() else (LABELS[value], None)
                    if row["onderdeel"] == "Mensen in deze groep" or (
                        row["figuur"] == "Mensen in deze groep" and row["kolom"] == "Mensen"
                    ):
                        node = (
                            group if row["onderdeel"] == "Mensen in deze groep" else node_of[row["onderdeel"]]
                        )
                        if node in members:
                            everyone = {(r, k, p) for (r, k) in members[node] for p in (True, False)}
                            attacker.learn(everyone, status, shown, rounded=True)
                    elif (
                        row["figuur"].startswith(figure_title)
                        and row["onderdeel"] in rows_parts
                        and row["kolom"] != "aandeel (%)"
                    ):
                        part = rows_parts[row["onderdeel"]]
                        attacker.learn(
                            {(r, k, part) for (r, k) in members[group]}, status, shown, rounded=True
                        )
            suspects = {}
            for node, places in members.items():
                for p in (True, False):
                    suspects[f"{node}/{p}"] = {(r, k, p) for (r, k) in places}
            for r, k, p in attacker.atoms:
                suspects[f"{r}×{k}/{p}"] = {(r, k, p)}
            for top, inner in itertools.permutations(members, 2):
                if members[inner] < members[top]:
                    for p in (True, False):
                        suspects[f"{top}−{inner}/{p}"] = {
                            (r, k, p) for (r, k) in members[top] - members[inner]
                        }
            return attacker.revealed(suspects, truth)

        assert attack(lambda excel, present: excel, "Vaardigheden die", {"excel": True}) == []
        digital = {"1 of 2 digitale vaardigheden": True}
        assert attack(lambda excel, present: excel, "Digitale vaardigheden", digital) == []
        assert (
            attack(lambda excel, present: present, "Deelname aan bijeenkomsten", {"Overijssel": True}) == []
        )
        transaction.set_rollback(True)
