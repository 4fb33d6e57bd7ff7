//! Every figure drawn natively to SVG: what a learner relies on is there (captions, axis
//! labels, one marker per point, legends, viridis colours), divergence and hostile input
//! draw finite charts without panicking, and the plot frames map pixels to data and back.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use gd_lab::figures::contour::{ContourView, PathOverlay};
use gd_lab::figures::cost_curve::{CostCurveView, Run};
use gd_lab::figures::data_space::{DataView, Line};
use gd_lab::figures::surface::{SurfacePath, SurfaceView};
use gd_lab::figures::{
    contour, cost_curve, data_space, palette, surface, ContourImage, CostScale, FigureError,
    Marker, PlotFrame, Style, SurfaceFrame,
};
use gd_lab::model::*;
use plotters::coord::Shift;
use plotters::prelude::*;

// ---------------------------------------------------------------------------------------
// The lab's numbers and views of them.

struct Lab {
    data: Dataset,
    q: CostQuadratic,
    analysis: Analysis,
    grid: LossGrid,
    run: Trajectory,
    practice: Trajectory,
}

fn lab() -> Lab {
    let data = generate(&DataSpec::default()).expect("default data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let analysis = analyze(&q).expect("x varies");
    let grid = loss_grid(&q, &GridSpec::LAB).expect("grid");
    let run = train(&q, &TrainConfig::LAB).expect("run");
    let practice = train(
        &q,
        &TrainConfig {
            lr: 0.2,
            ..TrainConfig::LAB
        },
    )
    .expect("run");
    Lab {
        data,
        q,
        analysis,
        grid,
        run,
        practice,
    }
}

/// Learning rate 0.4 for 40 iterations: past the critical rate, so the run diverges.
fn diverging(q: &CostQuadratic) -> Trajectory {
    let config = TrainConfig {
        lr: 0.4,
        iterations: 40,
        ..TrainConfig::LAB
    };
    train(q, &config).expect("run")
}

fn data_view(lab: &Lab, marker: Marker, model: Option<Line>) -> DataView<'_> {
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

fn path<'a>(run: &'a Trajectory, color: RGBColor, label: &'a str) -> PathOverlay<'a> {
    PathOverlay {
        w: &run.w,
        b: &run.b,
        color,
        label,
        marker: Marker::Cross,
    }
}

fn lab_contour<'a>(
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

fn surface_path<'a>(run: &'a Trajectory, label: &'a str) -> SurfacePath<'a> {
    let color = palette::RUNS[0];
    SurfacePath {
        w: &run.w,
        b: &run.b,
        cost: &run.cost,
        color,
        label,
    }
}

fn lab_surface(lab: &Lab, wireframe: bool) -> SurfaceView<'_> {
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

fn run<'a>(costs: &'a [f64], k: usize, label: &'a str, marker: Marker) -> Run<'a> {
    Run {
        costs,
        color: palette::RUNS[k],
        label,
        marker,
        dashed: k % 2 == 1,
    }
}

// ---------------------------------------------------------------------------------------
// Drawing to SVG and reading it back.

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Draws onto a `size` SVG and returns the markup and what the figure returned.
fn svg_sized<T>(
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> Result<T, FigureError>,
) -> (String, T) {
    let mut out = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let result = draw(&area).expect("figure draws");
        area.present().expect("present");
        result
    };
    (out, result)
}

/// Draws onto a 640 × 480 SVG.
fn svg<T>(draw: impl FnOnce(&Area<'_>) -> Result<T, FigureError>) -> (String, T) {
    svg_sized((640, 480), draw)
}

/// The contents of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    let inner = |t: &str| Some(t[t.find('>')? + 1..t.find("</text>")?].trim().to_owned());
    svg.split("<text").skip(1).filter_map(inner).collect()
}

fn has_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn assert_texts(svg: &str, wanted: &[&str]) {
    for text in wanted {
        assert!(
            has_text(svg, text),
            "missing text {text:?} in {:?}",
            texts(svg)
        );
    }
}

/// Elements `<tag` whose attributes contain `attr`.
fn count(svg: &str, tag: &str, attr: &str) -> usize {
    let head = |e: &str| e[..e.find('>').unwrap_or(e.len())].contains(attr);
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter(|e| head(e))
        .count()
}

fn stroke(c: RGBColor) -> String {
    format!("stroke=\"{}\"", hex(c))
}

fn fill(c: RGBColor) -> String {
    format!("fill=\"{}\"", hex(c))
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn assert_finite(svg: &str) {
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!svg.contains(bad), "the SVG holds {bad}");
    }
}

fn close(a: (f64, f64), b: (f64, f64), tol: f64) -> bool {
    (a.0 - b.0).abs() <= tol && (a.1 - b.1).abs() <= tol
}

