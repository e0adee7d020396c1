"""Each method all the way through, as a user meets it in the forms, the report and the
poster: the marks a method asks for (and only those), Michels' Touch-Tell-Sell-Care
phase layout, the employee journey without customers, each question asked once, the
competitor compared per phase, and counts and words in plain Dutch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
import klantreis.project
from klantreis import get_template, load, new_journey
from klantreis.charts import canvas
from klantreis.cli import main
from klantreis.fields import TABLES
from klantreis.fields import TEXTS as FIELD_TEXTS
from klantreis.messages import CATALOGS
from klantreis.poster.blank import blank_html
from klantreis.poster.paper import get_paper
from klantreis.poster.sheets import plan, sheets_html
from klantreis.report.sections import Report
from klantreis.session import ProjectSession
from klantreis.templates import list_templates
from klantreis.widgets import BewijsForm, EmotiesForm, FasenForm, ReviewForm, TouchpointsForm
from klantreis.widgets.comparison import phase_table
from klantreis.widgets.show import explanation
from tests.test_messages import _import_all
from tests.test_render_any_text import _visible
from tests.test_report_content import page_text
from tests.test_template_forms import hint_texts, new_project, texts_in


def form_texts(path: Path, language: str) -> str:
    """Everything the touchpoints and emoties forms show for every touchpoint."""
    session = ProjectSession.open(path)
    form = TouchpointsForm(session, persona="pim")
    shown = []
    for key in form.touchpoints.ops.ids():
        form.touchpoints.select.value = key
        shown += texts_in(form.widget)
    shown += texts_in(EmotiesForm(session, persona="pim").widget)
    return " ".join(shown)


# ----------------------------------------------------------------- marks per method
@pytest.mark.parametrize(
    ("method", "crucial", "importance"),
    [("canvas", True, False), ("kaart8", False, True), ("flanders", False, False),
     ("michels", False, False), ("onderzoek", False, False)],
)  # fmt: skip
def test_forms_report_and_poster_show_only_the_marks_the_method_asks_for(
    method: str, crucial: bool, importance: bool, tmp_path: Path
) -> None:
    path = new_project(tmp_path, method, "nl")
    shown = form_texts(path, "nl")
    assert ("Cruciaal moment" in shown) is crucial
    assert ("Hoofd- of bijzaak" in shown) is importance
    report = Report(str(path), "pim")
    assert ("Cruciale touchpoints" in _visible(report.figures().html + report.findings().html)) is crucial
    journey = load(path)
    legend = canvas(journey, "pim").legend_html()
    assert ("cruciaal touchpoint" in legend) is crucial
    assert ("★" in _visible(blank_html(journey, get_paper("A3")))) is crucial


# ------------------------------------------------------------------ Michels' TTSC
def test_michels_touch_tell_sell_care_as_phases_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "reis.yaml"
    session = ProjectSession.create(path, "michels-ttsc", language="nl")
    assert session.journey.ids("phases") == ["touch", "tell", "sell", "care"]
    assert "Touch, Tell, Sell en Care" in explanation("fasen", session, "nl")
    media = {p["id"]: p["description"] for p in get_template("michels-ttsc").phases()}
    assert "advertenties" in media["touch"] and "website" in media["tell"]
    assert "webshop" in media["sell"] and "klantenservice" in media["care"]
    session.apply(lambda j: j.add_persona("pim", "Pim"))
    for phase in ("touch", "tell", "sell", "care"):
        session.apply(lambda j, p=phase: j.add_touchpoint(f"tp-{p}", "pim", p, f"Medium in {p}", emotion=4))
    session.save()
    form = TouchpointsForm(ProjectSession.open(path), persona="pim")
    choice = form.touchpoints.fields["extra.michels-fase"]
    assert [label for label, _ in choice.options] == ["-", "Verwachtingen", "Ervaringen", "Betrokkenheid"]
    assert "extra.ttsc" not in form.touchpoints.fields  # the phases are Touch ... Care now
    choice.value = "ervaringen"
    assert load(path).touchpoints["extra"].tolist()[0] == {"michels-fase": "ervaringen"}
    text = page_text(Report(str(path), "pim"))
    for name in ("Touch", "Tell", "Sell", "Care", "Ervaringen"):
        assert name in text
    poster = canvas(load(path), "pim")
    sheets = _visible(sheets_html(poster, get_paper("A3"), plan(poster, get_paper("A3"))))
    assert all(name in sheets for name in ("Touch", "Tell", "Sell", "Care"))
    # the three-phase template no longer says Touch ... Care are no phases
    michels = " ".join(get_template("michels").guidance(s, "nl") for s in ("fasen", "touchpoints"))
    assert "geen indeling in fasen" not in michels and "michels-ttsc" not in michels
    assert "Communicatiereis (Michels): Touch, Tell, Sell, Care" in michels


# ------------------------------------------------------------ the employee journey
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_employee_journey_never_speaks_of_customers_in_evidence_or_report(
    language: str, tmp_path: Path
) -> None:
    path = new_project(tmp_path, "kaart8-medewerker", language)
    session = ProjectSession.open(path)
    bewijs = " ".join(texts_in(BewijsForm(session).widget))
    report = page_text(Report(str(path), "pim"))
    review = " ".join(texts_in(ReviewForm(session).widget))
    word = "klant" if language == "nl" else "customer"
    for shown in (bewijs, report, review):  # the product's name aside (`klantreis lab`)
        assert word not in re.sub(r"\bklantreis\b", "", shown.lower())
    contact = "contact met medewerkers" if language == "nl" else "employee contact"
    assert contact in bewijs and contact in report  # the kind, and how to get evidence
    # the general templates keep their customers
    (tmp_path / "kaart8").mkdir()
    other = new_project(tmp_path / "kaart8", "kaart8", "nl")
    assert "klantcontact" in " ".join(texts_in(BewijsForm(ProjectSession.open(other)).widget))


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_employee_example_with_evidence_never_speaks_of_customers(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journey = load(EXAMPLES / "medewerker.yaml")
    journey.language = language
    path = tmp_path / "medewerker.yaml"
    klantreis.save(journey, path)
    # the HR desk's contact log: one question about the VOG, three about the contract
    (tmp_path / "hr.csv").write_text(
        "Datum,Vraag,Functie\n02-01-2026,VOG,Starter\n03-01-2026,Contract,Starter\n"
        "04-01-2026,Contract,Starter\n05-01-2026,Contract,Zij-instromer\n",
        encoding="utf-8",
    )
    (tmp_path / "hr.yaml").write_text(
        "kind: calls\ncolumns:\n  persona: Functie\n  reason: Vraag\n"
        "reasons:\n  VOG: vog-aanvraag\n  Contract: aanbod-contract\n"
        "personas:\n  Starter: starter\n  Zij-instromer: zij-instromer\n",
        encoding="utf-8",
    )
    assert main(["evidence", "import", str(path), str(tmp_path / "hr.csv"), "--kind", "calls",
                 "--mapping", str(tmp_path / "hr.yaml"), "--source", "hr-vragen"]) == 0  # fmt: skip
    assert main(["evidence", "list", str(path)]) == 0
    printed = capsys.readouterr().out
    report = page_text(Report(str(path), "starter"))
    contact = "contact met medewerkers" if language == "nl" else "employee contact"
    assert f"hr-vragen: {contact}, hr.csv" in printed
    assert ("4 rijen" if language == "nl" else "4 rows") in printed
    assert ("0 citaten" if language == "nl" else "0 quotes") in printed
    assert contact in report
    for shown in (printed, report):  # the product's name aside (`klantreis lab`)
        rest = re.sub(r"\bklantreis\b", "", shown.lower())
        assert "klant" not in rest and "customer" not in rest


# ------------------------------------------------------------ one place per question
def test_research_success_criteria_asked_once_and_shown_on_the_canvas(tmp_path: Path) -> None:
    path = new_project(tmp_path, "onderzoek", "nl")
    form = FasenForm(ProjectSession.open(path)).phases
    fields = {name: (f.description, hint_texts(form.hints[name])) for name, f in form.fields.items()}
    # the question "how does the customer know it worked?" is asked by one field
    asking = [name for name, (label, hint) in fields.items() if "gelukt" in (label + hint).lower()]
    assert asking == ["extra.succescriteria"]
    assert fields["user_goal"][0] == "Doel bij deze mijlpaal"
    journey = load(path)
    phase = journey.ids("phases")[0]
    journey.update_phase(phase, extra={"succescriteria": "Ik hoef niet alles tegelijk in te vullen"})
    html = " ".join(_visible(canvas(journey, "pim").to_html()).replace("\u00ad", "").split())
    assert "Succescriteria van de klant: Ik hoef niet alles tegelijk in te vullen" in html


def test_canvas_asks_duration_and_flanders_frequency_once(tmp_path: Path) -> None:
    path = new_project(tmp_path, "canvas", "nl")
    phases = FasenForm(ProjectSession.open(path)).phases
    asked = [n for n in phases.fields if "hoe lang" in hint_texts(phases.hints[n]).lower()]
    assert asked == [] and phases.fields["duration"].description == "Duur"
    (tmp_path / "f").mkdir()
    flanders = new_project(tmp_path / "f", "flanders", "nl")
    lst = TouchpointsForm(ProjectSession.open(flanders), persona="pim").touchpoints
    asking = [n for n in lst.fields
              if "hoe vaak" in (lst.fields[n].description + hint_texts(lst.hints[n])).lower()]  # fmt: skip
    assert asking == ["frequency"]


# ---------------------------------------------------- the competitor per phase
def test_canvas_compares_the_competitor_per_phase_without_copied_touchpoints() -> None:
    j = new_journey("canvas", title="Fietsenwinkel")
    j.add_persona("p", "Pendelaar")
    first, second = j.ids("phases")[:2]
    j.add_touchpoint("winkel", "p", first, "Winkelbezoek", emotion=2)
    j.add_touchpoint("site", "p", first, "Website", emotion=3)
    j.add_touchpoint("kassa", "p", second, "Afrekenen", emotion=4)
    # the competitor's journey has touchpoints of its own
    j.add_touchpoint("app", "p", first, "App van de concurrent", scenario="concurrent", emotion=5)
    j.add_touchpoint("bezorging", "p", second, "Thuisbezorgd", scenario="concurrent", emotion=3)
    table = _visible(phase_table(j, "p", "huidig", "concurrent", "nl"))
    name = j.name_of("phases", first)
    assert re.search(rf"{name}\s+2,5\s+5,0\s+\+2,5", table), table
    assert re.search(rf"{j.name_of('phases', second)}\s+4,0\s+3,0\s+-1,0", table), table
    assert "Gemiddelde emotie: Grootste concurrent" in table
    question = dict(get_template("canvas").review_questions())["concurrenten"]
    assert "grootste concurrent" in question and "sterkste" not in question


# ---------------------------------------------------------- counts and plain Dutch
def test_every_count_of_records_goes_through_one_plural_rule() -> None:
    assert TABLES["personas"].counted(1, "nl") == "1 persona"
    assert TABLES["personas"].counted(2, "nl") == "2 persona's"
    assert TABLES["touchpoints"].counted(1, "en") == "1 touchpoint"
    assert TABLES["phases"].counted(0, "nl") == "0 fasen"
    assert FIELD_TEXTS.counted("quotes", 1, "nl") == "1 citaat"
    _import_all()
    # every noun some catalog counts (code "x+"): the tables', rows, figures, calls ...
    nouns = {
        text for catalog in CATALOGS.values() for code, texts in catalog.texts.items()
        if code.endswith("+") for text in texts
    }  # fmt: skip
    assert {"citaten", "cijfers", "rijen", "gesprekken", "persona's"} <= nouns
    # a threshold ("meer dan {limit} rijen", "at least {min_n} answers") is never one
    threshold = r"(?<!meer dan )(?<!minder dan )(?<!minstens )(?<!more than )(?<!fewer than )(?<!at least )"
    pattern = re.compile(threshold + r"\{[^}]+\} (" + "|".join(re.escape(n) for n in nouns) + r")\b")
    by_hand = [
        f"{catalog.name}.{code}"
        for catalog in CATALOGS.values()
        for code, texts in catalog.texts.items()
        for text in texts
        if pattern.search(text)
    ]
    assert by_hand == [], "a count followed by a plural noun: use Catalog.counted"


def test_summary_of_one_persona_says_persona() -> None:
    j = new_journey("flanders", title="Sensor")
    j.add_persona("p", "Teler")
    assert "1 persona," in klantreis.project.summary(j)
    assert "3 fasen" in klantreis.project.summary(j)


#: English words with a common Dutch equivalent that Dutch UI text must not use.
ENGLISH = ("quick win", "item", "input", "kliks", "fill-in", "wall")


def test_no_english_words_in_dutch_texts() -> None:
    _import_all()
    dutch = [(f"{c.name}.{code}", texts[0]) for c in CATALOGS.values() for code, texts in c.texts.items()]
    for template in list_templates():
        data = template.data
        for key in ("name", "description"):
            dutch.append((f"{template.id}.{key}", str(data[key]["nl"])))
        dutch += [(f"{template.id}.guidance.{s}", template.guidance(s, "nl")) for s in data["guidance"]]
        dutch += [(f"{template.id}.lanes.{lane['id']}", lane["name"] + " " + lane["hint"])
                  for lane in template.lanes("nl")]  # fmt: skip
        dutch += [(f"{template.id}.phases.{p['id']}", p["description"]) for p in template.phases("nl")]
        dutch += [(f"{template.id}.review.{q}", text) for q, text in template.review_questions("nl")]
    found = [
        (where, word)
        for where, text in dutch
        for word in ENGLISH
        if re.search(rf"\b{re.escape(word)}", re.sub(r"\{[^}]*\}", "", text), re.IGNORECASE)
    ]
    assert found == []


def test_the_dutch_reads_as_dutch() -> None:
    def all_text(template_id: str) -> str:
        return str(get_template(template_id).data)

    assert "Beoordeel de ervaring" in all_text("flanders") and "Scoor" not in all_text("flanders")
    assert "rijkste inbreng" in all_text("flanders")
    assert "keeping stock" in all_text("flanders")
    assert "vacatures die moeilijk in te vullen zijn" in all_text("kaart8-medewerker")
    assert "Het doel: momenten die bijblijven" in all_text("michels")
    assert "blijkt de betrokkenheid" in all_text("michels")
    research = all_text("onderzoek")
    assert "belredenen" not in research and "contactredenen" in research and "klikken" in research


def test_one_term_for_each_thing_in_every_catalog() -> None:
    """The issue's word choices, checked over every message catalog and template."""
    _import_all()
    texts = {f"{c.name}.{code}": pair for c in CATALOGS.values() for code, pair in c.texts.items()}
    dutch = " ".join(nl for nl, _ in texts.values())
    english = " ".join(en for _, en in texts.values())
    for gone in ("Bron-id", "bron-id", "Nog open", "belredenen", "opvullers", "niet eigen", "quick win"):
        assert gone not in dutch, gone
    assert "Clear:" not in english and texts["widgets.clear_emotion"][1] == "Clear {emotion}"
    charts = {code: nl for name, (nl, _) in texts.items() for code in [name.split(".", 1)[1]]
              if name.startswith("charts.")}  # fmt: skip
    assert (charts["quick_wins"], charts["fill_ins"]) == ("snelle winst", "kleine klussen")
    assert (charts["owned"], charts["not_owned"]) == ("eigen kanaal", "van derden")
    assert "naast elkaar op het canvas" not in str(get_template("flanders").data)
    assert "geïnspireerd" in get_template("canvas").guidance("emoties", "nl")
    assert "sterkste concurrent" not in str(get_template("canvas").data)


def test_report_writes_the_mean_with_a_decimal_comma(tmp_path: Path) -> None:
    j = new_journey("canvas", title="Gemiddelde")
    j.add_persona("p", "Pim")
    phase = j.ids("phases")[0]
    for i, score in enumerate((2, 3, 3)):
        j.add_touchpoint(f"t{i}", "p", phase, f"Moment {i}", emotion=score)
    path = tmp_path / "g.yaml"
    klantreis.save(j, path)
    figures = _visible(Report(str(path), "p").figures().html)
    assert "2,7" in figures and "2.7" not in figures
