"""What ``klantreis evidence import --kind events`` and ``klantreis paths`` do, on
project files. The import saves through :func:`klantreis.projectfile.save_merged`
(locked, merged with what others saved since); bad input leaves the file as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..evidence.storing import store_import
from ..evidence.texts import TEXTS as EVIDENCE_TEXTS
from ..messages import number
from ..projectfile import load, open_project, save_merged
from .importing import read_events
from .stored import stored_paths
from .texts import TEXTS, text

PathLike = str | os.PathLike[str]

#: The keys ``klantreis paths --json`` prints, in this order.
JSON_KEYS = ("cases", "rows_read", "unreadable", "duplicates", "unmapped", "touchpoints", "follows",
             "variants", "other_variants", "deviations")  # fmt: skip


def import_events_file(
    project: PathLike,
    log: PathLike,
    mapping: PathLike | None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    max_mb: float | None = None,
    scheduler: str | None = None,
) -> str:
    """Import the event log ``log`` into the project file and save it; returns the
    summary in the project's language. ``scheduler``: tally it on that Dask cluster."""
    journey, project_file = open_project(project)
    result = read_events(
        journey, Path(log), Path(mapping) if mapping else None, source, persona, scenario, max_mb=max_mb,
        scheduler=scheduler,
    )  # fmt: skip
    summary = store_import(journey, result)
    save_merged(journey, project_file)
    return summary.report(journey.language)


def show_paths(
    project: PathLike,
    persona: str | None = None,
    scenario: str | None = None,
    source: str | None = None,
    as_json: bool = False,
    language: str | None = None,
) -> str:
    """The stored paths of one persona and scenario, as a readable table (in
    ``language``, default the project's) or (``as_json``) one JSON object with the keys
    of :data:`JSON_KEYS`."""
    journey = load(project)
    record, figures = stored_paths(journey, persona, scenario, source)
    if as_json:
        return json.dumps({k: figures[k] for k in JSON_KEYS}, ensure_ascii=False, indent=2)
    persona = persona or journey.ids("personas")[0]
    head = {"persona": persona, "scenario": record["paths"]["scenario"], "source": record["id"],
            "period": record.get("period") or "–"}  # fmt: skip
    return paths_table(figures, language or journey.language, **head)


def paths_table(figures: dict[str, Any], language: str, **head: Any) -> str:
    """The figures as lines of text: head, touchpoints, deviations, variants, unmapped."""
    t = lambda code, **kw: text(code, language, **kw)  # noqa: E731
    cases = figures["cases"]
    read = EVIDENCE_TEXTS.counted("row", figures["rows_read"], language)
    lines = [t("head", cases=TEXTS.counted("case", cases, language), rows=read, **head), ""]
    header = [t("col_touchpoint"), t("col_reached"), t("col_share"), t("col_median"), t("col_p90")]
    rows = [
        [tp["id"], str(tp["reached"]), f"{number(100 * tp['share'], language, 0)}%",
         _hours(tp["median_hours_to_next"], language), _hours(tp["p90_hours_to_next"], language)]
        for tp in figures["touchpoints"]
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    lines += ["", t("deviations") + ":"]
    for name, count in figures["deviations"].items():
        share = f"{number(100 * count / cases, language, 0)}%" if cases else "–"
        lines.append(f"  {t('class_' + name)}: {count} ({share})")
    lines += ["", t("variants") + ":"]
    for variant in figures["variants"]:
        lines.append(f"  {variant['cases']:>6}  {' → '.join(variant['path'])}")
    other = figures.get("other_variants") or {}
    if other.get("variants"):
        lines.append(
            "  "
            + t(
                "other_variants",
                variants=other["variants"],
                cases=TEXTS.counted("case", other["cases"], language),
            )
        )
    if figures["unmapped"]:
        lines += ["", t("unmapped") + ":"]
        for event, count in list(figures["unmapped"].items())[:10]:
            lines.append(f"  {count:>6}  {event}")
    return "\n".join(lines)


def _hours(value: float | None, language: str) -> str:
    return "–" if value is None else number(value, language, 1)
