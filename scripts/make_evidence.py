"""Generate the raw evidence files of examples/sportschool.yaml, deterministically.

Writes into examples/evidence/:

- ``enquete-2026-voorjaar.csv``: a survey wave as a Dutch Excel export (cp1252, ``;``),
  wide, with answer labels "Zeer ontevreden" … "Zeer tevreden", "Weet niet", "N.v.t.",
  a segment question and an NPS column the mapping leaves out;
- ``klantcontact-2026q1.csv``: a contact-centre log (UTF-8 with BOM, ``,``), one row
  per contact with date, subscription type and call reason;
- ``webstatistiek-2026q1.csv``: weekly page views per audience (``;``, Dutch thousands);
- ``interviews-2026.csv``: quotes from 18 interviews, coded with persona and touchpoint
  ids and an emotion (a number or a smiley);
- a mapping file (``.yaml``) for the first three; the interviews need none.

The same seed gives the same bytes, so the files' sha256 stay put in the project file.
Then it imports the four files into ``examples/sportschool.yaml`` (with a fixed import
date), so the example's evidence can be made again from the raw files: running the
script twice leaves every byte as it was.

    python scripts/make_evidence.py [--out examples/evidence] [--project examples/sportschool.yaml]
    python scripts/make_evidence.py --no-import     # only the raw files
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 2026

SEGMENTS = {  # answer to the segment question -> persona id (None: no persona)
    "Ik studeer": "student",
    "Ik ben met pensioen": "senior",
    "Ik werk en heb kinderen thuis": "ouder",
    "Anders": None,
}
SEGMENT_SHARE = (0.40, 0.25, 0.30, 0.05)
LABELS = ("Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden")
QUESTIONS = {  # question column -> touchpoint id
    "Hoe tevreden bent u over de website?": "website-bezoek",
    "Hoe tevreden bent u over de proefles?": "proefles",
    "Hoe tevreden bent u over de inschrijving aan de balie?": "inschrijven-balie",
    "Hoe tevreden bent u over de app (inloggen, reserveren)?": "app-inloggen",
    "Hoe tevreden bent u over de groepslessen?": "groepsles",
    "Hoe tevreden bent u over vrij trainen in de fitnesszaal?": "vrije-training",
    "Hoe tevreden bent u over de kleedkamers?": "kleedkamer",
    "Hoe tevreden bent u over het pauzeren van uw abonnement?": "abonnement-pauzeren",
}
# What members really feel (mean on 1-5); some differ from the team's assumption on
# purpose, so the assumed-vs-measured curve has something to show.
MEASURED = {
    "student": {
        "website-bezoek": 2.3,
        "proefles": 4.2,
        "inschrijven-balie": 3.4,
        "app-inloggen": 2.1,
        "groepsles": 3.9,
        "vrije-training": 2.6,
        "kleedkamer": 1.7,
        "abonnement-pauzeren": 1.6,
    },
    "senior": {
        "website-bezoek": 2.2,
        "proefles": 3.0,
        "inschrijven-balie": 3.9,
        "app-inloggen": 1.5,
        "groepsles": 4.3,
        "vrije-training": 3.1,
        "kleedkamer": 3.2,
        "abonnement-pauzeren": 2.8,
    },
    "ouder": {
        "website-bezoek": 2.6,
        "proefles": 3.8,
        "inschrijven-balie": 2.4,
        "app-inloggen": 2.2,
        "groepsles": 4.6,
        "vrije-training": 3.0,
        "kleedkamer": 3.0,
        "abonnement-pauzeren": 1.8,
    },
}
NOT_EXPERIENCED = {"senior": {"proefles", "kleedkamer"}, "ouder": {"kleedkamer"}}

SUBSCRIPTIONS = {"Student Flex": "student", "65+ Fit": "senior", "Gezin": "ouder", "Standaard": None}
CALL_REASONS = {  # reason -> weight per persona (student, senior, ouder, other)
    "Opzeggen abonnement": (6, 3, 7, 5),
    "Abonnement pauzeren": (9, 4, 8, 3),
    "Vraag over factuur": (3, 9, 4, 4),
    "Inloggen app lukt niet": (5, 12, 4, 3),
    "Les reserveren": (4, 6, 5, 3),
    "Roosterwijziging": (1, 1, 9, 2),
    "Inschrijving / lid worden": (3, 5, 3, 3),
    "Klacht kleedkamer": (4, 1, 1, 2),
    "Adreswijziging": (2, 2, 2, 2),
    "Openingstijden": (1, 3, 2, 2),
    "Gevonden voorwerpen": (2, 1, 2, 1),
}
CHANNELS = ("Telefoon", "E-mail", "Balie", "Chat")

AUDIENCES = {"Studenten": "student", "65-plussers": "senior", "Ouders met kinderen": "ouder"}
PAGES = {  # page path -> weekly views per audience (student, senior, ouder)
    "/": (1400, 300, 900),
    "/abonnementen": (950, 180, 620),
    "/abonnementen/student": (640, 5, 20),
    "/lesrooster.pdf": (520, 90, 480),
    "/proefles-aanvragen": (210, 15, 160),
    "/lid-worden": (180, 40, 120),
    "/blog/vijf-tips-om-vol-te-houden": (60, 25, 45),
}

# Interview quotes per persona and touchpoint: (quote, emotion as score or smiley).
QUOTES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "student": {
        "instagram-vriendin": [
            ("Lotte postte elke week iets van de spinningles, toen dacht ik: dat wil ik ook.", "4"),
            ("Ik zag het bij een huisgenoot, dat vertrouw ik meer dan een reclame.", "🙂"),
        ],
        "website-bezoek": [
            ("Ik zat in de trein en kon nergens vinden wat het nou kost.", "2"),
            ("Het rooster is een pdf, op mijn telefoon moet ik de hele tijd inzoomen.", "😞"),
            ("Pas na drie keer klikken zag ik de prijs, en dan nog zonder studentenkorting.", "2"),
        ],
        "proefles": [
            ("De instructeur wist meteen mijn naam, dat voelde welkom.", "5"),
            ("Leuke les, maar ik stond achteraan en zag eigenlijk niks.", "3"),
            ("Na de proefles wilde ik eigenlijk direct lid worden.", "4"),
        ],
        "inschrijven-balie": [
            ("Ik moest een formulier op papier invullen, in 2026.", "2"),
            ("Het inschrijfgeld werd pas aan de balie genoemd, daar baalde ik van.", "😠"),
            ("De jongen aan de balie legde het contract rustig uit, dat viel mee.", "4"),
        ],
        "app-inloggen": [
            ("Mijn wachtwoord werkte niet en de reset-mail kwam pas de volgende dag.", "1"),
            ("Als het eenmaal werkt is reserveren in de app wel handig.", "3"),
            ("Om acht uur 's avonds is de les al vol voordat ik kan inloggen.", "2"),
        ],
        "groepsles": [
            ("De groepslessen zijn echt de reden dat ik blijf gaan.", "😄"),
            ("Goede muziek, goede instructeur, maar het is wel heel vol.", "4"),
            ("Als de les vol is fiets ik voor niks heen en weer.", "2"),
        ],
        "kleedkamer": [
            ("De douches zijn 's avonds steeds koud, dan ga ik maar thuis douchen.", "1"),
            ("Er zijn te weinig kluisjes, ik leg mijn tas op de grond.", "2"),
        ],
        "abonnement-pauzeren": [
            ("Tijdens mijn stage wilde ik pauzeren, dat kon alleen met een doktersbriefje.", "😠"),
            ("Ik heb drie mails gestuurd voor ik antwoord kreeg.", "1"),
        ],
    },
    "senior": {
        "advies-fysio": [
            ("Mijn fysio zei: ga onder begeleiding trainen, anders gaat die knie weer mis.", "3"),
            ("Ik vertrouw mijn fysiotherapeut, dus als die het zegt doe ik het.", "4"),
        ],
        "telefoon-balie": [
            ("Ik heb vier keer gebeld, niemand nam op.", "1"),
            ("Je krijgt een bandje dat je naar de website moet gaan.", "😠"),
            ("Toen ik eindelijk iemand had, was ze heel vriendelijk.", "3"),
        ],
        "rondleiding": [
            ("De trainer nam echt de tijd om alles te laten zien.", "5"),
            ("Rustig in de ochtend, dat beviel me meteen.", "🙂"),
        ],
        "intake-trainer": [
            ("Hij vroeg naar mijn knie en paste het schema daarop aan.", "5"),
            ("Eindelijk iemand die uitlegt waarom je een oefening doet.", "4"),
        ],
        "app-inloggen": [
            ("Die app, daar begin ik niet aan. Mijn kleindochter heeft het ingesteld.", "1"),
            ("Ik kan niet meer bellen om een les te reserveren, alleen via de app.", "😠"),
            ("Met een beetje hulp aan de balie lukt het nu wel.", "3"),
        ],
        "groepsles": [
            ("De 65-plus les op dinsdag is gezellig, we drinken na afloop koffie.", "4"),
            ("De muziek staat bij sommige lessen veel te hard.", "2"),
        ],
        "koffiehoek": [
            ("Na het sporten even koffie met de mannen, daar kom ik ook voor.", "😄"),
            ("De koffiehoek is het sociale hart van de zaak.", "4"),
        ],
        "factuur-vraag": [
            ("Er stond een bedrag op de factuur dat ik niet snapte en niemand kon het uitleggen.", "2"),
            ("Ik wil gewoon een papieren factuur, dat is toch niet te veel gevraagd.", "2"),
        ],
    },
    "ouder": {
        "schoolplein": [
            ("Een andere moeder vertelde over de bootcamp in het park.", "4"),
            ("Op het schoolplein hoor je wie ergens tevreden over is.", "🙂"),
        ],
        "website-bezoek": [
            ("Ik wilde weten of er iets voor de kinderen is, dat stond nergens.", "2"),
            ("De tijden van de ochtendlessen waren op de site anders dan in het echt.", "😞"),
        ],
        "proefles": [
            ("De bootcamp om kwart over zes was precies wat ik zocht.", "4"),
            ("Lekker buiten, maar het regende en er was geen alternatief.", "3"),
        ],
        "inschrijven-balie": [
            ("Ik moest ervoor langskomen tijdens kantooruren, dat is voor mij onmogelijk.", "1"),
            ("Het duurde een half uur, met twee kinderen naast me.", "2"),
        ],
        "groepsles": [
            ("Dat uurtje om zes uur is van mij alleen, heerlijk.", "😄"),
            ("De trainer houdt rekening met wie moe is, dat waardeer ik.", "5"),
            ("Goede les, ik kom er echt fitter van terug.", "4"),
        ],
        "roosterwijziging": [
            ("Om half zes kreeg ik een mail dat de les niet doorging.", "1"),
            ("Ik had oppas geregeld en toen werd de les verplaatst.", "😠"),
        ],
        "kinderopvang": [
            ("Mijn zoontje mag niet eens vijf minuten bij de balie wachten.", "1"),
            ("Als er een hoekje voor kinderen was, kwam ik twee keer vaker.", "2"),
        ],
        "abonnement-pauzeren": [
            ("In de zomervakantie betaal ik gewoon door terwijl ik niet kan.", "2"),
            ("Pauzeren kan alleen aan de balie, dus heb ik het maar gelaten.", "😞"),
        ],
    },
}


def survey(rnd: random.Random) -> str:
    """A wide survey wave, 120 respondents, as Excel writes it on a Dutch Windows."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "Respondent ID",
            "Ingevuld op",
            "Welke situatie past het best bij u?",
            *QUESTIONS,
            "Hoe waarschijnlijk is het dat u ons aanbeveelt? (0-10)",
        ]
    )
    start = dt.date(2026, 4, 1)
    for number in range(1, 121):
        segment = rnd.choices(list(SEGMENTS), SEGMENT_SHARE)[0]
        persona = SEGMENTS[segment] or rnd.choice(list(MEASURED))
        answers = []
        for touchpoint in QUESTIONS.values():
            if touchpoint in NOT_EXPERIENCED.get(persona, ()) and rnd.random() < 0.8:
                answers.append("N.v.t.")
            elif rnd.random() < 0.04:
                answers.append("")
            elif rnd.random() < 0.05:
                answers.append("Weet niet")
            else:
                score = round(rnd.gauss(MEASURED[persona][touchpoint], 0.85))
                answers.append(LABELS[min(5, max(1, score)) - 1])
        filled = start + dt.timedelta(days=rnd.randrange(21))
        nps = min(10, max(0, round(rnd.gauss(6.5, 2))))
        writer.writerow([f"R{number:04d}", filled.strftime("%d-%m-%Y"), segment, *answers, nps])
    return out.getvalue()


