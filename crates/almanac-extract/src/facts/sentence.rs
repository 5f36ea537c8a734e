//! Cue words and clauses of a sentence, read once for all of its figures.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::data;
use crate::fact::Metric;
use crate::lexicon::PhraseTable;
use crate::tokens::{lower, Tok, TokKind};

/// Which figures a metric cue may speak for (the `scope` column of `data/metric_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueScope {
    Any,
    Percent,
    Value,
    Money,
    Count,
    /// Only a share whose whole it names right after it (`41% of the country's
    /// electricity`, `треть электроэнергии страны`): a good is no cue for every rate near it.
    Whole,
}

/// A metric cue word or phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MetricCue {
    pub metric: Metric,
    pub scope: CueScope,
    /// A generic investment word that gives way to the value of projects named beside it.
    pub weak: bool,
    /// A verb (`produced`, `exported`): in its clause it says more than the nouns around it.
    pub verb: bool,
    /// A unit of goods a price is given for (`a kilogram`, `литр`).
    pub priced_unit: bool,
    /// A phrase that holds a cue word but speaks for no metric (`in comparable prices`);
    /// read past as one phrase.
    pub no_cue: bool,
}

/// A metric cue found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueAt {
    /// Its first token in the sentence and its length in tokens.
    pub tok: usize,
    pub len: usize,
    pub cue: MetricCue,
    /// It stands in the name of an office or an official's title (`metric::in_title`):
    /// read once a sentence, since every figure asks it of every cue.
    pub in_title: bool,
}

/// What a status cue says of the figures around it (`data/status_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StatusCue {
    /// Yet to happen: `will`, `plans`, `to create`.
    Plan,
    /// A pool of projects presented or drawn up, planned whatever the tense: `were
    /// presented`, `has been formed`.
    Pool,
    /// Work under way: `are being implemented`, `under construction`. What it counts is
    /// achieved; what it is to bring (jobs, capacity) is still planned.
    Progress,
    /// A plan in the form the list writes it only: a Russian future (`составит`,
    /// `превысит`) or a budget's `утверждены`, whose stems also hold the present, the past
    /// and nouns (`в составе`, `превышение`, `утверждает`), which are no plan.
    Exact,
    /// Words that hold a cue's stem but are no cue (`в строй`: `строй` stems as
    /// `строится` does); read past as one phrase.
    NoCue,
}

pub(crate) struct Cues {
    pub metric: PhraseTable<MetricCue>,
    pub status: PhraseTable<StatusCue>,
    pub blockers: PhraseTable<()>,
    pub unit_metric: HashMap<&'static str, Metric>,
    /// Units that count people (`person`, `tourist`): so many a year is no capacity.
    pub people: rustc_hash::FxHashSet<&'static str>,
    /// Words that head an office or a title (`data/offices.tsv`), by word number.
    pub offices: crate::lexicon::ByWord<()>,
}

pub(crate) static CUES: LazyLock<Cues> = LazyLock::new(|| Cues {
    // The Russian rows (`*_ru.tsv`) follow the English ones: their words are Cyrillic
    // stems, so no English phrase changes.
    metric: PhraseTable::new(
        data::METRIC_CUES
            .load(metric_cue)
            .into_iter()
            .chain(data::METRIC_CUES_RU.load(metric_cue)),
    ),
    status: PhraseTable::new(
        data::STATUS_CUES
            .load(status_cue)
            .into_iter()
            .chain(data::STATUS_CUES_RU.load(status_cue)),
    ),
    blockers: PhraseTable::new(data::STATUS_BLOCKERS.load(|r| Ok((r.get(0), ())))),
    unit_metric: data::UNIT_METRICS
        .load(|r| Ok((r.get(0), r.parse(1, "metric")?)))
        .into_iter()
        .collect(),
    people: data::UNIT_METRICS
        .load(|r| Ok((r.get(0), r.opt(2) == Some("people"))))
        .into_iter()
        .filter_map(|(unit, people)| people.then_some(unit))
        .collect(),
    offices: crate::lexicon::ByWord::new(data::OFFICES.load(|r| Ok((r.get(0), ())))),
});

