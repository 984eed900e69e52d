//! The CSV tables a run writes: one row per day and one per customer. Each row is a struct whose
//! field names are the column names (one list, not a list of names beside a list of values), with
//! fixed decimal places so the same run gives the same bytes. Every write error is returned.

use serde::{Serialize, Serializer};

use crate::sim::metrics::DayRow;

use super::results::CustomerRecord;

/// A number written with `D` decimal places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed<const D: usize>(pub f64);

impl<const D: usize> Serialize for Fixed<D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:.*}", D, self.0))
    }
}

/// Cents written as a decimal amount ("-12.05").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money(pub i64);

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&plain_money(self.0))
    }
}

/// One line of the per-day CSV. `None` is an empty cell (no visits that day, say).
#[derive(Debug, Clone, Serialize)]
pub struct DayLine {
    day: u32,
    active_customers: u32,
    new_paid: u32,
    new_referred: u32,
    new_walk_in: u32,
    churned: u32,
    retention_90d: Fixed<4>,
    nps: Fixed<2>,
    promoters: Fixed<4>,
    detractors: Fixed<4>,
    customer_mood: Option<Fixed<3>>,
    mean_mood: Option<Fixed<3>>,
    share_mood_9plus: Option<Fixed<4>>,
    mean_wait_min: Option<Fixed<3>>,
    served: u32,
    balked: u32,
    reneged: u32,
    complaints: u32,
    red_health: u32,
    outreach: u32,
    won_back: u32,
    reputation: Fixed<3>,
    revenue: Money,
    costs: Money,
    profit: Money,
    cash: Money,
    dividends: Money,
    ndr: Option<Fixed<4>>,
    cac: Option<Money>,
    marketing: Money,
    employees: u32,
    morale: Fixed<4>,
    fatigue: Fixed<4>,
    skill: Fixed<4>,
    quits: u32,
    hires: u32,
    board_confidence: Fixed<4>,
    revenue_retained: Money,
    revenue_rampup: Money,
    revenue_referred: Money,
}

impl From<&DayRow> for DayLine {
    fn from(r: &DayRow) -> Self {
        DayLine {
            day: r.day,
            active_customers: r.active_customers,
            new_paid: r.new_paid,
            new_referred: r.new_referred,
            new_walk_in: r.new_walk_in,
            churned: r.churned,
            retention_90d: Fixed(r.retention_90d),
            nps: Fixed(r.nps),
            promoters: Fixed(r.promoters),
            detractors: Fixed(r.detractors),
            customer_mood: r.customer_mood.map(Fixed),
            mean_mood: r.mean_mood.map(Fixed),
            share_mood_9plus: r.share_mood_9plus.map(Fixed),
            mean_wait_min: r.mean_wait_min.map(Fixed),
            served: r.served,
            balked: r.balked,
            reneged: r.reneged,
            complaints: r.complaints,
            red_health: r.red_health,
            outreach: r.outreach,
            won_back: r.won_back,
            reputation: Fixed(r.reputation),
            revenue: Money(r.revenue),
            costs: Money(r.costs),
            profit: Money(r.profit),
            cash: Money(r.cash),
            dividends: Money(r.dividends),
            ndr: r.ndr.map(Fixed),
            cac: r.cac.map(Money),
            marketing: Money(r.marketing),
            employees: r.employees,
            morale: Fixed(r.morale),
            fatigue: Fixed(r.fatigue),
            skill: Fixed(r.skill),
            quits: r.quits,
            hires: r.hires,
            board_confidence: Fixed(r.board_confidence),
            revenue_retained: Money(r.revenue_retained),
            revenue_rampup: Money(r.revenue_rampup),
            revenue_referred: Money(r.revenue_referred),
        }
    }
}

/// One line of the customers CSV.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerLine<'a> {
    id: u32,
    segment: &'a str,
    source: &'a str,
    acquired_day: i32,
    churned_day: Option<u32>,
    visits: u32,
    total_spend: Money,
    last_mood: Fixed<2>,
    complaints: u16,
    problems: u16,
    churn_cause: Option<&'a str>,
}

impl<'a> From<&'a CustomerRecord> for CustomerLine<'a> {
    fn from(r: &'a CustomerRecord) -> Self {
        CustomerLine {
            id: r.id,
            segment: &r.segment,
            source: r.source,
            acquired_day: r.acquired_day,
            churned_day: r.churned_day,
            visits: r.visits,
            total_spend: Money(r.total_spend_cents),
            last_mood: Fixed(f64::from(r.last_mood)),
            complaints: r.complaints,
            problems: r.problems,
            churn_cause: r.churn_cause,
        }
    }
}

/// Writes `lines` as CSV with a header named after the fields; `empty` gives the header when
/// there is no line (a run of no days still gets its header).
fn table<T: Serialize>(
    lines: impl IntoIterator<Item = T>,
    empty: impl FnOnce() -> T,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut any = false;
    for line in lines {
        w.serialize(line)?;
        any = true;
    }
    if !any {
        // The header alone: serialise a blank line into a scratch writer and keep its first line.
        let mut scratch = csv::Writer::from_writer(Vec::new());
        scratch.serialize(empty())?;
        let bytes = scratch.into_inner().map_err(|e| e.into_error())?;
        let header = bytes.split_inclusive(|&b| b == b'\n').next().unwrap_or(&[]);
        return Ok(header.to_vec());
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The per-day CSV, as bytes.
pub fn days_csv(rows: &[DayRow]) -> Result<Vec<u8>, csv::Error> {
    table(rows.iter().map(DayLine::from), || {
        DayLine::from(&DayRow::default())
    })
}

/// The customers CSV, as bytes.
pub fn customers_csv(records: &[CustomerRecord]) -> Result<Vec<u8>, csv::Error> {
    let blank = CustomerRecord {
        id: 0,
        segment: String::new(),
        source: "",
        acquired_day: 0,
        churned_day: None,
        visits: 0,
        total_spend_cents: 0,
        last_mood: 0.0,
        complaints: 0,
        problems: 0,
        churn_cause: None,
    };
    table(records.iter().map(CustomerLine::from), || {
        CustomerLine::from(&blank)
    })
}

/// Cents as a plain decimal amount for a CSV ("-12.05"): no currency, no grouping.
pub fn plain_money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let a = cents.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}
