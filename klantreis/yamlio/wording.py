"""The YAML parser's description of a syntax error, in the reader's language.

PyYAML (and libyaml under it) describe a mistake in English: a context ("while
parsing a flow sequence") and a problem ("did not find expected ',' or ']'").
:func:`describe` matches each against the phrases of both parsers and returns a
:class:`~klantreis.messages.Msg`: in English exactly the parser's words, in Dutch ours.
A phrase the tables do not know is kept as the parser wrote it (a test runs many
broken files through both parsers so that does not happen).
"""

from __future__ import annotations

import re
from functools import cache

from ..messages import Catalog, Msg

#: Whole phrases, with ``{a}`` where the parser puts a character, token or name.
PHRASES = Catalog("yaml_phrases", {
    "both": ("{context}: {problem}", "{context} {problem}"),
    "scanning": ("bij het lezen van {a}", "while scanning {a}"),
    "parsing": ("in {a}", "while parsing {a}"),
    "parsing_node": ("in {a}", "while parsing a {a} node"),
    "parsing_only": ("bij het lezen", "while parsing"),
    "composing": ("in {a}", "while composing {a}"),
    "constructing": ("in {a}", "while constructing {a}"),
    "next_token": ("bij het zoeken naar het volgende stuk", "while scanning for the next token"),
    "did_not_find": ("hier werd {a} verwacht", "did not find expected {a}"),
    "did_not_find_the": ("hier werd {a} verwacht", "did not find the expected {a}"),
    "could_not_find": ("hier werd {a} verwacht", "could not find expected {a}"),
    "not_find_octet": ("hier werd een %-code van een teken verwacht", "did not find URI escaped octet"),
    "expected_found": ("hier werd {a} verwacht, maar er staat {b}", "expected {a}, but found {b}"),
    "expected_got": ("hier werd {a} verwacht, maar er staat {b}", "expected {a}, but got {b}"),
    "expected": ("hier werd {a} verwacht", "expected {a}"),
    "cannot_start": ("het teken {a} kan hier niet staan", "found character {a} that cannot start any token"),
    "cannot_start_any": ("hier staat een teken dat hier niet kan staan",
                         "found character that cannot start any token"),
    "values_here": ("een dubbele punt (sleutel: waarde) kan hier niet",
                    "mapping values are not allowed here"),
    "values_context": ("een dubbele punt (sleutel: waarde) kan hier niet",
                       "mapping values are not allowed in this context"),
    "keys_here": ("een sleutel kan hier niet", "mapping keys are not allowed here"),
    "keys_context": ("een sleutel kan hier niet", "mapping keys are not allowed in this context"),
    "entries_here": ("een lijstregel (- ...) kan hier niet", "sequence entries are not allowed here"),
    "entries_context": ("een lijstregel (- ...) kan hier niet",
                       "block sequence entries are not allowed in this context"),
    "end_of_stream": ("het bestand houdt hier onverwacht op", "found unexpected end of stream"),
    "document_separator": ("onverwacht begin of einde van een document (--- of ...)",
                           "found unexpected document separator"),
    "document_indicator": ("onverwacht begin of einde van een document (--- of ...)",
                           "found unexpected document indicator"),
    "unexpected_colon": ("onverwachte dubbele punt", "found unexpected ':'"),
    "unknown_escape": ("onbekende code na een backslash: {a}", "found unknown escape character {a}"),
    "unknown_escape_any": ("onbekende code na een backslash", "found unknown escape character"),
    "bad_unicode": ("ongeldige tekencode na een backslash", "found invalid Unicode character escape code"),
    "hex_escape": ("hier werden {a} hexadecimale cijfers na de backslash verwacht, maar er staat {b}",
                   "expected escape sequence of {a} hexadecimal numbers, but found {b}"),
    "tab_indent": ("een tab kan niet dienen als inspringing; gebruik spaties",
                   "found a tab character that violates indentation"),
    "tab_indent_space": ("een tab staat waar een spatie voor inspringing hoort; gebruik spaties",
                         "found a tab character where an indentation space is expected"),
    "tab_violate": ("een tab kan niet dienen als inspringing; gebruik spaties",
                    "found a tab character that violate indentation"),
    "indent_zero": ("de inspringing van een tekstblok kan niet 0 zijn",
                    "found an indentation indicator equal to 0"),
    "indent_range": ("de inspringing van een tekstblok ligt tussen 1 en 9, niet 0",
                     "expected indentation indicator in the range 1-9, but found 0"),
    "unclosed": ("verkeerd ingesprongen, of een '[' of '{{' die niet gesloten is",
                 "invalid indentation or unclosed '[' or '{{'"),
    "undefined_alias": ("verwijzing naar een onbekend anker {a}", "found undefined alias {a}"),
    "undefined_alias_any": ("verwijzing naar een onbekend anker", "found undefined alias"),
    "duplicate_anchor": ("het anker {a} staat er twee keer; eerste keer",
                         "found duplicate anchor {a}; first occurrence"),
    "duplicate_anchor_any": ("een anker staat er twee keer; eerste keer",
                             "found duplicate anchor; first occurrence"),
    "second": ("tweede keer", "second occurrence"),
    "single_document": ("een projectbestand is één document", "expected a single document in the stream"),
    "another_document": ("maar hier begint nog een document", "but found another document"),
    "unhashable": ("deze sleutel is een lijst of koppeling; een sleutel is een woord",
                   "found unhashable key"),
    "undefined_handle": ("onbekende tag-afkorting {a}", "found undefined tag handle {a}"),
    "undefined_handle_any": ("onbekende tag-afkorting", "found undefined tag handle"),
    "duplicate_handle": ("de tag-afkorting {a} staat er twee keer", "duplicate tag handle {a}"),
    "duplicate_yaml": ("de %YAML-regel staat er twee keer", "found duplicate YAML directive"),
    "duplicate_yaml_c": ("de %YAML-regel staat er twee keer", "found duplicate %YAML directive"),
    "duplicate_tag_c": ("de %TAG-regel staat er twee keer", "found duplicate %TAG directive"),
    "incompatible": ("deze YAML-versie wordt niet gelezen (versie 1.* is nodig)",
                     "found incompatible YAML document (version 1.* is required)"),
    "incompatible_c": ("deze YAML-versie wordt niet gelezen", "found incompatible YAML document"),
    "unknown_directive": ("onbekende %-regel", "found unknown directive name"),
    "non_alpha": ("hier staat een teken dat geen letter of cijfer is",
                  "found unexpected non-alphabetical character"),
    "long_version": ("het versienummer is te lang", "found extremely long version number"),
    "leading_octet": ("hier staat een ongeldig UTF-8-teken", "found an incorrect leading UTF-8 octet"),
    "trailing_octet": ("hier staat een ongeldig UTF-8-teken", "found an incorrect trailing UTF-8 octet"),
    "non_specific": ("de tag '!' zonder naam kan niet", "found non-specific tag '!'"),
    "non_empty_name": ("na een tag hoort een naam", "expected non-empty name appended to the tag"),
    "nesting": ("te diep genest", "Maximum nesting level reached, set with yaml_set_max_nest_level())"),
    "recursive": ("een waarde verwijst naar zichzelf", "found unconstructable recursive node"),
})  # fmt: skip

