//! The page's one backend type in headless Chromium: the same figure drawn on a canvas and as
//! a saved SVG, each through `LabBackend`, with its text measured by the canvas.
#![cfg(target_arch = "wasm32")]

use gd_lab::figures::data_space::{self, DataView, Line};
use gd_lab::figures::{Marker, Style};
use gd_lab::web::backend::LabBackend;
use gd_lab::web::canvas::LabCanvas;
use gd_lab::web::svg::LabSvg;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const X: [f64; 4] = [-1.0, 0.0, 1.5, 3.0];
const Y: [f64; 4] = [-2.0, 1.0, 4.0, 7.5];

fn view() -> DataView<'static> {
    DataView {
        title: "Make some data",
        x: &X,
        y: &Y,
        marker: Marker::Circle,
        true_line: Some(Line {
            slope: 2.0,
            bias: 1.0,
        }),
        model_line: None,
        y_range: None,
    }
}

fn canvas() -> HtmlCanvasElement {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .expect("a canvas");
    canvas.set_width(480);
    canvas.set_height(360);
    canvas
}

/// The contents of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    let inner = |t: &str| Some(t[t.find('>')? + 1..t.find("</text>")?].trim().to_owned());
    svg.split("<text").skip(1).filter_map(inner).collect()
}

#[wasm_bindgen_test]
fn a_figure_drawn_as_svg_through_the_one_backend_holds_its_texts_and_points() {
    let canvas = canvas();
    let mut out = String::new();
    let svg = LabSvg::new(&mut out, (480, 360), &canvas).expect("a 2D context");
    let area = LabBackend::Svg(svg).into_drawing_area();
    let frame = data_space::draw(&area, &view(), &Style::default()).expect("drawn");
    area.present().expect("written");
    drop(area);
    assert!(out.starts_with("<svg"), "an SVG document: {}", &out[..40]);
    let texts = texts(&out);
    for text in ["Make some data", DataView::DATA_LABEL, DataView::TRUE_LABEL] {
        assert!(texts.iter().any(|t| t == text), "{text:?} in {texts:?}");
    }
    // One circle per point and the legend's sample.
    assert_eq!(out.matches("<circle").count(), X.len() + 1);
    assert!(frame.to_data(frame.left + 1.0, frame.top + 1.0).is_some());
}

#[wasm_bindgen_test]
fn a_figure_drawn_on_the_canvas_through_the_one_backend_paints_it() {
    let canvas = canvas();
    let backend = LabBackend::Canvas(LabCanvas::new(canvas.clone()).expect("a 2D context"));
    let area = backend.into_drawing_area();
    let frame = data_space::draw(&area, &view(), &Style::default()).expect("drawn");
    area.present().expect("presented");
    // A pixel inside the plot was painted (the figure fills its background white).
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .expect("context");
    let (x, y) = (frame.left + 2.0, frame.top + 2.0);
    let pixel = context
        .get_image_data(x, y, 1.0, 1.0)
        .expect("pixels")
        .data();
    assert_eq!(pixel[3], 255, "opaque at ({x}, {y})");
}
