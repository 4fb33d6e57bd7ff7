//! Hundreds of hostile pastes: each is read or refused with a short, plain message naming
//! where; none panics.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::table_text::{parse_table, MAX_TABLE_POINTS, MAX_TEXT_BYTES};

/// Pieces that have broken parsers: markup, control and format characters, quotes, numbers
/// out of range, other digits, every delimiter and line end.
fn pieces() -> Vec<String> {
    let mut p: Vec<String> = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{feff}",
        "1e999",
        "-1e999",
        "1e-999",
        "NaN",
        "-inf",
        "infinity",
        "\"",
        "\"\"",
        "\"1\"\"",
        "1e308",
        "1.7976931348623157e308",
        "\t",
        ";",
        ",",
        " ",
        "\r",
        "\r\n",
        "\n",
        "x",
        "Y",
        "x,y",
        "1",
        "-2.5e-3",
        "-0",
        "0x1F",
        "1_000",
        "١٢",
        "𝟙",
        "é",
    ]
    .map(String::from)
    .to_vec();
    p.push("9".repeat(400));
    p.push("a".repeat(10_000));
    p
}

fn check(text: &str) {
    match parse_table(text) {
        Ok(table) => {
            let s = &table.samples;
            assert!((2..=MAX_TABLE_POINTS).contains(&s.len()));
            assert!(s.x().iter().chain(s.y()).all(|v| v.is_finite()));
        }
        Err(e) => {
            assert_eq!(e.field, "data");
            let m = &e.message;
            assert!(m.chars().count() <= 200, "{m}");
            assert!(!m.chars().any(char::is_control), "{m:?}");
            assert!(
                !m.contains('<') || m.contains('"'),
                "markup only inside a quote: {m}"
            );
        }
    }
}

#[test]
fn hostile_pairs_of_pieces_never_panic() {
    let p = pieces();
    let mut tried = 0;
    for a in &p {
        for b in &p {
            for text in [
                format!("{a}{b}"),
                format!("x,y\n1,2\n{a},{b}\n3,4"),
                format!("1\t{a}\n{b}\t2\n3\t4"),
                format!("{a};{b}\r\n1;2\r\n3;4"),
            ] {
                check(&text);
                tried += 1;
            }
        }
    }
    assert!(tried > 5000);
}

#[test]
fn huge_inputs_are_refused_by_their_own_limits() {
    let over = "1".repeat(MAX_TEXT_BYTES + 1);
    let m = parse_table(&over).expect_err("too long").message;
    assert!(m.contains("1000001 bytes"), "{m}");
    // Exactly 1 MB is read, and refused for what it holds: a million digits overflow.
    let one_line = "1".repeat(MAX_TEXT_BYTES);
    let m = parse_table(&one_line).expect_err("one value").message;
    assert!(m.starts_with("line 1, column 1: \"111"), "{m}");
    assert!(m.contains("is not a finite number"), "{m}");
    let long_line = format!("1,2\n3,{}", "4".repeat(900_000));
    check(&long_line);
    let wide = format!("{}\n1,2\n3,4", ",".repeat(500_000));
    check(&wide);
    let rows: String = (0..=MAX_TABLE_POINTS)
        .map(|i| format!("{i};{i}\n"))
        .collect();
    let m = parse_table(&rows).expect_err("10 001 rows").message;
    assert!(m.starts_with("line 10001: more than 10000 points"), "{m}");
    let blank = "\n".repeat(MAX_TEXT_BYTES);
    assert!(parse_table(&blank)
        .expect_err("blank")
        .message
        .contains("empty"));
}
