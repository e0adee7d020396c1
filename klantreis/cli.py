"""The ``klantreis`` command line. It only parses arguments and calls the engine
functions; every bad-input error is printed as a message, never as a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .errors import JourneyError, ValidationError
from .messages import Catalog
from .version import __version__

TEXTS = Catalog("cli", {
    "error": ("fout: {message}", "error: {message}"),
    "created": ("{path} aangemaakt met sjabloon {template!r}", "created {path} from template {template!r}"),
    "ok": ("{file}: in orde: {summary}", "{file}: ok: {summary}"),
    "wrote": ("geschreven: {paths}", "wrote {paths}"),
})  # fmt: skip


def _error(message: str, language: str | None = None) -> None:
    print(TEXTS.text("error", language, message=message), file=sys.stderr)


def _problems(err: ValidationError) -> None:
    for problem in err.problems:
        _error(problem.text(err.language), err.language)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="klantreis", description="Map a customer journey (klantreis) step by step."
    )
    parser.add_argument("--version", action="version", version=f"klantreis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("templates", help="list the canvas templates")
    p.add_argument("--language", choices=("nl", "en"), default="nl")

    p = sub.add_parser("new", help="create a project file from a template")
    p.add_argument("file")
    p.add_argument("--template", required=True, help="template id (see `klantreis templates`)")
    p.add_argument("--title", default="")
    p.add_argument("--language", choices=("nl", "en"), default="nl")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub.add_parser("validate", help="check project files and list every problem")
    p.add_argument("files", nargs="+")
    _max_mb_option(p)

    p = sub.add_parser(
        "export",
        help="export to .xlsx, .json, .yaml or a folder of CSV files; or one journey's map "
        "to .html (canvas and curve), .svg or .png (curve), or .pdf (a printable poster); "
        "or a blank canvas to .pdf",
    )
    p.add_argument("file", nargs="?", help="the project file (not needed for --blank --template)")
    p.add_argument("--to", required=True, dest="target")
    p.add_argument("--persona", default=None, help="for a map: the persona (default: the first)")
    p.add_argument("--scenario", default=None, help="for a map: the scenario (default: the first)")
    p.add_argument("--paper", default=None, help="for a .pdf: A3 (default), A2, A1 or A0, landscape")
    p.add_argument("--blank", action="store_true", help="for a .pdf: the empty canvas, to fill in by hand")
    p.add_argument("--template", default=None, help="with --blank and no project: the template id")
    p.add_argument("--language", choices=("nl", "en"), default=None, help="with --template: nl or en")
    _max_mb_option(p)

    p = sub.add_parser("import", help="import a .xlsx, .json or CSV folder into a project file")
    p.add_argument("source")
    p.add_argument("--to", required=True, dest="target")
    p.add_argument("--force", action="store_true", help="overwrite an existing project file")
    _max_mb_option(p)
    p = sub.add_parser("build", help="an HTML report per persona × scenario, and an index")
    p.add_argument("file")
    p.add_argument("--out", default="rapport", help="output folder (default: rapport)")
    p.add_argument("--persona", action="append", help="only this persona (repeatable)")
    p.add_argument("--scenario", action="append", help="only this scenario (repeatable)")
    p.add_argument("--jobs", type=int, default=None, help="journeys at once (default: cores)")
    p.add_argument("--with-code", action="store_true", help="keep the code cells in the HTML")
    p.add_argument(
        "--notebooks",
        choices=("report", "all"),
        default="report",
        help="'all' also runs every step notebook per journey",
    )
    p.add_argument(
        "--evidence",
        default="",
        metavar="SOURCE",
        help="only the figures of this evidence source (a data wave); default: all",
    )

    _evidence_parser(sub)

    p = sub.add_parser(
        "lab",
        help="open the project's own copy of the workbook in JupyterLab; other options "
        "(e.g. --allow-root, --ServerApp.ip=0.0.0.0) go to JupyterLab",
    )
    p.add_argument("file", nargs="?", help="the project file")
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--no-browser", action="store_true")
    p.add_argument(
        "--refresh-workbook",
        action="store_true",
        help="replace the project's workbook copy by this version's (old copies are kept)",
    )

    for name, text in (
        ("app", "serve the workbook as a web app for a workshop: a page per step, no code"),
        ("wall", "serve only the wall: the canvas and curve, read-only, refreshing by itself"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("file", help="the project file (app: created from the start page if missing)")
        p.add_argument("--port", type=int, default=None, help=f"default {8866 if name == 'app' else 8867}")
        p.add_argument(
            "--host",
            default="127.0.0.1",
            help="address to listen on (default 127.0.0.1: only this computer; "
            "0.0.0.0: the whole network, needs a token or password)",
        )
        access = p.add_mutually_exclusive_group()
        access.add_argument("--token", default=None, help="access code participants need")
        access.add_argument("--password", action="store_true", help="ask for a password to use")
        p.add_argument("--no-browser", action="store_true")

    sub.add_parser("schema", help="print the JSON Schema of the project file")
    return parser


def _evidence_parser(sub: Any) -> None:
    evidence = sub.add_parser(
        "evidence", help="import, list or remove evidence (surveys, calls, web, interviews)"
    )
    actions = evidence.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("import", help="read a CSV or .xlsx file and store its figures in the project")
    p.add_argument("file", metavar="PROJECT")
    p.add_argument("source_file", metavar="FILE")
    p.add_argument("--kind", required=True, choices=("survey", "calls", "web", "interviews"))
    p.add_argument("--mapping", default=None, metavar="MAPPING.yaml", help="how columns and values map")
    p.add_argument("--source", default=None, metavar="ID", help="source id (default: from the file name)")
    p.add_argument(
        "--persona", default=None, metavar="ID", help="whose rows, when the file has no persona column"
    )
    p.add_argument("--scenario", default=None, metavar="ID", help="the scenario (default: the first)")
    p = actions.add_parser("list", help="list the project's evidence sources")
    p.add_argument("file", metavar="PROJECT")
    p = actions.add_parser("remove", help="remove a source with its figures and quotes")
    p.add_argument("file", metavar="PROJECT")
    p.add_argument("source", metavar="SOURCE")


def _max_mb_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-mb", type=float, default=None, metavar="MB",
                        help="read files up to this size (default: 50, or $KLANTREIS_MAX_MB)")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 bad input, 2 usage)."""
    from .limits import use_limits

    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "lab":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    try:
        with use_limits(max_mb=getattr(args, "max_mb", None)):
            return _run(args)
    except ValidationError as err:
        _problems(err)
        return 1
    except JourneyError as err:
        _error(str(err), err.language)
        return 1
    except OSError as err:
        _error(str(err))
        return 1


