//! JSON for criterion's estimates and the browser bench's report: `serde_json`'s values, read
//! by dotted paths of object keys.

pub use serde_json::Value;

/// Parses `text`, which must hold exactly one JSON value.
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Reading a value by a dotted path of object keys, `a.b.c`.
pub trait Dotted {
    /// The value at `path`, if every key on the way is there.
    fn at(&self, path: &str) -> Option<&Value>;
}

impl Dotted for Value {
    fn at(&self, path: &str) -> Option<&Value> {
        path.split('.').try_fold(self, |value, key| value.get(key))
    }
}
