// Generated from the Rust types in src-tauri/src/dto.rs and error.rs by ts-rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p planlens-app --lib bindings

export type Code = "not_found" | "invalid_input" | "io" | "database" | "internal";

export type ApiError = { 
/**
 * Classification.
 */
code: Code, 
/**
 * Human-readable explanation (English, from the core).
 */
message: string, };

export type PlanKind = "annual_work_plan" | "implementation_plan" | "five_year_plan" | "other";

export type SectionRole = "background" | "guidance" | "goals" | "tasks" | "safeguards" | "other";

export type Qualifier = "at_least" | "about" | "at_most" | "exact";

export type TargetKind = "stock" | "increment" | "rate";

export type TargetRole = "target" | "baseline";

export type Period = { 
/**
 * First year.
 */
start: number, 
/**
 * Last year.
 */
end: number, };

export type DocumentSummary = { 
/**
 * Document id.
 */
id: number, 
/**
 * Title.
 */
title: string | null, 
/**
 * City.
 */
city: string | null, 
/**
 * Province.
 */
province: string | null, 
/**
 * Plan kind.
 */
kind: PlanKind, 
/**
 * Years covered.
 */
period: Period | null, 
/**
 * Issuing body.
 */
issuer: string | null, 
/**
 * 文号.
 */
doc_number: string | null, 
/**
 * Publication date.
 */
published: string | null, 
/**
 * File it was imported from.
 */
source_name: string, 
/**
 * Import time (UTC).
 */
imported_at: string, 
/**
 * Task items.
 */
tasks: number, 
/**
 * Targets.
 */
targets: number, 
/**
 * Parse warnings.
 */
warnings: number, 
/**
 * Version among documents of the same city, kind and period (1 first).
 */
version: number, 
/**
 * The document that replaced this one as the next version.
 */
superseded_by: number | null, 
/**
 * Administrative level (prefecture, province, …), when the user set it.
 */
level: string | null, 
/**
 * Whether the user corrected its metadata.
 */
corrected: boolean, };

export type SectionDto = { 
/**
 * Marker as written.
 */
marker: string, 
/**
 * Its number.
 */
number: number, 
/**
 * Depth, 1 at top level.
 */
level: number, 
/**
 * Heading.
 */
title: string, 
/**
 * Role.
 */
role: SectionRole, 
/**
 * Start offset (characters).
 */
start: number, 
/**
 * End offset (characters, exclusive).
 */
end: number, 
/**
 * Parent index in the list.
 */
parent: number | null, 
/**
 * Section path, e.g. `二/(三)/6`.
 */
path: string, };

export type TaskDto = { 
/**
 * Stored task item id.
 */
id: number, 
/**
 * Position among the document's task items.
 */
ordinal: number, 
/**
 * Index of its section node.
 */
section: number, 
/**
 * Section path.
 */
path: string, 
/**
 * Heading or first sentence.
 */
title: string, 
/**
 * Full text.
 */
text: string, 
/**
 * Start offset.
 */
start: number, 
/**
 * End offset.
 */
end: number, };

export type NormalizedDto = { 
/**
 * Value in base units.
 */
value: number, 
/**
 * High end of a range.
 */
value_high: number | null, 
/**
 * Base unit.
 */
unit: string, };

export type BindingDto = "binding" | "expected";

export type TargetCellDto = { 
/**
 * Index of the table in the document ([`TableDto::index`]).
 */
table: number, 
/**
 * Row, from 0 (header rows included).
 */
row: number, 
/**
 * Column, from 0.
 */
column: number, 
/**
 * 约束性/预期性, when the row says.
 */
binding: BindingDto | null, };

export type TargetDto = { 
/**
 * Target id.
 */
id: number, 
/**
 * Document id.
 */
document_id: number, 
/**
 * Verbatim quote.
 */
quote: string, 
/**
 * Start offset.
 */
start: number, 
/**
 * End offset.
 */
end: number, 
/**
 * Indicator as written.
 */
indicator: string, 
/**
 * Catalog id.
 */
indicator_id: string | null, 
/**
 * Value (low end).
 */
value: number, 
/**
 * High end.
 */
value_high: number | null, 
/**
 * Unit as written.
 */
unit: string, 
/**
 * Bound.
 */
qualifier: Qualifier, 
/**
 * Stock, increment or rate.
 */
kind: TargetKind, 
/**
 * Target or baseline.
 */
role: TargetRole, 
/**
 * Year.
 */
year: number | null, 
/**
 * Section path.
 */
section: string, 
/**
 * Ordinal of the task item it sits in.
 */
task: number | null, 
/**
 * Comparable value.
 */
normalized: NormalizedDto | null, 
/**
 * The indicator-table cell it was read from; `null` for a figure from
 * running text.
 */
cell: TargetCellDto | null, 
/**
 * Whether the user corrected it (the fields above are as corrected).
 */
corrected: boolean, 
/**
 * The user marked it as not a target (left out of comparisons).
 */
not_a_target: boolean, 
/**
 * The user merged it into this other figure (left out of comparisons).
 */
merged_into: number | null, 
/**
 * What the user changed, as extracted → as corrected (empty when not
 * corrected).
 */
changes: Array<FieldChangeDto>, };

