//! The exported notebook as a list of cells, shared by the `.ipynb` and the `.py` writers.

use super::pyfigures;
use super::pytrain;
use super::state::ExportState;
use super::text::link_target;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Prose in Markdown.
    Markdown,
    /// Python code.
    Code,
}

/// One cell: a fixed id (unique within the notebook, nbformat's `[a-zA-Z0-9-_]`), its
/// kind and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The cell's id.
    pub id: &'static str,
    /// Markdown or code.
    pub kind: CellKind,
    /// The text, lines joined by `\n`, no trailing newline.
    pub source: String,
}

fn md(id: &'static str, source: String) -> Cell {
    Cell {
        id,
        kind: CellKind::Markdown,
        source,
    }
}

fn code(id: &'static str, source: String) -> Cell {
    Cell {
        id,
        kind: CellKind::Code,
        source,
    }
}

/// Every cell of the exported notebook, in order. The state must have been validated.
pub fn notebook_cells(state: &ExportState) -> Vec<Cell> {
    let mut cells = vec![
        md("intro", intro(state)),
        code("imports", pytrain::imports()),
        md("data-note", data_note(state)),
        code("data", pytrain::data(state)),
        md("model-note", model_note()),
        code("model", pytrain::model(state)),
        md("train-note", train_note(state)),
        code("setup", pytrain::setup(state)),
        code("train", pytrain::train(state)),
        md("table-note", "## The table\n\nEvery record: the iteration, w, b and the cost over all the points, before that iteration's update.".into()),
        code("table", pytrain::table(state)),
        md("figures-note", figures_note()),
    ];
    cells.extend(
        pyfigures::cells()
            .into_iter()
            .map(|(id, source)| code(id, source)),
    );
    cells
}

fn intro(state: &ExportState) -> String {
    format!(
        "# Gradient descent in PyTorch\n\n\
         This notebook reproduces a state of the gradient descent lab: \
         [open the same state in the lab]({}).\n\n\
         It trains the model `yhat = {}` with the cost `{}` by `torch.optim.{}`, \
         {} from w = {}, b = {}, and prints the same table as the lab. \
         Run the cells from the top; saved as a `.py` file, it runs as a plain script too.",
        link_target(&state.lab_url),
        state.model,
        state.cost,
        state.optimizer.torch_class(),
        crate::app::plural::count(state.iterations, "iteration", "iterations"),
        super::text::float(state.w0),
        super::text::float(state.b0),
    )
}

fn data_note(state: &ExportState) -> String {
    format!(
        "## The data\n\nThe lab's {}, written out in full: the lab's random generator \
         is not PyTorch's, so the values are given rather than drawn again. Every number reads \
         back to exactly the lab's float64. Tensors are float64, like the lab.",
        crate::app::plural::count(state.x.len(), "point", "points")
    )
}

fn model_note() -> String {
    "## The model and the cost\n\n`forward` predicts `yhat` from `x`, `w` and `b`; \
     `criterion` is the cost of a batch of `n` points. Both take `w` and `b` as arguments, \
     so the cost surface below uses the very same functions."
        .into()
}

fn train_note(state: &ExportState) -> String {
    let batches = match state.batch_size {
        None => "Each update uses every point (full batch).".to_string(),
        Some(size) if state.orders.is_empty() => format!(
            "Each update uses a batch of {size} points, in `DataLoader` order \
             (`shuffle=False`): the first {size}, the next {size}, and so on, then again \
             from the start."
        ),
        Some(size) => format!(
            "Each update uses a batch of {size} points. The lab shuffled the points before \
             each pass; `ORDERS` holds each pass's order, and `DataLoader` (`shuffle=False`) \
             takes batches in that order."
        ),
    };
    format!(
        "## Training\n\n`train_model` follows the seed lab's loop: before each update it \
         records (w, b, cost) for the current parameters, the cost taken over all the points, \
         and keeps the costs in the list `LOSS`. {batches} After training, `w` and `b` hold \
         the trained parameters; `FINAL` is (w, b, cost) after the last update, which the \
         records never include."
    )
}

fn figures_note() -> String {
    "## The figures\n\nThe cost surface is the true cost, computed by `criterion` itself, so \
     every recorded (w, b, cost) lies on it. Each pair of panels shows one iteration, \
     counted from 0 like the table."
        .into()
}
