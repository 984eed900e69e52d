//! The charts of a run, as one list both the HTML debrief and the game's chart panel draw: each
//! chart's title and series (name and how to read it off the day rows), and one palette.

use crate::sim::metrics::DayRow;

/// One line on a chart.
pub struct Series {
    /// The catalogue key of its name ([`crate::i18n`]).
    pub name: &'static str,
    /// The series' value on day `rows[i]` (the whole history is given, for rolling sums).
    pub value: fn(&[DayRow], usize) -> f64,
}

/// A chart: its title and its series, drawn in [`PALETTE`] order.
pub struct Chart {
    /// The catalogue key of its title ([`crate::i18n`]).
    pub title: &'static str,
    pub series: &'static [Series],
}

/// Okabe–Ito colours, distinguishable with common colour-vision deficiencies, as RGB; a run and
/// its what-if share a colour (the what-if dashed).
pub const PALETTE: [(u8, u8, u8); 4] =
    [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167)];

/// The colour of the game's marks on days a decision was taken (on its dark background; the
/// debrief, printed on white, marks them in grey).
pub const DECISION_MARK: (u8, u8, u8) = (240, 228, 66);

/// The colour of series `i` as `#rrggbb`.
pub fn hex(i: usize) -> String {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Profit over the 28 days up to day `i` (a day's profit alone is too noisy to read).
fn profit_28_days(rows: &[DayRow], i: usize) -> f64 {
    let from = i.saturating_sub(27);
    rows[from..=i].iter().map(|r| r.profit).sum::<i64>() as f64 / 100.0
}

pub const CHARTS: [Chart; 7] = [
    Chart {
        title: "chart-active-customers-and-churn",
        series: &[
            Series {
                name: "series-active-customers",
                value: |r, i| r[i].active_customers as f64,
            },
            Series {
                name: "series-churned-per-day",
                value: |r, i| r[i].churned as f64,
            },
        ],
    },
    Chart {
        title: "chart-retention-and-nps",
        series: &[
            Series {
                name: "series-retention-90-days",
                value: |r, i| r[i].retention_90d * 100.0,
            },
            Series {
                name: "series-nps",
                value: |r, i| r[i].nps,
            },
        ],
    },
    Chart {
        title: "chart-reputation-stars",
        series: &[Series {
            name: "series-reputation",
            value: |r, i| r[i].reputation,
        }],
    },
    Chart {
        title: "chart-cash-and-profit",
        series: &[
            Series {
                name: "series-cash",
                value: |r, i| r[i].cash as f64 / 100.0,
            },
            Series {
                name: "series-profit-28-day-sum",
                value: profit_28_days,
            },
        ],
    },
    Chart {
        title: "chart-revenue-and-costs-per-day",
        series: &[
            Series {
                name: "series-revenue",
                value: |r, i| r[i].revenue as f64 / 100.0,
            },
            Series {
                name: "series-costs",
                value: |r, i| r[i].costs as f64 / 100.0,
            },
        ],
    },
    Chart {
        title: "chart-morale-and-fatigue",
        series: &[
            Series {
                name: "series-morale",
                value: |r, i| r[i].morale * 100.0,
            },
            Series {
                name: "series-fatigue",
                value: |r, i| r[i].fatigue * 100.0,
            },
        ],
    },
    Chart {
        title: "chart-new-customers-per-day",
        series: &[
            Series {
                name: "series-paid",
                value: |r, i| r[i].new_paid as f64,
            },
            Series {
                name: "series-referred",
                value: |r, i| r[i].new_referred as f64,
            },
            Series {
                name: "series-walk-in",
                value: |r, i| r[i].new_walk_in as f64,
            },
        ],
    },
];

/// A series' points over a run: (day, value).
pub fn points(series: &Series, rows: &[DayRow]) -> Vec<(u32, f64)> {
    (0..rows.len())
        .map(|i| (rows[i].day, (series.value)(rows, i)))
        .collect()
}
