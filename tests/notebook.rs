//! The notebook's rules: which cells run in which order, the note naming the cells run first,
//! counting, Run all, Restart, and what a URL opens.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::cell::Cell;
use gd_lab::app::config::{LabConfig, CELLS};
use gd_lab::app::notebook::{opening_cells, Changes, Msg, Notebook};

fn all_shown() -> Notebook {
    Notebook::new(Cell::ALL)
}

/// Runs a message and reports every executed cell as a success, as the page does.
fn run(notebook: &mut Notebook, msg: Msg) -> Changes {
    let changes = notebook.update(msg);
    for &cell in &changes.execute {
        notebook.update(Msg::Ran(cell));
    }
    changes
}

#[test]
fn names_titles_and_ids_agree_with_the_url_parameter() {
    assert_eq!(CELLS.len(), Cell::ALL.len());
    for (cell, name) in Cell::ALL.into_iter().zip(CELLS) {
        assert_eq!(cell.name(), name);
        assert_eq!(Cell::from_name(name), Some(cell));
        assert!(cell.title().ends_with(|c: char| c.is_alphabetic()));
    }
    assert_eq!(Cell::from_name("evil"), None);
    let numbers: Vec<String> = Cell::ALL
        .iter()
        .map(|c| c.title().split('.').next().unwrap_or_default().to_string())
        .collect();
    let expected: Vec<String> = (1..=Cell::ALL.len()).map(|i| i.to_string()).collect();
    assert_eq!(numbers, expected, "titles are numbered in page order");
}

#[test]
fn every_cell_needs_only_earlier_run_cells() {
    for (i, cell) in Cell::ALL.into_iter().enumerate() {
        for need in cell.needs() {
            let j = Cell::ALL.iter().position(|c| c == need).expect("listed");
            assert!(j < i, "{cell:?} needs the later {need:?}");
            assert!(
                need.runs(),
                "{cell:?} needs {need:?}, which has nothing to run"
            );
        }
    }
    assert!(!Cell::Objective.runs());
    assert_eq!(Cell::run_cells().count(), Cell::ALL.len() - 1);
}

#[test]
fn a_later_cell_runs_the_cells_it_needs_first_and_says_so() {
    let mut notebook = all_shown();
    let changes = run(&mut notebook, Msg::Run(Cell::Results));
    assert_eq!(
        changes.execute,
        [
            Cell::Data,
            Cell::Model,
            Cell::Surface,
            Cell::Train,
            Cell::Results
        ]
    );
    assert_eq!(
        changes.status,
        [(
            Cell::Results,
            "Ran “2. Make some data” and “3. The model and its cost” and “4. The cost surface” \
             and “5. Train” first: this cell uses its result."
                .to_string()
        )]
    );
    // Everything it needs has run now: a second run runs it alone, with no note.
    let again = run(&mut notebook, Msg::Run(Cell::Results));
    assert_eq!(again.execute, [Cell::Results]);
    assert!(again.status.is_empty());
}

#[test]
fn the_explorer_and_the_practice_need_different_branches() {
    let mut notebook = all_shown();
    run(&mut notebook, Msg::Run(Cell::Explore));
    assert_eq!(
        notebook.done(),
        [Cell::Data, Cell::Model, Cell::Surface, Cell::Explore]
    );
    assert_eq!(notebook.missing(Cell::Practice), [Cell::Train]);
    assert_eq!(notebook.missing(Cell::Results), [Cell::Train]);
}

#[test]
fn hidden_cells_run_silently() {
    let mut notebook = Notebook::new([Cell::Train, Cell::Surface]);
    let changes = notebook.update(Msg::Run(Cell::Train));
    assert_eq!(changes.execute.len(), 4);
    assert_eq!(
        changes.status,
        [(
            Cell::Train,
            "Ran “4. The cost surface” first: this cell uses its result.".to_string()
        )]
    );
    let mut hidden = Notebook::new([Cell::Train]);
    assert!(hidden.update(Msg::Run(Cell::Train)).status.is_empty());
}

#[test]
fn a_failed_cell_is_not_done_and_is_tried_again() {
    let mut notebook = all_shown();
    let changes = notebook.update(Msg::Run(Cell::Model));
    assert_eq!(changes.execute, [Cell::Data, Cell::Model]);
    // The data cell failed: only the model cell reports success.
    notebook.update(Msg::Ran(Cell::Model));
    assert_eq!(notebook.done(), [Cell::Model]);
    assert_eq!(notebook.missing(Cell::Model), [Cell::Data]);
}

