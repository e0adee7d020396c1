"""The workbook's forms: one per step, bound to a project session, saved on every change.

Notebooks call :func:`show_step`; tests build the forms directly and drive their
child widgets.
"""

from __future__ import annotations

from .bewijs import BewijsForm
from .doel import DoelForm
from .emoties import EmotiesForm
from .fasen import FasenForm
from .persona import PersonaForm
from .review import ReviewForm
from .scope import ScopeForm
from .show import ALL_STEPS, explanation, make_form, show_step
from .start import StartForm
from .touchpoints import TouchpointsForm

__all__ = [
    "ALL_STEPS",
    "BewijsForm",
    "DoelForm",
    "EmotiesForm",
    "FasenForm",
    "PersonaForm",
    "ReviewForm",
    "ScopeForm",
    "StartForm",
    "TouchpointsForm",
    "explanation",
    "make_form",
    "show_step",
]