export type TableCellDto = { 
/**
 * Cell text (equal to the text at `start..end`).
 */
text: string, 
/**
 * Start offset.
 */
start: number, 
/**
 * End offset.
 */
end: number, };

export type TableDto = { 
/**
 * Index of the table in the document, as in [`TargetCellDto::table`].
 */
index: number, 
/**
 * Offset of the first row.
 */
start: number, 
/**
 * End of the last row.
 */
end: number, 
/**
 * Rows of cells (rows may have different lengths).
 */
rows: Array<Array<TableCellDto>>, };

export type WarningDto = { 
/**
 * Machine-readable code.
 */
code: string, 
/**
 * Explanation.
 */
message: string, 
/**
 * Offset it refers to.
 */
start: number | null, };

export type DocumentDetail = { 
/**
 * Metadata and counts.
 */
summary: DocumentSummary, 
/**
 * The text, verbatim.
 */
text: string, 
/**
 * Outline nodes in document order.
 */
sections: Array<SectionDto>, 
/**
 * Task items in document order.
 */
tasks: Array<TaskDto>, 
/**
 * Targets in text order.
 */
targets: Array<TargetDto>, 
/**
 * The tables targets were read from (indicator tables), by index.
 */
tables: Array<TableDto>, 
/**
 * Parse warnings.
 */
warnings: Array<WarningDto>, 
/**
 * Character ranges recognised as web-page chrome (shown dimmed).
 */
noise: Array<[number, number]>, };

export type ImportStatus = "imported" | "already_present" | "failed";

export type ImportProgress = { 
/**
 * Position of the file, from 0.
 */
index: number, 
/**
 * Number of files.
 */
total: number, 
/**
 * File name.
 */
file: string, 
/**
 * Outcome.
 */
status: ImportStatus, 
/**
 * Document id when stored or present.
 */
document_id: number | null, 
/**
 * Why it failed.
 */
message: string | null, };

export type ImportReport = { 
/**
 * One entry per file.
 */
files: Array<ImportProgress>, };

export type IndicatorOption = { 
/**
 * Catalog id.
 */
id: string, 
/**
 * Display name in the current language.
 */
label: string, 
/**
 * Most common unit of its figures.
 */
unit: string, 
/**
 * Number of documents with a figure for it.
 */
documents: number, };

export type Lang = "zh" | "en";

export type CompareRequest = { 
/**
 * Documents (columns), in order.
 */
documents: Array<number>, 
/**
 * Indicator ids (rows).
 */
indicators: Array<string>, 
/**
 * Language of labels.
 */
lang: Lang, 
/**
 * Also list the figures that map to no indicator (其他), by phrase.
 */
include_other?: boolean, };

export type CompareFigure = { 
/**
 * Target id.
 */
target_id: number, 
/**
 * Document id.
 */
document_id: number, 
/**
 * Verbatim quote.
 */
quote: string, 
/**
 * Offset of the quote.
 */
start: number, 
/**
 * Value.
 */
value: number, 
/**
 * High end.
 */
value_high: number | null, 
/**
 * Unit as written.
 */
unit: string, 
/**
 * Bound.
 */
qualifier: Qualifier, 
/**
 * Stock, increment or rate.
 */
kind: TargetKind, 
/**
 * Target or baseline.
 */
role: TargetRole, 
/**
 * Year (or the plan's last year).
 */
year: number | null, 
/**
 * Comparable value.
 */
normalized: NormalizedDto | null, 
/**
 * Further sentences stating the same target (shown once).
 */
mentions: Array<MentionDto>, 
/**
 * Whether the user corrected it.
 */
corrected: boolean, 
/**
 * What the user changed, as extracted → as corrected.
 */
changes: Array<FieldChangeDto>, };

export type MentionDto = { 
/**
 * Target id of the restatement.
 */
target_id: number, 
/**
 * Verbatim quote.
 */
quote: string, 
/**
 * Offset of the quote.
 */
start: number, };

