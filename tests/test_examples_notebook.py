"""examples/charts.ipynb runs headless and shows every chart in a form JupyterLab draws offline."""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest

from klantreis.charts.notebook import VEGALITE_MIME
from klantreis.resources import data_dir

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("notebooks")]


def test_charts_notebook_shows_every_chart(tmp_path: Path) -> None:
    out = tmp_path / "charts.ipynb"
    papermill.execute_notebook(
        str(data_dir("examples") / "charts.ipynb"),
        str(out),
        progress_bar=False,
        cwd=str(tmp_path),
        kernel_name="python3",
    )
    outputs = [o for c in json.loads(out.read_text(encoding="utf-8"))["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    specs = [o["data"][VEGALITE_MIME] for o in outputs if VEGALITE_MIME in o.get("data", {})]
    assert len(specs) >= 5  # two curves, channel map, scenario delta, opportunity matrix
    html = "".join("".join(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {}))
    assert "klantreis-canvas" in html and "Oriëntatie" in html
    assert "cdn.jsdelivr" not in json.dumps(outputs)
