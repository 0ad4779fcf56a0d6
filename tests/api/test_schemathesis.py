"""Acceptance: schemathesis against the live server on 127.0.0.1, over every operation of the served
OpenAPI document, finds no server error and no response that breaks the document (status code, content
type, headers, body).

Demo-like data (the starter set, the demo kennisbank, events, courses and kansen, two people with a
profile) makes the operations answer with real content. Path parameters are drawn from generated values and
from objects that exist, so detail operations are checked on real answers too. Reads use a read-only key of
one person; changes a read-write key of another, so the reader's profile keeps its skills for the
recommendations. Generation is derandomized with a fixed seed: the same requests every run.

The run goes through schemathesis' engine (what its command line uses) inside one test, rather than its
pytest plugin, which does not run under pytest 9.2; the engine also runs the coverage phase (boundary and
invalid values for every parameter, unexpected methods).
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field
from io import StringIO
from statistics import mean

import pytest
import schemathesis
from hypothesis import strategies as st
from schemathesis.engine import Status, events
from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER

from tests.api.conftest import key_for, person
from wendbaar.api.models import ApiToken, Scope
from wendbaar.events import demo as events_demo
from wendbaar.events.models import Event
from wendbaar.knowledge import demo as knowledge_demo
from wendbaar.knowledge.models import Item
from wendbaar.learning import demo as learning_demo
from wendbaar.opportunities import demo as opportunities_demo
from wendbaar.opportunities.models import Opportunity
from wendbaar.profiles.models import ProfileSkill
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter_import import load_starter_set

CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
]
EXAMPLES_PER_OPERATION = 25
SEED = 20260601


@dataclass
class Run:
    operations: set[str]
    statuses: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    phases: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def demo_site(settings, tmp_path, transactional_db):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_starter_set()
    quiet = StringIO()
    knowledge_demo.load(quiet)
    events_demo.load(quiet)
    learning_demo.load(quiet)
    reader = person("lezer@zwolle.nl", "Lotte Lezer", "baliemedewerker-burgerzaken")
    writer = person("schrijver@tilburg.nl", "Sem Schrijver", "klantcontactmedewerker-kcc")
    opportunities_demo.load(quiet)
    keys = {"reader": key_for(reader, Scope.READ), "writer": key_for(writer, Scope.WRITE)}
    ids = {
        name: ApiToken.objects.get(user=user).pk for name, user in (("reader", reader), ("writer", writer))
    }
    key_for(writer, Scope.READ, name="reserve")  # a key the writer may revoke during the run
    occupations = list(Occupation.objects.current().order_by("code").values_list("code", flat=True)[:40:4])
    skills = list(Skill.objects.current().order_by("code").values_list("code", flat=True)[:40:4])
    skills += list(
        ProfileSkill.objects.filter(profile__user=writer).values_list("skill__code", flat=True)[:5]
    )
    return {
        "keys": keys,
        "token_ids": ids,
        "values": {
            "occupation": occupations,
            "skill": skills,
            "event": list(Event.objects.published().values_list("slug", flat=True)),
            "knowledge": list(Item.objects.published().values_list("slug", flat=True)),
            "token": list(ApiToken.objects.values_list("pk", flat=True)),
            "opportunity": list(Opportunity.objects.values_list("pk", flat=True)),  # drafts too (404)
        },
    }


def real_parameters(path: str, values: dict) -> dict[str, list]:
    """Existing values for the path parameters of one operation."""
    if path.startswith("/api/v1/occupations/"):
        return {"code": values["occupation"], "to": values["occupation"]}
    if path.startswith(("/api/v1/skills/", "/api/v1/me/profile/skills/")):
        return {"code": values["skill"]}
    if path.startswith("/api/v1/me/transitions/"):
        return {"code": values["occupation"]}
    if path.startswith("/api/v1/me/tokens/"):
        return {"id": values["token"]}
    if path.startswith("/api/v1/opportunities/"):
        return {"id": values["opportunity"]}
    if path.startswith("/api/v1/events/"):
        return {"slug": values["event"]}
    if path.startswith("/api/v1/knowledge/"):
        return {"slug": values["knowledge"]}
    return {}


def run_schemathesis(url: str, site: dict):
    """Runs schemathesis' engine (examples, coverage and fuzzing phases) and returns what it saw."""
    reader, writer = (f"Bearer {site['keys'][name]}" for name in ("reader", "writer"))
    config = schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES_PER_OPERATION, "deterministic": True},
            "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
            "phases": {"stateful": {"enabled": False}},
            "headers": {"Authorization": reader},
            "operations": [
                {"include-method-regex": "^(PUT|PATCH|DELETE)$", "headers": {"Authorization": writer}}
            ],
        }
    )
    schema = schemathesis.openapi.from_url(url, config=config)

    @schema.hook
    def before_generate_path_parameters(context, strategy):
        choices = real_parameters(context.operation.path, site["values"])
        names = [p.name for p in context.operation.path_parameters]
        if not names or not all(choices.get(name) for name in names):
            return strategy
        existing = st.fixed_dictionaries({name: st.sampled_from(choices[name]) for name in names})
        return st.one_of(strategy, existing)

    @schema.hook
    def before_generate_query(context, strategy):
        # What-if needs skills that exist to answer anything but 400.
        if not context.operation.path.endswith("/what-if/"):
            return strategy
        extra = st.lists(st.sampled_from(site["values"]["skill"]), min_size=1, max_size=3)
        return st.one_of(strategy, st.fixed_dictionaries({"extra": extra}))

    writer_id, reader_id = (str(site["token_ids"][name]) for name in ("writer", "reader"))

    def before_call(context, case, kwargs):
        # Revoking the writer's own key would end the run's changes (every phase calls through here);
        # the reader's key instead shows that someone else's key cannot be revoked.
        if case.method.upper() == "DELETE" and str((case.path_parameters or {}).get("id")) == writer_id:
            case.path_parameters["id"] = reader_id

    run = Run({f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()})
    schemathesis.hook(before_call)
    try:
        found = list(schemathesis.engine.from_schema(schema).execute())
    finally:
        GLOBAL_HOOK_DISPATCHER.unregister(before_call)
    for event in found:
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            run.phases[str(event.phase).rsplit(".", 1)[-1].lower()] += len(recorder.interactions)
            for case_id, interaction in recorder.interactions.items():
                case = recorder.cases[case_id].value
                if interaction.response is not None:
                    run.statuses[f"{case.method.upper()} {case.path}"].append(
                        interaction.response.status_code
                    )
                    run.times[f"{case.method.upper()} {case.path}"].append(interaction.response.elapsed)
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.status == Status.FAILURE:
                        case = recorder.cases[case_id].value
                        info = check.failure_info
                        run.failures.append(
                            f"{case.method.upper()} {case.formatted_path} [{check.name}] "
                            f"{info.failure.title}: {info.failure.message}\n{info.code_sample}"
                        )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            run.errors.append(str(getattr(event, "value", None) or getattr(event, "exception", event)))
    return run


