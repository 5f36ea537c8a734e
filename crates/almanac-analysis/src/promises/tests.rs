//! Promises on small hand-made ledgers.

use super::*;
use crate::testing::{fact, places};

#[allow(clippy::too_many_arguments)]
fn planned(
    id: i64,
    doc: &str,
    date: &str,
    text: &str,
    v: f64,
    unit: &str,
    metric: &str,
    subject: &str,
    period: &str,
) -> LedgerFact {
    fact(
        id, doc, date, text, v, unit, metric, "level", subject, period, "planned",
    )
}

#[allow(clippy::too_many_arguments)]
fn actual(
    id: i64,
    doc: &str,
    date: &str,
    text: &str,
    v: f64,
    unit: &str,
    metric: &str,
    subject: &str,
    period: &str,
) -> LedgerFact {
    fact(
        id, doc, date, text, v, unit, metric, "level", subject, period, "actual",
    )
}

fn run(facts: &[LedgerFact]) -> Vec<Promise> {
    promises(facts, &PromiseOptions::default(), &places)
}

fn verdicts(ps: &[Promise]) -> Vec<(String, Verdict, Option<f64>)> {
    ps.iter()
        .map(|p| {
            (
                p.items[0].planned.text.clone(),
                p.verdict,
                p.ratio.map(|r| (r * 1000.0).round() / 1000.0),
            )
        })
        .collect()
}

#[test]
fn kept_partly_kept_not_kept_and_unreported() {
    let facts = [
        planned(
            1,
            "p",
            "2021-11-16",
            "2,100 jobs",
            2100.0,
            "job",
            "jobs",
            "Almaty",
            "2022",
        ),
        planned(
            2,
            "p",
            "2021-11-16",
            "1,500 jobs",
            1500.0,
            "job",
            "jobs",
            "Almaty Industrial Zone",
            "2023",
        ),
        planned(
            3,
            "p",
            "2021-11-16",
            "8 schools",
            8.0,
            "school",
            "infrastructure",
            "Almaty",
            "2022",
        ),
        planned(
            4,
            "p",
            "2021-11-16",
            "36 km",
            36.0,
            "km",
            "infrastructure",
            "Astana",
            "2022",
        ),
        actual(
            5,
            "a",
            "2023-01-24",
            "2,100 jobs",
            2100.0,
            "job",
            "jobs",
            "Almaty",
            "2022",
        ),
        actual(
            6,
            "b",
            "2024-02-09",
            "900 jobs",
            900.0,
            "job",
            "jobs",
            "Almaty Industrial Zone",
            "2023",
        ),
        actual(
            7,
            "a",
            "2023-01-24",
            "3 schools",
            3.0,
            "school",
            "infrastructure",
            "Almaty",
            "2022",
        ),
    ];
    let got = verdicts(&run(&facts));
    assert_eq!(
        got,
        [
            ("2,100 jobs".to_string(), Verdict::Kept, Some(1.0)),
            ("8 schools".to_string(), Verdict::NotKept, Some(0.375)),
            ("36 km".to_string(), Verdict::Unreported, None),
            ("1,500 jobs".to_string(), Verdict::PartlyKept, Some(0.6)),
        ]
    );
    let p = &run(&facts)[3];
    assert_eq!(
        p.explanation,
        "Almaty Industrial Zone: 1,500 jobs by 2023, announced 2021-11-16 (p): partly kept (60%); reported 900 jobs of 1,500 jobs"
    );
    assert_eq!(p.items[0].evidence[0].fact_id, 6);
    assert_eq!(p.items[0].evidence[0].doc, "b");
}

#[test]
fn not_yet_due_is_not_yet_reported_even_with_progress() {
    let facts = [
        planned(
            1,
            "p",
            "2024-09-05",
            "5,200 jobs",
            5200.0,
            "job",
            "jobs",
            "Almaty",
            // Over three years: a cumulative target, the year's reports count so far.
            "2024/2026",
        ),
        planned(
            2,
            "p",
            "2023-06-20",
            "27 km",
            27.0,
            "km",
            "infrastructure",
            "Almaty",
            "2024",
        ),
        actual(
            3,
            "a",
            "2024-09-06",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Almaty",
            "2024-01/2024-09",
        ),
    ];
    let got = verdicts(&run(&facts));
    assert_eq!(
        got,
        [
            ("27 km".to_string(), Verdict::NotYetReported, None),
            (
                "5,200 jobs".to_string(),
                Verdict::NotYetReported,
                Some(0.192)
            ),
        ]
    );
    assert!(
        run(&facts)[1]
            .explanation
            .ends_with("not yet reported, 19% so far; reported 1,000 jobs of 5,200 jobs"),
        "{}",
        run(&facts)[1].explanation
    );
}

