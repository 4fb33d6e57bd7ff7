//! CSV files read back to exactly the lab's numbers; file names say what they hold; the
//! embed snippet escapes what it quotes.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::export::text::{float, html_attr};
use gd_lab::app::export::*;
use gd_lab::model::{LossGrid, Trajectory};
use proptest::prelude::*;

/// Any f64 at all, including subnormals, zeros of both signs, and the extremes.
fn any_finite() -> impl Strategy<Value = f64> {
    any::<u64>()
        .prop_map(f64::from_bits)
        .prop_filter("finite", |v| v.is_finite())
}

/// The rows of a CSV file after its header, each split into numbers.
fn read_csv(text: &str, header: &str) -> Vec<Vec<f64>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(header));
    lines
        .map(|line| {
            line.split(',')
                .map(|cell| cell.parse::<f64>().expect("a number"))
                .collect()
        })
        .collect()
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

proptest! {
    #[test]
    fn floats_print_shortest_and_read_back(v in any_finite()) {
        let text = float(v);
        prop_assert_eq!(text.parse::<f64>().expect("parses").to_bits(), v.to_bits());
        // A Python float literal: a dot or an exponent, and no longer than Rust's shortest
        // digits plus the exponent.
        prop_assert!(text.contains(['.', 'e']), "{}", text);
        prop_assert!(text.len() <= 25, "{}", text);
    }

    #[test]
    fn data_csv_reads_back(points in prop::collection::vec((any_finite(), any_finite()), 0..50)) {
        let (x, y): (Vec<f64>, Vec<f64>) = points.into_iter().unzip();
        let rows = read_csv(&data_csv(&x, &y), "x,y");
        prop_assert_eq!(rows.len(), x.len());
        prop_assert_eq!(bits(&rows.iter().map(|r| r[0]).collect::<Vec<_>>()), bits(&x));
        prop_assert_eq!(bits(&rows.iter().map(|r| r[1]).collect::<Vec<_>>()), bits(&y));
    }

    #[test]
    fn trajectory_csv_reads_back(rows in prop::collection::vec((any_finite(), any_finite(), any_finite()), 0..50)) {
        let run = Trajectory {
            w: rows.iter().map(|r| r.0).collect(),
            b: rows.iter().map(|r| r.1).collect(),
            cost: rows.iter().map(|r| r.2).collect(),
            diverged_at: None,
        };
        let records: Vec<Record> = rows.iter().map(|&(w, b, cost)| Record { w, b, cost }).collect();
        let text = trajectory_csv(&run);
        prop_assert_eq!(&text, &records_csv(&records));
        let back = read_csv(&text, "iteration,w,b,cost");
        prop_assert_eq!(back.len(), rows.len());
        for (i, row) in back.iter().enumerate() {
            prop_assert_eq!(row[0], i as f64);
            prop_assert_eq!(bits(&row[1..]), bits(&[rows[i].0, rows[i].1, rows[i].2]));
        }
    }

    #[test]
    fn grid_csv_reads_back(n_w in 1usize..6, n_b in 1usize..6, seed in any::<u64>()) {
        let values: Vec<f64> = (0..(n_w * n_b + n_w + n_b) as u64)
            // Clearing the top exponent bit keeps every value finite.
            .map(|i| f64::from_bits(seed.wrapping_mul(i + 1).rotate_left(7) & !(1 << 62)))
            .collect();
        let grid = LossGrid {
            w: values[..n_w].to_vec(),
            b: values[n_w..n_w + n_b].to_vec(),
            cost: values[n_w + n_b..].to_vec(),
        };
        let back = read_csv(&grid_csv(&grid), "w,b,cost");
        prop_assert_eq!(back.len(), n_w * n_b);
        for (k, row) in back.iter().enumerate() {
            let (r, c) = (k / n_w, k % n_w);
            prop_assert_eq!(bits(row), bits(&[grid.w[c], grid.b[r], grid.at(r, c)]));
        }
    }
}

