//! Work in progress: see ARCHITECTURE.md.
