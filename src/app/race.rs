//! The optimizer race: several optimizers trained from the lab's start on the same data, each
//! with its own learning rate and settings, and the numbers of its table (final cost,
//! iterations to come within 1 % of the optimum's cost, the verdict where theory gives one).
//!
//! The settings are typed as text in the page (or given in the URL, see [`super::race_url`]);
//! every value is parsed here, its range checked by [`Optimizer::validate`], so a message
//! names the field the learner sees.

use super::limits::PAGE_MAX_LR;
use super::notes::short;
use crate::model::number;
use crate::model::{Analysis, InputError, Optimizer, Trajectory, Verdict};

/// Most entries a race holds: one colour and marker each.
pub const MAX_ENTRIES: usize = 6;

/// How close to the optimum's cost "within" means: 1 % of it.
pub const WITHIN: f64 = 0.01;

/// Default learning rates of the adaptive optimizers: their steps are about `lr` long whatever
/// the gradient, so on the lab's bowl (the start is ~18 away) they need far more than SGD's.
const ADAM_LR: f64 = 1.0;
const RMSPROP_LR: f64 = 0.5;
const ADAGRAD_LR: f64 = 5.0;

/// What a field holds: a number, or a yes/no shown as a checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A decimal number.
    Number,
    /// A checkbox: `true` or `false`.
    Flag,
}

/// One setting of an optimizer, by its JavaScript API name (the page's and the URL's too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The API's name, e.g. `beta2`.
    pub key: &'static str,
    /// What the field holds.
    pub kind: FieldKind,
}

const fn num(key: &'static str) -> Field {
    Field {
        key,
        kind: FieldKind::Number,
    }
}

const fn flag(key: &'static str) -> Field {
    Field {
        key,
        kind: FieldKind::Flag,
    }
}

/// The settings of the optimizer `name` (`sgd`, `adam`, `rmsprop`, `adagrad`), in PyTorch's
/// order; none for an unknown name.
pub fn fields(name: &str) -> &'static [Field] {
    const SGD: [Field; 3] = [num("momentum"), num("dampening"), flag("nesterov")];
    const ADAM: [Field; 3] = [num("beta1"), num("beta2"), num("eps")];
    const RMSPROP: [Field; 4] = [num("alpha"), num("eps"), num("momentum"), flag("centered")];
    const ADAGRAD: [Field; 3] = [num("eps"), num("lrDecay"), num("initialAccumulatorValue")];
    match name {
        "sgd" => &SGD,
        "adam" => &ADAM,
        "rmsprop" => &RMSPROP,
        "adagrad" => &ADAGRAD,
        _ => &[],
    }
}

/// The optimizer's name as people write it: SGD, Adam, RMSprop, Adagrad.
pub fn display_name(optimizer: &Optimizer) -> &'static str {
    match optimizer {
        Optimizer::Sgd(_) => "SGD",
        Optimizer::Adam(_) => "Adam",
        Optimizer::RmsProp(_) => "RMSprop",
        Optimizer::Adagrad(_) => "Adagrad",
    }
}

/// A field's value in `optimizer`, as the page shows it (`0.9`, `1e-8`, `true`).
pub fn field_text(optimizer: &Optimizer, key: &str) -> String {
    let number = number::shortest;
    match (optimizer, key) {
        (Optimizer::Sgd(s), "momentum") => number(s.momentum),
        (Optimizer::Sgd(s), "dampening") => number(s.dampening),
        (Optimizer::Sgd(s), "nesterov") => s.nesterov.to_string(),
        (Optimizer::Adam(a), "beta1") => number(a.beta1),
        (Optimizer::Adam(a), "beta2") => number(a.beta2),
        (Optimizer::Adam(a), "eps") => number::sci(a.eps),
        (Optimizer::RmsProp(r), "alpha") => number(r.alpha),
        (Optimizer::RmsProp(r), "eps") => number::sci(r.eps),
        (Optimizer::RmsProp(r), "momentum") => number(r.momentum),
        (Optimizer::RmsProp(r), "centered") => r.centered.to_string(),
        (Optimizer::Adagrad(a), "eps") => number::sci(a.eps),
        (Optimizer::Adagrad(a), "lrDecay") => number(a.lr_decay),
        (Optimizer::Adagrad(a), "initialAccumulatorValue") => number(a.initial_accumulator_value),
        _ => String::new(),
    }
}

