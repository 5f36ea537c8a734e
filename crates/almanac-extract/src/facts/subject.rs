//! The place or organisation a figure is about (`subject`).
//!
//! A figure's subject is chosen among the anchors of its sentence (`anchors`: every mention
//! of a place or organisation, with what it is in the text), in this order:
//!
//! 1. the anchors of the figure's own clause (a clause before it joined by a dash counts:
//!    `the Ministry of Energy – 5 projects`), else those of the clauses before it (`In
//!    Almaty, ...`); never a clause after it, which is a list or an aside;
//! 2. reporters only where the figure is split by them (`the Ministry of Energy – 5
//!    projects`): never after `according to`, `said` or the like, nor in a clause that
//!    forecasts (`the bank expects 4%`);
//! 3. of those, the narrowest (`the city's Alatau district` -> the district); several places
//!    named jointly (`in Jambay, Samarkand and Urgut`) give the narrowest place that holds
//!    them all; else the nearest.
//!
//! A sentence that names none takes the document's topic: the place or organisation its
//! title, lead and references are most about (an article about a region that mentions its
//! capital in passing stays about the region), else the country its names lie in.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::ops::Range;

use super::anchors::{Anchor, Role, ROLE_PHRASES, SUBJECT_CUES};
use super::sentence::Sentence;
use crate::entities::{self, Entity, EntityKind};
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, word_is, TokKind};

/// Whether the mention at `span` opens a dateline: capitals at the start of a paragraph,
/// then a dash, a full stop, a comma or a bracket (`ASTANA –`, `NUR-SULTAN. KAZINFORM –`,
/// `DUSHANBE, 18.07.2022 (...) –`), or a name followed by a dash there (`Almaty – The city`),
/// but not by a dash and a number (a table's row).
/// Whether the words right before a figure make it a part of one before: `из них`, `из
/// которых`, `в том числе`, `ещё`, `больше всего –`, `of them`, `of which`, `including`,
/// `another`.
fn names_a_part(text: &str, q: &Quantity) -> bool {
    // The last few words are all it reads: a short tail, cut at a character's edge.
    let mut from = q.span[0].saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = lower(text[from..q.span[0]].trim_end());
    let tail: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let tail3: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    matches!(
        tail.as_slice(),
        ["них", "из", ..]
            | ["которых", "из", ..]
            | ["ещё" | "еще" | "another", ..]
            | ["them" | "which", "of", ..]
            | ["them," | "which,", "of", ..]
            | ["числе", "том", ..]
            | ["including", ..]
    ) || matches!(
        tail3.as_slice(),
        ["–" | "—", "всего", "больше" | "меньше"] | ["–" | "—", "most", "the"]
    )
}

/// `a quarter of it in Taraz`, `41% of them in Sughd region`: a part of the figure before,
/// placed by its own `in`. It is the place's, and the sentences after go on about the whole.
pub(super) fn part_in_a_place(text: &str, q: &Quantity) -> bool {
    text[q.span[1]..]
        .trim_start()
        .strip_prefix("of ")
        .is_some_and(|rest| {
            ["it in ", "them in ", "which in "]
                .iter()
                .any(|p| rest.starts_with(p))
        })
}

/// Which place lies within which: the part_of relation of the entities found, beside the
/// gazetteer's, with every answer remembered, since the same few names of a document are
/// asked about for each of its figures.
pub(super) struct Containment {
    part_of: HashMap<String, String>,
    known: RefCell<HashMap<String, HashMap<String, bool>>>,
}

impl Containment {
    pub fn new(text: &str, entities: &[Entity]) -> Self {
        let mut part_of: HashMap<String, String> = entities
            .iter()
            .filter_map(|e| e.part_of.as_ref().map(|p| (e.name.clone(), p.clone())))
            .collect();
        // `the Kordai wind park in Zhambyl region`, `ТОО «Арман» в Шымкенте`: a company or
        // facility the gazetteer does not place lies where a mention of it says it stands; a
        // country after it (`X in Tashkent` may be a branch abroad, `X in Uzbekistan` too) is
        // too wide to place it.
        let place_at: HashMap<usize, &str> = entities
            .iter()
            .filter(|e| e.kind.is_place() && e.kind != EntityKind::Country)
            .flat_map(|e| e.mentions.iter().map(move |m| (m.span[0], e.name.as_str())))
            .collect();
        for e in entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation && e.part_of.is_none())
        {
            let stands_in = e.mentions.iter().find_map(|m| {
                let after = text.get(m.span[1]..)?;
                let rest = after
                    .strip_prefix(" in ")
                    .or_else(|| after.strip_prefix(" в "))?;
                place_at.get(&(m.span[1] + after.len() - rest.len()))
            });
            if let Some(place) = stands_in {
                part_of.insert(e.name.clone(), (*place).to_string());
            }
        }
        Containment {
            part_of,
            known: RefCell::default(),
        }
    }

    pub fn is_within(&self, name: &str, ancestor: &str) -> bool {
        if let Some(&answer) = self
            .known
            .borrow()
            .get(name)
            .and_then(|of_name| of_name.get(ancestor))
        {
            return answer;
        }
        let answer = self.find_within(name, ancestor);
        self.known
            .borrow_mut()
            .entry(name.to_string())
            .or_default()
            .insert(ancestor.to_string(), answer);
        answer
    }

    fn find_within(&self, name: &str, ancestor: &str) -> bool {
        if name == ancestor {
            return false;
        }
        let mut cur = name;
        for _ in 0..8 {
            match self.part_of.get(cur) {
                Some(p) if p == ancestor => return true,
                Some(p) => cur = p,
                None => break,
            }
        }
        entities::is_within(cur, ancestor) || entities::is_within(name, ancestor)
    }

    /// The places `name` lies in, nearest first.
    pub fn ancestors(&self, name: &str) -> Vec<String> {
        let mut res = Vec::new();
        let mut cur = name.to_string();
        for _ in 0..8 {
            match self.part_of.get(&cur) {
                Some(p) => {
                    res.push(p.clone());
                    cur = p.clone();
                }
                None => break,
            }
        }
        for a in entities::ancestors(&cur) {
            if !res.iter().any(|r| r == a) {
                res.push(a.to_string());
            }
        }
        res
    }

    /// The narrowest place that holds every one of `names`, if any.
    fn common_container(&self, names: &[&str]) -> Option<String> {
        let first = names.first()?;
        self.ancestors(first)
            .into_iter()
            .find(|c| names.iter().all(|n| self.is_within(n, c)))
    }
}