#[test]
fn what_does_not_count_towards_a_promise() {
    let facts = [
        planned(
            1,
            "p",
            "2021-11-16",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Almaty",
            "2022",
        ),
        // Another place (not within Almaty), the same value.
        actual(
            2,
            "a",
            "2023-01-24",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Astana",
            "2022",
        ),
        // After the deadline.
        actual(
            3,
            "a",
            "2024-01-24",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Almaty",
            "2023",
        ),
        // Another unit.
        actual(
            4,
            "a",
            "2023-01-24",
            "1,000 people",
            1000.0,
            "person",
            "jobs",
            "Almaty",
            "2022",
        ),
        // Before the promise was made.
        actual(
            5,
            "a",
            "2021-05-24",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Almaty",
            "2020",
        ),
        // The same document.
        actual(
            6,
            "p",
            "2021-11-16",
            "1,000 jobs",
            1000.0,
            "job",
            "jobs",
            "Almaty",
            "2021",
        ),
        // Planned again elsewhere is not an outcome.
        planned(
            7,
            "b",
            "2022-05-16",
            "900 jobs",
            900.0,
            "job",
            "jobs",
            "Almaty",
            "2022",
        ),
    ];
    let ps = run(&facts);
    assert_eq!(ps[0].verdict, Verdict::Unreported, "{:#?}", ps[0]);
    assert!(ps[0].items[0].evidence.is_empty());
}

#[test]
fn flows_add_up_over_disjoint_periods_and_restatements_count_once() {
    let facts = [
        planned(
            1,
            "p",
            "2021-01-10",
            "10,000 jobs",
            10000.0,
            "job",
            "jobs",
            "Almaty",
            "2021/2023",
        ),
        actual(
            2,
            "a",
            "2022-01-20",
            "3,000 jobs",
            3000.0,
            "job",
            "jobs",
            "Almaty",
            "2021",
        ),
        actual(
            3,
            "b",
            "2022-03-20",
            "3,000 jobs",
            3000.0,
            "job",
            "jobs",
            "Almaty",
            "2021",
        ),
        actual(
            4,
            "c",
            "2023-01-20",
            "4,000 jobs",
            4000.0,
            "job",
            "jobs",
            "Almaty",
            "2022",
        ),
        // A district's part of 2022 overlaps the city's 2022: not added.
        actual(
            5,
            "c",
            "2023-01-20",
            "1,500 jobs",
            1500.0,
            "job",
            "jobs",
            "Alatau district",
            "2022",
        ),
        actual(
            6,
            "d",
            "2024-01-20",
            "2,800 jobs",
            2800.0,
            "job",
            "jobs",
            "Almaty",
            "2023",
        ),
    ];
    let ps = run(&facts);
    assert_eq!(ps[0].items[0].achieved, Some(9800.0));
    assert_eq!(ps[0].verdict, Verdict::Kept); // 98%: within rounding of the target.
    let ids: Vec<i64> = ps[0].items[0].evidence.iter().map(|e| e.fact_id).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&4) && ids.contains(&6));

    // A cumulative report for the whole period beats the sum of smaller ones only if larger.
    let mut more = facts.to_vec();
    more.push(actual(
        7,
        "e",
        "2024-02-20",
        "9,000 jobs",
        9000.0,
        "job",
        "jobs",
        "Almaty",
        "2021/2023",
    ));
    assert_eq!(run(&more)[0].items[0].achieved, Some(9800.0));
}

#[test]
fn stocks_take_the_latest_and_new_things_need_new_reports() {
    let facts = [
        planned(
            1,
            "p",
            "2021-01-10",
            "500 companies",
            500.0,
            "company",
            "companies",
            "Almaty",
            "2023",
        ),
        actual(
            2,
            "a",
            "2022-01-20",
            "450 companies",
            450.0,
            "company",
            "companies",
            "Almaty",
            "2021",
        ),
        actual(
            3,
            "b",
            "2023-01-20",
            "420 companies",
            420.0,
            "company",
            "companies",
            "Almaty",
            "2022",
        ),
        planned(
            4,
            "q",
            "2022-02-09",
            "7 new participants",
            7.0,
            "participant",
            "companies",
            "Almaty Industrial Zone",
            "2023",
        ),
        actual(
            5,
            "c",
            "2023-02-09",
            "31 participants",
            31.0,
            "participant",
            "companies",
            "Almaty Industrial Zone",
            "2023",
        ),
        actual(
            6,
            "c",
            "2023-02-09",
            "4 new participants",
            4.0,
            "participant",
            "companies",
            "Almaty Industrial Zone",
            "2022-06/2022-12",
        ),
        actual(
            7,
            "d",
            "2024-01-09",
            "2 new participants",
            2.0,
            "participant",
            "companies",
            "Almaty Industrial Zone",
            "2023-01/2023-11",
        ),
    ];
    // Reports of 2021 and 2022 do not answer targets for 2023: the first is unreported,
    // the second has only the 2023 report of new participants (2 of 7; 31 participants
    // in all is not a count of new ones).
    let ps = run(&facts);
    let got = verdicts(&ps);
    assert_eq!(
        got,
        [
            ("500 companies".to_string(), Verdict::Unreported, None),
            (
                "7 new participants".to_string(),
                Verdict::NotKept,
                Some(0.286)
            ),
        ]
    );
    // A stock is the level reported for the deadline's period, the latest stretch of it.
    let mut facts = facts.to_vec();
    facts.push(actual(
        8,
        "e",
        "2024-01-20",
        "420 companies",
        420.0,
        "company",
        "companies",
        "Almaty",
        "2023",
    ));
    let got = verdicts(&run(&facts));
    assert_eq!(
        got[0],
        ("500 companies".to_string(), Verdict::PartlyKept, Some(0.84))
    );
}

