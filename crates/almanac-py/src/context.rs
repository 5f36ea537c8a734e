//! What a call says about its documents besides their text: the date and the language.

use almanac_extract::DocContext;
use chrono::NaiveDate;

use crate::error::Error;

/// The language a caller declares for its documents (`lang="en"` or `"ru"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Russian,
}

impl Lang {
    /// `None` leaves the language to the extractor; any code but `en` and `ru` is an error.
    pub fn parse(code: Option<&str>) -> Result<Option<Lang>, Error> {
        match code {
            None => Ok(None),
            Some("en") => Ok(Some(Lang::English)),
            Some("ru") => Ok(Some(Lang::Russian)),
            Some(other) => Err(Error::UnsupportedLang(other.to_string())),
        }
    }
}

/// The extractor's context for one document; every call of the module builds it here.
pub fn doc_context(doc: &str, date: Option<NaiveDate>, lang: Option<Lang>) -> DocContext<'_> {
    let lang = lang.map(|l| match l {
        Lang::English => almanac_extract::Lang::English,
        Lang::Russian => almanac_extract::Lang::Russian,
    });
    DocContext { doc, date, lang }
}

/// A date the caller typed (`date="2024-03-01"`): strictly `YYYY-MM-DD`, as `--date` takes it.
pub fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::InvalidDate {
        value: text.to_string(),
    })
}

/// A date from a batch's `date` column, read as `almanac extract` reads a JSONL record's
/// `date`: `YYYY-MM-DD`, optionally followed by a time (`T...` or ` ...`), which is ignored.
pub fn parse_record_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.get(..10)?;
    if !matches!(text.as_bytes().get(10), None | Some(b'T' | b' ')) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn langs() {
        let cases: &[(Option<&str>, Option<Option<Lang>>)] = &[
            (None, Some(None)),
            (Some("en"), Some(Some(Lang::English))),
            (Some("ru"), Some(Some(Lang::Russian))),
            (Some("EN"), None),
            (Some("kk"), None),
            (Some(""), None),
        ];
        for (code, expected) in cases {
            assert_eq!(Lang::parse(*code).ok(), *expected, "{code:?}");
        }
    }

    #[test]
    fn typed_dates_are_strict() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 1);
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2024-03-01", day),
            ("2024-3-1", day),
            ("2024-02-30", None),
            ("2024-03-01T10:00", None),
            ("01.03.2024", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text).ok(), *expected, "{text:?}");
        }
    }

    #[test]
    fn record_dates_allow_a_time() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 1);
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2024-03-01", day),
            (" 2024-03-01 ", day),
            ("2024-03-01T10:00:00Z", day),
            ("2024-03-01 10:00", day),
            ("2024-03-01x", None),
            ("2024-13-01", None),
            ("2024", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_record_date(text), *expected, "{text:?}");
        }
    }
}
