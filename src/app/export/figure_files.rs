//! Which numbers each figure of the page offers as CSV, and the file each download gets.

use super::names::file_name;

/// A table of numbers behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// The lab's points, `x,y`.
    Data,
    /// The lab's run, `iteration,w,b,cost`: every record of the training table.
    Run,
    /// The practice's run, same columns.
    PracticeRun,
    /// The explorer's current run, same columns.
    ExploreRun,
    /// The lab's cost grid, `w,b,cost`.
    Grid,
    /// The explorer's cost grid (its data can differ from the lab's).
    ExploreGrid,
    /// Every racer's run, `racer,iteration,w,b,cost`.
    RaceRuns,
}

impl Numbers {
    /// The menu item's text; it names its format.
    pub fn label(self) -> &'static str {
        match self {
            Self::Data => "Data CSV",
            Self::Run | Self::PracticeRun | Self::ExploreRun => "Trajectory CSV",
            Self::Grid | Self::ExploreGrid => "Cost grid CSV",
            Self::RaceRuns => "Race trajectories CSV",
        }
    }

    /// The part of the file name that says what the file holds.
    pub fn what(self) -> &'static str {
        match self {
            Self::Data => "data",
            Self::Run => "trajectory",
            Self::PracticeRun => "practice-trajectory",
            Self::ExploreRun => "explore-trajectory",
            Self::Grid => "cost-grid",
            Self::ExploreGrid => "explore-cost-grid",
            Self::RaceRuns => "race-trajectories",
        }
    }

    /// A short key for the page's markup (`data-numbers`).
    pub fn key(self) -> &'static str {
        self.what()
    }

    /// The numbers for a key made by [`Numbers::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        ALL.into_iter().find(|n| n.key() == key)
    }
}

const ALL: [Numbers; 7] = [
    Numbers::Data,
    Numbers::Run,
    Numbers::PracticeRun,
    Numbers::ExploreRun,
    Numbers::Grid,
    Numbers::ExploreGrid,
    Numbers::RaceRuns,
];

/// The tables behind figure `name` (a name of `config::figure_names`, or a figure added
/// later, which offers none until it is listed here).
pub fn numbers_of(name: &str) -> &'static [Numbers] {
    use Numbers::*;
    match name {
        "data" => &[Data],
        "surface" | "contour" => &[Grid],
        "results-surface" | "results-contour" => &[Run, Grid],
        "results-cost" => &[Run],
        "explore-surface" | "explore-contour" => &[ExploreRun, ExploreGrid],
        "explore-data" | "explore-cost" => &[ExploreRun],
        "race-surface" | "race-contour" => &[RaceRuns, Grid],
        "race-cost" => &[RaceRuns],
        _ if name.starts_with("train-") => &[Run],
        _ if name.starts_with("practice-") => &[PracticeRun],
        _ => &[],
    }
}

/// The file for figure `name` (or a table named by `what`) drawn with rate `lr` over
/// `iterations`: `gd-lab-contour-lr0.1-it15.svg`.
pub fn figure_file(what: &str, lr: f64, iterations: usize, ext: &str) -> String {
    file_name(what, None, lr, iterations, ext)
}
