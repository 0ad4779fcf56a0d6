"""Static files in production: whitenoise's compressed, hashed files, minus vendor files nobody uses.

The Utrecht design-tokens package ships ``background-image-icon.css``, which points at icons the package does
not contain. Nothing here links it, but hashing it would stop ``collectstatic``; it is copied unhashed.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

UNUSED = frozenset({"vendor/utrecht-tokens/background-image-icon.css"})


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, *args, **kwargs):
        yield from super().post_process({k: v for k, v in paths.items() if k not in UNUSED}, *args, **kwargs)
