//! The URL parameters of the data: `dataset`, `standardize`, `data`, their precedence, and
//! Share links that carry them.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::config::LabConfig;
use gd_lab::app::data_param::{parse_inline, write_inline, LINK_MAX_POINTS, LINK_MAX_QUERY_CHARS};
use gd_lab::app::datasets;
use gd_lab::model::Samples;
use proptest::prelude::*;

fn parse(query: &[(&str, &str)]) -> (LabConfig, Vec<String>) {
    let pairs: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    LabConfig::from_query(&pairs)
}

/// Splits a query the way the page's `URLSearchParams` does for these values.
fn split_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn round_trip(c: &LabConfig) -> LabConfig {
    let (back, notices) = LabConfig::from_query(&split_query(&c.to_query()));
    assert!(notices.is_empty(), "{notices:?}");
    back
}

#[test]
fn dataset_and_standardize_are_read_and_written_back() {
    for set in datasets::TEACHING_SETS {
        for flag in ["1", "true", "0", "false"] {
            let (c, notices) = parse(&[("dataset", set.name), ("standardize", flag)]);
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(c.dataset, Some(set.name));
            assert_eq!(c.standardize, flag == "1" || flag == "true");
            assert_eq!(round_trip(&c), c);
        }
    }
    assert_eq!(LabConfig::default().to_query(), "");
    let (c, _) = parse(&[("dataset", "far")]);
    assert!(!c.is_lab_data());
    assert_eq!(
        c.make_data().expect("far").0,
        datasets::make("far").expect("far").samples
    );
    assert!(parse(&[("dataset", "lab")]).0.is_lab_data());
    assert!(parse(&[("seed", "9")]).0.is_lab_data());
}

#[test]
fn inline_data_is_read_exactly_and_written_back() {
    let (c, notices) = parse(&[("data", " 1,2; 3.5 ,-4e-3;1e-300,7;")]);
    assert!(notices.is_empty(), "{notices:?}");
    let s = c.data.clone().expect("inline points");
    assert_eq!(s.x(), [1.0, 3.5, 1e-300]);
    assert_eq!(s.y(), [2.0, -4e-3, 7.0]);
    assert_eq!(round_trip(&c), c);
    assert_eq!(c.make_data().expect("inline points"), (s, None));
    assert!(!c.is_lab_data());
    assert!(c.to_query().contains("data=1,2;3.5,-4e-3;1e-300,7"));
}

#[test]
fn data_wins_over_dataset_which_wins_over_seed_and_noise() {
    let (c, notices) = parse(&[("seed", "7"), ("dataset", "far"), ("data", "1,2;3,4")]);
    assert_eq!((c.dataset, c.seed), (None, LabConfig::default().seed));
    assert!(c.data.is_some());
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].starts_with("Ignored “dataset=far”"));
    assert!(notices[1].starts_with("Ignored “seed=7”") && notices[1].contains("data"));
    let (c, notices) = parse(&[("noise", "0.5"), ("dataset", "steep")]);
    assert_eq!(
        (c.dataset, c.noise),
        (Some("steep"), LabConfig::default().noise)
    );
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("dataset, which wins over seed and noise"));
    // Without data or a data set, seed and noise count.
    let (c, notices) = parse(&[("noise", "0.5"), ("seed", "3")]);
    assert!(notices.is_empty() && c.noise == 0.5 && c.seed == 3);
}

#[test]
fn hostile_values_keep_the_defaults_with_a_notice_naming_the_parameter() {
    let many: String = (0..=LINK_MAX_POINTS).map(|i| format!("{i},{i};")).collect();
    let long = "9".repeat(5000);
    let hostile = [
        ("dataset", "<img src=x onerror=alert(1)>"),
        ("dataset", "LAB"),
        ("dataset", ""),
        ("standardize", "maybe"),
        ("standardize", "2"),
        ("data", ""),
        ("data", "1,2"),
        ("data", "1,2;1,3"),
        ("data", "1,2;3"),
        ("data", "1,2;3,x"),
        ("data", "1,2;3,NaN"),
        ("data", "1,2;3,1e999"),
        ("data", "1;2;3;4"),
        ("data", "1,1e200;2,3"),
        ("data", many.as_str()),
        ("data", long.as_str()),
        ("data", "1,2;\u{0}3,4"),
        ("data", "<script>1,2;3,4</script>"),
    ];
    for (key, value) in hostile {
        let (c, notices) = parse(&[(key, value)]);
        assert_eq!(c, LabConfig::default(), "{key}={value:.40}");
        assert_eq!(notices.len(), 1, "{key}={value:.40}");
        let n = &notices[0];
        assert!(n.starts_with(&format!("Ignored “{key}=")), "{n}");
        assert!(n.chars().count() < 300, "{n}");
        assert!(!n.contains('\u{0}'));
    }
}

#[test]
fn share_links_carry_data_only_when_it_fits() {
    let points = |n: usize| {
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        Samples::new(x.clone(), x).expect("distinct x")
    };
    let c = LabConfig::default();
    assert!(c.data_fits_link(&points(LINK_MAX_POINTS)));
    assert!(!c.data_fits_link(&points(LINK_MAX_POINTS + 1)));
    // Long numbers: few points, but too many characters.
    let x: Vec<f64> = (0..100).map(|i| 0.1 + i as f64 / 3.0).collect();
    let wide = Samples::new(x.clone(), x).expect("distinct x");
    assert!(write_inline(&wide).len() > LINK_MAX_QUERY_CHARS);
    assert!(!c.data_fits_link(&wide));
    let too_big = LabConfig {
        data: Some(wide),
        ..LabConfig::default()
    };
    assert!(!too_big.to_query().contains("data="));
    let fits = LabConfig {
        data: Some(points(LINK_MAX_POINTS)),
        lr: 0.05,
        ..LabConfig::default()
    };
    assert!(fits.to_query().len() <= LINK_MAX_QUERY_CHARS);
    assert_eq!(round_trip(&fits), fits);
}

proptest! {
    #[test]
    fn any_finite_points_survive_a_link(
        points in prop::collection::vec((-1e100..1e100f64, -1e100..1e100f64), 2..50),
    ) {
        let (x, y): (Vec<f64>, Vec<f64>) = points.into_iter().unzip();
        prop_assume!(x.iter().any(|v| *v != x[0]));
        let s = Samples::new(x, y).expect("finite");
        let back = parse_inline(&write_inline(&s)).expect("its own link");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn no_url_value_panics(key in prop::sample::select(vec!["data", "dataset", "standardize"]), value in ".{0,300}") {
        let (_, notices) = parse(&[(key, &value)]);
        prop_assert!(notices.len() <= 1);
    }
}
