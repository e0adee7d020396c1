"""Step touchpoints: the whole journey of a persona in a scenario, grouped by phase,
with each touchpoint's details (labelled in the template's words, with the fields the
template adds, and the crucial mark per phase); the value of the field the template
counts (Touch, Tell, Sell or Care) beside each touchpoint, with a count per value
above the list; and copying one journey's touchpoints
to another as a starting point."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..errors import JourneyError
from ..fields import TABLES
from ..model import Journey
from ..session import ProjectSession
from ..template_fields import EXTRA, TemplateField
from ..templates import journey_uses
from .form import StepForm
from .record_list import (
    FieldSpec,
    RecordList,
    RecordOps,
    heading_group,
    heading_key,
    named_items,
    read_record,
)  # fmt: skip
from .selectors import JourneySelector
from .texts import tr

#: Indent of a touchpoint under its phase heading in the list.
INDENT = "\u2003\u2003"
#: After the name of a crucial touchpoint in the list.
CRUCIAL = " ★"


class TouchpointsForm(StepForm):
    """Choose persona and scenario; the list shows that journey's touchpoints under
    their phase headings, in journey order. Choosing a heading or a touchpoint sets
    the phase a new touchpoint goes to (``add_phase``). Below, copy all touchpoints
    of one persona/scenario to another."""

    def __init__(self, session: ProjectSession, language: str = "", persona: str = "", scenario: str = ""):
        super().__init__(session, language)
        self.selector = JourneySelector(self.journey, self.language, persona, scenario)
        self.add_phase = w.Dropdown(
            description=self.t("in_phase"),
            style={"description_width": "60px"},
            layout=w.Layout(width="230px"),
        )
        self.notice = w.HTML()
        #: The template's field counted in the list (``tally: true``), or None.
        self.tally_field = next(
            (f for f in self.wording.fields("touchpoints", "touchpoints") if f.tally), None
        )
        #: Above the list: how many of the journey's touchpoints have each value of it.
        self.tally = w.HTML()
        self.touchpoints = RecordList(
            self,
            RecordOps(
                table="touchpoints",
                items=self._items,
                read=self._read,
                ids=self._ids,
                add=self._add,
                update=self._update,
                move=self._move,
                where=lambda: (self.persona or "", self.scenario or ""),
                on_select=self._chosen,
            ),
            self._fields(),
            add_extras=[self.add_phase],
            rows=16,
        )
        self._build_copy()
        for dropdown in (self.selector.persona, self.selector.scenario):
            dropdown.observe(self.safely(lambda _: self._refresh_quietly()), names="value")
        self.body.children = [
            self.selector.widget,
            self._heading(),
            w.HTML(f"<i>{self.t('journey_list')}</i>"),
            self.notice,
            self.tally,
            self.touchpoints.widget,
            w.HTML(f"<h4>{self.t('copy_title')}</h4>"),
            self.copy_box,
        ]
        self._refresh_quietly()

    # ------------------------------------------------------------- fields
    def _heading(self) -> w.HTML:
        """The template's name for its touchpoints row, and what to put there."""
        lane = self.wording.lane("touchpoints")
        if lane is None:
            return w.HTML("")
        hint = f'<div class="kr-hint">{html.escape(lane["hint"])}</div>' if lane["hint"] else ""
        return w.HTML(f"<h4>{html.escape(lane['name'])}</h4>{hint}")

    def _fields(self) -> list[FieldSpec]:
        t = self.t
        spec = self.wording.spec
        template = self.session.template
        channels = template.channels(self.language) if template else []
        return [
            FieldSpec("name", required=True),
            FieldSpec("phase", "choice", options=lambda: named_items(self.journey, "phases")),
            FieldSpec("channel", "combo", options=lambda: channels),
            FieldSpec(
                "online",
                "choice",
                options=lambda: [(t("unknown"), ""), (t("is_online"), True), (t("is_offline"), False)],
            ),
            FieldSpec(
                "owned", "choice", options=lambda: [(t("unknown"), ""), (t("yes"), True), (t("no"), False)]
            ),
            FieldSpec("partner"),
            spec("touchpoints", "action", "area"),
            FieldSpec("frequency"),
            spec("touchpoints", "backstage", "area"),
            spec("touchpoints", "data", "area"),
            *self._mark_specs(),
            *self.wording.extra_specs(self.journey, "touchpoints", "touchpoints"),
        ]

    def _mark_specs(self) -> list[FieldSpec]:
        """The touchpoint marks the template's method asks for (crucial moment, main
        or side matter; see :data:`klantreis.templates.MARKS`)."""
        t, template = self.t, self.journey.template
        specs = []
        if journey_uses(template, "critical"):
            specs.append(FieldSpec("critical", "check", hint=t("critical_hint")))
        if journey_uses(template, "importance"):
            options = [("-", ""), (t("main"), "main"), (t("side"), "side")]
            specs.append(FieldSpec("importance", "choice", options=lambda: options))
        return specs

    # ------------------------------------------------------------ records
    @property
    def persona(self) -> str | None:
        """The chosen persona id."""
        return self.selector.persona.value

    @property
    def scenario(self) -> str | None:
        """The chosen scenario id."""
        return self.selector.scenario.value

    def _items(self) -> list[tuple[str, str]]:
        """Phase headings in phase order, each followed by its touchpoints in journey
        order, numbered through the whole journey, each with the value of the counted
        template field (and the count above the list updated)."""
        rows = self.journey.journey(self.persona, self.scenario) if self.persona else None
        tallied = self.tally_field
        values = [] if rows is None or tallied is None else [(e or {}).get(tallied.id) for e in rows[EXTRA]]
        self.tally.value = tally_line(tallied, values, self.language) if tallied else ""
        shown = dict(zip([] if rows is None else rows["id"], values, strict=False))
        items = []
        for name, pid in named_items(self.journey, "phases"):
            here = [] if rows is None else list(rows[rows["phase"] == pid].itertuples())
            crucial = sum(bool(r.critical) for r in here)
            heading = self.t("phase_heading", name=name, count=len(here))
            if crucial:
                heading = self.t("phase_heading_crucial", name=name, count=len(here), crucial=crucial)
            items.append((heading, heading_key(pid)))
            items += [(f"{INDENT}{r.step}. {r.name}{self._shown_value(shown.get(r.id))}"
                       f"{CRUCIAL if r.critical else ''}", str(r.id)) for r in here]  # fmt: skip
        return items

    def _shown_value(self, value: Any) -> str:
        """The counted field's value as the list shows it after a name (`` · Touch``)."""
        if self.tally_field is None or value in (None, ""):
            return ""
        return f" · {self.tally_field.display(value, self.language)}"

    def _ids(self) -> list[str]:
        return [str(i) for i in self.journey.journey(self.persona, self.scenario)["id"]]

    def _read(self, tid: str) -> dict[str, Any]:
        return read_record(self.journey, "touchpoints", (tid, self.persona or "", self.scenario or ""))

    def _chosen(self, key: str | None) -> None:
        """A heading or touchpoint was chosen: new touchpoints go to its phase."""
        phase = heading_group(key)
        if phase is None and self.touchpoints.selected:
            phase = self._read(self.touchpoints.selected)["phase"]
        if phase in self.journey.ids("phases"):
            self.add_phase.value = phase

    def _add(self, journey: Journey, tid: str, name: str) -> None:
        if not self.persona or not self.add_phase.value:
            raise JourneyError(self.t("no_personas" if not self.persona else "no_phases"))
        journey.add_touchpoint(tid, self.persona, self.add_phase.value, name, scenario=self.scenario)

    def _update(self, journey: Journey, tid: str, changes: dict[str, Any]) -> None:
        journey.update_touchpoint(tid, self.persona or "", self.scenario, **changes)

    def _move(self, journey: Journey, tid: str, step: int) -> None:
        journey.move_touchpoint(tid, self.persona or "", self.scenario, step)

    # --------------------------------------------------------------- copy
    def _build_copy(self) -> None:
        style = {"description_width": "60px"}
        self.copy_from = JourneySelector(self.journey, self.language)
        self.copy_to = JourneySelector(self.journey, self.language)
        self.copy_from.persona.description = f"{self.t('copy_from')}: {self.t('persona')}"
        self.copy_to.persona.description = f"{self.t('copy_to')}: {self.t('persona')}"
        for selector in (self.copy_from, self.copy_to):
            selector.persona.style = {"description_width": "120px"}
            selector.scenario.style = style
        self.copy_replace = w.Checkbox(description=self.t("copy_replace"), indent=False)
        self.copy_button = w.Button(description=self.t("copy"), icon="copy")
        self.copy_notice = self.new_notice()
        self.copy_button.on_click(self.safely(lambda _: self._copy()))
        self.copy_box = w.VBox(
            [
                self.copy_from.widget,
                self.copy_to.widget,
                w.HBox([self.copy_replace, self.copy_button]),
                self.copy_notice.widget,
            ]
        )

    def _copy(self) -> None:
        source = (self.copy_from.persona.value, self.copy_from.scenario.value)
        target = (self.copy_to.persona.value, self.copy_to.scenario.value)
        replace, at = self.copy_replace.value, self.copy_notice
        if not all(source + target):
            self.refuse("no_personas", at=at)
            return
        if source == target:
            self.refuse("copy_same", at=at)
            return
        present = len(self.journey.journey(*target))
        if present and not replace:
            counted = TABLES["touchpoints"].counted(present, self.language)
            self.refuse("copy_target_full", at=at, touchpoints=counted, replace=self.t("copy_replace"))
            return
        if self.commit(lambda j: j.copy_journey(*source, *target, replace=replace), refresh=True, at=at):
            copied = TABLES["touchpoints"].counted(len(self.journey.journey(*target)), self.language)
            at.show("ok", self.t("copied", touchpoints=copied))

    # ------------------------------------------------------------ display
    def refresh(self) -> None:
        """Show the chosen journey's touchpoints, grouped by phase."""
        journey = self.journey
        for selector in (self.selector, self.copy_from, self.copy_to):
            selector.update(journey)
        phases = journey.ids("phases")
        keep = self.add_phase.value
        self.add_phase.options = named_items(journey, "phases")
        self.add_phase.value = keep if keep in phases else (phases[0] if phases else None)
        notice = "" if self.persona else self.t("no_personas")
        notice = notice or ("" if phases else self.t("no_phases"))
        self.notice.value = f"<b>{notice}</b>" if notice else ""
        self.touchpoints.add_button.disabled = bool(notice)
        self.touchpoints.refresh()
        self.copy_box.layout.display = "flex" if len(journey.personas) else "none"


def tally_line(field: TemplateField, values: list[Any], language: str) -> str:
    """The count per option of ``field`` among ``values`` (one per touchpoint), as one
    line of HTML: "Touch, Tell, Sell of Care: Touch 3 · Tell 2 · Sell 0 · Care 1",
    and how many have none yet."""
    counts = [f"{html.escape(o.text(language))} {values.count(o.id)}" for o in field.options]
    empty = sum(v in (None, "") for v in values)
    if empty:
        counts.append(html.escape(tr("tally_empty", language, count=empty)))
    return f'<div class="kr-tally"><b>{html.escape(field.name(language))}:</b> {" · ".join(counts)}</div>'
