//! The contour plot: viridis image, iso-lines that follow the cost, paths, divergence.

use super::*;

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
    let (s, frame) = svg!(|a| contour::draw(a, &view, &Style::default()));
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
    let (s, frame) = svg!(|a| contour::draw(a, &view, &Style::default()));
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
