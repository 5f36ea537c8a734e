//! `almanac facts`, `docs`, `show` and `entities`: the ledger read back, as tables for
//! people or as JSON and CSV for programs.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use almanac_extract::Period;
use almanac_store::{
    DocFilter, DocumentSummary, EntityFilter, EntitySummary, FactFilter, Ledger, StoredFact,
};
use anyhow::bail;
use clap::{Args, ValueEnum};

use crate::args::{DbArgs, FilterArgs, ListFormat};
use crate::export::{write_facts, FactSink};
use crate::table::{human_number, inert, Table};

const TABLE_LIMIT: usize = 100;

/// What an entity is, as the ledger records it.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKindArg {
    Country,
    Region,
    City,
    District,
    Town,
    Zone,
    #[value(alias = "organization")]
    Organisation,
    Person,
}

impl EntityKindArg {
    /// The kind's name in the ledger (the extractor's `EntityKind`, serialised).
    fn as_str(self) -> &'static str {
        match self {
            EntityKindArg::Country => "country",
            EntityKindArg::Region => "region",
            EntityKindArg::City => "city",
            EntityKindArg::District => "district",
            EntityKindArg::Town => "town",
            EntityKindArg::Zone => "zone",
            EntityKindArg::Organisation => "organisation",
            EntityKindArg::Person => "person",
        }
    }
}

/// `almanac facts`.
#[derive(Args, Debug)]
pub struct FactsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (a table shows the first 100 facts unless --limit says otherwise)
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// `almanac docs`.
#[derive(Args, Debug)]
pub struct DocsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents dated within this period
    #[arg(long, value_name = "PERIOD", value_parser = crate::checks::period)]
    pub period: Option<Period>,
    /// Documents whose id, title or origin contains this
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Newest first (by document date) rather than in ledger order
    #[arg(long)]
    pub newest: bool,
    /// At most this many documents (0 for all; a table shows 100 by default)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// When to colour.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set
    #[default]
    Auto,
    Always,
    Never,
}

/// `almanac show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The document id
    pub doc: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Colour the figures (else they are [bracketed])
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Print the document and its facts as JSON instead
    #[arg(long)]
    pub json: bool,
}

/// `almanac entities`.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only this kind
    #[arg(long, value_enum, ignore_case = true, value_name = "KIND")]
    pub kind: Option<EntityKindArg>,
    /// Entities whose name or an alias contains this
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only places that are part of this one (and itself)
    #[arg(long, value_name = "NAME")]
    pub within: Option<String>,
    /// At most this many (0 for all; a table shows 100 by default)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