/// The (cx, cy) of every `<circle>` stroked in `color`.
fn circle_centres(svg: &str, color: RGBColor) -> Vec<(f64, f64)> {
    let attr = |e: &str, name: &str| -> Option<f64> {
        let start = e.find(&format!(" {name}=\""))? + name.len() + 3;
        e[start..].split('"').next()?.parse().ok()
    };
    let stroked = stroke(color);
    let mine = |e: &&str| e[..e.find('>').unwrap_or(e.len())].contains(&stroked);
    let centre = |e: &str| Some((attr(e, "cx")?, attr(e, "cy")?));
    svg.split("<circle")
        .skip(1)
        .filter(mine)
        .filter_map(centre)
        .collect()
}

/// The fill colour of every `<tag>`.
fn fills(svg: &str, tag: &str) -> Vec<String> {
    let colour = |e: &str| {
        let start = e.find("fill=\"")? + 6;
        Some(e.get(start..start + 7)?.to_owned())
    };
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(colour)
        .collect()
}

/// Whether `#RRGGBB` lies on viridis (within rounding of its interpolation).
fn is_viridis(fill: &str) -> bool {
    let c = |k: usize| i32::from(u8::from_str_radix(&fill[k..k + 2], 16).unwrap_or(0));
    let (r, g, b) = (c(1), c(3), c(5));
    let near = |v: RGBColor| {
        (i32::from(v.0) - r).abs() <= 1
            && (i32::from(v.1) - g).abs() <= 1
            && (i32::from(v.2) - b).abs() <= 1
    };
    (0..=1000)
        .map(|k| ViridisRGB::get_color(f64::from(k) / 1000.0))
        .any(near)
}

/// The colour of the contour image's step `k`.
fn step_color(k: usize) -> String {
    hex(ViridisRGB::get_color(
        k as f64 / (ContourImage::COLOR_STEPS - 1) as f64,
    ))
}

// ---------------------------------------------------------------------------------------
// Pictures for a human to look at.

#[test]
fn write_figures_for_a_human() {
    let lab = lab();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../figures");
    std::fs::create_dir_all(&dir).expect("dir");
    let save = |name: &str, s: String| std::fs::write(dir.join(name), s).expect("write");
    let style = Style::default();
    let data = data_view(&lab, Marker::Cross, None);
    save("data.svg", svg(|a| data_space::draw(a, &data, &style)).0);
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
        svg(|a| data_space::draw(a, &training, &style)).0,
    );

    let image = ContourImage::new(&lab.grid);
    let both = [
        path(&lab.run, palette::RUNS[0], "lr 0.1"),
        path(&lab.practice, palette::RUNS[1], "lr 0.2"),
    ];
    let view = lab_contour(&lab, &image, &both);
    save("contour.svg", svg(|a| contour::draw(a, &view, &style)).0);
    let dpr2 = svg_sized((1280, 960), |a| contour::draw(a, &view, &Style::new(2.0))).0;
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
        svg(|a| contour::draw(a, &view, &style)).0,
    );

    save(
        "surface.svg",
        svg(|a| surface::draw(a, &lab_surface(&lab, false), &style)).0,
    );
    let sp = [surface_path(&lab.run, "lr 0.1")];
    let after = SurfaceView {
        title: "After training",
        paths: &sp,
        ..lab_surface(&lab, true)
    };
    save("wireframe.svg", svg(|a| surface::draw(a, &after, &style)).0);
    let turned = SurfaceView {
        yaw: 2.4,
        pitch: 0.9,
        ..lab_surface(&lab, false)
    };
    save(
        "surface_turned.svg",
        svg(|a| surface::draw(a, &turned, &style)).0,
    );

    let runs = [
        run(&lab.run.cost, 0, "lr 0.1", Marker::Circle),
        run(&lab.practice.cost, 1, "lr 0.2", Marker::Square),
    ];
    let cv = CostCurveView {
        title: "Cost per iteration",
        runs: &runs,
        log_y: false,
        current: Some(3),
    };
    save("cost.svg", svg(|a| cost_curve::draw(a, &cv, &style)).0);
    let runs = [runs[0], run(&div.cost, 1, "lr 0.4", Marker::Square)];
    let cv = CostCurveView { runs: &runs, ..cv };
    save(
        "cost_diverging.svg",
        svg(|a| cost_curve::draw(a, &cv, &style)).0,
    );
    let log = CostCurveView { log_y: true, ..cv };
    save("cost_log.svg", svg(|a| cost_curve::draw(a, &log, &style)).0);
    let (panels, _) = svg_sized((1280, 480), |a| {
        let (left, right) = a.split_horizontally(640);
        data_space::draw(&left, &training, &style)?;
        contour::draw(&right, &lab_contour(&lab, &image, &both[..1]), &style)
    });
    save("panels.svg", panels);
}

