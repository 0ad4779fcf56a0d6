"""Demo beroepsgroepen for ``wendbaar demo``: four groups with Dutch discussions between demo colleagues.

Written for this project; the people, municipalities and situations are invented. It adds six demo
medewerkers (password as for the other demo accounts) next to those of the core demo. Loading again changes
nothing: groups are found by slug, topics by group and title, and a topic that exists keeps its posts.
Skills and occupations are named by starter-set key; an unknown key stops the load with a ValueError.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from wendbaar.accounts.models import Membership as OrganisationMembership
from wendbaar.accounts.models import MembershipRole, Organisation, Role, User
from wendbaar.communities import pins, services
from wendbaar.communities.models import (
    Access,
    Focus,
    Group,
    MemberRole,
    Membership,
    MembershipStatus,
    Post,
    Thread,
    ThreadKind,
)
from wendbaar.taxonomy.models import Occupation, Skill
from wendbaar.taxonomy.starter import read_starter_set

# email, name, organisation slug (from the core demo) — the demo accounts of the core demo are reused.
PEOPLE = [
    ("marieke@wendbaar.localhost", "Marieke Hoekstra", "gemeente-leeuwarden"),
    ("henk@wendbaar.localhost", "Henk Smit", "gemeente-leeuwarden"),
    ("ricardo@wendbaar.localhost", "Ricardo Martis", "gemeente-tilburg"),
    ("yasmina@wendbaar.localhost", "Yasmina Bouzid", "gemeente-tilburg"),
    ("ingrid@wendbaar.localhost", "Ingrid Wolters", "gemeente-zwolle"),
    # Bart's account was taken over once and posted spam; a moderator hid it (see the KCC group).
    ("bart@wendbaar.localhost", "Bart de Wit", "gemeente-tilburg"),
]
PETRA = "medewerker@wendbaar.localhost"
SAMIR = "kcc@wendbaar.localhost"
ANNELIES = "adviseur@wendbaar.localhost"
FATMA = "programmateam@wendbaar.localhost"
MARIEKE, HENK, RICARDO, YASMINA, INGRID, BART = (p[0] for p in PEOPLE)


@dataclass(frozen=True)
class DemoPost:
    author: str
    body: str
    hours_later: float
    accepted: bool = False
    hidden: str = ""  # a reason: a moderator hid it


@dataclass(frozen=True)
class DemoThread:
    title: str
    kind: str
    author: str
    days_ago: int
    body: str
    replies: tuple[DemoPost, ...] = ()
    locked: bool = False


@dataclass(frozen=True)
class DemoGroup:
    slug: str
    name: str
    focus: str
    access: str
    summary: str
    description: str
    moderators: tuple[str, ...]
    members: tuple[str, ...]
    skills: tuple[str, ...]
    occupations: tuple[str, ...]
    threads: tuple[DemoThread, ...] = ()
    pending: tuple[tuple[str, str], ...] = ()  # (email, motivation)
    pin_courses: tuple[str, ...] = ()
    pin_event: bool = False
    pin_knowledge: bool = False
    extra: dict = field(default_factory=dict)


GROUPS = [
    DemoGroup(
        slug="burgerzaken",
        name="Burgerzaken",
        focus=Focus.PROFESSION,
        access=Access.OPEN,
        summary="Voor iedereen aan de balie of in de backoffice van burgerzaken: reisdocumenten, "
        "rijbewijzen, de BRP en de burgerlijke stand.",
        description="Hier help je elkaar met vragen uit de praktijk. Hoe pak je een lastige aanvraag aan? "
        "Wat verandert er in de regels? Hoe houd je het vak bij nu steeds meer online gaat?\n\n"
        "Zet nooit gegevens van inwoners in een bericht. Twijfel je? Vraag het de moderator.",
        moderators=(MARIEKE, FATMA),
        members=(PETRA, HENK, INGRID, SAMIR),
        skills=(
            "brp-bijhouden",
            "reisdocumenten-aanvragen",
            "identiteitsfraude-herkennen",
            "rijbewijzen-aanvragen",
        ),
        occupations=(
            "baliemedewerker-burgerzaken",
            "medewerker-burgerzaken-backoffice",
            "ambtenaar-burgerlijke-stand",
        ),
        pin_event=True,
        pin_knowledge=True,
        threads=(
            DemoThread(
                title="Identiteit vaststellen als iemand alleen een verlopen paspoort heeft",
                kind=ThreadKind.QUESTION,
                author=PETRA,
                days_ago=12,
                body="Gisteren stond er een meneer aan mijn balie met alleen een paspoort dat twee jaar "
                "verlopen was. Hij wilde een nieuw paspoort aanvragen. Mijn collega zei dat het zo mocht, ik "
                "twijfelde.\n\nHoe doen jullie dit? Hebben jullie een vaste werkinstructie?",
                replies=(
                    DemoPost(
                        MARIEKE,
                        "Goede vraag, Petra. Bij ons werkt het zo:\n\n"
                        "1. Is het document **korter dan vijf jaar** verlopen en lijkt de persoon goed op de "
                        "foto? Dan mag je het gebruiken om de identiteit vast te stellen.\n"
                        "2. Twijfel je over de gelijkenis, stel dan extra controlevragen en vergelijk met de "
                        "gegevens in de BRP.\n"
                        "3. Blijf je twijfelen? Dan doe je een identiteitsonderzoek en vraag je je "
                        "coördinator mee te kijken.\n\n"
                        "Leg altijd vast wat je hebt gecontroleerd. Zo kan een collega het later volgen.",
                        3,
                        accepted=True,
                    ),
                    DemoPost(
                        HENK,
                        "Wij gebruiken dezelfde regel. Tip: oefen het herkennen van vervalsingen af en toe "
                        "met je team. Wij doen dat elk kwartaal een half uur met oude documenten.",
                        5,
                    ),
                    DemoPost(PETRA, "Dank jullie wel! Ik neem het stappenplan mee naar ons werkoverleg.", 26),
                ),
            ),
            DemoThread(
                title="Ervaringen met de online afsprakenplanner",
                kind=ThreadKind.DISCUSSION,
                author=HENK,
                days_ago=6,
                body="Sinds maart plannen inwoners bij ons zelf hun afspraak online. Minder telefoontjes, "
                "maar ook meer mensen die de verkeerde afspraak kiezen. Hoe gaan jullie daarmee om?",
                replies=(
                    DemoPost(
                        PETRA,
                        "Herkenbaar. Wij hebben de keuzes in de planner teruggebracht van twaalf naar vijf, "
                        "met korte uitleg in gewone taal. Dat scheelde veel.",
                        4,
                    ),
                    DemoPost(
                        SAMIR,
                        "Vanuit het KCC: wij bellen mensen met een verkeerde afspraak een dag van tevoren. "
                        "Kost tijd, maar aan de balie loopt het daarna veel rustiger.",
                        7,
                    ),
                ),
            ),
            DemoThread(
                title="Spoedaanvraag rijbewijs: wat vertellen jullie aan de balie?",
                kind=ThreadKind.QUESTION,
                author=INGRID,
                days_ago=2,
                body="Inwoners vragen vaak of een rijbewijs ‘sneller kan’. Wat zeggen jullie over de "
                "spoedprocedure en de extra kosten? Ik wil het kort en duidelijk uitleggen.",
                replies=(
                    DemoPost(
                        MARIEKE,
                        "Ik zeg: het kan met spoed, het rijbewijs ligt dan meestal de volgende werkdag "
                        "klaar, en het kost extra. Het precieze bedrag staat op de website; dat laat ik zien "
                        "op het scherm. Dan hoeft niemand bedragen te onthouden.",
                        6,
                    ),
                ),
            ),
        ),
    ),
    DemoGroup(
        slug="kcc-en-klantcontact",
        name="KCC en klantcontact",
        focus=Focus.PROFESSION,
        access=Access.OPEN,
        summary="Voor medewerkers van het klantcontactcentrum: telefoon, chat, mail en de balie.",
        description="Wissel tips uit over drukke weken, lastige gesprekken, kennisbanken en nieuwe kanalen "
        "zoals chat en WhatsApp.",
        moderators=(RICARDO,),
        members=(SAMIR, YASMINA, PETRA, BART),
        skills=("kcc-kanalen", "eerstelijns-afhandeling", "klantcontact", "klantgericht-werken"),
        occupations=("klantcontactmedewerker-kcc", "teamleider-kcc"),
        pin_courses=("telefoneren-en-chatten-met-klanten", "omgaan-met-agressie-en-lastige-klanten"),
        threads=(
            DemoThread(
                title="Wachttijd laag houden in de week van de WOZ-aanslagen",
                kind=ThreadKind.QUESTION,
                author=SAMIR,
                days_ago=20,
                body="Elk jaar in februari loopt bij ons de wachtrij op tot twintig minuten. Welke "
                "maatregelen werken bij jullie echt?",
                replies=(
                    DemoPost(
                        RICARDO,
                        "Drie dingen die bij ons werken:\n\n"
                        "- Een **keuzemenu-optie** speciaal voor de aanslag, met een korte uitleg vooraf.\n"
                        "- Een kennisbankartikel met de vijf meest gestelde vragen, dat we in de wachtrij "
                        "voorlezen.\n"
                        "- Twee collega's van Belastingen die die week bij ons meedraaien.\n\n"
                        "De wachttijd ging van 18 naar 6 minuten.",
                        2,
                        accepted=True,
                    ),
                    DemoPost(
                        YASMINA,
                        "Wij sturen een sms als iemand teruggebeld wordt. Mensen vinden dat prettiger dan "
                        "wachten.",
                        9,
                    ),
                    DemoPost(
                        BART,
                        "KLIK HIER voor goedkope volgers en likes!!! www.voorbeeld-reclame.example",
                        30,
                        hidden="Reclame; account was overgenomen",
                    ),
                ),
            ),
            DemoThread(
                title="Chat naast de telefoon: wie heeft ervaring?",
                kind=ThreadKind.DISCUSSION,
                author=YASMINA,
                days_ago=4,
                body="Wij beginnen na de zomer met chat. Ik ben benieuwd hoe jullie de chat combineren met "
                "de telefoon. Doet één persoon beide, of wissel je per dagdeel?",
                replies=(
                    DemoPost(
                        SAMIR,
                        "Wij wisselen per dagdeel. Twee chats tegelijk is goed te doen, telefoon erbij niet. "
                        "@Ricardo Martis, hoe hebben jullie de roosters gemaakt?",
                        3,
                    ),
                    DemoPost(
                        RICARDO,
                        "Per dagdeel, met vaste chatters die er plezier in hebben. Schrijven is een ander "
                        "vak dan praten: kort, vriendelijk en zonder ambtelijke woorden.",
                        5,
                    ),
                ),
            ),
        ),
    ),
    DemoGroup(
        slug="van-balie-naar-zorg",
        name="Van balie naar zorg",
        focus=Focus.TRANSITION,
        access=Access.CLOSED,
        summary="Voor wie van de balie of het KCC overstapt naar werk in de zorg, of daarover nadenkt.",
        description="Een besloten groep: alleen leden lezen mee. Hier deel je twijfels, ervaringen met "
        "meeloopdagen en opleidingen, en help je elkaar op weg. Een loopbaanadviseur modereert de groep.",
        moderators=(ANNELIES,),
        members=(INGRID, PETRA),
        skills=("klantgericht-werken", "persoonsgerichte-zorg", "ondersteunen-thuis-wonen"),
        occupations=("helpende-zorg-en-welzijn", "medewerker-thuiszorg", "medewerker-zorgloket"),
        pending=((HENK, "Ik werk 22 jaar bij burgerzaken en denk aan werk in de ouderenzorg."),),
        pin_courses=("werken-in-de-zorg-orientatie", "helpende-zorg-en-welzijn-verkort"),
        threads=(
            DemoThread(
                title="Mijn eerste meeloopdag in de thuiszorg",
                kind=ThreadKind.DISCUSSION,
                author=INGRID,
                days_ago=9,
                body="Vorige week liep ik een dag mee met een wijkverpleegkundige. Wat me opviel: de helft "
                "van het werk is precies wat ik aan de balie ook doe. Goed luisteren, uitleggen, geduld "
                "hebben.\n\nWat ik spannend vond: de persoonlijke verzorging. Herkent iemand dat?",
                replies=(
                    DemoPost(
                        ANNELIES,
                        "Mooi dat je dit deelt, Ingrid. Veel mensen die overstappen vinden de verzorging in "
                        "het begin spannend. Het went sneller dan je denkt, en je leert het stap voor stap "
                        "in de opleiding. Zullen we er in ons volgende gesprek verder over praten?",
                        5,
                    ),
                    DemoPost(
                        PETRA,
                        "Ik herken het! Ik ga in juni ook meelopen, bij een woonzorgcentrum. Ik laat weten "
                        "hoe het ging.",
                        20,
                    ),
                ),
            ),
            DemoThread(
                title="Welke opleiding past als je naar helpende zorg en welzijn wilt?",
                kind=ThreadKind.QUESTION,
                author=PETRA,
                days_ago=3,
                body="Ik heb MBO-4 in een administratieve richting. Moet ik helemaal opnieuw beginnen, of "
                "kan het korter?",
                replies=(
                    DemoPost(
                        ANNELIES,
                        "Met jouw MBO-4 kun je vaak een **verkorte opleiding** doen. Je krijgt vrijstelling "
                        "voor de algemene vakken. Op wendbaar staat de verkorte opleiding *Helpende zorg en "
                        "welzijn*; die is vastgezet op de pagina van deze groep. Kijk ook of je werkgever "
                        "meebetaalt.",
                        4,
                        accepted=True,
                    ),
                ),
            ),
        ),
    ),
    DemoGroup(
        slug="belastingen-en-woz",
        name="Belastingen en WOZ",
        focus=Focus.PROFESSION,
        access=Access.OPEN,
        summary="Voor medewerkers gemeentelijke belastingen, invordering en WOZ.",
        description="Van de aanslag tot de kwijtschelding: deel wat werkt en hoe je regels uitlegt in "
        "begrijpelijke taal.",
        moderators=(HENK,),
        members=(SAMIR,),
        skills=(
            "gemeentelijke-belastingen",
            "belastingplicht-uitleggen",
            "wet-woz",
            "kwijtschelding-beoordelen",
        ),
        occupations=("medewerker-belastingen", "taxateur-woz"),
        threads=(
            DemoThread(
                title="Kwijtschelding uitleggen zonder moeilijke woorden",
                kind=ThreadKind.QUESTION,
                author=SAMIR,
                days_ago=7,
                body="Aan de telefoon krijg ik vaak vragen over kwijtschelding. Heeft iemand een korte, "
                "duidelijke uitleg die ik kan gebruiken?",
                replies=(
                    DemoPost(
                        HENK,
                        "Ik zeg meestal: ‘Heeft u weinig inkomen en bijna geen spaargeld? Dan hoeft u de "
                        "belasting misschien niet te betalen. U vraagt dat aan met een formulier; wij kijken "
                        "dan naar uw inkomen en uw vaste lasten.’ Daarna stuur ik de link naar het "
                        "formulier.",
                        2,
                    ),
                ),
                locked=True,
            ),
        ),
    ),
]


def _by_key(model, keys: set[str], starter_items: dict) -> dict:
    """Starter concepts by key; a concept merged into ESCO is found through its URI. Unknown keys fail."""
    found = {item.code: item for item in model.objects.filter(code__in=keys)}
    rest = keys - found.keys()
    uris = {starter_items[key].uri: key for key in rest if key in starter_items and starter_items[key].uri}
    for item in model.objects.filter(uri__in=uris):
        found[uris[item.uri]] = item
    missing = sorted(keys - found.keys())
    if missing:
        raise ValueError(
            f"Demo-beroepsgroepen: {', '.join(missing)} staat niet in de database "
            "(typfout in de sleutel, of is de starterset niet geladen?)"
        )
    return found


def _people() -> dict[str, User]:
    from wendbaar.core.management.commands.demo import DEMO_PASSWORD

    for email, name, organisation in PEOPLE:
        user, created = User.objects.get_or_create(
            email=email, defaults={"name": name, "role": Role.MEDEWERKER}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        place = Organisation.objects.filter(slug=organisation).first()
        if place:
            OrganisationMembership.objects.get_or_create(
                user=user, organisation=place, defaults={"role": MembershipRole.MEDEWERKER}
            )
    emails = {p[0] for p in PEOPLE} | {PETRA, SAMIR, ANNELIES, FATMA}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    missing = sorted(emails - people.keys())
    if missing:
        raise ValueError(
            f"Demo-beroepsgroepen: eerst de demo-accounts laden ({', '.join(missing)} ontbreekt)."
        )
    return people


def _member(group, user, role) -> None:
    Membership.objects.update_or_create(
        group=group,
        user=user,
        defaults={
            "status": MembershipStatus.ACTIVE,
            "role": role,
            "joined_at": timezone.now() - timedelta(days=30),
        },
    )


def _thread(group, demo: DemoThread, people) -> bool:
    if Thread.objects.filter(group=group, title=demo.title).exists():
        return False
    now = timezone.now()
    start = now - timedelta(days=demo.days_ago)
    thread = services.start_thread(
        group, people[demo.author], title=demo.title, body=demo.body, kind=demo.kind, check_limits=False
    )
    Post.objects.filter(thread=thread).update(created_at=start)
    last = start
    for reply in demo.replies:
        post = services.reply(thread, people[reply.author], body=reply.body, check_limits=False)
        last = start + timedelta(hours=reply.hours_later)
        Post.objects.filter(pk=post.pk).update(created_at=last)
        if reply.accepted:
            services.accept_answer(thread, people[demo.author], post)
        if reply.hidden:
            moderator = group.memberships.filter(role=MemberRole.MODERATOR).first().user
            services.hide(post, moderator, reply.hidden)
    Thread.objects.filter(pk=thread.pk).update(created_at=start, last_activity_at=last)
    if demo.locked:
        services.lock(thread, group.memberships.filter(role=MemberRole.MODERATOR).first().user, True)
    return True


def _pins(group, demo: DemoGroup, moderator) -> None:
    wanted = []
    course_kind = pins.KINDS_BY_KEY["cursus"]
    if demo.pin_courses and course_kind.visible() is not None:
        wanted += list(course_kind.visible().filter(slug__in=demo.pin_courses))
    for flag, key in ((demo.pin_event, "bijeenkomst"), (demo.pin_knowledge, "kennisbank")):
        offer = pins.KINDS_BY_KEY[key].offer() if flag else None
        first = offer.first() if offer is not None else None
        if first is not None:
            wanted.append(first)
    for obj in wanted:
        if not group.pins.filter(object_id=obj.pk, content_type__model=obj._meta.model_name).exists():
            # A kennisbank item may already be pinned under its base model.
            with contextlib.suppress(services.Refused):
                services.pin(group, moderator, obj)


def load(stdout) -> None:
    people = _people()
    starter = read_starter_set()
    skills = _by_key(Skill, {k for g in GROUPS for k in g.skills}, starter.skills)
    occupations = _by_key(Occupation, {k for g in GROUPS for k in g.occupations}, starter.occupations)
    new_threads = 0
    for demo in GROUPS:
        group, _created = Group.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "name": demo.name,
                "focus": demo.focus,
                "access": demo.access,
                "summary": demo.summary,
                "description": demo.description,
                "created_by": people[FATMA],
            },
        )
        group.skills.set([skills[k] for k in demo.skills])
        group.occupations.set([occupations[k] for k in demo.occupations])
        for email in demo.moderators:
            _member(group, people[email], MemberRole.MODERATOR)
        for email in demo.members:
            _member(group, people[email], MemberRole.MEMBER)
        for email, motivation in demo.pending:
            if not Membership.objects.filter(group=group, user=people[email]).exists():
                services.join(group, people[email], motivation)
        for thread in demo.threads:
            new_threads += _thread(group, thread, people)
        _pins(group, demo, people[demo.moderators[0]])
    stdout.write(
        f"Demo-beroepsgroepen geladen: {len(GROUPS)} groepen, {new_threads} nieuwe onderwerpen "
        f"({len(PEOPLE)} extra demo-medewerkers)."
    )
