"""The tables of a journey and their fields: the single source of every rule about
records. The model, validation, the file format, the three-way merge, the JSON
Schema and the spreadsheet exchange all read these definitions.

A table lists its fields in file order, the fields that identify a record (its
``key``: a touchpoint is one persona's, in one scenario), and which fields refer to
another table's ids. :data:`TABLES` is in dependency order: a table refers only to
tables before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .messages import LANGUAGES, Catalog, Msg

SLUG_RE = re.compile(r"^[A-Za-z0-9_-]+$")

#: The kinds of evidence source and the metrics of evidence records.
SOURCE_KINDS = ("survey", "calls", "web", "interviews", "events")
METRICS = ("score", "nps", "csat", "ces", "calls", "visits", "interviews")
#: Where a project stands (the project's ``status``): being drafted, being worked on,
#: finished. Stored in English; :func:`status_label` says it in the user's language.
STATUSES = ("draft", "in_progress", "done")

TEXT = "text"
SLUG = "slug"
LIST = "list"
BOOL = "bool"
OPTBOOL = "optbool"
INT = "int"
FLOAT = "float"
SCORE = "score"  #: a score of the journey's emotion scale (given as score, label or smiley)
MAPPING = "mapping"

TEXTS = Catalog("fields", {
    # table names: singular, plural
    "phases": ("fase", "phase"),
    "phases+": ("fasen", "phases"),
    "personas": ("persona", "persona"),
    "personas+": ("persona's", "personas"),
    "scenarios": ("scenario", "scenario"),
    "scenarios+": ("scenario's", "scenarios"),
    "touchpoints": ("touchpoint", "touchpoint"),
    "touchpoints+": ("touchpoints", "touchpoints"),
    "opportunities": ("kans", "opportunity"),
    "opportunities+": ("kansen", "opportunities"),
    "sources": ("bron", "source"),
    "sources+": ("bronnen", "sources"),
    "evidence": ("meting", "measurement"),
    "evidence+": ("metingen", "measurements"),
    "quotes": ("citaat", "quote"),
    "quotes+": ("citaten", "quotes"),
    "phases-": ("een andere fase", "another phase"),
    "personas-": ("een andere persona", "another persona"),
    "scenarios-": ("een ander scenario", "another scenario"),
    "touchpoints-": ("een ander touchpoint", "another touchpoint"),
    "opportunities-": ("een andere kans", "another opportunity"),
    "sources-": ("een andere bron", "another source"),
    "evidence-": ("een andere meting", "another measurement"),
    "quotes-": ("een ander citaat", "another quote"),
    # a project's status (STATUSES)
    "status.draft": ("concept", "draft"),
    "status.in_progress": ("in uitvoering", "in progress"),
    "status.done": ("afgerond", "done"),
})  # fmt: skip


def status_label(status: str, language: str) -> str:
    """A project's ``status`` in words ("in uitvoering" for ``in_progress``); an
    empty status stays empty, an unknown one is shown as it is."""
    return HEAD.field("status").choice_word(status, language)


@dataclass(frozen=True)
class Field:
    """A column of a journey table, as stored in the project file.

    ``ref`` names the table whose ids this field refers to; ``cascade`` says that a
    record goes along when the record it refers to is removed with its dependants
    (a persona's touchpoints). ``first_by_default`` fills an empty value with the
    first id of the referred table (a touchpoint's scenario)."""

    name: str
    kind: str = TEXT
    required: bool = False
    ref: str | None = None
    choices: tuple[str, ...] | None = None
    bounds: tuple[int, int] | None = None
    cascade: bool = False
    first_by_default: bool = False
    #: With ``ref``: the fields of this record that complete the reference to the
    #: other table's key (evidence names a touchpoint *of its persona and scenario*).
    ref_with: tuple[str, ...] = ()
    #: With ``ref_with``: the completing fields may be left empty, meaning "any":
    #: an opportunity without a persona belongs to every journey that has its
    #: touchpoint. When only one journey has it, the store fills them in.
    loose: bool = False
    #: The field holds the values of fields a template declares (``extra``), checked
    #: against those declarations (see :mod:`klantreis.template_fields`).
    declared: bool = False
    #: With ``choices``: each choice has words in :data:`TEXTS` under
    #: ``<field>.<choice>`` (a project's ``status``), shown instead of the stored key.
    worded: bool = False

    def choice_word(self, value: str, language: str) -> str:
        """A choice of a ``worded`` field in words ("in uitvoering" for a status
        ``in_progress``); any other value is shown as it is."""
        if self.worded and self.choices and value in self.choices:
            return TEXTS.text(f"{self.name}.{value}", language)
        return value

    @property
    def dtype(self) -> Any:
        """The pandas dtype of this column."""
        return _DTYPES[self.kind]

    @property
    def empty(self) -> Any:
        """The stored value of this field when the file leaves it out."""
        if self.kind == LIST:
            return []
        if self.kind == MAPPING:
            return {}
        return _EMPTY[self.kind]


_DTYPES = {
    TEXT: "string", SLUG: "string", LIST: "object", BOOL: "bool", OPTBOOL: "boolean",
    INT: "Int64", SCORE: "Int64", FLOAT: "Float64", MAPPING: "object",
}  # fmt: skip
_EMPTY: dict[str, Any] = {TEXT: "", SLUG: "", BOOL: False, OPTBOOL: None, INT: None, SCORE: None, FLOAT: None}


@dataclass(frozen=True)
class Group:
    """Fields that stand together in one mapping of the project file: a record of a
    table, the scope ``{start, end}``, one step of the scale, the review."""

    name: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        """The field ``name`` (KeyError when the group has none)."""
        return self._by_name[name]

    def has(self, name: str) -> bool:
        """True when the group has a field ``name``."""
        return name in self._by_name

    @property
    def names(self) -> list[str]:
        """The field names in file order."""
        return [f.name for f in self.fields]

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


@dataclass(frozen=True)
class Table(Group):
    """A journey table: its fields in file order and the fields that identify a record."""

    key: tuple[str, ...] = ("id",)
    #: Left out of the project file while it has no records (tables added after format
    #: version 1 came out: files without them stay as they were, byte for byte).
    optional: bool = False

    @property
    def noun(self) -> Msg:
        """The table's name for one record ("fase", "phase")."""
        return TEXTS.msg(self.name)

    @property
    def nouns(self) -> Msg:
        """The table's name for several records ("fasen", "phases")."""
        return TEXTS.msg(self.name + "+")

    def counted(self, count: int, language: str) -> str:
        """``count`` records in words, the noun singular for one: "1 persona",
        "3 persona's", "0 fasen". Every count of records a user reads goes through here."""
        return TEXTS.counted(self.name, count, language)

    def counted_all(self, count: int) -> dict[str, str]:
        """:meth:`counted` in every language, for a message made before its language is
        known (``{touchpoints[nl]}`` / ``{touchpoints[en]}``)."""
        return {language: self.counted(count, language) for language in LANGUAGES}

    @property
    def another(self) -> Msg:
        """ "een andere fase", "another phase"."""
        return TEXTS.msg(self.name + "-")

    @property
    def has_ids(self) -> bool:
        """True when records are named by an ``id`` (other tables can refer to them)."""
        return self.key[0] == "id"

    def key_of(self, record: dict[str, Any]) -> tuple[str, ...]:
        """The identity of ``record`` in this table."""
        return tuple(str(record.get(k) or "") for k in self.key)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("phases", (
            Field("id", SLUG, required=True),
            Field("name"),
            Field("duration"),
            Field("user_goal"),
            Field("description"),
            Field("extra", MAPPING, declared=True),
        )),
        Table("personas", (
            Field("id", SLUG, required=True),
            Field("name"),
            Field("description"),
            Field("role"),
            Field("context"),
            Field("needs", LIST),
            Field("frustrations", LIST),
            Field("extra", MAPPING, declared=True),
        )),
        Table("scenarios", (
            Field("id", SLUG, required=True),
            Field("name"),
        )),
        Table("touchpoints", (
            Field("id", SLUG, required=True),
            Field("persona", SLUG, required=True, ref="personas", cascade=True),
            Field("scenario", SLUG, ref="scenarios", cascade=True, first_by_default=True),
            Field("phase", SLUG, required=True, ref="phases"),
            Field("name", required=True),
            Field("channel"),
            Field("online", OPTBOOL),
            Field("owned", OPTBOOL),
            Field("partner"),
            Field("action"),
            Field("frequency"),
            Field("emotion", SCORE),
            Field("why"),
            Field("thoughts"),
            Field("ideas"),
            Field("backstage"),
            Field("data"),
            Field("critical", BOOL),
            Field("importance", TEXT, choices=("main", "side")),
            Field("extra", MAPPING, declared=True),
        ), key=("id", "persona", "scenario")),
        Table("opportunities", (
            Field("id", SLUG, required=True),
            # The journey an opportunity belongs to; empty: every persona / scenario.
            Field("persona", SLUG, ref="personas", cascade=True),
            Field("scenario", SLUG, ref="scenarios", cascade=True),
            Field("touchpoint", SLUG, ref="touchpoints", ref_with=("persona", "scenario"), loose=True),
            Field("phase", SLUG, ref="phases"),
            Field("description", required=True),
            Field("impact", INT, bounds=(1, 5)),
            Field("effort", INT, bounds=(1, 5)),
            Field("owner"),
            Field("status"),
        )),
        # Evidence (see klantreis.evidence and docs/evidence.md): each imported file is
        # a source; its figures are aggregates per persona x scenario x touchpoint (or
        # phase) x metric, never respondents; interview quotes are kept as text.
        Table("sources", (
            Field("id", SLUG, required=True),
            Field("kind", TEXT, required=True, choices=SOURCE_KINDS),
            Field("file"),
            Field("sha256"),
            Field("rows_read", INT),
            Field("rows_skipped", INT),
            Field("skipped", MAPPING),
            Field("period"),
            Field("imported"),
            Field("mapping", MAPPING),
            Field("paths", MAPPING),  # events: the paths per persona (klantreis.paths)
        ), optional=True),
        Table("evidence", (
            Field("source", SLUG, required=True, ref="sources", cascade=True),
            Field("persona", SLUG, required=True, ref="personas", cascade=True),
            Field("scenario", SLUG, ref="scenarios", cascade=True, first_by_default=True),
            Field("touchpoint", SLUG, ref="touchpoints", ref_with=("persona", "scenario")),
            Field("phase", SLUG, ref="phases"),
            Field("metric", TEXT, required=True, choices=METRICS),
            Field("n", INT),
            Field("value", FLOAT),
            Field("sd", FLOAT),
            Field("ci_low", FLOAT),
            Field("ci_high", FLOAT),
        ), key=("source", "persona", "scenario", "touchpoint", "phase", "metric"), optional=True),
        Table("quotes", (
            Field("id", SLUG, required=True),
            Field("source", SLUG, required=True, ref="sources", cascade=True),
            Field("interview"),
            Field("persona", SLUG, ref="personas", cascade=True),
            Field("scenario", SLUG, ref="scenarios", cascade=True, first_by_default=True),
            Field("touchpoint", SLUG, ref="touchpoints", ref_with=("persona", "scenario")),
            Field("text", required=True),
            Field("emotion", FLOAT),
        ), optional=True),
    )
}  # fmt: skip

