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
//!   Any other stream (a request body) is read the same way by [`from_reader`].
//!
//! Text is never decoded lossily: invalid UTF-8, NUL bytes (a binary file), an empty file
//! and a file over [`MAX_FILE_BYTES`] are errors naming the file.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

mod doc_meta;
mod parse;

pub use parse::SourceDoc;
use parse::{html_main_text, to_text};

/// The largest file (or JSONL line) read; a larger one is an error rather than a risk to memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
/// the stream goes on with the rest. HTML nested deeper than `max_html_depth` elements
/// loses its deeper tags (a warning of the document says so).
pub fn documents(
    paths: &[String],
    max_html_depth: usize,
) -> impl Iterator<Item = Result<SourceDoc, ReadError>> + '_ {
    paths
        .iter()
        .flat_map(move |path| read_path(path, max_html_depth))
}

/// A stream of documents, each read or failed.
pub type Docs = Box<dyn Iterator<Item = Result<SourceDoc, ReadError>>>;

fn one(res: Result<SourceDoc, ReadError>) -> Docs {
    Box::new(std::iter::once(res))
}

fn read_path(path: &str, depth: usize) -> Docs {
    if path == "-" {
        return read_stdin(depth);
    }
    match std::fs::metadata(path) {
        Err(err) => one(Err(ReadError::io(path, &err))),
        Ok(meta) if meta.is_dir() => read_dir(PathBuf::from(path), depth),
        Ok(_) => read_file(Path::new(path), depth),
    }
}

fn read_dir(root: PathBuf, depth: usize) -> Docs {
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
                read_file(entry.path(), depth)
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

fn read_file(path: &Path, depth: usize) -> Docs {
    let origin = path.display().to_string();
    match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => match File::open(path) {
            Ok(file) => Box::new(JsonlDocs::new(BufReader::new(file), origin, stem(path))),
            Err(err) => one(Err(ReadError::io(origin, &err))),
        },
        Some("html" | "htm" | "xhtml") => one(read_text_file(path)
            .and_then(|source| html_doc(&source, stem(path), origin.clone(), depth))),
        _ => one(read_text_file(path).map(|text| SourceDoc {
            id: stem(path),
            origin: origin.clone(),
            title: doc_meta::text_title(&text),
            text,
            date: None,
            lang: None,
            url: None,
            warnings: Vec::new(),
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

fn html_doc(
    source: &str,
    id: String,
    origin: String,
    depth: usize,
) -> Result<SourceDoc, ReadError> {
    let page = html_main_text(source, depth);
    if page.text.trim().is_empty() {
        return Err(ReadError::new(origin, "no text found in HTML"));
    }
    Ok(SourceDoc {
        id,
        origin,
        text: page.text,
        date: page.date,
        lang: None,
        title: page.title,
        url: page.url,
        warnings: page
            .too_deep
            .then(|| {
                format!(
                    "HTML nested deeper than {depth} elements: the deeper tags were left out, \
                     their text kept (--max-html-depth)"
                )
            })
            .into_iter()
            .collect(),
    })
}

fn too_large(n_bytes: u64) -> String {
    format!(
        "file too large ({n_bytes} bytes; the limit is {} MiB)",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

fn io_message(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

// Stdin, and any other stream (a request body).

fn read_stdin(depth: usize) -> Docs {
    from_reader(io::stdin().lock(), "-", "stdin", depth)
}

/// The documents of a stream, as `-` reads stdin: JSONL when its first character is `{`
/// (records without an `id` are `STEM-LINE`), an HTML page when it starts as one, else one
/// text document with the id `stem`. `origin` names the stream in errors and the ledger.
pub fn from_reader<R: BufRead + 'static>(
    mut reader: R,
    origin: &str,
    stem: &str,
    max_html_depth: usize,
) -> Docs {
    let (looks_like_jsonl, looks_like_html) = match reader.fill_buf() {
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
        Err(err) => return one(Err(ReadError::io(origin, &err))),
    };
    if looks_like_jsonl {
        return Box::new(JsonlDocs::new(reader, origin.to_string(), stem.to_string()));
    }
    let mut bytes = Vec::new();
    if let Err(err) = reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return one(Err(ReadError::io(origin, &err)));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return one(Err(ReadError::new(origin, too_large(bytes.len() as u64))));
    }
    let text = to_text(bytes).map_err(|message| ReadError::new(origin, message));
    if looks_like_html {
        return one(text.and_then(|source| {
            html_doc(
                &source,
                stem.to_string(),
                origin.to_string(),
                max_html_depth,
            )
        }));
    }
    one(text.map(|text| SourceDoc {
        id: stem.to_string(),
        origin: origin.to_string(),
        title: doc_meta::text_title(&text),
        text,
        date: None,
        lang: None,
        url: None,
        warnings: Vec::new(),
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
        parse::jsonl_record(&self.line, &origin, &self.stem, self.line_no)
            .map_err(|message| ReadError::new(origin, message))
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

#[cfg(test)]
mod tests {
    use super::*;

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
