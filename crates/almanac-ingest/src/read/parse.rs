//! What the reader makes of bytes, without I/O: a text file's bytes as text, a JSONL line
//! as a document, an HTML page as its main text. `read/mod.rs` does the reading; this
//! module depends on nothing of the crate (only `chrono`, `scraper` and `serde_json`), so
//! that the fuzz targets (`fuzz/fuzz_targets/read_*.rs`) compile it alone.

use std::borrow::Cow;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

/// One document read from the user's inputs, before extraction.
// `origin`, `title` and `url` are for the ledger (`almanac ingest`); `extract` prints none of them.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The document id: the file name without extension, or a JSONL record's `id`.
    pub id: String,
    /// Where it came from, for messages and the ledger: a path, `path:LINE` for JSONL, or `-`.
    pub origin: String,
    /// The text as the user gave it (HTML already reduced to its main text, UTF-16
    /// decoded, a lone carriage return read as a line break).
    pub text: String,
    /// A date from metadata (JSONL `date`); the header date is the extractor's business.
    pub date: Option<NaiveDate>,
    /// The language code from metadata (JSONL `lang`: `en`, `ru` or `kk`, lower case);
    /// `None` leaves it to the extractor's detection.
    pub lang: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// What a limit changed while reading it (HTML nested too deep), to tell the user.
    pub warnings: Vec<String>,
}

/// A text file's bytes as text: UTF-8, or UTF-16 with its byte-order mark (decoded);
/// refused when empty, binary (a NUL byte) or not valid in its encoding. Old Mac line
/// ends (a lone `\r`) become `\n`, byte for byte, so that lines and paragraphs are seen.
pub fn to_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    let text = if let Some(utf16) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(utf16, u16::from_le_bytes)?
    } else if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(utf16, u16::from_be_bytes)?
    } else {
        String::from_utf8(bytes)
            .map_err(|err| format!("invalid UTF-8 at byte {}", err.utf8_error().valid_up_to()))?
    };
    if text.contains('\0') {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    if text.trim().is_empty() {
        return Err("empty file (only white space)".to_string());
    }
    Ok(lone_cr_to_lf(text))
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if bytes.len() % 2 == 1 {
        return Err("invalid UTF-16 (an odd number of bytes)".to_string());
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => return Err(format!("invalid UTF-16 at byte {}", 2 + 2 * i)),
        }
    }
    Ok(text)
}

fn lone_cr_to_lf(text: String) -> String {
    let lone = |bytes: &[u8], i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..text.len()).any(|i| lone(text.as_bytes(), i)) {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if lone(&bytes, i) {
            bytes[i] = b'\n';
        }
    }
    // One ASCII byte for another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

// JSONL.

/// The language codes a JSONL `lang` may hold: those of `almanac_extract::Lang` (this
/// module depends on nothing of the extractor; a CLI test ties the two).
pub const LANG_CODES: [&str; 3] = ["en", "ru", "kk"];

/// One JSONL line (`line_no` of a file whose name without extension is `stem`) as a
/// document, or what is wrong with it.
pub fn jsonl_record(
    line: &[u8],
    origin: &str,
    stem: &str,
    line_no: usize,
) -> Result<SourceDoc, String> {
    let err = |message: String| message;
    let line = std::str::from_utf8(line).map_err(|e| {
        err(format!(
            "invalid UTF-8 at byte {} of the line",
            e.valid_up_to()
        ))
    })?;
    let value: serde_json::Value =
        serde_json::from_str(line.trim()).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let serde_json::Value::Object(record) = value else {
        return Err(err("expected a JSON object".to_string()));
    };
    let text = match record.get("text") {
        Some(serde_json::Value::String(text)) => text.clone(),
        None | Some(serde_json::Value::Null) => return Err(err("missing \"text\"".to_string())),
        Some(_) => return Err(err("\"text\" is not a string".to_string())),
    };
    if text.trim().is_empty() {
        return Err(err("empty text".to_string()));
    }
    let id = match record.get("id") {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(serde_json::Value::Number(id)) => id.to_string(),
        None | Some(serde_json::Value::Null) | Some(serde_json::Value::String(_)) => {
            format!("{stem}-{line_no}")
        }
        Some(_) => return Err(err("\"id\" is not a string or a number".to_string())),
    };
    let date = match record.get("date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(date)) => Some(
            parse_day(date)
                .ok_or_else(|| err(format!("invalid date {date:?}; expected YYYY-MM-DD")))?,
        ),
        Some(_) => return Err(err("\"date\" is not a string".to_string())),
    };
    let lang = match record.get("lang") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(code)) => {
            let code = code.trim().to_ascii_lowercase();
            if !LANG_CODES.contains(&code.as_str()) {
                return Err(err(format!(
                    "unknown lang {code:?}; expected one of {}",
                    LANG_CODES.join(", ")
                )));
            }
            Some(code)
        }
        Some(_) => return Err(err("\"lang\" is not a string".to_string())),
    };
    let string = |key: &str| record.get(key).and_then(|v| v.as_str()).map(str::to_string);
    Ok(SourceDoc {
        id,
        origin: origin.to_string(),
        text,
        date,
        lang,
        title: string("title"),
        url: string("url"),
        warnings: Vec::new(),
    })
}