/// Drops every candidate that contains another one: the narrowest places remain.
/// Asked of distinct names, so a sentence that repeats one place a thousand times costs what
/// one naming it once does.
fn narrowest<'a>(cands: &[&'a Anchor], within: &Containment) -> Vec<&'a Anchor> {
    let mut names: Vec<&str> = cands.iter().map(|a| a.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let wide: Vec<&str> = names
        .iter()
        .filter(|a| names.iter().any(|b| within.is_within(b, a)))
        .copied()
        .collect();
    cands
        .iter()
        .filter(|a| !wide.contains(&a.name.as_str()))
        .copied()
        .collect()
}

/// What the document is about when a sentence names nothing: the place or organisation
/// with the most weight of mentions (one in the title or the first paragraph of the body
/// 3, any other 1; the first named wins a tie); else the country the document's names lie
/// in.
pub(super) fn topic<'a>(
    text: &str,
    anchors: &'a [Anchor],
    adjectives: &[(usize, &'a str)],
    paragraphs: &[Range<usize>],
    title: Option<&Range<usize>>,
    within: &Containment,
) -> Option<String> {
    let lead = paragraphs.iter().find(|p| Some(*p) != title);
    let mut weight: HashMap<&str, u32> = HashMap::default();
    let mut order: Vec<&str> = Vec::new();
    let mut add = |name: &'a str, w: u32| {
        let entry = weight.entry(name).or_insert(0);
        if *entry == 0 {
            order.push(name);
        }
        *entry += w;
    };
    let in_front = |pos: usize| {
        title.is_some_and(|t| t.contains(&pos)) || lead.is_some_and(|l| l.contains(&pos))
    };
    let in_lead = |name: &str| {
        anchors
            .iter()
            .any(|b| b.name == name && lead.is_some_and(|l| l.contains(&b.start)))
    };
    // `the extra 13 in Zhambyl and Kostanay regions` in the lead: places the front names as
    // a list are parts of what it is about, so the list weighs for the place that holds
    // them all (each item counts as any other mention).
    let mut listed: HashSet<usize> = HashSet::default();
    // Weighed after the names, so a name of the same weight wins the tie.
    let mut wholes: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while i < anchors.len() {
        let mut j = i;
        while j + 1 < anchors.len()
            && [&anchors[j], &anchors[j + 1]]
                .iter()
                .all(|a| a.role == Role::Named && a.kind.is_place() && in_front(a.start))
            && joined_in_list(text, &[&anchors[j], &anchors[j + 1]])
            && !text[anchors[j].start + anchors[j].len..anchors[j + 1].start]
                .trim()
                .is_empty()
        {
            j += 1;
        }
        if j > i {
            let names: Vec<&str> = anchors[i..=j].iter().map(|a| a.name.as_str()).collect();
            // `Three factories opened in Kara-Suu district ... five more are to open in
            // Nookat and Uzgen districts`: a part the front names on its own is what the
            // text is about, and the list only other parts beside it; so is a company that
            // does not belong to the whole (`Halyk Bank opened branches in Almaty and
            // Astana`), unlike a state body of it (`Счетная палата Кыргызстана`).
            let part_alone = |whole: &str| {
                anchors.iter().enumerate().any(|(k, a)| {
                    !(i..=j).contains(&k)
                        && !names.contains(&a.name.as_str())
                        && a.role == Role::Named
                        && in_front(a.start)
                        && !speaks(text, a)
                        && (within.is_within(&a.name, whole) == a.kind.is_place())
                })
            };
            if let Some(whole) = within.common_container(&names).filter(|w| !part_alone(w)) {
                listed.extend(anchors[i..=j].iter().map(|a| a.start));
                if let Some(p) = entities::lookup(&whole) {
                    wholes.push(p.name);
                }
            }
        }
        i = j + 1;
    }
    for a in anchors
        .iter()
        .filter(|a| matches!(a.role, Role::Named | Role::RouteEnd) && !speaks(text, a))
    {
        // `Pavlodar plants raise output` over a lead about Pavlodar region: a title shortens
        // a region to the name it shares with its centre.
        let name = match entities::lookup(&a.name) {
            Some(p)
                if title.is_some_and(|t| t.contains(&a.start)) && p.kind == EntityKind::City =>
            {
                p.part_of
                    .filter(|r| {
                        r.strip_prefix(p.name)
                            .is_some_and(|rest| rest.starts_with(' '))
                            && in_lead(r)
                    })
                    .unwrap_or(a.name.as_str())
            }
            _ => a.name.as_str(),
        };
        // `exports to Tajikistan` below the lead: a country goods go to is a partner.
        // Only a country's word before is read (most anchors are no country).
        let word_before = (a.kind == EntityKind::Country)
            .then(|| crate::tokens::word_before(text, a.start))
            .flatten();
        let destination = word_before
            .as_deref()
            .is_some_and(|w| w == "to" || w == "into");
        // `Trade with China`, `Торговля с Китаем`, in a title or not: a country a place trades
        // with is the partner, never what the text is about.
        let partner = word_before
            .as_deref()
            .is_some_and(|w| matches!(w, "with" | "с" | "со"));
        if partner {
            continue;
        }
        if in_front(a.start) && !listed.contains(&a.start) {
            add(name, 3);
        } else if !destination {
            add(name, 1);
        }
    }
    for whole in wholes {
        add(whole, 3);
    }
    // `Kazakh PM calls for ...`: a country's adjective in the title or lead speaks of the
    // country, though elsewhere it only tells an origin (`a Chinese investor`).
    for &(pos, name) in adjectives {
        if in_front(pos) {
            add(name, 2);
        }
    }
    let best = order.iter().copied().max_by_key(|n| {
        (
            weight[n],
            std::cmp::Reverse(order.iter().position(|o| o == n)),
        )
    });
    if let Some(best) = best {
        return Some(best.to_string());
    }
    // No place is the subject of the text: the country its names (reporters included, a
    // national ministry reports national figures) lie in.
    let mut countries: HashMap<String, u32> = HashMap::default();
    for a in anchors {
        let country = std::iter::once(a.name.clone())
            .chain(within.ancestors(&a.name))
            .find(|n| entities::lookup(n).is_some_and(|p| p.kind == EntityKind::Country));
        if let Some(c) = country {
            *countries.entry(c).or_insert(0) += 1;
        }
    }
    countries
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(c, _)| c)
}

