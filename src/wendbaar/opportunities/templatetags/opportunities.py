from django import template

from wendbaar.opportunities import forms, services

register = template.Library()


@register.inclusion_tag("opportunities/_visibility.html", takes_context=True)
def visibility_switch(context, heading_level=2):
    """The switch "zichtbaar voor organisaties", for the person's own pages (Kansen, Mijn wendbaar)."""
    request = context["request"]
    user = request.user
    visible = services.is_visible(user)
    return {
        "visible": visible,
        "form": forms.VisibilityForm(initial={"visible": visible, "province": services.region_of(user)}),
        "back": request.get_full_path(),
        "heading_level": heading_level,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def allowed(context, permission, obj=None):
    """``{% allowed "opportunities.manage_organisation" organisation as can_manage %}``: the object rule."""
    return context["request"].user.has_perm(permission, obj)
