"""Results as plain data, shared by the CLI and the HTTP endpoints so both say exactly the same."""

from wendbaar.explore.engine import Loaded
from wendbaar.matching import Match, Rise


def match_summary(loaded: Loaded, match: Match) -> dict:
    """The CLI contract's fields: uri, label, score, match, shared and missing skill URIs."""
    keys = loaded.engine.snapshot.skill_keys
    return {
        "uri": match.key,
        "label": match.label,
        "score": match.score,
        "match": match.match,
        "shared": [keys[s] for s in match.shared],
        "missing": [keys[s] for s in match.missing],
    }


def match_detail(loaded: Loaded, match: Match) -> dict:
    """Everything a page needs to explain a result."""
    labels = loaded.engine.snapshot.skill_labels
    keys = loaded.engine.snapshot.skill_keys
    detail = match_summary(loaded, match) | {
        "reason": match.reason,
        "coverage": match.coverage,
        "essential_held": match.essential_held,
        "essential_total": match.essential_total,
        "shared_skills": [{"uri": keys[s], "label": labels[s]} for s in match.shared],
        "missing_skills": [
            {"uri": keys[s], "label": labels[s], "gain": gain}
            for s, gain in zip(match.missing, match.gains, strict=True)
        ],
        "exposure": None,
    }
    if match.exposure:
        e = match.exposure
        detail["exposure"] = {
            "indicator": e.indicator,
            "label": e.label,
            "source": e.source,
            "origin": e.origin,
            "destination": e.destination,
            "safer": e.safer,
            "text": e.text,
        }
    return detail


def rise_detail(loaded: Loaded, rise: Rise) -> dict:
    keys = loaded.engine.snapshot.skill_keys
    return {
        "uri": rise.key,
        "label": rise.label,
        "before": rise.before,
        "after": rise.after,
        "delta": rise.delta,
        "skills": [keys[s] for s in rise.newly_shared],
    }
