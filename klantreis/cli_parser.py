"""The commands and options of ``klantreis``, with a description for every one in
Dutch and English, and the short overview ``klantreis`` alone prints."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_argparse import Parser, number_type
from .cli_texts import TEXTS
from .messages import LANGUAGES
from .version import __version__
from .workshop_size import DEFAULT_PARTICIPANTS, KERNEL_MB

#: The commands in the order the overview lists them; ``evidence`` has actions.
COMMANDS = ("templates", "new", "validate", "export", "import", "build", "evidence", "paths", "lab",
            "app", "wall", "schema", "portfolio", "diff", "git-setup", "merge-driver")  # fmt: skip
EVIDENCE_ACTIONS = ("import", "list", "remove", "plan")
#: The Dutch word a user may type for a command, to suggest the command's name.
DUTCH_NAMES = {"sjablonen": "templates", "nieuw": "new", "controleer": "validate", "controleren": "validate",
               "exporteer": "export", "exporteren": "export", "importeer": "import", "importeren": "import",
               "bouw": "build", "bouwen": "build", "rapport": "build", "bewijs": "evidence",
               "werkboek": "lab", "wand": "wall", "muur": "wall"}  # fmt: skip


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
        p.add_argument("--row-height", type=number_type(float, self.language), default=None, dest="row_mm",
                       metavar="MM", help=self.t("o_row_height"))  # fmt: skip
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
            if name != "plan":  # the planner needs no project
                action.add_argument("file", metavar=self.t("m_project"), help=self.t("o_project"))
            self._speaks(action)
        do = p.commands  # type: ignore[attr-defined]
        do["import"].add_argument("source_file", metavar=self.t("m_file"), help=self.t("o_evidence_file"))
        do["import"].add_argument(
            "--kind",
            required=True,
            choices=("survey", "calls", "web", "interviews", "events"),
            help=self.t("o_kind"),
        )
        do["import"].add_argument(
            "--max-log-mb", type=number_type(float, self.language), default=None, metavar="MB",
            help=self.t("o_max_log_mb"),
        )  # fmt: skip
        do["import"].add_argument(
            "--scheduler", default=None, metavar="tcp://HOST:PORT", help=self.t("o_events_scheduler")
        )
        do["import"].add_argument("--mapping", default=None, metavar="MAPPING.yaml", help=self.t("o_mapping"))
        do["import"].add_argument("--source", default=None, metavar="ID", help=self.t("o_source_id"))
        do["import"].add_argument("--persona", default=None, metavar="ID", help=self.t("o_rows_persona"))
        do["import"].add_argument(
            "--scenario", default=None, metavar="ID", help=self.t("o_evidence_scenario")
        )
        do["import"].add_argument("--include-partial", action="store_true", help=self.t("o_include_partial"))
        do["import"].add_argument(
            "--metric", default=None, choices=("score", "nps", "csat", "ces"), help=self.t("o_metric")
        )
        do["import"].add_argument("--force", action="store_true", help=self.t("o_force_twin"))
        do["remove"].add_argument("source", metavar=self.t("m_source"), help=self.t("o_remove_source"))
        self._plan(do["plan"])

    def _plan(self, p: Parser) -> None:
        number = number_type(float, self.language)
        p.add_argument("--margin", required=True, type=number, metavar=self.t("m_margin"),
                       help=self.t("o_margin"))  # fmt: skip
        p.add_argument("--metric", choices=("score", "nps", "csat", "ces"), default="score",
                       help=self.t("o_plan_metric"))  # fmt: skip
        p.add_argument("--sd", type=number, default=None, metavar="SD", help=self.t("o_sd"))
        p.add_argument("--share", type=number, default=None, metavar="P", help=self.t("o_share"))
        p.add_argument("--confidence", type=number, default=0.95, metavar="0.95", help=self.t("o_confidence"))

    def _paths(self, p: Parser) -> None:
        p.add_argument("file", metavar=self.t("m_project"), help=self.t("o_project"))
        p.add_argument("--persona", default=None, metavar="ID", help=self.t("o_paths_persona"))
        p.add_argument("--scenario", default=None, metavar="ID", help=self.t("o_evidence_scenario"))
        p.add_argument("--source", default=None, metavar="ID", help=self.t("o_paths_source"))
        p.add_argument("--json", action="store_true", help=self.t("o_json"))
        self._speaks(p)

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
        p.add_argument(
            "--participants",
            type=number_type(int, self.language),
            default=None,
            metavar="N",
            help=self.t("o_participants", default=DEFAULT_PARTICIPANTS, mb=KERNEL_MB),
        )

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
        p.add_argument("--json", action="store_true", help=self.t("o_diff_json"))
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
