//! The page's one state and its one update: notebook and explorer messages go through
//! `Page::update`, Restart forgets every result, and the explorer's contour image follows
//! its data.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::cell::Cell;
use gd_lab::app::config::LabConfig;
use gd_lab::app::explore;
use gd_lab::app::notebook;
use gd_lab::app::page::{Changes, Msg, Page};
use gd_lab::figures::ContourImage;

fn page() -> Page {
    Page::new(LabConfig::default())
}

fn notebook_changes(changes: Changes) -> notebook::Changes {
    match changes {
        Changes::Notebook(c) => c,
        other => panic!("expected the notebook's changes, got {other:?}"),
    }
}

#[test]
fn a_notebook_message_returns_the_notebooks_own_changes() {
    let mut p = page();
    let mut alone = notebook::Notebook::for_config(&LabConfig::default());
    let msg = notebook::Msg::Run(Cell::Surface);
    let changes = notebook_changes(p.update(Msg::Notebook(msg)));
    assert_eq!(changes, alone.update(msg));
    assert_eq!(
        changes.execute,
        vec![Cell::Data, Cell::Model, Cell::Surface]
    );
    for cell in changes.execute {
        let counted = notebook_changes(p.update(Msg::Notebook(notebook::Msg::Ran(cell))));
        assert_eq!(counted.counted.map(|(c, _)| c), Some(cell));
    }
    assert_eq!(p.notebook.done(), [Cell::Data, Cell::Model, Cell::Surface]);
}

#[test]
fn restart_forgets_every_result_but_keeps_the_configuration() {
    let config = LabConfig {
        lr: 0.05,
        ..LabConfig::default()
    };
    let mut p = Page::new(config.clone());
    p.make_scene().expect("the lab's data makes a scene");
    p.run = Some(p.train_with(0.05).expect("trains"));
    p.race_log = true;
    assert!(p.open_explorer());
    p.update(Msg::Notebook(notebook::Msg::Ran(Cell::Data)));
    let changes = notebook_changes(p.update(Msg::Notebook(notebook::Msg::Restart)));
    assert!(changes.cleared);
    assert!(p.scene.is_none() && p.run.is_none() && p.explorer.is_none());
    assert!(p.notebook.done().is_empty());
    assert_eq!(p.config, config);
    assert!(p.race_log, "the log-scale checkbox keeps its state");
}

#[test]
fn explorer_messages_before_the_explorer_opens_change_nothing() {
    let mut p = page();
    assert_eq!(p.update(Msg::Explore(explore::Msg::Step(1))), Changes::None);
    assert!(!p.open_explorer(), "no explorer before the data cell ran");
    assert!(p.explore_contour().is_none());
}

#[test]
fn the_explorer_is_a_part_of_the_page_and_its_image_follows_its_data() {
    let mut p = page();
    p.make_scene().expect("the lab's data makes a scene");
    assert!(p.open_explorer());
    let lab_image = p.contour().cloned().expect("the lab's image");
    assert_eq!(
        p.explore_contour(),
        Some(&lab_image),
        "opens on the lab's data"
    );

    let shown = p.explorer.as_ref().map(|e| e.iteration).expect("open");
    let changes = p.update(Msg::Explore(explore::Msg::Step(-1)));
    assert!(matches!(changes, Changes::Explore(c) if c.frame && !c.data));
    let now = p.explorer.as_ref().map(|e| e.iteration);
    assert_eq!(now, Some(shown - 1), "the page's explorer took the step");

    let changes = p.update(Msg::Explore(explore::Msg::NewNoise));
    assert!(matches!(changes, Changes::Explore(c) if c.data));
    let explorer = p.explorer.as_ref().expect("still open");
    let fresh = ContourImage::new(&explorer.scene.grid);
    assert_ne!(fresh, lab_image, "new noise is new data");
    assert_eq!(
        p.explore_contour(),
        Some(&fresh),
        "the image is the new data's"
    );
}

fn verbs(statements: &[gd_lab::app::xapi::Statement]) -> Vec<&'static str> {
    statements.iter().map(|s| s.verb.name()).collect()
}

#[test]
fn a_tracked_page_tells_opening_each_first_run_and_completion_and_keeps_it_over_restart() {
    let mut p = page().with_tracker("https://lab.example/index.html#x".into());
    assert_eq!(verbs(&p.take_statements()), ["attempted"]);
    let ran = |p: &mut Page, cell| {
        p.update(Msg::Notebook(notebook::Msg::Ran(cell)));
        p.take_statements()
    };
    for cell in [Cell::Data, Cell::Model, Cell::Surface, Cell::Train] {
        let said = ran(&mut p, cell);
        assert_eq!(verbs(&said), ["progressed"], "{cell:?}");
        assert_eq!(
            said[0].object.id,
            format!("https://lab.example/index.html#{}", cell.name())
        );
    }
    assert!(
        ran(&mut p, Cell::Data).is_empty(),
        "a cell run again says nothing"
    );
    p.update(Msg::Notebook(notebook::Msg::Restart));
    assert!(p.take_statements().is_empty());
    for cell in [Cell::Results, Cell::Explore, Cell::Practice] {
        ran(&mut p, cell);
    }
    let last = ran(&mut p, Cell::Race);
    assert_eq!(verbs(&last), ["progressed", "completed"]);
    assert!(p.tracker.as_ref().is_some_and(|t| t.is_completed()));
}

#[test]
fn the_practice_answers_with_its_rate_and_whether_it_beat_the_lab_run() {
    let mut p = page().with_tracker("https://lab.example/".into());
    p.make_scene().expect("the lab's data");
    p.run = Some(p.train_with(0.1).expect("the lab run"));
    p.take_statements();
    for (lr, success) in [(0.2, true), (0.001, false), (5.0, false)] {
        p.practice = Some((lr, p.train_with(lr).expect("a practice run")));
        p.update(Msg::Notebook(notebook::Msg::Ran(Cell::Practice)));
        let said = p.take_statements();
        let answered = said
            .iter()
            .find(|s| s.verb.name() == "answered")
            .expect("answered");
        let result = answered.result.as_ref().expect("a result");
        assert_eq!(result.success, Some(success), "lr {lr}");
        assert_eq!(result.response.as_deref(), Some(lr.to_string().as_str()));
    }
}

#[test]
fn a_page_without_a_host_says_nothing_and_a_theme_is_a_change_once() {
    let mut p = page();
    p.update(Msg::Notebook(notebook::Msg::Ran(Cell::Data)));
    assert!(p.take_statements().is_empty());
    assert_eq!(p.update(Msg::Theme("dark")), Changes::Theme);
    assert_eq!(p.update(Msg::Theme("dark")), Changes::None);
    assert_eq!(p.current_config().theme, "dark");
    assert!(p.saved().query.contains("theme=dark"));
}