def _run(args: argparse.Namespace) -> int:
    from . import exchange, project, templates
    from .projectfile import load

    if args.command == "templates":
        for template in templates.list_templates():
            print(f"{template.id:<20} {template.description(args.language)}")
        return 0
    if args.command == "schema":
        import json

        from .schema import json_schema

        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "new":
        path = project.create_project(
            args.file, args.template, title=args.title, language=args.language, force=args.force
        )
        print(TEXTS.text("created", args.language, path=path, template=args.template))
        return 0
    if args.command == "validate":
        status = 0
        for file in args.files:
            try:
                journey = load(file)
                print(TEXTS.text("ok", journey.language, file=file, summary=project.summary(journey)))
            except ValidationError as err:
                _problems(err)
                status = 1
        return status
    if args.command == "export":
        from .report.standalone import MAP_SUFFIXES, export_map

        if args.target.lower().endswith(".pdf") or args.blank or args.paper or args.template:
            from .poster import export_pdf

            path = export_pdf(
                args.target,
                args.file,
                paper=args.paper,
                persona=args.persona,
                scenario=args.scenario,
                blank=args.blank,
                template=args.template,
                language=args.language,
            )
            print(TEXTS.text("wrote", args.language, paths=path))
            return 0
        if args.file is None:
            from .poster.texts import TEXTS as POSTER_TEXTS

            raise JourneyError(POSTER_TEXTS.msg("need_project"))
        if args.target.lower().endswith(MAP_SUFFIXES):
            journey = load(args.file)
            path = export_map(journey, args.target, args.persona, args.scenario)
            print(TEXTS.text("wrote", journey.language, paths=path))
            return 0
        journey = load(args.file)
        written = exchange.export_journey(journey, args.target)
        print(TEXTS.text("wrote", journey.language, paths=", ".join(str(p) for p in written)))
        return 0
    if args.command == "build":
        return _build(args)
    if args.command == "evidence":
        return _evidence(args)
    if args.command == "lab":
        from .lab import lab

        return lab(
            args.file,
            port=args.port,
            open_browser=not args.no_browser,
            extra_args=args.extra,
            refresh_workbook=args.refresh_workbook,
        )
    if args.command in ("app", "wall"):
        from .app import serve

        return serve(
            args.command,
            args.file,
            port=args.port,
            host=args.host,
            token=args.token,
            password=args.password,
            open_browser=not args.no_browser,
        )
    if args.command == "import":
        imported = exchange.import_journey(args.source, args.target, force=args.force)
        print(TEXTS.text("wrote", None, paths=imported))
        return 0
    raise AssertionError(args.command)  # pragma: no cover


def _evidence(args: argparse.Namespace) -> int:
    from .evidence import commands

    if args.action == "import":
        text = commands.import_evidence(
            args.file,
            args.source_file,
            args.kind,
            mapping=args.mapping,
            source=args.source,
            persona=args.persona,
            scenario=args.scenario,
        )
    elif args.action == "list":
        text = commands.list_evidence(args.file)
    else:
        text = commands.remove_evidence(args.file, args.source)
    print(text)
    return 0


def _build(args: argparse.Namespace) -> int:
    import time

    from tqdm import tqdm

    from .builder import build

    started = time.perf_counter()
    bar = tqdm(unit="journey", desc="klantreis build", file=sys.stderr)

    def plan(total: int) -> None:
        bar.reset(total=total)

    def tick(result: object) -> None:
        bar.update(1)

    try:
        results = build(
            args.file,
            args.out,
            personas=args.persona,
            scenarios=args.scenario,
            jobs=args.jobs,
            with_code=args.with_code,
            notebooks=args.notebooks,
            evidence=args.evidence,
            progress=tick,
            planned=plan,
        )
    finally:
        bar.close()
    failed = [r for r in results if not r.ok]
    for result in failed:
        print(
            f"failed: {result.persona}/{result.scenario}: {result.error} (notebook kept: {result.notebook})",
            file=sys.stderr,
        )
    seconds = time.perf_counter() - started
    print(
        f"built {len(results) - len(failed)}, failed {len(failed)}, in {seconds:.1f} s; "
        f"open {args.out}/index.html"
    )
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
