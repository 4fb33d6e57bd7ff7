//! Which figure each notebook cell draws, from which numbers: the bridge from the lab's state
//! to the figure views (the explorer's are in `explore_views`, the results' and the practice's
//! comparison in `results_views`). Every number drawn here comes
//! from the `Lab` the cells computed.

use super::figure_view::FigureView;
use super::render::{optimum_text, show};
use super::state::with_lab;
use crate::app::formula_edit::{cost_key, line_model};
use crate::app::notes::short;
use crate::app::page::Page;
use crate::app::scene::Scene;
use crate::app::{describe, plural};
use crate::figures::contour::{ContourView, PathOverlay};
use crate::figures::data_space::{DataView, Line};
use crate::figures::surface::SurfaceView;
use crate::figures::{palette, Marker};
use crate::model::{Analysis, Samples, Trajectory};

pub(super) fn optimum2(a: Option<Analysis>) -> Option<(f64, f64)> {
    a.map(|a| (a.w_star, a.b_star))
}

pub(super) fn optimum3(a: Option<Analysis>) -> Option<(f64, f64, f64)> {
    a.map(|a| (a.w_star, a.b_star, a.cost_star))
}

/// What a contour plot's base layer shows: the lab's data and grid.
pub(super) fn lab_key(lab: &Page) -> String {
    let cost = lab
        .scene
        .as_ref()
        .map_or_else(|| "-".into(), |s| format!("={}", cost_key(&s.problem)));
    format!(
        "contour/{}/{cost}",
        crate::app::lab_data::data_key(&lab.config)
    )
}

/// Draws a contour plot whose colour image and axes come from the shared base layer `key`.
pub(super) fn paint_contour(name: &str, alt: &str, key: &str, view: ContourView<'_>) {
    show(name, alt, &FigureView::Contour(view), Some(key));
}

/// The true line of the lab's data, in the units it is fitted in, when it has one.
pub(super) fn true_line(lab: &Page) -> Option<Line> {
    let (slope, bias) = lab.data.as_ref()?.truth?;
    Some(Line { slope, bias })
}

/// The training panels' y range for the lab's data.
pub(super) fn y_range(lab: &Page, samples: &Samples) -> Option<(f64, f64)> {
    crate::app::lab_data::training_y_range(&lab.config, samples)
}

/// Cell 2: the points (crosses) and the true line, when the data has one.
pub fn data_cell() {
    with_lab(|lab| {
        let Some(scene) = &lab.scene else { return };
        let s = &scene.data.samples;
        let line = true_line(lab);
        let (lo, hi) = s
            .x()
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let around = match line {
            Some(l) => format!(
                "around the true line y = {}·x {} {}",
                short(l.slope),
                if l.bias < 0.0 { "−" } else { "+" },
                short(l.bias.abs())
            ),
            None => "with no true line (the data was given, not generated)".into(),
        };
        let which = if lab.config.standardize {
            "standardized x"
        } else {
            "x"
        };
        let alt = format!(
            "Scatter of {} points {around}, {which} from {} to {}.",
            s.len(),
            short(lo),
            short(hi)
        );
        let title = match (line.is_some(), lab.config.standardize) {
            (true, false) => "Noisy data and the true line",
            (true, true) => "Data on standardized x, and the true line",
            (false, false) => "Your data",
            (false, true) => "Your data on standardized x",
        };
        let view = DataView {
            title,
            x: s.x(),
            y: s.y(),
            marker: Marker::Cross,
            true_line: line,
            model_line: None,
            y_range: None,
        };
        show("data", &alt, &FigureView::Data(view), None);
    });
}

/// Cell 4: the cost surface in 3D and as contours.
pub fn surface_cell() {
    // Three slices while the page opens, each a short task of its own: the surface, the
    // contour image (computed once per scene), and the contour figure.
    super::slices::next(vec![
        Box::new(surface_figure),
        Box::new(contour_image),
        Box::new(contour_figure),
    ]);
}

/// Computes the scene's contour image now, if no figure needed it yet.
fn contour_image() {
    with_lab(|lab| lab.contour().map(|_| ()));
}

