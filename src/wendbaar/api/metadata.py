from rest_framework.metadata import SimpleMetadata


class Metadata(SimpleMetadata):
    """OPTIONS says what a URL is and what it renders and parses; the OpenAPI document describes the
    inputs, so no serializer (or object) is looked at here."""

    def determine_actions(self, request, view):
        return {}
