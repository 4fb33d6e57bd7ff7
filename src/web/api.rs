//! The JavaScript API: `makeData`, `train`, `step`, `lossGrid`, `analyze`.
//!
//! Each export reads its arguments strictly (see [`super::options`]), calls the engine in
//! [`crate::model`], and returns plain objects of `Float64Array`s. Bad input throws an `Error`
//! naming the field; nothing here can panic on input, so the module keeps working.
//! The page computes its numbers through these same engine calls (see [`super::lab`]).

use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::formula_options::{formulas, FORMULA_FIELDS};
use super::optim_options;
use super::options::{float64_array, Options};
use crate::model::formula::{formula_grid, FormulaCost};
use crate::model::{
    self, limits, CostQuadratic, DataSpec, GridSpec, InputError, Problem, Samples, TrainConfig,
};

type JsResult = Result<JsValue, JsValue>;

/// Makes a seeded data set `{x, y, f}`: every option optional, defaults are the lab's.
#[wasm_bindgen(js_name = makeData)]
pub fn make_data(options: JsValue) -> JsResult {
    let spec = data_spec(&options).map_err(to_js)?;
    let data = model::generate(&spec).map_err(to_js)?;
    Ok(object(&[
        ("x", floats(data.samples.x())),
        ("y", floats(data.samples.y())),
        ("f", floats(&data.truth)),
    ]))
}

/// Reads `makeData`'s options: every field optional, the lab's defaults otherwise.
pub fn data_spec(options: &JsValue) -> Result<DataSpec, InputError> {
    const FIELDS: [&str; 7] = ["seed", "n", "slope", "bias", "noise", "xMin", "xMax"];
    let o = Options::parse(options, "options", &FIELDS, true)?;
    let d = DataSpec::default();
    Ok(DataSpec {
        seed: limits::seed("seed", o.number_or("seed", d.seed as f64)?)?,
        n: limits::whole(
            "n",
            o.number_or("n", d.n as f64)?,
            limits::MIN_POINTS,
            limits::MAX_POINTS,
        )?,
        slope: o.number_or("slope", d.slope)?,
        bias: o.number_or("bias", d.bias)?,
        noise: o.number_or("noise", d.noise)?,
        x_min: o.number_or("xMin", d.x_min)?,
        x_max: o.number_or("xMax", d.x_max)?,
    })
}

/// Trains from `(w0, b0)`: `{w, b, loss, divergedAt}`, one record before each update and one
/// after the last. `optimizer`, `batchSize` and `shuffleSeed` are optional: plain full-batch
/// descent without them (see [`super::optim_options`]); so are the `model` and `cost` formulas
/// (the mean squared error of a line without them).
#[wasm_bindgen]
pub fn train(x: JsValue, y: JsValue, options: JsValue) -> JsResult {
    const FIELDS: [&str; 7] = [
        "w0",
        "b0",
        "lr",
        "iterations",
        "optimizer",
        "batchSize",
        "shuffleSeed",
    ];
    let samples = samples(&x, &y).map_err(to_js)?;
    let fields = [&FIELDS[..], &FORMULA_FIELDS[..]].concat();
    let o = Options::parse(&options, "options", &fields, false).map_err(to_js)?;
    let config = train_config(&o).map_err(to_js)?;
    let (optimizer, batching) = optim_options::read(&o, samples.len()).map_err(to_js)?;
    let formulas = formulas(&o).map_err(to_js)?;
    let problem = Problem::new(samples, formulas)
        .map_err(to_js)?
        .with_optimizer(optimizer, batching);
    let run = problem.train(&config).map_err(to_js)?;
    let diverged = run
        .diverged_at
        .map_or(JsValue::NULL, |k| JsValue::from_f64(k as f64));
    Ok(object(&[
        ("w", floats(&run.w)),
        ("b", floats(&run.b)),
        ("loss", floats(&run.cost)),
        ("divergedAt", diverged),
    ]))
}

fn train_config(o: &Options) -> Result<TrainConfig, InputError> {
    Ok(TrainConfig {
        w0: o.number("w0")?,
        b0: o.number("b0")?,
        lr: o.number("lr")?,
        iterations: limits::whole(
            "iterations",
            o.number("iterations")?,
            0,
            limits::MAX_ITERATIONS,
        )?,
    })
}

