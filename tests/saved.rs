//! The learner's saved work (`app::saved`): records written and read back, the rule between
//! the link and the record, and hostile records.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::cell::Cell;
use gd_lab::app::config::LabConfig;
use gd_lab::app::saved::{
    query_pairs, restore, storage_key, Saved, Source, DAMAGED, LINE_SAVED, LINE_UNREADABLE,
    LINE_URL, MAX_RECORD_BYTES, NEWER, OLDER, TOO_LARGE,
};
use gd_lab::app::table_text::MAX_TABLE_POINTS;
use gd_lab::model::Samples;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The URL's query read the way the page's `URLSearchParams` does.
fn url(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn record(query: &str, ran: &[&str]) -> String {
    json!({"format": "gd-lab-state", "version": 1, "query": query, "ran": ran}).to_string()
}

fn worked_config() -> LabConfig {
    let (config, notices) = LabConfig::from_query(&url(
        "seed=7&noise=0.5&lr=0.25&iterations=40&w0=3&b0=-2&practiceLr=0.3&grid=50\
         &standardize=1&model=w*x%2Bb&cost=mean((yhat-y)%5E2)\
         &optimizer=sgd&momentum=0.9&batchSize=4",
    ));
    assert!(notices.is_empty(), "{notices:?}");
    config
}

/// A config whose values all pass the URL's rules: written and read back, nothing refused.
fn assert_passes_url_rules(config: &LabConfig) {
    let (back, notices) = LabConfig::from_saved_query(&query_pairs(&config.to_saved_query()));
    assert!(notices.is_empty(), "{notices:?}");
    let embed = LabConfig::from_query(&query_pairs(&config.embed_query())).0;
    let merged = LabConfig {
        cells: embed.cells,
        figure: embed.figure,
        compact: embed.compact,
        host: embed.host,
        save: embed.save,
        theme: embed.theme,
        ..back
    };
    assert_eq!(&merged, config);
    assert!(config.lr > 0.0 && config.lr <= 10.0);
    assert!((1..=1000).contains(&config.iterations));
    assert!(config.w0.abs() <= 1000.0 && config.b0.abs() <= 1000.0);
    assert!((2..=200).contains(&config.grid));
    assert!(config.host.as_deref().is_none_or(|h| h.starts_with("http")));
}

#[test]
fn a_record_round_trips_to_the_same_configuration() {
    let config = worked_config();
    let ran = [Cell::Data, Cell::Model, Cell::Surface, Cell::Train];
    let json = Saved::of(&config, ran).to_json();
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["format"], "gd-lab-state");
    assert_eq!(value["version"], 1);
    assert_eq!(value["ran"], json!(["data", "model", "surface", "train"]));
    let saved = Saved::from_json(&json).expect("reads back");
    assert_eq!(saved, Saved::of(&config, ran));

    let restored = restore(&[], Some(&json));
    assert_eq!(restored.source, Source::Saved);
    assert_eq!(restored.config, config);
    assert_eq!(restored.ran, ran);
    assert!(restored.notices.is_empty(), "{:?}", restored.notices);
    assert_eq!(restored.line, LINE_SAVED);
}

#[test]
fn a_record_keeps_pasted_points_however_many_and_the_url_keeps_embedding() {
    let n = MAX_TABLE_POINTS;
    let x: Vec<f64> = (0..n).map(|i| i as f64 * 0.1 + 1e-7).collect();
    let y: Vec<f64> = x.iter().map(|x| 2.0 * x - 1.0 / 3.0).collect();
    let config = LabConfig {
        data: Some(Samples::new(x, y).expect("points")),
        lr: 0.001,
        ..LabConfig::default()
    };
    assert!(!config.to_query().contains("data="), "too many for a link");
    let json = Saved::of(&config, [Cell::Data]).to_json();
    assert!(json.len() < MAX_RECORD_BYTES);
    let restored = restore(
        &url("cells=data,train&compact=1&host=https://course.example&theme=dark"),
        Some(&json),
    );
    assert_eq!(restored.source, Source::Saved);
    assert!(restored.notices.is_empty(), "{:?}", restored.notices);
    assert_eq!(restored.config.data, config.data);
    assert_eq!(restored.config.cells, vec!["data", "train"]);
    assert!(restored.config.compact);
    assert_eq!(
        restored.config.host.as_deref(),
        Some("https://course.example")
    );
    assert_eq!(restored.config.theme, "dark");
    assert_passes_url_rules(&restored.config);
}

