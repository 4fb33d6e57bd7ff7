//! Numbers for people: milliseconds, durations, bytes, counts.

/// `5.7 ms`, `266 ms`, `1.24 s`.
pub(super) fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else {
        format!("{} ms", significant(value))
    }
}

/// A duration in ns with a unit that fits: `412 ns`, `5.31 µs`, `2.40 ms`, `1.20 s`.
pub(super) fn duration(ns: f64) -> String {
    let (value, unit) = match ns {
        n if n < 1e3 => (n, "ns"),
        n if n < 1e6 => (n / 1e3, "µs"),
        n if n < 1e9 => (n / 1e6, "ms"),
        n => (n / 1e9, "s"),
    };
    format!("{} {unit}", significant(value))
}

/// Three significant figures below 1000, whole numbers in groups above: `5.69`, `16.9`,
/// `267`, `1 146 510`.
pub(super) fn significant(value: f64) -> String {
    match value.abs() {
        v if v < 10.0 => format!("{value:.2}"),
        v if v < 100.0 => format!("{value:.1}"),
        v if v < 1000.0 || !v.is_finite() => format!("{value:.0}"),
        v => format!(
            "{}{}",
            if value < 0.0 { "-" } else { "" },
            count(v.round() as u64)
        ),
    }
}

/// `412 B`, `55.3 KiB`, `2.00 MiB`.
pub(super) fn bytes(value: f64) -> String {
    match value.abs() {
        v if v < 1024.0 => format!("{value:.0} B"),
        v if v < 1024.0 * 1024.0 => format!("{:.1} KiB", value / 1024.0),
        _ => format!("{:.2} MiB", value / (1024.0 * 1024.0)),
    }
}

/// `0 B`, `+64.0 KiB`, `−1.00 MiB`.
pub(super) fn signed_bytes(value: f64) -> String {
    match value {
        v if v > 0.0 => format!("+{}", bytes(v)),
        v if v < 0.0 => format!("−{}", bytes(-v)),
        _ => "0 B".into(),
    }
}

/// `405.6 KiB raw · 150.2 KiB gzip`.
pub(super) fn raw_and_gzip(raw: u64, gzip: u64) -> String {
    format!("{} raw · {} gzip", bytes(raw as f64), bytes(gzip as f64))
}

/// `60`, `10 000`, `1 000 000` (thin spaces would not survive every terminal).
pub(super) fn count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
