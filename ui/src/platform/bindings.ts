// Generated from the Rust types in src-tauri/src/dto.rs by ts-rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p planlens-app bindings

export type Code = "not_found" | "invalid_input" | "io" | "database" | "cancelled" | "unsupported" | "internal";

export type ApiError = { code: Code, message: string, };

export type PlanKind = "annual_work_plan" | "implementation_plan" | "five_year_plan" | "other";

export type SectionRole = "background" | "guidance" | "goals" | "tasks" | "safeguards" | "other";

export type Qualifier = "at_least" | "about" | "at_most" | "exact";

export type TargetKind = "stock" | "increment" | "rate";

export type TargetRole = "target" | "baseline";

export type Period = { start: number, end: number, };

export type DocumentSummary = { id: number, title: string | null, city: string | null, province: string | null, kind: PlanKind, period: Period | null, issuer: string | null, doc_number: string | null, published: string | null, source_name: string, imported_at: string, tasks: number, targets: number, warnings: number, };

export type SectionDto = { marker: string, number: number, level: number, title: string, role: SectionRole, start: number, end: number, parent: number | null, path: string, };

export type TaskDto = { id: number, ordinal: number, section: number, path: string, title: string, text: string, start: number, end: number, };

export type NormalizedDto = { value: number, value_high: number | null, unit: string, };

export type TargetDto = { id: number, document_id: number, quote: string, start: number, end: number, indicator: string, indicator_id: string | null, value: number, value_high: number | null, unit: string, qualifier: Qualifier, kind: TargetKind, role: TargetRole, year: number | null, section: string, task: number | null, normalized: NormalizedDto | null, };

export type WarningDto = { code: string, message: string, start: number | null, };

export type DocumentDetail = { summary: DocumentSummary, text: string, sections: Array<SectionDto>, tasks: Array<TaskDto>, targets: Array<TargetDto>, warnings: Array<WarningDto>, };

export type ImportStatus = "imported" | "already_present" | "failed";

export type ImportProgress = { index: number, total: number, file: string, status: ImportStatus, document_id: number | null, message: string | null, };

export type ImportReport = { files: Array<ImportProgress>, };

export type IndicatorOption = { id: string, label: string, unit: string, documents: number, };

export type Lang = "zh" | "en";

export type CompareRequest = { documents: Array<number>, indicators: Array<string>, lang: Lang, };

export type CompareFigure = { target_id: number, document_id: number, quote: string, start: number, value: number, value_high: number | null, unit: string, qualifier: Qualifier, kind: TargetKind, role: TargetRole, year: number | null, normalized: NormalizedDto | null, };

export type CompareCell = { document_id: number, figures: Array<CompareFigure>, headline: number | null, };

export type CompareRow = { indicator_id: string, kind: TargetKind, label: string, cells: Array<CompareCell>, };

export type Comparison = { documents: Array<DocumentSummary>, rows: Array<CompareRow>, };

export type ChartTheme = "light" | "dark";

export type ChartSpec = { documents: Array<number>, indicator: string, theme: ChartTheme, width: number, height: number, lang: Lang, };

export type ExportFormat = "svg" | "png";

export type AnnotationStatus = "undecided" | "adopt" | "adapt" | "not_applicable";

export type AnnotationDraft = { status: AnnotationStatus, priority: number | null, tags: Array<string>, note: string, owner: string, };

export type Annotation = { id: number, task_id: number | null, draft: AnnotationDraft, revision: number, updated_at: string, orphaned: boolean, };

export type AnnotationRevision = { revision: number, draft: AnnotationDraft, saved_at: string, };

export type AnnotationFilter = { status: AnnotationStatus | null, city: string | null, tag: string | null, document: number | null, };

export type AnnotatedItem = { annotation: Annotation, document_id: number, city: string | null, document_title: string | null, path: string, task_title: string, task_text: string, figures: Array<string>, };

export type TextFormat = "csv" | "markdown";

export type Slide = { id: number, position: number, title: string, spec: ChartSpec, created_at: string, };
