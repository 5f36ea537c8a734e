//! One quantity at a token (`quantity` in the grammar of `quantities`): the currency, the
//! number with its scale, the unit or counted noun, the sign, and what is read around it:
//! the qualifier, the direction, the rate and an equivalent in brackets.

use crate::fact::{Direction, Equivalent, Qualifier};
use crate::lexicon::{Position, LEXICONS};
use crate::numbers::{parse_digits, parse_words};
use crate::tokens::{word_is, Tok, TokKind};

use super::non_quantities::{is_figure_number, name_before};
use super::number::{exponent_at, fraction_after, sign_before, space_grouped, vulgar_fraction};
use super::units::{counted_noun, hyphenated_modifier_noun, is_weight_in_pounds, quantity_kind};
use super::word_figures::{
    parse_couple, parse_fold_word, parse_fraction, parse_hyphenated_number_word,
    parse_multiplier_word, parse_rank, parse_vague,
};
use super::{
    adjacent, ends_with_ignore_case, starts_number, sym_at, Parsed, Quantity, QuantityKind,
};

/// Parses a quantity whose text starts at token `i` (a currency sign or a number).
pub(super) fn parse_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    with_equivalent: bool,
) -> Option<Parsed> {
    let lex = &*LEXICONS;
    let mut j = i;
    let mut currency: Option<&'static str> = None;
    if toks[j].kind != TokKind::Num {
        if let Some((n, c)) = lex.currencies.starting_at(text, toks, j) {
            let whole = !c.solid || (j..j + n - 1).all(|t| adjacent(toks, t, t + 1));
            let letter_ok = !c.glued_only
                || letter_sign_before_money(text, toks, j)
                || letter_sign_in_sentence(text, toks, j, c.code_before);
            if c.position != Position::After
                && whole
                && letter_ok
                && starts_number(text, toks, j + n)
            {
                currency = Some(c.code_before);
                j += n;
            }
        }
    }
    if currency.is_none() {
        if let Some(p) = parse_vague(text, toks, j)
            .or_else(|| parse_couple(text, toks, j))
            .or_else(|| parse_rank(text, toks, j))
            .or_else(|| parse_fraction(text, toks, j))
            .or_else(|| parse_fold_word(text, toks, j))
            .or_else(|| parse_multiplier_word(text, toks, j))
            .or_else(|| parse_hyphenated_number_word(text, toks, j))
        {
            return Some(p);
        }
    }

    if currency.is_none() {
        if let Some(p) = parse_race_time(text, toks, j) {
            return Some(p);
        }
    }
    // The number itself.
    let num = toks[j];
    let (mut value, mut k, in_words) = if num.kind == TokKind::Num {
        if !is_figure_number(text, toks, j) {
            return None;
        }
        let (mut value, mut k) = space_grouped(text, toks, j)?;
        if let Some((exponent, after)) = exponent_at(text, toks, k) {
            // `2e922` is beyond any f64: not a figure anyone reports, and never an infinity.
            let scaled = value * 10f64.powi(exponent);
            if !scaled.is_finite() || (scaled == 0.0 && value != 0.0) {
                return None;
            }
            value = scaled;
            k = after;
        }
        let plain = k == j + 1 && num.text(text).bytes().all(|b| b.is_ascii_digit());
        if let Some((v, after)) = fraction_after(text, toks, k, value, plain) {
            value = v;
            k = after;
        }
        (value, k, false)
    } else if let Some(f) = vulgar_fraction(text, &num) {
        // `½ cup`.
        (f, j + 1, false)
    } else {
        let (value, n) = parse_words(text, toks, j)?;
        match fraction_after(text, toks, j + n, value, false) {
            Some((v, after)) => (v, after, true),
            None => (value, j + n, true),
        }
    };
    // `Six Nations`, `the Big Ten`: a capitalised number word inside a name of capitalised
    // words, not at the start of its sentence.
    let capital =
        |t: &Tok| t.kind == TokKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase());
    if in_words
        && currency.is_none()
        && j >= 1
        && capital(&num)
        && toks[j - 1].kind == TokKind::Word
        && toks.get(k).is_some_and(capital)
    {
        return None;
    }
    // `half a million`: the half of what `a million` says.
    let half = in_words
        && currency.is_none()
        && j >= 1
        && word_is(text, toks, j, &["a"])
        && word_is(text, toks, j - 1, &["half"]);
    let i = if half {
        value *= 0.5;
        j - 1
    } else {
        i
    };
    // `.312`: a decimal without its zero, the point not glued to a number before it.
    let leading_point = !in_words
        && currency.is_none()
        && j >= 1
        && sym_at(text, toks, j - 1, ".")
        && adjacent(toks, j - 1, j)
        && !(j >= 2 && adjacent(toks, j - 2, j - 1))
        && num.text(text).bytes().all(|b| b.is_ascii_digit());
    let i = if leading_point {
        value = parse_digits(&format!("0.{}", num.text(text)))?;
        j - 1
    } else {
        i
    };

    // A 4-digit year stands alone: it is a figure only with a scale, currency or measure.
    let year_like = !in_words
        && currency.is_none()
        && k == j + 1
        && num.text(text).len() == 4
        && num.text(text).bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&value);

    let mut last = k - 1;
    let mut scale = 1.0;
    if let Some((n, scale_word)) = lex.scales.starting_at(text, toks, k) {
        // `th`-like and one-letter scales only right after a currency sign: `$5m`, not `5 m`.
        // `1.2m birds`, `3bn people`: glued to a number and followed by what it counts.
        let counts_after = || {
            adjacent(toks, k - 1, k)
                && k + n < toks.len()
                && !adjacent(toks, k + n - 1, k + n)
                && counted_noun(text, toks, k + n).is_some_and(|(head, _)| head == k + n)
        };
        // `the 400m hurdles`, `the 100m final`: a track event is named with its article and a
        // round distance, so a glued `m` there is metres whatever follows.
        let race = currency.is_none()
            && i >= 1
            && word_is(text, toks, i - 1, &["the"])
            && value >= 50.0
            && value % 50.0 == 0.0
            && toks[k].text(text) == "m";
        let ok = !scale_word.weak
            || (currency.is_some() && adjacent(toks, k - 1, k))
            || (currency.is_none() && !race && counts_after());
        // `thousands of` is vague, not a scale of this number.
        let vague = toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Word && ends_with_ignore_case(t.text(text), "s"))
            && word_is(text, toks, k + n, &["of"]);
        if ok && !vague {
            value *= scale_word.factor;
            last = k + n - 1;
            k += n;
            scale = scale_word.factor;
            // `286.4 thou. tonnes`, `12 mln. tenge`: the period of a cut scale, in releases
            // translated from Russian, stands between the scale and a unit in lower case; a
            // period before anything else may end the sentence (`reached 98.3 thou.`).
            if sym_at(text, toks, k, ".")
                && adjacent(toks, k - 1, k)
                && word_is(text, toks, k - 1, &["thou", "thous", "mln", "bln", "trln"])
                && toks.get(k + 1).is_some_and(|t| {
                    t.kind == TokKind::Word && t.text(text).starts_with(|c: char| c.is_lowercase())
                })
            {
                k += 1;
            }
        }
    }

    // `the ₱5.768-trillion budget`: money's scale joined by a hyphen.
    if scale == 1.0
        && currency.is_some()
        && sym_at(text, toks, k, "-")
        && adjacent(toks, k - 1, k)
        && adjacent(toks, k, k + 1)
    {
        if let Some((n, scale_word)) = lex.scales.starting_at(text, toks, k + 1) {
            if !scale_word.weak {
                value *= scale_word.factor;
                scale = scale_word.factor;
                last = k + n;
                k += n + 1;
            }
        }
    }
    // `a 1.2 million-barrel draw`, `4.5-billion-year-old`: the scale opens a hyphenated
    // word whose rest is the unit.
    let mut hyphen_unit = None;
    if scale == 1.0 && currency.is_none() {
        let at = if sym_at(text, toks, k, "-") && k + 1 < toks.len() && adjacent(toks, k, k + 1) {
            k + 1
        } else {
            k
        };
        if let Some((factor, hyphen)) = hyphenated_scale(text, toks, at) {
            value *= factor;
            scale = factor;
            hyphen_unit = hyphen;
            last = at;
            k = at + 1;
        }
    }

    let mut kind = QuantityKind::Bare;
    let mut unit: Option<String> = None;
    let mut bare_dollar = false;
    if let Some((_, u)) = hyphen_unit {
        kind = quantity_kind(u.kind);
        unit = Some(u.unit.to_string());
    }
    if let Some(code) = currency {
        kind = QuantityKind::Money;
        unit = Some(code.to_string());
        bare_dollar = toks[i].text(text) == "$" && j == i + 1;
    } else if let Some((at, n, c)) = currency_after(text, toks, k) {
        // `50p`, but not `3p.m.`.
        let glued = adjacent(toks, at - 1, at)
            && !(sym_at(text, toks, at + 1, ".") && word_is(text, toks, at + 2, &["m"]));
        let whole = !c.solid || (at..at + n - 1).all(|t| adjacent(toks, t, t + 1));
        // `14c`, `62c a share`: a glued `c` is cents only where money is (`highs of 30c`).
        let cents_ok = !toks[at].is_word_in(text, &["c"])
            || (toks[at].text(text) == "c" && cents_in_context(text, toks, i, at));
        if c.position != Position::Before && (!c.glued_only || glued) && whole && cents_ok {
            kind = QuantityKind::Money;
            unit = Some(c.code.to_string());
            // Cents alone are the cents of the dollar `$` alone means.
            bare_dollar =
                n == 1 && toks[at].is_word_in(text, &["dollars", "dollar", "cents", "cent", "c"]);
            value *= c.factor;
            // `71.2c` is 0.712, not 0.7120000000000001.
            if c.factor < 1.0 {
                value = (value * 1e10).round() / 1e10;
            }
            if scale == 1.0 && is_weight_in_pounds(text, toks, i, at, n) {
                kind = QuantityKind::Measure;
                unit = Some("lb".to_string());
            }
            last = at + n - 1;
            k = at + n;
        }
    }
    // `US65.8c`: US cents, the country glued before the number.
    let us_cents = kind == QuantityKind::Money
        && currency.is_none()
        && i >= 1
        && toks[i - 1].text(text) == "US"
        && adjacent(toks, i - 1, i)
        && toks[last].text(text) == "c";
    let i = if us_cents {
        bare_dollar = false;
        i - 1
    } else {
        i
    };
    // `363.28 USD/KZT`: an exchange rate.
    if kind == QuantityKind::Money && sym_at(text, toks, k, "/") {
        if let Some((n, c)) = lex.currencies.starting_at(text, toks, k + 1) {
            kind = QuantityKind::ExchangeRate;
            unit = unit.map(|u| format!("{u}/{}", c.code));
            last = k + n;
            k += n + 1;
        }
    }
    if kind == QuantityKind::Bare {
        // `2.5-fold`, `45-year-old`: a unit joined by a hyphen.
        let at = if sym_at(text, toks, k, "-")
            && k + 1 < toks.len()
            && adjacent(toks, k - 1, k)
            && adjacent(toks, k, k + 1)
        {
            k + 1
        } else if word_is(text, toks, k, &["more", "additional", "extra"])
            && lex.units.starting_at(text, toks, k + 1).is_some()
        {
            // `two more years`, `5 extra kilometres`.
            k + 1
        } else {
            k
        };
        if let Some((n, u)) = lex.units.starting_at(text, toks, at) {
            kind = quantity_kind(u.kind);
            unit = Some(u.unit.to_string());
            last = at + n - 1;
            k = at + n;
        }
    }
    // `30C`, `14F`: a temperature glued to its capital letter (a full stop after it ends the
    // sentence, not an abbreviation).
    if kind == QuantityKind::Bare
        && toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "C" | "F"))
        && adjacent(toks, k - 1, k)
        && (!sym_at(text, toks, k + 1, ".") || k + 2 >= toks.len() || !adjacent(toks, k + 1, k + 2))
    {
        kind = QuantityKind::Temperature;
        unit = Some(
            if toks[k].text(text) == "C" {
                "°C"
            } else {
                "°F"
            }
            .to_string(),
        );
        last = k;
        k += 1;
    }
    // `the 1500m`, `stands 2.06m`: a glued `m` that is no million (nothing counted after it)
    // is metres; not in a terminal's colour code glued to a bracket (`[31m`, `[1;31m`).
    // `500g`, `12g of protein`: a glued lower-case `g` is grams (`5G` is a name); a glued
    // capital `W` is watts (`a 45W charger`), a glued lower-case `x` a multiple (`5x zoom`;
    // not `2x4`, glued to the number after it).
    let in_escape = i > 0
        && adjacent(toks, i - 1, i)
        && (sym_at(text, toks, i - 1, "[") || sym_at(text, toks, i - 1, ";"));
    let glued_unit = toks
        .get(k)
        .map(|t| t.text(text))
        .filter(|u| matches!(*u, "g" | "W" | "x") || *u == "m" && !in_escape);
    if let Some(glued) = glued_unit.filter(|_| {
        kind == QuantityKind::Bare
            && scale == 1.0
            && adjacent(toks, k - 1, k)
            && !(k + 1 < toks.len() && adjacent(toks, k, k + 1) && toks[k + 1].kind == TokKind::Num)
            && !(sym_at(text, toks, k + 1, ".")
                && k + 2 < toks.len()
                && adjacent(toks, k + 1, k + 2))
    }) {
        (kind, unit) = match glued {
            "x" => (QuantityKind::Multiplier, Some("times".to_string())),
            _ => (QuantityKind::Measure, Some(glued.to_string())),
        };
        last = k;
        k += 1;
    }
    // `aged 65`, `aged over 70`, `aged between 18 and 30`; `Ms Lee, 52, said`: years of age.
    if kind == QuantityKind::Bare && !in_words && scale == 1.0 && k == j + 1 {
        let mut b = i;
        if let Some((n, _)) = lex.qualifiers.ending_at(text, toks, b.wrapping_sub(1)) {
            b -= n;
        }
        if b >= 1 && word_is(text, toks, b - 1, &["between"]) {
            b -= 1;
        }
        // `the retirement age from 62`, `the age of 18`.
        let age_noun = b >= 2
            && word_is(text, toks, b - 1, &["of", "from", "to", "at"])
            && word_is(text, toks, b - 2, &["age"]);
        // `by age 14`, `at age 65`.
        let age_before = b >= 2
            && word_is(text, toks, b - 1, &["age"])
            && word_is(
                text,
                toks,
                b - 2,
                &[
                    "by", "at", "from", "until", "till", "before", "after", "under", "over",
                ],
            );
        let age_noun = age_noun || age_before;
        let aged = (b >= 1 && word_is(text, toks, b - 1, &["aged"])) || age_noun;
        let whole_years = value.fract() == 0.0 && (1.0..=120.0).contains(&value);
        // `Ms Lee, 52, said`, `the suspect, 19, fired`: a number in commas after a name, or
        // after a noun when a verb follows, gives the age of whom the noun names.
        let after_name = i >= 2
            && whole_years
            && sym_at(text, toks, i - 1, ",")
            && sym_at(text, toks, k, ",")
            && toks[i - 2].kind == TokKind::Word
            && LEXICONS.month_ids.get(toks[i - 2].id).is_none()
            && (toks[i - 2]
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || age_after_noun(text, toks, i - 2, k + 1));
        // `people 65 and older`, `voters under 30`, `those over 65.`: the ages of a group of
        // people.
        let older = whole_years
            && word_is(text, toks, k, &["and", "or"])
            && word_is(text, toks, k + 1, &["older", "younger"]);
        let people_aged = whole_years
            && b < i
            && word_is(text, toks, b, &["under", "over"])
            && b >= 1
            && is_people(text, toks, b - 1)
            && LEXICONS.units.starting_at(text, toks, k).is_none();
        if aged || after_name || older || people_aged {
            kind = QuantityKind::Age;
            unit = Some("year".to_string());
        }
    }
    // `in her 60s`: the ages of a decade.
    let mut decade_high = None;
    if kind == QuantityKind::Bare
        && !in_words
        && scale == 1.0
        && value % 10.0 == 0.0
        && (10.0..=110.0).contains(&value)
        && toks.get(k).is_some_and(|t| t.text(text) == "s")
        && adjacent(toks, k - 1, k)
        && i >= 1
        && word_is(
            text,
            toks,
            i - 1,
            &["her", "his", "their", "early", "mid", "late"],
        )
    {
        kind = QuantityKind::Age;
        unit = Some("year".to_string());
        decade_high = Some(value + 9.0);
        last = k;
        k += 1;
    }
    // `five thousandths of a second`: a number of parts of one unit.
    if kind == QuantityKind::Bare && scale == 1.0 && word_is(text, toks, k + 1, &["of"]) {
        let parts = [
            ("tenths", 1e-1),
            ("hundredths", 1e-2),
            ("thousandths", 1e-3),
        ];
        let part = parts.iter().find(|(w, _)| word_is(text, toks, k, &[w]));
        let article = word_is(text, toks, k + 2, &["a", "an"]);
        if let Some((&(_, factor), (n, u))) =
            part.filter(|_| article)
                .zip(lex.units.starting_at(text, toks, k + 3))
        {
            value *= factor;
            kind = quantity_kind(u.kind);
            unit = Some(u.unit.to_string());
            last = k + 2 + n;
            k = last + 1;
        }
    }
    // `7-foot-4`, `6ft 2in`: the inches of a height in feet.
    let after_feet = |b: usize| word_is(text, toks, b, &["foot", "feet", "ft"]);
    let glued_in = k < toks.len()
        && adjacent(toks, k - 1, k)
        && toks[k].text(text) == "in"
        && !(adjacent(toks, k, k + 1) && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Num));
    let glued_inches = glued_in && i >= 1 && after_feet(i - 1);
    let hyphen_inches = i >= 2
        && sym_at(text, toks, i - 1, "-")
        && adjacent(toks, i - 1, i)
        && adjacent(toks, i - 2, i - 1)
        && after_feet(i - 2);
    // `a 27in monitor`, `a 1.9in screen`: inches glued to any number.
    if kind == QuantityKind::Bare
        && !in_words
        && ((value.fract() == 0.0 && value < 12.0 && (glued_inches || hyphen_inches))
            || (glued_in && !glued_inches && scale == 1.0))
    {
        kind = QuantityKind::Measure;
        unit = Some("in".to_string());
        if glued_in {
            last = k;
            k += 1;
        }
    }
    // `a 600-seat school`: a counted noun joined by a hyphen counts what the figure says.
    if kind == QuantityKind::Bare
        && sym_at(text, toks, k, "-")
        && k + 1 < toks.len()
        && adjacent(toks, k - 1, k)
        && adjacent(toks, k, k + 1)
    {
        if word_is(text, toks, k + 1, &["pound", "pounds"]) {
            // `a 12-pound baby`: pounds joined to a number by a hyphen weigh.
            kind = QuantityKind::Measure;
            unit = Some("lb".to_string());
            last = k + 1;
            k += 2;
        } else if word_is(text, toks, k + 1, &["point"])
            && word_is(
                text,
                toks,
                k + 2,
                &[
                    "range", "line", "shot", "shots", "attempt", "attempts", "play", "arc",
                ],
            )
        {
            // `from 3-point range`: the name of a kind of shot, no figure.
            return None;
        } else if let Some((1, lemma)) = lex.counted_nouns.starting_at(text, toks, k + 1) {
            kind = QuantityKind::Count;
            unit = Some(lemma.to_string());
            last = k + 1;
            k += 2;
        } else if let Some(noun) = hyphenated_modifier_noun(text, toks, k + 1) {
            // `a 46-member council`, `a 300-page report`: the noun is singular in that place.
            kind = QuantityKind::Count;
            unit = Some(noun);
            last = k + 1;
            k += 2;
        }
    }
    // `5G`, `3D`: a number glued to a word that is no unit is part of a name.
    let glued_name = toks
        .get(k)
        .is_some_and(|t| t.kind == TokKind::Word && adjacent(toks, k - 1, k));
    if kind == QuantityKind::Bare && !glued_name {
        if let Some((head_last, lemma)) = counted_noun(text, toks, k) {
            // `Fortune 500 company`, `Wi-Fi 7 routers`, `Bluetooth 5.3 ... adds`: the number of
            // a name counts nothing; after a capitalised word only a plural counts a whole
            // number of things (`In Almaty 500 jobs`).
            let name = if currency.is_none() {
                name_before(text, toks, i)
            } else {
                None
            };
            let singular = !toks[head_last].text(text).ends_with(['s', 'S']);
            // `the Pixel 9 Pro runs`: a capitalised word after the number goes on the name.
            let name_goes_on = toks.get(k).is_some_and(|t| {
                t.kind == TokKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
            });
            // `Snapdragon 8 Gen 3`: a name with a number inside it goes on to this one.
            let name_numbered = i >= 2 && toks[i - 2].kind == TokKind::Num;
            if name.is_some_and(|inside| {
                inside || singular || name_goes_on || name_numbered || value.fract() != 0.0
            }) {
                return None;
            }
            kind = QuantityKind::Count;
            unit = Some(lemma);
            last = head_last;
            k = head_last + 1;
        }
    }
    // `51 of its clinics`, `12 of the hospital's wards`, `27 of Kenya's 47 counties`, `411
    // of the 650 seats`: a part counts what the whole does.
    if kind == QuantityKind::Bare
        && !in_words
        && value.fract() == 0.0
        && word_is(text, toks, k, &["of"])
    {
        let mut a = k + 1;
        if word_is(
            text,
            toks,
            a,
            &["its", "their", "his", "her", "our", "the", "all"],
        ) {
            a += 1;
        }
        let possessive = toks.get(a).is_some_and(|t| {
            t.kind == TokKind::Word
                && (ends_with_ignore_case(t.text(text), "'s")
                    || t.text(text).ends_with("\u{2019}s"))
        });
        if possessive {
            a += 1;
        }
        // The whole's own number (`the 650 seats`).
        if a > k + 1
            && toks
                .get(a)
                .is_some_and(|t| t.kind == TokKind::Num && !t.text(text).contains('.'))
        {
            a += 1;
        }
        let whole = (a > k + 1).then(|| counted_noun(text, toks, a)).flatten();
        if let Some((head, lemma)) = whole {
            if toks[head].text(text).ends_with(['s', 'S']) {
                kind = QuantityKind::Count;
                unit = Some(lemma);
            }
        }
    }
    if year_like
        && scale == 1.0
        && !matches!(
            kind,
            QuantityKind::Money | QuantityKind::Percent | QuantityKind::Measure
        )
    {
        return None;
    }

    // `-1.3%`, `−12,400`, `minus 40 degrees`, `40 degrees below zero`: a sign.
    let (first, negative) = sign_before(text, toks, i).unwrap_or((i, false));
    let below_zero = word_is(text, toks, k, &["below"]) && word_is(text, toks, k + 1, &["zero"]);
    if below_zero {
        last = k + 1;
        k += 2;
    }
    if negative != below_zero {
        value = -value;
    }
    let qualifier = qualifier_before(text, toks, first);
    // `raised 25 billion tenge with bonds`: money a verb of raising takes as its object is
    // money got, not a rise (`raised tariffs by 50 tenge` is one).
    let raised_money = kind == QuantityKind::Money
        && first >= 1
        && word_is(
            text,
            toks,
            first - 1,
            &["raise", "raises", "raised", "raising"],
        );
    let direction = if raised_money {
        direction_after(text, toks, k)
    } else {
        direction_before(text, toks, first).or_else(|| direction_after(text, toks, k))
    };
    let per = per_after(text, toks, k).or_else(|| per_before(text, toks, first));

    let mut next = k;
    let mut equivalents = Vec::new();
    if with_equivalent && kind != QuantityKind::Bare {
        if let Some((eq, after)) = equivalent_at(text, toks, k, kind, unit.as_deref()) {
            equivalents.push(eq);
            next = after;
        }
    }

    let span = [toks[first].start, toks[last].end];
    Some(Parsed {
        q: Quantity {
            span,
            text: text[span[0]..span[1]].to_string(),
            value,
            high: decade_high,
            unit,
            kind,
            qualifier,
            direction,
            per,
            equivalents,
            fact_worthy: false,
            fraction: false,
            bare_dollar,
        },
        first,
        last,
        next,
        in_words,
        scale,
        unread_by_facts: false,
    })
}

