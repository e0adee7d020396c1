"""Step review: the template's review questions, the opportunities found, and what is
still missing; the template's own fields of this step per phase, and the scenario
comparison for methods that end with one."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..analysis import missing
from ..evidence.tested import phase_tests, uses_tested
from ..model import Journey
from ..paths.findings import TEXTS as PATH_TEXTS
from ..paths.findings import review_findings
from ..session import ProjectSession
from ..templates import journey_word
from .comparison import ComparisonPanel
from .extra_editors import ExtraEditors, field_hints
from .form import StepForm
from .notice import MessageArea
from .record_list import FieldSpec, RecordList, named_items, read_record, table_ops, touchpoint_items
from .texts import short

STATUSES = {"nl": ["open", "bezig", "klaar"], "en": ["open", "in progress", "done"]}


class ReviewForm(StepForm):
    """Answer fields per review question (``answers`` by question id), notes, a list
    editor for opportunities, and the list of missing pieces (``missing``)."""

    def __init__(self, session: ProjectSession, language: str = ""):
        super().__init__(session, language)
        template = session.template
        questions = template.review_questions(self.language) if template else []
        known = {qid for qid, _ in questions}
        extra = [(q, q) for q in (self.journey.review.get("answers") or {}) if q not in known]
        self.answers: dict[str, w.Textarea] = {}
        self.notices = {qid: self.new_notice() for qid, _ in [*questions, *extra, ("", "")]}
        question_widgets: list[w.Widget] = []
        for qid, text in [*questions, *extra]:
            # the question above is shown as bold text; the tooltip names the field for
            # screen readers (and for a keyboard user's focus)
            area = w.Textarea(continuous_update=False, rows=2, tooltip=text, layout=w.Layout(width="95%"))
            area.observe(self.safely(lambda _, q=qid: self._answer(q)), names="value")
            self.answers[qid] = area
            question_widgets += [w.HTML(f"<b>{html.escape(text)}</b>"), area, self.notices[qid].widget]
        self.notes = w.Textarea(
            description=self.t("notes"), continuous_update=False, rows=3, layout=w.Layout(width="95%")
        )
        self.notes.observe(self.safely(lambda _: self._set_notes()), names="value")
        self.opportunities = RecordList(
            self,
            table_ops(
                self,
                "opportunities",
                add=lambda j, oid, text: j.add_opportunity(oid, text),
                update=update_opportunity,
                items=lambda: [
                    (short(str(r["description"])), str(r["id"]))
                    for _, r in self.journey.opportunities.iterrows()
                ],
                on_select=self._selected,
            ),
            self._fields(),
            new_label="new_opportunity",
        )
        self.belongs = w.HTML()
        self.missing = w.HTML()
        #: What the project's event logs found (a touchpoint no case reaches, a
        #: frequent event not on the map), under its own heading; empty without.
        self.path_findings = w.HTML()
        self._build_extras(template)
        self.body.children = [
            w.HTML(
                f"<h4>{html.escape(journey_word(self.journey.template, 'questions', self.language))}</h4>"
            ),
            *question_widgets,
            self.notes,
            self.notices[""].widget,
            *self.extras,
            self._opportunities_heading(),
            self.opportunities.widget,
            self.belongs,
            w.HTML(f"<h4>{self.t('missing')}</h4>"),
            self.missing,
            self.path_findings,
        ]
        self._refresh_quietly()

    def _build_extras(self, template: Any) -> None:
        """The template's phase fields of this step and its scenario comparison."""
        self.phase_fields = self.wording.fields("phases", "review")
        self.phase_box = w.VBox()
        self.phase_editors: dict[str, ExtraEditors] = {}
        self.comparison = ComparisonPanel(self.language) if template and template.compares_scenarios else None
        self.extras: list[w.Widget] = []
        #: per phase and journey: tested quantitatively or not (templates with ``getoetst``)
        self.tested = w.HTML()
        if self.phase_fields:
            self.extras += [w.HTML(f"<h4>{self.t('per_phase')}</h4>"),
                            field_hints(self.phase_fields, self.language), self.phase_box,
                            self.tested]  # fmt: skip
        if self.comparison:
            self.extras.append(self.comparison.widget)

    def _opportunities_heading(self) -> w.Widget:
        lane = self.wording.lane("opportunities")
        name = lane["name"] if lane else self.t("opportunities")
        hint = f"<div class='kr-hint'>{html.escape(lane['hint'])}</div>" if lane and lane["hint"] else ""
        return w.HTML(f"<h4>{html.escape(name)}</h4>{hint}")

    def _fields(self) -> list[FieldSpec]:
        scores = [("-", "")] + [(str(n), n) for n in range(1, 6)]
        return [
            FieldSpec("description", "area", required=True),
            FieldSpec("touchpoint", "choice", options=self._touchpoint_options),
            FieldSpec("persona", "choice", options=lambda: self._open_or_one("personas", "every_persona")),
            FieldSpec("scenario", "choice", options=lambda: self._open_or_one("scenarios", "every_scenario")),
            FieldSpec(
                "phase",
                "choice",
                options=lambda: [("-", ""), *named_items(self.journey, "phases")],
                hint=self.t("phase_follows"),
            ),
            FieldSpec("impact", "choice", options=lambda: scores),
            FieldSpec("effort", "choice", options=lambda: scores),
            FieldSpec("owner"),
            FieldSpec("status", "combo", options=lambda: STATUSES[self.language]),
        ]

    def _open_or_one(self, table: str, every: str) -> list[tuple[str, str]]:
        """An opportunity's persona or scenario: open for every one, or one by name."""
        return [(self.t(every), ""), *named_items(self.journey, table)]

    def _touchpoint_options(self) -> list[tuple[str, str]]:
        return [("-", ""), *touchpoint_items(self.journey)]

    def _selected(self, key: str | None) -> None:
        """Show the chosen opportunity's journeys; its phase is picked by hand only
        while no touchpoint sets it."""
        self._show_journeys(key)
        if key is not None:
            record = read_record(self.journey, "opportunities", key)
            self.opportunities.fields["phase"].disabled = touchpoint_phase(self.journey, record) is not None

    def _show_journeys(self, key: str | None) -> None:
        """Say which journeys the chosen opportunity belongs to, and ask for a persona
        when it belongs to several (its touchpoint is in more than one journey)."""
        if key is None:
            self.belongs.value = ""
            return
        j = self.journey
        pairs = [(p, s) for p, s in j.journeys() if key in set(j.opportunities_of(p, s)["id"])]
        names = ", ".join(f"{j.name_of('personas', p)} ({j.name_of('scenarios', s)})" for p, s in pairs)
        code = "applies_to_many" if len(pairs) > 1 else "applies_to" if pairs else "applies_to_none"
        self.belongs.value = f"<div class='kr-hint'>{html.escape(self.t(code, journeys=names))}</div>"

    def _answer(self, question: str) -> None:
        text = self.answers[question].value.strip()
        self.commit(lambda j: j.set_answer(question, text), at=self.notices[question])

    def _set_notes(self) -> None:
        notes = self.notes.value.strip()
        self.commit(lambda j: j.set_review_notes(notes), at=self.notices[""])

    def commit(self, change: Any, *, refresh: bool = False, at: MessageArea | None = None) -> bool:
        """Apply and save a change, then update the list of missing pieces."""
        done = super().commit(change, refresh=refresh, at=at)
        self.show_missing()
        return done

    def show_missing(self) -> None:
        """List what is still missing in the journey (or say that nothing is)."""
        gaps = [*self.step_gaps(), *(g.describe(self.journey, self.language) for g in missing(self.journey))]
        items = "".join(f"<li>{html.escape(g)}</li>" for g in gaps)
        self.missing.value = f"<ul>{items}</ul>" if gaps else f"<p>{self.t('complete')}</p>"
        found = review_findings(self.journey, self.language)
        heading = PATH_TEXTS.text("review_heading", self.language)
        items = "".join(f"<li>{html.escape(f)}</li>" for f in found)
        self.path_findings.value = f"<h4>{html.escape(heading)}</h4><ul>{items}</ul>" if found else ""
        self.tested.value = tested_html(self.journey, self.language)

    def step_gaps(self) -> list[str]:
        """What the whole project still lacks, before the gaps per journey: an empty
        goal or scope, and scenarios no persona has touchpoints in yet."""
        j, gaps = self.journey, []
        if not str(j.goal or "").strip():
            gaps.append(self.t("gap_goal"))
        if not all(str(j.scope.get(k) or "").strip() for k in ("start", "end")):
            gaps.append(self.t("gap_scope"))
        used = {scenario for _, scenario in j.journeys()}
        gaps += [
            self.t("gap_scenario", name=j.name_of("scenarios", s))
            for s in j.ids("scenarios")
            if s not in used
        ]
        return gaps

    def refresh(self) -> None:
        """Show the saved answers, notes, opportunities and what is missing."""
        answers = self.journey.review.get("answers") or {}
        for qid, area in self.answers.items():
            area.value = str(answers.get(qid) or "")
        self.notes.value = str(self.journey.review.get("notes") or "")
        self.opportunities.refresh()
        self.show_missing()
        if self.phase_fields:
            self.phase_editors = {
                p["id"]: ExtraEditors(self, "phases", (p["id"],), self.phase_fields, p)
                for p in self.journey.records("phases")
            }
            self.phase_box.children = [
                w.HBox([w.HTML(f"<b>{html.escape(p['name'] or p['id'])}</b>",
                               layout=w.Layout(width="180px")), self.phase_editors[p["id"]].widget])
                for p in self.journey.records("phases")
            ]  # fmt: skip
        if self.comparison:
            self.comparison.draw(self.journey)


