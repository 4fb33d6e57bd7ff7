//! What an export reproduces: the data, the model and cost, the optimizer and the run, in
//! plain values that the page maps its own state onto.

use crate::model::limits::{self, InputError, MAX_ITERATIONS};
use crate::model::number;
use crate::model::Trajectory;

/// The `torch.optim` class a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptimizerKind {
    /// `torch.optim.SGD`.
    Sgd,
    /// `torch.optim.Adam`.
    Adam,
    /// `torch.optim.RMSprop`.
    RmsProp,
    /// `torch.optim.Adagrad`.
    Adagrad,
}

impl OptimizerKind {
    /// The class name in `torch.optim`.
    pub fn torch_class(self) -> &'static str {
        match self {
            Self::Sgd => "SGD",
            Self::Adam => "Adam",
            Self::RmsProp => "RMSprop",
            Self::Adagrad => "Adagrad",
        }
    }

    /// A short lower-case name for file names (`sgd`, `adam`, `rmsprop`, `adagrad`).
    pub fn short_name(self) -> &'static str {
        match self {
            Self::Sgd => "sgd",
            Self::Adam => "adam",
            Self::RmsProp => "rmsprop",
            Self::Adagrad => "adagrad",
        }
    }
}

/// One recorded step of the page's table: the parameters and the cost before an update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    /// The slope.
    pub w: f64,
    /// The bias.
    pub b: f64,
    /// The cost over all the points at (w, b).
    pub cost: f64,
}

impl Record {
    /// Every record of a run, in order (the page's training table).
    pub fn all_of(run: &Trajectory) -> Vec<Record> {
        let rows = run.w.iter().zip(&run.b).zip(&run.cost);
        rows.map(|((&w, &b), &cost)| Record { w, b, cost })
            .collect()
    }
}

/// Everything an exported notebook, script or CSV needs, independent of the page's types.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportState {
    /// The inputs, one per point.
    pub x: Vec<f64>,
    /// The targets, one per point.
    pub y: Vec<f64>,
    /// The starting slope.
    pub w0: f64,
    /// The starting bias.
    pub b0: f64,
    /// The learning rate.
    pub lr: f64,
    /// The number of updates; one record is taken before each.
    pub iterations: usize,
    /// The model as a PyTorch expression in `x`, `w` and `b` (it gives `yhat`).
    pub model: String,
    /// The cost as a PyTorch expression in `yhat`, `y`, `n`, `w` and `b`.
    pub cost: String,
    /// The optimizer's class.
    pub optimizer: OptimizerKind,
    /// Keyword arguments besides `lr`, as (keyword, Python literal): `("momentum", "0.9")`.
    pub optimizer_options: Vec<(String, String)>,
    /// Points per update; `None` for the full batch.
    pub batch_size: Option<usize>,
    /// The order of the points in each pass over the data, when a shuffle seed set them;
    /// empty for the data's own order.
    pub orders: Vec<Vec<usize>>,
    /// The lab's address that opens this same state.
    pub lab_url: String,
    /// The page's table, for a comparison printed at the end; may be empty.
    pub records: Vec<Record>,
}

/// The default model, the seed lab's `forward`.
pub const DEFAULT_MODEL: &str = "w * x + b";
/// The default cost, the seed lab's `criterion`.
pub const DEFAULT_COST: &str = "torch.mean((yhat - y) ** 2)";

/// Longest formula accepted: far beyond any the page's editor makes.
const MAX_FORMULA_LEN: usize = 2000;

impl ExportState {
    /// The lab's default run on the given data: SGD, lr 0.1, 15 iterations from (−15, −10).
    pub fn lab_default(x: Vec<f64>, y: Vec<f64>, lab_url: &str) -> Self {
        Self {
            x,
            y,
            w0: -15.0,
            b0: -10.0,
            lr: 0.1,
            iterations: 15,
            model: DEFAULT_MODEL.into(),
            cost: DEFAULT_COST.into(),
            optimizer: OptimizerKind::Sgd,
            optimizer_options: Vec::new(),
            batch_size: None,
            orders: Vec::new(),
            lab_url: lab_url.into(),
            records: Vec::new(),
        }
    }

