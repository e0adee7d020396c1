"""The wall: one journey's canvas and emotion curve, read-only, in big type for a
projector. It refreshes by itself: the page asks every two seconds whether the
project file changed and, if so, swaps in the new canvas. Plain HTML and a few lines
of inline JavaScript; nothing loads from the internet. Every user text is escaped.

:func:`wall_fragment` and :func:`wall_page` are pure (journey in, HTML out); the
server part lives in :mod:`klantreis.app.handlers`.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from markupsafe import Markup, escape

from .charts._canvas_style import CANVAS_CSS
from .messages import Catalog
from .model import Journey

POLL_MS = 2000

TEXTS = Catalog(
    "wall",
    {
        "title": ("Muurweergave", "Wall"),
        "updated": ("Bijgewerkt om {time}", "Updated at {time}"),
        "offline": (
            "Geen verbinding met de server; nieuwe poging…",
            "No connection to the server; trying again…",
        ),
        "no_journey": (
            "Nog niets om te tonen: geef een persona touchpoints (stap touchpoints).",
            "Nothing to show yet: give a persona touchpoints (step touchpoints).",
        ),
        "no_file": ("Het project {path} bestaat nog niet.", "The project {path} does not exist yet."),
        "unreadable": (
            "Het project kan nu niet gelezen worden: {message}",
            "The project cannot be read right now: {message}",
        ),
        "unknown": (
            "{persona} × {scenario} bestaat niet (meer); hieronder de eerste reis.",
            "{persona} × {scenario} does not exist (any more); below is the first journey.",
        ),
        "choose": ("Kies een reis", "Choose a journey"),
    },
)

WALL_CSS = """
body.kr-wall { margin: 0; padding: 1vw 1.4vw; background: #fff; color: #222;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.kr-wall-bar { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center;
  font-size: clamp(14px, 1.1vw, 24px); margin: 0 9em .6em 0; }
.kr-wall-bar nav { display: flex; flex-wrap: wrap; gap: .4em; }
.kr-wall-bar nav a { padding: .15em .6em; border-radius: .4em; background: #eef2f5; color: #234;
  text-decoration: none; }
