//! The place page's charts: SVG written here rather than by `almanac-analysis`'s plotters
//! charts, because a web chart must do what a picture cannot: scale to the screen, link
//! every point to the facts behind it, say its figure on hover and keyboard focus, and
//! draw targets apart from what was reported on one axis.
//!
//! One mark per period: reported figures are filled circles joined by a line (a figure
//! for another stretch of time, such as 2016-2022, is a bar over its period); targets are
//! hollow diamonds on a dashed line, at the period they are for. A period whose sources
//! give several figures shows the one most of them give, in red, and says how many.

use std::fmt::Write as _;

use almanac_analysis::numbers::{amount, human};
use almanac_extract::Period;
use chrono::{Datelike, NaiveDate};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
/// Space between the axes and the first and last marks.
const PAD: f64 = 10.0;

/// One mark: where, what, and the facts behind it.
struct Mark {
    start: f64,
    end: f64,
    value: f64,
    label: String,
    href: String,
    disputed: bool,
}

use crate::views::ChartSeries;

/// The chart `title` of `actual` and `planned` (the same subject and metric, values in
/// `unit`).
pub fn svg(title: &str, actual: &ChartSeries, planned: &ChartSeries, unit: &str) -> String {
    let actual_marks = marks(actual, unit, "reported");
    let planned_marks = marks(planned, unit, "target");
    let all: Vec<&Mark> = actual_marks.iter().chain(&planned_marks).collect();
    let (mut x0, mut x1) = all.iter().fold((f64::MAX, f64::MIN), |(a, b), m| {
        (a.min(m.start), b.max(m.end))
    });
    if all.is_empty() {
        (x0, x1) = (2020.0, 2021.0);
    }
    x0 = x0.floor();
    x1 = x1.ceil().max(x0 + 1.0);
    let y_max = all.iter().map(|m| m.value).fold(0.0, f64::max);
    let y_min = all.iter().map(|m| m.value).fold(0.0, f64::min);
    let (y0, y1) = nice_range(y_min, y_max);
    // Marks keep clear of the axes: a figure for the first day of the first year would
    // otherwise sit on the y axis.
    let x = |year: f64| LEFT + PAD + (year - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT - 2.0 * PAD);
    let y = |v: f64| TOP + (y1 - v) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);

    let mut out = String::new();
    let title = format!(
        "{title}, {} periods reported, {} with targets",
        actual_marks.len(),
        planned_marks.len()
    );
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(&title)
    );
    // The grid and the axes.
    for tick in ticks(y0, y1) {
        let ty = y(tick);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{ty:.1}" y2="{ty:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            ty + 4.0,
            esc(&tick_label(tick, unit))
        );
    }
    let step = ((x1 - x0) / 10.0).ceil().max(1.0) as i64;
    let mut year = x0 as i64;
    while year as f64 <= x1 {
        let tx = x(year as f64);
        let _ = write!(
            out,
            r#"<line class="axis" x1="{tx:.1}" x2="{tx:.1}" y1="{:.1}" y2="{:.1}"/><text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 4.0,
            x(year as f64 + 0.5).min(WIDTH - RIGHT - 12.0),
            HEIGHT - BOTTOM + 18.0
        );
        year += step;
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{LEFT}" x2="{}" y1="{:.1}" y2="{:.1}"/>"#,
        WIDTH - RIGHT,
        y(0.0_f64.max(y0)),
        y(0.0_f64.max(y0))
    );
    // Lines through the marks of one-year-or-shorter periods, then the marks.
    for (marks, class) in [(&actual_marks, "actual"), (&planned_marks, "planned")] {
        let mut points: Vec<(f64, f64)> = marks
            .iter()
            .filter(|m| !m.disputed && m.end - m.start <= 1.01)
            .map(|m| (x((m.start + m.end) / 2.0), y(m.value)))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        points.dedup_by(|a, b| (a.0 - b.0).abs() < 0.01);
        if points.len() > 1 {
            let path: Vec<String> = points
                .iter()
                .map(|(px, py)| format!("{px:.1},{py:.1}"))
                .collect();
            let _ = write!(
                out,
                r#"<polyline class="line {class}" points="{}"/>"#,
                path.join(" ")
            );
        }
        for m in marks.iter() {
            let (xa, xb) = (x(m.start), x(m.end));
            let (cx, cy) = ((xa + xb) / 2.0, y(m.value));
            let dispute = if m.disputed { " disputed" } else { "" };
            let _ = write!(
                out,
                r#"<a href="{}" class="mark {class}{dispute}">"#,
                esc(&m.href)
            );
            let _ = write!(out, "<title>{}</title>", esc(&m.label));
            if m.end - m.start > 1.01 {
                let _ = write!(
                    out,
                    r#"<line class="span {class}" x1="{xa:.1}" x2="{xb:.1}" y1="{cy:.1}" y2="{cy:.1}"/>"#
                );
            }
            if class == "planned" {
                let _ = write!(
                    out,
                    r#"<path class="point {class}{dispute}" d="M{cx:.1},{:.1} l6,6 l-6,6 l-6,-6 z"/>"#,
                    cy - 6.0
                );
            } else {
                let _ = write!(
                    out,
                    r#"<circle class="point {class}{dispute}" cx="{cx:.1}" cy="{cy:.1}" r="5"/>"#
                );
            }
            out.push_str("</a>");
        }
    }
    out.push_str("</svg>");
    out
}

