"""The emotion curve's text equivalent: a description generated from its points (the
chart's accessible name, the poster's alternative text) and a table of the points in
the report, escaped, in the journey's language."""

from __future__ import annotations

import klantreis
from klantreis import Journey
from klantreis.charts import canvas, emotion_curve
from klantreis.charts.describe import curve_description
from klantreis.report.display import curve_table


def hostile_journey(language: str = "nl") -> Journey:
    j = klantreis.new_journey("canvas", "Gemeente / Loket", language=language)
    j.add_persona("noor", "Noor </script>")
    j.add_touchpoint("melding", "noor", "orientatie", "Melding via 14 030", emotion=1)
    j.add_touchpoint("tip", "noor", "orientatie", "Tip van huisgenoten 👍🏽", emotion=5)
    j.add_touchpoint("wachten", "noor", "aanschaf", "Wachten (2–3 dagen)")  # no emotion
    j.add_touchpoint("afronding", "noor", "gebruik", "Afronding-/evaluatiegesprek", emotion=3)
    return j


def test_description_names_lowest_highest_and_last_point() -> None:
    j = hostile_journey()
    text = curve_description(j, [("noor", "huidig")])
    assert text == (
        "Emotiecurve van Noor </script> – Huidige situatie: 3 touchpoints met een emotie; laagste punt "
        "'Melding via 14 030' (boos), hoogste 'Tip van huisgenoten 👍🏽' (blij), "
        "laatste 'Afronding-/evaluatiegesprek' (neutraal)."
    )


def test_description_in_english_and_for_a_journey_without_emotions() -> None:
    j = hostile_journey("en")
    j.add_persona("sam", "Sam")
    j.add_touchpoint("bellen", "sam", "orientatie", "Bellen")
    text = curve_description(j, [("noor", "huidig"), ("sam", "huidig")])
    assert text.startswith("Emotion curve of Noor </script> – ")
    assert "lowest point 'Melding via 14 030'" in text
    assert text.endswith("Emotion curve of Sam – Current situation: no touchpoint with an emotion yet.")


def test_the_chart_and_the_canvas_carry_the_description() -> None:
    j = hostile_journey()
    text = curve_description(j, [("noor", "huidig")])
    spec = emotion_curve(j, "noor", "huidig").to_dict(validate=False)
    assert spec["description"] == text
    assert spec["config"]["mark"]["aria"] is False  # the marks are inside the one named image
    html = canvas(j, "noor", "huidig").html_fragment()
    assert 'aria-label="Emotiecurve van Noor &lt;/script&gt; – Huidige situatie: 3 touchpoints' in html
    assert "Noor </script>" not in html


def test_report_table_lists_every_point_escaped() -> None:
    j = hostile_journey()
    html = curve_table(j, [("noor", "huidig")])
    assert html.startswith('<details class="kr-curve-data"><summary>De punten van de emotiecurve als tabel')
    assert "Noor </script>" not in html
    assert "<td>Oriëntatie</td><td>Melding via 14 030</td><td>1 boos</td>" in html
    assert "<td>Aanschaf</td><td>Wachten (2–3 dagen)</td><td></td>" in html
    assert html.count("<tr>") == 5  # the head and four touchpoints
