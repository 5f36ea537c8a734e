//! [`parts_and_wholes`]: a place's figure against the same figure of the place it lies in,
//! the parts of a total against the total, investment against its place's economy.

use super::*;

const TOTAL_CUES: [&str; 6] = [
    "in total",
    "a total of",
    "total",
    "overall",
    "altogether",
    "in all",
];
const PART_CUES: [&str; 7] = [
    "of them",
    "of which",
    "among them",
    "including",
    "of these",
    "in particular",
    "among these",
];

/// Metrics whose figure for a place is a total that the same figure of a place within
/// it cannot exceed: statistics of the whole place. Money for projects, allocations from
/// a budget, counts of schools are pieces, never a place's whole.
const AGGREGATES: [&str; 9] = [
    "investment",
    "jobs",
    "fdi",
    "output",
    "economy",
    "trade",
    "housing",
    "employment",
    "companies",
];

/// The figures that share their sentence with another figure of the same subject,
/// metric, period and object, and so are never taken as a place's whole: side by side,
/// such figures are most often pieces of a breakdown ("investors from China put in $2.3
/// billion and Russian companies 190 billion rubles"), and nothing in the figures tells a
/// total with its part ("1.3 trillion, of which 400 billion") from two pieces. A missed
/// alert costs less than a false one.
fn side_by_side(levels: &[&LedgerFact]) -> HashSet<i64> {
    type Key<'a> = (
        &'a str,
        &'a str,
        String,
        &'static str,
        Option<Period>,
        Option<&'a str>,
    );
    let mut by_sentence: HashMap<Key, Vec<i64>> = HashMap::new();
    for f in levels {
        if let (Some(subject), Some(metric)) = (f.fact.subject.as_deref(), f.fact.metric) {
            by_sentence
                .entry((
                    f.fact.doc.as_str(),
                    f.fact.sentence.as_str(),
                    subject.to_lowercase(),
                    metric.as_str(),
                    f.fact.period,
                    f.fact.object.as_deref(),
                ))
                .or_default()
                .push(f.id);
        }
    }
    by_sentence
        .into_values()
        .filter(|ids| ids.len() > 1)
        .flatten()
        .collect()
}

