"""``wendbaar demo``: demo organisations and one account per role, for a local site only.

Other apps add their own demo content in a ``demo.py`` module with a ``load(stdout)`` function; this
command runs them after the accounts, in the order of INSTALLED_APPS.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, Role, User

DEMO_PASSWORD = "wendbaar-demo"  # noqa: S105 — documented demo password, refused outside DEBUG

ORGANISATIONS = [
    (
        "Gemeente Zwolle",
        OrganisationKind.GEMEENTE,
        "gemeente",
        "overijssel",
        "Zwolle",
        "Publieksdiensten met balies in het Stadskantoor en twee wijkposten.",
    ),
    (
        "Gemeente Tilburg",
        OrganisationKind.GEMEENTE,
        "gemeente",
        "noord-brabant",
        "Tilburg",
        "Klantcontactcentrum, burgerzaken en vergunningen voor ruim 220.000 inwoners.",
    ),
    (
        "Gemeente Leeuwarden",
        OrganisationKind.GEMEENTE,
        "gemeente",
        "friesland",
        "Leeuwarden",
        "Burgerzaken en belastingen, samen met de omliggende dorpen.",
    ),
    (
        "Zorggroep De Linde",
        OrganisationKind.ANDERE_SECTOR,
        "zorg",
        "gelderland",
        "Apeldoorn",
        "Ouderenzorg thuis en in vijf woonzorgcentra. Wij zoeken mensen die goed met mensen omgaan.",
    ),
    (
        "Kinderopvang Het Speelhuis",
        OrganisationKind.ANDERE_SECTOR,
        "kinderopvang",
        "utrecht",
        "Amersfoort",
        "Dagopvang en buitenschoolse opvang op twaalf locaties.",
    ),
    (
        "Stichting Leerkracht Brabant",
        OrganisationKind.ANDERE_SECTOR,
        "onderwijs",
        "noord-brabant",
        "Breda",
        "Basisscholen die zij-instromers opleiden tot leraar of onderwijsassistent.",
    ),
    (
        "Werkplein Regio Oost",
        OrganisationKind.ANDERE_SECTOR,
        "werk-en-inkomen",
        "overijssel",
        "Enschede",
        "Ketenpartner voor werk en inkomen: werkcoaches, jobcoaches en klantmanagers.",
    ),
    (
        "DataDienst Noord",
        OrganisationKind.ANDERE_SECTOR,
        "ict",
        "groningen",
        "Groningen",
        "ICT-dienstverlener voor overheden: servicedesk, applicatiebeheer en data.",
    ),
    (
        "LogiPunt Venlo",
        OrganisationKind.ANDERE_SECTOR,
        "logistiek",
        "limburg",
        "Venlo",
        "Distributiecentrum met planning, klantenservice en magazijnwerk.",
    ),
    (
        "Veilig Thuis Beveiliging",
        OrganisationKind.ANDERE_SECTOR,
        "veiligheid",
        "zuid-holland",
        "Rotterdam",
        "Beveiliging en toezicht in openbare gebouwen en bij evenementen.",
    ),
]

USERS = [
    (
        "medewerker@wendbaar.localhost",
        "Petra de Vries",
        Role.MEDEWERKER,
        "gemeente-zwolle",
        MembershipRole.MEDEWERKER,
    ),
    (
        "kcc@wendbaar.localhost",
        "Samir El Amrani",
        Role.MEDEWERKER,
        "gemeente-tilburg",
        MembershipRole.MEDEWERKER,
    ),
    ("adviseur@wendbaar.localhost", "Annelies Bakker", Role.LOOPBAANADVISEUR, None, None),
    (
        "organisatie@wendbaar.localhost",
        "Joost Visser",
        Role.ORGANISATIE,
        "zorggroep-de-linde",
        MembershipRole.RECRUITER,
    ),
    ("programmateam@wendbaar.localhost", "Fatma Yilmaz", Role.PROGRAMMATEAM, None, None),
    ("beheerder@wendbaar.localhost", "Erik Jansen", Role.BEHEERDER, None, None),
]


class Command(BaseCommand):
    help = "Laad demo-organisaties en een demo-account per rol (alleen met DEBUG aan)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts hebben een bekend wachtwoord; laad ze alleen met DEBUG=true.")
        with transaction.atomic():
            for name, kind, sector, province, place, description in ORGANISATIONS:
                Organisation.objects.update_or_create(
                    slug=name.lower().replace(" ", "-"),
                    defaults={
                        "name": name,
                        "kind": kind,
                        "sector": sector,
                        "province": province,
                        "municipality": place,
                        "description": description,
                    },
                )
            for email, name, role, organisation, membership_role in USERS:
                user, created = User.objects.get_or_create(email=email, defaults={"name": name, "role": role})
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.is_staff = role == Role.BEHEERDER
                    user.is_superuser = role == Role.BEHEERDER
                    user.save()
                if organisation:
                    Membership.objects.get_or_create(
                        user=user,
                        organisation=Organisation.objects.get(slug=organisation),
                        defaults={"role": membership_role},
                    )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {len(ORGANISATIONS)} organisaties, {len(USERS)} accounts "
                f"(wachtwoord: {DEMO_PASSWORD})."
            )
        )
        for app in apps.get_app_configs():
            if app.name.startswith("wendbaar.") and find_spec(f"{app.name}.demo"):
                with transaction.atomic():
                    import_module(f"{app.name}.demo").load(self.stdout)
