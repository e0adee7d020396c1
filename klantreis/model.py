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

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from .coercion import coerce, coerce_group
from .errors import FieldValueError, JourneyError
from .fields import ANSWER, HEAD, REVIEW, SCOPE, TABLES, Field, Group
from .frames import frame_from_records, record_from_row
from .messages import DEFAULT_LANGUAGE, LANGUAGES, Catalog, Msg
from .named_changes import NamedChanges
from .scale import Scale, ScalePoint, read_scale
from .store import Record, TableStore
from .template_fields import TemplateFields
from .views import journey_frame, journey_opportunities, journey_pairs

__all__ = ["DEFAULT_SCENARIO", "LANGUAGES", "Journey", "Scale", "ScalePoint"]

#: The scenario of a project that names none.
DEFAULT_SCENARIO = "current"

TEXTS = Catalog("model", {
    "current": ("Huidige situatie", "Current situation"),
    "field": ("veld {name!r}: {reason}", "field {name!r}: {reason}"),
})  # fmt: skip


def _checked(field: Field, value: Any, path: str, language: str | None = None) -> Any:
    """``value`` as stored in ``field``, or a :class:`JourneyError` naming ``path``."""
    try:
        return coerce(field, value)
    except FieldValueError as err:
        raise _refusal(path, err.message, language) from None


def _refusal(path: str, reason: Msg | str, language: str | None) -> JourneyError:
    """A refused value: ``field 'scope.start': must be text, ...``; the form shows it
    next to the field, a file's problem says the same after the line."""
    return JourneyError(TEXTS.msg("field", name=path, reason=reason), field=path, language=language)


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
        rows = (
            frame if isinstance(frame, list) else [record_from_row(table, row) for _, row in frame.iterrows()]
        )
        with self._speaking():
            self._store.replace(table, self._store.records(table), rows)

    return property(get, put, doc=f"The {table} as a DataFrame (change them through the methods).")


#: The journey's own values that a snapshot keeps (besides the scale and the tables).
_META = (
    "language",
    "template",
    "_title",
    "_goal",
    "_owner",
    "_status",
    "_min_difference",
    "_scope",
    "_review",
)


