"""Values built from the taxonomy, kept on disk per taxonomy version so that other processes can load them.

After every taxonomy change a worker builds the matching engine and writes it here (``wendbaar.core.tasks``).
An app server that meets the new taxonomy version loads the file — a fraction of a second for the full ESCO
release — instead of building the engine itself, which takes seconds and would fall on a person's request.

A file is named after the value, the taxonomy version and a stamp of the code that builds it, so a file
written by an older release is never loaded after an upgrade. The files are pickles: the directory
(``TAXONOMY_BUILD_DIR``) must be writable by the application only, like its code.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path

from django.conf import settings

from wendbaar.taxonomy.models import TaxonomyChange

logger = logging.getLogger(__name__)

# Files kept per value: the current version and the one before, for processes that are still on it.
KEEP = 2


class Stored[T]:
    """``build()`` once per taxonomy version for all processes: one writes the file, the others read it."""

    def __init__(self, name: str, build: Callable[[], T], code: Iterable[str]):
        self.name = name
        self._build = build
        self._code = tuple(code)

    @cached_property
    def stamp(self) -> str:
        digest = hashlib.sha256()
        for module in self._code:
            digest.update(inspect.getsource(importlib.import_module(module)).encode())
        return digest.hexdigest()[:12]

    def _directory(self) -> Path | None:
        return Path(settings.TAXONOMY_BUILD_DIR) if settings.TAXONOMY_BUILD_DIR else None

    def path(self, version: str) -> Path | None:
        directory = self._directory()
        if directory is None or not version:
            return None
        return directory / f"{self.name}-{self.stamp}-{version}.pickle"

    def read(self, version: str) -> T | None:
        path = self.path(version)
        if path is None:
            return None
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # noqa: S301 — written by this application into its own directory
        except FileNotFoundError:
            return None
        except Exception:  # a damaged file must never stop a request: build instead
            logger.warning("Stored %s for taxonomy version %s is unreadable; building it", self.name, version)
            return None

    def load(self) -> T:
        """The value for the current taxonomy version: the stored one when a worker made it, else built."""
        # The version is read before building, as in PerTaxonomyVersion: a build never lags its label.
        stored = self.read(TaxonomyChange.current_version())
        return stored if stored is not None else self._build()

    def rebuild(self) -> str:
        """Build and store the value for the current taxonomy version (once); returns that version."""
        version = TaxonomyChange.current_version()
        path = self.path(version)
        if path is None or path.exists():
            return version
        value = self._build()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write aside and rename: a reader sees the whole file or none.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{self.name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(temporary, 0o640)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._prune(path.parent)
        return version

    def _prune(self, directory: Path) -> None:
        files = []
        for path in directory.glob(f"{self.name}-*.pickle"):
            try:
                files.append((path.stat().st_mtime, path))
            except FileNotFoundError:  # another worker pruned it just now
                continue
        for _mtime, old in sorted(files, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