/// Whether the word at `noun` is a lower-case noun that an age in commas can follow (`the
/// suspect, 19, fired`): no function word, number word or unit, and a lower-case word after
/// the closing comma at `after` that goes on the clause (a verb, not `and`: `pears, 12, and`).
fn age_after_noun(text: &str, toks: &[Tok], noun: usize, after: usize) -> bool {
    let lower_word = |t: &Tok| {
        t.kind == TokKind::Word && !t.hyphen && t.text(text).bytes().all(|b| b.is_ascii_lowercase())
    };
    let tok = &toks[noun];
    lower_word(tok)
        && super::FUNCTION_WORD_IDS.get(tok.id).is_none()
        && LEXICONS.number_word_ids.get(tok.id).is_none()
        && LEXICONS.units.starting_at(text, toks, noun).is_none()
        && toks.get(after).is_some_and(lower_word)
        && !word_is(text, toks, after, &["and", "or", "but", "nor"])
}

/// Whether the word at `t` names people (`voters`, `women`, `them`), whose ages a number
/// after `under` or `over` gives.
fn is_people(text: &str, toks: &[Tok], t: usize) -> bool {
    word_is(
        text,
        toks,
        t,
        &[
            "people",
            "them",
            "those",
            "voters",
            "women",
            "men",
            "adults",
            "children",
            "kids",
            "patients",
            "residents",
            "drivers",
            "workers",
            "users",
            "teens",
            "teenagers",
            "americans",
            "respondents",
            "everyone",
            "anyone",
        ],
    )
}

