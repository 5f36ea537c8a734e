//! `almanac import-parquet` as the user runs it, on a documents dataset made here without
//! Spark: the articles of `examples/` (and a JSONL feed with titles, URLs, dates, a
//! language and a duplicate) read as `almanac ingest` reads them, each extracted as ingest
//! extracts it, written with `almanac_model::documents`' columns (what the bindings'
//! `extract_documents` writes). The ledger it makes must be the one `ingest` makes.
#![cfg(feature = "parquet")]

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use almanac_extract::{Extraction, EXTRACTOR_VERSION};
use almanac_ingest::read::{self, SourceDoc};
use almanac_model::documents::{self, DocumentRow};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::Schema;
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;

fn almanac(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The inputs of both runs: the example corpora and a feed of our own.
fn inputs(dir: &Path) -> Vec<String> {
    let feed = dir.join("feed.jsonl");
    let lines = [
        r#"{"id": "park", "date": "2024-03-04", "title": "The park grows", "url": "https://example.org/park", "text": "The Turkestan industrial park created 420 jobs in 2023 and plans 600 more by 2026."}"#,
        r#"{"id": "park-copy", "date": "2024-03-04", "text": "The Turkestan industrial park created 420 jobs in 2023 and plans 600 more by 2026."}"#,
        r#"{"id": "ru-lang", "lang": "ru", "text": "В 2023 году в Караганде открыли завод стоимостью 12 млрд тенге."}"#,
        r#"{"id": "kk", "text": "Қарағанды облысында 2023 жылы 420 жаңа жұмыс орны ашылды және өңірдегі кәсіпорындар көбейді."}"#,
        r#"{"id": 17, "date": "2023-11-30T09:00:00Z", "text": "Exports from Kostanay region rose 7.5% in January-October 2023."}"#,
    ];
    fs::write(&feed, lines.join("\n") + "\n").unwrap();
    let mut paths: Vec<String> = ["news", "series", "ru"]
        .iter()
        .map(|name| examples().join(name).to_string_lossy().into_owned())
        .collect();
    paths.push(feed.to_string_lossy().into_owned());
    paths
}

/// What ingest would store: the documents read by its reader and extracted by its code.
fn extracted(paths: &[String]) -> Vec<(SourceDoc, Extraction)> {
    read::documents(paths, 256)
        .map(|doc| {
            let doc = doc.unwrap();
            let lang = doc.lang.as_deref().map(|code| code.parse().unwrap());
            let extraction = almanac_ingest::extract_document(
                &doc.id,
                &doc.text,
                doc.date,
                lang,
                &Default::default(),
            )
            .unwrap()
            .0;
            (doc, extraction)
        })
        .collect()
}

fn rows(docs: &[(SourceDoc, Extraction)]) -> Vec<DocumentRow<'_>> {
    docs.iter()
        .map(|(doc, extraction)| DocumentRow {
            id: &doc.id,
            text: &doc.text,
            date: doc.date,
            title: doc.title.as_deref(),
            url: doc.url.as_deref(),
            extraction,
        })
        .collect()
}

/// `batches` in one Parquet file, a row group each.
fn write_parquet(path: &Path, schema: Arc<Schema>, batches: &[RecordBatch]) {
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(7))
        .build();
    let mut writer =
        ArrowWriter::try_new(File::create(path).unwrap(), schema, Some(props)).unwrap();
    for batch in batches {
        writer.write(batch).unwrap();
    }
    writer.close().unwrap();
}

/// The documents dataset as Spark leaves it: two part files and its bookkeeping.
fn dataset(dir: &Path, docs: &[(SourceDoc, Extraction)]) -> PathBuf {
    let out = dir.join("documents");
    fs::create_dir_all(&out).unwrap();
    let rows = rows(docs);
    let (first, second) = rows.split_at(rows.len() / 2);
    for (name, part) in [
        ("part-00000.parquet", first),
        ("part-00001.parquet", second),
    ] {
        let batch = documents::batch(part, EXTRACTOR_VERSION).unwrap();
        write_parquet(&out.join(name), documents::schema(), &[batch]);
    }
    fs::write(out.join("_SUCCESS"), "").unwrap();
    fs::write(out.join(".part-00000.parquet.crc"), "not parquet").unwrap();
    out
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap()
}

/// The documents as `docs` lists them, without where each was read from (a path for
/// ingest, a row of a Parquet file for the import).
/// The documents but where and when each was read: the two runs read different files, and
/// a second may tick between them.
fn docs_without_origin(db: &Path) -> serde_json::Value {
    let mut docs = json(&almanac(&["docs", "--format", "json"], db));
    for doc in docs.as_array_mut().unwrap() {
        let doc = doc.as_object_mut().unwrap();
        doc.remove("origin");
        assert!(doc.remove("ingested_at").is_some());
    }
    docs
}

