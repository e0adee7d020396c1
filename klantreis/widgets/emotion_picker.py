"""Smiley buttons for the emotion scale of a journey.

One widget (anywidget: its JavaScript and CSS ship inside the package, nothing loads
from the internet) draws a real button per scale point: a large colour emoji (the
emoji fonts the charts use) over its label. The chosen button gets a thick border and
a background in that point's colour, the text "✓ gekozen" and ``aria-pressed="true"``,
so the choice shows without relying on colour alone. "×" clears the choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import anywidget
import traitlets

from ..model import ScalePoint
from .texts import tr

#: Colours from the lowest to the highest point of a scale (red, orange, amber, light
#: green, green); scales with another number of points are spread over them.
SCALE_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")
EMOJI_FONTS = '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"'

_ESM = """
function render({ model, el }) {
  const group = document.createElement("div");
  group.className = "kr-smileys";
  group.setAttribute("role", "group");
  const buttons = [];
  const draw = () => {
    const value = model.get("value");
    for (const [button, point] of buttons) {
      const on = point.score === value;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("kr-chosen", on);
    }
  };
  const choose = (value) => { model.set("value", value); model.save_changes(); };
  const build = () => {
    group.replaceChildren();
    buttons.length = 0;
    group.setAttribute("aria-label", model.get("group_label"));
    for (const point of model.get("points")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "kr-smiley";
      button.dataset.score = String(point.score);
      button.style.setProperty("--kr-colour", point.colour);
      button.style.setProperty("--kr-tint", point.tint);
      button.title = point.label;
      const emoji = document.createElement("span");
      emoji.className = "kr-emoji";
      emoji.textContent = point.emoji;
      const label = document.createElement("span");
      label.className = "kr-label";
      label.textContent = point.label;
      const mark = document.createElement("span");
      mark.className = "kr-mark";
      mark.textContent = "✓ " + model.get("chosen_text");
      button.append(emoji, label, mark);
      button.addEventListener("click", () => choose(point.score));
      group.append(button);
      buttons.push([button, point]);
    }
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "kr-clear";
    clear.textContent = "×";
    clear.title = model.get("clear_text");
    clear.setAttribute("aria-label", model.get("clear_text"));
    clear.addEventListener("click", () => choose(null));
    group.append(clear);
    draw();
  };
  build();
  model.on("change:value", draw);
  model.on("change:points", build);
  el.append(group);
  return () => { model.off("change:value", draw); model.off("change:points", build); };
}
export default { render };
"""

_CSS = f"""
.kr-smileys {{ display: flex; flex-wrap: wrap; gap: 6px; align-items: stretch; }}
.kr-smiley {{
  display: flex; flex-direction: column; align-items: center; justify-content: flex-start;
  min-width: 78px; padding: 4px 8px 3px; margin: 0; cursor: pointer;
  border: 3px solid #d6d6d6; border-radius: 12px; background: #fff; color: #333;
  font-family: inherit; font-size: 13px; line-height: 1.2;
}}
.kr-smiley:hover {{ border-color: var(--kr-colour); }}
.kr-smiley:focus-visible, .kr-clear:focus-visible {{ outline: 3px solid #1565c0; outline-offset: 2px; }}
.kr-emoji {{ font-family: {EMOJI_FONTS}, sans-serif; font-size: 32px; line-height: 1.2; }}
.kr-mark {{ font-size: 11px; font-weight: bold; color: #222; visibility: hidden; }}
.kr-smiley.kr-chosen {{
  border-color: var(--kr-colour); background: var(--kr-tint); font-weight: bold;
  box-shadow: 0 0 0 2px var(--kr-colour);
}}
.kr-smiley.kr-chosen .kr-mark {{ visibility: visible; }}
.kr-clear {{
  align-self: center; width: 34px; height: 34px; margin-left: 4px; cursor: pointer;
  border: 1px solid #bbb; border-radius: 50%; background: #fafafa; color: #555; font-size: 18px;
}}
"""


def scale_colours(scale: Sequence[ScalePoint]) -> dict[int, str]:
    """A colour per score: the lowest score red, the middle amber, the highest green."""
    scores = sorted(p.score for p in scale)
    if not scores:
        return {}
    low, high = scores[0], scores[-1]
    last = len(SCALE_COLOURS) - 1
    out = {}
    for score in scores:
        where = 0.0 if high == low else (score - low) / (high - low) * last
        below = min(int(where), last - 1)
        out[score] = _mix(SCALE_COLOURS[below], SCALE_COLOURS[below + 1], where - below)
    return out


def _mix(first: str, second: str, share: float) -> str:
    a = [int(first[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(second[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


class EmotionPicker(anywidget.AnyWidget):
    """Smiley buttons; ``value`` is the chosen score, or None (set it to choose, as a
    click does). ``points`` holds score, emoji, label and colours per button; ``label``
    names the group for screen readers (default: the generic question)."""

    _esm = _ESM
    _css = _CSS
    value = traitlets.Int(None, allow_none=True).tag(sync=True)
    points = traitlets.List(traitlets.Dict()).tag(sync=True)
    chosen_text = traitlets.Unicode("").tag(sync=True)
    clear_text = traitlets.Unicode("").tag(sync=True)
    group_label = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self, scale: Sequence[ScalePoint], value: int | None = None, language: str = "nl", label: str = "",
        **widget: Any,
    ):
        colours = scale_colours(scale)
        points = [
            {"score": p.score, "emoji": p.emoji, "label": p.label,
             "colour": colours[p.score], "tint": _mix(colours[p.score], "#ffffff", 0.78)}
            for p in scale
        ]  # fmt: skip
        super().__init__(
            points=points,
            value=value if value in colours else None,
            chosen_text=tr("chosen", language),
            clear_text=tr("clear_emotion", language),
            group_label=label or tr("scale", language),
            **widget,
        )

    def clear(self) -> None:
        """Remove the choice (as the "×" button does)."""
        self.value = None