def calls(rnd: random.Random) -> str:
    """A contact-centre log for the first quarter: 240 contacts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Datum", "Tijd", "Kanaal", "Abonnement", "Contactreden", "Afgehandeld"])
    subscriptions = list(SUBSCRIPTIONS)
    rows = []
    for _ in range(240):
        kind = rnd.choices(range(4), (35, 25, 30, 10))[0]
        reason = rnd.choices(list(CALL_REASONS), [w[kind] for w in CALL_REASONS.values()])[0]
        day = dt.date(2026, 1, 2) + dt.timedelta(days=rnd.randrange(89))
        moment = dt.time(rnd.randrange(8, 21), rnd.randrange(60))
        rows.append(
            (
                day,
                moment,
                rnd.choice(CHANNELS),
                subscriptions[kind],
                reason,
                "Ja" if rnd.random() < 0.82 else "Nee",
            )
        )
    for day, moment, *rest in sorted(rows):
        writer.writerow([day.strftime("%d-%m-%Y"), moment.strftime("%H:%M"), *rest])
    return "\ufeff" + out.getvalue()


def web(rnd: random.Random) -> str:
    """Weekly page views per audience for 13 weeks, Dutch number format."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["Week", "Doelgroep", "Paginapad", "Weergaven"])
    for week in range(13):
        monday = dt.date(2026, 1, 5) + dt.timedelta(weeks=week)
        for audience, index in zip(AUDIENCES, range(3), strict=True):
            for page, views in PAGES.items():
                count = max(0, round(views[index] * rnd.uniform(0.8, 1.2)))
                writer.writerow([monday.isoformat(), audience, page, f"{count:,}".replace(",", ".")])
    return out.getvalue()


