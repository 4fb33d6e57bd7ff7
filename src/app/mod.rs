//! The page's state and rules, without the browser: what the URL may set, the explorer's
//! state with its pure update from a message, and the data a learner brings (a pasted table,
//! a teaching set) with the (w, b) window it is drawn in. Tested natively.

pub mod config;
pub mod data_param;
pub mod datasets;
pub mod explore;
pub mod export;
pub mod notes;
pub mod table_text;
pub mod window;