/// The company the lead's first sentence is about, as its grammatical subject (`China's
/// Qilin Motors has opened a plant in ...`, `A Turkish company, Bosphorus Kimya Industries,
/// will build ...`, `Zhongya Textile, a joint venture of ..., has opened a mill`): the text
/// goes on about its project, so a later figure of a sentence that names nothing (`The first
/// phase cost $55 million`) is the company's rather than the place's where it stands, when it
/// is the project's worth or capacity (`figure.rs`). Not a lender (`Bank`, `Fund`) nor a body
/// that reports.
pub(super) fn lead_company(
    text: &str,
    anchors: &[Anchor],
    lead_sentence: Option<&Range<usize>>,
) -> Option<String> {
    let sentence = lead_sentence?;
    // Past a dateline (`KHUJAND. Pamir Business Wire – `).
    let opening = &text[sentence.start
        ..sentence
            .end
            .min(text.floor_char_boundary(sentence.start + 80))];
    // A dateline's words are all capitalised; a dash after lower-case words is the
    // sentence's own (`Investment rose sharply – X alone put in ...`).
    let start = opening
        .char_indices()
        .find(|&(_, c)| matches!(c, '–' | '—'))
        .filter(|&(i, _)| {
            opening[..i]
                .split_whitespace()
                .all(|w| !w.starts_with(char::is_lowercase))
        })
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let from = anchors.partition_point(|a| a.start < start);
    let to = anchors.partition_point(|a| a.start < sentence.end);
    let in_sentence = &anchors[from..to];
    // Countries before the name tell its origin (`China's`, `Korea's`); anything else named
    // first is what the sentence is about.
    let a = in_sentence.iter().find(|a| {
        !(a.kind == EntityKind::Country && text[a.start + a.len..].starts_with(['\'', '\u{2019}']))
    })?;
    if a.kind != EntityKind::Organisation
        || a.role != Role::Named
        || speaks(text, a)
        || names_a_lender(&a.name)
    {
        return None;
    }
    // Past a description the name is the apposition of (`A Chinese company, `), at most a
    // possessive or an article.
    let head = &text[start..a.start];
    let head = head.rsplit(", ").next().unwrap_or(head);
    // `Saudi Arabia's`, `Abu Dhabi-based`: the words of an origin are capitalised.
    let words: Vec<&str> = head.split_whitespace().collect();
    let short = words.len() <= 3
        && words.iter().all(|w| {
            matches!(*w, "The" | "the" | "A" | "a" | "An" | "an")
                || w.starts_with(char::is_uppercase)
        });
    short.then(|| a.name.clone())
}

/// Whether an organisation's name says it lends (`X Bank`, `Damu Fund`): no company a story
/// follows.
fn names_a_lender(name: &str) -> bool {
    name.split(' ').any(|w| matches!(w, "Bank" | "Fund"))
}

/// The company a story follows: the lead's grammatical subject (`lead_company`), else the
/// first organisation the headline or the lead paragraph names, if the text names it again
/// and the headline or the lead's first sentence names it (`From 1959 to Esil Dairy: ...`,
/// `В СЭЗ начал работу завод ООО «X»`), or the text names it twice more (`Today her company
/// Qazyna Tigin makes uniforms ...`); one a lead on a region names in passing is none. A
/// body that reports, or one whose name says bank or fund, is none.
pub(super) fn protagonist(
    text: &str,
    anchors: &[Anchor],
    lead_company: Option<&str>,
    opening: Range<usize>,
    headline: Range<usize>,
    lead_sentence: Option<&Range<usize>>,
) -> Option<String> {
    if let Some(company) = lead_company {
        return Some(company.to_string());
    }
    let from = anchors.partition_point(|a| a.start < opening.start);
    let to = anchors.partition_point(|a| a.start < opening.end);
    let a = anchors[from..to].iter().find(|a| {
        a.kind == EntityKind::Organisation
            && a.role == Role::Named
            && !speaks(text, a)
            && !names_a_lender(&a.name)
    })?;
    let in_headline = anchors[from..to]
        .iter()
        .any(|b| b.name == a.name && headline.contains(&b.start));
    let in_first_sentence = lead_sentence.is_some_and(|s| s.contains(&a.start));
    // Names said again, not references back (`the company said`, `предприятия`).
    let later = anchors[to..]
        .iter()
        .filter(|b| b.name == a.name && !text[b.start..].starts_with(char::is_lowercase))
        .count();
    (later >= 1 && (in_headline || in_first_sentence) || later >= 2).then(|| a.name.clone())
}

/// Whether a sentence speaks of the works or company a story follows without naming it: it
/// names it by a phrase of `works` (`Since then the farm has doubled its herd`; a Russian
/// one is a stem, `на заводе работают`), opens on `It` or `Its` (`Its output is modest`),
/// or its people speak of it (`"We export half," says the director`) where no official does
/// (`"We will create 5,000 jobs," the akim said` is the region's).
pub(super) fn about_the_works(text: &str, range: Range<usize>) -> bool {
    let sentence = &text[range];
    let lower_sentence = lower(sentence);
    let words: Vec<&str> = lower_sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let works = &SUBJECT_CUES.works;
    // `IT exports`: an abbreviation, not the pronoun; `It is planned to`, `It will`: the
    // sentence's frame, no works.
    let mut opening = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let opens_on_it = match (opening.next(), opening.next()) {
        (Some("Its" | "its"), _) => true,
        (Some("It" | "it"), next) => !next.is_some_and(|w| {
            matches!(
                w,
                "is" | "was" | "will" | "would" | "should" | "may" | "might" | "can" | "could"
            )
        }),
        _ => false,
    };
    let phrase_at = |i: usize| {
        works.iter().any(|p| {
            let n = p.split(' ').count();
            n > 1
                && p.split(' ')
                    .enumerate()
                    .all(|(k, pw)| words.get(i + k) == Some(&pw))
                // `the farm sector`, `the mill industry`: a sector, not the works.
                && !words
                    .get(i + n)
                    .is_some_and(|w| matches!(*w, "sector" | "sectors" | "industry"))
        })
    };
    let stem_at = |i: usize| {
        let w = words[i];
        works.iter().any(|s| {
            !s.is_ascii()
                && w.strip_prefix(s).is_some_and(|ending| singular(s, ending))
                // `сельское хозяйство`, `жилищно-коммунальном хозяйстве`: a sector.
                && !(i > 0
                    && ["сельск", "коммунальн", "лесн", "водн", "рыбн", "народн"]
                        .iter()
                        .any(|a| words[i - 1].starts_with(a)))
        })
    };
    let official_speaks = || words.iter().any(|w| ROLE_PHRASES.contains(*w));
    opens_on_it
        || (0..words.len()).any(|i| phrase_at(i) || stem_at(i))
        || words.iter().any(|w| matches!(*w, "we" | "мы")) && !official_speaks()
}

