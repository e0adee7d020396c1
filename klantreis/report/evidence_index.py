"""The index page's comparison of personas on measured scores: one row per touchpoint,
one column per journey, each cell the measured mean with its interval and n, marked
where the assumption is not confirmed or too few answered. All user text escaped."""

from __future__ import annotations

from html import escape

from ..evidence.figures import MIN_N, NOT_CONFIRMED, TOO_FEW, journey_evidence
from ..evidence.wording import interval_decimals, number, word
from ..messages import Catalog
from ..model import Journey

TEXTS = Catalog("report_evidence_index", {
    "heading": ("Gemeten scores per persona", "Measured scores per persona"),
    "heading_wave": ("Gemeten scores per persona (bron {source})",
                     "Measured scores per persona (source {source})"),
    "intro": (
        "Gemiddelde score met 95%-interval en het aantal antwoorden (n). ⚠ = aanname niet "
        "bevestigd, ○ = te weinig antwoorden (n < {min_n}).",
        "Mean score with 95% interval and the number of answers (n). ⚠ = assumption not "
        "confirmed, ○ = too few answers (n < {min_n}).",
    ),
    "touchpoint": ("Touchpoint", "Touchpoint"),
})  # fmt: skip


def measured_comparison(
    journey: Journey, pairs: list[tuple[str, str]], source: str | None = None, min_n: int = MIN_N
) -> str:
    """The comparison as HTML ("" when the project has no measured score for these
    journeys)."""
    if not journey.ids("sources") or not pairs:
        return ""
    lang = journey.language
    columns = [journey_evidence(journey, p, s, source, min_n) for p, s in pairs]
    order: dict[str, str] = {}
    for evidence in columns:
        for row in evidence.rows:
            if row["score"] is not None:
                order.setdefault(row["id"], row["name"])
    if not order:
        return ""
    head = [escape(TEXTS.text("touchpoint", lang))]
    for p, s in pairs:
        name = journey.name_of("personas", p)
        if len({sc for _, sc in pairs}) > 1:
            name += f" – {journey.name_of('scenarios', s)}"
        head.append(escape(name))
    rows = []
    for tid, name in order.items():
        cells = [escape(name)]
        for evidence in columns:
            found = evidence.row(tid)
            if found is None or found["score"] is None:
                cells.append("–")
                continue
            score = found["score"]
            text = f"{number(score.mean, lang)} (n={score.n})"
            if score.ci_low is not None and score.ci_high is not None and found["status"] != TOO_FEW:
                places = interval_decimals(score, found["assumed"])
                text = (
                    f"{number(score.mean, lang, places)} ({number(score.ci_low, lang, places)}–"
                    f"{number(score.ci_high, lang, places)}, n={score.n})"
                )
            mark = {NOT_CONFIRMED: " ⚠", TOO_FEW: " ○"}.get(found["status"], "")
            title = word(found["status"], lang)
            cells.append(f'<span title="{escape(title)}">{escape(text + mark)}</span>')
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    heading = TEXTS.text("heading_wave", lang, source=source) if source else TEXTS.text("heading", lang)
    header = "".join(f"<th>{h}</th>" for h in head)
    return (
        f"<h2>{escape(heading)}</h2><p>{escape(TEXTS.text('intro', lang, min_n=min_n))}</p>"
        f'<table class="kr-table"><tr>{header}</tr>{"".join(rows)}</table>'
    )
