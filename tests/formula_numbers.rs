//! Formula evaluation: exact gradients and Hessians against the closed forms of the mean
//! squared error and against central differences, PyTorch's derivatives at the edges, the
//! general grid, and mini-batches.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::formula::ast::{Expr, Func, Op, Reduction, Var};
use gd_lab::model::formula::{formula_grid, FormulaCost, Formulas};
use gd_lab::model::{analyze, generate, loss_grid, CostQuadratic, DataSpec, GridSpec, Objective};
use proptest::prelude::*;

fn lab() -> (Vec<f64>, Vec<f64>) {
    let data = generate(&DataSpec::default()).expect("the lab's data");
    (data.samples.x().to_vec(), data.samples.y().to_vec())
}

fn general(model: &str, cost: &str, x: &[f64], y: &[f64]) -> FormulaCost {
    FormulaCost::from_slices(Formulas::parse(model, cost).expect("valid"), x, y)
}

fn close(ours: f64, theirs: f64, tol: f64) -> bool {
    (ours - theirs).abs() <= tol * theirs.abs().max(1.0)
}

#[test]
fn the_default_formulas_give_the_quadratic_exactly() {
    let (x, y) = lab();
    let q = CostQuadratic::from_slices(&x, &y);
    let f = general("w*x + b", "mean((yhat - y)^2)", &x, &y);
    let batch = f.batch(&x, &y);
    for (w, b) in [(-15.0, -10.0), (1.0, -1.0), (0.0, 0.0), (7.5, 3.25)] {
        assert!(close(f.cost(w, b), q.cost(w, b), 1e-12));
        let ((gw, gb), (qw, qb)) = (f.gradient(&batch, w, b), q.gradient(w, b));
        assert!(
            close(gw, qw, 1e-12) && close(gb, qb, 1e-12),
            "{gw} {gb} vs {qw} {qb}"
        );
    }
}

#[test]
fn the_hessian_of_the_default_is_the_closed_form() {
    let (x, y) = lab();
    let a = analyze(&CostQuadratic::from_slices(&x, &y)).expect("unique optimum");
    let f = general("w*x + b", "sum((yhat - y)^2)/n", &x, &y);
    for (w, b) in [(-15.0, -10.0), (a.w_star, a.b_star)] {
        let c = f.curvature(w, b);
        for (ours, theirs) in c.hessian.iter().zip(a.hessian) {
            assert!(close(*ours, theirs, 1e-12), "{ours} vs {theirs}");
        }
        for (ours, theirs) in c.eigenvalues.iter().zip(a.eigenvalues) {
            assert!(close(*ours, theirs, 1e-12), "{ours} vs {theirs}");
        }
    }
    // At the optimum the gradient vanishes.
    let c = f.curvature(a.w_star, a.b_star);
    assert!(
        c.gradient.iter().all(|g| g.abs() < 1e-12),
        "{:?}",
        c.gradient
    );
}

#[test]
fn derivatives_at_the_edges_follow_pytorch() {
    let grad = |cost: &str, w: f64, b: f64| {
        let f = general("w*x + b", cost, &[1.0], &[0.0]);
        f.value_gradient(&[1.0], &[0.0], w, b).1
    };
    assert_eq!(grad("mean(abs(yhat - y))", 0.0, 0.0), [0.0, 0.0]);
    assert_eq!(grad("mean(abs(yhat - y))", -2.0, 0.5), [-1.0, -1.0]);
    assert_eq!(grad("mean(min(w, b))", 1.0, 1.0), [0.5, 0.5]);
    assert_eq!(grad("mean(min(w, b))", 1.0, 2.0), [1.0, 0.0]);
    assert_eq!(grad("mean(max(w, 2*b))", 3.0, 1.0), [1.0, 0.0]);
    assert_eq!(grad("mean(max(w, 2*b))", 2.0, 1.0), [0.5, 1.0]);
    assert_eq!(grad("mean(sqrt(w))", 0.0, 0.0), [f64::INFINITY, 0.0]);
    // A constant's derivative is zero even where the function's is infinite.
    assert_eq!(grad("mean(sqrt(0)*w)", 1.0, 0.0), [0.0, 0.0]);
    assert_eq!(grad("mean((w - 1)^2)", 1.0, 0.0), [0.0, 0.0]);
}