/// Whether a Russian noun of `stem` with `ending` may speak of one works: `экспорт
/// IT-компаний`, `десятки заводов`, `хозяйствующих субъектов` do not. A stem that is a word of
/// its own (`завод`) is singular bare; others bare are plural (`фабрик`, `хозяйств`). Endings
/// shared by the singular and the plural (`предприятия`, `компании`) are taken as singular.
fn singular(stem: &str, ending: &str) -> bool {
    match ending {
        "" => !stem.ends_with(['к', 'в']),
        _ => matches!(
            ending,
            "а" | "у" | "ом" | "е" | "о" | "я" | "ю" | "ем" | "и" | "ой" | "ей"
        ),
    }
}

/// The starts of anchors that stand in a list (`A, B and C`) and lie in another anchor of
/// the same sentence; of all the list's anchors when most of them do.
pub(super) fn listed_in_container(
    text: &str,
    anchors: &[Anchor],
    within: &Containment,
) -> HashSet<usize> {
    let mut res = HashSet::default();
    let mut i = 0;
    while i < anchors.len() {
        let mut j = i;
        while j + 1 < anchors.len() {
            let end = anchors[j].start + anchors[j].len;
            let between = text.get(end..anchors[j + 1].start).unwrap_or("x");
            // `In Kokand, Kokand Textile opened ...`: a company after a place is no item of
            // a list of places.
            let joins = only_list_joiners(between)
                && !between.trim().is_empty()
                && (anchors[j].kind == EntityKind::Organisation)
                    == (anchors[j + 1].kind == EntityKind::Organisation)
                && !appositive(text, anchors[j + 1].start);
            if !joins {
                break;
            }
            j += 1;
        }
        // The list is one whole: where most of its items lie in a container named beside
        // them, all do (`in Karaganda, Temirtau and Zhezkazgan`, the last of which a later
        // map puts in another region).
        if j > i {
            let list = &anchors[i..=j];
            let inside = |m: &Anchor| anchors.iter().any(|c| within.is_within(&m.name, &c.name));
            let most_inside = 2 * list.iter().filter(|m| inside(m)).count() > list.len();
            res.extend(
                list.iter()
                    .filter(|m| most_inside || inside(m))
                    .map(|m| m.start),
            );
        }
        i = j + 1;
    }
    res
}

/// Whether the sentence starting at `start` goes on about what the one before was about: it
/// opens with a word that points back (`Its output`, `The plant will`, `There`), after an
/// opening adverbial at most (`In 2023, the plant`).
pub(super) fn continues_previous(text: &str, start: usize) -> bool {
    let head = text[start..].trim_start();
    // Cut at a character: a cut inside one would otherwise read the rest of the document.
    let head = &head[..head.floor_char_boundary(80)];
    let lower_head = lower(head);
    let clause_start = match lower_head.find(", ") {
        Some(i) if i < 40 => &lower_head[i + 2..],
        _ => &lower_head[..],
    };
    // An anaphor ends where one of these marks follows it: the words before each of the
    // first few marks are looked up, rather than every anaphor tried at the start.
    let anaphors = &SUBJECT_CUES.anaphors;
    // `This year`, `This spring`: a time, not what the sentence before spoke of.
    let time_after = |h: &str, i: usize| {
        h[i..].split_whitespace().next().is_some_and(|w| {
            SUBJECT_CUES
                .time_nouns
                .contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        })
    };
    [&lower_head[..], clause_start].iter().any(|h| {
        h.char_indices()
            .take_while(|&(i, _)| i <= SUBJECT_CUES.longest_anaphor)
            .any(|(i, c)| {
                matches!(c, ' ' | ',' | '\'' | '’')
                    && anaphors.contains(&h[..i])
                    && !(matches!(&h[..i], "this" | "these") && time_after(h, i))
            })
    })
}

/// The place or organisation a sentence is about when it is its grammatical subject: named
/// first, with at most an article or a possessive before it, at the start of the sentence
/// or after an opening adverbial (`The zone has placed ...`, `In 2023, Kazakh Aluminium
/// built ...`). A place named after a preposition (`... was built in Petropavl`) is where
/// one thing happened and says nothing of the next sentence.
pub(super) fn theme<'a>(
    text: &str,
    sentence: &Range<usize>,
    anchors: &'a [Anchor],
) -> Option<&'a Anchor> {
    let a = anchors.iter().find(|a| a.role == Role::Named)?;
    let head = &text[sentence.start..a.start];
    // `companies from China, South Korea and Turkey`: an item of a list is no subject; a
    // name after a time that opens the sentence (`In January-June, X ...`) is.
    let list_item = head.trim_end().strip_suffix(',').is_some_and(|h| {
        let opening_time = !h.contains(',')
            && super::sentence::plain_words(h).next().is_some_and(|w| {
                ["in", "for", "during", "over", "by", "since"].contains(&w.as_str())
            });
        !opening_time
            && h.trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
    });
    if list_item {
        return None;
    }
    let head = match head.rfind(", ") {
        Some(i) if i < 48 => &head[i + 2..],
        _ => head,
    };
    // At most five words: the tests below ask for two, or four, or the first.
    let words: Vec<String> = super::sentence::plain_words(head).take(5).collect();
    let allowed = [
        "the", "this", "that", "a", "an", "its", "their", "his", "her", "our",
    ];
    let subject = words.len() <= 2 && words.iter().all(|w| allowed.contains(&w.as_str()));
    // `The akim of East Kazakhstan region reported that ...`: the official of a place who
    // opens the sentence to report speaks of that place.
    let official = words.last().is_some_and(|w| w == "of")
        && super::sentence::plain_words(&text[a.start..sentence.end])
            .take(8)
            .any(|w| SUBJECT_CUES.report.contains(&w.as_str()))
        && {
            let role = words[..words.len() - 1]
                .iter()
                .skip_while(|w| *w == "the")
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            ROLE_PHRASES.contains(role.as_str())
        };
    // `In the neighbouring Chui region, a company ...`: a place that opens the sentence as
    // its setting, closed by a comma, is where what follows happens.
    let setting = words.first().is_some_and(|w| w == "in")
        && words.len() <= 4
        && a.kind.is_place()
        && text[a.start + a.len..].starts_with(',')
        && !text[sentence.start..a.start].contains(',');
    // `Промышленные предприятия Бухарской области выпустили ...`, `В 2024 году в Навоийской
    // области ...`: Russian puts what a sentence is about first, in whatever case, and the
    // next sentences go on about it.
    let russian_theme = a.kind.is_place()
        && text[a.start..].starts_with(|c: char| ('А'..='я').contains(&c))
        && words.len() <= 4
        && !text[sentence.start..a.start].contains(',');
    (subject || official || setting || russian_theme).then_some(a)
}

