//! The explorer's update logic: messages in, state and redraw flags out.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::explore::*;
use gd_lab::app::limits::{LR_MAX, LR_MIN};
use gd_lab::model::{linreg, DataSpec, GridSpec};

fn explorer() -> Explorer {
    let spec = DataSpec::default();
    let scene = Scene::new(&spec, &GridSpec::LAB).expect("scene");
    Explorer::new(scene, spec, GridSpec::LAB, (-15.0, -10.0), 0.1)
}

#[test]
fn scrub_moves_every_view_to_one_iteration_and_clamps() {
    let mut e = explorer();
    assert_eq!(e.iteration, EXPLORE_ITERATIONS);
    let c = e.update(Msg::Scrub(3));
    assert!(c.frame && !c.run && !c.data);
    assert_eq!(e.iteration, 3);
    e.update(Msg::Scrub(10_000));
    assert_eq!(e.iteration, e.last());
    e.update(Msg::Step(-100));
    assert_eq!(e.iteration, 0);
}

#[test]
fn clicking_the_contour_starts_a_new_run_there() {
    let mut e = explorer();
    let c = e.update(Msg::SetStart(4.0, 7.5));
    assert!(c.run);
    assert_eq!((e.run.w[0], e.run.b[0]), (4.0, 7.5));
    assert!((e.run.cost[0] - linreg::cost(&e.scene.data.samples, 4.0, 7.5)).abs() < 1e-9);
    assert_eq!(e.iteration, e.last(), "a new start shows its whole path");
    assert_eq!(e.update(Msg::SetStart(f64::NAN, 1.0)), Changes::default());
}

#[test]
fn the_rate_crossing_the_critical_value_turns_descent_into_divergence() {
    let mut e = explorer();
    let critical = e.scene.analysis.expect("analysis").critical_lr;
    e.update(Msg::SetLr(critical * 0.95));
    let below = *e.run.cost.last().expect("records");
    e.update(Msg::SetLr(critical * 1.05));
    let above = *e.run.cost.last().expect("records");
    assert!(
        below < e.run.cost[0] && above > e.run.cost[0],
        "{below} then {above}"
    );
    e.update(Msg::SetLr(50.0));
    assert_eq!(e.config.lr, LR_MAX, "the slider's range holds");
}

#[test]
fn log_slider_maps_both_ways() {
    assert_eq!(lr_to_slider(LR_MIN), 0.0);
    assert_eq!(lr_to_slider(LR_MAX), LR_SLIDER_STEPS);
    for lr in [0.001, 0.01, 0.1, 0.33, 1.0] {
        assert!((slider_to_lr(lr_to_slider(lr)) / lr - 1.0).abs() < 0.01);
    }
}

#[test]
fn playing_advances_with_time_and_stops_at_the_end() {
    let mut e = explorer();
    e.update(Msg::TogglePlay);
    assert!(e.playing);
    assert_eq!(e.iteration, 0, "playing from the end starts over");
    e.update(Msg::Speed(10.0));
    assert!(e.update(Msg::Tick(250.0)).frame);
    assert_eq!(e.iteration, 2);
    e.update(Msg::Tick(50.0));
    assert_eq!(e.iteration, 3, "time carries between ticks");
    for _ in 0..100 {
        e.update(Msg::Tick(1000.0));
    }
    assert_eq!(e.iteration, e.last());
    assert!(!e.playing);
}

#[test]
fn rotation_changes_only_the_view_and_keeps_pitch_in_range() {
    let mut e = explorer();
    let c = e.update(Msg::Rotate(0.3, 10.0));
    assert!(c.view && !c.run && !c.frame);
    assert!(e.angles.1 <= 1.5);
}

#[test]
fn kept_runs_compare_and_follow_new_data() {
    let mut e = explorer();
    e.update(Msg::Keep);
    e.update(Msg::SetLr(0.2));
    assert!(e.update(Msg::Keep).runs);
    assert!(!e.update(Msg::Keep).runs, "the same run is kept once");
    assert_eq!(e.kept.len(), 2);
    assert_ne!(e.kept[0].run.cost, e.kept[1].run.cost);
    let before = e.kept[0].run.cost.clone();
    let c = e.update(Msg::NewNoise);
    assert!(c.data && c.runs);
    assert_ne!(
        e.kept[0].run.cost, before,
        "kept runs are recomputed on the new data"
    );
    assert_eq!(e.spec.seed, DataSpec::default().seed + 1);
    e.update(Msg::ClearKept);
    assert!(e.kept.is_empty());
}

mod keys {
    use super::explorer;
    use gd_lab::app::explore::{Msg, EXPLORE_ITERATIONS};
    use gd_lab::app::explore_keys::*;
    use gd_lab::model::GridSpec;

