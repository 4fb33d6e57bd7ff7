//! The exported notebook: valid against the official nbformat 4.5 schema (vendored in
//! tests/data), its data and parameters exactly the state's, its script the same code.
#![cfg(not(target_arch = "wasm32"))]

mod export_common;

use export_common::{adam_state, default_state, shuffled_state, URL};

use gd_lab::app::export::*;
use serde_json::{json, Value};

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("data/nbformat.v4.5.schema.json"))
        .expect("schema parses");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn notebook(state: &ExportState) -> Value {
    let text = to_ipynb(state).expect("valid state");
    serde_json::from_str(&text).expect("the notebook is JSON")
}

fn cell_source(nb: &Value, id: &str) -> String {
    let cell = nb["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["id"] == id)
        .expect("cell");
    cell["source"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l.as_str().expect("text"))
        .collect()
}

#[test]
fn notebooks_validate_against_the_official_schema() {
    let validator = schema_validator();
    let mut odd = adam_state();
    odd.model = "w * x + b  # \"quoted\" \\ back\u{e9}".into();
    odd.lab_url = "https://example.edu/a b(c)?x=\"1\"&y=<2>".into();
    for state in [default_state(), adam_state(), shuffled_state(), odd] {
        let nb = notebook(&state);
        let errors: Vec<String> = validator.iter_errors(&nb).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "schema errors: {errors:?}");
        let keys: Vec<&String> = nb.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["cells", "metadata", "nbformat", "nbformat_minor"]);
        assert_eq!(
            (nb["nbformat"].as_u64(), nb["nbformat_minor"].as_u64()),
            (Some(4), Some(5))
        );
        let ids: Vec<&str> = nb["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .map(|c| c["id"].as_str().expect("id"))
            .collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "cell ids are unique");
    }
}

#[test]
fn a_bad_notebook_fails_the_schema() {
    // The validator is not vacuous: an extra field on a cell is refused.
    let mut nb = notebook(&default_state());
    nb["cells"][1]["extra"] = json!(1);
    assert!(!schema_validator().is_valid(&nb));
    let mut nb = notebook(&default_state());
    nb["cells"][1].as_object_mut().expect("cell").remove("id");
    assert!(!schema_validator().is_valid(&nb));
}

/// The numbers between `NAME = torch.tensor([` and `])`, parsed as Python floats parse;
/// each must be a float literal (a digit string alone would be a Python int).
fn literal_list(source: &str, name: &str) -> Vec<f64> {
    let start = source
        .find(&format!("{name} = torch.tensor(["))
        .expect("literal")
        + name.len()
        + 17;
    let end = start + source[start..].find("])").expect("end");
    source[start..end]
        .split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .inspect(|s| assert!(s.contains(['.', 'e']), "{s} is not a float literal"))
        .map(|s| s.parse::<f64>().expect("a float literal"))
        .collect()
}

#[test]
fn the_data_reads_back_exactly() {
    let mut state = default_state();
    let tricky = [
        1e-7,
        1e21,
        -0.0,
        5e-324,
        f64::MAX,
        0.1 + 0.2,
        -1.0 / 3.0,
        123456789.0,
    ];
    state.x.extend(tricky);
    state.y.extend(tricky.map(|v| -v));
    let source = cell_source(&notebook(&state), "data");
    let x = literal_list(&source, "X");
    let y = literal_list(&source, "Y");
    assert_eq!(
        x.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        state.x.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(
        y.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        state.y.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
}

/// The value of `NAME = value` in a code cell.
fn assignment<'a>(source: &'a str, name: &str) -> &'a str {
    let prefix = format!("{name} = ");
    source
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .expect("assignment")
}

