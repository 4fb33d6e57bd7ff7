//! The page's state: what each run cell computed, and the notebook's model.

use std::cell::RefCell;

use crate::app::config::LabConfig;
use crate::app::explore::{Explorer, Scene};
use crate::app::notebook::Notebook;
use crate::app::race::effective_batch;
use crate::app::race_run::RaceResult;
use crate::app::race_url::lab_optimizer;
use crate::figures::contour::ContourImage;
use crate::model::{Batching, GridSpec, InputError, Problem, TrainConfig, Trajectory};

/// Everything the run cells computed so far.
pub struct Lab {
    /// What the URL set.
    pub config: LabConfig,
    /// Data, cost, analysis and grid: the "data" cell's result.
    pub scene: Option<Scene>,
    /// The filled contour image of the grid, computed once per data set.
    pub contour: Option<ContourImage>,
    /// The lab's training run.
    pub run: Option<Trajectory>,
    /// The practice's learning rate and run.
    pub practice: Option<(f64, Trajectory)>,
    /// The explorer, once its cell ran.
    pub explorer: Option<Explorer>,
    /// The explorer's contour image: its data can differ from the lab's (new noise).
    pub explore_contour: Option<ContourImage>,
    /// The cells shown and run since the last restart, and the execution counter.
    pub notebook: Notebook,
    /// The last race that ran.
    pub race: Option<RaceResult>,
    /// The race's cost chart on a log scale.
    pub race_log: bool,
}

thread_local! {
    static LAB: RefCell<Option<Lab>> = const { RefCell::new(None) };
}

/// Runs `f` on the lab state, if the page started.
pub fn with_lab<R>(f: impl FnOnce(&mut Lab) -> R) -> Option<R> {
    LAB.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Installs the lab state.
pub fn install(lab: Lab) {
    LAB.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(lab);
        }
    });
}

impl Lab {
    /// A fresh notebook: nothing run yet.
    pub fn new(config: LabConfig) -> Self {
        Self {
            notebook: Notebook::for_config(&config),
            config,
            scene: None,
            contour: None,
            run: None,
            practice: None,
            explorer: None,
            explore_contour: None,
            race: None,
            race_log: false,
        }
    }

    /// Forgets every result (Restart).
    pub fn clear(&mut self) {
        let log = self.race_log;
        *self = Self::new(self.config.clone());
        // The checkbox keeps its state across a restart; so does the chart it sets.
        self.race_log = log;
    }

    /// The grid the page draws.
    pub fn grid_spec(&self) -> GridSpec {
        GridSpec {
            n_w: self.config.grid,
            n_b: self.config.grid,
            ..GridSpec::LAB
        }
    }

    /// The lab run's settings.
    pub fn train_config(&self) -> TrainConfig {
        let c = &self.config;
        TrainConfig {
            w0: c.w0,
            b0: c.b0,
            lr: c.lr,
            iterations: c.iterations,
        }
    }

    /// Makes the data and the grid (the "data" cell).
    pub fn make_scene(&mut self) -> Result<(), InputError> {
        let scene = Scene::new(&self.config.data_spec(), &self.grid_spec())?;
        self.contour = Some(ContourImage::new(&scene.grid));
        self.scene = Some(scene);
        Ok(())
    }

    /// Trains with `lr` from the lab's start, through the same engine call as the API's `train`.
    pub fn train_with(&self, lr: f64) -> Result<Trajectory, InputError> {
        let scene = self
            .scene
            .as_ref()
            .ok_or_else(|| InputError::new("data", "run the data cell first"))?;
        let (problem, _) = self.lab_problem(scene);
        problem.train(&TrainConfig {
            lr,
            ..self.train_config()
        })
    }

    /// The scene's problem with the URL's optimizer and batch size; a batch size above the
    /// points means the full batch, and the note says so.
    pub fn lab_problem(&self, scene: &Scene) -> (Problem, Option<String>) {
        let c = &self.config;
        let (batch_size, note) = effective_batch(c.batch_size, scene.data.samples.len());
        let batching = Batching {
            batch_size,
            shuffle_seed: None,
        };
        let optimizer = lab_optimizer(c.optimizer, c.momentum);
        (scene.problem.with_optimizer(optimizer, batching), note)
    }
}