#[test]
fn a_group_is_matched_as_a_group() {
    let mut facts = vec![
        planned(
            1,
            "p",
            "2021-11-16",
            "5 projects",
            5.0,
            "project",
            "projects",
            "Almaty Industrial Zone",
            "2022",
        ),
        planned(
            2,
            "p",
            "2021-11-16",
            "369 jobs",
            369.0,
            "job",
            "jobs",
            "Almaty Industrial Zone",
            "2022",
        ),
        // Reported together later: 4 projects and 300 jobs.
        actual(
            3,
            "a",
            "2023-01-24",
            "4 projects",
            4.0,
            "project",
            "projects",
            "Almaty Industrial Zone",
            "2022",
        ),
        actual(
            4,
            "a",
            "2023-01-24",
            "300 jobs",
            300.0,
            "job",
            "jobs",
            "Almaty Industrial Zone",
            "2022",
        ),
        // A loose count of all the zone's projects must not answer the promise.
        actual(
            5,
            "b",
            "2023-02-24",
            "60 projects",
            60.0,
            "project",
            "projects",
            "Almaty Industrial Zone",
            "2022",
        ),
    ];
    for f in &mut facts[..2] {
        f.fact.group = Some(1);
    }
    for f in &mut facts[2..4] {
        f.fact.group = Some(3);
    }
    let ps = run(&facts);
    assert_eq!(ps.len(), 1);
    let p = &ps[0];
    assert_eq!(p.items.len(), 2);
    assert_eq!(p.items[0].achieved, Some(4.0));
    assert_eq!(p.items[1].achieved, Some(300.0));
    assert_eq!(p.verdict, Verdict::PartlyKept);
    assert_eq!(p.ratio.map(|r| (r * 1000.0).round() / 1000.0), Some(0.8));
    assert_eq!(
        p.explanation,
        "Almaty Industrial Zone: 5 projects, 369 jobs by 2022, announced 2021-11-16 (p): partly kept (80%); reported 4 projects of 5 projects, 300 jobs of 369 jobs"
    );
}

#[test]
fn money_is_compared_in_tenge_and_restated_promises_merge() {
    let mut plan = planned(
        1,
        "p",
        "2021-11-16",
        "85 billion tenge",
        85e9,
        "KZT",
        "investment",
        "Almaty",
        "2022",
    );
    plan.value_kzt = Some(85e9);
    let mut again = planned(
        2,
        "q",
        "2022-03-01",
        "85 billion tenge",
        85e9,
        "KZT",
        "investment",
        "Almaty",
        "2022",
    );
    again.value_kzt = Some(85e9);
    let mut done = actual(
        3,
        "a",
        "2023-01-24",
        "$190 million",
        190e6,
        "USD",
        "investment",
        "Almaty",
        "2022",
    );
    done.value_kzt = Some(190e6 * 460.48);
    let ps = run(&[plan, again, done]);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].restated.len(), 1);
    assert_eq!(ps[0].restated[0].doc, "q");
    assert_eq!(ps[0].verdict, Verdict::Kept);
    assert_eq!(ps[0].items[0].unit, "KZT");
}

#[test]
fn subject_filter_includes_places_within() {
    let facts = [
        planned(
            1,
            "p",
            "2021-11-16",
            "1,500 jobs",
            1500.0,
            "job",
            "jobs",
            "Almaty Industrial Zone",
            "2023",
        ),
        planned(
            2,
            "p",
            "2021-11-16",
            "800 jobs",
            800.0,
            "job",
            "jobs",
            "Astana",
            "2023",
        ),
    ];
    let opts = PromiseOptions {
        subject: Some("Almaty".into()),
        as_of: None,
    };
    let ps = promises(&facts, &opts, &places);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].subject.as_deref(), Some("Almaty Industrial Zone"));
    // as_of moves "now": before the deadline nothing is overdue.
    assert_eq!(ps[0].verdict, Verdict::NotYetReported);
    let late = PromiseOptions {
        subject: Some("Almaty".into()),
        as_of: Some("2024-06-01".parse().unwrap()),
    };
    assert_eq!(
        promises(&facts, &late, &places)[0].verdict,
        Verdict::Unreported
    );
}

