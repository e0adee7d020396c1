"""Contact-centre logs: the number of calls per persona × touchpoint (or phase).

One row per call, with a call reason and usually a date. The mapping's ``reasons`` turns
reasons into touchpoints or phases; reasons it does not map are skipped and listed with
their counts, so no call disappears without a trace.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Journey
from .columns import require
from .context import (
    MappingArg,
    dates_per_row,
    mark_outside_journey,
    personas_per_row,
    prepare,
    read_roles,
    targets_per_row,
)
from .records import EvidenceImport, count_records, finish, group_keys
from .units import Units


def read_calls(
    journey: Journey,
    path: str | Path,
    mapping: MappingArg = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    imported: str | None = None,
) -> EvidenceImport:
    """Read a call log (CSV or .xlsx, one row per call) into ``calls`` counts.

    Reasons map through the mapping's ``reasons`` (to a touchpoint id or
    ``{phase: id}``) or equal a touchpoint or phase id; other reasons are skipped and
    listed in the summary. The other arguments work as in :func:`read_survey`.
    """
    ctx = prepare("calls", journey, path, mapping, source, persona, scenario, imported)
    require(ctx.columns, "reason", ctx.file, ctx.language)
    rows = read_roles(ctx, ["reason", "date", "persona"])
    units = Units.per_row(rows)
    units.target, codes = targets_per_row(ctx, "reason", "reasons", "unmapped_reason", strict=False)
    units.mark_codes(codes)
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    units.mark(bad_dates, "invalid_date")
    units.persona, codes = personas_per_row(ctx, rows)
    units.mark_codes(codes)
    mark_outside_journey(ctx, units)
    evidence = count_records(ctx, group_keys(ctx, units), "calls")
    return finish(ctx, units, rows, dates, evidence)
