"""Which column of a file plays which role (respondent, persona, touchpoint, score, date,
reason, page, count, interview, quote, emotion): named in the mapping's ``columns``, or
recognised by its header in Dutch or English ("Datum", "Contactreden", "Aantal", ...)."""

from __future__ import annotations

from .layouts import header_key
from .mapping import EvidenceMapping
from .reading import SourceFile, column_list
from .texts import fail, text

#: The roles each kind knows, in the order they are looked for.
ROLES: dict[str, tuple[str, ...]] = {
    "survey": ("respondent", "persona", "touchpoint", "score", "date"),
    "calls": ("date", "reason", "persona"),
    "web": ("page", "count", "date", "persona"),
    "interviews": ("interview", "persona", "touchpoint", "quote", "emotion", "date"),
}

#: Headers recognised for a role (compared without case, spaces, '_' or '-').
SYNONYMS: dict[str, tuple[str, ...]] = {
    "respondent": (
        "respondent",
        "respondent id",
        "respondentnummer",
        "respondent nr",
        "response id",
        "responseid",
        "id",
        "deelnemer",
        "participant",
    ),
    "persona": ("persona", "segment", "doelgroep", "klantgroep", "klanttype", "customer segment"),
    "touchpoint": ("touchpoint", "contactmoment", "vraag", "question", "stap", "step"),
    "score": ("score", "antwoord", "answer", "waarde", "value", "cijfer", "rating"),
    "date": (
        "date",
        "datum",
        "dag",
        "day",
        "tijdstip",
        "datum tijd",
        "datetime",
        "timestamp",
        "recordeddate",
        "submitdate",
        "completion time",
        "tijd van voltooien",
        "tijdstempel",
        "startdatum",
        "start date",
        "startdate",
        "gespreksdatum",
        "call date",
    ),
    "reason": (
        "reason",
        "reden",
        "contactreden",
        "belreden",
        "call reason",
        "contact reason",
        "onderwerp",
        "topic",
    ),
    "page": (
        "page",
        "pagina",
        "page path",
        "paginapad",
        "page title",
        "paginatitel",
        "event",
        "event name",
        "gebeurtenis",
        "gebeurtenisnaam",
        "url",
    ),
    "count": (
        "count",
        "aantal",
        "visits",
        "bezoeken",
        "views",
        "weergaven",
        "pageviews",
        "paginaweergaven",
        "sessions",
        "sessies",
        "event count",
        "aantal gebeurtenissen",
        "hits",
    ),
    "interview": ("interview", "interview id", "interviewnummer", "gesprek", "gesprek id"),
    "quote": ("quote", "citaat", "uitspraak", "tekst", "text"),
    "emotion": ("emotion", "emotie", "score", "gevoel"),
}


def find_columns(
    source: SourceFile, kind: str, mapping: EvidenceMapping | None, language: str
) -> dict[str, str]:
    """Role -> column name for the roles found; a column named in the mapping that the
    file lacks, or a role the kind does not know, is an error."""
    mapped = mapping.section("columns") if mapping else {}
    found: dict[str, str] = {}
    for role, column in mapped.items():
        if role not in ROLES[kind]:
            fail(
                "mapping_choice",
                language,
                mapping=mapping.file if mapping else "mapping",
                key="columns",
                value=role,
                allowed=", ".join(ROLES[kind]),
            )
        hit = source.find(column)
        if hit is None:
            fail(
                "column_missing",
                language,
                file=source.name,
                column=column,
                mapping=mapping.file if mapping else "mapping",
                key=f"columns → {role}",
                columns=column_list(source.columns, language),
            )
        found[role] = hit
    taken = set(found.values())
    by_key = {header_key(c): c for c in reversed(source.columns)}
    for role in ROLES[kind]:
        if role in found:
            continue
        for synonym in SYNONYMS[role]:
            hit = by_key.get(synonym)
            if hit is not None and hit not in taken:
                found[role] = hit
                taken.add(hit)
                break
    return found


def require(found: dict[str, str], role: str, source: SourceFile, language: str) -> str:
    """The column of ``role``; an error naming the file's columns when there is none."""
    if role not in found:
        fail(
            "role_missing",
            language,
            file=source.name,
            role=text(f"role_{role}", language),
            key=role,
            columns=column_list(source.columns, language),
        )
    return found[role]
