"""The emotion scale: its points (score, label, smiley, meaning), reading an emotion
given as a score, a label or a smiley, and which scores are a problem. Pure.

A level's *meaning* is one of :data:`~klantreis.fields.MEANINGS`: ``problem``,
``neutral``, ``fine`` (a pass: Flanders' "voldoende") or ``good``. A template declares
it per level; a scale without meanings reads its levels by position (below the middle a
problem, the middle neutral, above it good). Colours, pain points, the low point and
the channels of little value all ask the scale, never the midpoint themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
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
    """One step of the emotion scale: a score, its label, a smiley and what the level
    means (one of :data:`~klantreis.fields.MEANINGS`; empty: by its position)."""

    score: int
    label: str
    emoji: str = ""
    meaning: str = ""


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

    @property
    def declares_meanings(self) -> bool:
        """True when at least one level says what it means."""
        return any(p.meaning for p in self.points)

    def meaning(self, score: float) -> str:
        """What a score means: the declared meaning of its level, else by position
        (below the middle ``problem``, the middle ``neutral``, above it ``good``). A
        score between levels (a mean) is a problem when below :attr:`problem_below`."""
        point = self.point(score) if float(score).is_integer() else None
        if point is not None and point.meaning:
            return point.meaning
        if self.is_problem(score):
            return "problem"
        return "neutral" if score == self.middle else "good"

    @property
    def middle(self) -> float:
        """The middle between the lowest and the highest score."""
        scores = self.scores or [1, 5]
        return (scores[0] + scores[-1]) / 2

    @property
    def problem_below(self) -> float:
        """Scores (and means) below this are a problem: the lowest level that is not
        declared a problem; without declared meanings, the middle of the scale."""
        if not self.declares_meanings:
            return self.middle
        passing = [p.score for p in self.points if p.meaning != "problem"]
        return min(passing) if passing else self.scores[-1] + 1

    def is_problem(self, score: float | None) -> bool:
        """True when a score (or a mean of scores) is a problem on this scale."""
        return score is not None and score < self.problem_below

    @property
    def balance(self) -> float:
        """Where a diverging colour scale turns from problem to fine: the neutral
        level when one is declared, else halfway between the highest problem and the
        lowest level that passes; without declared meanings, the middle."""
        if not self.declares_meanings:
            return self.middle
        neutral = [p.score for p in self.points if p.meaning == "neutral"]
        if neutral:
            return float(neutral[0])
        problems = [p.score for p in self.points if p.meaning == "problem"]
        passing = [p.score for p in self.points if p.meaning != "problem"]
        if not problems or not passing:
            return self.middle
        return (max(problems) + min(passing)) / 2

    def with_meanings(self, other: Sequence[ScalePoint]) -> Scale:
        """This scale, its levels without a meaning taking the meaning of ``other``'s
        level with the same score (a file's scale read beside its template's)."""
        declared = {p.score: p.meaning for p in other if p.meaning}
        return Scale([p if p.meaning else replace(p, meaning=declared.get(p.score, "")) for p in self.points])

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
    steps ``{score, label, emoji, meaning}`` (see :data:`~klantreis.fields.SCALE_STEP`), each
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
            points.append(ScalePoint(step["score"], step["label"], step["emoji"], step["meaning"] or ""))
    return (Scale(points) if len(points) >= SCALE_MIN else None), problems
