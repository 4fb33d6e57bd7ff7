//! `lossGrid`'s `model` and `cost` fields in headless Chromium: PyTorch's costs at a grid node,
//! the defaults unchanged, and every kind of bad formula thrown with its field first.
#![cfg(target_arch = "wasm32")]

use gd_lab::web::api;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod js;

use js::{arr, f64s, get};

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str = include_str!("data/torch_formulas.json");

/// Grid options with a node at (w0, b0) = (−15, −10), plus `extra` fields.
fn options(extra: &[(&str, JsValue)]) -> JsValue {
    let o: Object =
        JSON::parse(r#"{"wMin": -15, "wMax": 15, "bMin": -10, "bMax": 10, "nW": 7, "nB": 5}"#)
            .expect("json")
            .unchecked_into();
    for (k, v) in extra {
        Reflect::set(&o, &(*k).into(), v).expect("set");
    }
    o.into()
}

#[wasm_bindgen_test]
fn the_cost_at_a_node_is_pytorchs() {
    let reference = JSON::parse(REFERENCE).expect("json");
    for case in Array::from(&get(&reference, "cases")).iter() {
        let (x, y) = (arr(&f64s(&get(&case, "x"))), arr(&f64s(&get(&case, "y"))));
        let extra = [("model", get(&case, "model")), ("cost", get(&case, "cost"))];
        let grid = api::loss_grid(x, y, options(&extra)).expect("grid");
        let records = Array::from(&get(&case, "records_w_b_loss_before_update"));
        let first = f64s(&records.get(0));
        let ours = f64s(&get(&grid, "loss"))[0];
        let err = (ours - first[2]).abs() / first[2].abs().max(0.01);
        assert!(
            err <= 1e-9,
            "{:?}: {ours} vs {}",
            get(&case, "name"),
            first[2]
        );
    }
}

#[wasm_bindgen_test]
fn the_defaults_give_todays_numbers() {
    let x = arr(&[-1.0, 0.0, 1.5, 2.0]);
    let y = arr(&[0.5, -0.2, 1.0, 3.0]);
    let loss = |extra: &[(&str, JsValue)]| {
        f64s(&get(
            &api::loss_grid(x.clone(), y.clone(), options(extra)).expect("grid"),
            "loss",
        ))
    };
    let today = loss(&[]);
    assert_eq!(loss(&[("model", "w * x + b".into())]), today);
    assert_eq!(loss(&[("cost", "mean((yhat - y)^2)".into())]), today);
    let typed = loss(&[("cost", "sum((w*x + b - y)^2)/n".into())]);
    for (a, b) in typed.iter().zip(&today) {
        assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0));
    }
    assert_ne!(loss(&[("cost", "mean(abs(yhat - y))".into())]), today);
}

#[wasm_bindgen_test]
fn bad_formulas_throw_with_the_field_first() {
    let x = arr(&[-1.0, 0.0, 1.5, 2.0]);
    let y = arr(&[0.5, -0.2, 1.0, 3.0]);
    let cases: [(&str, JsValue, &str); 8] = [
        (
            "cost",
            "mean((yhat-yy)^2)".into(),
            "cost: column 12: unknown name \"yy\"",
        ),
        ("cost", "".into(), "cost: column 1: is empty"),
        (
            "model",
            "w*y".into(),
            "model: column 3: the model cannot use y",
        ),
        (
            "model",
            "<script>alert(1)</script>".into(),
            "model: column 1: unexpected character",
        ),
        ("model", JsValue::from_f64(5.0), "model: must be a string"),
        ("cost", JsValue::NULL, "cost: must be a string"),
        (
            "cost",
            "(".repeat(10_000).into(),
            "cost: column 501: is too long",
        ),
        (
            "cost",
            "mean(yhat) + 1e999".into(),
            "cost: column 14: the number 1e999",
        ),
    ];
    for (field, value, start) in cases {
        let err = api::loss_grid(x.clone(), y.clone(), options(&[(field, value)]))
            .expect_err("a bad formula throws");
        let message = get(&err, "message").as_string().expect("message");
        assert!(
            message.starts_with(start),
            "{message:?} does not start with {start:?}"
        );
    }
    // The module lives on.
    assert!(api::loss_grid(x, y, options(&[])).is_ok());
}
