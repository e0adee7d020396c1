"""The commands and options of ``klantreis``, with a description for every one in
Dutch and English, and the short overview ``klantreis`` alone prints."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_argparse import Parser, number_type
from .messages import LANGUAGES, Catalog
from .version import __version__

#: The commands in the order the overview lists them; ``evidence`` has actions.
COMMANDS = ("templates", "new", "validate", "export", "import", "build", "evidence", "lab", "app",
            "wall", "schema", "portfolio", "diff", "git-setup", "merge-driver")  # fmt: skip
EVIDENCE_ACTIONS = ("import", "list", "remove")
#: The Dutch word a user may type for a command, to suggest the command's name.
DUTCH_NAMES = {"sjablonen": "templates", "nieuw": "new", "controleer": "validate", "controleren": "validate",
               "exporteer": "export", "exporteren": "export", "importeer": "import", "importeren": "import",
               "bouw": "build", "bouwen": "build", "rapport": "build", "bewijs": "evidence",
               "werkboek": "lab", "wand": "wall", "muur": "wall"}  # fmt: skip

TEXTS = Catalog("cli_parser", {
    "description": ("Breng een klantreis stap voor stap in kaart, per persona en scenario.",
                    "Map a customer journey (klantreis) step by step, per persona and scenario."),
    "command": ("OPDRACHT", "COMMAND"),
    "action": ("ACTIE", "ACTION"),
    "version": ("toon het versienummer en stop", "show the version number and exit"),
    "language": ("de taal van klantreis: nl of en (standaard: die van het project, anders "
                 "$KLANTREIS_LANG, anders nl)",
                 "the language klantreis speaks: nl or en (default: the project's, else "
                 "$KLANTREIS_LANG, else nl)"),
    "cmd_templates": ("toon de canvas-sjablonen", "list the canvas templates"),
    "cmd_new": ("maak een projectbestand van een sjabloon", "create a project file from a template"),
    "cmd_validate": ("controleer projectbestanden en noem elk probleem",
                     "check project files and list every problem"),
    "cmd_export": ("exporteer naar een spreadsheet, een kaart, een afbeelding of een poster",
                   "export to a spreadsheet, a map, an image or a poster"),
    "desc_export": ("Exporteer naar .xlsx, .json, .yaml of een map met CSV-bestanden; de kaart van "
                    "één reis naar .html (canvas en curve), .svg of .png (curve) of .pdf (poster); "
                    "of een leeg canvas naar .pdf.",
                    "Export to .xlsx, .json, .yaml or a folder of CSV files; one journey's map to "
                    ".html (canvas and curve), .svg or .png (curve) or .pdf (a poster); or a "
                    "blank canvas to .pdf."),
    "cmd_import": ("lees een .xlsx, .json of map met CSV-bestanden in als projectbestand",
                   "import a .xlsx, .json or folder of CSV files into a project file"),
    "cmd_build": ("maak een HTML-rapport per persona × scenario, en een overzicht",
                  "build an HTML report per persona × scenario, and an index"),
    "cmd_evidence": ("importeer, toon of verwijder bewijs (enquêtes, klantcontact, webstatistiek, "
                     "interviews)",
                     "import, list or remove evidence (surveys, calls, web statistics, interviews)"),
    "cmd_lab": ("open de eigen kopie van het werkboek van het project in JupyterLab",
                "open the project's own copy of the workbook in JupyterLab"),
    "cmd_app": ("toon het werkboek als web-app voor een workshop: een pagina per stap, zonder code",
                "serve the workbook as a web app for a workshop: a page per step, no code"),
    "cmd_wall": ("toon alleen de wand: canvas en curve, alleen-lezen, ververst vanzelf",
                 "serve only the wall: the canvas and curve, read-only, refreshing by itself"),
    "cmd_schema": ("toon het JSON Schema van het projectbestand",
                   "print the JSON Schema of the project file"),
    "cmd_portfolio": ("maak een overzicht van veel projectbestanden: reizen, pijnpunten, kansen",
                      "build an overview of many project files: journeys, pain points, opportunities"),
    "o_paths": ("projectbestanden of mappen (die worden doorzocht)", "project files or folders (searched)"),
    "o_portfolio_out": ("de map voor het overzicht (standaard: portfolio)",
                        "the folder for the overview (default: portfolio)"),
    "o_scheduler": ("bouw op een Dask-cluster (tcp://HOST:POORT; pip install 'klantreis[cluster]')",
                    "build on a Dask cluster (tcp://HOST:PORT; pip install 'klantreis[cluster]')"),
    "cmd_diff": ("toon per record wat er veranderd is tussen twee versies van een project",
                 "show record by record what changed between two versions of a project"),
    "o_diff_files": ("OUD NIEUW (of de zeven argumenten van git's diff-driver)",
                     "OLD NEW (or the seven arguments of git's diff driver)"),
    "o_git_diff": ("laat git diff ook per record vergelijken (klantreis diff)",
                   "make git diff compare record by record too (klantreis diff)"),
    "o_json": ("als JSON, voor andere programma's", "as JSON, for other programs"),
    "cmd_git-setup": ("laat git projectbestanden per record samenvoegen (in een repository)",
                      "let git merge project files record by record (in a repository)"),
    "cmd_merge-driver": ("voor git: voeg drie versies van een projectbestand samen (zie git-setup)",
                         "for git: merge three versions of a project file (see git-setup)"),
    "o_pattern": ("welke bestanden (herhaalbaar; standaard *.yaml; andere YAML voegt git gewoon samen)",
                  "which files (repeatable; default *.yaml; other YAML git merges as usual)"),
    "o_driver_command": ("hoe git klantreis start (standaard: klantreis)",
                         "how git starts klantreis (default: klantreis)"),
    "o_merge_file": ("{side}-versie (van git)", "{side} version (from git)"),
    "o_merge_name": ("naam van het bestand in de repository", "the file's name in the repository"),
    "act_import": ("lees een CSV- of .xlsx-bestand en bewaar de cijfers in het project",
                   "read a CSV or .xlsx file and store its figures in the project"),
    "act_list": ("toon de bewijsbronnen van het project", "list the project's evidence sources"),
    "act_remove": ("verwijder een bron met zijn cijfers en citaten",
                   "remove a source with its figures and quotes"),
    "lab_epilog": ("Andere opties gaan ongewijzigd naar JupyterLab, bijvoorbeeld "
                   "--ServerApp.ip=0.0.0.0. Als root (zoals in een container) voegt klantreis zelf "
                   "--allow-root toe.",
                   "Other options go to JupyterLab unchanged, for example --ServerApp.ip=0.0.0.0. "
                   "As root (as in a container) klantreis adds --allow-root itself."),
    "m_project": ("PROJECT", "PROJECT"),
    "m_file": ("BESTAND", "FILE"),
    "m_folder": ("MAP", "FOLDER"),
    "m_target": ("DOEL", "TARGET"),
    "m_template": ("SJABLOON", "TEMPLATE"),
    "m_title": ("TITEL", "TITLE"),
    "m_size": ("FORMAAT", "SIZE"),
    "m_pattern": ("PATROON", "PATTERN"),
    "m_port": ("POORT", "PORT"),
    "m_address": ("ADRES", "ADDRESS"),
    "m_source": ("BRON", "SOURCE"),
    "o_templates_language": ("taal van de beschrijvingen: nl of en",
                             "language of the descriptions: nl or en"),
    "o_new_file": ("het nieuwe projectbestand (eindigt op .yaml)", "the new project file (ends in .yaml)"),
    "o_template": ("sjabloon-id (zie `klantreis templates`)", "template id (see `klantreis templates`)"),
    "o_title": ("titel van het project (ook later in te vullen, in stap 1)",
                "title of the project (can also be filled in later, in step 1)"),
    "o_new_language": ("taal van het project: nl of en (standaard nl)",
                       "language of the project: nl or en (default nl)"),
    "o_force": ("overschrijf een bestaand bestand", "overwrite an existing file"),
    "o_files": ("een of meer projectbestanden", "one or more project files"),
    "o_max_mb": ("lees bestanden tot deze grootte in MB (standaard 50, of $KLANTREIS_MAX_MB)",
                 "read files up to this size in MB (default 50, or $KLANTREIS_MAX_MB)"),
    "o_export_file": ("het projectbestand (niet nodig bij --blank --template)",
                      "the project file (not needed for --blank --template)"),
    "o_to": ("het bestand of de map om naar te exporteren; het achtervoegsel kiest de vorm: .xlsx, "
             ".json, .yaml, een map (CSV), .html, .svg, .png of .pdf",
             "the file or folder to export to; its suffix picks the form: .xlsx, .json, .yaml, a "
             "folder (CSV), .html, .svg, .png or .pdf"),
    "o_map_persona": ("voor een kaart of poster: de persona (standaard de eerste)",
                      "for a map or poster: the persona (default: the first)"),
    "o_map_scenario": ("voor een kaart of poster: het scenario (standaard het eerste)",
                       "for a map or poster: the scenario (default: the first)"),
    "o_paper": ("voor een .pdf: A3 (standaard), A2, A1 of A0, liggend",
                "for a .pdf: A3 (default), A2, A1 or A0, landscape"),
    "o_blank": ("voor een .pdf: het lege canvas, om met de hand in te vullen",
                "for a .pdf: the empty canvas, to fill in by hand"),
    "o_blank_template": ("met --blank en zonder project: het sjabloon-id",
                         "with --blank and no project: the template id"),
    "o_export_language": ("met --template: nl of en", "with --template: nl or en"),
    "o_source": ("het bestand of de map om in te lezen: .xlsx, .json, of een map met CSV-bestanden",
                 "the file or folder to read: .xlsx, .json, or a folder of CSV files"),
    "o_import_to": ("het projectbestand om te maken", "the project file to create"),
    "o_import_force": ("overschrijf een bestaand projectbestand", "overwrite an existing project file"),
    "o_project": ("het projectbestand", "the project file"),
    "o_out": ("de map voor de rapporten (standaard: rapport)",
              "the folder for the reports (default: rapport)"),
    "o_persona": ("alleen deze persona (herhaalbaar)", "only this persona (repeatable)"),
    "o_scenario": ("alleen dit scenario (herhaalbaar)", "only this scenario (repeatable)"),
    "o_jobs": ("zoveel reizen tegelijk (standaard: het aantal processorkernen)",
               "this many journeys at once (default: the number of cores)"),
    "o_with_code": ("laat de code in de HTML staan", "keep the code cells in the HTML"),
    "o_notebooks": ("'all' voert per reis ook elk stap-notebook uit (standaard: report)",
                    "'all' also runs every step notebook per journey (default: report)"),
    "o_evidence": ("alleen de cijfers van deze bewijsbron (een meetgolf); standaard alle",
                   "only the figures of this evidence source (a data wave); default: all"),
    "o_evidence_file": ("het CSV- of .xlsx-bestand met de gegevens", "the CSV or .xlsx file with the data"),
    "o_kind": ("soort gegevens: survey (enquête), calls (klantcontact), web (webstatistiek) of "
               "interviews",
               "kind of data: survey, calls (contact centre), web (web statistics) or interviews"),
    "o_mapping": ("hoe kolommen en waarden aansluiten op het project", "how columns and values map"),
    "o_source_id": ("id van de bron (standaard: uit de bestandsnaam)",
                    "source id (default: from the file name)"),
    "o_rows_persona": ("van wie de rijen zijn, als het bestand geen persona-kolom heeft",
                       "whose rows they are, when the file has no persona column"),
    "o_evidence_scenario": ("het scenario (standaard het eerste)", "the scenario (default: the first)"),
    "o_remove_source": ("id van de bron (zie `klantreis evidence list`)",
                        "source id (see `klantreis evidence list`)"),
    "o_lab_file": ("het projectbestand (mag nog niet bestaan: stap 0 maakt het)",
                   "the project file (need not exist yet: step 0 creates it)"),
    "o_lab_port": ("poort van JupyterLab (standaard: de eerste vrije vanaf 8888)",
                   "JupyterLab's port (default: the first free one from 8888)"),
    "o_no_browser": ("open geen browser", "do not open a browser"),
    "o_refresh": ("vervang de werkboekkopie van het project door die van deze versie (oude kopieën "
                  "blijven bewaard)",
                  "replace the project's workbook copy by this version's (old copies are kept)"),
    "o_app_file": ("het projectbestand (app: wordt op de startpagina gemaakt als het nog niet bestaat)",
                   "the project file (app: created from the start page if missing)"),
    "o_app_port": ("poort (standaard {port})", "port (default {port})"),
    "o_host": ("adres om op te luisteren (standaard 127.0.0.1: alleen deze computer; 0.0.0.0: het "
               "hele netwerk, dan is een toegangscode of wachtwoord nodig)",
               "address to listen on (default 127.0.0.1: only this computer; 0.0.0.0: the whole "
               "network, which needs a token or password)"),
    "o_token": ("toegangscode die deelnemers nodig hebben", "access code participants need"),
    "o_password": ("vraag om een wachtwoord", "ask for a password to use"),
    "overview_commands": ("Opdrachten:", "Commands:"),
    "overview_actions": ("Acties:", "Actions:"),
    "overview_first": (
        "Begin hier:  klantreis new mijnreis.yaml --template canvas\n"
        "             (alle sjablonen: klantreis templates; daarna: klantreis lab mijnreis.yaml)",
        "Start here:  klantreis new myjourney.yaml --template canvas --language en\n"
        "             (all templates: klantreis templates; then: klantreis lab myjourney.yaml)",
    ),
    "overview_more": ("Uitleg bij een opdracht: {prog} {metavar} --help",
                      "Help on a command: {prog} {metavar} --help"),
})  # fmt: skip


def _sentence(text: str) -> str:
    """A one-line help text as the sentence that opens a command's --help."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class _Builder:
    """Adds the commands to a parser in one language."""

    def __init__(self, language: str):
        self.language = language

    def t(self, code: str, **params: Any) -> str:
        return TEXTS.text(code, self.language, **params)

    def commands(self, parser: Parser) -> argparse._SubParsersAction:
        sub = parser.add_subparsers(dest="command", metavar=self.t("command"), parser_class=Parser)
        parser.synonyms = DUTCH_NAMES
        parser.commands = {}  # type: ignore[attr-defined]
        for name in COMMANDS:
            described = f"desc_{name}" if f"desc_{name}" in TEXTS else f"cmd_{name}"
            command = sub.add_parser(
                name,
                help=self.t(f"cmd_{name}"),
                description=_sentence(self.t(described)),
                language=self.language,
            )
            parser.commands[name] = command  # type: ignore[attr-defined]
            getattr(self, f"_{name.replace('-', '_')}")(command)
        return sub

    def _max_mb(self, p: Parser) -> None:
        p.add_argument(
            "--max-mb",
            type=number_type(float, self.language),
            default=None,
            metavar="MB",
            help=self.t("o_max_mb"),
        )

    def _language(self, p: Parser, code: str, default: str | None) -> None:
        p.add_argument("--language", choices=LANGUAGES, default=default, help=self.t(code))

    def _speaks(self, p: Parser) -> None:
        """``--language`` after the command too, as before it: the messages' language."""
        p.add_argument(
            "--language",
            choices=LANGUAGES,
            dest="cli_language",
            default=argparse.SUPPRESS,
            help=self.t("language"),
        )

    def _templates(self, p: Parser) -> None:
        self._language(p, "o_templates_language", None)

    def _new(self, p: Parser) -> None:
        p.add_argument("file", metavar=self.t("m_project"), help=self.t("o_new_file"))
        p.add_argument("--template", required=True, metavar=self.t("m_template"), help=self.t("o_template"))
        p.add_argument("--title", default="", metavar=self.t("m_title"), help=self.t("o_title"))
        self._language(p, "o_new_language", "nl")
        p.add_argument("--force", action="store_true", help=self.t("o_force"))

    def _validate(self, p: Parser) -> None:
        p.add_argument("files", nargs="+", metavar=self.t("m_project"), help=self.t("o_files"))
        self._max_mb(p)
        self._speaks(p)

    def _export(self, p: Parser) -> None:
        p.add_argument("file", nargs="?", metavar=self.t("m_project"), help=self.t("o_export_file"))
        p.add_argument("--to", required=True, dest="target", metavar=self.t("m_target"), help=self.t("o_to"))
        p.add_argument("--persona", default=None, metavar="ID", help=self.t("o_map_persona"))
        p.add_argument("--scenario", default=None, metavar="ID", help=self.t("o_map_scenario"))
        p.add_argument("--paper", default=None, metavar=self.t("m_size"), help=self.t("o_paper"))
        p.add_argument("--blank", action="store_true", help=self.t("o_blank"))
        p.add_argument(
            "--template", default=None, metavar=self.t("m_template"), help=self.t("o_blank_template")
        )
        self._language(p, "o_export_language", None)
        self._max_mb(p)

    def _import(self, p: Parser) -> None:
        p.add_argument("source", metavar=self.t("m_file"), help=self.t("o_source"))
        p.add_argument(
            "--to", required=True, dest="target", metavar=self.t("m_project"), help=self.t("o_import_to")
        )
        p.add_argument("--force", action="store_true", help=self.t("o_import_force"))
        self._max_mb(p)
        self._speaks(p)

    def _build(self, p: Parser) -> None:
        p.add_argument("file", metavar=self.t("m_project"), help=self.t("o_project"))
        p.add_argument("--out", default="rapport", metavar=self.t("m_folder"), help=self.t("o_out"))
        p.add_argument("--persona", action="append", metavar="ID", help=self.t("o_persona"))
        p.add_argument("--scenario", action="append", metavar="ID", help=self.t("o_scenario"))
        p.add_argument(
            "--jobs", type=number_type(int, self.language), default=None, metavar="N", help=self.t("o_jobs")
        )
        p.add_argument("--with-code", action="store_true", help=self.t("o_with_code"))
        p.add_argument("--notebooks", choices=("report", "all"), default="report", help=self.t("o_notebooks"))
        p.add_argument("--evidence", default="", metavar=self.t("m_source"), help=self.t("o_evidence"))
        self._speaks(p)

    def _evidence(self, p: Parser) -> None:
        actions = p.add_subparsers(dest="action", metavar=self.t("action"), parser_class=Parser)
        p.commands = {}  # type: ignore[attr-defined]
        for name in EVIDENCE_ACTIONS:
            action = actions.add_parser(
                name,
                help=self.t(f"act_{name}"),
                description=_sentence(self.t(f"act_{name}")),
                language=self.language,
            )
            p.commands[name] = action  # type: ignore[attr-defined]
            action.add_argument("file", metavar=self.t("m_project"), help=self.t("o_project"))
            self._speaks(action)
        do = p.commands  # type: ignore[attr-defined]
        do["import"].add_argument("source_file", metavar=self.t("m_file"), help=self.t("o_evidence_file"))
        do["import"].add_argument(
            "--kind", required=True, choices=("survey", "calls", "web", "interviews"), help=self.t("o_kind")
        )
        do["import"].add_argument("--mapping", default=None, metavar="MAPPING.yaml", help=self.t("o_mapping"))
        do["import"].add_argument("--source", default=None, metavar="ID", help=self.t("o_source_id"))
        do["import"].add_argument("--persona", default=None, metavar="ID", help=self.t("o_rows_persona"))
        do["import"].add_argument(
            "--scenario", default=None, metavar="ID", help=self.t("o_evidence_scenario")
        )
        do["remove"].add_argument("source", metavar=self.t("m_source"), help=self.t("o_remove_source"))

    def _lab(self, p: Parser) -> None:
        p.epilog = self.t("lab_epilog")
        p.add_argument("file", nargs="?", metavar=self.t("m_project"), help=self.t("o_lab_file"))
        p.add_argument(
            "--port",
            type=number_type(int, self.language),
            default=None,
            metavar=self.t("m_port"),
            help=self.t("o_lab_port"),
        )
        p.add_argument("--no-browser", action="store_true", help=self.t("o_no_browser"))
        p.add_argument("--refresh-workbook", action="store_true", help=self.t("o_refresh"))

    def _server(self, p: Parser, port: int) -> None:
        p.add_argument("file", metavar=self.t("m_project"), help=self.t("o_app_file"))
        p.add_argument(
            "--port",
            type=number_type(int, self.language),
            default=None,
            metavar=self.t("m_port"),
            help=self.t("o_app_port", port=port),
        )
        p.add_argument("--host", default="127.0.0.1", metavar=self.t("m_address"), help=self.t("o_host"))
        access = p.add_mutually_exclusive_group()
        access.add_argument("--token", default=None, metavar="CODE", help=self.t("o_token"))
        access.add_argument("--password", action="store_true", help=self.t("o_password"))
        p.add_argument("--no-browser", action="store_true", help=self.t("o_no_browser"))

    def _app(self, p: Parser) -> None:
        self._server(p, 8866)

    def _wall(self, p: Parser) -> None:
        self._server(p, 8867)

    def _schema(self, p: Parser) -> None:
        pass

    def _portfolio(self, p: Parser) -> None:
        p.add_argument("paths", nargs="+", metavar=self.t("m_file"), help=self.t("o_paths"))
        p.add_argument(
            "--out", default="portfolio", metavar=self.t("m_folder"), help=self.t("o_portfolio_out")
        )
        p.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT", help=self.t("o_scheduler"))
        p.add_argument(
            "--jobs", type=number_type(int, self.language), default=None, metavar="N", help=self.t("o_jobs")
        )
        self._speaks(p)

    def _diff(self, p: Parser) -> None:
        p.add_argument("files", nargs="+", metavar=self.t("m_project"), help=self.t("o_diff_files"))
        p.add_argument("--json", action="store_true", help=self.t("o_json"))
        self._speaks(p)

    def _git_setup(self, p: Parser) -> None:
        p.add_argument("--pattern", action="append", metavar=self.t("m_pattern"), help=self.t("o_pattern"))
        p.add_argument(
            "--command", default="klantreis", dest="driver_command", help=self.t("o_driver_command")
        )
        p.add_argument("--diff", action="store_true", help=self.t("o_git_diff"))
        self._speaks(p)

    def _merge_driver(self, p: Parser) -> None:
        for side, code in (("base", "%O"), ("ours", "%A"), ("theirs", "%B")):
            p.add_argument(side, metavar=code, help=self.t("o_merge_file", side=side))
        p.add_argument("name", nargs="?", default=None, metavar="%P", help=self.t("o_merge_name"))
        self._speaks(p)


