//! Cue words and clauses of a sentence, read once for all of its figures.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::lexicon::{rows, PhraseTable};
use crate::tokens::{lower, Tok, TokKind};

pub(super) struct Cues {
    /// A cue's metric, and whether it is for percentages only.
    pub metric: PhraseTable<(&'static str, bool)>,
    pub status: PhraseTable<()>,
    pub blockers: PhraseTable<()>,
    pub unit_metric: HashMap<&'static str, &'static str>,
}

pub(super) static CUES: LazyLock<Cues> = LazyLock::new(|| Cues {
    metric: PhraseTable::new(
        rows(include_str!("../../data/metric_cues.tsv"))
            .map(|r| (r[0], (r[1], r.get(2) == Some(&"percent")))),
    ),
    status: PhraseTable::new(rows(include_str!("../../data/status_cues.tsv")).map(|r| (r[0], ()))),
    blockers: PhraseTable::new(
        rows(include_str!("../../data/status_blockers.tsv")).map(|r| (r[0], ())),
    ),
    unit_metric: rows(include_str!("../../data/unit_metrics.tsv"))
        .map(|r| (r[0], r[1]))
        .collect(),
});

/// A sentence with its tokens, clause boundaries and cue words, read once for all its figures.
pub(super) struct Sentence<'t> {
    /// The sentence's tokens, a slice of its paragraph's.
    pub toks: &'t [Tok],
    /// Byte offsets where a new clause starts (after `,` `;` `:` or a dash).
    pub clause_starts: Vec<usize>,
    /// Metric cues: first token, length in tokens, metric, percentages only.
    pub metric_cues: Vec<(usize, usize, &'static str, bool)>,
    /// First tokens of planned cues and of past auxiliaries.
    pub status_cues: Vec<usize>,
    pub blockers: Vec<usize>,
}

impl<'t> Sentence<'t> {
    pub fn new(text: &str, toks: &'t [Tok]) -> Self {
        let clause_starts = toks
            .iter()
            .filter(|t| {
                t.kind == TokKind::Sym && matches!(t.text(text), "," | ";" | ":" | "–" | "—")
            })
            .map(|t| t.end)
            .collect();
        let cues = &*CUES;
        let mut metric_cues = Vec::new();
        let mut status_cues = Vec::new();
        let mut blockers = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind == TokKind::Word {
                if cues.status.starting_at(text, toks, i).is_some() {
                    status_cues.push(i);
                }
                if cues.blockers.starting_at(text, toks, i).is_some() {
                    blockers.push(i);
                }
                if let Some((n, &(m, percent_only))) = cues.metric.starting_at(text, toks, i) {
                    metric_cues.push((i, n, m, percent_only));
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
        Sentence {
            toks,
            clause_starts,
            metric_cues,
            status_cues,
            blockers,
        }
    }

    pub fn clause_of(&self, pos: usize) -> usize {
        self.clause_starts.partition_point(|&s| s <= pos)
    }

    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

/// The lower-case form of word `i` of the sentence, borrowed when the text already is.
pub(super) fn word<'a>(text: &'a str, s: &Sentence<'_>, i: usize) -> Option<Cow<'a, str>> {
    s.toks
        .get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| lower(t.text(text)))
}
