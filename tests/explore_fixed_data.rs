//! The explorer on data it must not redraw (pasted points, a teaching set, standardized x):
//! the lab's scene stays, seed and noise are ignored, everything else still works.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::config::LabConfig;
use gd_lab::app::explore::*;
use gd_lab::app::lab_data;
use gd_lab::model::{DataSpec, Dataset, GridSpec, Problem};

fn far_explorer() -> Explorer {
    let config = LabConfig {
        dataset: Some("far"),
        ..LabConfig::default()
    };
    let data = lab_data::prepare(&config).expect("far set");
    let problem = Problem::new(data.fitted.clone(), None).expect("problem");
    let window = config
        .window(&problem.analysis().expect("analysis"))
        .expect("window");
    let dataset = Dataset {
        samples: data.fitted,
        truth: Vec::new(),
    };
    let grid = window.grid_spec(30);
    let scene = Scene::with_problem(dataset, problem, &grid).expect("scene");
    Explorer::new(scene, DataSpec::default(), grid, (-15.0, -10.0), 0.1).with_fixed_data()
}

#[test]
fn seed_and_noise_leave_fixed_data_alone() {
    let mut e = far_explorer();
    let before = e.scene.data.samples.clone();
    for msg in [Msg::NewNoise, Msg::SetSeed(3), Msg::SetNoise(1.0)] {
        assert_eq!(e.update(msg), Changes::default(), "{msg:?}");
    }
    assert_eq!(e.scene.data.samples, before);
    assert!(!e.owns_noise);
}

#[test]
fn the_far_set_still_trains_and_scrubs_in_the_explorer() {
    let mut e = far_explorer();
    let critical = e.scene.analysis.expect("analysis").critical_lr;
    assert!(
        critical < 0.01,
        "the far set's critical rate is tiny: {critical}"
    );
    assert!(e.update(Msg::SetLr(critical * 0.5)).run);
    assert!(e.run.diverged_at.is_none());
    assert!(e.update(Msg::Scrub(2)).frame);
}

#[test]
fn the_lab_explorer_still_draws_new_noise() {
    let spec = DataSpec::default();
    let scene = Scene::new(&spec, &GridSpec::LAB).expect("scene");
    let mut e = Explorer::new(scene, spec, GridSpec::LAB, (-15.0, -10.0), 0.1);
    assert!(e.owns_noise);
    assert!(e.update(Msg::NewNoise).data);
}