/// The zone or organisation a sentence names last: the next sentence of its paragraph that
/// names nothing goes on about it (`... reported on the special economic zone X. Since
/// its start, the production amounted to 10 billion tenge`).
/// A zone or organisation named after `in` or `at` only says where the one named before it
/// stands (`visited the Asma Industrial battery factory in the Taldykorgan industrial zone`):
/// the one before is the focus.
pub(super) fn focus<'a>(text: &str, anchors: &'a [Anchor]) -> Option<&'a Anchor> {
    let mut named = anchors
        .iter()
        .rev()
        .filter(|a| a.role == Role::Named)
        // Not a body that only says the sentence's figures (`the Damu Fund reported`); one
        // the sentence also names as doing something (`X placed bonds, the company said`).
        .filter(|a| {
            !speaks(text, a) || anchors.iter().any(|b| b.name == a.name && !speaks(text, b))
        })
        .filter(|a| matches!(a.kind, EntityKind::Zone | EntityKind::Organisation));
    let last = named.next()?;
    let located = {
        let from = text.floor_char_boundary(last.start.saturating_sub(24));
        let before = lower(text[from..last.start].trim_end()).into_owned();
        let before = before.strip_suffix("the").unwrap_or(&before).trim_end();
        ["in", "at", "within", "near"]
            .iter()
            .any(|p| before.ends_with(&format!(" {p}")))
    };
    let earlier = named.next().filter(|e| {
        e.kind == EntityKind::Organisation && e.name != last.name && {
            let between = &text[e.start + e.len..last.start];
            !between.contains(['.', ';'])
        }
    });
    match earlier {
        Some(e) if located => Some(e),
        _ => Some(last),
    }
}

/// Whether a sentence sums up (`In total, ...`, `Overall, ...`): it is about the document's
/// topic, not about what the sentences before it named.
pub(super) fn sums_up(text: &str, start: usize) -> bool {
    let head = text[start..].trim_start();
    let head = lower(&head[..head.floor_char_boundary(16)]);
    ["in total", "overall", "altogether", "in general", "in all"]
        .iter()
        .any(|o| head.starts_with(o))
}

/// `..., the Damu Fund reported.`: a mention that says the figures, whatever body it names;
/// what it reports is not about it. One after `according to` is no anchor at all (a
/// `source` of `subject_cues.tsv`, `anchors`).
fn speaks(text: &str, a: &Anchor) -> bool {
    // A place in a reporter's name (`the Council of Ministers of X said`) is still what the
    // text is about.
    if !matches!(a.kind, EntityKind::Organisation | EntityKind::Zone) {
        return false;
    }
    let after = text[a.start + a.len..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    text[a.start + a.len..].starts_with(' ')
        && after.is_some_and(|w| SUBJECT_CUES.report.contains(&lower(w).as_ref()))
}

/// Whether the place named at `start..end` follows an office of it that says the figures:
/// a title of `roles.tsv` and `of` (`the akim of`, `the district akim of`), with a verb of
/// saying right after the place (`the akim of X said`) or right before the title (`said the
/// akim of X`). One met after the saying (`said after meeting the akim of X`) says nothing.
fn office_of_place(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = lower(&text[from..start]);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some((&"of", rest)) = words.split_last() else {
        return false;
    };
    let says = |w: &str| SUBJECT_CUES.report.contains(&w);
    (1..=3.min(rest.len())).any(|n| {
        let title = &rest[..rest.len() - n];
        ROLE_PHRASES.contains(&rest[rest.len() - n..].join(" ")) && {
            let mut left = title.iter().rev().skip_while(|w| **w == "the");
            let said_before = left.next().is_some_and(|w| says(w));
            let after = text[end..]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .map(lower);
            said_before || after.is_some_and(|w| says(&w))
        }
    })
}

/// Whether the clause of `pos` has a word of one of `lists`: a verb of saying (`said`,
/// `reported`, `according to`) or of forecasting (`the bank expects`, `its forecast`).
fn clause_has(text: &str, s: &Sentence<'_>, pos: usize, lists: &[&[&str]]) -> bool {
    s.toks[s.clause_toks(s.clause_of(pos))].iter().any(|t| {
        let w = lower(t.text(text));
        lists.iter().any(|l| l.contains(&w.as_ref()))
    })
}

/// What follows a name written in the possessive (`Korea's Hanil Motors` gives `Hanil
/// Motors`), or `None`.
fn after_possessive<'t>(text: &'t str, a: &Anchor) -> Option<&'t str> {
    let after = text.get(a.start + a.len..).unwrap_or("");
    after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
}

