//! Reading the user's inputs into documents: files, directories, JSONL, HTML and stdin.
//!
//! - A text file (`.txt`, `.md`, or any other extension) is one document, its id the file
//!   name without extension.
//! - A directory is walked recursively in file-name order, lazily; hidden files and
//!   directories are skipped, and so are files whose extension says they are not text
//!   (`.png`, `.pdf`, `.zip`...; named on the command line they are read and fail).
//! - A `.jsonl` file holds one document a line: `id`, `text`, optional `date`, `title`,
//!   `url`. It is read line by line; a broken line is an error named `path:LINE` and the
//!   reading goes on. A record without `id` gets `FILESTEM-LINE`.
//! - An `.html`/`.htm` page is reduced to its main text: `<article>` or `<main>` if there
//!   is one, without scripts, styles, navigation, headers, footers, asides and forms, one
//!   paragraph per block separated by blank lines; `<title>` is the title.
//! - `-` is stdin: JSONL when its first character is `{`, else one text document `stdin`.
//!
//! Text is never decoded lossily: invalid UTF-8, NUL bytes (a binary file), an empty file
//! and a file over [`MAX_FILE_BYTES`] are errors naming the file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};
use walkdir::WalkDir;

/// The largest file (or JSONL line) read; a larger one is an error rather than a risk to memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One document read from the user's inputs, before extraction.
// `origin`, `title` and `url` are for the ledger (`almanac ingest`); `extract` prints none of them.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The document id: the file name without extension, or a JSONL record's `id`.
    pub id: String,
    /// Where it came from, for messages and the ledger: a path, `path:LINE` for JSONL, or `-`.
    pub origin: String,
    /// The text as the user gave it (HTML already reduced to its main text).
    pub text: String,
    /// A date from metadata (JSONL `date`); the header date is the extractor's business.
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// An input that could not be read, named so that the user can find it.
#[derive(Debug, Clone)]
pub struct ReadError {
    /// A path, or `path:LINE` for a JSONL line.
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    fn new(origin: impl Into<String>, message: impl Into<String>) -> ReadError {
        ReadError {
            origin: origin.into(),
            message: message.into(),
        }
    }

    fn io(origin: impl Into<String>, err: &io::Error) -> ReadError {
        ReadError::new(origin, io_message(err))
    }
}

/// Streams the documents of `paths` one at a time (bounded memory: a directory is walked
/// lazily and a JSONL file is read line by line). A failure is an item of the stream and
/// the stream goes on with the rest.
pub fn documents(paths: &[String]) -> impl Iterator<Item = Result<SourceDoc, ReadError>> + '_ {
    paths.iter().flat_map(|path| read_path(path))
}

type Docs = Box<dyn Iterator<Item = Result<SourceDoc, ReadError>>>;

fn one(res: Result<SourceDoc, ReadError>) -> Docs {
    Box::new(std::iter::once(res))
}

fn read_path(path: &str) -> Docs {
    if path == "-" {
        return read_stdin();
    }
    match std::fs::metadata(path) {
        Err(err) => one(Err(ReadError::io(path, &err))),
        Ok(meta) if meta.is_dir() => read_dir(PathBuf::from(path)),
        Ok(_) => read_file(Path::new(path)),
    }
}

fn read_dir(root: PathBuf) -> Docs {
    let walker = WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    Box::new(walker.flat_map(move |entry| -> Docs {
        match entry {
            Err(err) => {
                let origin = err.path().unwrap_or(&root).display().to_string();
                let message = match err.io_error() {
                    Some(io) => io_message(io),
                    None => "filesystem loop".to_string(),
                };
                one(Err(ReadError::new(origin, message)))
            }
            Ok(entry) if entry.file_type().is_file() && !is_binary_extension(entry.path()) => {
                read_file(entry.path())
            }
            Ok(_) => Box::new(std::iter::empty()),
        }
    }))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}

/// Extensions of files that are not text, skipped when walking a directory.
const BINARY_EXTENSIONS: &[&str] = &[
    "7z", "a", "avi", "bin", "bmp", "bz2", "class", "db", "dll", "doc", "docx", "dylib", "eot",
    "exe", "flac", "gif", "gz", "ico", "jar", "jpeg", "jpg", "json", "mkv", "mov", "mp3", "mp4",
    "npy", "npz", "o", "odt", "ogg", "otf", "parquet", "pdf", "pkl", "png", "ppt", "pptx", "rar",
    "so", "sqlite", "sqlite3", "svg", "tar", "tgz", "tif", "tiff", "ttf", "wasm", "wav", "webm",
    "webp", "woff", "woff2", "xls", "xlsx", "xz", "zip", "zst",
];

