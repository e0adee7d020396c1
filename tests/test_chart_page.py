"""Charts made for a page a person reads: numbers in the journey's language in every
chart (rendered by vl-convert as a reader's browser would), long journeys wrapped to
the page's width, names instead of ids in tooltips and legends, labels placed apart,
and the emoji of a page carried along as a colour font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
from klantreis.charts import (
    canvas,
    channel_map,
    chart_svg,
    charts_html_page,
    emotion_curve,
    evidence_curve,
    opportunity_matrix,
    pain_ranking,
    scenario_delta,
)
from klantreis.charts._common import PAGE_WIDTH
from klantreis.charts._emoji_font import FAMILY, page_emoji, source_font, subset_font
from klantreis.charts._locale import format_locale
from klantreis.charts._placement import Box

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def gym() -> klantreis.Journey:
    return klantreis.load(EXAMPLES / "sportschool.yaml")


def _texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


def _width(svg: str) -> float:
    return float(re.search(r'<svg\b[^>]*\bwidth="([\d.]+)"', svg).group(1))


def _charts(journey: klantreis.Journey) -> dict[str, object]:
    return {
        "curve": emotion_curve(journey, "student", "huidig"),
        "scenarios": emotion_curve(journey, "student", ["huidig", "gewenst", "concurrent"]),
        "everyone": emotion_curve(journey),  # every persona in every scenario
        "evidence": evidence_curve(journey, "student", "huidig"),
        "pain": pain_ranking(journey, "student", "huidig"),
        "channels": channel_map(journey, "student", "huidig"),
        "delta": scenario_delta(journey, "student", "huidig", "gewenst"),
        "matrix": opportunity_matrix(journey),
    }


def test_every_chart_carries_the_number_format_of_its_language(gym) -> None:
    english = klantreis.load(EXAMPLES / "sportschool.yaml")
    english.language = "en"
    for language, journey in (("nl", gym), ("en", english)):
        for name, chart in _charts(journey).items():
            meta = chart.to_dict()["usermeta"]["embedOptions"]
            assert meta["formatLocale"] == format_locale(language), name
    assert format_locale("nl")["decimal"] == "," and format_locale("nl")["thousands"] == "."


def test_rendered_numbers_are_dutch_in_a_dutch_project_and_english_in_an_english_one() -> None:
    import altair as alt

    from klantreis.charts._locale import localized

    rows = [{"n": 12500.5}]
    chart = alt.Chart(alt.Data(values=rows)).mark_text().encode(text=alt.Text("n:Q", format=",.1f"))
    assert ">12.500,5<" in chart_svg(localized(chart, "nl"))
    assert ">12,500.5<" in chart_svg(localized(chart, "en"))


def test_a_long_journey_wraps_onto_rows_that_fit_the_page(gym) -> None:
    journey = klantreis.load(EXAMPLES / "sportschool.yaml")
    for number in range(30):
        journey.add_touchpoint(f"extra-{number}", "student", "gebruik", f"Nog een stap {number}",
                               emotion=1 + number % 5)  # fmt: skip
    spec = emotion_curve(journey, "student", "huidig").to_dict()
    # 46 touchpoints: Oriëntatie and Aanschaf; Gebruik (36) cut over two rows, the
    # second one going on with Aanbeveling and Aftersales
    assert len(spec["vconcat"]) == 3
    svg = chart_svg(spec)
    assert _width(svg) <= PAGE_WIDTH
    # every touchpoint is on exactly one row, in journey order
    xs = [p["x"] for name, rows in spec["datasets"].items() if name.startswith("points-") for p in rows]
    assert xs == sorted(xs) and len(xs) == len(set(xs)) == 46
    heads = [label for name, rows in spec["datasets"].items() if name.startswith("phase_labels-")
             for label in (r["label"] for r in rows)]  # fmt: skip
    assert any("vervolg" in str(label) for label in heads)  # the phase going on on the next row
    # a short journey stays on one row and also fits
    short = chart_svg(emotion_curve(gym, "student", "huidig"))
    assert _width(short) <= PAGE_WIDTH


@pytest.mark.parametrize(
    "name", ["curve", "scenarios", "everyone", "evidence", "pain", "channels", "delta", "matrix"]
)
def test_every_chart_of_a_report_fits_the_page(gym, name: str) -> None:
    assert _width(chart_svg(_charts(gym)[name])) <= PAGE_WIDTH


def test_names_not_ids_in_tooltips_and_legends(gym) -> None:
    ids = set(gym.ids("phases")) | set(gym.ids("personas")) | set(gym.ids("scenarios"))
    ids |= set(gym.touchpoints["id"]) - set(gym.touchpoints["name"])
    for name, chart in _charts(gym).items():
        spec = chart.to_dict()
        shown = _shown_fields(spec)
        for dataset in spec.get("datasets", {}).values():
            for row in dataset:
                for field_name in shown & set(row):
                    assert str(row[field_name]) not in ids, (name, field_name, row[field_name])
        titles = re.findall(r'"title": "([^"]*)"', str(spec).replace("'", '"'))
        assert not {"touchpoint", "label", "status"} & set(titles), name


def _shown_fields(spec: object) -> set[str]:
    """Fields a reader sees: in tooltips, legends (colour, shape, dash) and texts."""
    found: set[str] = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("tooltip", "color", "shape", "strokeDash", "stroke", "text"):
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict) and "field" in item:
                        found.add(item["field"])
            found |= _shown_fields(value)
    elif isinstance(spec, list):
        for item in spec:
            found |= _shown_fields(item)
    return found


def test_curve_legend_and_key_explain_every_mark(gym) -> None:
    spec = emotion_curve(gym, "student", "huidig").to_dict()
    svg = chart_svg(spec)
    texts = _texts(svg)
    for entry in (
        "fase als geheel",
        "pijnpunt",
        "cruciaal",
        "overig",
        "Sanne (22), student – Huidige situatie",
    ):
        assert entry in texts, entry
    key = spec["title"]["subtitle"][1]
    assert "dal: het laagste punt" in key and "eind: het laatste moment" in key and "grijze banden" in key
    # the phase's overall experience sits in its head, not on the dashed line
    assert any("fase als geheel: tevreden" in " ".join(t if isinstance(t, list) else [t])
               for t in (r["label"] for r in spec["datasets"]["phase_overall"]))  # fmt: skip


def test_curve_labels_are_placed_apart_and_inside_the_plot(gym) -> None:
    spec = evidence_curve(gym, "student", "huidig").to_dict()
    height, width = spec["height"], spec["width"]
    bottom, top = spec["encoding"]["y"]["scale"]["domain"]
    left, right = spec["encoding"]["x"]["scale"]["domain"]
    boxes = []
    for name, font in (("notes", 11), ("few", 10), ("flags", 15)):
        for row in spec["datasets"][name]:
            x = (row["label_x"] - left) / (right - left) * width
            y = (top - row["label_y"]) / (top - bottom) * height
            assert 0 < x < width and 0 < y < height - font, (name, row)
            boxes.append(Box(x - 10, y, x + 10, y + font))  # label_y is the label's top
    assert len(boxes) >= 5
    assert not any(a.hits(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_opportunity_labels_keep_off_the_dividing_lines(gym) -> None:
    spec = opportunity_matrix(gym).to_dict()
    for row in spec["datasets"]["opportunities"]:
        assert abs(row["label_x"] - 3) > 0.05 and abs(row["label_y"] - 3) > 0.05, row["label"]


def test_the_canvas_in_a_report_goes_on_over_tables_at_the_page_width(gym) -> None:
    html = canvas(gym, "student", "huidig")._repr_html_()
    assert html.count("<table") == 3  # 16 touchpoints: three tables of whole phases
    widths = [float(w) for w in re.findall(r"--kr-width-em: ([\d.]+); width", html)]
    assert widths and all(w * 12 <= PAGE_WIDTH for w in widths)
    assert canvas(gym, "student", "huidig").to_html().count("<table") == 1  # the A3 page: one table


def test_a_page_carries_its_emoji_as_a_colour_font(gym) -> None:
    if source_font() is None:
        pytest.skip("no emoji font on this machine")
    page = charts_html_page("Reis", [emotion_curve(gym, "student", "huidig"),
                                     canvas(gym, "student", "huidig")])  # fmt: skip
    face = re.search(r'@font-face \{ font-family: "Klantreis Emoji"; src: url\(data:font/(\w+);'
                     r'base64,([^)]+)\) format\("\w+"\); unicode-range: ([^;]+);', page)  # fmt: skip
    assert face, "no emoji font"
    ranges = face.group(3)
    for emoji in "😠😞😐🙂😄🌐🏢":
        assert f"U+{ord(emoji):X}" in ranges, emoji
    assert "U+30" not in ranges.split(", ")  # digits keep the text font
    assert f'"{FAMILY}", system-ui' in page
    assert len(page.encode()) < 2_000_000
    data, kind, _ = subset_font("😐🙂")
    assert kind in ("woff2", "truetype") and 0 < len(data) < 20_000


def test_page_emoji_finds_sequences_but_not_plain_symbols() -> None:
    assert page_emoji("Sanne 👩🏽‍💻 fietst 🚲, 12 €, – · → ✓") == "".join(sorted("👩🏽\u200d💻🚲"))
    assert page_emoji("⚠️ let op") == "".join(sorted("⚠\ufe0f"))
    assert page_emoji("geen emoji: 1–3 × © ™") == ""