pub fn facts(args: FactsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let table_default = (args.format == ListFormat::Table).then_some(TABLE_LIMIT);
    let mut filter = args.filter.to_filter_in(&store, table_default)?;
    crate::checks::filter(&store, &filter)?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    match args.format {
        ListFormat::Table => {
            // One more than shown tells whether there are more.
            let shown = filter.limit;
            filter.limit = shown.map(|n| n + 1);
            let mut facts = store.facts(&filter)?;
            let more = shown.is_some_and(|n| facts.len() > n);
            if let Some(n) = shown {
                facts.truncate(n);
            }
            let marks = correction_marks(&store)?;
            write_fact_table(&mut out, &facts, &marks)?;
            out.flush()?;
            if more {
                let total = store.count_facts(&filter)?;
                eprintln!(
                    "({} of {total} facts shown; --limit N or --limit 0 for more)",
                    facts.len()
                );
            } else if facts.is_empty() {
                eprintln!("no facts match");
            }
        }
        format => {
            let mut sink = FactSink::new(&mut out, format)?;
            write_facts(&store, &filter, &mut sink)?;
            sink.finish()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The fields people corrected, by fact id (see `almanac corrections`).
type Marks = HashMap<i64, Vec<&'static str>>;

fn correction_marks(store: &dyn Ledger) -> anyhow::Result<Marks> {
    Ok(store
        .corrections()?
        .into_iter()
        .filter_map(|c| Some((c.fact_id?, c.fields())))
        .collect())
}

/// The facts as a table; a corrected field is marked `*`, and a note under the table says
/// so.
fn write_fact_table(out: &mut impl Write, facts: &[StoredFact], marks: &Marks) -> io::Result<()> {
    let mut table = Table::new(&[
        ("DOC", 24, false),
        ("FIGURE", 30, false),
        ("VALUE", 22, true),
        ("UNIT", 10, false),
        ("METRIC", 14, false),
        ("MEASURE", 7, false),
        ("SUBJECT", 28, false),
        ("PERIOD", 21, false),
        ("STATUS", 7, false),
        ("USD", 18, true),
    ]);
    for f in facts {
        let opt = |s: Option<&str>| s.unwrap_or("-").to_string();
        let mut value = human_number(f.fact.value);
        if let Some(q) = f.fact.qualifier {
            value = format!(
                "{} {value}",
                match q {
                    almanac_extract::Qualifier::MoreThan => ">",
                    almanac_extract::Qualifier::LessThan => "<",
                    almanac_extract::Qualifier::About => "~",
                }
            );
        }
        let corrected = marks.get(&f.id).map(Vec::as_slice).unwrap_or_default();
        let mark = |field: &str, cell: String| {
            if corrected.contains(&field) {
                format!("{cell}*")
            } else {
                cell
            }
        };
        table.push(vec![
            f.fact.doc.clone(),
            f.fact.text.clone(),
            mark("value", value),
            mark("unit", opt(f.fact.unit.as_deref())),
            mark("metric", opt(f.fact.metric.map(|m| m.as_str()))),
            mark("measure", opt(f.fact.measure.map(|m| m.as_str()))),
            mark("subject", opt(f.fact.subject.as_deref())),
            mark(
                "period",
                f.fact.period.map_or("-".into(), |p| p.to_string()),
            ),
            mark("status", opt(f.fact.status.map(|s| s.as_str()))),
            f.value_usd.map_or("-".into(), |v| human_number(v.round())),
        ]);
    }
    table.write(out)?;
    if facts.iter().any(|f| marks.contains_key(&f.id)) {
        writeln!(
            out,
            "* corrected by a person (`almanac corrections` lists the corrections)"
        )?;
    }
    Ok(())
}

pub fn docs(args: DocsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = match args.limit {
        Some(0) => None,
        Some(n) => Some(n),
        None => (args.format == ListFormat::Table).then_some(TABLE_LIMIT),
    };
    let filter = DocFilter {
        period: args.period,
        search: args.search.clone(),
        newest_first: args.newest,
        limit,
    };
    let docs = store.documents(&filter)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Table => {
            // The address only when some document has one.
            let urls = docs.iter().any(|d| d.url.is_some());
            let mut columns = vec![
                ("DOC", 32, false),
                ("DATE", 10, false),
                ("FACTS", 6, true),
                ("KB", 8, true),
                ("TITLE (else FILE)", 60, false),
            ];
            if urls {
                columns.push(("URL", 40, false));
            }
            let mut table = Table::new(&columns);
            for d in &docs {
                let mut row = vec![
                    d.doc.clone(),
                    d.date.map_or("-".into(), |d| d.to_string()),
                    d.facts.to_string(),
                    format!("{:.1}", d.bytes as f64 / 1024.0),
                    match &d.duplicate_of {
                        Some(of) => format!(
                            "(same text as {of}) {}",
                            d.title.as_deref().unwrap_or(&d.origin)
                        ),
                        None => d.title.clone().unwrap_or_else(|| d.origin.clone()),
                    },
                ];
                if urls {
                    row.push(d.url.clone().unwrap_or_else(|| "-".into()));
                }
                table.push(row);
            }
            table.write(&mut out)?;
            let stats = store.stats()?;
            let total = stats.documents + stats.duplicates;
            if limit.is_some_and(|n| (docs.len() as u64) < total && docs.len() == n) {
                out.flush()?;
                eprintln!(
                    "({} of {total} documents shown; --limit 0 for all)",
                    docs.len()
                );
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &docs)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for d in &docs {
                serde_json::to_writer(&mut out, d)?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv => write_docs_csv(&mut out, &docs)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_docs_csv(out: &mut impl Write, docs: &[DocumentSummary]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "doc",
        "date",
        "date_source",
        "facts",
        "bytes",
        "title",
        "url",
        "origin",
        "hash",
        "extractor_version",
        "ingested_at",
        "duplicate_of",
    ])?;
    for d in docs {
        csv.write_record([
            d.doc.clone(),
            d.date.map(|d| d.to_string()).unwrap_or_default(),
            d.date_source.clone().unwrap_or_default(),
            d.facts.to_string(),
            d.bytes.to_string(),
            d.title.clone().unwrap_or_default(),
            d.url.clone().unwrap_or_default(),
            d.origin.clone(),
            d.hash.clone(),
            d.extractor_version.clone(),
            d.ingested_at.clone(),
            d.duplicate_of.clone().unwrap_or_default(),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

pub fn show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let Some(doc) = store.document(&args.doc)? else {
        bail!(
            "no document {:?} in {} (see `almanac docs`)",
            args.doc,
            args.db.db.display()
        );
    };
    let facts = store.facts(&FactFilter {
        doc: Some(args.doc.clone()),
        ..Default::default()
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            document: &'a almanac_store::StoredDocument,
            facts: &'a [StoredFact],
        }
        serde_json::to_writer_pretty(
            &mut out,
            &Shown {
                document: &doc,
                facts: &facts,
            },
        )?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let s = &doc.summary;
    writeln!(out, "{}", inert(s.title.as_deref().unwrap_or(&s.doc)))?;
    writeln!(out, "  doc:    {}", s.doc)?;
    writeln!(
        out,
        "  date:   {}{}",
        s.date.map_or("-".into(), |d| d.to_string()),
        s.date_source
            .as_deref()
            .map_or(String::new(), |src| format!(" ({src})"))
    )?;
    writeln!(out, "  origin: {}", s.origin)?;
    match &s.duplicate_of {
        Some(holder) => writeln!(
            out,
            "  same text as {holder}: stored once, under {holder}{}",
            doc.same_text[1..]
                .iter()
                .map(|other| format!(", also {other}"))
                .collect::<String>()
        )?,
        None if !doc.same_text.is_empty() => {
            writeln!(out, "  same text also as: {}", doc.same_text.join(", "))?
        }
        None => {}
    }
    if let Some(url) = &s.url {
        writeln!(out, "  url:    {url}")?;
    }
    writeln!(
        out,
        "  facts:  {} (extractor {})",
        facts.len(),
        s.extractor_version
    )?;
    writeln!(out)?;
    writeln!(out, "{}", highlight(&doc.text, &facts, color).trim_end())?;
    writeln!(out)?;
    write_fact_table(&mut out, &facts, &correction_marks(&store)?)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The text with each fact's span marked: bold colour on a terminal (green for actual,
/// yellow for planned), `[brackets]` otherwise. Spans that overlap an earlier one or do not
/// fall on character boundaries are left unmarked.
fn highlight(text: &str, facts: &[StoredFact], color: bool) -> String {
    let mut spans: Vec<(usize, usize, bool)> = facts
        .iter()
        .map(|f| {
            (
                f.fact.span[0],
                f.fact.span[1],
                f.fact.status == Some(almanac_extract::Status::Planned),
            )
        })
        .filter(|(a, b, _)| {
            a < b && *b <= text.len() && text.is_char_boundary(*a) && text.is_char_boundary(*b)
        })
        .collect();
    spans.sort();
    let mut out = String::with_capacity(text.len() + spans.len() * 12);
    let mut at = 0;
    for (start, end, planned) in spans {
        if start < at {
            continue;
        }
        out.push_str(&inert(&text[at..start]));
        if color {
            let _ = write!(
                out,
                "\x1b[1;{}m{}\x1b[0m",
                if planned { 33 } else { 32 },
                inert(&text[start..end])
            );
        } else {
            let _ = write!(out, "[{}]", inert(&text[start..end]));
        }
        at = end;
    }
    out.push_str(&inert(&text[at..]));
    out
}

pub fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = match args.limit {
        Some(0) => None,
        Some(n) => Some(n),
        None => (args.format == ListFormat::Table).then_some(TABLE_LIMIT),
    };
    let filter = EntityFilter {
        kind: args.kind.map(|k| k.as_str().to_string()),
        search: args.search.clone(),
        within: match &args.within {
            Some(name) => Some(crate::resolve::subject(&store, name)?),
            None => None,
        },
        limit,
    };
    let entities = store.entities(&filter)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Table => {
            let mut table = Table::new(&[
                ("NAME", 36, false),
                ("KIND", 12, false),
                ("PART OF", 24, false),
                ("FACTS", 7, true),
                ("MENTIONS", 8, true),
                ("DOCS", 7, true),
                ("ALIASES", 50, false),
            ]);
            for e in &entities {
                table.push(vec![
                    e.name.clone(),
                    e.kind.clone().unwrap_or_else(|| "-".into()),
                    e.part_of.clone().unwrap_or_else(|| "-".into()),
                    e.facts.to_string(),
                    e.mentions.to_string(),
                    e.documents.to_string(),
                    e.aliases.join(", "),
                ]);
            }
            table.write(&mut out)?;
            if entities.is_empty() {
                out.flush()?;
                eprintln!("no entities match");
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &entities)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            for e in &entities {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        ListFormat::Csv => write_entities_csv(&mut out, &entities)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_entities_csv(out: &mut impl Write, entities: &[EntitySummary]) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "name",
        "kind",
        "part_of",
        "role",
        "role_of",
        "facts",
        "mentions",
        "documents",
        "aliases",
    ])?;
    for e in entities {
        csv.write_record([
            e.name.clone(),
            e.kind.clone().unwrap_or_default(),
            e.part_of.clone().unwrap_or_default(),
            e.role.clone().unwrap_or_default(),
            e.role_of.clone().unwrap_or_default(),
            e.facts.to_string(),
            e.mentions.to_string(),
            e.documents.to_string(),
            e.aliases.join("; "),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::EntityKind;

    #[test]
    fn entity_kinds_are_named_as_the_ledger_names_them() {
        for kind in EntityKindArg::value_variants() {
            let name = kind.as_str();
            let extracted = EntityKind::from_name(name).unwrap();
            assert_eq!(serde_json::to_value(extracted).unwrap(), name);
            assert_eq!(kind.to_possible_value().unwrap().get_name(), name);
        }
    }
}