#[test]
fn values_that_stop_being_finite_are_returned() {
    let (x, y) = lab();
    for cost in [
        "mean(1/(w - w))",
        "mean(exp(w)^1000)",
        "mean(ln(yhat - y - 100))",
        "mean(sqrt(-abs(w) - 1))",
        "mean(yhat^(10^300))",
        "sum(y)/(n - n)",
    ] {
        let f = general("w*x + b", cost, &x, &y);
        let batch = f.batch(&x, &y);
        let (gw, gb) = f.gradient(&batch, 2.0, 1.0);
        let c = f.cost(2.0, 1.0);
        let h = f.curvature(2.0, 1.0);
        let all = [c, gw, gb, h.cost, h.hessian[0], h.eigenvalues[0]];
        assert!(all.iter().any(|v| !v.is_finite()), "{cost}: {all:?}");
    }
}

#[test]
fn a_batch_uses_its_own_n_and_points() {
    let (x, y) = lab();
    let f = general("w*x + b", "sum((yhat - y)^2)/n", &x, &y);
    for range in [0..8, 52..60, 13..14] {
        let (bx, by) = (&x[range.clone()], &y[range]);
        let q = CostQuadratic::from_slices(bx, by);
        let (gw, gb) = f.gradient(&f.batch(bx, by), 0.3, -2.0);
        let (qw, qb) = q.gradient(0.3, -2.0);
        assert!(close(gw, qw, 1e-12) && close(gb, qb, 1e-12));
    }
}

#[test]
fn the_general_grid() {
    let (x, y) = lab();
    let spec = GridSpec {
        n_w: 17,
        n_b: 9,
        ..GridSpec::LAB
    };
    let fast = loss_grid(&CostQuadratic::from_slices(&x, &y), &spec).expect("valid");
    let slow =
        formula_grid(&general("w*x + b", "mean((w*x + b - y)^2)", &x, &y), &spec).expect("valid");
    assert_eq!((&slow.w, &slow.b), (&fast.w, &fast.b));
    for (s, f) in slow.cost.iter().zip(&fast.cost) {
        assert!(close(*s, *f, 1e-12), "{s} vs {f}");
    }
    // The mean absolute error, point by point by hand.
    let mae =
        formula_grid(&general("w*x + b", "mean(abs(yhat - y))", &x, &y), &spec).expect("valid");
    for (row, &b) in mae.b.iter().enumerate() {
        for (col, &w) in mae.w.iter().enumerate() {
            let direct: f64 = x
                .iter()
                .zip(&y)
                .map(|(xi, yi)| (w * xi + b - yi).abs())
                .sum();
            assert!(close(mae.at(row, col), direct / 60.0, 1e-12));
        }
    }
    let bad = GridSpec { n_w: 1, ..spec };
    assert!(formula_grid(&general("w", "mean(y)", &x, &y), &bad).is_err());
    // 1000 × 1000 cells over 600 points: refused, not hours of work.
    let (x10, y10) = (x.repeat(10), y.repeat(10));
    let huge = GridSpec {
        n_w: 1000,
        n_b: 1000,
        ..spec
    };
    let err = formula_grid(&general("w*x + b", "mean(y)", &x10, &y10), &huge).unwrap_err();
    assert_eq!(err.field, "nW");
    assert!(err.message.contains("600000000"), "{}", err.message);
}

#[test]
fn pytorch_expressions_for_the_notebook() {
    let f = Formulas::parse(
        "w*x^2 + b",
        "mean(0.5*min(abs(yhat - y), 1)^2 + abs(yhat - y) - min(abs(yhat - y), 1)) + 0.1*w^2/n",
    )
    .expect("valid");
    let (model, cost) = f.to_python();
    assert_eq!(model, "w*x**2 + b");
    assert_eq!(
        cost,
        "torch.mean(0.5*torch.minimum(torch.abs(yhat - y), torch.tensor(float(1)))**2 \
         + torch.abs(yhat - y) - torch.minimum(torch.abs(yhat - y), torch.tensor(float(1)))) \
         + 0.1*w**2/n"
    );
    let (_, cost) = Formulas::parse("w", "-mean(ln(yhat))^-2")
        .expect("valid")
        .to_python();
    assert_eq!(cost, "-torch.mean(torch.log(yhat))**-2");
    let (model, _) = Formulas::parse("2/n", "mean(y)")
        .expect("valid")
        .to_python();
    assert_eq!(model, "torch.tensor(float(2/n))");
    let (_, cost) = Formulas::parse("w", "sum(w^2 + b)/n")
        .expect("valid")
        .to_python();
    assert_eq!(cost, "torch.sum((w**2 + b)*torch.ones_like(x))/n");
}

