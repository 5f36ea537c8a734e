//! Each rule on small hand-made ledgers: what must alert, and what must not.

use almanac_extract::{Equivalent, Period, Qualifier};

use super::*;
use crate::testing::{fact, places};

/// Official KZT per USD by year (the National Bank's annual averages).
fn rates(currency: &str, period: Period) -> Option<f64> {
    let year = period.end_year();
    match (currency, year) {
        ("USD", 2021) => Some(426.03),
        ("USD", 2022) => Some(460.48),
        ("USD", 2023) => Some(456.31),
        _ => None,
    }
}

fn run(facts: &[LedgerFact]) -> Vec<Alert> {
    check(facts, &rates, &places)
}

fn kinds(alerts: &[Alert]) -> Vec<(AlertKind, Severity)> {
    alerts.iter().map(|a| (a.kind, a.severity)).collect()
}

fn money(mut f: LedgerFact, usd_rate: f64) -> LedgerFact {
    f.value_kzt = Some(if f.unit() == "USD" {
        f.fact.value * usd_rate
    } else {
        f.fact.value
    });
    f.value_usd = Some(if f.unit() == "USD" {
        f.fact.value
    } else {
        f.fact.value / usd_rate
    });
    f
}

fn with_usd(mut f: LedgerFact, usd: f64) -> LedgerFact {
    f.fact.equivalents = vec![Equivalent {
        value: usd,
        unit: "USD".into(),
    }];
    f
}

// --- inline currency equivalents ---------------------------------------------------------

#[test]
fn a_wrong_conversion_alerts_with_the_official_rate() {
    let f = with_usd(
        fact(
            1,
            "a",
            "2023-01-24",
            "46 billion tenge",
            46e9,
            "KZT",
            "investment",
            "level",
            "SEZ Saryarka",
            "2022",
            "actual",
        ),
        140e6,
    );
    let alerts = run(&[f]);
    assert_eq!(kinds(&alerts), [(AlertKind::Conversion, Severity::Warning)]);
    let text = &alerts[0].explanation;
    assert!(
        text.contains("46 billion KZT is given as 140 million USD"),
        "{text}"
    );
    assert!(
        text.contains("at the official rate of 2022 it is 99.9 million USD"),
        "{text}"
    );
    assert!(text.contains("40% too high"), "{text}");
    assert!(
        text.contains("implies 328.57 KZT/USD against the official 460.48"),
        "{text}"
    );
    assert_eq!(alerts[0].facts[0].fact_id, 1);
}

#[test]
fn a_conversion_off_by_a_scale_is_an_error() {
    let f = with_usd(
        fact(
            1,
            "a",
            "2023-01-24",
            "46 billion tenge",
            46e9,
            "KZT",
            "investment",
            "level",
            "Almaty",
            "2022",
            "actual",
        ),
        100e9,
    );
    assert_eq!(
        kinds(&run(&[f])),
        [(AlertKind::Conversion, Severity::Error)]
    );
}

#[test]
fn conversions_within_15_percent_do_not_alert() {
    let facts = [
        // 1.7% off the 2023 average.
        with_usd(
            fact(
                1,
                "a",
                "2024-02-09",
                "1.3 trillion tenge",
                1.3e12,
                "KZT",
                "investment",
                "level",
                "Karaganda region",
                "2023",
                "actual",
            ),
            2.8e9,
        ),
        // A dollar figure with its tenge equivalent, at the 2021 rate.
        {
            let mut f = fact(
                2,
                "b",
                "2021-06-25",
                "$100 million",
                100e6,
                "USD",
                "investment",
                "level",
                "Almaty",
                "2021",
                "actual",
            );
            f.fact.equivalents = vec![Equivalent {
                value: 42.6e9,
                unit: "KZT".into(),
            }];
            f
        },
        // 12% off the period's rate: within tolerance.
        with_usd(
            fact(
                3,
                "c",
                "2023-05-01",
                "10 billion tenge",
                10e9,
                "KZT",
                "investment",
                "level",
                "Almaty",
                "2023",
                "actual",
            ),
            24.5e6,
        ),
    ];
    assert!(run(&facts).is_empty(), "{:#?}", run(&facts));
}

#[test]
fn a_conversion_at_the_rate_of_the_day_of_writing_is_fair() {
    // A plan for 2030 converted at the rate of its document's year, 2022; the period's
    // own rate (none known for 2030 here) cannot judge it.
    let f = with_usd(
        fact(
            1,
            "a",
            "2022-05-10",
            "460 billion tenge",
            460e9,
            "KZT",
            "investment",
            "level",
            "Almaty",
            "2030",
            "planned",
        ),
        1e9,
    );
    assert!(run(&[f]).is_empty());
}

// --- bounds --------------------------------------------------------------------------------

