//! The JavaScript API in headless Chromium: PyTorch's runs through `train` and `lossGrid`, and
//! every kind of bad input, each followed by a good call that still gives the right numbers.
#![cfg(target_arch = "wasm32")]

use gd_lab::web::api;
use js_sys::{Array, Float64Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str = include_str!("data/pytorch_trajectories.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn f64s(v: &JsValue) -> Vec<f64> {
    if let Some(a) = v.dyn_ref::<Float64Array>() {
        a.to_vec()
    } else {
        Array::from(v)
            .iter()
            .map(|x| x.as_f64().expect("number"))
            .collect()
    }
}

fn arr(values: &[f64]) -> JsValue {
    Float64Array::from(values).into()
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("json")
}

fn close(what: &str, ours: f64, theirs: f64) {
    let err = (ours - theirs).abs() / theirs.abs().max(0.01);
    assert!(
        err <= 1e-4,
        "{what}: ours {ours}, PyTorch {theirs}, error {err:e}"
    );
}

fn cases() -> Vec<JsValue> {
    Array::from(&get(&js(REFERENCE), "cases")).iter().collect()
}

fn xy(case: &JsValue) -> (JsValue, JsValue) {
    (arr(&f64s(&get(case, "x"))), arr(&f64s(&get(case, "y"))))
}

fn train_options(case: &JsValue) -> JsValue {
    let o = Object::new();
    for key in ["w0", "b0", "lr", "iterations"] {
        Reflect::set(&o, &key.into(), &get(case, key)).expect("set");
    }
    o.into()
}

/// A call that must throw an `Error` whose message names `field`.
fn throws(result: Result<JsValue, JsValue>, field: &str) {
    let err = result.expect_err(&format!("expected an error naming {field}"));
    let err: js_sys::Error = err.dyn_into().expect("an Error object");
    let message = String::from(err.message());
    assert!(
        message.starts_with(&format!("{field}:")),
        "message “{message}” names {field}"
    );
}

fn check_lab_run() {
    let case = &cases()[0];
    let (x, y) = xy(case);
    let run = api::train(x, y, train_options(case)).expect("train");
    let (w, b, loss) = (
        f64s(&get(&run, "w")),
        f64s(&get(&run, "b")),
        f64s(&get(&run, "loss")),
    );
    assert!(get(&run, "divergedAt").is_null());
    let records = Array::from(&get(case, "records_w_b_loss_before_update"));
    assert_eq!(loss.len(), records.length() as usize + 1);
    for (i, rec) in records
        .iter()
        .chain([get(case, "final_w_b_loss")])
        .enumerate()
    {
        let r = f64s(&rec);
        close(&format!("w[{i}]"), w[i], r[0]);
        close(&format!("b[{i}]"), b[i], r[1]);
        close(&format!("loss[{i}]"), loss[i], r[2]);
    }
}

#[wasm_bindgen_test]
fn train_matches_pytorch_in_both_cases() {
    for case in cases() {
        let (x, y) = xy(&case);
        let run = api::train(x, y, train_options(&case)).expect("train");
        let loss = f64s(&get(&run, "loss"));
        let records = Array::from(&get(&case, "records_w_b_loss_before_update"));
        for (i, rec) in records.iter().enumerate() {
            close(&format!("loss[{i}]"), loss[i], f64s(&rec)[2]);
        }
        close(
            "final loss",
            loss[loss.len() - 1],
            f64s(&get(&case, "final_w_b_loss"))[2],
        );
    }
    check_lab_run();
}

#[wasm_bindgen_test]
fn loss_grid_matches_pytorch() {
    let case = &cases()[0];
    let (x, y) = xy(case);
    let opts = js(r#"{"wMin":-15,"wMax":15,"bMin":-15,"bMax":15,"nW":30,"nB":30}"#);
    let grid = api::loss_grid(x, y, opts).expect("grid");
    let loss = f64s(&get(&grid, "loss"));
    assert_eq!(f64s(&get(&grid, "w")).len(), 30);
    let rows = Array::from(&get(&get(case, "grid"), "loss_rows_b_cols_w"));
    for (r, row) in rows.iter().enumerate() {
        for (c, theirs) in f64s(&row).into_iter().enumerate() {
            close(&format!("loss[{r}][{c}]"), loss[r * 30 + c], theirs);
        }
    }
}

#[wasm_bindgen_test]
fn make_data_step_and_analyze_agree() {
    let data = api::make_data(JsValue::UNDEFINED).expect("defaults");
    let (x, y, f) = (
        f64s(&get(&data, "x")),
        f64s(&get(&data, "y")),
        f64s(&get(&data, "f")),
    );
    assert_eq!((x.len(), y.len()), (60, 60));
    assert!((x[1] - x[0] - 0.1).abs() < 1e-12 && (f[0] + 4.0).abs() < 1e-12);
    let same = api::make_data(js(r#"{"seed":42}"#)).expect("seed");
    assert_eq!(f64s(&get(&same, "y")), y, "the default seed is 42");
    let s = api::step(arr(&x), arr(&y), js(r#"{"w":-15,"b":-10,"lr":0.1}"#)).expect("step");
    let (gw, gb) = (
        get(&s, "gradW").as_f64().expect("n"),
        get(&s, "gradB").as_f64().expect("n"),
    );
    let n = x.len() as f64;
    let direct_gb: f64 = x
        .iter()
        .zip(&y)
        .map(|(x, y)| 2.0 * (-15.0 * x - 10.0 - y) / n)
        .sum();
    assert!((gb - direct_gb).abs() < 1e-9);
    assert!((get(&s, "w").as_f64().expect("n") - (-15.0 - 0.1 * gw)).abs() < 1e-12);
    let a = api::analyze(arr(&x), arr(&y), js(r#"{"lr":0.2}"#)).expect("analyze");
    assert_eq!(
        get(&a, "verdict").as_string().as_deref(),
        Some("oscillates")
    );
    let crit = get(&a, "criticalLr").as_f64().expect("n");
    assert!(crit > 0.32 && crit < 0.34, "{crit}");
    assert!(get(
        &api::analyze(arr(&x), arr(&y), JsValue::UNDEFINED).expect("no lr"),
        "verdict"
    )
    .is_null());
    let wild = api::train(
        arr(&x),
        arr(&y),
        js(r#"{"w0":0,"b0":0,"lr":5,"iterations":100000}"#),
    )
    .expect("diverges");
    let kept = get(&wild, "divergedAt").as_f64().expect("a number");
    assert_eq!(kept as u32, Float64Array::from(get(&wild, "loss")).length());
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_naming_the_field_and_the_module_lives_on() {
    let data = api::make_data(JsValue::UNDEFINED).expect("defaults");
    let (x, y) = (get(&data, "x"), get(&data, "y"));
    let good = || js(r#"{"w0":-15,"b0":-10,"lr":0.1,"iterations":15}"#);
    let with = |key: &str, value: JsValue| {
        let o = good();
        Reflect::set(&o, &key.into(), &value).expect("set");
        o
    };
    let bad_options = [
        ("lr", JsValue::from_str("0.1")),
        ("lr", JsValue::NULL),
        ("lr", js_sys::BigInt::from(1u32).into()),
        ("lr", Object::new().into()),
        ("lr", JsValue::from_f64(f64::NAN)),
        ("lr", JsValue::from_f64(0.0)),
        ("lr", JsValue::from_f64(-1.0)),
        ("w0", JsValue::from_f64(f64::INFINITY)),
        ("iterations", JsValue::from_f64(2.5)),
        ("iterations", JsValue::from_f64(100_001.0)),
        ("iterations", JsValue::from_f64(-1.0)),
        ("lR", JsValue::from_f64(0.1)),
    ];
    for (key, value) in bad_options {
        throws(api::train(x.clone(), y.clone(), with(key, value)), key);
        check_lab_run();
    }
    throws(
        api::train(x.clone(), y.clone(), js(r#"{"w0":-15,"b0":-10,"lr":0.1}"#)),
        "iterations",
    );
    throws(
        api::train(x.clone(), y.clone(), JsValue::UNDEFINED),
        "options",
    );
    throws(
        api::train(x.clone(), y.clone(), JsValue::from_str("lr=0.1")),
        "options",
    );
    throws(
        api::train(Array::of2(&1.into(), &2.into()).into(), y.clone(), good()),
        "x",
    );
    throws(
        api::train(
            js_sys::Float32Array::new_with_length(60).into(),
            y.clone(),
            good(),
        ),
        "x",
    );
    throws(api::train(arr(&[]), arr(&[]), good()), "x");
    throws(api::train(arr(&[1.0]), arr(&[1.0]), good()), "x");
    throws(api::train(x.clone(), arr(&[1.0, 2.0]), good()), "y");
    throws(
        api::train(arr(&[1.0, f64::NAN]), arr(&[1.0, 2.0]), good()),
        "x",
    );
    throws(api::train(JsValue::NULL, y.clone(), good()), "x");
    check_lab_run();
    let grid = |o: &str| api::loss_grid(x.clone(), y.clone(), js(o));
    throws(
        grid(r#"{"wMin":-15,"wMax":15,"bMin":-15,"bMax":15,"nW":1001,"nB":30}"#),
        "nW",
    );
    throws(
        grid(r#"{"wMin":-15,"wMax":15,"bMin":-15,"bMax":15,"nW":30,"nB":1}"#),
        "nB",
    );
    throws(
        grid(r#"{"wMin":15,"wMax":-15,"bMin":-15,"bMax":15,"nW":30,"nB":30}"#),
        "wMax",
    );
    throws(
        grid(r#"{"wMin":-15,"wMax":15,"bMin":-15,"bMax":15,"nW":30}"#),
        "nB",
    );
    throws(
        grid(r#"{"wMin":-15,"wMax":15,"bMin":-15,"bMax":15,"nW":30,"nB":30,"n":3}"#),
        "n",
    );
    throws(api::make_data(js(r#"{"n":1}"#)), "n");
    throws(api::make_data(js(r#"{"n":1000001}"#)), "n");
    throws(api::make_data(js(r#"{"seed":-1}"#)), "seed");
    throws(api::make_data(js(r#"{"noise":-0.5}"#)), "noise");
    throws(api::make_data(js(r#"{"xMin":3,"xMax":-3}"#)), "xMax");
    throws(api::make_data(js(r#"{"sEed":3}"#)), "sEed");
    throws(api::make_data(JsValue::from_f64(3.0)), "options");
    throws(
        api::step(x.clone(), y.clone(), js(r#"{"w":0,"b":0}"#)),
        "lr",
    );
    throws(
        api::analyze(
            arr(&[2.0, 2.0, 2.0]),
            arr(&[1.0, 2.0, 3.0]),
            JsValue::UNDEFINED,
        ),
        "x",
    );
    throws(
        api::analyze(x.clone(), y.clone(), js(r#"{"lr":"fast"}"#)),
        "lr",
    );
    check_lab_run();
}

const OPTIM_REFERENCE: &str = include_str!("data/torch_optim.json");

/// The fields of each optimizer with a valid value, and every field any optimizer has.
const OPTIMIZER_FIELDS: [(&str, &[&str]); 4] = [
    ("sgd", &["momentum", "dampening", "nesterov"]),
    ("adam", &["beta1", "beta2", "eps"]),
    ("rmsprop", &["alpha", "eps", "momentum", "centered"]),
    ("adagrad", &["eps", "lrDecay", "initialAccumulatorValue"]),
];

fn is_boolean_field(field: &str) -> bool {
    field == "nesterov" || field == "centered"
}

fn valid_value(field: &str) -> JsValue {
    match field {
        "nesterov" | "centered" => JsValue::FALSE,
        "eps" => 1e-6.into(),
        _ => 0.5.into(),
    }
}

fn optimizer_object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (key, value) in fields {
        Reflect::set(&o, &(*key).into(), value).expect("set");
    }
    o.into()
}

/// Bad optimizer objects, each with the path its error must start with.
fn bad_optimizers() -> Vec<(JsValue, String)> {
    let mut bad: Vec<(JsValue, String)> = Vec::new();
    let not_objects = [JsValue::NULL, 3.into(), "adam".into(), JsValue::TRUE];
    for value in not_objects.into_iter().chain([Array::new().into()]) {
        bad.push((value, "optimizer".into()));
    }
    let bad_names: [JsValue; 9] = [
        "Adam".into(),
        "SGD".into(),
        "".into(),
        "adamw".into(),
        " sgd".into(),
        1.into(),
        JsValue::TRUE,
        JsValue::NULL,
        Array::new().into(),
    ];
    for name in bad_names {
        bad.push((optimizer_object(&[("name", name)]), "optimizer.name".into()));
    }
    let mut all: Vec<&str> = OPTIMIZER_FIELDS
        .iter()
        .flat_map(|(_, f)| f.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    for (name, fields) in OPTIMIZER_FIELDS {
        let n = || ("name", JsValue::from_str(name));
        // A valid extra field too, so that errors do not depend on the object being minimal.
        let extras: Vec<Vec<(&str, JsValue)>> = std::iter::once(vec![])
            .chain(fields.iter().map(|f| vec![(*f, valid_value(f))]))
            .collect();
        for extra in &extras {
            let mut no_name = extra.clone();
            no_name.push(("eps", 1e-6.into()));
            bad.push((optimizer_object(&no_name), "optimizer.name".into()));
            for unknown in ["nme", "lr", "Momentum", "betas", "weightDecay"] {
                let mut f = vec![n()];
                f.extend(extra.iter().cloned());
                f.push((unknown, 0.5.into()));
                bad.push((optimizer_object(&f), format!("optimizer.{unknown}")));
            }
            for foreign in all.iter().filter(|f| !fields.contains(f)) {
                let mut f = vec![n()];
                f.extend(extra.iter().cloned());
                f.push((foreign, valid_value(foreign)));
                bad.push((optimizer_object(&f), format!("optimizer.{foreign}")));
            }
        }
        bad.extend(bad_values(name, fields));
    }
    let nesterov = [
        r#"{"name":"sgd","nesterov":true}"#,
        r#"{"name":"sgd","nesterov":true,"momentum":0}"#,
        r#"{"name":"sgd","nesterov":true,"momentum":0.9,"dampening":0.1}"#,
    ];
    for text in nesterov {
        bad.push((js(text), "optimizer.nesterov".into()));
    }
    bad
}

/// Every field of optimizer `name` with values of the wrong type or out of its range.
fn bad_values(name: &str, fields: &[&str]) -> Vec<(JsValue, String)> {
    let mut bad = Vec::new();
    let n = || ("name", JsValue::from_str(name));
    for field in fields.iter().copied() {
        let wrong: Vec<JsValue> = if is_boolean_field(field) {
            vec![
                0.into(),
                1.into(),
                "true".into(),
                JsValue::NULL,
                Object::new().into(),
            ]
        } else {
            let mut v: Vec<JsValue> = vec![
                "0.5".into(),
                JsValue::NULL,
                JsValue::TRUE,
                Array::new().into(),
                Object::new().into(),
                js_sys::BigInt::from(1u32).into(),
                f64::NAN.into(),
                f64::INFINITY.into(),
                (-1.0).into(),
            ];
            // 1 and more are refused for the decays and momenta only: eps of 1 is valid.
            if !["lrDecay", "initialAccumulatorValue", "eps"].contains(&field) {
                v.extend([1.0.into(), 1.5.into()]);
            }
            if field == "eps" {
                v.push(0.0.into());
            }
            v
        };
        for value in wrong {
            let o = optimizer_object(&[n(), (field, value)]);
            bad.push((o, format!("optimizer.{field}")));
        }
    }
    bad
}

/// Every `torch.optim` reference run through `train` with its optimizer object.
fn check_optim_runs() {
    let reference = js(OPTIM_REFERENCE);
    for case in Array::from(&get(&reference, "cases")).iter() {
        let (x, y) = xy(&case);
        let options = train_options(&case);
        Reflect::set(&options, &"optimizer".into(), &get(&case, "optimizer")).expect("set");
        let batch = get(&case, "batch_size");
        if !batch.is_null() {
            Reflect::set(&options, &"batchSize".into(), &batch).expect("set");
        }
        let run = api::train(x, y, options).expect("train");
        let records = Array::from(&get(&case, "records_w_b_loss_before_update"));
        records.push(&get(&case, "final_w_b_loss"));
        for (key, column) in [("w", 0), ("b", 1), ("loss", 2)] {
            let ours = f64s(&get(&run, key));
            assert_eq!(ours.len() as u32, records.length());
            for (i, rec) in records.iter().enumerate() {
                close(&format!("{key}[{i}]"), ours[i], f64s(&rec)[column]);
            }
        }
    }
}

#[wasm_bindgen_test]
fn train_matches_torch_optim_for_every_optimizer_and_batching() {
    check_optim_runs();
}

#[wasm_bindgen_test]
fn hundreds_of_bad_optimizers_each_name_their_field() {
    let data = api::make_data(JsValue::UNDEFINED).expect("defaults");
    let (x, y) = (get(&data, "x"), get(&data, "y"));
    let with = |key: &str, value: &JsValue| {
        let o = js(r#"{"w0":-15,"b0":-10,"lr":0.1,"iterations":15}"#);
        Reflect::set(&o, &key.into(), value).expect("set");
        o
    };
    let bad = bad_optimizers();
    assert!(bad.len() >= 300, "{} bad objects", bad.len());
    for (optimizer, path) in &bad {
        throws(
            api::train(x.clone(), y.clone(), with("optimizer", optimizer)),
            path,
        );
    }
    let bad_batching: [(&str, JsValue); 9] = [
        ("batchSize", 0.into()),
        ("batchSize", 61.into()),
        ("batchSize", 2.5.into()),
        ("batchSize", "7".into()),
        ("batchSize", JsValue::NULL),
        ("shuffleSeed", (-1).into()),
        ("shuffleSeed", 0.5.into()),
        ("shuffleSeed", "1".into()),
        ("shuffleSeed", JsValue::NULL),
    ];
    for (key, value) in &bad_batching {
        throws(api::train(x.clone(), y.clone(), with(key, value)), key);
    }
    for momentum in [
        JsValue::from(1.0),
        (-0.1).into(),
        "0.5".into(),
        JsValue::NULL,
    ] {
        let o = optimizer_object(&[("lr", 0.1.into()), ("momentum", momentum)]);
        throws(api::analyze(x.clone(), y.clone(), o), "momentum");
    }
    // The module lives on: good calls still give PyTorch's numbers.
    check_lab_run();
    check_optim_runs();
    let shuffled = with("shuffleSeed", &7.into());
    Reflect::set(&shuffled, &"batchSize".into(), &7.into()).expect("set");
    let a = api::train(x.clone(), y.clone(), shuffled.clone()).expect("shuffled");
    let b = api::train(x.clone(), y.clone(), shuffled).expect("shuffled");
    assert_eq!(f64s(&get(&a, "w")), f64s(&get(&b, "w")));
    let plain = api::analyze(x.clone(), y.clone(), JsValue::UNDEFINED).expect("plain");
    let critical = get(&plain, "criticalLr").as_f64().expect("n");
    // 2/λmax itself diverges without momentum; with μ 0.5 the bound is 1.5 times higher.
    let o = js(&format!(r#"{{"lr":{critical},"momentum":0.5}}"#));
    let heavy = api::analyze(x, y, o).expect("heavy ball");
    assert_eq!(
        get(&heavy, "verdict").as_string().as_deref(),
        Some("converges")
    );
    let (c0, c1) = (
        get(&plain, "criticalLr").as_f64().expect("n"),
        get(&heavy, "criticalLr").as_f64().expect("n"),
    );
    assert!((c1 - 1.5 * c0).abs() <= 1e-12 * c1, "{c1} = 1.5·{c0}");
}
