//! The page's state: what each run cell computed, and the notebook's model.

use std::cell::{OnceCell, RefCell};

use crate::app::config::LabConfig;
use crate::app::explore::{Explorer, Scene};
use crate::app::lab_data::{self, LabData};
use crate::app::notebook::Notebook;
use crate::app::race::effective_batch;
use crate::app::race_run::RaceResult;
use crate::app::race_url::lab_optimizer;
use crate::figures::contour::ContourImage;
use crate::model::{
    analyze, Batching, CostQuadratic, Dataset, GridSpec, InputError, Problem, Samples, TrainConfig,
    Trajectory,
};

/// Everything the run cells computed so far.
pub struct Lab {
    /// What the URL set.
    pub config: LabConfig,
    /// Data, cost, analysis and grid: the "data" cell's result.
    pub scene: Option<Scene>,
    /// The filled contour image of the scene's grid, computed when a figure first needs it
    /// (see [`Lab::contour`]): the data cell draws none, so opening does not wait for it.
    contour_image: OnceCell<ContourImage>,
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
    /// The points the scene fits and where they came from (standardizing, true line).
    pub data: Option<LabData>,
    /// The bowl on x as given, beside the standardized one, when standardizing.
    pub raw_bowl: Option<(Scene, ContourImage)>,
    /// The last race that ran.
    pub race: Option<RaceResult>,
    /// The race's cost chart on a log scale.
    pub race_log: bool,
}

/// A data cell's result, built before anything is replaced (a refusal loses nothing).
pub struct Built {
    data: LabData,
    scene: Scene,
    raw_bowl: Option<Scene>,
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
            contour_image: OnceCell::new(),
            run: None,
            practice: None,
            explorer: None,
            explore_contour: None,
            data: None,
            raw_bowl: None,
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
