//! Taking the work out of the lab: the state as a PyTorch notebook and script, the numbers as
//! CSV, file names that say what they hold, and the embed snippet. Pure text generation,
//! tested natively; the page only offers the results as downloads.

pub mod cells;
pub mod csv;
pub mod embed;
pub mod figure_files;
pub mod from_lab;
pub mod names;
pub mod notebook;
mod pyfigures;
mod pytrain;
pub mod state;
pub mod text;

pub use csv::{data_csv, grid_csv, records_csv, runs_csv, trajectory_csv};
pub use embed::{embed_snippet, EmbedRequest, EmbedSnippet};
pub use figure_files::{figure_file, numbers_of, Numbers};
pub use from_lab::{from_lab, LabValues};
pub use names::{file_name, notebook_file_name, script_file_name};
pub use notebook::{to_ipynb, to_script};
pub use state::{ExportState, OptimizerKind, Record, DEFAULT_COST, DEFAULT_MODEL};
