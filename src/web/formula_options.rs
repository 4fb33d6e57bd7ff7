//! Reading the optional `model` and `cost` fields of `lossGrid` (and `train`): strings holding
//! right-hand sides, parsed by [`crate::model::formula`].
//!
//! A field left out means its default; an empty string, a value that is not a string or a
//! formula that does not parse is an error starting with the field (`cost: column 12: …`).

use super::options::Options;
use crate::model::formula::{Formulas, Line, DEFAULT_COST, DEFAULT_MODEL};
use crate::model::InputError;

/// The option fields that hold formulas.
pub const FORMULA_FIELDS: [&str; 2] = ["model", "cost"];

/// The formulas the options ask for: `None` when they ask for the defaults (both fields left
/// out, or given as the default trees), so that the caller keeps the quadratic's fast path.
pub fn formulas(o: &Options) -> Result<Option<Formulas>, InputError> {
    let model = source(o, Line::Model)?;
    let cost = source(o, Line::Cost)?;
    if model.is_none() && cost.is_none() {
        return Ok(None);
    }
    let model = model.as_deref().unwrap_or(DEFAULT_MODEL);
    let cost = cost.as_deref().unwrap_or(DEFAULT_COST);
    let formulas =
        Formulas::parse(model, cost).map_err(|(line, err)| err.for_field(line.name()))?;
    Ok((!formulas.is_default()).then_some(formulas))
}

/// One field's text: `None` when absent, an error when it is not a string.
fn source(o: &Options, line: Line) -> Result<Option<String>, InputError> {
    let field = line.name();
    let value = o.get(field);
    if value.is_undefined() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        let got = value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "something else".into());
        let got = if value.is_null() { "null".into() } else { got };
        InputError::new(
            field,
            format!("must be a string holding a formula, got {got}"),
        )
    })
}