export type CellNoteDto = "qualifiers_differ" | "years_differ";

export type CompareCell = { 
/**
 * Document id.
 */
document_id: number, 
/**
 * Figures in text order.
 */
figures: Array<CompareFigure>, 
/**
 * Index of the figure charts use.
 */
headline: number | null, 
/**
 * Whether the figures differ in qualifier or year.
 */
notes: Array<CellNoteDto>, };

export type CompareRow = { 
/**
 * Catalog id.
 */
indicator_id: string, 
/**
 * Stock, increment or rate.
 */
kind: TargetKind, 
/**
 * Display name.
 */
label: string, 
/**
 * One cell per document, in column order.
 */
cells: Array<CompareCell>, };

export type Comparison = { 
/**
 * Columns.
 */
documents: Array<DocumentSummary>, 
/**
 * Rows.
 */
rows: Array<CompareRow>, 
/**
 * Rows of figures that map to no indicator (其他), when asked for;
 * their `indicator_id` is empty and their label names the phrase.
 */
others: Array<CompareRow>, };

export type ChartTheme = "light" | "dark";

export type ChartSpec = { 
/**
 * Documents, in column order.
 */
documents: Array<number>, 
/**
 * Indicator id.
 */
indicator: string, 
/**
 * Colours.
 */
theme: ChartTheme, 
/**
 * Width in pixels.
 */
width: number, 
/**
 * Height in pixels.
 */
height: number, 
/**
 * Language of labels.
 */
lang: Lang, 
/**
 * Set: draw the theme coverage heatmap of `documents` (all when empty)
 * counting this, instead of the indicator's chart.
 */
themes?: ThemeMetric, };

export type ExportFormat = "svg" | "png";

export type TextFormat = "csv" | "markdown";

export type AnnotationStatus = "undecided" | "adopt" | "adapt" | "not_applicable";

export type AnnotationDraft = { 
/**
 * Decision.
 */
status: AnnotationStatus, 
/**
 * 1 (high) to 3 (low).
 */
priority: number | null, 
/**
 * Tags.
 */
tags: Array<string>, 
/**
 * Note.
 */
note: string, 
/**
 * Owner.
 */
owner: string, };

export type Annotation = { 
/**
 * Annotation id.
 */
id: number, 
/**
 * Task item it is attached to now.
 */
task_id: number | null, 
/**
 * Content.
 */
draft: AnnotationDraft, 
/**
 * Revision number.
 */
revision: number, 
/**
 * Last change (UTC).
 */
updated_at: string, 
/**
 * Its task item is gone from the current version.
 */
orphaned: boolean, };

export type AnnotationRevision = { 
/**
 * Revision number.
 */
revision: number, 
/**
 * Content.
 */
draft: AnnotationDraft, 
/**
 * When it was saved (UTC).
 */
saved_at: string, };

export type AnnotationFilter = { 
/**
 * Only this status.
 */
status: AnnotationStatus | null, 
/**
 * Only this city.
 */
city: string | null, 
/**
 * Only this tag.
 */
tag: string | null, 
/**
 * Only this document.
 */
document: number | null, };

export type AnnotatedItem = { 
/**
 * The annotation.
 */
annotation: Annotation, 
/**
 * Document id.
 */
document_id: number, 
/**
 * City.
 */
city: string | null, 
/**
 * Document title (corrections applied; city, period and kind when the
 * plan has no title).
 */
document_title: string | null, 
/**
 * The document's period (`2023`, `2021–2025`).
 */
period: string | null, 
/**
 * Section path.
 */
path: string, 
/**
 * Task item title.
 */
task_title: string, 
/**
 * Task item text.
 */
task_text: string, 
/**
 * Quotes of its figures.
 */
figures: Array<string>, };

export type Slide = { 
/**
 * Slide id.
 */
id: number, 
/**
 * Position, from 0.
 */
position: number, 
/**
 * Title.
 */
title: string, 
/**
 * The chart, redrawn from current data when shown.
 */
spec: ChartSpec, 
/**
 * When it was added (UTC).
 */
created_at: string, };

