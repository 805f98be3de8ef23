"""Where the pledges stand: derived activity state, target attainment, rollups. Pure functions.

Everything here takes the model and an explicit `as_of` date and returns frozen values;
nothing prints and nothing reads a clock. Views (status/as_*.py, render/) turn a
StatusReport into text.

    report = build_report(model, period=None, as_of=date(2025, 6, 30),
                          filters=Filters(overdue=True), by=Rollup.AREA)

- select_period(model, period, as_of) -> SelectedPeriod (pledge_set, how: PeriodChoice)
- activity_state(activity, period, as_of) -> ActivityState (effective status, due, days past due,
  targets)
- attainment(target, period, as_of) -> Attainment (verdict, latest outcome, ratio, approximate,
  disagreeing sources)
- build_report(model, period, as_of, filters, by) -> StatusReport
"""

from trygghet_cli.status.attainment import Attainment, Verdict, attainment, latest_outcome, number
from trygghet_cli.status.build import build_report, resolve_filters, rollup
from trygghet_cli.status.period import PeriodChoice, SelectedPeriod, period_names, select_period
from trygghet_cli.status.report import (
    Filters,
    Gap,
    Group,
    PledgeProgress,
    Rollup,
    StatusReport,
    Summary,
)
from trygghet_cli.status.state import (
    STATUS_ORDER,
    ActivityState,
    Effective,
    activity_state,
    count_statuses,
    done_share,
)

__all__ = [
    "STATUS_ORDER", "ActivityState", "Attainment", "Effective", "Filters", "Gap", "Group",
    "PeriodChoice", "PledgeProgress", "Rollup", "SelectedPeriod", "StatusReport", "Summary",
    "Verdict", "activity_state", "attainment", "build_report", "count_statuses", "done_share",
    "latest_outcome", "number", "period_names", "resolve_filters", "rollup", "select_period",
]
