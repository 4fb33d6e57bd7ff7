//! The lab's numbers, and views of them for every kind of figure.

use gd_lab::figures::contour::{ContourView, PathOverlay};
use gd_lab::figures::cost_curve::{CostCurveView, Run};
use gd_lab::figures::data_space::{DataView, Line};
use gd_lab::figures::surface::{SurfacePath, SurfaceView};
use gd_lab::figures::{palette, ContourImage, Marker};
use gd_lab::model::*;
use plotters::style::RGBColor;

/// The default data, its cost, analysis and grid, and the lab's run (lr 0.1).
pub struct Lab {
    pub data: Dataset,
    pub q: CostQuadratic,
    pub analysis: Analysis,
    pub grid: LossGrid,
    pub run: Trajectory,
}

pub fn lab() -> Lab {
    let data = generate(&DataSpec::default()).expect("default data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let analysis = analyze(&q).expect("x varies");
    let grid = loss_grid(&q, &GridSpec::LAB).expect("grid");
    let run = train(&q, &TrainConfig::LAB).expect("run");
    Lab {
        data,
        q,
        analysis,
        grid,
        run,
    }
}

/// Learning rate 0.4 for 40 iterations: past the critical rate, so the run diverges.
pub fn diverging(q: &CostQuadratic) -> Trajectory {
    let config = TrainConfig {
        lr: 0.4,
        iterations: 40,
        ..TrainConfig::LAB
    };
    train(q, &config).expect("run")
}

pub fn data_view(lab: &Lab, marker: Marker, model: Option<Line>) -> DataView<'_> {
    DataView {
        title: "Make some data",
        x: lab.data.samples.x(),
        y: lab.data.samples.y(),
        marker,
        true_line: Some(Line {
            slope: 1.0,
            bias: -1.0,
        }),
        model_line: model,
        y_range: None,
    }
}

pub fn path<'a>(run: &'a Trajectory, color: RGBColor, label: &'a str) -> PathOverlay<'a> {
    PathOverlay {
        w: &run.w,
        b: &run.b,
        color,
        label,
        marker: Marker::Cross,
    }
}

pub fn lab_contour<'a>(
    lab: &'a Lab,
    image: &'a ContourImage,
    paths: &'a [PathOverlay<'a>],
) -> ContourView<'a> {
    ContourView {
        title: "Parameter space, iteration 3",
        image,
        paths,
        current: Some((lab.run.w[3], lab.run.b[3])),
        optimum: Some((lab.analysis.w_star, lab.analysis.b_star)),
    }
}

pub fn surface_path<'a>(run: &'a Trajectory, label: &'a str) -> SurfacePath<'a> {
    let color = palette::RUNS[0];
    SurfacePath {
        w: &run.w,
        b: &run.b,
        cost: &run.cost,
        color,
        label,
    }
}

pub fn lab_surface(lab: &Lab, wireframe: bool) -> SurfaceView<'_> {
    let a = &lab.analysis;
    SurfaceView {
        title: "The cost surface",
        grid: &lab.grid,
        yaw: SurfaceView::DEFAULT_YAW,
        pitch: SurfaceView::DEFAULT_PITCH,
        wireframe,
        paths: &[],
        current: None,
        optimum: Some((a.w_star, a.b_star, a.cost_star)),
    }
}

pub fn run<'a>(costs: &'a [f64], k: usize, label: &'a str, marker: Marker) -> Run<'a> {
    Run {
        costs,
        color: palette::RUNS[k],
        label,
        marker,
        dashed: k % 2 == 1,
    }
}

/// The cost curves of `runs` with iteration `current` marked, titled "Cost per iteration".
pub fn cost_view<'a>(runs: &'a [Run<'a>], log_y: bool, current: usize) -> CostCurveView<'a> {
    CostCurveView {
        title: "Cost per iteration",
        runs,
        log_y,
        current: Some(current),
    }
}
