//! Style scaling, plot and surface frames, tiny canvases, and layered drawing.

use super::*;

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
    let (one, frame1) = svg!(|a| data_space::draw(a, &view, &Style::new(1.0)));
    let (two, frame2) = svg!(|a| data_space::draw(a, &view, &Style::new(2.0)));
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
    let cost = cost_view(&runs, true, 3);
    for size in [(1, 1), (30, 20), (120, 90)] {
        for scale in [1.0, 8.0] {
            let style = Style::new(scale);
            let data = data_view(&lab, Marker::Cross, None);
            let _ = svg_sized!(size, |a| {
                data_space::draw(a, &data, &style).or(Ok(frame0()))
            });
            let view = lab_contour(&lab, &image, &paths);
            let _ = svg_sized!(size, |a| contour::draw(a, &view, &style).or(Ok(frame0())));
            let _ = svg_sized!(size, |a| {
                surface::draw(a, &lab_surface(&lab, false), &style).or(Ok(SurfaceFrame::default()))
            });
            let _ = svg_sized!(size, |a| {
                cost_curve::draw(a, &cost, &style).or(Ok(frame0()))
            });
        }
    }
}

#[test]
fn a_chart_without_room_for_its_label_areas_draws_no_axes() {
    let lab = lab();
    let data = data_view(&lab, Marker::Cross, None);
    // Tick labels are numbers; the axis titles of the data figure are "x" and "y".
    let axis_texts = |svg: &str| {
        texts(svg)
            .into_iter()
            .filter(|t| t == "x" || t == "y" || t.parse::<f64>().is_ok())
            .count()
    };
    let draw = |size, scale| {
        let style = Style::new(scale);
        svg_sized!(size, |a| data_space::draw(a, &data, &style)).0
    };
    // 62 px of y labels and 44 of x labels beside a plot: 200 × 160 has room, the others not.
    assert!(axis_texts(&draw((200, 160), 1.0)) >= 6);
    for (size, scale) in [
        ((120, 90), 1.0),
        ((200, 160), 2.0),
        ((60, 400), 1.0),
        ((400, 60), 1.0),
    ] {
        let svg = draw(size, scale);
        assert_eq!(axis_texts(&svg), 0, "{size:?} at {scale}×");
        assert!(has_text(&svg, "Make some data"), "the caption stays");
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
    let (_, frame) = svg!(|a| surface::draw(a, &lab_surface(&lab, false), &style));
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
    let (all, whole) = svg!(|a| surface::draw(a, &view, &style));
    let (base_svg, base) = svg!(|a| surface::draw_layers(a, &view, &style, Layers::Base));
    let (top_svg, top) = svg!(|a| surface::draw_layers(a, &view, &style, Layers::Overlays));
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
    let (base_one, f1) = svg!(|a| contour::draw_layers(a, &one, &style, Layers::Base));
    let (base_other, f2) = svg!(|a| contour::draw_layers(a, &other, &style, Layers::Base));
    let (top, f3) = svg!(|a| contour::draw_layers(a, &one, &style, Layers::Overlays));
    let (_, whole) = svg!(|a| contour::draw(a, &one, &style));
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