fn is_binary_extension(path: &Path) -> bool {
    extension(path).is_some_and(|ext| BINARY_EXTENSIONS.contains(&ext.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string())
}

fn read_file(path: &Path) -> Docs {
    let origin = path.display().to_string();
    match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => match File::open(path) {
            Ok(file) => Box::new(JsonlDocs::new(BufReader::new(file), origin, stem(path))),
            Err(err) => one(Err(ReadError::io(origin, &err))),
        },
        Some("html" | "htm" | "xhtml") => {
            one(read_text_file(path)
                .and_then(|source| html_doc(&source, stem(path), origin.clone())))
        }
        _ => one(read_text_file(path).map(|text| SourceDoc {
            id: stem(path),
            origin: origin.clone(),
            title: crate::doc_meta::text_title(&text),
            text,
            date: None,
            url: None,
        })),
    }
}

/// Reads a whole file as UTF-8 text, refusing what is too large, empty, binary or not UTF-8.
fn read_text_file(path: &Path) -> Result<String, ReadError> {
    let origin = path.display().to_string();
    let file = File::open(path).map_err(|err| ReadError::io(&origin, &err))?;
    if let Ok(meta) = file.metadata() {
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadError::new(origin, too_large(meta.len())));
        }
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| ReadError::io(&origin, &err))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::new(origin, too_large(bytes.len() as u64)));
    }
    to_text(bytes).map_err(|message| ReadError::new(origin, message))
}

fn html_doc(source: &str, id: String, origin: String) -> Result<SourceDoc, ReadError> {
    let page = html_main_text(source);
    if page.text.trim().is_empty() {
        return Err(ReadError::new(origin, "no text found in HTML"));
    }
    Ok(SourceDoc {
        id,
        origin,
        text: page.text,
        date: page.date,
        title: page.title,
        url: crate::doc_meta::html_url(source),
    })
}

