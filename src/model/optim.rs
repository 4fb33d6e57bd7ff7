//! The optimizers of `torch.optim`: SGD (momentum, dampening, Nesterov), Adam, RMSprop and
//! Adagrad, each with the state it carries between updates.
//!
//! Every rule follows PyTorch's single-tensor code path operation by operation (the order of
//! the multiplications and the place of `eps` included), so a run equals `torch.optim` to
//! rounding. The two parameters (w, b) are updated coordinate by coordinate, as PyTorch does.

use super::limits::{self, InputError};

/// SGD's settings; with every field at its default it is plain gradient descent.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sgd {
    /// Momentum μ in [0, 1); 0 turns the buffer off.
    pub momentum: f64,
    /// Dampening in [0, 1): the buffer takes `(1 − dampening)·g`.
    pub dampening: f64,
    /// Nesterov's look-ahead `g + μ·buf`; needs momentum > 0 and dampening 0.
    pub nesterov: bool,
}

/// Adam's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adam {
    /// Decay of the gradient's mean, in [0, 1).
    pub beta1: f64,
    /// Decay of the squared gradient's mean, in [0, 1).
    pub beta2: f64,
    /// Added to the root of the second moment, finite and > 0.
    pub eps: f64,
}

impl Default for Adam {
    fn default() -> Self {
        Self {
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        }
    }
}

/// RMSprop's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RmsProp {
    /// Decay of the squared gradient's mean, in [0, 1).
    pub alpha: f64,
    /// Added to the root, finite and > 0.
    pub eps: f64,
    /// Momentum of the scaled step, in [0, 1).
    pub momentum: f64,
    /// Divide by the gradient's estimated variance instead of its second moment.
    pub centered: bool,
}

impl Default for RmsProp {
    fn default() -> Self {
        Self {
            alpha: 0.99,
            eps: 1e-8,
            momentum: 0.0,
            centered: false,
        }
    }
}

/// Adagrad's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adagrad {
    /// Added to the root of the sum, finite and > 0.
    pub eps: f64,
    /// Learning-rate decay: update t uses `lr/(1 + (t − 1)·lr_decay)`; finite and ≥ 0.
    pub lr_decay: f64,
    /// Where the sum of squared gradients starts; finite and ≥ 0.
    pub initial_accumulator_value: f64,
}

impl Default for Adagrad {
    fn default() -> Self {
        Self {
            eps: 1e-10,
            lr_decay: 0.0,
            initial_accumulator_value: 0.0,
        }
    }
}

/// One of the optimizers, with its settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Optimizer {
    /// `torch.optim.SGD`.
    Sgd(Sgd),
    /// `torch.optim.Adam`.
    Adam(Adam),
    /// `torch.optim.RMSprop`.
    RmsProp(RmsProp),
    /// `torch.optim.Adagrad`.
    Adagrad(Adagrad),
}

impl Default for Optimizer {
    /// Plain gradient descent.
    fn default() -> Self {
        Self::Sgd(Sgd::default())
    }
}

/// The optimizers' names in the JavaScript API, in the order a menu lists them.
pub const OPTIMIZER_NAMES: [&str; 4] = ["sgd", "adam", "rmsprop", "adagrad"];

impl Optimizer {
    /// The name in the JavaScript API: `sgd`, `adam`, `rmsprop` or `adagrad`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Sgd(_) => "sgd",
            Self::Adam(_) => "adam",
            Self::RmsProp(_) => "rmsprop",
            Self::Adagrad(_) => "adagrad",
        }
    }

    /// The optimizer `name` with PyTorch's defaults, or `None` for an unknown name.
    pub fn with_defaults(name: &str) -> Option<Self> {
        Some(match name {
            "sgd" => Self::Sgd(Sgd::default()),
            "adam" => Self::Adam(Adam::default()),
            "rmsprop" => Self::RmsProp(RmsProp::default()),
            "adagrad" => Self::Adagrad(Adagrad::default()),
            _ => return None,
        })
    }

    /// Checks every setting where PyTorch would refuse it (or it makes no sense); errors name
    /// the field as `optimizer.<field>`, in the JavaScript API's spelling.
    pub fn validate(&self) -> Result<(), InputError> {
        match *self {
            Self::Sgd(s) => {
                unit("optimizer.momentum", s.momentum)?;
                unit("optimizer.dampening", s.dampening)?;
                if s.nesterov && (s.momentum <= 0.0 || s.dampening != 0.0) {
                    return Err(InputError::new(
                        "optimizer.nesterov",
                        "needs momentum greater than 0 and dampening 0",
                    ));
                }
            }
            Self::Adam(a) => {
                unit("optimizer.beta1", a.beta1)?;
                unit("optimizer.beta2", a.beta2)?;
                limits::positive("optimizer.eps", a.eps)?;
            }
            Self::RmsProp(r) => {
                unit("optimizer.alpha", r.alpha)?;
                limits::positive("optimizer.eps", r.eps)?;
                unit("optimizer.momentum", r.momentum)?;
            }
            Self::Adagrad(a) => {
                limits::positive("optimizer.eps", a.eps)?;
                limits::non_negative("optimizer.lrDecay", a.lr_decay)?;
                limits::non_negative(
                    "optimizer.initialAccumulatorValue",
                    a.initial_accumulator_value,
                )?;
            }
        }
        Ok(())
    }
}

