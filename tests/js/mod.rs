//! JavaScript values for the browser tests of the API: reading properties and arrays, making
//! typed arrays and objects.
#![allow(dead_code)] // Each test file uses the part it needs.

use js_sys::{Array, Float64Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// `v[key]`.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

/// The numbers of a `Float64Array` or a plain array.
pub fn f64s(v: &JsValue) -> Vec<f64> {
    if let Some(a) = v.dyn_ref::<Float64Array>() {
        a.to_vec()
    } else {
        Array::from(v)
            .iter()
            .map(|x| x.as_f64().expect("number"))
            .collect()
    }
}

/// A `Float64Array` of `values`.
pub fn arr(values: &[f64]) -> JsValue {
    Float64Array::from(values).into()
}

/// A value from JSON text.
pub fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("json")
}
