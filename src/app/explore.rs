//! The explorer's state and its pure update: a message in, a new state and what changed out.
//!
//! The browser only turns events into [`Msg`]s and redraws the views that [`Changes`] names;
//! everything here runs natively in tests.

use super::limits::{LR_MAX, LR_MIN, PAGE_MAX_NOISE};
use crate::model::number;
// The explorer's scene is the notebook's: one type, re-exported where it was first defined.
pub use super::scene::Scene;
use crate::model::limits::MAX_SEED;
use crate::model::{Batching, DataSpec, GridSpec, Optimizer, TrainConfig, Trajectory};

/// Steps of the slider between them (its `max` attribute).
pub const LR_SLIDER_STEPS: f64 = 1000.0;
/// Iterations of an explorer run.
pub const EXPLORE_ITERATIONS: usize = 40;
/// Most runs kept for comparison.
pub const MAX_KEPT: usize = 6;

/// The slider position (0 to [`LR_SLIDER_STEPS`]) of a learning rate, on a log scale.
pub fn lr_to_slider(lr: f64) -> f64 {
    let t = (number::clamp(lr, LR_MIN, LR_MAX).log10() - LR_MIN.log10())
        / (LR_MAX.log10() - LR_MIN.log10());
    (t * LR_SLIDER_STEPS).round()
}

/// The learning rate at a slider position, on a log scale.
pub fn slider_to_lr(position: f64) -> f64 {
    let t = number::clamp(position / LR_SLIDER_STEPS, 0.0, 1.0);
    10f64.powf(LR_MIN.log10() + t * (LR_MAX.log10() - LR_MIN.log10()))
}

/// A run kept for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRun {
    /// Its start, learning rate and length.
    pub config: TrainConfig,
    /// Its optimizer.
    pub optimizer: Optimizer,
    /// Its records, recomputed when the data changes.
    pub run: Trajectory,
}

/// A user's action on the explorer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Msg {
    /// Show this iteration.
    Scrub(usize),
    /// Start or stop playing.
    TogglePlay,
    /// Move by this many iterations.
    Step(i64),
    /// Iterations per second while playing.
    Speed(f64),
    /// Start the run from (w, b): a click or a drag on the contour plot.
    SetStart(f64, f64),
    /// A new learning rate.
    SetLr(f64),
    /// Turn the 3D view by (yaw, pitch) radians.
    Rotate(f64, f64),
    /// Keep the current run for comparison.
    Keep,
    /// Forget the kept runs.
    ClearKept,
    /// Switch the cost chart between linear and log scale.
    ToggleLog,
    /// New data from this seed.
    SetSeed(u64),
    /// New noise: the next seed.
    NewNoise,
    /// New noise σ.
    SetNoise(f64),
    /// Time passed while playing, in milliseconds.
    Tick(f64),
    /// Train with another optimizer (settings PyTorch would refuse are ignored).
    SetOptimizer(Optimizer),
}

/// Which views must be redrawn after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    /// The data set changed: grid, contour image and every view.
    pub data: bool,
    /// The current run changed: paths, curves, table.
    pub run: bool,
    /// The shown iteration changed.
    pub frame: bool,
    /// The 3D view angle changed.
    pub view: bool,
    /// The kept runs or the cost scale changed.
    pub runs: bool,
    /// Play state or speed changed (controls only).
    pub controls: bool,
}

impl Changes {
    /// Everything changed: new data, or a first draw.
    pub const ALL: Self = Self {
        data: true,
        run: true,
        frame: true,
        view: true,
        runs: true,
        controls: true,
    };

    /// True when any view needs a redraw.
    pub fn any(&self) -> bool {
        self.data || self.run || self.frame || self.view || self.runs || self.controls
    }
}

