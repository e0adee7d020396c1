"""The pages app mode serves itself, next to Voilà's step pages: the start page, the
form that creates the project, and the wall (page and its refresh data). They use
the server's login (token or password) like the Voilà pages do."""

from __future__ import annotations

import asyncio
import json
import re
import threading
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Any

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from tornado import web

from ..errors import JourneyError
from ..messages import current_language
from ..wall import render_wall, updated_text, wall_page
from .pages import CREATE_PATH, WALL_PATH, create_page, message_page, start_page
from .texts import TEXTS

_CACHE: OrderedDict[tuple[str, str, str, str], tuple[str, str, str, str]] = OrderedDict()
_CACHE_SIZE = 32
#: The cookie that tells participants' browsers apart on the start page (a random id).
SEAT_COOKIE = "klantreis_seat"
_RENDER_LOCK = threading.Lock()


class _Base(JupyterHandler):
    """Settings every klantreis page needs: the project file and the step notebooks."""

    @property
    def project(self) -> Path:
        return Path(self.settings["klantreis_project"])

    @property
    def notebooks(self) -> dict[str, str]:
        return dict(self.settings["klantreis_notebooks"])

    def write_html(self, text: str, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(text)


class StartHandler(_Base):
    """``/``: the project's title and a link per step; the create form when the
    project file does not exist yet."""

    @web.authenticated
    def get(self) -> None:
        if not self.project.exists():
            self.write_html(
                create_page(str(self.project), self.base_url, self.xsrf_form_html(), current_language())
            )
            return
        from .. import load

        try:
            journey = load(self.project)
        except JourneyError as err:
            self.write_html(message_page(TEXTS.text("unreadable", None, message=err), current_language()))
            return
        self._count_participant()
        self.write_html(start_page(journey, self.base_url, self.notebooks))

    def _count_participant(self) -> None:
        """Tell the kernel pool a participant is here (one per browser, told apart by a
        cookie), so a kernel is warmed for them while they read this page."""
        seat = getattr(self.kernel_manager, "seat", None)
        if seat is None:
            return
        browser = self.get_cookie(SEAT_COOKIE) or ""
        if not re.fullmatch(r"[0-9a-f]{32}", browser):
            browser = uuid.uuid4().hex
            self.set_cookie(SEAT_COOKIE, browser, path=self.base_url, httponly=True, samesite="Lax")
        seat(browser)


class CreateHandler(_Base):
    """``POST /klantreis/create``: make the project file from a template."""

    @web.authenticated
    def post(self) -> None:
        from ..session import ProjectSession
        from ..templates import list_templates

        chosen = {key: self.get_body_argument(key, "").strip() for key in ("template", "title", "language")}
        language = chosen["language"] if chosen["language"] in ("nl", "en") else current_language()
        if self.project.exists():  # someone else was quicker: show what they made
            self.redirect(self.base_url)
            return
        try:
            if chosen["template"] not in {t.id for t in list_templates()}:
                raise JourneyError(TEXTS.text("unknown_template", language))
            ProjectSession.create(self.project, chosen["template"], chosen["title"], language)
        except JourneyError as err:
            page = create_page(
                str(self.project),
                self.base_url,
                self.xsrf_form_html(),
                language,
                error=TEXTS.text("not_created", language, message=err),
                chosen=chosen,
            )
            self.write_html(page, status=400)
            return
        self.redirect(self.base_url)


async def _render(project: Path, persona: str, scenario: str, link: str) -> tuple[str, str, str, str]:
    """The wall for the file's current content; the same content is drawn once."""
    from ..wall import file_version

    key = (file_version(project), persona, scenario, link)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]

    def draw() -> tuple[str, str, str, str]:
        with _RENDER_LOCK:
            return render_wall(project, persona, scenario, link=link, language=current_language())

    result = await asyncio.to_thread(draw)
    _CACHE[(result[0], persona, scenario, link)] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


class WallHandler(_Base):
    """``/klantreis/wall?persona=..&scenario=..``: the read-only wall page."""

    @web.authenticated
    async def get(self) -> None:
        persona = self.get_query_argument("persona", "")
        scenario = self.get_query_argument("scenario", "")
        link = self.request.path + "?"
        version, fragment, title, language = await _render(self.project, persona, scenario, link)
        data_url = f"{self.base_url}{WALL_PATH}/data?{self.request.query}"
        self.write_html(
            wall_page(
                fragment,
                title=title,
                language=language,
                version=version,
                updated=updated_text(self.project, language),
                data_url=data_url,
            )
        )


class WallDataHandler(_Base):
    """``/klantreis/wall/data?..&since=VERSION``: the wall's new content when the
    project file changed since ``VERSION`` (JSON ``{version, updated[, html]}``)."""

    @web.authenticated
    async def get(self) -> None:
        persona = self.get_query_argument("persona", "")
        scenario = self.get_query_argument("scenario", "")
        since = self.get_query_argument("since", "")
        link = f"{self.base_url}{WALL_PATH}?"
        version, fragment, _, language = await _render(self.project, persona, scenario, link)
        reply: dict[str, Any] = {"version": version, "updated": updated_text(self.project, language)}
        if version != since:
            reply["html"] = fragment
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(reply))


#: The tab icon: an emotion curve on the colour of the navigation bar.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#2f4858"/>'
    '<polyline points="4,20 10,12 16,22 22,8 28,14" fill="none" stroke="#fff" stroke-width="3" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


class FaviconHandler(JupyterHandler):
    """``/favicon.ico``: the tab icon (no login needed; without it every page asked
    for it and got a 404)."""

    @allow_unauthenticated
    def get(self) -> None:
        self.set_header("Content-Type", "image/svg+xml")
        self.set_header("Cache-Control", "max-age=86400")
        self.finish(FAVICON)


def routes(base_url: str, *, wall_only: bool = False) -> list[tuple[str, type[JupyterHandler]]]:
    """The URL patterns of these pages (``wall_only``: ``/`` is the wall)."""
    wall = [
        (f"{base_url}favicon.ico", FaviconHandler),
        (f"{base_url}{WALL_PATH}/data", WallDataHandler),
        (f"{base_url}{WALL_PATH}", WallHandler),
    ]
    if wall_only:
        return [*wall, (base_url, WallHandler)]
    return [*wall, (f"{base_url}{CREATE_PATH}", CreateHandler), (base_url, StartHandler)]
