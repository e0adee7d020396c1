"""``show_step``: what each workbook notebook calls to show its explanation and form."""

from __future__ import annotations

import os
from typing import Any

from IPython.display import Markdown, display

from ..errors import JourneyError
from ..messages import current_language
from ..model import LANGUAGES
from ..session import ProjectSession
from ..templates import WORKBOOK_STEPS
from .bewijs import BewijsForm
from .doel import DoelForm
from .emoties import EmotiesForm
from .fasen import FasenForm
from .form import StepForm
from .persona import PersonaForm
from .review import ReviewForm
from .scope import ScopeForm
from .start import PROJECT_ENV, StartForm, resolve_path
from .texts import tr
from .touchpoints import TouchpointsForm

ALL_STEPS = ("start", *WORKBOOK_STEPS)


def make_form(
    step: str,
    session: ProjectSession,
    *,
    persona: str = "",
    scenario: str = "",
    language: str = "",
    evidence: str = "",
) -> StepForm:
    """The form of a step (not ``start``) bound to ``session``; ``evidence`` (a source
    id, refused when unknown) is the data wave the emotion curve shows and the bewijs
    step imports under."""
    if evidence and step != "bewijs":
        session.journey.require("sources", evidence)
    if step == "doel":
        return DoelForm(session, language)
    if step == "persona":
        return PersonaForm(session, language, persona)
    if step == "scope":
        return ScopeForm(session, language)
    if step == "fasen":
        return FasenForm(session, language)
    if step == "touchpoints":
        return TouchpointsForm(session, language, persona, scenario)
    if step == "emoties":
        return EmotiesForm(session, language, persona, scenario, evidence)
    if step == "review":
        return ReviewForm(session, language)
    if step == "bewijs":
        return BewijsForm(session, language, persona, scenario, evidence)
    raise JourneyError(tr("unknown_step", language or "nl", step=step, known=", ".join(ALL_STEPS)))


def explanation(step: str, session: ProjectSession | None, language: str) -> str:
    """The Markdown shown above a step's form: its name and the template's guidance."""
    heading = f"### {tr('step_' + step, language)}"
    if step == "start" or session is None:
        return f"{heading}\n\n{tr('start_intro', language)}"
    template = session.template
    guidance = template.guidance(step, language) if template else ""
    return f"{heading}\n\n{guidance}" if guidance else heading


class StepError(JourneyError):
    """A headless run (papermill) of a step notebook was given a parameter that does
    not fit: a project, persona, scenario or data wave that does not exist. In a
    notebook's output it shows as its message alone, without a traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"{type(self).__name__}: {self}"]


def headless() -> bool:
    """True when nobody sees the form, so a problem must stop the run: the notebook
    runs in papermill, ``jupyter nbconvert --execute`` or another nbclient run (they
    tell the kernel they cannot answer input requests), or outside a kernel. JupyterLab
    and Voilà (app mode) show the form: Voilà runs notebooks through nbclient too, but
    sets ``VOILA_KERNEL_ID`` in the kernel first."""
    if os.environ.get("VOILA_KERNEL_ID"):
        return False
    from IPython import get_ipython

    kernel = getattr(get_ipython(), "kernel", None)
    if kernel is None:
        return True
    request = kernel.get_parent("shell") or {}
    return not request.get("content", {}).get("allow_stdin", False)


def show_step(
    step: str,
    project: str = "",
    *,
    persona: str = "",
    scenario: str = "",
    language: str = "",
    evidence: str = "",
) -> StartForm | StepForm | None:
    """Display the explanation and the form of a workbook step, and return the form.

    ``project`` is the project file; empty means ``$KLANTREIS_PROJECT`` (set by
    ``klantreis lab``). ``persona``/``scenario`` are ids (empty: the first one);
    ``language`` is ``nl`` or ``en`` (empty: the project's language); ``evidence`` is
    an evidence source id, a data wave (empty: all sources). Problems are shown as a
    message, never as a traceback, and None is returned; in a :func:`headless` run
    (papermill) they raise :class:`StepError`, so the run fails with the message.
    """
    if language and language not in LANGUAGES:
        return _message(tr("bad_language", current_language(), language=language))
    project = project or os.environ.get(PROJECT_ENV, "")
    if step == "start":
        start = StartForm(project, language or "nl")
        lang = start.session.journey.language if start.session and not language else start.language
        display(Markdown(explanation("start", None, lang)), start.widget)
        return start
    if step not in ALL_STEPS:
        return _message(
            tr("unknown_step", language or current_language(), step=step, known=", ".join(ALL_STEPS))
        )
    lang = language or current_language()
    if not project:
        return _message(tr("no_project", lang))
    path = resolve_path(project)
    if not path.exists():
        return _message(tr("missing_file", lang, path=path))
    try:
        session = ProjectSession.open(path)
    except JourneyError as err:
        return _message(tr("cannot_open", lang, message=err.text(lang)))
    lang = language or session.journey.language
    try:
        form = make_form(step, session, persona=persona, scenario=scenario, language=lang, evidence=evidence)
    except JourneyError as err:  # e.g. a persona the project does not have
        return _message(err.text(lang))
    display(Markdown(explanation(step, session, lang)), form.widget)
    return form


def _message(text: str) -> Any:
    if headless():
        raise StepError(text)
    display(Markdown(f"**{text}**"))
    return None