fn too_large(n_bytes: u64) -> String {
    format!(
        "file too large ({n_bytes} bytes; the limit is {} MiB)",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Checks that `bytes` are a text: not empty, no NUL byte, valid UTF-8.
fn to_text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("UTF-16 text is not supported; convert it to UTF-8".to_string());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    let text = String::from_utf8(bytes)
        .map_err(|err| format!("invalid UTF-8 at byte {}", err.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err("empty file (only white space)".to_string());
    }
    Ok(text)
}

fn io_message(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

// Stdin.

fn read_stdin() -> Docs {
    let mut stdin = io::stdin().lock();
    let (looks_like_jsonl, looks_like_html) = match stdin.fill_buf() {
        Ok(buf) => {
            let start = buf
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(buf.len());
            let head = &buf[start..];
            let html = starts_with_ignore_case(head, b"<!doctype html")
                || starts_with_ignore_case(head, b"<html");
            (head.first() == Some(&b'{'), html)
        }
        Err(err) => return one(Err(ReadError::io("-", &err))),
    };
    if looks_like_jsonl {
        return Box::new(JsonlDocs::new(stdin, "-".to_string(), "stdin".to_string()));
    }
    let mut bytes = Vec::new();
    if let Err(err) = stdin.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return one(Err(ReadError::io("-", &err)));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return one(Err(ReadError::new("-", too_large(bytes.len() as u64))));
    }
    let text = to_text(bytes).map_err(|message| ReadError::new("-", message));
    if looks_like_html {
        return one(text.and_then(|source| html_doc(&source, "stdin".to_string(), "-".to_string())));
    }
    one(text.map(|text| SourceDoc {
        id: "stdin".to_string(),
        origin: "-".to_string(),
        title: crate::doc_meta::text_title(&text),
        text,
        date: None,
        url: None,
    }))
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

// JSONL.

/// The records of a JSONL stream, read one line at a time.
struct JsonlDocs<R> {
    reader: R,
    origin: String,
    stem: String,
    line_no: usize,
    n_records: usize,
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead> JsonlDocs<R> {
    fn new(reader: R, origin: String, stem: String) -> JsonlDocs<R> {
        JsonlDocs {
            reader,
            origin,
            stem,
            line_no: 0,
            n_records: 0,
            done: false,
            line: Vec::new(),
        }
    }

    fn line_origin(&self) -> String {
        format!("{}:{}", self.origin, self.line_no)
    }

    /// Discards the rest of an overlong line.
    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            if let Some(pos) = buf.iter().position(|&b| b == b'\n') {
                self.reader.consume(pos + 1);
                return Ok(());
            }
            let n = buf.len();
            self.reader.consume(n);
        }
    }

    fn record(&self) -> Result<SourceDoc, ReadError> {
        let origin = self.line_origin();
        let err = |message: String| ReadError::new(&origin, message);
        let line = std::str::from_utf8(&self.line).map_err(|e| {
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
            None | Some(serde_json::Value::Null) => {
                return Err(err("missing \"text\"".to_string()))
            }
            Some(_) => return Err(err("\"text\" is not a string".to_string())),
        };
        if text.trim().is_empty() {
            return Err(err("empty text".to_string()));
        }
        let id = match record.get("id") {
            Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id.clone(),
            Some(serde_json::Value::Number(id)) => id.to_string(),
            None | Some(serde_json::Value::Null) | Some(serde_json::Value::String(_)) => {
                format!("{}-{}", self.stem, self.line_no)
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
        let string = |key: &str| record.get(key).and_then(|v| v.as_str()).map(str::to_string);
        Ok(SourceDoc {
            id,
            origin,
            text,
            date,
            title: string("title"),
            url: string("url"),
        })
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Result<SourceDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line.clear();
            let read = (&mut self.reader)
                .take(MAX_FILE_BYTES + 1)
                .read_until(b'\n', &mut self.line);
            self.line_no += 1;
            match read {
                Err(err) => {
                    self.done = true;
                    return Some(Err(ReadError::io(self.line_origin(), &err)));
                }
                Ok(0) => {
                    self.done = true;
                    if self.n_records == 0 {
                        return Some(Err(ReadError::new(&self.origin, "empty file")));
                    }
                }
                Ok(n) if n as u64 > MAX_FILE_BYTES => {
                    self.n_records += 1;
                    let res = ReadError::new(self.line_origin(), "line too long");
                    if let Err(err) = self.skip_line() {
                        self.done = true;
                        return Some(Err(ReadError::io(self.line_origin(), &err)));
                    }
                    return Some(Err(res));
                }
                Ok(_) if self.line.iter().all(u8::is_ascii_whitespace) => {}
                Ok(_) => {
                    self.n_records += 1;
                    return Some(self.record());
                }
            }
        }
        None
    }
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
struct HtmlPage {
    /// The main text, one paragraph per block, separated by blank lines.
    text: String,
    title: Option<String>,
    /// The publication date from `<meta>` (`article:published_time`, `datePublished`...) or
    /// the first `<time datetime>` of the article.
    date: Option<NaiveDate>,
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

/// The main text of an HTML page, its title and its publication date.
fn html_main_text(source: &str) -> HtmlPage {
    let html = Html::parse_document(source);
    let title = Selector::parse("title")
        .ok()
        .and_then(|selector| html.select(&selector).next())
        .map(|title| collapse_space(&title.text().collect::<String>()))
        .filter(|title| !title.is_empty());
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
        date,
    }
}

/// The day of an ISO date or timestamp (`2021-06-25`, `2021-06-25T10:00:00+05:00`).
fn parse_day(text: &str) -> Option<NaiveDate> {
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
        let page = html_main_text(page);
        assert_eq!(page.title.as_deref(), Some("Almaty grows"));
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2021, 6, 25));
        assert_eq!(
            page.text,
            "Almaty grows\n\nThe zone created 369 jobs.\n\nOutput grew 5%.\nSecond line.\n\nJobs 369"
        );
    }

    #[test]
    fn html_without_article_uses_main_or_body() {
        let page = html_main_text("<body><nav>Menu</nav><p>One.</p><div>Two</div></body>");
        assert_eq!(
            (page.text.as_str(), page.title, page.date),
            ("One.\n\nTwo", None, None)
        );
        let page = html_main_text(
            "<body><p>Outside.</p><main><p><time datetime=\"2024-06-14\">June 14</time> Inside.</p></main></body>",
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

    fn jsonl(input: &str) -> Vec<Result<SourceDoc, ReadError>> {
        JsonlDocs::new(input.as_bytes(), "in.jsonl".to_string(), "in".to_string()).collect()
    }

    #[test]
    fn jsonl_records() {
        let docs = jsonl(concat!(
            "{\"id\": \"a\", \"text\": \"One.\", \"date\": \"2021-06-25\", \"title\": \"T\", \"url\": \"u\"}\n",
            "\n",
            "{\"text\": \"No id.\", \"date\": \"2021-06-25T10:00:00Z\"}\n",
            "{broken\n",
            "{\"id\": 7, \"text\": \"Numeric id.\"}\n",
            "[1, 2]\n",
            "{\"id\": \"b\"}\n",
            "{\"id\": \"c\", \"text\": \"x\", \"date\": \"June 2021\"}\n",
            "{\"id\": \"d\", \"text\": \"Last, no newline.\"}",
        ));
        let summary: Vec<String> = docs
            .iter()
            .map(|doc| match doc {
                Ok(doc) => format!(
                    "ok {} {} {:?}",
                    doc.id,
                    doc.origin,
                    doc.date.map(|d| d.to_string())
                ),
                Err(err) => format!("err {err}"),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "ok a in.jsonl:1 Some(\"2021-06-25\")",
                "ok in-3 in.jsonl:3 Some(\"2021-06-25\")",
                "err in.jsonl:4: invalid JSON: key must be a string at line 1 column 2",
                "ok 7 in.jsonl:5 None",
                "err in.jsonl:6: expected a JSON object",
                "err in.jsonl:7: missing \"text\"",
                "err in.jsonl:8: invalid date \"June 2021\"; expected YYYY-MM-DD",
                "ok d in.jsonl:9 None",
            ]
        );
        let first = docs[0].as_ref().unwrap();
        assert_eq!(
            (first.title.as_deref(), first.url.as_deref()),
            (Some("T"), Some("u"))
        );
    }

    #[test]
    fn jsonl_empty() {
        let docs = jsonl("\n\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].as_ref().unwrap_err().to_string(),
            "in.jsonl: empty file"
        );
    }
}
