"""Demo content: organisations from other sectors with kansen — meeloopdagen, vacatures, projects and a
stage — written for wendbaar. The demo KCC medewerker is zichtbaar voor organisaties, so the organisation
side has an anonymous match to show. Closing dates are relative to today; running it again adds nothing
twice.
"""

from datetime import timedelta

from django.utils import timezone

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, User
from wendbaar.opportunities import matching
from wendbaar.opportunities.models import Opportunity, OpportunityKind, OpportunityStatus, SeekerRegion
from wendbaar.privacy import consent
from wendbaar.privacy.consent import Purpose
from wendbaar.profiles import services as profiles
from wendbaar.taxonomy.models import Occupation, Skill

ORGANISATIONS = [
    (
        "Bibliotheek De Vallei",
        "cultuur",
        "gelderland",
        "Ede",
        "Zes vestigingen en een Informatiepunt Digitale Overheid. Wij helpen inwoners met lezen, leren en "
        "hun zaken met de overheid.",
    ),
    (
        "Energieloket Zonnig Zuid",
        "techniek",
        "noord-brabant",
        "Eindhoven",
        "Onafhankelijk energieadvies aan huis voor inwoners van twaalf Brabantse gemeenten.",
    ),
    (
        "Zorgverzekeraar Samen Gezond",
        "zorg",
        "utrecht",
        "Utrecht",
        "Klantenservice, zorgadvies en declaraties voor ruim een miljoen verzekerden.",
    ),
]

