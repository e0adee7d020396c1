"""Charts: assertions on the Vega-Lite specs (data rows and their order, encodings,
tooltips, series, gaps, annotations), plus rendering and saving through vl-convert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
from klantreis import Journey, JourneyError
from klantreis.charts import (
    channel_map,
    chart_svg,
    charts_html_page,
    emotion_curve,
    opportunity_matrix,
    save_chart,
    scenario_delta,
)
from klantreis.charts._common import PAIN_COLOUR, PALETTE, STAR
from klantreis.charts._curve_data import fit_label
from klantreis.charts.export import BUNDLE_ID

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sportschool.yaml"


def make_journey(language: str = "nl") -> Journey:
    """Anna and Bert; Anna has a current and a desired journey, with a gap."""
    j = klantreis.new_journey("canvas", "Fietsenwinkel", language=language)
    j.update_phase("aftersales", name="Aftersales")  # one short word: the narrow-band tests count on it
    j.add_scenario("gewenst", "Gewenst" if language == "nl" else "Desired")
    j.add_persona("anna", "Anna")
    j.add_persona("bert", "Bert")
    add = j.add_touchpoint
    add("zoeken", "anna", "orientatie", "Zoeken op Google", emotion=3, channel="Google", online=True,
        owned=False, why="Veel keus", thoughts="Welke?")  # fmt: skip
    add("reviews", "anna", "orientatie", "Reviews lezen", emotion=4, channel="Website", online=True,
        owned=True)  # fmt: skip
    add("winkel", "anna", "aanschaf", "Winkelbezoek", emotion=1, channel="Winkel", online=False,
        owned=True, critical=True, why="Lang wachten")  # fmt: skip
    add("betalen", "anna", "aanschaf", "Betalen", channel="Kassa", online=False, owned=True)  # no emotion
    add("rit", "anna", "gebruik", "Eerste rit", emotion=5, channel="Fiets")
    add("service", "anna", "aftersales", "Onderhoudsbeurt", emotion=2, channel="Winkel", online=False,
        owned=True)  # fmt: skip
    # desired: same ids, one new touchpoint after "zoeken", "betalen" dropped
    add("zoeken", "anna", "orientatie", "Zoeken op Google", scenario="gewenst", emotion=3)
    add("chat", "anna", "orientatie", "Chat met advies", scenario="gewenst", emotion=4)
    add("reviews", "anna", "orientatie", "Reviews lezen", scenario="gewenst", emotion=4)
    add("winkel", "anna", "aanschaf", "Winkelbezoek op afspraak", scenario="gewenst", emotion=4,
        critical=True)  # fmt: skip
    add("rit", "anna", "gebruik", "Eerste rit", scenario="gewenst", emotion=5)
    add("service", "anna", "aftersales", "Onderhoudsbeurt", scenario="gewenst", emotion=3)
    add("reviews", "bert", "orientatie", "Reviews lezen", emotion=2, channel="Website")
    add("winkel", "bert", "aanschaf", "Winkelbezoek", emotion=4, channel="Winkel", online=False)
    j.add_opportunity("o1", "Afspraak online plannen zodat niemand hoeft te wachten in de winkel",
                      touchpoint="winkel", phase="aanschaf", impact=5, effort=2)  # fmt: skip
    j.add_opportunity("o2", "Nieuwe kassa", phase="aanschaf", impact=2, effort=5)
    j.add_opportunity("o3", "Nog te beoordelen idee", phase="gebruik")
    return j


@pytest.fixture
def j() -> Journey:
    return make_journey()


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def layer_with(spec: dict, mark: str, **wanted: object) -> dict:
    """The first layer with this mark type whose mark has the wanted properties."""
    for layer in spec["layer"]:
        m = layer["mark"]
        if m["type"] == mark and all(m.get(k) == v for k, v in wanted.items()):
            return layer
    raise AssertionError(f"no {mark} layer with {wanted}")


# ------------------------------------------------------------------ emotion curve
def test_curve_rows_follow_journey_order(j: Journey) -> None:
    spec = emotion_curve(j, "anna", "huidig").to_dict()
    points = spec["datasets"]["points"]
    assert [p["id"] for p in points] == list(j.journey("anna", "huidig")["id"])
    # slot 5 is the empty phase "Aanbeveling", kept visible
    assert [p["x"] for p in points] == [0, 1, 2, 3, 4, 6]
    assert {p["series"] for p in points} == {"Anna – Huidige situatie"}


def test_curve_encodings_and_tooltips(j: Journey) -> None:
    spec = emotion_curve(j, "anna", "huidig").to_dict()
    assert spec["encoding"]["x"]["field"] == "x"
    assert spec["encoding"]["y"]["field"] == "emotion"
    line = layer_with(spec, "line")
    assert line["encoding"]["color"]["field"] == "series"
    assert line["encoding"]["color"]["scale"]["range"] == PALETTE
    dots = layer_with(spec, "point", filled=True)
    assert [t["field"] for t in dots["encoding"]["tooltip"]] == [
        "persona", "scenario", "phase", "touchpoint", "channel", "emotion_label", "why", "thoughts",
    ]  # fmt: skip
    assert [t["title"] for t in dots["encoding"]["tooltip"]][:3] == ["Persona", "Scenario", "Fase"]
    # y axis: the scale's emoji and labels
    axis = spec["encoding"]["y"]["axis"]
    assert axis["values"] == [1, 2, 3, 4, 5]
    assert "😠 boos" in axis["labelExpr"] and "😄 blij" in axis["labelExpr"]
    # x axis: touchpoint names by position
    assert '"Winkelbezoek"' in spec["encoding"]["x"]["axis"]["labelExpr"]


def test_curve_overlay_shares_x_by_touchpoint_id(j: Journey) -> None:
    spec = emotion_curve(j, "anna").to_dict()
    points = spec["datasets"]["points"]
    series = list(dict.fromkeys(p["series"] for p in points))
    assert series == ["Anna – Huidige situatie", "Anna – Gewenst"]
    assert layer_with(spec, "line")["encoding"]["color"]["scale"]["domain"] == series
    x = {(p["scenario"], p["id"]): p["x"] for p in points}
    for tid in ("zoeken", "reviews", "winkel", "rit", "service"):
        assert x[("Huidige situatie", tid)] == x[("Gewenst", tid)]
    # "chat" (only desired) sits right after "zoeken", before "reviews"
    assert x[("Gewenst", "chat")] == x[("Gewenst", "zoeken")] + 1 == x[("Gewenst", "reviews")] - 1
    # two scenarios: dashes tell them apart
    assert layer_with(spec, "line")["encoding"]["strokeDash"]["field"] == "scenario"


def test_curve_none_overlays_all_and_selection_filters(j: Journey) -> None:
    all_series = {p["series"] for p in emotion_curve(j).to_dict()["datasets"]["points"]}
    assert all_series == {"Anna – Huidige situatie", "Anna – Gewenst", "Bert – Huidige situatie"}
    some = emotion_curve(j, ["anna", "bert"], "huidig").to_dict()["datasets"]["points"]
    assert {p["series"] for p in some} == {"Anna – Huidige situatie", "Bert – Huidige situatie"}
    with pytest.raises(JourneyError, match="persona 'nobody' bestaat niet"):
        emotion_curve(j, "nobody")


def test_curve_gap_stays_null_and_breaks_the_line(j: Journey) -> None:
    spec = emotion_curve(j, "anna", "huidig").to_dict()
    pay = next(p for p in spec["datasets"]["points"] if p["id"] == "betalen")
    assert pay["emotion"] is None  # not 0
    assert pay["emotion_label"] == "geen emotie"
    assert layer_with(spec, "line")["mark"]["invalid"] == "break-paths-filter-domains"
    assert layer_with(spec, "point", filled=True)["mark"]["invalid"] == "filter"  # no dot


def test_curve_pain_points_and_crucial(j: Journey) -> None:
    spec = emotion_curve(j, "anna").to_dict()
    points = spec["datasets"]["points"]
    pains = {(p["scenario"], p["id"]) for p in points if p["pain"]}
    # lowest of "current" is 1 (winkel); lowest of "desired" is 3 = the middle: no pain point
    assert pains == {("Huidige situatie", "winkel")}
    x = {(p["scenario"], p["id"]): p["x"] for p in points}
    rings = layer_with(spec, "point", filled=False)
    assert rings["data"] == {"name": "pains"}
    assert [(r["x"], r["emotion"]) for r in spec["datasets"]["pains"]] == [
        (x[("Huidige situatie", "winkel")], 1)
    ]
    assert rings["encoding"]["stroke"]["scale"]["range"] == [PAIN_COLOUR]
    dots = layer_with(spec, "point", filled=True)
    assert dots["encoding"]["shape"]["field"] == "kind"
    assert dots["encoding"]["shape"]["scale"]["range"] == ["circle", STAR]
    # the legend draws each kind as the chart does: one legend (same field and title)
    # for shape and size, so "cruciaal" is the same star at the same size as on the curve
    shape, size = dots["encoding"]["shape"], dots["encoding"]["size"]
    assert (size["field"], size["type"], size["legend"]) == ("kind", "nominal", shape["legend"])
    assert shape["legend"]["title"] == "Touchpoint"
    symbols = zip(shape["scale"]["range"], size["scale"]["range"], strict=True)
    legend_symbols = dict(zip(shape["scale"]["domain"], symbols, strict=True))
    assert size["scale"]["domain"] == shape["scale"]["domain"]
    drawn = {(p["kind"], p["size"]) for p in points}
    assert {(kind, legend_symbols[kind][1]) for kind, _ in drawn} == drawn
    assert legend_symbols["cruciaal"] == (STAR, 260) and legend_symbols["overig"] == ("circle", 70)
    crucial = [(p["id"], p["kind"], p["size"]) for p in points if p["crucial"]]
    assert crucial == [("winkel", "cruciaal", 260), ("winkel", "cruciaal", 260)]
    assert {p["size"] for p in points if not p["crucial"]} == {70}


def test_curve_peak_and_end_annotations(j: Journey) -> None:
    spec = emotion_curve(j, "anna", "huidig").to_dict()
    notes = spec["datasets"]["notes"]
    x = {p["id"]: p["x"] for p in spec["datasets"]["points"]}
    # scores 3, 4, 1, -, 5, 2: the 1 and the 5 are equally intense; the lower one wins,
    # and being the lowest point it is called so ("dal"), not "piek"
    assert [(n["x"], n["text"]) for n in notes] == [(x["winkel"], "dal"), (x["service"], "eind")]
    text = layer_with(spec, "text", fontWeight="bold", color="#222")
    assert text["encoding"]["text"]["field"] == "text"
    assert (text["encoding"]["x"]["field"], text["encoding"]["y"]["field"]) == ("label_x", "label_y")
    assert "dal: het laagste punt" in spec["title"]["subtitle"][1]
    j.update_touchpoint("winkel", "anna", "huidig", emotion=2)  # now the 5 is the most intense
    notes = emotion_curve(j, "anna", "huidig").to_dict()["datasets"]["notes"]
    assert [n["text"] for n in notes] == ["piek", "eind"]


def test_curve_peak_and_end_on_one_spot_and_english() -> None:
    j = make_journey("en")
    j.update_touchpoint("service", "anna", "huidig", emotion=1)
    j.update_touchpoint("winkel", "anna", "huidig", emotion=2)
    spec = emotion_curve(j, "anna", "huidig").to_dict()
    notes = spec["datasets"]["notes"]
    assert [n["text"] for n in notes] == ["low + end"]  # the lowest point, and the last
    assert spec["title"]["text"] == "Emotion curve"
    assert layer_with(spec, "point", filled=True)["encoding"]["tooltip"][2]["title"] == "Phase"


def test_curve_phase_bands_include_empty_phases(j: Journey) -> None:
    spec = emotion_curve(j, "bert").to_dict()
    phases = spec["datasets"]["phases"]
    assert [p["phase"] for p in phases] == ["Oriëntatie", "Aanschaf", "Gebruik", "Aanbeveling", "Aftersales"]
    assert [p["empty"] for p in phases] == [False, False, True, True, True]
    assert [p["shade"] for p in phases] == [0, 1, 0, 1, 0]
    assert phases[0]["start"] == -0.5 and phases[0]["end"] == 0.5
    assert [p["fill"] for p in phases[:2]] == ["#f2f2f2", "#fbfbfb"]  # alternating shades
    band = layer_with(spec, "rect")
    assert band["data"] == {"name": "phases"}
    assert band["encoding"]["x2"]["field"] == "end"
    labels = layer_with(spec, "text", baseline="top")
    assert labels["data"] == {"name": "phase_labels"}
    assert [p["label"] for p in spec["datasets"]["phase_labels"]][:2] == ["Oriëntatie", "Aanschaf"]
    assert spec["datasets"]["phase_labels"][0]["x"] == 0


def test_curve_fitted_to_a_width_spreads_over_it_and_keeps_full_phase_names(j: Journey) -> None:
    spec = emotion_curve(j, "anna", "huidig", width=900).to_dict()
    slots = len(spec["encoding"]["x"]["axis"]["values"])
    assert slots == 7  # six touchpoints and the empty phase Aanbeveling
    assert spec["width"] == slots * (900 // slots) and 850 < spec["width"] <= 900
    wide = emotion_curve(j, "anna", "huidig", width=10_000).to_dict()
    assert wide["width"] == slots * 200  # never wider than 200 px per touchpoint
    gym = klantreis.load(EXAMPLE)
    curve = emotion_curve(gym, "student", "huidig", width=900).to_dict()
    assert [p["label"] for p in curve["datasets"]["phase_labels"]] == gym.phases["name"].tolist()


def test_narrow_phase_names_wrap_instead_of_being_cut(j: Journey) -> None:
    spec = emotion_curve(j, "bert", step=40).to_dict()  # one slot per phase: 5 characters a line
    labels = {p["x"]: p["label"] for p in spec["datasets"]["phase_labels"]}
    assert labels[0] == ["Oriën-", "tatie"] and labels[3] == ["Aanbe-", "veling"]
    assert not any("…" in "".join(label) for label in labels.values())
    top = spec["encoding"]["y"]["scale"]["domain"][1]
    wide = emotion_curve(j, "bert", step=200).to_dict()["encoding"]["y"]["scale"]["domain"][1]
    assert top > wide  # names on one line need less room above the highest score
    assert fit_label("Gewenste situatie na de verbouwing", 12) == [
        "Gewenste",
        "situatie na",
        "de verbouwing"[:11] + "…",
    ]
    assert fit_label("Huidige situatie", 20) == "Huidige situatie"
    assert fit_label("Na de eerste maand", 10) == ["Na de", "eerste", "maand"]


def test_curve_without_touchpoints_says_so() -> None:
    j = klantreis.new_journey("canvas", "Leeg")
    spec = emotion_curve(j).to_dict()
    assert spec["datasets"]["points"] == []
    assert layers(spec)[-1]["data"]["values"] == [{"text": "geen touchpoints"}]


# ---------------------------------------------------------------------- channel map
def test_channel_map_cells_and_markers(j: Journey) -> None:
    spec = channel_map(j, "anna", "huidig").to_dict()
    cells = spec["datasets"]["cells"]
    rows = spec["encoding"]["y"]["scale"]["domain"]
    assert rows == ["🌐 Google", "🌐 Website", "🏢 Winkel", "🏢 Kassa", "· Fiets"]
    columns = spec["encoding"]["x"]["scale"]["domain"]
    assert columns == ["Oriëntatie", "Aanschaf", "Gebruik", "Aanbeveling", "Aftersales", "Totaal"]
    shop = {c["column"]: c for c in cells if c["channel"] == "🏢 Winkel"}
    assert (shop["Aanschaf"]["count"], shop["Aanschaf"]["mean"]) == (1, 1.0)
    assert (shop["Totaal"]["count"], shop["Totaal"]["mean"]) == (2, 1.5)
    assert shop["Totaal"]["text"] == "2 · 1,5"
    assert shop["Totaal"]["kind"] == "offline · eigen kanaal"
    kassa = next(c for c in cells if c["channel"] == "🏢 Kassa" and c["column"] == "Aanschaf")
    assert kassa["count"] == 1 and kassa["mean"] is None  # no emotion: grey, not 0
    heat = layer_with(spec, "rect", stroke="white")
    assert "isValid" not in str(heat.get("transform"))  # background rect for every cell
    colour = next(layer for layer in spec["layer"] if "color" in layer.get("encoding", {}))
    assert colour["encoding"]["color"]["field"] == "mean"
    assert colour["encoding"]["color"]["scale"]["scheme"] == "blueorange"
    assert colour["encoding"]["color"]["scale"]["domainMid"] == 3


def test_channel_map_flags_low_value_channels_and_empty_phases(j: Journey) -> None:
    spec = channel_map(j, "anna", "huidig").to_dict()
    y_axis = spec["encoding"]["y"]["axis"]
    low = y_axis["labelFontWeight"]["condition"]["test"]
    assert '"🏢 Winkel"' in low  # mean 1.5 < 3
    assert '"🌐 Website"' not in low
    x_axis = spec["encoding"]["x"]["axis"]
    assert '"Aanbeveling"' in x_axis["labelColor"]["condition"]["test"]  # no touchpoints
    assert '"Gebruik"' not in x_axis["labelColor"]["condition"]["test"]
    assert "(leeg)" in x_axis["labelExpr"]
    assert "online · van derden" in y_axis["labelExpr"]


# ------------------------------------------------------------------- scenario delta
def test_scenario_delta_rows(j: Journey) -> None:
    spec = scenario_delta(j, "anna", "huidig", "gewenst").to_dict()
    rows = spec["datasets"]["rows"]
    assert [(r["id"], r["status"], r["delta"]) for r in rows] == [
        ("zoeken", "same", 0),
        ("chat", "new", None),
        ("reviews", "same", 0),
        ("winkel", "better", 3),
        ("betalen", "dropped", None),
        ("rit", "same", 0),
        ("service", "better", 1),
    ]
    assert [r["text"] for r in rows] == ["0", "nieuw", "0", "+3", "vervallen", "0", "+1"]
    winkel = rows[3]
    assert (winkel["from_label"], winkel["to_label"]) == ("😠 boos", "🙂 tevreden")
    bars = layer_with(spec, "bar")
    assert bars["encoding"]["x2"] == {"datum": 0}
    assert [t["field"] for t in bars["encoding"]["tooltip"]][:4] == [
        "touchpoint", "phase", "from_label", "to_label",
    ]  # fmt: skip
    assert spec["encoding"]["y"]["scale"]["reverse"] is True
    assert [b["phase"] for b in spec["datasets"]["bands"]] == [
        "Oriëntatie",
        "Aanschaf",
        "Gebruik",
        "Aftersales",
    ]


def test_scenario_delta_refuses_unknown_or_equal(j: Journey) -> None:
    with pytest.raises(JourneyError, match="scenario .* bestaat niet"):
        scenario_delta(j, "anna", "huidig", "later")
    with pytest.raises(JourneyError, match="twee verschillende scenario"):
        scenario_delta(j, "anna", "huidig", "huidig")


# -------------------------------------------------------------- opportunity matrix
def test_opportunity_matrix(j: Journey) -> None:
    spec = opportunity_matrix(j).to_dict()
    ops = spec["datasets"]["opportunities"]
    assert [(o["id"], o["effort"], o["impact"], o["quadrant"]) for o in ops] == [
        ("o1", 2, 5, "quick_wins"),
        ("o2", 5, 2, "avoid"),
    ]
    assert ops[0]["label"].endswith("…") and len(ops[0]["label"]) <= 32
    assert ops[0]["phase"] == "Aanschaf" and ops[0]["touchpoint"] == "Winkelbezoek"
    assert [q["name"] for q in spec["datasets"]["quadrants"]] == [
        "snelle winst", "grote projecten", "kleine klussen", "vermijden",
    ]  # fmt: skip
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert all(r["data"]["values"] == [{"x": 3, "y": 3}] for r in rules) and len(rules) == 2
    assert spec["encoding"]["x"]["field"] == "x" and spec["encoding"]["x"]["axis"]["title"] == "Inspanning"
    assert spec["encoding"]["y"]["axis"]["title"] == "Impact"
    assert "Nog te beoordelen idee" in spec["title"]["subtitle"]
    english = opportunity_matrix(make_journey("en")).to_dict()
    assert [q["name"] for q in english["datasets"]["quadrants"]] == [
        "quick wins", "major projects", "fill-ins", "avoid",
    ]  # fmt: skip


# ------------------------------------------------------------------ saving, pages
def test_curve_renders_to_svg_with_phase_and_touchpoint_names(j: Journey, tmp_path: Path) -> None:
    path = save_chart(emotion_curve(j, "anna", "huidig"), tmp_path / "curve.svg")
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    for name in ("Oriëntatie", "Aanschaf", "Aftersales", "Winkelbezoek", "dal", "eind"):
        assert f">{name}<" in svg, name
    assert "boos" in svg and "😠" in svg


def test_save_chart_png(j: Journey, tmp_path: Path) -> None:
    png = save_chart(opportunity_matrix(j), tmp_path / "m.png", scale=1).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="cannot save"):
        save_chart(opportunity_matrix(j), tmp_path / "m.gif")


def test_save_chart_html_is_offline_and_escaped(j: Journey, tmp_path: Path) -> None:
    j.update_touchpoint("zoeken", "anna", "huidig", name="</script><script>alert(1)</script>")
    html = save_chart(emotion_curve(j, "anna", "huidig"), tmp_path / "c.html").read_text("utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert "cdn.jsdelivr" not in html
    assert "window.vegaEmbed=" in html  # the inlined vega-embed bundle
    assert "<script>alert(1)" not in html
    assert html.count("<script") == 2  # the bundle and the one embed call


def test_charts_html_page_embeds_vega_once(j: Journey, tmp_path: Path) -> None:
    from klantreis.charts import canvas

    charts = [emotion_curve(j), channel_map(j), scenario_delta(j, "anna", "huidig", "gewenst")]
    page = charts_html_page("Rapport <1>", [*charts, canvas(j, "anna")], path=tmp_path / "p.html")
    assert (tmp_path / "p.html").read_text("utf-8") == page
    assert page.count(f'id="{BUNDLE_ID}"') == 1
    assert page.count("window.vegaEmbed=") == 1
    assert page.count('class="klantreis-chart"') == 3
    assert page.count('vegaEmbed("#klantreis-chart-') == 3
    assert "<title>Rapport &lt;1&gt;</title>" in page
    assert 'class="klantreis-canvas"' in page
    assert "@page { size: A3 landscape" in page  # the canvas brings its print rule
    assert "@page" not in charts_html_page("Alleen grafieken", charts[:1])


def test_chart_svg_accepts_a_spec_dict(j: Journey) -> None:
    spec = opportunity_matrix(j).to_dict()
    assert "snelle winst" in chart_svg(spec)


# -------------------------------------------------------------------- example file
def test_every_chart_of_the_example_is_valid_and_holds_its_data() -> None:
    """Each chart of the example passes Vega-Lite's schema (``to_dict`` validates, and
    raises on a spec the schema refuses) and holds every record it should draw."""
    j = klantreis.load(EXAMPLE)
    persona = j.journeys()[0][0]
    scenarios = [s for p, s in j.journeys() if p == persona]
    assert len(scenarios) >= 2, "the example compares journeys: the delta chart needs two"
    curve, channels, matrix, delta = (
        chart.to_dict(validate=True)["datasets"]
        for chart in (emotion_curve(j), channel_map(j), opportunity_matrix(j),
                      scenario_delta(j, persona, scenarios[0], scenarios[1]))
    )  # fmt: skip
    touchpoints = j.records("touchpoints")
    # a curve that goes on over more rows has a data set per row: points-1, points-2, …
    points = [p for name, rows in curve.items() if name.split("-")[0] == "points" for p in rows]
    shown = sorted((p["persona"], p["scenario"], p["id"], p["emotion"]) for p in points)
    assert shown == sorted(
        (j.name_of("personas", t["persona"]), j.name_of("scenarios", t["scenario"]), t["id"], t["emotion"])
        for t in touchpoints
    )  # every touchpoint of every journey, by its persona's and scenario's names
    named = {t["channel"] for t in touchpoints if t["channel"]}
    assert {c["channel"].split(" ", 1)[1] for c in channels["cells"]} == named  # after the 🌐/🏢 mark
    assert sum(c["count"] for c in channels["cells"] if c["part"] == "total") == len(
        [t for t in touchpoints if t["channel"]]
    )
    assert sorted(o["id"] for o in matrix["opportunities"]) == sorted(j.ids("opportunities"))
    both = {str(i) for s in scenarios[:2] for i in j.journey(persona, s)["id"]}
    assert {r["id"] for r in delta["rows"]} == both
