//! The `model` and `cost` URL parameters: checked like every other parameter, and carried by
//! Share links so that a browser's `URLSearchParams` reads back exactly what was written.

use gd_lab::app::config::LabConfig;

/// A query string read as `URLSearchParams` reads it (`+` is a space, `%XX` decoded).
fn read(query: &str) -> (LabConfig, Vec<String>) {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    LabConfig::from_query(&pairs)
}

#[test]
fn formulas_round_trip_through_a_share_link() {
    let cases = [
        ("w*x^2 + b", "0.5*mean((yhat - y)^2) + 1e-3"),
        ("tanh(w*x) + b", "sum(min(abs(yhat - y), 1))/n"),
        ("-w^2*x + b", "mean(abs(yhat - y))"),
    ];
    for (model, cost) in cases {
        let query = format!("model={}&cost={}", urlencode(model), urlencode(cost));
        let (config, notices) = read(&query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(config.model.as_deref(), Some(model));
        assert_eq!(config.cost.as_deref(), Some(cost));
        let shared = config.to_query();
        assert!(!shared.contains('+') && !shared.contains(' '), "{shared}");
        assert_eq!(read(&shared).0, config, "{shared}");
        assert!(config.formulas().is_some());
    }
}

#[test]
fn the_defaults_typed_differently_stay_out_of_the_link() {
    let (config, notices) = read("model=(w*x)%2Bb&cost=mean((yhat-y)%5E2)");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config, LabConfig::default());
    assert!(config.formulas().is_none());
    assert_eq!(config.to_query(), "");
}

#[test]
fn bad_formulas_are_notices_and_the_defaults_stay() {
    let long = "1+".repeat(5000);
    let hostile = [
        "cost=mean(yhat - yy)",
        "cost=<script>alert(1)</script>",
        "cost=mean(1e999*(yhat - y))",
        "model=w*x + y",
        "model=mean(x)",
        "cost=",
        &format!("cost=mean({long}yhat)"),
        &format!("cost=mean({}yhat{})", "(".repeat(100), ")".repeat(100)),
    ];
    for q in hostile {
        let (config, notices) = read(q);
        assert_eq!(config, LabConfig::default(), "{q}");
        assert_eq!(notices.len(), 1, "{q}: {notices:?}");
        let n = &notices[0];
        assert!(n.starts_with("Ignored “") && n.contains("column "), "{n}");
        assert!(n.chars().count() < 400, "a notice should stay short: {n}");
    }
}

/// Percent-encodes everything but unreserved characters, as a careful link writer would.
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