/// `Uzbekistan's grew by 0.4%`, `Kyrgyzstan reported a fall of 5.3%`, `Tajikistan also
/// sold ...`: a country in the possessive, or one a verb of its own economy follows, is
/// what the figure is about even where the document is about another.
fn speaks_of_its_own(text: &str, a: &Anchor) -> bool {
    let after = text.get(a.start + a.len..).unwrap_or("");
    let cues = &*SUBJECT_CUES;
    // `Russia's companies invested`: a possessive of investors is an origin still.
    if let Some(rest) = after_possessive(text, a) {
        let next = rest.split_whitespace().next().unwrap_or("");
        return !cues
            .origin_nouns
            .contains(&next.trim_end_matches(|c: char| !c.is_alphanumeric()));
    }
    // The words before the country, nearest first.
    let before: Vec<&str> = text[..a.start].split_whitespace().rev().take(6).collect();
    // `exports to Kyrgyzstan rose`, `to neighbouring Uzbekistan`, `to the Kyrgyz Republic`,
    // `to Russia and Kazakhstan`, `from Russia, China, and Uzbekistan`: after a preposition,
    // past lower-case words and the names of a list, the country is a partner, whatever verb
    // follows. A comma after anything else (`grew by 0.4%, while Kyrgyzstan reported`) opens
    // a clause of its own.
    let partner = before
        .iter()
        .map(|w| {
            (
                w,
                w.trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            )
        })
        .take_while(|(w, _)| !w.ends_with(',') || w.starts_with(char::is_uppercase))
        .find(|(w, l)| !(w.starts_with(char::is_uppercase) || l == "and" || l == "the"))
        .is_some_and(|(_, l)| {
            matches!(
                l.as_str(),
                "to" | "from"
                    | "with"
                    | "into"
                    | "through"
                    | "via"
                    | "for"
                    | "by"
                    | "of"
                    | "than"
                    | "against"
                    | "in"
                    | "among"
                    | "between"
            ) || l.chars().all(char::is_lowercase)
                // `exports to neighbouring Uzbekistan`: one adjective after the preposition.
                && before
                    .get(1)
                    .is_some_and(|p| matches!(*p, "to" | "from" | "with" | "into"))
        });
    // `Trade among Kazakhstan, Uzbekistan and Tajikistan grew`: the last of a list of names
    // did not do it alone.
    let listed = before.first() == Some(&"and")
        && before
            .get(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    if !after.starts_with(' ') || partner || listed {
        return false;
    }
    let mut words = after
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    let mut next_verb = || match words.next() {
        Some("also" | "still" | "again") => words.next(),
        w => w,
    };
    // `Uzbekistan should still grow`, `China will invest`: after a modal, the verb it takes.
    let verb = match next_verb() {
        Some(m) if cues.modals.contains(&m) => next_verb(),
        v => v,
    };
    verb.is_some_and(|v| cues.own_verbs.contains(&v))
}

/// The subject the sentence itself ties figure `q` to, if it names one. A foreign country
/// (one the document's topic does not lie in) is a partner, a market or an origin
/// (`exports to China`, `the Netherlands accounted for 27%` of investment), never the
/// subject.
pub(super) fn subject(
    text: &str,
    q: &Quantity,
    s: &Sentence<'_>,
    anchors: &[Anchor],
    listed: &HashSet<usize>,
    within: &Containment,
    topic: Option<&str>,
) -> Option<String> {
    let foreign = |a: &Anchor| {
        topic.is_some_and(|t| t != a.name && !within.is_within(t, &a.name))
            && entities::lookup(&a.name).is_some_and(|p| p.kind == EntityKind::Country)
            && !speaks_of_its_own(text, a)
    };
    // `below the national 4.7%`: the country's figure set beside its place's, the country
    // the sentence names or else the one the document's topic lies in.
    let head = &text.as_bytes()[..q.span[0]];
    let national = head.len() >= 13
        && head[head.len() - 13..].eq_ignore_ascii_case(b"the national ")
        && head
            .get(head.len().wrapping_sub(14))
            .is_none_or(|b| !b.is_ascii_alphanumeric());
    if national {
        let named = anchors
            .iter()
            .find(|a| a.kind == EntityKind::Country)
            .map(|a| a.name.clone());
        let country = named.or_else(|| {
            topic
                .into_iter()
                .flat_map(|t| std::iter::once(t.to_string()).chain(within.ancestors(t)))
                .find(|n| entities::lookup(n).is_some_and(|p| p.kind == EntityKind::Country))
        });
        if country.is_some() {
            return country;
        }
    }
    let clause = s.clause_of(q.span[0]);
    // `the Ministry of Energy – 5 projects`, `в Павлодарской – на 8,3%`: a dash between a
    // name and the figure joins them, past a preposition of the figure at most.
    // `на третьем – Хатлонская область`: a place right after a rank and its dash is what
    // holds that place.
    let dash_joined = |a: &Anchor| {
        s.clause_of(a.start) + 1 == clause && {
            let between = text.get(a.start + a.len..q.span[0]).unwrap_or("");
            between
                .trim()
                .strip_prefix(['–', '—', '-'])
                .is_some_and(|rest| rest.trim().chars().count() <= 2)
        } || q.kind == QuantityKind::Rank
            && s.clause_of(a.start) == clause + 1
            && text
                .get(q.span[1]..a.start)
                .is_some_and(|between| matches!(between.trim(), "–" | "—" | "-"))
            // `из них 1 380 – в Самарканде`, `ещё 248 тыс. – на Жанаозен`: a dash and a
            // preposition of place after a part lead to where it is; after a whole it
            // opens a clause of its own (`380 тыс. тенге – в Алматы она выше`).
            || a.start >= q.span[1]
                && (s.clause_of(a.start) == clause || s.clause_of(a.start) == clause + 1)
                && text.get(q.span[1]..a.start).is_some_and(|between| {
                    between
                        .trim()
                        .strip_prefix(['–', '—'])
                        .is_some_and(|rest| matches!(rest.trim(), "в" | "во" | "на" | "in"))
                })
                && names_a_part(text, q)
    };
    // `1 место по РК`: the place right after a rank, past a preposition of scope, is where
    // the ranking is counted.
    let rank_scope = |a: &Anchor| {
        q.kind == QuantityKind::Rank
            && a.start >= q.span[1]
            && text.get(q.span[1]..a.start).is_some_and(|between| {
                let between = lower(between.trim());
                SUBJECT_CUES.rank_scope.contains(&between.as_ref())
            })
    };
    let usable: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| !listed.contains(&a.start) && !foreign(a) && !rank_scope(a))
        .filter(|a| match a.role {
            Role::Named | Role::Official => true,
            Role::RouteEnd => false,
            // A body is the subject only of what is split by it, never of what it reports.
            Role::Reporter => {
                (s.clause_of(a.start) == clause || dash_joined(a))
                    && !clause_has(
                        text,
                        s,
                        a.start,
                        &[&SUBJECT_CUES.report, &SUBJECT_CUES.forecasts],
                    )
            }
        })
        .collect();
    // `38% of all electricity produced in Kazakhstan`: the place after a share is its whole.
    // `37 kilometres of streets ... in the city` is no share. `a quarter of it in Taraz`: a
    // part of a figure before goes where its own `in` says.
    let share_of = matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiplier)
        && text[q.span[1]..].trim_start().starts_with("of ")
        && !part_in_a_place(text, q);
    let mut own: Vec<&Anchor> = usable
        .iter()
        .filter(|a| s.clause_of(a.start) == clause || dash_joined(a))
        .filter(|a| !(share_of && a.start > q.span[1]))
        .copied()
        .collect();
    // The commas of a list (`in Temirtau, Balkhash and Zhezkazgan`) do not end a clause:
    // the places listed with one of the clause's are the clause's too.
    if let (Some(&first), Some(&last)) = (own.first(), own.last()) {
        let pos = |a: &Anchor| usable.iter().position(|b| b.start == a.start);
        let (mut lo, mut hi) = (pos(first).unwrap_or(0), pos(last).unwrap_or(0));
        while lo > 0 && joined_in_list(text, &[usable[lo - 1], usable[lo]]) {
            lo -= 1;
        }
        while hi + 1 < usable.len() && joined_in_list(text, &[usable[hi], usable[hi + 1]]) {
            hi += 1;
        }
        for a in usable[lo..=hi].iter().copied() {
            if !own.iter().any(|b| b.start == a.start) {
                own.push(a);
            }
        }
        own.sort_by_key(|a| a.start);
    }
    let own_clause_names_none = own.is_empty();
    let mut pool: Vec<&Anchor> = if own.is_empty() {
        // `Samruk-Energy, the power holding of the Samruk-Kazyna fund, has placed ...`: a
        // clause that describes the name before it (`, the ...`, `, its ...`) names what that
        // one is, not what the figure is about.
        let in_apposition = |a: &Anchor| {
            let c = s.clause_of(a.start);
            let toks = s.clause_toks(c);
            // `Ulytau region, carved out of Karaganda region in 2022, produced ...`: a past
            // participle with its preposition opens such a clause too.
            let participle = s
                .toks
                .get(toks.start)
                .is_some_and(|t| t.kind == TokKind::Word && t.text(text).ends_with("ed"))
                && word_is(
                    text,
                    s.toks,
                    toks.start + 1,
                    &["out", "in", "by", "from", "of", "on", "at", "with", "into"],
                );
            // `Kara-Buura Mining, which works a deposit in Talas region, paid ...`, `X LLC, one of
            // the largest processors in Bukhara region, plans ...`: so does a relative clause.
            c > 0
                && c < clause
                && (participle
                    || word_is(
                        text,
                        s.toks,
                        toks.start,
                        &["the", "a", "an", "its", "which", "who", "one"],
                    ))
                && usable.iter().any(|b| {
                    b.start < a.start
                        && s.clause_of(b.start) + 1 == c
                        && text[b.start + b.len..s.toks[toks.start].start].trim() == ","
                })
        };
        let earlier: Vec<&Anchor> = usable
            .iter()
            .filter(|a| s.clause_of(a.start) < clause && !in_apposition(a))
            .copied()
            .collect();
        // `three districts — Jambay, Samarkand, and Urgut — for another 23%`: a list that
        // ends right before the figure's clause is what it speaks of, not the places
        // named further back.
        let mut lo = earlier.len().saturating_sub(1);
        while lo > 0 && joined_in_list(text, &[earlier[lo - 1], earlier[lo]]) {
            lo -= 1;
        }
        if earlier.len() >= 2 && lo + 1 < earlier.len() {
            earlier[lo..].to_vec()
        } else {
            earlier
        }
    } else {
        own
    };
    // `..., said Almaty Mayor Bakytzhan Sagintayev`: with nothing else named, the official
    // who reports stands for the place of their office.
    // So does the place an official of it holds, in the clause that says a quote
    // (`"We launched nine projects," the akim of Kostanay region said`).
    if pool.is_empty() {
        pool = usable
            .iter()
            .filter(|a| {
                a.role == Role::Official
                    || a.kind.is_place()
                        && a.start > q.span[1]
                        && office_of_place(text, a.start, a.start + a.len)
                        && clause_has(text, s, a.start, &[&SUBJECT_CUES.report])
            })
            .copied()
            .collect();
    }
    // An official stands for a place only where nothing is named.
    let named: Vec<&Anchor> = pool
        .iter()
        .filter(|a| a.role != Role::Official)
        .copied()
        .collect();
    let pool = if named.is_empty() { pool } else { named };
    let pool: Vec<&Anchor> = if pool.iter().any(|a| !a.gives_way) {
        pool.into_iter().filter(|a| !a.gives_way).collect()
    } else {
        pool
    };
    // `The Asian Development Bank has approved $100 million for the road`, `EDB to lend $46
    // million to Kok-Jar Energy`: a bank that lends is where the money comes from; the
    // figure is about the borrower or the place, else what the document is about.
    // A fund lends only where the clause speaks of loans (`subsidised interest on 312 bank
    // loans`); one that finances operations or pensions spends its own money.
    let is_bank = |a: &Anchor| {
        a.kind == EntityKind::Organisation
            && a.name
                .split(' ')
                .any(|w| w == "Bank" || w == "Fund" && speaks_of_loans(text, s, clause))
    };
    let pool: Vec<&Anchor> = if pool.iter().any(|a| is_bank(a)) && lending_clause(text, s, clause) {
        let borrowers: Vec<&Anchor> = pool.iter().filter(|a| !is_bank(a)).copied().collect();
        if borrowers.is_empty() {
            return None;
        }
        borrowers
    } else {
        pool
    };
    // `the Ministry of Energy – 5 projects`: the name the dash joins to the figure labels it.
    if let Some(a) = pool.iter().find(|a| dash_joined(a)) {
        return Some(a.name.clone());
    }
    // `UzAuto Motors assembled 162,400 cars at its Asaka plant`, `the plant that Kazakhstan
    // Petrochemical Industries is building in the technopark will cost $7.4 billion`: an
    // organisation before the figure in its clause does what is counted, and the places
    // the clause puts after `in` or `at` say where it does it. So does one in the clauses
    // before, when the figure's own names nothing (`The largest, a plant of Aktobe
    // Ferroalloys near Khromtau, cost 92 billion tenge`).
    // Or one that is the sentence's subject, set apart from the figure's clause only by an
    // apposition (`Zhasyl Alqap, a local vegetable grower, has opened ...`).
    let named_org_before = |a: &Anchor| {
        a.kind == EntityKind::Organisation && a.role == Role::Named && a.start < q.span[0]
    };
    let doer = pool
        .iter()
        .rev()
        .find(|a| named_org_before(a) && (s.clause_of(a.start) == clause || own_clause_names_none))
        .or_else(|| {
            usable.iter().rev().find(|a| {
                named_org_before(a) && apposed_subject(text, s, s.clause_of(a.start), clause)
            })
        });
    if let Some(doer) = doer {
        let sentence_start = s.toks.first().map_or(0, |t| t.start);
        // `India's Sahyadri Oil Industries`, `Korea's Hanil Motors`: the country in a
        // possessive before a company's name tells where the company is from.
        let origin_of_org = |a: &Anchor| {
            after_possessive(text, a).is_some_and(|rest| {
                let at = text.len() - rest.len();
                usable
                    .iter()
                    .any(|b| b.start == at && b.kind == EntityKind::Organisation)
            })
        };
        let mut places = pool
            .iter()
            .filter(|a| a.kind != EntityKind::Organisation && !origin_of_org(a))
            .peekable();
        // `in Zhezkazgan and Balkhash`, `in Karasay district of Almaty region`: a place
        // listed after a located one, or the one that holds it, is located too.
        let mut prev_located = false;
        if places.peek().is_some()
            && places.all(|a| {
                prev_located = located(text, sentence_start, a.start)
                    || prev_located
                        && (listed_after(text, a.start) || text[..a.start].ends_with(" of "));
                prev_located
            })
        {
            return Some(doer.name.clone());
        }
    }
    let cands = narrowest(&pool, within);
    // `in the region ... in Karaganda, Temirtau and Zhezkazgan`, `in Jambay, Samarkand and
    // Urgut`: several places named jointly speak of the place that holds them all.
    let distinct: Vec<&str> = {
        let mut seen: Vec<&str> = Vec::new();
        for a in &cands {
            if !seen.contains(&a.name.as_str()) {
                seen.push(a.name.as_str());
            }
        }
        seen
    };
    if distinct.len() >= 2 {
        if let Some(container) = pool
            .iter()
            .find(|c| distinct.iter().all(|n| within.is_within(n, &c.name)))
        {
            return Some(container.name.clone());
        }
        if joined_in_list(text, &cands) {
            if let Some(container) = within.common_container(&distinct) {
                return Some(container);
            }
        }
    }
    // The nearest, edge to edge: `Namangan region (114.6%) and Surkhandarya region`. A name
    // after the figure that stands nearer the next figure is that one's (`Khatlon region sent
    // 231,000 migrants and Sughd region 174,000`).
    let next_figure = s
        .figure_starts
        .iter()
        .map(|&(_, start)| start)
        .find(|&start| start >= q.span[1]);
    cands
        .iter()
        .min_by_key(|a| {
            if a.start >= q.span[1] {
                let to_next = next_figure
                    .filter(|&n| n >= a.start + a.len)
                    .map(|n| n - (a.start + a.len));
                let distance = a.start - q.span[1];
                // A new conjunct (`and Sughd region`), not the figure's own place (`2,480 in
                // the city of Aktau and 1,730 ...`).
                let gap = text[q.span[1]..a.start].trim_start();
                let conjunct =
                    gap.starts_with([',', ';']) || gap.starts_with("and ") || gap.starts_with("и ");
                // `40% in Maktaaral district and 27% in the new Zhetysai district`: a place
                // (not a body: `first in the Ministry's ranking`) the figure's own `in` leads
                // to, past up to two lower-case words (`the new`), is its own.
                let own_in = a.kind.is_place() && {
                    let mut words = gap.split_whitespace();
                    matches!(words.next(), Some("in" | "at"))
                        && words.clone().count() <= 2
                        && words.all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                };
                if conjunct && to_next.is_some() {
                    distance + text.len()
                } else if own_in {
                    0
                } else {
                    distance
                }
            } else {
                q.span[0].saturating_sub(a.start + a.len)
            }
        })
        .map(|a| a.name.clone())
}

