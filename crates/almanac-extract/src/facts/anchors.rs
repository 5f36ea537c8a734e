//! The candidates for a figure's subject (`anchors`).
//!
//! Every mention of a place or organisation is an `Anchor`, with what it is in the text: a
//! name, a reference back (`the region`), an official standing for the place of their office
//! (`the akim of Almaty`), or a reporter (a ministry, an agency, a news outlet, a statistics
//! office, a body that forecasts) that tells the figure rather than being what it is about,
//! or the end of a route (`the Aktau – Zhetybai road`), which is never a figure's subject. A
//! news agency in a dateline is no anchor.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::data;
use crate::entities::{self, Entity, EntityKind};
use crate::tokens::lower;

/// What a mention is in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A place or organisation named, or referred back to (`the region`).
    Named,
    /// A body that reports figures (ministry, agency, news outlet, statistics office).
    Reporter,
    /// A person standing for the place of their office (`the akim of Almaty`).
    Official,
    /// An end of a route (`the Aktau – Zhetybai road`): it tells what the document is
    /// about, but no figure is about it.
    RouteEnd,
}

/// A place or organisation at a position of the text.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    pub start: usize,
    pub len: usize,
    pub name: String,
    pub kind: EntityKind,
    pub role: Role,
    /// A reference back that gives way to a name in its clause: Russian `регион` (`наш
    /// регион обогнала Атырауская область`), which says less of what the clause is about
    /// than `the region` does in English.
    pub gives_way: bool,
}

/// The roles of `data/roles.tsv`, in lower case.
pub(super) static ROLE_PHRASES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data::ROLES
        .load(|row| Ok(row.get(0).to_lowercase()))
        .into_iter()
        .collect()
});

/// The words of `data/subject_cues.tsv`.
pub(crate) struct SubjectCues {
    /// Words just before a mention that make it a source, origin or partner (`from`, `by`).
    source: Vec<&'static str>,
    /// Verbs of saying: a clause with one of these tells who reports.
    pub(super) report: Vec<&'static str>,
    /// Heads of the names of bodies that report (`Ministry`, `Committee`, `Agency`).
    reporter_heads: Vec<&'static str>,
    /// Words that open a sentence about what the sentence before was about (`Its`, `The
    /// plant`), and the length of the longest.
    pub(super) anaphors: HashSet<&'static str>,
    pub(super) longest_anaphor: usize,
    /// The anaphors that name a works or a company (`The mill`, `Завод`), not a place.
    pub(super) works: HashSet<&'static str>,
    /// Participles of doing after which `by` names who does the thing counted
    /// (`implemented by`), not a source.
    agent_verbs: Vec<&'static str>,
    /// Prepositions between a rank and the place it is counted in (`1 место по РК`,
    /// `ranks fifth in Kazakhstan`): that place is the ranking's scope, not what is ranked.
    pub(super) rank_scope: Vec<&'static str>,
    /// Verbs right after a country's name that make the figure that country's own.
    pub(super) own_verbs: Vec<&'static str>,
    /// Modals before such a verb (`should grow`).
    pub(super) modals: Vec<&'static str>,
    /// Nouns after a country's possessive that make it an origin (`Russia's companies`).
    pub(super) origin_nouns: Vec<&'static str>,
    /// Words before a body's name that make it one that analyses or forecasts.
    analysts: Vec<&'static str>,
    /// Words of forecasting (`expects`, `forecast`, `прогноз`).
    pub(super) forecasts: Vec<&'static str>,
    /// Nouns of time after `this` (`This year`): the opening is a time, no anaphor.
    pub(super) time_nouns: Vec<&'static str>,
    /// Words that make an organisation after them a partner (`jointly with`, `совместно с`).
    partners: Vec<&'static str>,
    /// Nouns for a company between a partner's words and its name (`firm`, `компанией`).
    partner_nouns: Vec<&'static str>,
    /// Events a place after them is where they were held (`briefing`, `форуме`).
    venues: Vec<&'static str>,
}

