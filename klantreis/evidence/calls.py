"""Contact-centre logs: the number of calls per persona × touchpoint (or phase).

One row per call, with a call reason and usually a date. The mapping's ``reasons`` turns
reasons into touchpoints or phases; reasons it does not map are skipped and listed with
their counts, so no call disappears without a trace.
"""

from __future__ import annotations

from .columns import require
from .context import ImportContext, place, read_roles, reader
from .records import EvidenceImport, count_records, finish, group_keys
from .units import Units


def _read_calls(ctx: ImportContext) -> EvidenceImport:
    """Read a call log (one row per call: reason, date, optional persona) into ``calls``
    counts. Reasons map through the mapping's ``reasons`` (to a touchpoint id or
    ``{phase: id}``) or equal a touchpoint or phase id; other reasons are skipped and
    listed in the summary with their counts.
    """
    require(ctx.columns, "reason", ctx.file, ctx.language)
    rows = read_roles(ctx, ["reason", "date", "persona"])
    units = Units.per_row(rows)
    dates = place(ctx, units, rows, "reason", "reasons", "unmapped_reason", strict=False)
    return finish(ctx, units, rows, dates, count_records(ctx, group_keys(ctx, units), "calls"))


read_calls = reader("calls", _read_calls)