/// Smooth trees: + - * and powers 2, 3, negation, sin, cos, tanh.
fn smooth(vars: Vec<Var>) -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        (-2.0f64..2.0).prop_map(|v| Expr::Num(v.abs())),
        prop::sample::select(vars).prop_map(Expr::Var),
    ];
    leaf.prop_recursive(4, 16, 2, |inner| {
        let op = prop::sample::select(vec![Op::Add, Op::Sub, Op::Mul]);
        let func = prop::sample::select(vec![Func::Sin, Func::Cos, Func::Tanh]);
        prop_oneof![
            inner.clone().prop_map(|a| Expr::Neg(Box::new(a))),
            (func, inner.clone()).prop_map(|(f, a)| Expr::Call(f, Box::new(a))),
            (2..4u8, inner.clone()).prop_map(|(k, a)| Expr::bin(
                Op::Pow,
                a,
                Expr::Num(f64::from(k))
            )),
            (op, inner.clone(), inner).prop_map(|(op, a, b)| Expr::bin(op, a, b)),
        ]
    })
}

fn smooth_formulas() -> impl Strategy<Value = Formulas> {
    let model = smooth(vec![Var::X, Var::W, Var::B]);
    let term = smooth(vec![Var::X, Var::Y, Var::W, Var::B, Var::Yhat]);
    (model, term).prop_map(|(m, t)| {
        let cost = Expr::Reduce(Reduction::Mean, Box::new(t));
        Formulas::parse(&m.to_string(), &cost.to_string()).expect("printed trees parse")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn gradients_and_hessians_match_central_differences(
        formulas in smooth_formulas(),
        w in -1.0f64..1.0,
        b in -1.0f64..1.0,
    ) {
        let x = [-1.0, -0.3, 0.2, 0.9];
        let y = [0.5, -0.2, 0.1, 1.3];
        let f = FormulaCost::from_slices(formulas, &x, &y);
        let value = f.cost(w, b);
        prop_assume!(value.abs() < 1e4);
        let h = 1e-5;
        let grad = |w, b| f.value_gradient(&x, &y, w, b).1;
        let g = grad(w, b);
        let fd = [
            (f.cost(w + h, b) - f.cost(w - h, b)) / (2.0 * h),
            (f.cost(w, b + h) - f.cost(w, b - h)) / (2.0 * h),
        ];
        let tol = 1e-5 * (1.0 + value.abs() + g[0].abs() + g[1].abs());
        prop_assert!((g[0] - fd[0]).abs() <= tol && (g[1] - fd[1]).abs() <= tol, "{g:?} vs {fd:?}");
        let c = f.curvature(w, b);
        prop_assert!((c.cost - value).abs() <= 1e-12 * (1.0 + value.abs()));
        prop_assert!((c.gradient[0] - g[0]).abs() <= 1e-9 * (1.0 + g[0].abs()));
        let (gw1, gw0) = (grad(w + h, b), grad(w - h, b));
        let gb1 = grad(w, b + h);
        let gb0 = grad(w, b - h);
        let fd_h = [
            (gw1[0] - gw0[0]) / (2.0 * h),
            (gw1[1] - gw0[1]) / (2.0 * h),
            (gb1[1] - gb0[1]) / (2.0 * h),
        ];
        let scale = 1.0 + c.hessian.iter().map(|v| v.abs()).sum::<f64>() + tol;
        for (ours, fd) in c.hessian.iter().zip(fd_h) {
            prop_assert!((ours - fd).abs() <= 1e-5 * scale, "{:?} vs {fd_h:?}", c.hessian);
        }
    }
}
