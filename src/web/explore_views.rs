//! The explorer's four views (data, contour, surface, cost), its table and its run legend,
//! redrawn according to the update's `Changes`, all at the same iteration.

use super::dom::{self, by_id, set_text, set_text_by_id};
use super::figure_view::FigureView;
use super::render::{costs_text, pointer_to_surface, show};
use super::state::with_lab;
use super::table;
use super::views::{optimum2, optimum3, paint_contour, paint_training_data, true_line, y_range};
use crate::app::explore::{Changes, Explorer};
use crate::app::explore_keys::verdict_text;
use crate::app::formula_edit::{cost_key, line_model};
use crate::app::notes::short;
use crate::app::page::Page;
use crate::app::race;
use crate::figures::contour::{ContourView, PathOverlay};
use crate::figures::cost_curve::{CostCurveView, Run};
use crate::figures::data_space::Line;
use crate::figures::surface::{SurfacePath, SurfaceView};
use crate::figures::{palette, ContourImage, Marker};
use crate::model::number;
use crate::model::Optimizer;

/// What the explorer's contour base shows: the lab's data, or its own new noise, and grid.
fn explore_key(lab: &Page, e: &Explorer) -> String {
    format!(
        "contour/{}/{}/{:x}/{}/{}",
        crate::app::lab_data::data_key(&lab.config),
        e.spec.seed,
        e.spec.noise.to_bits(),
        e.grid_spec.n_w,
        cost_key(&e.scene.problem)
    )
}

/// Colours of kept runs, after the current run's vermillion.
pub(super) const KEPT_COLORS: [plotters::style::RGBColor; 6] = [
    palette::SKY_BLUE,
    palette::REDDISH_PURPLE,
    palette::BLUISH_GREEN,
    palette::ORANGE,
    palette::BLUE,
    palette::BLACK,
];
pub(super) const KEPT_MARKERS: [Marker; 6] = [
    Marker::Square,
    Marker::Diamond,
    Marker::Triangle,
    Marker::Dot,
    Marker::Circle,
    Marker::Star,
];

fn run_label(optimizer: &Optimizer, lr: f64, w0: f64, b0: f64) -> String {
    // Plain descent keeps its short label; any other optimizer is named first.
    let name = if *optimizer == Optimizer::default() {
        String::new()
    } else {
        format!("{} ", race::display_name(optimizer))
    };
    format!("{name}lr {} from ({}, {})", short(lr), short(w0), short(b0))
}

/// One part of the explorer's redraw: a view, or the table and legend.
#[derive(Clone, Copy)]
enum Part {
    Data,
    ContourAndCost,
    Surface,
    TableAndLegend,
}

impl Part {
    const ALL: [Part; 4] = [
        Part::Data,
        Part::ContourAndCost,
        Part::Surface,
        Part::TableAndLegend,
    ];

    /// Whether `changes` call for this part.
    fn needed(self, c: &Changes) -> bool {
        let moved = c.data || c.run || c.frame;
        match self {
            Part::Data => moved,
            Part::ContourAndCost => moved || c.runs,
            Part::Surface => moved || c.view || c.runs,
            // The table's highlight follows every change.
            Part::TableAndLegend => true,
        }
    }
}

/// Redraws the explorer's views that `changes` names, all at the same iteration.
pub fn explore(changes: &Changes) {
    for part in Part::ALL {
        if part.needed(changes) {
            draw(part, changes);
        }
    }
}

/// Redraws every view, each a slice of its own while the page opens (see `slices::next`).
pub fn explore_all() {
    let parts =
        Part::ALL.map(|part| Box::new(move || draw(part, &Changes::ALL)) as super::slices::Slice);
    super::slices::next(parts.into());
}

fn draw(part: Part, changes: &Changes) {
    with_lab(|lab| {
        let (Some(e), Some(image)) = (&lab.explorer, lab.explore_contour()) else {
            return;
        };
        if e.run.is_empty() {
            return;
        }
        let i = e.iteration.min(e.last());
        let current = run_label(&e.optimizer, e.config.lr, e.config.w0, e.config.b0);
        let kept = || -> Vec<String> {
            e.kept
                .iter()
                .map(|k| run_label(&k.optimizer, k.config.lr, k.config.w0, k.config.b0))
                .collect()
        };
        match part {
            Part::Data => explore_data(lab, e, i),
            Part::ContourAndCost => {
                let kept = kept();
                explore_contour(lab, e, image, i, &current, &kept);
                explore_cost(e, i, &current, &kept);
            }
            Part::Surface => explore_surface(lab, e, i, &current),
            Part::TableAndLegend => {
                if changes.data || changes.run {
                    table::fill("explore-table", &e.run);
                }
                // A new start or rate renames the current run ("from (w0, b0)"): its
                // legend follows.
                if changes.runs || changes.data || changes.run {
                    kept_legend(&current, &kept());
                }
                table::highlight("explore-table", i);
            }
        }
    });
}

