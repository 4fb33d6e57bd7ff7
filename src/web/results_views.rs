//! What the lab draws after training: cell 6 (the run on the surface, on the contours, and its
//! cost curve) and the practice's comparison of two learning rates.

use super::dom::set_text_by_id;
use super::figure_view::FigureView;
use super::render::{costs_text, optimum_text, show};
use super::state::with_lab;
use super::views::{lab_key, optimum2, optimum3, paint_contour};
use crate::app::explore::Scene;
use crate::app::formula_notes;
use crate::app::notes::{self, short};
use crate::app::page::Page;
use crate::app::{describe, plural};
use crate::figures::contour::{ContourView, PathOverlay};
use crate::figures::cost_curve::{CostCurveView, Run};
use crate::figures::surface::{SurfacePath, SurfaceView};
use crate::figures::{palette, Marker};
use crate::model::Trajectory;

/// Cell 6: the wireframe with the visited points, the path on the contours, the cost curve.
pub fn results_cell() {
    // Each figure a slice of its own while the page opens (see `slices::next`).
    super::slices::next(vec![
        Box::new(|| {
            with_run(|lab, scene, run, label| {
                let path = describe::path_sentence(run, scene.analysis.as_ref(), &lab.grid_spec());
                results_surface(scene, run, label, &path);
            })
        }),
        Box::new(|| with_run(|lab, _, run, label| results_contour(lab, run, label))),
        Box::new(|| {
            with_run(|_, _, run, label| {
                let alt = format!("Line chart: {}.", costs_text(&run.cost));
                let runs = [lab_costs(&run.cost, label)];
                paint_costs("results-cost", "Cost per iteration", &alt, &runs);
            })
        }),
    ]);
}

/// Runs `f` with the lab's scene, run and the run's label, once both exist.
fn with_run(f: impl FnOnce(&Page, &Scene, &Trajectory, &str)) {
    with_lab(|lab| {
        let (Some(scene), Some(run)) = (&lab.scene, &lab.run) else {
            return;
        };
        let label = format!("lr {}", short(lab.config.lr));
        f(lab, scene, run, &label);
    });
}

fn results_surface(scene: &Scene, run: &Trajectory, label: &str, path: &str) {
    let paths = [SurfacePath {
        w: &run.w,
        b: &run.b,
        cost: &run.cost,
        color: palette::RUNS[0],
        label,
    }];
    let view = SurfaceView::wireframe_with(
        "Visited points on the cost surface",
        &scene.grid,
        &paths,
        optimum3(scene.analysis),
    );
    let alt = format!(
        "Wireframe of the cost surface with the {} on it; {}. {}",
        plural::count(run.len(), "visited point", "visited points"),
        costs_text(&run.cost),
        path
    );
    show("results-surface", &alt, &FigureView::Surface(view), None);
}

fn results_contour(lab: &Page, run: &Trajectory, label: &str) {
    let (Some(scene), Some(image)) = (&lab.scene, lab.contour()) else {
        return;
    };
    let path = [PathOverlay {
        w: &run.w,
        b: &run.b,
        color: palette::RUNS[0],
        label,
        marker: Marker::Cross,
    }];
    let view = ContourView {
        title: "Path of gradient descent",
        image,
        paths: &path,
        current: None,
        optimum: optimum2(scene.analysis),
    };
    let alt = format!(
        "Contour plot with the path of {}. {} {}.",
        plural::count(run.len(), "point", "points"),
        describe::path_sentence(run, scene.analysis.as_ref(), &lab.grid_spec()),
        optimum_text(lab)
    );
    paint_contour("results-contour", &alt, &lab_key(lab), view);
}

/// Practice (b): LOSS and LOSS2 on one chart, and what the comparison shows.
pub fn compare_cell() {
    let note = with_lab(|lab| {
        let (Some(run), Some((lr2, run2))) = (&lab.run, &lab.practice) else {
            return None;
        };
        let (l1, l2) = (
            format!("LOSS (lr {})", short(lab.config.lr)),
            format!("LOSS2 (lr {})", short(*lr2)),
        );
        let runs = [
            lab_costs(&run.cost, &l1),
            Run {
                costs: &run2.cost,
                color: palette::RUNS[1],
                label: &l2,
                marker: Marker::Triangle,
                dashed: true,
            },
        ];
        let alt = format!(
            "Two cost curves. {l1}: {}. {l2}: {}.",
            costs_text(&run.cost),
            costs_text(&run2.cost)
        );
        let title = "Cost per iteration: two learning rates";
        paint_costs("practice-compare", title, &alt, &runs);
        // The bowl's explanation holds only for the mean squared error of a line.
        let compare = match lab.scene.as_ref().and_then(|s| s.analysis) {
            Some(_) => notes::compare_note,
            None => formula_notes::compare_note_general,
        };
        Some(compare(&run.cost, lab.config.lr, &run2.cost, *lr2))
    });
    set_text_by_id("practice-compare-note", &note.flatten().unwrap_or_default());
}

/// The lab run's cost curve: the first run colour, solid, with dots.
fn lab_costs<'a>(costs: &'a [f64], label: &'a str) -> Run<'a> {
    Run {
        costs,
        color: palette::RUNS[0],
        label,
        marker: Marker::Dot,
        dashed: false,
    }
}

/// Draws `runs` as cost curves on a linear scale on the canvas `name`.
fn paint_costs(name: &str, title: &str, alt: &str, runs: &[Run<'_>]) {
    let view = CostCurveView {
        title,
        runs,
        log_y: false,
        current: None,
    };
    show(name, alt, &FigureView::Costs(view), None);
}