/// Sets one field of `optimizer` from text; the range is checked later by `validate`.
fn set_field(optimizer: &mut Optimizer, key: &str, text: &str) -> Result<(), InputError> {
    let text = text.trim();
    let bad = |what: &str| {
        let shown: String = text.chars().take(24).collect();
        InputError::new(key, format!("{key} must be {what}; got “{shown}”."))
    };
    let flag = || match text {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(bad("true or false")),
    };
    let kind = fields(optimizer.name()).iter().find(|f| f.key == key);
    let Some(kind) = kind.map(|f| f.kind) else {
        let known: Vec<&str> = fields(optimizer.name()).iter().map(|f| f.key).collect();
        let message = format!(
            "{} has no field “{key}”; its fields are lr, {}.",
            display_name(optimizer),
            known.join(", ")
        );
        return Err(InputError::new(key, message));
    };
    let v = match kind {
        FieldKind::Flag => f64::from(u8::from(flag()?)),
        FieldKind::Number => match crate::model::number::parse_f64(text) {
            Some(v) if v.is_finite() => v,
            _ => return Err(bad("a finite number")),
        },
    };
    match (optimizer, key) {
        (Optimizer::Sgd(s), "momentum") => s.momentum = v,
        (Optimizer::Sgd(s), "dampening") => s.dampening = v,
        (Optimizer::Sgd(s), "nesterov") => s.nesterov = v != 0.0,
        (Optimizer::Adam(a), "beta1") => a.beta1 = v,
        (Optimizer::Adam(a), "beta2") => a.beta2 = v,
        (Optimizer::Adam(a), "eps") => a.eps = v,
        (Optimizer::RmsProp(r), "alpha") => r.alpha = v,
        (Optimizer::RmsProp(r), "eps") => r.eps = v,
        (Optimizer::RmsProp(r), "momentum") => r.momentum = v,
        (Optimizer::RmsProp(r), "centered") => r.centered = v != 0.0,
        (Optimizer::Adagrad(a), "eps") => a.eps = v,
        (Optimizer::Adagrad(a), "lrDecay") => a.lr_decay = v,
        (Optimizer::Adagrad(a), "initialAccumulatorValue") => a.initial_accumulator_value = v,
        _ => {}
    }
    Ok(())
}

/// One racer: an optimizer and its learning rate (`None`: [`default_lr`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    /// The update rule and its settings.
    pub optimizer: Optimizer,
    /// The learning rate, or `None` for the optimizer's default in the race.
    pub lr: Option<f64>,
}

impl Entry {
    /// The entry's learning rate, its default taken from the lab's rate `lab_lr`.
    pub fn lr_or(&self, lab_lr: f64) -> f64 {
        self.lr
            .unwrap_or_else(|| default_lr(&self.optimizer, lab_lr))
    }

    /// The legend's label, e.g. `SGD μ 0.9, lr 0.1`.
    pub fn label(&self, lab_lr: f64) -> String {
        let extra = match self.optimizer {
            Optimizer::Sgd(s) if s.nesterov => format!(" Nesterov μ {}", short(s.momentum)),
            Optimizer::Sgd(s) if s.momentum > 0.0 => format!(" μ {}", short(s.momentum)),
            Optimizer::RmsProp(r) if r.momentum > 0.0 => format!(" μ {}", short(r.momentum)),
            _ => String::new(),
        };
        let name = display_name(&self.optimizer);
        format!("{name}{extra}, lr {}", short(self.lr_or(lab_lr)))
    }
}

/// The learning rate an optimizer races with unless told: the lab's for SGD; rates that move
/// on the lab's bowl for the adaptive ones.
pub fn default_lr(optimizer: &Optimizer, lab_lr: f64) -> f64 {
    match optimizer {
        Optimizer::Sgd(_) => lab_lr,
        Optimizer::Adam(_) => ADAM_LR,
        Optimizer::RmsProp(_) => RMSPROP_LR,
        Optimizer::Adagrad(_) => ADAGRAD_LR,
    }
}

/// The race the page starts with: plain SGD, SGD with momentum 0.9, Adam, RMSprop.
pub fn default_race() -> Vec<Entry> {
    let momentum = Optimizer::Sgd(crate::model::Sgd {
        momentum: 0.9,
        ..Default::default()
    });
    let named = |name| Optimizer::with_defaults(name).unwrap_or_default();
    [named("sgd"), momentum, named("adam"), named("rmsprop")]
        .into_iter()
        .map(|optimizer| Entry {
            optimizer,
            lr: None,
        })
        .collect()
}

/// A learning rate as typed: greater than 0 and at most [`PAGE_MAX_LR`] (field `lr`).
pub fn parse_lr(text: &str) -> Result<f64, InputError> {
    let text = text.trim();
    match crate::model::number::parse_f64(text) {
        Some(lr) if lr.is_finite() && lr > 0.0 && lr <= PAGE_MAX_LR => Ok(lr),
        _ => Err(InputError::new(
            "lr",
            format!(
                "lr must be greater than 0 and at most {}; got “{}”.",
                number::shortest(PAGE_MAX_LR),
                text.chars().take(24).collect::<String>()
            ),
        )),
    }
}