def interviews(rnd: random.Random) -> str:
    """Quotes from 18 interviews (6 per persona), each at four or five touchpoints."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Interview", "Datum", "Persona", "Touchpoint", "Citaat", "Emotie"])
    number = 0
    for persona, touchpoints in QUOTES.items():
        left = {tp: list(quotes) for tp, quotes in touchpoints.items()}
        for _ in range(6):
            number += 1
            day = dt.date(2026, 2, 2) + dt.timedelta(days=rnd.randrange(26))
            open_touchpoints = [tp for tp, q in left.items() if q]
            chosen = rnd.sample(open_touchpoints, k=min(5, len(open_touchpoints)))
            for touchpoint in sorted(chosen, key=list(touchpoints).index)[: rnd.choice((4, 5))]:
                text, emotion = left[touchpoint].pop(0)
                writer.writerow([f"INT-{number:02d}", day.isoformat(), persona, touchpoint, text, emotion])
    return out.getvalue()


MAPPINGS = {
    "enquete-2026-voorjaar.yaml": """\
# Enquête voorjaar 2026 (wide): kolommen -> touchpoints, antwoorden -> scores.
kind: survey
format: wide
columns:
  persona: Welke situatie past het best bij u?
  date: Ingevuld op
questions:
{questions}
answers:
  Zeer ontevreden: 1
  Ontevreden: 2
  Neutraal: 3
  Tevreden: 4
  Zeer tevreden: 5
