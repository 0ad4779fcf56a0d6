"""Server-rendered SVG bar charts. Every chart comes with its numbers as a table beside it, so nothing is
shown only as a picture; the SVG itself is marked as an image with a title and description."""

from dataclasses import dataclass

BAR_HEIGHT = 28
GAP = 10
LABEL_WIDTH = 220
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    unit: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def total_width(self) -> int:
        return self.label_width + self.bar_width + 70


def bar_chart(
    id: str,
    title: str,
    rows: list[tuple[str, float]],
    unit: str = "",
    maximum: float | None = None,
    description: str = "",
) -> BarChart:
    top = maximum if maximum is not None else max((value for _label, value in rows), default=0)
    bars = []
    for i, (label, value) in enumerate(rows):
        width = 0 if not top else round(BAR_WIDTH * value / top)
        display = f"{value:g}{unit}"
        bars.append(Bar(label, value, display, i * (BAR_HEIGHT + GAP), width))
    return BarChart(id, title, description or title, unit, bars, max(len(rows), 1) * (BAR_HEIGHT + GAP))
