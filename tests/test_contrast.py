"""WCAG 2.1 contrast (1.4.3 text, 1.4.11 graphical marks) of the colours klantreis draws
with: every template's emotion scale (the smiley buttons' borders and marks, on the
page and on the chosen button's tint) and the colours of the canvas, the poster and
the blank canvas, each read from the CSS the package ships, against the background it
sits on, including the tinted column of a crucial touchpoint. Text needs 4.5:1,
graphical marks and large text 3:1."""

from __future__ import annotations

import re

import pytest

from klantreis.charts._canvas_style import CANVAS_CSS
from klantreis.charts._common import PAIN_COLOUR, PALETTE
from klantreis.charts._phase_marks import MARK_COLOUR
from klantreis.poster.blank import BLANK_CSS
from klantreis.poster.paper import PAPERS
from klantreis.poster.sheets import WALL_CSS, poster_css
from klantreis.templates import list_templates
from klantreis.widgets.smileys import smiley_points

TEXT, MARK = 4.5, 3.0
WHITE = "#ffffff"


def rgb(colour: str) -> list[int]:
    """The red, green and blue (0-255) of a ``#rgb`` or ``#rrggbb`` colour."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return [int(digits[i : i + 2], 16) for i in (0, 2, 4)]


def luminance(colour: str) -> float:
    """Relative luminance of a colour (WCAG 2.1)."""
    channels = [c / 255 for c in rgb(colour)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(colour: str, background: str, opacity: float) -> str:
    """``colour`` drawn with ``opacity`` over ``background``."""
    pairs = zip(rgb(colour), rgb(background), strict=True)
    mixed = [round(a * opacity + b * (1 - opacity)) for a, b in pairs]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def declared(css: str, selector: str, prop: str) -> str:
    """The first colour that the rule for exactly ``selector`` gives ``prop`` (the last
    rule wins, as in a browser)."""
    found = ""
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in [s.strip() for s in selectors.split(",")]:
            for name, value in re.findall(r"(?:^|;)\s*([\w-]+)\s*:\s*([^;]+)", body):
                if name == prop:
                    found = re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", value)[0]
    assert found, f"no {prop} in a rule for {selector}"
    return found


def canvas(selector: str, prop: str = "color") -> str:
    """A colour of the canvas's CSS (the rule ``.klantreis-canvas SELECTOR``)."""
    return declared(CANVAS_CSS, f".klantreis-canvas {selector}".strip(), prop)


#: Backgrounds of the canvas: the page, a lane name, a crucial touchpoint's tinted
#: column and a tag.
PAGE, LANE = WHITE, canvas("tbody th", "background")
CRUCIAL, TAG = canvas("td.kr-crucial", "background"), canvas(".kr-tag", "background")
CELLS = {"page": PAGE, "crucial column": CRUCIAL}

POSTER_CSS = poster_css(PAPERS["A1"]) + WALL_CSS
POSTER_CRUCIAL = ".kr-poster .klantreis-canvas tr.kr-lane-touchpoints td.kr-crucial"