personas:
  Ik studeer: student
  Ik ben met pensioen: senior
  Ik werk en heb kinderen thuis: ouder
""",
    "klantcontact-2026q1.yaml": """\
# Klantcontact Q1 2026: contactredenen -> touchpoints of fasen; abonnement -> persona.
kind: calls
columns:
  persona: Abonnement
reasons:
  Opzeggen abonnement: {phase: aftersales}
  Abonnement pauzeren: abonnement-pauzeren
  Vraag over factuur: {phase: aftersales}
  Inloggen app lukt niet: app-inloggen
  Les reserveren: groepsles
  Roosterwijziging: roosterwijziging
  Inschrijving / lid worden: inschrijven-balie
  Klacht kleedkamer: kleedkamer
personas:
  Student Flex: student
  65+ Fit: senior
  Gezin: ouder
""",
    "webstatistiek-2026q1.yaml": """\
# Webstatistiek Q1 2026: paginapaden (exact of met *) -> touchpoints of fasen.
kind: web
columns:
  date: Week
pages:
  /: website-bezoek
  /abonnementen*: website-bezoek
  /lesrooster*: groepsles
  /proefles-aanvragen: proefles
  /lid-worden*: {phase: aanschaf}
personas:
  Studenten: student
  65-plussers: senior
  Ouders met kinderen: ouder
