//! almanac-gen: a seeded generator of synthetic development news, for tests and
//! benchmarks.
//!
//! Articles are built from sentence templates and lexicons (places, zones, officials,
//! sectors, months), so that a corpus of any size is varied yet reproducible: the same
//! seed and index give the same article. Each article also carries the facts its
//! templates put in it (with exact spans), so that a benchmark can fill a ledger with a
//! known number of facts without depending on the extractor.
//!
//! A development tool, not part of almanac's API: the store's benchmarks and the CLI's
//! crash test use it as a dev-dependency, and the `almanac-gen` binary writes a corpus as
//! JSONL or text files (`cargo run --release -p almanac-gen -- --docs 1000 -o c.jsonl`).
//!
//! ```
//! let article = almanac_gen::article(7, 0);
//! assert_eq!(article.text, almanac_gen::articles(7, 1).next().unwrap().text);
//! assert!(article.facts.iter().all(|f| article.text[f.span[0]..f.span[1]] == f.text));
//! ```

#![forbid(unsafe_code)]

use almanac_extract::{
    DateSource, Entity, EntityKind, Equivalent, Extraction, Fact, Measure, Mention, Period,
    Qualifier, Status,
};
use chrono::NaiveDate;
use serde::Serialize;

/// One generated article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub date: NaiveDate,
    pub title: String,
    /// The article text (no date header: the date is metadata).
    pub text: String,
    /// The facts the templates wrote, as the extractor would ideally return them.
    #[serde(skip)]
    pub facts: Vec<Fact>,
    #[serde(skip)]
    pub entities: Vec<Entity>,
}

impl Article {
    /// The article as one JSONL record: `id`, `date`, `title`, `text`.
    pub fn to_jsonl(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The article as a text file with a ` date YYYY-MM-DD` header.
    pub fn to_text_file(&self) -> String {
        format!(" date {}\n{}\n\n{}\n", self.date, self.title, self.text)
    }

    /// What an ideal extractor returns for [`Article::text`] with the date as metadata.
    pub fn extraction(&self) -> Extraction {
        Extraction {
            facts: self.facts.clone(),
            entities: self.entities.clone(),
            date: Some(self.date),
            date_source: Some(DateSource::Metadata),
            lang: almanac_extract::Lang::English,
            diagnostics: Vec::new(),
        }
    }
}

/// SplitMix64: small, fast, and good enough to vary templates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo).max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 100) < percent
    }
}

