//! The race's output: every racer's path on the contour plot and the 3D surface, their costs
//! on one chart, the legend, and the table (each number exact in `data-value`).

use super::dom::{self, by_id, set_attr, set_text, set_text_by_id};
use super::explore_views::{KEPT_COLORS, KEPT_MARKERS};
use super::figure_view::FigureView;
use super::render::{optimum_text, show};
use super::state::with_lab;
use super::views::{lab_key, optimum2, optimum3, paint_contour};
use crate::app::notes::{fmt, short};
use crate::app::page::Page;
use crate::app::race_run::RaceResult;
use crate::figures::contour::{ContourView, PathOverlay};
use crate::figures::cost_curve::{CostCurveView, Run};
use crate::figures::surface::{SurfacePath, SurfaceView};
use crate::model::number;

/// Draws the last race: figures, legend, table and note.
pub fn draw() {
    with_lab(|lab| {
        let Some(result) = &lab.race else { return };
        let labels: Vec<String> = result.rows.iter().map(|r| r.label.clone()).collect();
        contour(lab, result, &labels);
        surface(lab, result, &labels);
        costs(lab, result, &labels);
        legend(&labels);
        table(result);
        set_text_by_id("race-note", result.note.as_deref().unwrap_or_default());
    });
}

fn summary(result: &RaceResult, labels: &[String]) -> String {
    let parts: Vec<String> = labels
        .iter()
        .zip(&result.runs)
        .map(|(label, run)| {
            let last = run.cost.last().copied().unwrap_or(f64::NAN);
            format!("{label} ends at cost {}", short(last))
        })
        .collect();
    parts.join("; ")
}

fn contour(lab: &Page, result: &RaceResult, labels: &[String]) {
    let (Some(scene), Some(image)) = (&lab.scene, lab.contour()) else {
        return;
    };
    let paths: Vec<PathOverlay> = result
        .runs
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(k, (run, label))| PathOverlay {
            w: &run.w,
            b: &run.b,
            color: KEPT_COLORS[k % 6],
            label,
            marker: KEPT_MARKERS[k % 6],
        })
        .collect();
    let view = ContourView {
        title: "The racers' paths",
        image,
        paths: &paths,
        current: None,
        optimum: optimum2(scene.analysis),
    };
    let alt = format!(
        "Contour plot with {} paths from the same start: {}; {}.",
        paths.len(),
        summary(result, labels),
        optimum_text(lab)
    );
    paint_contour("race-contour", &alt, &lab_key(lab), view);
}

fn surface(lab: &Page, result: &RaceResult, labels: &[String]) {
    let Some(scene) = &lab.scene else { return };
    let paths: Vec<SurfacePath> = result
        .runs
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(k, (run, label))| SurfacePath {
            w: &run.w,
            b: &run.b,
            cost: &run.cost,
            color: KEPT_COLORS[k % 6],
            label,
        })
        .collect();
    let view = SurfaceView::wireframe_with(
        "The racers on the cost surface",
        &scene.grid,
        &paths,
        optimum3(scene.analysis),
    );
    let alt = format!(
        "Wireframe of the cost surface with {} paths on it: {}.",
        paths.len(),
        summary(result, labels)
    );
    show("race-surface", &alt, &FigureView::Surface(view), None);
}

fn costs(lab: &Page, result: &RaceResult, labels: &[String]) {
    let runs: Vec<Run> = result
        .runs
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(k, (run, label))| Run {
            costs: &run.cost,
            color: KEPT_COLORS[k % 6],
            label,
            marker: KEPT_MARKERS[k % 6],
            // Every other curve dashed: curves that overlap stay apart in black and white.
            dashed: k % 2 == 1,
        })
        .collect();
    let scale = if lab.race_log { "log" } else { "linear" };
    let view = CostCurveView {
        title: "Cost per iteration, every racer",
        runs: &runs,
        log_y: lab.race_log,
        current: None,
    };
    let alt = format!(
        "Cost per iteration on a {scale} scale: {}.",
        summary(result, labels)
    );
    show("race-cost", &alt, &FigureView::Costs(view), None);
}

fn legend(labels: &[String]) {
    let Some(list) = by_id("race-legend") else {
        return;
    };
    list.set_text_content(None);
    for (k, label) in labels.iter().enumerate() {
        // The class gives the entry its racer's colour swatch (see style.css).
        let item = dom::create("li", &format!("run-k{}", k % 6));
        set_text(&item, label);
        dom::append(&list, &item);
    }
}

fn table(result: &RaceResult) {
    let Some(body) = by_id("race-table").and_then(|t| dom::find(&t, "tbody")) else {
        return;
    };
    body.set_text_content(None);
    for row in &result.rows {
        let tr = dom::create("tr", "");
        let within = row.within.map_or("never".to_string(), |k| k.to_string());
        let cells = [
            (row.label.clone(), None),
            (fmt(row.final_cost), Some(row.final_cost)),
            (within, row.within.map(|k| k as f64)),
            (row.verdict.clone(), None),
        ];
        for (text, value) in cells {
            let td = dom::create("td", "");
            set_text(&td, &text);
            if let Some(v) = value {
                // The exact number, so anyone can check it against the API's `train`.
                set_attr(&td, "data-value", &number::shortest(v));
            }
            dom::append(&tr, &td);
        }
        dom::append(&body, &tr);
    }
}