// ---------------------------------------------------------------------------------------
// Data space.

#[test]
fn data_figure_has_caption_axes_legend_and_one_marker_per_point() {
    let lab = lab();
    let n = lab.data.samples.len();
    let view = data_view(
        &lab,
        Marker::Circle,
        Some(Line {
            slope: 0.5,
            bias: 0.0,
        }),
    );
    let (s, _) = svg(|a| data_space::draw(a, &view, &Style::default()));
    let labels = [
        DataView::DATA_LABEL,
        DataView::TRUE_LABEL,
        DataView::MODEL_LABEL,
    ];
    assert_texts(&s, &["Make some data", "x", "y"]);
    assert_texts(&s, &labels);
    // One circle per point, plus the legend's sample.
    assert_eq!(count(&s, "circle", &stroke(palette::DATA)), n + 1);
    // Crosses: two strokes each, plus the legend's.
    let view = data_view(&lab, Marker::Cross, None);
    let (s, _) = svg(|a| data_space::draw(a, &view, &Style::default()));
    assert_eq!(count(&s, "line", &stroke(palette::DATA)), 2 * (n + 1));
    assert!(
        !has_text(&s, DataView::MODEL_LABEL),
        "no model line, no legend entry"
    );
    assert_finite(&s);
}

#[test]
fn data_frame_maps_pixels_to_data_and_back() {
    let lab = lab();
    let view = DataView {
        y_range: Some(DataView::TRAINING_Y_RANGE),
        ..data_view(&lab, Marker::Circle, None)
    };
    let (s, frame) = svg(|a| data_space::draw(a, &view, &Style::default()));
    assert_eq!(frame.y_range, DataView::TRAINING_Y_RANGE);
    assert_frame_matches_markers(&s, &frame, &lab);
    for p in [(0.0, 0.0), (-2.5, 12.0), (1.7, -9.0)] {
        let (px, py) = frame.to_pixel(p.0, p.1);
        let back = frame.to_data(px, py).expect("inside");
        assert!(close(back, p, 1e-9), "{p:?} -> {back:?}");
    }
    assert_eq!(frame.to_data(frame.left - 5.0, frame.top + 10.0), None);
    assert_eq!(frame.to_data(f64::NAN, 100.0), None);
}

/// The frame says where the data markers really are.
fn assert_frame_matches_markers(svg: &str, frame: &PlotFrame, lab: &Lab) {
    let centres = circle_centres(svg, palette::DATA);
    let (x, y) = (lab.data.samples.x(), lab.data.samples.y());
    assert!(centres.len() > x.len());
    for (k, centre) in centres.iter().take(x.len()).enumerate() {
        let expected = frame.to_pixel(x[k], y[k]);
        assert!(
            close(*centre, expected, 1.01),
            "point {k}: {centre:?} vs {expected:?}"
        );
    }
}

#[test]
fn frames_are_in_backend_pixels_when_panels_share_a_canvas() {
    let lab = lab();
    let view = data_view(&lab, Marker::Circle, None);
    let (s, frame) = svg_sized((1280, 480), |a| {
        let (left, right) = a.split_horizontally(640);
        left.fill(&WHITE)?;
        data_space::draw(&right, &view, &Style::default())
    });
    assert!(
        frame.left > 640.0,
        "the right panel's plot starts past its left edge"
    );
    assert_frame_matches_markers(&s, &frame, &lab);
}

// ---------------------------------------------------------------------------------------
// Contour.