pub(crate) static SUBJECT_CUES: LazyLock<SubjectCues> = LazyLock::new(|| {
    let mut cues = SubjectCues {
        source: Vec::new(),
        report: Vec::new(),
        reporter_heads: Vec::new(),
        anaphors: HashSet::default(),
        longest_anaphor: 0,
        works: HashSet::default(),
        agent_verbs: Vec::new(),
        rank_scope: Vec::new(),
        own_verbs: Vec::new(),
        modals: Vec::new(),
        origin_nouns: Vec::new(),
        analysts: Vec::new(),
        forecasts: Vec::new(),
        time_nouns: Vec::new(),
        partners: Vec::new(),
        partner_nouns: Vec::new(),
        venues: Vec::new(),
    };
    for (class, word) in data::SUBJECT_CUES.load(|r| {
        let class = r.choice(
            0,
            &[
                ("source", 0),
                ("report", 1),
                ("reporter_head", 2),
                ("anaphor", 3),
                ("agent_verb", 4),
                ("rank_scope", 5),
                ("own_verb", 6),
                ("analyst", 7),
                ("forecast", 8),
                ("modal", 9),
                ("origin_noun", 10),
                ("time_noun", 11),
                ("works", 12),
                ("partner", 13),
                ("partner_noun", 14),
                ("venue", 15),
            ],
            None,
        )?;
        Ok((class, r.get(1)))
    }) {
        if class == 12 {
            cues.works.insert(word);
        }
        if class == 3 || class == 12 {
            cues.anaphors.insert(word);
            cues.longest_anaphor = cues.longest_anaphor.max(word.len());
            continue;
        }
        let list = match class {
            0 => &mut cues.source,
            1 => &mut cues.report,
            2 => &mut cues.reporter_heads,
            4 => &mut cues.agent_verbs,
            5 => &mut cues.rank_scope,
            6 => &mut cues.own_verbs,
            7 => &mut cues.analysts,
            8 => &mut cues.forecasts,
            9 => &mut cues.modals,
            10 => &mut cues.origin_nouns,
            11 => &mut cues.time_nouns,
            13 => &mut cues.partners,
            14 => &mut cues.partner_nouns,
            _ => &mut cues.venues,
        };
        list.push(word);
    }
    // Longest first, so that `according to` is tried before `to`.
    cues.source.sort_by_key(|w| std::cmp::Reverse(w.len()));
    cues
});

/// Whether an organisation reports figures rather than being what they are about: a state
/// body or a news outlet (gazetteer flags), or a name headed like one (`Ministry of ...`).
fn is_reporter(e: &Entity) -> bool {
    if e.kind != EntityKind::Organisation {
        return false;
    }
    if let Some(place) = entities::lookup(&e.name) {
        return !place.company;
    }
    let words: Vec<&str> = e.name.split_whitespace().collect();
    SUBJECT_CUES.reporter_heads.iter().any(|h| {
        words.iter().any(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case(h)
        })
    })
}

/// Whether an organisation analyses or forecasts in this text (`analysts at Steppe
/// Capital`, `Registan Advisory, a Tashkent consultancy, estimates`, `the bank expects 4%`):
/// then it reports the figures it gives, as a ministry does, and is their subject only where
/// a figure is split by it. A company named with its legal form (`Steppe Gold LLP expects
/// output of ...`) forecasts its own figures.
fn forecasts(text: &str, e: &Entity) -> bool {
    let cues = &*SUBJECT_CUES;
    let word = |w: &str| lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned();
    // A company the gazetteer knows forecasts its own figures (`КТЖ ожидает ...`).
    e.kind == EntityKind::Organisation
        && !entities::lookup(&e.name).is_some_and(|p| p.company)
        && e.mentions.iter().filter(|m| !m.reference).any(|m| {
            let from = text.floor_char_boundary(m.span[0].saturating_sub(60));
            let before = text[from..m.span[0]]
                .rsplit(['.', '\n', ':', ';'])
                .next()
                .unwrap_or("");
            // `analysts at X`, `аналитики компании «X»`; not `Experts say X invested`.
            let analysed = before
                .split_whitespace()
                .rev()
                .take(4)
                .map(word)
                .take_while(|w| !cues.report.contains(&w.as_str()))
                .any(|w| cues.analysts.contains(&w.as_str()));
            // `Registan Advisory, a Tashkent consultancy, estimates`: past an apposition.
            let to = text.floor_char_boundary((m.span[1] + 80).min(text.len()));
            let mut after = &text[m.span[1]..to];
            if after.starts_with(", a ") || after.starts_with(", an ") {
                after = after[1..].find(',').map_or("", |i| &after[i + 2..]);
            }
            let after: Vec<String> = after
                .split(['.', ';', ':', ','])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(5)
                .map(word)
                .collect();
            let forecast = after
                .iter()
                .take(4)
                .position(|w| cues.forecasts.contains(&w.as_str()));
            let own = forecast.is_some_and(|k| {
                after
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "to" | "its" | "свой" | "своего"))
            });
            analysed || forecast.is_some() && !own && !entities::has_legal_form(&e.name)
        })
}

