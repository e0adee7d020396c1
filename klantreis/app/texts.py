"""The user-facing texts of app mode (start page, navigation, server messages)."""

from __future__ import annotations

from ..messages import Catalog

TEXTS = Catalog(
    "app",
    {
        # start page
        "intro": (
            "Kies een stap. Alles wat je invult wordt meteen opgeslagen in het projectbestand; "
            "iedereen werkt in een eigen tabblad aan hetzelfde project.",
            "Choose a step. Everything you fill in is saved to the project file at once; everyone "
            "works in their own browser tab on the same project.",
        ),
        "steps": ("Stappen", "Steps"),
        "start": ("Start", "Start"),
        "wall": ("Muurweergave", "Wall"),
        "wall_hint": (
            "de reis groot op het scherm of de beamer; ververst vanzelf",
            "the journey in big type for a screen or projector; refreshes by itself",
        ),
        "hint_doel": ("titel, doel en scenario's", "title, goal and scenarios"),
        "hint_persona": ("voor wie bekijken we de reis", "whose journey we look at"),
        "hint_scope": ("waar de reis begint en eindigt", "where the journey starts and ends"),
        "hint_fasen": (
            "de fasen van de reis en hun duur",
            "the phases of the journey and how long they take",
        ),
        "hint_touchpoints": ("elk contactmoment, per fase", "every point of contact, per phase"),
        "hint_emoties": (
            "hoe de persona zich voelt bij elk touchpoint",
            "how the persona feels at each touchpoint",
        ),
        "hint_review": ("pijnpunten, vragen en kansen", "pain points, questions and opportunities"),
        "hint_bewijs": (
            "enquêtes, contactredenen, webbezoek en interviews naast de aannames",
            "surveys, call reasons, web visits and interviews next to the assumptions",
        ),
        # create form
        "new_title": ("Nieuw klantreisproject", "New customer journey project"),
        "new_intro": (
            "Het project {path} bestaat nog niet. Kies een sjabloon: dat geeft de fasen, de "
            "emotieschaal, de reviewvragen en de uitleg bij elke stap.",
            "The project {path} does not exist yet. Choose a template: it provides the phases, the "
            "emotion scale, the review questions and the guidance for each step.",
        ),
        "template": ("Sjabloon", "Template"),
        "title": ("Titel", "Title"),
        "language": ("Taal", "Language"),
        "create": ("Project aanmaken", "Create project"),
        "not_created": ("Niet aangemaakt: {message}", "Not created: {message}"),
        "unknown_template": ("Kies een sjabloon uit de lijst.", "Choose a template from the list."),
        "unreadable": (
            "Het project kan niet gelezen worden: {message}",
            "The project cannot be read: {message}",
        ),
        # server messages (terminal)
        "open_at": (
            "klantreis {mode} draait. Open in de browser: {url}",
            "klantreis {mode} is running. Open in the browser: {url}",
        ),
        "network_at": (
            "Deelnemers in hetzelfde netwerk openen: {url}",
            "Participants on the same network open: {url}",
        ),
        "network_unknown": (
            "Het netwerkadres van deze computer is niet gevonden: zoek het op (bijvoorbeeld met "
            "`ip addr` of in de wifi-instellingen) en zet het in plaats van 127.0.0.1.",
            "This computer's network address was not found: look it up (e.g. with `ip addr` or "
            "in the wifi settings) and use it instead of 127.0.0.1.",
        ),
        "stop_hint": ("Stoppen: Ctrl-C.", "To stop: Ctrl-C."),
        "network_warning": (
            "Let op: klantreis luistert op {host}, dus iedereen in dit netwerk die het adres en de "
            "toegangscode kent, kan het project lezen en aanpassen. Gebruik dit alleen op een "
            "vertrouwd netwerk (de workshopruimte), niet op openbare wifi.",
            "Warning: klantreis listens on {host}, so anyone on this network who knows the address "
            "and the access code can read and change the project. Only do this on a trusted "
            "network (the workshop room), not on public wifi.",
        ),
        "token_generated": (
            "Toegangscode (gemaakt voor deze sessie): {token}",
            "Access code (made for this session): {token}",
        ),
        "password_prompt": ("Wachtwoord voor de deelnemers: ", "Password for the participants: "),
        "password_again": ("Nog een keer: ", "Once more: "),
        "password_mismatch": ("De twee wachtwoorden zijn niet gelijk.", "The two passwords differ."),
        "password_generated": (
            "Wachtwoord (gemaakt voor deze sessie): {password}",
            "Password (made for this session): {password}",
        ),
        "password_set": (
            "De deelnemers loggen in met het wachtwoord dat je net koos.",
            "Participants log in with the password you just chose.",
        ),
        "token_and_password": (
            "Kies --token of --password, niet allebei.",
            "Choose --token or --password, not both.",
        ),
        "bad_participants": (
            "--participants {n} kan niet: kies een aantal deelnemers van 1 tot {most}.",
            "--participants {n} is not possible: choose a number of participants from 1 to {most}.",
        ),
        "bad_port": (
            "Poort {port} kan niet: kies een getal van 1 tot 65535.",
            "Port {port} is not possible: choose a number from 1 to 65535.",
        ),
    },
)