TABLE_NAMES = tuple(TABLES)

# ----------------------------------------------------------- the project's own fields
# Declared like the tables' fields, so the model, validation, the JSON Schema, the
# three-way merge and the spreadsheets read one definition; their values go through
# the same rules per kind (:func:`klantreis.coercion.coerce`).

#: The first key of every project file: the format version it is written in (see
#: :data:`klantreis.version.FORMAT_VERSION`).
VERSION = Field("klantreis", INT, required=True)
#: The project's own values, after the version, in file order. The scope and the
#: scale follow, then the tables, then the review.
HEAD = Group(
    "project",
    (
        Field("title", required=True),
        Field("goal"),
        Field("owner"),  # who is responsible for the journey (free text)
        Field("status", choices=STATUSES, worded=True),
        Field("language", choices=LANGUAGES),
        Field("template", SLUG),
        # the smallest difference (scale points) between a measured mean and the assumed
        # emotion that refutes the assumption (klantreis.evidence.figures); empty: 0.5
        Field("min_difference", FLOAT, bounds=(0, 10)),
    ),
)
#: Where the journey starts and where it ends.
SCOPE = Group("scope", (Field("start"), Field("end")))
#: What a level of the scale means (a template declares it per level): a problem,
#: neutral, fine (a pass, not a problem) or good. See :meth:`klantreis.scale.Scale.meaning`.
MEANINGS = ("problem", "neutral", "fine", "good")
#: One step of the emotion scale. A scale has at least :data:`SCALE_MIN` steps, each
#: with its own score; ``meaning`` is optional (one of :data:`MEANINGS`).
SCALE_STEP = Group(
    "scale",
    (
        Field("score", INT, required=True),
        Field("label", required=True),
        Field("emoji"),
        Field("meaning", choices=MEANINGS),
    ),
)
SCALE_MIN = 2
#: The review: ``answers`` (the template's question id -> the team's answer, each an
#: :data:`ANSWER`) and free ``notes``.
REVIEW = Group("review", (Field("answers", MAPPING), Field("notes")))
ANSWER = Field("answer")
#: Every top-level key of a project file, in file order.
FILE_KEYS = (VERSION.name, *HEAD.names, SCOPE.name, SCALE_STEP.name, *TABLES, REVIEW.name)


def referrers(table: str) -> list[tuple[str, Field]]:
    """The ``(table, field)`` pairs whose values refer to records of ``table``."""
    return [(t.name, f) for t in TABLES.values() for f in t.fields if f.ref == table]