#[test]
fn values_beyond_their_bounds() {
    let facts = [
        fact(
            1,
            "a",
            "2022-01-01",
            "120 percent",
            120.0,
            "%",
            "output",
            "share",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            2,
            "a",
            "2022-01-01",
            "0",
            0.0,
            "rank",
            "rank",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            3,
            "a",
            "2022-01-01",
            "30 million jobs",
            30e6,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        money(
            fact(
                4,
                "a",
                "2022-01-01",
                "900 trillion tenge",
                900e12,
                "KZT",
                "investment",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            426.03,
        ),
        // The same economy in a year already past: more than it ever was.
        money(
            fact(
                7,
                "a",
                "2024-01-30",
                "$450 billion",
                450e9,
                "USD",
                "economy",
                "level",
                "Kazakhstan",
                "2023",
                "actual",
            ),
            456.31,
        ),
        fact(
            5,
            "a",
            "2022-01-01",
            "107.8",
            1078.0,
            "%",
            "economy",
            "index",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            6,
            "a",
            "2022-01-01",
            "130 percent",
            130.0,
            "%",
            "unemployment",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
    ];
    let alerts = run(&facts);
    let mut got: Vec<(i64, AlertKind)> = alerts
        .iter()
        .map(|a| (a.facts[0].fact_id, a.kind))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (1, AlertKind::Arithmetic),
            (2, AlertKind::Implausible),
            (3, AlertKind::Implausible),
            (4, AlertKind::Implausible),
            (5, AlertKind::Implausible),
            (6, AlertKind::Implausible),
            (7, AlertKind::Implausible),
        ]
    );
    let share = alerts.iter().find(|a| a.facts[0].fact_id == 1).unwrap();
    assert!(
        share
            .explanation
            .contains("a share of 120% is more than the whole"),
        "{}",
        share.explanation
    );
    let money_alert = alerts.iter().find(|a| a.facts[0].fact_id == 4).unwrap();
    assert!(
        money_alert
            .explanation
            .contains("Kazakhstan's whole economy"),
        "{}",
        money_alert.explanation
    );
}

#[test]
fn plausible_values_do_not_alert() {
    let facts = [
        // 100.04% is 100% rounded.
        fact(
            1,
            "a",
            "2022-01-01",
            "100.0 percent",
            100.0,
            "%",
            "output",
            "share",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            2,
            "a",
            "2022-01-01",
            "107.8 percent",
            107.8,
            "%",
            "economy",
            "index",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            3,
            "a",
            "2022-01-01",
            "5",
            5.0,
            "rank",
            "rank",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        // Large, but a plan over seven years for the whole country.
        money(
            fact(
                4,
                "a",
                "2024-01-01",
                "150 trillion tenge",
                150e12,
                "KZT",
                "investment",
                "level",
                "Kazakhstan",
                "2024/2030",
                "planned",
            ),
            456.31,
        ),
        fact(
            5,
            "a",
            "2022-01-01",
            "1.37 million people",
            1.37e6,
            "person",
            "other",
            "level",
            "Karaganda region",
            "2022-01-01",
            "actual",
        ),
        // A target for the whole economy six years ahead, above today's GDP.
        money(
            fact(
                7,
                "a",
                "2024-01-30",
                "$450 billion",
                450e9,
                "USD",
                "economy",
                "level",
                "Kazakhstan",
                "2029",
                "planned",
            ),
            456.31,
        ),
        // Growth above 100% is possible (a doubling and more).
        fact(
            6,
            "a",
            "2022-01-01",
            "140%",
            140.0,
            "%",
            "investment",
            "change",
            "Almaty",
            "2021",
            "actual",
        ),
    ];
    assert!(run(&facts).is_empty(), "{:#?}", run(&facts));
}

// --- parts and wholes ----------------------------------------------------------------------

#[test]
fn a_district_larger_than_its_city() {
    let facts = [
        fact(
            1,
            "a",
            "2022-01-01",
            "15,000 jobs",
            15000.0,
            "job",
            "jobs",
            "level",
            "Alatau district",
            "2021",
            "actual",
        ),
        fact(
            2,
            "b",
            "2022-02-01",
            "12,000 jobs",
            12000.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
    ];
    let alerts = run(&facts);
    assert_eq!(
        kinds(&alerts),
        [(AlertKind::PartExceedsWhole, Severity::Warning)]
    );
    assert!(
        alerts[0]
            .explanation
            .starts_with("Alatau district lies in Almaty, yet its jobs"),
        "{}",
        alerts[0].explanation
    );
}

#[test]
fn parts_within_their_whole_or_in_other_periods_do_not_alert() {
    let facts = [
        fact(
            1,
            "a",
            "2022-01-01",
            "3,000 jobs",
            3000.0,
            "job",
            "jobs",
            "level",
            "Alatau district",
            "2021",
            "actual",
        ),
        fact(
            2,
            "b",
            "2022-02-01",
            "12,000 jobs",
            12000.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        // A larger district figure, but over several years.
        fact(
            3,
            "c",
            "2022-02-01",
            "20,000 jobs",
            20000.0,
            "job",
            "jobs",
            "level",
            "Alatau district",
            "2016/2021",
            "actual",
        ),
        // Up to 12,500: may be less than the city's.
        {
            let mut f = fact(
                4,
                "d",
                "2022-02-01",
                "12,500 jobs",
                12500.0,
                "job",
                "jobs",
                "level",
                "Alatau district",
                "2021",
                "actual",
            );
            f.fact.qualifier = Some(Qualifier::LessThan);
            f
        },
    ];
    let alerts: Vec<Alert> = run(&facts)
        .into_iter()
        .filter(|a| a.kind != AlertKind::Restated)
        .collect();
    assert!(alerts.is_empty(), "{alerts:#?}");
}

#[test]
fn parts_adding_up_to_more_than_their_total() {
    let mut total = fact(
        1,
        "a",
        "2022-01-01",
        "84 projects",
        84.0,
        "project",
        "projects",
        "level",
        "Almaty",
        "2021",
        "actual",
    );
    total.fact.sentence = "In total, 84 projects were launched in Almaty in 2021.".into();
    total.fact.span = [100, 110];
    let mut part1 = fact(
        2,
        "a",
        "2022-01-01",
        "60 projects",
        60.0,
        "project",
        "projects",
        "level",
        "Almaty",
        "2021",
        "actual",
    );
    part1.fact.sentence = "Of them, 60 projects are in industry and 30 projects in trade.".into();
    part1.fact.span = [300, 310];
    let mut part2 = part1.clone();
    part2.id = 3;
    part2.fact.text = "30 projects".into();
    part2.fact.value = 30.0;
    part2.fact.span = [330, 341];
    let alerts = run(&[total.clone(), part1.clone(), part2]);
    assert_eq!(
        kinds(&alerts),
        [(AlertKind::PartExceedsWhole, Severity::Warning)]
    );
    assert!(
        alerts[0]
            .explanation
            .contains("add up to 90 projects, more than the total \"84 projects\""),
        "{}",
        alerts[0].explanation
    );

    // 60 + 20 = 80 of 84: fine.
    let mut part3 = part1.clone();
    part3.id = 4;
    part3.fact.text = "20 projects".into();
    part3.fact.value = 20.0;
    part3.fact.span = [330, 341];
    assert!(run(&[total, part1, part3]).is_empty());
}

#[test]
fn investment_larger_than_the_whole_economy() {
    let facts = [
        money(
            fact(
                1,
                "a",
                "2022-06-14",
                "7.1 trillion tenge",
                7.1e12,
                "KZT",
                "economy",
                "level",
                "Karaganda region",
                "2021",
                "actual",
            ),
            426.03,
        ),
        money(
            fact(
                2,
                "b",
                "2022-07-01",
                "9 trillion tenge",
                9e12,
                "KZT",
                "investment",
                "level",
                "Karaganda region",
                "2021",
                "actual",
            ),
            426.03,
        ),
        // Output below GRP: fine.
        money(
            fact(
                3,
                "b",
                "2022-07-01",
                "4.9 trillion tenge",
                4.9e12,
                "KZT",
                "output",
                "level",
                "Karaganda region",
                "2021",
                "actual",
            ),
            426.03,
        ),
    ];
    let alerts = run(&facts);
    assert_eq!(
        kinds(&alerts),
        [(AlertKind::PartExceedsWhole, Severity::Error)]
    );
    assert_eq!(alerts[0].facts[0].fact_id, 2);
}

// --- conflicting and restated reports ---------------------------------------------------------

fn output(id: i64, doc: &str, date: &str, text: &str, v: f64, period: &str) -> LedgerFact {
    money(
        fact(
            id,
            doc,
            date,
            text,
            v,
            "KZT",
            "output",
            "level",
            "Karaganda region",
            period,
            "actual",
        ),
        460.48,
    )
}

#[test]
fn reports_more_than_5_percent_apart_conflict() {
    let facts = [
        output(
            1,
            "k-2023-01",
            "2023-01-24",
            "5.3 trillion tenge",
            5.3e12,
            "2022",
        ),
        output(
            2,
            "k-2023-06",
            "2023-06-20",
            "5.9 trillion tenge",
            5.9e12,
            "2022",
        ),
    ];
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Conflict, Severity::Warning)]);
    assert_eq!(
        alerts[0].explanation,
        "Karaganda region output 2022: reported as \"5.3 trillion tenge\" (k-2023-01 2023-01-24) vs \"5.9 trillion tenge\" (k-2023-06 2023-06-20), 10% apart"
    );
    assert_eq!(alerts[0].facts.len(), 2);
    assert!(alerts[0].facts[1].sentence.contains("5.9 trillion tenge"));
}

#[test]
fn identical_reports_are_restated_not_conflicting() {
    let facts = [
        money(
            fact(
                1,
                "k-2022-06",
                "2022-06-14",
                "7.1 trillion tenge",
                7.1e12,
                "KZT",
                "economy",
                "level",
                "Karaganda region",
                "2021",
                "actual",
            ),
            426.03,
        ),
        money(
            fact(
                2,
                "k-2023-06",
                "2023-06-20",
                "7.1 trillion tenge",
                7.1e12,
                "KZT",
                "economy",
                "level",
                "Karaganda region",
                "2021",
                "actual",
            ),
            426.03,
        ),
    ];
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Restated, Severity::Info)]);
    assert_eq!(
        alerts[0].explanation,
        "Karaganda region economy 2021: \"7.1 trillion tenge\" reported by 2 documents (k-2022-06 2022-06-14, k-2023-06 2023-06-20)"
    );
}

