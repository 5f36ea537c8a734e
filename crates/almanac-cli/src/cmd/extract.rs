//! `almanac extract`: facts to stdout, no database.
//!
//! One JSON line per fact with FACTS.md's fields in FACTS.md's order, or an aligned table.
//! `--all-quantities` prints every quantity instead and `--entities` the entities, one JSON
//! line each with the document id. A document that cannot be read is named on stderr and
//! the others go on; the exit code is then 1.

use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use almanac_extract::{DocContext, Entity, Fact, Lang, Quantity};
use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;

use almanac_ingest::read;

/// Arguments of `almanac extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively), JSONL files, or `-` for stdin
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The publication date of documents that carry none (no header, no JSONL `date`)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The language of documents that carry none (JSONL `lang`); else each is detected
    #[arg(long, value_name = "en|ru|kk", value_parser = crate::args::parse_lang)]
    pub lang: Option<Lang>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Print every quantity found (durations, ages... too) instead of the facts
    #[arg(long, conflicts_with = "entities")]
    pub all_quantities: bool,
    /// Print the entities (places, organisations, people) instead of the facts
    #[arg(long)]
    pub entities: bool,
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
}

/// How `almanac extract` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object a line
    Jsonl,
    /// An aligned table for reading
    Table,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
}

/// What one run prints for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Facts,
    Quantities,
    Entities,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let output = if args.all_quantities {
        Output::Quantities
    } else if args.entities {
        Output::Entities
    } else {
        Output::Facts
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let table = args.format == Format::Table;
    if table {
        write_row(&mut out, output, &header(output)).context("cannot write to stdout")?;
    }

    let mut n_documents = 0usize;
    let mut n_failed = 0usize;
    for doc in read::documents(&args.paths, args.limits.max_html_depth) {
        n_documents += 1;
        let doc = match doc.and_then(|doc| args.limits.check(&doc).map(|()| doc)) {
            Ok(doc) => doc,
            Err(err) => {
                n_failed += 1;
                // The failure is the user's to see at once, so stdout goes first.
                out.flush().context("cannot write to stdout")?;
                eprintln!("almanac: {err}");
                continue;
            }
        };
        if !doc.warnings.is_empty() {
            out.flush().context("cannot write to stdout")?;
            for warning in &doc.warnings {
                eprintln!("almanac: {}: {warning}", doc.origin);
            }
        }
        // Extraction never fails by contract; should a rule still panic on some text, that
        // document fails and the batch goes on.
        let items = panic::catch_unwind(AssertUnwindSafe(|| {
            extract_items(&doc, args.date, args.lang, output, &args.limits.limits())
        }));
        match items {
            Ok((items, lang, warning)) => {
                if let Some(warning) = warning {
                    out.flush().context("cannot write to stdout")?;
                    eprintln!("almanac: {}: {warning}", doc.origin);
                }
                if !lang.is_supported() {
                    out.flush().context("cannot write to stdout")?;
                    eprintln!(
                        "almanac: {}: the text is in {} ({lang}), which almanac does not read yet: no facts",
                        doc.origin,
                        lang_name(lang)
                    );
                }
                print_items(&mut out, &doc.id, &items, table).context("cannot write to stdout")?
            }
            Err(payload) => {
                n_failed += 1;
                out.flush().context("cannot write to stdout")?;
                eprintln!(
                    "almanac: {}: internal error: the extractor panicked: {}",
                    doc.origin,
                    panic_message(&*payload)
                );
            }
        }
    }
    out.flush().context("cannot write to stdout")?;
    if n_failed > 0 {
        eprintln!("almanac: {n_documents} documents, {n_failed} failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What one document gave.
enum Items {
    Facts(Vec<Fact>),
    Quantities(Vec<Quantity>),
    Entities(Vec<Entity>),
}

fn extract_items(
    doc: &read::SourceDoc,
    date: Option<NaiveDate>,
    lang: Option<Lang>,
    output: Output,
    limits: &almanac_ingest::Limits,
) -> (Items, Lang, Option<String>) {
    let lang = crate::args::doc_lang(doc, lang)
        .unwrap_or_else(|| almanac_extract::lang::detect(&doc.text));
    let ctx = DocContext {
        doc: &doc.id,
        date: doc.date.or(date),
        lang: Some(lang),
    };
    if output == Output::Quantities {
        let quantities = almanac_extract::all_quantities_in(&doc.text, lang);
        return (Items::Quantities(quantities), lang, None);
    }
    let (extraction, unread_from) =
        almanac_extract::extract_with_limit(&doc.text, &ctx, limits.max_figures);
    let warning = unread_from.map(|at| limits.figures_left_out(&doc.text, at));
    let items = match output {
        Output::Entities => Items::Entities(extraction.entities),
        _ => Items::Facts(extraction.facts),
    };
    (items, lang, warning)
}

/// A language's name in English, for messages.
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::English => "English",
        Lang::Russian => "Russian",
        Lang::Kazakh => "Kazakh",
    }
}

fn print_items(out: &mut impl Write, doc: &str, items: &Items, table: bool) -> io::Result<()> {
    match items {
        Items::Facts(facts) => {
            for fact in facts {
                if table {
                    write_row(out, Output::Facts, &fact_row(fact))?;
                } else {
                    write_json(out, fact)?;
                }
            }
        }
        Items::Quantities(quantities) => {
            for quantity in quantities {
                if table {
                    write_row(out, Output::Quantities, &quantity_row(doc, quantity))?;
                } else {
                    write_json(
                        out,
                        &WithDoc {
                            doc,
                            item: quantity,
                        },
                    )?;
                }
            }
        }
        Items::Entities(entities) => {
            for entity in entities {
                if table {
                    write_row(out, Output::Entities, &entity_row(doc, entity))?;
                } else {
                    write_json(out, &WithDoc { doc, item: entity })?;
                }
            }
        }
    }
    Ok(())
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
}

/// A record with the document id put first.
#[derive(Serialize)]
struct WithDoc<'a, T> {
    doc: &'a str,
    #[serde(flatten)]
    item: &'a T,
}