/// A part larger than its whole (see the module docs).
pub fn parts_and_wholes(facts: &[LedgerFact], places: &dyn Places) -> Vec<Alert> {
    let mut alerts = Vec::new();
    let levels: Vec<&LedgerFact> = facts
        .iter()
        .filter(|f| {
            f.fact.measure.unwrap_or(Measure::Level) == Measure::Level && f.fact.metric.is_some()
        })
        .collect();

    // A place's figure against the same figure of a place it lies in, same period. The
    // figures are indexed by metric, period and subject, so each part looks up the places
    // it lies in rather than scanning the ledger.
    let mut by_place: HashMap<(&str, Period, String), Vec<&LedgerFact>> = HashMap::new();
    for f in &levels {
        if let (Some(metric), Some(period), Some(subject)) = (
            f.fact.metric.map(|m| m.as_str()),
            f.fact.period,
            f.fact.subject.as_deref(),
        ) {
            by_place
                .entry((metric, period, subject.to_lowercase()))
                .or_default()
                .push(f);
        }
    }
    let pieces = side_by_side(&levels);
    for part in &levels {
        let (Some(part_subject), Some(metric), Some(period)) = (
            part.fact.subject.as_deref(),
            part.fact.metric.map(|m| m.as_str()),
            part.fact.period,
        ) else {
            continue;
        };
        if part.fact.qualifier == Some(Qualifier::LessThan) {
            continue;
        }
        if !AGGREGATES.contains(&metric) {
            continue;
        }
        let wholes = places.ancestors(part_subject).into_iter().flat_map(|a| {
            by_place
                .get(&(metric, period, a.to_lowercase()))
                .into_iter()
                .flatten()
        });
        // Only the largest figure reported for the container is its whole: "investors from
        // China put in $2.3 billion" is itself a part of the country's investment.
        let mut largest: Option<(&LedgerFact, f64, f64, f64)> = None;
        for whole in wholes {
            let Some(whole_subject) = whole.fact.subject.as_deref() else {
                continue;
            };
            if whole_subject.eq_ignore_ascii_case(part_subject)
                || pieces.contains(&whole.id)
                || whole.fact.qualifier == Some(Qualifier::MoreThan)
                || !same_figure_kind(part, whole)
                || part.fact.period != whole.fact.period
                || !comparable_objects(part, whole)
            {
                continue;
            }
            let (Some(p), Some(w)) = comparable(part, whole) else {
                continue;
            };
            let slack = if part.unit() == whole.unit() {
                half_step(&part.fact.text, part.fact.value)
                    + half_step(&whole.fact.text, whole.fact.value)
            } else {
                w * CROSS_CURRENCY_TOLERANCE
            };
            if largest.is_none_or(|(_, _, lw, _)| w > lw) {
                largest = Some((whole, p, w, slack));
            }
        }
        if let Some((whole, p, w, slack)) = largest {
            let whole_subject = whole.fact.subject.as_deref().unwrap_or_default();
            if p > w * (1.0 + CONFLICT_TOLERANCE) + slack {
                alerts.push(alert(
                    AlertKind::PartExceedsWhole,
                    Severity::Warning,
                    format!(
                        "{part_subject} lies in {whole_subject}, yet its {} {} is larger than {whole_subject}'s {}",
                        what_metric(part),
                        cite(part),
                        cite(whole)
                    ),
                    &[part, whole],
                ));
            }
        }
    }

    // The parts of a total in one text adding up to more than the total.
    let mut by_doc: BTreeMap<&str, Vec<&LedgerFact>> = BTreeMap::new();
    for f in &levels {
        by_doc.entry(f.fact.doc.as_str()).or_default().push(f);
    }
    for doc_facts in by_doc.values() {
        for total in doc_facts
            .iter()
            .filter(|f| has_cue(&f.fact.sentence, &TOTAL_CUES))
        {
            let parts: Vec<&LedgerFact> = doc_facts
                .iter()
                .filter(|p| {
                    p.id != total.id
                        && p.position() > total.position()
                        && p.fact.sentence != total.fact.sentence
                        && has_cue(&p.fact.sentence, &PART_CUES)
                        && same_figure_kind(p, total)
                        && p.fact.subject == total.fact.subject
                        && p.fact.period == total.fact.period
                })
                .copied()
                .collect();
            if parts.is_empty() || total.fact.qualifier == Some(Qualifier::MoreThan) {
                continue;
            }
            let sum: f64 = parts.iter().filter_map(|p| comparable(p, total).0).sum();
            let Some(whole) = comparable(total, total).0 else {
                continue;
            };
            let slack = parts
                .iter()
                .map(|p| half_step(&p.fact.text, p.fact.value))
                .sum::<f64>()
                + half_step(&total.fact.text, total.fact.value);
            if sum > whole * (1.0 + CONFLICT_TOLERANCE) + slack {
                let mut cited = vec![*total];
                cited.extend(parts.iter().copied());
                let listed: Vec<String> = parts
                    .iter()
                    .map(|p| format!("\"{}\"", p.fact.text))
                    .collect();
                alerts.push(alert(
                    AlertKind::PartExceedsWhole,
                    Severity::Warning,
                    format!(
                        "{}: the parts {} add up to {}, more than the total \"{}\" in the same text",
                        what(total),
                        listed.join(" + "),
                        amount(sum, total.unit()),
                        total.fact.text
                    ),
                    &cited,
                ));
            }
        }
    }

    // An amount larger than the whole economy of its place and period.
    let mut economies: HashMap<String, Vec<&LedgerFact>> = HashMap::new();
    for gdp in levels.iter().filter(|f| {
        f.fact.metric.map(|m| m.as_str()) == Some("economy")
            && f.is_money()
            && f.fact.status != Some(Status::Planned)
            && f.fact.period.is_some()
    }) {
        if let Some(subject) = gdp.fact.subject.as_deref() {
            economies
                .entry(subject.to_lowercase())
                .or_default()
                .push(gdp);
        }
    }
    if !economies.is_empty() {
        for f in levels.iter().filter(|f| {
            f.is_money()
                // Gross output counts intermediate goods and may exceed value added (GRP);
                // investment cannot.
                && matches!(f.fact.metric.map(|m| m.as_str()), Some("investment" | "fdi"))
        }) {
            let (Some(subject), Some(period)) = (f.fact.subject.as_deref(), f.fact.period) else {
                continue;
            };
            let (a, b) = period.bounds();
            let mut names = vec![subject.to_string()];
            names.extend(places.ancestors(subject));
            for name in names {
                for gdp in economies.get(&name.to_lowercase()).into_iter().flatten() {
                    let whole_period = gdp.fact.period.expect("filtered on period");
                    let (start, end) = whole_period.bounds();
                    if a < start || b > end {
                        continue;
                    }
                    let (Some(v), Some(whole)) = comparable(f, gdp) else {
                        continue;
                    };
                    if v > whole * (1.0 + CROSS_CURRENCY_TOLERANCE) {
                        let whole_subject = gdp.fact.subject.as_deref().unwrap_or_default();
                        alerts.push(alert(
                            AlertKind::PartExceedsWhole,
                            Severity::Error,
                            format!(
                                "{} {} is larger than the whole economy of {whole_subject} in {whole_period} {}",
                                what(f),
                                cite(f),
                                cite(gdp)
                            ),
                            &[f, gdp],
                        ));
                    }
                }
            }
        }
    }
    alerts
}

fn what_metric(f: &LedgerFact) -> String {
    f.fact.metric.map(|m| m.to_string()).unwrap_or_default()
}

fn has_cue(sentence: &str, cues: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    cues.iter().any(|cue| contains_word(&lower, cue))
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The same metric, measure, status, `per` and unit (money of any currency being one).
fn same_figure_kind(a: &LedgerFact, b: &LedgerFact) -> bool {
    let (fa, fb) = (&a.fact, &b.fact);
    fa.metric == fb.metric
        && fa.measure.unwrap_or(Measure::Level) == fb.measure.unwrap_or(Measure::Level)
        && fa.status == fb.status
        && fa.per == fb.per
        && (fa.unit == fb.unit || (a.is_money() && b.is_money()))
}

/// Two values on one scale: the written values when the units agree, else tenge.
fn comparable(a: &LedgerFact, b: &LedgerFact) -> (Option<f64>, Option<f64>) {
    if a.unit() == b.unit() {
        (Some(a.fact.value), Some(b.fact.value))
    } else {
        (a.value_kzt, b.value_kzt)
    }
}