fn is_dateline(text: &str, span: [usize; 2], paragraphs: &[Range<usize>]) -> bool {
    if in_a_datelines_agency(text, span, paragraphs) {
        return true;
    }
    // `TARAZ (Agency) - ...`: the agency in the brackets of a dateline.
    let paragraph = paragraphs.partition_point(|p| p.start <= span[0]);
    if let Some(p) = paragraph.checked_sub(1).map(|k| &paragraphs[k]) {
        let place = text[p.start..span[0]].trim_end().strip_suffix('(');
        let after = text[span[1]..].trim_start().strip_prefix(')');
        if let (Some(place), Some(after)) = (place, after) {
            if after.trim_start().starts_with(['–', '—', '-'])
                && place.len() <= 40
                && place.chars().any(char::is_alphabetic)
                && !place.chars().any(char::is_lowercase)
            {
                return true;
            }
        }
    }
    if paragraphs
        .binary_search_by_key(&span[0], |p| p.start)
        .is_err()
    {
        return false;
    }
    let name = &text[span[0]..span[1]];
    let rest = text[span[1]..].trim_start();
    let capitals = name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() > 2;
    // `Kazakhstan–Tajikistan trade`: a dash with no space on either side joins two names.
    let dash_apart = rest.starts_with(['–', '—', '-'])
        && (text[span[1]..].starts_with(char::is_whitespace)
            || rest[rest.chars().next().map_or(0, char::len_utf8)..]
                .starts_with(char::is_whitespace));
    // `Atyrau region — 3,214.5`: a row of a table, whose dash leads to its number.
    let row = rest
        .strip_prefix(['–', '—', '-'])
        .is_some_and(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    !row && (dash_apart
        || capitals && (rest.starts_with(['.', ',', '(']) || rest.starts_with(['–', '—'])))
}

/// `ASTANA. Astana Business Wire – ...`, `ТАШКЕНТ. «Ташкент Пресс» – ...`: a place inside
/// the name of the agency a dateline gives, between the city in capitals and the dash.
fn in_a_datelines_agency(text: &str, span: [usize; 2], paragraphs: &[Range<usize>]) -> bool {
    let at = paragraphs.partition_point(|p| p.start <= span[0]);
    // A mention past its paragraph's end (in a gap between paragraphs) is in none.
    let Some(p) = at
        .checked_sub(1)
        .map(|k| &paragraphs[k])
        .filter(|p| span[1] <= p.end)
    else {
        return false;
    };
    // A dateline opens its paragraph: a city, a mark and an agency of a few words.
    if span[0] - p.start > 64 {
        return false;
    }
    let head = &text[p.start..span[0]];
    let Some(stop) = head.find(['.', ',']) else {
        return false;
    };
    let city = &head[..stop];
    let city_in_capitals = city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !city.chars().any(char::is_lowercase)
        && city
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let capitalised = |words: &str| {
        words
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| matches!(c, '«' | '»' | '"' | '“' | '”')))
            .all(|w| w.is_empty() || w.starts_with(char::is_uppercase))
    };
    let before = &head[stop + 1..];
    let rest = &text[span[1]..text.floor_char_boundary((span[1] + 48).min(p.end))];
    let to_dash = [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| rest.find(d))
        .min();
    city_in_capitals
        && before.len() <= 40
        && capitalised(before)
        && to_dash.is_some_and(|k| capitalised(&rest[..k]) && !rest[..k].contains('.'))
}