/// An entry from its optimizer's name, its typed learning rate (`None`: the default) and its
/// typed fields (`key`, text); a field left out keeps PyTorch's default. The error's field is
/// the key the page shows (`lr`, `momentum`, …, or `optimizer` for an unknown name).
pub fn parse_entry(
    name: &str,
    lr: Option<&str>,
    typed: &[(&str, &str)],
) -> Result<Entry, InputError> {
    let mut optimizer = Optimizer::with_defaults(name).ok_or_else(|| {
        let shown: String = name.chars().take(24).collect();
        InputError::new(
            "optimizer",
            format!("“{shown}” is not an optimizer; choose sgd, adam, rmsprop or adagrad."),
        )
    })?;
    let lr = lr.map(parse_lr).transpose()?;
    for (key, text) in typed {
        set_field(&mut optimizer, key, text)?;
    }
    optimizer.validate().map_err(|e| {
        let key = e
            .field
            .strip_prefix("optimizer.")
            .unwrap_or(&e.field)
            .to_string();
        InputError::new(&key, format!("{key} {}.", e.message))
    })?;
    Ok(Entry { optimizer, lr })
}

/// The first record whose cost lies within [`WITHIN`] (1 %) of the optimum's cost, if any.
pub fn iterations_to_within(costs: &[f64], cost_star: f64) -> Option<usize> {
    let bound = cost_star + WITHIN * cost_star.abs();
    costs.iter().position(|&c| c.is_finite() && c <= bound)
}

/// What theory says of an entry's run, where it says something: plain full-batch SGD against
/// 2/λmax, heavy-ball SGD (momentum, no dampening, no Nesterov) against 2(1 + μ)/λmax.
pub fn verdict_text(analysis: Option<&Analysis>, entry: &Entry, lab_lr: f64, full: bool) -> String {
    let Some(a) = analysis else {
        return "no closed form for this cost".into();
    };
    let Optimizer::Sgd(s) = entry.optimizer else {
        return "no closed form".into();
    };
    if !full {
        return "no closed form with mini-batches".into();
    }
    let lr = entry.lr_or(lab_lr);
    let (verdict, rule, critical) = if s.momentum == 0.0 {
        (a.verdict(lr), "2/λmax", Ok(a.critical_lr))
    } else if s.dampening == 0.0 && !s.nesterov {
        let rule = "2(1 + μ)/λmax";
        (
            a.verdict_momentum(lr, s.momentum),
            rule,
            a.critical_lr_momentum(s.momentum),
        )
    } else {
        return "no closed form".into();
    };
    match (verdict, critical) {
        (Ok(v), Ok(c)) => {
            let side = if v == Verdict::Diverges { "≥" } else { "<" };
            format!("{v}: lr {side} {rule} = {}", short(c))
        }
        _ => "no closed form".into(),
    }
}

/// One row of the race's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The entry's legend label.
    pub label: String,
    /// The last recorded cost (infinite or huge when the run diverged).
    pub final_cost: f64,
    /// Iterations to come within 1 % of the optimum's cost; `None`: never (or no optimum).
    pub within: Option<usize>,
    /// The verdict, or why theory gives none.
    pub verdict: String,
}

/// The table's row for an entry and its run.
pub fn row(
    entry: &Entry,
    run: &Trajectory,
    analysis: Option<&Analysis>,
    lab_lr: f64,
    full: bool,
) -> Row {
    Row {
        label: entry.label(lab_lr),
        final_cost: run.cost.last().copied().unwrap_or(f64::NAN),
        within: analysis.and_then(|a| iterations_to_within(&run.cost, a.cost_star)),
        verdict: verdict_text(analysis, entry, lab_lr, full),
    }
}

/// A batch size as typed: empty is the full batch, else a whole number from 1 to `n`
/// (field `batchSize`).
pub fn parse_batch_size(text: &str, n: usize) -> Result<Option<usize>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(b) if (1..=n).contains(&b) => Ok(Some(b)),
        _ => Err(InputError::new(
            "batchSize",
            format!(
                "The batch size must be a whole number from 1 to {n} (the points), or empty for \
                 all of them; got “{}”.",
                text.chars().take(24).collect::<String>()
            ),
        )),
    }
}

/// The batch size a run on `n` points uses: a size above `n` (asked for before new data came)
/// means the full batch, with a note saying so.
pub fn effective_batch(requested: Option<usize>, n: usize) -> (Option<usize>, Option<String>) {
    match requested {
        Some(b) if b > n => (
            None,
            Some(format!(
                "The batch size {b} is larger than the {n} points: every update uses all of them."
            )),
        ),
        other => (other, None),
    }
}
