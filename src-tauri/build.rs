//! Tauri build step: embeds the config and declares the app's commands so each
//! needs an explicit permission in `capabilities/`.

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(planlens_commands::COMMANDS));
    tauri_build::try_build(attrs).expect("tauri build step");
}

mod planlens_commands {
    include!("src/command_names.rs");
}
