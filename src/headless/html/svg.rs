//! Line charts over days as inline SVG, the one way every page draws one: a frame, the highest
//! and lowest value on its axis, the last day, lines (solid or dashed, each with a hover title)
//! and dotted marks on days something was decided; and a sparkline for a table's cell.

use std::fmt::Write as _;

use super::esc;

/// A chart's size and margins, in SVG units, and its labels' font size.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub font: f64,
}

/// The debrief's charts: one a row.
pub const WIDE: Frame = Frame {
    width: 760.0,
    height: 230.0,
    left: 70.0,
    right: 10.0,
    top: 24.0,
    bottom: 28.0,
    font: 11.0,
};

/// The class view's charts: two a row on a screen.
pub const MEDIUM: Frame = Frame {
    width: 520.0,
    height: 200.0,
    left: 56.0,
    right: 8.0,
    top: 10.0,
    bottom: 22.0,
    font: 11.0,
};

/// A team page's charts: four a row on A4 paper.
pub const SMALL: Frame = Frame {
    width: 240.0,
    height: 130.0,
    left: 40.0,
    right: 4.0,
    top: 6.0,
    bottom: 14.0,
    font: 9.0,
};

/// One line: its points (day, value; a value that is not finite is left out), colour, width,
/// whether it is dashed, and its hover title (already plain text; escaped here).
pub struct Line {
    pub points: Vec<(u32, f64)>,
    pub colour: String,
    pub width: f64,
    pub dashed: bool,
    pub title: String,
}

/// A dotted vertical line on a day, with its hover title.
pub struct Mark {
    pub day: u32,
    pub title: String,
}

/// A chart: its title, lines (drawn in order, the last on top), marks, the label under the last
/// day (none on a small chart), its caption (HTML, already escaped) and at most how many points
/// a line keeps (a long run's page stays small; the first and last always kept).
pub struct Chart<'a> {
    pub frame: Frame,
    pub title: &'a str,
    pub lines: &'a [Line],
    pub marks: &'a [Mark],
    pub last_day: Option<&'a dyn Fn(u32) -> String>,
    pub caption: &'a str,
    pub max_points: usize,
}

