"""Analytics exports: visits per persona × touchpoint (or phase).

One row per page or event, with a count (optional: each row counts once) and an optional
date. The mapping's ``pages`` turns page names into touchpoints by exact name or by a
glob (``/abonnementen*``); pages it does not map are listed with their visits.
"""

from __future__ import annotations

import numpy as np

from . import values
from .columns import require
from .context import ImportContext, place, read_roles, reader
from .records import EvidenceImport, count_records, finish, group_keys
from .units import Units


def _read_web(ctx: ImportContext) -> EvidenceImport:
    """Read an analytics export (page or event, count, optional date and persona) into
    ``visits`` counts. Pages map through the mapping's ``pages`` (exact names first,
    then globs in order) or equal a touchpoint or phase id; counts such as "1.234" are
    thousands; unmapped pages are listed with their visits.
    """
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
    dates = place(ctx, units, rows, "page", "pages", "unmapped_page", strict=False, weights=visits)
    evidence = count_records(ctx, group_keys(ctx, units), "visits", units.value[units.usable])
    return finish(ctx, units, rows, dates, evidence)


read_web = reader("web", _read_web)
