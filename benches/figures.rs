//! Figure benchmarks: the contour image (once per grid) and each figure drawn to an SVG string.
//!
//! `cargo bench --bench figures`. The browser's canvas costs more per call; the page's own
//! redraw times come from `cargo xtask bench`.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use gd_lab::figures::contour::{self, ContourView, PathOverlay};
use gd_lab::figures::surface::{self, SurfacePath, SurfaceView};
use gd_lab::figures::svg::Svg;
use gd_lab::figures::{palette, ContourImage, Marker, Style};
use gd_lab::model::*;
use plotters::prelude::IntoDrawingArea;

fn scene(side: usize) -> (LossGrid, Trajectory) {
    let data = generate(&DataSpec::default()).expect("data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let grid = loss_grid(
        &q,
        &GridSpec {
            n_w: side,
            n_b: side,
            ..GridSpec::LAB
        },
    )
    .expect("grid");
    (grid, train(&q, &TrainConfig::LAB).expect("run"))
}

fn figures(c: &mut Criterion) {
    let style = Style::default();
    let mut group = c.benchmark_group("figure");
    for side in [30, 200] {
        let (grid, run) = scene(side);
        group.bench_function(BenchmarkId::new("contour image", side), |b| {
            b.iter(|| ContourImage::new(&grid))
        });
        let image = ContourImage::new(&grid);
        let paths = [PathOverlay {
            w: &run.w,
            b: &run.b,
            color: palette::RUNS[0],
            label: "run",
            marker: Marker::Cross,
        }];
        let view = ContourView {
            title: "contour",
            image: &image,
            paths: &paths,
            current: None,
            optimum: None,
        };
        group.bench_function(BenchmarkId::new("contour svg", side), |b| {
            b.iter(|| {
                let mut out = String::new();
                let area = Svg::new(&mut out, (640, 480)).into_drawing_area();
                contour::draw(&area, &view, &style)
                    .map(|_| ())
                    .expect("draws");
            })
        });
        let path = [SurfacePath {
            w: &run.w,
            b: &run.b,
            cost: &run.cost,
            color: palette::RUNS[0],
            label: "run",
        }];
        let view = SurfaceView {
            title: "surface",
            grid: &grid,
            yaw: 0.7,
            pitch: 0.45,
            wireframe: false,
            paths: &path,
            current: None,
            optimum: None,
        };
        group.bench_function(BenchmarkId::new("surface svg", side), |b| {
            b.iter(|| {
                let mut out = String::new();
                let area = Svg::new(&mut out, (640, 480)).into_drawing_area();
                surface::draw(&area, &view, &style)
                    .map(|_| ())
                    .expect("draws");
            })
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::config(); targets = figures }
criterion_main!(benches);
