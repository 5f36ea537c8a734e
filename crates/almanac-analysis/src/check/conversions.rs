//! [`conversions`]: inline currency equivalents against the official rate of the figure's
//! period, or of its document's month.

use super::*;

/// Inline equivalents that disagree with the official rate by more than
/// [`CONVERSION_TOLERANCE`].
pub fn conversions(facts: &[LedgerFact], rates: &dyn Rates) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for f in facts.iter().filter(|f| f.is_money() && f.fact.value > 0.0) {
        let unit = f.unit();
        for eq in &f.fact.equivalents {
            if !crate::ledger::is_currency(&eq.unit) || eq.unit == unit || eq.value <= 0.0 {
                continue;
            }
            // Judged at the official rate of the figure's period; a writer who converted
            // at the rate of the day of writing is not wrong either, so an equivalent
            // close to that rate passes too.
            let judge = |p: Period| -> Option<(Period, f64, f64)> {
                let expected =
                    f.fact.value * kzt_rate(rates, unit, p)? / kzt_rate(rates, &eq.unit, p)?;
                Some((p, expected, eq.value / expected - 1.0))
            };
            let of_period = f.fact.period.and_then(judge);
            let of_writing = f
                .doc_date
                .and_then(|d| judge(Period::Month(d.year(), d.month() as u8)));
            let Some((period, expected, off)) = of_period.or(of_writing) else {
                continue;
            };
            let passes = |j: Option<(Period, f64, f64)>| {
                j.is_some_and(|(_, _, off)| off.abs() <= CONVERSION_TOLERANCE)
            };
            if passes(of_period) || passes(of_writing) {
                continue;
            }
            let ratio = eq.value / expected;
            let severity = if !(0.5..=2.0).contains(&ratio) {
                Severity::Error
            } else {
                Severity::Warning
            };
            let rate_note = match (unit, eq.unit.as_str()) {
                ("KZT", foreign) => format!(
                    "; it implies {:.2} KZT/{foreign} against the official {:.2}",
                    f.fact.value / eq.value,
                    kzt_rate(rates, foreign, period).unwrap_or(f64::NAN)
                ),
                (foreign, "KZT") => format!(
                    "; it implies {:.2} KZT/{foreign} against the official {:.2}",
                    eq.value / f.fact.value,
                    kzt_rate(rates, foreign, period).unwrap_or(f64::NAN)
                ),
                _ => String::new(),
            };
            let explanation = format!(
                "{} is given as {}, but at the official rate of {period} it is {}: the equivalent is {} too {}{rate_note}",
                amount(f.fact.value, unit),
                amount(eq.value, &eq.unit),
                amount(expected, &eq.unit),
                percent(off.abs()),
                if off > 0.0 { "high" } else { "low" },
            );
            let mut a = alert(AlertKind::Conversion, severity, explanation, &[f]);
            a.period = Some(period);
            alerts.push(a);
        }
    }
    alerts
}
