"""The ``klantreis`` command line. It parses the arguments (:mod:`.cli_parser`, in the
project's language) and calls the engine function of the command (:data:`HANDLERS`).
Every mistake is printed as klantreis's own message, never as a traceback: bad input
(:class:`~klantreis.errors.JourneyError`), and a file or folder that cannot be read
or written (:func:`~klantreis.oserrors.explain`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .cli_argparse import Parser, cli_language
from .cli_parser import EVIDENCE_ACTIONS, build_parser, overview
from .errors import JourneyError, ValidationError
from .messages import Catalog, Msg, use_language
from .oserrors import explain

TEXTS = Catalog("cli", {
    "error": ("fout: {message}", "error: {message}"),
    "created": ("{path} aangemaakt met sjabloon {template!r}", "created {path} from template {template!r}"),
    "ok": ("{file}: in orde: {summary}", "{file}: ok: {summary}"),
    "wrote": ("geschreven: {paths}", "wrote {paths}"),
    "failed": ("mislukt: {persona}/{scenario}: {error} (notebook bewaard: {notebook})",
               "failed: {persona}/{scenario}: {error} (notebook kept: {notebook})"),
    "built": ("{built} gemaakt, {failed} mislukt, in {seconds:.1f} s; open {index}",
              "built {built}, failed {failed}, in {seconds:.1f} s; open {index}"),
    "journeys": ("reis", "journey"),
    "projects": ("project", "project"),
    "diff_files": ("geef twee projectbestanden (OUD NIEUW), niet {count}",
                   "give two project files (OLD NEW), not {count}"),
    "portfolio": ("projecten gemaakt: {built}, ongewijzigd: {reused}, mislukt: {failed}; open {index}",
                  "projects built: {built}, unchanged: {reused}, failed: {failed}; open {index}"),
    "stopped": ("gestopt", "stopped"),
})  # fmt: skip

Handler = Callable[[argparse.Namespace], int]


def _error(message: Msg | str, language: str | None = None) -> None:
    text = message.render(language) if isinstance(message, Msg) else message
    print(TEXTS.text("error", language, message=text), file=sys.stderr)


def _problems(err: ValidationError) -> None:
    for problem in err.problems:
        _error(problem.text(err.language), err.language)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 bad input, 2 usage).
    It speaks the language :func:`~klantreis.cli_argparse.cli_language` picks."""
    words = list(sys.argv[1:] if argv is None else argv)
    language = cli_language(words)
    with use_language(language):
        return _main(words, language)


def _main(words: list[str], language: str) -> int:
    from .limits import use_limits

    parser = build_parser(language)
    args, extra = parser.parse_known_args(words)
    if args.command is None:
        print(overview(parser))
        return 0
    command: Parser = parser.commands[args.command]  # type: ignore[attr-defined]
    if args.command == "evidence":
        if args.action is None:
            print(overview(command, EVIDENCE_ACTIONS, "act_"))
            return 0
        command = command.commands[args.action]  # type: ignore[attr-defined]
    if extra and args.command != "lab":  # lab passes them on to JupyterLab
        command.unknown(extra)
    args.extra = extra
    try:
        with use_limits(max_mb=getattr(args, "max_mb", None)):
            return HANDLERS[args.command](args)
    except ValidationError as err:
        _problems(err)
    except JourneyError as err:
        _error(str(err), err.language)
    except BrokenPipeError:  # the reader stopped (`klantreis evidence list p.yaml | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error on exit
        return 141  # as a command stopped by SIGPIPE
    except OSError as err:
        _error(explain(err))
    except KeyboardInterrupt:
        print(TEXTS.text("stopped"), file=sys.stderr)
        return 130
    return 1


# ------------------------------------------------------------------ commands
def _templates(args: argparse.Namespace) -> int:
    from . import templates

    for template in templates.list_templates():
        print(f"{template.id:<20} {template.description(args.language)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from .schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _new(args: argparse.Namespace) -> int:
    from . import project

    path = project.create_project(
        args.file, args.template, title=args.title, language=args.language, force=args.force
    )
    print(TEXTS.text("created", args.language, path=path, template=args.template))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from . import project
    from .projectfile import load

    status = 0
    for file in args.files:
        try:
            journey = load(file)
            print(TEXTS.text("ok", journey.language, file=file, summary=project.summary(journey)))
        except ValidationError as err:
            _problems(err)
            status = 1
    return status


def _export(args: argparse.Namespace) -> int:
    from . import exchange
    from .projectfile import load
    from .report.standalone import MAP_SUFFIXES, export_map

    if args.target.lower().endswith(".pdf") or args.blank or args.paper or args.template or args.row_mm:
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
            row_mm=args.row_mm,
        )
        print(TEXTS.text("wrote", args.language, paths=path))
        return 0
    if args.file is None:
        from .poster.texts import TEXTS as POSTER_TEXTS

        raise JourneyError(POSTER_TEXTS.msg("need_project"))
    journey = load(args.file)
    if args.target.lower().endswith(MAP_SUFFIXES):
        written = [export_map(journey, args.target, args.persona, args.scenario)]
    else:
        written = exchange.export_journey(journey, args.target)
    print(TEXTS.text("wrote", journey.language, paths=", ".join(str(p) for p in written)))
    return 0


def _import(args: argparse.Namespace) -> int:
    from . import exchange

    imported = exchange.import_journey(args.source, args.target, force=args.force)
    print(TEXTS.text("wrote", None, paths=imported))
    return 0


