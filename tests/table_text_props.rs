//! Property tests of the pasted-table parser: what is written is read back, exactly; every
//! malformed line is named; no input panics.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::table_text::parse_table;
use proptest::prelude::*;

/// How a table is written out.
#[derive(Debug, Clone)]
struct Format {
    delimiter: &'static str,
    crlf: bool,
    bom: bool,
    quoted: bool,
    header: Option<(&'static str, &'static str)>,
}

fn format() -> impl Strategy<Value = Format> {
    let delimiter = prop::sample::select(vec![",", "\t", ";", " ", "  ", ", ", " \t"]);
    let header = prop::option::of(prop::sample::select(vec![
        ("x", "y"),
        ("X", "Y"),
        ("height", "weight"),
        ("\"x\"", "\"y\""),
    ]));
    (
        delimiter,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        header,
    )
        .prop_map(|(delimiter, crlf, bom, quoted, header)| Format {
            delimiter,
            crlf,
            bom,
            quoted,
            header,
        })
}

/// Finite numbers of every size, as data may hold; squares neither overflow nor underflow
/// (x closer than 1e-160 cannot be told apart by the fit, and the parser says so).
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        (-1e150..1e150f64),
        (-150i32..150).prop_map(|e| 10f64.powi(e)),
        Just(0.0),
        Just(-0.0),
        (any::<i32>()).prop_map(f64::from),
    ]
}

fn write(points: &[(f64, f64)], f: &Format) -> String {
    let end = if f.crlf { "\r\n" } else { "\n" };
    let cell = |v: f64| {
        if f.quoted {
            format!("\"{v}\"")
        } else {
            format!("{v}")
        }
    };
    let mut text = String::from(if f.bom { "\u{feff}" } else { "" });
    if let Some((x, y)) = f.header {
        text += &format!("{x}{}{y}{end}", f.delimiter);
    }
    for &(x, y) in points {
        text += &format!("{}{}{}{end}", cell(x), f.delimiter, cell(y));
    }
    text
}

fn distinct_x(points: &[(f64, f64)]) -> bool {
    points.iter().any(|p| p.0 != points[0].0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_written_table_reads_back_the_same(
        points in prop::collection::vec((value(), value()), 2..60),
        f in format(),
    ) {
        prop_assume!(distinct_x(&points));
        let text = write(&points, &f);
        let table = parse_table(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        let read: Vec<(f64, f64)> = table.samples.x().iter().copied()
            .zip(table.samples.y().iter().copied()).collect();
        // Bit for bit (−0.0 reads as −0.0): `{}` is Rust's shortest round-trip form.
        prop_assert_eq!(read.len(), points.len());
        for (a, b) in read.iter().zip(&points) {
            prop_assert_eq!(a.0.to_bits(), b.0.to_bits());
            prop_assert_eq!(a.1.to_bits(), b.1.to_bits());
        }
        prop_assert_eq!(table.header.is_some(), f.header.is_some());
    }

    #[test]
    fn a_malformed_line_is_named(
        points in prop::collection::vec((-1e3..1e3f64, -1e3..1e3f64), 3..40),
        bad_row in any::<prop::sample::Index>(),
        bad_col in 0usize..2,
        junk in prop::sample::select(vec!["abc", "1.2.3", "NaN", "inf", "1e999", "", "--1", "0x10", "1,5e"]),
        crlf in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        // Below the first row: a bad first row reads as a header (tested by unit tests).
        let row = 1 + bad_row.index(points.len() - 1);
        let lines: Vec<String> = points.iter().enumerate().map(|(i, &(x, y))| {
            let (mut cx, mut cy) = (format!("{x}"), format!("{y}"));
            if i == row {
                if bad_col == 0 { cx = junk.to_string() } else { cy = junk.to_string() }
            }
            format!("{cx}\t{cy}")
        }).collect();
        let text = lines.join(end);
        let err = parse_table(&text).expect_err("a bad value is refused");
        let place = format!("line {}, column {}: ", row + 1, bad_col + 1);
        prop_assert!(err.message.starts_with(&place), "{} does not start with {}", err.message, place);
    }

    #[test]
    fn no_text_panics(text in ".{0,400}") {
        let _ = parse_table(&text);
    }

    #[test]
    fn no_numberish_text_panics(text in "[-+0-9eE.,;\t \"\r\nNaInfxy]{0,400}") {
        if let Ok(table) = parse_table(&text) {
            prop_assert!(table.samples.len() >= 2);
            prop_assert!(table.samples.x().iter().all(|v| v.is_finite()));
        }
    }
}
