//! Which figure each notebook cell draws, from which numbers: the bridge from the lab's state
//! to the figure views (the explorer's are in `explore_views`, the results' and the practice's
//! comparison in `results_views`). Every number drawn here comes
//! from the `Lab` the cells computed.

use super::figure_view::FigureView;
use super::lab::{with_lab, Lab};
use super::render::{optimum_text, show};
use crate::app::notes::short;
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
pub(super) fn lab_key(lab: &Lab) -> String {
    let c = &lab.config;
    format!("contour/{}/{:?}/{}", c.seed, c.noise, c.grid)
}

/// Draws a contour plot whose colour image and axes come from the shared base layer `key`.
pub(super) fn paint_contour(name: &str, alt: &str, key: &str, view: ContourView<'_>) {
    show(name, alt, &FigureView::Contour(view), Some(key));
}

fn true_line(lab: &Lab) -> Line {
    let spec = lab.config.data_spec();
    Line {
        slope: spec.slope,
        bias: spec.bias,
    }
}

/// Cell 2: the noisy points (crosses) and the true line.
pub fn data_cell() {
    with_lab(|lab| {
        let Some(scene) = &lab.scene else { return };
        let s = &scene.data.samples;
        let line = true_line(lab);
        let alt = format!(
            "Scatter of {} noisy points around the true line y = {}·x {} {}, x from {} to {}.",
            s.len(),
            short(line.slope),
            if line.bias < 0.0 { "−" } else { "+" },
            short(line.bias.abs()),
            short(s.x()[0]),
            short(s.x()[s.len() - 1])
        );
        let view = DataView {
            title: "Noisy data and the true line",
            x: s.x(),
            y: s.y(),
            marker: Marker::Cross,
            true_line: Some(line),
            model_line: None,
            y_range: None,
        };
        show("data", &alt, &FigureView::Data(view), None);
    });
}

/// Cell 4: the cost surface in 3D and as contours.
pub fn surface_cell() {
    with_lab(|lab| {
        let (Some(scene), Some(image)) = (&lab.scene, &lab.contour) else {
            return;
        };
        let (lo, hi) = scene.grid.min_max();
        let alt = format!(
            "The cost over w and b from {} to {}: a bowl with cost from {} to {}; {}.",
            short(scene.grid.w[0]),
            short(scene.grid.w[scene.grid.w.len() - 1]),
            short(lo),
            short(hi),
            optimum_text(lab)
        );
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
        let alt3 = format!("3D surface. {alt}");
        show("surface", &alt3, &FigureView::Surface(view), None);
        let view = ContourView {
            title: "Cost contours",
            image,
            paths: &[],
            current: None,
            optimum: optimum2(scene.analysis),
        };
        paint_contour(
            "contour",
            &format!("Contour plot. {alt}"),
            &lab_key(lab),
            view,
        );
    });
}

/// One pair of cell 5 (or the practice): data space and parameter space at iteration `i`.
pub fn run_pair(prefix: &str, run: &Trajectory, i: usize) {
    with_lab(|lab| {
        let (Some(scene), Some(image)) = (&lab.scene, &lab.contour) else {
            return;
        };
        let s = &scene.data.samples;
        let (w, b, cost) = (run.w[i], run.b[i], run.cost[i]);
        let state = format!(
            "iteration {i}: w = {}, b = {}, cost {}",
            short(w),
            short(b),
            short(cost)
        );
        let alt = format!("The points and the model line at {state}.");
        let name = format!("{prefix}-{i}-data");
        paint_training_data(&name, &alt, s, (run, i), None);
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
            current: Some((w, b)),
            optimum: optimum2(scene.analysis),
        };
        let alt = format!(
            "Contour plot with the {} points visited up to {state}.",
            i + 1
        );
        paint_contour(&format!("{prefix}-{i}-params"), &alt, &lab_key(lab), view);
    });
}

/// The points and the model line of `run` at iteration `i` (and the true line, if given), on
/// the training panels' fixed y range.
pub fn paint_training_data(
    name: &str,
    alt: &str,
    samples: &Samples,
    (run, i): (&Trajectory, usize),
    true_line: Option<Line>,
) {
    let title = format!("Data space, iteration {i}");
    let view = DataView {
        title: &title,
        x: samples.x(),
        y: samples.y(),
        marker: Marker::Circle,
        true_line,
        model_line: Some(Line {
            slope: run.w[i],
            bias: run.b[i],
        }),
        y_range: Some(DataView::TRAINING_Y_RANGE),
    };
    show(name, alt, &FigureView::Data(view), None);
}
