//! # PlanLens core
//!
//! PlanLens compares the science-and-technology plans of Chinese cities. This
//! crate is the core: it decodes plan files, parses their structure (sections
//! and task items), extracts quantitative targets, stores everything in SQLite,
//! compares documents and renders charts. It knows nothing of the desktop
//! shell; `src-tauri/` and the `planlens` CLI are thin layers over it.
//!
//! Data flow: file → [`formats`] (docx, pdf, html; plain text through
//! [`decode`]) → [`structure`] (noise rules, sections, task
//! items) → [`targets`] → [`store`] → compare → chart → UI.

pub mod chart;
pub mod compare;
pub mod decode;
pub mod export;
pub mod formats;
pub mod ingest;
pub mod metadata;
pub mod model;
pub mod numerals;
pub mod present;
pub mod search;
pub mod seeds;
pub mod similar;
pub mod store;
pub mod structure;
pub mod targets;
pub mod themes;
