"""Step 8, bewijs: a survey's answers as NPS (or CSAT, CES) chosen in the form, imported
with the same function as ``klantreis evidence import --metric``; the result beside the
form shows each figure with n and its interval, as the report does."""

from __future__ import annotations

import math
from pathlib import Path

import yaml
from test_widgets_bewijs import saved, upload, without

from klantreis.widgets import BewijsForm

SCORES = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5]  # 5 promoters, 3 detractors, 2 passives


def _nps_file() -> bytes:
    rows = "".join(f"r{i};Student;{s}\n" for i, s in enumerate(SCORES))
    return ("respondent;persona;score\n" + rows).encode("utf-8")


def test_an_nps_survey_chosen_in_the_form_stores_and_shows_the_nps(project: Path) -> None:
    form = BewijsForm(without(project))
    assert form.metric.layout.display != "none"  # a survey: the metric is asked
    form.metric.value = "nps"
    form.upload.value = upload("nps-voorjaar.csv", _nps_file())
    assert form.file_notice.text == ""
    assert form.editor.columns["score"].value == "score" and not form.editor.wide()
    assert form.editor.answers == {}  # 0-10 answers need no score on the project's scale
    form.import_button.click()
    assert form.import_notice.kind == "ok", form.import_notice.text
    (record,) = [e for e in saved(project)["evidence"] if e["source"] == "nps-voorjaar"]
    # independent: % promoters - % detractors; adjusted-Wald interval (n + 3, + 3/4 each)
    n = len(SCORES)
    promoters, detractors = sum(s >= 9 for s in SCORES), sum(s <= 6 for s in SCORES)
    p, d = (promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)
    half = 1.959964 * math.sqrt((p + d - (p - d) ** 2) / (n + 3))
    assert (record["metric"], record["persona"], record["n"]) == ("nps", "student", 10)
    assert record.get("touchpoint", "") == "" and record.get("phase", "") == ""
    assert record["value"] == 100 * (promoters - detractors) / n == 20
    assert abs(record["ci_low"] - 100 * (p - d - half)) < 0.01
    assert abs(record["ci_high"] - 100 * (p - d + half)) < 0.01
    assert (round(record["ci_low"]), round(record["ci_high"])) == (-30, 61)
    assert saved(project)["sources"][-1]["mapping"]["metric"] == "nps"
    assert "<td>Gemeten: " in form.result.value
    assert "<td>hele reis: NPS +20 (−30 tot +61, n=10)</td>" in form.result.value
    # the mapping kept for the next wave says the metric
    kept = yaml.safe_load(form.saved_mapping.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    assert kept["metric"] == "nps"


def test_the_metric_is_asked_for_surveys_only_and_read_from_a_mapping_file(project: Path) -> None:
    form = BewijsForm(without(project), language="en")
    labels = [label for label, _ in form.metric.options]
    assert labels[1:] == ["NPS (0–10)", "CSAT (satisfaction)", "CES (effort)"]
    form.kind.value = "calls"
    assert form.metric.layout.display == "none"
    form.kind.value = "survey"
    form.mapping_upload.value = upload("csat.yaml", b"metric: csat\nrange: [1, 5]\n")
    assert form.mapping_notice.kind == "ok", form.mapping_notice.text
    assert form.metric.value == "csat"
