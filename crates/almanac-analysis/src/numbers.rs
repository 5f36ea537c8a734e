//! Numbers as people read them, and how precisely a figure was written.

/// A number in words of scale: `15 billion`, `33.7 million`, `5,300`, `7.8`.
pub fn human(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v >= scale {
            return format!("{sign}{} {word}", trim(v / scale, 2));
        }
    }
    format!("{sign}{}", grouped(v))
}

/// An amount with its unit: `15 billion KZT`, `7.8%`, `369 jobs`, `2 times`.
pub fn amount(value: f64, unit: &str) -> String {
    match unit {
        "%" => format!("{}%", trim(value, 2)),
        "" => human(value),
        u if crate::ledger::is_currency(u) => format!("{} {u}", human(value)),
        u => {
            let one = (value - 1.0).abs() < f64::EPSILON;
            format!(
                "{} {}",
                human(value),
                if one { u.to_string() } else { plural(u) }
            )
        }
    }
}

/// A range with its unit, the lower end in the scale of the upper: `20–30 million KZT`,
/// `5–7%`, `250–300 persons`.
pub fn amount_range(low: f64, high: f64, unit: &str) -> String {
    let scale = [1e12, 1e9, 1e6]
        .into_iter()
        .find(|s| high.abs() >= *s)
        .unwrap_or(1.0);
    let low = if scale > 1.0 {
        trim(low / scale, 2)
    } else if unit == "%" {
        trim(low, 2)
    } else {
        human(low)
    };
    format!("{low}\u{2013}{}", amount(high, unit))
}

/// A ratio as a percentage for a sentence: `0.8` -> `80%`, `0.123` -> `12.3%`.
pub fn percent(ratio: f64) -> String {
    let p = ratio * 100.0;
    if p.abs() >= 10.0 {
        format!("{}%", p.round())
    } else {
        format!("{}%", trim(p, 1))
    }
}

/// The plural of a FACTS.md count unit (`company` -> `companies`); measures stay as
/// they are (`km`, `ha`, `m2`).
pub fn plural(unit: &str) -> String {
    match unit {
        "person" => "people".into(),
        "sme" => "SMEs".into(),
        "times" | "rank" | "t" | "ha" | "km" | "m2" | "kWh" | "MW" | "GW" | "kW" => unit.into(),
        u if u.ends_with('y') && !u.ends_with("ay") && !u.ends_with("ey") => {
            format!("{}ies", &u[..u.len() - 1])
        }
        u if u.ends_with('s') || u.ends_with("ch") || u.ends_with("sh") || u.ends_with('x') => {
            format!("{u}es")
        }
        u if u.chars().all(|c| c.is_ascii_lowercase()) && u.len() > 2 => format!("{u}s"),
        u => u.into(),
    }
}

/// Half the step of the last digit written: `5.3` -> 0.05, `5.3 thousand` -> 50,
/// `10,000` and `10 000` -> 0.5. A figure may differ from another by this much and still be the same
/// figure rounded. For numbers written in words, half the leading digit's place.
pub fn half_step(text: &str, value: f64) -> f64 {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        if value == 0.0 {
            return 0.0;
        }
        return 0.5 * 10f64.powf(value.abs().log10().floor());
    };
    let rest = &text[start..];
    let mut end = 0;
    let bytes = rest.as_bytes();
    let mut token = String::new();
    while end < bytes.len() {
        let b = bytes[end];
        let next_is_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        // `9 500`, `1 500 000`: Russian groups thousands with a space, a no-break space or
        // a narrow one; a group is three digits.
        let space = [" ", "\u{a0}", "\u{202f}"]
            .into_iter()
            .find(|s| rest[end..].starts_with(s))
            .filter(|s| {
                let group = &bytes[end + s.len()..];
                group.len() >= 3
                    && group[..3].iter().all(u8::is_ascii_digit)
                    && !group.get(3).is_some_and(u8::is_ascii_digit)
            });
        if b.is_ascii_digit() || ((b == b',' || b == b'.') && next_is_digit) {
            token.push(b as char);
            end += 1;
        } else if let Some(s) = space.filter(|_| !token.is_empty()) {
            end += s.len();
        } else {
            break;
        }
    }
    let decimals = token.rsplit_once('.').map_or(0, |(_, d)| d.len() as i32);
    let Ok(written) = token.replace(',', "").parse::<f64>() else {
        return 0.0;
    };
    let scale = if written == 0.0 {
        1.0
    } else {
        (value / written).abs()
    };
    0.5 * 10f64.powi(-decimals) * scale
}

