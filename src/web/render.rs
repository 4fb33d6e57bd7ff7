//! Drawing figures on the page's canvases: size each canvas for the device pixel ratio, draw
//! with [`LabCanvas`] (through [`LabBackend`], the one backend type figures are compiled for),
//! give it a text alternative, and keep its [`PlotFrame`] for pointers;
//! on request, draw the same view as an SVG for a save.

use crate::model::number;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MouseEvent};

use super::backend::LabBackend;
use super::canvas::LabCanvas;
use super::dom::{self, by_id_as};
use super::figure_view::{Drawn, FigureView};
use super::state::{self, with_lab};
use super::svg::LabSvg;
use crate::app::notes::{fmt, short};
use crate::app::page::Page;
use crate::figures::{FigureError, Layers, Style};

/// The drawing area every figure function receives in the browser.
pub type Area = DrawingArea<LabBackend<'static>, Shift>;

/// Sizes the canvas `fig-<name>` to its CSS box times the device pixel ratio; `None` while it
/// is not laid out (a hidden cell), so nothing is drawn at a wrong size.
fn prepare(name: &str) -> Option<(HtmlCanvasElement, Style)> {
    let canvas = by_id_as::<HtmlCanvasElement>(&format!("fig-{name}"))?;
    let (width, height) = super::sizes::css_size(&canvas);
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let dpr = number::clamp(dom::window().device_pixel_ratio(), 1.0, 4.0);
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let theme = state::with(|s| s.figure_theme.get());
    Some((canvas, Style::new(dpr).with_bitmaps().with_theme(theme)))
}

/// Draws figure `name` from `view`, describes it for screen readers with `alt`, and keeps
/// what pointers need. With `base_key`, a layered view draws its base once per key and size
/// (see [`paint_layered`]). When a save asked for this figure's SVG, the same view is also
/// drawn whole onto the SVG backend.
pub fn show(name: &str, alt: &str, view: &FigureView<'_>, base_key: Option<&str>) {
    let Some((canvas, style)) = prepare(name) else {
        return;
    };
    describe(&canvas, alt);
    capture(name, &canvas, &style, view);
    let (base, top) = match base_key.filter(|_| view.layered()) {
        Some(key) => paint_layered(name, &canvas, &style, key, view),
        None => (
            None,
            draw_on(name, canvas, &style, |a, s| view.draw(a, s, Layers::All)),
        ),
    };
    for drawn in [base, top].into_iter().flatten() {
        match drawn {
            Drawn::Plot(frame) => {
                state::with(|s| {
                    s.figures
                        .borrow_mut()
                        .frames
                        .insert(name.to_string(), frame)
                });
            }
            Drawn::Surface(frame) if !frame.is_empty() => {
                state::with(|s| {
                    s.figures
                        .borrow_mut()
                        .surfaces
                        .insert(name.to_string(), frame)
                });
            }
            Drawn::Surface(_) => {}
        }
    }
}

/// Draws `view` as an SVG when [`svg_of`] asked for figure `name`.
fn capture(name: &str, canvas: &HtmlCanvasElement, style: &Style, view: &FigureView<'_>) {
    let wanted = state::with(|s| s.figures.borrow().svg.0.as_deref() == Some(name));
    if !wanted {
        return;
    }
    let mut out = String::new();
    let drawn = LabSvg::new(&mut out, (canvas.width(), canvas.height()), canvas).map(|svg| {
        let area = LabBackend::Svg(svg).into_drawing_area();
        // An SVG keeps its colour image as rectangles: no bitmap blitting there.
        let style = Style {
            bitmaps: false,
            ..*style
        };
        view.draw(&area, &style, Layers::All)
            .and_then(|_| area.present().map_err(FigureError::from))
    });
    match drawn {
        Some(Ok(())) => state::with(|s| s.figures.borrow_mut().svg.1 = Some(out)),
        Some(Err(e)) => dom::warn(&format!("figure {name} as SVG: {e}")),
        None => dom::warn(&format!(
            "figure {name} as SVG: no 2D context to measure text"
        )),
    }
}

