//! What is checked before a command prints anything, so that a wrong argument is an error
//! that says what is wrong: never a CSV header followed by an error, nor an empty answer
//! without a word. Checks on one value are clap value parsers (`period`); checks against
//! the ledger (`filter`, and `resolve::subject`) run once it is open; `output_file` before an export.

use std::path::Path;

use almanac_extract::Period;
use almanac_store::{FactFilter, Ledger};
use anyhow::bail;

/// A `--period` value: one of FACTS.md's forms, its start not after its end.
pub fn period(text: &str) -> Result<Period, String> {
    let period: Period = text.parse().map_err(|err| format!("{err}"))?;
    let (start, end) = period.bounds();
    if start > end {
        let reversed = text
            .split_once('/')
            .map(|(a, b)| format!("; did you mean {b}/{a}?"))
            .unwrap_or_default();
        return Err(format!(
            "the period {text} ends ({end}) before it starts ({start}){reversed}"
        ));
    }
    Ok(period)
}

/// The part of a fact filter that can be wrong in a way the ledger tells: a text search
/// FTS5 cannot parse. (A subject is resolved, or refused, by `resolve::subject`.)
pub fn filter(store: &dyn Ledger, filter: &FactFilter) -> anyhow::Result<()> {
    if let Some(text) = &filter.text {
        store.check_text_query(text)?;
    }
    Ok(())
}

/// A file an export may write: not a directory, in a directory that exists.
pub fn output_file(path: &Path) -> anyhow::Result<()> {
    let shown = path.display();
    if path.is_dir()
        || path
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR)
    {
        let dir = shown.to_string();
        let dir = dir.trim_end_matches(std::path::MAIN_SEPARATOR);
        bail!("{shown} is a directory: give a file name in it (-o {dir}/facts.csv)");
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            bail!(
                "cannot write {shown}: the directory {} does not exist",
                dir.display()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        for ok in ["2023", "2021/2025", "2023-Q1", "2023-05", "2021/2021"] {
            assert!(period(ok).is_ok(), "{ok}");
        }
        let err = period("2025/2021").unwrap_err();
        assert!(
            err.contains("ends (2021-12-31) before it starts (2025-01-01)"),
            "{err}"
        );
        assert!(err.contains("did you mean 2021/2025?"), "{err}");
        assert!(period("2023-13").is_err());
    }

    #[test]
    fn output_files() {
        let dir = tempfile::tempdir().unwrap();
        let err = output_file(dir.path()).unwrap_err().to_string();
        let want = format!("(-o {}/facts.csv)", dir.path().display());
        assert!(err.ends_with(&want), "{err}");
        let slash = format!("{}/new/", dir.path().display());
        assert!(output_file(Path::new(&slash))
            .unwrap_err()
            .to_string()
            .contains("is a directory"));
        let missing = dir.path().join("none/facts.csv");
        assert!(output_file(&missing)
            .unwrap_err()
            .to_string()
            .contains("does not exist"));
        assert!(output_file(&dir.path().join("facts.csv")).is_ok());
        assert!(output_file(Path::new("facts.csv")).is_ok());
    }
}