.kr-wall-bar nav a[aria-current] { background: #2f4858; color: #fff; }
.kr-wall-status { position: fixed; top: .4em; right: .8em; padding: .1em .5em; color: #555;
  background: rgba(255, 255, 255, .9); border-radius: .3em; font-size: clamp(14px, 1.1vw, 24px); }
.kr-wall-status.kr-offline { color: #c62828; font-weight: bold; }
.kr-wall-note { font-size: clamp(18px, 1.6vw, 34px); color: #555; }
.kr-wall-scroll { overflow-x: auto; }
.kr-wall .klantreis-canvas { font-size: clamp(13px, 1.1vw, 26px); }
.kr-wall .klantreis-canvas h2 { font-size: 1.9em; }
.kr-wall .klantreis-canvas .kr-meta, .kr-wall .klantreis-canvas .kr-legend { font-size: .9em; }
.kr-wall .klantreis-canvas .kr-duration, .kr-wall .klantreis-canvas .kr-tag { font-size: .8em; }
.kr-wall .klantreis-canvas .kr-emoji { font-size: 1.4em; }
.kr-wall .klantreis-canvas th, .kr-wall .klantreis-canvas td { padding: .3em .4em; }
"""

_SCRIPT = """
(function () {
  var config = JSON.parse(document.getElementById("kr-wall-config").textContent);
  var main = document.getElementById("kr-wall-main");
  var status = document.getElementById("kr-wall-status");
  var version = config.version;
  function poll() {
    fetch(config.data + "&since=" + encodeURIComponent(version), {cache: "no-store",
      credentials: "same-origin"})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        status.classList.remove("kr-offline");
        status.textContent = data.updated;
        if (data.version !== version && typeof data.html === "string") {
          main.innerHTML = data.html;
          version = data.version;
        }
      })
      .catch(function () { status.classList.add("kr-offline"); status.textContent = config.offline; })
      .then(function () { window.setTimeout(poll, config.every); });
  }
  window.setTimeout(poll, config.every);
})();
"""


def file_version(path: str | os.PathLike[str]) -> str:
    """A fingerprint of the project file's content ("" when it does not exist)."""
    try:
        return _fingerprint(Path(path).read_bytes())
    except OSError:
        return ""


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def updated_text(path: str | os.PathLike[str], language: str) -> str:
    """ "Bijgewerkt om 14:32:05": when the project file was last written."""
    try:
        stamp = datetime.fromtimestamp(Path(path).stat().st_mtime)
    except OSError:
        return ""
    return TEXTS.text("updated", language, time=stamp.strftime("%H:%M:%S"))


def wall_fragment(journey: Journey, persona: str = "", scenario: str = "", *, link: str = "?") -> str:
    """The changing part of the wall: the journey chooser and the canvas with its
    curve for ``persona`` × ``scenario`` (default, or when unknown: the first journey
    with touchpoints). ``link`` is the wall's address (the chooser adds the query)."""
    from .charts import canvas

    lang = journey.language
    pairs = journey.journeys()
    if not pairs:
        return f'<p class="kr-wall-note">{escape(TEXTS.text("no_journey", lang))}</p>'
    note = Markup("")
    if (persona, scenario) not in pairs:
        if persona or scenario:
            note = Markup('<p class="kr-wall-note">{}</p>').format(
                TEXTS.text("unknown", lang, persona=persona, scenario=scenario)
            )
        persona, scenario = pairs[0]
    items = []
    for p, s in pairs:
        label = f"{journey.name_of('personas', p)} × {journey.name_of('scenarios', s)}"
        current = Markup(' aria-current="page"') if (p, s) == (persona, scenario) else Markup("")
        href = link + urlencode({"persona": p, "scenario": s})
        items.append(Markup('<a href="{}"{}>{}</a>').format(href, current, label))
    chooser = Markup('<nav aria-label="{}">{}</nav>').format(
        TEXTS.text("choose", lang), Markup("").join(items)
    )
    shown = canvas(journey, persona, scenario)
    body = shown.html_fragment(curve_first=True)
    # a region that scrolls sideways can be reached and scrolled with the keyboard
    scroll = Markup('<div class="kr-wall-scroll" tabindex="0" role="region" aria-label="{}">').format(
        shown.label()
    )
    return f'<div class="kr-wall-bar">{chooser}</div>{note}{scroll}{body}</div>'


def message_fragment(text: str) -> str:
    """A wall fragment that only says ``text`` (escaped)."""
    return f'<p class="kr-wall-note">{escape(text)}</p>'


def wall_page(
    fragment: str,
    *,
    title: str,
    language: str,
    version: str,
    updated: str,
    data_url: str,
) -> str:
    """The complete wall page around ``fragment``; it polls ``data_url`` (which must
    already hold a query) every :data:`POLL_MS` milliseconds."""
    config = {
        "version": version,
        "data": data_url,
        "every": POLL_MS,
        "offline": TEXTS.text("offline", language),
    }
    config_json = json.dumps(config).replace("<", "\\u003c")
    heading = f"{TEXTS.text('title', language)} – {title}" if title else TEXTS.text("title", language)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n<style>{CANVAS_CSS}{WALL_CSS}</style>\n</head>\n"
        '<body class="kr-wall">\n'
        f'<div id="kr-wall-status" class="kr-wall-status" role="status">{escape(updated)}</div>\n'
        f'<main id="kr-wall-main">{fragment}</main>\n'
        f'<script type="application/json" id="kr-wall-config">{config_json}</script>\n'
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def render_wall(
    path: str | os.PathLike[str],
    persona: str = "",
    scenario: str = "",
    *,
    link: str = "?",
    language: str = "nl",
) -> tuple[str, str, str, str]:
    """Read the project file once and return ``(version, fragment, title, language)``;
    a missing or unreadable file gives a fragment that says so (in ``language``)."""
    from . import loads
    from .errors import JourneyError

    try:
        data = Path(path).read_bytes()
    except OSError:
        return "", message_fragment(TEXTS.text("no_file", language, path=path)), "", language
    version = _fingerprint(data)
    try:
        journey = loads(data.decode("utf-8"), str(path))
    except (JourneyError, UnicodeDecodeError) as err:
        return version, message_fragment(TEXTS.text("unreadable", language, message=err)), "", language
    fragment = wall_fragment(journey, persona, scenario, link=link)
    return version, fragment, journey.title, journey.language
