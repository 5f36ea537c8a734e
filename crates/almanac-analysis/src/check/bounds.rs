//! [`bounds`]: values beyond what their metric and unit allow: shares and rates above
//! 100%, ranks that are no place, more jobs than Kazakhstan has people, more money than an
//! economy.

use super::*;

/// Kazakhstan's GDP never reached $300 billion a year (about $262 billion in 2023): no
/// amount about a place in it can be larger for one year.
const MAX_USD_PER_YEAR_KAZAKHSTAN: f64 = 300e9;
/// The year of the GDP figure above.
const LAST_KNOWN_GDP_YEAR: i32 = 2023;
/// How much an economy may grow in a year, in dollars, at most (Kazakhstan's best years
/// were near 10% in real terms).
const MAX_GDP_GROWTH: f64 = 1.12;
/// The world economy is about $100 trillion a year.
const MAX_USD_PER_YEAR_ANYWHERE: f64 = 120e12;
/// Kazakhstan has about 20 million people.
const MAX_PEOPLE_KAZAKHSTAN: f64 = 21e6;

/// Values beyond what their metric and unit allow. Money is judged as written, at the
/// official rate: an inline equivalent that is itself wrong is a conversion alert, not a
/// reason to call the figure implausible.
pub fn bounds(facts: &[LedgerFact], rates: &dyn Rates, places: &dyn Places) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for f in facts {
        let fact = &f.fact;
        let v = fact.value;
        let unit = f.unit();
        let measure = fact.measure.unwrap_or(Measure::Level);
        let in_kazakhstan = fact
            .subject
            .as_deref()
            .is_none_or(|s| is_within(places, s, "Kazakhstan"));
        let mut found = |kind, severity, explanation: String| {
            alerts.push(alert(kind, severity, explanation, &[f]));
        };
        if unit == "%" {
            match measure {
                Measure::Share if v > 100.0 + half_step(&fact.text, v) => found(
                    AlertKind::Arithmetic,
                    Severity::Error,
                    format!("{}: a share of {} is more than the whole", what(f), amount(v, "%")),
                ),
                Measure::Share | Measure::Level if v < 0.0 => found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a negative share or rate ({})", what(f), amount(v, "%")),
                ),
                Measure::Level
                    if v > 100.0 + half_step(&fact.text, v)
                        && matches!(
                            fact.metric.map(|m| m.as_str()),
                            Some("unemployment" | "employment")
                        ) =>
                {
                    found(
                        AlertKind::Implausible,
                        Severity::Error,
                        format!("{}: a rate of {} is more than 100%", what(f), amount(v, "%")),
                    )
                }
                Measure::Change if v < -100.0 => found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a fall of {} is more than everything there was", what(f), amount(-v, "%")),
                ),
                Measure::Change if v > 1000.0 => found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!("{}: growth of {} is more than elevenfold; check the base", what(f), amount(v, "%")),
                ),
                Measure::Index if !(20.0..=500.0).contains(&v) => found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!(
                        "{}: an index of {} means the value was multiplied by {}; an index is usually near 100%",
                        what(f),
                        amount(v, "%"),
                        human(v / 100.0)
                    ),
                ),
                _ => {}
            }
        } else if unit == "rank" {
            if v < 1.0 || v.fract() != 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: {} is not a place in a ranking", what(f), human(v)),
                );
            }
        } else if f.is_money() && measure == Measure::Level {
            if v < 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Warning,
                    format!("{}: a negative amount ({})", what(f), amount(v, unit)),
                );
            }
            let years = fact.period.map_or(1.0, |p| {
                let (a, b) = p.bounds();
                ((b - a).num_days() as f64 / 365.25).max(1.0)
            });
            // A figure of a year after the last GDP known here (a target for 2029) is
            // judged against an economy that may have grown by then.
            let growth = fact.period.map_or(1.0, |p| {
                let beyond = p.bounds().1.year() - LAST_KNOWN_GDP_YEAR;
                MAX_GDP_GROWTH.powi(beyond.max(0))
            });
            let (max, whole) = if in_kazakhstan {
                (
                    MAX_USD_PER_YEAR_KAZAKHSTAN,
                    "Kazakhstan's whole economy (GDP about $262 billion in 2023)",
                )
            } else {
                (MAX_USD_PER_YEAR_ANYWHERE, "the world economy")
            };
            let at_official_rate = f
                .when()
                .and_then(|p| Some(v * kzt_rate(rates, unit, p)? / kzt_rate(rates, "USD", p)?));
            if let Some(usd) = at_official_rate
                .or(f.value_usd)
                .filter(|usd| *usd > max * years * growth)
            {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!(
                        "{}: {} (about {}) is more than {whole} over the period",
                        what(f),
                        amount(v, unit),
                        amount(usd, "USD")
                    ),
                );
            }
        } else if matches!(unit, "job" | "person" | "vacancy") && measure == Measure::Level {
            if in_kazakhstan && v > MAX_PEOPLE_KAZAKHSTAN {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!(
                        "{}: {} is more than Kazakhstan's whole population (about 20 million)",
                        what(f),
                        amount(v, unit)
                    ),
                );
            } else if v < 0.0 {
                found(
                    AlertKind::Implausible,
                    Severity::Error,
                    format!("{}: a negative count ({})", what(f), amount(v, unit)),
                );
            }
        }
    }
    alerts
}