#[test]
fn contour_shows_viridis_image_isolines_paths_and_optimum() {
    let lab = lab();
    let image = ContourImage::new(&lab.grid);
    assert_eq!(
        (image.w_range(), image.b_range()),
        ((-15.0, 15.0), (-15.0, 15.0))
    );
    assert!(
        image.isolines().len() >= ContourImage::LEVELS - 1,
        "a line per level at least"
    );
    // The first records are far apart, so none is thinned away.
    let first = 6;
    let (w, b) = (&lab.run.w[..first], &lab.run.b[..first]);
    let paths = [PathOverlay {
        w,
        b,
        ..path(&lab.run, palette::RUNS[0], "lr 0.1")
    }];
    let view = lab_contour(&lab, &image, &paths);
    let (s, frame) = svg(|a| contour::draw(a, &view, &Style::default()));
    assert_texts(&s, &["Parameter space, iteration 3", "w", "b", "lr 0.1"]);
    assert_texts(&s, &[ContourView::OPTIMUM_LABEL]);
    let used: HashSet<String> = (0..ContourImage::COLOR_STEPS)
        .map(step_color)
        .filter(|c| s.contains(&format!("fill=\"{c}\"")))
        .collect();
    assert!(
        used.len() >= ContourImage::COLOR_STEPS * 3 / 4,
        "{} colours",
        used.len()
    );
    let last = ContourImage::COLOR_STEPS - 1;
    let dark = (0..3).any(|k| used.contains(&step_color(k)));
    assert!(
        dark && used.contains(&step_color(last)),
        "dark bowl, bright rim"
    );
    let opaque = count(&s, "rect", "opacity=\"1\" fill=\"#");
    assert_eq!(
        opaque,
        image.cell_count() + 1,
        "a rectangle per cell, plus the background"
    );
    // Two strokes per cross, plus the legend sample's cross and line.
    assert_eq!(
        count(&s, "line", &stroke(palette::RUNS[0])),
        2 * (first + 1) + 1
    );
    assert!(
        !s.contains("off the chart"),
        "a converging run stays on the chart"
    );
    // A click on the optimum's pixel gives back the optimum, to a pixel's worth.
    let (ow, ob) = (lab.analysis.w_star, lab.analysis.b_star);
    let (px, py) = frame.to_pixel(ow, ob);
    let clicked = frame.to_data(px.round(), py.round()).expect("inside");
    let per_px = 30.0 / frame.width.min(frame.height);
    assert!(
        close(clicked, (ow, ob), per_px),
        "{clicked:?} vs ({ow}, {ob})"
    );
    assert_finite(&s);
}

#[test]
fn contour_isolines_follow_the_true_cost() {
    let lab = lab();
    let image = ContourImage::new(&lab.grid);
    for iso in image.isolines() {
        for &(w, b) in &iso.points {
            // Nodes of the resampled field are exact; between them the line is straight, so
            // the cost along it strays by at most h²·max L''/8 ≈ 0.25²·6/8 ≈ 0.05 (lines on
            // the raw 30 × 30 grid would stray ten times as far).
            let c = lab.q.cost(w, b);
            assert!(
                (c - iso.level).abs() <= 0.06,
                "cost {c} on the {} line",
                iso.level
            );
        }
    }
    // Levels are equal steps of the square-root scale: evenly spaced ellipses.
    let scale = image.scale().expect("finite costs");
    for (k, level) in scale.levels(ContourImage::LEVELS).iter().enumerate() {
        let t = scale.position(*level).expect("finite");
        assert!((t - (k + 1) as f64 / ContourImage::LEVELS as f64).abs() < 1e-12);
    }
}

#[test]
fn diverging_path_leaves_the_contour_with_arrows_and_a_note() {
    let lab = lab();
    let div = diverging(&lab.q);
    assert_eq!(
        div.len(),
        41,
        "lr 0.4 grows but stays under the bound in 40 iterations"
    );
    assert!(div.cost[40] > 1e6 * div.cost[0], "it diverges");
    let image = ContourImage::new(&lab.grid);
    let paths = [path(&div, palette::RUNS[0], "lr 0.4")];
    let current = div.w.last().copied().zip(div.b.last().copied());
    let view = ContourView {
        current,
        ..lab_contour(&lab, &image, &paths)
    };
    let (s, frame) = svg(|a| contour::draw(a, &view, &Style::default()));
    assert_finite(&s);
    assert!(
        texts(&s).iter().any(|t| t.contains("off the chart")),
        "the chart says so"
    );
    assert!(
        count(&s, "polygon", &fill(palette::RUNS[0])) >= 2,
        "arrow heads on the border"
    );
    assert_eq!(
        (frame.x_range, frame.y_range),
        ((-15.0, 15.0), (-15.0, 15.0))
    );
}

// ---------------------------------------------------------------------------------------
// Surface.

#[test]
fn surface_is_viridis_with_axis_titles() {
    let lab = lab();
    let (s, _) = svg(|a| surface::draw(a, &lab_surface(&lab, false), &Style::default()));
    assert_texts(
        &s,
        &[
            "The cost surface",
            "w",
            "b",
            "cost",
            ContourView::OPTIMUM_LABEL,
        ],
    );
    let cells = 29 * 29;
    let colored = fills(&s, "polygon")
        .into_iter()
        .filter(|f| is_viridis(f))
        .count();
    assert!(colored >= cells, "{colored} viridis cells of {cells}");
    let scale = CostScale::from_costs(&lab.grid.cost).expect("finite");
    let corner = [0, 1, 30, 31].map(|k| lab.grid.cost[k]).iter().sum::<f64>() / 4.0;
    assert!(
        s.contains(&fill(scale.color(corner))),
        "a corner cell's colour"
    );
    assert_finite(&s);
}

