"""Checks the forms make before they change the journey, so the usual refusals are
said in plain words in the form's language: a name that is already taken, a code
that will not do, a removal that something else depends on.

Each check returns the refusal text, or ``None`` when the change may go ahead; the
model still checks everything itself.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..fields import SLUG_RE, slugify
from ..model import Journey
from .removal import OWNERS, owned_touchpoints
from .texts import short, tr

#: Tables whose records people tell apart by name: a name may be used once.
NAMED = ("personas", "phases", "scenarios")


def name_key(name: str) -> str:
    """What a name is compared by: case and extra spaces do not count."""
    return " ".join(name.split()).casefold()


def thing(table: str, language: str) -> str:
    """What one record of ``table`` is called ("persona", "fase", "kans", ...)."""
    return tr(f"thing_{table}", language)


def name_problem(
    journey: Journey, table: str, name: str, language: str, own_id: str | None = None
) -> str | None:
    """Refuse a persona, phase or scenario name that another one already has."""
    if table not in NAMED:
        return None
    for item_id in journey.ids(table):
        if item_id != own_id and name_key(journey.name_of(table, item_id)) == name_key(name):
            return tr("name_taken", language, thing=thing(table, language), name=name)
    return None


def code_problem(
    table: str, code: str, taken: Iterable[str], language: str
) -> str | None:
    """Refuse a typed code (id) that is not usable or already taken."""
    if not SLUG_RE.match(code):
        return tr("code_bad", language, code=code, example=slugify(code))
    if code in set(taken):
        return tr("code_taken", language, code=code, other=tr(f"other_{table}", language))
    return None


def removal_problem(
    journey: Journey, table: str, item_id: str, language: str,
    where: tuple[str, str] | None = None,
) -> str | None:  # fmt: skip
    """Refuse removing a record that something else still needs: the last scenario,
    a phase with touchpoints or opportunities, or touchpoints an opportunity is
    linked to (that no other journey has)."""
    name = journey.name_of(table, item_id) if table in NAMED else item_id
    if table == "scenarios" and len(journey.scenarios) == 1:
        return tr("last_scenario", language)
    if table == "phases":
        for frame, key in ((journey.touchpoints, "phase_in_use"),
                           (journey.opportunities, "phase_has_opportunities")):
            count = int((frame["phase"] == item_id).sum())
            if count:
                return tr(key, language, name=name, count=count)
        return None
    tps = journey.touchpoints
    if table in OWNERS:
        going = owned_touchpoints(journey, table, item_id)
    elif table == "touchpoints" and where is not None:
        going = tps[(tps["id"] == item_id) & (tps["persona"] == where[0])
                    & (tps["scenario"] == where[1])]  # fmt: skip
    else:
        return None
    staying = set(tps.drop(index=going.index)["id"])
    names = dict(zip(going["id"], going["name"], strict=True))
    for _, opportunity in journey.opportunities.iterrows():
        linked = "" if pd.isna(opportunity["touchpoint"]) else str(opportunity["touchpoint"])
        if linked in names and linked not in staying:
            return tr("opportunity_refers", language,
                      opportunity=short(str(opportunity["description"]), 50),
                      touchpoint=names[linked])  # fmt: skip
    return None