""",
}


def write(out: Path) -> list[Path]:
    """Write every raw file and mapping into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(SEED)
    files = {
        "enquete-2026-voorjaar.csv": survey(rnd).encode("cp1252"),
        "klantcontact-2026q1.csv": calls(rnd).encode("utf-8"),
        "webstatistiek-2026q1.csv": web(rnd).encode("utf-8"),
        "interviews-2026.csv": interviews(rnd).encode("utf-8"),
    }
    questions = "\n".join(f'  "{q}": {tp}' for q, tp in QUESTIONS.items())
    for name, text in MAPPINGS.items():
        files[name] = text.replace("{questions}", questions).encode("utf-8")
    written = []
    for name, data in files.items():
        path = out / name
        path.write_bytes(data)
        written.append(path)
    return written


#: What the example project imports: (kind, raw file, mapping file or None), in order.
IMPORTS = (
    ("survey", "enquete-2026-voorjaar.csv", "enquete-2026-voorjaar.yaml"),
    ("calls", "klantcontact-2026q1.csv", "klantcontact-2026q1.yaml"),
    ("web", "webstatistiek-2026q1.csv", "webstatistiek-2026q1.yaml"),
    ("interviews", "interviews-2026.csv", None),
)
#: The import date written into the example, so the project file does not change by day.
IMPORTED = "2026-05-04"


def import_all(project: Path, folder: Path) -> list[str]:
    """Import the raw files in ``folder`` into ``project`` (replacing the figures of
    earlier runs) and save it; returns the import summaries."""
    import klantreis
    from klantreis.evidence import import_file

    journey = klantreis.load(project)
    reports = []
    for kind, raw, mapping in IMPORTS:
        summary = import_file(
            journey, kind, folder / raw, folder / mapping if mapping else None, imported=IMPORTED
        )
        reports.append(summary.report(journey.language))
    klantreis.save(journey, project)
    return reports


def main() -> None:
    """Command line: write the files, list them with their sizes, import them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "evidence")
    parser.add_argument("--project", type=Path, default=ROOT / "examples" / "sportschool.yaml")
    parser.add_argument("--no-import", action="store_true", help="only write the raw files")
    args = parser.parse_args()
    for path in write(args.out):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}  {path.stat().st_size:>6} bytes")
    if not args.no_import:
        for report in import_all(args.project, args.out):
            print(report)


if __name__ == "__main__":
    main()