#[test]
fn the_saved_query_leaves_out_the_embed_only_parameters() {
    let (config, notices) = LabConfig::from_query(&url(
        "lr=0.2&cells=data&figure=data&compact=1&host=http://localhost:8000&save=off&theme=light",
    ));
    assert!(notices.is_empty(), "{notices:?}");
    // The theme is the learner's choice: the record keeps it.
    assert_eq!(config.to_saved_query(), "lr=0.2&theme=light");
    assert_eq!(
        config.embed_query(),
        "cells=data&figure=data&compact=1&host=http://localhost:8000&save=off&theme=light"
    );
    // A record that names embed-only parameters has them ignored, with a notice.
    let json = record("lr=0.2&host=https://evil.example&compact=1&theme=dark", &[]);
    let restored = restore(&[], Some(&json));
    assert_eq!(restored.source, Source::Saved);
    assert_eq!(restored.config.theme, "dark");
    // A link's theme wins over the record's, and does not discard the record.
    let themed = restore(&url("theme=projector"), Some(&json));
    assert_eq!(
        (themed.source, themed.config.theme),
        (Source::Saved, "projector")
    );
    assert_eq!(
        (restored.config.host, restored.config.compact),
        (None, false)
    );
    assert_eq!(restored.config.lr, 0.2);
    assert_eq!(restored.notices.len(), 2, "{:?}", restored.notices);
}

#[test]
fn the_link_wins_when_it_sets_the_learners_state() {
    let json = record("lr=0.5&seed=3", &["data"]);
    let restored = restore(&url("lr=0.05&compact=1"), Some(&json));
    assert_eq!(restored.source, Source::Url);
    assert_eq!(restored.line, LINE_URL);
    assert_eq!((restored.config.lr, restored.config.seed), (0.05, 42));
    assert!(restored.config.compact);
    assert!(restored.ran.is_empty());
    // A bad value still counts as the link setting the state.
    let restored = restore(&url("lr=abc"), Some(&json));
    assert_eq!(restored.source, Source::Url);
    assert_eq!(restored.config, LabConfig::default());
    assert_eq!(restored.notices.len(), 1);
    // No record: nothing to say.
    let restored = restore(&url("lr=0.05"), None);
    assert_eq!((restored.source, restored.line.as_str()), (Source::Url, ""));
}

#[test]
fn embed_only_and_unknown_parameters_let_the_record_restore() {
    let json = record("lr=0.5", &["data", "model"]);
    let restored = restore(
        &url("cells=data,model&figure=data&utm_source=x"),
        Some(&json),
    );
    assert_eq!(restored.source, Source::Saved);
    assert_eq!(restored.config.lr, 0.5);
    assert_eq!(restored.config.figure.as_deref(), Some("data"));
    assert_eq!(restored.ran, vec![Cell::Data, Cell::Model]);
    assert_eq!(restored.notices.len(), 1, "the unknown parameter's notice");
}

#[test]
fn save_off_and_no_record_start_from_the_link() {
    let json = record("lr=0.5", &["data"]);
    for query in ["save=off", "save=0&theme=dark"] {
        let restored = restore(&url(query), Some(&json));
        assert_eq!(restored.source, Source::Default);
        assert_eq!(restored.config.lr, 0.1);
        assert!(!restored.config.save);
        assert_eq!(restored.line, "");
    }
    for record in [None, Some(""), Some("  ")] {
        let restored = restore(&url("compact=1"), record);
        assert_eq!(restored.source, Source::Default);
        assert!(restored.config.compact);
        assert_eq!((restored.line.as_str(), restored.ran.len()), ("", 0));
    }
}