#[test]
fn the_code_cell_parameters_are_the_state_s() {
    for state in [default_state(), adam_state(), shuffled_state()] {
        let nb = notebook(&state);
        let setup = cell_source(&nb, "setup");
        let number = |name: &str| assignment(&setup, name).parse::<f64>().expect("a number");
        assert_eq!(number("W0").to_bits(), state.w0.to_bits());
        assert_eq!(number("B0").to_bits(), state.b0.to_bits());
        assert_eq!(number("LR").to_bits(), state.lr.to_bits());
        assert_eq!(number("ITERATIONS") as usize, state.iterations);
        assert_eq!(
            number("BATCH_SIZE") as usize,
            state.batch_size.unwrap_or(state.x.len())
        );
        let optimizer = assignment(&setup, "optimizer");
        let mut expected = format!(
            "torch.optim.{}([w, b], lr=LR",
            state.optimizer.torch_class()
        );
        for (k, v) in &state.optimizer_options {
            expected.push_str(&format!(", {k}={v}"));
        }
        assert_eq!(optimizer, format!("{expected})"));
        let model = cell_source(&nb, "model");
        assert!(model.contains(&format!("    return {}\n", state.model)));
        assert!(model.ends_with(&format!("    return {}", state.cost)));
        if !state.orders.is_empty() {
            let text = &setup[setup.find("ORDERS = [").expect("orders")..];
            let rows: Vec<Vec<usize>> = text
                .lines()
                .skip(1)
                .take(state.passes())
                .map(|l| {
                    l.trim()
                        .trim_start_matches('[')
                        .trim_end_matches("],")
                        .split(", ")
                        .map(|i| i.parse().expect("index"))
                        .collect()
                })
                .collect();
            assert_eq!(rows, state.orders);
        }
    }
}

#[test]
fn the_first_cell_links_back_and_the_script_has_the_same_code() {
    let state = adam_state();
    let nb = notebook(&state);
    let first = &nb["cells"][0];
    assert_eq!(first["cell_type"], "markdown");
    let intro = cell_source(&nb, "intro");
    assert!(intro.contains(&format!("]({URL})")), "{intro}");
    let script = to_script(&state).expect("valid state");
    for cell in nb["cells"].as_array().expect("cells") {
        let source: String = cell["source"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| l.as_str().expect("text"))
            .collect();
        if cell["cell_type"] == "code" {
            assert!(
                script.contains(&source),
                "the script holds cell {}",
                cell["id"]
            );
        }
    }
    assert!(
        !script.contains("\n%") && !script.contains("\n!"),
        "no IPython magics"
    );
    for line in script
        .lines()
        .filter(|l| l.starts_with("import ") || l.starts_with("from "))
    {
        let module = line.split_whitespace().nth(1).expect("module");
        assert!(
            [
                "math",
                "torch",
                "numpy",
                "matplotlib",
                "matplotlib.pyplot",
                "torch.utils.data"
            ]
            .contains(&module),
            "{line}"
        );
    }
}

/// A change that makes a state invalid.
type Spoil = Box<dyn Fn(&mut ExportState)>;

#[test]
fn bad_states_name_their_field() {
    let cases: Vec<(&str, Spoil)> = vec![
        (
            "y",
            Box::new(|s| {
                s.y.pop();
            }),
        ),
        ("x", Box::new(|s| s.x[3] = f64::NAN)),
        (
            "x",
            Box::new(|s| {
                s.x.truncate(1);
                s.y.truncate(1);
            }),
        ),
        ("lr", Box::new(|s| s.lr = 0.0)),
        ("iterations", Box::new(|s| s.iterations = 0)),
        ("model", Box::new(|s| s.model = "w * x\nimport os".into())),
        ("cost", Box::new(|s| s.cost = " ".into())),
        (
            "optimizerOptions",
            Box::new(|s| {
                s.optimizer_options = vec![("momentum".into(), "__import__('os')".into())]
            }),
        ),
        (
            "optimizerOptions",
            Box::new(|s| s.optimizer_options = vec![("lr".into(), "0.1".into())]),
        ),
        ("batchSize", Box::new(|s| s.batch_size = Some(0))),
        (
            "orders",
            Box::new(|s| {
                s.batch_size = Some(7);
                s.orders = vec![vec![0; 60]; 3];
            }),
        ),
        (
            "orders",
            Box::new(|s| {
                s.batch_size = Some(7);
                s.orders = vec![(0..60).collect()];
            }),
        ),
        ("labUrl", Box::new(|s| s.lab_url = "a\nb".into())),
    ];
    for (field, spoil) in cases {
        let mut state = default_state();
        spoil(&mut state);
        let err = to_ipynb(&state).expect_err(field);
        assert_eq!(err.field, field, "{}", err.message);
        assert_eq!(to_script(&state).expect_err(field).field, field);
    }
}
