"""The user-facing texts of the workbook forms, in Dutch and English."""

from __future__ import annotations

from typing import Any

from ..messages import Catalog

TEXTS = Catalog(
    "widgets",
    {
        # status line
        "saved_at": ("Opgeslagen om {time} (wijziging {count})", "Saved at {time} (change {count})"),
        "saved_merged": (
            "Opgeslagen om {time} (wijziging {count}), samen met wijzigingen uit een ander notebook",
            "Saved at {time} (change {count}), together with changes from another notebook",
        ),
        "not_saved": ("Niet opgeslagen: {message}", "Not saved: {message}"),
        "not_removed": ("Niet verwijderd: {message}", "Not removed: {message}"),
        "not_saved_see": (
            "Niet alles is opgeslagen: zie de melding met ⚠ in het formulier.",
            "Not everything is saved: see the message marked ⚠ in the form.",
        ),
        "conflict": (
            "Niet opgeslagen: in een ander notebook is hetzelfde veld anders ingevuld ({fields}). "
            "Je invoer staat nog in dit formulier. Kies welke versie geldt voor die velden.",
            "Not saved: another notebook filled in the same field differently ({fields}). "
            "Your input is still in this form. Choose which version wins for those fields.",
        ),
        "keep_mine": ("Mijn versie bewaren", "Keep my version"),
        "take_theirs": ("Andere versie overnemen", "Take the other version"),
        "refresh": ("Bijwerken", "Refresh"),
        "refresh_tip": ("Haal wijzigingen uit andere notebooks op", "Fetch changes made in other notebooks"),
        "up_to_date": ("Bijgewerkt om {time}", "Up to date at {time}"),
        "error": ("Er ging iets mis: {message}", "Something went wrong: {message}"),
        "disconnected": (
            "De verbinding met Python is weg — voer de cel opnieuw uit. Wat je hier nu doet, "
            "wordt niet opgeslagen.",
            "The connection to Python is gone — run the cell again. Nothing you do here now is saved.",
        ),
        "disconnected_app": (
            "De verbinding met de server is weg — herlaad de pagina. Wat je hier nu doet, "
            "wordt niet opgeslagen.",
            "The connection to the server is gone — reload the page. Nothing you do here now is saved.",
        ),
        "resent": (
            "De verbinding viel even weg; deze wijziging is daarna opnieuw verstuurd.",
            "The connection dropped for a moment; this change was sent again afterwards.",
        ),
        "lost_edit": (
            "Niet opgeslagen: de verbinding met Python viel weg voordat {fields} aankwam. "
            "Voer de cel opnieuw uit en vul het opnieuw in.",
            "Not saved: the connection to Python was lost before {fields} arrived. "
            "Run the cell again and fill it in again.",
        ),
        "lost_edit_app": (
            "Niet opgeslagen: de verbinding met de server viel weg voordat {fields} aankwam. "
            "Herlaad de pagina en vul het opnieuw in.",
            "Not saved: the connection to the server was lost before {fields} arrived. "
            "Reload the page and fill it in again.",
        ),
        # project
        "no_project": (
            "Er is nog geen project gekozen. Start de werkmap met `klantreis lab mijnreis.yaml`, "
            'of vul bovenaan dit notebook in de parameters-cel `project = "pad/naar/project.yaml"` '
            "in en voer het notebook opnieuw uit.",
            "No project chosen yet. Start the workbook with `klantreis lab myjourney.yaml`, or "
            'fill in `project = "path/to/project.yaml"` in the parameters cell at the top of '
            "this notebook and run it again.",
        ),
        "cannot_open": (
            "Het project kon niet worden geopend: {message}",
            "The project could not be opened: {message}",
        ),
        "unknown_step": (
            "Onbekende stap {step!r}; kies uit: {known}",
            "Unknown step {step!r}; choose from: {known}",
        ),
        # generic record editor
        "add": ("Toevoegen", "Add"),
        "list_tip": ("Kies er een om te bewerken", "Choose one to edit it"),
        "remove": ("Verwijderen", "Remove"),
        "up": ("Omhoog", "Up"),
        "down": ("Omlaag", "Down"),
        "new_name": ("Nieuwe naam", "New name"),
        "empty_list": (
            "De lijst is nog leeg. Begin hierboven: typ in het vak ‘{name}’ een naam en klik op "
            "Toevoegen; daarna vul je hier de rest in.",
            "The list is still empty. Start above: type a name in the box ‘{name}’ and click Add; "
            "then fill in the rest here.",
        ),
        "empty_name": ("vul eerst een naam in.", "fill in a name first."),
        "nothing_selected": ("kies eerst iets in de lijst.", "choose something in the list first."),
        "code": ("code (optioneel)", "code (optional)"),
        "code_tip": (
            "Een korte code voor het projectbestand en de rapporten. Laat je het vak leeg, "
            "dan wordt de code uit de naam gemaakt.",
            "A short code for the project file and the reports. Leave the box empty and the "
            "code is made from the name.",
        ),
        "code_of": ("code: {code}", "code: {code}"),
        # deleting and undoing
        "remove_question": ("‘{name}’ verwijderen?", "Remove ‘{name}’?"),
        "remove_cascade": (
            "Ook de {touchpoints} ervan worden verwijderd.",
            "Its {touchpoints} are removed too.",
        ),
        "yes_remove": ("Ja, verwijderen", "Yes, remove"),
        "cancel": ("Annuleren", "Cancel"),
        "removed": ("‘{name}’ is verwijderd.", "‘{name}’ was removed."),
        "removed_with": (
            "‘{name}’ is verwijderd, met {touchpoints}.",
            "‘{name}’ was removed, with {touchpoints}.",
        ),
        "undo": ("Ongedaan maken", "Undo"),
        "restored": ("‘{name}’ is terug.", "‘{name}’ is back."),
        # what things are called in messages
        # fields
        "title": ("Titel", "Title"),
        "goal": ("Doel", "Goal"),
        "owner_hint": ("wie is verantwoordelijk voor deze reis", "who is responsible for this journey"),
        "scenarios": ("Scenario's", "Scenarios"),
        "name": ("Naam", "Name"),
        "description": ("Beschrijving", "Description"),
        "role": ("Rol", "Role"),
        "context": ("Context", "Context"),
        "needs": ("Behoeften (één per regel)", "Needs (one per line)"),
        "frustrations": ("Frustraties (één per regel)", "Frustrations (one per line)"),
        "personas": ("Persona's", "Personas"),
        "scope_start": ("Begin van de reis", "Start of the journey"),
        "scope_end": ("Einde van de reis", "End of the journey"),
        "phases": ("Fasen", "Phases"),
        "duration": ("Duur", "Duration"),
        "user_goal": ("Doel van de persona", "The persona's goal"),
        "persona": ("Persona", "Persona"),
        "scenario": ("Scenario", "Scenario"),
        "phase": ("Fase", "Phase"),
        "touchpoints": ("Touchpoints", "Touchpoints"),
        "channel": ("Kanaal", "Channel"),
        "online": ("Online of offline", "Online or offline"),
        "owned": ("Eigen kanaal?", "Own channel?"),
        "partner": ("Partner", "Partner"),
        "action": ("Wat doet de persona", "What the persona does"),
        "frequency": ("Hoe vaak", "How often"),
        "backstage": ("Achter de schermen", "Backstage"),
        "data": ("Feiten en cijfers", "Facts and figures"),
        "importance": ("Hoofd- of bijzaak", "Main or side matter"),
        "unknown": ("onbekend", "unknown"),
        "yes": ("ja", "yes"),
        "no": ("nee", "no"),
        "is_online": ("online", "online"),
        "is_offline": ("offline", "offline"),
        "main": ("hoofdzaak", "main matter"),
        "side": ("bijzaak", "side matter"),
        "copy_title": ("Touchpoints kopiëren als startpunt", "Copy touchpoints as a starting point"),
        "copy_from": ("Van", "From"),
        "copy_to": ("Naar", "To"),
        "copy_replace": ("Bestaande touchpoints vervangen", "Replace existing touchpoints"),
        "copy": ("Kopiëren", "Copy"),
        "copied": ("{touchpoints} gekopieerd.", "{touchpoints} copied."),
        "copy_same": (
            "kies een andere persona of een ander scenario om naar te kopiëren.",
            "choose another persona or scenario to copy to.",
        ),
        "copy_target_full": (
            "daar staan al {touchpoints}. Zet een vinkje bij ‘{replace}’ als je ze wilt vervangen.",
            "{touchpoints} are already there. Tick ‘{replace}’ if you want to replace them.",
        ),
        "no_personas": ("Voeg eerst een persona toe (stap persona).", "Add a persona first (step persona)."),
        "no_phases": ("Voeg eerst fasen toe (stap fasen).", "Add phases first (step phases)."),
        "tally_empty": ("nog leeg {count}", "not set yet {count}"),
        "in_phase": ("in fase", "in phase"),
        "journey_list": (
            "De hele reis van deze persona in dit scenario, per fase. Kies een fase in de "
            "lijst om daar een touchpoint toe te voegen.",
            "The whole journey of this persona in this scenario, by phase. Choose a phase in "
            "the list to add a touchpoint there.",
        ),
        "phase_heading": ("▼ {name} ({count})", "▼ {name} ({count})"),
        "phase_heading_crucial": (
            "▼ {name} ({count}, waarvan {crucial} ★ cruciaal)",
            "▼ {name} ({count}, {crucial} ★ crucial)",
        ),
        "critical_hint": (
            "Zet een vinkje bij de touchpoints die in deze fase het zwaarst wegen voor de persona. "
            "In de lijst staat per fase hoeveel dat er zijn.",
            "Tick the touchpoints that weigh most for the persona in this phase. The list shows "
            "how many there are per phase.",
        ),
        "emotion": ("Emotie", "Emotion"),
        "why": ("Waarom", "Why"),
        "thoughts": ("Gedachten", "Thoughts"),
        "ideas": ("Ideeën", "Ideas"),
        "critical": ("Cruciaal moment", "Crucial moment"),
        "no_touchpoints": (
            "Deze persona heeft in dit scenario nog geen touchpoints (stap touchpoints).",
            "This persona has no touchpoints in this scenario yet (step touchpoints).",
        ),
        "curve": ("Emotiecurve", "Emotion curve"),
        "chosen": ("gekozen", "chosen"),
        # {emotion}: the template's word for the row (Ervaring, Gemoedstoestand, Beleving)
        "clear_emotion": ("{emotion} wissen", "Clear {emotion}"),
        "replaced_newer": (
            "{field}: iemand anders had dit intussen ook gewijzigd; jouw keuze is opgeslagen en geldt nu.",
            "{field}: someone else had changed this meanwhile too; your choice is saved and counts now.",
        ),
        "scale": ("Hoe voelt de persona zich?", "How does the persona feel?"),
        "notes": ("Notities", "Notes"),
        "opportunities": ("Kansen", "Opportunities"),
        "new_opportunity": ("Beschrijving van een nieuwe kans", "Description of a new opportunity"),
        "touchpoint": ("Touchpoint", "Touchpoint"),
        "every_persona": ("(elke persona)", "(every persona)"),
        "every_scenario": ("(elk scenario)", "(every scenario)"),
        "applies_to": ("Deze kans hoort bij: {journeys}.", "This opportunity belongs to: {journeys}."),
        "applies_to_many": (
            "Deze kans hoort bij: {journeys}. Is ze voor één persona of scenario? Kies dat hierboven.",
            "This opportunity belongs to: {journeys}. Is it for one persona or scenario? Choose it above.",
        ),
        "applies_to_none": (
            "Deze kans hoort nog bij geen enkele reis: geen persona heeft dit touchpoint in dit scenario.",
            "This opportunity belongs to no journey yet: no persona has this touchpoint in this scenario.",
        ),
        "phase_follows": (
            "De fase volgt het gekozen touchpoint. Zonder touchpoint kies je de fase zelf.",
            "The phase follows the chosen touchpoint. Without a touchpoint you choose the phase.",
        ),
        "impact": ("Impact (1-5)", "Impact (1-5)"),
        "effort": ("Inspanning (1-5)", "Effort (1-5)"),
        "owner": ("Eigenaar", "Owner"),
        "status": ("Status", "Status"),
        "missing": ("Wat ontbreekt er nog?", "What is still missing?"),
        "comparison": ("Scenario's vergeleken", "Scenarios compared"),
        "per_phase_head": ("Fase", "Phase"),
        "mean_in": ("Gemiddelde emotie: {scenario}", "Mean emotion: {scenario}"),
        "difference": ("Verschil", "Difference"),
        "comparison_of": (
            "{persona}: van ‘{before}’ naar ‘{after}’",
            "{persona}: from ‘{before}’ to ‘{after}’",
        ),
        "no_comparison": (
            "Nog niets te vergelijken. Vul voor dezelfde persona een tweede scenario in (stap "
            "touchpoints), dan staat hier per fase, en per touchpoint dat in beide voorkomt, wat "
            "er beter of slechter is.",
            "Nothing to compare yet. Fill in a second scenario for the same persona (step "
            "touchpoints), and this shows per phase, and per touchpoint found in both, what is "
            "better or worse.",
        ),
        "per_phase": ("Per fase", "Per phase"),
        "gap_goal": (
            "Het doel is nog niet ingevuld (stap doel).",
            "The goal is not filled in yet (step goal).",
        ),
        "gap_scope": (
            "Begin of einde van de reis is nog niet ingevuld (stap scope).",
            "The start or end of the journey is not filled in yet (step scope).",
        ),
        "gap_scenario": (
            "Scenario ‘{name}’ is nog leeg: geen persona heeft er touchpoints (stap touchpoints, "
            "kopiëren als startpunt).",
            "Scenario ‘{name}’ is still empty: no persona has touchpoints in it (step touchpoints, "
            "copy as a starting point).",
        ),
        "complete": ("Niets: alle onderdelen zijn ingevuld.", "Nothing: everything is filled in."),
        # step names
        "step_start": ("Start", "Start"),
        "step_doel": ("Doel", "Goal"),
        "step_persona": ("Persona", "Persona"),
        "step_scope": ("Scope", "Scope"),
        "step_fasen": ("Fasen", "Phases"),
        "step_touchpoints": ("Touchpoints", "Touchpoints"),
        "step_emoties": ("Emoties", "Emotions"),
        "step_review": ("Review", "Review"),
        "step_bewijs": ("Bewijs", "Evidence"),
        "bad_language": (
            "Onbekende taal {language!r}; kies nl of en.",
            "Unknown language {language!r}; choose nl or en.",
        ),
        "missing_file": (
            "Het project {path} bestaat nog niet. Maak het eerst aan in 00_start.",
            "The project {path} does not exist yet. Create it first in 00_start.",
        ),
        # start
        "start_intro": (
            "Maak een nieuw klantreisproject of open een bestaand project. Een sjabloon geeft de "
            "fasen, de emotieschaal, de reviewvragen en de uitleg bij elke stap. Werk daarna de "
            "notebooks 01 tot en met 07 door; alles wat je invult wordt meteen opgeslagen.",
            "Create a new customer journey project or open an existing one. A template provides "
            "the phases, the emotion scale, the review questions and the guidance for each step. "
            "Then work through notebooks 01 to 07; everything you fill in is saved at once.",
        ),
        "path": ("Projectbestand", "Project file"),
        "template": ("Sjabloon", "Template"),
        "language": ("Taal", "Language"),
        "create": ("Nieuw project maken", "Create new project"),
        "open": ("Project openen", "Open project"),
        "created": ("Project {path} aangemaakt", "Project {path} created"),
        "opened": ("Project {path} geopend", "Project {path} opened"),
        "empty_path": ("Vul eerst een bestandsnaam in.", "Fill in a file name first."),
        "file_exists": (
            "Het bestand {path} bestaat al. Kies ‘Project openen’, of kies een andere naam.",
            "The file {path} already exists. Choose ‘Open project’, or choose another name.",
        ),
        "file_missing": (
            "Het bestand {path} bestaat nog niet. Kies ‘Nieuw project maken’.",
            "The file {path} does not exist yet. Choose ‘Create new project’.",
        ),
        "folder_missing": ("De map {folder} bestaat niet.", "The folder {folder} does not exist."),
        "summary": (
            "**{title}** ({path}): sjabloon {template}, {personas}, {phases}, {scenarios}, {touchpoints}.",
            "**{title}** ({path}): template {template}, {personas}, {phases}, {scenarios}, {touchpoints}.",
        ),
        "other_steps": (
            "Ga verder met 01_doel. Wordt dit project daar niet gevonden, start de werkmap dan "
            "met `klantreis lab {path}`.",
            "Continue with 01_doel. If it does not find this project, start the workbook with "
            "`klantreis lab {path}`.",
        ),
    },
)


def tr(key: str, language: str, /, **values: Any) -> str:
    """The text ``key`` in ``language`` (``nl`` or ``en``), with ``values`` filled in."""
    return TEXTS.text(key, language, **values)


def short(text: str, length: int = 60) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1] + "…"
