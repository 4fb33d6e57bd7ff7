//! The data-space figure: caption, axes, legend, markers, and its frame.

use super::*;

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
    let (s, _) = svg!(|a| data_space::draw(a, &view, &Style::default()));
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
    let (s, _) = svg!(|a| data_space::draw(a, &view, &Style::default()));
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
    let (s, frame) = svg!(|a| data_space::draw(a, &view, &Style::default()));
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
    let (s, frame) = svg_sized!((1280, 480), |a| {
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