# (organisation slug, kind, title, occupation code or "", required skills, province, place, hours, days open,
#  description)
KANSEN = [
    (
        "zorggroep-de-linde",
        OpportunityKind.MEELOOPDAG,
        "Meeloopdag wijkteam thuiszorg",
        "medewerker-thuiszorg",
        ["actief-luisteren", "klantgericht-werken", "persoonlijke-verzorging", "ondersteunen-thuis-wonen"],
        "gelderland",
        "Apeldoorn",
        8,
        30,
        "Loop een dag mee met het wijkteam in Apeldoorn-Zuid. Je gaat mee naar cliënten thuis, ziet hoe we "
        "zorg plannen en merkt hoeveel je uit je werk aan de balie al meeneemt: luisteren, uitleggen en "
        "rustig blijven als iemand het moeilijk heeft.",
    ),
    (
        "zorggroep-de-linde",
        OpportunityKind.VACATURE,
        "Medewerker zorgloket (24 uur)",
        "medewerker-zorgloket",
        ["hulpvraag-verhelderen", "telefonisch-communiceren", "klantcontacten-registreren", "doorverwijzen"],
        "gelderland",
        "Apeldoorn",
        24,
        45,
        "Aan ons zorgloket komen vragen binnen van cliënten, familie en huisartsen. Jij zoekt uit wat er "
        "nodig is en zet het in gang. Ervaring met klantcontact bij een gemeente is een grote plus.",
    ),
    (
        "kinderopvang-het-speelhuis",
        OpportunityKind.MEELOOPDAG,
        "Een ochtend meedraaien op de babygroep",
        "pedagogisch-medewerker-kinderopvang",
        ["pedagogisch-handelen", "contact-ouders", "samenwerken"],
        "utrecht",
        "Amersfoort",
        5,
        21,
        "Ben je benieuwd of werken met jonge kinderen iets voor je is? Draai een ochtend mee en praat met "
        "collega's die ook een overstap maakten.",
    ),
    (
        "kinderopvang-het-speelhuis",
        OpportunityKind.VACATURE,
        "Medewerker planning en plaatsing",
        "medewerker-plaatsing-kinderopvang",
        ["klantgericht-werken", "nauwkeurig-werken", "telefonisch-communiceren"],
        "utrecht",
        "Amersfoort",
        28,
        40,
        "Jij plant de plaatsingen van kinderen op onze twaalf locaties en bent het aanspreekpunt voor ouders "
        "met vragen over contracten en toeslagen.",
    ),
    (
        "stichting-leerkracht-brabant",
        OpportunityKind.STAGE,
        "Zij-instroomstage onderwijsassistent",
        "onderwijsassistent",
        ["leerlingen-helpen-leren", "communiceren-jongeren", "samenwerken"],
        "noord-brabant",
        "Breda",
        16,
        60,
        "Een half jaar twee dagen per week in de klas, met een vaste begeleider. Daarna kun je de opleiding "
        "tot onderwijsassistent in deeltijd afmaken.",
    ),
    (
        "werkplein-regio-oost",
        OpportunityKind.PROJECT,
        "Detachering werkcoach (zes maanden)",
        "werkcoach-uwv",
        ["werkzoekenden-begeleiden", "motiverende-gespreksvoering", "klantcontacten-registreren"],
        "overijssel",
        "Enschede",
        32,
        35,
        "Zes maanden gedetacheerd bij het Werkplein: je begeleidt werkzoekenden naar werk, samen met een "
        "ervaren collega. Je gemeente blijft je werkgever.",
    ),
    (
        "datadienst-noord",
        OpportunityKind.VACATURE,
        "Servicedeskmedewerker overheden",
        "servicedeskmedewerker",
        [
            "servicedesk-ondersteuning",
            "klantvraag-achterhalen",
            "telefonisch-communiceren",
            "klantgericht-werken",
        ],
        "groningen",
        "Groningen",
        36,
        30,
        "Gemeenten bellen ons als hun systemen haperen. Jij weet hoe het aan de balie voelt als iets niet "
        "werkt, en lost het op of zet het door. We leiden je op in ITIL.",
    ),
    (
        "datadienst-noord",
        OpportunityKind.MEELOOPDAG,
        "Meeloopdag data-analyse",
        "data-analist",
        ["data-analyse", "excel-gebruiken", "analytisch-denken"],
        "groningen",
        "Groningen",
        7,
        25,
        "Kijk een dag mee met ons datateam: hoe maken we van cijfers over dienstverlening een dashboard dat "
        "een wethouder begrijpt?",
    ),
    (
        "logipunt-venlo",
        OpportunityKind.VACATURE,
        "Planner klantenservice",
        "logistiek-planner",
        ["klantcontact", "problemen-oplossen", "snel-schakelen"],
        "limburg",
        "Venlo",
        32,
        28,
        "Jij zorgt dat zendingen op tijd aankomen en houdt klanten op de hoogte als het anders loopt.",
    ),
    (
        "veilig-thuis-beveiliging",
        OpportunityKind.MEELOOPDAG,
        "Meelopen met toezicht in het stadhuis",
        "beveiliger",
        ["omgaan-met-agressie", "de-escaleren", "toegangscontrole"],
        "zuid-holland",
        "Rotterdam",
        8,
        20,
        "Je kent lastige situaties aan de balie. Loop een dag mee met onze toezichthouders in een stadhuis "
        "en ontdek of beveiliging bij je past.",
    ),
    (
        "bibliotheek-de-vallei",
        OpportunityKind.VACATURE,
        "Medewerker Informatiepunt Digitale Overheid",
        "medewerker-informatiepunt-digitale-overheid",
        ["digitale-vaardigheden-uitleggen", "klantgericht-werken", "informatie-verstrekken"],
        "gelderland",
        "Ede",
        20,
        35,
        "Inwoners komen bij ons met vragen over DigiD, toeslagen en formulieren. Jouw kennis van de gemeente "
        "is hier goud waard.",
    ),
    (
        "energieloket-zonnig-zuid",
        OpportunityKind.PROJECT,
        "Energiecoach voor de winter (project)",
        "energiecoach",
        ["energiebesparing", "huisbezoek", "informatie-verstrekken", "klantvraag-achterhalen"],
        "noord-brabant",
        "Eindhoven",
        16,
        40,
        "Van oktober tot maart bezoek je inwoners thuis en geef je tips om energie te besparen. Je krijgt "
        "een korte training; je ervaring met inwoners neem je mee.",
    ),
    (
        "zorgverzekeraar-samen-gezond",
        OpportunityKind.VACATURE,
        "Klantadviseur zorgverzekeringen",
        "klantadviseur-zorgverzekeraar",
        ["klantcontact", "telefonisch-communiceren", "klantvraag-achterhalen"],
        "utrecht",
        "Utrecht",
        32,
        30,
        "Verzekerden bellen, chatten en mailen met vragen over hun polis en vergoedingen. Jij helpt ze "
        "verder.",
    ),
]