pub(super) fn qualifier_before(text: &str, toks: &[Tok], first: usize) -> Option<Qualifier> {
    if first == 0 {
        return None;
    }
    LEXICONS
        .qualifiers
        .ending_at(text, toks, first - 1)
        .map(|(_, q)| *q)
}

/// `grew 32.8%`, `increased by more than 5%`, `an increase of 32.7 percent`.
pub(super) fn direction_before(text: &str, toks: &[Tok], first: usize) -> Option<Direction> {
    let mut b = first;
    if b >= 1 {
        if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, b - 1) {
            b -= n;
        }
    }
    // `grew by 5%`, `an increase of 5%`, `the highest growth, 13.3 percent`.
    if b >= 1 && (word_is(text, toks, b - 1, &["by", "of"]) || sym_at(text, toks, b - 1, ",")) {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    // `makes up 61 percent`, `took up 5%`: a phrasal verb, not a move upwards.
    if word_is(text, toks, b - 1, &["up"])
        && b >= 2
        && word_is(
            text,
            toks,
            b - 2,
            &[
                "make", "makes", "made", "making", "take", "takes", "took", "taking", "taken",
                "sum", "sums", "summed", "end", "ended", "ends",
            ],
        )
    {
        return None;
    }
    LEXICONS
        .directions_before
        .ending_at(text, toks, b - 1)
        .map(|(_, d)| *d)
}