    /// The points per update: the batch size, or every point.
    pub fn effective_batch(&self) -> usize {
        self.batch_size.unwrap_or(self.x.len())
    }

    /// Updates in one pass over the data (the last batch may be shorter).
    pub fn batches_per_pass(&self) -> usize {
        self.x.len().div_ceil(self.effective_batch().max(1))
    }

    /// Passes over the data the run starts.
    pub fn passes(&self) -> usize {
        self.iterations.div_ceil(self.batches_per_pass().max(1))
    }

    /// Checks every field, so that the generated code is valid Python that runs.
    pub fn validate(&self) -> Result<(), InputError> {
        limits::points("x", self.x.len())?;
        if self.y.len() != self.x.len() {
            return Err(InputError::new(
                "y",
                format!(
                    "must have one value per x ({}), got {}",
                    self.x.len(),
                    self.y.len()
                ),
            ));
        }
        all_finite("x", &self.x)?;
        all_finite("y", &self.y)?;
        limits::finite("w0", self.w0)?;
        limits::finite("b0", self.b0)?;
        limits::positive("lr", self.lr)?;
        limits::count("iterations", self.iterations, 1, MAX_ITERATIONS)?;
        formula("model", &self.model)?;
        formula("cost", &self.cost)?;
        self.optimizer_options
            .iter()
            .try_for_each(|(k, v)| option(k, v))?;
        if let Some(size) = self.batch_size {
            limits::count("batchSize", size, 1, self.x.len())?;
        }
        self.validate_orders()?;
        text_line("labUrl", &self.lab_url)?;
        Ok(())
    }

    fn validate_orders(&self) -> Result<(), InputError> {
        if self.orders.is_empty() {
            return Ok(());
        }
        if self.orders.len() < self.passes() {
            return Err(InputError::new(
                "orders",
                format!(
                    "needs one order per pass ({}), got {}",
                    self.passes(),
                    self.orders.len()
                ),
            ));
        }
        let n = self.x.len();
        for (pass, order) in self.orders.iter().enumerate() {
            let mut seen = vec![false; n];
            let ok = order.len() == n
                && order
                    .iter()
                    .all(|&i| i < n && !std::mem::replace(&mut seen[i], true));
            if !ok {
                return Err(InputError::new(
                    "orders",
                    format!(
                        "pass {pass} must list every point index from 0 to {} once",
                        n - 1
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn all_finite(field: &str, values: &[f64]) -> Result<(), InputError> {
    match values.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(i) => Err(InputError::new(
            field,
            format!(
                "value {i} must be a finite number, got {}",
                number::shortest(values[i])
            ),
        )),
    }
}

/// A formula goes into the code as one line: no line breaks, not empty, not huge.
fn formula(field: &str, text: &str) -> Result<(), InputError> {
    if text.trim().is_empty() || text.len() > MAX_FORMULA_LEN {
        return Err(InputError::new(
            field,
            format!("must be a formula of 1 to {MAX_FORMULA_LEN} characters"),
        ));
    }
    text_line(field, text)
}

fn text_line(field: &str, text: &str) -> Result<(), InputError> {
    if text.chars().any(char::is_control) {
        return Err(InputError::new(
            field,
            "must be one line with no control characters",
        ));
    }
    Ok(())
}

/// An optimizer keyword is a Python name; its value a literal of numbers, booleans and
/// tuples, so nothing else can reach the code.
fn option(key: &str, value: &str) -> Result<(), InputError> {
    let name_ok = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !name_ok || key == "lr" {
        return Err(InputError::new(
            "optimizerOptions",
            format!(
                "\"{key}\" is not an optimizer keyword (lower-case letters, digits, _; not lr)"
            ),
        ));
    }
    let literal_ok = !value.trim().is_empty()
        && value.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '+' | '-' | '(' | ')' | '_')
        });
    if !literal_ok {
        return Err(InputError::new(
            "optimizerOptions",
            format!("the value of {key} must be a number, True, False or a tuple of numbers"),
        ));
    }
    Ok(())
}