def canvas_pairs() -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, needed ratio) for every text and mark of the canvas
    and the poster."""
    body = canvas("")
    head_text = canvas("thead th")
    pairs = [
        ("text on a lane name", body, LANE, TEXT),
        ("lane hint", canvas("tbody th .kr-hint"), LANE, TEXT),
        ("text in a tag", body, TAG, TEXT),
        ("muted text in a tag", canvas(".kr-muted"), TAG, TEXT),
        ("meta line", canvas(".kr-meta"), PAGE, TEXT),
        ("legend", canvas(".kr-legend"), PAGE, TEXT),
        ("dashed line in the legend", canvas(".kr-dash", "border-top"), PAGE, MARK),
        ("crucial bar on the tinted column", canvas("tr.kr-lane-touchpoints td.kr-crucial", "box-shadow"),
         CRUCIAL, MARK),
        ("crucial bar on the poster", declared(POSTER_CSS, POSTER_CRUCIAL, "border-top"), CRUCIAL, MARK),
        ("poster footer", declared(POSTER_CSS, ".kr-poster .kr-footer", "color"), PAGE, TEXT),
        ("blank canvas fields", declared(BLANK_CSS, ".kr-blank .kr-fields", "color"), PAGE, TEXT),
        ("blank canvas field line", declared(BLANK_CSS, ".kr-blank .kr-field", "border-bottom"), PAGE, MARK),
        ("blank canvas cell lines", declared(BLANK_CSS, ".kr-blank td", "border-color"), PAGE, MARK),
        ("blank canvas tick boxes", declared(BLANK_CSS, ".kr-blank .kr-box", "color"), PAGE, TEXT),
        ("label chip on a touchpoint", canvas(".kr-label", "color"), canvas(".kr-label", "background"), TEXT),
        ("persona box line", canvas(".kr-persona-box", "border"), PAGE, MARK),
        ("side-by-side column line", canvas(".kr-side-col", "border"), PAGE, MARK),
        ("pain point mark", PAIN_COLOUR, PAGE, MARK),
        ("curve line", PALETTE[0], PAGE, MARK),
        ("phase marks", MARK_COLOUR, PAGE, MARK),
    ]  # fmt: skip
    for shade in ("thead th", "thead th.kr-shade-1"):
        phase = canvas(shade, "background")
        pairs.append((f"phase name ({shade})", head_text, phase, TEXT))
        pairs.append((f"phase duration ({shade})", blend(head_text, phase, 0.9), phase, TEXT))
        about = float(re.findall(r"opacity:\s*([\d.]+)", BLANK_CSS)[0])  # .kr-about
        pairs.append((f"blank canvas phase text ({shade})", blend(head_text, phase, about), phase, TEXT))
    for where, background in CELLS.items():
        pairs += [
            (f"text on the {where}", body, background, TEXT),
            (f"side issue on the {where}", canvas("td.kr-side"), background, TEXT),
            (f"muted note on the {where}", canvas(".kr-muted"), background, TEXT),
            (f"★ on the {where}", canvas(".kr-star"), background, TEXT),
        ]
    return pairs


@pytest.mark.parametrize(("what", "foreground", "background", "needed"), canvas_pairs(), ids=lambda v: str(v))
def test_canvas_and_poster_colours(what: str, foreground: str, background: str, needed: float) -> None:
    ratio = contrast(foreground, background)
    assert ratio >= needed, f"{what}: {foreground} on {background} is {ratio:.2f}:1, needs {needed}:1"


@pytest.mark.parametrize("template", list_templates(), ids=lambda t: t.id)
def test_scale_colours_of_every_template(template) -> None:  # type: ignore[no-untyped-def]
    """A smiley's colour is its button's border and ring: a mark, 3:1 on the page and
    on its own tint (the chosen button's background); the text on the tint is 4.5:1."""
    for language in ("nl", "en"):
        for point in smiley_points(template.scale(language)):
            for background in (WHITE, point["tint"]):
                ratio = contrast(point["colour"], background)
                where = f"{template.id} {point['label']}: {point['colour']} on {background}"
                assert ratio >= MARK, f"{where} is {ratio:.2f}:1"
            assert contrast("#333333", point["tint"]) >= TEXT


def test_the_contrast_computation() -> None:
    """The formula against known values: black on white 21:1, #767676 on white 4.54:1."""
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", WHITE) < TEXT
    assert blend("#ffffff", "#000000", 0.5) == "#808080"


# ------------------------------------------------------------------ chart specs
#: Named colours a spec may use (Vega's CSS colour names).
NAMED = {"white": WHITE, "black": "#000000"}
#: The kind of an axis's or legend's label: text outside the plot, on white only.
LABEL = TEXT + 0.001
#: Encoding channels and mark properties that carry a colour.
COLOUR_KEYS = ("color", "fill", "stroke")


def _hex(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}", value):
        return value.lower()
    return NAMED.get(value) if isinstance(value, str) else None


def _channel_colours(channel: object) -> list[str]:
    """The colours an encoding channel (or an axis's ``labelColor``) can take: its value,
    its conditions' values and its scale's range."""
    if not isinstance(channel, dict):
        return [c] if (c := _hex(channel)) else []
    found = [c] if (c := _hex(channel.get("value"))) else []
    conditions = channel.get("condition", [])
    for condition in conditions if isinstance(conditions, list) else [conditions]:
        if isinstance(condition, dict) and (c := _hex(condition.get("value"))):
            found.append(c)
    scale = channel.get("scale")
    if isinstance(scale, dict) and isinstance(scale.get("range"), list):
        found += [c for value in scale["range"] if (c := _hex(value))]
    return found


def chart_colours(spec: object) -> list[tuple[str, str, float]]:
    """(what, colour, kind) for every colour of a Vega-Lite spec: the marks' own colours,
    their colour channels (values, conditions, scale ranges) and the axes' and legends'
    label and title colours. ``kind`` is ``TEXT`` for text marks and labels, ``MARK`` for
    every other mark, and 0 for a rect's fill (a background: a phase band, a quadrant's
    tint, an empty cell) and for white separators. Axis and legend
    labels are ``LABEL`` (text on white, outside the plot). A mark's opacity is blended
    over white; a translucent band (opacity 0.3 or less) is left out: the evidence
    curve's interval band, whose ends are drawn as ticks and which labels avoid."""
    found: list[tuple[str, str, float]] = []
    if isinstance(spec, list):
        for item in spec:
            found += chart_colours(item)
        return found
    if not isinstance(spec, dict):
        return found
    mark = spec.get("mark")
    mark = mark if isinstance(mark, dict) else {"type": mark}
    if mark.get("type"):  # a view (a ``mark`` without a type is the config's default)
        kind = TEXT if mark["type"] == "text" else MARK
        alpha = mark.get("opacity", 1.0)
        encoding = spec.get("encoding", {})
        for key in COLOUR_KEYS:
            colours = _channel_colours(mark.get(key)) + _channel_colours(encoding.get(key))
            for colour in colours:
                if alpha <= 0.3 and mark["type"] in ("rule", "rect", "area"):
                    continue  # a translucent band (an interval): its ends are marks, labels avoid it
                background = (mark["type"] == "rect" and key != "stroke") or colour == WHITE
                shown = blend(colour, WHITE, alpha) if kind == MARK and alpha < 1 else colour
                found.append((f"{mark['type']} {key}", shown, 0 if background else kind))
    for key, value in spec.items():
        if key in ("labelColor", "titleColor"):
            found += [(key, c, LABEL) for c in _channel_colours(value)]
        elif key not in ("datasets", "data", "mark") and isinstance(value, dict | list):
            found += chart_colours(value)
    return found


def example_charts() -> dict[str, dict]:
    """The spec of every kind of chart, made from the example sportschool.yaml (its
    survey, contact log and web log included): curves, channels, delta, opportunities,
    evidence, pain ranking and the three observed-path charts."""
    import klantreis
    from klantreis.charts import (
        channel_map,
        emotion_curve,
        evidence_curve,
        opportunity_matrix,
        pain_ranking,
        scenario_delta,
    )
    from klantreis.paths import stored_paths
    from klantreis.paths.charts import deviation_chart, flow_chart, reach_chart
    from klantreis.resources import example_path

    journey = klantreis.load(example_path("sportschool"))
    figures = stored_paths(journey, "student", "huidig")[1]
    charts = {
        "emotion curve (every series)": emotion_curve(journey),
        "emotion curve (student)": emotion_curve(journey, "student", "huidig"),
        "channel map": channel_map(journey, "student", "huidig"),
        "scenario delta": scenario_delta(journey, "student", "huidig", "gewenst"),
        "opportunity matrix": opportunity_matrix(journey),
        "evidence curve": evidence_curve(journey, "student", "huidig"),
        "pain ranking": pain_ranking(journey, "student", "huidig"),
        "reach": reach_chart(figures, journey, "student", "huidig"),
        "flows": flow_chart(figures, journey, "student", "huidig"),
        "deviations": deviation_chart(figures, journey.language),
    }
    return {name: chart.to_dict() for name, chart in charts.items()}


CHARTS = example_charts()


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_colour_in_a_chart(name: str) -> None:
    """Every mark colour of a chart is 3:1 on its white background, every text 4.5:1 on
    white and on the chart's own background fills (phase bands, tints)."""
    found = chart_colours(CHARTS[name])
    assert [c for c in found if c[2]], f"{name}: no colour found in the spec"
    fills = {colour for _, colour, kind in found if not kind}
    for what, colour, needed in found:
        for background in [WHITE, *(fills if needed == TEXT else [])]:
            needed = min(needed, TEXT)
            ratio = contrast(colour, background)
            assert ratio >= needed, f"{name}, {what}: {colour} on {background} is {ratio:.2f}:1"


def test_the_walk_finds_scale_ranges_and_fails_a_faint_colour() -> None:
    """The walk reads scale ranges, conditions and label colours, and a faint colour fails."""
    line = {"mark": {"type": "line"}, "encoding": {"color": {"scale": {"range": ["#F0E442"]}}}}
    text = {"mark": "text", "encoding": {"color": {"value": "#222", "condition": {"value": "#777"}}}}
    bar = {"mark": "bar", "encoding": {"x": {"axis": {"labelColor": {"value": "#333"}}}}}
    found = chart_colours({"layer": [line, text, bar]})
    assert found == [
        ("line color", "#f0e442", MARK),
        ("text color", "#222", TEXT),
        ("text color", "#777", TEXT),
        ("labelColor", "#333", LABEL),
    ]
    assert contrast("#f0e442", WHITE) < MARK and contrast("#777777", WHITE) < TEXT


def test_series_colours_stay_apart() -> None:
    """The series palette: seven colours, each a mark at 3:1 on white, none repeated."""
    assert len(set(PALETTE)) == len(PALETTE) == 7
    assert PAIN_COLOUR not in PALETTE
