//! What each decision about a figure reads: the frame of the document, read once before any
//! of its figures; the sentence the figure stands in; and what the figures read before it
//! leave for the next ones, in the document, its paragraph and its sentence.

use std::cell::OnceCell;
use std::ops::Range;

use chrono::NaiveDate;
use rustc_hash::FxHashSet as HashSet;

use super::anchors::Anchor;
use super::object::groups;
use super::parts::{counts_others, opens_breakdown};
use super::period::{open_future, refers_back, usable_period, Programme};
use super::previous::{whole_of_parts, PreviousFigure};
use super::sentence::Sentence;
use super::starting_in;
use super::subject::{continues_previous, listed_in_container, Containment};
use crate::fact::{Metric, Status};
use crate::period::Period;
use crate::quantities::Quantity;
use crate::ru::refs::BackReference;
use crate::times::{TimeExpr, TimeKind};
use crate::tokens::{to_lowercase, Tok};
use crate::Lang;

/// What the whole document says before any figure of it is read.
pub(super) struct Frame<'d> {
    pub(super) text: &'d str,
    pub(super) doc_id: &'d str,
    pub(super) lang: Lang,
    pub(super) date: Option<NaiveDate>,
    pub(super) paragraphs: &'d [Range<usize>],
    /// The places and organisations named, in text order.
    pub(super) anchors: &'d [Anchor],
    pub(super) within: &'d Containment,
    /// Where a national voice speaks, and of what country.
    pub(super) voices: &'d [(usize, Option<&'static str>)],
    pub(super) title: Option<&'d Range<usize>>,
    /// What the document is about, for a figure whose sentence names nothing.
    pub(super) topic: Option<&'d str>,
    /// The company the lead's first sentence is about, for a project's worth or capacity
    /// in a sentence that names nothing.
    pub(super) lead_company: Option<&'d str>,
    /// The company the story follows (`subject::protagonist`).
    pub(super) protagonist: Option<&'d str>,
    /// The country the document is about: investors of any other are foreign.
    pub(super) home: Option<&'d str>,
    /// `now`: the document's year, as a time of the figure's own clause.
    pub(super) now_time: Option<&'d TimeExpr>,
    /// The period a report names in its front.
    pub(super) report: Option<Period>,
    /// The span the front says its news is of, for what has no time at all.
    pub(super) told: Option<Period>,
    /// The year of the budget the front names, for its planned money.
    pub(super) budget_year: Option<Period>,
    /// The programme the document reviews.
    pub(super) programme: Option<Programme>,
    /// Where the amounts start that took the currency of money before them.
    pub(super) borrowed_currency: &'d HashSet<usize>,
    /// Where the numbers of a table's index column start.
    pub(super) index_column: &'d HashSet<usize>,
}

/// A sentence, as each decision about one of its figures reads it; one with no figure is
/// read for its times and names only.
pub(super) struct Here<'h> {
    pub(super) frame: &'h Frame<'h>,
    pub(super) text: &'h str,
    pub(super) range: &'h Range<usize>,
    /// The index of its paragraph.
    pub(super) paragraph: usize,
    pub(super) paragraph_toks: &'h [Tok],
    /// Whether its paragraph is an item of a list.
    pub(super) list_item: bool,
    pub(super) sentence: Sentence<'h>,
    pub(super) in_sentence: Vec<&'h Quantity>,
    /// Russian text with figures: the rules of `ru::refs` and `ru::subject` read it.
    pub(super) russian: bool,
    /// The times that start in it, comparisons too.
    pub(super) times_here: &'h [TimeExpr],
    /// Its times that are not a base of comparison (`14% less than in 2022`).
    pub(super) sentence_times: Vec<&'h TimeExpr>,
    pub(super) anchors: &'h [Anchor],
    /// The clauses that hold a figure.
    pub(super) figure_clauses: HashSet<usize>,
    /// A time in a clause before every figure that holds none (`In 2018, the company ...`).
    pub(super) opening_time: Option<&'h TimeExpr>,
    /// The places listed inside a container it names, which are no subject.
    pub(super) listed: HashSet<usize>,
    /// The group of each figure, by its index in `in_sentence`.
    pub(super) groups: Vec<Option<usize>>,
    /// `Among them are ...`: it breaks down the figures before.
    pub(super) breakdown: bool,
    /// Russian words that speak of the figure before (`ru::refs`).
    pub(super) back_reference: BackReference,
    /// The figures of the last sentence that had any.
    pub(super) previous_figures: &'h [PreviousFigure],
    /// The figures of the sentence with figures before that one, where the whole a
    /// breakdown opens on may stand (`3,140 loans were issued ... The average loan was ...
    /// Of them, 2,210 ...`).
    pub(super) earlier_figures: &'h [PreviousFigure],
    /// The count of the sentence before that its counts add up within.
    pub(super) whole: Option<&'h PreviousFigure>,
    /// `four more projects`: it counts things besides those before.
    pub(super) others_here: bool,
    pub(super) deadline: Option<Period>,
    /// The sentence before it in its paragraph.
    pub(super) sentence_before: Option<&'h Range<usize>>,
    lower: OnceCell<String>,
    back: OnceCell<bool>,
    open_future: OnceCell<bool>,
    continues: OnceCell<bool>,
}

