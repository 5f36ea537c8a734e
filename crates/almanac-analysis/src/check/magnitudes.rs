//! [`magnitudes`]: a level a thousand times off the same subject's figures of other
//! periods, a scale word slipped (billion written for trillion).

use super::*;

/// A level at least this many times off the others (and at most [`SLIP_MAX`]) reads as a
/// scale word slipped: thousand for million, billion for trillion.
const SLIP_MIN: f64 = 250.0;
const SLIP_MAX: f64 = 4000.0;
/// The subject's other figures must agree among themselves within this factor to judge by.
const SERIES_SPREAD: f64 = 20.0;

/// Levels a thousand times off the same subject's and metric's figures of other periods
/// (see the module docs). With one other figure only, the place's container decides which
/// of the two slipped: a part cannot be a thousand times its whole, and a whole a thousand
/// times its part is the other's slip.
pub fn magnitudes(facts: &[LedgerFact], places: &dyn Places) -> Vec<Alert> {
    type Key = (String, &'static str, &'static str, String, &'static str);
    let key = |f: &LedgerFact| -> Option<Key> {
        let fact = &f.fact;
        if fact.measure.unwrap_or(Measure::Level) != Measure::Level
            || f.unit() == "%"
            || f.unit() == "rank"
            || fact.period.is_none()
            || fact.qualifier == Some(Qualifier::LessThan)
        {
            return None;
        }
        let unit = if f.is_money() {
            "money".to_string()
        } else {
            f.unit().to_string()
        };
        Some((
            fact.subject.as_deref()?.to_lowercase(),
            fact.metric?.as_str(),
            fact.status.unwrap_or(Status::Actual).as_str(),
            format!("{unit}|{}", fact.per.as_deref().unwrap_or("")),
            "",
        ))
    };
    let mut series: BTreeMap<Key, Vec<&LedgerFact>> = BTreeMap::new();
    for f in facts {
        if let (Some(k), Some(v)) = (key(f), scale_value(f)) {
            if v > 0.0 {
                series.entry(k).or_default().push(f);
            }
        }
    }
    let value = |f: &LedgerFact| scale_value(f).unwrap_or(0.0);
    let mut alerts = Vec::new();
    let mut reported_pairs: BTreeSet<(i64, i64)> = BTreeSet::new();
    for members in series.values() {
        for f in members {
            let others: Vec<&LedgerFact> = members
                .iter()
                .filter(|o| {
                    o.fact.period != f.fact.period
                        && match (f.fact.object.as_deref(), o.fact.object.as_deref()) {
                            // A plant's figure is not a step in its city's series.
                            (None, None) => true,
                            (Some(a), Some(b)) => same_object(Some(a), Some(b)),
                            _ => false,
                        }
                })
                .copied()
                .collect();
            if others.is_empty() {
                continue;
            }
            let values: Vec<f64> = others.iter().map(|o| value(o)).collect();
            let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = values.iter().cloned().fold(0.0, f64::max);
            if hi / lo > SERIES_SPREAD {
                continue;
            }
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted[sorted.len() / 2];
            let ratio = value(f) / median;
            let factor = if ratio >= 1.0 { ratio } else { 1.0 / ratio };
            if !(SLIP_MIN..=SLIP_MAX).contains(&factor) {
                continue;
            }
            let mut whole = container_figure(f, facts, places);
            // With one other figure, which of the two slipped?
            if others.len() == 1 {
                let other = others[0];
                whole = whole.or_else(|| container_figure(other, facts, places));
                let slipped = match &whole {
                    Some((w, _)) if value(f) > *w * 2.0 => Some(true),
                    Some((w, _)) if value(other) > *w * 2.0 => Some(false),
                    Some((w, _)) if *w / value(f) > SLIP_MIN => Some(true),
                    Some((w, _)) if *w / value(other) > SLIP_MIN => Some(false),
                    _ => None,
                };
                match slipped {
                    Some(false) => continue,
                    Some(true) => {}
                    None => {
                        let pair = (f.id.min(other.id), f.id.max(other.id));
                        if !reported_pairs.insert(pair) {
                            continue;
                        }
                        alerts.push(alert(
                            AlertKind::Magnitude,
                            Severity::Warning,
                            format!(
                                "{} {} and {} {}: {} times apart, one of them probably written with the wrong scale word",
                                what(f),
                                cite(f),
                                what(other),
                                cite(other),
                                human(factor.round())
                            ),
                            &[f, other],
                        ));
                        continue;
                    }
                }
            }
            let unit = if f.is_money() { "KZT" } else { f.unit() };
            let expected = median;
            let slip = match (scale_word(value(f)), scale_word(expected)) {
                (Some(a), Some(b)) if a != b => format!(": {a} written for {b}?"),
                _ => String::new(),
            };
            let range = if lo == hi {
                amount(lo, unit)
            } else {
                format!("{} to {}", amount(lo, unit), amount(hi, unit))
            };
            let periods: Vec<String> = others
                .iter()
                .filter_map(|o| o.fact.period.map(|p| p.to_string()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let container = whole
                .as_ref()
                .map(|(w, g)| {
                    format!(
                        "; {}'s figure is {} {}",
                        g.fact.subject.as_deref().unwrap_or_default(),
                        amount(*w, unit),
                        cite(g)
                    )
                })
                .unwrap_or_default();
            let mut cited = vec![*f];
            cited.extend(others.iter().copied());
            if let Some((_, g)) = &whole {
                cited.push(g);
            }
            alerts.push(alert(
                AlertKind::Magnitude,
                Severity::Warning,
                format!(
                    "{} {} is {} times {} its other periods ({}: {range}){container}{slip}",
                    what(f),
                    cite(f),
                    human(factor.round()),
                    if ratio < 1.0 {
                        "smaller than"
                    } else {
                        "larger than"
                    },
                    periods.join(", ")
                ),
                &cited,
            ));
        }
    }
    alerts
}

/// The figure of the same metric reported for the nearest place `f` lies in, of the
/// same year, on the same scale; with the fact.
fn container_figure<'a>(
    f: &LedgerFact,
    facts: &'a [LedgerFact],
    places: &dyn Places,
) -> Option<(f64, &'a LedgerFact)> {
    let subject = f.fact.subject.as_deref()?;
    let year = f.fact.period?.end_year();
    for ancestor in places.ancestors(subject) {
        let found = facts
            .iter()
            .filter(|g| {
                g.fact.subject.as_deref() == Some(ancestor.as_str())
                    && g.fact.metric == f.fact.metric
                    && g.fact.measure.unwrap_or(Measure::Level) == Measure::Level
                    && g.fact.status == f.fact.status
                    && g.fact.period.is_some_and(|p| p.end_year() == year)
                    && (g.unit() == f.unit() || (g.is_money() && f.is_money()))
                    && g.fact.object.is_none()
            })
            .filter_map(|g| Some((scale_value(g)?, g)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The scale word a value is written with: `billion` for 1.5e9.
fn scale_word(v: f64) -> Option<&'static str> {
    [
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
        (1e3, "thousand"),
    ]
    .into_iter()
    .find(|(scale, _)| v >= *scale)
    .map(|(_, word)| word)
}
