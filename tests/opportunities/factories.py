"""Test data for kansen: organisations with staff, people with a profile, and opportunities."""

from datetime import timedelta

from django.utils import timezone

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind, Role, User
from wendbaar.opportunities.models import Opportunity, OpportunityKind, OpportunityStatus
from wendbaar.privacy import consent
from wendbaar.privacy.consent import Purpose
from wendbaar.profiles import services as profiles
from wendbaar.taxonomy.models import Occupation, Skill

PASSWORD = "lente-in-zwolle-2026"


def make_user(name, email=None, role=Role.MEDEWERKER) -> User:
    email = email or f"{name.split()[0].lower()}@example.nl"
    return User.objects.create_user(email, PASSWORD, name=name, role=role)


def make_organisation(name="Zorggroep De Linde", sector="zorg", province="gelderland") -> Organisation:
    return Organisation.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        kind=OrganisationKind.GEMEENTE if sector == "gemeente" else OrganisationKind.ANDERE_SECTOR,
        sector=sector,
        province=province,
        municipality="Apeldoorn",
        description="Zorg in de buurt.",
    )


def make_staff(organisation, name="Joost Visser", role=MembershipRole.RECRUITER, email=None) -> User:
    user = make_user(name, email=email, role=Role.ORGANISATIE)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def make_person(
    name, occupation="baliemedewerker-burgerzaken", *, visible=True, years=10, email=None
) -> User:
    """A medewerker whose profile holds the essential skills of ``occupation``."""
    user = make_user(name, email=email)
    profile = profiles.profile_for(user)
    profiles.choose_occupation(profile, Occupation.objects.get(code=occupation), years)
    if visible:
        consent.grant(user, Purpose.VISIBLE_TO_ORGANISATIONS)
    return user


def make_opportunity(
    organisation,
    skills=("klantgericht-werken", "nauwkeurig-werken", "actief-luisteren", "empathie-tonen"),
    *,
    title="Meeloopdag thuiszorg",
    kind=OpportunityKind.MEELOOPDAG,
    status=OpportunityStatus.GEPUBLICEERD,
    occupation=None,
    closes_in=30,
    province="gelderland",
) -> Opportunity:
    opportunity = Opportunity.objects.create(
        organisation=organisation,
        kind=kind,
        title=title,
        description="Loop een dag mee met een wijkteam.",
        occupation=Occupation.objects.get(code=occupation) if occupation else None,
        province=province,
        closes_on=timezone.localdate() + timedelta(days=closes_in),
        status=status,
        published_at=timezone.now() if status == OpportunityStatus.GEPUBLICEERD else None,
    )
    opportunity.required_skills.set(Skill.objects.filter(code__in=skills))
    return opportunity


def clerk_skills(occupation="baliemedewerker-burgerzaken") -> list[str]:
    return list(
        Occupation.objects.get(code=occupation)
        .skill_relations.filter(relation_type="essential")
        .values_list("skill__code", flat=True)
    )