fn marks(series: &ChartSeries, unit: &str, what: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    for point in &series.points {
        let Ok(period) = point.period.parse::<Period>() else {
            continue;
        };
        let (start, end) = span(period);
        let disputed = point.figures > 1;
        let facts = if point.facts == 1 {
            "1 fact".to_string()
        } else {
            format!("{} facts", point.facts)
        };
        let figures = if disputed {
            format!(", {} figures: the one most give", point.figures)
        } else {
            String::new()
        };
        out.push(Mark {
            start,
            end,
            value: point.value,
            label: format!(
                "{}: {} {what} ({facts}{figures})",
                point.period,
                amount(point.value, unit),
            ),
            href: format!("/facts?{}", point.sources),
            disputed,
        });
    }
    out
}

/// A period as fractional years, from its first day to the day after its last.
fn span(period: Period) -> (f64, f64) {
    let (a, b) = period.bounds();
    (year_fraction(a), year_fraction(b.succ_opt().unwrap_or(b)))
}

fn year_fraction(d: NaiveDate) -> f64 {
    let days = if d.leap_year() { 366.0 } else { 365.0 };
    d.year() as f64 + f64::from(d.ordinal0()) / days
}

/// A range from 0 (or below, for negative values) to a round number above the largest.
fn nice_range(min: f64, max: f64) -> (f64, f64) {
    let top = if max > 0.0 {
        nice_ceil(max * 1.08)
    } else {
        1.0
    };
    let bottom = if min < 0.0 {
        -nice_ceil(-min * 1.08)
    } else {
        0.0
    };
    (bottom, top)
}

fn nice_ceil(v: f64) -> f64 {
    let magnitude = 10f64.powf(v.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= v {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// About five round ticks from `lo` to `hi`.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let step = nice_ceil((hi - lo) / 5.0);
    let mut out = Vec::new();
    let mut t = (lo / step).ceil() * step;
    while t <= hi + step * 1e-9 {
        out.push(t);
        t += step;
    }
    out
}

fn tick_label(value: f64, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", human(value))
    } else {
        human(value)
    }
}

/// Text for XML: `<`, `>`, `&` and quotes escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_range(0.0, 369.0), (0.0, 500.0));
        assert_eq!(ticks(0.0, 500.0), [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
        assert_eq!(nice_range(-3.0, 5.5), (-5.0, 10.0));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<script>"x"&'y'"#),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;"
        );
    }
}