#[test]
fn damaged_and_other_version_records_start_fresh_with_a_line() {
    let cases = [
        ("{", DAMAGED),
        (
            r#"{"format":"gd-lab-state","version":0,"query":"","ran":[]}"#,
            OLDER,
        ),
        (r#"{"format":"gd-lab-state","query":"","ran":[]}"#, OLDER),
        (
            r#"{"format":"gd-lab-state","version":7,"query":"","ran":[]}"#,
            NEWER,
        ),
        (
            r#"{"format":"gd-lab-state","version":"1","query":"","ran":[]}"#,
            DAMAGED,
        ),
        (
            r#"{"format":"gd-lab-state","version":1,"query":3,"ran":[]}"#,
            DAMAGED,
        ),
        (
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":"data"}"#,
            DAMAGED,
        ),
        (
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":["x"]}"#,
            DAMAGED,
        ),
        (r#"{"version":1,"query":"","ran":[]}"#, DAMAGED),
    ];
    for (text, reason) in cases {
        let err = Saved::from_json(text).expect_err(text);
        assert!(err.starts_with(reason), "{text}: {err}");
        assert!(!err.contains('\n'));
        let restored = restore(&url("compact=1"), Some(text));
        assert_eq!(restored.source, Source::Default, "{text}");
        assert_eq!(restored.line, LINE_UNREADABLE);
        assert!(restored.config.compact);
    }
    let huge = record(&"a".repeat(MAX_RECORD_BYTES), &[]);
    assert_eq!(Saved::from_json(&huge), Err(TOO_LARGE.into()));
}

#[test]
fn out_of_range_values_in_a_record_keep_the_defaults_with_a_notice() {
    let json = record("lr=1e9&iterations=5000&seed=7&grid=1", &["data"]);
    let restored = restore(&[], Some(&json));
    assert_eq!(restored.source, Source::Saved);
    assert_eq!(restored.config.lr, LabConfig::default().lr);
    assert_eq!(restored.config.iterations, 15);
    assert_eq!(restored.config.grid, 30);
    assert_eq!(restored.config.seed, 7);
    assert_eq!(restored.notices.len(), 3, "{:?}", restored.notices);
    assert!(restored.notices.iter().all(|n| n.starts_with("Ignored")));
    assert!(restored.notices[0].contains("lr=1e9"));
}

#[test]
fn storage_keys_name_the_page_and_its_embedding_only() {
    let a = storage_key(
        "/lab/",
        "?cells=train,data&lr=0.5&compact=1&theme=dark&save=on",
    );
    let b = storage_key("/lab/", "compact=true&cells=data,train");
    assert_eq!(a, b);
    assert_eq!(a, "gd-lab:1:/lab/?cells=data,train&compact=1");
    assert_eq!(storage_key("/lab/", ""), "gd-lab:1:/lab/?");
    assert_ne!(storage_key("/lab/", ""), storage_key("/other/", ""));
    assert_ne!(
        storage_key("/lab/", "host=https://a.example"),
        storage_key("/lab/", "host=https://b.example")
    );
    assert_eq!(
        storage_key("/lab/", "host=HTTPS://A.example/&figure=nope"),
        "gd-lab:1:/lab/?host=https://a.example"
    );
}

/// Random JSON of any shape, from serde_json's values.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|v| json!(v)),
        any::<i64>().prop_map(|v| json!(v)),
        ".{0,40}".prop_map(Value::String),
        Just(json!("<script>alert(1)</script>")),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("version".to_string()),
                    Just("query".to_string()),
                    Just("ran".to_string()),
                    "[a-z]{1,6}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A query of real parameters with hostile or random values.
fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("lr"),
        Just("seed"),
        Just("noise"),
        Just("iterations"),
        Just("w0"),
        Just("grid"),
        Just("data"),
        Just("dataset"),
        Just("model"),
        Just("cost"),
        Just("optimizer"),
        Just("momentum"),
        Just("batchSize"),
        Just("race"),
        Just("host"),
        Just("cells"),
        Just("theme"),
        Just("practiceLr"),
    ];
    let value = prop_oneof![
        "[-0-9.e]{0,8}",
        Just("1e9".to_string()),
        Just("NaN".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("%3Cimg%20src=x%20onerror=alert(1)%3E".to_string()),
        Just("1,2;3,4;5,6".to_string()),
        Just("1,1;1,1".to_string()),
        Just("javascript:alert(1)".to_string()),
        ".{0,30}",
    ];
    prop::collection::vec((key, value), 0..10).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn check_restored(text: &str) {
    let restored = restore(&url("cells=data,train"), Some(text));
    match restored.source {
        Source::Default => {
            let line = if text.trim().is_empty() {
                ""
            } else {
                LINE_UNREADABLE
            };
            assert_eq!(restored.line, line);
            assert!(restored.ran.is_empty());
        }
        Source::Saved => assert_passes_url_rules(&restored.config),
        Source::Url => panic!("the link set no state"),
    }
    for notice in &restored.notices {
        assert!(notice.chars().count() < 400, "{notice}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = Saved::from_json(&text);
        check_restored(&text);
    }

    #[test]
    fn random_json_never_panics(value in any_json()) {
        let text = value.to_string();
        let _ = Saved::from_json(&text);
        check_restored(&text);
    }

    #[test]
    fn records_with_hostile_values_restore_only_what_passes(
        query in hostile_query(),
        ran in prop::collection::vec(
            prop_oneof![Just("data"), Just("train"), Just("race"), Just("<b>")], 0..5),
    ) {
        let text = record(&query, &ran);
        let result = Saved::from_json(&text);
        prop_assert_eq!(result.is_ok(), !ran.contains(&"<b>"));
        check_restored(&text);
    }

    #[test]
    fn records_cut_short_or_altered_never_panic(
        cut in 0usize..200, at in 0usize..200, byte in any::<u8>(),
    ) {
        let full = Saved::of(&worked_config(), [Cell::Data, Cell::Train]).to_json();
        let cut = &full[..cut.min(full.len())];
        check_restored(cut);
        let mut bytes = full.clone().into_bytes();
        let at = at.min(bytes.len() - 1);
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            check_restored(&text);
        }
    }
}

#[test]
fn deep_nesting_huge_strings_and_escapes_are_refused_or_read_without_panic() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Saved::from_json(&deep).is_err());
    let deep_object = format!(
        "{{\"format\":\"gd-lab-state\",\"x\":{}1{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    assert!(Saved::from_json(&deep_object).is_err());
    let big_unknown = format!(
        "{{\"format\":\"gd-lab-state\",\"version\":1,\"query\":\"\",\"ran\":[],\"junk\":\"{}\"}}",
        "x".repeat(MAX_RECORD_BYTES - 200)
    );
    assert!(Saved::from_json(&big_unknown).is_ok());
    check_restored(&big_unknown);
    let escaped = r#"{"format":"gd-lab-state","version":1,"query":"lr=0\u002e5\u0026seed=\u0039","ran":["d\u0061ta"]}"#;
    let saved = Saved::from_json(escaped).expect("escapes");
    assert_eq!(saved.query, "lr=0.5&seed=9");
    assert_eq!(saved.ran, vec![Cell::Data]);
    let script = record("lr=<script>alert(1)</script>&model=%3Cscript%3E", &[]);
    let restored = restore(&[], Some(&script));
    assert_eq!(restored.config, LabConfig::default());
    assert_eq!(restored.notices.len(), 2);
    // Every JSON string serde writes reads back the same, escapes and all.
    for text in ["a\"b\\c\u{1}\u{7f}\u{2028}😀é\n\t", "</script>", ""] {
        let json = record(text, &[]);
        assert_eq!(Saved::from_json(&json).expect("reads").query, text);
    }
}
