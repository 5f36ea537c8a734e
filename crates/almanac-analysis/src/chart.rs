//! Charts of a [`Series`]: SVG and PNG through plotters, and a compact chart for the
//! terminal drawn with block characters.
//!
//! Time runs along the x axis (each point at the middle of its period); each subject is a
//! line through its most reported readings, every point labelled with its value. Where
//! documents disagree, every rival figure is drawn as a hollow red circle joined to the
//! others by a red bar, so a dispute is seen, not averaged. A figure for another stretch
//! of time than the line's (`Jan–Aug 2025` on a line of years, or `2016–2022`) is drawn
//! as a horizontal span labelled with its period. Planned targets are a series of their
//! own: hollow triangles at their deadlines. Figures without a period are not drawn (the
//! CLI lists them apart).
//!
//! The PNG's text uses DejaVu Sans, compiled into the binary (see `assets/NOTICE`), so
//! rendering needs no system fonts.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;
use std::sync::Once;

use almanac_extract::Period;
use chrono::{Datelike, NaiveDate};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::numbers::{amount, human};
use crate::timeline::{Point, Series};

/// Width and height of a chart in pixels.
pub const SIZE: (u32, u32) = (960, 540);

const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
    RGBColor(140, 86, 75),
];
const DISPUTE: RGBColor = RGBColor(214, 39, 40);
const TARGET: RGBColor = RGBColor(230, 120, 0);
const LABEL: RGBColor = RGBColor(60, 60, 60);

/// A chart could not be drawn.
#[derive(Debug)]
pub struct ChartError(String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot draw the chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

fn err<E: fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// The chart as an SVG document.
///
/// # Errors
/// When plotters fails to lay out the drawing.
pub fn svg(series: &Series) -> Result<String, ChartError> {
    register_font();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        draw(series, &root)?;
        root.present().map_err(err)?;
    }
    Ok(out)
}

/// The chart as a PNG image.
///
/// # Errors
/// When plotters fails to draw or the image cannot be encoded.
pub fn png(series: &Series) -> Result<Vec<u8>, ChartError> {
    register_font();
    let (w, h) = SIZE;
    let mut pixels = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, SIZE).into_drawing_area();
        draw(series, &root)?;
        root.present().map_err(err)?;
    }
    let image = image::RgbImage::from_raw(w, h, pixels)
        .ok_or_else(|| ChartError("pixel buffer of the wrong size".into()))?;
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(err)?;
    Ok(bytes.into_inner())
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is compiled in and known to parse; a failure would leave text undrawn
        // rather than break the chart.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT);
    });
}

/// The chart's title: `Almaty: jobs (level, actual), job`.
pub fn title(series: &Series) -> String {
    let mut t = format!(
        "{}: {} ({}, {})",
        series.subject,
        series.metric,
        series.measure.as_str(),
        series.status.as_str()
    );
    if let Some(unit) = &series.unit {
        t.push_str(&format!(", {unit}"));
    }
    t
}

/// A period as a reader names it: `2025`, `Q1 2025`, `H2 2025`, `Aug 2025`,
/// `Jan–Aug 2025`, `Nov 2024–Feb 2025`, `2016–2022`, `12 Mar 2025`.
pub fn period_label(period: Period) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = |d: NaiveDate| MONTHS[d.month0() as usize];
    match period {
        Period::Year(y) => y.to_string(),
        Period::Half(y, h) => format!("H{h} {y}"),
        Period::Quarter(y, q) => format!("Q{q} {y}"),
        Period::Month(y, m) => format!("{} {y}", MONTHS[(m.clamp(1, 12) - 1) as usize]),
        Period::Day(d) => format!("{} {} {}", d.day(), month(d), d.year()),
        Period::Interval(..) => {
            let (a, b) = period.bounds();
            let whole_years = a.month() == 1 && a.day() == 1 && b.month() == 12 && b.day() == 31;
            if whole_years {
                format!("{}–{}", a.year(), b.year())
            } else if a.year() == b.year() {
                format!("{}–{} {}", month(a), month(b), a.year())
            } else {
                format!("{} {}–{} {}", month(a), a.year(), month(b), b.year())
            }
        }
    }
}

/// Where a period sits on the time axis: its middle, in fractional years.
fn x_of(period: Period) -> f64 {
    let (a, b) = period.bounds();
    (year_fraction(a) + year_fraction(b.succ_opt().unwrap_or(b))) / 2.0
}