/// `a 73.2% increase`, `a 6.3% year-over-year rise`.
fn direction_after(text: &str, toks: &[Tok], k: usize) -> Option<Direction> {
    let mut a = k;
    // No character but an ASCII letter lower-cases to one of these: comparing the bytes
    // without regard to ASCII case is comparing the lower-case words.
    if toks.get(a).is_some_and(|t| {
        let w = t.text(text).as_bytes();
        t.kind == TokKind::Word
            && (w.windows(4).any(|c| c.eq_ignore_ascii_case(b"year"))
                || [&b"y-o-y"[..], b"yoy", b"annual"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x)))
    }) {
        a += 1;
    }
    LEXICONS
        .directions_after
        .starting_at(text, toks, a)
        .map(|(_, d)| *d)
}

/// `25,000 tons of products annually`, `100,000 kilometers of cable per year`; `17% more
/// than a year earlier`, `a month ago` are times, no rates.
pub(super) fn per_after(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    for a in k..(k + 4).min(toks.len()) {
        if let Some((n, per)) = LEXICONS.per.starting_at(text, toks, a) {
            // `in a night`, `within a year`: a time it took, no rate.
            if word_is(text, toks, a + n, &["earlier", "ago", "before", "later"])
                || a > k && word_is(text, toks, a - 1, &["in", "within", "over"])
            {
                return None;
            }
            return Some(per.to_string());
        }
        // `289 tenge per square metre`, `95 thousand tenge for a tonne`, `7.70 somoni a
        // kilogram`: per a unit of measure, the unit.
        let article = |i: usize| word_is(text, toks, i, &["a", "an", "per", "each", "one"]);
        let unit_at = if word_is(text, toks, a, &["for"]) && article(a + 1) {
            Some(a + 2)
        } else {
            article(a).then_some(a + 1)
        };
        if let Some((_, unit)) = unit_at.and_then(|u| LEXICONS.units.starting_at(text, toks, u)) {
            if unit.kind == crate::lexicon::UnitKind::Measure {
                return Some(unit.unit.to_string());
            }
        }
        let t = toks[a];
        if t.kind != TokKind::Word || starts_number(text, toks, a) {
            break;
        }
    }
    None
}

