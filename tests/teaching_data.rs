//! The teaching sets, standardization, and the (w, b) window, against closed forms.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::datasets::{self, TEACHING_SETS};
use gd_lab::app::window::{window, Window, MARGIN};
use gd_lab::model::{
    analyze, generate, standardize, train, Analysis, CostQuadratic, DataSpec, Samples, TrainConfig,
};

fn set(name: &str) -> Samples {
    datasets::make(name).expect("a teaching set").samples
}

/// The optimum, Hessian and critical rate of these points.
fn fit_of(samples: &Samples) -> Analysis {
    analyze(&CostQuadratic::new(samples).expect("finite moments")).expect("x varies")
}

/// Mean of x and of x², summed directly (not through the quadratic's centred moments).
fn raw_moments(s: &Samples) -> (f64, f64) {
    let n = s.len() as f64;
    let m1 = s.x().iter().sum::<f64>() / n;
    let m2 = s.x().iter().map(|x| x * x).sum::<f64>() / n;
    (m1, m2)
}

#[test]
fn every_set_is_named_described_deterministic_and_valid() {
    assert_eq!(datasets::names(), "lab, steep, outliers, far, few");
    for s in TEACHING_SETS {
        assert!(!s.label.is_empty() && s.description.ends_with('.'), "{s:?}");
        let (a, b) = (
            datasets::make(s.name).expect("a teaching set"),
            datasets::make(s.name).expect("a teaching set"),
        );
        assert_eq!(a, b, "{} must not change between calls", s.name);
        analyze(&CostQuadratic::new(&a.samples).expect("finite moments")).expect("x varies");
    }
    assert_eq!(
        datasets::make("lab").expect("a teaching set"),
        generate(&DataSpec::default()).expect("the lab's data")
    );
    assert_eq!(set("few").len(), 5);
    assert!(datasets::make("nope").unwrap_err().message.contains("far"));
}

#[test]
fn each_set_shows_what_it_teaches() {
    let fit = |name: &str| fit_of(&set(name));
    let (lab, steep, outliers) = (fit("lab"), fit("steep"), fit("outliers"));
    assert!(steep.w_star > 2.5 && steep.cost_star > 50.0 * lab.cost_star);
    // The outliers on the right pull the slope and the bias up.
    assert!(outliers.w_star > lab.w_star + 0.3 && outliers.b_star > lab.b_star);
    // Far from zero: a critical rate a hundred times smaller than the lab's.
    assert!(fit("far").critical_lr < lab.critical_lr / 50.0);
    let x = set("far").x().to_vec();
    assert!(x.iter().all(|&v| (10.0..16.0).contains(&v)));
}

#[test]
fn the_far_sets_critical_rate_is_two_over_its_hessians_largest_eigenvalue() {
    let far = set("far");
    let (m1, m2) = raw_moments(&far);
    // H = 2·[[m2, m1], [m1, 1]]: λmax = (m2 + 1) + sqrt((m2 − 1)² + 4·m1²).
    let lambda_max = (m2 + 1.0) + ((m2 - 1.0).powi(2) + 4.0 * m1 * m1).sqrt();
    let a = analyze(&CostQuadratic::new(&far).expect("finite moments")).expect("x varies");
    let rel = (a.critical_lr - 2.0 / lambda_max).abs() / (2.0 / lambda_max);
    assert!(rel < 1e-12, "{} vs {}", a.critical_lr, 2.0 / lambda_max);
    assert!(
        a.eigenvalues[1] / a.eigenvalues[0] > 1000.0,
        "a narrow valley"
    );
}

#[test]
fn standardizing_makes_the_far_bowl_round_and_maps_the_line_back() {
    let far = set("far");
    let (z, s) = standardize(&far).expect("x varies");
    let (m1, m2) = raw_moments(&far);
    assert!((s.mean - m1).abs() < 1e-12);
    assert!(
        (s.std - (m2 - m1 * m1).sqrt()).abs() < 1e-9,
        "population std"
    );
    let az = analyze(&CostQuadratic::new(&z).expect("finite moments")).expect("x varies");
    let ratio = az.eigenvalues[1] / az.eigenvalues[0];
    assert!((ratio - 1.0).abs() < 1e-9, "λmax/λmin = {ratio}");
    assert!((az.critical_lr - 1.0).abs() < 1e-9, "H = 2·I");
    // The best line on z, mapped back, is the best line on x.
    let a = analyze(&CostQuadratic::new(&far).expect("finite moments")).expect("x varies");
    let (w, b) = s.to_original(az.w_star, az.b_star);
    assert!((w - a.w_star).abs() < 1e-9 && (b - a.b_star).abs() < 1e-9);
    let back = s.to_standard(w, b);
    assert!((back.0 - az.w_star).abs() < 1e-9 && (back.1 - az.b_star).abs() < 1e-9);
    // Plain descent at a rate of 0.1: diverges on x, converges on z.
    let run = |samples: &Samples| {
        let q = CostQuadratic::new(samples).expect("finite moments");
        let config = TrainConfig {
            w0: -15.0,
            b0: -10.0,
            lr: 0.1,
            iterations: 200,
        };
        train(&q, &config).expect("a valid run")
    };
    assert!(run(&far).diverged_at.is_some());
    let t = run(&z);
    let (w, b) = (t.w[t.w.len() - 1], t.b[t.b.len() - 1]);
    assert!((w - az.w_star).abs() < 1e-6 && (b - az.b_star).abs() < 1e-6);
}