fn year_fraction(d: NaiveDate) -> f64 {
    let start = NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d);
    let days = if d.leap_year() { 366.0 } else { 365.0 };
    d.year() as f64 + (d - start).num_days() as f64 / days
}

fn draw<DB: DrawingBackend>(
    series: &Series,
    root: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(err)?;
    let unit = series.unit.clone().unwrap_or_default();

    let xs: Vec<f64> = series.points.iter().map(|p| x_of(p.period)).collect();
    let target_xs: Vec<f64> = series
        .targets
        .iter()
        .map(|p| deadline_x(p.period))
        .collect();
    let values: Vec<f64> = series
        .points
        .iter()
        .chain(&series.targets)
        .flat_map(|p| p.readings.iter().map(|r| r.value))
        .collect();
    let all_xs = xs.iter().chain(&target_xs);
    let (x0, x1) = match (
        all_xs.clone().cloned().reduce(f64::min),
        all_xs.cloned().reduce(f64::max),
    ) {
        (Some(a), Some(b)) => ((a - 0.5).floor(), (b + 0.5).ceil()),
        _ => (2020.0, 2021.0),
    };
    let y_max = values.iter().cloned().fold(0.0, f64::max);
    let y_min = values.iter().cloned().fold(0.0, f64::min);
    let pad = (y_max - y_min).max(1.0) * 0.12;
    let (y0, y1) = (if y_min < 0.0 { y_min - pad } else { 0.0 }, y_max + pad);

    let mut chart = ChartBuilder::on(root)
        .caption(title(series), (FAMILY, 22))
        .margin(16)
        .x_label_area_size(36)
        .y_label_area_size(96)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;
    let unit_for_labels = unit.clone();
    chart
        .configure_mesh()
        .x_labels(((x1 - x0) as usize + 1).min(16))
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 {
                format!("{}", x.round() as i64)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| amount(*y, &unit_for_labels))
        .label_style((FAMILY, 14))
        // A light grid: the figures, not the lines, are what the eye should find.
        .bold_line_style(RGBColor(232, 232, 232))
        .light_line_style(RGBColor(247, 247, 247))
        .axis_style(RGBColor(150, 150, 150))
        .draw()
        .map_err(err)?;

    if series.points.is_empty() && series.targets.is_empty() {
        root.draw_text(
            "no figures for this subject and metric",
            &(FAMILY, 18).into_font().color(&BLACK),
            (SIZE.0 as i32 / 2 - 160, SIZE.1 as i32 / 2),
        )
        .map_err(err)?;
        return Ok(());
    }

    // One line per subject, through its most reported reading of each period.
    let mut subjects: Vec<String> = Vec::new();
    for r in series.points.iter().flat_map(|p| &p.readings) {
        if !subjects.contains(&r.subject) {
            subjects.push(r.subject.clone());
        }
    }
    subjects.sort_by_key(|s| (!s.eq_ignore_ascii_case(&series.subject), s.clone()));
    let mut any_apart = false;
    for (i, subject) in subjects.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        // The line joins periods of the commonest length (years, say); a figure for
        // another stretch of time (January-October, or 2016-2022) is not a step on that
        // line, so it is drawn apart: a hollow marker with a bar over its period.
        let main_length = commonest_length(series, subject);
        let mut line: Vec<(f64, f64)> = Vec::new();
        let mut apart: Vec<(Period, f64)> = Vec::new();
        let mut rivals: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
        for (pi, point) in series.points.iter().enumerate() {
            let mine: Vec<f64> = point
                .readings
                .iter()
                .filter(|r| &r.subject == subject)
                .map(|r| r.value)
                .collect();
            if let Some(first) = mine.first() {
                if length_class(point.period) == main_length {
                    line.push((xs[pi], *first));
                } else {
                    apart.extend(mine.iter().map(|v| (point.period, *v)));
                }
            }
            if mine.len() > 1 {
                rivals.insert(pi, mine);
            }
        }
        chart
            .draw_series(LineSeries::new(line.clone(), color.stroke_width(2)))
            .map_err(err)?
            .label(subject.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
            });
        chart
            .draw_series(line.iter().map(|&(x, y)| {
                EmptyElement::at((x, y))
                    + Circle::new((0, 0), 4, color.filled())
                    + value_label(human(y))
            }))
            .map_err(err)?;
        for (period, value) in &apart {
            let (a, b) = period.bounds();
            let (xa, xb) = (year_fraction(a), year_fraction(b.succ_opt().unwrap_or(b)));
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(xa, *value), (xb, *value)],
                    color.stroke_width(1),
                )))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at(((xa + xb) / 2.0, *value))
                        + Circle::new((0, 0), 4, color.stroke_width(2))
                        + value_label(format!("{}: {}", period_label(*period), human(*value))),
                ))
                .map_err(err)?;
        }
        any_apart |= !apart.is_empty();
        for (pi, vals) in &rivals {
            let x = xs[*pi];
            let lo = vals.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, lo), (x, hi)],
                    DISPUTE.stroke_width(2),
                )))
                .map_err(err)?;
            // The first is on the line and labelled there; the rivals get their own.
            chart
                .draw_series(vals.iter().enumerate().map(|(i, &v)| {
                    let label = if i == 0 { String::new() } else { human(v) };
                    EmptyElement::at((x, v))
                        + Circle::new((0, 0), 6, DISPUTE.stroke_width(2))
                        + Text::new(label, (10, -6), (FAMILY, 12).into_font().color(&DISPUTE))
                }))
                .map_err(err)?;
        }
    }
    if !series.targets.is_empty() {
        draw_targets(series, &mut chart)?;
    }
    if any_apart {
        let grey = RGBColor(90, 90, 90);
        chart
            .draw_series(std::iter::once(Circle::new((x0 - 10.0, 0.0), 0, grey)))
            .map_err(err)?
            .label("figure for another stretch of time (bar: its period)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], grey.stroke_width(1))
            });
    }
    let legend = subjects.len() > 1
        || any_apart
        || !series.targets.is_empty()
        || series.points.iter().any(|p| p.is_disputed());
    if legend {
        if series.points.iter().any(|p| p.is_disputed()) {
            chart
                .draw_series(std::iter::once(Circle::new((x0 - 10.0, 0.0), 0, DISPUTE)))
                .map_err(err)?
                .label("figures that disagree")
                .legend(|(x, y)| Circle::new((x + 9, y), 5, DISPUTE.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .label_font((FAMILY, 14))
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(200, 200, 200))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()
            .map_err(err)?;
    }
    Ok(())
}

/// A value's label, above its marker.
fn value_label<'a>(text: String) -> Text<'a, (i32, i32), String> {
    Text::new(text, (-12, -20), (FAMILY, 12).into_font().color(&LABEL))
}

/// Where a target sits: at the end of its period, its deadline.
fn deadline_x(period: Period) -> f64 {
    let (_, end) = period.bounds();
    year_fraction(end.succ_opt().unwrap_or(end)) - 0.5 / 12.0
}

/// Planned targets: a hollow triangle at each deadline with its value, a thin dashed
/// bar back to the start of a target's period when it is longer than a year.
fn draw_targets<DB: DrawingBackend>(
    series: &Series,
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let mut first = true;
    for point in &series.targets {
        let x = deadline_x(point.period);
        let (start, end) = point.period.bounds();
        for reading in &point.readings {
            let value = reading.value;
            if (end - start).num_days() > 366 {
                chart
                    .draw_series(DashedLineSeries::new(
                        vec![(year_fraction(start), value), (x, value)],
                        6,
                        4,
                        TARGET.stroke_width(1),
                    ))
                    .map_err(err)?;
            }
            let label = format!("by {}: {}", period_label(point.period), human(value));
            let drawn = chart
                .draw_series(std::iter::once(
                    EmptyElement::at((x, value))
                        + TriangleMarker::new((0, 0), 7, TARGET.stroke_width(2))
                        + Text::new(label, (-12, -22), (FAMILY, 12).into_font().color(&TARGET)),
                ))
                .map_err(err)?;
            if first {
                drawn
                    .label("planned (target, at its deadline)")
                    .legend(|(x, y)| TriangleMarker::new((x + 9, y), 6, TARGET.stroke_width(2)));
                first = false;
            }
        }
    }
    Ok(())
}

/// The length of a period, in classes that read alike on a chart: days, months,
/// quarters, halves, years, or a number of days for anything else.
fn length_class(period: Period) -> i64 {
    let (a, b) = period.bounds();
    let days = (b - a).num_days() + 1;
    match days {
        1 => 1,
        28..=31 => 30,
        89..=92 => 91,
        181..=184 => 182,
        365 | 366 => 365,
        n => 1000 + n,
    }
}

/// The commonest period length among a subject's points (the shorter on a tie).
fn commonest_length(series: &Series, subject: &str) -> i64 {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for point in &series.points {
        if point.readings.iter().any(|r| r.subject == subject) {
            *counts.entry(length_class(point.period)).or_default() += 1;
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(365, |(len, _)| *len)
}

/// A compact chart for the terminal: one bar per reading, in time order, with the value
/// and its number of sources; rival figures of one period are marked `≠`. Planned
/// targets follow as rows of their own, and figures without a period are listed apart.
pub fn terminal(series: &Series, width: usize) -> String {
    let mut out = format!("{}\n", title(series));
    if series.points.is_empty() && series.targets.is_empty() && series.undated.is_empty() {
        out.push_str("  (no figures)\n");
        return out;
    }
    let unit = series.unit.clone().unwrap_or_default();
    let multi_subject = series
        .points
        .iter()
        .chain(&series.targets)
        .flat_map(|p| &p.readings)
        .any(|r| !r.subject.eq_ignore_ascii_case(&series.subject));
    let rows_of = |points: &[Point]| -> Vec<(String, f64, String)> {
        points
            .iter()
            .flat_map(|p| {
                let disputed = p.is_disputed();
                p.readings.iter().enumerate().map(move |(i, r)| {
                    let label = if i == 0 {
                        p.period.to_string()
                    } else {
                        String::new()
                    };
                    let mut note = format!(
                        "{} source{}",
                        r.sources.len(),
                        if r.sources.len() == 1 { "" } else { "s" }
                    );
                    if multi_subject {
                        note = format!("{}, {note}", r.subject);
                    }
                    if disputed {
                        note.push_str("  ≠");
                    }
                    (label, r.value, note)
                })
            })
            .collect()
    };
    let rows = rows_of(&series.points);
    let targets = rows_of(&series.targets);
    let all = rows.iter().chain(&targets);
    let label_width = all.clone().map(|r| r.0.chars().count()).max().unwrap_or(4);
    let value_width = all
        .clone()
        .map(|r| amount(r.1, &unit).chars().count())
        .max()
        .unwrap_or(1);
    let bar_width = width
        .saturating_sub(label_width + value_width + 20)
        .clamp(10, 60);
    let max = all.map(|r| r.1.abs()).fold(0.0, f64::max);
    let print = |out: &mut String, rows: &[(String, f64, String)], fill: bool| {
        for (label, value, note) in rows {
            let fraction = value.abs() / if max > 0.0 { max } else { 1.0 };
            let mut bar = bar(fraction, bar_width);
            if !fill {
                // A target is an outline, not an achievement.
                bar = "░".repeat(bar.chars().count());
            }
            let shown = amount(*value, &unit);
            out.push_str(&format!(
                "  {label:<label_width$}  {bar:<bar_width$}  {shown:>value_width$}  {note}\n"
            ));
        }
    };
    print(&mut out, &rows, true);
    if !targets.is_empty() {
        out.push_str("  planned (targets by deadline):\n");
        print(&mut out, &targets, false);
    }
    if !series.undated.is_empty() {
        out.push_str("  without a period (not on the time axis):\n");
        for r in &series.undated {
            let sources: Vec<String> = r
                .sources
                .iter()
                .map(|s| match s.date {
                    Some(d) => format!("{} of {d}", s.doc),
                    None => s.doc.clone(),
                })
                .collect();
            let subject = if multi_subject || !r.subject.eq_ignore_ascii_case(&series.subject) {
                format!("{}, ", r.subject)
            } else {
                String::new()
            };
            out.push_str(&format!(
                "    {}  ({subject}{})\n",
                amount(r.value, &unit),
                sources.join("; ")
            ));
        }
    }
    if !series.other_units.is_empty() {
        let others: Vec<String> = series
            .other_units
            .iter()
            .map(|(u, n)| format!("{n} in {u}"))
            .collect();
        out.push_str(&format!(
            "  (left out, other units: {})\n",
            others.join(", ")
        ));
    }
    out
}

/// A bar of `fraction` (0..=1) of `width` cells, in eighths of a cell.
fn bar(fraction: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (fraction.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8]);
    }
    if s.is_empty() && fraction > 0.0 {
        s.push('▏');
    }
    s
}

/// A one-line sparkline of a series' first readings: `▁▃▅█`.
pub fn sparkline(series: &Series) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let values: Vec<f64> = series
        .points
        .iter()
        .filter_map(|p| p.readings.first().map(|r| r.value))
        .collect();
    let (lo, hi) = (
        values.iter().cloned().fold(f64::INFINITY, f64::min),
        values.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
    );
    values
        .iter()
        .map(|v| {
            let t = if hi > lo { (v - lo) / (hi - lo) } else { 1.0 };
            LEVELS[((t * 7.0).round() as usize).min(7)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{fact, places};
    use crate::timeline::{timeline, TimelineOptions};

    fn series() -> Series {
        let facts = vec![
            fact(
                1,
                "a",
                "2020-01-20",
                "8,000 jobs",
                8000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2019",
                "actual",
            ),
            fact(
                2,
                "b",
                "2021-01-20",
                "12,900 jobs",
                12900.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2020",
                "actual",
            ),
            fact(
                3,
                "c",
                "2022-01-20",
                "15,000 jobs",
                15000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            fact(
                4,
                "d",
                "2022-02-20",
                "12,000 jobs",
                12000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
            fact(
                5,
                "e",
                "2022-03-20",
                "15,000 jobs",
                15000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2021",
                "actual",
            ),
        ];
        timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        )
    }

    #[test]
    fn terminal_chart_shows_every_reading_and_marks_disputes() {
        let text = terminal(&series(), 80);
        assert!(
            text.starts_with("Almaty: jobs (level, actual), job\n"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 5, "{text}");
        assert!(text.contains("15,000 jobs  2 sources  ≠"), "{text}");
        assert!(text.contains('█'));
        assert_eq!(sparkline(&series()), "▁▆█");
    }

    #[test]
    fn svg_has_title_axes_and_points() {
        let svg = svg(&series()).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Almaty: jobs (level, actual), job"));
        for year in ["2019", "2020", "2021"] {
            assert!(
                svg.contains(&format!("\n{year}\n</text>")),
                "year label {year}"
            );
        }
        assert!(svg.contains(" jobs\n</text>"), "value labels with units");
        assert!(svg.matches("<circle").count() >= 5);
    }

    #[test]
    fn png_is_an_image_and_not_blank() {
        let bytes = png(&series()).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), SIZE);
        let non_white = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
        assert!(non_white > 5_000, "{non_white} drawn pixels");
        // Text is drawn: the title row holds dark pixels.
        let title_dark = (0..SIZE.0)
            .flat_map(|x| (10..40).map(move |y| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 100))
            .count();
        assert!(
            title_dark > 100,
            "{title_dark} dark pixels in the title row"
        );
    }

    #[test]
    fn periods_as_readers_name_them() {
        for (period, want) in [
            ("2025", "2025"),
            ("2025-Q1", "Q1 2025"),
            ("2025-H2", "H2 2025"),
            ("2025-08", "Aug 2025"),
            ("2025-01/2025-08", "Jan–Aug 2025"),
            ("2024-11/2025-02", "Nov 2024–Feb 2025"),
            ("2016/2022", "2016–2022"),
            ("2025-03-12", "12 Mar 2025"),
        ] {
            let p: Period = period.parse().unwrap();
            assert_eq!(period_label(p), want, "{period}");
        }
    }

    fn with_targets_and_spans() -> Series {
        let facts = vec![
            fact(
                1,
                "a",
                "2024-01-20",
                "8,000 jobs",
                8000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2023",
                "actual",
            ),
            fact(
                2,
                "b",
                "2025-02-20",
                "9,500 jobs",
                9500.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2024",
                "actual",
            ),
            fact(
                3,
                "c",
                "2025-09-10",
                "6,100 jobs",
                6100.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2025-01/2025-08",
                "actual",
            ),
            fact(
                4,
                "d",
                "2024-03-01",
                "12,000 jobs",
                12000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "2025",
                "planned",
            ),
            fact(
                5,
                "e",
                "2025-10-01",
                "7,000 jobs",
                7000.0,
                "job",
                "jobs",
                "level",
                "Almaty",
                "",
                "actual",
            ),
        ];
        timeline(
            &facts,
            "Almaty",
            "jobs",
            &TimelineOptions::default(),
            &places,
        )
    }

    #[test]
    fn charts_label_values_spans_and_targets() {
        let s = with_targets_and_spans();
        let svg = svg(&s).unwrap();
        for label in ["8,000", "9,500", "Jan–Aug 2025: 6,100", "by 2025: 12,000"] {
            assert!(svg.contains(label), "{label} in the SVG");
        }
        assert!(svg.contains("planned (target, at its deadline)"));
        // The undated figure is not drawn.
        assert!(!svg.contains("7,000"));
        assert!(png(&s).is_ok());

        let text = terminal(&s, 80);
        let planned = text.find("planned (targets by deadline):").expect(&text);
        assert!(text[planned..].contains("2025"), "{text}");
        assert!(text.contains('░'), "{text}");
        assert!(
            text.contains(
                "without a period (not on the time axis):\n    7,000 jobs  (e of 2025-10-01)"
            ),
            "{text}"
        );
    }
}