fn write_json(out: &mut impl Write, item: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.write_all(b"\n")
}

// The table. Columns have fixed widths, so that it streams: no document waits for the last.

fn columns(output: Output) -> &'static [(&'static str, usize)] {
    match output {
        Output::Facts => &[
            ("doc", 16),
            ("text", 28),
            ("value", 14),
            ("high", 14),
            ("unit", 8),
            ("qualifier", 9),
            ("metric", 14),
            ("measure", 7),
            ("subject", 24),
            ("period", 17),
            ("status", 7),
        ],
        Output::Quantities => &[
            ("doc", 16),
            ("text", 28),
            ("value", 14),
            ("high", 14),
            ("unit", 10),
            ("kind", 11),
            ("qualifier", 9),
            ("direction", 9),
            ("per", 6),
            ("fact", 5),
        ],
        Output::Entities => &[
            ("doc", 16),
            ("name", 32),
            ("kind", 12),
            ("part_of", 24),
            ("role", 20),
            ("role_of", 24),
            ("mentions", 8),
        ],
    }
}

fn header(output: Output) -> Vec<String> {
    columns(output)
        .iter()
        .map(|(name, _)| name.to_string())
        .collect()
}

fn fact_row(fact: &Fact) -> Vec<String> {
    vec![
        fact.doc.clone(),
        fact.text.clone(),
        format_value(fact.value),
        fact.value_high.map(format_value).unwrap_or_default(),
        fact.unit.clone().unwrap_or_default(),
        fact.qualifier
            .map(|q| q.as_str().to_string())
            .unwrap_or_default(),
        fact.metric.map(|m| m.to_string()).unwrap_or_default(),
        fact.measure
            .map(|m| m.as_str().to_string())
            .unwrap_or_default(),
        fact.subject.clone().unwrap_or_default(),
        fact.period.map(|p| p.to_string()).unwrap_or_default(),
        fact.status
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
    ]
}

fn entity_row(doc: &str, entity: &Entity) -> Vec<String> {
    vec![
        doc.to_string(),
        entity.name.clone(),
        json_name(&entity.kind),
        entity.part_of.clone().unwrap_or_default(),
        entity.role.clone().unwrap_or_default(),
        entity.role_of.clone().unwrap_or_default(),
        entity.mentions.len().to_string(),
    ]
}

fn quantity_row(doc: &str, quantity: &Quantity) -> Vec<String> {
    vec![
        doc.to_string(),
        quantity.text.clone(),
        format_value(quantity.value),
        quantity.high.map(format_value).unwrap_or_default(),
        quantity.unit.clone().unwrap_or_default(),
        json_name(&quantity.kind),
        quantity
            .qualifier
            .map(|q| q.as_str().to_string())
            .unwrap_or_default(),
        quantity
            .direction
            .as_ref()
            .map(json_name)
            .unwrap_or_default(),
        quantity.per.clone().unwrap_or_default(),
        if quantity.fact_worthy { "yes" } else { "no" }.to_string(),
    ]
}

/// The name serde gives a unit-like enum variant (`snake_case` in this crate's types).
fn json_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn format_value(value: f64) -> String {
    // `{}` prints 15000000000 and 32.8 as they are, without exponents or a trailing `.0`.
    format!("{value}")
}

fn write_row(out: &mut impl Write, output: Output, cells: &[String]) -> io::Result<()> {
    let mut line = String::new();
    for (idx, ((_, width), cell)) in columns(output).iter().zip(cells).enumerate() {
        if idx > 0 {
            line.push_str("  ");
        }
        let cell = fit(cell, *width);
        let is_last = idx + 1 == cells.len();
        if is_last {
            line.push_str(cell.trim_end());
        } else {
            line.push_str(&cell);
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// `cell` on one line, cut to `width` characters with `…`, padded with spaces to `width`.
fn fit(cell: &str, width: usize) -> String {
    let flat: String = cell
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let n_chars = flat.chars().count();
    if n_chars > width {
        let mut cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{flat}{}", " ".repeat(width - n_chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fit_their_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 5), "abcd…");
        assert_eq!(fit("a\nb", 3), "a b");
        assert_eq!(fit("тенге", 5), "тенге");
    }

    #[test]
    fn values_print_plainly() {
        assert_eq!(format_value(15_000_000_000.0), "15000000000");
        assert_eq!(format_value(32.8), "32.8");
    }
}
