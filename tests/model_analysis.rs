//! The analysis against closed forms and real runs, and the data's fixed stream.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::*;

fn lab() -> (Dataset, CostQuadratic, Analysis) {
    let data = generate(&DataSpec::default()).expect("default data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let a = analyze(&q).expect("x varies");
    (data, q, a)
}

#[test]
fn default_data_is_a_fixed_stream() {
    // ChaCha8 from seed 42 through rand_distr's Normal. If these move, every shared link and
    // course page shows different data: change the seed's meaning only on purpose.
    let (data, _, _) = lab();
    let y = data.samples.y();
    let expected = [
        -3.9522018761648976,
        -3.766592938976819,
        -3.8210866683271028,
        -3.6523653076191183,
    ];
    for (i, e) in expected.iter().enumerate() {
        assert!(
            (y[i] - e).abs() < 1e-12,
            "y[{i}] = {:.17}, expected {e}",
            y[i]
        );
    }
    let other = generate(&DataSpec {
        seed: 7,
        ..DataSpec::default()
    })
    .expect("data");
    assert_ne!(other.samples.y()[0], y[0]);
}

#[test]
fn noise_is_standard_normal_scaled_by_sigma() {
    let spec = DataSpec {
        n: 200_000,
        noise: 0.5,
        ..DataSpec::default()
    };
    let data = generate(&spec).expect("data");
    let eps: Vec<f64> = data
        .samples
        .y()
        .iter()
        .zip(&data.truth)
        .map(|(y, f)| (y - f) / 0.5)
        .collect();
    let n = eps.len() as f64;
    let mean = eps.iter().sum::<f64>() / n;
    let var = eps.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / n;
    let within_one = eps.iter().filter(|e| e.abs() < 1.0).count() as f64 / n;
    assert!(mean.abs() < 0.01, "mean {mean}");
    assert!((var - 1.0).abs() < 0.02, "variance {var}");
    assert!(
        (within_one - 0.6827).abs() < 0.01,
        "P(|ε| < 1) = {within_one}"
    );
    let x = data.samples.x();
    assert_eq!(x[0], -3.0);
    assert!(x[spec.n - 1] < 3.0 && (x[1] - x[0] - 6.0 / spec.n as f64).abs() < 1e-15);
}

#[test]
fn optimum_matches_closed_form_and_has_zero_gradient() {
    let (data, q, a) = lab();
    let (x, y) = (data.samples.x(), data.samples.y());
    let n = x.len() as f64;
    let (sx, sy) = (x.iter().sum::<f64>(), y.iter().sum::<f64>());
    let sxx: f64 = x.iter().map(|v| v * v).sum();
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| a * b).sum();
    let w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    let b = (sy - w * sx) / n;
    assert!((a.w_star - w).abs() < 1e-10 && (a.b_star - b).abs() < 1e-10);
    assert!(
        (a.w_star - 1.0).abs() < 0.05 && (a.b_star + 1.0).abs() < 0.05,
        "near the true line"
    );
    let (gw, gb) = linreg::gradient(&data.samples, a.w_star, a.b_star);
    assert!(gw.abs() < 1e-10 && gb.abs() < 1e-10);
    assert!((a.cost_star - linreg::cost(&data.samples, a.w_star, a.b_star)).abs() < 1e-12);
    assert!((q.cost(a.w_star, a.b_star) - a.cost_star).abs() < 1e-12);
}

