//! The notebook as a pure model: its cells, what each needs, what has run, and the execution
//! counter. A message in ([`Msg`]), what the page must do out ([`Changes`]).
//!
//! The browser computes and draws the cells [`Changes::execute`] names, reports each success
//! back as [`Msg::Ran`], and shows the status lines; every rule about order, dependencies and
//! counting lives here and is tested natively (`tests/notebook.rs`).

use super::cell::Cell;
use super::config::LabConfig;
use super::limits::PRACTICE_EXAMPLE_LR;
use crate::model::number;

/// What the learner did to the notebook, or what the page reports back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// A cell's Run button, or Shift+Enter in it.
    Run(Cell),
    /// Run all, knowing whether the practice's field holds text.
    RunAll {
        /// The learner typed something in the practice's field.
        practice_typed: bool,
    },
    /// Restart: forget every result.
    Restart,
    /// The page computed and drew this cell without an error: count it.
    Ran(Cell),
}

/// What the page must do after an update.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Cells to compute and draw, in this order; each success comes back as [`Msg::Ran`].
    pub execute: Vec<Cell>,
    /// Status lines to show once the cells ran: (cell, message).
    pub status: Vec<(Cell, String)>,
    /// A cell that ran, and the execution count to show beside it.
    pub counted: Option<(Cell, u32)>,
    /// Every output, counter and status line must be cleared.
    pub cleared: bool,
}

/// The notebook: which cells show, which ran since the last restart, and the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notebook {
    shown: Vec<Cell>,
    done: Vec<Cell>,
    counter: u32,
}

impl Notebook {
    /// A fresh notebook showing `shown`: nothing run yet.
    pub fn new(shown: impl IntoIterator<Item = Cell>) -> Self {
        Self {
            shown: shown.into_iter().collect(),
            done: Vec::new(),
            counter: 0,
        }
    }

    /// The notebook a URL asks for: its `cells`, and the cell of a lone `figure`.
    pub fn for_config(config: &LabConfig) -> Self {
        let listed = config.cells.iter().filter_map(|c| Cell::from_name(c));
        let figure = config.figure.as_deref().map(Cell::of_figure);
        Self::new(listed.chain(figure))
    }

    /// Whether the reader sees the cell (hidden cells still run when another needs them).
    pub fn is_shown(&self, cell: Cell) -> bool {
        self.shown.contains(&cell)
    }

    /// The cells run since the last restart, in the order they first ran.
    pub fn done(&self) -> &[Cell] {
        &self.done
    }

    /// The last execution count given out (0 after a restart).
    pub fn counter(&self) -> u32 {
        self.counter
    }

    /// The cells `cell` needs that have not run since the last restart, earliest first.
    pub fn missing(&self, cell: Cell) -> Vec<Cell> {
        let mut order = Vec::new();
        self.collect_missing(cell, &mut order);
        order
    }

    fn collect_missing(&self, cell: Cell, order: &mut Vec<Cell>) {
        for &need in cell.needs() {
            if !self.done.contains(&need) && !order.contains(&need) {
                self.collect_missing(need, order);
                order.push(need);
            }
        }
    }

    /// Applies a message; says which cells to run and what to show.
    pub fn update(&mut self, msg: Msg) -> Changes {
        match msg {
            Msg::Run(cell) if cell.runs() => self.run(cell),
            Msg::Run(_) => Changes::default(),
            Msg::RunAll { practice_typed } => Self::run_all(practice_typed),
            Msg::Restart => {
                self.done.clear();
                self.counter = 0;
                Changes {
                    cleared: true,
                    ..Changes::default()
                }
            }
            Msg::Ran(cell) if cell.runs() => {
                self.counter += 1;
                if !self.done.contains(&cell) {
                    self.done.push(cell);
                }
                Changes {
                    counted: Some((cell, self.counter)),
                    ..Changes::default()
                }
            }
            Msg::Ran(_) => Changes::default(),
        }
    }

    /// A cell and, first, the earlier cells it needs; a note names those the reader can see.
    fn run(&self, cell: Cell) -> Changes {
        let missing = self.missing(cell);
        // Cells hidden by the URL's `cells` run silently: the reader cannot see them anyway.
        let named: Vec<String> = missing
            .iter()
            .filter(|c| self.is_shown(**c))
            .map(|c| format!("“{}”", c.title()))
            .collect();
        let mut status = Vec::new();
        if !named.is_empty() {
            let note = format!(
                "Ran {} first: this cell uses its result.",
                named.join(" and ")
            );
            status.push((cell, note));
        }
        let mut execute = missing;
        execute.push(cell);
        Changes {
            execute,
            status,
            ..Changes::default()
        }
    }

    /// Every run cell in order; the practice only when a learning rate was typed.
    fn run_all(practice_typed: bool) -> Changes {
        let mut changes = Changes::default();
        for cell in Cell::run_cells() {
            if cell == Cell::Practice && !practice_typed {
                let note = format!(
                    "Type a learning rate and press Run to train again ({} is the exercise).",
                    number::shortest(PRACTICE_EXAMPLE_LR)
                );
                changes.status.push((cell, note));
            } else {
                changes.execute.push(cell);
            }
        }
        changes
    }
}

/// The cells to run on opening: every shown run cell before the practice, the practice too when
/// the URL typed its learning rate, or just the cell of a lone figure. The race waits for its
/// Run button (or Run all), so opening costs what it did before it came.
pub fn opening_cells(config: &LabConfig) -> Vec<Cell> {
    if let Some(figure) = &config.figure {
        return vec![Cell::of_figure(figure)];
    }
    config
        .cells
        .iter()
        .filter_map(|c| Cell::from_name(c))
        .filter(|c| c.runs())
        .filter(|c| *c != Cell::Practice || config.practice_lr.is_some())
        .filter(|c| *c != Cell::Race)
        .collect()
}