def build_parser(language: str) -> Parser:
    """The ``klantreis`` parser, speaking ``language``; ``parser.commands`` maps each
    command to its sub-parser (``evidence``'s has ``commands`` for its actions)."""
    builder = _Builder(language)
    parser = Parser(prog="klantreis", description=builder.t("description"), language=language)
    parser.add_argument(
        "--version", action="version", version=f"klantreis {__version__}", help=builder.t("version")
    )
    parser.add_argument(
        "--language", choices=LANGUAGES, default=None, dest="cli_language", help=builder.t("language")
    )
    builder.commands(parser)
    return parser


def overview(parser: Parser, names: tuple[str, ...] = COMMANDS, prefix: str = "cmd_") -> str:
    """What ``klantreis`` alone prints: each command with one line, and a first step
    (for ``klantreis evidence`` alone: its actions)."""
    t = _Builder(parser.language).t
    width = max(len(name) for name in names) + 2
    lines = [parser.description or "", "", t("overview_commands" if prefix == "cmd_" else "overview_actions")]
    lines += [f"  {name:<{width}}{t(prefix + name)}" for name in names]
    lines.append("")
    if prefix == "cmd_":
        lines += [t("overview_first"), ""]
    metavar = t("command" if prefix == "cmd_" else "action")
    lines.append(t("overview_more", prog=parser.prog, metavar=metavar))
    return "\n".join(lines)
