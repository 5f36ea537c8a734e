use chrono::NaiveDate;

use crate::tokens::tokenize;

use super::tokens::{view, TokKind, CAPITALIZED, PLURAL_LIKE};
use super::words::START_WORDS;
use super::*;

use TimeKind::*;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

type Expected<'a> = &'a [(&'a str, Option<&'a str>, TimeKind)];

/// Found by the fuzz target: a range that ends inside a word of eight or more letters
/// which ends the text (`date_in_text` reads only the head of a paragraph).
#[test]
fn a_range_may_end_inside_the_last_word() {
    for pad in 0..12 {
        for word_len in 1..20 {
            let text = format!("{}{}", "a ".repeat(150 + pad), "b".repeat(word_len));
            for end in text.len().saturating_sub(word_len + 2)..=text.len() {
                for tok in find(&text, 0..end, None) {
                    assert!(tok.span[1] <= end, "{tok:?} past {end}");
                }
            }
            assert_eq!(date_in_text(&text, 0..text.len()), None);
        }
    }
}

/// Finds the times in `text` said on `doc_date` (`""` for none) and compares them with
/// `expected`: (the text of the span, the period, the kind), in order. Gives what differs.
fn check(text: &str, doc_date: &str, expected: Expected) -> Result<(), String> {
    let found = find(text, 0..text.len(), date(doc_date));
    for expr in &found {
        assert_eq!(
            &text[expr.span[0]..expr.span[1]],
            expr.text,
            "span of {expr:?}"
        );
    }
    let got: Vec<(String, Option<String>, TimeKind)> = found
        .iter()
        .map(|e| (e.text.clone(), e.period.map(|p| p.to_string()), e.kind))
        .collect();
    let want: Vec<(String, Option<String>, TimeKind)> = expected
        .iter()
        .map(|(t, p, k)| (t.to_string(), p.map(str::to_string), *k))
        .collect();
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{text:?} said on {doc_date:?}:\n   got {got:?}\n  want {want:?}"
        ))
    }
}

