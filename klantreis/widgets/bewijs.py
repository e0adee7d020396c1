"""Step bewijs (evidence): upload a survey export, call log, analytics export or table of
interview quotes, check how its columns and values map onto the journey (with a
preview of the first rows), import it, and see the result next to the form; below
it, the paths of an event log as in the report (:mod:`.bewijs_paths`). The import
goes through the session like every other change: the file holds only the aggregates,
and saving merges with what other notebooks saved."""

from __future__ import annotations

import html
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any

import ipywidgets as w
import yaml

from ..atomic import write_atomic
from ..coercion import slugify
from ..errors import JourneyError
from ..evidence import KINDS, import_file, list_sources, load_mapping, mapping_from_data, remove_source
from ..evidence.inspect import FileView, inspect_file
from ..evidence.mapping import EvidenceMapping
from ..evidence.metrics import SURVEY_METRICS
from ..evidence.storing import record_counts
from ..evidence.texts import text as evidence_text
from ..evidence.wording import kind_label
from ..paths.mapping import as_event_mapping
from ..session import ProjectSession
from ..templates import journey_word
from .bewijs_mapping import MappingEditor
from .bewijs_paths import PathsPanel
from .bewijs_tables import preview_html, result_html, sources_html
from .bewijs_texts import bt
from .form import StepForm
from .record_list import named_items

FILE_TYPES = ".csv,.tsv,.txt,.xlsx,.xlsm"
#: The kinds the form offers: the evidence kinds and an event log (paths).
FORM_KINDS = (*KINDS, "events")


