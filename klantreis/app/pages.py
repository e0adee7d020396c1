"""The HTML that app mode writes itself (no kernel needed): the start page with a
link per step, the form that creates the project, and the navigation bar on top of
every step page. Pure functions; every user text is escaped."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from ..model import Journey
from ..resources import data_dir
from ..templates import WORKBOOK_STEPS, list_templates
from ..widgets.texts import tr
from .texts import TEXTS

WALL_PATH = "klantreis/wall"
CREATE_PATH = "klantreis/create"

APP_CSS = """
body.kr-app { margin: 0; background: #f6f7f9; color: #222;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.kr-app main { max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; }
.kr-app h1 { font-size: 30px; margin: 8px 0 4px; }
.kr-app .kr-goal { font-size: 18px; color: #444; margin: 0 0 12px; }
.kr-app ol.kr-steps { list-style: none; padding: 0; margin: 16px 0; display: grid; gap: 8px; }
.kr-app ol.kr-steps a { display: flex; gap: 14px; align-items: baseline; padding: 12px 16px;
  background: #fff; border: 1px solid #d7dce2; border-radius: 8px; color: #1d3b4f;
  text-decoration: none; font-size: 20px; }
.kr-app ol.kr-steps a:hover, .kr-app ol.kr-steps a:focus { border-color: #2f4858; background: #eef4f8; }
.kr-app .kr-num { font-weight: bold; min-width: 1.4em; }
.kr-app small { color: #666; font-size: 15px; }
.kr-app form { display: grid; gap: 14px; background: #fff; padding: 18px; border-radius: 8px;
  border: 1px solid #d7dce2; }
.kr-app label { display: grid; gap: 4px; font-weight: 600; min-width: 0; }
.kr-app input, .kr-app select { font: inherit; font-weight: normal; padding: 8px; width: 100%;
  box-sizing: border-box; }
.kr-app button { font: inherit; font-size: 18px; padding: 10px 16px; background: #2f4858;
  color: #fff; border: 0; border-radius: 6px; cursor: pointer; justify-self: start; }
.kr-app .kr-error { color: #c62828; font-weight: bold; }
"""

NAV_CSS = """
.kr-app-nav { display: flex; flex-wrap: wrap; gap: 4px 6px; padding: 8px 12px; margin: 0 0 8px;
  background: #2f4858; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.kr-app-nav a { color: #fff; text-decoration: none; padding: 4px 10px; border-radius: 4px;
  font-size: 15px; }
.kr-app-nav a:hover, .kr-app-nav a:focus { background: #456a80; }
.kr-app-nav a[aria-current] { background: #fff; color: #2f4858; font-weight: bold; }
.kr-app-nav .kr-app-title { color: #fff; font-weight: bold; padding: 4px 10px 4px 0; }
"""


def step_notebooks(folder: Path | None = None) -> dict[str, str]:
    """``{step: notebook file name}`` of the workbook's step notebooks, in step order."""
    names = {
        p.name.split("_", 1)[1].removesuffix(".ipynb"): p.name
        for p in (folder or data_dir("workbook")).glob("[0-9][0-9]_*.ipynb")
    }
    return {step: names[step] for step in WORKBOOK_STEPS if step in names}


def step_url(base_url: str, notebook: str) -> str:
    """The address of a step page served by Voilà."""
    return f"{base_url}voila/render/{notebook}"


def _page(title: str, language: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{APP_CSS}</style>\n</head>\n"
        f'<body class="kr-app">\n<main>\n{body}\n</main>\n</body>\n</html>\n'
    )


def start_page(journey: Journey, base_url: str, notebooks: dict[str, str]) -> str:
    """The start page: the project's title and goal, a link per step, and the wall."""
    lang = journey.language
    items = []
    for number, (step, notebook) in enumerate(notebooks.items(), start=1):
        items.append(
            Markup(
                '<li><a href="{}"><span class="kr-num">{}</span><span>{}<br><small>{}</small></span></a></li>'
            ).format(
                step_url(base_url, notebook),
                number,
                tr(f"step_{step}", lang),
                TEXTS.text(f"hint_{step}", lang),
            )
        )
    items.append(
        Markup(
            '<li><a href="{}" target="_blank" rel="noopener"><span class="kr-num">▶</span>'
            "<span>{}<br><small>{}</small></span></a></li>"
        ).format(base_url + WALL_PATH, TEXTS.text("wall", lang), TEXTS.text("wall_hint", lang))
    )
    title = journey.title or "klantreis"
    body = Markup('<h1>{}</h1>\n{}<p>{}</p>\n<h2>{}</h2>\n<ol class="kr-steps">\n{}\n</ol>').format(
        title,
        Markup('<p class="kr-goal">{}</p>\n').format(journey.goal) if journey.goal else "",
        TEXTS.text("intro", lang),
        TEXTS.text("steps", lang),
        Markup("\n").join(items),
    )
    return _page(f"{title} – klantreis", lang, body)


def create_page(
    path: str,
    base_url: str,
    xsrf_field: str,
    language: str,
    *,
    error: str = "",
    chosen: dict[str, str] | None = None,
) -> str:
    """The form that creates the project file from a template (when it does not exist
    yet); ``error`` is shown above the button; ``chosen`` refills the fields."""
    chosen = chosen or {}
    options = Markup("").join(
        Markup('<option value="{}"{}>{} – {}</option>').format(
            t.id,
            Markup(" selected") if t.id == chosen.get("template", "canvas") else "",
            t.name(language),
            t.description(language),
        )
        for t in list_templates()
    )
    languages = Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(
            code, Markup(" selected") if code == chosen.get("language", language) else "", name
        )
        for code, name in (("nl", "Nederlands"), ("en", "English"))
    )
    error_html = Markup('<p class="kr-error" role="alert">{}</p>').format(error) if error else ""
    body = Markup(
        "<h1>{}</h1>\n<p>{}</p>\n"
        '<form method="post" action="{}">{}'
        '<label>{}<select name="template">{}</select></label>'
        '<label>{}<input name="title" value="{}" autocomplete="off"></label>'
        '<label>{}<select name="language">{}</select></label>'
        '{}<button type="submit">{}</button></form>'
    ).format(
        TEXTS.text("new_title", language),
        TEXTS.text("new_intro", language, path=path),
        base_url + CREATE_PATH,
        Markup(xsrf_field),
        TEXTS.text("template", language),
        options,
        TEXTS.text("title", language),
        chosen.get("title", ""),
        TEXTS.text("language", language),
        languages,
        error_html,
        TEXTS.text("create", language),
    )
    return _page(TEXTS.text("new_title", language), language, body)


def message_page(text: str, language: str) -> str:
    """A page that only says ``text`` (escaped), e.g. an unreadable project."""
    return _page("klantreis", language, str(Markup('<p class="kr-error">{}</p>').format(text)))


def nav_bar(journey: Journey, base_url: str, notebooks: dict[str, str], current: str) -> str:
    """The bar on top of every step page: the title, Start, each step, the wall."""
    lang = journey.language
    links = [
        Markup('<span class="kr-app-title">{}</span>').format(journey.title or "klantreis"),
        Markup('<a href="{}">{}</a>').format(base_url, TEXTS.text("start", lang)),
    ]
    for number, (step, notebook) in enumerate(notebooks.items(), start=1):
        mark = Markup(' aria-current="page"') if step == current else Markup("")
        links.append(
            Markup('<a href="{}"{}>{} {}</a>').format(
                step_url(base_url, notebook), mark, number, tr(f"step_{step}", lang)
            )
        )
    links.append(
        Markup('<a href="{}" target="_blank" rel="noopener">{}</a>').format(
            base_url + WALL_PATH, TEXTS.text("wall", lang)
        )
    )
    return str(Markup('<nav class="kr-app-nav">{}</nav>').format(Markup(" ").join(links)))
