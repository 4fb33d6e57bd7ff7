//! The 3D surface: viridis cells, axis titles, the wireframe's points, big grids.

use super::*;

#[test]
fn surface_is_viridis_with_axis_titles() {
    let lab = lab();
    let (s, _) = svg!(|a| surface::draw(a, &lab_surface(&lab, false), &Style::default()));
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
    let (s, _) = svg!(|a| surface::draw(a, &view, &Style::default()));
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
    let (s, _) = svg!(|a| surface::draw(a, &view, &Style::default()));
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
    let (s, _) = svg!(|a| surface::draw(a, &view, &Style::default()));
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
