"""The person's own part of inzicht in "download al mijn gegevens" (see wendbaar.privacy.exporters)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

if apps.is_installed("wendbaar.privacy"):
    from wendbaar.privacy.exporters import section

    @section(
        "inzicht",
        _("Bekeken werk en je groep in de cijfers"),
        app="wendbaar.insight",
        covers=("insight.Explorer.user", "insight.Person.user"),
    )
    def insight(user):
        """The occupations the person opened in Verkennen, per month, and the groups they count in for
        the programme team's anonymous figures (taken from their profile and memberships)."""
        from wendbaar.insight.groups import ISCO_MAJOR
        from wendbaar.insight.models import Exploration, Person

        person = Person.objects.filter(user=user).select_related("municipality").first()
        return {
            "bekeken_beroepen": [
                {"beroep": {"naam": e.occupation.name, "code": e.occupation.code}, "maand": e.month}
                for e in Exploration.objects.filter(explorer__user=user)
                .select_related("occupation")
                .order_by("month", "occupation__name")
            ],
            "telt_mee_in": None
            if person is None
            else {
                "gemeente": person.municipality.name if person.municipality else None,
                "beroepsgroep": str(ISCO_MAJOR[person.isco]) if person.isco in ISCO_MAJOR else None,
            },
        }
