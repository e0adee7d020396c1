"""Fields a template adds to phases, personas and touchpoints, and the one rule that
checks their values.

A template may declare extra fields (``fields:`` in ``templates/*.yaml``): Touch,
Tell, Sell or Care per touchpoint, success criteria per phase, a segment per persona.
Each has an id, a label and a hint in Dutch and English, and a kind:

- ``text``: free text;
- ``choice``: one of the declared options, stored as the option's id (its label is
  accepted too, in either language);
- ``yesno``: true or false (``ja``/``nee`` are accepted);
- ``scale``: a point of the journey's emotion scale, stored as its score (a label or
  smiley is accepted, as for a touchpoint's emotion).

A record keeps their values in its ``extra`` mapping (``extra: {ttsc: tell}``). The
journey gets the declarations passed in, the way it gets its scale; it never looks a
template up itself. Without declarations (a journey that names no template) any
mapping of plain values is kept as it is. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .coercion import coerce, missing
from .errors import FieldValueError
from .fields import OPTBOOL, SCORE, SLUG_RE, TEXT, Field
from .messages import LANGUAGES, Catalog, Msg, did_you_mean

if TYPE_CHECKING:
    from .scale import Scale

TEXT_KIND, CHOICE, YESNO, SCALE = "text", "choice", "yesno", "scale"
KINDS = (TEXT_KIND, CHOICE, YESNO, SCALE)
#: The tables a template may add fields to, and the workbook step that shows them
#: unless a field names another step.
TABLE_STEPS = {"phases": "fasen", "personas": "persona", "touchpoints": "touchpoints"}
#: The name of the record field that holds the values.
EXTRA = "extra"
#: Where a template may put a field's value on the canvas and the poster
#: (``canvas:`` on a field), per table: ``label`` a touchpoint's value as a labelled
#: chip in the touchpoints row, with a key under the canvas explaining each option
#: (Michels' Touch, Tell, Sell, Care); ``persona`` a persona's value in the persona
#: box beside the title (the 8-element card's desired role); ``side_by_side`` (a
#: choice) the personas of each option in columns side by side, this journey's
#: persona marked (Flanders' users and partners). A phase's value goes in a row of
#: the canvas with ``lane``.
CANVAS_PLACES = {"touchpoints": ("label",), "personas": ("persona", "side_by_side"), "phases": ()}

TEXTS = Catalog("template_fields", {
    "field": ("{id!r} ({label[nl]}): {reason}", "{id!r} ({label[en]}): {reason}"),
    "unknown": (
        "het sjabloon kent geen veld {id!r}{hint} bij een {table}; wel: {known}",
        "the template has no field {id!r}{hint} for a {table}; known: {known}",
    ),
    "none_known": ("geen", "none"),
    "plain": (
        "{id!r} moet tekst, een getal of ja/nee zijn, geen lijst of koppeling",
        "{id!r} must be text, a number or true/false, not a list or mapping",
    ),
    "key": ("de veldnamen moeten tekst zijn, niet {key!r}", "field names must be text, not {key!r}"),
})  # fmt: skip


@dataclass(frozen=True)
class Option:
    """One option of a ``choice`` field: the stored ``id`` and its label per language."""

    id: str
    label: Mapping[str, str]
    #: What the option means, for the key under a canvas (may be empty).
    hint: Mapping[str, str] = field(default_factory=dict)

    def text(self, language: str = "nl") -> str:
        """The option's label in ``language``."""
        return _text(self.label, language) or self.id

    def hint_text(self, language: str = "nl") -> str:
        """What the option means in ``language``; may be empty."""
        return _text(self.hint, language)


