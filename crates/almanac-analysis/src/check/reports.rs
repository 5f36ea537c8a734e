//! [`reports`]: one figure reported by several documents: conflicting, restated, or a
//! target revised; and when two reports of it agree.

use super::*;

/// Different documents reporting the same figure: conflicts when the values are more
/// than [`CONFLICT_TOLERANCE`] apart, restatements when they agree, revisions when a
/// planned figure is announced again with another value.
pub fn reports(facts: &[LedgerFact]) -> Vec<Alert> {
    type Key = (
        String,
        String,
        &'static str,
        String,
        String,
        &'static str,
        String,
    );
    let mut groups: BTreeMap<Key, Vec<&LedgerFact>> = BTreeMap::new();
    for f in facts {
        let fact = &f.fact;
        let (Some(subject), Some(metric), Some(period)) =
            (&fact.subject, &fact.metric, fact.period)
        else {
            continue;
        };
        let unit = if f.is_money() {
            "money".to_string()
        } else {
            f.unit().to_string()
        };
        groups
            .entry((
                subject.to_lowercase(),
                metric.to_string(),
                fact.measure.unwrap_or(Measure::Level).as_str(),
                unit,
                period.to_string(),
                fact.status.unwrap_or(Status::Actual).as_str(),
                fact.per.clone().unwrap_or_default(),
            ))
            .or_default()
            .push(f);
    }

    let mut alerts = Vec::new();
    for members in groups.values_mut() {
        let docs: BTreeSet<&str> = members.iter().map(|f| f.fact.doc.as_str()).collect();
        if docs.len() < 2 {
            continue;
        }
        members.sort_by(|a, b| a.doc_date.cmp(&b.doc_date).then(a.id.cmp(&b.id)));
        if members[0].fact.status == Some(Status::Planned) {
            alerts.extend(announced_again(members));
            continue;
        }
        // Reports that agree (or that are about different objects) are joined; more
        // than one cluster spanning documents is a conflict.
        let n = members.len();
        let mut cluster: Vec<usize> = (0..n).collect();
        for i in 0..n {
            for j in i + 1..n {
                if agree(members[i], members[j]) {
                    let (ci, cj) = (cluster[i], cluster[j]);
                    for c in cluster.iter_mut() {
                        if *c == cj {
                            *c = ci;
                        }
                    }
                }
            }
        }
        let mut clusters: BTreeMap<usize, Vec<&LedgerFact>> = BTreeMap::new();
        for (i, f) in members.iter().enumerate() {
            clusters.entry(cluster[i]).or_default().push(f);
        }
        let clusters: Vec<Vec<&LedgerFact>> = clusters.into_values().collect();
        let conflicting = clusters.len() > 1
            && clusters.iter().enumerate().any(|(i, a)| {
                clusters[i + 1..].iter().any(|b| {
                    a.iter().any(|x| {
                        b.iter()
                            .any(|y| x.fact.doc != y.fact.doc && comparable_objects(x, y))
                    })
                })
            });
        if conflicting {
            alerts.push(conflict(members[0], &clusters));
        } else if let Some(a) = restated(members) {
            alerts.push(a);
        }
    }
    alerts
}

fn dated(f: &LedgerFact) -> String {
    match f.doc_date {
        Some(d) => format!("{} {d}", f.fact.doc),
        None => f.fact.doc.clone(),
    }
}

fn conflict(first: &LedgerFact, clusters: &[Vec<&LedgerFact>]) -> Alert {
    let listed: Vec<String> = clusters
        .iter()
        .map(|c| {
            let docs: Vec<String> = c.iter().map(|f| dated(f)).collect();
            format!("\"{}\" ({})", c[0].fact.text, docs.join(", "))
        })
        .collect();
    let values: Vec<f64> = clusters.iter().filter_map(|c| scale_value(c[0])).collect();
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let spread = if values.len() > 1 && hi > 0.0 {
        format!(", {} apart", percent(relative_gap(lo, hi)))
    } else {
        String::new()
    };
    let mut cited: Vec<&LedgerFact> = clusters.iter().flatten().copied().collect();
    cited.sort_by(|a, b| a.doc_date.cmp(&b.doc_date).then(a.id.cmp(&b.id)));
    alert(
        AlertKind::Conflict,
        Severity::Warning,
        format!(
            "{}: reported as {}{spread}",
            what(first),
            listed.join(" vs ")
        ),
        &cited,
    )
}

