//! The numbers behind a figure as CSV files, and the names of every file a figure saves.

use super::download;
use super::state::with_lab;
use crate::app::export::{data_csv, figure_file, grid_csv, runs_csv, trajectory_csv, Numbers};
use crate::app::page::Page;
use crate::model::Trajectory;

/// The file for `what` saved from figure `name`: named with the learning rate and the
/// iterations of the run the figure shows (the explorer's, the practice's, or the lab's).
pub fn file_for(name: &str, what: &str, ext: &str) -> String {
    let (lr, iterations) = with_lab(|lab| run_settings(lab, name)).unwrap_or((0.1, 15));
    figure_file(what, lr, iterations, ext)
}

fn run_settings(lab: &Page, name: &str) -> (f64, usize) {
    let iterations = lab.config.iterations;
    if name.starts_with("explore-") {
        if let Some(e) = &lab.explorer {
            return (e.config.lr, e.config.iterations);
        }
    }
    if name.starts_with("practice-") {
        if let Some((lr, _)) = &lab.practice {
            return (*lr, iterations);
        }
    }
    (lab.config.lr, iterations)
}

/// Saves `numbers` of figure `name` as CSV, or says which cell must run first.
pub fn save_csv(name: &str, numbers: Numbers) {
    let text = with_lab(|lab| csv_of(lab, numbers)).flatten();
    match text {
        Some(text) => download::text(&file_for(name, numbers.what(), "csv"), "text/csv", &text),
        None => download::say("Run the figure's cell first, then save its numbers."),
    }
}

fn csv_of(lab: &Page, numbers: Numbers) -> Option<String> {
    Some(match numbers {
        Numbers::Data => {
            let samples = &lab.scene.as_ref()?.problem.samples;
            data_csv(samples.x(), samples.y())
        }
        Numbers::Run => trajectory_csv(lab.run.as_ref()?),
        Numbers::PracticeRun => trajectory_csv(&lab.practice.as_ref()?.1),
        Numbers::ExploreRun => trajectory_csv(&lab.explorer.as_ref()?.run),
        Numbers::Grid => grid_csv(&lab.scene.as_ref()?.grid),
        Numbers::ExploreGrid => grid_csv(&lab.explorer.as_ref()?.scene.grid),
        Numbers::RaceRuns => {
            let race = lab.race.as_ref()?;
            let named: Vec<(&str, &Trajectory)> = race
                .rows
                .iter()
                .map(|r| r.label.as_str())
                .zip(&race.runs)
                .collect();
            runs_csv(&named)
        }
    })
}