@dataclass(frozen=True)
class TemplateField:
    """A field a template adds to the records of ``table`` (see the module text).

    ``step`` is the workbook step whose form shows it; ``group`` asks the report for
    a view of the journey grouped by this field's options (a ``choice`` field);
    ``lane`` (a phase's field) names the canvas row that shows its value, under the
    row's own text (onderzoek's success criteria under the goal); ``tally`` (a
    ``choice`` field of a touchpoint) asks the touchpoints step to show the value
    beside each touchpoint in its list and to count the values above it (Michels'
    Touch, Tell, Sell and Care: is the mix right?); ``canvas`` says where the
    canvas and the poster show the value (see :data:`CANVAS_PLACES`)."""

    table: str
    id: str
    kind: str = TEXT_KIND
    label: Mapping[str, str] = field(default_factory=dict)
    hint: Mapping[str, str] = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    step: str = ""
    group: bool = False
    lane: str = ""
    tally: bool = False
    canvas: str = ""

    def name(self, language: str = "nl") -> str:
        """The field's label in ``language``."""
        return _text(self.label, language) or self.id

    def hint_text(self, language: str = "nl") -> str:
        """The field's hint (what to fill in) in ``language``; may be empty."""
        return _text(self.hint, language)

    @property
    def form_step(self) -> str:
        """The workbook step whose form shows this field."""
        return self.step or TABLE_STEPS[self.table]

    def option(self, value: Any) -> Option | None:
        """The option stored as ``value``, or None."""
        return next((o for o in self.options if o.id == value), None)

    def display(self, value: Any, language: str = "nl", scale: Scale | None = None) -> str:
        """A stored value as a reader sees it: an option's label, ja/nee, a scale
        point's smiley and label; empty for an empty value."""
        if value is None or value == "":
            return ""
        if self.kind == CHOICE:
            found = self.option(value)
            return found.text(language) if found else str(value)
        if self.kind == YESNO or isinstance(value, bool):
            return _YES_NO[language == "en"][bool(value)]
        if self.kind == SCALE and scale is not None:
            point = scale.point(value)
            if point is not None:
                return f"{point.emoji} {point.label}".strip()
        return str(value)

    def value(self, raw: Any, scale: Scale | None = None) -> Any:
        """``raw`` as this field's stored value (None when empty), or
        :class:`~klantreis.errors.FieldValueError` saying what is expected."""
        if self.kind == YESNO:
            return coerce(Field(self.id, OPTBOOL), raw)
        if self.kind == SCALE:
            if scale is None:
                raise AssertionError(f"field {self.id} needs the scale")  # pragma: no cover
            return coerce(Field(self.id, SCORE), raw, scale)
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise FieldValueError(TEXTS.msg("plain", id=self.id))
        text = str(raw)
        if self.kind == CHOICE and text:
            wanted = text.strip().casefold()
            for option in self.options:
                if wanted == option.id.casefold() or wanted in (
                    _text(option.label, lang).casefold() for lang in LANGUAGES
                ):
                    return option.id
            choices = tuple(o.id for o in self.options)
            return coerce(Field(self.id, TEXT, choices=choices), text)  # raises, naming them
        return text or None


_YES_NO = ({True: "ja", False: "nee"}, {True: "yes", False: "no"})


class TemplateFields:
    """The fields a template declares, per table, in declaration order."""

    def __init__(self, fields: Iterable[TemplateField] = ()):
        self._by_table: dict[str, tuple[TemplateField, ...]] = {t: () for t in TABLE_STEPS}
        for f in fields:
            self._by_table[f.table] = (*self._by_table[f.table], f)

    def of(self, table: str) -> tuple[TemplateField, ...]:
        """The fields of ``table`` (none for tables templates cannot extend)."""
        return self._by_table.get(table, ())

    def get(self, table: str, field_id: str) -> TemplateField | None:
        """The field ``field_id`` of ``table``, or None."""
        return next((f for f in self.of(table) if f.id == field_id), None)

    def for_step(self, step: str) -> list[TemplateField]:
        """The fields a workbook step's form shows, in table then declaration order."""
        return [f for f in self if f.form_step == step]

    def __iter__(self) -> Iterator[TemplateField]:
        return (f for fields in self._by_table.values() for f in fields)

    def __len__(self) -> int:
        return sum(len(fields) for fields in self._by_table.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TemplateFields) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"TemplateFields({[f'{f.table}.{f.id}' for f in self]})"


def check_extra(
    declared: Sequence[TemplateField] | None, table_noun: Msg | str, value: Any, scale: Scale | None
) -> dict[str, Any]:
    """The stored ``extra`` mapping of a record: the values of the template's fields
    ``declared`` for its table (None: no declarations known, so any plain values are
    kept). Empty values are left out; declared fields come in declaration order.
    Raises :class:`~klantreis.errors.FieldValueError` naming the first field that
    does not fit."""
    if missing(value):
        return {}
    if not isinstance(value, dict):
        coerce(Field(EXTRA, "mapping"), value)  # raises: must be a mapping
    for key in value:
        if not isinstance(key, str) or not SLUG_RE.match(key):
            raise FieldValueError(TEXTS.msg("key", key=key))
    if declared is None:
        return _plain(value)
    known = {f.id: f for f in declared}
    for key in value:
        if key not in known:
            raise FieldValueError(TEXTS.msg(
                "unknown", id=key, table=table_noun, known=", ".join(known) or TEXTS.msg("none_known"),
                hint=did_you_mean(key, list(known)),
            ), key=key)  # fmt: skip
    out: dict[str, Any] = {}
    for f in declared:
        if f.id not in value:
            continue
        try:
            stored = f.value(value[f.id], scale)
        except FieldValueError as err:
            label = {lang: f.name(lang) for lang in LANGUAGES}
            message = TEXTS.msg("field", id=f.id, label=label, reason=err.message)
            raise FieldValueError(message, key=f.id) from None
        if stored is not None and stored != "":
            out[f.id] = stored
    return out


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, item in value.items():
        if missing(item) or item == "":
            continue
        if not isinstance(item, str | int | float | bool):
            raise FieldValueError(TEXTS.msg("plain", id=key), key=key)
        out[key] = item
    return out


def _text(value: Mapping[str, str] | str | None, language: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(language) or value.get("nl") or value.get("en") or "")
    return "" if value is None else str(value)