/// What the surface and the contour figures show, for their text alternatives.
fn bowl_text(lab: &Page, scene: &Scene) -> String {
    let (lo, hi) = scene.grid.min_max();
    format!(
        "The cost over w and b from {} to {}: {} with cost from {} to {}; {}.",
        short(scene.grid.w[0]),
        short(scene.grid.w[scene.grid.w.len() - 1]),
        if scene.analysis.is_some() {
            "a bowl"
        } else {
            "the surface of the cost formula"
        },
        short(lo),
        short(hi),
        optimum_text(lab)
    )
}

fn surface_figure() {
    with_lab(|lab| {
        let Some(scene) = &lab.scene else {
            return;
        };
        let view = SurfaceView {
            title: "Cost surface L(w, b)",
            grid: &scene.grid,
            yaw: SurfaceView::DEFAULT_YAW,
            pitch: SurfaceView::DEFAULT_PITCH,
            wireframe: false,
            paths: &[],
            current: None,
            optimum: optimum3(scene.analysis),
        };
        let alt = format!("3D surface. {}", bowl_text(lab, scene));
        show("surface", &alt, &FigureView::Surface(view), None);
    });
}

fn contour_figure() {
    with_lab(|lab| {
        let (Some(scene), Some(image)) = (&lab.scene, lab.contour()) else {
            return;
        };
        let view = ContourView {
            title: "Cost contours",
            image,
            paths: &[],
            current: None,
            optimum: optimum2(scene.analysis),
        };
        let alt = format!("Contour plot. {}", bowl_text(lab, scene));
        paint_contour("contour", &alt, &lab_key(lab), view);
    });
}

/// What a pair's figures say of iteration `i`.
fn pair_state(run: &Trajectory, i: usize) -> String {
    format!(
        "iteration {i}: w = {}, b = {}, cost {}",
        short(run.w[i]),
        short(run.b[i]),
        short(run.cost[i])
    )
}

/// The data half of a pair of cell 5 (or the practice): the points and the line at
/// iteration `i`. Each half is a slice of its own while the page opens.
pub fn pair_data(prefix: &str, run: &Trajectory, i: usize) {
    with_lab(|lab| {
        let Some(scene) = &lab.scene else {
            return;
        };
        let s = &scene.data.samples;
        let line = line_model(&scene.problem);
        let shown = if line {
            "the model line"
        } else {
            "no line (the model is not w·x + b)"
        };
        let alt = format!("The points and {shown} at {}.", pair_state(run, i));
        let name = format!("{prefix}-{i}-data");
        paint_training_data(&name, &alt, s, (run, i, line), None, y_range(lab, s));
    });
}

/// The parameter half of a pair: the path on the contours up to iteration `i`.
pub fn pair_params(prefix: &str, run: &Trajectory, i: usize) {
    with_lab(|lab| {
        let (Some(scene), Some(image)) = (&lab.scene, lab.contour()) else {
            return;
        };
        let title = format!("Parameter space, iteration {i}");
        let path = [PathOverlay {
            w: &run.w[..=i],
            b: &run.b[..=i],
            color: palette::RUNS[0],
            label: "visited (w, b)",
            marker: Marker::Cross,
        }];
        let view = ContourView {
            title: &title,
            image,
            paths: &path,
            current: Some((run.w[i], run.b[i])),
            optimum: optimum2(scene.analysis),
        };
        let window = lab.grid_spec();
        let whole = describe::path_sentence(run, scene.analysis.as_ref(), &window);
        let alt = format!(
            "Contour plot with the {} visited up to {}. The whole run: {whole}",
            plural::count(i + 1, "point", "points"),
            pair_state(run, i)
        );
        paint_contour(&format!("{prefix}-{i}-params"), &alt, &lab_key(lab), view);
    });
}

/// The points and the model line of `run` at iteration `i` (and the true line, if given), on
/// the y range given (the lab's fixed one for its own line). A model that is not `w*x + b`
/// (`line` false) is not a line, so none is drawn for it.
pub fn paint_training_data(
    name: &str,
    alt: &str,
    samples: &Samples,
    (run, i, line): (&Trajectory, usize, bool),
    true_line: Option<Line>,
    y_range: Option<(f64, f64)>,
) {
    let title = format!("Data space, iteration {i}");
    let view = DataView {
        title: &title,
        x: samples.x(),
        y: samples.y(),
        marker: Marker::Circle,
        true_line,
        model_line: line.then(|| Line {
            slope: run.w[i],
            bias: run.b[i],
        }),
        y_range,
    };
    show(name, alt, &FigureView::Data(view), None);
}
