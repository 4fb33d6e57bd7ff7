//! Running a race on a scene, and what the lab's own run says about its optimizer.

use super::notes::{self, short};
use super::race::{display_name, effective_batch, row, Entry, Row};
use super::scene::Scene;
use crate::model::{Analysis, Batching, InputError, Optimizer, TrainConfig, Trajectory};

/// A finished race: its entries, the batch size it used, a run and a table row per entry.
#[derive(Debug, Clone)]
pub struct RaceResult {
    /// The racers, in the order the learner listed them.
    pub entries: Vec<Entry>,
    /// The batch size every racer used (`None`: all the points).
    pub batch_size: Option<usize>,
    /// One run per entry.
    pub runs: Vec<Trajectory>,
    /// One table row per entry.
    pub rows: Vec<Row>,
    /// A note when the batch size asked for was above the points (then the full batch ran).
    pub note: Option<String>,
}

/// Trains every entry from `start` (its w0, b0 and iterations; each entry's own rate) on the
/// scene's points and cost, with `batch_size` points per update.
pub fn run_race(
    scene: &Scene,
    entries: &[Entry],
    batch_size: Option<usize>,
    start: &TrainConfig,
) -> Result<RaceResult, InputError> {
    let n = scene.data.samples.len();
    let (batch_size, note) = effective_batch(batch_size, n);
    let batching = Batching {
        batch_size,
        shuffle_seed: None,
    };
    let analysis = scene.analysis.as_ref();
    let mut runs = Vec::with_capacity(entries.len());
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let problem = scene.problem.with_optimizer(entry.optimizer, batching);
        let config = TrainConfig {
            lr: entry.lr_or(start.lr),
            ..*start
        };
        let run = problem.train(&config)?;
        rows.push(row(entry, &run, analysis, start.lr, batch_size.is_none()));
        runs.push(run);
    }
    Ok(RaceResult {
        entries: entries.to_vec(),
        batch_size,
        runs,
        rows,
        note,
    })
}

/// The lab run's verdict, as a CSS class and a sentence: the closed form for plain full-batch
/// SGD and for heavy-ball momentum, else a sentence naming the optimizer and saying that
/// theory gives no verdict for it.
pub fn lab_run_note(
    analysis: &Analysis,
    optimizer: &Optimizer,
    full_batch: bool,
    lr: f64,
) -> (&'static str, String) {
    let name = display_name(optimizer);
    let no_verdict = |why: &str| {
        (
            "converges",
            format!(
                "This run used {name} with lr = {}{why}: no closed-form rule says whether it \
                 converges here, so watch the cost.",
                short(lr)
            ),
        )
    };
    if !full_batch {
        return no_verdict(" on mini-batches");
    }
    let Optimizer::Sgd(s) = optimizer else {
        return no_verdict("");
    };
    if s.momentum == 0.0 {
        return notes::verdict_note(analysis, lr);
    }
    if s.dampening != 0.0 || s.nesterov {
        return no_verdict(" (with dampening or Nesterov)");
    }
    let Ok(critical) = analysis.critical_lr_momentum(s.momentum) else {
        return no_verdict("");
    };
    let (m, rate, c) = (short(s.momentum), short(lr), short(critical));
    if lr < critical {
        let text = format!(
            "This run used SGD with momentum μ = {m}: it converges exactly when lr is below \
             2(1 + μ)/λmax = {c}, and lr = {rate} is."
        );
        ("converges", text)
    } else {
        let text = format!(
            "This run used SGD with momentum μ = {m}: lr = {rate} is at or above \
             2(1 + μ)/λmax = {c}, so it diverges."
        );
        ("diverges", text)
    }
}