/// The cost and gradient at `(w, b)` and the point one update later.
#[wasm_bindgen]
pub fn step(x: JsValue, y: JsValue, options: JsValue) -> JsResult {
    let q = quadratic(&x, &y).map_err(to_js)?;
    let o = Options::parse(&options, "options", &["w", "b", "lr"], false).map_err(to_js)?;
    let (w, b, lr) = (
        o.number("w").map_err(to_js)?,
        o.number("b").map_err(to_js)?,
        o.number("lr").map_err(to_js)?,
    );
    let s = model::step(&q, w, b, lr).map_err(to_js)?;
    Ok(object(&[
        ("loss", s.cost.into()),
        ("gradW", s.grad_w.into()),
        ("gradB", s.grad_b.into()),
        ("w", s.w.into()),
        ("b", s.b.into()),
    ]))
}

/// The cost on an `nW × nB` grid: `{w, b, loss}`, loss row-major with rows = b. With `model`
/// or `cost` formulas other than the defaults, every node sums over the points.
#[wasm_bindgen(js_name = lossGrid)]
pub fn loss_grid(x: JsValue, y: JsValue, options: JsValue) -> JsResult {
    let samples = samples(&x, &y).map_err(to_js)?;
    let q = CostQuadratic::new(&samples).map_err(to_js)?;
    const GRID: [&str; 6] = ["wMin", "wMax", "bMin", "bMax", "nW", "nB"];
    let fields = [&GRID[..], &FORMULA_FIELDS[..]].concat();
    let o = Options::parse(&options, "options", &fields, false).map_err(to_js)?;
    let spec = grid_spec(&o).map_err(to_js)?;
    let grid = match formulas(&o).map_err(to_js)? {
        Some(f) => formula_grid(&FormulaCost::new(f, &samples), &spec),
        None => model::loss_grid(&q, &spec),
    }
    .map_err(to_js)?;
    Ok(object(&[
        ("w", floats(&grid.w)),
        ("b", floats(&grid.b)),
        ("loss", floats(&grid.cost)),
    ]))
}

fn grid_spec(o: &Options) -> Result<GridSpec, InputError> {
    let side = |field| -> Result<usize, InputError> {
        limits::whole(
            field,
            o.number(field)?,
            limits::MIN_GRID_SIDE,
            limits::MAX_GRID_SIDE,
        )
    };
    Ok(GridSpec {
        w_min: o.number("wMin")?,
        w_max: o.number("wMax")?,
        b_min: o.number("bMin")?,
        b_max: o.number("bMax")?,
        n_w: side("nW")?,
        n_b: side("nB")?,
    })
}

/// The optimum, Hessian, eigenvalues, critical learning rate and, given `lr`, its verdict.
/// Given `momentum` μ, the critical rate is heavy-ball's `2(1 + μ)/λmax` and the verdict
/// `converges` or `diverges`.
#[wasm_bindgen]
pub fn analyze(x: JsValue, y: JsValue, options: JsValue) -> JsResult {
    let q = quadratic(&x, &y).map_err(to_js)?;
    let o = Options::parse(&options, "options", &["lr", "momentum"], true).map_err(to_js)?;
    let a = model::analyze(&q).map_err(to_js)?;
    let lr = o.maybe_number("lr").map_err(to_js)?;
    let (critical, verdict) = match o.maybe_number("momentum").map_err(to_js)? {
        Some(mu) => (
            a.critical_lr_momentum(mu).map_err(to_js)?,
            lr.map(|lr| a.verdict_momentum(lr, mu)).transpose(),
        ),
        None => (a.critical_lr, lr.map(|lr| a.verdict(lr)).transpose()),
    };
    let verdict = verdict
        .map_err(to_js)?
        .map_or(JsValue::NULL, |v| JsValue::from_str(v.as_str()));
    Ok(object(&[
        ("wStar", a.w_star.into()),
        ("bStar", a.b_star.into()),
        ("lossStar", a.cost_star.into()),
        ("hessian", numbers(&a.hessian)),
        ("eigenvalues", numbers(&a.eigenvalues)),
        ("criticalLr", critical.into()),
        ("verdict", verdict),
    ]))
}

fn samples(x: &JsValue, y: &JsValue) -> Result<Samples, InputError> {
    Samples::new(float64_array("x", x)?, float64_array("y", y)?)
}

fn quadratic(x: &JsValue, y: &JsValue) -> Result<CostQuadratic, InputError> {
    CostQuadratic::new(&samples(x, y)?)
}

/// Turns an engine error into a thrown JavaScript `Error` whose message names the field.
pub fn to_js(err: InputError) -> JsValue {
    js_sys::Error::new(&err.to_string()).into()
}

fn floats(values: &[f64]) -> JsValue {
    Float64Array::from(values).into()
}

fn numbers(values: &[f64]) -> JsValue {
    values
        .iter()
        .map(|&v| JsValue::from_f64(v))
        .collect::<Array>()
        .into()
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        super::dom::checked(
            "Reflect.set",
            Reflect::set(&object, &JsValue::from_str(key), value),
        );
    }
    object.into()
}