#[test]
fn wireframe_carries_every_visited_point() {
    let lab = lab();
    let sp = [surface_path(&lab.run, "lr 0.1")];
    let view = SurfaceView {
        paths: &sp,
        title: "After training",
        ..lab_surface(&lab, true)
    };
    let (s, _) = svg(|a| surface::draw(a, &view, &Style::default()));
    assert_texts(&s, &["After training", "lr 0.1", "w", "b", "cost"]);
    let filled = fills(&s, "polygon")
        .into_iter()
        .filter(|f| is_viridis(f))
        .count();
    assert_eq!(filled, 0, "a wireframe fills no cell");
    let strokes = count(&s, "line", &stroke(palette::RUNS[0]));
    assert_eq!(
        strokes,
        2 * (lab.run.len() + 1) + 1,
        "a cross per record, the legend's too"
    );
    assert!(!s.contains("off the chart"));
}

#[test]
fn big_grids_are_drawn_from_a_subsample() {
    let lab = lab();
    let spec = GridSpec {
        n_w: 200,
        n_b: 200,
        ..GridSpec::LAB
    };
    let grid = loss_grid(&lab.q, &spec).expect("grid");
    let view = SurfaceView {
        grid: &grid,
        ..lab_surface(&lab, false)
    };
    let (s, _) = svg(|a| surface::draw(a, &view, &Style::default()));
    let cells = fills(&s, "polygon")
        .into_iter()
        .filter(|f| is_viridis(f))
        .count();
    let most = (SurfaceView::MAX_CELLS + 1) * (SurfaceView::MAX_CELLS + 1);
    assert!(cells >= 30 * 30 && cells <= most, "{cells} cells");
    let image = ContourImage::new(&grid);
    assert!(
        image.cell_count() < 4000,
        "{} rectangles a redraw",
        image.cell_count()
    );
}

#[test]
fn diverging_points_off_the_surface_are_counted() {
    let lab = lab();
    let div = diverging(&lab.q);
    let sp = [surface_path(&div, "lr 0.4")];
    let view = SurfaceView {
        paths: &sp,
        ..lab_surface(&lab, true)
    };
    let (s, _) = svg(|a| surface::draw(a, &view, &Style::default()));
    assert_finite(&s);
    let note = texts(&s).into_iter().find(|t| t.contains("off the chart"));
    let off = note
        .and_then(|t| t.split(' ').next()?.parse::<usize>().ok())
        .expect("a note");
    assert!(
        off > 30 && off < div.len(),
        "{off} of {} points off the chart",
        div.len()
    );
}

// ---------------------------------------------------------------------------------------
// Cost curve.

#[test]
fn diverging_cost_curve_stays_capped_with_triangles() {
    let lab = lab();
    let div = diverging(&lab.q);
    let runs = [
        run(&lab.run.cost, 0, "lr 0.1", Marker::Circle),
        run(&div.cost, 1, "lr 0.4", Marker::Square),
    ];
    let view = CostCurveView {
        title: "Cost per iteration",
        runs: &runs,
        log_y: false,
        current: Some(40),
    };
    let (s, frame) = svg(|a| cost_curve::draw(a, &view, &Style::default()));
    assert_finite(&s);
    assert_texts(
        &s,
        &[
            "Cost per iteration",
            "iteration",
            "cost",
            "lr 0.1",
            "lr 0.4",
        ],
    );
    let cap = CostCurveView::CAP_FACTOR * div.cost[0].max(lab.run.cost[0]);
    assert!(
        frame.y_range.1 >= cap && frame.y_range.1 <= 1.06 * cap,
        "{:?}",
        frame.y_range
    );
    let above = div.cost.iter().filter(|c| **c > frame.y_range.1).count();
    assert!(
        has_text(&s, &format!("{above} costs above the chart")),
        "{:?}",
        texts(&s)
    );
    let triangles = count(&s, "polygon", &fill(palette::RUNS[1]));
    assert!(
        triangles >= above / 2 && triangles <= above,
        "{triangles} for {above} costs"
    );
    let ticks: Vec<f64> = texts(&s).iter().filter_map(|t| t.parse().ok()).collect();
    assert!(
        ticks.iter().all(|t| *t <= 1.06 * cap),
        "ticks within the cap: {ticks:?}"
    );
}