/// The SVG of figure `name`, drawn from the view that `redraw` (the figure's cell drawing
/// itself again from the lab's state) builds; `None` if it drew nothing.
pub fn svg_of(name: &str, redraw: impl FnOnce()) -> Option<String> {
    state::with(|s| s.figures.borrow_mut().svg = (Some(name.to_string()), None));
    redraw();
    state::with(|s| std::mem::take(&mut s.figures.borrow_mut().svg).1)
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
    let area = LabBackend::Canvas(LabCanvas::new(canvas)?).into_drawing_area();
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
fn paint_layered(
    name: &str,
    canvas: &HtmlCanvasElement,
    style: &Style,
    key: &str,
    view: &FigureView<'_>,
) -> (Option<Drawn>, Option<Drawn>) {
    let key = format!(
        "{key}/{}x{}/{:x}",
        canvas.width(),
        canvas.height(),
        style.scale.to_bits()
    );
    let cached = state::with(|s| s.figures.borrow().bases.get(&key).cloned());
    let (offscreen, drawn) = match cached {
        Some(offscreen) => (offscreen, None),
        None => match draw_base(name, canvas, style, key, view) {
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
    let top = draw_on(name, canvas.clone(), style, |a, s| {
        view.draw(a, s, Layers::Overlays)
    });
    (drawn, top)
}

/// Most base layers kept at once (each is a canvas-sized bitmap).
const MAX_BASES: usize = 8;

fn draw_base(
    name: &str,
    canvas: &HtmlCanvasElement,
    style: &Style,
    key: String,
    view: &FigureView<'_>,
) -> Option<(HtmlCanvasElement, Drawn)> {
    let offscreen = dom::create("canvas", "")
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    offscreen.set_width(canvas.width());
    offscreen.set_height(canvas.height());
    let t = draw_on(name, offscreen.clone(), style, |a, s| {
        view.draw(a, s, Layers::Base)
    })?;
    state::with(|s| {
        let bases = &mut s.figures.borrow_mut().bases;
        if bases.len() >= MAX_BASES {
            bases.clear();
        }
        bases.insert(key, offscreen.clone());
    });
    Some((offscreen, t))
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
    state::with(|s| {
        let figures = s.figures.borrow();
        figures
            .frames
            .get(name)
            .and_then(|frame| frame.to_data(px, py))
    })
}

/// The (w, b, cost) of the surface node under a pointer on the 3D figure `name`.
pub fn pointer_to_surface(name: &str, event: &MouseEvent) -> Option<(f64, f64, f64)> {
    let (px, py, ratio) = backend_pixel(event)?;
    state::with(|s| {
        s.figures
            .borrow()
            .surfaces
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
        "explore-cost" => format!(
            "iteration ≈ {}, cost = {}",
            number::shortest(a.round().max(0.0)),
            short(b)
        ),
        _ => format!("x = {}, y = {}", short(a), short(b)),
    });
    dom::set_text_by_id(&format!("readout-{name}"), &text.unwrap_or_default());
}

/// The lab's analysis numbers for text alternatives: "optimum (w*, b*)".
pub fn optimum_text(lab: &Page) -> String {
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
        // Only the mean squared error of a line has a closed-form optimum to mark.
        .unwrap_or_else(|| "no closed-form optimum is marked for this cost".into())
}

/// One-line summary of a cost series for a text alternative.
pub fn costs_text(costs: &[f64]) -> String {
    match (costs.first(), costs.last()) {
        (Some(a), Some(b)) => format!(
            "cost from {} to {} over {}",
            short(*a),
            short(*b),
            crate::app::plural::count(costs.len(), "record", "records")
        ),
        _ => "no records".into(),
    }
}
