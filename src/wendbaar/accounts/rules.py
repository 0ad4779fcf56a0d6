"""Who may see and change accounts and organisations (see wendbaar.access.rules).

- An account: its owner, and beheerders (in the admin, where every look is logged for the person).
- An organisation's page is public. Its details: its organisatiebeheerders and the platform's beheerders.
- Acting for an organisation (its kansen, its requests): see ``membership_role``; the apps that offer such
  work write their own rules on top of it (e.g. wendbaar.opportunities.rules).
"""

from wendbaar.access.rules import anyone, beheerder, owner
from wendbaar.accounts.models import Membership, MembershipRole, Organisation


def membership_role(user, organisation) -> str | None:
    """The user's role in the organisation (read from the database now), or None for non-members."""
    if organisation is None or not getattr(user, "pk", None):
        return None
    organisation_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    return (
        Membership.objects.filter(user=user, organisation_id=organisation_id)
        .values_list("role", flat=True)
        .first()
    )


def is_member(user, organisation, roles=None) -> bool:
    role = membership_role(user, organisation)
    return role is not None and (roles is None or role in roles)


def _own_or_beheerder(user, account) -> bool:
    return account is not None and (owner(user, account) or beheerder(user))


@anyone
def _view_organisation(user, organisation) -> bool:
    return organisation is not None


def _change_organisation(user, organisation) -> bool:
    return organisation is not None and (
        beheerder(user) or is_member(user, organisation, {MembershipRole.BEHEERDER})
    )


def _member_of(user, organisation) -> bool:
    return is_member(user, organisation)


RULES = {
    "accounts.view_user": _own_or_beheerder,
    "accounts.change_user": _own_or_beheerder,
    "accounts.delete_user": lambda user, account: account is not None and beheerder(user),
    "accounts.view_organisation": _view_organisation,
    "accounts.change_organisation": _change_organisation,
    "accounts.member_organisation": _member_of,
}