/// `Every day, more than 200 thousand cars ...`: a rate opening the clause.
fn per_before(text: &str, toks: &[Tok], first: usize) -> Option<String> {
    let mut b = first;
    if b >= 1 {
        if let Some((n, _)) = LEXICONS.qualifiers.ending_at(text, toks, b - 1) {
            b -= n;
        }
    }
    if b >= 1 && sym_at(text, toks, b - 1, ",") {
        b -= 1;
    }
    if b == 0 {
        return None;
    }
    let (n, per) = LEXICONS.per.ending_at(text, toks, b - 1)?;
    let start = b - n;
    let opens = start == 0 || toks[start - 1].kind == TokKind::Sym;
    opens.then(|| per.to_string())
}

/// `($33.7 million)` or `(about US$110 million)` after a quantity of the same kind in
/// another unit. In the same unit (`£71.9m (£64.0m)`, `11.7% (10.9%)`) the bracket is a
/// figure of its own, a report's comparative for the period before. After `, or` the same
/// amount in another unit (`11.2 tonnes, or 360,000 ounces`) is one too (FACTS.md,
/// "Equivalents beyond money"), money only when converted roughly (`$38 million, or about
/// 310 billion soums`: `$499.99, or £479.99 in the UK` are two prices); a percentage there
/// (`…, or 40% of the total`) is a share of something else.
fn equivalent_at(
    text: &str,
    toks: &[Tok],
    k: usize,
    kind: QuantityKind,
    outer_unit: Option<&str>,
) -> Option<(Equivalent, usize)> {
    let bracket = sym_at(text, toks, k, "(");
    let comma_or = sym_at(text, toks, k, ",") && word_is(text, toks, k + 1, &["or"]);
    if !(bracket || comma_or) {
        return None;
    }
    let mut a = if bracket { k + 1 } else { k + 2 };
    let rough = LEXICONS.qualifiers.starting_at(text, toks, a);
    if let Some((n, _)) = rough {
        a += n;
    }
    if bracket && word_is(text, toks, a, &["or"]) {
        a += 1;
    }
    if a >= toks.len() {
        return None;
    }
    let inner = parse_at(text, toks, a, false)?;
    let amount = |k: QuantityKind| matches!(k, QuantityKind::Measure | QuantityKind::Count);
    let alike = if bracket {
        inner.q.kind == kind
    } else {
        // `90 Mt of oil, or 1.8 million barrels per day` is a rate of its own.
        let plain = inner.q.per.is_none() && inner.q.direction.is_none();
        plain
            && (kind == QuantityKind::Money && inner.q.kind == kind && rough.is_some()
                || amount(kind) && amount(inner.q.kind))
    };
    if !alike || bracket && !sym_at(text, toks, inner.next, ")") {
        return None;
    }
    let unit = inner.q.unit.filter(|u| Some(u.as_str()) != outer_unit)?;
    Some((
        Equivalent {
            value: inner.q.value,
            unit,
        },
        if bracket { inner.next + 1 } else { inner.next },
    ))
}

