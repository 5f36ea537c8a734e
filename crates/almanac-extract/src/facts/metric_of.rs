//! A figure's metric as the figures before it and the words of its sentence set it: parts
//! of a whole, a bare rate or amount going on, a price list, exports, what a thing was built
//! for, a bank's money. The metric its own words give comes from `metric::metric`.

use super::figure::Figure;
use super::frame::{Here, Memory, SentenceSoFar};
use super::metric::{
    from_foreign_investors, metric, names_the_worth, sector_of_sentence, MetricChoice,
};
use super::parts::{
    accounts_for, gaps_verb_of_figure_before, names_a_part_before, names_figure_before,
    opens_on_part_before, part_of_figure_before, part_takes_whole, says_of_figure_before,
};
use super::sentence::CueScope;
use super::subject::is_place;
use crate::entities;
use crate::fact::{Measure, Metric};
use crate::quantities::QuantityKind;
use crate::tokens::word_is;
use crate::Lang;

/// What the figure measures: the metric its words give, or that of a figure before it that
/// it breaks down, compares or goes on about; and, for a figure that stands in a list of
/// like ones, the measure of the one before.
pub(super) fn metric_of(
    h: &Here<'_>,
    f: &Figure<'_>,
    memory: &Memory,
    so_far: &SentenceSoFar,
) -> (Metric, Option<Measure>) {
    let text = h.text;
    let sentence = &h.sentence;
    let in_sentence = &h.in_sentence;
    let figures_here = &so_far.figures;
    let russian = h.russian;
    let (q, qi, fig_tok, clause) = (f.q, f.qi, f.tok, f.clause);
    let choice: MetricChoice = metric(text, sentence, q, fig_tok);
    let own_metric = choice.metric;
    let previous_here = h.previous_here();
    let figure_before = figures_here.last().or(previous_here);
    let mut metric = match previous_here {
        // `В том числе, из бюджета — 45 млрд тенге`: the parts of an amount measure
        // what it did; `этот показатель`, with no cue of its own, is the indicator
        // of the figure before.
        Some(f)
            if h.back_reference.breakdown && q.kind == QuantityKind::Money && f.unit == q.unit
                || h.back_reference.indicator && own_metric == Metric::Other =>
        {
            f.metric
        }
        _ => own_metric,
    };
    // `half of it`, `..., 9.6% more than a year ago`: what the figure before
    // measured.
    if h.frame.lang != Lang::Russian {
        let before_here = figures_here.last().filter(|f| {
            f.metric != Metric::Rank
                && qi >= 1
                && says_of_figure_before(sentence, q, choice, in_sentence[qi - 1].span[1])
        });
        // `Five residential buildings have been commissioned, and another 11 are
        // due`: a bare number borrows its noun, and what it measures, from a count
        // before it.
        let elided = q.kind == QuantityKind::Count
            && q.unit.is_some()
            && !q.text.contains(char::is_whitespace);
        if let Some(f) = figures_here
            .iter()
            .rev()
            .find(|f| f.counted && f.unit == q.unit)
            .filter(|_| elided)
        {
            metric = f.metric;
        } else if let Some(f) = figures_here
            .iter()
            .rev()
            .find(|f| f.unit.is_some() && f.unit == q.unit)
            .filter(|_| names_a_part_before(text, sentence, fig_tok))
        {
            // `214.8 thousand square meters of housing, of them 131 thousand
            // square meters in the city`.
            if part_takes_whole(own_metric, f.metric) {
                metric = f.metric;
            }
        } else if let Some(f) = figure_before
            .filter(|_| {
                // `exported 70% of them`: a verb right before the part says what
                // it measures.
                let verb_before = sentence
                    .metric_cues
                    .iter()
                    .any(|c| c.cue.verb && !c.in_title && c.tok + c.len == fig_tok);
                part_of_figure_before(text, sentence, q) && !verb_before
                    || names_figure_before(text, sentence, q, fig_tok)
            })
            .or(before_here)
        {
            metric = f.metric;
        }
    }
    // `Of this amount, $740 million went to industry`, `..., из них 46 млрд
    // тенге пришлось на сельское хозяйство`: a part measures what its whole did,
    // wherever it went.
    let part_whole = if opens_on_part_before(text, sentence, fig_tok) && qi == 0 {
        // The whole: the last amount of its unit, here or in the paragraph
        // before.
        figures_here
            .iter()
            .chain(
                h.previous_figures
                    .iter()
                    .filter(|f| f.paragraph + 1 >= h.paragraph),
            )
            .rev()
            .find(|f| f.unit == q.unit)
    } else if russian && names_a_part_before(text, sentence, fig_tok) {
        figures_here.iter().rev().find(|f| f.unit == q.unit)
    } else if !choice.worded && q.unit.is_some() && accounts_for(text, sentence, fig_tok) {
        // `Rail accounted for 3.71 million tonnes`, `на железную дорогу пришлось 3,7 млн
        // тонн`: a share of a larger amount of its unit told just before, which says
        // what it measures when its own words do not: the nearest such amount, this
        // sentence's before the sentence before's.
        figures_here
            .iter()
            .rev()
            .chain(
                h.previous_figures
                    .iter()
                    .rev()
                    .filter(|f| f.paragraph + 1 >= h.paragraph),
            )
            .find(|f| f.unit == q.unit && f.value > q.value)
    } else {
        None
    };
    if let Some(f) = part_whole.filter(|f| f.metric != Metric::Rank) {
        if part_takes_whole(own_metric, f.metric) {
            metric = f.metric;
        }
    }
    // `sown on 131 thousand hectares, of which 40% in Shardara district`, `из них 18%
    // приходится на ...`: a share named as a part of the amount before it measures what
    // that amount did.
    // Not one whose own words after it say what it is (`of which 71 percent are transfers
    // from the budget`).
    let cue_after = || {
        sentence
            .metric_cues
            .iter()
            .any(|c| c.tok > fig_tok && sentence.clause_of(sentence.toks[c.tok].start) == clause)
    };
    if q.kind == QuantityKind::Percent
        && names_a_part_before(text, sentence, fig_tok)
        && !cue_after()
    {
        let whole = figures_here
            .iter()
            .rev()
            .find(|f| f.unit.as_deref() != Some("%") && f.metric != Metric::Rank);
        if let Some(f) = whole.filter(|f| part_takes_whole(own_metric, f.metric)) {
            metric = f.metric;
        }
    }
    // `21 billion tenge, 15 billion of which ...`: an amount that took its
    // currency from the money before it measures what that did, unless its own
    // words say what it measures (`of which the budget provided 41 billion`).
    // A part listed after `including` is that too, whatever its own words call
    // it (`investment of 38 billion, including bank loans of 19 billion`).
    let listed_part = || {
        qi > 0 && {
            let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
            between.contains("including") || between.contains("в том числе")
        }
    };
    if (!choice.cued || listed_part()) && h.frame.borrowed_currency.contains(&q.span[0]) {
        if let Some(f) = figures_here.iter().rev().find(|f| f.unit == q.unit) {
            metric = f.metric;
        }
    }
    // `shipped 3.2 million tonnes of steel worth 612 billion tenge`: what goods made or
    // traded are worth measures what the goods do, not a project's value. So does what a
    // part listed after `including` is worth, with no stronger word of its own, measure what
    // its whole did (`exports of $146.8 million, including cherries worth $38.2 million`).
    if q.kind == QuantityKind::Money && qi > 0 && names_the_worth(text, sentence, fig_tok) {
        let goods = in_sentence[qi - 1];
        // Only the goods' own noun, where they went or when stands between (`of rolled
        // steel`, `abroad`, `in 2025,`), not
        // another thing the money may be the worth of (`after a new fleet worth`).
        let before_worth = text[goods.span[1]..q.span[0]].trim();
        let between = before_worth.strip_suffix("worth").map(str::trim);
        let of_goods = between.is_some_and(|between| {
            !matches!(goods.kind, QuantityKind::Money | QuantityKind::Percent)
                && between.len() <= 60
                && (between.is_empty()
                    || between.starts_with("of ")
                    || between.starts_with("abroad")
                    || between
                        .strip_prefix("in ")
                        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit())))
                && !between.split_whitespace().skip(1).any(|w| {
                    matches!(
                        w,
                        "after"
                            | "before"
                            | "for"
                            | "with"
                            | "by"
                            | "which"
                            | "that"
                            | "when"
                            | "and"
                            | "at"
                    ) || w.ends_with([';', ':'])
                })
        });
        let worth_of = if of_goods {
            figures_here.get(qi - 1)
        } else if choice.weak_cue_tok.is_some() {
            (0..qi)
                .rev()
                .find(|&k| {
                    let w = in_sentence[k];
                    w.kind == QuantityKind::Money && w.unit == q.unit && w.value > q.value && {
                        let between = &text[w.span[1]..q.span[0]];
                        between.contains("including") || between.contains("в том числе")
                    }
                })
                .and_then(|k| figures_here.get(k))
        } else {
            None
        };
        if let Some(f) = worth_of.filter(|f| matches!(f.metric, Metric::Output | Metric::Trade)) {
            metric = f.metric;
        }
    }
    // `Transfers amounted to 289.5 billion tenge, or 56.5% of all revenues`, `the
    // maslikhat has approved revenues of 548 billion tenge` after the budget's
    // money: revenues that no company earns are the budget's.
    // `their revenues`, `the company's revenue`, `the farms' revenues` are
    // someone's earnings (a possessive `'s` is part of its word's token; the
    // apostrophe of a plural stands alone).
    let earned = |cue: usize| {
        cue.checked_sub(1).is_some_and(|k| {
            let before = sentence.toks[k];
            let w = before.text(text);
            before.is_word_in(text, &["their", "its", "his", "her"])
                || w.ends_with("'s")
                || w.ends_with("’s")
                || w.ends_with(['\'', '’'])
        })
    };
    // `Retail sales reached 612 billion tenge. The physical volume index was 104.6%`:
    // an index of volume that names no sector is that of the figure before it in
    // the paragraph.
    let volume_index = choice.weak_cue_tok.is_some_and(|c| {
        sentence.toks[c].is_word_in(text, &["physical", "index"]) && q.kind == QuantityKind::Percent
    });
    if metric == Metric::Output && volume_index {
        if let Some(f) = figure_before
            .filter(|f| f.paragraph == h.paragraph)
            .filter(|f| matches!(f.metric, Metric::Trade | Metric::Transport))
        {
            metric = f.metric;
        }
    }
    if metric == Metric::Output
        && choice.weak_cue_tok.is_some_and(|c| !earned(c))
        && memory.last_money_metric == Some(Metric::Budget)
        && !h
            .anchors
            .iter()
            .any(|a| a.kind == entities::EntityKind::Organisation && !is_place(&a.name))
    {
        metric = Metric::Budget;
    }
    // `The plan for the period was fulfilled by 104.3 percent` after the budget's
    // revenue: how much of a plan was met measures what the figure before did.
    if metric == Metric::Other
        && q.kind == QuantityKind::Percent
        && super::measure::fulfils_a_plan(text, sentence, q, fig_tok)
    {
        if let Some(f) = figure_before {
            metric = f.metric;
        }
    }
    // `Receipts rose by 1.2 billion soms` after the budget's revenue, `the highest
    // index, 121.7%` in a release on output: money or a rate whose sentence names
    // nothing it measures goes on about the last figure of its kind. Russian rates
    // stay out: their bare rates are most often regions' rows of a table (measured
    // on the blind sets), while their bare money goes on as English money does.
    if (!russian || q.kind == QuantityKind::Money)
        && !choice.cued
        && metric == own_metric
        && matches!(q.kind, QuantityKind::Money | QuantityKind::Percent)
    {
        let last = if q.kind == QuantityKind::Money {
            memory.last_money_metric
        } else {
            memory.last_rate_metric
        };
        // `loses 40 percent of the water it carries`: a share of a whole of its
        // own, unless the whole is the total spoken of (`42% of the total`).
        let after = text[q.span[1]..].trim_start();
        let own_whole = after.starts_with("of ")
            && !after
                .split(['.', ',', ';'])
                .next()
                .is_some_and(|whole| whole.contains("total"));
        if let Some(m) = last.filter(|_| !own_whole) {
            metric = m;
        }
    }
    // `Three projects are planned: - a bypass road: 18 km, 640 million somoni, 350 jobs;`:
    // money an item of a list of projects names with no word of its own is what the
    // project costs.
    if h.list_item
        && q.kind == QuantityKind::Money
        && !choice.cued
        && memory.list_lead.is_some_and(|(_, _, projects)| projects)
    {
        metric = Metric::ProjectValue;
    }
    // `Most housing was commissioned in Astana – 2.3 million sq m, Almaty – 1.6
    // million sq m`: a count or measure with no cue between it and the figure of
    // the same unit before it measures what that figure did.
    if qi > 0
        && metric == own_metric
        && q.unit.is_some()
        && !matches!(q.kind, QuantityKind::Money | QuantityKind::Percent)
    {
        let before_tok = sentence.tok_at(in_sentence[qi - 1].span[0]);
        let cue_between = sentence
            .metric_cues
            .iter()
            .any(|c| before_tok < c.tok && c.tok < fig_tok);
        let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
        let listed = between.contains(',') || between.contains(" and ") || between.contains(" и ");
        if let Some(f) = figures_here
            .last()
            .filter(|f| f.unit == q.unit && !cue_between && listed)
        {
            metric = f.metric;
        }
    }
    // `In Kulsary, 71,000 sq m were commissioned` after the housing the document
    // counted in square metres: floor area there is housing too.
    if metric == Metric::Area && memory.housing_floor_area && q.unit.as_deref() == Some("m2") {
        metric = Metric::Housing;
    }
    // `…на 1,85 млрд долларов, что в 1,4 раза больше`: the figure before, compared;
    // `Рост составил 14,5%, тогда как по стране – 1,6%`: the same measure of
    // another place, its verb left out.
    let mut parallel_measure = None;
    if russian && qi > 0 && own_metric == metric {
        let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
        if let Some(f) = figures_here.last() {
            if crate::ru::refs::compares_figure_before(between, &text[q.span[1]..]) {
                metric = f.metric;
            } else if q.kind == in_sentence[qi - 1].kind
                && crate::ru::refs::parallel_to_figure_before(between)
            {
                metric = f.metric;
                parallel_measure = Some(f.measure);
            }
        }
    }
    // `Agriculture grew 2.8 percent, construction 14.6 percent`: a rate beside a
    // change before it, its verb left out, is a change too.
    if qi > 0
        && q.kind == QuantityKind::Percent
        && in_sentence[qi - 1].kind == QuantityKind::Percent
        && figures_here
            .last()
            .is_some_and(|f| f.measure == Measure::Change)
        && {
            let between = &text[in_sentence[qi - 1].span[1]..q.span[0]];
            if russian {
                crate::ru::refs::next_item_of_list(between)
            } else {
                gaps_verb_of_figure_before(between)
            }
        }
    {
        parallel_measure = Some(Measure::Change);
    }
    // `Алматы – 1,6 млн кв. м (снижение на 4,7%)`, `Taraz – 398,000 sq m (up 2.7%)`:
    // a rate in brackets right after a figure is how that figure moved.
    if qi > 0
        && metric == own_metric
        && q.kind == QuantityKind::Percent
        && in_sentence[qi - 1].kind != QuantityKind::Rank
    {
        let between = text[in_sentence[qi - 1].span[1]..q.span[0]].trim();
        let bracketed = between.strip_prefix('(').is_some_and(|words| {
            words.split_whitespace().count() <= 3 && !words.contains(|c: char| c.is_ascii_digit())
        });
        if let Some(f) = figures_here.last().filter(|_| bracketed) {
            metric = f.metric;
        }
    }
    // `exported goods worth $2.3 billion, up from $1.96 billion`, `13,6 ц/га против 9,8 ц/га`:
    // the state a figure is set against measures what the figure does.
    let word_before = || {
        fig_tok
            .checked_sub(1)
            .and_then(|k| super::sentence::word(text, sentence, k))
    };
    let set_by = (qi > 0 && metric == own_metric)
        .then(word_before)
        .flatten()
        .filter(|w| w == "from" || super::status::AGAINST.contains(&w.as_ref()));
    if let Some(set_by) = set_by {
        // The last figure in the same unit: one counted between (`to the four other
        // countries, up from $1.96 billion`) is not what it is set against.
        if let Some(f) = figures_here.iter().rev().find(|f| f.unit == q.unit) {
            metric = f.metric;
            // `grew by 5.6% against 3.8% a year earlier`: a rate set against a growth is
            // the growth of then, not a share; not the state a change starts from
            // (`decreased by 0.1 percent from 5.3`).
            let against = set_by != "from";
            if against && q.kind == QuantityKind::Percent && f.measure == Measure::Change {
                parallel_measure = Some(Measure::Change);
            }
        }
    }
    // `built 11 small plants with 46 MW`: plants or stations counted beside a power
    // capacity are power plants, infrastructure (FACTS.md), not companies.
    let power_after = || {
        in_sentence.get(qi + 1).is_some_and(|f| {
            let mut between = text[q.span[1]..f.span[0]].split_whitespace();
            matches!(f.unit.as_deref(), Some("MW" | "GW" | "kW"))
                && between.clone().count() <= 3
                && between.any(|w| {
                    matches!(
                        w,
                        "with" | "of" | "totalling" | "totaling" | "мощностью" | "на" | "общей"
                    )
                })
        })
    };
    if metric == Metric::Companies
        && matches!(q.unit.as_deref(), Some("plant" | "station"))
        && power_after()
    {
        metric = Metric::Infrastructure;
    }
    // `came first with output up 21.3%, followed by Syrdarya region, second with
    // 18.7%`: the rate a place holds its rank with measures as the first one did.
    if qi > 0
        && q.kind == QuantityKind::Percent
        && in_sentence[qi - 1].kind == QuantityKind::Rank
        && text[in_sentence[qi - 1].span[1]..q.span[0]].trim() == "with"
    {
        if let Some(f) = figures_here
            .iter()
            .rev()
            .find(|f| f.metric != Metric::Rank && f.unit.as_deref() == Some("%"))
        {
            metric = f.metric;
            parallel_measure = Some(f.measure);
        }
    }
    // `Удивительных показателей добилась обрабатывающая промышленность. Рост
    // составил 14,5%`: a growth that names nothing is of the sector the sentence
    // before spoke of, figures or none.
    if russian
        && metric == Metric::Other
        && sentence.metric_cues.is_empty()
        && matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiplier)
    {
        if let Some(m) = h
            .sentence_before
            .and_then(|r| sector_of_sentence(text, h.paragraph_toks, r))
        {
            metric = m;
        }
    }
    // `289 tenge per square metre`, `1,500 soms a night`: money per unit of a
    // good or service is its price, unless a wage or the budget is named.
    if q.kind == QuantityKind::Money
        && q.per
            .as_deref()
            .is_some_and(|p| !matches!(p, "year" | "month" | "week" | "day" | "hour" | "shift"))
        && !matches!(metric, Metric::Income | Metric::Budget)
    {
        metric = Metric::Prices;
    }
    let in_clause = |tok: usize| sentence.clause_toks(clause).contains(&tok);
    // `a kilogram of sugar cost 540 tenge`, `Килограмм говядины стоит 3 150 тенге`: money that
    // a unit of goods its clause names before it costs is the price, whatever verb tells it;
    // not a unit that a figure counts (`мощностью 30 тыс. литров в сутки стоимостью ...`).
    if q.kind == QuantityKind::Money
        && !matches!(metric, Metric::Income | Metric::Budget)
        && sentence.metric_cues.iter().any(|c| {
            c.cue.priced_unit
                && c.tok < fig_tok
                && in_clause(c.tok)
                && !sentence
                    .figure_toks
                    .iter()
                    .any(|f| f.end == c.tok || f.contains(&c.tok))
        })
    {
        metric = Metric::Prices;
    }
    // `exported 70% of its output`, `на экспорт отправлено продукции на 31 млн сомони`: a
    // figure whose stretch of its clause (from the figure before to it, or to the clause's
    // end for the last figure) speaks of exports measures trade, however near a noun of
    // output stands: `produced 2 million tonnes and exported 70% of them` makes the tonnes
    // output and the share trade, and a word after a figure with another one to come is
    // that one's (`construction 14.6 percent and trade 6.3 percent`). Not a word in an
    // office's name (`the Ministry of Trade reported`), nor one after a word of cause
    // (`grew 4.6% on the back of exports`, `благодаря экспорту`).
    let stretch = {
        let from = if qi > 0 {
            sentence.tok_at(in_sentence[qi - 1].span[1])
        } else {
            0
        };
        let to = if qi + 1 < in_sentence.len() {
            fig_tok
        } else {
            usize::MAX
        };
        from..to
    };
    if metric == Metric::Output
        && sentence.metric_cues.iter().any(|c| {
            c.cue.metric == Metric::Trade
                && !c.in_title
                // `вывезено на 40 млн долларов` is trade; `вывезено 45 тыс. кубометров снега`
                // is not.
                && (c.cue.scope != CueScope::Money || q.kind == QuantityKind::Money)
                && in_clause(c.tok)
                && stretch.contains(&c.tok)
                && !(c.tok.saturating_sub(3)..c.tok).any(|k| {
                    word_is(
                        text,
                        sentence.toks,
                        k,
                        &[
                            "thanks",
                            "due",
                            "because",
                            "back",
                            "благодаря",
                            "счёт",
                            "счет",
                        ],
                    )
                })
        })
    {
        metric = Metric::Trade;
    }
    // `мясокомбинат за 9 млрд тенге`, `the park, built by a consortium for 21.6 billion
    // tenge`: what a thing was built or bought for is its worth.
    if q.kind == QuantityKind::Money
        && matches!(
            metric,
            Metric::Investment | Metric::Budget | Metric::Other | Metric::Output
        )
    {
        // `перевалил за 1 трлн тенге`, `продали долю за $200 млн`: `за` after no verb of
        // building or buying is a threshold or a price.
        let before_figure = sentence.clause_toks(clause).start..fig_tok;
        let built_for = match crate::tokens::word_before(text, q.span[0]).as_deref() {
            Some("за") => sentence.has_word_starting(
                text,
                before_figure,
                &[
                    "постро",
                    "строи",
                    "строя",
                    "возвед",
                    "открыл",
                    "открыт",
                    "купил",
                    "приобр",
                    "реконструир",
                    "модерниз",
                ],
            ),
            Some("for") => sentence.toks[before_figure].iter().any(|t| {
                t.is_word_in(
                    text,
                    &[
                        "built",
                        "constructed",
                        "erected",
                        "bought",
                        "acquired",
                        "purchased",
                    ],
                )
            }),
            _ => false,
        };
        if built_for {
            metric = Metric::ProjectValue;
        }
    }
    // `ADB approves $100 million to rebuild the road`, `ИБР выделит $36 млн на питьевую воду`:
    // what a lender puts up pays for the project it lends to, not the budget's spending or a
    // place's investment. A national or central bank that reports a figure lends nothing.
    let lending_word = || {
        sentence.has_word_starting(
            text,
            sentence.clause_toks(clause).start..fig_tok,
            &[
                "approv",
                "allocat",
                "lend",
                "lent",
                "loan",
                "provid",
                "grant",
                "выдел",
                "предостав",
                "кредит",
                "займ",
                "заём",
            ],
        )
    };
    if q.kind == QuantityKind::Money
        && matches!(metric, Metric::Budget | Metric::Investment)
        && h.anchors.iter().any(|a| {
            a.kind == entities::EntityKind::Organisation
                && a.start < q.span[0]
                && in_clause(sentence.tok_at(a.start))
                && (a.name.contains("Bank") || a.name.contains("банк"))
                && !a.name.contains("National Bank")
                && !a.name.contains("Central Bank")
        })
        && lending_word()
    {
        metric = Metric::ProjectValue;
    }
    if metric == Metric::Investment
        && from_foreign_investors(text, sentence, q, fig_tok, h.frame.home)
    {
        metric = Metric::Fdi;
    }
    if q.kind == QuantityKind::Money && super::metric::from_a_budget(text, q) {
        metric = Metric::Budget;
    }
    // `prices for meat rose 6 percent, dairy products by 2 percent`: a rate whose
    // clause leaves out the verb of the price rise before it is a price too,
    // though it names goods.
    // Only after a price: `prices rose 9.8%, industry grew 3.5%, construction 12%` leaves
    // construction's output.
    let gapped = fig_tok >= 1 && word_is(text, sentence.toks, fig_tok - 1, &["by"])
        || qi > 0 && gaps_verb_of_figure_before(&text[in_sentence[qi - 1].span[1]..q.span[0]]);
    if metric == Metric::Output
        && gapped
        && figures_here
            .last()
            .is_some_and(|f| f.metric == Metric::Prices)
        && q.kind == QuantityKind::Percent
        && so_far.prices_before.is_some_and(|c| c < clause)
    {
        metric = Metric::Prices;
    }
    (metric, parallel_measure)
}
