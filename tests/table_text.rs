//! The pasted-table parser: every accepted form, every refusal with its place and quote.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::table_text::{parse_table, Delimiter, MAX_TABLE_POINTS, MAX_TEXT_BYTES};

fn points(text: &str) -> Vec<(f64, f64)> {
    let table = parse_table(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let s = &table.samples;
    s.x().iter().copied().zip(s.y().iter().copied()).collect()
}

fn refusal(text: &str) -> String {
    let err = parse_table(text).expect_err(text);
    assert_eq!(err.field, "data");
    err.message
}

const TWO: [(f64, f64); 2] = [(1.0, 2.0), (3.0, 4.5)];

#[test]
fn reads_each_delimiter() {
    let cases = [
        ("1,2\n3,4.5", Delimiter::Comma),
        ("1\t2\n3\t4.5", Delimiter::Tab),
        ("1;2\n3;4.5", Delimiter::Semicolon),
        ("1 2\n3   4.5", Delimiter::Whitespace),
        ("  1 \t 2\n3 4.5  ", Delimiter::Whitespace),
        ("1, 2\n 3 ,4.5", Delimiter::Comma),
    ];
    for (text, delimiter) in cases {
        let table = parse_table(text).expect("a valid table");
        assert_eq!(table.delimiter, delimiter, "{text:?}");
        assert_eq!(points(text), TWO, "{text:?}");
    }
}

#[test]
fn reads_crlf_bom_quotes_exponents_and_skips_blank_lines() {
    assert_eq!(points("1,2\r\n3,4.5\r\n"), TWO);
    assert_eq!(points("\u{feff}1,2\n3,4.5"), TWO);
    assert_eq!(points("\"1\",\"2\"\n\"3\", \"4.5\""), TWO);
    assert_eq!(points("1e0,0.2E1\n+3,45e-1"), TWO);
    assert_eq!(points(".1e1,2.\n3,4.5"), vec![(1.0, 2.0), (3.0, 4.5)]);
    let table = parse_table("\n\n1,2\n  \n3,4.5\n\n").expect("a valid table");
    assert_eq!(table.blank_lines, 4);
    assert!(table.describe().contains("4 blank lines skipped"));
}

#[test]
fn a_header_picks_x_and_y_by_name() {
    let text = "id,Y, \"X\" ,note\n1,2,10,a\n2,4,20,b";
    let table = parse_table(text).expect("a valid table");
    assert_eq!(table.columns, (3, 2));
    assert_eq!(table.header, Some(("X".into(), "Y".into())));
    assert_eq!(points(text), vec![(10.0, 2.0), (20.0, 4.0)]);
    // Naming neither: the first two columns.
    assert_eq!(points("height;weight\n1;2\n3;4.5"), TWO);
    // Naming one: it pairs with the first other column.
    assert_eq!(points("price,x\n2,1\n4.5,3"), TWO);
    assert_eq!(points("y\tz\n2\t1\n4.5\t3"), TWO);
    let described = parse_table(text).expect("a valid table").describe();
    assert_eq!(
        described,
        "2 points, comma-separated, x and y from columns \"X\" and \"Y\" of the header."
    );
}

#[test]
fn the_delimiter_is_decided_once_from_the_first_lines() {
    // A header without a comma does not hide the data's commas.
    assert_eq!(points("x y\n1,2\n3,4.5").len(), 2);
    // A later line with another delimiter is a bad line, named.
    let m = refusal("1,2\n3,4\n5;6");
    assert!(
        m.starts_with("line 3, column 1: \"5;6\" is not a number"),
        "{m}"
    );
}

#[test]
fn each_refusal_names_its_place() {
    let cases: [(&str, &str); 14] = [
        ("", "there is no data: the text is empty"),
        (" \n\r\n\t", "there is no data: the text is empty"),
        ("x,y\n\n", "line 1: there are no points below the header"),
        (
            "x,y\n1,2",
            "line 2: this is the only point; a line needs at least two",
        ),
        ("1,2\n3,abc", "line 2, column 2: \"abc\" is not a number"),
        (
            "1,2\n\n3,4\nabc,4",
            "line 4, column 1: \"abc\" is not a number",
        ),
        ("1,2\n3", "line 2, column 2: the value is missing"),
        ("1,2\n,3", "line 2, column 1: the value is missing"),
        (
            "1,2\n3,NaN",
            "line 2, column 2: \"NaN\" is not a finite number",
        ),
        (
            "1,2\n-inf,3",
            "line 2, column 1: \"-inf\" is not a finite number",
        ),
        (
            "1,2\n3,1e999",
            "line 2, column 2: \"1e999\" is not a finite number",
        ),
        ("1,\"2\n3,4", "line 1, column 2: a quote is not closed"),
        (
            "NaN,1\n2,3\n4,5",
            "line 1, column 1: \"NaN\" is not a finite number",
        ),
        ("1,\n2,3\n4,5", "line 1, column 2: the value is missing"),
    ];
    for (text, start) in cases {
        let m = refusal(text);
        assert!(
            m.starts_with(start),
            "{text:?} gave {m:?}, wanted {start:?}"
        );
    }
}

#[test]
fn whole_table_refusals_have_their_own_messages() {
    let m = refusal("5,1\n5,2\n5,3");
    assert!(
        m.contains("every x is 5") && m.contains("x must vary"),
        "{m}"
    );
    let m = refusal("1,1e200\n2,3");
    assert!(m.contains("overflow"), "{m}");
    let big = "1,2\n".repeat(MAX_TEXT_BYTES / 4 + 1);
    assert_eq!(big.len(), MAX_TEXT_BYTES + 4);
    let m = refusal(&big);
    assert!(
        m.contains("1000004 bytes") && m.contains("at most 1000000 bytes"),
        "{m}"
    );
    let rows: String = (0..=MAX_TABLE_POINTS)
        .map(|i| format!("{i},{i}\n"))
        .collect();
    let m = refusal(&rows);
    assert!(m.starts_with("line 10001: more than 10000 points"), "{m}");
    let rows: String = (0..MAX_TABLE_POINTS)
        .map(|i| format!("{i},{i}\n"))
        .collect();
    assert_eq!(
        parse_table(&rows).expect("10 000 rows").samples.len(),
        MAX_TABLE_POINTS
    );
}

#[test]
fn quotes_in_messages_are_short_and_plain() {
    let long = "a".repeat(500);
    let m = refusal(&format!("1,2\n3,{long}"));
    assert!(m.chars().count() < 120, "{m}");
    assert!(m.contains('…'));
    let m = refusal("1,2\n3,<b>\u{7}x</b>");
    assert!(m.contains("\"<b>?x</b>\""), "{m}");
}