#[test]
fn an_import_makes_the_ledger_ingest_makes_and_a_second_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let paths = inputs(dir.path());
    let docs = extracted(&paths);
    assert!(docs.len() > 30);
    let dataset = dataset(dir.path(), &docs);

    let ingested = dir.path().join("ingested.db");
    let mut args = vec!["ingest"];
    args.extend(paths.iter().map(String::as_str));
    stdout(&almanac(&args, &ingested));
    let imported = dir.path().join("imported.db");
    let out = almanac(&["import-parquet", dataset.to_str().unwrap()], &imported);
    let summary = stdout(&out);
    assert!(
        summary.contains(&format!("imported {} documents", docs.len())),
        "{summary}"
    );
    assert!(summary.contains("; 1 duplicates"), "{summary}");
    assert!(stderr(&out).contains("Kazakh"), "{}", stderr(&out));

    let facts = |db| json(&almanac(&["facts", "--format", "json"], db));
    let entities = |db| json(&almanac(&["entities", "--format", "json"], db));
    let want = facts(&ingested);
    assert!(want.as_array().unwrap().len() > 300);
    assert_eq!(facts(&imported), want);
    assert_eq!(entities(&imported), entities(&ingested));
    assert_eq!(
        docs_without_origin(&imported),
        docs_without_origin(&ingested)
    );
    let text_search = |db| {
        json(&almanac(
            &["facts", "--text", "jobs", "--format", "json"],
            db,
        ))
    };
    assert_eq!(text_search(&imported), text_search(&ingested));

    // Again into both: nothing is written, every document is unchanged.
    for db in [&imported, &ingested] {
        let summary = stdout(&almanac(&["import-parquet", dataset.to_str().unwrap()], db));
        assert!(
            summary.contains("0 new, 0 updated, ") && summary.contains(" 0 failed; 0 facts added"),
            "{summary}"
        );
        assert_eq!(facts(db), want);
        assert_eq!(docs_without_origin(db), docs_without_origin(&ingested));
    }
}

#[test]
fn broken_files_and_rows_are_named_and_the_rest_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let feed = inputs(dir.path()).pop().unwrap();
    let docs = extracted(&[feed]);
    let good = dir.path().join("good.parquet");
    write_parquet(
        &good,
        documents::schema(),
        &[documents::batch(&rows(&docs), EXTRACTOR_VERSION).unwrap()],
    );

    let garbage = dir.path().join("garbage.parquet");
    fs::write(&garbage, "id,text\nnot,parquet\n").unwrap();
    let truncated = dir.path().join("truncated.parquet");
    let bytes = fs::read(&good).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();

    // The facts dataset of the Spark job, given by mistake.
    let facts_file = dir.path().join("facts.parquet");
    let facts_batch = RecordBatch::try_from_iter([
        ("doc", strings(&[Some("park")])),
        ("text", strings(&[Some("420 jobs")])),
        (
            "span_start",
            Arc::new(arrow_array::Int64Array::from(vec![40])) as ArrayRef,
        ),
    ])
    .unwrap();
    write_parquet(&facts_file, facts_batch.schema(), &[facts_batch]);
    let other = dir.path().join("other.parquet");
    let other_batch = RecordBatch::try_from_iter([
        ("id", strings(&[Some("a")])),
        ("text", strings(&[Some("The park created 420 jobs.")])),
    ])
    .unwrap();
    write_parquet(&other, other_batch.schema(), &[other_batch]);

    // Rows of one file: a good one between an extraction that does not parse and one of
    // another text.
    let rows_file = dir.path().join("rows.parquet");
    let mut columns: Vec<(String, ArrayRef)> = {
        let batch = documents::batch(&rows(&docs[..3]), EXTRACTOR_VERSION).unwrap();
        let schema = batch.schema();
        schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .zip(batch.columns().iter().cloned())
            .collect()
    };
    let extraction = columns
        .iter()
        .position(|(name, _)| name == "extraction")
        .unwrap();
    let valid = columns[extraction]
        .1
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    let mixed_up = strings(&[
        Some("{\"facts\": [1]}"),
        Some(valid.value(1)),
        Some(valid.value(0)),
    ]);
    columns[extraction].1 = mixed_up;
    let rows_batch = RecordBatch::try_new(
        documents::schema(),
        columns.into_iter().map(|c| c.1).collect(),
    )
    .unwrap();
    write_parquet(&rows_file, documents::schema(), &[rows_batch]);

    let db = dir.path().join("ledger.db");
    let files = [&garbage, &truncated, &facts_file, &other, &rows_file, &good];
    let mut args = vec!["import-parquet"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = almanac(&args, &db);
    let (printed, errors) = (String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{printed}{errors}");
    let said = |file: &Path, what: &str| {
        let line = format!("almanac: {}{what}", file.display());
        assert!(errors.contains(&line), "missing {line:?} in:\n{errors}");
    };
    said(&garbage, ": not a Parquet file, or a damaged one: ");
    said(&truncated, ": not a Parquet file, or a damaged one: ");
    said(
        &facts_file,
        ": this is the facts dataset (one row per fact, no document texts); a ledger is made \
         from the documents dataset, which the Spark job writes with `--documents DIR`",
    );
    said(
        &other,
        ": not the documents dataset: no column \"extraction\" (its columns: id, text)",
    );
    said(
        &rows_file,
        " row 0: document \"park\": its extraction is not valid JSON of an extraction: ",
    );
    said(
        &rows_file,
        " row 2: document \"ru-lang\": its extraction is not of this text: fact 0",
    );
    assert!(
        printed.contains("4 new, 0 updated, 1 unchanged, 2 failed; "),
        "{printed}"
    );
    assert!(printed.contains("4 files could not be read"), "{printed}");
    // The good file, after the broken ones, is all there (its first row shares a text
    // with rows.parquet's second and is unchanged).
    let summary = almanac(&["docs", "--format", "json"], &db);
    assert_eq!(json(&summary).as_array().unwrap().len(), docs.len());
}

fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}
