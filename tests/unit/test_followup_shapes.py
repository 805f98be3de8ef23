"""Follow-up shapes from real municipalities' reports: the verdict and the line a coordinator publishes.

Each row is one shape a real follow-up takes (a figure for a window, tertial figures, a bound, a
stated verdict, an interim count...), with the verdict and the status summary in Swedish and
English. The summary is what `trygghet status` prints and what the yearly report shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest

from tests.unit.status_helpers import REF, outcome, target
from trygghet_cli.model import (
    NOT_GIVEN,
    OPEN_END,
    Bound,
    Outcome,
    PartialDate,
    Period,
    Stated,
    StatedVerdict,
    Target,
)
from trygghet_cli.situation import Indicator, IndicatorValue
from trygghet_cli.situation.targets import outcomes as indicator_outcomes
from trygghet_cli.status import Verdict, attainment
from trygghet_cli.status.stated_words import stated_text, stated_verdict
from trygghet_cli.status.verdict_words import attainment_text

YEAR_2018 = Period(date(2018, 1, 1), date(2018, 12, 31))
YEAR_2019 = Period(date(2019, 1, 1), date(2019, 12, 31))
YEAR_2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
TWO_YEARS = Period(date(2024, 1, 1), date(2025, 12, 31))
NO_PERIOD = NOT_GIVEN  # a pledge set whose source gives no period
OPEN_2024 = Period(date(2024, 1, 1), OPEN_END, until="open")  # från 2024, tills vidare
NEXT_2024 = Period(date(2024, 1, 1), date(2024, 12, 31), until="next")  # the next set began 2025
DISTRICTS = (("oxhagen", "Oxhagen"), ("berga", "Berga/Funkabo"), ("norrliden", "Norrliden"))
# The sources the shapes cite, by id, as a data root defines them: the words use the titles.
SOURCES = {"s-upf2019": "Uppföljning av medborgarlöftet 2019",
           "s-res2021": "Sammanfattning av medborgarlöftet för 2021",
           "s-tv2019": "Fem trygghetsvandringar i kommunen under 2019"}


@dataclass(frozen=True)
class Shape:
    name: str
    target: Target
    period: Period
    as_of: str
    verdict: Verdict
    sv: str
    en: str
    activity: Period | None = None  # the activity's own start and due, when it has them
    today: str | None = None
    districts: tuple[tuple[str, str], ...] = ()  # the activity's districts (id, name)


def _tertial(value: int, start: str, end: str, kind: str = "interim") -> Outcome:
    return outcome(value, end, kind, window=(start, end))


def _indicator_target(kind: str, value: float | None, measured: float, bound: str,
                      occasion: str | None, **extra: object) -> Target:
    """A target judged on a lägesbild indicator whose one value for 2024 gives only a limit."""
    indicator = Indicator("ind", "Andel", "%", None, None, None,
                          [IndicatorValue(PartialDate("2024"), None, measured, False, None, None, REF,
                                          Bound(bound), occasion)], REF)
    made = target(kind, value, **extra)
    made.outcomes = indicator_outcomes(made, indicator, YEAR_2024)
    return made

# Interim figures of 31 May 2024 for the three districts: 1, 2 and 3
_IN_EACH_DISTRICT = [outcome(n, "2024-05-31", None, district=d)
                     for n, d in ((1, "oxhagen"), (2, "berga"), (3, "norrliden"))]


SHAPES = [
    Shape("rate measured over eight months (maj–december)",
          target("rate", 1, [outcome(301, "2018-12-31", window=("2018-05-01", "2018-12-31"))], per="day"),
          YEAR_2018, "2018-12-31", Verdict.MET,
          "301 på 245 dagar (1 maj–31 dec 2018) = 1,23 per dag, mål minst 1 per dag: uppnått",
          "301 in 245 days (1 May–31 Dec 2018) = 1.23 per day, target at least 1 per day: met"),
    Shape("rate without a window counts from the activity's own start",
          target("rate", 1, [outcome(301, "2018-12-31")], per="day"), YEAR_2018, "2018-12-31",
          Verdict.MET,
          "301 på 245 dagar (1 maj–31 dec 2018) = 1,23 per dag, mål minst 1 per dag: uppnått",
          "301 in 245 days (1 May–31 Dec 2018) = 1.23 per day, target at least 1 per day: met",
          activity=Period(date(2018, 5, 1), date(2018, 12, 31))),
    Shape("rate without a window or a start counts from the period start",
          target("rate", 1, [outcome(301, "2018-12-31")], per="day"), YEAR_2018, "2018-12-31",
          Verdict.NOT_MET,
          "301 på 365 dagar (1 jan–31 dec 2018) = 0,82 per dag, mål minst 1 per dag: ej uppnått",
          "301 in 365 days (1 Jan–31 Dec 2018) = 0.82 per day, target at least 1 per day: not met"),
    Shape("count target met by tertial sums",
          target("at_least", 300, [_tertial(110, "2019-01-01", "2019-04-30"),
                                   _tertial(120, "2019-05-01", "2019-08-31"),
                                   _tertial(105, "2019-09-01", "2019-12-31", "final")]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "335 (110 + 120 + 105, tertial 1–3 2019) av minst 300: uppnått",
          "335 (110 + 120 + 105, tertials 1–3 of 2019) of at least 300: met"),
    Shape("quarter figures so far against the pace of the year",
          target("at_least", 100, [_tertial(30, "2024-01-01", "2024-03-31"),
                                   _tertial(25, "2024-04-01", "2024-06-30")]),
          YEAR_2024, "2024-06-30", Verdict.ON_TRACK,
          "55 (30 + 25, kvartal 1–2 2024) av minst 100: i fas [delrapport 30 jun 2024] "
          "[väntat hittills 49,7]",
          "55 (30 + 25, quarters 1–2 of 2024) of at least 100: on track [interim, 30 Jun 2024] "
          "[due so far 49.7]"),
    Shape("running total: the year's figure replaces the one to 31 August",
          target("at_least", 200, [outcome(213, "2019-08-31", "interim", window=("2019-01-01", "2019-08-31")),
                                   outcome(303, "2019-12-31", window=("2019-01-01", "2019-12-31"))]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "303 av minst 200: uppnått", "303 of at least 200: met"),
    Shape("'över 300' against at least 300",
          target("at_least", 300, [outcome(300, "2019-12-31", bound="at_least")]), YEAR_2019,
          "2019-12-31", Verdict.MET,
          "minst 300 av minst 300: uppnått", "at least 300 of at least 300: met"),
    Shape("a lower bound below the target cannot be judged, not met nor failed",
          target("at_least", 8, [outcome(5, "2019-12-31", bound="at_least")]), YEAR_2019,
          "2019-12-31", Verdict.NOT_JUDGED,
          "minst 5 av minst 8: kan inte bedömas", "at least 5 of at least 8: cannot be judged"),
    Shape("'högst 5' against at least 8 is not met",
          target("at_least", 8, [outcome(5, "2019-12-31", bound="at_most")]), YEAR_2019,
          "2019-12-31", Verdict.NOT_MET,
          "högst 5 av minst 8: ej uppnått", "at most 5 of at least 8: not met"),
    Shape("'ca 20' against at least 20 is met, and marked approximate",
          target("at_least", 20, [outcome(20, "2019-12-31", approximate=True)]), YEAR_2019,
          "2019-12-31", Verdict.MET,
          "ca 20 av minst 20: uppnått (ungefärligt utfall)",
          "about 20 of at least 20: met (approximate outcome)"),
    Shape("'ca 19' against at least 20 is not met",
          target("at_least", 20, [outcome(19, "2019-12-31", approximate=True)]), YEAR_2019,
          "2019-12-31", Verdict.NOT_MET,
          "ca 19 av minst 20: ej uppnått", "about 19 of at least 20: not met"),
    Shape("a stated verdict with no figure",
          target("at_least", 2, [outcome(None, "2019-12-31", source="s-upf2019", verdict="met")]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "minst 2: uppnått enligt källan Uppföljning av medborgarlöftet 2019",
          "at least 2: met according to Uppföljning av medborgarlöftet 2019"),
    Shape("a source that says the target was partly met",
          target("at_least", 4, [outcome(None, "2021-12-31", source="s-res2021", verdict="partly_met")]),
          Period(date(2021, 1, 1), date(2021, 12, 31)), "2021-12-31", Verdict.PARTLY_MET,
          "minst 4: delvis uppnått enligt källan Sammanfattning av medborgarlöftet för 2021",
          "at least 4: partly met according to Sammanfattning av medborgarlöftet för 2021"),
    Shape("6 of at least 8 with 13 months left is on track, not behind",
          target("at_least", 8, [outcome(6, "2024-11-30", "interim")]), TWO_YEARS, "2024-11-30",
          Verdict.ON_TRACK,
          "6 av minst 8: i fas [delrapport 30 nov 2024] [väntat hittills 3,7]",
          "6 of at least 8: on track [interim, 30 Nov 2024] [due so far 3.7]"),
    Shape("an interim count before the activity has started has no pace: in progress",
          target("at_least", 8, [outcome(0, "2024-08-31", "interim")]), TWO_YEARS, "2024-08-31",
          Verdict.IN_PROGRESS,
          "0 av minst 8: pågår [delrapport 31 aug 2024]",
          "0 of at least 8: in progress [interim, 31 Aug 2024]",
          activity=Period(date(2024, 9, 1), date(2025, 12, 31))),
    Shape("a change target without a size, in the data's own precision",
          target("change", None, [outcome(1.38, "2024-12-31")], baseline={"year": 2019, "value": 1.40},
                 direction="decrease"),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "1,38 mot 1,40 år 2019 (−0,02); mål att minska: uppnått",
          "1.38 vs 1.40 in 2019 (−0.02); target to decrease: met"),
    Shape("an exact target overshot",
          target("exactly", 2, [outcome(3, "2019-12-31")]), YEAR_2019, "2019-12-31",
          Verdict.EXCEEDED, "3 av exakt 2: överskridet", "3 of exactly 2: exceeded"),
    Shape("a year-end outcome in words after an interim figure",
          target("at_least", 2, [outcome(1, "2019-08-31", "interim"),
                                 outcome("genomförd (antal ej angivet)", "2019-12-31")]),
          YEAR_2019, "2019-12-31", Verdict.NOT_JUDGED,
          "genomförd (antal ej angivet) av minst 2: kan inte bedömas",
          "genomförd (antal ej angivet) of at least 2: cannot be judged"),
    Shape("an outcome dated in the future is reported, not silently ignored",
          target("at_least", 8, [outcome(16, "2019-08-31", "interim"), outcome(20, "2027-12-31")]),
          YEAR_2019, "2026-11-30", Verdict.MET,
          "16 av minst 8: uppnått [delrapport 31 aug 2019] [1 utfall daterat efter i dag räknas inte]",
          "16 of at least 8: met [interim, 31 Aug 2019] [1 outcome dated after today not counted]",
          today="2026-11-30"),
    Shape("a figure for part of the period says which part",
          target("at_least", 8, [outcome(20, "2019-12-31", window=("2019-05-01", "2019-12-31"))]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "20 av minst 8: uppnått [avser 1 maj–31 dec 2019]",
          "20 of at least 8: met [covers 1 May–31 Dec 2019]"),
    Shape("a walk in every district, one district missing",
          target("at_least", 1, [outcome(1, "2024-12-31", district="oxhagen"),
                                 outcome(2, "2024-12-31", district="berga")], per_district=True),
          YEAR_2024, "2024-12-31", Verdict.NOT_MET,
          "2 av 3 områden (Oxhagen 1, Berga/Funkabo 2; Norrliden saknas), minst 1 i varje: ej uppnått",
          "2 of 3 districts (Oxhagen 1, Berga/Funkabo 2; Norrliden missing), at least 1 in each: not met",
          districts=DISTRICTS),
    Shape("a walk in every district, all there",
          target("at_least", 1, [outcome(1, "2024-12-31", district="oxhagen"),
                                 outcome(2, "2024-12-31", district="berga"),
                                 outcome(1, "2024-12-31", district="norrliden")], per_district=True),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "3 av 3 områden (Oxhagen 1, Berga/Funkabo 2, Norrliden 1), minst 1 i varje: uppnått",
          "3 of 3 districts (Oxhagen 1, Berga/Funkabo 2, Norrliden 1), at least 1 in each: met",
          districts=DISTRICTS),
    Shape("figures split by place add up and keep their parts",
          target("at_least", 5, [outcome(3, "2019-12-31", place="kring Andra Långgatan"),
                                 outcome(2, "2019-12-31", place="i Slottsskogen")]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "5 (3 kring Andra Långgatan + 2 i Slottsskogen, 1 jan–31 dec 2019) av minst 5: uppnått",
          "5 (3 kring Andra Långgatan + 2 i Slottsskogen, 1 Jan–31 Dec 2019) of at least 5: met"),
    Shape("an interim figure the source dates only by month",
          target("at_least", 8, [replace(outcome(16, "2019-05-31", "interim"), date_text="2019-05")]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "16 av minst 8: uppnått [delrapport maj 2019]", "16 of at least 8: met [interim, May 2019]"),
    Shape("two sources that disagree",
          target("at_least", 4, [outcome(5, "2019-12-17", source="s-tv2019"),
                                 outcome(4, "2019-12-31", source="s-upf2019")]),
          YEAR_2019, "2019-12-31", Verdict.MET,
          "4 av minst 4: uppnått [källorna går isär: 5 (Fem trygghetsvandringar i kommunen under "
          "2019, 17 dec 2019)]",
          "4 of at least 4: met [sources disagree: 5 (Fem trygghetsvandringar i kommunen under "
          "2019, 17 Dec 2019)]"),
    Shape("an undated figure cannot give a rate: the time it covers is unknown",
          target("rate", 1, [outcome(62, None, None)], per="week"), YEAR_2019, "2019-12-31",
          Verdict.NOT_JUDGED,
          "62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster",
          "62, at least 1 per week: cannot be judged: unknown time window"),
    Shape("an undated figure that reaches a count target is met without a date",
          target("at_least", 50, [outcome(62, None, None)]), YEAR_2019, "2019-12-31", Verdict.MET,
          "62 av minst 50: uppnått [utan datum]", "62 of at least 50: met [undated]"),
    Shape("an undated figure short of a count target has no pace to be judged by",
          target("at_least", 100, [outcome(62, None, None)]), YEAR_2019, "2019-12-31",
          Verdict.NOT_JUDGED,
          "62 av minst 100: kan inte bedömas: okänt tidsfönster",
          "62 of at least 100: cannot be judged: unknown time window"),
    Shape("a range 'tre till fyra gånger per år' reached",
          target("range", 3, [outcome(3, "2019-12-31")], max=4, unit="gånger"), YEAR_2019, "2019-12-31",
          Verdict.MET, "3 av 3–4 gånger: uppnått", "3 of 3–4 gånger: met"),
    Shape("a range overshot",
          target("range", 3, [outcome(5, "2019-12-31")], max=4), YEAR_2019, "2019-12-31",
          Verdict.EXCEEDED, "5 av 3–4: överskridet", "5 of 3–4: exceeded"),
    Shape("'varannat år' over a two-year period",
          target("rate", 1, [outcome(1, "2025-12-31")], per="year", every=2), TWO_YEARS, "2025-12-31",
          Verdict.MET,
          "1 på 731 dagar (1 jan 2024–31 dec 2025) = 1,00 vartannat år, mål minst 1 vartannat år: "
          "uppnått",
          "1 in 731 days (1 Jan 2024–31 Dec 2025) = 1.00 every other year, target at least 1 every "
          "other year: met"),
    Shape("'vår och höst', autumn missing at year end",
          target("at_least", 1, [outcome(1, "2019-05-15", season="spring")], seasons=("spring", "autumn")),
          YEAR_2019, "2019-12-31", Verdict.NOT_MET,
          "1 av 2 (vår 1; höst saknas), minst 1 varje vår och höst: ej uppnått",
          "1 of 2 (spring 1; autumn missing), at least 1 every spring and autumn: not met"),
    Shape("'vår och höst' each year of a two-year period",
          target("at_least", 1, [outcome(1, f"{y}-{m}-15", season=s) for y in (2024, 2025)
                                 for m, s in (("05", "spring"), ("10", "autumn"))],
                 seasons=("spring", "autumn")),
          TWO_YEARS, "2025-12-31", Verdict.MET,
          "4 av 4 (vår 2024 1, höst 2024 1, vår 2025 1, höst 2025 1), minst 1 varje vår och höst: uppnått",
          "4 of 4 (spring 2024 1, autumn 2024 1, spring 2025 1, autumn 2025 1), at least 1 every "
          "spring and autumn: met"),
    Shape("a part: '70 kontroller, varav 20 på landsbygden'",
          target("at_least", 20, [outcome(23, "2019-12-31")], part_of="t0"), YEAR_2019, "2019-12-31",
          Verdict.MET, "varav 23 av minst 20: uppnått", "of which 23 of at least 20: met"),
    Shape("a condition 'om underrättelseläget medger' leaves a shortfall unjudged",
          target("at_least", 4, [outcome(2, "2019-12-31")], condition="om underrättelseläget medger"),
          YEAR_2019, "2019-12-31", Verdict.NOT_JUDGED,
          "2 av minst 4: kan inte bedömas: villkorat mål (om underrättelseläget medger)",
          "2 of at least 4: cannot be judged: conditional target (om underrättelseläget medger)"),
    Shape("a condition does not hide a target that was met",
          target("at_least", 4, [outcome(4, "2019-12-31")], condition="om underrättelseläget medger"),
          YEAR_2019, "2019-12-31", Verdict.MET, "4 av minst 4: uppnått", "4 of at least 4: met"),
    Shape("a level held: 'minst två områdespoliser'",
          target("level", 2, [outcome(2, "2024-03-31", "interim"), outcome(2, "2024-11-30", "interim")],
                 unit="områdespoliser"),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "nivån hålls: 2 av minst 2 områdespoliser [per 30 nov 2024]",
          "the level is held: 2 of at least 2 områdespoliser [as of 30 Nov 2024]"),
    Shape("a level not held: the latest figure counts, figures are not added",
          target("level", 2, [outcome(2, "2024-03-31"), outcome(1, "2024-11-30")], unit="områdespoliser"),
          YEAR_2024, "2024-12-31", Verdict.NOT_MET,
          "nivån hålls inte: 1 av minst 2 områdespoliser [per 30 nov 2024]",
          "the level is not held: 1 of at least 2 områdespoliser [as of 30 Nov 2024]"),
    Shape("a change against a baseline: 'en ökning med 10 procent'",
          target("change", 10, [outcome(55, "2024-12-31")], baseline={"year": 2023, "value": 50},
                 direction="increase", change_unit="percent"),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "55 mot 50 år 2023 (+10 %); mål: öka med 10 %: uppnått",
          "55 vs 50 in 2023 (+10%); target: increase by 10%: met"),
    Shape("an undated figure the source calls final is judged on the number",
          target("exactly", 4, [outcome(3, None, "final")]), YEAR_2019, "2019-12-31",
          Verdict.NOT_MET, "3 av exakt 4: ej uppnått [utan datum]", "3 of exactly 4: not met [undated]"),
    Shape("an indicator value 'mer än hälften', measured at 'årets medborgardialog'",
          _indicator_target("at_least", 50, 50, "at_least", "årets medborgardialog", unit="%"),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "minst 50 av minst 50: uppnått [mätt vid årets medborgardialog]",
          "at least 50 of at least 50: met [measured at årets medborgardialog]"),
    Shape("pledges given without a period: a count that reaches its target is met",
          target("at_least", 10, [outcome(12, "2024-05-31")]), NO_PERIOD, "2024-06-30", Verdict.MET,
          "12 av minst 10: uppnått", "12 of at least 10: met"),
    Shape("pledges given without a period: a count short of its target has no time to be paced over",
          target("at_least", 4, [outcome(2, "2024-05-31", None)]), NO_PERIOD, "2024-06-30",
          Verdict.NOT_JUDGED,
          "2 av minst 4: kan inte bedömas: okänt tidsfönster [delrapport 31 maj 2024]",
          "2 of at least 4: cannot be judged: unknown time window [interim, 31 May 2024]"),
    Shape("pledges given without a period: a final count short of an exact target is not met",
          target("exactly", 4, [outcome(3, "2024-05-31", "final")]), NO_PERIOD, "2024-06-30",
          Verdict.NOT_MET, "3 av exakt 4: ej uppnått", "3 of exactly 4: not met"),
    Shape("pledges given without a period: a rate needs a window",
          target("rate", 1, [outcome(12, "2024-05-31", None)], per="week"), NO_PERIOD, "2024-06-30",
          Verdict.NOT_JUDGED,
          "12, minst 1 per vecka: kan inte bedömas: okänt tidsfönster [delrapport 31 maj 2024]",
          "12, at least 1 per week: cannot be judged: unknown time window [interim, 31 May 2024]"),
    Shape("pledges given without a period: a rate whose outcome gives its window is judged",
          target("rate", 1, [outcome(14, "2024-05-31", window=("2024-03-01", "2024-05-31"))], per="week"),
          NO_PERIOD, "2024-06-30", Verdict.MET,
          "14 på 92 dagar (1 mar–31 maj 2024) = 1,07 per vecka, mål minst 1 per vecka: uppnått",
          "14 in 92 days (1 Mar–31 May 2024) = 1.07 per week, target at least 1 per week: met"),
    Shape("pledges given without a period: a district short of its target has no time to be paced over",
          target("at_least", 2, _IN_EACH_DISTRICT, per_district=True),
          NO_PERIOD, "2024-12-31", Verdict.NOT_JUDGED,
          "2 av 3 områden (Oxhagen 1, Berga/Funkabo 2, Norrliden 3), minst 2 i varje: kan inte bedömas: "
          "okänt tidsfönster [delrapport 31 maj 2024]",
          "2 of 3 districts (Oxhagen 1, Berga/Funkabo 2, Norrliden 3), at least 2 in each: cannot be "
          "judged: unknown time window [interim, 31 May 2024]",
          districts=DISTRICTS),
    Shape("pledges given without a period: every district reaching its target is met",
          target("at_least", 1, _IN_EACH_DISTRICT, per_district=True),
          NO_PERIOD, "2024-12-31", Verdict.MET,
          "3 av 3 områden (Oxhagen 1, Berga/Funkabo 2, Norrliden 3), minst 1 i varje: uppnått "
          "[delrapport 31 maj 2024]",
          "3 of 3 districts (Oxhagen 1, Berga/Funkabo 2, Norrliden 3), at least 1 in each: met "
          "[interim, 31 May 2024]",
          districts=DISTRICTS),
    Shape("pledges given without a period: 'vår och höst' cannot know which seasons are still to come",
          target("at_least", 1, [outcome(1, "2024-05-15", None, season="spring")],
                 seasons=("spring", "autumn")),
          NO_PERIOD, "2024-12-31", Verdict.NOT_JUDGED,
          "1 av 2 (vår 1; höst saknas), minst 1 varje vår och höst: kan inte bedömas: okänt tidsfönster "
          "[delrapport 15 maj 2024]",
          "1 of 2 (spring 1; autumn missing), at least 1 every spring and autumn: cannot be judged: "
          "unknown time window [interim, 15 May 2024]"),
    Shape("'från 2024, tills vidare': a rate counts from the start to the figure's date",
          target("rate", 1, [outcome(60, "2024-12-31")], per="week"), OPEN_2024, "2025-03-31", Verdict.MET,
          "60 på 366 dagar (1 jan–31 dec 2024) = 1,15 per vecka, mål minst 1 per vecka: uppnått",
          "60 in 366 days (1 Jan–31 Dec 2024) = 1.15 per week, target at least 1 per week: met"),
    Shape("'från 2024, tills vidare': an interim count has no end to be paced against",
          target("at_least", 4, [outcome(1, "2024-06-30", "interim")]), OPEN_2024, "2024-06-30",
          Verdict.IN_PROGRESS, "1 av minst 4: pågår [delrapport 30 jun 2024]",
          "1 of at least 4: in progress [interim, 30 Jun 2024]"),
    Shape("'tills nya löften beslutas', ended by the next set: paced over the year it ran",
          target("at_least", 4, [outcome(1, "2024-06-30", "interim")]), NEXT_2024, "2024-06-30",
          Verdict.BEHIND, "1 av minst 4: efter plan [delrapport 30 jun 2024] [väntat hittills 2]",
          "1 of at least 4: behind [interim, 30 Jun 2024] [due so far 2]"),
    Shape("an undated figure whose source was published 12 March 2024 is placed by that date",
          target("at_least", 50, [replace(outcome(62, None, None), source_date="2024-03-12")]), YEAR_2024,
          "2024-06-30", Verdict.MET, "62 av minst 50: uppnått [enligt källan från 12 mars 2024]",
          "62 of at least 50: met [per the source of 12 March 2024]"),
    Shape("a figure dated only by its source is not known before the source was published",
          target("at_least", 50, [replace(outcome(62, None, None), source_date="2024-03-12")]), YEAR_2024,
          "2024-02-29", Verdict.NO_OUTCOME, "minst 50: inget utfall", "at least 50: no outcome"),
    Shape("a figure dated only by its source still has no window for a rate",
          target("rate", 1, [replace(outcome(62, None, None), source_date="2024-03")], per="week"),
          YEAR_2024, "2024-06-30", Verdict.NOT_JUDGED,
          "62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster [enligt källan från mars 2024]",
          "62, at least 1 per week: cannot be judged: unknown time window [per the source of March 2024]"),
    Shape("an indicator value 'under 5 %' against a decrease from 8",
          _indicator_target("change", None, 5, "at_most", None, baseline={"year": 2023, "value": 8},
                            direction="decrease"),
          YEAR_2024, "2024-12-31", Verdict.MET,
          "högst 5 mot 8 år 2023 (−3); mål att minska: uppnått",
          "at most 5 vs 8 in 2023 (−3); target to decrease: met"),
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_follow_up_shape_gets_the_verdict_and_line_a_coordinator_would_publish(shape: Shape) -> None:
    today = date.fromisoformat(shape.today) if shape.today else None
    result = attainment(shape.target, shape.period, date.fromisoformat(shape.as_of), shape.activity,
                        today, shape.districts, SOURCES)
    assert result.verdict is shape.verdict
    assert attainment_text(result, "sv") == shape.sv
    assert attainment_text(result, "en") == shape.en


def test_the_table_holds_at_least_fifteen_shapes() -> None:
    assert len({s.name for s in SHAPES}) >= 15


@dataclass(frozen=True)
class WholeShape:
    """What a source says about a whole pledge or pledge set, not about a target."""

    name: str
    stated: Stated
    whole: str  # "pledge" or "set"
    verdict: Verdict | None
    sv: str
    en: str


def _stated(verdict: str | None, statuses: tuple[str, ...] = (), text: str | None = None,
            day: str | None = None) -> Stated:
    return Stated(StatedVerdict(verdict) if verdict else None, statuses, text, day, "s-upf2019", REF)


WHOLE_SHAPES = [
    WholeShape("a pledge the source lists under 'Löften som vi har hållit'",
               _stated("met", text="Löften som vi har hållit"), "pledge", Verdict.MET,
               "Löftet enligt källan Uppföljning av medborgarlöftet 2019: hållet "
               "(”Löften som vi har hållit”)",
               "The pledge according to Uppföljning av medborgarlöftet 2019: kept "
               "(“Löften som vi har hållit”)"),
    WholeShape("a whole set whose activities 'pågår eller är genomförda'",
               _stated(None, ("ongoing", "done"), day="2019-09"), "set", None,
               "Löftena som helhet enligt källan Uppföljning av medborgarlöftet 2019, september 2019: "
               "pågår eller genomförda",
               "The pledges as a whole according to Uppföljning av medborgarlöftet 2019, September "
               "2019: ongoing or done"),
    WholeShape("a set whose goals the source says are on track ('som de ligger i fas med')",
               _stated("on_track"), "set", Verdict.ON_TRACK,
               "Löftena som helhet enligt källan Uppföljning av medborgarlöftet 2019: i fas",
               "The pledges as a whole according to Uppföljning av medborgarlöftet 2019: on track"),
]


@pytest.mark.parametrize("shape", WHOLE_SHAPES, ids=lambda s: s.name)
def test_a_whole_pledge_or_set_gets_the_sources_word_not_a_judgement(shape: WholeShape) -> None:
    assert stated_verdict(shape.stated) is shape.verdict
    assert stated_text(shape.stated, shape.whole, "sv", SOURCES) == shape.sv
    assert stated_text(shape.stated, shape.whole, "en", SOURCES) == shape.en


@dataclass(frozen=True)
class PeriodShape:
    """How a pledge period a source gives is shown: status, reports, the site and diff use these."""

    name: str
    period: Period
    extends: str | None
    sv: str
    en: str


PERIOD_SHAPES = [
    PeriodShape("'från 2022', with no end", Period(date(2022, 1, 1), OPEN_END, until="open"), None,
                "från 1 januari 2022, tills vidare", "from 1 January 2022, until further notice"),
    PeriodShape("'tills nya löften beslutas', no next set yet",
                Period(date(2024, 1, 1), OPEN_END, until="next"), None,
                "från 1 januari 2024 tills nya löften beslutas",
                "from 1 January 2024 until the next pledges are decided"),
    PeriodShape("'tills nya löften beslutas', ended the day before the next set began",
                Period(date(2021, 1, 1), date(2021, 12, 31), until="next"), None,
                "1 januari 2021 – 31 december 2021 (tills nya löften beslutades)",
                "1 January 2021 – 31 December 2021 (until the next pledges were decided)"),
    PeriodShape("a set that extends the previous one", Period(date(2022, 1, 1), date(2022, 12, 31)),
                "Medborgarlöften 2021",
                "1 januari 2022 – 31 december 2022, förlänger Medborgarlöften 2021",
                "1 January 2022 – 31 December 2022, extends Medborgarlöften 2021"),
    PeriodShape("a pledge set known without a period", NOT_GIVEN, None,
                "period anges inte", "period not given"),
]


@pytest.mark.parametrize("shape", PERIOD_SHAPES, ids=lambda s: s.name)
def test_a_pledge_period_is_shown_as_the_source_gives_it(shape: PeriodShape) -> None:
    from trygghet_cli.i18n import format_period

    assert format_period(shape.period, "sv", shape.extends) == shape.sv
    assert format_period(shape.period, "en", shape.extends) == shape.en
