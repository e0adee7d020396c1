"""What the poster says to a user, in Dutch and English: errors (in the reader's
language) and the labels printed on the sheets (in the project's language)."""

from __future__ import annotations

from ..messages import Catalog

TEXTS = Catalog(
    "poster",
    {
        # errors
        "unknown_paper": (
            "onbekend papierformaat {paper!r}: kies A3, A2, A1 of A0",
            "unknown paper size {paper!r}: choose A3, A2, A1 or A0",
        ),
        "unknown_persona": (
            "{source}: er is geen persona {item!r}; wel: {known}",
            "{source}: there is no persona {item!r}; there are: {known}",
        ),
        "unknown_scenario": (
            "{source}: er is geen scenario {item!r}; wel: {known}",
            "{source}: there is no scenario {item!r}; there are: {known}",
        ),
        "no_personas": (
            "{source}: er is nog geen persona om af te drukken; voeg er een toe, of druk een leeg "
            "canvas af met --blank",
            "{source}: there is no persona to print yet; add one, or print a blank canvas with --blank",
        ),
        "unknown_template": (
            "er is geen sjabloon {item!r}; wel: {known}",
            "there is no template {item!r}; there are: {known}",
        ),
        "not_pdf": (
            "{path}: een poster of leeg canvas wordt als .pdf geschreven; geef een naam die op .pdf eindigt",
            "{path}: a poster or blank canvas is written as .pdf; give a name ending in .pdf",
        ),
        "no_folder": (
            "{path}: de map {folder} bestaat niet; maak die eerst aan of kies een andere map",
            "{path}: the folder {folder} does not exist; create it first or choose another folder",
        ),
        "is_folder": (
            "{path}: is een map; geef een bestandsnaam die op .pdf eindigt",
            "{path}: is a folder; give a file name ending in .pdf",
        ),
        "need_project": (
            "geef een projectbestand, of druk een leeg canvas af met --blank --template SJABLOON",
            "give a project file, or print a blank canvas with --blank --template TEMPLATE",
        ),
        "template_needs_blank": (
            "--template hoort bij --blank zonder projectbestand; "
            "een poster volgt het sjabloon van het project",
            "--template goes with --blank and no project file; a poster follows the project's template",
        ),
        "blank_has_no_journey": (
            "een leeg canvas hoort bij geen persona of scenario; laat --persona en --scenario weg",
            "a blank canvas belongs to no persona or scenario; leave out --persona and --scenario",
        ),
        "bad_row_height": (
            "--row-height hoort bij --blank: een hoogte in millimeter, groter dan 0 en hoogstens {height:g}",
            "--row-height goes with --blank: a height in millimetres, above 0 and at most {height:g}",
        ),
        # printed on the sheets
        "sheet": ("blad {number} van {total}", "sheet {number} of {total}"),
        "scale": ("Emotie", "Emotion"),
        "date": ("Datum", "Date"),
        "team": ("Team", "Team"),
        "persona_box": ("Wie is de persona?", "Who is the persona?"),
        "persona_hint": ("naam, profiel, rol nu", "name, profile, role now"),
        "crucial_hint": ("markeer cruciale touchpoints met ★", "mark crucial touchpoints with ★"),
        # assembling a poster of several sheets
        "assembly_next": (
            "blad {number} sluit hier rechts aan: leg het over de grijze lijmrand tot de stippellijn →",
            "sheet {number} joins here on the right: lay it over the grey glue strip up to the dashed line →",
        ),
        "assembly_prev": ("← blad {number} sluit hier links aan", "← sheet {number} joins here on the left"),
        # the persona card
        "persona_role": ("Rol", "Role"),
        "persona_context": ("Context", "Context"),
        "persona_needs": ("Behoeften", "Needs"),
        "persona_frustrations": ("Frustraties", "Frustrations"),
        # the legend: one entry per mark the poster uses
        "key_crucial": (
            "cruciaal touchpoint: ★, getinte kolom en oranje lijn bovenaan",
            "crucial touchpoint: ★, tinted column and orange line on top",
        ),
        "key_side": ("grijze tekst: bijzaak", "grey text: side issue"),
        "key_pain": (
            "kring: pijnpunt, het laagste punt van de reis",
            "ring: pain point, the journey's lowest point",
        ),
        "key_phase_mark": (
            "gestippelde lijn: de fase als geheel beleefd",
            "dashed line: the phase experienced as a whole",
        ),
        "key_measured": (
            "onder de stippellijn: gemeten cijfers uit de bronnen",
            "below the dotted line: measured figures from the sources",
        ),
    },
)