class Journey(NamedChanges):
    """A customer journey project: who, what, which phases, and every touchpoint."""

    def __init__(
        self,
        title: str,
        goal: str = "",
        language: str = "nl",
        *,
        owner: str = "",
        status: str = "",
        template: str = "",
        min_difference: float | None = None,
        scope: dict[str, str] | None = None,
        scale: Sequence[ScalePoint] | None = None,
        review: dict[str, Any] | None = None,
        template_fields: TemplateFields | None = None,
        **tables: pd.DataFrame | list[Record],
    ):
        language = _checked(HEAD.field("language"), language, "language") or DEFAULT_LANGUAGE
        if scale:
            scale, problems = read_scale([asdict(p) if isinstance(p, ScalePoint) else p for p in scale])
            if problems:
                path, reason = problems[0]
                raise _refusal(".".join(map(str, ("scale", *path))), reason, language)
        store = TableStore(Scale(scale) if scale else Scale.default(language), template_fields)
        super().__init__(language, store)
        self.template = _checked(HEAD.field("template"), template, "template", language)
        self._title = ""
        self._goal = ""
        self._owner = ""
        self._status = ""
        self._min_difference: float | None = None
        self._scope = {"start": "", "end": ""}
        self._review: dict[str, Any] = {"answers": {}, "notes": ""}
        with self._speaking():
            self.set_title(title or "?")
            self.set_goal(goal)
            self.set_owner(owner)
            self.set_status(status)
            self.set_min_difference(min_difference)
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
        self._title = self._checked(HEAD.field("title"), title, "title")

    @property
    def goal(self) -> str:
        """The goal of the exercise (step doel)."""
        return self._goal

    @goal.setter
    def goal(self, value: str) -> None:
        self.set_goal(value)

    def set_goal(self, goal: str) -> None:
        """Set the goal of the exercise."""
        self._goal = self._checked(HEAD.field("goal"), goal, "goal")

    @property
    def owner(self) -> str:
        """Who is responsible for the journey (free text; empty: nobody named)."""
        return self._owner

    @owner.setter
    def owner(self, value: str) -> None:
        self.set_owner(value)

    def set_owner(self, owner: str) -> None:
        """Name who is responsible for the journey."""
        self._owner = self._checked(HEAD.field("owner"), owner, "owner")

    @property
    def status(self) -> str:
        """Where the project stands: one of :data:`~klantreis.fields.STATUSES`, or empty."""
        return self._status

    @status.setter
    def status(self, value: str) -> None:
        self.set_status(value)

    def set_status(self, status: str) -> None:
        """Set where the project stands (``draft``, ``in_progress``, ``done`` or empty);
        any other value is refused."""
        self._status = self._checked(HEAD.field("status"), status, "status")

    @property
    def min_difference(self) -> float | None:
        """The project's smallest difference (in scale points) between a measured mean
        and the assumed emotion that refutes an assumption; None: the default (0.5, see
        :mod:`klantreis.evidence.figures`)."""
        return self._min_difference

    @min_difference.setter
    def min_difference(self, value: float | None) -> None:
        self.set_min_difference(value)

    def set_min_difference(self, value: float | None) -> None:
        """Set the meaningful difference of the evidence flags (0 to 10; None: default)."""
        self._min_difference = self._checked(HEAD.field("min_difference"), value, "min_difference")

    @property
    def scope(self) -> dict[str, str]:
        """Where the journey starts and ends: ``{"start": ..., "end": ...}`` (a copy)."""
        return dict(self._scope)

    @scope.setter
    def scope(self, value: dict[str, str]) -> None:
        self.set_scope(**value)

    def set_scope(self, start: str | None = None, end: str | None = None, **other: Any) -> None:
        """Set where the journey starts and/or ends (None leaves a side as it is)."""
        given = {k: v for k, v in {"start": start, "end": end, **other}.items() if v is not None}
        self._scope = {**self._scope, **self._group(SCOPE, given)}

    @property
    def review(self) -> dict[str, Any]:
        """The review: ``{"answers": {question id: text}, "notes": text}`` (a copy)."""
        return {"answers": dict(self._review["answers"]), "notes": self._review["notes"]}

    @review.setter
    def review(self, value: dict[str, Any]) -> None:
        review = self._group(REVIEW, value, partial=False)
        answers = {str(q): self._answer(q, text) for q, text in review["answers"].items()}
        self._review = {"answers": answers, "notes": review["notes"]}

    def set_answer(self, question: str, text: str) -> None:
        """Store the answer to a review question of the template."""
        answers = {**self._review["answers"], str(question): self._answer(question, text)}
        self._review = {**self._review, "answers": answers}

    def set_review_notes(self, notes: str) -> None:
        """Store the review's free notes."""
        self._review = {**self._review, "notes": self._checked(REVIEW.field("notes"), notes, "review.notes")}

    def _answer(self, question: Any, text: Any) -> str:
        return str(self._checked(ANSWER, text, f"review.answers.{question}"))

    def _checked(self, field: Field, value: Any, path: str) -> Any:
        """``value`` as stored in ``field`` (``path`` in the file), or refused saying why:
        the same rule and words as when a file holds it."""
        return _checked(field, value, path, self.language)

    def _group(self, group: Group, values: dict[str, Any], *, partial: bool = True) -> dict[str, Any]:
        """The given fields of ``group`` as stored, or the first problem refused."""
        out, problems = coerce_group(group, values, partial=partial)
        if problems:
            name, reason = problems[0]
            raise _refusal(f"{group.name}.{name}", reason, self.language)
        return out

    # ----------------------------------------------------------------- scale
    @property
    def scale(self) -> Scale:
        """The emotion scale, lowest score first."""
        return self._store.scale

    def score(self, value: Any) -> int | None:
        """The score for an emotion given as score, label or emoji (None when empty)."""
        with self._speaking():
            score: int | None = self._store.coerce("touchpoints", {"emotion": value}, partial=True)["emotion"]
        return score

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
    phases = _table_property("phases")
    personas = _table_property("personas")
    scenarios = _table_property("scenarios")
    touchpoints = _table_property("touchpoints")
    opportunities = _table_property("opportunities")
    sources = _table_property("sources")
    evidence = _table_property("evidence")
    quotes = _table_property("quotes")

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

    # ------------------------------------------------------------ snapshots
    def snapshot(self) -> Any:
        """Everything as it is now, for :meth:`restore` (cheap: copies no records)."""
        meta = tuple(getattr(self, name) for name in _META)
        return meta, (self._store.scale, self._store.template_fields), self._store.snapshot()

    def restore(self, snapshot: Any) -> None:
        """Go back to a :meth:`snapshot`."""
        meta, (scale, template_fields), tables = snapshot
        for name, value in zip(_META, meta, strict=True):
            setattr(self, name, value)
        self._store.scale = scale
        self._store.template_fields = template_fields
        self._store.restore(tables)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(self._store.records(t))}" for t in TABLES)
        return f"<Journey {self._title!r} ({self.language}) {sizes}>"