#[test]
fn a_short_grid_writes_what_it_has() {
    let grid = LossGrid {
        w: vec![0.0, 1.0],
        b: vec![0.0, 1.0],
        cost: vec![1.0, 2.0, 3.0],
    };
    assert_eq!(read_csv(&grid_csv(&grid), "w,b,cost").len(), 3);
}

#[test]
fn floats_are_python_literals() {
    for (v, text) in [
        (-15.0, "-15.0"),
        (0.1, "0.1"),
        (1e-7, "1e-7"),
        (1e21, "1e21"),
        (-0.0, "-0.0"),
        (123456.5, "123456.5"),
    ] {
        assert_eq!(float(v), text);
    }
}

#[test]
fn file_names_say_what_they_hold() {
    assert_eq!(
        file_name("contour", None, 0.1, 15, "svg"),
        "gd-lab-contour-lr0.1-it15.svg"
    );
    assert_eq!(
        file_name("Trajectory", None, 0.1, 15, "csv"),
        "gd-lab-trajectory-lr0.1-it15.csv"
    );
    assert_eq!(
        file_name("notebook", Some(OptimizerKind::Adam), 0.1, 15, "ipynb"),
        "gd-lab-notebook-adam-lr0.1-it15.ipynb"
    );
    assert_eq!(
        file_name(" train 3 / data ", None, 1e-7, 1000, ".PNG"),
        "gd-lab-train-3-data-lr1e-7-it1000.png"
    );
    assert_eq!(
        file_name("../x", Some(OptimizerKind::RmsProp), 2.5, 1, "svg"),
        "gd-lab-x-rmsprop-lr2.5-it1.svg"
    );
    let state = ExportState::lab_default(vec![0.0, 1.0], vec![0.0, 1.0], "https://a.b/");
    assert_eq!(
        notebook_file_name(&state),
        "gd-lab-notebook-sgd-lr0.1-it15.ipynb"
    );
    assert_eq!(script_file_name(&state), "gd-lab-script-sgd-lr0.1-it15.py");
}

fn request() -> EmbedRequest {
    EmbedRequest {
        lab_url: "https://example.edu/labs/gd/index.html?old=1#top".into(),
        state_query: "lr=0.2&cells=data&compact=1".into(),
        cells: vec!["train".into(), "data".into()],
        compact: true,
        figure: None,
        host: String::new(),
        save: true,
        theme: "auto".into(),
    }
}

#[test]
fn the_embed_snippet_carries_the_course_options_and_refuses_a_bad_host() {
    let course = EmbedRequest {
        state_query: "lr=0.2&host=https://old.example&theme=dark&save=off".into(),
        host: " https://Course.example/ ".into(),
        save: false,
        theme: "projector".into(),
        ..request()
    };
    let snippet = embed_snippet(&course).expect("valid");
    assert_eq!(
        snippet.src,
        "https://example.edu/labs/gd/index.html?lr=0.2&cells=data,train&compact=1\
         &host=https://course.example&save=off&theme=projector"
    );
    assert!(
        snippet.iframe.contains(" allowfullscreen "),
        "{}",
        snippet.iframe
    );
    let defaults = embed_snippet(&EmbedRequest {
        state_query: "lr=0.2&host=https://old.example&theme=dark".into(),
        ..request()
    })
    .expect("valid");
    assert!(!defaults.src.contains("host=") && !defaults.src.contains("theme="));
    for (host, theme) in [
        ("javascript:alert(1)", "auto"),
        ("https://a.example/path", "auto"),
        ("*", "auto"),
        ("", "neon"),
    ] {
        let bad = EmbedRequest {
            host: host.into(),
            theme: theme.into(),
            ..request()
        };
        assert!(embed_snippet(&bad).is_err(), "{host} {theme}");
    }
}