#[rustfmt::skip]
const EXAMPLES: &[(&str, &str, Expected)] = &[
    // Years.
    ("In 2018, the company launched a plant.", "2021-12-28", &[("2018", Some("2018"), Point)]),
    ("in 2021 the zone grew", "2021-06-25", &[("2021", Some("2021"), Point)]),
    ("2021 was a good year for the zone.", "2022-01-10", &[("2021", Some("2021"), Point)]),
    ("In 2021 companies invested more.", "2022-01-10", &[("2021", Some("2021"), Point)]),
    ("FY2023 results", "2024-03-01", &[("2023", Some("2023"), Point)]),
    ("the 1990s", "2024-03-01", &[("1990s", Some("1990/1999"), Span)]),
    // Months.
    ("In February, a plant was opened.", "2021-12-28", &[("February", Some("2021-02"), Point)]),
    ("in February 2021 it opened", "2024-01-01", &[("February 2021", Some("2021-02"), Point)]),
    ("in February this year", "2024-06-14", &[("February this year", Some("2024-02"), Point)]),
    ("in March of last year", "2024-06-14", &[("March of last year", Some("2023-03"), Point)]),
    ("In February 15 projects were launched.", "2021-12-28", &[("February", Some("2021-02"), Point)]),
    ("In January 2,500 jobs were created.", "2021-12-28", &[("January", Some("2021-01"), Point)]),
    ("opened in June.", "2021-12-28", &[("June", Some("2021-06"), Point)]),
    ("we may see growth in march", "2021-12-28", &[]),
    // Month ranges.
    ("for January-May 2024", "2024-06-14", &[("January-May 2024", Some("2024-01/2024-05"), Span)]),
    ("in January-April this year", "2024-06-14", &[("January-April this year", Some("2024-01/2024-04"), Span)]),
    ("in January–March", "2024-06-14", &[("January–March", Some("2024-01/2024-03"), Span)]),
    ("In the first quarter, 40 firms got loans; in the second, 52 firms.", "2021-10-14", &[("the first quarter", Some("2021-Q1"), Point), ("in the second", Some("2021-Q2"), Point)]),
    ("in the second half of 2023, and in the first, sales", "2024-03-14", &[("the second half of 2023", Some("2023-H2"), Point), ("in the first", Some("2023-H1"), Point)]),
    ("In 2021, and in the second, 52 firms.", "2021-10-14", &[("2021", Some("2021"), Point)]),
    ("occupancy in July and August was 87%", "2023-09-14", &[("July and August", Some("2023-07/2023-08"), Span)]),
    ("in May and June 2022", "2023-09-14", &[("May and June 2022", Some("2022-05/2022-06"), Span)]),
    ("in March and May", "2023-09-14", &[("March", Some("2023-03"), Point), ("May", Some("2023-05"), Point)]),
    ("December 2023 - February 2024", "2024-06-14", &[("December 2023 - February 2024", Some("2023-12/2024-02"), Span)]),
    ("in November-February", "2024-03-14", &[("November-February", Some("2023-11/2024-02"), Span)]),
    ("from January to May 2024", "2024-06-14", &[("from January to May 2024", Some("2024-01/2024-05"), Span)]),
    ("between March and June", "2024-06-14", &[("between March and June", Some("2024-03/2024-06"), Span)]),
    // Months counted from January that have not all passed yet are last year's report.
    ("in January–September", "2025-01-20", &[("January–September", Some("2024-01/2024-09"), Span)]),
    ("in the first 11 months", "2025-01-20", &[("the first 11 months", Some("2024-01/2024-11"), Span)]),
    // Parts of a year.
    ("over the first five months of 2021", "2021-06-25", &[("the first five months of 2021", Some("2021-01/2021-05"), Span)]),
    ("in the first 9 months", "2021-12-28", &[("the first 9 months", Some("2021-01/2021-09"), Span)]),
    ("in 11 months of 2021", "2021-12-28", &[("11 months of 2021", Some("2021-01/2021-11"), Span)]),
    ("The unemployment rate in the first quarter fell", "2021-06-25", &[("the first quarter", Some("2021-Q1"), Point)]),
    ("in Q1", "2021-06-25", &[("Q1", Some("2021-Q1"), Point)]),
    ("in Q3 2020", "2021-06-25", &[("Q3 2020", Some("2020-Q3"), Point)]),
    ("in the second quarter of last year", "2021-06-25", &[("the second quarter of last year", Some("2020-Q2"), Point)]),
    ("in the first half", "2021-06-25", &[("the first half", Some("2021-H1"), Point)]),
    ("in the first half of 2022", "2021-06-25", &[("the first half of 2022", Some("2022-H1"), Point)]),
    ("in H1 2021", "2021-08-25", &[("H1 2021", Some("2021-H1"), Point)]),
    ("in the first half-year", "2021-08-25", &[("the first half-year", Some("2021-H1"), Point)]),
    ("in the I quarter", "2021-08-25", &[("the I quarter", Some("2021-Q1"), Point)]),
    ("the first three quarters of 2023", "2024-01-10", &[("the first three quarters of 2023", Some("2023-01/2023-09"), Span)]),
    ("in Q1-Q3 2023", "2024-01-10", &[("Q1-Q3 2023", Some("2023-01/2023-09"), Span)]),
    // Relative years and months.
    ("This year, it is planned to complete", "2023-07-31", &[("This year", Some("2023"), Point)]),
    ("Last year, 13 schools were built.", "2024-06-14", &[("Last year", Some("2023"), Point)]),
    ("next year the plant opens", "2024-06-14", &[("next year", Some("2025"), Point)]),
    ("exports fell to $36 billion, the lowest since 2005", "2017-02-10", &[("since 2005", Some("2005/2017"), Comparison)]),
    ("output rose for the first time since 2015", "2017-02-10", &[("since 2015", Some("2015/2017"), Comparison)]),
    ("output has risen 40% since 2015", "2017-02-10", &[("since 2015", Some("2015/2017"), Span)]),
    ("at least since 2015 the plant has made 40 million tonnes", "2017-02-10", &[("since 2015", Some("2015/2017"), Span)]),
    ("cement sales were nearly three times the 2019 level", "2021-03-02", &[("2019 level", Some("2019"), Comparison)]),
    ("wheat exports are back above pre-drought 2020 levels", "2022-05-11", &[("2020 levels", Some("2020"), Comparison)]),
    ("the 2019 plan foresaw 40 schools", "2021-03-02", &[("2019", Some("2019"), Point)]),
    ("In 2019 level of unemployment made 4.7%", "2021-03-02", &[("2019", Some("2019"), Point)]),
    ("compared to the previous year", "2024-06-14", &[("the previous year", Some("2023"), Comparison)]),
    ("food rose 5.1% over twelve months", "2024-04-11", &[("over twelve months", None, Comparison)]),
    ("food rose 5.1% over twelve months", "2024-02-11", &[("over twelve months", Some("2023-01/2023-12"), Span)]),
    ("prices rose 0.4% in March from February", "2024-04-11", &[("March", Some("2024-03"), Point), ("from February", Some("2024-02/2024-04"), Comparison)]),
    ("a year ago", "2024-06-14", &[("a year ago", Some("2023"), Point)]),
    ("this year", "", &[("this year", None, Point)]),
    ("last month", "2024-01-14", &[("last month", Some("2023-12"), Point)]),
    ("a 6.3% year-over-year rise", "2024-06-14", &[]),
    // To date.
    ("Since the beginning of the year, the economy grew", "2021-12-28", &[("Since the beginning of the year", Some("2021-01/2021-12"), ToDate)]),
    ("since the start of this year", "2024-06-14", &[("since the start of this year", Some("2024-01/2024-06"), ToDate)]),
    ("from the beginning of the year", "2024-01-14", &[("from the beginning of the year", Some("2024-01"), ToDate)]),
    ("from the beginning of the year to May", "2024-07-14", &[("from the beginning of the year to May", Some("2024-01/2024-05"), Span)]),
    ("so far this year", "2024-06-14", &[("so far this year", Some("2024-01/2024-06"), ToDate)]),
    ("year-to-date", "2024-06-14", &[("year-to-date", Some("2024-01/2024-06"), ToDate)]),
    ("since February", "2024-06-14", &[("since February", Some("2024-02/2024-06"), ToDate)]),
    ("Over the year, 30 projects were implemented", "2021-12-28", &[("Over the year", Some("2021"), Point)]),
    ("Over the year, 30 projects were implemented", "2022-01-12", &[("Over the year", Some("2021"), Point)]),
    // Deadlines.
    ("by the end of 2021", "2021-06-25", &[("by the end of 2021", Some("2021"), Deadline)]),
    ("expected by the end of the year", "2021-06-25", &[("by the end of the year", Some("2021"), Deadline)]),
    ("by the end of next year", "2021-06-25", &[("by the end of next year", Some("2022"), Deadline)]),
    ("by year-end", "2021-06-25", &[("by year-end", Some("2021"), Deadline)]),
    ("by 2030", "2024-06-14", &[("by 2030", Some("2030"), Deadline)]),
    ("worth 3.7 trillion tenge until 2030.", "2024-06-14", &[("until 2030", Some("2024/2030"), Deadline)]),
    ("until 2030", "", &[("until 2030", Some("2030"), Deadline)]),
    ("until the end of the year", "2024-06-14", &[("until the end of the year", Some("2024"), Deadline)]),
    ("by the end of the first quarter", "2024-02-14", &[("by the end of the first quarter", Some("2024-Q1"), Deadline)]),
    ("no later than 2025", "2024-02-14", &[("no later than 2025", Some("2025"), Deadline)]),
    // A date something is due at is a deadline; `due to` gives a cause.
    ("a mill, due in September", "2025-03-04", &[("due in September", Some("2025-09"), Deadline)]),
    ("the second line is due 2027", "2025-03-04", &[("due 2027", Some("2027"), Deadline)]),
    // A date moved: the new date is the deadline, no span runs between the two.
    ("its launch was postponed from 2024 to 2026", "2025-03-04", &[("from 2024 to 2026", Some("2026"), Deadline)]),
    ("the opening has been pushed back from May to October", "2025-03-04", &[("from May to October", Some("2025-10"), Deadline)]),
    ("output grew from 2019 to 2024", "2025-03-04", &[("from 2019 to 2024", Some("2019/2024"), Span)]),
    ("the country moved up 12 places from 2019 to 2024", "2025-03-04", &[("from 2019 to 2024", Some("2019/2024"), Span)]),
    ("looking back from 2015 to 2023", "2025-03-04", &[("from 2015 to 2023", Some("2015/2023"), Span)]),
    ("due by the end of the year", "2025-03-04", &[("by the end of the year", Some("2025"), Deadline)]),
    ("fell due to the drought in 2024", "2025-03-04", &[("2024", Some("2024"), Point)]),
    ("increased by 2000 people", "2024-02-14", &[]),
    // Spans.
    ("From 2016 to 2022, the city implemented 27 projects", "2023-07-31", &[("From 2016 to 2022", Some("2016/2022"), Span)]),
    ("in 2016-2022", "2023-07-31", &[("2016-2022", Some("2016/2022"), Span)]),
    ("in 2016 – 2022", "2023-07-31", &[("2016 – 2022", Some("2016/2022"), Span)]),
    ("slated for construction in 2024-25 as part", "2024-06-14", &[("2024-25", Some("2024/2025"), Span)]),
    ("the 2023/24 season", "2024-06-14", &[("2023/24", Some("2023/2024"), Span)]),
    ("between 2016 and 2022", "2024-06-14", &[("between 2016 and 2022", Some("2016/2022"), Span)]),
    ("since 2012", "2019-10-29", &[("since 2012", Some("2012/2019"), Span)]),
    ("in 7 years since the creation of this zone", "2019-10-29", &[("7 years since", Some("2012/2019"), Span)]),
    ("over the past five years", "2024-06-14", &[("the past five years", Some("2020/2024"), Span)]),
    ("In the nearest two years, the city", "2025-03-05", &[("In the nearest two years", Some("2025/2026"), Span)]),
    ("within three years ahead", "2023-06-05", &[("within three years ahead", Some("2023/2025"), Span)]),
    ("in three years", "2024-06-14", &[("in three years", Some("2024/2026"), Span)]),
    ("the State Program for 2020-2025", "2024-06-14", &[("2020-2025", Some("2020/2025"), Span)]),
    // As of.
    ("as of the beginning of this year, 136.7 thousand SMEs", "2024-06-14", &[("as of the beginning of this year", Some("2024-01-01"), AsOf)]),
    ("as of June 1, 2024", "2024-06-14", &[("as of June 1, 2024", Some("2024-06-01"), AsOf)]),
    ("as of 1 July", "2024-08-14", &[("as of 1 July", Some("2024-07-01"), AsOf)]),
    ("rose to 61% from 55% on 1 January", "2022-09-14", &[("1 January", Some("2022-01-01"), Comparison)]),
    ("31.5% of GRP in 2021, up 2.3 percentage points from 2020", "2022-04-20", &[("2021", Some("2021"), Point), ("2020", Some("2020"), Comparison)]),
    ("exports grew 12% from 2020 to 2022", "2023-04-20", &[("from 2020 to 2022", Some("2020/2022"), Span)]),
    ("tariffs will rise 12% from July 1", "2023-04-20", &[("from July 1", Some("2023-07-01"), AsOf)]),
    ("as of the end of 2023", "2024-06-14", &[("as of the end of 2023", Some("2023-12-31"), AsOf)]),
    ("as of today", "2024-06-14", &[("as of today", Some("2024"), Point)]),
    // Dates.
    ("at the June 25 briefing in Almaty", "2021-06-25", &[("June 25", Some("2021-06-25"), Point)]),
    ("at the Dec. 27 press conference", "2021-12-28", &[("Dec. 27", Some("2021-12-27"), Point)]),
    ("said the mayor on Dec. 9.", "2021-12-28", &[("Dec. 9", Some("2021-12-09"), Point)]),
    ("on October 29, 2019", "", &[("October 29, 2019", Some("2019-10-29"), Point)]),
    ("on 29 October 2019", "", &[("29 October 2019", Some("2019-10-29"), Point)]),
    ("the 25th of June", "2021-07-01", &[("25th of June", Some("2021-06-25"), Point)]),
    ("dated 2021-06-25", "", &[("2021-06-25", Some("2021-06-25"), Point)]),
    ("dated 25.06.2021", "", &[("25.06.2021", Some("2021-06-25"), Point)]),
    ("dated 06/25/2021", "", &[("06/25/2021", Some("2021-06-25"), Point)]),
    ("on June 25", "", &[("June 25", None, Point)]),
    ("February 30", "2021-01-01", &[("February", Some("2021-02"), Point)]),
    // Now.
    ("At present, the zone has 88 companies", "2023-07-31", &[("At present", Some("2023"), Point)]),
    ("currently operating", "2023-07-31", &[("currently", Some("2023"), Point)]),
    // Edges.
    ("at the end of 2023", "2024-06-14", &[("the end of 2023", Some("2023"), Point)]),
    ("in mid-2025", "2024-06-14", &[("mid-2025", Some("2025"), Point)]),
    ("in early 2025", "2024-06-14", &[("early 2025", Some("2025"), Point)]),
    // Names.
    ("the Strategy 2050 goals", "2024-06-14", &[("2050", None, Name)]),
    ("under the Kazakhstan-2050 strategy", "2024-06-14", &[("2050", None, Name)]),
    ("the 2025 digitalization strategy", "2024-06-14", &[("2025", None, Name)]),
    ("the State Program until 2025", "2024-06-14", &[("until 2025", Some("2024/2025"), Deadline)]),
    // Not times.
    ("Section 4 of the law", "2024-06-14", &[]),
    ("create 2000 jobs", "2024-06-14", &[]),
    ("2019 projects worth 5 billion", "2024-06-14", &[]),
    ("worth 2,021 billion tenge", "2024-06-14", &[]),
    ("grew 2021%", "2024-06-14", &[]),
    ("cost $2021", "2024-06-14", &[]),
    ("employs 1500 people", "2024-06-14", &[]),
    ("value 20.21 and 2021.5", "2024-06-14", &[]),
    ("5 to 7 projects in 7 years", "2024-06-14", &[("in 7 years", Some("2024/2030"), Span)]),
    ("from 5.3 to 5.2 percent", "2024-06-14", &[]),
    ("grew 1.5 times", "2024-06-14", &[]),
    ("the plant may open", "2024-06-14", &[]),
    ("one of the key indicators", "2024-06-14", &[]),
    ("H2O and Q7 and 5Q", "2024-06-14", &[]),
    ("built 2000 m2 and 1990 hectares for 2050 USD", "2024-06-14", &[]),
    // More of the forms news use.
    ("for 10 months of this year", "2024-11-14", &[("10 months of this year", Some("2024-01/2024-10"), Span)]),
    ("in the second half of the year", "2024-11-14", &[("the second half of the year", Some("2024-H2"), Point)]),
    ("in the first two months of the year", "2024-11-14", &[("the first two months of the year", Some("2024-01/2024-02"), Span)]),
    ("in 1Q2024", "2024-11-14", &[("1Q2024", Some("2024-Q1"), Point)]),
    ("in the fourth quarter of 2023", "2024-11-14", &[("the fourth quarter of 2023", Some("2023-Q4"), Point)]),
    ("in 2019 and 2020", "2024-11-14", &[("2019", Some("2019"), Point), ("2020", Some("2020"), Point)]),
    ("compared to the same period of 2020", "2021-11-14", &[("the same period of 2020", Some("2020"), Comparison)]),
    ("or 104.2% of the level of January-March 2021", "2022-04-14", &[("January-March 2021", Some("2021-01/2021-03"), Comparison)]),
    ("As of 01.01.2024, there were", "2024-11-14", &[("As of 01.01.2024", Some("2024-01-01"), AsOf)]),
    ("in the 2024/2025 academic year", "2024-11-14", &[("2024/2025", Some("2024/2025"), Span)]),
    ("for the period up to 2030", "2024-11-14", &[("up to 2030", Some("2024/2030"), Deadline)]),
    ("up to 2000 jobs", "2024-11-14", &[]),
    ("since 2016, when the zone opened", "2024-11-14", &[("since 2016", Some("2016/2024"), Span)]),
    // `since` and a founding told in a few words: from the founding year on.
    ("since its launch in 2015, the park has", "2021-03-02", &[("since its launch in 2015", Some("2015/2021"), Span)]),
    ("Since the grant scheme began in 2017, farmers", "2020-09-01", &[("Since the grant scheme began in 2017", Some("2017/2020"), Span)]),
    ("assembled 9,000 cars in the nine months, the company said", "2021-10-12", &[("in the nine months", Some("2021-01/2021-09"), Span)]),
    ("since the Green Bridge lending programme was launched in 2019, banks", "2022-05-02", &[("since the Green Bridge lending programme was launched in 2019", Some("2019/2022"), Span)]),
    ("since Abai region was formed in 2022, investors", "2025-05-02", &[("since Abai region was formed in 2022", Some("2022/2025"), Span)]),
    ("since the fund was set up in 2017", "2021-03-02", &[("since the fund was set up in 2017", Some("2017/2021"), Span)]),
    ("since the mayor spoke in 2017", "2021-03-02", &[("2017", Some("2017"), Point)]),
    ("the year 2021’s results", "2024-11-14", &[("2021", Some("2021"), Point)]),
    ("the 2030 Agenda", "2024-11-14", &[("2030", None, Name)]),
    ("at EXPO-2017", "2024-11-14", &[("2017", None, Name)]),
    ("on the 1st of July", "2024-11-14", &[("1st of July", Some("2024-07-01"), Point)]),
    ("earlier this month", "2024-11-14", &[("this month", Some("2024-11"), Point)]),
    ("this month", "", &[]),
    ("in the next five years", "2024-11-14", &[("in the next five years", Some("2024/2028"), Span)]),
    ("two years ago", "2024-11-14", &[("two years ago", Some("2022"), Point)]),
    ("before 2020 there were few", "2024-11-14", &[("2020", Some("2020"), Point)]),
    ("before the end of the year", "2024-11-14", &[("before the end of the year", Some("2024"), Deadline)]),
    ("in the year of 2021", "2024-11-14", &[("2021", Some("2021"), Point)]),
    ("by June", "2024-03-14", &[("by June", Some("2024-06"), Deadline)]),
    ("until June 30", "2024-03-14", &[("until June 30", Some("2024-06-30"), Deadline)]),
    // Seasons.
    ("in summer", "2024-09-10", &[("summer", Some("2024-06/2024-08"), Point)]),
    ("this summer", "2024-09-10", &[("this summer", Some("2024-06/2024-08"), Point)]),
    ("last summer", "2024-09-10", &[("last summer", Some("2023-06/2023-08"), Point)]),
    ("next summer", "2024-09-10", &[("next summer", Some("2025-06/2025-08"), Point)]),
    ("in the spring of 2023", "2024-09-10", &[("the spring of 2023", Some("2023-03/2023-05"), Point)]),
    ("in spring this year", "2024-09-10", &[("spring this year", Some("2024-03/2024-05"), Point)]),
    ("summer 2024", "2024-11-14", &[("summer 2024", Some("2024-06/2024-08"), Point)]),
    ("in autumn", "2024-03-10", &[("autumn", Some("2024-09/2024-11"), Point)]),
    ("this fall", "2024-03-10", &[("this fall", Some("2024-09/2024-11"), Point)]),
    ("in the fall of 2022", "2024-03-10", &[("the fall of 2022", Some("2022-09/2022-11"), Point)]),
    ("winter 2023-2024", "2024-09-10", &[("winter 2023-2024", Some("2023-12/2024-02"), Point)]),
    ("in the winter of 2023/24", "2024-09-10", &[("the winter of 2023/24", Some("2023-12/2024-02"), Point)]),
    ("in winter 2023", "2024-09-10", &[("winter 2023", Some("2023-12/2024-02"), Point)]),
    ("this winter", "2024-01-20", &[("this winter", Some("2023-12/2024-02"), Point)]),
    ("by the end of summer", "2024-03-10", &[("by the end of summer", Some("2024-06/2024-08"), Deadline)]),
    ("since spring", "2024-09-10", &[("since spring", Some("2024-03/2024-09"), ToDate)]),
    ("prices may fall in 2024", "2024-03-10", &[("2024", Some("2024"), Point)]),
    ("a fall in prices after the fall of the tenge", "2024-03-10", &[]),
    ("sowing of winter wheat and summer camps", "2024-03-10", &[]),
    ("new businesses spring up", "2024-03-10", &[]),
    ("prices are expected to fall by 5%", "2024-03-10", &[]),
    ("This fall in output was caused by repairs", "2024-03-10", &[]),
    ("this June", "2024-09-10", &[("this June", Some("2024-06"), Point)]),
    // To date from a month.
    ("since January", "2024-09-10", &[("since January", Some("2024-01/2024-09"), ToDate)]),
    ("from January, exports grew", "2024-09-10", &[("from January", Some("2024-01/2024-09"), ToDate)]),
    ("from February this year", "2024-09-10", &[("from February this year", Some("2024-02/2024-09"), ToDate)]),
    ("since December", "2024-01-20", &[("since December", Some("2023-12/2024-01"), ToDate)]),
    ("from 2022, the tax applies", "2024-09-10", &[("2022", Some("2022"), Point)]),
    // Counted months of the year.
    ("over eight months", "2024-09-10", &[("over eight months", Some("2024-01/2024-08"), Span)]),
    ("In eight months, exports grew", "2024-09-10", &[("In eight months", Some("2024-01/2024-08"), Span)]),
    ("over the past ten months", "2023-11-20", &[("the past ten months", Some("2023-01/2023-10"), Span)]),
    ("in the last 3 months", "2024-02-10", &[("the last 3 months", Some("2023-11/2024-01"), Span)]),
    ("in the first eight months", "2024-09-10", &[("the first eight months", Some("2024-01/2024-08"), Span)]),
    ("during the first eight months", "2024-09-10", &[("the first eight months", Some("2024-01/2024-08"), Span)]),
    ("for 11 months", "2024-12-10", &[("for 11 months", Some("2024-01/2024-11"), Span)]),
    ("over 7 months this year", "2024-12-10", &[("over 7 months this year", Some("2024-01/2024-07"), Span)]),
    ("in nine months of 2023", "2024-09-10", &[("nine months of 2023", Some("2023-01/2023-09"), Span)]),
    ("to be finished in 18 months", "2024-09-10", &[]),
    ("to be finished in eight months", "2024-09-10", &[]),
    // A bare `in N months` in a report dated a month or two after the N-th counts them.
    ("exports grew 12% in eight months", "2024-09-10", &[("in eight months", Some("2024-01/2024-08"), Span)]),
    ("exports grew 12% in eight months", "2024-10-02", &[("in eight months", Some("2024-01/2024-08"), Span)]),
    ("a plant built in eight months", "2024-05-10", &[]),
    ("the plant will open in eight months", "2024-09-10", &[]),
    ("over 18 months", "2024-09-10", &[]),
    ("over the eight months", "2024-09-10", &[("over the eight months", Some("2024-01/2024-08"), Span)]),
    ("during the two months of repairs", "2024-09-10", &[]),
    ("over eight months of construction", "2024-09-10", &[]),
    ("grew for 11 months in a row", "2024-12-10", &[]),
    // The end of the year.
    ("at the end of the year", "2024-01-20", &[("the end of the year", Some("2023"), Point)]),
    ("at the end of the year", "2024-09-10", &[("the end of the year", Some("2024"), Point)]),
    ("at the end of last year", "2024-09-10", &[("the end of last year", Some("2023"), Point)]),
    ("at year-end", "2024-02-10", &[("year-end", Some("2023"), Point)]),
    ("at year-end", "2024-06-10", &[("year-end", Some("2024"), Point)]),
    ("at year-end 2023", "2024-06-10", &[("year-end 2023", Some("2023"), Point)]),
    // Comparisons.
    ("14% less than in 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
    ("in 2022", "2024-06-14", &[("2022", Some("2022"), Point)]),
    ("twice as many visitors as in 2019", "2024-06-14", &[("2019", Some("2019"), Comparison)]),
    ("as much as in the whole of 2019", "2024-06-14", &[("2019", Some("2019"), Comparison)]),
    ("as of 2023", "2024-06-14", &[("as of 2023", Some("2023"), AsOf)]),
    ("as soon as in 2025", "2024-06-14", &[("2025", Some("2025"), Point)]),
    ("as well as in 2023", "2024-06-14", &[("2023", Some("2023"), Point)]),
    ("compared with 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
    ("up 18% on 2020", "2021-06-14", &[("2020", Some("2020"), Comparison)]),
    ("down 4 percent on last year", "2021-06-14", &[("last year", Some("2020"), Comparison)]),
    ("up 5% against 2022", "2024-06-14", &[("2022", Some("2022"), Comparison)]),
    ("in 2023 versus 2022", "2024-06-14", &[("2023", Some("2023"), Point), ("2022", Some("2022"), Comparison)]),
    ("vs. the first quarter of 2023", "2024-06-14", &[("the first quarter of 2023", Some("2023-Q1"), Comparison)]),
    ("up from 5.3% a year ago", "2024-06-14", &[("a year ago", Some("2023"), Comparison)]),
    ("rose 5% from a year earlier", "2024-06-14", &[("a year earlier", Some("2023"), Comparison)]),
    ("a rise of 5% from 4.1 trillion tenge last year", "2024-06-14", &[("last year", Some("2023"), Comparison)]),
    ("rose from 5% to 7% last year", "2024-06-14", &[("last year", Some("2023"), Point)]),
    ("output was 3% higher a year earlier", "2024-06-14", &[("a year earlier", Some("2023"), Comparison)]),
    ("A year earlier, the zone had 50 firms", "2024-06-14", &[("A year earlier", Some("2023"), Point)]),
    ("last year's output", "2024-06-14", &[("last year's", Some("2023"), Point)]),
    ("above last year’s level", "2024-06-14", &[("last year’s", Some("2023"), Comparison)]),
    ("the same period of last year", "2024-06-14", &[("the same period of last year", Some("2023"), Comparison)]),
    ("the same period a year earlier", "2024-06-14", &[("the same period a year earlier", Some("2023"), Comparison)]),
    ("the same period last year", "2024-06-14", &[("the same period last year", Some("2023"), Comparison)]),
    ("than in the same period in 2022", "2024-06-14", &[("the same period in 2022", Some("2022"), Comparison)]),
    ("compared to the same period", "2024-06-14", &[("the same period", Some("2023"), Comparison)]),
    ("during the same period, imports grew", "2024-06-14", &[]),
    ("up 4% on the same date of last year", "2024-06-14", &[("the same date of last year", Some("2023"), Comparison)]),
    ("on the same date, deposits stood at", "2024-06-14", &[]),
    // A month or quarter still to come early in the year keeps the document year.
    ("in December", "2024-01-20", &[("December", Some("2024-12"), Point)]),
    ("in the fourth quarter", "2024-01-20", &[("the fourth quarter", Some("2024-Q4"), Point)]),
];

#[test]
fn examples() {
    assert!(EXAMPLES.len() >= 60);
    let failures: Vec<String> = EXAMPLES
        .iter()
        .filter_map(|(text, doc_date, expected)| check(text, doc_date, expected).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_point_into_the_whole_document() {
    let text = "Title\n\nIn 2018, it grew. By 2030 it will.";
    let start = text.find("In").unwrap();
    let found = find(text, start..text.len(), date("2024-06-14"));
    let texts: Vec<&str> = found.iter().map(|e| &text[e.span[0]..e.span[1]]).collect();
    assert_eq!(texts, ["2018", "By 2030"]);
    // A range that ends before the times finds nothing.
    assert!(find(text, 0..5, date("2024-06-14")).is_empty());
}

#[test]
fn publication_date_in_text() {
    #[rustfmt::skip]
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        ("Skip to Content\n\n\nby October 29, 2019 Legal\n\nHead of State", Some(("2019-10-29", "October 29, 2019"))),
        ("Almaty, 12 March 2024 — The akimat said", Some(("2024-03-12", "12 March 2024"))),
        ("Published 2021-06-25 10:00", Some(("2021-06-25", "2021-06-25"))),
        ("No date here, only June 25 and 2021.", None),
    ];
    for (text, expected) in cases {
        let got = date_in_text(text, 0..text.len())
            .map(|(d, span)| (d.format("%Y-%m-%d").to_string(), &text[span[0]..span[1]]));
        let want = expected.map(|(d, t)| (d.to_string(), t));
        assert_eq!(got, want, "{text:?}");
    }
    // Only the head of the text counts.
    let late = format!("{}on October 29, 2019", "word ".repeat(80));
    assert_eq!(date_in_text(&late, 0..late.len()), None);
}

#[test]
fn start_words_cover_the_rules() {
    // `find` tries the rules only at numbers and at words of the word list or of
    // `START_WORDS`: every word literal of the parser must be there.
    let mut missing: Vec<String> = Vec::new();
    for src in [include_str!("parser.rs"), include_str!("rules.rs")] {
        let begin = src.find("impl").unwrap();
        // The code, not the comments: the grammar above each rule quotes its words too.
        let code: String = src[begin..]
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (k, piece) in code.split('"').enumerate() {
            let word = k % 2 == 1 && !piece.is_empty();
            if word
                && piece.chars().all(|c| c.is_ascii_lowercase())
                && !START_WORDS.contains(&piece)
            {
                missing.push(piece.to_string());
            }
        }
    }
    assert!(missing.is_empty(), "not in START_WORDS: {missing:?}");
}

#[test]
fn words_are_found_in_the_word_list_whatever_their_case() {
    for (text, listed) in [
        ("SINCE", true),
        ("Corresponding", true),
        ("nowadays", true),
        ("universiade", true),
        ("sinc", false),
        ("sincerely", false),
    ] {
        // Followed by enough text for the 8-byte reads and at the very end of the text.
        for text in [format!("{text} and more text"), text.to_string()] {
            let mut toks = Vec::new();
            view(&text, &tokenize(&text, 0..text.len()), &mut toks);
            assert_eq!(toks[0].entry != 0, listed, "{text:?}");
        }
    }
}

/// The time layer's tokenizer before the stream, kept as the reference its view must agree
/// with: runs of letters, runs of ASCII digits, single marks, with their flags.
fn reference_tokens(text: &str) -> Vec<(usize, usize, TokKind, u8)> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        let run = |chars: &mut std::iter::Peekable<std::str::CharIndices>,
                   keep: fn(char) -> bool| {
            while chars.next_if(|&(_, c)| keep(c)).is_some() {}
            chars.peek().map_or(text.len(), |&(at, _)| at)
        };
        let capital = if ch.is_uppercase() { CAPITALIZED } else { 0 };
        if ch.is_alphabetic() {
            let end = run(&mut chars, char::is_alphabetic);
            let lower = text[start..end].to_lowercase();
            let plural = if lower.len() >= 4 && lower.ends_with('s') {
                PLURAL_LIKE
            } else {
                0
            };
            toks.push((start, end, TokKind::Word, capital | plural));
        } else if ch.is_ascii_digit() {
            let end = run(&mut chars, |c| c.is_ascii_digit());
            toks.push((start, end, TokKind::Num, 0));
        } else {
            toks.push((start, start + ch.len_utf8(), TokKind::Punct(ch), capital));
        }
    }
    toks
}

proptest::proptest! {
    #[test]
    fn the_time_view_reads_as_the_time_tokenizer_did(
        text in "[a-zA-Z0-9 ,.'’\\-²ⅧÜüẞШыs$\n\t\u{a0}]{0,40}"
    ) {
        let mut toks = Vec::new();
        view(&text, &tokenize(&text, 0..text.len()), &mut toks);
        let toks: Vec<_> = toks.iter().map(|t| (t.start, t.end, t.kind, t.flags)).collect();
        proptest::prop_assert_eq!(toks, reference_tokens(&text));
    }
}

#[test]
fn never_panics_on_odd_text() {
    let long_digits = "9".repeat(500);
    let hostile = [
        "",
        "😀 2021 😀",
        "2021-",
        "-2021",
        "Q",
        "H",
        "1",
        "Dec.",
        "as of",
        "since",
        "from 2021 to",
        "between 2021 and",
        "by the end of",
        "the first",
        "the first 99 months of 2021",
        "31.02.2021",
        "2021-13-45",
        "99/99/9999",
        "2021-2020",
        "9999-99",
        long_digits.as_str(),
        "Ⅻ 2021年 २०२१ ２０２１",
        "é2021é",
        "year-to",
        "so far",
        "a year",
        "since the beginning of the year to",
    ];
    let docs = [
        None,
        date("2024-01-31"),
        NaiveDate::from_ymd_opt(1, 1, 1),
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
    ];
    for text in hostile {
        for doc in docs {
            for expr in find(text, 0..text.len(), doc) {
                assert_eq!(&text[expr.span[0]..expr.span[1]], expr.text);
            }
            let _ = date_in_text(text, 0..text.len());
            // Ranges out of bounds or inside a character are clamped.
            let _ = find(text, 1..text.len() + 10, doc);
            #[allow(clippy::reversed_empty_ranges)]
            let _ = find(text, 3..2, doc);
            let _ = date_in_text(text, 2..1000);
        }
    }
}