#[test]
fn a_level_target_is_met_by_one_report_never_a_sum() {
    let target = planned(
        1,
        "p",
        "2023-02-01",
        "1.4 trillion tenge",
        1.4e12,
        "KZT",
        "output",
        "Almaty",
        "2023",
    );
    let report = |id: i64, doc: &str, date: &str, text: &str, v: f64, period: &str| {
        let mut f = actual(id, doc, date, text, v, "KZT", "output", "Almaty", period);
        f.value_kzt = Some(v);
        f
    };
    let mut facts = vec![
        target,
        report(
            2,
            "a",
            "2023-09-10",
            "900 billion tenge",
            9e11,
            "2023-01/2023-08",
        ),
        report(3, "b", "2024-01-20", "1.45 trillion tenge", 1.45e12, "2023"),
        report(4, "c", "2024-03-01", "1.44 trillion tenge", 1.44e12, "2023"),
        // Another year does not answer a target for 2023.
        report(5, "c", "2024-03-01", "1.3 trillion tenge", 1.3e12, "2022"),
    ];
    facts[0].value_kzt = Some(1.4e12);
    let ps = run(&facts);
    assert_eq!(ps.len(), 1);
    let item = &ps[0].items[0];
    // The year's report of the latest document, not 0.9 + 1.45 + 1.44 trillion.
    assert_eq!(item.achieved, Some(1.44e12));
    assert_eq!(ps[0].verdict, Verdict::Kept);
    assert_eq!(
        item.evidence.iter().map(|e| e.fact_id).collect::<Vec<_>>(),
        [4]
    );

    // Two disjoint quarters are not a year: the year-to-date figure is part of the answer
    // only, shown as partial evidence after the deadline.
    let quarters = vec![
        facts[0].clone(),
        report(6, "d", "2023-04-10", "300 billion tenge", 3e11, "2023-Q1"),
        report(7, "e", "2023-07-10", "350 billion tenge", 3.5e11, "2023-Q2"),
        report(8, "f", "2024-02-01", "1 trillion tenge", 1e12, "2024"),
    ];
    let ps = run(&quarters);
    assert_eq!(ps[0].verdict, Verdict::PartialEvidence, "{:#?}", ps[0]);
    assert_eq!(ps[0].items[0].achieved, Some(3e11));
    assert!(ps[0].items[0].evidence.is_empty());
    assert_eq!(ps[0].items[0].partial_evidence[0].fact_id, 6);
    assert!(
        ps[0]
            .explanation
            .ends_with("the reports of Almaty cover 2023-Q1 of 2023 only"),
        "{}",
        ps[0].explanation
    );
}

#[test]
fn what_is_not_a_promise() {
    let facts = [
        // The starting point of a plan is actual; the plan's end is the promise.
        actual(
            1,
            "p",
            "2023-05-01",
            "19%",
            19.0,
            "%",
            "economy",
            "Almaty",
            "2022",
        ),
        planned(
            2,
            "p",
            "2023-05-01",
            "25%",
            25.0,
            "%",
            "economy",
            "Almaty",
            "2025",
        ),
        // No deadline, no subject, or a deadline already past when it was said.
        planned(
            3,
            "p",
            "2023-05-01",
            "40 schools",
            40.0,
            "school",
            "infrastructure",
            "Almaty",
            "",
        ),
        planned(
            4,
            "p",
            "2023-05-01",
            "12 parks",
            12.0,
            "park",
            "infrastructure",
            "",
            "2024",
        ),
        planned(
            5,
            "p",
            "2023-05-01",
            "3 plants",
            3.0,
            "plant",
            "projects",
            "Almaty",
            "2021",
        ),
    ];
    let ps = run(&facts);
    let texts: Vec<&str> = ps
        .iter()
        .map(|p| p.items[0].planned.text.as_str())
        .collect();
    assert_eq!(texts, ["25%"]);
}

