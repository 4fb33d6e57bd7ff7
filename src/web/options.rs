//! Reading the JavaScript API's arguments: strict types, required and known fields only.
//!
//! Every check here turns bad input into an [`InputError`] naming the field, so a typo such
//! as `lR` or a string where a number belongs is an error, never a silent default.

use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::InputError;

/// An options object whose field names were checked against the allowed list.
pub struct Options {
    object: Option<Object>,
}

impl Options {
    /// Checks that `value` is a plain object (or, if `optional`, undefined) holding only
    /// `allowed` fields.
    pub fn parse(
        value: &JsValue,
        name: &str,
        allowed: &[&str],
        optional: bool,
    ) -> Result<Self, InputError> {
        if value.is_undefined() && optional {
            return Ok(Self { object: None });
        }
        let object = value
            .dyn_ref::<Object>()
            .filter(|_| !value.is_function() && !js_sys::Array::is_array(value))
            .ok_or_else(|| {
                InputError::new(
                    name,
                    format!("must be an object with fields {}", allowed.join(", ")),
                )
            })?;
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                let hint = format!(
                    "is not a known field; the fields are {}",
                    allowed.join(", ")
                );
                return Err(InputError::new(&key, hint));
            }
        }
        Ok(Self {
            object: Some(object.clone()),
        })
    }

    /// A field's raw value, `undefined` when absent.
    pub fn get(&self, field: &str) -> JsValue {
        match &self.object {
            Some(object) => {
                Reflect::get(object, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED)
            }
            None => JsValue::UNDEFINED,
        }
    }

    /// A required number field.
    pub fn number(&self, field: &str) -> Result<f64, InputError> {
        let value = self.get(field);
        if value.is_undefined() {
            return Err(InputError::new(field, "is required"));
        }
        number(field, &value)
    }

    /// An optional number field, `default` when absent.
    pub fn number_or(&self, field: &str, default: f64) -> Result<f64, InputError> {
        let value = self.get(field);
        if value.is_undefined() {
            Ok(default)
        } else {
            number(field, &value)
        }
    }

    /// An optional number field, `None` when absent.
    pub fn maybe_number(&self, field: &str) -> Result<Option<f64>, InputError> {
        let value = self.get(field);
        if value.is_undefined() {
            Ok(None)
        } else {
            number(field, &value).map(Some)
        }
    }
}

/// A JavaScript number and nothing else: no strings, BigInt, null or objects, no coercion.
pub fn number(field: &str, value: &JsValue) -> Result<f64, InputError> {
    let n = value.as_f64().ok_or_else(|| {
        InputError::new(field, format!("must be a number, got {}", type_name(value)))
    })?;
    crate::model::limits::finite(field, n)
}

/// A `Float64Array`, copied into Rust. Plain arrays and other typed arrays are refused, so a
/// caller never gets silently converted values.
pub fn float64_array(field: &str, value: &JsValue) -> Result<Vec<f64>, InputError> {
    let array = value.dyn_ref::<Float64Array>().ok_or_else(|| {
        InputError::new(
            field,
            format!("must be a Float64Array, got {}", type_name(value)),
        )
    })?;
    // Checked before the copy: an array past the limit is never copied into wasm memory.
    crate::model::limits::points(field, array.length() as usize)?;
    Ok(array.to_vec())
}

fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "an Array".into();
    }
    if let Some(object) = value.dyn_ref::<Object>() {
        let ctor = object.constructor().name();
        if ctor.length() > 0 && ctor != "Object" {
            return format!("a {}", String::from(ctor));
        }
    }
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "something else".into())
}