/// The places and organisations named in the text. A dateline, an origin (`a Chinese
/// company`, `investors from Russia`) and a source (`according to the Statistics Committee`)
/// are no anchors; a person is one only for the place of their office.
pub(super) fn anchors<'e>(
    text: &str,
    entities: &'e [Entity],
    paragraphs: &[Range<usize>],
    adjectives: &mut Vec<(usize, &'e str)>,
    russian: bool,
) -> Vec<Anchor> {
    let cues = &*SUBJECT_CUES;
    let mut res = Vec::new();
    for e in entities {
        let (name, kind, role) = match e.kind {
            EntityKind::Person => match e.role_of.as_deref().and_then(entities::lookup) {
                Some(p) if p.kind.is_place() && p.kind != EntityKind::Country => {
                    (p.name.to_string(), p.kind, Role::Official)
                }
                _ => continue,
            },
            _ if is_reporter(e) || forecasts(text, e) => (e.name.clone(), e.kind, Role::Reporter),
            _ => (e.name.clone(), e.kind, Role::Named),
        };
        let place = entities::lookup(&e.name);
        // `placed bonds on the Astana International Exchange`: the market is no subject.
        if place.is_some_and(|p| p.venue) {
            continue;
        }
        for m in &e.mentions {
            if is_dateline(text, m.span, paragraphs) {
                continue;
            }
            let adjective =
                place.is_some_and(|p| p.adjectives.iter().any(|a| a.eq_ignore_ascii_case(&m.text)));
            if adjective {
                adjectives.push((m.span[0], e.name.as_str()));
                continue;
            }
            // `the China-Europe-China route`: places joined by hyphens name a route or a
            // corridor, not a place a figure is about.
            let hyphen_before = text[..m.span[0]].ends_with('-')
                && text[..m.span[0] - 1].ends_with(|c: char| c.is_alphabetic());
            let hyphen_after = text[m.span[1]..].starts_with('-')
                && text[m.span[1] + 1..].starts_with(|c: char| c.is_uppercase());
            if hyphen_before || hyphen_after {
                continue;
            }
            let role = if on_route(text, m.span) {
                Role::RouteEnd
            } else {
                role
            };
            let mut from = m.span[0].saturating_sub(24);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let before = lower(text[from..m.span[0]].trim_end()).into_owned();
            let before = before.strip_suffix(" the").unwrap_or(&before);
            let source_or_origin = cues.source.iter().any(|w| {
                before.strip_suffix(w).is_some_and(|b| {
                    (b.is_empty() || b.ends_with([' ', '(', ',']))
                        && !(*w == "by" && agentive(b))
                        && !(*w == "with" && does_after(text, m.span[1]))
                })
            });
            // `больше, чем в Алматы`: a place a Russian figure is compared with.
            let comparator = russian && crate::ru::subject::compared_with(text, m.span[0]);
            let partner =
                kind == EntityKind::Organisation && introduced_as_partner(text, m.span[0]);
            let venue = kind.is_place() && where_it_was_held(text, m.span[0]);
            if source_or_origin
                || comparator
                || partner
                || venue
                || describes_a_name(before, &text[m.span[1]..])
            {
                continue;
            }
            res.push(Anchor {
                start: m.span[0],
                len: m.span[1] - m.span[0],
                name: name.clone(),
                kind,
                role,
                gives_way: russian && m.reference,
            });
        }
    }
    res.sort_by_key(|a| a.start);
    res
}

/// `said at a briefing in Astana`, `the forum held in Nurafshon`, `на форуме в Павлодаре`: a
/// place after an event (`venue` of `subject_cues.tsv`), at most three words of whose it
/// was, and `in` or `в` is where the event was held; the figures told there are about what
/// the text is about.
fn where_it_was_held(text: &str, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(96));
    let before = &text[from..start];
    let clause = before
        .rsplit([',', '.', ';', ':', '('])
        .next()
        .unwrap_or(before);
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    match words.as_slice() {
        [.., "held", "in"] => words.truncate(words.len() - 2),
        [.., "in" | "в" | "во"] => words.truncate(words.len() - 1),
        _ => return false,
    }
    // Up to three words of a name may say whose event it was (`на инвестфоруме Павлодарской
    // области в Экибастузе`); no other words (`The meeting approved 5 schools in Aktobe`).
    let of_a_name = |w: &str| {
        w.starts_with(char::is_uppercase)
            || matches!(
                w,
                "region" | "district" | "city" | "области" | "района" | "города"
            )
    };
    let is_venue = |w: &str| SUBJECT_CUES.venues.contains(&w);
    for _ in 0..=3 {
        let Some(&last) = words.last() else {
            return false;
        };
        let two = words
            .len()
            .checked_sub(2)
            .map(|k| lower(&words[k..].join(" ")).into_owned());
        if is_venue(&lower(last)) || two.as_deref().is_some_and(is_venue) {
            return true;
        }
        if !of_a_name(last) {
            return false;
        }
        words.pop();
    }
    false
}

