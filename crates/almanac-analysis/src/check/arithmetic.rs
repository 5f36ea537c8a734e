//! [`arithmetic`]: the figures of one text checked against each other, a change against
//! the two levels it goes between, an index against the change reported with it.

use almanac_extract::Direction;

use super::*;

/// Changes that do not match their levels, indices that do not match their changes.
pub fn arithmetic(facts: &[LedgerFact]) -> Vec<Alert> {
    let mut alerts = Vec::new();
    let mut by_sentence: BTreeMap<(&str, &str), Vec<&LedgerFact>> = BTreeMap::new();
    let mut by_doc: BTreeMap<&str, Vec<&LedgerFact>> = BTreeMap::new();
    for f in facts {
        by_sentence
            .entry((f.fact.doc.as_str(), f.fact.sentence.as_str()))
            .or_default()
            .push(f);
        by_doc.entry(f.fact.doc.as_str()).or_default().push(f);
    }

    // `changed by C from A to B`, all in one sentence.
    for sentence_facts in by_sentence.values_mut() {
        sentence_facts.sort_by_key(|f| (f.position(), f.id));
        for change in sentence_facts.iter().filter(|f| {
            f.fact.measure == Some(Measure::Change) && matches!(f.unit(), "%" | "times")
        }) {
            // `from A to B` follows its change: the two figures right after it, before any
            // other change, of one metric, unit and object. "Cast iron rose 5% to 3 million
            // tons and steel rose 4% to 2.5 million tons" has no such pair.
            let after: Vec<&LedgerFact> = sentence_facts
                .iter()
                .filter(|f| f.position() > change.position())
                .take_while(|f| f.fact.measure != Some(Measure::Change))
                .take(2)
                .copied()
                .collect();
            let [from, to] = after.as_slice() else {
                continue;
            };
            let alike = |f: &LedgerFact| {
                f.fact.metric == change.fact.metric
                    && f.fact.subject == change.fact.subject
                    && comparable_objects(f, change)
            };
            if !(alike(from)
                && alike(to)
                && from.unit() == to.unit()
                && comparable_objects(from, to))
            {
                continue;
            }
            if let Some(a) = from_to(change, from, to) {
                alerts.push(a);
            }
        }
    }

    // An index and a change of the same figure in one text.
    for doc_facts in by_doc.values() {
        for index in doc_facts
            .iter()
            .filter(|f| f.fact.measure == Some(Measure::Index) && f.unit() == "%")
        {
            for change in doc_facts.iter().filter(|f| {
                f.fact.measure == Some(Measure::Change)
                    && f.unit() == "%"
                    && f.fact.metric == index.fact.metric
                    && f.fact.subject == index.fact.subject
                    && f.fact.period == index.fact.period
                    && f.fact.status == index.fact.status
                    && (f.fact.sentence == index.fact.sentence
                        || same_object(f.fact.object.as_deref(), index.fact.object.as_deref()))
            }) {
                let implied = index.fact.value - 100.0;
                let claimed = signed_change(change);
                let slack = half_step(&index.fact.text, index.fact.value)
                    + half_step(&change.fact.text, change.fact.value)
                    + 1e-9;
                let fits = match claimed {
                    Some(c) => (implied - c).abs() <= slack,
                    None => (implied.abs() - change.fact.value.abs()).abs() <= slack,
                };
                if !fits {
                    let verb = if implied >= 0.0 { "growth" } else { "a fall" };
                    alerts.push(alert(
                        AlertKind::Arithmetic,
                        Severity::Warning,
                        format!(
                            "{}: an index of {} means {verb} of {}, but the text gives a change of {}",
                            what(index),
                            amount(index.fact.value, "%"),
                            amount(implied.abs(), "%"),
                            change.fact.text
                        ),
                        &[index, change],
                    ));
                }
            }
        }
    }
    alerts
}

