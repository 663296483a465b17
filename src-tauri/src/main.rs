//! The PlanLens desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    planlens_app::run();
}