export type SearchRequest = { 
/**
 * Terms separated by spaces; all must occur.
 */
query: string, 
/**
 * Only this city.
 */
city: string | null, 
/**
 * Only documents whose period covers this year.
 */
year: number | null, 
/**
 * Only this plan kind.
 */
kind: PlanKind | null, 
/**
 * Only under sections of this role.
 */
role: SectionRole | null, 
/**
 * Only task items of this theme id.
 */
theme: string | null, 
/**
 * Most hits (0: 20).
 */
limit: number, 
/**
 * Also find the phrases of a catalog indicator the query names.
 */
synonyms: boolean, 
/**
 * Synonym phrases the user removed.
 */
drop_synonyms: Array<string>, 
/**
 * Leave out documents of these cities.
 */
exclude_cities: Array<string>, };

export type CharSpan = { 
/**
 * First character.
 */
start: number, 
/**
 * End (exclusive).
 */
end: number, };

export type SearchHitDto = { 
/**
 * Document id.
 */
document_id: number, 
/**
 * Display title of the document.
 */
document_title: string, 
/**
 * City.
 */
city: string | null, 
/**
 * First year of the period.
 */
year: number | null, 
/**
 * Plan kind.
 */
kind: PlanKind, 
/**
 * Path of the section.
 */
section_path: string, 
/**
 * Title of the section.
 */
section_title: string, 
/**
 * Role of the section.
 */
role: SectionRole, 
/**
 * The task item the hit lies in.
 */
task_id: number | null, 
/**
 * The unit's range in the document text.
 */
unit: CharSpan, 
/**
 * Relevance (bm25), higher is better.
 */
score: number, 
/**
 * Occurrences of the terms, in document offsets.
 */
hits: Array<CharSpan>, 
/**
 * Text around the first occurrence.
 */
snippet: string, 
/**
 * Occurrences inside the snippet, in snippet offsets.
 */
highlights: Array<CharSpan>, };

export type SynonymDto = { 
/**
 * The term (or the whole query).
 */
term: string, 
/**
 * Names of the indicators it names, in the request's language order
 * (Chinese, English).
 */
indicators: Array<IndicatorName>, 
/**
 * The phrases searched besides the term.
 */
phrases: Array<string>, 
/**
 * Phrases the user removed.
 */
dropped: Array<string>, };

export type IndicatorName = { 
/**
 * Catalog id.
 */
id: string, 
/**
 * Chinese name.
 */
zh: string, 
/**
 * English name.
 */
en: string, };

export type SearchResults = { 
/**
 * Hits, best first.
 */
hits: Array<SearchHitDto>, 
/**
 * The query terms widened to an indicator's phrases.
 */
synonyms: Array<SynonymDto>, };

export type SimilarTask = { 
/**
 * Task item id.
 */
task_id: number, 
/**
 * Its document.
 */
document_id: number, 
/**
 * Display title of the document.
 */
document_title: string, 
/**
 * City.
 */
city: string | null, 
/**
 * Section path.
 */
path: string, 
/**
 * Heading or first sentence.
 */
title: string, 
/**
 * Cosine similarity in `[0, 1]`.
 */
score: number, };

export type TaskSide = { 
/**
 * Task item id.
 */
task_id: number, 
/**
 * Its document.
 */
document_id: number, 
/**
 * Display title of the document.
 */
document_title: string, 
/**
 * City.
 */
city: string | null, 
/**
 * Section path.
 */
path: string, 
/**
 * Heading or first sentence.
 */
title: string, 
/**
 * Full text of the item.
 */
body: string, 
/**
 * Offset of the item in the document text (for the Reader).
 */
start: number, 
/**
 * Where the shared terms occur in `body`.
 */
shared: Array<CharSpan>, };

export type TaskPair = { 
/**
 * The query item.
 */
left: TaskSide, 
/**
 * The other item.
 */
right: TaskSide, 
/**
 * Shared content words, longest first.
 */
terms: Array<string>, };

export type ThemeInfo = { 
/**
 * Stable id.
 */
id: string, 
/**
 * Chinese name.
 */
zh: string, 
/**
 * English name.
 */
en: string, };

export type ThemeSource = "auto" | "user";

export type TaskThemeDto = { 
/**
 * Theme id.
 */
theme: string, 
/**
 * Confidence in `(0, 1]` (1 when the user added it).
 */
confidence: number, 
/**
 * Classifier or user.
 */
source: ThemeSource, };

export type ThemeDecision = "add" | "remove" | "reset";

export type CoverageCell = { 
/**
 * Document id.
 */
document_id: number, 
/**
 * Theme id.
 */
theme: string, 
/**
 * Task items with the theme.
 */
tasks: number, 
/**
 * Targets inside them.
 */
targets: number, };

export type ThemeCoverage = { 
/**
 * Columns.
 */
documents: Array<DocumentSummary>, 
/**
 * Rows, in taxonomy order.
 */
themes: Array<ThemeInfo>, 
/**
 * Non-empty cells.
 */
cells: Array<CoverageCell>, };

