//! The statements the embedded lab posts to its host course (`app::xapi`).
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::cell::Cell;
use gd_lab::app::xapi::{envelope_json, Statement, Tracker, PROGRESS_EXTENSION};
use serde_json::Value;

const BASE: &str = "https://lab.example/gd/";

fn parse(statement: &Statement) -> Value {
    let text = statement.to_json();
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    check_shape(&value);
    let envelope: Value = serde_json::from_str(&envelope_json(statement)).expect("envelope");
    assert_eq!(envelope["type"], "gd-lab:xapi");
    assert_eq!(envelope["statement"], value);
    assert_eq!(envelope.as_object().map(|o| o.len()), Some(2));
    value
}

/// The documented shape: verb, object, optional result; no actor.
fn check_shape(s: &Value) {
    let keys: Vec<&String> = s.as_object().expect("an object").keys().collect();
    assert!(s.get("actor").is_none());
    for key in &keys {
        assert!(
            ["verb", "object", "result"].contains(&key.as_str()),
            "{key}"
        );
    }
    let verb = &s["verb"];
    let name = verb["display"]["en-US"].as_str().expect("verb display");
    assert!(["attempted", "progressed", "answered", "completed"].contains(&name));
    assert_eq!(
        verb["id"],
        format!("http://adlnet.gov/expapi/verbs/{name}").as_str()
    );
    let object = &s["object"];
    assert_eq!(object["objectType"], "Activity");
    let id = object["id"].as_str().expect("object id");
    assert!(id == BASE || id.starts_with(&format!("{BASE}#")), "{id}");
    assert!(object["definition"]["name"]["en-US"].is_string());
    let kind = object["definition"]["type"].as_str().expect("type");
    let practice = id.ends_with("#practice");
    assert_eq!(
        kind,
        if practice {
            "http://adlnet.gov/expapi/activities/interaction"
        } else {
            "http://adlnet.gov/expapi/activities/lesson"
        }
    );
}

fn progress(s: &Value) -> u64 {
    s["result"]["extensions"][PROGRESS_EXTENSION]
        .as_u64()
        .expect("progress")
}

#[test]
fn a_session_attempts_progresses_completes_once_and_answers() {
    let defaults: Vec<Cell> = Cell::ALL.to_vec();
    let mut tracker = Tracker::new(format!("{BASE}#ignored"), defaults);
    let opened = tracker.opened();
    assert_eq!(opened.len(), 1);
    let attempted = parse(&opened[0]);
    assert_eq!(attempted["verb"]["display"]["en-US"], "attempted");
    assert_eq!(attempted["object"]["id"], BASE);
    assert!(attempted.get("result").is_none());

    let mut last = 0;
    let mut completed = 0;
    let mut verbs = Vec::new();
    for cell in Cell::run_cells() {
        for statement in tracker.ran(cell) {
            let s = parse(&statement);
            let verb = s["verb"]["display"]["en-US"].as_str().unwrap().to_string();
            if verb == "progressed" {
                assert_eq!(
                    s["object"]["id"],
                    format!("{BASE}#{}", cell.name()).as_str()
                );
                assert_eq!(s["object"]["definition"]["name"]["en-US"], cell.title());
                let p = progress(&s);
                assert!(p > last && p <= 100, "{p} after {last}");
                last = p;
            } else {
                assert_eq!(verb, "completed");
                assert_eq!(s["object"]["id"], BASE);
                assert_eq!(s["result"]["completion"], true);
                completed += 1;
            }
            verbs.push(verb);
        }
        // Running a cell again says nothing new.
        assert!(tracker.ran(cell).is_empty());
    }
    assert_eq!(last, 100);
    assert_eq!(completed, 1);
    assert_eq!(verbs.last().map(String::as_str), Some("completed"));
    assert_eq!(verbs.len(), Cell::run_cells().count() + 1);
    assert!(tracker.is_completed());

    let better = parse(&tracker.answered(0.2, 1.5, 40.0));
    assert_eq!(better["verb"]["display"]["en-US"], "answered");
    assert_eq!(better["object"]["id"], format!("{BASE}#practice").as_str());
    assert_eq!(better["result"]["success"], true);
    assert_eq!(better["result"]["response"], "0.2");
    let worse = parse(&tracker.answered(2.5, 1e30, 40.0));
    assert_eq!(worse["result"]["success"], false);
    assert_eq!(worse["result"]["response"], "2.5");
    let nan = parse(&tracker.answered(1.0, f64::NAN, 40.0));
    assert_eq!(nan["result"]["success"], false);
}

#[test]
fn progress_counts_only_the_default_cells_and_completes_when_they_have_run() {
    let mut tracker = Tracker::new(
        BASE.into(),
        vec![Cell::Objective, Cell::Data, Cell::Model, Cell::Data],
    );
    let race = tracker.ran(Cell::Race);
    assert_eq!(race.len(), 1);
    assert_eq!(progress(&parse(&race[0])), 0);
    let data = tracker.ran(Cell::Data);
    assert_eq!((data.len(), progress(&parse(&data[0]))), (1, 50));
    let model = tracker.ran(Cell::Model);
    assert_eq!(model.len(), 2, "progressed, then completed");
    assert_eq!(progress(&parse(&model[0])), 100);
    assert_eq!(parse(&model[1])["verb"]["display"]["en-US"], "completed");
    assert_eq!(tracker.ran(Cell::Train).len(), 1, "no second completed");
}

#[test]
fn text_in_statements_is_escaped() {
    let tracker = Tracker::new("https://lab.example/a\"b\\c".into(), vec![Cell::Data]);
    let text = tracker.opened()[0].to_json();
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["object"]["id"], "https://lab.example/a\"b\\c");
}
