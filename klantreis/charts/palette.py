"""Every colour the charts draw with, in one place (WCAG 2.1: a graphical mark needs
3:1 against the white chart background, text 4.5:1; tests/test_contrast.py walks the
specs and checks each colour they use).

The series colours keep Okabe-Ito's idea (hues that stay apart for colour-blind
readers) but are dark enough for 3:1 on white: Okabe-Ito's orange, sky blue and yellow
are 2.3, 2.3 and 1.3:1. Simulated for protanopia, deuteranopia and tritanopia
(Machado et al. 2009), any two series colours stay at least 21 CIELAB units apart
(Okabe-Ito's own seven: 16). Vermillion (``PAIN``) is kept out of the series: it marks
pain points, always as a ring or with a label, never as a line colour of its own."""

from __future__ import annotations

#: Series (persona x scenario lines, phases in the opportunity matrix): blue, raspberry,
#: dark orange, violet, brown, wine, black (contrast on white 5.2, 5.0, 3.9, 5.6, 8.0,
#: 8.3, 21:1).
SERIES = ["#0072B2", "#D81B60", "#C26A00", "#8E3BD9", "#774400", "#990066", "#000000"]
#: Pain points, measured dissatisfaction, steps off the map (3.9:1).
PAIN = "#D55E00"
#: Better and worse in the scenario delta chart: blue and raspberry.
BETTER, WORSE = SERIES[0], SERIES[1]
#: Assumed (not measured) bars beside measured ones (3.4:1).
ASSUMED = "#8C8C8C"
#: Thin guides and marks that are not a series: rules, open points (3.5:1 and more).
GUIDE = "#888888"
#: Text inside a plot: plain and muted (12.6 and 7.0:1).
TEXT = "#333333"
MUTED_TEXT = "#595959"
#: A warning in an axis label (an empty phase, a low-value channel; 5.5:1).
WARNING_TEXT = "#B34700"
