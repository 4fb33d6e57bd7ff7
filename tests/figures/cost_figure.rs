//! The cost curve: capped divergence, log scale, its frame.

use super::*;

#[test]
fn diverging_cost_curve_stays_capped_with_triangles() {
    let lab = lab();
    let div = diverging(&lab.q);
    let runs = [
        run(&lab.run.cost, 0, "lr 0.1", Marker::Circle),
        run(&div.cost, 1, "lr 0.4", Marker::Square),
    ];
    let view = cost_view(&runs, false, 40);
    let (s, frame) = svg!(|a| cost_curve::draw(a, &view, &Style::default()));
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
    let view = cost_view(&runs, true, 3);
    let (s, frame) = svg!(|a| cost_curve::draw(a, &view, &Style::default()));
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