/// `2:05:41` (h:mm:ss) and `1:27.294`, `3:55.21` (m:ss with hundredths): a race time, in
/// seconds. A clock time (`14:05`) has neither the third group nor the fraction.
fn parse_race_time(text: &str, toks: &[Tok], j: usize) -> Option<Parsed> {
    let glued_num = |a: usize| {
        sym_at(text, toks, a, ":")
            && toks.get(a + 1).is_some_and(|t| t.kind == TokKind::Num)
            && adjacent(toks, a - 1, a)
            && adjacent(toks, a, a + 1)
    };
    if toks[j].kind != TokKind::Num || !glued_num(j + 1) {
        return None;
    }
    let digits = |t: usize| toks[t].text(text);
    let whole = |t: usize| digits(t).bytes().all(|b| b.is_ascii_digit());
    let two = |t: usize| digits(t).split('.').next().is_some_and(|d| d.len() == 2);
    let (value, last) = if glued_num(j + 3) {
        if !(whole(j) && whole(j + 2) && two(j + 2) && two(j + 4)) {
            return None;
        }
        let h = parse_digits(digits(j))?;
        (
            h * 3600.0 + parse_digits(digits(j + 2))? * 60.0 + parse_digits(digits(j + 4))?,
            j + 4,
        )
    } else {
        let fraction = digits(j + 2).contains('.');
        if !(whole(j) && fraction && two(j + 2)) {
            return None;
        }
        (
            parse_digits(digits(j))? * 60.0 + parse_digits(digits(j + 2))?,
            j + 2,
        )
    };
    let span = [toks[j].start, toks[last].end];
    Some(Parsed {
        q: Quantity {
            span,
            text: text[span[0]..span[1]].to_string(),
            value,
            high: None,
            unit: Some("second".to_string()),
            kind: QuantityKind::Duration,
            qualifier: None,
            direction: None,
            per: None,
            equivalents: Vec::new(),
            fact_worthy: false,
            fraction: false,
            bare_dollar: false,
        },
        first: j,
        last,
        next: last + 1,
        in_words: false,
        scale: 1.0,
        unread_by_facts: false,
    })
}

