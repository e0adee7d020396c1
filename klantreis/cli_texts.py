"""The descriptions of every ``klantreis`` command and option, in Dutch and English
(the catalog :mod:`klantreis.cli_parser` builds its parser from)."""

from __future__ import annotations

from .messages import Catalog

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
                     "interviews), of plan hoeveel respondenten een enquête nodig heeft",
                     "import, list or remove evidence (surveys, calls, web statistics, interviews), "
                     "or plan how many respondents a survey needs"),
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
    "act_plan": ("bereken hoeveel respondenten per persona een enquête nodig heeft voor een marge",
                 "work out how many respondents per persona a survey needs for a margin"),
    "m_margin": ("MARGE", "MARGIN"),
    "o_margin": ("de halve breedte van het 95%%-interval die je wilt: in schaalpunten voor een "
                 "gemiddelde (score, ces), in punten (0–100) voor nps en csat",
                 "the half-width of the 95%% interval you want: in scale points for a mean "
                 "(score, ces), in points (0–100) for nps and csat"),
    "o_plan_metric": ("wat je meet: score (gemiddelde, standaard), nps, csat of ces",
                      "what you measure: score (a mean, the default), nps, csat or ces"),
    "o_sd": ("verwachte standaardafwijking van de antwoorden (bijvoorbeeld uit een eerdere meting; "
             "standaard het grootst mogelijke op de schaal)",
             "expected standard deviation of the answers (e.g. from an earlier measurement; default: "
             "the largest the scale allows)"),
    "o_share": ("csat: verwacht aandeel tevreden, 0–1 of 0–100 (standaard 0,5: het slechtste geval)",
                "csat: expected share satisfied, 0–1 or 0–100 (default 0.5: the worst case)"),
    "o_confidence": ("betrouwbaarheidsniveau van het interval (standaard 0.95)",
                     "confidence level of the interval (default 0.95)"),
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
    "o_paper": ("voor een .pdf: A3 (standaard; A1 bij --blank), A2, A1 of A0, liggend",
                "for a .pdf: A3 (default; A1 with --blank), A2, A1 or A0, landscape"),
    "o_blank": ("voor een .pdf: het lege canvas, om met de hand of met plakbriefjes in te vullen",
                "for a .pdf: the empty canvas, to fill in by hand or with sticky notes"),
    "o_row_height": ("met --blank: de kleinste hoogte van een rij in mm (standaard 80 op A1 en A0, "
                     "zodat een plakbriefje past; op A3 en A2 delen de rijen één blad)",
                     "with --blank: the least height of a row in mm (default 80 on A1 and A0, so a "
                     "sticky note fits; on A3 and A2 the rows share one sheet)"),
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
    "o_kind": ("soort gegevens: survey (enquête), calls (klantcontact), web (webstatistiek), "
               "interviews of events (gebeurtenissenlog: CSV of Parquet)",
               "kind of data: survey, calls (contact centre), web (web statistics), interviews or "
               "events (an event log: CSV or Parquet)"),
    "o_events_scheduler": ("voor --kind events: tel een map met Parquet-bestanden op een Dask-cluster "
                           "(tcp://HOST:POORT; pip install 'klantreis[cluster]')",
                           "for --kind events: tally a folder of Parquet files on a Dask cluster "
                           "(tcp://HOST:PORT; pip install 'klantreis[cluster]')"),
    "o_max_log_mb": ("voor --kind events: lees logs tot deze grootte in MB (standaard: geen grens)",
                     "for --kind events: read logs up to this size in MB (default: no limit)"),
    "cmd_paths": ("toon de paden van klanten uit een gebeurtenissenlog naast de kaart",
                  "show the customers' paths from an event log beside the map"),
    "o_paths_persona": ("de persona (standaard de enige)", "the persona (default: the only one)"),
    "o_paths_source": ("de bron met het log (standaard de enige)",
                       "the source holding the log (default: the only one)"),
    "o_json": ("druk de cijfers af als één JSON-object", "print the figures as one JSON object"),
    "o_mapping": ("hoe kolommen en waarden aansluiten op het project", "how columns and values map"),
    "o_source_id": ("id van de bron (standaard: uit de bestandsnaam)",
                    "source id (default: from the file name)"),
    "o_rows_persona": ("van wie de rijen zijn, als het bestand geen persona-kolom heeft",
                       "whose rows they are, when the file has no persona column"),
    "o_evidence_scenario": ("het scenario (standaard het eerste)", "the scenario (default: the first)"),
    "o_include_partial": ("tel ook onvolledige enquêteresponsen mee (Finished/Progress)",
                          "also count incomplete survey responses (Finished/Progress)"),
    "o_metric": ("wat de antwoorden van een enquête meten: score (gemiddelde, standaard), nps (0–10), "
                 "csat (aandeel twee hoogste antwoorden) of ces (gemiddelde inspanning)",
                 "what a survey's answers measure: score (mean, default), nps (0–10), csat (share of "
                 "the top two answers) or ces (mean effort)"),
    "o_force_twin": ("lees ook in als een andere bron dezelfde gegevens al heeft (zelfde bestand, "
                     "overlappend klantcontactlog)",
                     "import even when another source holds the same data (same file, overlapping "
                     "call log)"),
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
    "o_participants": ("hoeveel deelnemers tegelijk een stap openen; zoveel kernels staan klaar, "
                       "elk ~{mb} MB geheugen (standaard {default})",
                       "how many participants open a step at the same moment; that many kernels are "
                       "kept ready, ~{mb} MB of memory each (default {default})"),
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
    "cmd_diff": ("toon per record wat er veranderd is tussen twee versies van een project",
                 "show record by record what changed between two versions of a project"),
    "o_diff_files": ("OUD NIEUW (of de zeven argumenten van git's diff-driver)",
                     "OLD NEW (or the seven arguments of git's diff driver)"),
    "o_git_diff": ("laat git diff ook per record vergelijken (klantreis diff)",
                   "make git diff compare record by record too (klantreis diff)"),
    "o_diff_json": ("als JSON, voor andere programma's", "as JSON, for other programs"),
})  # fmt: skip