/// The explorer: one state, changed only by [`Explorer::update`].
#[derive(Debug, Clone)]
pub struct Explorer {
    /// The data and everything derived from it.
    pub scene: Scene,
    /// The data's spec (seed and noise change).
    pub spec: DataSpec,
    /// The grid's spec.
    pub grid_spec: GridSpec,
    /// The current run's start, learning rate and length.
    pub config: TrainConfig,
    /// The current run.
    pub run: Trajectory,
    /// The iteration every view shows.
    pub iteration: usize,
    /// Whether the run is playing.
    pub playing: bool,
    /// Iterations per second while playing.
    pub speed: f64,
    /// Time carried between ticks, in iterations.
    carry: f64,
    /// The 3D view's yaw and pitch, radians.
    pub angles: (f64, f64),
    /// Runs kept for comparison.
    pub kept: Vec<KeptRun>,
    /// Log scale on the cost chart.
    pub log_scale: bool,
    /// Whether seed and noise may change the data: only for the lab's own line.
    pub owns_noise: bool,
    /// The update rule every run of the explorer uses (plain descent unless chosen).
    pub optimizer: Optimizer,
}

impl Explorer {
    /// The explorer on a scene, starting at the lab's run.
    pub fn new(
        scene: Scene,
        spec: DataSpec,
        grid_spec: GridSpec,
        start: (f64, f64),
        lr: f64,
    ) -> Self {
        let config = TrainConfig {
            w0: start.0,
            b0: start.1,
            lr: number::clamp(lr, LR_MIN, LR_MAX),
            iterations: EXPLORE_ITERATIONS,
        };
        let optimizer = Optimizer::default();
        let run = train(&scene, optimizer, &config);
        let iteration = run.len().saturating_sub(1);
        Self {
            scene,
            spec,
            grid_spec,
            config,
            run,
            iteration,
            playing: false,
            speed: 8.0,
            carry: 0.0,
            angles: (0.7, 0.5),
            kept: Vec::new(),
            log_scale: false,
            owns_noise: true,
            optimizer,
        }
    }

    /// The same explorer on data it must not redraw (pasted points, a teaching set,
    /// standardized x): seed and noise messages are then ignored.
    pub fn with_fixed_data(mut self) -> Self {
        self.owns_noise = false;
        self
    }

    /// The last iteration the current run reached.
    pub fn last(&self) -> usize {
        self.run.len().saturating_sub(1)
    }

    /// Applies a message; returns what changed. Invalid values are clamped or ignored.
    pub fn update(&mut self, msg: Msg) -> Changes {
        let mut changes = Changes::default();
        match msg {
            Msg::Scrub(i) => changes.frame = self.show(i),
            Msg::Step(by) => {
                changes.frame = self.step(by);
                changes.controls = true;
            }
            Msg::TogglePlay => {
                changes.frame = self.toggle_play();
                changes.controls = true;
            }
            Msg::Speed(s) if s.is_finite() => {
                self.speed = number::clamp(s, 0.5, 60.0);
                changes.controls = true;
            }
            Msg::Tick(ms) => changes.frame = self.tick(ms),
            Msg::SetStart(w, b) if w.is_finite() && b.is_finite() => {
                self.config.w0 = w;
                self.config.b0 = b;
                changes.run = self.retrain(true);
            }
            Msg::SetLr(lr) if lr.is_finite() => {
                self.config.lr = number::clamp(lr, LR_MIN, LR_MAX);
                changes.run = self.retrain(false);
            }
            Msg::Rotate(dyaw, dpitch) if dyaw.is_finite() && dpitch.is_finite() => {
                changes.view = self.rotate(dyaw, dpitch);
            }
            Msg::Keep => changes.runs = self.keep(),
            Msg::ClearKept => changes.runs = !std::mem::take(&mut self.kept).is_empty(),
            Msg::ToggleLog => {
                self.log_scale = !self.log_scale;
                changes.runs = true;
            }
            Msg::SetSeed(_) | Msg::NewNoise | Msg::SetNoise(_) if !self.owns_noise => {}
            Msg::SetSeed(seed) => changes = self.new_data(DataSpec { seed, ..self.spec }),
            Msg::NewNoise => {
                changes = self.new_data(DataSpec {
                    seed: self.spec.seed.wrapping_add(1) % (MAX_SEED + 1),
                    ..self.spec
                })
            }
            Msg::SetNoise(noise) if noise.is_finite() && noise >= 0.0 => {
                changes = self.new_data(DataSpec {
                    noise: noise.min(PAGE_MAX_NOISE),
                    ..self.spec
                })
            }
            Msg::SetOptimizer(o) if o.validate().is_ok() && o != self.optimizer => {
                self.optimizer = o;
                changes.run = self.retrain(false);
            }
            _ => {}
        }
        changes
    }