#[test]
fn what_must_not_conflict() {
    let facts = [
        // Rounding: 5.3 thousand and 5,321 are the same figure.
        fact(
            1,
            "a",
            "2022-01-01",
            "5.3 thousand jobs",
            5300.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            2,
            "b",
            "2022-02-01",
            "5,321 jobs",
            5321.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        // Different periods.
        output(
            3,
            "c",
            "2021-11-16",
            "4.3 trillion tenge",
            4.3e12,
            "2021-01/2021-10",
        ),
        output(4, "d", "2022-01-20", "4.9 trillion tenge", 4.9e12, "2021"),
        // Planned and actual.
        fact(
            5,
            "e",
            "2021-11-16",
            "2,100 jobs",
            2100.0,
            "job",
            "jobs",
            "level",
            "Karaganda region",
            "2022",
            "planned",
        ),
        fact(
            6,
            "f",
            "2023-01-24",
            "2,000 jobs",
            2000.0,
            "job",
            "jobs",
            "level",
            "Karaganda region",
            "2022",
            "actual",
        ),
        // Within 5%.
        fact(
            7,
            "g",
            "2022-01-01",
            "1,000 schools",
            1000.0,
            "school",
            "infrastructure",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            8,
            "h",
            "2022-02-01",
            "1,040 schools",
            1040.0,
            "school",
            "infrastructure",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        // "More than 300" is not contradicted by 420.
        {
            let mut f = fact(
                9,
                "i",
                "2022-01-01",
                "more than 300 companies",
                300.0,
                "company",
                "companies",
                "level",
                "Almaty",
                "2021",
                "actual",
            );
            f.fact.qualifier = Some(Qualifier::MoreThan);
            f
        },
        fact(
            10,
            "j",
            "2022-02-01",
            "420 companies",
            420.0,
            "company",
            "companies",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        // Two different values in one document are not rival reports.
        fact(
            11,
            "k",
            "2022-01-01",
            "12 plants",
            12.0,
            "plant",
            "companies",
            "level",
            "Astana",
            "2021",
            "actual",
        ),
        fact(
            12,
            "k",
            "2022-01-01",
            "30 plants",
            30.0,
            "plant",
            "companies",
            "level",
            "Astana",
            "2021",
            "actual",
        ),
        // Different objects: a plant's jobs and the city's jobs.
        {
            let mut f = fact(
                13,
                "l",
                "2022-01-01",
                "900 jobs",
                900.0,
                "job",
                "jobs",
                "level",
                "Astana",
                "2021",
                "actual",
            );
            f.fact.object = Some("ferrosilicon plant".into());
            f
        },
        {
            let mut f = fact(
                14,
                "m",
                "2022-02-01",
                "15,000 jobs",
                15000.0,
                "job",
                "jobs",
                "level",
                "Astana",
                "2021",
                "actual",
            );
            f.fact.object = Some("jobs created in the city".into());
            f
        },
    ];
    let problems: Vec<Alert> = run(&facts)
        .into_iter()
        .filter(|a| a.kind != AlertKind::Restated)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let restated: Vec<Vec<i64>> = run(&facts)
        .into_iter()
        .map(|a| a.facts.iter().map(|e| e.fact_id).collect())
        .collect();
    assert_eq!(restated, [vec![1, 2], vec![7, 8], vec![9, 10]]);
    let close = run(&facts)
        .into_iter()
        .find(|a| a.facts[0].fact_id == 7)
        .unwrap();
    assert!(close.explanation.ends_with("\"1,000 schools\" and \"1,040 schools\" (3.8% apart, within the 5% tolerance for reports of one figure) reported by 2 documents (g 2022-01-01, h 2022-02-01)"), "{}", close.explanation);
    let rounded = run(&facts)
        .into_iter()
        .find(|a| a.facts[0].fact_id == 1)
        .unwrap();
    assert!(
        rounded
            .explanation
            .contains("(the same figure, written with different precision)"),
        "{}",
        rounded.explanation
    );
}

#[test]
fn the_same_money_in_two_currencies_is_compared_in_tenge() {
    let facts = [
        money(
            fact(
                1,
                "a",
                "2022-01-01",
                "15 billion tenge",
                15e9,
                "KZT",
                "investment",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            426.03,
        ),
        money(
            fact(
                2,
                "b",
                "2022-02-01",
                "$36 million",
                36e6,
                "USD",
                "investment",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            426.03,
        ),
    ];
    assert_eq!(kinds(&run(&facts)), [(AlertKind::Restated, Severity::Info)]);
    let facts = [
        facts[0].clone(),
        money(
            fact(
                2,
                "b",
                "2022-02-01",
                "$60 million",
                60e6,
                "USD",
                "investment",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            426.03,
        ),
    ];
    assert_eq!(
        kinds(&run(&facts)),
        [(AlertKind::Conflict, Severity::Warning)]
    );
}

// --- arithmetic inside one text ---------------------------------------------------------------

fn sentence_facts(sentence: &str, figures: &[(&str, f64, &str, &str)]) -> Vec<LedgerFact> {
    figures
        .iter()
        .enumerate()
        .map(|(i, (text, value, measure, period))| {
            let mut f = fact(
                i as i64 + 1,
                "a",
                "2021-06-25",
                text,
                *value,
                "%",
                "unemployment",
                measure,
                "Almaty",
                period,
                "actual",
            );
            f.fact.sentence = sentence.to_string();
            f.fact.span = {
                let at = sentence.find(text).expect("figure in sentence");
                [at, at + text.len()]
            };
            f
        })
        .collect()
}

#[test]
fn percent_written_for_points_is_noted() {
    let facts = sentence_facts(
        "In the third quarter the jobless rate went down by 0.1 percent from 4.8 to 4.7 percent.",
        &[
            ("0.1 percent", 0.1, "change", "2021-Q3"),
            ("4.8", 4.8, "level", "2021-Q2"),
            ("4.7 percent", 4.7, "level", "2021-Q3"),
        ],
    );
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Arithmetic, Severity::Info)]);
    assert!(alerts[0].explanation.contains("is a change of 0.1 percentage points, written as percent; as a relative change it is a fall of 2.1%"), "{}", alerts[0].explanation);
}

#[test]
fn changes_that_match_their_levels_do_not_alert() {
    for (sentence, figures) in [
        (
            "The rate fell by 0.1 percentage points from 6.4 to 6.3 percent.",
            vec![
                ("0.1 percentage points", 0.1, "change", "2021-Q1"),
                ("6.4", 6.4, "level", "2020-Q4"),
                ("6.3 percent", 6.3, "level", "2021-Q1"),
            ],
        ),
        (
            "The rate fell by 1.6 percent from 6.4 to 6.3 percent.",
            vec![
                ("1.6 percent", 1.6, "change", "2021-Q1"),
                ("6.4", 6.4, "level", "2020-Q4"),
                ("6.3 percent", 6.3, "level", "2021-Q1"),
            ],
        ),
        (
            // 10/8 - 1 = 25%, and 8 may be 7.95..8.05: 24.2% .. 25.8%.
            "The share rose from 8 to 10 percent, or by 24 percent.",
            vec![
                ("8", 8.0, "level", "2020"),
                ("10 percent", 10.0, "level", "2021"),
                ("24 percent", 24.0, "change", "2021"),
            ],
        ),
    ] {
        let facts = sentence_facts(sentence, &figures);
        assert!(run(&facts).is_empty(), "{sentence}: {:#?}", run(&facts));
    }
}

#[test]
fn changes_that_do_not_add_up() {
    let facts = sentence_facts(
        "The jobless rate went down by 0.5 percent from 6.4 to 6.3 percent.",
        &[
            ("0.5 percent", 0.5, "change", "2021-Q1"),
            ("6.4", 6.4, "level", "2020-Q4"),
            ("6.3 percent", 6.3, "level", "2021-Q1"),
        ],
    );
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Arithmetic, Severity::Warning)]);
    assert!(
        alerts[0]
            .explanation
            .contains("does not add up: 6.4 to 6.3 is a fall of 1.6% (-0.1 percentage points)"),
        "{}",
        alerts[0].explanation
    );

    let facts = sentence_facts(
        "The jobless rate went up by 1.6 percent from 6.4 to 6.3 percent.",
        &[
            ("1.6 percent", 1.6, "change", "2021-Q1"),
            ("6.4", 6.4, "level", "2020-Q4"),
            ("6.3 percent", 6.3, "level", "2021-Q1"),
        ],
    );
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Arithmetic, Severity::Error)]);
    assert!(
        alerts[0]
            .explanation
            .contains("the text says a rise by 1.6 percent, but 6.4 to 6.3 percent is a fall"),
        "{}",
        alerts[0].explanation
    );
}

