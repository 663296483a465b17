/// Every IPC command the shell registers (shared with `build.rs`, which
/// generates an `allow-*` permission per command).
pub const COMMANDS: &[&str] = &[
    "list_documents",
    "get_document",
    "import_files",
    "delete_document",
    "list_indicators",
    "compare",
    "chart_svg",
    "export_chart",
    "save_text",
    "get_annotation",
    "save_annotation",
    "annotation_history",
    "restore_annotation",
    "list_annotations",
    "export_annotations",
    "list_slides",
    "add_slide",
    "remove_slide",
    "move_slide",
    "app_ready",
];
