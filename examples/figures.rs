//! Every figure of the lab drawn to SVG files under `target/figures/`, for a person to look
//! at: `cargo run --example figures`. The tests in `tests/figures/` check what they hold.

// The figure tests' own views of the lab's numbers, so both draw the same pictures.
#[path = "../tests/figures/draw.rs"]
#[macro_use]
mod draw;
#[path = "../tests/figures/lab.rs"]
mod lab;

use std::path::Path;

use gd_lab::figures::contour::ContourView;
use gd_lab::figures::cost_curve::CostCurveView;
use gd_lab::figures::data_space::{DataView, Line};
use gd_lab::figures::surface::SurfaceView;
use gd_lab::figures::{
    contour, cost_curve, data_space, palette, surface, ContourImage, Marker, Style,
};
use gd_lab::model::{train, TrainConfig};
use lab::*;

fn main() {
    let lab = lab();
    let practice = train(
        &lab.q,
        &TrainConfig {
            lr: 0.2,
            ..TrainConfig::LAB
        },
    )
    .expect("run");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/figures");
    std::fs::create_dir_all(&dir).expect("dir");
    let save = |name: &str, s: String| std::fs::write(dir.join(name), s).expect("write");
    let style = Style::default();
    let data = data_view(&lab, Marker::Cross, None);
    save("data.svg", svg!(|a| data_space::draw(a, &data, &style)).0);
    let model = Some(Line {
        slope: lab.run.w[3],
        bias: lab.run.b[3],
    });
    let training = DataView {
        title: "Data space, iteration 3",
        y_range: Some(DataView::TRAINING_Y_RANGE),
        ..data_view(&lab, Marker::Circle, model)
    };
    save(
        "data_training.svg",
        svg!(|a| data_space::draw(a, &training, &style)).0,
    );

    let image = ContourImage::new(&lab.grid);
    let both = [
        path(&lab.run, palette::RUNS[0], "lr 0.1"),
        path(&practice, palette::RUNS[1], "lr 0.2"),
    ];
    let view = lab_contour(&lab, &image, &both);
    save("contour.svg", svg!(|a| contour::draw(a, &view, &style)).0);
    let dpr2 = svg_sized!((1280, 960), |a| contour::draw(a, &view, &Style::new(2.0))).0;
    save("contour_dpr2.svg", dpr2);
    let div = diverging(&lab.q);
    let one = [path(&div, palette::RUNS[0], "lr 0.4")];
    let view = ContourView {
        title: "Diverging, lr 0.4",
        paths: &one,
        current: None,
        ..view
    };
    save(
        "contour_diverging.svg",
        svg!(|a| contour::draw(a, &view, &style)).0,
    );

    save(
        "surface.svg",
        svg!(|a| surface::draw(a, &lab_surface(&lab, false), &style)).0,
    );
    let sp = [surface_path(&lab.run, "lr 0.1")];
    let after = SurfaceView {
        title: "After training",
        paths: &sp,
        ..lab_surface(&lab, true)
    };
    save(
        "wireframe.svg",
        svg!(|a| surface::draw(a, &after, &style)).0,
    );
    let turned = SurfaceView {
        yaw: 2.4,
        pitch: 0.9,
        ..lab_surface(&lab, false)
    };
    save(
        "surface_turned.svg",
        svg!(|a| surface::draw(a, &turned, &style)).0,
    );

    let runs = [
        run(&lab.run.cost, 0, "lr 0.1", Marker::Circle),
        run(&practice.cost, 1, "lr 0.2", Marker::Square),
    ];
    let cv = cost_view(&runs, false, 3);
    save("cost.svg", svg!(|a| cost_curve::draw(a, &cv, &style)).0);
    let runs = [runs[0], run(&div.cost, 1, "lr 0.4", Marker::Square)];
    let cv = CostCurveView { runs: &runs, ..cv };
    save(
        "cost_diverging.svg",
        svg!(|a| cost_curve::draw(a, &cv, &style)).0,
    );
    let log = CostCurveView { log_y: true, ..cv };
    save(
        "cost_log.svg",
        svg!(|a| cost_curve::draw(a, &log, &style)).0,
    );
    let (panels, _) = svg_sized!((1280, 480), |a| {
        let (left, right) = a.split_horizontally(640);
        data_space::draw(&left, &training, &style)?;
        contour::draw(&right, &lab_contour(&lab, &image, &both[..1]), &style)
    });
    save("panels.svg", panels);
    println!("figures written to {}", dir.display());
}
