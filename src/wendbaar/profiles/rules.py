"""Who may see a vaardighedenprofiel (see wendbaar.access.rules).

Its owner, always. A loopbaanadviseur only while a conversation in which the person shares it is current
(``wendbaar.events.services.can_view_profile``). Only the owner changes it. Organisations never see a
profile through this rule: they see what the person chose to show them, through their own app.
"""

from wendbaar.access.rules import owner


def _view_profile(user, profile) -> bool:
    if profile is None:
        return False
    if owner(user, profile):
        return True
    from wendbaar.events.services import can_view_profile  # events builds on profiles, not the reverse

    return can_view_profile(user, profile.user)


def _change_profile(user, profile) -> bool:
    return owner(user, profile)


def _own_part(user, item) -> bool:
    """A suggestion, rated skill or piece of experience: the profile's owner only."""
    return item is not None and item.profile.user_id == user.pk


RULES = {
    "profiles.view_profile": _view_profile,
    "profiles.change_profile": _change_profile,
    "profiles.change_suggestion": _own_part,
    "profiles.change_profileskill": _own_part,
    "profiles.change_workexperience": _own_part,
    "profiles.change_savedtransition": _own_part,
}