def test_every_operation_answers_as_documented(quick_live_server, demo_site, settings):
    # Thousands of requests in a few minutes: the rate limits must not be what the run measures.
    settings.API_RATE_LIMITS = {"anon": "1000000/min", "user": "1000000/min"}
    base = quick_live_server.url.replace("://localhost:", "://127.0.0.1:")  # the server listens on 127.0.0.1
    started = time.monotonic()
    run = run_schemathesis(f"{base}/api/v1/schema/", demo_site)
    elapsed = time.monotonic() - started
    print(
        f"\nschemathesis: {len(run.operations)} operations, {sum(run.phases.values())} requests "
        f"({', '.join(f'{phase} {n}' for phase, n in run.phases.items())}) in {elapsed:.0f} s"
    )
    for name in sorted(run.operations):
        times, codes = run.times[name], sorted(set(run.statuses[name]))
        print(f"  {name}: {codes}, {len(times)} requests, {mean(times) * 1000:.0f} ms mean")
    assert not run.errors, run.errors
    assert not run.failures, f"{len(run.failures)} failures:\n\n" + "\n\n".join(run.failures[:20])
    assert run.operations <= set(run.statuses), f"never called: {run.operations - set(run.statuses)}"
    never_succeeded = [name for name in run.operations if not any(200 <= c < 300 for c in run.statuses[name])]
    assert not never_succeeded, f"never answered 2xx: {never_succeeded}"
