//! Reading `train`'s optional `optimizer`, `batchSize` and `shuffleSeed`.
//!
//! The optimizer is an object `{name, …fields}`: the name is required and exact, a field left
//! out takes PyTorch's default, and everything else (unknown fields, another optimizer's
//! fields, `null`, a string or boolean in the wrong place) is an error whose field is the path,
//! such as `optimizer.beta2`. The ranges themselves are the engine's
//! ([`Optimizer::validate`]), so the page and the API refuse the same values.

use wasm_bindgen::JsValue;

use super::options::{type_name, Options};
use crate::model::{limits, Batching, InputError, Optimizer, OPTIMIZER_NAMES};

/// Every field any optimizer has, `name` first.
const ALL_FIELDS: [&str; 11] = [
    "name",
    "momentum",
    "dampening",
    "nesterov",
    "beta1",
    "beta2",
    "eps",
    "alpha",
    "centered",
    "lrDecay",
    "initialAccumulatorValue",
];

/// The fields of the optimizer called `name`, `name` first.
fn fields_of(name: &str) -> &'static [&'static str] {
    match name {
        "sgd" => &["name", "momentum", "dampening", "nesterov"],
        "adam" => &["name", "beta1", "beta2", "eps"],
        "rmsprop" => &["name", "alpha", "eps", "momentum", "centered"],
        _ => &["name", "eps", "lrDecay", "initialAccumulatorValue"],
    }
}

/// Reads `optimizer` (plain SGD when absent), `batchSize` (all `n` points when absent) and
/// `shuffleSeed` (no shuffling when absent) from `train`'s options.
pub fn read(o: &Options, n: usize) -> Result<(Optimizer, Batching), InputError> {
    let value = o.get("optimizer");
    let optimizer = if value.is_undefined() {
        Optimizer::default()
    } else {
        optimizer(&value)?
    };
    let batch_size = match o.maybe_number("batchSize")? {
        Some(b) => Some(limits::whole("batchSize", b, 1, n)?),
        None => None,
    };
    let shuffle_seed = match o.maybe_number("shuffleSeed")? {
        Some(s) => Some(limits::seed("shuffleSeed", s)?),
        None => None,
    };
    Ok((
        optimizer,
        Batching {
            batch_size,
            shuffle_seed,
        },
    ))
}

/// Reads an optimizer object: name, then which fields it holds, then their types, then the
/// ranges and Nesterov's conditions.
pub fn optimizer(value: &JsValue) -> Result<Optimizer, InputError> {
    let o = Options::nested(value, "optimizer", &ALL_FIELDS)?;
    let mut optimizer = read_name(&o)?;
    let fields = fields_of(optimizer.name());
    if let Some(&foreign) = ALL_FIELDS
        .iter()
        .find(|f| !fields.contains(f) && !o.get(f).is_undefined())
    {
        let owners: Vec<&str> = OPTIMIZER_NAMES
            .into_iter()
            .filter(|n| fields_of(n).contains(&foreign))
            .collect();
        let message = format!(
            "is a field of {}, not of {}; the fields of {} are {}",
            owners.join(" and "),
            optimizer.name(),
            optimizer.name(),
            fields.join(", ")
        );
        return Err(InputError::new(&o.path(foreign), message));
    }
    match &mut optimizer {
        Optimizer::Sgd(s) => {
            s.momentum = o.number_or("momentum", s.momentum)?;
            s.dampening = o.number_or("dampening", s.dampening)?;
            s.nesterov = boolean_or(&o, "nesterov", s.nesterov)?;
        }
        Optimizer::Adam(a) => {
            a.beta1 = o.number_or("beta1", a.beta1)?;
            a.beta2 = o.number_or("beta2", a.beta2)?;
            a.eps = o.number_or("eps", a.eps)?;
        }
        Optimizer::RmsProp(r) => {
            r.alpha = o.number_or("alpha", r.alpha)?;
            r.eps = o.number_or("eps", r.eps)?;
            r.momentum = o.number_or("momentum", r.momentum)?;
            r.centered = boolean_or(&o, "centered", r.centered)?;
        }
        Optimizer::Adagrad(a) => {
            a.eps = o.number_or("eps", a.eps)?;
            a.lr_decay = o.number_or("lrDecay", a.lr_decay)?;
            a.initial_accumulator_value =
                o.number_or("initialAccumulatorValue", a.initial_accumulator_value)?;
        }
    }
    optimizer.validate()?;
    Ok(optimizer)
}

/// The required, exact name, as the optimizer with PyTorch's defaults.
fn read_name(o: &Options) -> Result<Optimizer, InputError> {
    let field = o.path("name");
    let names = OPTIMIZER_NAMES.join(", ");
    let value = o.get("name");
    if value.is_undefined() {
        return Err(InputError::new(
            &field,
            format!("is required: one of {names}"),
        ));
    }
    let name = value.as_string().ok_or_else(|| {
        let got = type_name(&value);
        InputError::new(
            &field,
            format!("must be a string, one of {names}; got {got}"),
        )
    })?;
    Optimizer::with_defaults(&name)
        .ok_or_else(|| InputError::new(&field, format!("must be one of {names}, got \"{name}\"")))
}

/// An optional boolean field: `true` or `false` only, no truthy values.
fn boolean_or(o: &Options, field: &str, default: bool) -> Result<bool, InputError> {
    let value = o.get(field);
    if value.is_undefined() {
        return Ok(default);
    }
    value.as_bool().ok_or_else(|| {
        let got = type_name(&value);
        InputError::new(&o.path(field), format!("must be true or false, got {got}"))
    })
}
