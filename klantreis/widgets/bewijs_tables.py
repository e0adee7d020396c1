"""The tables of step 8 (bewijs): the first rows of a chosen file, the result of an
import and the sources of the project, as HTML with column headers and names (not
codes), in the step's proportional font. Every value from a file is escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

from ..evidence.metric_figures import labelled, metric_figures
from ..evidence.records import Summary
from ..evidence.storing import SourceInfo
from ..evidence.texts import text as evidence_text
from ..evidence.wording import kind_label
from ..model import Journey
from .bewijs_texts import bt
from .record_list import named_items, touchpoint_items

#: Cells with room and lines between them; long words wrap at a word's end where
#: they can, and only then inside it.
TABLE_STYLE = (
    "<style>.kr-table{border-collapse:collapse;max-width:100%;margin:4px 0 8px;"
    "font-family:var(--jp-ui-font-family,sans-serif);font-size:var(--jp-ui-font-size1,13px)}"
    ".kr-table th,.kr-table td{border:1px solid "
    "var(--jp-border-color2,#ddd);padding:3px 8px;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word;word-break:normal}.kr-table th{background:var(--jp-layout-color2,#f3f3f3)}"
    ".kr-table td.kr-num{text-align:right;white-space:nowrap}</style>"
)


def table(head: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[int] = ()) -> str:
    """An HTML table with header ``head``; the cells of the columns ``numeric`` align right."""
    top = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="kr-num">{html.escape(str(v))}</td>'
            if i in numeric
            else f"<td>{html.escape(str(v))}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'{TABLE_STYLE}<table class="kr-table"><tr>{top}</tr>{body}</table>'


def preview_html(frame: pd.DataFrame, title: str) -> str:
    """The first rows of a chosen file, under ``title``."""
    rows = [["" if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]
    return (
        f"<b>{html.escape(title)}</b><div style='overflow-x:auto;max-width:100%'>"
        f"{table([str(c) for c in frame.columns], rows)}</div>"
    )


def _names(journey: Journey, table_name: str, ids: Iterable[str]) -> str:
    """The names of ``ids`` in ``table_name`` (a code where a name repeats)."""
    items = touchpoint_items(journey) if table_name == "touchpoints" else named_items(journey, table_name)
    names = {key: name for name, key in items}
    return ", ".join(names.get(i, i) for i in ids)


def result_html(summary: Summary, journey: Journey, language: str) -> str:
    """What an import read, skipped and covered, as a two-column table with names."""
    if summary.kind == "events":
        return events_html(summary, journey, language)
    unit = evidence_text("unit_answers" if summary.kind == "survey" else "unit_rows", language)
    skipped = ", ".join(f"{n} {evidence_text(f'reason_{r}', language)}" for r, n in summary.skipped.items())
    covered = _names(journey, "touchpoints", summary.touchpoints)
    if summary.phases:
        phases = _names(journey, "phases", summary.phases)
        covered = f"{covered}; {bt('phase', language, name=phases)}" if covered else phases
    rows = [
        (bt("r_file", language), f"{summary.file} ({kind_label(summary.kind, journey.template, language)})"),
        (bt("r_source", language), summary.source),
        (bt("r_read", language), f"{summary.rows_read - summary.rows_skipped} / {summary.rows_read}"),
        (bt("r_skipped", language, unit=unit), skipped or "–"),
        (bt("r_covered", language), covered or "–"),
        (bt("persona", language), _names(journey, "personas", summary.personas) or "–"),
        (bt("scenario", language), _names(journey, "scenarios", [summary.scenario])),
    ]
    for column, counts in summary.unmapped.items():
        values = ", ".join(f"{v} ({n:g})" for v, n in counts.items())
        rows.append((bt("r_unmapped", language, column=column), values))
    rows += metric_rows(summary, journey, language)
    return table([bt("r_what", language), bt("r_value", language)], rows)


def events_html(summary: Summary, journey: Journey, language: str) -> str:
    """What an event log's import read: rows, what was skipped, the customer journeys
    (cases) per persona, the touchpoints observed and the events not on the map."""
    from ..paths.texts import text as paths_text

    skipped = ", ".join(f"{n} {paths_text(f'skip_{r}', language)}" for r, n in summary.skipped.items())
    rows = [
        (bt("r_file", language), f"{summary.file} ({kind_label(summary.kind, journey.template, language)})"),
        (bt("r_source", language), summary.source),
        (bt("r_read", language), f"{summary.rows_read - summary.rows_skipped} / {summary.rows_read}"),
        (bt("r_skipped", language, unit=evidence_text("unit_rows", language)), skipped or "–"),
        (bt("r_covered", language), _names(journey, "touchpoints", summary.touchpoints) or "–"),
    ]
    for persona, cases in getattr(summary, "cases", {}).items():
        rows.append((bt("r_cases", language, persona=_names(journey, "personas", [persona])), str(cases)))
    unmapped = getattr(summary, "events_unmapped", {})
    if unmapped:
        listed = ", ".join(f"{e} ({n})" for e, n in sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0])))
        rows.append((bt("r_not_on_map", language), listed))
    return table([bt("r_what", language), bt("r_value", language)], rows)


def metric_rows(summary: Summary, journey: Journey, language: str) -> list[tuple[str, str]]:
    """The NPS, CSAT and CES figures the import stored, per persona, each with where it
    belongs, n and its interval (as the report says them)."""
    rows = []
    for persona in summary.personas:
        name = _names(journey, "personas", [persona])
        for figure in metric_figures(journey, persona, summary.scenario, summary.source):
            rows.append((bt("r_metric", language, persona=name), labelled(figure, language)))
    return rows


def sources_html(sources: Sequence[SourceInfo], language: str, template_id: str | None = None) -> str:
    """The project's evidence sources with headers ('' when there are none); each kind
    named in the words of the journey's template (``template_id``)."""
    if not sources:
        return ""
    head = [bt(k, language) for k in ("s_source", "kind", "s_period", "s_rows", "s_figures", "s_quotes")]
    rows = [
        (s.id, kind_label(s.kind, template_id, language), (s.period or "–").replace("/", " – "),
         f"{s.rows_read - s.rows_skipped}/{s.rows_read}", s.figures, s.quotes)
        for s in sources
    ]  # fmt: skip
    return table(head, rows, numeric=(3, 4, 5))