/// Whether two figures can be the same number written with different precision: the
/// less precise one's rounding interval holds the other (`5.3 thousand` holds 5,321).
/// Figures written with the same precision and different digits are different figures:
/// `1.4` and `1.5 trillion` are not one figure rounded, though each could be 1.45.
pub fn same_rounded(a: f64, half_a: f64, b: f64, half_b: f64) -> bool {
    // A little slack for binary floating point, taken off an edge: `1.4` does not hold
    // 1.45, which rounds up.
    let slack = 1e-9 * a.abs().max(b.abs());
    a == b || (a - b).abs() < half_a.max(half_b) - slack
}

/// Relative difference of two values, against the larger: 100 vs 95 -> 0.05.
pub fn relative_gap(a: f64, b: f64) -> f64 {
    let big = a.abs().max(b.abs());
    if big == 0.0 {
        0.0
    } else {
        (a - b).abs() / big
    }
}

fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn grouped(v: f64) -> String {
    let s = trim(v, 2);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_numbers() {
        for (v, want) in [
            (15e9, "15 billion"),
            (33.7e6, "33.7 million"),
            (1.2345e12, "1.23 trillion"),
            (5300.0, "5,300"),
            (7.8, "7.8"),
            (1234567.0, "1.23 million"),
            (-0.1, "-0.1"),
        ] {
            assert_eq!(human(v), want);
        }
        assert_eq!(amount(369.0, "job"), "369 jobs");
        for (low, high, unit, want) in [
            (20e6, 30e6, "KZT", "20–30 million KZT"),
            (5.0, 7.0, "%", "5–7%"),
            (250.0, 300.0, "person", "250–300 people"),
            (500e3, 2e6, "USD", "0.5–2 million USD"),
            (1500.0, 2500.0, "", "1,500–2,500"),
        ] {
            assert_eq!(amount_range(low, high, unit), want);
        }
        assert_eq!(amount(2.0, "company"), "2 companies");
        assert_eq!(amount(1.0, "project"), "1 project");
        assert_eq!(amount(15e9, "KZT"), "15 billion KZT");
        assert_eq!(amount(107.8, "%"), "107.8%");
        assert_eq!(percent(0.8), "80%");
        assert_eq!(percent(0.0123), "1.2%");
    }

    #[test]
    fn precision_of_written_figures() {
        for (text, value, half) in [
            ("5.3", 5.3, 0.05),
            ("5.3 thousand jobs", 5300.0, 50.0),
            ("10,000 jobs", 10000.0, 0.5),
            ("$832.3 million", 832.3e6, 0.05e6),
            ("107.8 percent", 107.8, 0.05),
            ("five projects", 5.0, 0.5),
            // Russian: the decimal comma, thousands grouped by a space of any width.
            ("1,2 трлн тенге", 1.2e12, 0.05e12),
            ("9 500 рабочих мест", 9500.0, 0.5),
            ("1\u{a0}500\u{202f}000 тенге", 1.5e6, 0.5),
            ("24,8%", 24.8, 0.05),
        ] {
            let got = half_step(text, value);
            assert!((got - half).abs() < 1e-6 * half, "{text}: {got}");
        }
        assert!(same_rounded(5300.0, 50.0, 5321.0, 0.5));
        assert!(!same_rounded(5300.0, 0.5, 5321.0, 0.5));
        assert!(!same_rounded(1.4e12, 0.05e12, 1.5e12, 0.05e12));
        assert!(!same_rounded(1.4e12, 0.05e12, 1.45e12, 0.005e12));
        assert!(same_rounded(1.4e12, 0.05e12, 1.42e12, 0.005e12));
        assert!((relative_gap(100.0, 95.0) - 0.05).abs() < 1e-12);
    }
}
