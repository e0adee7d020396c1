"""Views of a journey grouped by a choice field the template adds: the options as rows,
the phases as columns, the touchpoints in the cells. Plain HTML, no JavaScript.

- A persona field (Flanders' "end user or partner") sets whole journeys side by side:
  the users' touchpoints in one row, the partners' in the next, each named with its
  persona, so a team sees through which channels each kind meets the innovation.
- A touchpoint field (Michels' Touch, Tell, Sell or Care) groups one journey's
  touchpoints by their role, so the team sees whether the mix per phase is right.

A template asks for such a view with ``group: true`` on the field; see
:func:`grouped_fields`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..errors import JourneyError
from ..messages import Catalog
from ..model import Journey
from ..template_fields import CHOICE, TemplateField
from ._common import names_of, select_series, series_rows, text_of
from ._texts import texts

TEXTS = Catalog("charts.grouped", {
    "no_field": (
        "het sjabloon heeft geen keuzeveld {id!r} bij persona's of touchpoints; wel: {known}",
        "the template has no choice field {id!r} for personas or touchpoints; known: {known}",
    ),
})  # fmt: skip

GROUPED_CSS = """
.kr-grouped { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 12px; color: #222; }
.kr-grouped table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.kr-grouped th, .kr-grouped td { border: 1px solid #d0d0d0; padding: .35em .45em; vertical-align: top;
  text-align: left; overflow-wrap: break-word; }
.kr-grouped thead th { background: #f2f2f2; }
.kr-grouped tbody th { background: #fafafa; width: 11em; }
.kr-grouped ul { margin: 0; padding-left: 1.1em; }
.kr-grouped .kr-who { font-weight: bold; margin-top: .3em; }
.kr-grouped .kr-channel { color: #666; }
.kr-grouped .kr-empty { color: #666; }
"""


def grouped_fields(journey: Journey) -> list[TemplateField]:
    """The choice fields of the journey's template that ask for a grouped view."""
    if journey.template_fields is None:
        return []
    return [f for f in journey.template_fields if f.group and f.kind == CHOICE and f.table != "phases"]


@dataclass
class GroupedView:
    """A phases x options table of touchpoints (see the module text). ``rows`` are
    ``(option id, label)``; ``cells`` maps ``(option id or "", phase id)`` to the
    touchpoints shown there in journey order, as ``(name, channel, persona name)`` (the
    persona empty unless journeys are set side by side; then each persona's touchpoints
    stand together under its name)."""

    journey: Journey = field(repr=False)
    field: TemplateField
    title: str
    rows: list[tuple[str, str]]
    cells: dict[tuple[str, str], list[tuple[str, str, str]]]

    def html_fragment(self) -> str:
        """The table as an HTML fragment with its (scoped) CSS; all text escaped."""
        journey = self.journey
        phases = journey.ids("phases")
        names = names_of(journey, "phases")
        head = "".join(f"<th scope='col'>{escape(names[p])}</th>" for p in phases)
        body = []
        for value, label in self.rows:
            cells = []
            for pid in phases:
                cells.append(f"<td>{_cell(self.cells.get((value, pid), []))}</td>")
            body.append(f"<tr><th scope='row'>{escape(label)}</th>{''.join(cells)}</tr>")
        return (
            f"<style>{GROUPED_CSS}</style>\n<div class='kr-grouped'><h3>{escape(self.title)}</h3>\n"
            f"<table><thead><tr><th></th>{head}</tr></thead>\n<tbody>{''.join(body)}</tbody></table></div>"
        )

    def _repr_html_(self) -> str:
        return self.html_fragment()


def grouped_view(
    journey: Journey, field_id: str, persona: str | None = None, scenario: str | None = None
) -> GroupedView:
    """The grouped view of the template's choice field ``field_id``.

    For a persona field: every persona's journey in ``scenario`` (default the first),
    side by side by the persona's option. For a touchpoint field: the journey of
    ``persona`` in ``scenario`` (default the first of each), grouped by the touchpoint's
    option. Rows without an option chosen come last, as "(not filled in)"."""
    declared = [f for f in (journey.template_fields or ()) if f.id == field_id and f.kind == CHOICE]
    if not declared or declared[0].table == "phases":
        known = ", ".join(f.id for f in grouped_fields(journey)) or "-"
        raise JourneyError(TEXTS.msg("no_field", id=field_id, known=known), language=journey.language)
    spec = declared[0]
    t, lang = texts(journey), journey.language
    scenario = scenario or journey.default_scenario
    if spec.table == "personas":
        pairs = select_series(journey, None, scenario)
        option_of = {p["id"]: (p["extra"] or {}).get(field_id, "") for p in journey.records("personas")}
        persona_names = names_of(journey, "personas")
    else:
        pairs = select_series(journey, persona or next(iter(journey.ids("personas")), None), scenario)
    cells: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for row in series_rows(journey, pairs):
        who = ""
        if spec.table == "personas":
            value = option_of.get(row["persona"], "")
            who = persona_names.get(row["persona"], row["persona"])
        else:
            value = (row["extra"] or {}).get(field_id, "")
        item = (text_of(row["name"]), text_of(row["channel"]), who)
        cells.setdefault((value, row["phase"]), []).append(item)
    rows = [(o.id, o.text(lang)) for o in spec.options]
    if any(value == "" for value, _ in cells):
        rows.append(("", t["not_filled_in"]))
    title = spec.name(lang)
    if spec.table == "personas":
        title = t["side_by_side"].format(field=title)
    return GroupedView(journey, spec, title, rows, cells)


def _cell(items: list[tuple[str, str, str]]) -> Markup:
    """A cell's touchpoints (with their channel), grouped under each persona's name."""
    out = Markup("")
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for item in items:
        groups.setdefault(item[2], []).append(item)
    for who, mine in groups.items():
        if who:
            out += Markup("<div class='kr-who'>") + escape(who) + Markup("</div>")
        lines = Markup("").join(Markup("<li>") + escape(name) + _channel(channel) + Markup("</li>")
                                for name, channel, _ in mine)  # fmt: skip
        out += Markup("<ul>") + lines + Markup("</ul>")
    return out


def _channel(channel: str) -> Markup:
    if not channel:
        return Markup("")
    return Markup(" <span class='kr-channel'>· ") + escape(channel) + Markup("</span>")
