"""Generate the example event log of examples/sportschool.yaml, deterministically, and
import it (docs/paths.md).

Writes ``examples/paths/weblog-2026q1.csv``: the website's and app's events of 240
students in the first quarter of 2026 (``;``-separated, as an analytics export), one row
per event with a visitor id, a timestamp, an event name and a page; and its mapping
``weblog-2026q1.yaml``. Most visitors follow the map as far as they get; some skip the
trial lesson, some log in to the app before they have signed up, some reset their
password between logging in and their first class (an event the map does not know),
and a few rows are doubled or have a broken timestamp, as real exports do.

Then it imports the log into ``examples/sportschool.yaml`` as source ``weblog-2026q1``
(persona student, scenario huidig, a fixed import date): running the script twice
leaves every byte as it was.

    python scripts/make_weblog.py [--no-import]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "paths"
SEED = 25
VISITORS = 240

MAPPING = """\
# Gebeurtenissen van website en app -> touchpoints van de reis van de student.
kind: events
columns: {case: bezoeker, time: tijdstip, event: gebeurtenis, page: pagina}
events:
  "page_view:/": website-bezoek
  "page_view:/abonnementen*": website-bezoek
  proefles_geboekt: proefles
  inschrijving_getekend: inschrijven-balie
  welkomstmail_geopend: welkomstmail
  app_login: app-inloggen
  les_ingecheckt: groepsles
  vriendenpas_gebruikt: vriendin-meenemen
  pauze_aangevraagd: abonnement-pauzeren
"""


def visitor(rnd: random.Random, number: int) -> list[tuple[str, str, str, str]]:
    """The events of one visitor, in time order."""
    t = dt.datetime(2026, 1, 2, 8) + dt.timedelta(minutes=rnd.randrange(0, 60 * 24 * 60))
    rows: list[tuple[str, str, str, str]] = []

    def event(name: str, page: str = "", hours: float = 0.0) -> None:
        nonlocal t
        t += dt.timedelta(minutes=int(hours * 60) + rnd.randrange(1, 30))
        rows.append((f"b{number:04d}", t.strftime("%Y-%m-%dT%H:%M:%S"), name, page))

    event("page_view", "/")
    if rnd.random() < 0.5:
        event("page_view", rnd.choice(["/abonnementen", "/abonnementen/student"]))
    if rnd.random() < 0.2:
        event("page_view", "/vacatures")
    if rnd.random() < 0.25:
        return rows  # only looked
    early_app = rnd.random() < 0.08
    if early_app:
        event("app_login", hours=2)
    if rnd.random() < 0.7:
        event("proefles_geboekt", "/proefles-aanvragen", hours=rnd.choice([1, 24, 72]))
    if rnd.random() < 0.15:
        return rows  # dropped out after the trial
    event("inschrijving_getekend", hours=rnd.choice([24, 48, 120]))
    if rnd.random() < 0.4:
        event("welkomstmail_geopend", hours=rnd.choice([1, 5, 20]))
    if not early_app:
        event("app_login", hours=rnd.choice([2, 24]))
    if rnd.random() < 0.2:
        event("wachtwoord_vergeten", hours=0.2)
        event("app_login", hours=0.1)
    for _ in range(rnd.randrange(0, 4)):
        event("les_ingecheckt", hours=rnd.choice([24, 48, 72]))
    if rnd.random() < 0.15:
        event("vriendenpas_gebruikt", hours=rnd.choice([72, 160]))
    if rnd.random() < 0.1:
        event("pauze_aangevraagd", hours=rnd.choice([200, 400]))
    return rows


def write(out: Path = OUT) -> list[Path]:
    """Write the log and its mapping into ``out``; returns their paths."""
    rnd = random.Random(SEED)
    rows = [row for number in range(1, VISITORS + 1) for row in visitor(rnd, number)]
    for i in rnd.sample(range(len(rows)), 6):
        rows.append(rows[i])  # doubled rows, as exports have them
    rows.sort(key=lambda r: r[1])
    for i in rnd.sample(range(len(rows)), 3):
        rows[i] = (rows[i][0], "00-00-0000 00:00", rows[i][2], rows[i][3])
    lines = ["bezoeker;tijdstip;gebeurtenis;pagina", *(";".join(r) for r in rows)]
    out.mkdir(parents=True, exist_ok=True)
    log = out / "weblog-2026q1.csv"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = out / "weblog-2026q1.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return [log, mapping]


def import_log(project: Path, log: Path, mapping: Path) -> str:
    """Import the log into the project (replacing an earlier import) and save it."""
    import klantreis
    from klantreis.evidence import store_import
    from klantreis.paths import read_events

    journey = klantreis.load(project)
    result = read_events(journey, log, mapping, "weblog-2026q1", "student", "huidig", imported="2026-05-04")
    summary = store_import(journey, result)
    klantreis.save(journey, project)
    return summary.report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args()
    log, mapping = write()
    if not args.no_import:
        print(import_log(ROOT / "examples" / "sportschool.yaml", log, mapping))


if __name__ == "__main__":
    main()
