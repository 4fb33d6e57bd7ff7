//! The facts behind the picture: the optimum, the Hessian, and which learning rates work.

use std::fmt;

use super::limits::{self, InputError};
use super::quadratic::CostQuadratic;

/// What a learning rate does on this data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// `lr ≤ 1/λmax`: every step moves towards the optimum without overshooting.
    Converges,
    /// `1/λmax < lr < 2/λmax`: overshoots along the steep direction, but still converges.
    Oscillates,
    /// `lr ≥ 2/λmax`: the steep direction grows (at exactly 2/λmax it never settles).
    Diverges,
}

impl Verdict {
    /// The verdict's name in the JavaScript API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Converges => "converges",
            Self::Oscillates => "oscillates",
            Self::Diverges => "diverges",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The closed-form facts of a data set's cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Analysis {
    /// Least-squares slope.
    pub w_star: f64,
    /// Least-squares bias.
    pub b_star: f64,
    /// Cost at the optimum.
    pub cost_star: f64,
    /// The constant Hessian `2·[[mean x², mean x], [mean x, 1]]` as (h_ww, h_wb, h_bb).
    pub hessian: [f64; 3],
    /// The Hessian's eigenvalues, smallest first.
    pub eigenvalues: [f64; 2],
    /// `2/λmax`: gradient descent converges exactly below it.
    pub critical_lr: f64,
}

impl Analysis {
    /// `1/λmax`: above it the steps overshoot.
    pub fn overshoot_lr(&self) -> f64 {
        1.0 / self.eigenvalues[1]
    }

    /// What learning rate `lr` does here.
    pub fn verdict(&self, lr: f64) -> Result<Verdict, InputError> {
        limits::positive("lr", lr)?;
        let lambda = self.eigenvalues[1];
        Ok(if lr * lambda <= 1.0 {
            Verdict::Converges
        } else if lr * lambda < 2.0 {
            Verdict::Oscillates
        } else {
            Verdict::Diverges
        })
    }

    /// `2(1 + μ)/λmax`: SGD with heavy-ball momentum μ (no dampening) converges exactly below
    /// it. The error names `momentum` unless μ lies in [0, 1).
    pub fn critical_lr_momentum(&self, momentum: f64) -> Result<f64, InputError> {
        limits::non_negative("momentum", momentum)?;
        if momentum >= 1.0 {
            return Err(InputError::new(
                "momentum",
                format!(
                    "must be less than 1, got {}",
                    super::number::shortest(momentum)
                ),
            ));
        }
        Ok(2.0 * (1.0 + momentum) / self.eigenvalues[1])
    }

    /// What `lr` does with heavy-ball momentum μ: [`Verdict::Converges`] below
    /// [`Self::critical_lr_momentum`], [`Verdict::Diverges`] at or above it.
    pub fn verdict_momentum(&self, lr: f64, momentum: f64) -> Result<Verdict, InputError> {
        limits::positive("lr", lr)?;
        Ok(if lr < self.critical_lr_momentum(momentum)? {
            Verdict::Converges
        } else {
            Verdict::Diverges
        })
    }
}

/// The optimum, Hessian and critical learning rate. Data whose x are all equal has no unique
/// optimum: every slope fits as well, and the error says so.
pub fn analyze(q: &CostQuadratic) -> Result<Analysis, InputError> {
    if q.x_is_constant() {
        return Err(InputError::new(
            "x",
            "all x values are equal, so there is no unique best line (any slope fits as well)",
        ));
    }
    let w_star = q.sxy / q.sxx;
    let b_star = q.mean_y - w_star * q.mean_x;
    let hessian = [2.0 * q.mean_x2(), 2.0 * q.mean_x, 2.0];
    // det H = 4·(mean x² − x̄²) = 4·sxx, exact from the centred moments.
    let eigenvalues = symmetric_eigenvalues(hessian, 4.0 * q.sxx);
    Ok(Analysis {
        w_star,
        b_star,
        cost_star: q.residual(),
        hessian,
        eigenvalues,
        critical_lr: 2.0 / eigenvalues[1],
    })
}

/// Eigenvalues of `[[a, b], [b, d]]` with determinant `det`, smallest first.
fn symmetric_eigenvalues([a, b, d]: [f64; 3], det: f64) -> [f64; 2] {
    let big = 0.5 * (a + d) + (0.5 * (a - d)).hypot(b);
    // The small one from the determinant avoids the cancellation of `mid − radius` when the
    // Hessian is badly conditioned.
    [det / big, big]
}