// HTML.

/// Elements whose content is never the article.
const HTML_SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg",
    "iframe", "button", "select", "textarea", "object", "embed", "canvas", "head", "menu",
    "dialog",
];

/// Elements that end a paragraph.
const HTML_BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Words of a `class` or `id` that mark page furniture rather than the article.
const HTML_SKIP_CLASSES: &[&str] = &[
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "newsletter",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "subscribe",
    "comments",
];

/// What is read from an HTML page.
pub struct HtmlPage {
    /// The main text, one paragraph per block, separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    /// The page's canonical address ([`page_url`]).
    pub url: Option<String>,
    /// The publication date from `<meta>` (`article:published_time`, `datePublished`...) or
    /// the first `<time datetime>` of the article.
    pub date: Option<NaiveDate>,
    /// Elements were nested deeper than the limit: the deeper tags were left out (their
    /// text is kept).
    pub too_deep: bool,
}

/// Where pages put their publication date, most specific first.
const HTML_DATE_SELECTORS: &[(&str, &str)] = &[
    ("meta[property='article:published_time']", "content"),
    ("meta[itemprop='datePublished']", "content"),
    ("meta[name='pubdate']", "content"),
    ("meta[name='publish-date']", "content"),
    ("meta[name='date']", "content"),
    ("meta[name='dc.date']", "content"),
    ("[itemprop='datePublished']", "datetime"),
];