fn metric_cue(r: &data::Row) -> Result<(&'static str, MetricCue), data::DataError> {
    let scope = r.choice(
        2,
        &[
            ("any", CueScope::Any),
            ("percent", CueScope::Percent),
            ("value", CueScope::Value),
            ("money", CueScope::Money),
            ("count", CueScope::Count),
            ("whole", CueScope::Whole),
        ],
        None,
    )?;
    let flags: Vec<&str> = r.opt(3).map_or(Vec::new(), |f| f.split(',').collect());
    if let Some(bad) = flags
        .iter()
        .find(|f| !matches!(**f, "weak" | "verb" | "priced_unit" | "no_cue"))
    {
        return Err(r.error(format_args!(
            "flag {bad:?} is none of weak, verb, priced_unit, no_cue"
        )));
    }
    let cue = MetricCue {
        metric: r.parse(1, "metric")?,
        scope,
        weak: flags.contains(&"weak"),
        verb: flags.contains(&"verb"),
        priced_unit: flags.contains(&"priced_unit"),
        no_cue: flags.contains(&"no_cue"),
    };
    Ok((r.get(0), cue))
}

fn status_cue(r: &data::Row) -> Result<(&'static str, StatusCue), data::DataError> {
    let class = r.choice(
        1,
        &[
            ("plan", StatusCue::Plan),
            ("pool", StatusCue::Pool),
            ("progress", StatusCue::Progress),
            ("exact", StatusCue::Exact),
            ("none", StatusCue::NoCue),
        ],
        Some(StatusCue::Plan),
    )?;
    Ok((r.get(0), class))
}

/// Whether the comma `toks[k]` stands in a list of single names (`to Russia, Ukraine and
/// Turkey`, `в Россию, Украину и Турцию`): such a list is one noun phrase, not clauses.
fn in_list_of_names(text: &str, toks: &[Tok], k: usize) -> bool {
    let name = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word && t.text(text).starts_with(crate::tokens::is_uppercase)
        })
    };
    let joins = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.text(text) == "," || t.is_word_in(text, &["and", "or", "и", "или"]))
    };
    // The name before the comma is not the sentence's first word, which any sentence
    // capitalises.
    k >= 2 && name(k - 1) && name(k + 1) && joins(k + 2) && name(k + 3)
}

/// A sentence with its tokens, clause boundaries and cue words, read once for all its figures.
pub(super) struct Sentence<'t> {
    /// The sentence's tokens, a slice of its paragraph's.
    pub toks: &'t [Tok],
    /// Byte offsets where a new clause starts (after `,` `;` `:` or a dash).
    pub clause_starts: Vec<usize>,
    /// The figures of the sentence: their first token and first byte, ordered by token.
    pub figure_starts: Vec<(usize, usize)>,
    /// The token ranges of the figures, in the order of `figure_starts`.
    pub figure_toks: Vec<std::ops::Range<usize>>,
    /// Metric cues in text order.
    pub metric_cues: Vec<CueAt>,
    /// The goods a share may be of (`41% of the country's electricity`), kept apart from
    /// the cues every figure reads.
    pub whole_cues: Vec<CueAt>,
    /// First tokens of planned cues, of pool and work-in-progress cues, and of past
    /// auxiliaries.
    pub status_cues: Vec<usize>,
    pub pool_cues: Vec<usize>,
    pub progress_cues: Vec<usize>,
    pub blockers: Vec<usize>,
}

