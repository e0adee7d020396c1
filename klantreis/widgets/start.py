"""Step start: create a new project from a template, or open an existing one."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from ..errors import JourneyError
from ..fields import TABLES
from ..session import ProjectSession
from ..templates import get_template, list_templates
from .connection import guarded
from .record_list import FIELD_LAYOUT, LABEL_STYLE
from .status import StatusLine
from .texts import tr

PROJECT_ENV = "KLANTREIS_PROJECT"
WORKDIR_ENV = "KLANTREIS_WORKDIR"


def resolve_path(path: str) -> Path:
    """An absolute project path; relative paths count from the folder where
    ``klantreis lab`` was started (``KLANTREIS_WORKDIR``), else the current folder."""
    candidate = Path(path).expanduser()
    if candidate.is_absolute():
        return candidate
    return Path(os.environ.get(WORKDIR_ENV) or os.getcwd()) / candidate


class StartForm:
    """Path, template, title and language, with "create" and "open" buttons. After
    either, ``session`` holds the project and ``summary`` describes it."""

    def __init__(self, project: str = "", language: str = "nl"):
        self.language = language or "nl"
        self.session: ProjectSession | None = None
        t = self.t
        common = {"style": LABEL_STYLE, "layout": w.Layout(**FIELD_LAYOUT)}
        self.path = w.Text(value=project or "mijnreis.yaml", description=t("path"), **common)
        self.template = w.Dropdown(
            options=[(f"{tpl.name(self.language)} ({tpl.id})", tpl.id) for tpl in list_templates()],
            value="canvas",
            description=t("template"),
            **common,
        )
        self.template_info = w.HTML()
        self.title = w.Text(description=t("title"), **common)
        self.project_language = w.Dropdown(
            options=[("Nederlands", "nl"), ("English", "en")],
            value=self.language,
            description=t("language"),
            **common,
        )
        self.create_button = w.Button(description=t("create"), icon="plus", button_style="primary")
        self.open_button = w.Button(description=t("open"), icon="folder-open")
        self.summary = w.HTML()
        self.status = StatusLine(self.language)
        self.status.refresh_button.layout.display = "none"
        self.template.observe(lambda _: self._describe_template(), names="value")
        self.create_button.on_click(lambda _: self._guard(self.create))
        self.open_button.on_click(lambda _: self._guard(self.open))
        self.widget = guarded(
            [
                self.path,
                self.template,
                self.template_info,
                self.title,
                self.project_language,
                w.HBox([self.create_button, self.open_button]),
                self.summary,
                self.status.widget,
            ],
            self.language,
        )
        self._describe_template()
        if project and resolve_path(project).is_file():
            self._guard(self.open)

    def t(self, key: str, **values: object) -> str:
        """A user text in the form's language."""
        return tr(key, self.language, **values)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except JourneyError as err:
            self.status.error(self.t("not_saved", message=err.text(self.language)))
        except OSError as err:
            self.status.error(self.t("not_saved", message=str(err)))
        except Exception as err:  # noqa: BLE001 - shown to the user instead of a traceback
            self.status.error(self.t("error", message=str(err) or type(err).__name__))

    def _describe_template(self) -> None:
        chosen = get_template(self.template.value)
        self.template_info.value = f"<i>{chosen.description(self.language)}</i>"

    def create(self) -> None:
        """Create the project file from the chosen template (refused if it exists)."""
        path = self._chosen_path()
        if path is None:
            return
        if path.exists():
            self.status.error(self.t("file_exists", path=path))
            return
        if not path.parent.is_dir():
            self.status.error(self.t("folder_missing", folder=path.parent))
            return
        self.session = ProjectSession.create(
            path, self.template.value, self.title.value.strip(), self.project_language.value
        )
        self._opened("created")

    def open(self) -> None:
        """Open the project file named in ``path``."""
        path = self._chosen_path()
        if path is None:
            return
        if not path.is_file():
            self.status.error(self.t("file_missing", path=path))
            return
        self.session = ProjectSession.open(path)
        self._opened("opened")

    def _chosen_path(self) -> Path | None:
        """The typed project path, resolved; None (with a message) when it is empty."""
        text = self.path.value.strip()
        if not text:
            self.status.error(self.t("empty_path"))
            return None
        return resolve_path(text)

    def _opened(self, key: str) -> None:
        assert self.session is not None
        info = self.session.info()
        counts = {
            t: TABLES[t].counted(info[t], self.language)
            for t in ("personas", "phases", "scenarios", "touchpoints")
        }
        os.environ[PROJECT_ENV] = info["path"]
        self.summary.value = (
            "<p>"
            + _markdown_bold(self.t("summary", **{**info, **counts}))
            + "</p><p>"
            + _markdown_code(self.t("other_steps", path=info["path"]))
            + "</p>"
        )
        self.status.show("ok", self.t(key, path=info["path"]))


def _markdown_bold(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(text))


def _markdown_code(text: str) -> str:
    return re.sub(r"`(.+?)`", r"<code>\1</code>", html.escape(text))
