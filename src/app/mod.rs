//! The page's state and rules, without the browser: what the URL may set, and the explorer's
//! state with its pure update from a message, the notebook's cells and their order, and the
//! parsing of every value a user types or a URL gives, the data a learner brings (a pasted
//! table, a teaching set) with the (w, b) window it is drawn in, and the exports. Tested natively.

pub mod cell;
pub mod config;
pub mod data_param;
pub mod datasets;
pub mod describe;
pub mod explore;
pub mod explore_keys;
pub mod export;
pub mod formula_edit;
pub mod formula_notes;
pub mod input;
pub mod lab_data;
pub mod limits;
pub mod notebook;
pub mod notes;
pub mod origin;
pub mod page;
pub mod plural;
pub mod race;
pub mod race_run;
pub mod race_url;
pub mod saved;
pub mod scene;
pub mod table_text;
pub mod window;
pub mod xapi;