/// `Zhasyl Alqap, a local vegetable grower, has opened a greenhouse ...`: whether the
/// name in clause `named` is the grammatical subject of clause `clause`, set apart from its
/// predicate only by an apposition (the clause between opens with an article or `which`,
/// and the figure's clause with a verb).
fn apposed_subject(text: &str, s: &Sentence<'_>, named: usize, clause: usize) -> bool {
    // `A Turkish company, Bosphorus Kimya Industries, will build ...`: the name may be the
    // apposition itself, of a description that opens the sentence.
    let aside = if named + 2 == clause {
        s.clause_toks(named + 1).start
    } else if named + 1 == clause && named > 0 {
        s.clause_toks(named - 1).start
    } else {
        return false;
    };
    let predicate = s.clause_toks(clause).start;
    word_is(
        text,
        s.toks,
        aside,
        &["a", "an", "the", "its", "which", "who", "one"],
    ) && s.toks.get(predicate).is_some_and(|t| {
        t.kind == TokKind::Word
            && (t.is_word_in(
                text,
                &[
                    "has", "have", "had", "will", "is", "was", "are", "were", "plans", "intends",
                    "expects", "aims", "can", "could",
                ],
            ) || t.text(text).ends_with("ed") && t.text(text).starts_with(char::is_lowercase))
    })
}