#[test]
fn reports_of_places_within_are_partial_evidence() {
    // A city's plan of projects and jobs for the year; at the end of the year only its
    // industrial zone reports how many projects it launched.
    let mut facts = vec![
        planned(
            1,
            "p",
            "2021-06-10",
            "nine industrial projects",
            9.0,
            "project",
            "projects",
            "Almaty",
            "2021",
        ),
        planned(
            2,
            "p",
            "2021-06-10",
            "823 jobs",
            823.0,
            "job",
            "jobs",
            "Almaty",
            "2021",
        ),
        actual(
            3,
            "a",
            "2021-12-20",
            "seven projects",
            7.0,
            "project",
            "projects",
            "Almaty Industrial Zone",
            "2021",
        ),
        actual(
            4,
            "b",
            "2022-01-15",
            "2,000 jobs",
            2000.0,
            "job",
            "jobs",
            "Astana",
            "2021",
        ),
    ];
    for f in &mut facts[..2] {
        f.fact.group = Some(1);
    }
    let ps = run(&facts);
    assert_eq!(ps.len(), 1);
    let p = &ps[0];
    assert_eq!(p.verdict, Verdict::PartialEvidence);
    assert_eq!(p.items[0].verdict, Verdict::PartialEvidence);
    assert!(p.items[0].evidence.is_empty());
    assert_eq!(p.items[0].partial_evidence[0].fact_id, 3);
    assert_eq!(p.items[1].verdict, Verdict::Unreported);
    assert_eq!(
        p.explanation,
        "Almaty: nine industrial projects, 823 jobs by 2021, announced 2021-06-10 (p): partial evidence; within Almaty: Almaty Industrial Zone 7 projects (2021)"
    );

    // The city's own report settles it; the zone's stays beside it as partial evidence.
    facts.push(actual(
        5,
        "c",
        "2022-01-25",
        "9 projects",
        9.0,
        "project",
        "projects",
        "Almaty",
        "2021",
    ));
    facts.push(actual(
        6,
        "c",
        "2022-01-25",
        "400 jobs",
        400.0,
        "job",
        "jobs",
        "Almaty",
        "2021",
    ));
    let p = &run(&facts)[0];
    assert_eq!(p.verdict, Verdict::NotKept, "{:#?}", p);
    assert_eq!(p.items[0].verdict, Verdict::Kept);
    assert!(p.items[0].partial_evidence.is_empty());
    assert_eq!(p.items[1].ratio.map(|r| (r * 100.0).round()), Some(49.0));
}

#[test]
fn less_is_the_aim_for_unemployment_and_an_index_counts_its_growth() {
    let facts = [
        planned(
            1,
            "p",
            "2022-03-01",
            "4.8%",
            4.8,
            "%",
            "unemployment",
            "Almaty",
            "2022",
        ),
        actual(
            2,
            "a",
            "2023-02-01",
            "4.7%",
            4.7,
            "%",
            "unemployment",
            "Almaty",
            "2022",
        ),
        fact(
            3,
            "p",
            "2022-03-01",
            "105%",
            105.0,
            "%",
            "output",
            "index",
            "Astana",
            "2022",
            "planned",
        ),
        fact(
            4,
            "a",
            "2023-02-01",
            "103%",
            103.0,
            "%",
            "output",
            "index",
            "Astana",
            "2022",
            "actual",
        ),
    ];
    let got = verdicts(&run(&facts));
    assert_eq!(
        got,
        [
            ("4.8%".to_string(), Verdict::Kept, Some(1.021)),
            ("105%".to_string(), Verdict::PartlyKept, Some(0.6)),
        ]
    );
    // Unemployment well above the target keeps it partly at most.
    let mut worse = facts.to_vec();
    worse[1].fact.value = 6.5;
    worse[1].fact.text = "6.5%".into();
    assert_eq!(run(&worse)[0].verdict, Verdict::PartlyKept);
    assert_eq!(
        run(&worse)[0].ratio.map(|r| (r * 100.0).round()),
        Some(74.0)
    );
}

#[test]
fn a_count_answers_a_count_but_money_of_another_set_does_not() {
    let mut facts = vec![
        planned(
            1,
            "p",
            "2021-06-10",
            "nine projects",
            9.0,
            "project",
            "projects",
            "Almaty",
            "2021",
        ),
        planned(
            2,
            "p",
            "2021-06-10",
            "40 billion tenge",
            40e9,
            "KZT",
            "project_value",
            "Almaty",
            "2021",
        ),
        actual(
            3,
            "a",
            "2022-01-20",
            "seven projects",
            7.0,
            "project",
            "projects",
            "Almaty",
            "2021",
        ),
        // The money of 27 projects is not the money of the nine.
        actual(
            4,
            "a",
            "2022-01-20",
            "124 billion tenge",
            124e9,
            "KZT",
            "project_value",
            "Almaty",
            "2021",
        ),
    ];
    for (f, object) in facts.iter_mut().zip([
        "nine projects",
        "nine projects",
        "seven projects",
        "27 projects",
    ]) {
        f.fact.object = Some(object.to_string());
        f.value_kzt = f.is_money().then_some(f.fact.value);
    }
    for f in &mut facts[..2] {
        f.fact.group = Some(1);
    }
    let p = &run(&facts)[0];
    assert_eq!(p.items[0].achieved, Some(7.0));
    assert_eq!(p.items[0].verdict, Verdict::PartlyKept);
    assert_eq!(p.items[1].achieved, None);
    assert_eq!(p.items[1].verdict, Verdict::Unreported);
    assert_eq!(p.verdict, Verdict::PartlyKept);
}

