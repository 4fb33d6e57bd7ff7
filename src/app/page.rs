//! The page's one state, [`Page`]: what each run cell computed, the notebook, the explorer
//! and the race; and its one update, [`Page::update`]: a [`Msg`] in, the [`Changes`] the
//! browser must draw out. The notebook's and the explorer's models are parts of it, so every
//! event of the page goes through one place. Pure; tested natively (`tests/page.rs`).

use std::cell::OnceCell;

use super::cell::Cell;
use super::config::LabConfig;
use super::explore;
use super::explore::{Explorer, Scene};
use super::lab_data::{self, LabData};
use super::notebook::{self, Notebook};
use super::race::effective_batch;
use super::race_run::RaceResult;
use super::race_url::lab_optimizer;
use super::saved::Saved;
use super::xapi::{Statement, Tracker};
use crate::figures::contour::ContourImage;
use crate::model::{
    analyze, Batching, CostQuadratic, Dataset, GridSpec, InputError, Problem, Samples, TrainConfig,
    Trajectory,
};

/// Everything the page knows: what the URL set, what the run cells computed so far, the
/// notebook and the explorer.
pub struct Page {
    /// What the URL set.
    pub config: LabConfig,
    /// Data, cost, analysis and grid: the "data" cell's result.
    pub scene: Option<Scene>,
    /// The filled contour image of the scene's grid, computed when a figure first needs it
    /// (see [`Page::contour`]): the data cell draws none, so opening does not wait for it.
    contour_image: OnceCell<ContourImage>,
    /// The lab's training run.
    pub run: Option<Trajectory>,
    /// The practice's learning rate and run.
    pub practice: Option<(f64, Trajectory)>,
    /// The explorer, once its cell ran.
    pub explorer: Option<Explorer>,
    /// The explorer's contour image, computed on first use: its data can differ from the
    /// lab's (new noise).
    explore_contour: OnceCell<ContourImage>,
    /// The cells shown and run since the last restart, and the execution counter.
    pub notebook: Notebook,
    /// The points the scene fits and where they came from (standardizing, true line).
    pub data: Option<LabData>,
    /// The bowl on x as given, beside the standardized one, when standardizing.
    pub raw_bowl: Option<(Scene, ContourImage)>,
    /// The last race that ran.
    pub race: Option<RaceResult>,
    /// The race's cost chart on a log scale.
    pub race_log: bool,
    /// What the host course has been told, when the URL names one (`host=`).
    pub tracker: Option<Tracker>,
    /// Statements for the host course not yet posted (see [`Page::take_statements`]).
    outbox: Vec<Statement>,
}

/// What the learner did, or what the browser reports back: every event of the page as one
/// value for [`Page::update`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Msg {
    /// Run, Run all, Restart, Shift+Enter, or a cell reported as run.
    Notebook(notebook::Msg),
    /// A control, key or pointer of the explorer, or its animation's tick.
    Explore(explore::Msg),
    /// The theme chosen (one of `config::THEMES`).
    Theme(&'static str),
}

/// What the browser must do after an update: the part of the page that changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Changes {
    /// Nothing to draw.
    #[default]
    None,
    /// The notebook's cells to run, its status lines and counter, or clearing it.
    Notebook(notebook::Changes),
    /// The explorer's views to redraw.
    Explore(explore::Changes),
    /// The theme changed: the page's colours and every figure drawn so far.
    Theme,
}

/// A data cell's result, built before anything is replaced (a refusal loses nothing).
pub struct Built {
    data: LabData,
    scene: Scene,
    raw_bowl: Option<Scene>,
}

impl Page {
    /// A fresh notebook: nothing run yet.
    pub fn new(config: LabConfig) -> Self {
        Self {
            notebook: Notebook::for_config(&config),
            config,
            scene: None,
            contour_image: OnceCell::new(),
            run: None,
            practice: None,
            explorer: None,
            explore_contour: OnceCell::new(),
            data: None,
            raw_bowl: None,
            race: None,
            race_log: false,
            tracker: None,
            outbox: Vec::new(),
        }
    }

    /// The same page, telling the host course at `activity_base` what the learner does: the
    /// statement for opening is the first one waiting. Progress is the share of the shown
    /// run cells that ran (those that open ran at once; the practice and the race wait for
    /// the learner), so completed means the learner ran them all.
    pub fn with_tracker(mut self, activity_base: String) -> Self {
        let shown = Cell::run_cells().filter(|c| self.notebook.is_shown(*c));
        let tracker = Tracker::new(activity_base, shown.collect());
        self.outbox = tracker.opened();
        self.tracker = Some(tracker);
        self
    }

    /// The statements waiting for the host course, oldest first; the page posts them.
    pub fn take_statements(&mut self) -> Vec<Statement> {
        std::mem::take(&mut self.outbox)
    }

    /// The configuration the learner has now: the URL's, with what the cells changed since
    /// (data, formulas, race) and the practice's rate once it ran. What Share and the saved
    /// record keep.
    pub fn current_config(&self) -> LabConfig {
        let mut config = self.config.clone();
        if let Some((lr, _)) = &self.practice {
            config.practice_lr = Some(*lr);
        }
        config
    }

    /// The learner's work as the saved record keeps it.
    pub fn saved(&self) -> Saved {
        Saved::of(&self.current_config(), self.notebook.done().iter().copied())
    }