export type ThemeTask = { 
/**
 * Task item id.
 */
task_id: number, 
/**
 * Its document.
 */
document_id: number, 
/**
 * Section path.
 */
path: string, 
/**
 * Heading or first sentence.
 */
title: string, 
/**
 * Full text.
 */
body: string, 
/**
 * Offset in the document text.
 */
start: number, 
/**
 * Confidence of the theme.
 */
confidence: number, 
/**
 * Classifier or user.
 */
source: ThemeSource, 
/**
 * Targets inside the item.
 */
targets: number, };

export type ThemeMetric = "tasks" | "targets";

export type FigureFieldEdit = { "field": "not_a_target", "value": boolean } | { "field": "indicator_id", "value": string | null } | { "field": "value", "value": number } | { "field": "value_high", "value": number | null } | { "field": "unit", "value": string } | { "field": "qualifier", "value": Qualifier } | { "field": "kind", "value": TargetKind } | { "field": "role", "value": TargetRole } | { "field": "year", "value": number | null } | { "field": "merge_into", "value": number | null };

export type DocumentFieldEdit = { "field": "title", "value": string | null } | { "field": "city", "value": string | null } | { "field": "province", "value": string | null } | { "field": "level", "value": string | null } | { "field": "kind", "value": PlanKind } | { "field": "period", "value": Period | null } | { "field": "issuer", "value": string | null } | { "field": "doc_number", "value": string | null };

export type CorrectionAuthorDto = { 
/**
 * Who (remembered by the UI).
 */
owner: string | null, 
/**
 * Why.
 */
note: string | null, };

export type FieldChangeDto = { 
/**
 * Field (`not_a_target`, `indicator_id`, `value`, `city`, …).
 */
field: string, 
/**
 * As extracted or detected (`—` for none).
 */
before: string, 
/**
 * As corrected.
 */
after: string, };

export type CorrectionRevisionDto = { 
/**
 * Revision number (1 first).
 */
revision: number, 
/**
 * The corrected fields at that revision, `field: value` for people
 * (empty: as extracted).
 */
fields: Array<string>, 
/**
 * Who saved it.
 */
owner: string | null, 
/**
 * Its note.
 */
note: string | null, 
/**
 * The revision an undo or restore brought back (0: as extracted);
 * `null` for an edit.
 */
restored_from: number | null, 
/**
 * When (UTC).
 */
saved_at: string, };

export type TargetCorrection = { 
/**
 * The figure now (with `corrected`, `not_a_target`, `merged_into` and
 * `changes`).
 */
target: TargetDto, 
/**
 * Revision number of the correction (0: never corrected).
 */
revision: number, 
/**
 * Who made the last change.
 */
owner: string | null, 
/**
 * When (UTC), if corrected.
 */
updated_at: string | null, 
/**
 * The history, oldest first.
 */
history: Array<CorrectionRevisionDto>, };

export type DocumentCorrectionDto = { 
/**
 * The document as it reads now.
 */
document: DocumentSummary, 
/**
 * The detected metadata the user changed, as extracted → as corrected.
 */
changes: Array<FieldChangeDto>, 
/**
 * Revision number of the correction (0: never corrected).
 */
revision: number, 
/**
 * Who made the last change.
 */
owner: string | null, 
/**
 * The history, oldest first.
 */
history: Array<CorrectionRevisionDto>, };

export type CorrectionScopeDto = "figure" | "document";

export type CorrectionEntryDto = { 
/**
 * Correction id (per scope).
 */
id: number, 
/**
 * Figure or document.
 */
scope: CorrectionScopeDto, 
/**
 * The stored document, if stored.
 */
document_id: number | null, 
/**
 * The document for people.
 */
document: string, 
/**
 * The stored figure (figure corrections).
 */
target_id: number | null, 
/**
 * Its quote (figure corrections).
 */
quote: string | null, 
/**
 * The corrected fields.
 */
changes: Array<FieldChangeDto>, 
/**
 * Who made the last change.
 */
owner: string | null, 
/**
 * Note of the last change.
 */
note: string | null, 
/**
 * Revision number.
 */
revision: number, 
/**
 * When (UTC).
 */
updated_at: string, 
/**
 * The figure is gone from a newer version of the document.
 */
orphaned: boolean, };

export type CatalogIndicator = { 
/**
 * Catalog id.
 */
id: string, 
/**
 * Display name in the requested language.
 */
label: string, };