/// `jointly with the Indian company X`, `совместно с индийской компанией «X»`, `с участием
/// южнокорейской компании «X»`, `a joint venture of local investors and the Chinese firm X`:
/// an organisation named as the partner of the one a text is about, at most a company noun
/// and two words of origin (`Chinese`, `South Korean`, `индийской`) after the cue. The
/// project, its cost and its jobs are the other's. Not a bare `with` (`signed with the
/// Turkish company X` names the investor), nor the venture itself (`совместное предприятие
/// ООО «X»`).
fn introduced_as_partner(text: &str, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(72));
    let before = &text[from..start];
    if partner_in_apposition(before) {
        return true;
    }
    let clause = before.rsplit([',', '.', ';', '(']).next().unwrap_or(before);
    let lower_clause = lower(clause);
    // `built in Pavlodar with China's Tianshan Alloys`: a foreign company worked with; not
    // one a deal is signed with, which invests.
    let trimmed = lower_clause.trim_end();
    if let Some(owner) = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
    {
        let mut words = owner.split_whitespace().rev();
        let deal = || {
            ["signed", "agreement", "deal", "memorand"]
                .iter()
                .any(|w| lower_clause.contains(w))
        };
        if words.next().is_some() && words.next() == Some("with") && !deal() {
            return true;
        }
    }
    // An apposition (`X, a joint venture of A and B`), not the sentence's subject (`The joint
    // venture of A and B produced`).
    if lower_clause.contains("a joint venture of") {
        return true;
    }
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    let drop_article = |words: &mut Vec<&str>| {
        if words
            .last()
            .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
        {
            words.pop();
        }
    };
    drop_article(&mut words);
    if words
        .last()
        .is_some_and(|w| SUBJECT_CUES.partner_nouns.contains(&lower(w).as_ref()))
    {
        words.pop();
    }
    // Words of origin: capitalised in English, adjectives in Russian (not a pronoun: `с
    // ним`, `с этим`).
    let mut origins = 0;
    for _ in 0..2 {
        let origin = words.last().is_some_and(|w| {
            let cyrillic_adjective = ["ой", "ий", "ей", "ым", "им", "ых", "их"]
                .iter()
                .any(|e| w.ends_with(e))
                && w.chars().count() >= 6
                && w.starts_with(|c: char| c.is_lowercase() && !c.is_ascii());
            (w.starts_with(|c: char| c.is_ascii_uppercase()) || cyrillic_adjective)
                && w.chars().all(char::is_alphabetic)
        });
        if !origin {
            break;
        }
        words.pop();
        origins += 1;
    }
    drop_article(&mut words);
    let head = lower(&words.join(" ")).into_owned();
    // `с участием`, `при участии` name a partner from abroad (`с участием южнокорейской
    // компании`); a company of the country may be the one that does the work (`с участием
    // АО «Казахтелеком» проложено 300 км`).
    SUBJECT_CUES.partners.iter().any(|c| {
        head.strip_suffix(c)
            .is_some_and(|b| b.is_empty() || b.ends_with(' '))
            && (origins > 0 || !c.ends_with("участием") && !c.ends_with("участии"))
    })
}

/// `built with a Chinese partner, Xinjiang Energy,`: the name of the one partner the clause
/// before its comma worked with. Without `with` the partner may be the one that acts (`Its
/// Chinese partner, Xinjiang Energy, will invest $50 million`), and so may the name after a
/// clause that opens on it (`With a Chinese partner, X built ...`).
fn partner_in_apposition(before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let clause = head.rsplit([',', '.', ';', '(']).next().unwrap_or(head);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let Some(with) = words.iter().rposition(|w| w.eq_ignore_ascii_case("with")) else {
        return false;
    };
    with > 0
        && words.len() - with <= 5
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("partner"))
        && words.get(with + 1).is_some_and(|w| {
            ["a", "an", "its", "their"]
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a))
        })
}