#[test]
fn a_promise_told_twice_in_one_article_is_one_promise() {
    // (case, each fact of one article with its group, promises expected)
    let projects = |id: i64, text: &str, v: f64, subject: &str| {
        planned(
            id,
            "p",
            "2023-01-09",
            text,
            v,
            "project",
            "projects",
            subject,
            "2023",
        )
    };
    let jobs = |id: i64, text: &str, v: f64| {
        planned(
            id,
            "p",
            "2023-01-09",
            text,
            v,
            "job",
            "jobs",
            "Kostanay region",
            "2023",
        )
    };
    type Told = (LedgerFact, Option<u32>);
    let cases: Vec<(&str, Vec<Told>, usize)> = vec![
        (
            "a headline and its body",
            vec![
                (projects(1, "5 projects", 5.0, "Kostanay region"), None),
                (projects(2, "five projects", 5.0, "Kostanay region"), None),
            ],
            1,
        ),
        (
            "a lead and the official's quote, two figures each",
            vec![
                (
                    projects(1, "five projects", 5.0, "Kostanay region"),
                    Some(1),
                ),
                (jobs(2, "1,000 jobs", 1000.0), Some(1)),
                (jobs(3, "1,000 jobs", 1000.0), Some(3)),
                (
                    projects(4, "five projects", 5.0, "Kostanay region"),
                    Some(3),
                ),
            ],
            1,
        ),
        (
            "two figures of one subject",
            vec![
                (projects(1, "5 projects", 5.0, "Kostanay region"), None),
                (projects(2, "7 projects", 7.0, "Kostanay region"), None),
            ],
            2,
        ),
        (
            "one figure for two places",
            vec![
                (projects(1, "5 projects", 5.0, "Kostanay region"), None),
                (projects(2, "5 projects", 5.0, "Akmola region"), None),
            ],
            2,
        ),
        (
            "a group and one of its figures alone",
            vec![
                (
                    projects(1, "five projects", 5.0, "Kostanay region"),
                    Some(1),
                ),
                (jobs(2, "1,000 jobs", 1000.0), Some(1)),
                (jobs(3, "1,000 jobs", 1000.0), None),
            ],
            1,
        ),
        (
            "a figure alone before its group",
            vec![
                (jobs(1, "1,000 jobs", 1000.0), None),
                (
                    projects(2, "five projects", 5.0, "Kostanay region"),
                    Some(2),
                ),
                (jobs(3, "1,000 jobs", 1000.0), Some(2)),
            ],
            1,
        ),
    ];
    for (case, facts, expected) in cases {
        let facts: Vec<LedgerFact> = facts
            .into_iter()
            .map(|(mut f, group)| {
                f.fact.group = group;
                f
            })
            .collect();
        let ps = run(&facts);
        assert_eq!(ps.len(), expected, "{case}: {ps:#?}");
        if expected == 1 {
            // The fullest telling is the promise, the others are listed as restated.
            assert!(ps[0].items.iter().any(|i| i.planned.fact_id <= 2), "{case}");
            assert_eq!(
                ps[0].restated.len(),
                facts.len() - ps[0].items.len(),
                "{case}"
            );
        }
    }
}