    #[test]
    fn arrows_move_the_start_by_a_thirtieth_of_the_window_and_shift_by_five() {
        let w = GridSpec::LAB;
        let start = (-15.0, -10.0);
        assert_eq!(
            contour_key("ArrowRight", false, start, &w),
            Some(Msg::SetStart(-14.0, -10.0))
        );
        assert_eq!(
            contour_key("ArrowUp", false, start, &w),
            Some(Msg::SetStart(-15.0, -9.0))
        );
        assert_eq!(
            contour_key("ArrowDown", true, start, &w),
            Some(Msg::SetStart(-15.0, -15.0))
        );
        // The window's edge holds the start: w is already at its smallest.
        assert_eq!(
            contour_key("ArrowLeft", true, start, &w),
            Some(Msg::SetStart(-15.0, -10.0))
        );
        assert_eq!(contour_key("a", false, start, &w), None);
        assert_eq!(contour_key("Enter", true, start, &w), None);
    }

    #[test]
    fn a_key_on_the_contour_restarts_the_run_from_the_new_start() {
        let mut e = explorer();
        let msg = contour_key(
            "ArrowRight",
            false,
            (e.config.w0, e.config.b0),
            &window_of(&e),
        );
        let changes = e.update(msg.expect("an arrow moves the start"));
        assert!(changes.run);
        assert_eq!((e.run.w[0], e.run.b[0]), (-14.0, -10.0));
        assert_eq!(e.run.len(), EXPLORE_ITERATIONS + 1);
        assert!(
            start_text(&e).starts_with("Start w -14, b -10, cost "),
            "{}",
            start_text(&e)
        );
    }

    #[test]
    fn the_cost_cursor_moves_by_iterations_and_reads_out_the_cost() {
        let mut e = explorer();
        e.update(cursor_key("Home", false).expect("Home"));
        assert_eq!(e.iteration, 0);
        e.update(cursor_key("ArrowRight", true).expect("Shift+Right"));
        assert_eq!(e.iteration, 5);
        e.update(cursor_key("ArrowLeft", false).expect("Left"));
        assert_eq!(e.iteration, 4);
        let text = cursor_text(&e);
        assert!(text.starts_with("Iteration 4 of 40, cost "), "{text}");
        e.update(cursor_key("End", false).expect("End"));
        assert_eq!(e.iteration, e.last());
        assert_eq!(cursor_key("x", false), None);
    }

    #[test]
    fn the_surface_turns_by_keys_and_shift_turns_further() {
        assert_eq!(
            surface_key("ArrowRight", false),
            Some(Msg::Rotate(0.1, -0.0))
        );
        assert_eq!(surface_key("ArrowUp", true), Some(Msg::Rotate(0.0, -0.3)));
        assert_eq!(surface_key("Tab", false), None);
    }

    #[test]
    fn texts_for_the_slider_the_verdict_and_the_start_fields() {
        assert_eq!(lr_value_text(0.1), "lr 0.1");
        let e = explorer();
        assert!(verdict_text(&e).starts_with("lr 0.1: From (w -15, b -10) the path falls straight"));
        assert_eq!(start_field("w0", 3.0, -15.0, 15.0), Ok(3.0));
        let err = start_field("b0", 99.0, -15.0, 15.0).expect_err("outside the window");
        assert_eq!(err.field, "b0");
        assert!(start_field("w0", f64::NAN, -15.0, 15.0).is_err());
    }
}

#[test]
fn another_optimizer_retrains_the_run_and_kept_runs_keep_theirs() {
    use gd_lab::model::{Batching, Optimizer, Sgd};
    let mut e = explorer();
    let plain = e.run.clone();
    e.update(Msg::Keep);
    let adam = Optimizer::with_defaults("adam").expect("adam");
    let c = e.update(Msg::SetOptimizer(adam));
    assert!(c.run && !c.data);
    let want = e
        .scene
        .problem
        .with_optimizer(adam, Batching::default())
        .train(&e.config)
        .expect("run");
    assert_eq!(e.run, want);
    assert_ne!(e.run, plain);
    // The learning rate and a new start train with the chosen optimizer too.
    e.update(Msg::SetLr(0.5));
    e.update(Msg::SetStart(3.0, 4.0));
    let want = e
        .scene
        .problem
        .with_optimizer(adam, Batching::default())
        .train(&e.config)
        .expect("run");
    assert_eq!(e.run, want);
    assert_eq!(e.kept[0].run, plain, "the kept plain run stays plain");
    let refused = Optimizer::Sgd(Sgd {
        momentum: 1.5,
        ..Sgd::default()
    });
    assert_eq!(e.update(Msg::SetOptimizer(refused)), Changes::default());
    assert_eq!(e.optimizer, adam);
    e.update(Msg::SetSeed(3));
    assert_eq!(e.kept[0].optimizer, Optimizer::default());
    assert_eq!(
        e.kept[0].run,
        e.scene.train(&e.kept[0].config).expect("run"),
        "new data retrains a kept run with its own optimizer"
    );
}
