"""Who may do what with kansen, contact requests and conversations (see wendbaar.access.rules).

Acting for an organisation takes a membership with the role organisatiebeheerder or recruiter; a plain
"medewerker" membership (someone who works there) gives no access to the organisation's workspace, its
drafts, matches or requests. Everything is read from the database when asked, so a removed member loses
access with the very next request, and a person who stops being zichtbaar voor organisaties disappears
from every organisation's view at once.
"""

from __future__ import annotations

from wendbaar.accounts.models import MembershipRole
from wendbaar.accounts.rules import membership_role
from wendbaar.privacy.consent import Purpose, is_granted

STAFF_ROLES = (MembershipRole.BEHEERDER, MembershipRole.RECRUITER)


def staff_role(user, organisation) -> str | None:
    """The user's role for the organisation when they may act for it (beheerder or recruiter), else None."""
    role = membership_role(user, organisation)
    return role if role in STAFF_ROLES else None


def is_staff(user, organisation) -> bool:
    return staff_role(user, organisation) is not None


def is_admin(user, organisation) -> bool:
    return staff_role(user, organisation) == MembershipRole.BEHEERDER


def _view_opportunity(user, opportunity) -> bool:
    # Drafts only for the organisation's own staff; published (also closed) ones for everyone signed in.
    from wendbaar.opportunities.models import OpportunityStatus

    return opportunity.status != OpportunityStatus.CONCEPT or is_staff(user, opportunity.organisation_id)


def _change_opportunity(user, opportunity) -> bool:
    return is_staff(user, opportunity.organisation_id)


def _send_request(user, opportunity) -> bool:
    return opportunity.is_open and is_staff(user, opportunity.organisation_id)


def _express_interest(user, opportunity) -> bool:
    return opportunity.is_open and not is_staff(user, opportunity.organisation_id)


def _person_may_see(user, request) -> bool:
    return request.person_id == user.pk


def _organisation_may_see(user, request) -> bool:
    """Staff see a request they sent to an anonymous match only while the person is visible (or once the
    person accepted); a request the person sent themselves ("interesse") they always see."""
    if not is_staff(user, request.opportunity.organisation_id):
        return False
    from wendbaar.opportunities.models import Direction, RequestStatus

    if request.status == RequestStatus.ACCEPTED:
        return True
    if request.direction == Direction.INTEREST:
        return request.status != RequestStatus.WITHDRAWN  # taking interest back hides the name again
    return is_granted(request.person, Purpose.VISIBLE_TO_ORGANISATIONS)


def _view_request(user, request) -> bool:
    return _person_may_see(user, request) or _organisation_may_see(user, request)


def _answer_request(user, request) -> bool:
    """The side that did not send it answers: the person an invitation, the organisation an interest."""
    from wendbaar.opportunities.models import Direction

    if not request.is_open:
        return False
    if request.direction == Direction.INVITATION:
        return request.person_id == user.pk
    return is_staff(user, request.opportunity.organisation_id)


def _withdraw_request(user, request) -> bool:
    from wendbaar.opportunities.models import Direction

    if not request.is_open:
        return False
    if request.direction == Direction.INTEREST:
        return request.person_id == user.pk
    return _organisation_may_see(user, request)


def _view_thread(user, thread) -> bool:
    request = thread.request
    return request.person_id == user.pk or is_staff(user, request.opportunity.organisation_id)


def _workspace(user, organisation) -> bool:
    return is_staff(user, organisation)


def _manage(user, organisation) -> bool:
    return is_admin(user, organisation)


RULES = {
    "opportunities.view_opportunity": _view_opportunity,
    "opportunities.add_opportunity": _workspace,  # obj: the Organisation
    "opportunities.change_opportunity": _change_opportunity,
    "opportunities.view_matches": _change_opportunity,
    "opportunities.send_contactrequest": _send_request,
    "opportunities.express_interest": _express_interest,
    "opportunities.view_contactrequest": _view_request,
    "opportunities.answer_contactrequest": _answer_request,
    "opportunities.withdraw_contactrequest": _withdraw_request,
    "opportunities.view_thread": _view_thread,
    "opportunities.add_message": _view_thread,
    "opportunities.view_workspace": _workspace,  # obj: the Organisation (its list, requests, sector view)
    "opportunities.manage_organisation": _manage,  # obj: the Organisation (members, public page)
}