fn explore_data(lab: &Page, e: &Explorer, i: usize) {
    let line = line_model(&e.scene.problem);
    let alt = format!(
        "Points and {} at iteration {i}: w = {}, b = {}.",
        if line {
            "the model line"
        } else {
            "no line (the model is not w·x + b)"
        },
        short(e.run.w[i]),
        short(e.run.b[i])
    );
    let samples = &e.scene.data.samples;
    // New noise keeps the lab's line; any other data keeps its own (or none).
    let truth = if e.owns_noise {
        Some(Line {
            slope: e.spec.slope,
            bias: e.spec.bias,
        })
    } else {
        true_line(lab)
    };
    let range = y_range(lab, samples);
    paint_training_data(
        "explore-data",
        &alt,
        samples,
        (&e.run, i, line),
        truth,
        range,
    );
}

fn explore_contour(
    lab: &Page,
    e: &Explorer,
    image: &ContourImage,
    i: usize,
    current: &str,
    kept: &[String],
) {
    let title = format!("Parameter space, iteration {i}");
    let mut paths: Vec<PathOverlay> = e
        .kept
        .iter()
        .zip(kept)
        .enumerate()
        .map(|(k, (run, label))| PathOverlay {
            w: &run.run.w,
            b: &run.run.b,
            color: KEPT_COLORS[k % 6],
            label,
            marker: KEPT_MARKERS[k % 6],
        })
        .collect();
    paths.push(PathOverlay {
        w: &e.run.w[..=i],
        b: &e.run.b[..=i],
        color: palette::VERMILLION,
        label: current,
        marker: Marker::Cross,
    });
    let view = ContourView {
        title: &title,
        image,
        paths: &paths,
        current: Some((e.run.w[i], e.run.b[i])),
        optimum: optimum2(e.scene.analysis),
    };
    let alt = format!(
        "Contour plot of the cost, iteration {i} of {}. {} Arrow keys move the start, Shift for \
         bigger steps; a click starts from the point clicked.",
        e.last(),
        verdict_text(e)
    );
    paint_contour("explore-contour", &alt, &explore_key(lab, e), view);
}

fn explore_cost(e: &Explorer, i: usize, current: &str, kept: &[String]) {
    let mut runs: Vec<Run> = e
        .kept
        .iter()
        .zip(kept)
        .enumerate()
        .map(|(k, (run, label))| Run {
            costs: &run.run.cost,
            color: KEPT_COLORS[k % 6],
            label,
            marker: KEPT_MARKERS[k % 6],
            dashed: true,
        })
        .collect();
    runs.push(Run {
        costs: &e.run.cost,
        color: palette::VERMILLION,
        label: current,
        marker: Marker::Dot,
        dashed: false,
    });
    let view = CostCurveView {
        title: "Cost per iteration",
        runs: &runs,
        log_y: e.log_scale,
        current: Some(i),
    };
    let alt = format!(
        "Cost per iteration{}, {}; at iteration {i} the cost is {}. Arrow keys move the \
         iteration cursor.",
        if e.log_scale { " on a log scale" } else { "" },
        costs_text(&e.run.cost),
        short(e.run.cost[i])
    );
    show("explore-cost", &alt, &FigureView::Costs(view), None);
}

fn explore_surface(lab: &Page, e: &Explorer, i: usize, current: &str) {
    let run = &e.run;
    let paths = [SurfacePath {
        w: &run.w[..=i],
        b: &run.b[..=i],
        cost: &run.cost[..=i],
        color: palette::VERMILLION,
        label: current,
    }];
    let view = SurfaceView {
        title: "Cost surface (drag to turn)",
        grid: &e.scene.grid,
        yaw: e.angles.0,
        pitch: e.angles.1,
        wireframe: false,
        paths: &paths,
        current: Some((run.w[i], run.b[i], run.cost[i])),
        optimum: optimum3(e.scene.analysis),
    };
    let alt = format!(
        "3D cost surface seen from yaw {}°, pitch {}°, with the path up to iteration {i} (cost \
         {}). {} Arrow keys turn it.",
        number::shortest(e.angles.0.to_degrees().round()),
        number::shortest(e.angles.1.to_degrees().round()),
        short(run.cost[i]),
        verdict_text(e)
    );
    // The base layer depends on the view angle, the data and the cost (the grid is theirs).
    let key = format!(
        "{:x}/{:x}/{}",
        e.angles.0.to_bits(),
        e.angles.1.to_bits(),
        explore_key(lab, e)
    );
    show(
        "explore-surface",
        &alt,
        &FigureView::Surface(view),
        Some(&key),
    );
}

fn kept_legend(current: &str, kept: &[String]) {
    let Some(list) = by_id("explore-runs") else {
        return;
    };
    list.set_text_content(None);
    let now = std::iter::once(("run-now".to_string(), format!("now: {current}")));
    let others = kept
        .iter()
        .enumerate()
        .map(|(k, label)| (format!("run-k{}", k % 6), format!("kept: {label}")));
    // The class gives each entry its run's colour swatch (see style.css).
    for (class, text) in now.chain(others) {
        let item = super::dom::create("li", &class);
        set_text(&item, &text);
        dom::append(&list, &item);
    }
}

/// Reads out (w, b, cost) of the surface point nearest the pointer on the explorer's surface.
pub fn surface_readout(event: &web_sys::MouseEvent) {
    let text = pointer_to_surface("explore-surface", event)
        .map(|(w, b, cost)| format!("w = {}, b = {}, cost = {}", short(w), short(b), short(cost)));
    set_text_by_id(
        "readout-explore-surface",
        &text.unwrap_or_else(|| "drag to turn; arrow keys too".into()),
    );
}