/// The main text of an HTML page, its title and its publication date. Tags nested deeper
/// than `max_depth` are left out first ([`limit_depth`]): the HTML parser's work grows with
/// the square of the nesting depth.
pub fn html_main_text(source: &str, max_depth: usize) -> HtmlPage {
    let (source, too_deep) = limit_depth(source, max_depth);
    let html = Html::parse_document(&source);
    let title = Selector::parse("title")
        .ok()
        .and_then(|selector| html.select(&selector).next())
        .map(|title| collapse_space(&title.text().collect::<String>()))
        .filter(|title| !title.is_empty());
    let url = page_url(&html);
    let root = main_element(&html);
    let mut date = HTML_DATE_SELECTORS.iter().find_map(|(css, attr)| {
        let selector = Selector::parse(css).ok()?;
        html.select(&selector)
            .find_map(|element| element.attr(attr).and_then(parse_day))
    });
    if date.is_none() {
        let selector = Selector::parse("time[datetime]").expect("valid selector");
        date = root
            .select(&selector)
            .find_map(|element| element.attr("datetime").and_then(parse_day));
    }

    enum Step<N> {
        Enter(N),
        Leave(bool),
    }
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(block) => {
                if block {
                    flush_block(&mut current, &mut blocks);
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(text) => {
                current.extend(
                    text.chars()
                        .map(|c| if c.is_whitespace() { ' ' } else { c }),
                );
            }
            Node::Element(element) => {
                let name = element.name();
                let is_root = node.id() == root.id();
                if !is_root && (HTML_SKIP.contains(&name) || is_furniture(element)) {
                    continue;
                }
                match name {
                    "br" => {
                        current.push('\n');
                        continue;
                    }
                    "td" | "th" => current.push(' '),
                    _ => {}
                }
                let block = HTML_BLOCKS.contains(&name);
                if block {
                    flush_block(&mut current, &mut blocks);
                }
                stack.push(Step::Leave(block));
                stack.extend(node.children().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    flush_block(&mut current, &mut blocks);
    HtmlPage {
        text: blocks.join("\n\n"),
        title,
        url,
        date,
        too_deep,
    }
}

/// The page's own address: its canonical link (`<link rel="canonical" href>`), else its
/// Open Graph URL (`<meta property="og:url" content>`). Only absolute http(s) addresses:
/// a relative one says nothing without the address the page was fetched from.
fn page_url(page: &Html) -> Option<String> {
    let canonical = Selector::parse("link[rel~=canonical][href]").expect("a valid selector");
    let og = Selector::parse("meta[property='og:url'][content]").expect("a valid selector");
    page.select(&canonical)
        .filter_map(|link| link.value().attr("href"))
        .chain(
            page.select(&og)
                .filter_map(|meta| meta.value().attr("content")),
        )
        .map(str::trim)
        .find(|url| url.starts_with("https://") || url.starts_with("http://"))
        .map(str::to_string)
}

/// The day of an ISO date or timestamp (`2021-06-25`, `2021-06-25T10:00:00+05:00`).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.get(..10)?;
    let rest = &text.as_bytes()[10..];
    if !rest.is_empty() && !matches!(rest[0], b'T' | b' ') {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The element that holds the article: the longest `<article>`, else `<main>` or
/// `[role=main]`, else `<body>`.
fn main_element(html: &Html) -> ElementRef<'_> {
    let select = |css: &str| {
        Selector::parse(css)
            .ok()
            .map(|selector| html.select(&selector).collect::<Vec<_>>())
    };
    let text_len = |element: &ElementRef<'_>| element.text().map(str::len).sum::<usize>();
    if let Some(article) = select("article").and_then(|all| all.into_iter().max_by_key(text_len)) {
        return article;
    }
    for css in ["main", "[role=main]", "body"] {
        if let Some(element) = select(css).and_then(|all| all.into_iter().next()) {
            return element;
        }
    }
    html.root_element()
}

fn is_furniture(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    ["class", "id"]
        .iter()
        .filter_map(|attr| element.attr(attr))
        .any(|value| {
            value
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| {
                    HTML_SKIP_CLASSES
                        .iter()
                        .any(|skip| skip.eq_ignore_ascii_case(word))
                })
        })
}

/// Ends the paragraph being collected: white space collapsed, `<br>` kept as line breaks.
fn flush_block(current: &mut String, blocks: &mut Vec<String>) {
    let lines: Vec<String> = current
        .split('\n')
        .map(collapse_space)
        .filter(|line| !line.is_empty())
        .collect();
    if !lines.is_empty() {
        blocks.push(lines.join("\n"));
    }
    current.clear();
}

fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// Nesting depth.

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Elements that the next one of their kind closes (`<p>a<p>b`, `<li>a<li>b`).
const CLOSED_BY_SIBLING: &[&str] = &[
    "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "tbody", "td", "tfoot", "th",
    "thead", "tr",
];

/// Formatting elements, which the HTML parser re-opens after a block that interrupts
/// them: unclosed, each one costs work at every later paragraph.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// How far down the open elements an end tag is looked for: an end tag whose element is
/// not among the innermost few is left for the parser (which ignores most such tags).
const END_TAG_REACH: usize = 8;

/// `source` with the start and end tags of elements nested deeper than `max_depth` left
/// out (their text stays), and so are formatting elements (`<b>`...) opened beyond
/// `max_depth` unclosed ones; `true` when anything was left out.
///
/// The HTML parser (html5ever) walks its stack of open elements for most tags, so that
/// its time grows with the square of the nesting depth (100,000 nested `<div>`s: minutes).
/// Browsers cap the depth (Chromium at 512); this caps it before parsing, in one pass:
/// a light tokenizer that knows comments, raw-text elements (`<script>`), void elements,
/// self-closing tags in SVG and MathML, and the elements the next of their kind closes,
/// and that looks for an end tag's element among the innermost few open ones only, so
/// that its own work per tag is bounded.
pub fn limit_depth(source: &str, max_depth: usize) -> (Cow<'_, str>, bool) {
    struct Open<'a> {
        name: Cow<'a, str>,
        kept: bool,
    }
    let bytes = source.as_bytes();
    let mut stack: Vec<Open<'_>> = Vec::new();
    let mut foreign = 0usize;
    let mut formatting = 0usize;
    // The parts of `source` left out, as byte ranges, in order.
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = find(bytes, start + 2, b">").map_or(bytes.len(), |i| i + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // Not a tag: a `<` in text.
            at = start + 1;
            continue;
        }
        let name_end = name_start + name_len;
        let end = tag_end(bytes, name_end);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let name = lower(&source[name_start..name_end]);
        at = end;
        if closing {
            let reach = stack.len().saturating_sub(END_TAG_REACH);
            if let Some(i) = (reach..stack.len()).rev().find(|&i| stack[i].name == name) {
                if !stack[i].kept {
                    dropped.push((start, end));
                }
                for open in stack.drain(i..) {
                    if matches!(open.name.as_ref(), "svg" | "math") {
                        foreign = foreign.saturating_sub(1);
                    }
                }
            }
            if FORMATTING.contains(&name.as_ref()) {
                formatting = formatting.saturating_sub(1);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_ref()) && !self_closing {
            // Its content up to its end tag is text: passed over whole, never left out.
            let close = format!("</{name}");
            at = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if VOID.contains(&name.as_ref()) || (self_closing && foreign > 0) {
            continue;
        }
        if CLOSED_BY_SIBLING.contains(&name.as_ref())
            && stack.last().is_some_and(|top| top.name == name)
        {
            stack.pop();
        }
        let is_formatting = FORMATTING.contains(&name.as_ref());
        let kept = stack.len() < max_depth && !(is_formatting && formatting >= max_depth);
        if !kept {
            dropped.push((start, end));
        }
        if is_formatting {
            formatting += 1;
        }
        if matches!(name.as_ref(), "svg" | "math") {
            foreign += 1;
        }
        stack.push(Open { name, kept });
    }
    if dropped.is_empty() {
        return (Cow::Borrowed(source), false);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for (start, end) in dropped {
        out.push_str(&source[from..start]);
        from = end;
    }
    out.push_str(&source[from..]);
    (Cow::Owned(out), true)
}

/// Where a tag whose name ends at `from` ends: after its `>`, quoted attribute values
/// passed over.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'>') => return i + 1,
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            _ => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_the_article() {
        let page = r#"<html><head><title> Almaty  grows </title><style>p{}</style>
            <meta property="article:published_time" content="2021-06-25T09:00:00+05:00"></head>
            <body><header><nav><a href="/">Home</a> | <a>News</a></nav></header>
            <div class="share-buttons">Share Tweet</div>
            <article><h1>Almaty grows</h1>
              <p>The zone created
                 369 jobs.</p><script>var x = 1;</script>
              <p>Output grew 5%.<br>Second line.</p>
              <aside>Related: other news</aside>
              <table><tr><td>Jobs</td><td>369</td></tr></table>
            </article>
            <footer>© 2024</footer></body></html>"#;
        let page = html_main_text(page, 256);
        assert_eq!(page.title.as_deref(), Some("Almaty grows"));
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2021, 6, 25));
        assert_eq!(
            page.text,
            "Almaty grows\n\nThe zone created 369 jobs.\n\nOutput grew 5%.\nSecond line.\n\nJobs 369"
        );
    }

    #[test]
    fn html_without_article_uses_main_or_body() {
        let page = html_main_text("<body><nav>Menu</nav><p>One.</p><div>Two</div></body>", 256);
        assert_eq!(
            (page.text.as_str(), page.title, page.date),
            ("One.\n\nTwo", None, None)
        );
        let page = html_main_text(
            "<body><p>Outside.</p><main><p><time datetime=\"2024-06-14\">June 14</time> Inside.</p></main></body>",
            256,
        );
        assert_eq!(page.text, "June 14 Inside.");
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 6, 14));
    }

    #[test]
    fn text_checks() {
        assert_eq!(to_text(b"ok".to_vec()).unwrap(), "ok");
        assert_eq!(to_text(Vec::new()).unwrap_err(), "empty file");
        assert!(to_text(b" \n ".to_vec())
            .unwrap_err()
            .starts_with("empty file"));
        assert!(to_text(b"a\0b".to_vec())
            .unwrap_err()
            .starts_with("binary file"));
        assert_eq!(
            to_text(b"ab\xffc".to_vec()).unwrap_err(),
            "invalid UTF-8 at byte 2"
        );
    }

    #[test]
    fn text_encodings_and_line_ends() {
        let utf16 = |le: bool, text: &str| -> Vec<u8> {
            let mut bytes = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in text.encode_utf16() {
                bytes.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            bytes
        };
        let text = "Shymkent built 1,200 flats in 2023 — 12% more.\r\nНовые школы: 53.";
        assert_eq!(to_text(utf16(true, text)).unwrap(), text);
        assert_eq!(to_text(utf16(false, text)).unwrap(), text);
        let mut odd = utf16(true, "ab");
        odd.push(b'c');
        assert!(to_text(odd).unwrap_err().contains("odd number of bytes"));
        let mut lone_surrogate = vec![0xFF, 0xFE, b'a', 0];
        lone_surrogate.extend([0x00, 0xD8, b'b', 0]);
        assert_eq!(
            to_text(lone_surrogate).unwrap_err(),
            "invalid UTF-16 at byte 4"
        );
        // NUL inside UTF-16 text is still a binary file.
        assert!(to_text(utf16(true, "a\0b"))
            .unwrap_err()
            .starts_with("binary"));
        // A lone CR is a line end, CRLF is left alone; lengths do not change.
        assert_eq!(
            to_text(b"One.\rTwo.\r\nThree.".to_vec()).unwrap(),
            "One.\nTwo.\r\nThree."
        );
    }

    /// (HTML, the depth limit, the text read, whether tags were left out).
    const DEPTH_CASES: &[(&str, usize, &str, bool)] = &[
        ("<div><div><p>One.</p></div></div>", 3, "One.", false),
        (
            "<div><div><div><p>Deep.</p></div></div></div><p>After.</p>",
            2,
            "Deep.\n\nAfter.",
            true,
        ),
        // Closed by their siblings, unclosed paragraphs and items do not nest.
        (
            "<p>One<p>Two<p>Three<p>Four",
            2,
            "One\n\nTwo\n\nThree\n\nFour",
            false,
        ),
        (
            "<ul><li>a<li>b<li>c<li>d</ul><p>e",
            3,
            "a\n\nb\n\nc\n\nd\n\ne",
            false,
        ),
        // Void elements, comments, scripts and SVG's self-closing tags open nothing.
        (
            "<p>a<br><img src=x><!-- <div><div> --><script>'<div>'</script>b</p>",
            2,
            "a\nb",
            false,
        ),
        (
            "<svg><path/><path/><path/><path/></svg><p>Text.</p>",
            3,
            "Text.",
            false,
        ),
        ("<p title='a > b'>Quoted.</p>", 2, "Quoted.", false),
    ];

    #[test]
    fn nesting_beyond_the_limit_is_left_out_with_its_text_kept() {
        for &(html, limit, text, cut) in DEPTH_CASES {
            let (_, left_out) = limit_depth(html, limit);
            assert_eq!(left_out, cut, "{html}");
            let page = html_main_text(html, limit);
            assert_eq!(page.text, text, "{html}");
            assert_eq!(page.too_deep, cut, "{html}");
        }
    }

    #[test]
    fn deeply_nested_html_reads_in_linear_time() {
        let n = 100_000;
        let shapes = [
            format!(
                "{}Almaty built 5 schools.{}",
                "<div>".repeat(n),
                "</div>".repeat(n)
            ),
            format!("{}Tenge.", "<div/>".repeat(n)),
            format!("{}x", "<ul><li>".repeat(n / 2)),
            format!("{}{}", "<b>".repeat(n / 2), "<p>x".repeat(n / 2)),
            "<table><tr><td>".repeat(n / 3),
            format!("{}end", "<svg>".repeat(n)),
        ];
        for html in &shapes {
            let started = std::time::Instant::now();
            let page = html_main_text(html, 256);
            let took = started.elapsed();
            // Minutes before the limit; about 0.2 s in a debug build. Generous for a loaded
            // machine, far below the quadratic time.
            assert!(
                took.as_secs_f64() < 10.0,
                "{} bytes took {took:?}",
                html.len()
            );
            assert!(page.too_deep, "{}", &html[..40]);
        }
    }

    #[test]
    fn canonical_addresses_of_pages() {
        let page = r#"<html><head><title>T</title>
            <meta property="og:url" content="https://news.example/og">
            <link rel="canonical" href=" https://news.example/a/1 ">
            </head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            html_main_text(page, 512).url.as_deref(),
            Some("https://news.example/a/1")
        );
        let og_only = r#"<html><head><meta property="og:url" content="http://news.example/og"></head></html>"#;
        assert_eq!(
            html_main_text(og_only, 512).url.as_deref(),
            Some("http://news.example/og")
        );
        let relative = r#"<html><head><link rel="canonical" href="/a/1"></head></html>"#;
        assert_eq!(html_main_text(relative, 512).url, None);
        assert_eq!(
            html_main_text("<html><body>No links</body></html>", 512).url,
            None
        );
    }
}