#[test]
fn cost_curve_log_scale_and_frame() {
    let lab = lab();
    let runs = [run(&lab.run.cost, 0, "lr 0.1", Marker::Circle)];
    let view = CostCurveView {
        title: "Cost",
        runs: &runs,
        log_y: true,
        current: Some(3),
    };
    let (s, frame) = svg(|a| cost_curve::draw(a, &view, &Style::default()));
    assert!(frame.y_log && has_text(&s, "cost (log scale)"));
    let min = lab.run.cost.iter().copied().fold(f64::INFINITY, f64::min);
    let (lo, hi) = frame.y_range;
    assert!(lo > 0.0 && lo < min && hi > lab.run.cost[0], "{lo} .. {hi}");
    for p in [(0.0, min), (7.0, 1.0), (14.0, lab.run.cost[0])] {
        let (px, py) = frame.to_pixel(p.0, p.1);
        let back = frame.to_data(px, py).expect("inside");
        assert!(
            (back.0 - p.0).abs() < 1e-9 && (back.1 / p.1 - 1.0).abs() < 1e-9,
            "{back:?}"
        );
    }
    // The current iteration's dot is the only filled circle in the run's colour.
    assert_eq!(count(&s, "circle", &fill(palette::RUNS[0])), 1);
    assert_finite(&s);
}

// ---------------------------------------------------------------------------------------
// Hostile input.

const NAN: f64 = f64::NAN;
const INF: f64 = f64::INFINITY;

fn hostile_styles() -> [Style; 3] {
    [Style::new(NAN), Style::new(0.0), Style::new(3.0)]
}

#[test]
fn hostile_data_views_draw_finite_charts() {
    let (xs, ys) = ([NAN, 1.0, INF, 2.0, 1e90], [0.0, NAN, 3.0, -1e90, 5.0]);
    let lines = (
        Some(Line {
            slope: NAN,
            bias: 1.0,
        }),
        Some(Line {
            slope: 1e300,
            bias: 0.0,
        }),
    );
    let views = [
        DataView {
            title: "",
            x: &xs,
            y: &ys,
            marker: Marker::Cross,
            true_line: lines.0,
            model_line: lines.1,
            y_range: Some((5.0, -5.0)),
        },
        DataView {
            title: "empty",
            x: &[],
            y: &[],
            marker: Marker::Circle,
            true_line: None,
            model_line: None,
            y_range: Some((NAN, 1.0)),
        },
        DataView {
            title: "one",
            x: &[1.0],
            y: &[1.0, 2.0],
            marker: Marker::Star,
            true_line: None,
            model_line: None,
            y_range: None,
        },
    ];
    for style in &hostile_styles() {
        for view in &views {
            let (s, frame) = svg(|a| data_space::draw(a, view, style));
            assert_finite(&s);
            assert!(frame.x_range.0 < frame.x_range.1 && frame.y_range.0 < frame.y_range.1);
        }
    }
}

fn hostile_grids() -> Vec<LossGrid> {
    let grid = |w: Vec<f64>, b: Vec<f64>, cost: Vec<f64>| LossGrid { w, b, cost };
    vec![
        grid(vec![0.0, 1.0], vec![0.0, 1.0], vec![NAN, 1.0, INF, 1e90]),
        grid(vec![0.0, 1.0], vec![0.0, 1.0], vec![1.0]),
        grid(vec![], vec![NAN], vec![]),
        grid(vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0; 4]),
        grid(vec![0.0, 1.0, 2.0], vec![0.0, 1.0, 2.0], vec![NAN; 9]),
    ]
}

#[test]
fn hostile_contour_views_draw_finite_charts() {
    let (ws, bs) = ([NAN, 0.5, 1e90, -1e90, 0.2], [0.5, NAN, 0.5, 1e90, 0.3]);
    let paths = [
        PathOverlay {
            w: &ws,
            b: &bs,
            color: palette::RUNS[0],
            label: "hostile",
            marker: Marker::Cross,
        },
        PathOverlay {
            w: &[],
            b: &[],
            color: palette::RUNS[1],
            label: "",
            marker: Marker::Dot,
        },
        PathOverlay {
            w: &[0.5],
            b: &[0.5, 0.7],
            color: palette::RUNS[2],
            label: "one",
            marker: Marker::Diamond,
        },
    ];
    for style in &hostile_styles() {
        for grid in &hostile_grids() {
            let image = ContourImage::new(grid);
            let view = ContourView {
                title: "hostile",
                image: &image,
                paths: &paths,
                current: Some((NAN, 1.0)),
                optimum: Some((1e90, NAN)),
            };
            let (s, frame) = svg(|a| contour::draw(a, &view, style));
            assert_finite(&s);
            assert!(frame.x_range.0 < frame.x_range.1 && frame.y_range.0 < frame.y_range.1);
        }
    }
}