fn economy(id: i64, text: &str, v: f64, measure: &str, sentence: &str) -> LedgerFact {
    let mut f = fact(
        id,
        "a",
        "2022-01-20",
        text,
        v,
        "%",
        "economy",
        measure,
        "Almaty",
        "2021",
        "actual",
    );
    f.fact.sentence = sentence.to_string();
    f
}

#[test]
fn an_index_and_a_change_that_disagree() {
    let s = "The economy grew 7.5 percent, the index reached 107.8 percent.";
    let facts = [
        economy(1, "7.5 percent", 7.5, "change", s),
        economy(2, "107.8 percent", 107.8, "index", s),
    ];
    let alerts = run(&facts);
    assert_eq!(kinds(&alerts), [(AlertKind::Arithmetic, Severity::Warning)]);
    assert_eq!(
        alerts[0].explanation,
        "Almaty economy index 2021: an index of 107.8% means growth of 7.8%, but the text gives a change of 7.5 percent"
    );
}

#[test]
fn an_index_and_a_change_that_agree_or_are_of_other_things() {
    let s = "The economy grew 7.8 percent, the index reached 107.8 percent.";
    let agree = [
        economy(1, "7.8 percent", 7.8, "change", s),
        economy(2, "107.8 percent", 107.8, "index", s),
    ];
    assert!(run(&agree).is_empty());
    // A fall: index 92.2 and "decreased by 7.8".
    let s = "The economy decreased by 7.8 percent; the index was 92.2 percent.";
    let fall = [
        economy(1, "7.8 percent", 7.8, "change", s),
        economy(2, "92.2 percent", 92.2, "index", s),
    ];
    assert!(run(&fall).is_empty());
    // Different sentences about different objects.
    let mut a = economy(
        1,
        "5 percent",
        5.0,
        "change",
        "Manufacturing grew 5 percent.",
    );
    a.fact.object = Some("manufacturing".into());
    let mut b = economy(
        2,
        "107.8 percent",
        107.8,
        "index",
        "The economic growth indicator reached 107.8 percent.",
    );
    b.fact.object = Some("economic growth indicator".into());
    assert!(run(&[a, b]).is_empty());
}

