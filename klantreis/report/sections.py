"""The sections of the report notebook (``workbook/rapport.ipynb``): each method
returns something the notebook displays. All user text is escaped."""

from __future__ import annotations

import os
from html import escape
from typing import Any

from ..analysis import missing
from ..errors import JourneyError
from ..evidence.wording import word
from ..messages import number
from ..model import Journey
from ..projectfile import load
from ..templates import get_template, journey_uses
from .display import chart_html, curve_table
from .extras import grouped_views, persona_extras, template_tables
from .figures import key_figures
from .tested_section import tested_section
from .texts import TEXTS, t


class HTML:
    """A block of HTML for notebook display."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def _list(items: list[str], language: str) -> str:
    if not items:
        return f"<p>{escape(t('none', language))}</p>"
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


class Report:
    """One journey's report: ``Report(project, persona, scenario, language, evidence)``;
    empty persona/scenario/language mean the first one / the project's language; empty
    evidence means the figures of every evidence source, else of that source (a data
    wave) only."""

    def __init__(
        self, project: str = "", persona: str = "", scenario: str = "", language: str = "", evidence: str = ""
    ):
        project = project or os.environ.get("KLANTREIS_PROJECT", "")
        if not project:
            raise JourneyError(TEXTS.msg("no_project"), language=language or None)
        self.journey: Journey = load(project)
        j = self.journey
        self.persona = persona or (j.ids("personas") or [""])[0]
        self.scenario = scenario or j.default_scenario
        self.language = language or j.language
        j.require("personas", self.persona)
        j.require("scenarios", self.scenario)
        self.evidence_source = evidence or None
        if self.evidence_source:
            j.require("sources", self.evidence_source)

    def _h(self, key: str) -> str:
        return f"<h2>{escape(t(key, self.language))}</h2>"

    def header(self) -> HTML:
        """Title, persona and scenario, goal, scope and the persona card."""
        j, lang = self.journey, self.language
        persona = j.personas[j.personas["id"] == self.persona].iloc[0]
        parts = [
            f"<h1>{escape(j.title)}</h1>",
            f"<p><b>{escape(t('persona', lang))}:</b> {escape(j.name_of('personas', self.persona))}"
            f" &nbsp; <b>{escape(t('scenario', lang))}:</b> "
            f"{escape(j.name_of('scenarios', self.scenario))}</p>",
        ]
        if j.goal:
            parts.append(f"{self._h('goal')}<p>{escape(j.goal)}</p>")
        if j.scope.get("start") or j.scope.get("end"):
            parts.append(
                f"{self._h('scope')}<p><b>{escape(t('start', lang))}:</b> "
                f"{escape(j.scope.get('start', ''))}<br><b>{escape(t('end', lang))}:</b> "
                f"{escape(j.scope.get('end', ''))}</p>"
            )
        card = [f"<h2>{escape(t('persona', lang))}: {escape(str(persona['name']) or self.persona)}</h2>"]
        if persona["description"]:
            card.append(f"<p>{escape(str(persona['description']))}</p>")
        for key in ("role", "context"):
            if persona[key]:
                card.append(f"<p><b>{escape(t(key, lang))}:</b> {escape(str(persona[key]))}</p>")
        for key in ("needs", "frustrations"):
            if persona[key]:
                card.append(f"<p><b>{escape(t(key, lang))}:</b></p>{_list(list(persona[key]), lang)}")
        card.append(persona_extras(j, self.persona, lang))  # the fields the template adds
        return HTML("\n".join(parts + card))

    def template_fields(self) -> HTML:
        """The fields the template adds, per phase and per touchpoint of this journey."""
        return HTML(template_tables(self.journey, self.persona, self.scenario, self.language))

    def groups(self) -> HTML:
        """The grouped views the method asks for (e.g. users and partners side by side)."""
        return HTML(grouped_views(self.journey, self.persona, self.scenario))

    def figures(self) -> HTML:
        """The key figures as tiles."""
        f = key_figures(self.journey, self.persona, self.scenario)
        lang = self.language
        mean = number(f.mean_emotion, lang)
        point = self.journey.scale_point(f.lowest_score)
        lowest = f"{point.emoji} {point.label}".strip() if point else "–"
        if f.lowest_measured is not None:  # a refuted assumption: the measured mean
            lowest = f"{number(f.lowest_measured, lang)} ({word('measured', lang)})"
        tiles = [
            (t("touchpoints", lang), str(f.touchpoints)),
            (t("mean_emotion", lang), mean),
            (f"{t('lowest', lang)}: {', '.join(f.lowest)}" if f.lowest else t("lowest", lang), lowest),
        ]
        if journey_uses(self.journey.template, "critical"):
            tiles.append((t("crucial", lang), str(len(f.crucial))))
        body = "".join(
            f'<div class="kr-figure"><b>{escape(value)}</b>{escape(label)}</div>' for label, value in tiles
        )
        return HTML(f'<div class="kr-figures">{body}</div>')

    def _chart(self, chart: Any) -> str:
        return chart_html(chart, self.language)

    def canvas(self) -> HTML:
        """The journey canvas: phases as columns, the template's lanes as rows."""
        from ..charts import canvas

        body = canvas(self.journey, self.persona, self.scenario, self.evidence_source)._repr_html_()
        return HTML(f"{self._h('canvas')}\n{body}")

    def emotion_curve(self) -> HTML:
        """The emotion curve of this journey."""
        from ..charts import emotion_curve

        chart = emotion_curve(self.journey, self.persona, self.scenario)
        table = curve_table(self.journey, [(self.persona, self.scenario)])
        return HTML(f"{self._h('curve')}\n{self._chart(chart)}\n{table}")

    def evidence(self) -> HTML:
        """Section "Bewijs": sources, assumed vs measured, flagged touchpoints with
        quotes, too few answers, top call reasons, pain ranking (see
        :mod:`klantreis.report.evidence_section`)."""
        from .evidence_section import evidence_section

        return HTML(
            evidence_section(
                self.journey,
                self.persona,
                self.scenario,
                self.language,
                source=self.evidence_source,
                chart_html=self._chart,
            )
        )

    def paths(self) -> HTML:
        """Section "Wat klanten echt doen": the paths of event logs against the map, only
        when the project has such a log for this journey (see :mod:`klantreis.paths.report`)."""
        from ..paths.report import paths_section

        return HTML(paths_section(self.journey, self.persona, self.scenario, self.language, self._chart))

    def channel_map(self) -> HTML:
        """Channels × phases: how many touchpoints and how they feel."""
        from ..charts import channel_map

        chart = channel_map(self.journey, self.persona, self.scenario)
        return HTML(f"{self._h('channels')}\n{self._chart(chart)}")

    def comparison(self) -> HTML:
        """For each other scenario of this persona: the change per touchpoint."""
        from ..charts import scenario_delta

        others = [s for p, s in self.journey.journeys() if p == self.persona and s != self.scenario]
        if not others:
            return HTML("")
        parts = [self._h("comparison")]
        for other in others:
            parts.append(
                f"<h3>{escape(self.journey.name_of('scenarios', self.scenario))} → "
                f"{escape(self.journey.name_of('scenarios', other))}</h3>"
            )
            parts.append(self._chart(scenario_delta(self.journey, self.persona, self.scenario, other)))
        return HTML("\n".join(parts))

    def findings(self) -> HTML:
        """Pain points (the touchpoints at a level the scale calls a problem), crucial
        touchpoints (where the method asks for them), touchpoints outside the
        organisation, and what is still missing in this journey (no emotion, no reason, empty phases)."""
        f = key_figures(self.journey, self.persona, self.scenario)
        lang = self.language
        parts = [self._h("findings")]
        gaps = [
            gap.describe(self.journey, lang)
            for gap in missing(self.journey)
            if (gap.persona, gap.scenario) == (self.persona, self.scenario)
        ]
        uses_crucial = journey_uses(self.journey.template, "critical")
        for key, items in (
            ("pain_points", f.pain_points),
            *([("crucial", f.crucial)] if uses_crucial else []),
            ("not_owned", f.not_owned),
            ("missing", gaps),
        ):
            parts.append(f"<h3>{escape(t(key, lang))}</h3>{_list(items, lang)}")
        return HTML("\n".join(parts))

    def review(self) -> HTML:
        """The template's review questions with the team's answers, and the notes."""
        j, lang = self.journey, self.language
        answers = j.review.get("answers") or {}
        questions: list[tuple[str, str]] = []
        if j.template:
            questions = get_template(j.template).review_questions(lang)
        known = {qid for qid, _ in questions}
        questions += [(qid, qid) for qid in answers if qid not in known]
        parts = [self._h("review")]
        for qid, question in questions:
            answer = answers.get(qid, "") or t("no_answer", lang)
            parts.append(f"<h3>{escape(question)}</h3><p>{escape(answer)}</p>")
        if j.review.get("notes"):
            parts.append(f"<h3>{escape(t('notes', lang))}</h3><p>{escape(j.review['notes'])}</p>")
        # the research method's loop: success criteria, measured figures, tested or not
        parts.append(tested_section(j, self.persona, self.scenario, lang, self.evidence_source))
        return HTML("\n".join(parts))

    def opportunities(self) -> HTML:
        """This journey's opportunities (its own and those for every journey) as a
        table with touchpoint and phase names, and the impact × effort matrix."""
        from ..charts import opportunity_matrix
        from ..charts.opportunities import opportunity_rows

        j, lang = self.journey, self.language
        rows = opportunity_rows(j, self.persona, self.scenario)
        if not rows:
            return HTML(f"{self._h('opportunities')}<p>{escape(t('none', lang))}</p>")
        columns = ["description", "touchpoint", "phase", "impact", "effort", "owner", "status"]
        head = "".join(f'<th scope="col">{escape(t(c, lang))}</th>' for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(_cell(row[c]))}</td>" for c in columns) + "</tr>" for row in rows
        )
        table = f'<table class="kr-table"><tr>{head}</tr>{body}</table>'
        matrix = opportunity_matrix(j, self.persona, self.scenario)
        return HTML(f"{self._h('opportunities')}\n{table}\n{self._chart(matrix)}")


def _cell(value: Any) -> str:
    """A table cell's text: empty for a missing value or a phase left open ("–")."""
    return "" if value is None or value == "–" else str(value)