class _Bar:
    """A progress bar on stderr, made once the number of items is known (so an error
    that comes before any work shows no bar)."""

    def __init__(self, unit: str, desc: str):
        self.unit, self.desc = unit, desc
        self.bar: Any = None

    def plan(self, total: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit=self.unit, desc=self.desc, file=sys.stderr)

    def advance(self, _: object) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _build(args: argparse.Namespace) -> int:
    import time

    from .builder import build

    started = time.perf_counter()
    bar = _Bar(TEXTS.text("journeys"), "klantreis build")
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
            progress=bar.advance,
            planned=bar.plan,
        )
    finally:
        bar.close()
    failed = [r for r in results if not r.ok]
    for result in failed:
        print(
            TEXTS.text(
                "failed",
                persona=result.persona,
                scenario=result.scenario,
                error=result.error,
                notebook=result.notebook,
            ),
            file=sys.stderr,
        )
    print(
        TEXTS.text(
            "built",
            built=len(results) - len(failed),
            failed=len(failed),
            seconds=time.perf_counter() - started,
            index=f"{args.out}/index.html",
        )
    )
    return 1 if failed else 0


def _evidence(args: argparse.Namespace) -> int:
    from .evidence import commands

    if args.action == "import" and args.kind == "events":
        from .paths.commands import import_events_file

        text = import_events_file(
            args.file,
            args.source_file,
            args.mapping,
            args.source,
            args.persona,
            args.scenario,
            args.max_log_mb,
            args.scheduler,
        )
    elif args.action == "import":
        text = commands.import_evidence(
            args.file,
            args.source_file,
            args.kind,
            mapping=args.mapping,
            source=args.source,
            persona=args.persona,
            scenario=args.scenario,
            include_partial=args.include_partial,
            force=args.force,
            metric=args.metric,
        )
    elif args.action == "list":
        text = commands.list_evidence(args.file)
    elif args.action == "plan":
        from .evidence.plan import describe_plan

        language = getattr(args, "cli_language", None)
        text = describe_plan(args.margin, args.metric, args.sd, args.share, args.confidence, language)
    else:
        text = commands.remove_evidence(args.file, args.source)
    print(text)
    return 0


def _paths(args: argparse.Namespace) -> int:
    from .paths.commands import show_paths

    language = getattr(args, "cli_language", None)
    print(
        show_paths(args.file, args.persona, args.scenario, args.source, as_json=args.json, language=language)
    )
    return 0


def _lab(args: argparse.Namespace) -> int:
    from .lab import lab

    return lab(
        args.file,
        port=args.port,
        open_browser=not args.no_browser,
        extra_args=args.extra,
        refresh_workbook=args.refresh_workbook,
    )


def _serve(args: argparse.Namespace) -> int:
    from .app import serve

    return serve(
        args.command,
        args.file,
        port=args.port,
        host=args.host,
        token=args.token,
        password=args.password,
        open_browser=not args.no_browser,
        participants=getattr(args, "participants", None),
    )


def _portfolio(args: argparse.Namespace) -> int:
    from .messages import current_language
    from .portfolio import build_portfolio

    bar = _Bar(TEXTS.text("projects"), "klantreis portfolio")
    try:
        result = build_portfolio(
            args.paths, args.out, language=current_language(), scheduler=args.scheduler,
            workers=args.jobs, planned=bar.plan, progress=bar.advance,
        )  # fmt: skip
    finally:
        bar.close()
    for key, error in result.failed.items():
        _error(f"{key}: {error}")
    built, reused, failed = len(result.built), len(result.reused), len(result.failed)
    print(TEXTS.text("portfolio", built=built, reused=reused, failed=failed, index=result.index))
    return 1 if result.failed else 0


def _diff(args: argparse.Namespace) -> int:
    import json

    from .fileformat import loads, to_dict
    from .journeydiff import diff, render
    from .messages import current_language
    from .projectfile import read_text

    files = args.files
    as_git = len(files) == 7  # git's diff driver: path old-file old-hex old-mode new-file new-hex new-mode
    if len(files) not in (2, 7):
        raise JourneyError(TEXTS.msg("diff_files", count=len(files)))
    old, new = (files[1], files[4]) if as_git else files
    try:
        changes = diff(*(to_dict(loads(read_text(f), files[0] if as_git else f)) for f in (old, new)))
    except JourneyError as err:
        if as_git:  # not a (valid) project: git's diff driver shows the lines instead
            return _line_diff(files[0], old, new)
        _problems(err) if isinstance(err, ValidationError) else _error(str(err), err.language)
        return 2
    if args.json:
        print(json.dumps([c.as_json() for c in changes], ensure_ascii=False, indent=1))
    else:
        print((f"klantreis diff {files[0]}\n" if as_git else "") + render(changes, current_language()))
    return 0 if as_git or not changes else 1


def _line_diff(name: str, old: str, new: str) -> int:
    import difflib
    from pathlib import Path

    a, b = (Path(p).read_text(encoding="utf-8", errors="replace").splitlines(True) for p in (old, new))
    sys.stdout.writelines(difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"))
    return 0


def _git_setup(args: argparse.Namespace) -> int:
    from .gitdriver import git_setup

    setup = git_setup(".", args.pattern, command=args.driver_command, diff=args.diff)
    print(setup.summary(args.pattern or ["*.yaml"]))
    return 0


def _merge_driver(args: argparse.Namespace) -> int:
    from .gitdriver import merge_driver

    return merge_driver(args.base, args.ours, args.theirs, args.name)


#: What each command runs.
HANDLERS: dict[str, Handler] = {
    "templates": _templates, "new": _new, "validate": _validate, "export": _export,
    "import": _import, "build": _build, "evidence": _evidence, "paths": _paths, "lab": _lab, "app": _serve,
    "wall": _serve, "schema": _schema, "portfolio": _portfolio, "diff": _diff,
    "git-setup": _git_setup, "merge-driver": _merge_driver,
}  # fmt: skip


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
