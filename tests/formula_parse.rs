//! The formula language: precedence, every kind of error with its column, the limits, hostile
//! input, and printing a tree then parsing it back.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::formula::{
    caret_line, parse, Expr, Formulas, Line, DEFAULT_COST, DEFAULT_MODEL,
};

fn model(src: &str) -> Expr {
    parse(src, Line::Model).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn cost(src: &str) -> Expr {
    parse(src, Line::Cost).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

/// The error of `src` on `line`: (column, length, message).
fn error(line: Line, src: &str) -> (usize, usize, String) {
    match parse(src, line) {
        Ok(tree) => panic!("{src:?} parsed as {tree}"),
        Err(e) => (e.column, e.len, e.message),
    }
}

#[test]
fn precedence_and_grouping() {
    // Printed with the fewest parentheses: the printer's grouping is the parser's.
    let cases = [
        ("-x^2", "-x^2"),
        ("(-x)^2", "(-x)^2"),
        ("2^3^2", "2^3^2"),
        ("(2^3)^2", "(2^3)^2"),
        ("1 - 2 - 3", "1 - 2 - 3"),
        ("1 - (2 - 3)", "1 - (2 - 3)"),
        ("w*x/2*b", "w*x/2*b"),
        ("w/(x*b)", "w/(x*b)"),
        ("-w*x", "-w*x"),
        ("2^-x*3", "2^-x*3"),
        ("((w))*((x)) + (b)", "w*x + b"),
        ("−x", "-x"),
    ];
    for (src, printed) in cases {
        assert_eq!(model(src).to_string(), printed, "{src}");
    }
    // The values say the same: -x^2 at x = 3 is -9, 2^3^2 is 512.
    let at = |src: &str, x: f64| {
        let f = Formulas::parse(src, "mean(yhat)").expect("valid");
        let c = gd_lab::model::formula::FormulaCost::from_slices(f, &[x], &[0.0]);
        gd_lab::model::Objective::cost(&c, 0.0, 0.0)
    };
    assert_eq!(at("-x^2", 3.0), -9.0);
    assert_eq!(at("2^3^2", 0.0), 512.0);
    assert_eq!(at("2^-x*3", 1.0), 1.5);
    assert_eq!(at("1 - 2 - 3", 0.0), -4.0);
}

#[test]
fn the_defaults_parse_to_the_default_trees() {
    let f = Formulas::parse(DEFAULT_MODEL, DEFAULT_COST).expect("valid");
    assert!(f.is_default());
    assert!(Formulas::parse("(w*x)+b", "mean(((yhat-y))^2)")
        .expect("valid")
        .is_default());
    assert!(!Formulas::parse("x*w + b", DEFAULT_COST)
        .expect("valid")
        .is_default());
    assert!(!Formulas::parse(DEFAULT_MODEL, "sum((yhat - y)^2)/n")
        .expect("valid")
        .is_default());
}

#[test]
fn scalars_may_stand_outside_the_reduction() {
    cost("0.5*mean((yhat - y)^2)");
    cost("sum((yhat - y)^2)/n");
    cost("mean(abs(yhat - y)) + 0.01*(w^2 + b^2)");
    model("w*x^2 + b/n");
}

#[test]
fn every_error_names_its_column() {
    use Line::{Cost, Model};
    let names = "the names are x, y, w, b, yhat, n";
    let cases: &[(Line, &str, usize, usize, &str)] = &[
        (Cost, "mean((yhat - yy)^2)", 14, 2, "unknown name \"yy\""),
        (Model, "w*z + b", 3, 1, "the names are x, w, b, n"),
        (Cost, "mean(yhat - q)", 13, 1, names),
        (Cost, "mean(foo(yhat))", 6, 3, "unknown function \"foo\""),
        (Model, "abs + x", 1, 3, "abs is a function"),
        (Model, "w(x)", 1, 1, "w is not a function"),
        (Model, "w*y", 3, 1, "the model cannot use y"),
        (Model, "yhat", 1, 4, "the model cannot use yhat"),
        (Model, "mean(x)", 1, 4, "the model cannot use mean"),
        (Cost, "mean(sum(y))", 6, 3, "inside a reduction"),
        (Cost, "mean(y) + sum(y)", 11, 3, "only once"),
        (Cost, "x + mean(y)", 1, 1, "must stand inside mean"),
        (Cost, "(w - 1)^2", 1, 9, "needs one mean"),
        (Model, "w*x # b", 5, 1, "unexpected character \"#\""),
        (Model, "w*x + 1e999", 7, 5, "must be finite"),
        (Model, "w*x + 1e", 7, 2, "exponent needs digits"),
        (Model, "w*x + .", 7, 1, "needs digits"),
        (Model, "", 1, 1, "is empty"),
        (Model, "   ", 1, 1, "is empty"),
        (Model, "(w*x + b", 1, 1, "never closed"),
        (Model, "w*x + b)", 8, 1, "no matching ("),
        (Model, "w*", 3, 1, "ends too early"),
        (Model, "2x", 2, 1, "expected an operator"),
        (Model, "min(x)", 6, 1, "min takes 2 arguments"),
        (Model, "abs(x, 1)", 6, 1, "abs takes one argument"),
        (Model, "x, 1", 2, 1, "comma"),
        (Model, "()", 2, 1, "expected a number"),
        (Model, "w * * x", 5, 1, "expected a number"),
    ];
    for &(line, src, column, len, text) in cases {
        let (c, l, message) = error(line, src);
        assert_eq!((c, l), (column, len), "{src:?}: {message}");
        assert!(
            message.contains(text),
            "{src:?}: {message:?} lacks {text:?}"
        );
    }
}

#[test]
fn the_message_reads_as_the_page_shows_it() {
    let (line, e) = Formulas::parse("w*x + b", "mean((yhat-yy)^2)").unwrap_err();
    assert_eq!(line, Line::Cost);
    assert_eq!(
        e.for_field(line.name()).to_string(),
        "cost: column 12: unknown name \"yy\"; the names are x, y, w, b, yhat, n"
    );
    assert_eq!(e.caret(), format!("{}^^", " ".repeat(11)));
    assert_eq!(caret_line(3, 4), "  ^^^^");
}

#[test]
fn limits_on_length_and_depth() {
    let long = format!("x{}", " + x".repeat(124)); // 497 characters
    assert!(parse(&long, Line::Model).is_ok());
    let too_long = format!("{long} + x");
    let (column, _, message) = error(Line::Model, &too_long);
    assert_eq!(column, 501);
    assert!(message.contains("too long"), "{message}");
    let deep =
        |open: &str, close: &str, k: usize| format!("{}x{}", open.repeat(k), close.repeat(k));
    assert!(parse(&deep("(", ")", 60), Line::Model).is_ok());
    for src in [
        deep("(", ")", 100),
        deep("abs(", ")", 80),
        deep("-", "", 200),
        format!("{}2", "2^".repeat(100)),
        deep("min(x,", ")", 65),
    ] {
        let (_, _, message) = error(Line::Model, &src);
        assert!(message.contains("nested too deeply"), "{message}");
    }
}

#[test]
fn hostile_input_is_refused_without_panic() {
    let hostile = [
        "<script>alert(1)</script>".to_string(),
        "<img src=x onerror=alert(1)>".into(),
        "\"; drop table".into(),
        "x\u{0}".into(),
        "x\u{202e}".into(),
        "1e999999999999".into(),
        "9".repeat(400),
        "x".repeat(10_000),
        "(".repeat(10_000),
        "-".repeat(10_000),
        ")".repeat(300),
        "mean(".repeat(100),
        "while(1)".into(),
        "__proto__".into(),
        "constructor".into(),
        "ｘ".into(),
        "x²".into(),
        "😀".into(),
        "w*x + b\n+ 1 = 2".into(),
        "yhat = w*x + b".into(),
    ];
    for src in &hostile {
        for line in [Line::Model, Line::Cost] {
            let err = parse(src, line).expect_err(src);
            assert!(!err.message.is_empty());
            assert!(err.column >= 1 && err.column <= src.chars().count() + 1);
        }
    }
}
