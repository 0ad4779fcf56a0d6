"""Beheerders edit the taxonomy in the admin; every edit moves the taxonomy version on."""

import pytest
from django.urls import reverse

from wendbaar.accounts.models import User
from wendbaar.taxonomy.models import Occupation, Source, TaxonomyChange
from wendbaar.taxonomy.search import search

pytestmark = pytest.mark.django_db


def test_admin_edit_moves_the_version_and_search_follows(client):
    admin = User.objects.create_superuser("beheer@example.nl", "een-lang-wachtwoord", name="Erik")
    client.force_login(admin)
    occupation = Occupation.objects.create(code="wijkconsulent", source=Source.LOCAL, name="wijkconsulent")
    before = TaxonomyChange.current_version()

    url = reverse("admin:taxonomy_occupation_change", args=[occupation.pk])
    form = {
        "uri": "",
        "code": "wijkconsulent",
        "source": "local",
        "status": "released",
        "name": "wijkconsulent",
        "isco_code": "3412",
        "isco_group": "",
        "broader": "",
        "esco_code": "",
        "sector": "gemeente",
        "is_municipal": "on",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-0-language": "nl",
        "translations-0-source": "local",
        "translations-0-preferred_label": "wijkconsulent",
        "translations-0-alt_labels": '["buurtregisseur"]',
        "translations-0-hidden_labels": "[]",
        "translations-0-description": "",
        "skill_relations-TOTAL_FORMS": "0",
        "skill_relations-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TaxonomyChange.current_version() != before
    assert search("buurtregisseur")[0].concept_id == occupation.pk