class BewijsForm(StepForm):
    """``kind`` (ToggleButtons), ``upload`` and ``mapping_upload`` (FileUpload),
    ``source``, ``persona``, ``scenario``, ``preview``, ``editor`` (a
    :class:`MappingEditor`), ``import_button`` with ``import_notice``, ``result`` (the
    summary, next to the form) and the list of sources with ``remove_choice`` and
    ``remove_button``. ``evidence``: a source id to import under (a data wave)."""

    def __init__(
        self,
        session: ProjectSession,
        language: str = "",
        persona: str = "",
        scenario: str = "",
        evidence: str = "",
    ):
        super().__init__(session, language)
        lang = self.language
        self.evidence = evidence
        self._folder = Path(tempfile.mkdtemp(prefix="klantreis-bewijs-"))
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self.path: Path | None = None
        self.view: FileView | None = None
        self.base: EvidenceMapping | None = None
        #: Where the last import's mapping was saved for the next wave (None: not yet).
        self.saved_mapping: Path | None = None
        self.kind = w.ToggleButtons(
            options=[(kind_label(k, self.journey.template, lang), k) for k in FORM_KINDS],
            value="survey",
            description=bt("kind", lang),
        )
        #: What a survey's answers measure (score, NPS, CSAT, CES); surveys only.
        self.metric = w.Dropdown(
            options=[(bt(f"metric_{m}", lang), m) for m in SURVEY_METRICS],
            value="score",
            description=bt("metric", lang),
            tooltip=bt("metric_tip", lang),
        )
        self.upload = w.FileUpload(accept=FILE_TYPES, multiple=False, description=bt("file", lang))
        self.mapping_upload = w.FileUpload(
            accept=".yaml,.yml",
            multiple=False,
            description=bt("mapping_file", lang),
            layout=w.Layout(width="auto"),
        )
        self.file_notice, self.mapping_notice = self.new_notice(), self.new_notice()
        self.source = w.Text(value=evidence, description=bt("source", lang), tooltip=bt("source_tip", lang))
        self.persona = w.Dropdown(description=bt("persona", lang))
        self.scenario = w.Dropdown(description=bt("scenario", lang))
        self._choices(persona, scenario)
        self.preview = w.HTML()
        self.editor = MappingEditor(lambda: self.journey, lang)
        self.import_button = w.Button(description=bt("import", lang), button_style="primary", icon="upload")
        self.import_notice = self.new_notice()
        self.result = w.HTML()
        self.sources = w.HTML()
        self.remove_choice = w.Dropdown(description=bt("remove_source", lang))
        self.remove_button = w.Button(description=bt("remove_source", lang), icon="trash")
        self.remove_notice = self.new_notice()
        self.upload.observe(self.safely(lambda _: self._file_chosen()), names="value")
        self.mapping_upload.observe(self.safely(lambda _: self._mapping_chosen()), names="value")
        self.kind.observe(self.safely(lambda _: self._reopen()), names="value")
        self.metric.observe(self.safely(lambda _: self._reopen()), names="value")
        self.import_button.on_click(self.safely(lambda _: self.run_import()))
        self.remove_button.on_click(self.safely(lambda _: self.remove()))
        people = journey_word(self.journey.template, "people", lang)
        form = w.VBox(
            [
                w.HTML(f"<p>{html.escape(bt('intro', lang, contact=self._contact, people=people))}</p>"),
                self.kind,
                self.metric,
                w.HBox([self.upload, self.mapping_upload]),
                self.file_notice.widget,
                self.mapping_notice.widget,
                self.source,
                w.HBox([self.persona, self.scenario]),
                self.preview,
                self.editor.widget,
                self.import_button,
                self.import_notice.widget,
            ],
            layout=w.Layout(flex="3 1 360px"),  # side by side, or one under the other
        )
        side = w.VBox(
            [
                w.HTML(f"<h4>{bt('result', lang)}</h4>"),
                self.result,
                w.HTML(f"<h4>{bt('sources', lang)}</h4>"),
                self.sources,
                w.HBox([self.remove_choice, self.remove_button]),
                self.remove_notice.widget,
            ],
            layout=w.Layout(flex="2 1 520px", padding="0 0 0 12px"),
        )
        #: The paths of an event log for the chosen journey, as in the report.
        self.paths = PathsPanel()
        for choice in (self.persona, self.scenario):
            choice.observe(self.safely(lambda _: self.draw_paths()), names="value")
        self.body.children = [w.HBox([form, side]), self.paths.widget]
        self._refresh_quietly()

    # ------------------------------------------------------------ choosing
    def _choices(self, persona: str = "", scenario: str = "") -> None:
        j = self.journey
        keep_p, keep_s = persona or self.persona.value or "", scenario or self.scenario.value
        if persona:
            j.require("personas", persona)
        if scenario:
            j.require("scenarios", scenario)
        self.persona.options = [(bt("from_file", self.language), ""), *named_items(j, "personas")]
        self.persona.value = keep_p if keep_p in j.ids("personas") else ""
        self.scenario.options = named_items(j, "scenarios")
        self.scenario.value = keep_s if keep_s in j.ids("scenarios") else j.default_scenario

    def _file_chosen(self) -> None:
        upload = _uploaded(self.upload)
        if upload is None:
            return
        name, content = upload
        self.path = self._folder / Path(name).name
        self.path.write_bytes(content)
        self.source.value = self.evidence or slugify(self.path.stem)
        self._reopen()

    def _mapping_chosen(self) -> None:
        upload = _uploaded(self.mapping_upload)
        if upload is None:
            return
        name, content = upload
        path = self._folder / f"mapping-{Path(name).name}"
        path.write_bytes(content)
        self.mapping_notice.clear()
        try:
            self.base = _load_any_mapping(path, self.language)
        except JourneyError as err:
            self.base = None
            self.mapping_notice.error(err.text(self.language).replace(path.name, Path(name).name))
            return
        with self.filling():
            if self.base.kind and self.base.kind in FORM_KINDS:
                self.kind.value = self.base.kind
            if self.base.data.get("metric") in SURVEY_METRICS:
                self.metric.value = self.base.data["metric"]
        self.mapping_notice.show("ok", bt("mapping_loaded", self.language, name=Path(name).name))
        self._reopen()

    def _reopen(self) -> None:
        """Open the chosen file as the chosen kind; show its first rows and mapping."""
        self.file_notice.clear()
        self.view = None
        survey = self.kind.value == "survey"
        self.metric.layout.display = None if survey else "none"
        self.editor.metric = self.metric.value if survey else "score"
        if self.path is None:
            self.preview.value = ""
            self.editor.show(None, self.kind.value)
            return
        try:
            self.view = inspect_file(self.path, self.kind.value, self._base_for_kind(), self.language)
        except JourneyError as err:
            self.preview.value = ""
            self.editor.show(None, self.kind.value)
            self.file_notice.error(err.text(self.language))
            return
        title = bt("preview", self.language, name=self.view.name)
        self.preview.value = preview_html(self.view.preview, title)
        self.editor.show(self.view, self.kind.value, self._base_for_kind())

    def _base_for_kind(self) -> EvidenceMapping | None:
        if self.base is None or (self.base.kind and self.base.kind != self.kind.value):
            return None
        if not self.base.kind and self.kind.value == "events":
            return None  # a mapping without a kind is an evidence mapping, not a log's
        return self.base

    # ------------------------------------------------------------ actions
    def run_import(self) -> bool:
        """Import the chosen file with the form's mapping and save; the summary shows
        next to the form, a refusal next to the import button."""
        if self.path is None:
            return self.refuse_here(bt("choose_file", self.language), self.file_notice)
        if self._persona_unsaid():
            return self.refuse_here(bt("events_persona", self.language), self.import_notice)
        name = bt("mapping_name", self.language)
        try:
            if self.kind.value == "events":
                mapping: Any = as_event_mapping(self.editor.mapping(), self.language, name)
            else:
                mapping = mapping_from_data(self.editor.mapping(), name, self.language)
        except JourneyError as err:
            return self.refuse_here(err.text(self.language), self.import_notice)
        done: dict[str, Any] = {}
        kind, path, source = self.kind.value, self.path, self.source.value.strip() or None
        persona, scenario = self.persona.value or None, self.scenario.value or None
        metric = self.editor.metric if kind == "survey" else None

        def change(journey: Any) -> None:
            done["summary"] = import_file(
                journey, kind, path, mapping, source, persona, scenario, metric=metric
            )

        try:
            self.session.apply(change)
        except JourneyError as err:
            return self.refuse_here(self.in_form_words(err), self.import_notice)
        self._refresh_quietly()
        self.save()
        self.result.value = result_html(done["summary"], self.journey, self.language)
        saved = self.save_mapping(mapping.data, source or slugify(path.stem))
        self.import_notice.show("ok", f"{bt('imported', self.language)} {saved}".strip())
        return True

    def _persona_unsaid(self) -> bool:
        """An event log of a project with several personas, with neither a persona
        chosen nor a persona column: the import could not tell whose paths they are."""
        return (
            self.kind.value == "events"
            and not self.persona.value
            and not self.editor.role("persona")
            and len(self.journey.ids("personas")) > 1
        )

    def in_form_words(self, err: JourneyError) -> str:
        """A refused import's message; when the file has answers off the scale or
        values the import cannot leave out, it names them and says where in this form
        to place them (not in a mapping file)."""
        gap = self.editor.unplaced()
        if gap is None:
            return err.text(self.language)
        key, column, found = gap
        section = bt("values", self.language)
        return bt(key, self.language, column=column, values=found, section=section)

    def save_mapping(self, data: dict[str, Any], source: str) -> str:
        """Save the mapping used, for the next wave, beside the project file
        (``<project>-koppeling-<source>.yaml``); returns the sentence saying where
        ('' when it could not be written: the import itself is saved)."""
        path = self.session.path.with_name(f"{self.session.path.stem}-koppeling-{slugify(source)}.yaml")
        content = {"kind": self.kind.value, **{k: v for k, v in data.items() if k != "kind"}}
        try:
            write_atomic(path, yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
        except OSError:
            return ""
        self.saved_mapping = path
        return bt("mapping_saved", self.language, path=path.name)

    def refuse_here(self, text: str, notice: Any) -> bool:
        """Show ``text`` next to what caused it; returns False."""
        return self.show_refusal(self.t("not_saved", message=text), notice, unsaved=False)

    def remove(self) -> bool:
        """Remove the chosen source with its figures and quotes, and save."""
        source = self.remove_choice.value
        if not source:
            return self.refuse("nothing_selected", at=self.remove_notice)
        counts: dict[str, int] = {}

        def change(journey: Any) -> None:
            counts.update(remove_source(journey, source))

        if not self.commit(change, refresh=True, at=self.remove_notice):
            return False
        self.remove_notice.show(
            "ok",
            evidence_text("removed", self.language, source=source, **record_counts(counts)),
        )
        return True

    @property
    def _contact(self) -> str:
        return journey_word(self.journey.template, "contact", self.language)

    def refresh(self) -> None:
        """Show the journey's personas, scenarios and stored sources."""
        self._choices()
        sources = list_sources(self.journey)
        self.sources.value = sources_html(sources, self.language, self.journey.template)
        self.remove_choice.options = [("", "")] + [(s.id, s.id) for s in sources]
        self.remove_choice.value = ""
        self.draw_paths()

    def draw_paths(self) -> None:
        """Show the observed paths of the chosen persona (every persona while none is
        chosen) in the chosen scenario, when an event log has them."""
        personas = [self.persona.value] if self.persona.value else self.journey.ids("personas")
        self.paths.draw(self.journey, personas, self.scenario.value, self.language)


def _load_any_mapping(path: Path, language: str) -> EvidenceMapping:
    """A mapping file of any kind the form offers; an event log's (``kind: events``) is
    checked as :mod:`klantreis.paths.mapping` does and held as plain data."""
    try:
        head = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        head = None  # the evidence loader names what is wrong, with file and line
    if isinstance(head, dict) and head.get("kind") == "events":
        checked = as_event_mapping(path, language)
        return EvidenceMapping(checked.data, checked.file)
    return load_mapping(path, language)


def _uploaded(upload: w.FileUpload) -> tuple[str, bytes] | None:
    """(name, bytes) of the file chosen in ``upload`` (ipywidgets 8), or None."""
    value = upload.value
    if not value:
        return None
    item = value[0] if isinstance(value, list | tuple) else next(iter(value.values()))
    return str(item["name"]), bytes(item["content"])
