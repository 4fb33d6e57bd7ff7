//! Drawing a figure onto an SVG string: with the lab's own SVG backend (the one saved figures
//! use) and with plotters' `SVGBackend`, which must write the same markup.

use gd_lab::figures::svg::Svg;
use gd_lab::figures::FigureError;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws onto a `size` SVG twice, with the lab's backend and with plotters', checks that
/// both wrote the same markup, and returns it with what the lab's drawing returned.
macro_rules! svg_sized {
    ($size:expr, |$a:ident| $body:expr) => {{
        let size = $size;
        let theirs = $crate::draw::on_plotters(size, |$a| $body);
        let ours = $crate::draw::on_lab(size, |$a| $body);
        assert_eq!(
            ours.0, theirs.0,
            "the lab's SVG differs from plotters' SVGBackend"
        );
        ours
    }};
}

/// [`svg_sized!`] on a 640 × 480 SVG.
macro_rules! svg {
    (|$a:ident| $body:expr) => {
        svg_sized!((640, 480), |$a| $body)
    };
}

/// Draws on the lab's SVG backend.
pub fn on_lab<T>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Svg<'_>, Shift>) -> Result<T, FigureError>,
) -> (String, T) {
    let mut out = String::new();
    let result = {
        let area = Svg::new(&mut out, size).into_drawing_area();
        let result = draw(&area).expect("figure draws");
        area.present().expect("present");
        result
    };
    (out, result)
}

/// Draws on plotters' SVG backend.
pub fn on_plotters<T>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<T, FigureError>,
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