/// Checks `change` against the move from `from` to `to`.
fn from_to(change: &LedgerFact, from: &LedgerFact, to: &LedgerFact) -> Option<Alert> {
    let (a, b) = (from.fact.value, to.fact.value);
    let (ha, hb) = (half_step(&from.fact.text, a), half_step(&to.fact.text, b));
    let c = change.fact.value;
    let hc = half_step(&change.fact.text, c) + 1e-9;
    if a <= 0.0 {
        return None;
    }
    let claimed = signed_change(change);
    let rel = (b / a - 1.0) * 100.0;
    let pp = b - a;
    // The change as computed from the levels, with room for the rounding of all three
    // figures: the claimed change's last digit, and a tenth of the computed change.
    let fits = |computed: f64, endpoint_rounding: f64| -> bool {
        let room = hc + endpoint_rounding + 0.1 * computed.abs();
        let near = |v: f64| (v - computed).abs() <= room;
        match claimed {
            Some(v) => near(v),
            None => near(c) || near(-c),
        }
    };
    let cited = [change, from, to];
    if change.unit() == "times" {
        let times = b / a;
        let ok =
            (c - times).abs() <= hc + 0.1 * times || (1.0 / c - times).abs() <= hc + 0.1 * times;
        return (!ok).then(|| {
            alert(
                AlertKind::Arithmetic,
                Severity::Warning,
                format!(
                    "{}: \"{}\" from {} to {}, but {} to {} is {} times",
                    what(change),
                    change.fact.text,
                    from.fact.text,
                    to.fact.text,
                    human(a),
                    human(b),
                    human(times)
                ),
                &cited,
            )
        });
    }
    let moved = if pp >= 0.0 { "a rise" } else { "a fall" };
    if let Some(v) = claimed {
        if v != 0.0 && pp != 0.0 && (v > 0.0) != (pp > 0.0) && !fits(rel, 0.0) {
            return Some(alert(
                AlertKind::Arithmetic,
                Severity::Error,
                format!(
                    "{}: the text says {} by {}, but {} to {} is {moved}",
                    what(change),
                    if v > 0.0 { "a rise" } else { "a fall" },
                    change.fact.text,
                    from.fact.text,
                    to.fact.text
                ),
                &cited,
            ));
        }
    }
    if fits(rel, 0.0) {
        return None;
    }
    let points_possible = from.unit() == "%" && to.unit() == "%";
    if points_possible && fits(pp, ha + hb) {
        let says_points =
            change.fact.text.to_lowercase().contains("point") || change.fact.text.contains("p.p");
        if says_points {
            return None;
        }
        return Some(alert(
            AlertKind::Arithmetic,
            Severity::Info,
            format!(
                "{}: \"{}\" from {} to {} is a change of {} percentage points, written as percent; as a relative change it is {moved} of {}",
                what(change),
                change.fact.text,
                from.fact.text,
                to.fact.text,
                human(pp.abs()),
                amount((rel.abs() * 10.0).round() / 10.0, "%")
            ),
            &cited,
        ));
    }
    let points_note = if points_possible {
        format!(
            " ({} percentage points)",
            human((pp * 100.0).round() / 100.0)
        )
    } else {
        String::new()
    };
    Some(alert(
        AlertKind::Arithmetic,
        Severity::Warning,
        format!(
            "{}: \"{}\" from {} to {} does not add up: {} to {} is {moved} of {}{points_note}",
            what(change),
            change.fact.text,
            from.fact.text,
            to.fact.text,
            human(a),
            human(b),
            amount((rel.abs() * 10.0).round() / 10.0, "%"),
        ),
        &cited,
    ))
}

/// The change with its sign: negative values are falls; otherwise the direction the
/// extractor read next to the figure (`decreased by`, `a 5% rise`); `None` when the text
/// gives none.
fn signed_change(change: &LedgerFact) -> Option<f64> {
    let v = change.fact.value;
    if v < 0.0 {
        return Some(v);
    }
    match change.direction() {
        Some(Direction::Up) => Some(v),
        Some(Direction::Down) => Some(-v),
        None => None,
    }
}
