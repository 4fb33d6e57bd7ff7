//! The `data` URL parameter: a few points inline, as `x,y` pairs joined by `;`.
//!
//! Small sets only ([`LINK_MAX_POINTS`] points, and a whole query under
//! [`LINK_MAX_QUERY_CHARS`] characters) so a shared link stays a link; larger data are saved
//! as CSV instead. Numbers are written in their shortest round-trip form, so a link reads
//! back exactly the same points.

use super::table_text::NumberProblem;
use crate::model::number;
use crate::model::{CostQuadratic, Samples};

/// Most points the `data` parameter may carry.
pub const LINK_MAX_POINTS: usize = 200;
/// Longest query string a Share link may have once the data are in it: links far longer
/// than 2000 characters are cut by some mail clients, chats and servers.
pub const LINK_MAX_QUERY_CHARS: usize = 2000;

/// Reads `x,y;x,y;…`. Spaces around numbers and an empty last pair (a trailing `;`) are
/// allowed. The error says which pair and why, for a notice.
pub fn parse_inline(value: &str) -> Result<Samples, String> {
    parse_pairs(value, LINK_MAX_POINTS, "a link carries")
}

/// [`parse_inline`]'s rules for at most `max` pairs; `holder` names what holds them in the
/// refusal ("a link carries", "saved work holds").
pub(crate) fn parse_pairs(value: &str, max: usize, holder: &str) -> Result<Samples, String> {
    let pairs: Vec<&str> = value.trim().trim_end_matches(';').split(';').collect();
    if pairs.len() > max {
        return Err(format!(
            "holds {} pairs; {holder} at most {max}",
            pairs.len()
        ));
    }
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for (i, pair) in pairs.iter().enumerate() {
        let (a, b) = pair
            .split_once(',')
            .ok_or_else(|| format!("pair {} is not written x,y", i + 1))?;
        x.push(number(a, i)?);
        y.push(number(b, i)?);
    }
    if x.len() < 2 {
        return Err("needs at least two x,y pairs".into());
    }
    let samples = Samples::new(x, y).map_err(|e| e.message)?;
    let q = CostQuadratic::new(&samples).map_err(|e| e.message)?;
    if q.x_is_constant() {
        return Err("every x is the same, so no line fits best".into());
    }
    Ok(samples)
}

fn number(text: &str, pair: usize) -> Result<f64, String> {
    let text = text.trim();
    let why = match super::table_text::number(text) {
        Ok(v) => return Ok(v),
        Err(NumberProblem::Missing) => "has a missing value",
        Err(NumberProblem::NotANumber) => "has a value that is not a number",
        Err(NumberProblem::NotFinite) => "has a value that is not finite",
    };
    Err(format!("pair {} {why}", pair + 1))
}

/// The `data` value for these points: `x,y;x,y;…`.
pub fn write_inline(samples: &Samples) -> String {
    let (x, y) = (
        number::compact_all(samples.x()),
        number::compact_all(samples.y()),
    );
    let pairs: Vec<String> = x.iter().zip(&y).map(|(x, y)| format!("{x},{y}")).collect();
    pairs.join(";")
}

/// Whether `samples` fit, as a `data` value, in a link whose other parameters take `rest`
/// characters.
pub(crate) fn fits_link(rest: usize, samples: &Samples) -> bool {
    link_inline(samples).is_some_and(|inline| fits(rest, &inline))
}

/// The `data` value of `samples` when a link may carry that many points; `None` (nothing
/// written: pasted data can hold 10 000 points) when it may not.
fn link_inline(samples: &Samples) -> Option<String> {
    (samples.len() <= LINK_MAX_POINTS).then(|| write_inline(samples))
}

/// Whether `inline` (a `data` value) fits a link whose other parameters take `rest`
/// characters.
fn fits(rest: usize, inline: &str) -> bool {
    let sep = if rest == 0 { 0 } else { 1 };
    rest + sep + "data=".len() + inline.len() <= LINK_MAX_QUERY_CHARS
}

/// Adds `data=…` to a query's parts when the points fit in a link; leaves it out otherwise
/// (the page asks [`LabConfig::data_fits_link`] first and offers the CSV instead).
pub(crate) fn push_data(data: Option<&Samples>, parts: &mut Vec<String>) {
    let Some(inline) = data.and_then(link_inline) else {
        return;
    };
    let rest = parts
        .iter()
        .map(|p| p.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    if fits(rest, &inline) {
        parts.push(format!("data={inline}"));
    }
}
