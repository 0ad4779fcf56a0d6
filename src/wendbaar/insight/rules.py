"""Who may see which inzicht dashboards (see wendbaar.access.rules).

The programme team and beheerders see every group, Nederland down to a municipality. A municipality's
HR — members with the role organisatiebeheerder of a municipality — see their own people only: the
municipality's page, never another group. Everyone else sees none.
"""

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind


def sees_everything(user, _obj=None) -> bool:
    return bool(getattr(user, "is_programme_staff", False))


def own_municipalities(user) -> list[int]:
    """The municipalities whose people this user may look at as HR."""
    if not getattr(user, "pk", None):
        return []
    return list(
        Membership.objects.filter(
            user=user, role=MembershipRole.BEHEERDER, organisation__kind=OrganisationKind.GEMEENTE
        )
        .order_by("organisation__name")
        .values_list("organisation_id", flat=True)
    )


def _view_municipality(user, organisation) -> bool:
    organisation_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    return sees_everything(user) or organisation_id in own_municipalities(user)


def may_see_any(user) -> bool:
    return sees_everything(user) or bool(own_municipalities(user))


RULES = {
    "insight.view_national": sees_everything,
    "insight.view_municipality": _view_municipality,
}