#[test]
fn a_floor_proves_no_shortfall_and_a_ceiling_no_success() {
    let target = |text: &str, v: f64, unit: &str, metric: &str| {
        planned(
            1,
            "p",
            "2021-06-25",
            text,
            v,
            unit,
            metric,
            "Almaty",
            "2021",
        )
    };
    let report = |text: &str, v: f64, unit: &str, metric: &str, q: Option<Qualifier>| {
        let mut f = actual(
            2,
            "a",
            "2022-01-20",
            text,
            v,
            unit,
            metric,
            "Almaty",
            "2021",
        );
        f.fact.qualifier = q;
        f
    };
    let more = Some(Qualifier::MoreThan);
    let up_to = Some(Qualifier::LessThan);
    // (report, verdict on a target of 84 projects)
    for (text, v, q, verdict) in [
        ("30 projects", 30.0, None, Verdict::NotKept),
        (
            "more than 30 projects",
            30.0,
            more,
            Verdict::PartialEvidence,
        ),
        ("60 projects", 60.0, None, Verdict::PartlyKept),
        ("over 60 projects", 60.0, more, Verdict::PartialEvidence),
        ("more than 90 projects", 90.0, more, Verdict::Kept),
        ("up to 90 projects", 90.0, up_to, Verdict::PartialEvidence),
        ("up to 30 projects", 30.0, up_to, Verdict::NotKept),
    ] {
        let ps = run(&[
            target("84 projects", 84.0, "project", "projects"),
            report(text, v, "project", "projects", q),
        ]);
        assert_eq!(ps[0].verdict, verdict, "{text}: {}", ps[0].explanation);
        if verdict == Verdict::PartialEvidence {
            assert!(
                ps[0].explanation.contains("only ("),
                "{text}: {}",
                ps[0].explanation
            );
        }
    }
    // Less is the aim for unemployment: "below 5%" against a 4.5% target is no failure.
    let mut aim = target("4.5%", 4.5, "%", "unemployment");
    aim.fact.measure = Some(Measure::Level);
    let below = report("below 5%", 5.0, "%", "unemployment", up_to);
    assert_eq!(run(&[aim, below])[0].verdict, Verdict::PartialEvidence);
}

/// A fact with its own sentence and place in the article.
fn told(mut f: LedgerFact, sentence: &str, at: usize) -> LedgerFact {
    f.fact.sentence = sentence.to_string();
    f.fact.span = [at, at + f.fact.text.len()];
    f
}

#[test]
fn partial_evidence_is_of_the_same_programme_and_written_after_the_promise() {
    let target = told(
        planned(
            1,
            "p",
            "2019-05-10",
            "60 projects",
            60.0,
            "project",
            "projects",
            "Kazakhstan",
            "2021",
        ),
        "By 2021, 60 projects are to open in the special economic zones.",
        9,
    );
    let report = |subject: &str, text: &str, v: f64, sentence: &str| {
        let f = actual(
            2,
            "a",
            "2022-02-01",
            text,
            v,
            "project",
            "projects",
            subject,
            "2021",
        );
        told(f, sentence, 0)
    };
    // (case, the report, verdict)
    let cases = [
        (
            "a place within, under another programme",
            report(
                "Almaty region",
                "5 projects",
                5.0,
                "Under the industrialization programme the oblast opened 5 projects in 2021.",
            ),
            Verdict::Unreported,
        ),
        (
            "a place within, no programme named",
            report(
                "Almaty region",
                "5 projects",
                5.0,
                "The oblast opened 5 projects in 2021.",
            ),
            Verdict::Unreported,
        ),
        (
            "a place within, in a zone of the same kind",
            report(
                "Almaty region",
                "5 projects",
                5.0,
                "Its special economic zone opened 5 projects in 2021.",
            ),
            Verdict::PartialEvidence,
        ),
        (
            "the subject itself, no programme named",
            report(
                "Kazakhstan",
                "62 projects",
                62.0,
                "In 2021 the country opened 62 projects.",
            ),
            Verdict::Kept,
        ),
        (
            "the subject itself, under another programme",
            report(
                "Kazakhstan",
                "62 projects",
                62.0,
                "Under the Business Roadmap, 62 projects opened in 2021.",
            ),
            Verdict::Unreported,
        ),
    ];
    for (case, report, verdict) in cases {
        let ps = run(&[target.clone(), report]);
        assert_eq!(ps[0].verdict, verdict, "{case}: {}", ps[0].explanation);
    }

    // A plan for the year, and a place within reporting projects under way three days
    // later (no evidence) or after the year (partial evidence).
    let target = planned(
        1,
        "p",
        "2020-11-20",
        "150 more projects",
        150.0,
        "project",
        "projects",
        "Kazakhstan",
        "2020",
    );
    for (written, verdict) in [
        ("2020-11-23", Verdict::Unreported),
        ("2020-12-20", Verdict::PartialEvidence),
        ("2021-01-20", Verdict::PartialEvidence),
    ] {
        let under_way = actual(
            2,
            "a",
            written,
            "40 projects",
            40.0,
            "project",
            "projects",
            "Almaty region",
            "2020",
        );
        let opts = PromiseOptions {
            as_of: "2021-06-01".parse().ok(),
            ..PromiseOptions::default()
        };
        let ps = promises(&[target.clone(), under_way], &opts, &places);
        assert_eq!(ps[0].verdict, verdict, "{written}: {}", ps[0].explanation);
    }
}

