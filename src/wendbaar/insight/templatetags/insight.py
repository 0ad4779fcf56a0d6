from django import template

from wendbaar.insight.rules import may_see_any

register = template.Library()


@register.simple_tag
def may_see_insight(user) -> bool:
    """For the main menu: only people who may see a dashboard get the link."""
    return bool(getattr(user, "is_authenticated", False) and may_see_any(user))