    /// Tells the tracker, if any, that `cell` ran; the practice also says what it answered.
    fn report_ran(&mut self, cell: Cell) {
        let Some(tracker) = self.tracker.as_mut() else {
            return;
        };
        self.outbox.extend(tracker.ran(cell));
        if cell != Cell::Practice {
            return;
        }
        // A run that diverged has no final cost: it is no success, whatever it kept.
        let final_cost = |t: &Trajectory| match t.diverged_at {
            Some(_) => f64::NAN,
            None => t.cost.last().copied().unwrap_or(f64::NAN),
        };
        if let (Some((lr, practice)), Some(run)) = (&self.practice, &self.run) {
            let answered = tracker.answered(*lr, final_cost(practice), final_cost(run));
            self.outbox.push(answered);
        }
    }

    /// Applies one message: the notebook's and the explorer's rules are theirs; the page adds
    /// what follows from them (Restart forgets every result, new explorer data a new image).
    pub fn update(&mut self, msg: Msg) -> Changes {
        match msg {
            Msg::Notebook(msg) => {
                let changes = self.notebook.update(msg);
                if changes.cleared {
                    self.clear();
                }
                if let notebook::Msg::Ran(cell) = msg {
                    self.report_ran(cell);
                }
                Changes::Notebook(changes)
            }
            Msg::Theme(theme) => {
                if self.config.theme == theme {
                    return Changes::None;
                }
                self.config.theme = theme;
                Changes::Theme
            }
            Msg::Explore(msg) => {
                let Some(explorer) = self.explorer.as_mut() else {
                    return Changes::None;
                };
                let changes = explorer.update(msg);
                if changes.data {
                    self.explore_contour = OnceCell::new();
                }
                Changes::Explore(changes)
            }
        }
    }

    /// Builds the explorer from the lab's scene (the explore cell's run); `false` before the
    /// data cell ran.
    pub fn open_explorer(&mut self) -> bool {
        let Some(scene) = self.scene.clone() else {
            return false;
        };
        let c = &self.config;
        let explorer = Explorer::new(scene, c.data_spec(), self.grid_spec(), (c.w0, c.b0), c.lr);
        // New noise redraws the lab's own line only; other data stays as given.
        let explorer = if lab_data::explorer_owns_noise(c) {
            explorer
        } else {
            explorer.with_fixed_data()
        };
        // The explorer starts on the lab's data: its contour image is the lab's.
        self.explore_contour = OnceCell::new();
        if let Some(image) = self.contour().cloned() {
            let _ = self.explore_contour.set(image);
        }
        self.explorer = Some(explorer);
        true
    }

    /// The explorer's contour image, computed on first use after its data changed.
    pub fn explore_contour(&self) -> Option<&ContourImage> {
        let explorer = self.explorer.as_ref()?;
        Some(
            self.explore_contour
                .get_or_init(|| ContourImage::new(&explorer.scene.grid)),
        )
    }

    /// Forgets every result (Restart).
    pub fn clear(&mut self) {
        let log = self.race_log;
        let tracker = self.tracker.take();
        let outbox = std::mem::take(&mut self.outbox);
        *self = Self::new(self.config.clone());
        // The checkbox keeps its state across a restart; so does the chart it sets. The host
        // course heard of the cells that ran: a restart does not take that back.
        self.race_log = log;
        self.tracker = tracker;
        self.outbox = outbox;
    }

    /// The grid of the lab's own line (±15), where the explorer draws new noise.
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
        let built = Self::build(&self.config)?;
        self.install_scene(built);
        Ok(())
    }

    /// The data cell's result for `config`: its points (pasted, a teaching set or the lab's
    /// line; standardized when asked) on the window every figure shares.
    pub fn build(config: &LabConfig) -> Result<Built, InputError> {
        let data = lab_data::prepare(config)?;
        let scene = scene_of(config, &data.fitted)?;
        let raw_bowl = match data.standardizer {
            Some(_) => Some(scene_of(config, &data.raw)?),
            None => None,
        };
        Ok(Built {
            data,
            scene,
            raw_bowl,
        })
    }

    /// Replaces the data cell's result.
    pub fn install_scene(&mut self, built: Built) {
        self.contour_image = OnceCell::new();
        self.raw_bowl = built.raw_bowl.map(|s| {
            let image = ContourImage::new(&s.grid);
            (s, image)
        });
        self.scene = Some(built.scene);
        self.data = Some(built.data);
    }

    /// The contour image of the scene's grid, computed on first use.
    pub fn contour(&self) -> Option<&ContourImage> {
        let scene = self.scene.as_ref()?;
        Some(
            self.contour_image
                .get_or_init(|| ContourImage::new(&scene.grid)),
        )
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

/// The scene of `samples` on the window of `config`'s start and the points' optimum.
fn scene_of(config: &LabConfig, samples: &Samples) -> Result<Scene, InputError> {
    let problem = Problem::new(samples.clone(), config.formulas())?;
    // The window comes from the points (their least-squares line), whatever the cost: the
    // problem's own quadratic when it has one, else the points' sums once.
    let line = match problem.quadratic() {
        Some(q) => *q,
        None => CostQuadratic::new(samples)?,
    };
    let analysis = analyze(&line)
        .map_err(|_| InputError::new("data", "all x values are equal: no line fits best"))?;
    let window = config.window(&analysis)?;
    let data = Dataset {
        samples: samples.clone(),
        truth: Vec::new(),
    };
    Scene::with_problem(data, problem, &window.grid_spec(config.grid))
}
