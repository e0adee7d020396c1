"""The emotion scale: its points (score, label, smiley) and reading an emotion given
as a score, a label or a smiley. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from .coercion import coerce_group, missing
from .errors import FieldValueError
from .fields import SCALE_MIN, SCALE_STEP
from .messages import Catalog, Msg

TEXTS = Catalog("scale", {
    "not_on_scale": (
        "{value!r} staat niet op de schaal; kies een van: {known}",
        "{value!r} is not on the scale; use one of: {known}",
    ),
    "very_negative": ("zeer negatief", "very negative"),
    "negative": ("negatief", "negative"),
    "neutral": ("neutraal", "neutral"),
    "positive": ("positief", "positive"),
    "very_positive": ("zeer positief", "very positive"),
    "scale": (
        "moet een lijst zijn van minstens {count} stappen {{score, label, emoji}}",
        "must be a list of at least {count} {{score, label, emoji}} steps",
    ),
    "step": (
        "moet een koppeling zijn {{score, label, emoji}}",
        "must be a mapping {{score, label, emoji}}",
    ),
    "score_twice": ("score {score} staat twee keer in de schaal", "score {score} appears twice in the scale"),
})  # fmt: skip

_DEFAULT = (
    (1, "very_negative", "😠"),
    (2, "negative", "🙁"),
    (3, "neutral", "😐"),
    (4, "positive", "🙂"),
    (5, "very_positive", "😄"),
)


@dataclass(frozen=True)
class ScalePoint:
    """One step of the emotion scale: a score, its label and a smiley."""

    score: int
    label: str
    emoji: str = ""


class Scale(Sequence[ScalePoint]):
    """The points of an emotion scale, lowest score first."""

    def __init__(self, points: Sequence[ScalePoint] = ()):
        self.points = tuple(sorted(points, key=lambda p: p.score))
        self._by_score = {p.score: p for p in self.points}

    @classmethod
    def default(cls, language: str = "nl") -> Scale:
        """Five points from very negative to very positive, labelled in ``language``."""
        return cls([ScalePoint(s, TEXTS.text(code, language), e) for s, code, e in _DEFAULT])

    @overload
    def __getitem__(self, index: int) -> ScalePoint: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ScalePoint]: ...
    def __getitem__(self, index: int | slice) -> ScalePoint | Sequence[ScalePoint]:
        return self.points[index]

    def __len__(self) -> int:
        return len(self.points)

    def __iter__(self) -> Iterator[ScalePoint]:
        return iter(self.points)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Scale):
            return self.points == other.points
        if isinstance(other, list | tuple):
            return list(self.points) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.points)

    def __repr__(self) -> str:
        return f"Scale({list(self.points)!r})"

    @property
    def scores(self) -> list[int]:
        """The scores, lowest first."""
        return list(self._by_score)

    def point(self, score: Any) -> ScalePoint | None:
        """The point with this score, or None."""
        try:
            return self._by_score.get(int(score))
        except (TypeError, ValueError):
            return None

    def parse(self, value: Any) -> int | None:
        """The score of an emotion given as a score, a label or a smiley; None when
        empty. Anything else raises :class:`~klantreis.errors.FieldValueError`."""
        if missing(value):
            return None
        if isinstance(value, bool):
            raise self._refuse(value)
        if type(value) is int and value in self._by_score:
            return value
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            wanted = text.lower()
            for p in self.points:
                if wanted == p.label.lower() or text == p.emoji:
                    return p.score
            if re.fullmatch(r"-?\d+(?:\.0*)?", text) and int(float(text)) in self._by_score:
                return int(float(text))
            raise self._refuse(value)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self._refuse(value) from None
        if number.is_integer() and int(number) in self._by_score:
            return int(number)
        raise self._refuse(value)

    def _refuse(self, value: Any) -> FieldValueError:
        known = ", ".join(f"{p.score} ({p.label})" for p in self.points)
        return FieldValueError(TEXTS.msg("not_on_scale", value=value, known=known))


def read_scale(value: Any) -> tuple[Scale | None, list[tuple[tuple[int | str, ...], Msg | str]]]:
    """A scale from a project file's ``scale``: a list of at least :data:`SCALE_MIN`
    steps ``{score, label, emoji}`` (see :data:`~klantreis.fields.SCALE_STEP`), each
    score once. Returns the scale (None when there is no usable one) and every
    problem as ``(place, reason)``, the place being ``()``, ``(step,)`` or
    ``(step, field)``. The model and validation both read a scale this way."""
    problems: list[tuple[tuple[int | str, ...], Msg | str]] = []
    if not isinstance(value, list | tuple) or len(value) < SCALE_MIN:
        return None, [((), TEXTS.msg("scale", count=SCALE_MIN))]
    points: list[ScalePoint] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(((i,), TEXTS.msg("step")))
            continue
        step, wrong = coerce_group(SCALE_STEP, item)
        problems += [((i, name), reason) for name, reason in wrong]
        if step["score"] is None:
            continue
        if step["score"] in [p.score for p in points]:
            problems.append(((i, "score"), TEXTS.msg("score_twice", score=step["score"])))
        else:
            points.append(ScalePoint(step["score"], step["label"], step["emoji"]))
    return (Scale(points) if len(points) >= SCALE_MIN else None), problems
