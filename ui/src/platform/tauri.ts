/**
 * The Tauri shell as a `Platform`. The only module that imports
 * `@tauri-apps/*`; command names and argument names match `src-tauri`.
 * Errors arrive as `{code, message}` and are rethrown as `AppError`.
 */
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
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
import { toAppError } from "./errors";
import type { Platform } from "./types";

/** The event the shell emits once per imported file. */
export const IMPORT_PROGRESS_EVENT = "import-progress";

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

/** Whether the page runs inside the Tauri webview. */
export function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** The platform backed by Tauri commands. */
export class TauriPlatform implements Platform {
  listDocuments(): Promise<DocumentSummary[]> {
    return call("list_documents");
  }
  getDocument(id: number): Promise<DocumentDetail> {
    return call("get_document", { id });
  }
  async importFiles(onProgress: (p: ImportProgress) => void): Promise<ImportReport | null> {
    const unlisten = await listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (e) => onProgress(e.payload));
    try {
      return await call<ImportReport | null>("import_files");
    } finally {
      unlisten();
    }
  }
  deleteDocument(id: number): Promise<void> {
    return call("delete_document", { id });
  }
  listIndicators(documents: number[], lang: Lang): Promise<IndicatorOption[]> {
    return call("list_indicators", { documents, lang });
  }
  compare(request: CompareRequest): Promise<Comparison> {
    return call("compare", { request });
  }
  chartSvg(spec: ChartSpec): Promise<string> {
    return call("chart_svg", { spec });
  }
  exportChart(spec: ChartSpec, format: ExportFormat): Promise<string | null> {
    return call("export_chart", { spec, format });
  }
  saveText(suggested_name: string, format: TextFormat, content: string): Promise<string | null> {
    return call("save_text", { suggested_name, format, content });
  }
  getAnnotation(task_id: number): Promise<Annotation | null> {
    return call("get_annotation", { task_id });
  }
  saveAnnotation(task_id: number, draft: AnnotationDraft): Promise<Annotation> {
    return call("save_annotation", { task_id, draft });
  }
  annotationHistory(task_id: number): Promise<AnnotationRevision[]> {
    return call("annotation_history", { task_id });
  }
  restoreAnnotation(task_id: number, revision: number): Promise<Annotation> {
    return call("restore_annotation", { task_id, revision });
  }
  listAnnotations(filter: AnnotationFilter): Promise<AnnotatedItem[]> {
    return call("list_annotations", { filter });
  }
  exportAnnotations(filter: AnnotationFilter, format: TextFormat, lang: Lang): Promise<string | null> {
    return call("export_annotations", { filter, format, lang });
  }
  listSlides(): Promise<Slide[]> {
    return call("list_slides");
  }
  addSlide(title: string, spec: ChartSpec): Promise<Slide> {
    return call("add_slide", { title, spec });
  }
  removeSlide(id: number): Promise<void> {
    return call("remove_slide", { id });
  }
  moveSlide(id: number, position: number): Promise<void> {
    return call("move_slide", { id, position });
  }
  search(request: SearchRequest): Promise<SearchResults> {
    return call("search", { request });
  }
  similarTasks(task_id: number, top: number): Promise<SimilarTask[]> {
    return call("similar_tasks", { task_id, top });
  }
  taskPair(left: number, right: number): Promise<TaskPair> {
    return call("task_pair", { left, right });
  }
  listThemes(): Promise<ThemeInfo[]> {
    return call("list_themes");
  }
  themeCoverage(): Promise<ThemeCoverage> {
    return call("theme_coverage");
  }
  themeTasks(theme: string, documents: number[]): Promise<ThemeTask[]> {
    return call("theme_tasks", { theme, documents });
  }
  taskThemes(task_id: number): Promise<TaskThemeDto[]> {
    return call("task_themes", { task_id });
  }
  setTaskTheme(task_id: number, theme: string, decision: ThemeDecision): Promise<TaskThemeDto[]> {
    return call("set_task_theme", { task_id, theme, decision });
  }
  catalogIndicators(lang: Lang): Promise<CatalogIndicator[]> {
    return call("catalog_indicators", { lang });
  }
  targetCorrection(target_id: number): Promise<TargetCorrection> {
    return call("target_correction", { target_id });
  }
  correctTarget(target_id: number, edits: FigureFieldEdit[], author: CorrectionAuthorDto): Promise<TargetCorrection> {
    return call("correct_target", { target_id, edits, author });
  }
  undoTargetCorrection(target_id: number, author: CorrectionAuthorDto): Promise<TargetCorrection> {
    return call("undo_target_correction", { target_id, author });
  }
  restoreTargetCorrection(target_id: number, revision: number, author: CorrectionAuthorDto): Promise<TargetCorrection> {
    return call("restore_target_correction", { target_id, revision, author });
  }
  documentCorrection(document_id: number): Promise<DocumentCorrectionDto> {
    return call("document_correction", { document_id });
  }
  correctDocument(document_id: number, edits: DocumentFieldEdit[], author: CorrectionAuthorDto): Promise<DocumentCorrectionDto> {
    return call("correct_document", { document_id, edits, author });
  }
  undoDocumentCorrection(document_id: number, author: CorrectionAuthorDto): Promise<DocumentCorrectionDto> {
    return call("undo_document_correction", { document_id, author });
  }
  listCorrections(): Promise<CorrectionEntryDto[]> {
    return call("list_corrections");
  }
  exportCorrections(): Promise<string | null> {
    return call("export_corrections");
  }
  ready(): Promise<void> {
    return call("app_ready");
  }

  async getPreference(key: string): Promise<string | null> {
    try {
      return window.localStorage.getItem(`planlens.${key}`);
    } catch {
      return null;
    }
  }

  async setPreference(key: string, value: string): Promise<void> {
    try {
      window.localStorage.setItem(`planlens.${key}`, value);
    } catch {
      // Storage full or disabled: the preference is only lost.
    }
  }
}