#[test]
fn a_figure_of_a_place_told_again_for_an_organisation_is_one_promise() {
    let projects = |id: i64, subject: &str, sentence: &str, at: usize| {
        let f = planned(
            id,
            "p",
            "2022-04-26",
            "64 projects",
            64.0,
            "project",
            "projects",
            subject,
            "2022",
        );
        told(f, sentence, at)
    };
    let lead = |id| {
        projects(
            id,
            "Kazakhstan",
            "The minister expects the country to open 64 projects this year.",
            100,
        )
    };
    let quote = |id| {
        projects(
            id,
            "Ministry of Energy",
            "«The Ministry of Energy will build 64 projects in 2022,» he said.",
            400,
        )
    };
    // (case, facts) — each one promise about the country, the ministry named.
    for (case, facts) in [
        ("the lead, then the quote", [lead(1), quote(2)]),
        ("the quote first", [quote(1), lead(2)]),
    ] {
        let ps = run(&facts);
        assert_eq!(ps.len(), 1, "{case}: {ps:#?}");
        assert_eq!(ps[0].subject.as_deref(), Some("Kazakhstan"), "{case}");
        assert_eq!(ps[0].restated.len(), 1, "{case}");
        assert!(
            ps[0]
                .explanation
                .ends_with("; also given for Ministry of Energy"),
            "{case}: {}",
            ps[0].explanation
        );
    }
    // Two articles, or two places, are two promises.
    let mut other_article = quote(2);
    other_article.fact.doc = "q".to_string();
    assert_eq!(run(&[lead(1), other_article]).len(), 2);
    let mut region = lead(2);
    region.fact.subject = Some("Kostanay region".to_string());
    region.fact.span = [400, 411];
    assert_eq!(run(&[lead(1), region]).len(), 2);
}

#[test]
fn list_items_adding_up_to_a_promise_are_its_parts() {
    let projects = |id: i64, text: &str, v: f64, sentence: &str, at: usize| {
        let f = planned(
            id,
            "p",
            "2024-10-14",
            text,
            v,
            "project",
            "projects",
            "Almaty region",
            "2024/2026",
        );
        told(f, sentence, at)
    };
    let whole = "Over three years the region will carry out 90 projects.";
    let list = "They include 30 large, 25 industrial and 35 municipal projects.";
    let short = "They include 30 large and 35 municipal projects.";
    let twins = "They include 30 large and 30 municipal projects.";
    // (case, the list's sentence and its items, promises, parts of the first)
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, f64)>, usize, usize);
    let cases: [Case; 3] = [
        (
            "items adding up",
            list,
            vec![
                ("30 large", 30.0),
                ("25 industrial", 25.0),
                ("35 municipal projects", 35.0),
            ],
            1,
            3,
        ),
        (
            "items falling short are promises of their own",
            short,
            vec![("30 large", 30.0), ("35 municipal projects", 35.0)],
            3,
            0,
        ),
        (
            "two items of one value are two promises, not one told twice",
            twins,
            vec![("30 large", 30.0), ("30 municipal projects", 30.0)],
            3,
            0,
        ),
    ];
    for (case, sentence, items, n_promises, n_parts) in cases {
        let mut facts = vec![projects(1, "90 projects", 90.0, whole, 44)];
        for (n, (text, v)) in items.into_iter().enumerate() {
            let at = 100 + sentence.find(text).expect("in the sentence");
            facts.push(projects(n as i64 + 2, text, v, sentence, at));
        }
        let ps = run(&facts);
        assert_eq!(ps.len(), n_promises, "{case}: {ps:#?}");
        let first = ps.iter().find(|p| p.items[0].planned.fact_id == 1).unwrap();
        assert_eq!(first.parts.len(), n_parts, "{case}");
        assert!(first.restated.is_empty(), "{case}");
    }
    let ps = run(&[
        projects(1, "90 projects", 90.0, whole, 44),
        projects(2, "30 large", 30.0, list, 113),
        projects(3, "25 industrial", 25.0, list, 123),
        projects(4, "35 municipal projects", 35.0, list, 142),
    ]);
    assert!(
        ps[0]
            .explanation
            .ends_with("; of which 30 large, 25 industrial, 35 municipal projects"),
        "{}",
        ps[0].explanation
    );
}

#[test]
fn a_figure_without_a_unit_is_no_promise_and_one_without_its_noun_is_shown_with_it() {
    let mut unitless = planned(
        1,
        "p",
        "2025-08-03",
        "14",
        14.0,
        "",
        "housing",
        "Almaty",
        "2025",
    );
    unitless.fact.unit = None;
    let another = planned(
        2,
        "p",
        "2025-08-03",
        "another 9",
        9.0,
        "building",
        "housing",
        "Almaty",
        "2025",
    );
    let ps = run(&[unitless, another]);
    assert_eq!(ps.len(), 1);
    assert!(
        ps[0]
            .explanation
            .starts_with("Almaty: another 9 (building) by 2025"),
        "{}",
        ps[0].explanation
    );
}
