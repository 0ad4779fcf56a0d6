from django import template

register = template.Library()


@register.inclusion_tag("components/label.html", takes_context=True)
def concept_label(context, concept):
    """A concept's label in the reader's language, marked with ``lang`` when it falls back to another."""
    return {"label": concept.label(), "LANGUAGE_CODE": context.get("LANGUAGE_CODE")}


@register.simple_tag
def concept_description(concept):
    return concept.description()
