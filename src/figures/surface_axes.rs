//! The 3D chart's axis titles ("w", "b", "cost"), beside the edge where plotters put each
//! axis's tick labels. Which edge that is depends on the view angle, so the choice below
//! follows plotters' own (`draw_axis_panel` and `draw_axis` in its 3D chart): the back panel
//! of each other axis, then the edge nearest the viewer. `surface_box` draws the axes and
//! their ticks on the same edges.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::FigureError;
use super::style::Style;
use super::surface_mesh::Chart3d;
use plotters::coord::CoordTranslate;

/// A point of the chart as (w, cost, b).
pub(crate) type V3 = [f64; 3];

/// Writes "w", "b" and "cost" beside their axes. `ranges` are the chart's x (w), y (cost)
/// and z (b) ranges.
pub(crate) fn draw_titles<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    area: &DrawingArea<DB, Shift>,
    ranges: [(f64, f64); 3],
    style: &Style,
) -> Result<(), FigureError> {
    let coords = chart.as_coord_spec();
    let depth = |p: V3| coords.projected_depth(&p[0], &p[1], &p[2]);
    let px = |p: V3| {
        let (x, y) = coords.translate(&(p[0], p[1], p[2]));
        (f64::from(x), f64::from(y))
    };
    let mid = |i: usize| 0.5 * (ranges[i].0 + ranges[i].1);
    let centre = px([mid(0), mid(1), mid(2)]);
    let base = area.get_base_pixel();
    let font = style.desc_font().pos(Pos::new(HPos::Center, VPos::Center));
    for (idx, title) in [(0, "w"), (1, "cost"), (2, "b")] {
        let (start, end) = tick_edge(&depth, &px, ranges, idx);
        let at = if idx == 1 {
            let top = px(end);
            (top.0, top.1 - style.px(16.0))
        } else {
            let m = px([0, 1, 2].map(|k| 0.5 * (start[k] + end[k])));
            let (dx, dy) = (m.0 - centre.0, m.1 - centre.1);
            let norm = dx.hypot(dy).max(1.0);
            let off = style.px(40.0);
            (m.0 + dx / norm * off, m.1 + dy / norm * off)
        };
        let rel = (at.0.round() as i32 - base.0, at.1.round() as i32 - base.1);
        area.draw(&Text::new(title, rel, font.clone()))?;
    }
    Ok(())
}

/// The edge along axis `idx` that carries its tick labels, (start, end) from its low end.
pub(crate) fn tick_edge(
    depth: &dyn Fn(V3) -> i32,
    px: &dyn Fn(V3) -> (f64, f64),
    r: [(f64, f64); 3],
    idx: usize,
) -> (V3, V3) {
    let mins = [r[0].0, r[1].0, r[2].0];
    let back = |i: usize| {
        let mut far = mins;
        far[i] = r[i].1;
        if depth(mins) >= depth(far) {
            r[i].0
        } else {
            r[i].1
        }
    };
    let others: Vec<usize> = (0..3).filter(|&k| k != idx).collect();
    let mut plans = Vec::new();
    for (i, j) in [(others[0], others[1]), (others[1], others[0])] {
        for v in [r[j].0, r[j].1] {
            let mut s = mins;
            s[i] = back(i);
            s[j] = v;
            let mut e = s;
            e[idx] = r[idx].1;
            plans.push((s, e));
        }
    }
    let key = |(s, e): &(V3, V3)| (depth(*s) + depth(*e), (px(*s).1 + px(*e).1) as i64);
    plans.into_iter().min_by_key(key).unwrap_or((mins, mins))
}
