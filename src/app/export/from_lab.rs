//! The page's state mapped onto an [`ExportState`]: one pure function, so the notebook a
//! learner downloads is built from exactly the numbers the page shows.

use super::state::{ExportState, OptimizerKind, Record};
use super::text::float;
use crate::model::batches::pass_orders;
use crate::model::{Cost, Optimizer, Problem, TrainConfig, Trajectory};

/// What the page holds, as plain values.
#[derive(Debug, Clone, Copy)]
pub struct LabValues<'a> {
    /// The data cell's problem: its points, cost, optimizer and batches.
    pub problem: &'a Problem,
    /// The lab's start, learning rate and iterations.
    pub train: TrainConfig,
    /// The lab's run, when the training cell ran: its records become the printed table's
    /// reference.
    pub run: Option<&'a Trajectory>,
    /// The Share link that opens the same state.
    pub lab_url: &'a str,
}

/// The export of the lab's state: the data written out, start, rate, iterations, the run's
/// records, and the optimizer, batches and formulas read from the problem.
pub fn from_lab(values: &LabValues<'_>) -> ExportState {
    let p = values.problem;
    let t = &values.train;
    let mut state = ExportState::lab_default(
        p.samples.x().to_vec(),
        p.samples.y().to_vec(),
        values.lab_url,
    );
    state.w0 = t.w0;
    state.b0 = t.b0;
    state.lr = t.lr;
    state.iterations = t.iterations;
    state.records = values.run.map(Record::all_of).unwrap_or_default();
    fill_problem(&mut state, p);
    state
}

/// Where the optimizer, the batches and the formulas go into the export: everything the
/// problem says beyond the points.
fn fill_problem(state: &mut ExportState, problem: &Problem) {
    (state.optimizer, state.optimizer_options) = optimizer_args(&problem.optimizer);
    let n = problem.samples.len();
    state.batch_size = problem.batching.batch_size.filter(|&size| size < n);
    state.orders = match problem.batching.shuffle_seed {
        Some(seed) => pass_orders(n, seed, state.passes()),
        None => Vec::new(),
    };
    if let Cost::Formula(formula) = &problem.cost {
        (state.model, state.cost) = formula.formulas().to_python();
    }
}

/// The `torch.optim` class and its keyword arguments besides `lr`, every one written out.
pub fn optimizer_args(optimizer: &Optimizer) -> (OptimizerKind, Vec<(String, String)>) {
    let arg = |k: &str, v: String| (k.to_string(), v);
    let flag = |on: bool| if on { "True" } else { "False" }.to_string();
    match *optimizer {
        // Plain gradient descent reads best as the seed wrote it: `SGD(params, lr=…)`.
        Optimizer::Sgd(s) if s == Default::default() => (OptimizerKind::Sgd, Vec::new()),
        Optimizer::Sgd(s) => (
            OptimizerKind::Sgd,
            vec![
                arg("momentum", float(s.momentum)),
                arg("dampening", float(s.dampening)),
                arg("nesterov", flag(s.nesterov)),
            ],
        ),
        Optimizer::Adam(a) => (
            OptimizerKind::Adam,
            vec![
                arg("betas", format!("({}, {})", float(a.beta1), float(a.beta2))),
                arg("eps", float(a.eps)),
            ],
        ),
        Optimizer::RmsProp(r) => (
            OptimizerKind::RmsProp,
            vec![
                arg("alpha", float(r.alpha)),
                arg("eps", float(r.eps)),
                arg("momentum", float(r.momentum)),
                arg("centered", flag(r.centered)),
            ],
        ),
        Optimizer::Adagrad(a) => (
            OptimizerKind::Adagrad,
            vec![
                arg("lr_decay", float(a.lr_decay)),
                arg("eps", float(a.eps)),
                arg(
                    "initial_accumulator_value",
                    float(a.initial_accumulator_value),
                ),
            ],
        ),
    }
}
