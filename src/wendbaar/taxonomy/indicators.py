"""Import a per-occupation figure from CSV: any file with a key column (ESCO URI or local code) and a
numeric column. All or nothing; rows for occupations this installation does not know are skipped and
counted, since indicator files often cover more occupations than are loaded."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from wendbaar.taxonomy.models import Indicator, IndicatorValue, Occupation, TaxonomyChange


class IndicatorError(Exception):
    """The file cannot be imported; nothing was written."""


@dataclass(frozen=True)
class IndicatorReport:
    name: str
    imported: int
    unknown: int


def import_indicator(
    path: Path, key: str, column: str, name: str, label: str = "", source: str = "", exposure: bool = True
) -> IndicatorReport:
    path = Path(path)
    if not path.is_file():
        raise IndicatorError(f"{path}: bestand bestaat niet")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IndicatorError(f"{path.name}: is geen geldige UTF-8-tekst") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for wanted in (key, column):
        if wanted not in (reader.fieldnames or []):
            raise IndicatorError(
                f"{path.name}, regel 1: kolom '{wanted}' ontbreekt "
                f"(wel: {', '.join(reader.fieldnames or [])})"
            )
    by_key = dict(Occupation.objects.filter(uri__isnull=False).values_list("uri", "id"))
    by_key.update(Occupation.objects.values_list("code", "id"))
    values: dict[int, float] = {}
    unknown = 0
    try:
        for row in reader:
            line = reader.line_num
            raw = (row.get(column) or "").strip()
            try:
                value = float(raw)
            except ValueError:
                raise IndicatorError(
                    f"{path.name}, regel {line}: '{raw}' in kolom {column} is geen getal"
                ) from None
            if not math.isfinite(value):
                raise IndicatorError(f"{path.name}, regel {line}: '{raw}' is geen eindig getal")
            occupation = by_key.get((row.get(key) or "").strip())
            if occupation is None:
                unknown += 1
            else:
                values[occupation] = value
    except csv.Error as exc:
        raise IndicatorError(f"{path.name}, regel {reader.line_num}: onleesbare regel ({exc})") from exc
    if not values:
        raise IndicatorError(f"{path.name}: geen enkele regel hoort bij een bekend beroep")

    with transaction.atomic():
        indicator, _ = Indicator.objects.update_or_create(
            name=name,
            defaults={"label": label or name, "source": source or path.name, "exposure": exposure},
        )
        indicator.values.all().delete()
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, occupation_id=occupation, value=value)
            for occupation, value in values.items()
        )
        TaxonomyChange.objects.create(kind="indicator", summary={"name": name, "values": len(values)})
    return IndicatorReport(name=name, imported=len(values), unknown=unknown)