def load(stdout):
    for name, sector, province, place, description in ORGANISATIONS:
        Organisation.objects.update_or_create(
            slug=name.lower().replace(" ", "-"),
            defaults={
                "name": name,
                "kind": OrganisationKind.ANDERE_SECTOR,
                "sector": sector,
                "province": province,
                "municipality": place,
                "description": description,
            },
        )
    recruiter = User.objects.filter(email="organisatie@wendbaar.localhost").first()
    if recruiter:
        # The demo organisation account manages De Linde (members too) and recruits for DataDienst Noord.
        Membership.objects.filter(user=recruiter, organisation__slug="zorggroep-de-linde").update(
            role=MembershipRole.BEHEERDER
        )
        datadienst = Organisation.objects.filter(slug="datadienst-noord").first()
        if datadienst:
            Membership.objects.get_or_create(
                user=recruiter, organisation=datadienst, defaults={"role": MembershipRole.RECRUITER}
            )
    today = timezone.localdate()
    made = 0
    for slug, kind, title, occupation, skills, province, place, hours, days, description in KANSEN:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        opportunity, _created = Opportunity.objects.update_or_create(
            organisation=organisation,
            title=title,
            defaults={
                "kind": kind,
                "description": description,
                "occupation": Occupation.objects.filter(code=occupation).first(),
                "province": province,
                "municipality": place,
                "hours": hours,
                "starts_on": today + timedelta(days=days + 14),
                "closes_on": today + timedelta(days=days),
                "status": OpportunityStatus.GEPUBLICEERD,
                "published_at": timezone.now(),
                "created_by": recruiter,
            },
        )
        opportunity.required_skills.set(Skill.objects.filter(code__in=skills))
        made += 1
    draft_org = Organisation.objects.filter(slug="zorggroep-de-linde").first()
    if draft_org:
        draft, _created = Opportunity.objects.update_or_create(
            organisation=draft_org,
            title="Stage planning thuiszorg (concept)",
            defaults={
                "kind": OpportunityKind.STAGE,
                "description": "Nog niet gepubliceerd: een stage bij de planners van de thuiszorg.",
                "province": "gelderland",
                "municipality": "Apeldoorn",
                "closes_on": today + timedelta(days=60),
                "status": OpportunityStatus.CONCEPT,
                "created_by": recruiter,
            },
        )
        draft.required_skills.set(Skill.objects.filter(code__in=["plannen", "klantgericht-werken"]))

    samir = User.objects.filter(email="kcc@wendbaar.localhost").first()
    kcc = Occupation.objects.filter(code="klantcontactmedewerker-kcc").first()
    if samir and kcc:
        profile = profiles.profile_for(samir)
        if not profile.skills.exists():
            profiles.choose_occupation(profile, kcc, 6)
        consent.grant(samir, Purpose.VISIBLE_TO_ORGANISATIONS)
        SeekerRegion.objects.update_or_create(user=samir, defaults={"province": "noord-brabant"})
    counts = matching.compute_matches(tell=False)
    stdout.write(
        f"Kansen: {len(ORGANISATIONS)} extra organisaties, {made} gepubliceerde kansen en één concept; "
        f"{counts['stored']} anonieme matches."
    )