/// `Steppe Capital, an Almaty broker, expects ...`: a place between `, a` and one noun that
/// closes an apposition says where the body named before sits, not what a figure is about.
fn describes_a_name(before: &str, after: &str) -> bool {
    if !(before.ends_with(", a") || before.ends_with(", an")) {
        return false;
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let noun_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    noun_end > 0
        && rest.starts_with(|c: char| c.is_lowercase())
        && rest[noun_end..].starts_with([',', ')', '.'])
}

/// `the Aktau – Zhetybai road`, `the Almaty - Bishkek highway`: places joined by a spaced
/// dash before a word for a route name its ends, not a place a figure is about.
fn on_route(text: &str, span: [usize; 2]) -> bool {
    const ROUTES: &[&str] = &[
        "road",
        "highway",
        "motorway",
        "railway",
        "route",
        "corridor",
        "line",
        "pipeline",
        "expressway",
        "section",
    ];
    let dash = |s: &str| s.starts_with(['–', '—', '-']);
    // Each end of the route: a capitalised word or two, then the route word.
    let ends_in_route = |rest: &str| {
        let words: Vec<&str> = rest.split_whitespace().take(3).collect();
        words.iter().enumerate().any(|(k, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            ROUTES.contains(&w) && words[..k].iter().all(|v| v.starts_with(char::is_uppercase))
        })
    };
    let after = text[span[1]..].trim_start();
    let before_end = text[..span[0]].trim_end();
    // `a railway line from Darbaza station to Maktaaral district`: the far end of a route
    // told from one end to the other (the near one, after `from`, is an origin already).
    let window = &text[text.floor_char_boundary(span[0].saturating_sub(90))..span[0]];
    if let Some(head) = window.strip_suffix("to ").filter(|h| h.ends_with(' ')) {
        if let Some(k) = head.rfind(" from ") {
            let between = &head[k + 6..];
            let route_before = head[..k]
                .split_whitespace()
                .rev()
                .take(3)
                .any(|w| ROUTES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
            if route_before
                && between.starts_with(char::is_uppercase)
                && !between.contains([',', ';', '.'])
            {
                return true;
            }
        }
    }
    // A hyphen joins a route's ends only with spaces around it (`Jalal-Abad` is one name);
    // an en or em dash joins them written close too (`the Bishkek–Osh road`).
    let after_dash = after
        .strip_prefix(['–', '—', '-'])
        .filter(|_| text[span[1]..].starts_with([' ', '–', '—']))
        .map(str::trim_start);
    // `автодороги Актобе – Кандыагаш`: a Russian route word stands before its ends.
    let russian_route_before = |head: &str| {
        const ROUTES_RU: &[&str] = &[
            "автодорог",
            "дорог",
            "трасс",
            "магистрал",
            "маршрут",
            "газопровод",
            "трубопровод",
            "линии",
        ];
        head.split_whitespace()
            .next_back()
            .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
            .is_some_and(|w| ROUTES_RU.iter().any(|r| w.starts_with(r)))
    };
    if let Some(rest) = after_dash {
        if rest.starts_with(char::is_uppercase)
            && (ends_in_route(rest) || russian_route_before(before_end))
        {
            return true;
        }
    }
    let after_an_end = before_end.ends_with(['–', '—', '-'])
        && (text[..span[0]].ends_with(' ') || text[..span[0]].ends_with(['–', '—']))
        && !dash(after);
    // The first end is one word (`Актобе – Кандыагаш`): the route word stands before it.
    let first_end_head = || {
        let head = before_end.trim_end_matches(['–', '—', '-']).trim_end();
        head.rsplit_once(char::is_whitespace)
            .is_some_and(|(head, _)| russian_route_before(head))
    };
    after_an_end && (ends_in_route(after) || first_end_head())
}

/// `with the Angren zone alone producing goods worth ...`: a name after `with` that a
/// participle follows does what the clause says; it is no partner.
fn does_after(text: &str, end: usize) -> bool {
    let rest = &text[end..text.floor_char_boundary(end + 40)];
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next();
    let participle = |w: Option<&str>| w.is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
    participle(first)
        || first.is_some_and(|w| matches!(w, "alone" | "itself" | "also" | "now"))
            && participle(words.next())
}

/// Whether the words before a `by` end with a participle of doing (`has been implemented
/// by`, `built by`): the name after it does the thing the figure counts.
fn agentive(before_by: &str) -> bool {
    let b = before_by.trim_end();
    // `carried out by`
    b.strip_suffix(" out")
        .unwrap_or(b)
        .rsplit(' ')
        .next()
        .is_some_and(|w| SUBJECT_CUES.agent_verbs.contains(&w))
}
