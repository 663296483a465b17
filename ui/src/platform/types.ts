/**
 * The typed interface between the UI and whatever runs it: the Tauri shell
 * (`tauri.ts`, the only module that may import `@tauri-apps/*`) or the
 * in-memory mock (`mock.ts`) used by tests and by `npm run dev`.
 *
 * The data types come from `bindings.ts`, generated from the Rust DTOs.
 */
import type {
  CatalogIndicator,
  CorrectionAuthorDto,
  CorrectionEntryDto,
  DocumentCorrectionDto,
  DocumentFieldEdit,
  FigureFieldEdit,
  TargetCorrection,
  AnnotatedItem,
  Annotation,
  AnnotationDraft,
  AnnotationFilter,
  AnnotationRevision,
  ChartSpec,
  Comparison,
  CompareRequest,
  DocumentDetail,
  DocumentSummary,
  ExportFormat,
  ImportProgress,
  ImportReport,
  IndicatorOption,
  Lang,
  SearchResults,
  SearchRequest,
  SimilarTask,
  Slide,
  TaskPair,
  TaskThemeDto,
  TextFormat,
  ThemeCoverage,
  ThemeDecision,
  ThemeInfo,
  ThemeTask,
} from "./bindings";

export * from "./bindings";

/** Everything the UI may ask of its host. Every call may reject with an `AppError`. */
export interface Platform {
  /** All stored documents, by city then period. */
  listDocuments(): Promise<DocumentSummary[]>;
  /** One document with its text, outline, task items, targets and warnings. */
  getDocument(id: number): Promise<DocumentDetail>;
  /**
   * Lets the user pick plan files in the native dialog and imports them off
   * the UI thread, calling `onProgress` once per file. `null` when the user
   * cancelled the dialog.
   */
  importFiles(onProgress: (p: ImportProgress) => void): Promise<ImportReport | null>;
  /** Deletes a document (annotations are kept, anchored to its hash). */
  deleteDocument(id: number): Promise<void>;

  /** Indicators that have figures in any of `documents` (all documents when empty), named in `lang`. */
  listIndicators(documents: number[], lang: Lang): Promise<IndicatorOption[]>;
  /** The comparison table. */
  compare(request: CompareRequest): Promise<Comparison>;
  /** The chart as SVG text, drawn by the Rust chart code (the themes heatmap when `spec.themes` is set). */
  chartSvg(spec: ChartSpec): Promise<string>;
  /** Saves the chart through the save dialog: the path written, `null` when cancelled. */
  exportChart(spec: ChartSpec, format: ExportFormat): Promise<string | null>;
  /** Saves text the UI produced (e.g. the table as CSV) through the save dialog: the path written, `null` when cancelled. */
  saveText(suggestedName: string, format: TextFormat, content: string): Promise<string | null>;

  /** The annotation of a task item, or `null`. */
  getAnnotation(taskId: number): Promise<Annotation | null>;
  /** Saves an annotation; a save that changes nothing adds no revision. */
  saveAnnotation(taskId: number, draft: AnnotationDraft): Promise<Annotation>;
  /** All revisions, oldest first. */
  annotationHistory(taskId: number): Promise<AnnotationRevision[]>;
  /** Restores a revision by saving it again as the newest one. */
  restoreAnnotation(taskId: number, revision: number): Promise<Annotation>;
  /** Annotated task items with their context. */
  listAnnotations(filter: AnnotationFilter): Promise<AnnotatedItem[]>;
  /** Exports annotated items through the save dialog (status and priority in words of `lang`): the path written, `null` when cancelled. */
  exportAnnotations(filter: AnnotationFilter, format: TextFormat, lang: Lang): Promise<string | null>;

  /** The presenter deck in order. */
  listSlides(): Promise<Slide[]>;
  /** Appends a chart to the deck. */
  addSlide(title: string, spec: ChartSpec): Promise<Slide>;
  /** Removes a slide. */
  removeSlide(id: number): Promise<void>;
  /** Moves a slide to a position (clamped). */
  moveSlide(id: number, position: number): Promise<void>;

  /** Full-text search over sections and task items, best first, with the indicator synonyms searched. */
  search(request: SearchRequest): Promise<SearchResults>;
  /** The task items of other documents most similar to one, best first. */
  similarTasks(taskId: number, top: number): Promise<SimilarTask[]>;
  /** Two task items side by side with the content words they share. */
  taskPair(left: number, right: number): Promise<TaskPair>;
  /** The theme taxonomy, in display order. */
  listThemes(): Promise<ThemeInfo[]>;
  /** Documents × themes: task items and targets per cell. */
  themeCoverage(): Promise<ThemeCoverage>;
  /** Task items under a theme in the given documents (all when empty). */
  themeTasks(theme: string, documents: number[]): Promise<ThemeTask[]>;
  /** The themes in force for a task item. */
  taskThemes(taskId: number): Promise<TaskThemeDto[]>;
  /** Records the user's decision on a theme (kept across re-imports); returns the themes now in force. */
  setTaskTheme(taskId: number, theme: string, decision: ThemeDecision): Promise<TaskThemeDto[]>;

  /** Every catalog indicator, named in `lang` (to choose a figure's indicator). */
  catalogIndicators(lang: Lang): Promise<CatalogIndicator[]>;
  /** A figure as it reads now (corrections applied), with its correction's history. */
  targetCorrection(targetId: number): Promise<TargetCorrection>;
  /** Corrects a figure: sets the fields edited, as a new revision. */
  correctTarget(targetId: number, edits: FigureFieldEdit[], author: CorrectionAuthorDto): Promise<TargetCorrection>;
  /** Undoes the last change of a figure's correction. */
  undoTargetCorrection(targetId: number, author: CorrectionAuthorDto): Promise<TargetCorrection>;
  /** Brings back a revision of a figure's correction (0: as extracted). */
  restoreTargetCorrection(targetId: number, revision: number, author: CorrectionAuthorDto): Promise<TargetCorrection>;
  /** A document's metadata as it reads now, with its correction's history. */
  documentCorrection(documentId: number): Promise<DocumentCorrectionDto>;
  /** Corrects a document's metadata (`null` clears a field). */
  correctDocument(documentId: number, edits: DocumentFieldEdit[], author: CorrectionAuthorDto): Promise<DocumentCorrectionDto>;
  /** Undoes the last change of a document's metadata correction. */
  undoDocumentCorrection(documentId: number, author: CorrectionAuthorDto): Promise<DocumentCorrectionDto>;
  /** Every correction with its context. */
  listCorrections(): Promise<CorrectionEntryDto[]>;
  /** Exports every correction as CSV through the save dialog; `false` when cancelled. */
  exportCorrections(): Promise<string | null>;

  /** Tells the host the first screen with documents is shown (start-up benchmark). */
  ready(): Promise<void>;

  /**
   * A view preference kept across restarts (e.g. Compare's selection), as
   * JSON text; `null` when never set. Kept by the webview (localStorage in
   * the app's data directory), not in the plan database: it is view state.
   */
  getPreference(key: string): Promise<string | null>;
  /** Stores a view preference (see `getPreference`). */
  setPreference(key: string, value: string): Promise<void>;
}
