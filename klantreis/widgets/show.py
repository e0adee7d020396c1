"""``show_step``: what each workbook notebook calls to show its explanation and form."""

from __future__ import annotations

import os
from typing import Any

from IPython.display import Markdown, display

from ..errors import JourneyError
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
    an evidence source id, a data wave (empty: all sources). Problems are
    shown as a message, never as a traceback; then None is returned.
    """
    if language and language not in LANGUAGES:
        return _message(tr("bad_language", "nl", language=language))
    project = project or os.environ.get(PROJECT_ENV, "")
    if step == "start":
        start = StartForm(project, language or "nl")
        lang = start.session.journey.language if start.session and not language else start.language
        display(Markdown(explanation("start", None, lang)), start.widget)
        return start
    if step not in ALL_STEPS:
        return _message(tr("unknown_step", language or "nl", step=step, known=", ".join(ALL_STEPS)))
    lang = language or "nl"
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
    display(Markdown(f"**{text}**"))
    return None
