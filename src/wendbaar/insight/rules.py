"""Who may see which inzicht dashboards (see wendbaar.access.rules).

The programme team and beheerders see every group, Nederland down to a municipality. A municipality's
HR — members with the role organisatiebeheerder of a municipality — see their own people only: the
municipality's page, never another group. Everyone else sees none.
"""

from wendbaar.accounts.models import Membership, MembershipRole, Organisation, OrganisationKind
from wendbaar.core.kept import PerPerson


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


# Whether the menu shows Inzicht: memberships seldom change, and a change of one forgets it at once.
link_shown = PerPerson("insight:link", seconds=300)


def shows_link(user) -> bool:
    """``may_see_any`` for the main menu on every page, kept per person (``wendbaar.core.kept``). The
    dashboards themselves always ask ``may_see_any`` and the access rules."""
    if sees_everything(user):
        return True
    if not getattr(user, "pk", None):
        return False
    shown = link_shown.get(user.pk)
    if shown is None:
        shown = bool(own_municipalities(user))
        link_shown.keep(user.pk, shown)
    return shown


RULES = {
    "insight.view_national": sees_everything,
    "insight.view_municipality": _view_municipality,
}
