"""After a taxonomy change an app server loads the engine a worker stored, instead of building it."""

import pickle

import pytest

from wendbaar.core import builds as builds_module
from wendbaar.core.tasks import rebuild_engine
from wendbaar.explore import engine as explore_engine
from wendbaar.taxonomy.models import TaxonomyChange
from wendbaar.taxonomy.starter_import import load_starter_set
from wendbaar.taxonomy.versioned import PerTaxonomyVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(settings, tmp_path):
    settings.TAXONOMY_BUILD_DIR = str(tmp_path / "builds")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return tmp_path / "builds"


@pytest.fixture
def fresh_process(monkeypatch):
    """An app server that has not built anything yet."""
    monkeypatch.setattr(explore_engine, "_loaded", PerTaxonomyVersion(explore_engine.stored_engine.load))


def no_building(*args, **kwargs):
    raise AssertionError("the app server built the engine itself")


def test_a_taxonomy_import_queues_the_rebuild_when_it_commits(builds, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load_starter_set()
    assert len(callbacks) == 1
    assert len(list(builds.glob("engine-*.pickle"))) == 1


def test_an_app_server_loads_the_stored_engine(builds, fresh_process, monkeypatch):
    load_starter_set()
    rebuild_engine.call()
    monkeypatch.setattr(explore_engine, "build_snapshot", no_building)

    loaded = explore_engine.get_engine()

    assert loaded.engine.n_occupations == 172
    assert len(loaded.engine.similar(0, limit=3)) == 3


def test_a_newer_taxonomy_is_never_answered_from_an_older_build(builds, fresh_process):
    load_starter_set()
    rebuild_engine.call()
    before = explore_engine.get_engine()
    TaxonomyChange.objects.create(kind="bewerking")

    after = explore_engine.get_engine()

    assert after is not before  # built anew: nothing stored for the new version yet
    assert rebuild_engine.call() == TaxonomyChange.current_version()


def test_rebuilding_twice_writes_once_and_old_versions_are_pruned(builds):
    load_starter_set()
    first = explore_engine.stored_engine.rebuild()
    path = explore_engine.stored_engine.path(first)
    written = path.stat().st_mtime_ns
    assert explore_engine.stored_engine.rebuild() == first
    assert path.stat().st_mtime_ns == written

    for kind in ("bewerking", "indicator", "bewerking"):
        TaxonomyChange.objects.create(kind=kind)
        explore_engine.stored_engine.rebuild()
    assert len(list(builds.glob("engine-*.pickle"))) == builds_module.KEEP
    assert not path.exists()


def test_a_damaged_file_is_built_again_not_an_error(builds, fresh_process):
    load_starter_set()
    version = explore_engine.stored_engine.rebuild()
    explore_engine.stored_engine.path(version).write_bytes(b"not a pickle")

    assert explore_engine.get_engine().engine.n_occupations == 172


def test_a_file_from_other_code_is_not_loaded(builds, fresh_process, monkeypatch):
    load_starter_set()
    version = TaxonomyChange.current_version()
    stale = builds / f"engine-000000000000-{version}.pickle"
    builds.mkdir(parents=True)
    stale.write_bytes(pickle.dumps("an engine from an older release"))

    assert explore_engine.stored_engine.read(version) is None
    assert explore_engine.get_engine().engine.n_occupations == 172


def test_without_a_build_directory_nothing_is_stored(builds, settings):
    settings.TAXONOMY_BUILD_DIR = ""
    load_starter_set()
    assert rebuild_engine.call() == TaxonomyChange.current_version()
    assert not builds.exists()
