//! Drawing figures on the page's canvases: size each canvas for the device pixel ratio, draw
//! with [`LabCanvas`], give it a text alternative, and keep its [`PlotFrame`] for pointers.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MouseEvent};

use super::canvas::LabCanvas;
use super::dom::{self, by_id_as};
use super::lab::{with_lab, Lab};
use crate::app::notes::{fmt, short};
use crate::figures::{FigureError, PlotFrame, Style, SurfaceFrame};

thread_local! {
    static FRAMES: RefCell<HashMap<String, PlotFrame>> = RefCell::new(HashMap::new());
    static SURFACES: RefCell<HashMap<String, SurfaceFrame>> = RefCell::new(HashMap::new());
    /// Offscreen base layers, by what they show and their size.
    static BASES: RefCell<HashMap<String, HtmlCanvasElement>> = RefCell::new(HashMap::new());
}

/// The drawing area every figure function receives in the browser.
pub type Area = DrawingArea<LabCanvas, Shift>;

/// Sizes the canvas `fig-<name>` to its CSS box times the device pixel ratio; `None` while it
/// is not laid out (a hidden cell), so nothing is drawn at a wrong size.
fn prepare(name: &str) -> Option<(HtmlCanvasElement, Style)> {
    let canvas = by_id_as::<HtmlCanvasElement>(&format!("fig-{name}"))?;
    let (width, height) = super::sizes::css_size(&canvas);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let dpr = dom::window().device_pixel_ratio().clamp(1.0, 4.0);
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    Some((canvas, Style::new(dpr).with_bitmaps()))
}

/// Draws figure `name` with `draw`, and describes it for screen readers with `alt`.
pub fn paint<T>(
    name: &str,
    alt: &str,
    draw: impl FnOnce(&Area, &Style) -> Result<T, FigureError>,
) -> Option<T> {
    let (canvas, style) = prepare(name)?;
    describe(&canvas, alt);
    draw_on(name, canvas, &style, draw)
}

fn describe(canvas: &HtmlCanvasElement, alt: &str) {
    dom::set_attr(canvas, "role", "img");
    dom::set_attr(canvas, "aria-label", alt);
}

/// Draws on `canvas` (visible or not); a failure is logged with the figure's name.
fn draw_on<T>(
    name: &str,
    canvas: HtmlCanvasElement,
    style: &Style,
    draw: impl FnOnce(&Area, &Style) -> Result<T, FigureError>,
) -> Option<T> {
    let area = LabCanvas::new(canvas)?.into_drawing_area();
    let result =
        draw(&area, style).and_then(|t| area.present().map(|_| t).map_err(FigureError::from));
    match result {
        Ok(t) => Some(t),
        Err(e) => {
            dom::warn(&format!("figure {name}: {e}"));
            None
        }
    }
}

/// Draws a figure in two layers (see [`crate::figures::Layers`]). The base is drawn into an
/// offscreen canvas only when no figure has drawn one for `key` (grid, view angle) at this
/// size; otherwise the kept one is copied. The overlays are drawn on top every time. So
/// scrubbing never projects the 3D mesh again, and the lab's nine contour plots fill their
/// colour image once. Returns what the base (if drawn now) and the overlays returned.
pub fn paint_layered<T>(
    name: &str,
    alt: &str,
    key: &str,
    base: impl FnOnce(&Area, &Style) -> Result<T, FigureError>,
    overlays: impl FnOnce(&Area, &Style) -> Result<T, FigureError>,
) -> (Option<T>, Option<T>) {
    let Some((canvas, style)) = prepare(name) else {
        return (None, None);
    };
    describe(&canvas, alt);
    let key = format!(
        "{key}/{}x{}/{}",
        canvas.width(),
        canvas.height(),
        style.scale
    );
    let cached = BASES.with(|b| b.borrow().get(&key).cloned());
    let (offscreen, drawn) = match cached {
        Some(offscreen) => (offscreen, None),
        None => match draw_base(name, &canvas, &style, key, base) {
            Some((offscreen, t)) => (offscreen, Some(t)),
            None => return (None, None),
        },
    };
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    let Some(context) = context else {
        return (drawn, None);
    };
    dom::checked(
        "drawImage",
        context.draw_image_with_html_canvas_element(&offscreen, 0.0, 0.0),
    );
    (drawn, draw_on(name, canvas, &style, overlays))
}

/// Most base layers kept at once (each is a canvas-sized bitmap).
const MAX_BASES: usize = 8;

