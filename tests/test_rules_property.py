"""One place for each rule: the same random record is offered to the model (``add``)
and to validation (a project file holding it); both accept it or both refuse it."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis import JourneyError, to_dict
from klantreis.fields import TABLES
from klantreis.validation import journey_from_data
from tests.conftest import build_small_journey

IDS = ["toerist", "forens", "orientatie", "huren", "current", "gewenst", "balie", "website", "o1"]
odd = st.sampled_from(["", " ", "x y", "café", "a/b", "Nieuw", "ja", "true", "😄", "=1+1", "3"])
slug_like = st.one_of(st.sampled_from(IDS), st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), odd)
value = st.one_of(
    slug_like,
    st.text(max_size=12),
    st.integers(-2, 8),
    st.booleans(),
    st.none(),
    st.sampled_from(["zeer negatief", "positief", "😠", "blij", "main", "side", "hoofd", 2.0, 4.5]),
    st.lists(st.text(max_size=5), max_size=2),
)


@st.composite
def records(draw: Any) -> tuple[str, dict[str, Any]]:
    table = draw(st.sampled_from(["phases", "personas", "scenarios", "touchpoints", "opportunities"]))
    fields = TABLES[table].names
    chosen = draw(st.lists(st.sampled_from([*fields, "onbekend"]), unique=True, max_size=6))
    record = {name: draw(slug_like if name in ("id", "persona", "scenario", "phase", "touchpoint") else value)
              for name in chosen}  # fmt: skip
    for required in (f for f in TABLES[table].fields if f.required):
        if draw(st.integers(0, 9)) > 0:  # mostly there, sometimes missing
            record.setdefault(required.name, draw(slug_like))
    return table, record


def _model_accepts(table: str, record: dict[str, Any]) -> bool:
    journey = build_small_journey()
    try:
        journey.add(table, record)
    except JourneyError:
        return False
    return True


def _validation_accepts(table: str, record: dict[str, Any]) -> bool:
    data = to_dict(build_small_journey())
    data[table] = [*data[table], record]
    try:
        journey_from_data(data)
    except JourneyError:
        return False
    return True


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_the_model_and_validation_agree_on_every_record(offer: tuple[str, dict[str, Any]]) -> None:
    table, record = offer
    assert _model_accepts(table, record) == _validation_accepts(table, record), offer


def test_the_examples_offer_both_kinds() -> None:
    """The strategy reaches accepted and refused records alike (else the test is empty)."""
    accepted = _model_accepts("touchpoints", {"id": "nieuw", "persona": "forens", "phase": "huren",
                                              "name": "Nieuw", "emotion": "positief"})  # fmt: skip
    refused = _model_accepts("touchpoints", {"id": "nieuw", "persona": "niemand", "phase": "huren",
                                             "name": "Nieuw"})  # fmt: skip
    assert accepted and not refused
    assert _validation_accepts("touchpoints", {"id": "nieuw", "persona": "forens", "phase": "huren",
                                               "name": "Nieuw", "emotion": "positief"})  # fmt: skip