/// Checks that a decay or momentum lies in [0, 1).
fn unit(field: &str, value: f64) -> Result<f64, InputError> {
    limits::non_negative(field, value)?;
    if value < 1.0 {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!(
                "must be less than 1, got {}",
                super::number::shortest(value)
            ),
        ))
    }
}

/// An optimizer in the middle of a run: its settings, the update count and its buffers.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerState {
    optimizer: Optimizer,
    /// Updates done so far; the next is update `t + 1`.
    t: u32,
    /// SGD's momentum buffer; Adam's and RMSprop's (centred) first moment; unused by Adagrad.
    first: [f64; 2],
    /// Adam's and RMSprop's second moment; Adagrad's sum of squares.
    second: [f64; 2],
    /// RMSprop's momentum buffer.
    velocity: [f64; 2],
}

impl OptimizerState {
    /// A fresh state, as PyTorch's before its first `step()`. Call [`Optimizer::validate`]
    /// first: the rules assume valid settings.
    pub fn new(optimizer: Optimizer) -> Self {
        let start = match optimizer {
            Optimizer::Adagrad(a) => a.initial_accumulator_value,
            _ => 0.0,
        };
        Self {
            optimizer,
            t: 0,
            first: [0.0; 2],
            second: [start; 2],
            velocity: [0.0; 2],
        }
    }

    /// One update of the parameters `theta` = (w, b) given the gradient `g` at them.
    pub fn update(&mut self, lr: f64, theta: [f64; 2], g: [f64; 2]) -> [f64; 2] {
        self.t = self.t.saturating_add(1);
        let mut out = theta;
        for (i, p) in out.iter_mut().enumerate() {
            *p = self.coordinate(i, lr, *p, g[i]);
        }
        out
    }

    fn coordinate(&mut self, i: usize, lr: f64, p: f64, g: f64) -> f64 {
        let t = self.t;
        match self.optimizer {
            Optimizer::Sgd(s) => {
                let mut d = g;
                if s.momentum != 0.0 {
                    let buf = &mut self.first[i];
                    *buf = if t == 1 {
                        g
                    } else {
                        *buf * s.momentum + (1.0 - s.dampening) * g
                    };
                    d = if s.nesterov {
                        g + s.momentum * *buf
                    } else {
                        *buf
                    };
                }
                p - lr * d
            }
            Optimizer::Adam(a) => {
                // torch: exp_avg.lerp_(g, 1 − β1); exp_avg_sq.mul_(β2).addcmul_(g, g, 1 − β2).
                let m = &mut self.first[i];
                *m += (1.0 - a.beta1) * (g - *m);
                let v = &mut self.second[i];
                *v = *v * a.beta2 + (1.0 - a.beta2) * g * g;
                let correction1 = 1.0 - a.beta1.powi(t as i32);
                let correction2 = 1.0 - a.beta2.powi(t as i32);
                let step = lr / correction1;
                let denom = v.sqrt() / correction2.sqrt() + a.eps;
                p - step * (*m / denom)
            }
            Optimizer::RmsProp(r) => self.rmsprop(i, r, lr, p, g),
            Optimizer::Adagrad(a) => {
                let clr = lr / (1.0 + f64::from(t - 1) * a.lr_decay);
                let sum = &mut self.second[i];
                *sum += g * g;
                p - clr * (g / (sum.sqrt() + a.eps))
            }
        }
    }

    fn rmsprop(&mut self, i: usize, r: RmsProp, lr: f64, p: f64, g: f64) -> f64 {
        let v = &mut self.second[i];
        *v = *v * r.alpha + (1.0 - r.alpha) * g * g;
        let avg = if r.centered {
            let mean = &mut self.first[i];
            *mean += (1.0 - r.alpha) * (g - *mean);
            (*v - *mean * *mean).sqrt()
        } else {
            v.sqrt()
        } + r.eps;
        if r.momentum > 0.0 {
            let buf = &mut self.velocity[i];
            *buf = *buf * r.momentum + g / avg;
            p - lr * *buf
        } else {
            p - lr * (g / avg)
        }
    }
}
