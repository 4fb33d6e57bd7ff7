//! The notebook's cells: their URL names, titles, and the cells whose results each needs.

/// A cell of the notebook. Adding a cell is one variant here, its place in [`Cell::ALL`], its
/// arm in `Cell::info` (the compiler asks for it), and its section in `www/index.html`
/// (`tests/notebook.rs` checks the page against this list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The lab's goal, in prose: nothing to run.
    Objective,
    /// Makes the data, its cost and grid.
    Data,
    /// The model, its cost and one step by hand.
    Model,
    /// The cost as a surface and a contour plot.
    Surface,
    /// The lab's training run.
    Train,
    /// The run drawn on the surface, the contour plot and the cost curve.
    Results,
    /// The interactive explorer.
    Explore,
    /// The exercise: train again with a rate of the learner's choice.
    Practice,
    /// Several optimizers raced from the lab's start (not run on opening).
    Race,
}

/// What the page knows about a cell: its URL name, its title, the cells whose results it uses.
struct Info {
    name: &'static str,
    title: &'static str,
    needs: &'static [Cell],
}

impl Cell {
    /// Every cell, in page order.
    pub const ALL: [Cell; 9] = [
        Cell::Objective,
        Cell::Data,
        Cell::Model,
        Cell::Surface,
        Cell::Train,
        Cell::Results,
        Cell::Explore,
        Cell::Practice,
        Cell::Race,
    ];

    const fn info(self) -> Info {
        let (name, title, needs): (_, _, &'static [Cell]) = match self {
            Cell::Objective => ("objective", "1. Objective", &[]),
            Cell::Data => ("data", "2. Make some data", &[]),
            Cell::Model => ("model", "3. The model and its cost", &[Cell::Data]),
            Cell::Surface => ("surface", "4. The cost surface", &[Cell::Model]),
            Cell::Train => ("train", "5. Train", &[Cell::Surface]),
            Cell::Results => ("results", "6. Results", &[Cell::Train]),
            Cell::Explore => ("explore", "7. Explore", &[Cell::Surface]),
            Cell::Practice => ("practice", "8. Practice", &[Cell::Train]),
            Cell::Race => ("race", "9. Beyond plain descent", &[Cell::Surface]),
        };
        Info { name, title, needs }
    }

    /// The cell's name in the URL's `cells` parameter and in the page's ids (`cell-<name>`).
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The id of the cell's section in the page, `cell-<name>`.
    pub fn element_id(self) -> String {
        format!("cell-{}", self.name())
    }

    /// The cell's heading, for messages that name it.
    pub const fn title(self) -> &'static str {
        self.info().title
    }

    /// The cells whose results this one uses.
    pub const fn needs(self) -> &'static [Cell] {
        self.info().needs
    }

    /// Whether the cell has a Run button (every cell but the prose).
    pub const fn runs(self) -> bool {
        !matches!(self, Cell::Objective)
    }

    /// The cell of a name, if there is one.
    pub fn from_name(name: &str) -> Option<Cell> {
        Cell::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The cells with a Run button, in page order.
    pub fn run_cells() -> impl Iterator<Item = Cell> {
        Cell::ALL.into_iter().filter(|c| c.runs())
    }

    /// The cell that draws a figure, by the figure's name (`train-3-data` → [`Cell::Train`]).
    pub fn of_figure(figure: &str) -> Cell {
        match figure.split('-').next().unwrap_or_default() {
            "contour" => Cell::Surface,
            head => Cell::from_name(head).unwrap_or(Cell::Data),
        }
    }
}
