//! Property tests: printing a tree and parsing it back gives the same tree; any text is
//! either a formula or an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::formula::ast::{Expr, Func, Op, Reduction, Var};
use gd_lab::model::formula::dual::Dual;
use gd_lab::model::formula::eval::{self, Points};
use gd_lab::model::formula::{parse, FormulaCost, Formulas, Line};
use gd_lab::model::Objective;
use proptest::prelude::*;

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        0.0f64..10.0,
        (1.0f64..10.0, -300i32..300).prop_map(|(m, e)| m * 10f64.powi(e)),
    ]
    .prop_filter("finite", |v| v.is_finite())
}

fn op() -> impl Strategy<Value = Op> {
    prop::sample::select(vec![
        Op::Add,
        Op::Sub,
        Op::Mul,
        Op::Div,
        Op::Pow,
        Op::Min,
        Op::Max,
    ])
}

/// Trees over the given names, without a reduction.
fn tree(vars: Vec<Var>) -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        number().prop_map(Expr::Num),
        prop::sample::select(vars).prop_map(Expr::Var),
    ];
    leaf.prop_recursive(5, 24, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|a| Expr::Neg(Box::new(a))),
            (prop::sample::select(Func::ALL.to_vec()), inner.clone())
                .prop_map(|(f, a)| Expr::Call(f, Box::new(a))),
            (op(), inner.clone(), inner).prop_map(|(op, a, b)| Expr::bin(op, a, b)),
        ]
    })
}

/// A cost: a per-point term inside one reduction, scalars around it.
fn cost_tree() -> impl Strategy<Value = Expr> {
    let reduce = (
        prop::sample::select(vec![Reduction::Mean, Reduction::Sum]),
        tree(Var::ALL.to_vec()),
    )
        .prop_map(|(r, t)| Expr::Reduce(r, Box::new(t)));
    let scalar = tree(vec![Var::W, Var::B, Var::N]);
    (reduce, scalar, op(), 0..3u8).prop_map(|(r, s, op, shape)| match shape {
        0 => r,
        1 => Expr::bin(op, s, r),
        _ => Expr::bin(op, r, s),
    })
}

fn round_trip(tree: &Expr, line: Line) -> Result<(), TestCaseError> {
    let text = tree.to_string();
    prop_assume!(text.chars().count() <= 500);
    let back = parse(&text, line).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
    prop_assert_eq!(&back, tree, "printed as {}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_printed_model_parses_back_to_the_same_tree(t in tree(vec![Var::X, Var::W, Var::B, Var::N])) {
        round_trip(&t, Line::Model)?;
    }

    #[test]
    fn a_printed_cost_parses_back_to_the_same_tree(t in cost_tree()) {
        round_trip(&t, Line::Cost)?;
    }

    #[test]
    fn the_compiled_program_computes_what_the_tree_walk_does(
        model in tree(vec![Var::X, Var::W, Var::B, Var::N]),
        cost in cost_tree(),
        w in -3.0f64..3.0,
        b in -3.0f64..3.0,
    ) {
        let (x, y) = ([-1.5, 0.0, 0.7, 2.0], [0.3, -1.0, 2.5, 0.0]);
        let Ok(formulas) = Formulas::parse(&model.to_string(), &cost.to_string()) else {
            return Err(TestCaseError::reject("printed past the length limit"));
        };
        let points = Points { model: formulas.model(), x: &x, y: &y };
        let f = FormulaCost::from_slices(formulas.clone(), &x, &y);
        let same = |a: f64, b: f64| a == b || (a.is_nan() && b.is_nan());
        let tree_value: f64 = eval::cost(formulas.cost(), &points, w, b);
        prop_assert!(same(f.cost(w, b), tree_value), "{} vs {}", f.cost(w, b), tree_value);
        let (dw, db) = Dual::params(w, b);
        let tree_dual = eval::cost(formulas.cost(), &points, dw, db);
        let (value, grad) = f.value_gradient(&x, &y, w, b);
        prop_assert!(same(value, tree_dual.v));
        prop_assert!(same(grad[0], tree_dual.g[0]) && same(grad[1], tree_dual.g[1]));
    }

    #[test]
    fn token_soup_never_panics(src in "[-+*/^(),. 0-9exywbnhatmsuinlgqrcod]{0,120}") {
        for line in [Line::Model, Line::Cost] {
            if let Ok(t) = parse(&src, line) {
                // Whatever parses prints back to itself.
                prop_assert_eq!(parse(&t.to_string(), line).ok(), Some(t));
            }
        }
    }

    #[test]
    fn any_text_never_panics(src in any::<String>()) {
        for line in [Line::Model, Line::Cost] {
            if let Err(e) = parse(&src, line) {
                prop_assert!(e.column >= 1 && e.len >= 1);
            }
        }
    }
}
