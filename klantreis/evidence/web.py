"""Analytics exports: visits per persona × touchpoint (or phase).

One row per page or event, with a count (optional: each row counts once) and an optional
date. The mapping's ``pages`` turns page names into touchpoints by exact name or by a
glob (``/abonnementen*``); pages it does not map are listed with their visits.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..model import Journey
from . import values
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


def read_web(
    journey: Journey,
    path: str | Path,
    mapping: MappingArg = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    imported: str | None = None,
) -> EvidenceImport:
    """Read an analytics export (CSV or .xlsx: page or event, count, optional date)
    into ``visits`` counts. Counts such as "1.234" are read as thousands. The other
    arguments work as in :func:`read_survey`."""
    ctx = prepare("web", journey, path, mapping, source, persona, scenario, imported)
    require(ctx.columns, "page", ctx.file, ctx.language)
    rows = read_roles(ctx, ["page", "count", "date", "persona"], text_roles=("count",))
    units = Units.per_row(rows)
    counts = ctx.read.get("count")
    if counts is None:
        units.value = np.ones(rows)
    else:
        units.value = counts.lookup([values.count(v) for v in counts.values], None, float)
        units.mark(np.isnan(units.value), "invalid_count")
    page = ctx.read["page"]
    ok = page.codes >= 0
    visits = np.bincount(page.codes[ok], weights=np.nan_to_num(units.value[ok]), minlength=len(page.values))
    units.target, codes = targets_per_row(ctx, "page", "pages", "unmapped_page", strict=False, weights=visits)
    units.mark_codes(codes)
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    units.mark(bad_dates, "invalid_date")
    units.persona, codes = personas_per_row(ctx, rows)
    units.mark_codes(codes)
    mark_outside_journey(ctx, units)
    evidence = count_records(ctx, group_keys(ctx, units), "visits", units.value[units.usable])
    return finish(ctx, units, rows, dates, evidence)