/// A number short enough for a chart's axis: 706k, 4812, 4.8.
pub fn short(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The indices of `len` points kept when at most `max` are drawn: every `len / max`-th and the
/// last, once each.
fn kept(len: usize, max: usize) -> impl Iterator<Item = usize> {
    let stride = (len / max.max(1)).max(1);
    (0..len).filter(move |&k| k % stride == 0 || k + 1 == len)
}

/// Writes the chart as a `<figure>`.
pub fn chart(o: &mut String, c: &Chart) {
    let f = c.frame;
    let (mut lo, mut hi, mut last) = (f64::INFINITY, f64::NEG_INFINITY, 1u32);
    for &(d, v) in c.lines.iter().flat_map(|l| &l.points) {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        last = last.max(d);
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let inner_w = f.width - f.left - f.right;
    let inner_h = f.height - f.top - f.bottom;
    let x = |d: u32| f.left + inner_w * d as f64 / last as f64;
    let y = |v: f64| f.top + inner_h * (1.0 - (v - lo) / (hi - lo));
    let title = esc(c.title);
    let _ = writeln!(
        o,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" role=\"img\" aria-label=\"{title}\"><title>{title}</title>\
         <rect x=\"{l}\" y=\"{t}\" width=\"{inner_w}\" height=\"{inner_h}\" fill=\"#fafafa\" \
         stroke=\"#ccc\"/>",
        w = f.width,
        h = f.height,
        l = f.left,
        t = f.top,
    );
    let label = |o: &mut String, x: f64, y: f64, text: &str| {
        let _ = writeln!(
            o,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{}\" text-anchor=\"end\">{}</text>",
            f.font,
            esc(text)
        );
    };
    label(o, f.left - 4.0, f.top + f.font - 1.0, &short(hi));
    label(o, f.left - 4.0, f.height - f.bottom, &short(lo));
    if let Some(day) = c.last_day {
        label(o, f.width - f.right, f.height - 7.0, &day(last));
    }
    for m in c.marks {
        let _ = writeln!(
            o,
            "<line class=\"decision\" x1=\"{x0:.1}\" x2=\"{x0:.1}\" y1=\"{}\" y2=\"{}\" \
             stroke=\"#999\" stroke-dasharray=\"2,3\"><title>{}</title></line>",
            f.top,
            f.height - f.bottom,
            esc(&m.title),
            x0 = x(m.day),
        );
    }
    for line in c.lines {
        let mut path = String::new();
        for k in kept(line.points.len(), c.max_points) {
            let (d, v) = line.points[k];
            if v.is_finite() {
                let _ = write!(path, "{:.1},{:.1} ", x(d), y(v));
            }
        }
        let dash = if line.dashed {
            " stroke-dasharray=\"6,3\""
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash} \
             points=\"{}\"><title>{}</title></polyline>",
            line.colour,
            line.width,
            path.trim_end(),
            esc(&line.title)
        );
    }
    let _ = writeln!(o, "</svg><figcaption>{}</figcaption></figure>", c.caption);
}

/// A difference day by day as a small inline chart around a zero line: green when it ends
/// above zero, red below, grey at zero.
pub fn sparkline(values: &[i64]) -> String {
    const W: f64 = 120.0;
    const H: f64 = 24.0;
    let max = values
        .iter()
        .map(|v| v.unsigned_abs())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = values.len().max(2) as f64 - 1.0;
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let x = k as f64 / n * W;
            let y = H / 2.0 - v as f64 / max * (H / 2.0 - 1.0);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let colour = match values.last().map_or(0, |v| v.signum()) {
        1 => "#009E73",
        -1 => "#D55E00",
        _ => "#777",
    };
    format!(
        "<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\"><line x1=\"0\" y1=\"{y}\" \
         x2=\"{W}\" y2=\"{y}\" stroke=\"#ccc\"/><polyline fill=\"none\" stroke=\"{colour}\" \
         stroke-width=\"1.5\" points=\"{}\"/></svg>",
        points.join(" "),
        y = H / 2.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_point_of_a_short_line_and_the_last_of_a_long_one_once() {
        assert_eq!(kept(5, 400).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
        let long: Vec<usize> = kept(1001, 400).collect();
        assert_eq!(long.first(), Some(&0));
        assert_eq!(long.last(), Some(&1000));
        assert_eq!(long.len(), 501, "every second point and the last");
        let mut dedup = long.clone();
        dedup.dedup();
        assert_eq!(dedup, long, "no point twice");
        assert_eq!(kept(0, 400).count(), 0);
    }

    #[test]
    fn a_title_cannot_break_out_of_the_chart() {
        let mut o = String::new();
        let lines = [Line {
            points: vec![(0, 1.0), (1, f64::NAN), (2, 3.0)],
            colour: "#000000".into(),
            width: 1.0,
            dashed: false,
            title: "</title><script>x</script>".into(),
        }];
        chart(
            &mut o,
            &Chart {
                frame: SMALL,
                title: "a \"b\" <c>",
                lines: &lines,
                marks: &[],
                last_day: None,
                caption: "",
                max_points: 400,
            },
        );
        assert!(!o.contains("<script>"), "{o}");
        assert!(o.contains("a &quot;b&quot; &lt;c&gt;"), "{o}");
        // The missing value leaves a gap in the points, not a NaN.
        assert!(!o.contains("NaN"), "{o}");
        assert_eq!(o.matches("<polyline").count(), 1);
    }

    #[test]
    fn a_sparkline_is_coloured_by_where_it_ends() {
        assert!(sparkline(&[0, -3, 2]).contains("#009E73"));
        assert!(sparkline(&[0, 3, -2]).contains("#D55E00"));
        assert!(sparkline(&[]).contains("#777"));
    }
}
