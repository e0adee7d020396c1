"""The connection guard: a form whose kernel is gone says so and takes no input.

After a kernel restart (or shutdown, or a lost connection to the server) a form stays
on screen, but nothing behind it listens any more: a click looked taken and was lost.
Every form holds one :class:`ConnectionGuard` (anywidget: its JavaScript and CSS ship
in the package). In the browser it watches the kernel the form was made by; once that
kernel is gone it makes the whole form inert (``.kr-form``: no click or key reaches
it), greys it out and shows one line in the project's language: the connection with
Python is gone, run the cell again (in app mode, where participants see no cells:
reload the page). A lost connection that comes back (the same kernel) lifts the block
again.

The guard also brings the stylesheet every form shares (``form.css``): rows of fields
wrap, and no widget is wider than the panel.
"""

from __future__ import annotations

import os
from pathlib import Path

import anywidget
import ipywidgets as w
import traitlets

from .texts import tr

HERE = Path(__file__).parent
#: The class of a form's outermost box: what the guard blocks.
FORM_CLASS = "kr-form"
#: Set (to "1") in the environment of ``klantreis app``'s kernels: the forms are pages
#: without notebook cells, so what to do after a lost connection is to reload the page.
APP_ENV = "KLANTREIS_APP"


def connection_text(key: str, language: str, /, **values: str) -> str:
    """The text ``key`` about a lost connection: its app-mode wording ("herlaad de
    pagina") in a kernel of ``klantreis app``, its notebook wording otherwise."""
    return tr(f"{key}_app" if os.environ.get(APP_ENV) == "1" else key, language, **values)


class ConnectionGuard(anywidget.AnyWidget):
    """Shows ``message`` and blocks the form around it once its kernel is gone."""

    _esm = HERE / "connection.js"
    #: The guard's own look, and what every form shares (``form.css``: fit the panel).
    _css = "\n".join((HERE / name).read_text(encoding="utf-8") for name in ("connection.css", "form.css"))
    message = traitlets.Unicode().tag(sync=True)

    def __init__(self, language: str):
        super().__init__(message=connection_text("disconnected", language))
        self.add_class("kr-connection")


def guarded(children: list[w.Widget], language: str) -> w.VBox:
    """A form's outermost box: ``children`` under a :class:`ConnectionGuard`."""
    box = w.VBox([ConnectionGuard(language), *children])
    box.add_class(FORM_CLASS)
    return box