/// Whether clause `clause` of the sentence speaks of lending (`lend`, `a loan of`,
/// `approved`, `credit`, `financing`).
fn lending_clause(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    let toks = s.clause_toks(clause);
    s.has_word_starting(text, toks.clone(), LOAN_WORDS)
        || s.has_word_starting(
            text,
            toks,
            &[
                "approv",
                "financ",
                "заем",
                "финансир",
                "профинансир",
                "одобр",
            ],
        )
}

/// The stems of lending a clause of a bank's or a fund's figure may hold.
const LOAN_WORDS: &[&str] = &["lend", "lent", "loan", "credit", "займ", "заём", "кредит"];

/// Whether clause `clause` speaks of loans, lent, subsidised or guaranteed: what makes a
/// fund a lender.
fn speaks_of_loans(text: &str, s: &Sentence<'_>, clause: usize) -> bool {
    let toks = s.clause_toks(clause);
    s.has_word_starting(text, toks.clone(), LOAN_WORDS)
        || s.has_word_starting(text, toks, &["subsid", "guarant", "субсид", "гарант"])
}

/// Whether the mention at `start` follows `and`, `or` or a comma: an item of a list.
fn listed_after(text: &str, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(8));
    let before = text[from..start].trim_end();
    before.ends_with(',') || before.ends_with(" and") || before.ends_with(" or")
}

/// Whether the mention at `start` follows a preposition of place (`in`, `at its`, `near
/// the`), so it says where something is done rather than who does it.
fn located(text: &str, sentence_start: usize, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(24).max(sentence_start));
    let before = lower(text[from..start].trim_end());
    let mut words = before.split_whitespace().rev();
    let mut w = words.next();
    if matches!(w, Some("the" | "its" | "their" | "his" | "her")) {
        w = words.next();
    }
    matches!(
        w,
        Some(
            "in" | "at"
                | "near"
                | "across"
                | "throughout"
                | "outside"
                | "в"
                | "во"
                | "под"
                | "близ"
        )
    )
}

/// `Temirtau, the region's steel town`: a reference back after a comma describes the name
/// before it; it is no item of a list.
fn appositive(text: &str, start: usize) -> bool {
    text[start..].starts_with("the ") || text[start..].starts_with("its ")
}

/// Whether the anchors stand next to each other as a list (`A, B and C`, `A and B`).
fn joined_in_list(text: &str, anchors: &[&Anchor]) -> bool {
    anchors.windows(2).all(|w| {
        let (a, b) = (w[0], w[1]);
        if appositive(text, b.start) {
            return false;
        }
        only_list_joiners(text.get(a.start + a.len..b.start).unwrap_or("x"))
    })
}

/// Whether the text between two names holds only what joins a list (`, `, `and`, `or`,
/// `и`, `или`), or nothing.
fn only_list_joiners(between: &str) -> bool {
    between
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .all(|w| matches!(w, "and" | "or" | "и" | "или"))
}

/// Whether a name is a place on the map (a region, a city), not a zone or a company.
pub(super) fn is_place(name: &str) -> bool {
    entities::lookup(name).is_some_and(|p| p.kind.is_place())
}
