"""One plain-Dutch sentence per result, for people who are not digital natives."""


def _names(labels: list[str], count: int = 2) -> str:
    chosen = [f"‘{label}’" for label in labels[:count]]
    return " en ".join(chosen) if len(chosen) <= 2 else ", ".join(chosen[:-1]) + " en " + chosen[-1]


def reason(
    essential_held: int, essential_total: int, shared: list[str], missing: list[str], same_group: bool
) -> str:
    related = " Het is verwant werk in dezelfde beroepsgroep." if same_group else ""
    if essential_total == 0:
        return f"Voor dit werk zijn geen essentiële vaardigheden vastgelegd.{related}".strip()
    if not missing:
        return f"Je hebt alle {essential_total} essentiële vaardigheden al, zoals {_names(shared)}.{related}"
    if essential_held == 0:
        return f"Dit werk vraagt andere vaardigheden dan je nu hebt; begin bij {_names(missing)}.{related}"
    return (
        f"Je hebt al {essential_held} van de {essential_total} essentiële vaardigheden, zoals "
        f"{_names(shared)}; je mist vooral {_names(missing, 1)}.{related}"
    )


def exposure(label: str, source: str, safer: bool, equal: bool) -> str:
    if equal:
        return f"Volgens {source} is dit werk even gevoelig voor {label} als je huidige werk."
    if safer:
        return f"Veiliger: volgens {source} is dit werk minder gevoelig voor {label} dan je huidige werk."
    return f"Volgens {source} is dit werk gevoeliger voor {label} dan je huidige werk."