#[test]
fn the_counter_counts_every_run_and_restart_resets_it() {
    let mut notebook = all_shown();
    assert_eq!(
        notebook.update(Msg::Ran(Cell::Data)).counted,
        Some((Cell::Data, 1))
    );
    assert_eq!(
        notebook.update(Msg::Ran(Cell::Data)).counted,
        Some((Cell::Data, 2))
    );
    assert_eq!(notebook.done(), [Cell::Data], "done once, counted twice");
    assert_eq!(
        notebook.update(Msg::Ran(Cell::Objective)),
        Changes::default()
    );
    assert_eq!(
        notebook.update(Msg::Run(Cell::Objective)),
        Changes::default()
    );
    let restart = notebook.update(Msg::Restart);
    assert!(restart.cleared && restart.execute.is_empty());
    assert_eq!((notebook.counter(), notebook.done()), (0, &[][..]));
    assert_eq!(notebook.missing(Cell::Model), [Cell::Data]);
}

#[test]
fn run_all_runs_every_cell_in_order_and_the_practice_only_when_typed() {
    let mut notebook = all_shown();
    let untyped = run(
        &mut notebook,
        Msg::RunAll {
            practice_typed: false,
        },
    );
    let before_practice: Vec<Cell> = Cell::run_cells().filter(|c| *c != Cell::Practice).collect();
    assert_eq!(untyped.execute, before_practice);
    assert_eq!(untyped.status.len(), 1);
    assert_eq!(untyped.status[0].0, Cell::Practice);
    assert!(untyped.status[0].1.contains("0.2 is the exercise"));
    assert_eq!(notebook.counter(), 7);
    let typed = notebook.update(Msg::RunAll {
        practice_typed: true,
    });
    assert_eq!(typed.execute, Cell::run_cells().collect::<Vec<_>>());
    assert!(typed.status.is_empty());
}

fn config(query: &[(&str, &str)]) -> LabConfig {
    let pairs: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (config, notices) = LabConfig::from_query(&pairs);
    assert!(notices.is_empty(), "{notices:?}");
    config
}

#[test]
fn opening_runs_the_shown_cells_before_the_practice() {
    let defaults = opening_cells(&LabConfig::default());
    // The race waits for its Run button, so opening costs what it did without it.
    assert_eq!(
        defaults,
        Cell::run_cells()
            .filter(|c| !matches!(c, Cell::Practice | Cell::Race))
            .collect::<Vec<_>>()
    );
    let typed = opening_cells(&config(&[("practiceLr", "0.3")]));
    assert_eq!(typed.last(), Some(&Cell::Practice));
    let some = opening_cells(&config(&[("cells", "objective,train,data")]));
    assert_eq!(some, [Cell::Data, Cell::Train]);
}

#[test]
fn a_lone_figure_opens_and_shows_its_own_cell() {
    let cases = [
        ("contour", Cell::Surface),
        ("train-3-params", Cell::Train),
        ("results-cost", Cell::Results),
        ("explore-surface", Cell::Explore),
        ("practice-compare", Cell::Practice),
        ("data", Cell::Data),
    ];
    for (figure, cell) in cases {
        assert_eq!(Cell::of_figure(figure), cell, "{figure}");
        let c = config(&[("figure", figure), ("cells", "objective")]);
        assert_eq!(opening_cells(&c), [cell], "{figure}");
        let notebook = Notebook::for_config(&c);
        assert!(notebook.is_shown(cell) && notebook.is_shown(Cell::Objective));
        assert!(!notebook.is_shown(Cell::Model) || cell == Cell::Model);
    }
}

#[test]
fn the_page_has_a_section_per_cell_with_the_same_title_in_order() {
    let html = include_str!("../www/index.html");
    let mut at = 0;
    for cell in Cell::ALL {
        let id = format!("id=\"{}\"", cell.element_id());
        let start = html[at..]
            .find(&id)
            .map(|i| at + i)
            .unwrap_or_else(|| panic!("no section {id} after the previous cell"));
        let end = html[start..]
            .find("</section>")
            .map_or(html.len(), |i| start + i);
        let section = &html[start..end];
        assert!(
            section.contains(&format!("<h2>{}</h2>", cell.title())),
            "{id} is not headed “{}”",
            cell.title()
        );
        assert_eq!(
            section.contains("class=\"run\""),
            cell.runs(),
            "{id}: a Run button exactly when the cell runs"
        );
        assert!(html[..start]
            .rfind("<section")
            .is_some_and(|s| html[s..start].contains(&format!("data-cell=\"{}\"", cell.name()))));
        at = end;
    }
}