fn draw_base<T>(
    name: &str,
    canvas: &HtmlCanvasElement,
    style: &Style,
    key: String,
    base: impl FnOnce(&Area, &Style) -> Result<T, FigureError>,
) -> Option<(HtmlCanvasElement, T)> {
    let offscreen = dom::create("canvas", "")
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    offscreen.set_width(canvas.width());
    offscreen.set_height(canvas.height());
    let t = draw_on(name, offscreen.clone(), style, base)?;
    BASES.with(|b| {
        let mut bases = b.borrow_mut();
        if bases.len() >= MAX_BASES {
            bases.clear();
        }
        bases.insert(key, offscreen.clone());
    });
    Some((offscreen, t))
}

/// Keeps the node positions of a 3D figure drawn by [`paint_layered`].
pub fn keep_surface(name: &str, frame: SurfaceFrame) {
    SURFACES.with(|f| f.borrow_mut().insert(name.to_string(), frame));
}

/// Draws a 2D figure in layers (see [`paint_layered`]) and keeps its frame for pointers.
pub fn paint_layered_framed(
    name: &str,
    alt: &str,
    key: &str,
    base: impl FnOnce(&Area, &Style) -> Result<PlotFrame, FigureError>,
    overlays: impl FnOnce(&Area, &Style) -> Result<PlotFrame, FigureError>,
) {
    if let (_, Some(frame)) = paint_layered(name, alt, key, base, overlays) {
        FRAMES.with(|f| f.borrow_mut().insert(name.to_string(), frame));
    }
}

/// Draws a 2D figure and keeps its frame for pointer events.
pub fn paint_framed(
    name: &str,
    alt: &str,
    draw: impl FnOnce(&Area, &Style) -> Result<PlotFrame, FigureError>,
) {
    if let Some(frame) = paint(name, alt, draw) {
        FRAMES.with(|f| f.borrow_mut().insert(name.to_string(), frame));
    }
}

/// A pointer's position in the canvas's backend pixels, and the pixels per CSS pixel.
fn backend_pixel(event: &MouseEvent) -> Option<(f64, f64, f64)> {
    let canvas = event.target()?.dyn_into::<HtmlCanvasElement>().ok()?;
    let ratio = canvas.width() as f64 / canvas.client_width().max(1) as f64;
    Some((
        event.offset_x() as f64 * ratio,
        event.offset_y() as f64 * ratio,
        ratio,
    ))
}

/// The data point under a pointer on figure `name`, if it lies on the plot.
pub fn pointer_to_data(name: &str, event: &MouseEvent) -> Option<(f64, f64)> {
    let (px, py, _) = backend_pixel(event)?;
    FRAMES.with(|f| f.borrow().get(name).and_then(|frame| frame.to_data(px, py)))
}

/// The (w, b, cost) of the surface node under a pointer on the 3D figure `name`.
pub fn pointer_to_surface(name: &str, event: &MouseEvent) -> Option<(f64, f64, f64)> {
    let (px, py, ratio) = backend_pixel(event)?;
    SURFACES.with(|f| {
        f.borrow()
            .get(name)
            .and_then(|frame| frame.nearest(px, py, 24.0 * ratio))
    })
}

/// Shows the values under the pointer beneath figure `name`.
pub fn readout(name: &str, point: Option<(f64, f64)>) {
    let text = point.map(|(a, b)| match name {
        "explore-contour" => {
            let cost = with_lab(|lab| lab.explorer.as_ref().map(|e| e.scene.cost(a, b))).flatten();
            format!(
                "w = {}, b = {}, cost = {}",
                short(a),
                short(b),
                cost.map_or("?".into(), short)
            )
        }
        "explore-cost" => format!("iteration ≈ {}, cost = {}", a.round().max(0.0), short(b)),
        _ => format!("x = {}, y = {}", short(a), short(b)),
    });
    dom::set_text_by_id(&format!("readout-{name}"), &text.unwrap_or_default());
}

/// The lab's analysis numbers for text alternatives: "optimum (w*, b*)".
pub fn optimum_text(lab: &Lab) -> String {
    lab.scene
        .as_ref()
        .and_then(|s| s.analysis)
        .map(|a| {
            format!(
                "optimum w* = {}, b* = {}, cost {}",
                short(a.w_star),
                short(a.b_star),
                fmt(a.cost_star)
            )
        })
        .unwrap_or_default()
}

/// One-line summary of a cost series for a text alternative.
pub fn costs_text(costs: &[f64]) -> String {
    match (costs.first(), costs.last()) {
        (Some(a), Some(b)) => format!(
            "cost from {} to {} over {} records",
            short(*a),
            short(*b),
            costs.len()
        ),
        _ => "no records".into(),
    }
}
