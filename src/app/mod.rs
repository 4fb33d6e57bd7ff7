//! The page's state and rules, without the browser: what the URL may set, and the explorer's
//! state with its pure update from a message. Tested natively.

pub mod config;
pub mod explore;
pub mod notes;
pub mod table_text;