/// (name, kind, part_of)
const PLACES: &[(&str, EntityKind, Option<&str>)] = &[
    ("Almaty", EntityKind::City, Some("Kazakhstan")),
    ("Astana", EntityKind::City, Some("Kazakhstan")),
    ("Shymkent", EntityKind::City, Some("Kazakhstan")),
    ("Karaganda region", EntityKind::Region, Some("Kazakhstan")),
    ("Almaty region", EntityKind::Region, Some("Kazakhstan")),
    ("Turkistan region", EntityKind::Region, Some("Kazakhstan")),
    ("Pavlodar region", EntityKind::Region, Some("Kazakhstan")),
    (
        "East Kazakhstan region",
        EntityKind::Region,
        Some("Kazakhstan"),
    ),
    ("Aktobe", EntityKind::City, Some("Kazakhstan")),
    ("Atyrau", EntityKind::City, Some("Kazakhstan")),
    ("Kostanay", EntityKind::City, Some("Kazakhstan")),
    ("Alatau district", EntityKind::District, Some("Almaty")),
    ("Medeu district", EntityKind::District, Some("Almaty")),
    ("Bostandyk district", EntityKind::District, Some("Almaty")),
    ("Yesil district", EntityKind::District, Some("Astana")),
    (
        "Almaty Industrial Zone",
        EntityKind::Zone,
        Some("Alatau district"),
    ),
    ("Astana-New City SEZ", EntityKind::Zone, Some("Astana")),
    ("Ontustik SEZ", EntityKind::Zone, Some("Shymkent")),
    (
        "Khorgos Eastern Gate SEZ",
        EntityKind::Zone,
        Some("Almaty region"),
    ),
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SECTORS: &[&str] = &[
    "manufacturing",
    "construction",
    "agriculture",
    "trade",
    "transport",
    "tourism",
    "food processing",
    "metallurgy",
    "pharmaceuticals",
    "logistics",
];

const OBJECTS: &[&str] = &[
    "a plant for welded steel pipes",
    "a dairy farm",
    "a logistics hub",
    "a solar power station",
    "a textile factory",
    "a greenhouse complex",
    "a furniture factory",
    "a cement plant",
    "a poultry farm",
    "a wind farm",
];

const FILLERS: &[&str] = &[
    "The akim noted that the work will continue.",
    "Particular attention is paid to the support of small and medium-sized businesses.",
    "Residents took part in the public hearing.",
    "The meeting was attended by representatives of local executive bodies.",
    "Earlier, the head of state instructed to accelerate the modernisation of infrastructure.",
    "Investors are offered tax preferences and ready infrastructure.",
    "The press service of the akimat reported this.",
    "According to the department, the work is being carried out in stages.",
    "Entrepreneurs can apply for state support through the e-government portal.",
    "The project is being implemented within the framework of the regional development programme.",
];

/// Builds one article's text, facts and entities as sentences are appended.
struct Builder {
    doc: String,
    text: String,
    facts: Vec<Fact>,
    entities: Vec<Entity>,
    group: u32,
}

impl Builder {
    /// Appends a sentence made of parts; a part `Some(fact)` is a figure whose span is its text.
    fn sentence(&mut self, parts: Vec<(String, Option<Fact>)>) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        let start = self.text.len();
        let mut pending = Vec::new();
        for (part, fact) in parts {
            let at = self.text.len();
            self.text.push_str(&part);
            if let Some(mut fact) = fact {
                fact.span = [at, at + part.len()];
                fact.text = part;
                fact.doc = self.doc.clone();
                pending.push(fact);
            }
        }
        let sentence = self.text[start..].to_string();
        if pending.len() > 1 {
            self.group += 1;
        }
        for mut fact in pending {
            fact.sentence = sentence.clone();
            if fact.group.is_some() {
                fact.group = Some(self.group);
            }
            self.facts.push(fact);
        }
    }

    fn mention(&mut self, place: &(&str, EntityKind, Option<&str>)) {
        let (name, kind, part_of) = *place;
        let at = self.text.rfind(name).unwrap_or(0);
        let mention = Mention {
            span: [at, at + name.len()],
            text: name.to_string(),
            reference: false,
        };
        match self.entities.iter_mut().find(|e| e.name == name) {
            Some(e) => e.mentions.push(mention),
            None => self.entities.push(Entity {
                name: name.to_string(),
                kind,
                part_of: part_of.map(str::to_string),
                role: None,
                role_of: None,
                mentions: vec![mention],
            }),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn fact(
    value: f64,
    unit: &str,
    metric: &str,
    measure: Measure,
    subject: &str,
    period: Option<Period>,
    status: Status,
    grouped: bool,
) -> Option<Fact> {
    Some(Fact {
        doc: String::new(),
        text: String::new(),
        value,
        value_high: None,
        unit: Some(unit.to_string()),
        qualifier: None,
        metric: Some(
            metric
                .parse()
                .expect("the generator writes metrics of FACTS.md"),
        ),
        measure: Some(measure),
        subject: Some(subject.to_string()),
        period,
        status: Some(status),
        equivalents: Vec::new(),
        per: None,
        group: grouped.then_some(0),
        object: None,
        span: [0, 0],
        sentence: String::new(),
    })
}

fn t(s: impl Into<String>) -> (String, Option<Fact>) {
    (s.into(), None)
}

/// Article `index` of the corpus `seed`.
pub fn article(seed: u64, index: u64) -> Article {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    let year = rng.range(2016, 2026) as i32;
    let month = rng.range(1, 13) as u32;
    let day = rng.range(1, 29) as u32;
    let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
    let place = *rng.pick(PLACES);
    let id = format!("gen-{seed}-{index:07}");
    let mut b = Builder {
        doc: id.clone(),
        text: String::new(),
        facts: Vec::new(),
        entities: Vec::new(),
        group: 0,
    };
    let this_year = Period::Year(year);
    let n_paragraphs = rng.range(2, 6);
    let mut title = String::new();
    for p in 0..n_paragraphs {
        if p > 0 {
            b.text.push_str("\n\n");
        }
        let subject = if p == 0 || rng.chance(60) {
            place
        } else {
            *rng.pick(PLACES)
        };
        let name = subject.0;
        for _ in 0..rng.range(2, 5) {
            let kind = rng.range(0, 10);
            let before = b.facts.len();
            match kind {
                0 => {
                    let bn = rng.range(2, 900) as f64 / if rng.chance(50) { 10.0 } else { 1.0 };
                    let usd_rate = 330.0 + rng.range(0, 180) as f64;
                    let usd_m = (bn * 1e9 / usd_rate / 1e5).round() / 10.0;
                    let mut f = fact(
                        bn * 1e9,
                        "KZT",
                        "investment",
                        Measure::Level,
                        name,
                        Some(this_year),
                        Status::Actual,
                        false,
                    );
                    if let Some(f) = f.as_mut() {
                        f.equivalents = vec![Equivalent {
                            value: usd_m * 1e6,
                            unit: "USD".into(),
                        }];
                    }
                    b.sentence(vec![
                        t(format!("{name} attracted ")),
                        (format!("{bn} billion tenge"), f),
                        t(format!(" (${usd_m} million) of investment in {year}.")),
                    ]);
                }
                1 => {
                    let pct = rng.range(1, 400) as f64 / 10.0;
                    let m = rng.range(2, 13) as usize;
                    let period =
                        Period::interval(Period::Month(year, 1), Period::Month(year, m as u8));
                    b.sentence(vec![
                        t(format!(
                            "In January-{} {year}, industrial output in {name} grew ",
                            MONTHS[m - 1]
                        )),
                        (
                            format!("{pct}%"),
                            fact(
                                pct,
                                "%",
                                "output",
                                Measure::Change,
                                name,
                                Some(period),
                                Status::Actual,
                                false,
                            ),
                        ),
                        t("."),
                    ]);
                }
                2 => {
                    let jobs = rng.range(20, 3000) as f64;
                    let deadline = year + rng.range(0, 4) as i32;
                    b.sentence(vec![
                        t(format!(
                            "{} will create ",
                            if rng.chance(50) {
                                name.to_string()
                            } else {
                                format!("The project in {name}")
                            }
                        )),
                        (
                            format!("{jobs} jobs"),
                            fact(
                                jobs,
                                "job",
                                "jobs",
                                Measure::Level,
                                name,
                                Some(Period::Year(deadline)),
                                Status::Planned,
                                false,
                            ),
                        ),
                        t(format!(" by the end of {deadline}.")),
                    ]);
                }
                3 => {
                    let n = rng.range(2, 90) as f64;
                    let bn = rng.range(5, 2000) as f64;
                    let jobs = rng.range(50, 5000) as f64;
                    let object = *rng.pick(OBJECTS);
                    b.sentence(vec![
                        (format!("{n} investment projects"), fact(n, "project", "projects", Measure::Level, name, Some(this_year), Status::Actual, true)),
                        t(" worth "),
                        (format!("{bn} billion tenge"), fact(bn * 1e9, "KZT", "investment", Measure::Level, name, Some(this_year), Status::Actual, true)),
                        t(format!(" are being implemented in {name}, including {object}, with the creation of ")),
                        (format!("{jobs} jobs"), fact(jobs, "job", "jobs", Measure::Level, name, Some(this_year), Status::Planned, true)),
                        t("."),
                    ]);
                }
                4 => {
                    let pct = rng.range(20, 90) as f64 / 10.0;
                    b.sentence(vec![
                        t(format!("The unemployment rate in {name} decreased to ")),
                        (
                            format!("{pct} percent"),
                            fact(
                                pct,
                                "%",
                                "unemployment",
                                Measure::Level,
                                name,
                                Some(Period::Month(year, month as u8)),
                                Status::Actual,
                                false,
                            ),
                        ),
                        t("."),
                    ]);
                }
                5 => {
                    let n = rng.range(2, 60) as f64;
                    let y2 = year + 1;
                    let period = Period::interval(Period::Year(year), Period::Year(y2));
                    b.sentence(vec![
                        (
                            format!("{n} schools"),
                            fact(
                                n,
                                "school",
                                "infrastructure",
                                Measure::Level,
                                name,
                                Some(period),
                                Status::Planned,
                                false,
                            ),
                        ),
                        t(format!(
                            " are slated for construction in {name} in {year}-{:02}.",
                            y2 % 100
                        )),
                    ]);
                }
                6 => {
                    let pct = rng.range(5, 150) as f64 / 10.0;
                    let q = rng.range(1, 5) as u8;
                    b.sentence(vec![
                        t(format!(
                            "In the {} quarter of {year}, the economy of {name} grew by ",
                            ["first", "second", "third", "fourth"][q as usize - 1]
                        )),
                        (
                            format!("{pct} percent"),
                            fact(
                                pct,
                                "%",
                                "economy",
                                Measure::Change,
                                name,
                                Some(Period::Quarter(year, q)),
                                Status::Actual,
                                false,
                            ),
                        ),
                        t("."),
                    ]);
                }
                7 => {
                    let n = rng.range(100, 20000) as f64;
                    let sector = *rng.pick(SECTORS);
                    let mut f = fact(
                        n,
                        "sme",
                        "companies",
                        Measure::Level,
                        name,
                        Some(Period::Day(date)),
                        Status::Actual,
                        false,
                    );
                    if let Some(f) = f.as_mut() {
                        f.qualifier = Some(Qualifier::MoreThan);
                    }
                    b.sentence(vec![
                        t("More than "),
                        (format!("{n} small and medium-sized businesses"), f),
                        t(format!(" operate in {sector} in {name}.")),
                    ]);
                }
                8 => {
                    let mln = rng.range(1, 500) as f64;
                    let object = *rng.pick(OBJECTS);
                    b.sentence(vec![
                        t(format!(
                            "An investor from abroad plans to build {object} in {name} worth "
                        )),
                        (
                            format!("${mln} million"),
                            fact(
                                mln * 1e6,
                                "USD",
                                "investment",
                                Measure::Level,
                                name,
                                Some(this_year),
                                Status::Planned,
                                false,
                            ),
                        ),
                        t("."),
                    ]);
                }
                _ => b.sentence(vec![t(*rng.pick(FILLERS))]),
            }
            if b.facts.len() > before {
                b.mention(&subject);
            }
            if rng.chance(40) {
                b.sentence(vec![t(*rng.pick(FILLERS))]);
            }
        }
        if p == 0 {
            title = format!(
                "{}: {} news, {} {year}",
                name,
                rng.pick(SECTORS),
                MONTHS[month as usize - 1]
            );
        }
    }
    Article {
        id,
        date,
        title,
        text: b.text,
        facts: b.facts,
        entities: b.entities,
    }
}

/// Articles `0..n` of the corpus `seed`.
pub fn articles(seed: u64, n: u64) -> impl Iterator<Item = Article> {
    (0..n).map(move |i| article(seed, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_reproducible_varied_and_their_spans_hold() {
        let a = article(7, 3);
        assert_eq!(a.text, article(7, 3).text);
        assert_ne!(a.text, article(7, 4).text);
        assert_ne!(a.text, article(8, 3).text);
        let mut n_facts = 0;
        for art in articles(1, 200) {
            for f in &art.facts {
                assert_eq!(&art.text[f.span[0]..f.span[1]], f.text);
                assert!(art.text.contains(&f.sentence));
            }
            n_facts += art.facts.len();
        }
        assert!(n_facts > 200 * 4, "{n_facts}");
    }
}