#[test]
fn hessian_and_critical_rate_match_the_lab() {
    let (data, _, a) = lab();
    let x = data.samples.x();
    let n = x.len() as f64;
    let mx2 = x.iter().map(|v| v * v).sum::<f64>() / n;
    let mx = x.iter().sum::<f64>() / n;
    assert!((a.hessian[0] - 2.0 * mx2).abs() < 1e-12 && (a.hessian[1] - 2.0 * mx).abs() < 1e-12);
    assert_eq!(a.hessian[2], 2.0);
    // Eigenvalues satisfy the characteristic polynomial: trace and determinant.
    let [h, k, d] = a.hessian;
    assert!((a.eigenvalues[0] + a.eigenvalues[1] - (h + d)).abs() < 1e-12);
    assert!((a.eigenvalues[0] * a.eigenvalues[1] - (h * d - k * k)).abs() < 1e-9);
    assert!(
        a.eigenvalues[1] > 5.9 && a.eigenvalues[1] < 6.1,
        "λmax ≈ 6: {}",
        a.eigenvalues[1]
    );
    assert!((a.critical_lr - 2.0 / a.eigenvalues[1]).abs() < 1e-15);
    assert_eq!(a.verdict(0.1), Ok(Verdict::Converges));
    assert_eq!(a.verdict(0.2), Ok(Verdict::Oscillates));
    assert_eq!(a.verdict(0.4), Ok(Verdict::Diverges));
    assert_eq!(a.verdict(a.critical_lr), Ok(Verdict::Diverges));
    assert!(a.verdict(0.0).is_err() && a.verdict(f64::NAN).is_err());
}

/// Distance of a run's last record from the optimum, and whether some step overshot it in w.
fn run_from(q: &CostQuadratic, a: &Analysis, lr: f64) -> (f64, bool) {
    let run = train(
        q,
        &TrainConfig {
            w0: -15.0,
            b0: -10.0,
            lr,
            iterations: 2000,
        },
    )
    .expect("run");
    let last = run.len() - 1;
    let dist = (run.w[last] - a.w_star).hypot(run.b[last] - a.b_star);
    // Along the steep eigenvector, overshoot shows as the sign of the error flipping.
    let v = steep_direction(a);
    let along: Vec<f64> = (0..run.len())
        .map(|i| (run.w[i] - a.w_star) * v.0 + (run.b[i] - a.b_star) * v.1)
        .collect();
    let flips = along
        .windows(2)
        .any(|p| p[0] * p[1] < 0.0 && p[0].abs() > 1e-9);
    (
        if run.diverged_at.is_some() {
            f64::INFINITY
        } else {
            dist
        },
        flips,
    )
}

fn steep_direction(a: &Analysis) -> (f64, f64) {
    let [h, k, _] = a.hessian;
    let (vx, vy) = (k, a.eigenvalues[1] - h);
    let norm = vx.hypot(vy);
    (vx / norm, vy / norm)
}

#[test]
fn verdict_matches_real_runs_around_both_thresholds() {
    let (_, q, a) = lab();
    let (one, two) = (a.overshoot_lr(), a.critical_lr);
    let below_one = run_from(&q, &a, one * 0.98);
    let above_one = run_from(&q, &a, one * 1.02);
    let below_two = run_from(&q, &a, two * 0.99);
    let above_two = run_from(&q, &a, two * 1.01);
    assert!(
        below_one.0 < 1e-6 && !below_one.1,
        "below 1/λmax: converges, no overshoot"
    );
    assert!(
        above_one.0 < 1e-6 && above_one.1,
        "above 1/λmax: converges with overshoot"
    );
    assert!(
        below_two.0 < 1e-3 && below_two.1,
        "below 2/λmax: still converges"
    );
    assert!(above_two.0 > 1e3, "above 2/λmax: diverges");
    assert_eq!(a.verdict(one * 0.98), Ok(Verdict::Converges));
    assert_eq!(a.verdict(one * 1.02), Ok(Verdict::Oscillates));
    assert_eq!(a.verdict(two * 0.99), Ok(Verdict::Oscillates));
    assert_eq!(a.verdict(two * 1.01), Ok(Verdict::Diverges));
}

#[test]
fn constant_x_has_no_unique_optimum() {
    let samples = Samples::new(vec![2.0; 5], vec![1.0, 2.0, 3.0, 4.0, 5.0]).expect("valid");
    let q = CostQuadratic::new(&samples).expect("finite");
    let err = analyze(&q).unwrap_err();
    assert_eq!(err.field, "x");
    assert!(err.message.contains("no unique"));
    // Training still works: the cost is flat along one direction, not undefined.
    let run = train(&q, &TrainConfig::LAB).expect("run");
    assert!((run.cost[15] - linreg::cost(&samples, run.w[15], run.b[15])).abs() < 1e-9);
}