/// Reports of one figure from several documents that agree, and how: the same figure (as
/// rounding allows), a qualified one the other fits, or values apart by no more than the
/// tolerance once rounding is allowed for, with both gaps printed.
fn restated(members: &[&LedgerFact]) -> Option<Alert> {
    let restating: Vec<&LedgerFact> = members
        .iter()
        .filter(|x| {
            members
                .iter()
                .any(|y| x.fact.doc != y.fact.doc && comparable_objects(x, y))
        })
        .copied()
        .collect();
    let first = *restating.first()?;
    let mut docs: Vec<String> = Vec::new();
    for f in &restating {
        let d = dated(f);
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    let distinct: Vec<&str> = restating
        .iter()
        .map(|f| f.fact.text.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let quoted: Vec<String> = distinct.iter().map(|t| format!("\"{t}\"")).collect();
    let rounded = all_pairs(&restating, |x, y| {
        x.unit() != y.unit()
            || crate::numbers::same_rounded(
                x.fact.value,
                half_step(&x.fact.text, x.fact.value),
                y.fact.value,
                half_step(&y.fact.text, y.fact.value),
            )
    });
    // `1.2 trillion tenge` and `1,2 трлн тенге`: one value to one precision, told in other
    // words or another language.
    let reworded = all_pairs(&restating, |x, y| {
        x.unit() == y.unit() && x.fact.value == y.fact.value && {
            let (a, b) = (
                half_step(&x.fact.text, x.fact.value),
                half_step(&y.fact.text, y.fact.value),
            );
            (a - b).abs() <= 1e-9 * a.max(b)
        }
    });
    let how = if distinct.len() == 1 {
        quoted[0].clone()
    } else if reworded {
        format!("{} (the same figure in other words)", quoted.join(" and "))
    } else if rounded {
        format!(
            "{} (the same figure, written with different precision)",
            quoted.join(" and ")
        )
    } else {
        let values: Vec<f64> = restating.iter().filter_map(|f| scale_value(f)).collect();
        let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let written = relative_gap(lo, hi);
        let qualified = restating.iter().any(|f| f.fact.qualifier.is_some());
        if written <= CONFLICT_TOLERANCE || !qualified {
            format!(
                "{} ({} apart, within the {} tolerance for reports of one figure)",
                quoted.join(" and "),
                percent(written),
                percent(CONFLICT_TOLERANCE)
            )
        } else {
            format!(
                "{} ({} apart as written; the qualified figure allows the other)",
                quoted.join(" and "),
                percent(written)
            )
        }
    };
    Some(alert(
        AlertKind::Restated,
        Severity::Info,
        format!(
            "{}: {how} reported by {} documents ({})",
            what(first),
            docs.len(),
            docs.join(", ")
        ),
        &restating,
    ))
}

/// A planned figure announced by several documents: restated when the value stays (as
/// rounding allows), else revised, with each step from what to what.
fn announced_again(members: &[&LedgerFact]) -> Vec<Alert> {
    // Targets about different objects (`5 projects`, `12 projects`) are different targets.
    let mut targets: Vec<Vec<&LedgerFact>> = Vec::new();
    for f in members {
        match targets
            .iter_mut()
            .find(|t| t.iter().all(|g| comparable_objects(f, g)))
        {
            Some(t) => t.push(f),
            None => targets.push(vec![f]),
        }
    }
    let mut alerts = Vec::new();
    for target in targets {
        let docs: BTreeSet<&str> = target.iter().map(|f| f.fact.doc.as_str()).collect();
        if docs.len() < 2 {
            continue;
        }
        // One value per document, in the order they were announced.
        let mut steps: Vec<&LedgerFact> = Vec::new();
        for f in &target {
            match steps.last() {
                Some(last) if last.fact.doc == f.fact.doc => {}
                _ => steps.push(f),
            }
        }
        let same = |x: &LedgerFact, y: &LedgerFact| match (scale_value(x), scale_value(y)) {
            (Some(a), Some(b)) if x.unit() == y.unit() => {
                crate::numbers::same_rounded(
                    x.fact.value,
                    half_step(&x.fact.text, x.fact.value),
                    y.fact.value,
                    half_step(&y.fact.text, y.fact.value),
                ) || a == b
            }
            (Some(a), Some(b)) => relative_gap(a, b) <= 0.02,
            _ => true,
        };
        let changes: Vec<String> = steps
            .windows(2)
            .filter(|w| !same(w[0], w[1]))
            .map(|w| {
                let (a, b) = (scale_value(w[0]), scale_value(w[1]));
                let verb = match (a, b) {
                    (Some(a), Some(b)) if b > a => "raised",
                    (Some(a), Some(b)) if b < a => "lowered",
                    _ => "changed",
                };
                format!(
                    "{verb} from \"{}\" ({}) to \"{}\" ({})",
                    w[0].fact.text,
                    dated(w[0]),
                    w[1].fact.text,
                    dated(w[1])
                )
            })
            .collect();
        let first = target[0];
        if changes.is_empty() {
            let listed: Vec<String> = steps.iter().map(|f| dated(f)).collect();
            alerts.push(alert(
                AlertKind::Restated,
                Severity::Info,
                format!(
                    "{}: the target \"{}\" announced again by {} documents ({})",
                    what(first),
                    first.fact.text,
                    steps.len(),
                    listed.join(", ")
                ),
                &target,
            ));
        } else {
            alerts.push(alert(
                AlertKind::Revised,
                Severity::Info,
                format!(
                    "{}: the target was {}",
                    what(first),
                    changes.join(", then ")
                ),
                &target,
            ));
        }
    }
    alerts
}

fn all_pairs(facts: &[&LedgerFact], ok: impl Fn(&LedgerFact, &LedgerFact) -> bool) -> bool {
    facts.iter().all(|x| facts.iter().all(|y| ok(x, y)))
}

/// Whether two reports of the same key can both be true: within the tolerance of each
/// other as written, one a rounding of the other (`5.3 thousand` and `5,321`), qualified
/// figures whose ranges meet (`more than 1,000` and `1,200`), or about different objects
/// and so not rival figures at all.
fn agree(a: &LedgerFact, b: &LedgerFact) -> bool {
    if !comparable_objects(a, b) {
        return true;
    }
    let tolerance = if a.unit() == b.unit() {
        CONFLICT_TOLERANCE
    } else {
        CROSS_CURRENCY_TOLERANCE
    };
    let (Some(va), Some(vb)) = (scale_value_of_pair(a, b), scale_value_of_pair(b, a)) else {
        return true;
    };
    relative_gap(va, vb) <= tolerance
        || (a.unit() == b.unit()
            && crate::numbers::same_rounded(
                va,
                half_step(&a.fact.text, va),
                vb,
                half_step(&b.fact.text, vb),
            ))
        || range_gap(a, b).is_some_and(|gap| gap <= tolerance)
}

/// `a`'s value on the scale it shares with `b`: as written in one unit, else tenge.
fn scale_value_of_pair(a: &LedgerFact, b: &LedgerFact) -> Option<f64> {
    if a.unit() == b.unit() {
        Some(a.fact.value)
    } else {
        a.value_kzt
    }
}

/// How far apart the ranges that qualifiers give two figures are (`about`: 10% either
/// way, `more than`, `less than`: open-ended), relative to the larger value: 0 when they
/// overlap; `None` when neither is qualified or they cannot be put on one scale.
fn range_gap(a: &LedgerFact, b: &LedgerFact) -> Option<f64> {
    if a.fact.qualifier.is_none() && b.fact.qualifier.is_none() {
        return None;
    }
    let (va, vb) = (scale_value_of_pair(a, b)?, scale_value_of_pair(b, a)?);
    let (lo_a, hi_a) = range(a, va, 0.0);
    let (lo_b, hi_b) = range(b, vb, 0.0);
    let gap = if hi_a < lo_b {
        lo_b - hi_a
    } else if hi_b < lo_a {
        lo_a - hi_b
    } else {
        0.0
    };
    let big = va.abs().max(vb.abs());
    Some(if big == 0.0 { 0.0 } else { gap / big })
}

fn range(f: &LedgerFact, v: f64, half: f64) -> (f64, f64) {
    match f.fact.qualifier {
        None => (v - half, v + half),
        Some(Qualifier::About) => (v * 0.9, v * 1.1),
        Some(Qualifier::MoreThan) => (v - half, f64::INFINITY),
        Some(Qualifier::LessThan) => (f64::NEG_INFINITY, v + half),
    }
}