#: What the phrases name: the parts of YAML, and the tokens PyYAML reports.
THINGS = Catalog("yaml_things", {
    "a_block_mapping": ("een blok met sleutels en waarden", "a block mapping"),
    "a_flow_mapping": ("een koppeling tussen {{ }}", "a flow mapping"),
    "a_flow_sequence": ("een lijst tussen [ ]", "a flow sequence"),
    "a_block_collection": ("een blok", "a block collection"),
    "a_block_node": ("een waarde", "a block node"),
    "a_flow_node": ("een waarde tussen haakjes", "a flow node"),
    "a_node": ("een waarde", "a node"),
    "block": ("een blok", "block"),
    "flow": ("een waarde tussen haakjes", "flow"),
    "a_simple_key": ("een sleutel", "a simple key"),
    "a_plain_scalar": ("een tekst zonder aanhalingstekens", "a plain scalar"),
    "a_quoted_scalar": ("een tekst tussen aanhalingstekens", "a quoted scalar"),
    "a_double_quoted": ("een tekst tussen dubbele aanhalingstekens", "a double-quoted scalar"),
    "a_single_quoted": ("een tekst tussen enkele aanhalingstekens", "a single-quoted scalar"),
    "a_block_scalar": ("een tekstblok (| of >)", "a block scalar"),
    "a_tag": ("een tag", "a tag"),
    "a_directive": ("een %-regel", "a directive"),
    "a_yaml_directive": ("de %YAML-regel", "a %YAML directive"),
    "a_tag_directive": ("de %TAG-regel", "a %TAG directive"),
    "a_tag_directive_c": ("de %TAG-regel", "a tag directive"),
    "an_anchor": ("een anker (&)", "an anchor"),
    "an_alias": ("een verwijzing (*)", "an alias"),
    "a_mapping": ("een koppeling van sleutels en waarden", "a mapping"),
    "key": ("een sleutel", "key"),
    "node_content": ("een waarde", "node content"),
    "the_node_content": ("een waarde", "the node content"),
    "colon": ("een dubbele punt", "':'"),
    "comma_bracket": ("',' of ']'", "',' or ']'"),
    "comma_brace": ("',' of '}}'", "',' or '}}'"),
    "dash": ("een '-'", "'-' indicator"),
    "document_start": ("het begin van een document (---)", "<document start>"),
    "document_start_q": ("het begin van een document (---)", "'<document start>'"),
    "stream_start_c": ("het begin van het bestand", "<stream-start>"),
    "block_end": ("het einde van het blok (minder ver ingesprongen)", "<block end>"),
    "whitespace_or_break": ("een spatie of het einde van de regel", "whitespace or line break"),
    "comment_or_break": ("commentaar (#) of het einde van de regel", "comment or line break"),
    "a_comment_or_break": ("commentaar (#) of het einde van de regel", "a comment or a line break"),
    "whitespace": ("een spatie", "whitespace"),
    "space": ("een spatie", "' '"),
    "version_number": ("een versienummer", "version number"),
    "tag_uri": ("de naam van een tag", "tag URI"),
    "uri": ("de naam van een tag", "URI"),
    "uri_escape": ("een %-code van 2 hexadecimale cijfers", "URI escape sequence of 2 hexadecimal numbers"),
    "hex_number": ("een hexadecimaal getal", "hexdecimal number"),
    "digit_or_dot": ("een cijfer of '.'", "digit or '.' character"),
    "a_digit_or_dot": ("een cijfer of '.'", "a digit or '.'"),
    "a_digit_or_space": ("een cijfer of een spatie", "a digit or ' '"),
    "a_digit": ("een cijfer", "a digit"),
    "directive_name": ("de naam van een %-regel", "directive name"),
    "a_directive_name": ("de naam van een %-regel", "a directive name"),
    "alphanumeric": ("een letter of cijfer", "alphabetic or numeric character"),
    "chomping": ("+, - of een cijfer na | of >", "chomping or indentation indicators"),
    "empty_value": ("een lege waarde", "the empty value"),
    "bang": ("'!'", "'!'"),
    "gt": ("'>'", "'>'"),
    "t_directive": ("een %-regel", "'<directive>'"),
    "t_document_end": ("het einde van een document (...)", "'<document end>'"),
    "t_stream_start": ("het begin van het bestand", "'<stream start>'"),
    "t_stream_end": ("het einde van het bestand", "'<stream end>'"),
    "t_block_sequence_start": ("het begin van een lijst", "'<block sequence start>'"),
    "t_block_mapping_start": ("het begin van een blok met sleutels", "'<block mapping start>'"),
    "t_block_end": ("het einde van een blok", "'<block end>'"),
    "t_flow_sequence_start": ("'['", "'<flow sequence start>'"),
    "t_flow_mapping_start": ("'{{'", "'<flow mapping start>'"),
    "t_flow_sequence_end": ("']'", "'<flow sequence end>'"),
    "t_flow_mapping_end": ("'}}'", "'<flow mapping end>'"),
    "t_key": ("een sleutel", "'<key>'"),
    "t_value": ("een dubbele punt", "'<value>'"),
    "t_block_entry": ("een lijstregel (- ...)", "'<block entry>'"),
    "t_flow_entry": ("een komma", "'<flow entry>'"),
    "t_alias": ("een verwijzing (*)", "'<alias>'"),
    "t_anchor": ("een anker (&)", "'<anchor>'"),
    "t_tag": ("een tag", "'<tag>'"),
    "t_scalar": ("een waarde", "'<scalar>'"),
})  # fmt: skip


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each phrase as a regular expression on its English text, longest first (so
    ``expected {a}, but found {b}`` is tried before ``expected {a}``)."""
    made = []
    for code, english in PHRASES.table("en").items():
        if code == "both":
            continue
        text = english.replace("{{", "{").replace("}}", "}")
        pattern = re.escape(text).replace(r"\{a\}", "(?P<a>.+?)").replace(r"\{b\}", "(?P<b>.+)")
        made.append((code, re.compile(f"^{pattern}$", re.S)))
    return sorted(made, key=lambda item: -len(item[1].pattern))


@cache
def _things() -> dict[str, str]:
    table = THINGS.table("en")
    return {english.replace("{{", "{").replace("}}", "}"): code for code, english in table.items()}


def _thing(text: str) -> Msg | str:
    code = _things().get(text)
    return THINGS.msg(code) if code else text


def phrase(text: str) -> Msg | str:
    """One context or problem of the parser as a message (the text itself when no
    phrase matches)."""
    text = text.strip()
    for code, pattern in _patterns():
        match = pattern.match(text)
        if match:
            return PHRASES.msg(code, **{k: _thing(v) for k, v in match.groupdict().items()})
    return text


def describe(context: str | None, problem: str | None) -> Msg | str:
    """The parser's context and problem together, in the reader's language."""
    parts = [phrase(p) for p in (context, problem) if p]
    if len(parts) == 2:
        return PHRASES.msg("both", context=parts[0], problem=parts[1])
    return parts[0] if parts else ""


#: Where a phrase holds what the file says (a character, a name, a count) rather than
#: one of :data:`THINGS`.
_FROM_THE_FILE = {"cannot_start": "a", "unknown_escape": "a", "undefined_alias": "a",
                  "duplicate_anchor": "a", "undefined_handle": "a", "duplicate_handle": "a",
                  "hex_escape": "ab", "expected_found": "b", "expected_got": "b"}  # fmt: skip


def known(text: str) -> bool:
    """True when ``text`` (a context or problem of the parser) is said fully in the
    reader's language: a known phrase, naming known things."""
    found = phrase(text)
    if not isinstance(found, Msg):
        return False
    free = _FROM_THE_FILE.get(found.code, "")
    return all(
        isinstance(value, Msg) or (name in free and not re.fullmatch(r"'?<[a-z -]+>'?", str(value)))
        for name, value in found.params.items()
    )
