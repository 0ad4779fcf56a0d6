"""The inzicht dashboards: filters in a GET form, SVG charts with their numbers beside them, and a CSV of
exactly what the page shows. What a count may show is decided in ``suppression.py``, never here."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wendbaar.core.charts import bar_chart
from wendbaar.insight import queries
from wendbaar.insight.forms import FilterForm
from wendbaar.insight.groups import NATIONAL, Groups, municipality_node
from wendbaar.insight.queries import Figure, Filters
from wendbaar.insight.rules import own_municipalities
from wendbaar.insight.suppression import Count


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    intro: str
    figures: tuple[str, ...]


DASHBOARDS = {
    board.slug: board
    for board in [
        Dashboard(
            "vaardigheden",
            gettext_lazy("Vaardigheden"),
            gettext_lazy(
                "Welke vaardigheden de mensen in de publieksdiensten hebben, hoe digitaal hun profiel is en "
                "hoe gevoelig hun huidige werk is."
            ),
            ("bevolking", "vaardigheden", "soorten", "digitaal", "blootstelling"),
        ),
        Dashboard(
            "overstappen",
            gettext_lazy("Overstappen en leren"),
            gettext_lazy(
                "Welk werk mensen verkennen en bewaren, en welke vaardigheden ze daarvoor nog missen."
            ),
            ("verkend", "bewaard", "ontbrekend"),
        ),
        Dashboard(
            "bijeenkomsten",
            gettext_lazy("Bijeenkomsten"),
            gettext_lazy("Hoeveel mensen een plaats hadden bij bijeenkomsten, per regio."),
            ("bijeenkomsten",),
        ),
        Dashboard(
            "kansen",
            gettext_lazy("Kansen"),
            gettext_lazy("Wat organisaties per sector vragen, en hoeveel mensen dat in huis hebben."),
            ("kansen",),
        ),
        Dashboard(
            "trends",
            gettext_lazy("Per maand"),
            gettext_lazy("Hoe het gebruik van wendbaar zich door het jaar ontwikkelt."),
            ("trends",),
        ),
    ]
}


def _allowed(user, groups: Groups) -> list[str] | None:
    """None: every group (programme team); otherwise the user's own municipalities. 403 for others."""
    if user.has_perm("insight.view_national"):
        return None
    nodes = [municipality_node(i) for i in own_municipalities(user)]
    nodes = [
        n for n in nodes if n in groups.labels and user.has_perm("insight.view_municipality", int(n[2:]))
    ]
    if not nodes:
        raise PermissionDenied
    return nodes


def _charts(figure: Figure) -> list:
    """One bar chart per column of people; each bar reads as its table cell does."""
    charts = []
    for i, column in enumerate(figure.columns):
        if not any(isinstance(row.values[i], Count) for row in figure.rows):
            continue
        rows = [
            (row.label, row.values[i].shown or 0 if isinstance(row.values[i], Count) else 0)
            for row in figure.rows
        ]
        # The section above the chart carries the figure's title; the caption says what the bars count.
        title = figure.description if len(figure.columns) == 1 else column
        chart = bar_chart(f"{figure.name}-{i}", title, rows, description=f"{figure.title}: {title}")
        bars = [
            replace(bar, display=_display(row.values[i], row.share if figure.shares and i == 0 else None))
            for bar, row in zip(chart.bars, figure.rows, strict=True)
        ]
        charts.append(replace(chart, bars=bars))
    return charts


def _display(value, share: int | None = None) -> str:
    if isinstance(value, Count):
        text = value.label
        return f"{text} ({share}%)" if value.is_shown and share is not None else text
    return str(value)


def _filters(request, groups: Groups, allowed):
    default = NATIONAL if allowed is None else allowed[0]
    data = {"groep": default, "jaar": str(timezone.localdate().year), **request.GET.dict()}
    form = FilterForm(data, groups=groups, allowed=allowed)
    if not form.is_valid():
        return form, None
    return form, Filters(form.cleaned_data["groep"], int(form.cleaned_data["jaar"]))


@login_required
def dashboard(request, slug: str = "vaardigheden"):
    board = DASHBOARDS.get(slug)
    if board is None:
        raise Http404
    groups = Groups.load()
    allowed = _allowed(request.user, groups)
    form, filters = _filters(request, groups, allowed)
    figures, population, computed_at = [], None, None
    if filters is not None:
        # Every figure carries the group's population (the same count on each).
        kept = queries.kept_figures(board.figures, filters)
        figures, computed_at = kept.figures, kept.computed_at
        population = figures[0].population
    context = {
        "board": board,
        "boards": DASHBOARDS.values(),
        "form": form,
        "filters": filters,
        "group_label": groups.labels.get(filters.group) if filters else "",
        "population": population,
        "computed_at": computed_at,
        "figures": [
            {
                "figure": f,
                "charts": _charts(f),
                "table": [(row.label, [_display(value) for value in row.values]) for row in f.rows],
            }
            for f in figures
        ],
        "csv_query": request.GET.urlencode(),
        "is_national": allowed is None,
    }
    return render(request, "insight/dashboard.html", context, status=200 if filters else 400)


@login_required
def dashboard_csv(request, slug: str):
    board = DASHBOARDS.get(slug)
    if board is None:
        raise Http404
    groups = Groups.load()
    allowed = _allowed(request.user, groups)
    form, filters = _filters(request, groups, allowed)
    if filters is None:
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    figures = queries.kept_figures(board.figures, filters).figures
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"inzicht-{board.slug}-{filters.group.replace(':', '-')}-{filters.year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow([_("figuur"), _("groep"), _("jaar"), _("onderdeel"), _("kolom"), _("waarde")])
    group = groups.labels[filters.group]
    for figure in figures:
        if figure.population is not None:
            writer.writerow(
                [figure.title, group, filters.year, _("Mensen in deze groep"), "", figure.population.label]
            )
        for row in figure.rows:
            for column, value in zip(figure.columns, row.values, strict=True):
                writer.writerow([figure.title, group, filters.year, row.label, column, _display(value)])
            if figure.shares and row.share is not None:
                writer.writerow([figure.title, group, filters.year, row.label, _("aandeel (%)"), row.share])
    return response