impl<'h> Here<'h> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        frame: &'h Frame<'h>,
        range: &'h Range<usize>,
        paragraph: usize,
        paragraph_toks: &'h [Tok],
        list_item: bool,
        figures: &'h [Quantity],
        times: &'h [TimeExpr],
        previous_figures: &'h [PreviousFigure],
        earlier_figures: &'h [PreviousFigure],
        sentence_before: Option<&'h Range<usize>>,
    ) -> Here<'h> {
        let text = frame.text;
        let date = frame.date;
        let in_sentence: Vec<&Quantity> = starting_in(figures, range, |q| q.span)
            .iter()
            .filter(|q| q.span[1] <= range.end)
            .collect();
        // A sentence without figures is read for its times and names only: its cue words
        // and clauses are never asked for.
        let sentence_toks = if in_sentence.is_empty() {
            &paragraph_toks[..0]
        } else {
            let first_tok = paragraph_toks.partition_point(|t| t.start < range.start);
            let end_tok = paragraph_toks.partition_point(|t| t.end <= range.end);
            &paragraph_toks[first_tok..end_tok]
        };
        let sentence = Sentence::new(text, sentence_toks, &in_sentence);
        // `14% less than in 2022`, `compared with last year`: a base of comparison, not the
        // period a figure holds for.
        let times_here = starting_in(times, range, |t| t.span);
        let sentence_times: Vec<&TimeExpr> = times_here
            .iter()
            .filter(|t| t.span[1] <= range.end && t.kind != TimeKind::Comparison)
            .collect();
        let first_anchor = frame.anchors.partition_point(|a| a.start < range.start);
        let end_anchor = frame.anchors.partition_point(|a| a.start < range.end);
        let anchors = &frame.anchors[first_anchor..end_anchor.max(first_anchor)];
        let figure_clauses: HashSet<usize> = in_sentence
            .iter()
            .map(|q| sentence.clause_of(q.span[0]))
            .collect();
        let opening_time = sentence_times
            .iter()
            .filter(|t| usable_period(t, date).is_some())
            .find(|t| !figure_clauses.contains(&sentence.clause_of(t.span[0])))
            .filter(|t| in_sentence.iter().all(|q| q.span[0] > t.span[0]))
            .copied();
        // `in the region ... in Karaganda, Temirtau and Zhezkazgan`: members of a list of
        // places that lie in another place named in the sentence are not candidates for a
        // subject; the container is.
        let listed = if in_sentence.is_empty() {
            HashSet::default()
        } else {
            listed_in_container(text, anchors, frame.within)
        };
        let russian = frame.lang == Lang::Russian && !in_sentence.is_empty();
        let back_reference = if russian {
            crate::ru::refs::back_reference(&text[range.clone()])
        } else {
            BackReference::default()
        };
        let deadline = sentence_times
            .iter()
            .filter(|t| t.kind == TimeKind::Deadline)
            .find_map(|t| usable_period(t, date));
        Here {
            frame,
            text,
            range,
            paragraph,
            paragraph_toks,
            list_item,
            groups: groups(&in_sentence),
            breakdown: opens_breakdown(&text[range.clone()]),
            back_reference,
            previous_figures,
            earlier_figures,
            // `Another 700 projects were developed. There are 200 projects in industry and
            // 230 in agriculture`: counts of one kind that add up to no more than a count of
            // the sentence before are its parts.
            whole: whole_of_parts(&in_sentence, previous_figures, paragraph),
            others_here: in_sentence.iter().any(|q| counts_others(text, q)),
            sentence,
            in_sentence,
            russian,
            times_here,
            sentence_times,
            anchors,
            figure_clauses,
            opening_time,
            listed,
            deadline,
            sentence_before,
            lower: OnceCell::new(),
            back: OnceCell::new(),
            open_future: OnceCell::new(),
            continues: OnceCell::new(),
        }
    }

    /// The sentence in lower case, for the cue phrases looked for in its text. It and the
    /// phrases below are asked of few figures (one without a time of its own, a plan
    /// without a deadline...): each is read when first asked, then kept.
    pub(super) fn lower(&self) -> &str {
        self.lower.get_or_init(|| {
            if self.in_sentence.is_empty() {
                String::new()
            } else {
                to_lowercase(&self.text[self.range.clone()])
            }
        })
    }

    /// `during this period`, `compared to the same period of 2024`, `year-on-year`.
    pub(super) fn refers_back(&self) -> bool {
        *self.back.get_or_init(|| {
            !self.in_sentence.is_empty()
                && (refers_back(self.lower())
                    || self
                        .times_here
                        .iter()
                        .any(|t| t.kind == TimeKind::Comparison && t.span[1] <= self.range.end))
        })
    }

    /// `In the future, ...`: a plan set in a future left undated.
    pub(super) fn in_open_future(&self) -> bool {
        *self
            .open_future
            .get_or_init(|| !self.in_sentence.is_empty() && open_future(self.lower()))
    }

    /// `according to the Bureau of National Statistics`: a statistic of a place.
    pub(super) fn cites_statistics(&self) -> bool {
        !self.in_sentence.is_empty() && self.lower().contains("statistic")
    }

    /// `It`, `The plant`: whether the sentence opens on what the one before was about.
    pub(super) fn continues_previous(&self) -> bool {
        *self
            .continues
            .get_or_init(|| continues_previous(self.text, self.range.start))
    }

    /// The last figure of the sentences before.
    pub(super) fn previous_figure(&self) -> Option<&'h PreviousFigure> {
        self.previous_figures.last()
    }

    /// The last figure of the sentences before, when it is of this paragraph.
    pub(super) fn previous_here(&self) -> Option<&'h PreviousFigure> {
        self.previous_figure()
            .filter(|f| f.paragraph == self.paragraph)
    }
}