    /// Moves by `by` iterations and stops playing; true when the shown iteration moved.
    fn step(&mut self, by: i64) -> bool {
        self.playing = false;
        let target = (self.iteration as i64 + by).clamp(0, self.last() as i64) as usize;
        self.show(target)
    }

    /// Starts or stops playing; a run played from its end starts again from 0 (then true).
    fn toggle_play(&mut self) -> bool {
        self.playing = !self.playing && self.last() > 0;
        self.carry = 0.0;
        if self.playing && self.iteration >= self.last() {
            self.show(0);
            return true;
        }
        false
    }

    /// Turns the 3D view; the pitch stays between nearly flat and nearly from above.
    fn rotate(&mut self, dyaw: f64, dpitch: f64) -> bool {
        let (yaw, pitch) = self.angles;
        self.angles = (
            number::wrap(yaw + dyaw, std::f64::consts::TAU),
            number::clamp(pitch + dpitch, 0.05, 1.5),
        );
        true
    }

    fn show(&mut self, iteration: usize) -> bool {
        let clamped = iteration.min(self.last());
        let moved = clamped != self.iteration;
        self.iteration = clamped;
        moved
    }

    fn tick(&mut self, ms: f64) -> bool {
        if !self.playing || !ms.is_finite() || ms <= 0.0 {
            return false;
        }
        self.carry += self.speed * ms.min(1000.0) / 1000.0;
        let whole = self.carry.floor();
        self.carry -= whole;
        let moved = self.show(self.iteration + whole as usize);
        if self.iteration >= self.last() {
            self.playing = false;
        }
        moved
    }

    /// Recomputes the current run; a new start shows the whole path, a new rate keeps the frame.
    fn retrain(&mut self, to_end: bool) -> bool {
        self.run = train(&self.scene, self.optimizer, &self.config);
        let target = if to_end { self.last() } else { self.iteration };
        self.show(target);
        true
    }

    fn keep(&mut self) -> bool {
        let same = |k: &KeptRun| k.config == self.config && k.optimizer == self.optimizer;
        if self.kept.iter().any(same) {
            return false;
        }
        if self.kept.len() == MAX_KEPT {
            self.kept.remove(0);
        }
        self.kept.push(KeptRun {
            config: self.config,
            optimizer: self.optimizer,
            run: self.run.clone(),
        });
        true
    }

    fn new_data(&mut self, spec: DataSpec) -> Changes {
        // New noise keeps the lab's model and cost.
        let formulas = self.scene.formulas();
        let scene = crate::model::generate(&spec).and_then(|data| {
            let problem = crate::model::Problem::new(data.samples.clone(), formulas)?;
            Scene::with_problem(data, problem, &self.grid_spec)
        });
        let Ok(scene) = scene else {
            return Changes::default();
        };
        self.scene = scene;
        self.spec = spec;
        for kept in &mut self.kept {
            kept.run = train(&self.scene, kept.optimizer, &kept.config);
        }
        self.retrain(false);
        Changes::ALL
    }
}

/// A full-batch run of `optimizer` on the scene's problem; a refused start gives no records.
fn train(scene: &Scene, optimizer: Optimizer, config: &TrainConfig) -> Trajectory {
    let problem = scene.problem.with_optimizer(optimizer, Batching::default());
    problem.train(config).unwrap_or_default()
}
