"""A process asks for the taxonomy version at most every TAXONOMY_VERSION_CHECK_SECONDS, and sees its own
changes at once."""

import pytest

from wendbaar.taxonomy import versioned
from wendbaar.taxonomy.models import TaxonomyChange

pytestmark = pytest.mark.django_db


def test_changes_elsewhere_count_after_the_interval_and_own_changes_at_once(settings, monkeypatch):
    settings.TAXONOMY_VERSION_CHECK_SECONDS = 2
    clock = [1000.0]
    monkeypatch.setattr(versioned.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(versioned, "_seen", None)
    first = TaxonomyChange.objects.create(kind="import")
    assert versioned.current_version() == str(first.token)

    # Another process's import: no signal reaches this one (bulk_create sends none either).
    [elsewhere] = TaxonomyChange.objects.bulk_create([TaxonomyChange(kind="import")])
    assert versioned.current_version() == str(first.token)
    clock[0] += 2.5
    assert versioned.current_version() == str(elsewhere.token)

    own = TaxonomyChange.objects.create(kind="edit")
    assert versioned.current_version() == str(own.token)
