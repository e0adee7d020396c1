"""The journey model: a project's title, goal, scope, scale and review, and its tables
(phases, personas, scenarios, touchpoints, opportunities), kept consistent by the
methods below. Pure: no file or network I/O, no templates (see
:mod:`klantreis.fileformat` and :mod:`klantreis.templates`).

The tables are kept as records in a :class:`~klantreis.store.TableStore`; reading
``journey.touchpoints`` gives them as a pandas DataFrame with fixed columns and
dtypes. Change them through the methods (``add_touchpoint``, ``update_phase``, ...),
which refuse a change that would make the journey inconsistent, with a message in
the project's language.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

import pandas as pd

from .errors import JourneyError
from .fields import TABLES
from .frames import frame_from_records, record_from_row
from .messages import LANGUAGES, Catalog
from .named_changes import NamedChanges
from .scale import Scale, ScalePoint
from .store import Record, TableStore
from .template_fields import TemplateFields
from .views import journey_frame, journey_opportunities, journey_pairs

__all__ = ["DEFAULT_SCENARIO", "LANGUAGES", "Journey", "Scale", "ScalePoint"]

#: The scenario of a project that names none.
DEFAULT_SCENARIO = "current"

TEXTS = Catalog("model", {
    "current": ("Huidige situatie", "Current situation"),
    "language": (
        "de taal moet een van {known} zijn, niet {value!r}",
        "language must be one of {known}, not {value!r}",
    ),
    "title": ("de titel mag niet leeg zijn", "the title may not be empty"),
    "text": ("{name} moet tekst zijn", "{name} must be text"),
    "last_scenario": (
        "een project heeft minstens één scenario nodig; voeg eerst een ander toe",
        "a project needs at least one scenario; add another one first",
    ),
    "scope_key": (
        "het bereik kent alleen start en end, niet {key!r}",
        "the scope has only start and end, not {key!r}",
    ),
})  # fmt: skip



def _ids(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _table_property(table: str) -> property:
    """``journey.<table>``: the records as a DataFrame; assigning a DataFrame (or a list
    of records) replaces them, checked like one ``add`` per record."""

    def get(self: Journey) -> pd.DataFrame:
        return self._store.frame(table)

    def put(self: Journey, frame: pd.DataFrame | list[Record]) -> None:
        rows = frame if isinstance(frame, list) else [
            record_from_row(table, row) for _, row in frame.iterrows()
        ]
        with self._speaking():
            self._store.replace_all(table, rows)

    return property(get, put, doc=f"The {table} as a DataFrame (change them through the methods).")


class Journey(NamedChanges):
    """A customer journey project: who, what, which phases, and every touchpoint."""

    #: How ``save`` writes a journey; provided by :mod:`klantreis.fileformat`, which
    #: sits above the model (the model itself does no I/O).
    saver: ClassVar[Any] = None

    def __init__(
        self,
        title: str,
        goal: str = "",
        language: str = "nl",
        template: str = "",
        scope: dict[str, str] | None = None,
        scale: Sequence[ScalePoint] | None = None,
        review: dict[str, Any] | None = None,
        template_fields: TemplateFields | None = None,
        **tables: pd.DataFrame | list[Record],
    ):
        if language not in LANGUAGES:
            raise JourneyError(TEXTS.msg("language", known=", ".join(LANGUAGES), value=language))
        self.language = language
        self.template = template
        self._title = ""
        self._goal = ""
        self._scope = {"start": "", "end": ""}
        self._review: dict[str, Any] = {"answers": {}, "notes": ""}
        self._store = TableStore(Scale(scale) if scale else Scale.default(language), template_fields)
        with self._speaking():
            self.set_title(title or "?")
            self.set_goal(goal)
            self.set_scope(**(scope or {}))
            if review:
                self.review = review
            for name in tables:
                if name not in TABLES:
                    raise TypeError(f"Journey() got an unexpected keyword argument {name!r}")
            for name in TABLES:
                if name in tables:
                    setattr(self, name, tables[name])
            if not self._store.records("scenarios"):
                self.add_scenario(DEFAULT_SCENARIO, TEXTS.text("current", language))

    # ------------------------------------------------------------- metadata
    @property
    def title(self) -> str:
        """The project's title."""
        return self._title

    @title.setter
    def title(self, value: str) -> None:
        self.set_title(value)

    def set_title(self, title: str) -> None:
        """Set the title; refused when empty."""
        text = self._text("title", title)
        if not text.strip():
            raise JourneyError(TEXTS.msg("title"), field="title", language=self.language)
        self._title = text

    @property
    def goal(self) -> str:
        """The goal of the exercise (step doel)."""
        return self._goal

    @goal.setter
    def goal(self, value: str) -> None:
        self.set_goal(value)

    def set_goal(self, goal: str) -> None:
        """Set the goal of the exercise."""
        self._goal = self._text("goal", goal)

    @property
    def scope(self) -> dict[str, str]:
        """Where the journey starts and ends: ``{"start": ..., "end": ...}`` (a copy)."""
        return dict(self._scope)

    @scope.setter
    def scope(self, value: dict[str, str]) -> None:
        self.set_scope(**value)

    def set_scope(self, start: str | None = None, end: str | None = None, **other: str) -> None:
        """Set where the journey starts and/or ends (None leaves a side as it is)."""
        for key in other:
            raise JourneyError(TEXTS.msg("scope_key", key=key), field="scope", language=self.language)
        for key, value in (("start", start), ("end", end)):
            if value is not None:
                self._scope = {**self._scope, key: self._text(key, value)}

    @property
    def review(self) -> dict[str, Any]:
        """The review: ``{"answers": {question id: text}, "notes": text}`` (a copy)."""
        return {"answers": dict(self._review["answers"]), "notes": self._review["notes"]}

    @review.setter
    def review(self, value: dict[str, Any]) -> None:
        answers = value.get("answers") or {}
        self._review = {
            "answers": {str(k): self._text(str(k), v) for k, v in answers.items()},
            "notes": self._text("notes", value.get("notes")),
        }

    def set_answer(self, question: str, text: str) -> None:
        """Store the answer to a review question of the template."""
        answers = {**self._review["answers"], str(question): self._text(question, text)}
        self._review = {**self._review, "answers": answers}

    def set_review_notes(self, notes: str) -> None:
        """Store the review's free notes."""
        self._review = {**self._review, "notes": self._text("notes", notes)}

    def _text(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, dict | list | tuple | bool):
            raise JourneyError(TEXTS.msg("text", name=name), field=name, language=self.language)
        return str(value)

    # ----------------------------------------------------------------- scale
    @property
    def scale(self) -> Scale:
        """The emotion scale, lowest score first."""
        return self._store.scale

    def score(self, value: Any) -> int | None:
        """The score for an emotion given as score, label or emoji (None when empty)."""
        with self._speaking():
            return self._store.coerce("touchpoints", {"emotion": value}, partial=True)["emotion"]  # type: ignore[no-any-return]

    def scale_point(self, score: Any) -> ScalePoint | None:
        """The scale point with this score, or None."""
        return self.scale.point(score)

    @property
    def template_fields(self) -> TemplateFields | None:
        """The fields the template adds to phases, personas and touchpoints, whose
        values records keep in ``extra`` (None: not known, any plain values are kept).
        Given when the journey is made, like the scale: the model looks up no template."""
        return self._store.template_fields

    # ---------------------------------------------------------------- tables
    @property
    def store(self) -> TableStore:
        """The table store behind the tables. Validation and the file format use it;
        change a journey through its methods, not through the store."""
        return self._store

    def records(self, table: str) -> list[Record]:
        """The records of ``table`` as dicts of stored values, in order (read only)."""
        return self._store.records(table)

    phases = _table_property("phases")
    personas = _table_property("personas")
    scenarios = _table_property("scenarios")
    touchpoints = _table_property("touchpoints")
    opportunities = _table_property("opportunities")
    sources = _table_property("sources")
    evidence = _table_property("evidence")
    quotes = _table_property("quotes")

    def ids(self, table: str) -> list[str]:
        """The ids of a table, in order (touchpoint ids may repeat across journeys)."""
        return list(self._store.ids(table))

    @property
    def default_scenario(self) -> str:
        """The id of the first scenario, used where a touchpoint names none."""
        return self._store.ids("scenarios")[0]

    def journey(self, persona: str | None = None, scenario: str | None = None) -> pd.DataFrame:
        """Touchpoints of one persona and scenario in journey order (phase order, then
        file order), with ``step``, ``phase_name``, ``phase_order`` and ``label`` columns.
        ``None`` means the first persona / scenario."""
        persona = persona or (self.ids("personas") or [""])[0]
        return journey_frame(
            self._store.records("touchpoints"), self._store.records("phases"), self.scale,
            persona, scenario or self.default_scenario,
        )  # fmt: skip

    def opportunities_of(self, persona: str | None = None, scenario: str | None = None) -> pd.DataFrame:
        """The opportunities of one journey (``None``: the first persona / scenario),
        in file order: its own and those open for every journey that has their
        touchpoint (see :func:`klantreis.views.journey_opportunities`)."""
        rows = journey_opportunities(
            self._store.records("opportunities"), self._store.records("touchpoints"),
            persona or (self.ids("personas") or [""])[0], scenario or self.default_scenario,
        )  # fmt: skip
        return frame_from_records("opportunities", rows)

    def journeys(self) -> list[tuple[str, str]]:
        """Every (persona, scenario) pair that has touchpoints, in persona then scenario order."""
        return journey_pairs(
            self._store.records("touchpoints"), self._store.ids("personas"), self._store.ids("scenarios")
        )

    def select(
        self,
        personas: str | Iterable[str] | None = None,
        scenarios: str | Iterable[str] | None = None,
    ) -> list[tuple[str, str]]:
        """The (persona, scenario) pairs with touchpoints, narrowed to the given ids (a
        str or a list; None: all). Unknown ids are refused, all at once, naming the
        known ones."""
        wanted = {"personas": _ids(personas), "scenarios": _ids(scenarios)}
        with self._speaking():
            for table, ids in wanted.items():
                self._store.require_all(table, ids or [])
        return [
            (p, s) for p, s in self.journeys()
            if (wanted["personas"] is None or p in wanted["personas"])
            and (wanted["scenarios"] is None or s in wanted["scenarios"])
        ]  # fmt: skip

    def require(self, table: str, item_id: str) -> None:
        """Refuse an id that ``table`` does not have, naming the known ones."""
        with self._speaking():
            self._store.get(table, (item_id,))

    def name_of(self, table: str, item_id: str) -> str:
        """The display name of a persona, phase or scenario (its id when unnamed)."""
        at = self._store.position(table, (item_id,))
        name = self._store.records(table)[at].get("name") if at is not None else ""
        return str(name) if name else item_id

    # ------------------------------------------------------------- changes
    def add(self, table: str, record: dict[str, Any], position: int | None = None) -> None:
        """Add a record to ``table`` (at ``position``, default the end); refused when a
        field does not fit, its key is in use or a reference is unknown. The typed
        methods below (``add_touchpoint``, ...) say the same with named arguments."""
        self._change("add", table, record, position=position)

    def update(self, table: str, key: tuple[str, ...], **changes: Any) -> None:
        """Change fields of the record of ``table`` with ``key`` (``(id,)``; for a
        touchpoint ``(id, persona, scenario)``)."""
        self._change("update", table, changes, key)

    def remove(self, table: str, key: tuple[str, ...], *, with_dependants: bool = False) -> None:
        """Remove the record of ``table`` with ``key``; with ``with_dependants`` the
        records that belong to it go along (a persona's or scenario's touchpoints)."""
        if table == "scenarios" and len(self._store.records("scenarios")) == 1:
            raise JourneyError(TEXTS.msg("last_scenario"), language=self.language)
        self._change("remove", table, {}, key, cascade=with_dependants)

    def position(self, table: str, key: tuple[str, ...]) -> int:
        """Where the record with ``key`` stands in ``table`` (0 is first)."""
        with self._speaking():
            self._store.get(table, key)
        return self._store.position(table, key)  # type: ignore[return-value]

    # ------------------------------------------------------------ snapshots
    def snapshot(self) -> Any:
        """Everything as it is now, for :meth:`restore` (cheap: copies no records)."""
        meta = (self.language, self.template, self._title, self._goal, self._scope, self._review)
        return meta, (self._store.scale, self._store.template_fields), self._store.snapshot()

    def restore(self, snapshot: Any) -> None:
        """Go back to a :meth:`snapshot`."""
        meta, (scale, template_fields), tables = snapshot
        self.language, self.template, self._title, self._goal, self._scope, self._review = meta
        self._store.scale = scale
        self._store.template_fields = template_fields
        self._store.restore(tables)

    def save(self, path: Any) -> Any:
        """Write the journey to a project file (see :func:`klantreis.save`)."""
        return type(self).saver(self, path)

    # ------------------------------------------------------------- internals
    def _change(
        self, action: str, table: str, values: dict[str, Any], key: tuple[str, ...] = (),
        *, position: int | None = None, cascade: bool = False,
    ) -> None:  # fmt: skip
        with self._speaking():
            if action == "add":
                self._store.add(table, values, position)
            elif action == "update":
                self._store.update(table, key, values)
            else:
                self._store.remove(table, key, cascade=cascade)

    def _tp_key(self, id: str, persona: str, scenario: str | None) -> tuple[str, str, str]:
        return (id, persona, scenario or self.default_scenario)

    @contextlib.contextmanager
    def _speaking(self) -> Iterator[None]:
        """Errors raised inside speak the project's language."""
        try:
            yield
        except JourneyError as err:
            if err.language is None:
                err.language = self.language
            raise

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(self._store.records(t))}" for t in TABLES)
        return f"<Journey {self._title!r} ({self.language}) {sizes}>"
