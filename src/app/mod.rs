//! The page's state and rules, without the browser: what the URL may set, and the explorer's
//! state with its pure update from a message, the notebook's cells and their order, and the
//! parsing of every value a user types or a URL gives. Tested natively.

pub mod config;
pub mod explore;
pub mod input;
pub mod notebook;
pub mod notes;
pub mod scene;