#[test]
fn hostile_surface_views_draw_finite_charts() {
    let (ws, bs, costs) = (
        [NAN, 0.5, 1e90, -1e90, 0.2],
        [0.5, NAN, 0.5, 1e90, 0.3],
        [NAN, 1e90, INF, -1.0],
    );
    let paths = [
        SurfacePath {
            w: &ws,
            b: &bs,
            cost: &costs,
            color: palette::RUNS[0],
            label: "x",
        },
        SurfacePath {
            w: &[],
            b: &[],
            cost: &[],
            color: palette::RUNS[1],
            label: "",
        },
    ];
    for style in &hostile_styles() {
        for grid in &hostile_grids() {
            for wireframe in [false, true] {
                let view = SurfaceView {
                    title: "",
                    grid,
                    yaw: NAN,
                    pitch: INF,
                    wireframe,
                    paths: &paths,
                    current: Some((NAN, NAN, NAN)),
                    optimum: Some((0.0, 0.0, 0.0)),
                };
                let (s, _) = svg(|a| surface::draw(a, &view, style));
                assert_finite(&s);
            }
        }
    }
}

#[test]
fn hostile_cost_views_draw_finite_charts() {
    let (one, costs) = ([830.0], [NAN, 1e90, INF, 0.0, -3.0]);
    let runs: [&[Run]; 4] = [
        &[],
        &[run(&one, 0, "single record", Marker::Star)],
        &[run(&costs, 1, "huge", Marker::Triangle)],
        &[run(&[NAN, NAN], 2, "", Marker::Cross)],
    ];
    for style in &hostile_styles() {
        for runs in runs {
            for log_y in [false, true] {
                let view = CostCurveView {
                    title: "hostile",
                    runs,
                    log_y,
                    current: Some(usize::MAX),
                };
                let (s, frame) = svg(|a| cost_curve::draw(a, &view, style));
                assert_finite(&s);
                let (lo, hi) = frame.y_range;
                assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{lo} .. {hi}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Style and frames.

#[test]
fn scale_multiplies_fonts_and_lines() {
    let lab = lab();
    let view = data_view(&lab, Marker::Circle, None);
    let biggest_font = |s: &str| -> f64 {
        let size = |t: &str| t.split('"').next()?.parse::<f64>().ok();
        s.split("font-size=\"")
            .skip(1)
            .filter_map(size)
            .fold(0.0, f64::max)
    };
    let (one, frame1) = svg(|a| data_space::draw(a, &view, &Style::new(1.0)));
    let (two, frame2) = svg(|a| data_space::draw(a, &view, &Style::new(2.0)));
    let (max1, max2) = (biggest_font(&one), biggest_font(&two));
    assert!((max2 / max1 - 2.0).abs() < 0.01, "caption {max1} -> {max2}");
    let thick = "stroke-width=\"3\"";
    assert!(
        !one.contains(thick) && two.contains(thick),
        "markers' strokes 1.6 → 3 px"
    );
    // The label areas grow with the fonts, so the plot shrinks.
    assert!(frame2.width < frame1.width && frame2.left > frame1.left);
}

#[test]
fn plot_frame_round_trips_linear_and_log() {
    let linear = PlotFrame {
        left: 60.0,
        top: 30.0,
        width: 500.0,
        height: 380.0,
        x_range: (-15.0, 15.0),
        y_range: (-15.0, 15.0),
        y_log: false,
    };
    let log = PlotFrame {
        left: 0.0,
        top: 0.0,
        width: 100.0,
        height: 100.0,
        x_range: (0.0, 40.0),
        y_range: (1e-3, 1e15),
        y_log: true,
    };
    for k in 0..=10 {
        let t = f64::from(k) / 10.0;
        let p = (-15.0 + 30.0 * t, 15.0 - 30.0 * t);
        let (px, py) = linear.to_pixel(p.0, p.1);
        assert!(close(linear.to_data(px, py).expect("inside"), p, 1e-9));
        let q = (40.0 * t, 10f64.powf(-3.0 + 18.0 * t));
        let (px, py) = log.to_pixel(q.0, q.1);
        let back = log.to_data(px, py).expect("inside");
        assert!(
            (back.0 - q.0).abs() < 1e-9 && (back.1 / q.1 - 1.0).abs() < 1e-9,
            "{back:?}"
        );
    }
    assert_eq!(
        linear.to_pixel(-15.0, 15.0),
        (60.0, 30.0),
        "top-left corner"
    );
    assert_eq!(linear.to_data(59.0, 100.0), None, "left of the plot");
}
#[test]
fn tiny_canvases_do_not_panic() {
    let lab = lab();
    let image = ContourImage::new(&lab.grid);
    let paths = [path(&lab.run, palette::RUNS[0], "lr 0.1")];
    let runs = [run(&lab.run.cost, 0, "lr 0.1", Marker::Circle)];
    let cost = CostCurveView {
        title: "Cost",
        runs: &runs,
        log_y: true,
        current: Some(3),
    };
    for size in [(1, 1), (30, 20), (120, 90)] {
        for scale in [1.0, 8.0] {
            let style = Style::new(scale);
            let data = data_view(&lab, Marker::Cross, None);
            let _ = svg_sized(size, |a| {
                data_space::draw(a, &data, &style).or(Ok(frame0()))
            });
            let view = lab_contour(&lab, &image, &paths);
            let _ = svg_sized(size, |a| contour::draw(a, &view, &style).or(Ok(frame0())));
            let _ = svg_sized(size, |a| {
                surface::draw(a, &lab_surface(&lab, false), &style).or(Ok(SurfaceFrame::default()))
            });
            let _ = svg_sized(size, |a| {
                cost_curve::draw(a, &cost, &style).or(Ok(frame0()))
            });
        }
    }
}

fn frame0() -> PlotFrame {
    PlotFrame {
        left: 0.0,
        top: 0.0,
        width: 0.0,
        height: 0.0,
        x_range: (0.0, 1.0),
        y_range: (0.0, 1.0),
        y_log: false,
    }
}

#[test]
fn surface_frame_reads_back_the_node_under_the_pointer() {
    let lab = lab();
    let style = Style::default();
    let (_, frame) = svg(|a| surface::draw(a, &lab_surface(&lab, false), &style));
    assert_eq!(
        frame.len(),
        lab.grid.w.len() * lab.grid.b.len(),
        "a 30 x 30 grid draws every node"
    );
    // Far from everything: nothing under the pointer.
    assert_eq!(frame.nearest(-500.0, -500.0, 10.0), None);
    // Every node read back lies on the grid's cost formula.
    let mut found = 0;
    for px in (0..640).step_by(40) {
        for py in (0..480).step_by(40) {
            if let Some((w, b, cost)) = frame.nearest(f64::from(px), f64::from(py), 12.0) {
                assert!((cost - lab.q.cost(w, b)).abs() < 1e-9 * cost.max(1.0));
                found += 1;
            }
        }
    }
    assert!(found > 10, "the surface covers part of the figure: {found}");
}

#[test]
fn surface_layers_split_the_mesh_from_the_overlays() {
    use gd_lab::figures::surface::Layers;
    let lab = lab();
    let style = Style::default();
    let view = lab_surface(&lab, false);
    let (all, whole) = svg(|a| surface::draw(a, &view, &style));
    let (base_svg, base) = svg(|a| surface::draw_layers(a, &view, &style, Layers::Base));
    let (top_svg, top) = svg(|a| surface::draw_layers(a, &view, &style, Layers::Overlays));
    assert_eq!(
        base, whole,
        "the base projects every node where the whole figure does"
    );
    assert!(top.is_empty(), "the overlays do not project the mesh again");
    let polygons = |s: &str| s.matches("<polygon").count();
    assert!(
        polygons(&base_svg) > 500 && polygons(&top_svg) < 20,
        "{} / {}",
        polygons(&base_svg),
        polygons(&top_svg)
    );
    assert!(
        texts(&top_svg).iter().any(|t| t == "optimum"),
        "the legend is an overlay"
    );
    assert!(!texts(&base_svg).iter().any(|t| t == "optimum"));
    assert!(all.len() > base_svg.len());
}

#[test]
fn contour_layers_share_one_base_across_titles_and_paths() {
    use gd_lab::figures::Layers;
    let lab = lab();
    let style = Style::default();
    let image = ContourImage::new(&lab.grid);
    let paths = [path(&lab.run, palette::RUNS[0], "lr 0.1")];
    let one = ContourView {
        title: "Parameter space, iteration 3",
        ..lab_contour(&lab, &image, &paths)
    };
    let other = ContourView {
        title: "Path of gradient descent",
        paths: &[],
        ..one
    };
    let (base_one, f1) = svg(|a| contour::draw_layers(a, &one, &style, Layers::Base));
    let (base_other, f2) = svg(|a| contour::draw_layers(a, &other, &style, Layers::Base));
    let (top, f3) = svg(|a| contour::draw_layers(a, &one, &style, Layers::Overlays));
    let (_, whole) = svg(|a| contour::draw(a, &one, &style));
    let visible = |s: &str| {
        texts(s)
            .into_iter()
            .filter(|t| t.contains("iteration 3"))
            .count()
    };
    assert_eq!(f1, f2, "titles of one height leave the plot where it was");
    assert_eq!(f1, f3, "both layers map (w, b) to the same pixel");
    assert_eq!(f1, whole);
    assert!(
        base_one.matches("<rect").count() > 500,
        "the base holds the colour image"
    );
    assert!(
        top.matches("<rect").count() < 20,
        "the overlays do not fill it again"
    );
    assert!(
        texts(&top).iter().any(|t| t == "lr 0.1"),
        "the legend is an overlay"
    );
    assert_eq!(visible(&top), 1, "the overlays write the caption");
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("<text"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(&base_one),
        strip(&base_other),
        "one base serves every title and path"
    );
}
