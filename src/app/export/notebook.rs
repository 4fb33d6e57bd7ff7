//! The state as a Jupyter notebook (nbformat 4.5) and as a plain Python script.
//!
//! The JSON is written by hand: the notebook's shape is fixed and small, and a JSON crate
//! would weigh on the page's wasm for one string writer.

use super::cells::{notebook_cells, Cell, CellKind};
use super::state::ExportState;
use super::text::json_string;
use crate::model::limits::InputError;

/// The notebook as `.ipynb` text, nbformat 4.5: top level `cells`, `metadata`, `nbformat`,
/// `nbformat_minor`; every cell with an id, code cells not yet run.
pub fn to_ipynb(state: &ExportState) -> Result<String, InputError> {
    state.validate()?;
    let cells: Vec<String> = notebook_cells(state).iter().map(cell_json).collect();
    Ok(format!(
        "{{\n \"cells\": [\n{}\n ],\n \"metadata\": {{\n  \"kernelspec\": {{\n   \
         \"display_name\": \"Python 3\",\n   \"language\": \"python\",\n   \
         \"name\": \"python3\"\n  }},\n  \"language_info\": {{\n   \"name\": \"python\"\n  }}\n \
         }},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}}\n",
        cells.join(",\n")
    ))
}

/// The same notebook as a `.py` script: code cells as they are, Markdown cells as comments.
pub fn to_script(state: &ExportState) -> Result<String, InputError> {
    state.validate()?;
    let parts: Vec<String> = notebook_cells(state)
        .iter()
        .map(|cell| match cell.kind {
            CellKind::Code => cell.source.clone(),
            CellKind::Markdown => comment(&cell.source),
        })
        .collect();
    Ok(format!("{}\n", parts.join("\n\n\n")))
}

fn comment(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                "#".to_string()
            } else {
                format!("# {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One cell as JSON; the source as a list of lines, each but the last ending in `\n`, the
/// way Jupyter saves it (so a diff of two exports reads line by line).
fn cell_json(cell: &Cell) -> String {
    let lines: Vec<String> = cell
        .source
        .split_inclusive('\n')
        .map(|line| format!("    {}", json_string(line)))
        .collect();
    let source = format!("[\n{}\n   ]", lines.join(",\n"));
    match cell.kind {
        CellKind::Code => format!(
            "  {{\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \
             \"id\": {},\n   \"metadata\": {{}},\n   \"outputs\": [],\n   \"source\": {}\n  }}",
            json_string(cell.id),
            source
        ),
        CellKind::Markdown => format!(
            "  {{\n   \"cell_type\": \"markdown\",\n   \"id\": {},\n   \"metadata\": {{}},\n   \
             \"source\": {}\n  }}",
            json_string(cell.id),
            source
        ),
    }
}
