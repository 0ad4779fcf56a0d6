"""The two-sided flow without a browser: matching both ways, requests, acceptance and the conversation."""

import pytest
from django.urls import reverse

from tests.opportunities.factories import make_opportunity, make_organisation, make_person, make_staff
from wendbaar.access.models import AccessLogEntry
from wendbaar.notifications.models import Notification
from wendbaar.opportunities import matching, services
from wendbaar.opportunities.models import ContactRequest, Message, OpportunityMatch, RequestStatus, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(starter):
    linde = make_organisation()
    recruiter = make_staff(linde)
    petra = make_person("Petra de Vries")
    kans = make_opportunity(linde, title="Meeloopdag wijkteam")
    zorg = make_opportunity(
        linde, ("persoonlijke-verzorging", "wondverzorging", "medicatie-toedienen"), title="Verzorgende IG"
    )
    matching.compute_matches()
    assert Notification.objects.filter(user=recruiter, kind="opportunities.nieuwe-matches").count() == 1
    return linde, recruiter, petra, kans, zorg


def test_medewerker_sees_best_fitting_kans_first_with_a_reason(client, world):
    _linde, _recruiter, petra, kans, zorg = world
    client.force_login(petra)
    page = client.get(reverse("opportunities:index"))
    results = page.context["results"]
    assert [r["opportunity"] for r in results][:2] == [kans, zorg]
    assert results[0]["fit"].match > results[1]["fit"].match
    assert "essentiële vaardigheden" in results[0]["fit"].reason
    detail = client.get(reverse("opportunities:detail", args=[kans.pk]))
    assert detail.context["fit"].match == results[0]["fit"].match
    assert "Ik heb interesse (de organisatie ziet dan je naam)" in detail.content.decode()


def test_search_and_filters(client, world):
    linde, _recruiter, petra, kans, zorg = world
    client.force_login(petra)
    found = client.get(reverse("opportunities:index"), {"q": "verzorgende"}).context["results"]
    assert [r["opportunity"] for r in found] == [zorg]
    by_skill = client.get(reverse("opportunities:index"), {"q": "wonden verzorgen"}).context["results"]
    assert [r["opportunity"] for r in by_skill] == [zorg]
    assert client.get(reverse("opportunities:index"), {"soort": "stage"}).context["results"] == []
    assert client.get(reverse("opportunities:index"), {"sector": "ict"}).context["results"] == []
    assert (
        len(client.get(reverse("opportunities:index"), {"provincie": "gelderland"}).context["results"]) == 2
    )
    assert client.get(reverse("opportunities:index"), {"provincie": "limburg"}).context["results"] == []


def test_invitation_accept_and_messages(client, world, mailoutbox):
    linde, recruiter, petra, kans, _zorg = world
    match = OpportunityMatch.objects.get(opportunity=kans, profile__user=petra)
    client.force_login(recruiter)
    listing = client.get(reverse("opportunities:matches", args=[linde.slug, kans.pk])).content.decode()
    assert "Kandidaat 1" in listing and "Petra" not in listing and "petra@" not in listing
    url = reverse("opportunities:match", args=[linde.slug, kans.pk, match.pk])
    assert "Petra" not in client.get(url).content.decode()
    assert AccessLogEntry.objects.filter(subject=petra, actor=recruiter).exists()
    client.post(url, {"note": "Kom je een dag meelopen?"})
    invitation = ContactRequest.objects.get(person=petra)
    assert invitation.status == RequestStatus.OPEN
    told = Notification.objects.get(user=petra, kind="opportunities.verzoek")
    assert "Zorggroep De Linde" in told.text and "Joost" not in told.text
    requests_page = client.get(reverse("opportunities:org_requests", args=[linde.slug])).content.decode()
    assert "Anonieme match" in requests_page and "Petra" not in requests_page

    client.force_login(petra)
    mine = client.get(reverse("opportunities:requests"))
    assert mine.context["incoming"] == [invitation]
    response = client.post(reverse("opportunities:answer", args=[invitation.pk]), {"besluit": "ja"})
    thread = Thread.objects.get(request=invitation)
    assert response.url == reverse("opportunities:thread", args=[thread.pk])
    client.post(reverse("opportunities:thread", args=[thread.pk]), {"text": "Graag! Wanneer?"})

    client.force_login(recruiter)
    page = client.get(reverse("opportunities:thread", args=[thread.pk])).content.decode()
    assert "Petra de Vries" in page and "Graag! Wanneer?" in page
    client.post(reverse("opportunities:thread", args=[thread.pk]), {"text": "Dinsdag om negen uur."})
    assert list(Message.objects.values_list("text", flat=True)) == [
        "Graag! Wanneer?",
        "Dinsdag om negen uur.",
    ]
    assert (
        "Petra de Vries"
        in client.get(reverse("opportunities:org_requests", args=[linde.slug])).content.decode()
    )
    # Accepting again changes nothing and opens no second conversation.
    assert services.accept(invitation.pk, petra) == thread
    assert Thread.objects.count() == 1


def test_interest_shows_the_name_until_taken_back(client, world):
    linde, recruiter, petra, _kans, zorg = world
    client.force_login(petra)
    client.post(reverse("opportunities:interest", args=[zorg.pk]), {"note": "Ik wil graag de zorg in."})
    interest = ContactRequest.objects.get(person=petra, opportunity=zorg)
    client.force_login(recruiter)
    page = client.get(reverse("opportunities:org_requests", args=[linde.slug])).content.decode()
    assert "Petra de Vries" in page and "Ik wil graag de zorg in." in page
    client.force_login(petra)
    client.post(reverse("opportunities:answer", args=[interest.pk]), {"besluit": "intrekken"})
    client.force_login(recruiter)
    assert (
        "Petra" not in client.get(reverse("opportunities:org_requests", args=[linde.slug])).content.decode()
    )
    assert not recruiter.has_perm(
        "opportunities.view_contactrequest", ContactRequest.objects.get(pk=interest.pk)
    )


def test_organisation_accepts_interest_and_both_write(client, world):
    _linde, recruiter, petra, kans, _zorg = world
    interest = services.express_interest(kans, petra, "")
    thread = services.accept(interest.pk, recruiter)
    services.post_message(thread, recruiter, "Welkom!")
    services.post_message(thread, petra, "Dank je.")
    assert thread.messages.count() == 2
    with pytest.raises(services.Refused):
        services.accept(interest.pk, petra)  # the person cannot answer their own interest


def test_save_and_saved_list(client, world):
    _linde, _recruiter, petra, kans, _zorg = world
    client.force_login(petra)
    client.post(reverse("opportunities:save", args=[kans.pk]), {"terug": "/kansen/"})
    assert [i.opportunity for i in client.get(reverse("opportunities:saved")).context["items"]] == [kans]
    client.post(reverse("opportunities:save", args=[kans.pk]), {"weg": "1"})
    assert list(client.get(reverse("opportunities:saved")).context["items"]) == []