/// What the sentences and paragraphs read so far in the document leave for the next ones.
#[derive(Default)]
pub(super) struct Memory {
    /// The metric of the last percentage, for one whose sentence names nothing it measures.
    pub(super) last_rate_metric: Option<Metric>,
    /// The metric of the last money, likewise.
    pub(super) last_money_metric: Option<Metric>,
    /// Whether the document has counted housing in square metres.
    pub(super) housing_floor_area: bool,
    /// The day the last figure told as a stock on a day was of (`As of July 1, ...`).
    pub(super) previous_day: Option<Period>,
    /// What the last sentence was about: the subject of its last figure, else the last
    /// place or organisation it names.
    pub(super) previous_subject: Option<String>,
    /// The company, zone or place a paragraph with no figure names before the block it
    /// introduces with a colon (`X Cluster ... summed up its year. Its results:`), and that
    /// paragraph's index: the block's lines, and a list's items after it, are its figures.
    pub(super) colon_lead: Option<(usize, String)>,
    /// The year the document last said something was founded in (`The zone was created in
    /// 2011`), where a count `since its creation` starts.
    pub(super) founding_year: Option<i32>,
    /// The paragraph of a figure-less lead ending with a colon, and the day it names.
    pub(super) lead_day: Option<(usize, Period)>,
    /// The status and period of the figures that introduce a list (`The region plans to
    /// launch ten projects this year:`), for its items that say neither, and whether they
    /// count projects, whose items' money is what each costs.
    pub(super) list_lead: Option<(Status, Option<Period>, bool)>,
}

/// What the sentences read so far in a paragraph leave for the next ones.
#[derive(Default)]
pub(super) struct ParagraphCarry<'h> {
    /// A sentence's time, carried to the next sentences.
    pub(super) carried_period: Option<Period>,
    /// The day a sentence dated its stocks by (`as of`, `на 1 октября`), carried to the
    /// next stocks counted in the same unit (`As of 1 October the herd stood at 168,000
    /// head ... Sheep and goats number 1.1 million head`); and the day a figure-less lead
    /// introduced a block with (`Numbers are as of 1 January:`), carried to every stock
    /// of the paragraph after it, or of the list items after it (`true`). What flows
    /// (output, trade, money spent) is not of a day.
    pub(super) carried_day: Option<(Period, bool)>,
    /// The last time a figure took from its own words, or the period a figure that refers
    /// back was given.
    pub(super) applied_period: Option<Period>,
    /// The place or organisation the paragraph made its grammatical subject.
    pub(super) theme: Option<String>,
    /// The focus of the last sentence that names anything.
    pub(super) focus: Option<String>,
    /// The place the last statistic of the paragraph was of.
    pub(super) statistic_place: Option<String>,
    /// Whether the sentence before told a plan.
    pub(super) sentence_plans: bool,
    /// The period of the plans of the sentence before, or its deadline: a plan in the next
    /// sentence with no time of its own takes it (`By the end of 2026 ... Eight projects
    /// will ...`).
    pub(super) plan_period: Option<Period>,
    /// The sentence before.
    pub(super) sentence_before: Option<&'h Range<usize>>,
}

/// What the figures read so far in a sentence leave for the next ones in it.
#[derive(Default)]
pub(super) struct SentenceSoFar {
    pub(super) figures: Vec<PreviousFigure>,
    /// The clause of the sentence's first price figure.
    pub(super) prices_before: Option<usize>,
    /// The period of the sentence's first plan dated by its own time, for the later plans of
    /// the sentence and the next sentence.
    pub(super) plan_period: Option<Period>,
    /// The subject of its last figure.
    pub(super) subject: Option<String>,
    /// The place its first statistic is of.
    pub(super) statistic_place: Option<String>,
}
