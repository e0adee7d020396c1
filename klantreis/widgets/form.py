"""The base of every step form: autosave through the session, messages, no tracebacks.

Saving style (the same in every form): each committed change (a button click, or a
text field losing focus or Enter) is applied to the journey and saved at once; the
status line then says "Opgeslagen om 14:32:05 (wijziging 3)" and flashes. Refused
input changes nothing and shows its message in the :class:`~.notice.Notice` next to
the field or button that caused it; the status line then says that not everything
is saved. A message stays until its place is used again or the fields are
reloaded from the journey.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

import ipywidgets as w

from ..errors import JourneyError
from ..model import Journey
from ..session import ProjectSession, SaveConflict
from .connection import guarded
from .notice import MessageArea, Notice
from .status import StatusLine
from .texts import tr
from .wording import Wording

S = TypeVar("S", bound=w.Widget)


class StepForm(ABC):
    """Common behaviour of the step forms. Subclasses build ``self.body`` and
    implement :meth:`refresh` (show the journey's current values)."""

    def __init__(self, session: ProjectSession, language: str = ""):
        self.session = session
        self.language = language or session.journey.language
        #: The template's words for this project's fields (see :mod:`.wording`).
        self.wording = Wording(session.template, self.language)
        self.status = StatusLine(self.language)
        self.status.refresh_button.on_click(self.safely(lambda _: self.sync()))
        self.status.keep_mine.on_click(self.safely(lambda _: self.save(prefer="mine")))
        self.status.take_theirs.on_click(self.safely(lambda _: self.save(prefer="theirs")))
        self._loading = 0
        self._notices: list[Notice] = []
        self._shared: dict[Any, w.Widget] = {}
        self.body = w.VBox()
        self.widget = guarded([self.body, self.status.widget], self.language)
        session.on_change(self._refresh_quietly)

    # ------------------------------------------------------------ helpers
    @property
    def journey(self) -> Journey:
        """The session's journey (a new object after a merge: always look it up here)."""
        return self.session.journey

    def t(self, key: str, **values: Any) -> str:
        """A user text in the form's language."""
        return tr(key, self.language, **values)

    @property
    def loading(self) -> bool:
        """True while the form fills its widgets (their change events are ignored)."""
        return self._loading > 0

    @contextmanager
    def filling(self) -> Iterator[None]:
        """Set widget values without treating them as user edits."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def shared(self, kind: type[S], **traits: Any) -> S:
        """One layout or style object for all the widgets of this form that look the
        same. Every widget otherwise gets its own, and each is a model the browser
        must create: sharing them makes a long form's page load much faster."""
        key = (kind, tuple(sorted(traits.items())))
        if key not in self._shared:
            self._shared[key] = kind(**traits)
        widget: S = self._shared[key]
        return widget

    def new_notice(self) -> Notice:
        """A new message area of this form, to place next to a field or button."""
        notice = Notice()
        self._notices.append(notice)
        return notice

    def clear_notices(self) -> None:
        """Hide every message next to a field (when the fields show saved values again)."""
        for notice in self._notices:
            notice.clear()

    def safely(self, handler: Callable[..., Any]) -> Callable[..., None]:
        """Wrap a widget callback (whatever it is called with: a change, a button, a
        row and field) so an unexpected error shows as a message, never as a
        traceback; value changes made while filling are ignored."""

        def run(*event: Any) -> None:
            if self.loading:
                return
            try:
                handler(*event)
            except JourneyError as err:
                self.status.error(self.t("error", message=err.text(self.language)))
            except Exception as err:  # noqa: BLE001 - shown to the user instead of a traceback
                self.status.error(self.t("error", message=str(err) or type(err).__name__))

        return run

    # ------------------------------------------------------------- saving
    def commit(
        self, change: Callable[[Journey], Any], *, refresh: bool = False, at: MessageArea | None = None
    ) -> bool:
        """Apply ``change`` to the journey and save. Refused changes (JourneyError)
        leave journey and file as they were and show their message in ``at`` (the
        notice next to what was changed; the status line when None); returns False.
        Returns True when the change was applied: saved, or, when saving failed (a
        conflict), kept in memory with the reason in the status line."""
        if at is not None:
            at.clear()
        try:
            self.session.apply(change)
        except JourneyError as err:
            # The model's own message, in the form's language; the form adds only words
            # in that language around it.
            return self.show_refusal(self.t("not_saved", message=err.text(self.language)), at)
        if refresh:
            self._refresh_quietly()
        self.save()
        return True

    def refuse(self, key: str, /, at: MessageArea | None = None, **values: Any) -> bool:
        """Show the refusal text ``key`` in ``at`` (or the status line) and return False."""
        return self.show_refusal(self.t("not_saved", message=self.t(key, **values)), at)

    def show_refusal(self, text: str, at: MessageArea | None, *, unsaved: bool = True) -> bool:
        """Show ``text`` next to what caused it. When the form now holds input that is
        not in the file (``unsaved``), the status line says so. Returns False."""
        if at is None:
            self.status.error(text)
        else:
            at.error(text)
            if unsaved:
                self.status.error(self.t("not_saved_see"))
        return False

    def save(self, prefer: str | None = None) -> bool:
        """Save the session; report the time, a conflict or an error in the status line."""
        try:
            result = self.session.save(prefer)  # type: ignore[arg-type]
        except SaveConflict as err:
            self.status.conflict(err.conflicts)
            return False
        except JourneyError as err:
            self.status.error(self.t("not_saved", message=err.text(self.language)))
            return False
        except OSError as err:
            self.status.error(self.t("not_saved", message=str(err)))
            return False
        self.status.saved(result)
        return True

    def sync(self) -> None:
        """Fetch changes made in other notebooks (merging this form's unsaved edits), and
        save edits an earlier save could not."""
        if self.session.changed_on_disk() or self.session.unsaved():
            self.save()
        else:
            self.status.show("info", self.t("up_to_date", time=_now()))

    def _refresh_quietly(self) -> None:
        self.clear_notices()  # every field shows its saved value again
        with self.filling():
            self.refresh()

    @abstractmethod
    def refresh(self) -> None:
        """Show the journey's current values in the widgets."""


def _now() -> str:
    return datetime.now().strftime("%H:%M:%S")
