//! A document's title where the input gives it beyond JSONL's `title` field and HTML's
//! `<title>`: the headline a text or Markdown article starts with. `docs` and `show` print
//! it instead of a file path. (An HTML page's address, its canonical link, is read with
//! its text in `read/parse.rs`.)

/// The headline a text article starts with: a Markdown heading (`# ...`), or a first
/// line that stands alone as a title (a few words, no closing full stop, a line break
/// after it) and is not a dateline (`ASTANA, Kazakhstan, Jan. 12`). The ` date` header
/// line is skipped; an article that begins on the header's own line has no headline.
pub fn text_title(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let mut first = lines.next()?;
    if let Some(rest) = date_header_rest(first) {
        if !rest.is_empty() {
            return None;
        }
        first = lines.find(|l| !l.is_empty())?;
    }
    if let Some(heading) = first.strip_prefix('#') {
        let heading = heading.trim_start_matches('#').trim();
        return (!heading.is_empty()).then(|| heading.to_string());
    }
    // A one-line article is not a headline of itself.
    lines.find(|l| !l.is_empty())?;
    let words = first.split_whitespace().count();
    let closed = first.ends_with(['.', ',', ';', ':']);
    (first.chars().count() <= 160 && words >= 3 && !closed && !is_dateline(first))
        .then(|| first.to_string())
}

/// What follows a ` date YYYY-MM-DD` or `date: YYYY-MM-DD` header on its line; `None`
/// when the line is no header.
fn date_header_rest(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("date")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let date = rest.get(..10)?;
    let looks_like_date = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    looks_like_date.then(|| rest[10..].trim())
}

/// `BAKU, Azerbaijan, Nov. 29`, `Astana, Kazakhstan, 12 March`: a place, a comma, and a
/// day of a month at one end.
fn is_dateline(line: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if !line.contains(',') {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let is_month = |w: &str| MONTHS.iter().any(|m| w.starts_with(m));
    let is_day = |w: &str| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [.., month, day] if is_month(month) && is_day(day) => true,
        [.., day, month] if is_month(month) && is_day(day) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_of_text_articles() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                " date 2024-03-02\nSteppe region opens two new plants\n\nThe region opened...",
                Some("Steppe region opens two new plants"),
            ),
            (
                "# Port traffic grows\n\nThe port handled 4 million tonnes.",
                Some("Port traffic grows"),
            ),
            (
                "date: 2024-03-02\n\n## A heading of level two\ntext",
                Some("A heading of level two"),
            ),
            // A dateline is not a headline.
            (
                "ASTANA, Kazakhstan, Jan. 12\nThe city built 3 schools.",
                None,
            ),
            (" date 2021-05-01\nAktau, Kazakhstan, 12 May\nText.", None),
            // The first sentence of an article without a headline.
            (
                "The region built 12 schools in 2023.\nIt plans ten more.",
                None,
            ),
            // The article starts on the header's line.
            (
                " date 2022-01-20 Temirtau replaced 10 km of pipes\nMore.",
                None,
            ),
            // Too short to be a title, or the only line.
            ("Almaty\nThe city grew.", None),
            ("A single line with no article after it", None),
        ];
        for (text, want) in cases {
            assert_eq!(text_title(text).as_deref(), *want, "{text:?}");
        }
    }
}