#[test]
fn standardizing_refuses_constant_x() {
    let s = Samples::new(vec![2.0, 2.0], vec![1.0, 3.0]).expect("two points");
    assert_eq!(standardize(&s).unwrap_err().field, "x");
}

#[test]
fn the_window_holds_start_and_optimum_with_a_margin() {
    let start = (-15.0, -10.0);
    let lab = fit_of(&set("lab"));
    assert_eq!(
        window(&lab, start, true).expect("a drawable window"),
        Window::LAB
    );
    for s in TEACHING_SETS {
        let a = fit_of(&set(s.name));
        let win = window(&a, start, false).expect("a drawable window");
        win.grid_spec(30).validate().expect("a valid grid");
        let (ww, wb) = (win.w_max - win.w_min, win.b_max - win.b_min);
        for (w, b) in [start, (a.w_star, a.b_star)] {
            assert!(win.contains(w, b), "{}: {w}, {b} outside {win:?}", s.name);
            let gap_w = (w - win.w_min).min(win.w_max - w);
            let gap_b = (b - win.b_min).min(win.b_max - b);
            // Free on every side: MARGIN (25 %) of the two points' larger scaled span, which
            // is MARGIN/(1 + 2·MARGIN) of the window's side; and at least 20 % of their span
            // along each axis.
            let part = MARGIN / (1.0 + 2.0 * MARGIN) * (1.0 - 1e-9);
            assert!(gap_w >= part * ww && gap_b >= part * wb, "{}", s.name);
            assert!(gap_w >= 0.2 * (a.w_star - start.0).abs(), "{}", s.name);
            assert!(gap_b >= 0.2 * (a.b_star - start.1).abs(), "{}", s.name);
        }
        // Square in the bowl's scaled units: spans in the ratio √h_bb : √h_ww.
        let [h_ww, _, h_bb] = a.hessian;
        let shape = (ww * h_ww.sqrt()) / (wb * h_bb.sqrt());
        assert!((shape - 1.0).abs() < 1e-9, "{}: {shape}", s.name);
    }
}

#[test]
fn the_window_of_a_start_at_the_optimum_still_shows_the_bowl() {
    let a = fit_of(&set("steep"));
    let win = window(&a, (a.w_star, a.b_star), false).expect("a drawable window");
    assert!(win.w_max > win.w_min && win.contains(a.w_star, a.b_star));
}

#[test]
fn a_configuration_gives_its_window() {
    use gd_lab::app::config::LabConfig;
    let far = LabConfig {
        dataset: Some("far"),
        ..LabConfig::default()
    };
    let (samples, _) = far.make_data().expect("far");
    let a = fit_of(&samples);
    assert_eq!(
        far.window(&a).expect("drawable"),
        window(&a, (-15.0, -10.0), false).expect("drawable")
    );
    let lab = LabConfig::default();
    assert_eq!(lab.window(&a).expect("drawable"), Window::LAB);
}

/// The page's markup lists the teaching sets (they are there from the first paint): the same
/// sets, in order, with the same labels and sentences as `TEACHING_SETS`.
#[test]
fn the_page_lists_every_teaching_set_as_the_source_says() {
    let html = include_str!("../www/index.html");
    let start = html
        .find("id=\"dataset-list\"")
        .expect("the page has the list");
    let list = &html[start..start + html[start..].find("</ul>").expect("the list ends")];
    let items: Vec<&str> = list.split("<li>").skip(1).collect();
    assert_eq!(items.len(), TEACHING_SETS.len(), "one item per set");
    let text = |s: &str| {
        s.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
    };
    for (item, set) in items.iter().zip(TEACHING_SETS) {
        let button = format!(
            "<button type=\"button\" class=\"dataset\" data-set=\"{0}\" \
             aria-describedby=\"dataset-about-{0}\">",
            set.name
        );
        let about = format!("<span class=\"about\" id=\"dataset-about-{}\">", set.name);
        let label = item
            .split(&button)
            .nth(1)
            .and_then(|r| r.split("</button>").next());
        let sentence = item
            .split(&about)
            .nth(1)
            .and_then(|r| r.split("</span>").next());
        assert_eq!(
            label.map(text).as_deref(),
            Some(set.label),
            "{}: label",
            set.name
        );
        assert_eq!(
            sentence.map(text).as_deref(),
            Some(set.description),
            "{}: sentence",
            set.name
        );
    }
}