impl<'t> Sentence<'t> {
    pub fn new(text: &str, toks: &'t [Tok], figures: &[&crate::quantities::Quantity]) -> Self {
        let clause_starts = toks
            .iter()
            .enumerate()
            .filter(|&(k, t)| {
                t.kind == TokKind::Sym
                    && match t.text(text) {
                        "," => !in_list_of_names(text, toks, k),
                        ";" | ":" => true,
                        // A dash between two words with no space (`January–May`,
                        // `2023–2025`) joins them; a clause's dash stands apart.
                        "–" | "—" => {
                            text[..t.start].ends_with(char::is_whitespace)
                                || text[t.end..].starts_with(char::is_whitespace)
                        }
                        _ => false,
                    }
            })
            .map(|(_, t)| t.end)
            .collect();
        let cues = &*CUES;
        let mut metric_cues = Vec::new();
        let mut whole_cues = Vec::new();
        let mut status_cues = Vec::new();
        let mut pool_cues = Vec::new();
        let mut progress_cues = Vec::new();
        let mut blockers = Vec::new();
        let mut i = 0;
        // Up to where a phrase that holds a status cue's stem but is none (`кредитный
        // портфель`) reaches: no status cue starts inside it, though a metric cue may.
        let mut status_free_from = 0;
        while i < toks.len() {
            if toks[i].kind == TokKind::Word && i >= status_free_from {
                match cues.status.starting_at(text, toks, i) {
                    // A Russian stem holds every tense: `позволило` is no plan.
                    Some((_, StatusCue::Plan))
                        if crate::ru::tense::plan_cue_holds(toks[i].text(text)) =>
                    {
                        status_cues.push(i)
                    }
                    // `на эти цели выделено`: for these purposes, not a goal.
                    Some((_, StatusCue::Exact))
                        if crate::ru::tense::is_listed(toks[i].text(text))
                            && !(i > 0
                                && matches!(
                                    toks[i - 1].text(text),
                                    "эти" | "этих" | "данные" | "указанные" | "такие"
                                )) =>
                    {
                        status_cues.push(i)
                    }
                    Some((_, StatusCue::Plan | StatusCue::Exact)) => {}
                    // `введён в строй`: words that hold a cue's stem but are none.
                    Some((n, StatusCue::NoCue)) => status_free_from = i + n,
                    Some((_, StatusCue::Pool)) => pool_cues.push(i),
                    Some((_, StatusCue::Progress)) => progress_cues.push(i),
                    None => {}
                }
                if i >= status_free_from && cues.blockers.starting_at(text, toks, i).is_some() {
                    blockers.push(i);
                }
            }
            if toks[i].kind == TokKind::Word {
                if let Some((n, &cue)) = cues.metric.starting_at(text, toks, i) {
                    if cue.no_cue {
                        i += n;
                        continue;
                    }
                    let list = if cue.scope == CueScope::Whole {
                        &mut whole_cues
                    } else {
                        &mut metric_cues
                    };
                    list.push(CueAt {
                        tok: i,
                        len: n,
                        cue,
                        in_title: false,
                    });
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
        for c in &mut metric_cues {
            c.in_title = super::metric::in_title(text, toks, c);
        }
        let mut figure_starts: Vec<(usize, usize)> = figures
            .iter()
            .map(|q| (toks.partition_point(|t| t.start < q.span[0]), q.span[0]))
            .collect();
        figure_starts.sort_unstable();
        let mut figure_toks: Vec<std::ops::Range<usize>> = figures
            .iter()
            .map(|q| {
                toks.partition_point(|t| t.start < q.span[0])
                    ..toks.partition_point(|t| t.start < q.span[1])
            })
            .collect();
        figure_toks.sort_unstable_by_key(|r| (r.start, r.end));
        Sentence {
            toks,
            figure_starts,
            figure_toks,
            clause_starts,
            metric_cues,
            whole_cues,
            status_cues,
            pool_cues,
            progress_cues,
            blockers,
        }
    }

    /// Whether metric cue `c` stands right before a figure other than `q` (`with a capacity
    /// of 240,000 containers`), and so speaks for that figure alone.
    pub fn cue_claimed_by_other(
        &self,
        text: &str,
        c: &CueAt,
        q: &crate::quantities::Quantity,
    ) -> bool {
        let mut next = c.tok + c.len;
        // `trade by 9.8% and industry by 4.1%`: a sector and the rate it grew by, for another
        // rate of the sentence; a level after the rate (`raised exports by 20% to 9 million
        // tonnes`) is still what the cue names.
        let rate = matches!(
            q.kind,
            crate::quantities::QuantityKind::Percent | crate::quantities::QuantityKind::Multiplier
        );
        if crate::tokens::word_is(text, self.toks, next, &["of", "at", "for"])
            || rate && crate::tokens::word_is(text, self.toks, next, &["by"])
        {
            next += 1;
        }
        let from = self.figure_starts.partition_point(|&(tok, _)| tok < next);
        let claimed = self.figure_starts[from..]
            .iter()
            .take_while(|&&(tok, _)| tok == next)
            .any(|&(_, start)| start != q.span[0]);
        if !claimed {
            return false;
        }
        // `assembled 1,260 buses and 430 trucks`, `produced 41,500 tonnes of yarn and 12.6
        // million garments`: a count or measure joined to the one the cue stands before,
        // past a few words of what that one counts, shares it; a rate has its own noun
        // after it (`GDP of $260 billion and 8.5% inflation`).
        let counted = matches!(
            q.kind,
            crate::quantities::QuantityKind::Count | crate::quantities::QuantityKind::Measure
        );
        if !counted {
            return true;
        }
        let own_tok = self.tok_at(q.span[0]);
        let own_end = self.tok_at(q.span[1]);
        let joined = !self.metric_cues.iter().any(|c| c.tok == own_end)
            && self.figure_toks.iter().any(|r| {
                // The words between are the first figure's complement: an `of` phrase, or
                // a Russian noun in the genitive (`тонн пряжи и`).
                let complement = own_tok == r.end + 1
                    || own_tok > r.end
                        && own_tok <= r.end + 4
                        && self.toks[r.end..own_tok]
                            .iter()
                            .all(|t| t.kind == crate::tokens::TokKind::Word)
                        && (crate::tokens::word_is(text, self.toks, r.end, &["of"])
                            || own_tok <= r.end + 3
                                && self.toks[r.end].text(text).starts_with(|c: char| {
                                    ('а'..='я').contains(&c)
                                }));
                r.start == next
                    && own_tok > r.end
                    && complement
                    && crate::tokens::word_is(text, self.toks, own_tok - 1, &["and", "и"])
            })
            // `harvested 2 million tonnes of wheat and 300 tractors were bought`: a figure
            // with a verb of its own after it starts a clause of its own.
            && !self.toks.get(own_end).is_some_and(|t| {
                t.is_word_in(text, &["were", "was", "are", "is", "have", "has", "had"])
                    || t.text(text).ends_with("ed")
            });
        !joined
    }

    /// Whether a figure starts at a token from `from` up to, not including, `to`.
    pub fn figure_between(&self, from: usize, to: usize) -> bool {
        let at = self.figure_starts.partition_point(|&(tok, _)| tok < from);
        self.figure_starts.get(at).is_some_and(|&(tok, _)| tok < to)
    }

    /// Whether token `i` lies inside a figure other than the one starting at token
    /// `own_start` (`enterprises` in `11 new enterprises and 4 kindergartens`).
    pub fn inside_other_figure(&self, i: usize, own_start: usize) -> bool {
        self.figure_toks
            .iter()
            .any(|r| r.start != own_start && r.contains(&i))
    }

    pub fn clause_of(&self, pos: usize) -> usize {
        self.clause_starts.partition_point(|&s| s <= pos)
    }

    /// Whether a word among tokens `toks` of the sentence starts, in lower case, with one of
    /// `stems` (`постро` for `построили`, `approv` for `approves`).
    pub fn has_word_starting(
        &self,
        text: &str,
        toks: std::ops::Range<usize>,
        stems: &[&str],
    ) -> bool {
        self.toks[toks].iter().any(|t| {
            let w = crate::tokens::lower(t.text(text));
            stems.iter().any(|stem| w.starts_with(stem))
        })
    }

    /// The tokens of clause `clause`: those whose `clause_of` is `clause`, found with two
    /// binary searches rather than one per token.
    pub fn clause_toks(&self, clause: usize) -> std::ops::Range<usize> {
        let from = match clause.checked_sub(1) {
            None => 0,
            Some(c) => match self.clause_starts.get(c) {
                Some(&start) => self.toks.partition_point(|t| t.start < start),
                None => self.toks.len(),
            },
        };
        let to = match self.clause_starts.get(clause) {
            Some(&end) => self.toks.partition_point(|t| t.start < end),
            None => self.toks.len(),
        };
        from..to.max(from)
    }

    /// The clause a time speaks for: its own, unless the time is all its clause says (`and
    /// by 2025, 100 schools will be built`), when, as a fronted adverbial set off by a
    /// comma, it belongs to the clause after it.
    pub fn clause_of_time(&self, text: &str, span: [usize; 2]) -> usize {
        let c = self.clause_of(span[0]);
        let Some(&end) = self.clause_starts.get(c) else {
            return c;
        };
        let start = c.checked_sub(1).map_or(0, |p| self.clause_starts[p]);
        let alone = self
            .toks
            .iter()
            .filter(|t| t.start >= start && t.end <= end)
            .all(|t| {
                (t.start >= span[0] && t.end <= span[1])
                    || t.kind == TokKind::Sym
                    || t.is_word_in(
                        text,
                        &[
                            "and", "but", "while", "whereas", "or", "then", "а", "и", "но",
                        ],
                    )
            });
        if alone {
            c + 1
        } else {
            c
        }
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

/// The text right after figure `q`, at most `max` bytes, up to the end of its sentence: where
/// the phrases said of a figure after it stand (`that were due to`, `from the budget`).
pub(super) fn text_after<'a>(
    text: &'a str,
    q: &crate::quantities::Quantity,
    max: usize,
) -> &'a str {
    let rest = &text[q.span[1]..text.ceil_char_boundary((q.span[1] + max).min(text.len()))];
    rest.split(['.', ';', '!', '?', '\n'])
        .next()
        .unwrap_or(rest)
}

/// The words of `s` in lower case, without the marks around them.
pub(super) fn plain_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace()
        .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
        .filter(|w| !w.is_empty())
}
