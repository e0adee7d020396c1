"""The charts and the report section of observed paths: data and encodings of the
specs, the section's text (escaped), and no section without an event log."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from paths_support import MAPPING, journey

from klantreis.charts import emotion_curve
from klantreis.charts._common import PAGE_WIDTH
from klantreis.evidence import store_import
from klantreis.paths import read_events, stored_paths
from klantreis.paths.charts import LEFT_ROOM, deviation_chart, flow_chart, flow_rows, reach_chart
from klantreis.paths.report import path_findings, paths_section
from klantreis.paths.stored import touchpoint_names

ROWS = [
    ("v1", "2026-03-01T10:00", "search"), ("v1", "2026-03-01T11:00", "compare"),
    ("v1", "2026-03-01T12:00", "order"),
    ("v2", "2026-03-01T10:00", "compare"), ("v2", "2026-03-01T11:00", "search"),
    ("v3", "2026-03-01T10:00", "search"), ("v3", "2026-03-01T10:30", "chat_open"),
    ("v3", "2026-03-01T11:00", "order"),
    ("v4", "2026-03-01T10:00", "search"), ("v4", "2026-03-01T10:10", "login"),
    ("v4", "2026-03-01T10:20", "login"), ("v4", "2026-03-01T10:30", "compare"),
]  # fmt: skip


@pytest.fixture
def stored(tmp_path: Path):
    j = journey()
    j.update_touchpoint("b", "p", "s", name="Prijs-/kwaliteit vergelijken </script> 🧑‍🤝‍🧑")
    path = tmp_path / "log.csv"
    pd.DataFrame(ROWS, columns=["visitor", "ts", "name"]).to_csv(path, index=False)
    store_import(j, read_events(j, path, MAPPING, persona="p", source="web"))
    return j, stored_paths(j, "p", "s")[1]


def test_reach_keeps_the_maps_order(stored) -> None:
    j, figures = stored
    spec = reach_chart(figures, j, "p", "s").to_dict()
    values = spec["layer"][0]["data"]["values"] if "data" not in spec else spec["data"]["values"]
    assert [(v["touchpoint"], v["reached"], v["share"]) for v in values] == [
        ("a", 4, 1.0), ("b", 3, 0.75), ("c", 1, 0.25), ("d", 2, 0.5)
    ]  # fmt: skip
    assert spec["layer"][0]["encoding"]["x"]["sort"] == [v["name"] for v in values]


def test_flows_along_the_map_and_deviating_ones(stored) -> None:
    j, figures = stored
    rows = flow_rows(figures, j, "p", "s")
    kinds = {(r["from"], r["to"]): (r["count"], r["along"]) for r in rows}
    # a>c passes b, a main touchpoint events show: deviating; b>a goes back
    assert kinds == {("a", "b"): (2, True), ("b", "d"): (1, True), ("b", "a"): (1, False),
                     ("a", "c"): (1, False), ("c", "d"): (1, True)}  # fmt: skip
    assert all(r["y"] > 0 for r in rows if r["along"] and r["point"] == 1)
    assert all(r["y"] < 0 for r in rows if not r["along"] and r["point"] == 1)
    spec = flow_chart(figures, j, "p", "s").to_dict()
    arcs = spec["layer"][0]
    assert arcs["mark"]["type"] == "line" and arcs["encoding"]["strokeWidth"]["field"] == "count"
    assert arcs["encoding"]["color"]["scale"]["range"] == ["#0072B2", "#D55E00"]
    # the names stand on the x axis below the arcs, one per touchpoint, in the map's order
    axis = arcs["encoding"]["x"]["axis"]
    assert axis["values"] == list(range(len(axis["values"]))) and len(axis["values"]) >= 4
    assert axis["labelAngle"] == -35
    assert axis["labelExpr"].startswith('["')
    assert "Prijs-/kwaliteit vergelijken </script>" in axis["labelExpr"]
    assert arcs["encoding"]["x"]["scale"]["domain"] == [-0.5, len(axis["values"]) - 0.5]


def _named(axis: dict, count: int) -> list[str]:
    """The names an axis draws for ``count`` ticks, as Vega would: none left out."""
    assert axis["labelOverlap"] is False  # Vega's default drops names that it thinks collide
    names = json.loads(axis["labelExpr"].removesuffix("[datum.value]"))
    return [names[v] for v in axis.get("values", range(count))]


@pytest.mark.parametrize("extra", [0, 36])
def test_every_touchpoint_is_named_and_the_chart_fits_the_page(stored, extra: int) -> None:
    j, figures = stored
    for k in range(extra):  # a long map: the names stand upright, still every one
        j.add_touchpoint(f"x{k}", "p", "kopen", f"Extra stap met een lange naam {k}")
    names = touchpoint_names(j, "p", "s")
    flow = flow_chart(figures, j, "p", "s").to_dict()
    axis = flow["layer"][0]["encoding"]["x"]["axis"]
    assert _named(axis, len(names)) == list(names.values())
    step = flow["width"] / len(names)
    angle = math.radians(-axis["labelAngle"])
    assert step * math.sin(angle) >= 14  # neighbouring names a line of type apart
    # the first name fits left of the plot in the room the width leaves free
    reach_left = axis["labelLimit"] * math.cos(angle) - step / 2
    assert flow["width"] + max(reach_left, 0) <= PAGE_WIDTH
    assert axis["labelAngle"] == (-90 if extra else -35)
    reach = reach_chart(figures, j, "p", "s").to_dict()
    r_axis = reach["layer"][0]["encoding"]["x"]["axis"]
    assert r_axis["labelOverlap"] is False and reach["width"] + LEFT_ROOM <= PAGE_WIDTH


def test_bar_labels_have_room_inside_the_plot(stored) -> None:
    j, figures = stored
    reach = reach_chart(figures, j, "p", "s").to_dict()["layer"][0]["encoding"]["y"]
    assert reach["scale"]["domain"][1] > 1 and reach["axis"]["values"][-1] == 1
    classes = deviation_chart(figures, "nl").to_dict()["layer"][0]["encoding"]["x"]
    assert classes["scale"]["domain"][1] > max(figures["deviations"].values())


def test_the_four_classes_as_bars(stored) -> None:
    j, figures = stored
    spec = deviation_chart(figures, "en").to_dict()
    values = spec["layer"][0]["data"]["values"] if "data" not in spec else spec["data"]["values"]
    assert [(v["class"], v["cases"]) for v in values] == [
        ("conforming", 1), ("missing", 1), ("irregular", 1), ("adhoc", 1)
    ]  # fmt: skip


def test_the_report_section_escapes_and_lists_findings(stored) -> None:
    j, figures = stored
    html = paths_section(j, "p", "s", "nl", lambda chart: "<div class='chart'></div>")
    assert "<h2>Wat klanten echt doen</h2>" in html
    assert "Prijs-/kwaliteit vergelijken &lt;/script&gt; 🧑‍🤝‍🧑" in html and "</script>" not in html
    assert "4 klantreizen uit 12 gebeurtenissen. 25% volgt de kaart." in html
    assert html.count("class='chart'") == 3
    assert "login staat niet op de kaart maar komt 2 keer voor." in html
    assert path_findings(figures, touchpoint_names(j, "p", "s"), "en") == [
        "login is not on the map but occurs 2 times."
    ]
    assert paths_section(j, "q", "s", "nl", str) == ""  # no log for this journey


def test_an_unreached_touchpoint_is_a_finding(stored) -> None:
    j, figures = stored
    figures = {**figures, "touchpoints": [*figures["touchpoints"], {"id": "e", "reached": 0, "share": 0.0,
               "median_hours_to_next": None, "p90_hours_to_next": None}]}  # fmt: skip
    found = path_findings(figures, touchpoint_names(j, "p", "s"), "nl")
    assert "Geen enkele klantreis komt bij Betalen, al staat het op de kaart." in found


def test_the_emotion_curve_shows_the_reach_per_touchpoint(stored, tmp_path: Path) -> None:
    j, figures = stored
    for t in "abcde":
        j.update_touchpoint(t, "p", "s", emotion=1)  # the lowest score: the strip stays free
    spec = emotion_curve(j, "p", "s").to_dict()
    reach = spec["datasets"]["reach"]
    # the observed touchpoints a b c d in slots 0 1 2 3 (e has no event: no label)
    assert [(r["x"], r["reached"], r["reach_label"]) for r in reach] == [
        (0, 4, "100%"), (1, 3, "75%"), (2, 1, "25%"), (3, 2, "50%")
    ]  # fmt: skip
    text = [layer for layer in spec["layer"] if layer.get("data", {}).get("name") == "reach"]
    assert text[0]["mark"]["type"] == "text" and text[0]["encoding"]["text"]["field"] == "reach_label"
    assert "aandeel van de 4 klantreizen (bron web) dat er komt" in spec["title"]["subtitle"][-1]
    assert "Uit bron web: 'Zoeken' bereikt het grootste deel van de klantreizen (100%)" in spec["description"]
    # room below the lowest score for the labels: the domain reaches further down
    plain = emotion_curve(journey(), "p", "s").to_dict()
    assert spec["encoding"]["y"]["scale"]["domain"][0] < plain["encoding"]["y"]["scale"]["domain"][0]
    # no log for this persona, or several journeys on one curve: no reach
    assert "reach" not in emotion_curve(j, "q", "s").to_dict()["datasets"]
    assert "reach" not in emotion_curve(j, ["p", "q"], "s").to_dict()["datasets"]
    english = journey("en")
    log = tmp_path / "en.csv"
    pd.DataFrame(ROWS, columns=["visitor", "ts", "name"]).to_csv(log, index=False)
    store_import(english, read_events(english, log, MAPPING, persona="p", source="web"))
    subtitle = emotion_curve(english, "p", "s").to_dict()["title"]["subtitle"]
    assert "share of the 4 cases (source web) that reach it" in subtitle[-1]