def tested_html(journey: Journey, language: str) -> str:
    """Per phase, for each journey: "getoetst (bron, n=…)" or "niet getoetst", a value
    set by hand marked so (see :mod:`klantreis.evidence.tested`); "" for templates
    without the phase field ``getoetst``."""
    if not uses_tested(journey):
        return ""
    lines: dict[str, list[str]] = {}
    for persona, scenario in journey.journeys():
        label = f"{journey.name_of('personas', persona)} ({journey.name_of('scenarios', scenario)})"
        for test in phase_tests(journey, persona, scenario):
            lines.setdefault(test.phase, []).append(f"{label}: {test.describe(language)}")
    items = "".join(
        f"<li><b>{html.escape(journey.name_of('phases', phase))}</b>: "
        + "; ".join(html.escape(line) for line in found)
        + "</li>"
        for phase, found in lines.items()
    )
    return f'<ul class="kr-tested">{items}</ul>' if items else ""


#: Changing one of these fields of an opportunity sets its phase again (from its touchpoint).
PHASE_SOURCES = ("touchpoint", "persona", "scenario")


def touchpoint_phase(journey: Journey, opportunity: dict[str, Any]) -> str | None:
    """The phase of an opportunity's touchpoint, in the journeys the opportunity is
    for (its persona and scenario; open ones match every one); None without a
    touchpoint, or when its journeys put that touchpoint in different phases."""
    tid = opportunity.get("touchpoint")
    if not tid:
        return None
    phases = {
        r["phase"]
        for r in journey.records("touchpoints")
        if r["id"] == tid
        and all(not opportunity.get(k) or r[k] == opportunity[k] for k in ("persona", "scenario"))
    }
    return phases.pop() if len(phases) == 1 else None


def update_opportunity(journey: Journey, oid: str, changes: dict[str, Any]) -> None:
    """Change fields of an opportunity; when its touchpoint (or journey) changes, its
    phase follows the touchpoint's (without a touchpoint the phase stays as it is)."""
    journey.update_opportunity(oid, **changes)
    if "phase" not in changes and any(k in changes for k in PHASE_SOURCES):
        phase = touchpoint_phase(journey, read_record(journey, "opportunities", oid))
        if phase is not None:
            journey.update_opportunity(oid, phase=phase)
