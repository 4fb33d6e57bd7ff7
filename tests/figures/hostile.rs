//! Hostile input: NaN, infinities and empty data draw finite charts without panicking.

use super::*;

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
            let (s, frame) = svg!(|a| data_space::draw(a, view, style));
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
            let (s, frame) = svg!(|a| contour::draw(a, &view, style));
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
                let (s, _) = svg!(|a| surface::draw(a, &view, style));
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
                let (s, frame) = svg!(|a| cost_curve::draw(a, &view, style));
                assert_finite(&s);
                let (lo, hi) = frame.y_range;
                assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{lo} .. {hi}");
            }
        }
    }
}