/// The scale and the unit of a hyphenated word that starts with a scale (`million-barrel`,
/// `billion-year-old`; no unit in `million-strong`): the parts are looked up as the tokens
/// they would be apart.
fn hyphenated_scale(
    text: &str,
    toks: &[Tok],
    at: usize,
) -> Option<(f64, Option<(usize, crate::lexicon::Unit)>)> {
    let tok = *toks
        .get(at)
        .filter(|t| t.kind == TokKind::Word && t.hyphen)?;
    let w = tok.text(text);
    let dash = w.find('-')?;
    let part = |from: usize, to: usize| Tok {
        start: tok.start + from,
        end: tok.start + to,
        kind: TokKind::Word,
        id: crate::vocabulary::word_id(&w[from..to]),
        hyphen: false,
    };
    let head = [part(0, dash)];
    let (_, scale) = LEXICONS.scales.starting_at(text, &head, 0)?;
    if scale.weak {
        return None;
    }
    let rest = &w[dash + 1..];
    let end = rest.find('-').map_or(w.len(), |d| dash + 1 + d);
    let tail = [part(dash + 1, end)];
    // `a 1.2 million-strong army`, `a million-plus city`: the scale of a bare number.
    if ["strong", "plus", "odd"].contains(&&w[dash + 1..end]) {
        return Some((scale.factor, None));
    }
    let (n, u) = LEXICONS.units.starting_at(text, &tail, 0)?;
    Some((scale.factor, Some((n, *u))))
}

