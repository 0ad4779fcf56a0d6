"""Object rules of the API (see wendbaar.access.rules): API keys and the vaardighedenprofiel as seen
through the API belong to their owner only."""


def _owner(user, obj) -> bool:
    return obj is not None and getattr(obj, "user_id", None) == user.pk


RULES = {
    "api.view_apitoken": _owner,
    "api.delete_apitoken": _owner,
    # The profile app's own pages show a profile to its owner only; the API answers the same.
    "api.view_profile": _owner,
    "api.change_profile": _owner,
}
