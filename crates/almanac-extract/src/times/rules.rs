//! The rules of the grammar in `times`, tried in order at each token; each production is
//! written above the function that parses it.

use chrono::Datelike;

use crate::period::Period;

use super::parser::{day_period, hit, Edge, Hit, Parser, Unit, When, YearRef};
use super::tokens::TokKind;
use super::words::{w, Class};
use super::TimeKind;

impl Parser<'_> {
    /// ```text
    /// elided   = ("in" | "for") ["the"] ordinal ("," | ";" | dash)             Point
    /// ```
    ///
    /// `In the first quarter, 2,730 borrowers ...; in the second, 3,518`: an ordinal with
    /// its part of the year left out, right after a quarter or a half named last, is that
    /// part again, of the same year.
    pub(super) fn elided_part(&self, i: usize, last: Option<Period>) -> Option<Hit> {
        if !self.is_any(i, &[w!("in"), w!("for")]) {
            return None;
        }
        let (n, next) = self.ordinal_at(self.skip_the(i + 1))?;
        if !(matches!(self.punct(next), Some(',' | ';')) || self.is_dash(next)) {
            return None;
        }
        let period = last?.same_part(n)?;
        hit(next, Some(period), TimeKind::Point)
    }

    /// ```text
    /// time     = asof | since | from | deadline | same | over | months | past | todate
    ///          | present | point            (tried in this order; the first that matches wins)
    /// ```
    pub(super) fn rule_at(&self, i: usize) -> Option<Hit> {
        let hit = self
            .as_of(i)
            .or_else(|| self.since(i))
            .or_else(|| self.range_from(i))
            .or_else(|| self.deadline(i))
            .or_else(|| self.same_period(i))
            .or_else(|| self.over_the_year(i))
            .or_else(|| self.counted_months(i))
            .or_else(|| self.past_years(i))
            .or_else(|| self.to_date(i))
            .or_else(|| self.present(i))
            .or_else(|| self.point(i))?;
        if hit.kind != TimeKind::Name && self.ends_in_count(hit.end) {
            let strong_cue = i > 0 && self.class(i - 1, Class::YearCue).is_some();
            if !strong_cue {
                return None;
            }
        }
        Some(hit)
    }

    /// ```text
    /// asof     = ("as of" | "as at") (edge X | X)                                AsOf, a day
    ///          | ("as of" | "as at") ("today" | "now" | "present")             Point, the year
    /// ```
    ///
    /// `as of the beginning of this year`, `as of June 1, 2024`, `as at 2023`, `as of today`.
    pub(super) fn as_of(&self, i: usize) -> Option<Hit> {
        let j = self
            .words(i, &[w!("as"), w!("of")])
            .or_else(|| self.words(i, &[w!("as"), w!("at")]))?;
        if let Some((edge, when, next)) = self.edged_at(j) {
            let period = when.period(self.doc).map(|p| match edge {
                Edge::Start => Period::Day(p.bounds().0),
                Edge::End => Period::Day(p.bounds().1),
                Edge::Middle => p,
            });
            return hit(next, period, TimeKind::AsOf);
        }
        // `as of today` is the document's year (FACTS.md): a count that stands now.
        if self.is_any(j, &[w!("today"), w!("now"), w!("present")]) {
            return hit(
                j + 1,
                self.doc.map(|d| Period::Year(d.year())),
                TimeKind::Point,
            );
        }
        let (when, next) = self.point_at(j)?;
        hit(next, when.period(self.doc), TimeKind::AsOf)
    }

    /// ```text
    /// since    = "since" edge X                                                   ToDate
    ///          | "since" X [joiner Y]                                             Span / ToDate
    /// ```
    ///
    /// `since the beginning of the year` (ToDate), `since February` (ToDate), `since 2012`
    /// (Span up to the document year), `since 2016 to 2022` (Span).
    pub(super) fn since(&self, i: usize) -> Option<Hit> {
        if !self.is_word(i, w!("since")) {
            return None;
        }
        self.start_to_now(i + 1)
            .or_else(|| self.since_founding(i + 1))
    }

    /// ```text
    /// (after "since")  words-with-founding "in" YEAR                              Span
    /// ```
    ///
    /// `since its creation in 2013`, `since the zone was set up in 2018`: what has
    /// accumulated from the founding year to the document's. Up to ten words (`since the
    /// Economy of Simple Things programme was launched in 2019`), with a word of founding
    /// among them and nothing but words before `in`.
    fn since_founding(&self, j: usize) -> Option<Hit> {
        const FOUNDING: &[u8] = &[
            w!("creation"),
            w!("establishment"),
            w!("founding"),
            w!("foundation"),
            w!("inception"),
            w!("launch"),
            w!("opening"),
            w!("established"),
            w!("founded"),
            w!("created"),
            w!("launched"),
            w!("opened"),
            w!("set"),
            w!("formation"),
            w!("formed"),
            w!("started"),
            w!("began"),
            w!("introduced"),
        ];
        let mut founding = false;
        for k in j..j + 10 {
            if !self.is_word_tok(k) {
                return None;
            }
            if founding && self.is_word(k, w!("in")) {
                let (year, next) = self.year_at(k + 1)?;
                let now = self.doc?.year();
                if year > now {
                    return None;
                }
                let span = Period::interval(Period::Year(year), Period::Year(now));
                return hit(next, Some(span), TimeKind::Span);
            }
            founding |= self.is_any(k, FOUNDING);
        }
        None
    }

    /// ```text
    /// (after "since" or "from")  edge X [joiner Y] | X [joiner Y]
    /// ```
    ///
    /// After `since` or `from`: an edge or a point, up to a written end or to the document date.
    pub(super) fn start_to_now(&self, j: usize) -> Option<Hit> {
        let doc = self.doc;
        if let Some((Edge::Start, when, next)) = self.edged_at(j) {
            let start = when.period(doc).map(|p| {
                let first = p.bounds().0;
                Period::Month(first.year(), first.month() as u8)
            });
            if let Some(k) = self.joiner_at(next) {
                if let Some((end, after)) = self.point_at(k) {
                    let end = When {
                        year: if end.year == YearRef::Implicit {
                            when.year
                        } else {
                            end.year
                        },
                        ..end
                    };
                    let period = match (start, end.period(doc)) {
                        (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => {
                            Some(Period::interval(a, b))
                        }
                        _ => None,
                    };
                    return hit(after, period, TimeKind::Span);
                }
            }
            let period = start.zip(doc).map(|(a, d)| {
                let now = Period::Month(d.year(), d.month() as u8);
                if a.bounds().0 <= now.bounds().1 {
                    Period::interval(a, now)
                } else {
                    a
                }
            });
            return hit(next, period, TimeKind::ToDate);
        }
        let (when, next) = self.point_at(j)?;
        if let Some((period, after)) = self.range_after(when, next, true) {
            return hit(after, period, TimeKind::Span);
        }
        // `since December` said in January: December of the year before.
        let when = match (when.year, doc) {
            (YearRef::Implicit, Some(d))
                if when.unit != Unit::Year && u32::from(when.unit.first_month()) > d.month() =>
            {
                When {
                    year: YearRef::Relative(-1),
                    ..when
                }
            }
            _ => when,
        };
        let start = when.period(doc);
        let (now, kind) = match when.unit {
            Unit::Year => (doc.map(|d| Period::Year(d.year())), TimeKind::Span),
            Unit::Day(..) => (day_period(doc), TimeKind::ToDate),
            _ => (
                doc.map(|d| Period::Month(d.year(), d.month() as u8)),
                TimeKind::ToDate,
            ),
        };
        let period = match (start, now) {
            (Some(a), Some(b)) if a.bounds().0 <= b.bounds().1 => Some(Period::interval(a, b)),
            (Some(a), Some(_)) => Some(a),
            _ => None,
        };
        hit(next, period, kind)
    }

    /// ```text
    /// from     = "from" edge X [joiner Y] | "from" X joiner Y | "between" X "and" Y  Span / ToDate
    ///          | "from" D M [Y]                                                AsOf, a day
    /// ```
    ///
    /// `from 2016 to 2022`, `from January to May 2024`, `from the beginning of the year`,
    /// `between 2016 and 2022`.
    pub(super) fn range_from(&self, i: usize) -> Option<Hit> {
        if self.is_word(i, w!("from")) {
            if self
                .edge_at(i + 1)
                .is_some_and(|(edge, _)| edge == Edge::Start)
            {
                return self.start_to_now(i + 1);
            }
            let (when, next) = self.point_at(i + 1)?;
            if let Some((period, after)) = self.range_after(when, next, true) {
                // `postponed from 2024 to 2026`: a date moved, whose new date is the
                // deadline; no span runs between the two.
                // `moved` and `shifted` also tell a change over a span (`moved up 12 places
                // from 2020 to 2023`), `back` a look back, unless pushed or put.
                let moved = self.is_any(
                    i.wrapping_sub(1),
                    &[
                        w!("postponed"),
                        w!("delayed"),
                        w!("rescheduled"),
                        w!("deferred"),
                    ],
                ) || self.is_word(i.wrapping_sub(1), w!("back"))
                    && self.is_any(i.wrapping_sub(2), &[w!("pushed"), w!("put")]);
                if moved {
                    return hit(after, period.map(Period::last), TimeKind::Deadline);
                }
                return hit(after, period, TimeKind::Span);
            }
            // `From July 1, the tariff will rise`: the day a change takes effect.
            if matches!(when.unit, Unit::Day(..)) {
                return hit(next, when.period(self.doc), TimeKind::AsOf);
            }
            // `from January` (to date); `from 2022` alone is left to the other rules.
            let this_year = matches!(when.year, YearRef::Implicit | YearRef::Relative(0));
            if matches!(when.unit, Unit::Month(_)) && this_year {
                return self.start_to_now(i + 1);
            }
            return None;
        }
        if self.is_word(i, w!("between")) {
            let (when, next) = self.point_at(i + 1)?;
            if !self.is_word(next, w!("and")) {
                return None;
            }
            let (period, after) = self.range_with(when, next + 1)?;
            return hit(after, period, TimeKind::Span);
        }
        None
    }

    /// ```text
    /// (after "X joiner")  Y
    /// ```
    ///
    /// The end of a range whose joiner is already read: the second point starts at `k`.
    pub(super) fn range_with(&self, first: When, k: usize) -> Option<(Option<Period>, usize)> {
        let (second, next) = self.point_at(k)?;
        let period = self.join_points(first, second)?;
        Some((period, next))
    }

    /// ```text
    /// deadline = ("by" | "until" | "till" | "through" | "up to" | "no later than")
    ///            (edge X | "year-end" | X)  |  "before" (edge X | "year-end")     Deadline
    ///          | "due" ["in" | "on" | "for"] X                                 Deadline
    /// ```
    ///
    /// `by the end of 2021`, `by the end of the year`, `by year-end`, `by 2030`,
    /// `until 2030` (from the document year), `before June`, `no later than 2025`.
    pub(super) fn deadline(&self, i: usize) -> Option<Hit> {
        let (cue, j) = if let Some(j) = self
            .words(i, &[w!("no"), w!("later"), w!("than")])
            .or_else(|| self.words(i, &[w!("not"), w!("later"), w!("than")]))
        {
            ("by", j)
        } else if let Some(j) = self.words(i, &[w!("up"), w!("to")]) {
            ("until", j)
        } else if self.word(i) == w!("due") {
            // `due in September`, `due 2027`; `due by ...` is read at `by`, and `due to`
            // gives a cause.
            if self.is_any(i + 1, &[w!("by"), w!("to")]) {
                return None;
            }
            let j = if self.is_any(i + 1, &[w!("in"), w!("on"), w!("for")]) {
                i + 2
            } else {
                i + 1
            };
            ("by", j)
        } else {
            let word = self.word(i);
            let cue = if word == w!("by")
                // `before the end of the year` is a deadline; `before 2020` is not.
                || (word == w!("before")
                    && (self.year_end_at(i + 1).is_some() || self.edge_at(i + 1).is_some()))
            {
                "by"
            } else if self.is_any(i, &[w!("until"), w!("till"), w!("through"), w!("untill")]) {
                "until"
            } else {
                return None;
            };
            (cue, i + 1)
        };
        let (target, next) = if let Some(next) = self.year_end_at(j) {
            let when = When {
                unit: Unit::Year,
                year: YearRef::Relative(0),
            };
            (when, next)
        } else if let Some((_, when, next)) = self.edged_at(j) {
            (when, next)
        } else {
            let (when, next) = self.point_at(j)?;
            // `from 2016 until 2022` is read by `from`; `2016-2022` after `until` is a span.
            if let Some((period, after)) = self.range_after(when, next, false) {
                return hit(after, period, TimeKind::Deadline);
            }
            (when, next)
        };
        let period = target.period(self.doc);
        let period = match (cue, target.unit, period, self.doc) {
            ("until", Unit::Year, Some(p), Some(doc)) if p.end_year() > doc.year() => {
                Some(Period::interval(Period::Year(doc.year()), p))
            }
            _ => period,
        };
        hit(next, period, TimeKind::Deadline)
    }

    /// ```text
    /// over     = ("over" | "during" | "for" | "in" | "throughout") "the" ["past"|"last"] "year"  Point
    /// ```
    ///
    /// `over the year`, `during the year`, `for the year`, `in the past year`: the
    /// document year, or the year before when said in January.
    pub(super) fn over_the_year(&self, i: usize) -> Option<Hit> {
        if !self.is_any(
            i,
            &[
                w!("over"),
                w!("during"),
                w!("for"),
                w!("in"),
                w!("throughout"),
            ],
        ) {
            return None;
        }
        let mut j = i + 1;
        if !self.is_word(j, w!("the")) {
            return None;
        }
        j += 1;
        if self.is_any(j, &[w!("past"), w!("last")]) {
            j += 1;
        }
        let glued_dash = self.attached(j + 1) && self.is_dash(j + 1);
        let year_follows = self.year_at(j + 1).is_some() || self.is_word(j + 1, w!("of"));
        if !self.is_word(j, w!("year")) || glued_dash || year_follows {
            return None;
        }
        let period = self.doc.map(|d| {
            let y = if d.month() == 1 {
                d.year() - 1
            } else {
                d.year()
            };
            Period::Year(y)
        });
        hit(j + 1, period, TimeKind::Point)
    }

    /// ```text
    /// same     = "the" ("same" | "corresponding") ("period" | "time" | "date")
    ///            [["of" | "in"] (year | relative)]                               Comparison
    /// ```
    ///
    /// `the same period of last year`, `the same period a year earlier`, `the same period of
    /// 2020`, `the corresponding period in 2022`; a bare `the same period` after a
    /// comparison (`compared to the same period`) is the year before; `the same date of last
    /// year` compares a count on a day with its count a year before. Always a Comparison.
    pub(super) fn same_period(&self, i: usize) -> Option<Hit> {
        if !self.is_word(i, w!("the"))
            || !self.is_any(i + 1, &[w!("same"), w!("corresponding")])
            || !self.is_any(i + 2, &[w!("period"), w!("time"), w!("date")])
        {
            return None;
        }
        let k = i + 3;
        let k_year = if self.is_any(k, &[w!("in"), w!("during")]) {
            k + 1
        } else {
            k
        };
        let found = self
            .year_at(k_year)
            .map(|(y, next)| (YearRef::Explicit(y), next))
            .or_else(|| self.year_after(k_year));
        let (year, next) = match found {
            // `by the same date next year` looks ahead: a deadline, not a comparison.
            Some((YearRef::Relative(r), _)) if r > 0 => return None,
            Some(res) => res,
            None if self.compared(i, k) => (YearRef::Relative(-1), k),
            None => return None,
        };
        let when = When {
            unit: Unit::Year,
            year,
        };
        hit(next, when.period(self.doc), TimeKind::Comparison)
    }

    /// ```text
    /// months   = "the" ("past" | "last") N "months"                               Span
    ///          | ("over" | "for" | "during" | "throughout" | "In") ["the"] N "months" ["this year"]  Span
    ///          | "in" N "months"   (dated a month or two after the N-th; no `will`, `be` before)  Span
    /// ```
    ///
    /// A count of months from January of the document year: `over eight months`, `for 11
    /// months`, `In eight months, ...` (only at the start of a sentence: `to be finished in
    /// eight months` is a duration), `over eight months this year`; `the past ten months`,
    /// `the last 3 months` run back from the month before the document month. At most 12
    /// months: `in 18 months` is a duration. `over the seven months` counts the same months
    /// as `over seven months`. `N months of 2023` and `the first N months` are parts of a
    /// year (`part_at`). `over twelve months` from March on compares a year on year.
    pub(super) fn counted_months(&self, i: usize) -> Option<Hit> {
        let doc = self.doc;
        let months_word = |k: usize| self.is_any(k, &[w!("months"), w!("month")]);
        let small = |n: u8| (1..=12).contains(&n);
        // `the past ten months`, `the last 3 months`.
        if self.is_word(i, w!("the")) && self.is_any(i + 1, &[w!("past"), w!("last")]) {
            let n = self.count_at(i + 2)?;
            if !small(n) || !months_word(i + 3) {
                return None;
            }
            let period = doc.map(|d| {
                let end = d.year() * 12 + d.month0() as i32 - 1;
                let start = end - i32::from(n) + 1;
                let month = |index: i32| {
                    Period::Month(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
                };
                Period::interval(month(start), month(end))
            });
            return hit(i + 4, period, TimeKind::Span);
        }
        // `In 10 months, ...` opening a sentence, and `in the nine months` anywhere: the
        // article makes a span looked back on, where a bare `in nine months` is a duration
        // ahead.
        let cue = self.class(i, Class::MonthCue).is_some()
            || (self.is_word(i, w!("in"))
                && (self.capitalized(i)
                    || self.is_word(i + 1, w!("the"))
                    || self.months_just_reported(i)));
        if !cue {
            return None;
        }
        let i = if self.is_word(i + 1, w!("the")) {
            i + 1
        } else {
            i
        };
        let n = self.count_at(i + 1)?;
        let k = i + 3;
        // `over eight months of construction`, `for 11 months in a row`: durations.
        if !small(n)
            || !months_word(i + 2)
            || self.is_any(
                k,
                &[
                    w!("of"),
                    w!("ago"),
                    w!("later"),
                    w!("after"),
                    w!("before"),
                    w!("running"),
                    w!("straight"),
                ],
            )
            || self.words(k, &[w!("in"), w!("a"), w!("row")]).is_some()
        {
            return None;
        }
        let (year, next) = match self.relative_year_at(k, false) {
            Some((year @ YearRef::Relative(0), next)) => (year, next),
            Some(_) => return None,
            None => (YearRef::Implicit, k),
        };
        // `rose 5.1% over twelve months`, said in April: the twelve months to the month
        // reported, a change year on year, not the months of a year (early in the year they
        // are last year's).
        if n == 12 && year == YearRef::Implicit && doc.is_some_and(|d| d.month() > 2) {
            return hit(next, None, TimeKind::Comparison);
        }
        let when = When {
            unit: Unit::Months(1, n),
            year,
        };
        hit(next, when.period(doc), TimeKind::Span)
    }

    /// Whether `in N months` at `i` counts the months a report just closed rather than a
    /// duration ahead: the document is dated in the month or two after the N-th (`produced
    /// goods worth $300 million in eight months`, said in September), and no `will` or `be`
    /// comes shortly before (`will be built in eight months`).
    fn months_just_reported(&self, i: usize) -> bool {
        let Some(date) = self.doc else {
            return false;
        };
        let Some(n) = self.count_at(i + 1) else {
            return false;
        };
        let after = date.month() as u8;
        (1..=11).contains(&n)
            && self.is_any(i + 2, &[w!("months"), w!("month")])
            && (after == n + 1 || after == n + 2)
            && !(i.saturating_sub(6)..i).any(|k| self.is_any(k, &[w!("will"), w!("be")]))
    }

    /// ```text
    /// past     = "the" ("past" | "last") N "years" | N "years since"           Span
    ///          | ["in" | "within"] ["the"] ("next" | "coming" | "nearest") N "years" ["ahead"]
    ///          | ("in" | "within") N "years" ["ahead"]                             Span
    ///          | N "years ago"                                                    Point
    ///          | "over" ["the"] N "years"                                          Duration
    /// ```
    ///
    /// Counted years hold the current year (FACTS.md): `the past five years`, `the last 3
    /// years` (said in 2019: `2015/2019`), `the next five years`, `the nearest two years`,
    /// `in three years`, `within three years ahead` (said in 2024: `2024/2028`, `2024/2025`,
    /// `2024/2026`, `2024/2026`). `7 years since` counts back from it (said in 2019:
    /// `2012/2019`); `two years ago` is a Point. A span ahead is a Span, not a Deadline: it
    /// is a plan's only with a verb of the future, which the fact layer reads (`27 projects
    /// were done in 7 years` is no plan).
    /// `over five years` has no direction of its own: a Duration, ahead until the fact layer
    /// reads a figure achieved over it.
    pub(super) fn past_years(&self, i: usize) -> Option<Hit> {
        enum Count {
            Since,
            Ago,
            Past,
            Ahead,
            Either,
        }
        // `N years` at `j`, not `N years since` or `N years ago`.
        let counted_years = |j: usize| {
            let n = i32::from(self.count_at(j)?);
            (self.is_word(j + 1, w!("years")) && !self.is_any(j + 2, &[w!("since"), w!("ago")]))
                .then_some(n)
        };
        let (n, next, count) = if let Some(n) = self.count_at(i) {
            let n = i32::from(n);
            if self.words(i + 1, &[w!("years"), w!("since")]).is_some() {
                (n, i + 3, Count::Since)
            } else if self.words(i + 1, &[w!("years"), w!("ago")]).is_some() {
                (n, i + 3, Count::Ago)
            } else {
                return None;
            }
        } else if self.is_any(i, &[w!("in"), w!("within")]) {
            // `in three years`, `within three years ahead`; not `in 7 years since ...`.
            let j = if self.is_word(i + 1, w!("the"))
                && self.is_any(i + 2, &[w!("next"), w!("nearest"), w!("coming")])
            {
                i + 3
            } else {
                i + 1
            };
            let n = counted_years(j)?;
            let next = if self.is_word(j + 2, w!("ahead")) {
                j + 3
            } else {
                j + 2
            };
            (n, next, Count::Ahead)
        } else if self.is_word(i, w!("over")) {
            // `over five years`, `over the four years`; `over the past five years` is read
            // from `the`.
            let j = if self.is_word(i + 1, w!("the")) {
                i + 2
            } else {
                i + 1
            };
            (counted_years(j)?, j + 2, Count::Either)
        } else {
            if !self.is_word(i, w!("the")) {
                return None;
            }
            let count = if self.is_any(i + 1, &[w!("past"), w!("last")]) {
                Count::Past
            } else if self.is_any(i + 1, &[w!("next"), w!("coming"), w!("nearest")]) {
                Count::Ahead
            } else {
                return None;
            };
            let n = i32::from(self.count_at(i + 2)?);
            if !self.is_word(i + 3, w!("years")) {
                return None;
            }
            let next = if self.is_word(i + 4, w!("ahead")) {
                i + 5
            } else {
                i + 4
            };
            (n, next, count)
        };
        if n == 0 || n > 100 {
            return None;
        }
        let span = |from: i32, to: i32| Period::interval(Period::Year(from), Period::Year(to));
        let period = self.doc.map(|d| {
            let now = d.year();
            match count {
                Count::Since => span(now - n, now),
                Count::Ago => Period::Year(now - n),
                Count::Past | Count::Ahead | Count::Either if n == 1 => Period::Year(now),
                Count::Past => span(now - n + 1, now),
                Count::Ahead | Count::Either => span(now, now + n - 1),
            }
        });
        let kind = match count {
            Count::Ago => TimeKind::Point,
            Count::Since | Count::Past | Count::Ahead => TimeKind::Span,
            Count::Either => TimeKind::Duration,
        };
        hit(next, period, kind)
    }

    /// ```text
    /// todate   = "so far this year" | "so far in" X | "year to date"              ToDate
    /// ```
    ///
    /// `so far this year`, `so far in 2021`, `year to date`, `year-to-date`.
    pub(super) fn to_date(&self, i: usize) -> Option<Hit> {
        let doc = self.doc;
        let (year, next) = if let Some(j) = self.words(i, &[w!("so"), w!("far")]) {
            let j = if self.is_word(j, w!("in")) { j + 1 } else { j };
            let (year, next) = self.relative_year_at(j, false).or_else(|| {
                self.year_at(j)
                    .map(|(y, next)| (YearRef::Explicit(y), next))
            })?;
            (year, next)
        } else if self.is_word(i, w!("year"))
            && self.is_word(i + 2, w!("to"))
            && self.is_word(i + 4, w!("date"))
            && self.is_dash(i + 1)
            && self.is_dash(i + 3)
        {
            (YearRef::Relative(0), i + 5)
        } else if let Some(next) = self.words(i, &[w!("year"), w!("to"), w!("date")]) {
            (YearRef::Relative(0), next)
        } else {
            return None;
        };
        let when = When {
            unit: Unit::Year,
            year,
        };
        let period = when.resolve_year(doc).zip(doc).map(|(y, d)| {
            if y == d.year() {
                Period::interval(Period::Month(y, 1), Period::Month(y, d.month() as u8))
            } else {
                Period::Year(y)
            }
        });
        hit(next, period, TimeKind::ToDate)
    }

    /// ```text
    /// present  = "at present" | "at the moment" | "currently" | "today" ...      Point
    /// ```
    ///
    /// `at present`, `at the moment`, `currently`, `presently`, `nowadays`, `today`.
    pub(super) fn present(&self, i: usize) -> Option<Hit> {
        let next = if let Some(next) = self
            .words(i, &[w!("at"), w!("present")])
            .or_else(|| self.words(i, &[w!("at"), w!("the"), w!("moment")]))
        {
            next
        } else if self.class(i, Class::Present).is_some() {
            i + 1
        } else {
            return None;
        };
        hit(
            next,
            self.doc.map(|d| Period::Year(d.year())),
            TimeKind::Point,
        )
    }

    /// ```text
    /// point    = edge X | ["at"] ["the"] "year-end" [year] | decade | X [joiner Y]  Point / Span
    ///          | "a year earlier"                                                 Comparison
    ///          | relative "'s" [compare_noun]                                     Point / Comparison
    /// ```
    ///
    /// Every other time: an edged point (`the end of 2021`, `mid-2025`), a decade (`the
    /// 1990s`), a point or a range of points, a bare year (or a name with a year in it).
    pub(super) fn point(&self, i: usize) -> Option<Hit> {
        if let Some((edge, mut when, next)) = self.edged_at(i) {
            // `at the end of the year` said in January or February: the year just ended.
            let the_year = next >= 2
                && self.is_word(next - 2, w!("the"))
                && self.is_word(next - 1, w!("year"));
            if edge == Edge::End && the_year && when.year == YearRef::Relative(0) {
                when.year = self.year_just_ended();
            }
            return hit(next, when.period(self.doc), TimeKind::Point);
        }
        // `at year-end`, `the year-end`, `year-end 2023`.
        if let Some(next) = self.year_end_at(i) {
            if let Some((y, after)) = self.year_at(next) {
                return hit(after, Some(Period::Year(y)), TimeKind::Point);
            }
            let when = When {
                unit: Unit::Year,
                year: self.year_just_ended(),
            };
            return hit(next, when.period(self.doc), TimeKind::Point);
        }
        if let Some(hit) = self.decade(i) {
            return Some(hit);
        }
        let (when, next) = self.point_at(i)?;
        if let Some((period, after)) = self.range_after(when, next, true) {
            return hit(after, period, TimeKind::Span);
        }
        let kind = match when.unit {
            Unit::Months(..) | Unit::Quarters(..) => TimeKind::Span,
            _ => TimeKind::Point,
        };
        if when.unit == Unit::Year && next == i + 1 {
            return self.bare_year(i, when);
        }
        // `a year earlier` compares, unless it opens a sentence (`A year earlier, ...`).
        if self.words(i, &[w!("a"), w!("year"), w!("earlier")]) == Some(next)
            && !self.capitalized(i)
        {
            return hit(next, when.period(self.doc), TimeKind::Comparison);
        }
        // `last year's`, `the previous year's level` (a Comparison).
        if when.unit == Unit::Year && self.is_word(next - 1, w!("year")) {
            let apostrophe = self.punct(next).is_some_and(|c| c == '\'' || c == '’');
            if apostrophe
                && self.attached(next)
                && self.attached(next + 1)
                && self.is_word(next + 1, w!("s"))
            {
                let kind = if self.class(next + 2, Class::CompareNoun).is_some() {
                    TimeKind::Comparison
                } else {
                    kind
                };
                return hit(next + 2, when.period(self.doc), kind);
            }
        }
        hit(next, when.period(self.doc), kind)
    }

    /// `the year` at a year's end: the year before when said in January or February (a
    /// report on the year just ended), else the document year.
    pub(super) fn year_just_ended(&self) -> YearRef {
        match self.doc {
            Some(d) if d.month() <= 2 => YearRef::Relative(-1),
            _ => YearRef::Relative(0),
        }
    }

    /// ```text
    /// compared = (compare_cue | "as" ... "as" | RATE "on" | "level" "of") ["in" | "the" | "that" | "of" | "whole" ...] TIME
    ///          | "from" number ... TIME
    ///            (a comparison word before the time, or a `from` with a number opening its clause)
    /// ```
    ///
    /// Whether the expression at `i..end` is a time a figure is compared with: a
    /// comparison word before it, past `in`, `the`, `that` ... (`less than in 2022`,
    /// `compared with the same period`, `against 2022`, `vs. 2022`), or, for the year
    /// before (`a year ago`, `last year`), a `from` with a number after it earlier in the
    /// clause (`up from 5.3% a year ago`, but not `from 5% to 7% last year`).
    pub(super) fn compared(&self, i: usize, end: usize) -> bool {
        // `the lowest since 2005`, `for the first time since 2015`: the year a record is
        // counted from (not `at least since 2015`).
        if self.is_word(i, w!("since"))
            && (i.saturating_sub(3)..i).any(|p| {
                self.class(p, Class::Superlative).is_some()
                    && p > 0
                    && self.is_word(p - 1, w!("the"))
            })
        {
            return true;
        }
        let mut k = i;
        for _ in 0..5 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            // `twice as many as in 2019`, `as much as in the whole of 2019`: the second `as`
            // of an equative compares.
            // Not the idioms `as well as`, `as soon as`, `as long as`, `as far as`.
            let equative = self.is_word(p, w!("as"))
                && (p.saturating_sub(4)..p.saturating_sub(1)).any(|q| {
                    self.is_word(q, w!("as"))
                        && !self.is_any(q + 1, &[w!("well"), w!("soon"), w!("long"), w!("far")])
                });
            if equative
                || self.class(p, Class::CompareCue).is_some()
                // `change on January-September 2023`, `index to 2022`.
                || (self.is_any(p, &[w!("with"), w!("to"), w!("on")])
                    && p > 0
                    && self.class(p - 1, Class::CompareVerb).is_some())
                || (self.punct(p) == Some('.') && p > 0 && self.is_word(p - 1, w!("vs")))
                // `106.4% of the level of January-June 2018`: the level a figure is set
                // against.
                || (self.is_word(p, w!("of"))
                    && p > 0
                    && self.is_any(p - 1, &[w!("level"), w!("levels")]))
                // `up 18% on 2020`, `up 2.3 percentage points from 2020`: a rate, then `on`
                // or `from` and the time it is counted from (`from` only before a bare
                // year: `rise 12% from July 1` is when the rise comes);
                // `103.3% of September 2016.`: a rate of a time that ends its clause, the
                // base it is set against (not `47% of next year's spending`).
                || ((self.is_word(p, w!("on"))
                    || self.is_word(p, w!("from"))
                        && end == i + 1
                        && self.year_at(i).is_some()
                    || (self.is_word(p, w!("of"))
                        && (end >= self.toks.len()
                            || self.punct(end).is_some_and(|c| !matches!(c, '\'' | '’')))))
                    && p > 0
                    && (self.punct(p - 1) == Some('%')
                        || self.is_any(p - 1, &[w!("percent"), w!("points")])))
            {
                return true;
            }
            if self.is_any(
                p,
                &[
                    w!("in"),
                    w!("the"),
                    w!("during"),
                    w!("for"),
                    w!("at"),
                    w!("that"),
                    w!("of"),
                    w!("those"),
                    w!("over"),
                    w!("whole"),
                    w!("entire"),
                ],
            ) {
                k = p;
            } else {
                break;
            }
        }
        let year_before = (i..end).any(|t| {
            self.is_any(
                t,
                &[
                    w!("ago"),
                    w!("earlier"),
                    w!("last"),
                    w!("previous"),
                    w!("prior"),
                ],
            )
        }) && (self.is_word(end - 1, w!("year"))
            || self.is_any(end - 1, &[w!("ago"), w!("earlier")]));
        if !year_before {
            return false;
        }
        let mut number = false;
        for p in (i.saturating_sub(8)..i).rev() {
            match self.toks[p].kind {
                TokKind::Num => number = true,
                TokKind::Punct(c)
                    if ".;!?".contains(c)
                        && !(p + 1 < i
                            && self.attached(p + 1)
                            && self.toks[p + 1].kind == TokKind::Num) =>
                {
                    return false
                }
                _ => {}
            }
            if self.is_any(p, &[w!("to"), w!("till"), w!("until")]) {
                return false;
            }
            if self.is_word(p, w!("from")) {
                return number;
            }
        }
        false
    }

    /// ```text
    /// decade   = ["the"] NNNN "s"
    /// ```
    ///
    /// `the 1990s`, `1990s`.
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
        let (value, len) = self.digits(i)?;
        if len != 4 || value % 10 != 0 || !(1900..=2090).contains(&value) {
            return None;
        }
        let next = if self.is_word(i + 1, w!("s")) && self.attached(i + 1) {
            i + 2
        } else if self.punct(i + 1).is_some_and(|c| c == '\'' || c == '’')
            && self.is_word(i + 2, w!("s"))
            && self.attached(i + 2)
        {
            i + 3
        } else {
            return None;
        };
        let y = value as i32;
        hit(
            next,
            Some(Period::interval(Period::Year(y), Period::Year(y + 9))),
            TimeKind::Span,
        )
    }

    /// ```text
    /// year     = NNNN (1900..=2100), unless a count noun follows and no year cue precedes
    /// ```
    ///
    /// A four-digit year with nothing else: a year, a name (`Strategy 2050`), or a count
    /// (`2000 people`, left to the figure layer).
    pub(super) fn bare_year(&self, i: usize, when: When) -> Option<Hit> {
        let prev_cue = i > 0 && self.class(i - 1, Class::YearCue).is_some();
        if !prev_cue {
            // `Strategy 2050`, `Vision 2030`, `Kazakhstan-2050`.
            let name_before = i > 0 && self.class(i - 1, Class::Name).is_some();
            let hyphen_name = i >= 2
                && self.is_dash(i - 1)
                && self.attached(i)
                && self.attached(i - 1)
                && self.toks[i - 2].kind == TokKind::Word
                && self.capitalized(i - 2)
                && self.month_at(i - 2).is_none();
            // `the 2025 digitalization strategy`: a name noun within three words.
            let name_after = (i + 1..i + 4)
                .take_while(|&k| self.is_word_tok(k))
                .any(|k| self.class(k, Class::Name).is_some());
            if name_before || hyphen_name || name_after {
                return hit(i + 1, None, TimeKind::Name);
            }
        }
        // `almost twice the 2016 level`, `above pre-crisis 2015 levels`: the year a figure is
        // measured against.
        // Not `In 2023 level of unemployment made 4.7%`, where a preposition dates the figure.
        if !prev_cue && (self.is_word(i + 1, w!("level")) || self.is_word(i + 1, w!("levels"))) {
            return hit(i + 2, when.period(self.doc), TimeKind::Comparison);
        }
        hit(i + 1, when.period(self.doc), TimeKind::Point)
    }
}