/// The currency written after a number at `k`, or joined to it by a hyphen (`a 10,000-baht
/// handout`, `a 500-rupee note`; not `a 10-pound bag`, whose pounds are a weight): the
/// token it starts at, its number of tokens and the currency.
fn currency_after(
    text: &str,
    toks: &[Tok],
    k: usize,
) -> Option<(usize, usize, crate::lexicon::Currency)> {
    if let Some((n, c)) = LEXICONS.currencies.starting_at(text, toks, k) {
        return Some((k, n, *c));
    }
    let hyphen = sym_at(text, toks, k, "-")
        && k + 1 < toks.len()
        && adjacent(toks, k - 1, k)
        && adjacent(toks, k, k + 1)
        && toks[k + 1].kind == TokKind::Word
        && !word_is(text, toks, k + 1, &["pound", "pounds", "p"]);
    if !hyphen {
        return None;
    }
    let (n, c) = LEXICONS.currencies.starting_at(text, toks, k + 1)?;
    (c.position != Position::Before).then_some((k + 1, n, *c))
}

/// Whether a currency sign of one letter at `j` (`R18.99` rand, `N3.37 trillion` naira) is
/// one here: a capital glued to a number written as money is (two decimals, a thousands
/// comma, a scale after), a name's letter is not (`N95`, `R2-D2`).
pub(super) fn letter_sign_before_money(text: &str, toks: &[Tok], j: usize) -> bool {
    let Some(num) = toks.get(j + 1).filter(|t| t.kind == TokKind::Num) else {
        return false;
    };
    let capital = toks[j].text(text).bytes().all(|b| b.is_ascii_uppercase());
    let digits = num.text(text);
    let cents = digits
        .rsplit_once('.')
        .is_some_and(|(_, d)| d.len() == 2 && !digits.contains(','));
    let grouped = digits.contains(',');
    let scaled = LEXICONS
        .scales
        .starting_at(text, toks, j + 2)
        .is_some_and(|(_, s)| !s.weak || adjacent(toks, j + 1, j + 2));
    capital && adjacent(toks, j, j + 1) && (cents || grouped || scaled)
}

/// Whether a capital letter glued to a number at `j` (`R58`, `N30 per share`) is the sign of
/// `code` because its sentence writes money in it already: another amount with the same
/// sign written as money (`R3,610`), or the currency's name (`rand`, `naira`).
pub(super) fn letter_sign_in_sentence(text: &str, toks: &[Tok], j: usize, code: &str) -> bool {
    let capital = toks[j].text(text).bytes().all(|b| b.is_ascii_uppercase());
    if !capital
        || !adjacent(toks, j, j + 1)
        || toks.get(j + 1).is_none_or(|t| t.kind != TokKind::Num)
    {
        return false;
    }
    let sign = toks[j].text(text);
    let names_it = |t: usize| {
        if t != j && toks[t].text(text) == sign {
            return letter_sign_before_money(text, toks, t);
        }
        toks[t].kind == TokKind::Word
            && toks[t].end - toks[t].start > 1
            && LEXICONS
                .currencies
                .starting_at(text, toks, t)
                .is_some_and(|(_, c)| c.code == code && c.position == Position::After)
    };
    sentence_window(text, toks, j).any(names_it)
}

/// The tokens of the sentence around token `j`, at most 40 either side.
fn sentence_window<'a>(
    text: &'a str,
    toks: &'a [Tok],
    j: usize,
) -> impl Iterator<Item = usize> + 'a {
    let ends = move |t: usize| {
        toks[t].kind == TokKind::Sym && matches!(toks[t].text(text), "." | "!" | "?")
    };
    let mut start = j;
    while start > 0 && j - start < 40 && !ends(start - 1) {
        start -= 1;
    }
    let mut end = j;
    while end + 1 < toks.len() && end - j < 40 && !ends(end + 1) {
        end += 1;
    }
    start..=end
}

/// Whether a `c` glued to the number at `i` (its token `at`) is cents: before a rate (`62c
/// a share`, `45c a litre`), after `US` (`US65.8c`), or in a sentence with other money
/// (`gained 14c to NZ$7.02`). Elsewhere it may be a temperature (`highs of 30c`).
fn cents_in_context(text: &str, toks: &[Tok], i: usize, at: usize) -> bool {
    if word_is(text, toks, at + 1, &["a", "an", "per", "each"]) {
        return true;
    }
    if i >= 1 && toks[i - 1].text(text) == "US" && adjacent(toks, i - 1, i) {
        return true;
    }
    sentence_window(text, toks, i).any(|t| {
        (t < i || t > at)
            && toks[t].kind != TokKind::Num
            && LEXICONS
                .currencies
                .starting_at(text, toks, t)
                .filter(|(_, c)| {
                    c.position != Position::After
                        && (!c.glued_only || letter_sign_before_money(text, toks, t))
                })
                .is_some_and(|(n, _)| toks.get(t + n).is_some_and(|x| x.kind == TokKind::Num))
    })
}