#[test]
fn the_embed_snippet_holds_the_choices() {
    let snippet = embed_snippet(&request()).expect("valid");
    assert_eq!(
        snippet.src,
        "https://example.edu/labs/gd/index.html?lr=0.2&cells=data,train&compact=1"
    );
    assert!(snippet.iframe.starts_with(
        "<iframe src=\"https://example.edu/labs/gd/index.html?lr=0.2&amp;cells=data,train&amp;compact=1\""
    ));
    for part in [
        "title=\"Gradient descent lab\"",
        "loading=\"lazy\"",
        "allow=\"clipboard-write; fullscreen\" allowfullscreen",
        "sandbox=\"allow-scripts allow-same-origin allow-downloads allow-popups",
    ] {
        assert!(
            snippet.iframe.contains(part),
            "{part} in {}",
            snippet.iframe
        );
    }
    assert!(snippet.iframe.ends_with("></iframe>"));
    assert_eq!(
        snippet.script,
        "<script src=\"https://example.edu/labs/gd/embed.js\" defer></script>"
    );
    assert_eq!(
        snippet.one_line,
        format!("{}{}", snippet.iframe, snippet.script)
    );
    assert!(!snippet.one_line.contains('\n'));

    let mut one = request();
    one.figure = Some("results-contour".into());
    one.cells.clear();
    one.compact = false;
    let snippet = embed_snippet(&one).expect("valid");
    assert_eq!(
        snippet.src,
        "https://example.edu/labs/gd/index.html?lr=0.2&figure=results-contour"
    );
    assert!(snippet
        .iframe
        .contains("title=\"Gradient descent lab: the results-contour figure\""));
}

#[test]
fn the_embed_snippet_escapes_attribute_values() {
    let mut odd = request();
    odd.state_query = "note=\"><script>alert('x')</script>".into();
    let snippet = embed_snippet(&odd).expect("valid");
    let src_attr = snippet.iframe.split("\" title=").next().expect("src");
    assert!(
        !src_attr[13..].contains(['"', '<', '>', '\'']),
        "{src_attr}"
    );
    assert!(snippet
        .iframe
        .contains(&html_attr("\"><script>alert('x')</script>")));
    assert_eq!(html_attr("a&b\"c'd<e>f"), "a&amp;b&quot;c&#39;d&lt;e&gt;f");
}

/// A change that makes an embed request invalid.
type Spoil = fn(&mut EmbedRequest);

#[test]
fn bad_embed_choices_name_their_field() {
    let cases: [(&str, Spoil); 5] = [
        ("labUrl", |r| r.lab_url = "javascript:alert(1)".into()),
        ("labUrl", |r| r.lab_url = "https://".into()),
        ("labUrl", |r| r.lab_url = "https://a.b/my lab.html".into()),
        ("cells", |r| r.cells = vec!["nope".into()]),
        ("figure", |r| r.figure = Some("train-4-data".into())),
    ];
    for (field, spoil) in cases {
        let mut r = request();
        spoil(&mut r);
        assert_eq!(embed_snippet(&r).expect_err(field).field, field);
    }
}

#[test]
fn several_runs_read_back_by_racer_with_names_quoted() {
    use gd_lab::app::export::runs_csv;
    let a = Trajectory {
        w: vec![-15.0, 0.1],
        b: vec![-10.0, 1e-7],
        cost: vec![834.5, 3.0],
        diverged_at: None,
    };
    let b = Trajectory {
        w: vec![1.0],
        b: vec![2.0],
        cost: vec![0.5],
        diverged_at: None,
    };
    let text = runs_csv(&[("SGD, momentum 0.9", &a), ("Adam \"fast\"", &b)]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "racer,iteration,w,b,cost");
    let row = |name: &str, i: usize, w: f64, b: f64, c: f64| {
        format!("{name},{i},{},{},{}", float(w), float(b), float(c))
    };
    let sgd = "\"SGD, momentum 0.9\"";
    assert_eq!(lines[1], row(sgd, 0, -15.0, -10.0, 834.5));
    assert_eq!(lines[2], row(sgd, 1, 0.1, 1e-7, 3.0));
    assert_eq!(lines[3], row("\"Adam \"\"fast\"\"\"", 0, 1.0, 2.0, 0.5));
    assert_eq!(lines.len(), 4);
}
