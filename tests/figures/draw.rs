//! Drawing a figure onto an SVG string.

use gd_lab::figures::FigureError;
use plotters::coord::Shift;
use plotters::prelude::*;

pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Draws onto a `size` SVG and returns the markup and what the figure returned.
pub fn svg_sized<T>(
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Result<T, FigureError>,
) -> (String, T) {
    let mut out = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let result = draw(&area).expect("figure draws");
        area.present().expect("present");
        result
    };
    (out, result)
}

/// Draws onto a 640 × 480 SVG.
pub fn svg<T>(draw: impl FnOnce(&Area<'_>) -> Result<T, FigureError>) -> (String, T) {
    svg_sized((640, 480), draw)
}
