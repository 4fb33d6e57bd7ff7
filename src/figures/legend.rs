//! Legend entries: a short sample of a series' line and marker beside its label.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection, Rectangle, Text};
use plotters::prelude::DrawingArea;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use super::error::FigureError;
use super::layout::Corner;
use super::marks::Mark;
use super::overlay::Look;
use super::style::Style;

/// The legend's entries, collected while the series are drawn, then drawn in one box.
///
/// Drawn by hand rather than by plotters' series labels: those measure text through the
/// font backend, which in a browser inserts a `<span style=…>` per label (refused under a
/// strict CSP, and a page layout each time). Here text is measured by the backend itself.
#[derive(Default)]
pub(crate) struct Legend {
    entries: Vec<(String, Look)>,
}

impl Legend {
    /// Adds an entry for a series with this look; an empty label adds nothing.
    pub(crate) fn add(&mut self, label: &str, look: Look) {
        if !label.is_empty() {
            self.entries.push((label.to_owned(), look));
        }
    }

    /// Draws the entries on a white box in `corner` of `area` (the plot's pixels).
    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        corner: Corner,
        style: &Style,
    ) -> Result<(), FigureError> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let font = style.tick_font();
        let mut text_w = 0;
        let mut line_h = 0;
        for (label, _) in &self.entries {
            let (w, h) = area.estimate_text_size(label, &font)?;
            text_w = text_w.max(w as i32);
            line_h = line_h.max(h as i32);
        }
        let (pad, gap, margin) = (style.px_i32(6.0), style.px_i32(6.0), style.px_i32(8.0));
        let sample_w = style.px_i32(22.0);
        let line_h = line_h.max(style.px_i32(14.0)) + style.px_i32(3.0);
        let box_w = pad + sample_w + gap + text_w + pad;
        let box_h = pad + line_h * self.entries.len() as i32 + pad;
        let (area_w, area_h) = area.dim_in_pixel();
        let right = matches!(corner, Corner::UpperRight | Corner::LowerRight);
        let upper = matches!(corner, Corner::UpperRight | Corner::UpperLeft);
        let x = if right {
            area_w as i32 - margin - box_w
        } else {
            margin
        };
        let y = if upper {
            margin
        } else {
            area_h as i32 - margin - box_h
        };
        let corners = [(x, y), (x + box_w, y + box_h)];
        area.draw(&Rectangle::new(corners, style.paper().mix(0.88).filled()))?;
        area.draw(&Rectangle::new(
            corners,
            style.ink().mix(0.4).stroke_width(style.px_u32(1.0)),
        ))?;
        for (k, (label, look)) in self.entries.iter().enumerate() {
            let yc = y + pad + line_h * k as i32 + line_h / 2;
            area.draw(&sample(*look, style).at((x + pad, yc)))?;
            let at = (x + pad + sample_w + gap, yc);
            let font = font.clone().pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Text::new(label.clone(), at, font))?;
        }
        Ok(())
    }
}

fn sample(look: Look, style: &Style) -> Sample {
    Sample {
        width: style.px_i32(22.0),
        radius: style.px_i32(4.0),
        stroke: style.px_u32(1.6),
        line: style.px_u32(look.line),
        dash: style.px_i32(6.0),
        look: Look {
            color: style.series(look.color),
            ..look
        },
    }
}

/// A legend sample: a short line (solid or dashed) with a marker in its middle.
#[derive(Clone, Copy)]
struct Sample {
    width: i32,
    radius: i32,
    stroke: u32,
    line: u32,
    dash: i32,
    look: Look,
}

impl Sample {
    fn at(self, at: BackendCoord) -> Placed {
        Placed { at, sample: self }
    }
}

struct Placed {
    at: BackendCoord,
    sample: Sample,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Placed {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Placed {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        dim: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some((x, y)) = pos.next() else {
            return Ok(());
        };
        let s = &self.sample;
        if s.look.line > 0.0 {
            let style = s.look.color.stroke_width(s.line);
            let step = if s.look.dashed { s.dash } else { s.width };
            for x0 in (0..s.width).step_by((2 * step).max(1) as usize) {
                backend.draw_line((x + x0, y), (x + (x0 + step).min(s.width), y), &style)?;
            }
        }
        if let Some(shape) = s.look.marker {
            let mark = Mark::new((), shape, s.radius, s.stroke, s.look.color);
            mark.draw(std::iter::once((x + s.width / 2, y)), backend, dim)?;
        }
        Ok(())
    }
}
