"""Charts in JupyterLab draw offline: Altair hands them to JupyterLab's own viewer."""

from __future__ import annotations

import json

import altair as alt

from klantreis import charts
from klantreis.charts.notebook import VEGALITE_MIME, VEGALITE_V5_SCHEMA


def test_importing_charts_switches_altair_to_the_offline_renderer(journey) -> None:
    assert alt.renderers.active == "klantreis"
    bundle = charts.emotion_curve(journey)._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(bundle) == {VEGALITE_MIME, "text/plain"}
    spec = bundle[VEGALITE_MIME]
    assert spec["$schema"] == VEGALITE_V5_SCHEMA
    text = json.dumps(spec)
    assert "cdn" not in text and "<script" not in text
    names = {row["touchpoint"] for row in spec["datasets"]["points"]}
    assert set(journey.touchpoints["name"]) <= names


def test_notebook_bundle_keeps_the_spec_and_labels_the_text() -> None:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.4.1.json",
        "mark": "point",
        "title": {"text": "Emotiecurve"},
    }
    bundle = charts.notebook_bundle(spec)
    assert bundle[VEGALITE_MIME]["mark"] == "point"
    assert bundle["text/plain"] == "<Emotiecurve>"
    # no save menu: vega-embed's menu button is an icon with no name for screen readers
    assert bundle[VEGALITE_MIME]["usermeta"]["embedOptions"]["actions"] is False
    assert spec["$schema"].endswith("v6.4.1.json")  # the caller's spec is not changed
    assert "usermeta" not in spec
