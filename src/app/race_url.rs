//! The optimizer URL parameters: `optimizer`, `momentum` and `batchSize` for the lab's own
//! run, and `race` for the race's entries.
//!
//! `race` lists entries separated by commas; an entry is an optimizer's name followed by
//! `:key=value` settings, the keys being `lr` and the JavaScript API's field names:
//! `race=sgd,sgd:momentum=0.9,adam:lr=2:beta2=0.99,rmsprop:centered=1`. A setting left out
//! keeps PyTorch's default (and the race's default learning rate).

use super::input::{number, whole};
use super::race::{default_lr, field_text, fields, parse_entry, Entry, MAX_ENTRIES};
use crate::model::limits::MAX_POINTS;
use crate::model::number;
use crate::model::{Analysis, InputError, Optimizer, Sgd};

/// The lab run's optimizer from the URL's `optimizer` name and `momentum`; `momentum` applies
/// to `sgd` and `rmsprop` only ([`check_momentum`] drops it for the others).
pub fn lab_optimizer(name: &str, momentum: Option<f64>) -> Optimizer {
    let mut optimizer = Optimizer::with_defaults(name).unwrap_or_default();
    match (&mut optimizer, momentum) {
        (Optimizer::Sgd(s), Some(m)) => s.momentum = m,
        (Optimizer::RmsProp(r), Some(m)) => r.momentum = m,
        _ => {}
    }
    optimizer
}

/// The `optimizer` parameter: one of the API's names.
pub fn parse_optimizer(value: &str) -> Result<&'static str, String> {
    crate::model::OPTIMIZER_NAMES
        .into_iter()
        .find(|n| *n == value)
        .ok_or_else(|| "must be sgd, adam, rmsprop or adagrad".into())
}

/// The `momentum` parameter: a number from 0 up to (not including) 1.
pub fn parse_momentum(value: &str) -> Result<f64, String> {
    let m = number(value, 0.0, 1.0, true)?;
    if m < 1.0 {
        Ok(m)
    } else {
        Err("must be from 0 and less than 1".into())
    }
}

/// The `batchSize` parameter: a whole number from 1 to the most points the lab takes (a size
/// above the data's n means the full batch, see `race::effective_batch`).
pub fn parse_url_batch_size(value: &str) -> Result<usize, String> {
    whole(value, 1, MAX_POINTS as u64).map(|b| b as usize)
}

/// Momentum given with an optimizer that has none (Adam, Adagrad) is dropped with a notice.
pub fn check_momentum(optimizer: &str, momentum: &mut Option<f64>, notices: &mut Vec<String>) {
    if momentum.is_some() && !matches!(optimizer, "sgd" | "rmsprop") {
        *momentum = None;
        notices.push(format!(
            "Ignored “momentum”: {optimizer} has no momentum (only sgd and rmsprop do)"
        ));
    }
}

/// The `race` parameter: 1 to [`MAX_ENTRIES`] entries, each checked as the page's fields are.
pub fn parse_race(value: &str) -> Result<Vec<Entry>, String> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    if parts.len() > MAX_ENTRIES {
        return Err(format!("at most {MAX_ENTRIES} optimizers race"));
    }
    parts
        .iter()
        .enumerate()
        .map(|(k, part)| parse_part(part).map_err(|why| format!("entry {}: {why}", k + 1)))
        .collect()
}

fn parse_part(part: &str) -> Result<Entry, String> {
    let mut pieces = part.split(':');
    let name = pieces.next().unwrap_or_default();
    let mut lr = None;
    let mut typed = Vec::new();
    for piece in pieces {
        let (key, text) = piece
            .split_once('=')
            .ok_or_else(|| "a setting must read key=value".to_string())?;
        if key == "lr" {
            lr = Some(text);
        } else {
            typed.push((key, text));
        }
    }
    parse_entry(name, lr, &typed).map_err(|e| e.message)
}

/// The `race` value of `entries`: settings at their defaults are left out.
pub fn format_race(entries: &[Entry], lab_lr: f64) -> String {
    let parts: Vec<String> = entries.iter().map(|e| format_entry(e, lab_lr)).collect();
    parts.join(",")
}

fn format_entry(entry: &Entry, lab_lr: f64) -> String {
    let name = entry.optimizer.name();
    let defaults = Optimizer::with_defaults(name).unwrap_or(Optimizer::Sgd(Sgd::default()));
    let mut out = name.to_string();
    if let Some(lr) = entry
        .lr
        .filter(|&lr| lr != default_lr(&entry.optimizer, lab_lr))
    {
        out.push_str(&format!(":lr={}", number::shortest(lr)));
    }
    for field in fields(name) {
        let text = field_text(&entry.optimizer, field.key);
        if text != field_text(&defaults, field.key) {
            let text = match text.as_str() {
                "true" => "1".to_string(),
                "false" => "0".to_string(),
                _ => text,
            };
            out.push_str(&format!(":{}={text}", field.key));
        }
    }
    out
}

/// Whether the optimizer `name` has a momentum (SGD and RMSprop).
pub fn has_momentum(name: &str) -> bool {
    matches!(name, "sgd" | "rmsprop")
}

/// The explorer's optimizer from its menu and momentum field (empty: 0; ignored by Adam and
/// Adagrad). The error names `momentum`.
pub fn explorer_optimizer(name: &str, momentum: &str) -> Result<Optimizer, InputError> {
    let text = momentum.trim();
    let m = if text.is_empty() || !has_momentum(name) {
        0.0
    } else {
        crate::model::number::parse_f64(text)
            .filter(|m| (0.0..1.0).contains(m))
            .ok_or_else(|| {
                let shown: String = text.chars().take(24).collect();
                InputError::new(
                    "momentum",
                    format!("The momentum must be from 0 and less than 1; got “{shown}”."),
                )
            })?
    };
    let optimizer = lab_optimizer(name, Some(m));
    match Optimizer::with_defaults(name) {
        Some(_) => Ok(optimizer),
        None => Err(InputError::new(
            "optimizer",
            "Choose sgd, adam, rmsprop or adagrad.",
        )),
    }
}

/// The rates theory marks for `optimizer` on this bowl: 1/λmax (plain SGD only) and the
/// critical rate with its rule's name; `None` where no closed form exists.
pub fn marked_rates(
    a: &Analysis,
    optimizer: &Optimizer,
) -> Option<(Option<f64>, f64, &'static str)> {
    match optimizer {
        Optimizer::Sgd(s) if s.momentum == 0.0 => {
            Some((Some(a.overshoot_lr()), a.critical_lr, "2/λmax"))
        }
        Optimizer::Sgd(s) if s.dampening == 0.0 && !s.nesterov => {
            let c = a.critical_lr_momentum(s.momentum).ok()?;
            Some((None, c, "2(1 + μ)/λmax"))
        }
        _ => None,
    }
}
