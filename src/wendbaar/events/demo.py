"""Demo content: gatherings across the country and two career advisers with weekly slots.

Dates are relative to today, so the demo always has something coming up. Running it again updates the same
events and advisers; it adds nothing twice.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from wendbaar.accounts.models import Role, User
from wendbaar.events.models import (
    ONLINE,
    Adviser,
    AvailabilityException,
    Event,
    EventKind,
    Registration,
    RegistrationStatus,
    WeeklyAvailability,
)
from wendbaar.taxonomy.models import Skill

# (title, kind, region, venue or link, days from today, start, hours, places, audience, topics, description)
EVENTS = [
    (
        "Wendbaar in Overijssel: je werk verandert, jij ook?",
        EventKind.REGIONAL,
        "overijssel",
        "Stadskantoor Zwolle, zaal De Kamer, Lübeckplein 2, Zwolle",
        9,
        time(15, 0),
        3,
        60,
        "Medewerkers van burgerzaken, KCC en vergunningen uit Overijssel",
        ["omgaan-met-veranderingen", "eigen-ontwikkeling-sturen", "netwerken"],
        "Balies gaan dicht, vragen komen online binnen, inwoners verwachten meer. Wat betekent dat voor jouw "
        "werk? Drie collega's vertellen hoe zij de overstap maakten: naar het sociaal domein, naar data en "
        "naar de zorg. Daarna praat je in kleine groepen verder. Met koffie, soep en broodjes.",
    ),
    (
        "Brabantse ontmoeting: van balie naar buurt",
        EventKind.REGIONAL,
        "noord-brabant",
        "Wijkcentrum De Poorten, Tilburg",
        16,
        time(13, 30),
        3,
        40,
        "Iedereen die bij een gemeente in Brabant met inwoners werkt",
        ["interprofessioneel-samenwerken", "omgaan-met-veranderingen"],
        "Steeds meer gemeenten werken in de wijk, samen met zorg, welzijn en het werkplein. Hoe ziet dat "
        "werk eruit, en wat neem je mee uit je tijd aan de balie? Met een rondleiding door het wijkcentrum.",
    ),
    (
        "Workshop: schrijven in begrijpelijke taal",
        EventKind.WORKSHOP,
        "utrecht",
        "Vergadercentrum Domstad, Utrecht",
        23,
        time(10, 0),
        2,
        16,
        "Medewerkers die brieven, e-mails of webteksten voor inwoners schrijven",
        ["begrijpelijk-schrijven"],
        "Je herschrijft een echte brief van je eigen gemeente naar taalniveau B1. Een taaltrainer geeft "
        "tips; je gaat naar huis met een checklist. Neem een brief mee (zonder persoonsgegevens).",
    ),
    (
        "Webinar: de digitale overheid in tien vragen",
        EventKind.WEBINAR,
        ONLINE,
        "https://webinar.wendbaar.localhost/digitale-overheid",
        12,
        time(12, 0),
        1,
        250,
        "Iedereen die wil weten wat digitalisering voor de publieksdienst betekent",
        ["digitale-overheid"],
        "Van DigiD tot de Omgevingswet: wat verandert er, en welke vaardigheden worden belangrijker? Een "
        "informatieadviseur beantwoordt in een uur de tien meest gestelde vragen. Stel je eigen vraag in "
        "de chat.",
    ),
    (
        "Fryske gearkomste: werken met data bij de gemeente",
        EventKind.REGIONAL,
        "friesland",
        "Gemeentehuis Leeuwarden, Oldehoofsterkerkhof 2, Leeuwarden",
        30,
        time(14, 0),
        3,
        35,
        "Medewerkers die nieuwsgierig zijn naar werk met cijfers en data",
        ["data-analyse", "privacy-advies"],
        "Wat doet een data-analist bij een gemeente eigenlijk? Collega's uit Leeuwarden laten zien hoe zij "
        "werken, en je probeert zelf een eenvoudige analyse. Je hebt geen ervaring nodig.",
    ),
    (
        "Workshop: je verhaal vertellen in een sollicitatiegesprek",
        EventKind.WORKSHOP,
        "zuid-holland",
        "Bibliotheek Rotterdam, Hoogstraat 110, Rotterdam",
        20,
        time(19, 0),
        2,
        1,
        "Medewerkers die willen solliciteren binnen of buiten de gemeente",
        ["presenteren", "eigen-ontwikkeling-sturen"],
        "Je oefent met een loopbaanadviseur hoe je laat zien wat je kunt. Kleine groep, veel oefenen. Deze "
        "demo-workshop is al vol: zo zie je hoe de wachtlijst werkt.",
    ),
    (
        "Webinar: overstappen naar de zorg of het onderwijs",
        EventKind.WEBINAR,
        ONLINE,
        "https://webinar.wendbaar.localhost/overstappen",
        40,
        time(19, 30),
        1,
        200,
        "Medewerkers die een stap buiten de gemeente overwegen",
        ["eigen-ontwikkeling-sturen", "coachen"],
        "Een zorgorganisatie en een schoolbestuur vertellen wat zij zoeken, hoe een zij-instroomtraject "
        "werkt en wat je van je werk bij de gemeente meeneemt.",
    ),
]

ADVISERS = [
    (
        "adviseur@wendbaar.localhost",
        "Annelies Bakker",
        45,
        "Loopbaanpunt Zwolle, Stationsplein 5, Zwolle",
        "https://video.wendbaar.localhost/annelies-bakker",
        "Ik werkte vijftien jaar bij burgerzaken voordat ik loopbaanadviseur werd. Ik help je om te zien wat "
        "je kunt en wat je wilt, in gewone taal.",
        [(0, time(9, 0), time(12, 0)), (1, time(13, 0), time(16, 0)), (3, time(9, 0), time(12, 45))],
    ),
    (
        "adviseur.noord@wendbaar.localhost",
        "Hendrik Smit",
        60,
        "",
        "https://video.wendbaar.localhost/hendrik-smit",
        "Ik voer gesprekken via video, dus waar je ook woont. Ik ken de zorg, het onderwijs en ICT goed en "
        "denk graag mee over een overstap.",
        [(2, time(9, 30), time(15, 30)), (4, time(9, 0), time(12, 0))],
    ),
]


def _at(days: int, start: time) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(timezone.localdate() + timedelta(days=days), start, tzinfo=zone)


def load(stdout) -> None:
    organiser = User.objects.filter(email="programmateam@wendbaar.localhost").first()
    for title, kind, region, where, days, start, hours, places, audience, topics, description in EVENTS:
        starts_at = _at(days, start)
        event = Event.objects.filter(title=title).first() or Event(title=title)
        event.kind, event.region, event.description, event.audience = kind, region, description, audience
        event.venue = "" if region == ONLINE else where
        event.online_url = where if region == ONLINE else ""
        event.starts_at, event.ends_at = starts_at, starts_at + timedelta(hours=hours)
        event.registration_deadline = starts_at - timedelta(days=2)
        event.capacity, event.is_published = places, True
        event.organiser = event.organiser or organiser
        event.save()
        event.topics.set(Skill.objects.filter(code__in=topics))

    # The full workshop: one place taken, one person waiting.
    full = Event.objects.get(title=EVENTS[5][0])
    for email, status in (
        ("kcc@wendbaar.localhost", RegistrationStatus.CONFIRMED),
        ("organisatie@wendbaar.localhost", RegistrationStatus.WAITLISTED),
    ):
        user = User.objects.filter(email=email).first()
        if user:
            Registration.objects.get_or_create(
                event=full,
                user=user,
                defaults={
                    "status": status,
                    "queued_at": timezone.now(),
                    "confirmed_at": timezone.now() if status == RegistrationStatus.CONFIRMED else None,
                    "share_on_attendee_list": True,
                },
            )

    from wendbaar.core.management.commands.demo import DEMO_PASSWORD

    for email, name, minutes, location, video_url, introduction, windows in ADVISERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"name": name, "role": Role.LOOPBAANADVISEUR}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        adviser, _created = Adviser.objects.update_or_create(
            user=user,
            defaults={
                "is_active": True,
                "slot_minutes": minutes,
                "location": location,
                "video_url": video_url,
                "introduction": introduction,
            },
        )
        adviser.weekly_availability.all().delete()
        WeeklyAvailability.objects.bulk_create(
            WeeklyAvailability(adviser=adviser, weekday=day, starts_at=start, ends_at=end)
            for day, start, end in windows
        )
    # A week off for the second adviser, three weeks from now: exceptions show on the slot pages.
    hendrik = Adviser.objects.get(user__email=ADVISERS[1][0])
    first = timezone.localdate() + timedelta(days=21)
    AvailabilityException.objects.filter(adviser=hendrik, reason="Vakantie (demo)").delete()
    AvailabilityException.objects.create(
        adviser=hendrik, first_day=first, last_day=first + timedelta(days=6), reason="Vakantie (demo)"
    )
    stdout.write(
        f"Bijeenkomsten en gesprekken: {len(EVENTS)} bijeenkomsten, {len(ADVISERS)} loopbaanadviseurs "
        f"(ook {ADVISERS[1][0]}, wachtwoord {DEMO_PASSWORD})."
    )