#[test]
fn alerts_come_most_severe_first() {
    let facts = [
        fact(
            1,
            "a",
            "2022-01-01",
            "120 percent",
            120.0,
            "%",
            "output",
            "share",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            2,
            "b",
            "2022-01-01",
            "12,000 jobs",
            12000.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            3,
            "c",
            "2022-01-01",
            "12,000 jobs",
            12000.0,
            "job",
            "jobs",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        fact(
            4,
            "d",
            "2022-01-01",
            "15,000 jobs",
            15000.0,
            "job",
            "jobs",
            "level",
            "Astana",
            "2021",
            "actual",
        ),
        fact(
            5,
            "e",
            "2022-01-01",
            "19,000 jobs",
            19000.0,
            "job",
            "jobs",
            "level",
            "Astana",
            "2021",
            "actual",
        ),
    ];
    let got = kinds(&run(&facts));
    assert_eq!(
        got,
        [
            (AlertKind::Arithmetic, Severity::Error),
            (AlertKind::Conflict, Severity::Warning),
            (AlertKind::Restated, Severity::Info)
        ]
    );
}

#[test]
fn the_worth_of_a_set_of_projects_is_not_the_citys_investment() {
    let mut city = money(
        fact(
            1,
            "a",
            "2021-06-25",
            "$832.3 million",
            832.3e6,
            "USD",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        426.03,
    );
    city.fact.object = Some("fixed capital investments".into());
    let mut projects = money(
        fact(
            2,
            "b",
            "2021-12-28",
            "279.6 billion tenge",
            279.6e9,
            "KZT",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        426.03,
    );
    projects.fact.object = Some("30 investment projects".into());
    let mut other_set = money(
        fact(
            3,
            "c",
            "2022-01-28",
            "85 billion tenge",
            85e9,
            "KZT",
            "investment",
            "level",
            "Almaty",
            "2021",
            "actual",
        ),
        426.03,
    );
    other_set.fact.object = Some("12 investment projects".into());
    assert!(run(&[city.clone(), projects.clone(), other_set]).is_empty());
    // Without objects the same figures do conflict.
    city.fact.object = None;
    projects.fact.object = None;
    assert_eq!(
        kinds(&run(&[city, projects])),
        [(AlertKind::Conflict, Severity::Warning)]
    );
}

#[test]
fn a_zones_projects_are_not_larger_than_a_citys_parks() {
    // Different things, though the zone lies in the city.
    let mut zone = fact(
        1,
        "a",
        "2023-07-31",
        "378 billion tenge",
        378e9,
        "KZT",
        "investment",
        "level",
        "Almaty Industrial Zone",
        "2023",
        "actual",
    );
    zone.fact.object = Some("88 companies".into());
    let mut parks = fact(
        2,
        "a",
        "2023-07-31",
        "14 billion tenge",
        14e9,
        "KZT",
        "investment",
        "level",
        "Almaty",
        "2023",
        "actual",
    );
    parks.fact.object = Some("Twenty nine projects".into());
    assert!(run(&[zone, parks]).is_empty());
}

#[test]
fn a_part_is_compared_with_the_largest_whole_reported() {
    // The city's 15,000 jobs exceed the 12,000 of one employer's report about Almaty, but not
    // the 40,000 reported for the whole city: no alert.
    let job = |id: i64, doc: &str, text: &str, v: f64, subject: &str| {
        fact(
            id,
            doc,
            "2022-01-01",
            text,
            v,
            "job",
            "jobs",
            "level",
            subject,
            "2021",
            "actual",
        )
    };
    let facts = [
        job(1, "a", "15,000 jobs", 15000.0, "Alatau district"),
        job(2, "b", "12,000 jobs", 12000.0, "Almaty"),
        job(3, "c", "40,000 jobs", 40000.0, "Almaty"),
    ];
    // (The two reports about Almaty conflict with each other; that is another alert.)
    assert!(
        !kinds(&run(&facts))
            .iter()
            .any(|(k, _)| *k == AlertKind::PartExceedsWhole),
        "{:?}",
        kinds(&run(&facts))
    );
}

// --- like with like, directions, magnitudes, revisions (issue 15) ------------------------

/// A fact with its own sentence, positioned in it, for the table tests below.
#[allow(clippy::too_many_arguments)]
fn said(
    id: i64,
    doc: &str,
    date: &str,
    sentence: &str,
    text: &str,
    value: f64,
    unit: &str,
    metric: &str,
    measure: &str,
    subject: &str,
    period: &str,
    status: &str,
) -> LedgerFact {
    let mut f = fact(
        id, doc, date, text, value, unit, metric, measure, subject, period, status,
    );
    let at = sentence.find(text).expect("figure in its sentence");
    f.fact.sentence = sentence.to_string();
    f.fact.span = [at, at + text.len()];
    if f.is_money() {
        f = money(f, 450.0);
    }
    f
}

fn of_kind(alerts: &[Alert], kind: AlertKind) -> Vec<&Alert> {
    alerts.iter().filter(|a| a.kind == kind).collect()
}

#[test]
fn a_change_takes_its_direction_from_the_words_beside_it() {
    // (sentence, change, from, to, alerts): the direction is read next to the figure, so
    // `enterprises` and `again` in the sentence do not make a rise.
    let cases: &[(&str, &str, &str, &str, bool)] = &[
        (
            "Across its enterprises the jobless share went down by 0.4 points from 6.1 to 5.7 percent.",
            "0.4 points", "6.1", "5.7 percent", false,
        ),
        (
            "Once again the jobless share fell 0.4 points from 6.1 to 5.7 percent.",
            "0.4 points", "6.1", "5.7 percent", false,
        ),
        (
            "The jobless share rose by 0.4 points from 6.1 to 5.7 percent.",
            "0.4 points", "6.1", "5.7 percent", true,
        ),
        (
            "Among enterprises the jobless share grew 0.4 points from 5.7 to 6.1 percent.",
            "0.4 points", "5.7", "6.1 percent", false,
        ),
    ];
    for (sentence, change, from, to, alerts) in cases {
        let value = |t: &str| t.split_whitespace().next().unwrap().parse::<f64>().unwrap();
        let facts = vec![
            said(
                1,
                "a",
                "2024-02-01",
                sentence,
                change,
                value(change),
                "%",
                "unemployment",
                "change",
                "Pavlodar region",
                "2023",
                "actual",
            ),
            said(
                2,
                "a",
                "2024-02-01",
                sentence,
                from,
                value(from),
                "%",
                "unemployment",
                "level",
                "Pavlodar region",
                "2022",
                "actual",
            ),
            said(
                3,
                "a",
                "2024-02-01",
                sentence,
                to,
                value(to),
                "%",
                "unemployment",
                "level",
                "Pavlodar region",
                "2023",
                "actual",
            ),
        ];
        let all = run(&facts);
        let found = of_kind(&all, AlertKind::Arithmetic);
        assert_eq!(!found.is_empty(), *alerts, "{sentence}: {found:#?}");
    }
}

#[test]
fn two_products_rising_are_not_one_falling_sequence() {
    let sentence = "Output of pig iron rose 5% to 3 million tons and output of steel rose 4% to 2.5 million tons.";
    let facts = vec![
        said(
            1,
            "a",
            "2024-02-01",
            sentence,
            "5%",
            5.0,
            "%",
            "output",
            "change",
            "Pavlodar region",
            "2023",
            "actual",
        ),
        said(
            2,
            "a",
            "2024-02-01",
            sentence,
            "3 million tons",
            3e6,
            "t",
            "output",
            "level",
            "Pavlodar region",
            "2023",
            "actual",
        ),
        said(
            3,
            "a",
            "2024-02-01",
            sentence,
            "4%",
            4.0,
            "%",
            "output",
            "change",
            "Pavlodar region",
            "2023",
            "actual",
        ),
        said(
            4,
            "a",
            "2024-02-01",
            sentence,
            "2.5 million tons",
            2.5e6,
            "t",
            "output",
            "level",
            "Pavlodar region",
            "2023",
            "actual",
        ),
    ];
    assert!(of_kind(&run(&facts), AlertKind::Arithmetic).is_empty());
}

#[test]
fn a_scale_word_slipped_in_a_series() {
    let year = |id: i64, doc: &str, date: &str, text: &str, v: f64, period: &str| {
        said(
            id,
            doc,
            date,
            &format!("The city's industrial output was worth {text} in {period}."),
            text,
            v,
            "KZT",
            "output",
            "level",
            "Karaganda",
            period,
            "actual",
        )
    };
    // True: billion for trillion against two other years.
    let facts = vec![
        year(1, "a", "2022-02-01", "1.2 trillion tenge", 1.2e12, "2021"),
        year(2, "b", "2023-02-01", "1.5 billion tenge", 1.5e9, "2022"),
        year(3, "c", "2024-02-01", "1.7 trillion tenge", 1.7e12, "2023"),
    ];
    let found = run(&facts);
    let slips = of_kind(&found, AlertKind::Magnitude);
    assert_eq!(slips.len(), 1, "{found:#?}");
    assert_eq!(slips[0].facts[0].fact_id, 2);
    assert!(
        slips[0]
            .explanation
            .contains("billion written for trillion?"),
        "{}",
        slips[0].explanation
    );
    assert!(
        slips[0]
            .explanation
            .contains("1,000 times smaller than its other periods")
            || slips[0]
                .explanation
                .contains("times smaller than its other periods"),
        "{}",
        slips[0].explanation
    );

    // False: growth, even fast, is not a slip; nor are other metrics, shares, or a
    // project's worth beside the city's output.
    let mut steady = vec![
        year(1, "a", "2022-02-01", "1.2 trillion tenge", 1.2e12, "2021"),
        year(2, "b", "2023-02-01", "1.9 trillion tenge", 1.9e12, "2022"),
        year(3, "c", "2024-02-01", "4.1 trillion tenge", 4.1e12, "2023"),
    ];
    steady.push(said(
        4,
        "c",
        "2024-02-01",
        "A plant worth 1.5 billion tenge opened in 2023.",
        "1.5 billion tenge",
        1.5e9,
        "KZT",
        "project_value",
        "level",
        "Karaganda",
        "2023",
        "actual",
    ));
    let mut project = said(
        5,
        "d",
        "2024-03-01",
        "A plant producing goods worth 2 billion tenge a year opened in 2024.",
        "2 billion tenge",
        2e9,
        "KZT",
        "output",
        "level",
        "Karaganda",
        "2024",
        "actual",
    );
    project.fact.object = Some("plant".into());
    steady.push(project);
    steady.push(said(
        6,
        "c",
        "2024-02-01",
        "Its share reached 0.1% in 2023.",
        "0.1%",
        0.1,
        "%",
        "output",
        "share",
        "Karaganda",
        "2023",
        "actual",
    ));
    assert!(
        of_kind(&run(&steady), AlertKind::Magnitude).is_empty(),
        "{:#?}",
        run(&steady)
    );

    // Two figures only: the region's figure says which one slipped.
    let pair = vec![
        year(1, "a", "2022-02-01", "1.2 trillion tenge", 1.2e12, "2021"),
        year(2, "b", "2023-02-01", "1.5 billion tenge", 1.5e9, "2022"),
        said(
            3,
            "b",
            "2023-02-01",
            "The region's industrial output was worth 6 trillion tenge in 2022.",
            "6 trillion tenge",
            6e12,
            "KZT",
            "output",
            "level",
            "Karaganda region",
            "2022",
            "actual",
        ),
    ];
    let city_in_region = |name: &str| -> Vec<String> {
        match name {
            "Karaganda" => vec!["Karaganda region".into()],
            _ => vec![],
        }
    };
    let found = check(&pair, &rates, &city_in_region);
    let slips = of_kind(&found, AlertKind::Magnitude);
    assert_eq!(slips.len(), 1, "{found:#?}");
    assert_eq!(slips[0].facts[0].fact_id, 2);
    assert!(
        slips[0]
            .explanation
            .contains("Karaganda region's figure is 6 trillion KZT"),
        "{}",
        slips[0].explanation
    );
    // Without a container, both are cited and neither is blamed.
    let found = run(&pair[..2]);
    let slips = of_kind(&found, AlertKind::Magnitude);
    assert_eq!(slips.len(), 1, "{found:#?}");
    assert_eq!(slips[0].facts.len(), 2);
    assert!(
        slips[0].explanation.contains("one of them"),
        "{}",
        slips[0].explanation
    );
}

#[test]
fn a_target_announced_again_is_restated_or_revised() {
    let target = |id: i64, doc: &str, date: &str, text: &str, v: f64| {
        said(
            id,
            doc,
            date,
            &format!("Output is to reach {text} in 2025."),
            text,
            v,
            "KZT",
            "output",
            "level",
            "Aktobe region",
            "2025",
            "planned",
        )
    };
    let revised = run(&[
        target(1, "a", "2023-03-01", "1.4 trillion tenge", 1.4e12),
        target(2, "b", "2024-03-01", "1.5 trillion tenge", 1.5e12),
    ]);
    assert_eq!(kinds(&revised), [(AlertKind::Revised, Severity::Info)]);
    let text = &revised[0].explanation;
    assert!(text.contains("the target was raised from \"1.4 trillion tenge\" (a 2023-03-01) to \"1.5 trillion tenge\" (b 2024-03-01)"), "{text}");
    assert!(
        !text.contains("same figure") && !text.contains("within"),
        "{text}"
    );

    let restated = run(&[
        target(1, "a", "2023-03-01", "1.4 trillion tenge", 1.4e12),
        target(2, "b", "2024-03-01", "1.40 trillion tenge", 1.4e12),
    ]);
    assert_eq!(kinds(&restated), [(AlertKind::Restated, Severity::Info)]);
    assert!(
        restated[0]
            .explanation
            .contains("announced again by 2 documents"),
        "{}",
        restated[0].explanation
    );
}

#[test]
fn restated_reports_print_the_gap_they_were_judged_by() {
    // 1.4 and 1.45 trillion: 3.4% apart, within the tolerance as written.
    let report = |id: i64, doc: &str, text: &str, v: f64| {
        said(
            id,
            doc,
            "2024-03-01",
            &format!("Output reached {text} in 2023."),
            text,
            v,
            "KZT",
            "output",
            "level",
            "Aktobe region",
            "2023",
            "actual",
        )
    };
    let close = run(&[
        report(1, "a", "1.4 trillion tenge", 1.4e12),
        report(2, "b", "1.45 trillion tenge", 1.45e12),
    ]);
    assert_eq!(kinds(&close), [(AlertKind::Restated, Severity::Info)]);
    assert!(
        close[0]
            .explanation
            .contains("3.4% apart, within the 5% tolerance"),
        "{}",
        close[0].explanation
    );
    // One value to one precision in two languages: told again in other words.
    let translated = run(&[
        report(1, "a", "1.2 trillion tenge", 1.2e12),
        report(2, "b", "1,2 трлн тенге", 1.2e12),
    ]);
    assert_eq!(kinds(&translated), [(AlertKind::Restated, Severity::Info)]);
    assert!(
        translated[0]
            .explanation
            .contains("(the same figure in other words)"),
        "{}",
        translated[0].explanation
    );
    // 1 and 1.08 trillion: 7% apart as written, but `1 trillion` may be anything from 0.5
    // to 1.5: one figure, and the explanation says so rather than "within 5%".
    let coarse = run(&[
        report(1, "a", "1 trillion tenge", 1e12),
        report(2, "b", "1.08 trillion tenge", 1.08e12),
    ]);
    assert_eq!(
        kinds(&coarse),
        [(AlertKind::Restated, Severity::Info)],
        "{coarse:#?}"
    );
    let text = &coarse[0].explanation;
    assert!(
        text.contains("(the same figure, written with different precision)"),
        "{text}"
    );
    // 1.4 and 1.5 trillion reported: a conflict, never "within".
    let apart = run(&[
        report(1, "a", "1.4 trillion tenge", 1.4e12),
        report(2, "b", "1.5 trillion tenge", 1.5e12),
    ]);
    assert_eq!(kinds(&apart), [(AlertKind::Conflict, Severity::Warning)]);
    assert!(
        !apart[0].explanation.contains("within"),
        "{}",
        apart[0].explanation
    );
}

#[test]
fn pieces_of_money_are_not_a_places_whole() {
    // A zone's project money, a budget allocation: not the region's totals.
    for metric in ["project_value", "budget"] {
        let facts = [
            said(
                1,
                "a",
                "2024-03-01",
                "Projects worth 9 billion tenge were financed at the zone in 2023.",
                "9 billion tenge",
                9e9,
                "KZT",
                metric,
                "level",
                "SEZ Saryarka",
                "2023",
                "actual",
            ),
            said(
                2,
                "a",
                "2024-03-01",
                "The region received 4 billion tenge more in 2023.",
                "4 billion tenge",
                4e9,
                "KZT",
                metric,
                "level",
                "Karaganda region",
                "2023",
                "actual",
            ),
        ];
        let places = |name: &str| -> Vec<String> {
            match name {
                "SEZ Saryarka" => vec!["Karaganda region".into(), "Kazakhstan".into()],
                _ => vec![],
            }
        };
        assert!(check(&facts, &rates, &places).is_empty(), "{metric}");
    }
    // Investment is a statistic of the whole place: a zone cannot exceed its region.
    let facts = [
        said(
            1,
            "a",
            "2024-03-01",
            "The zone attracted 900 billion tenge of investment in 2023.",
            "900 billion tenge",
            9e11,
            "KZT",
            "investment",
            "level",
            "SEZ Saryarka",
            "2023",
            "actual",
        ),
        said(
            2,
            "b",
            "2024-04-01",
            "The region attracted 400 billion tenge of investment in 2023.",
            "400 billion tenge",
            4e11,
            "KZT",
            "investment",
            "level",
            "Karaganda region",
            "2023",
            "actual",
        ),
    ];
    let places = |name: &str| -> Vec<String> {
        match name {
            "SEZ Saryarka" => vec!["Karaganda region".into()],
            _ => vec![],
        }
    };
    assert_eq!(
        kinds(&check(&facts, &rates, &places)),
        [(AlertKind::PartExceedsWhole, Severity::Warning)]
    );
}

#[test]
fn a_wrong_equivalent_is_a_conversion_not_an_implausible_figure() {
    // 300 billion tenge with "$700 billion" beside it: the equivalent is wrong, the
    // figure is plausible.
    let mut f = said(
        1,
        "a",
        "2023-06-01",
        "Projects worth 300 billion tenge ($700 billion) are under way.",
        "300 billion tenge",
        3e11,
        "KZT",
        "project_value",
        "level",
        "Almaty",
        "2023",
        "actual",
    );
    f.fact.equivalents = vec![Equivalent {
        value: 7e11,
        unit: "USD".into(),
    }];
    f.value_usd = Some(7e11);
    let alerts = run(&[f]);
    assert_eq!(
        kinds(&alerts),
        [(AlertKind::Conversion, Severity::Error)],
        "{alerts:#?}"
    );
}

#[test]
fn figures_side_by_side_are_not_a_places_whole() {
    let region = said(
        1,
        "a",
        "2024-02-09",
        "Investment in fixed capital came to 1.3 trillion tenge over the year.",
        "1.3 trillion tenge",
        1.3e12,
        "KZT",
        "investment",
        "level",
        "Almaty region",
        "2023",
        "actual",
    );
    let country = |id: i64, sentence: &str, text: &str, v: f64| {
        said(
            id,
            "b",
            "2024-01-30",
            sentence,
            text,
            v,
            "USD",
            "investment",
            "level",
            "Kazakhstan",
            "2023",
            "actual",
        )
    };
    let pieces =
        "Investors from Turkey put in $2.1 billion and Korean companies about $1.9 billion.";
    // (case, the country's figures, whether the region's figure is a part larger than it)
    let cases = [
        (
            "two investors' money side by side",
            vec![
                country(2, pieces, "$2.1 billion", 2.1e9),
                country(3, pieces, "$1.9 billion", 1.9e9),
            ],
            false,
        ),
        (
            "the country's figure alone in its sentence",
            vec![country(
                2,
                "The country's investment reached $2.1 billion.",
                "$2.1 billion",
                2.1e9,
            )],
            true,
        ),
        (
            "two figures of other objects",
            vec![
                {
                    let mut f = country(2, pieces, "$2.1 billion", 2.1e9);
                    f.fact.object = Some("investment from Turkey".into());
                    f
                },
                country(3, pieces, "$1.9 billion", 1.9e9),
            ],
            true,
        ),
    ];
    for (case, wholes, alerts) in cases {
        let mut facts = vec![region.clone()];
        facts.extend(wholes);
        let found = run(&facts);
        assert_eq!(
            !of_kind(&found, AlertKind::PartExceedsWhole).is_empty(),
            alerts,
            "{case}: {found:#?}"
        );
    }
}
