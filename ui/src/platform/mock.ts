/**
 * An in-memory `Platform` for Vitest and for running the UI in a browser
 * (`npm run dev`). It behaves like the shell: errors are `AppError`s with
 * the same codes, annotations keep an append-only history, the deck persists
 * for the life of the object.
 */
import type {
  CatalogIndicator,
  CorrectionAuthorDto,
  CorrectionEntryDto,
  DocumentCorrectionDto,
  DocumentFieldEdit,
  FigureFieldEdit,
  TargetCorrection,
  TargetDto,
  AnnotatedItem,
  Annotation,
  AnnotationDraft,
  AnnotationFilter,
  AnnotationRevision,
  CellNoteDto,
  ChartSpec,
  CompareFigure,
  CompareRow,
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
  TargetKind,
  TaskPair,
  TaskThemeDto,
  TextFormat,
  ThemeCoverage,
  ThemeDecision,
  ThemeInfo,
  ThemeTask,
} from "./bindings";
import { MOCK_THEMES, mockClassify, mockPair, mockSearch, mockSimilar } from "./mock-explore";
import { AppError } from "./errors";
import { buildDocument, generatePlan, SAMPLE_PLANS, type PlanSpec } from "./fixture";
import type { Platform } from "./types";
import { annotationsCsv, annotationsMarkdown } from "../lib/export";
import {
  applyDocument,
  applyFigure,
  currentFields,
  documentChanges,
  historyOf,
  restoreRevision,
  saveEdit,
  undo,
  type DocumentFields,
  type FigureFields,
  type MockCorrection,
} from "./mock-corrections";

/** The catalog indicators the mock knows (ids of the fixtures and a few more). */
export const MOCK_CATALOG: CatalogIndicator[] = [
  { id: "high_tech_enterprises", label: "高新技术企业" },
  { id: "rd_intensity", label: "研发经费投入强度" },
  { id: "tech_contract_value", label: "技术合同成交额" },
  { id: "tech_smes", label: "科技型中小企业" },
  { id: "key_technologies", label: "攻克关键技术" },
];

/** Whether a figure is left out of comparisons. */
const excluded = (t: TargetDto) => t.not_a_target || t.merged_into !== null;

interface StoredAnnotation {
  id: number;
  taskId: number;
  revisions: AnnotationRevision[];
}

/** Options of the mock. */
export interface MockOptions {
  /** Plans to start with (default: the samples). */
  plans?: PlanSpec[];
  /** What the "file dialog" returns on import; `null` simulates cancel. */
  importPlans?: PlanSpec[] | null;
  /** Artificial latency per call in ms (0 in tests). */
  latencyMs?: number;
  /** View preferences kept "across restarts": share one map between mocks. */
  preferences?: Map<string, string>;
}

const clone = <T>(v: T): T => structuredClone(v);

const KIND_ZH = { annual_work_plan: "年度工作计划", implementation_plan: "实施方案", five_year_plan: "五年规划", other: "其他" } as const;

function periodText(p: { start: number; end: number }): string {
  return p.start === p.end ? String(p.start) : `${p.start}–${p.end}`;
}

/** Where the mock's save dialog "writes" files. */
export const MOCK_SAVE_DIR = "/home/user/Documents";

/** The mock platform. `saved` records what the save dialog "wrote". */
export class MockPlatform implements Platform {
  private docs = new Map<number, DocumentDetail>();
  private annotations = new Map<number, StoredAnnotation>();
  private slides: Slide[] = [];
  /** Theme decisions: task id → theme → assigned. */
  private themeOverrides = new Map<number, Map<string, boolean>>();
  private nextTaskId = 1;
  private nextTargetId = 1;
  private nextAnnotationId = 1;
  private nextSlideId = 1;
  private clock = Date.parse("2026-01-05T08:00:00Z");
  /** Figures as extracted, by target id, once corrected. */
  private originals = new Map<number, TargetDto>();
  private figureCorrections = new Map<number, MockCorrection<FigureFields>>();
  /** Documents as detected, by id, once corrected. */
  private originalDocs = new Map<number, DocumentSummary>();
  private documentCorrections = new Map<number, MockCorrection<DocumentFields>>();
  /** View preferences (pass the same map to a new mock to "restart" the app). */
  readonly preferences: Map<string, string>;
  /** Files written through the save dialog, newest last. */
  readonly saved: { name: string; content: string }[] = [];

  constructor(private readonly opts: MockOptions = {}) {
    this.preferences = opts.preferences ?? new Map();
    for (const p of opts.plans ?? SAMPLE_PLANS) this.add(p);
  }

  private add(p: PlanSpec): DocumentDetail {
    const d = buildDocument(p, this.nextTaskId, this.nextTargetId);
    this.nextTaskId += d.tasks.length;
    this.nextTargetId += d.targets.length;
    this.docs.set(p.id, d);
    return d;
  }

  private async tick<T>(v: T): Promise<T> {
    const ms = this.opts.latencyMs ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    return clone(v);
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private doc(id: number): DocumentDetail {
    const d = this.docs.get(id);
    if (!d) throw new AppError("not_found", `no document with id ${id}`);
    return d;
  }

  private task(taskId: number) {
    for (const d of this.docs.values()) {
      const t = d.tasks.find((x) => x.id === taskId);
      if (t) return { d, t };
    }
    throw new AppError("not_found", `no task item with id ${taskId}`);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const list = [...this.docs.values()].map((d) => d.summary);
    list.sort((a, b) => (a.city ?? "").localeCompare(b.city ?? "") || (a.period?.start ?? 0) - (b.period?.start ?? 0));
    return this.tick(list);
  }

  async getDocument(id: number): Promise<DocumentDetail> {
    return this.tick(this.doc(id));
  }

  async importFiles(onProgress: (p: ImportProgress) => void): Promise<ImportReport | null> {
    const plans = this.opts.importPlans === undefined ? [generatePlan(100 + this.docs.size, 2000)] : this.opts.importPlans;
    if (plans === null) return null;
    const files: ImportProgress[] = [];
    for (const [index, p] of plans.entries()) {
      const present = this.docs.has(p.id);
      if (!present) this.add(p);
      const progress: ImportProgress = {
        index,
        total: plans.length,
        file: `${p.city}-${p.period[0]}.txt`,
        status: present ? "already_present" : "imported",
        document_id: p.id,
        message: null,
      };
      files.push(progress);
      await this.tick(null);
      onProgress(clone(progress));
    }
    return { files };
  }

  async deleteDocument(id: number): Promise<void> {
    this.doc(id);
    this.docs.delete(id);
    await this.tick(null);
  }

  async listIndicators(documents: number[], _lang: Lang): Promise<IndicatorOption[]> {
    const ids = documents.length ? documents : [...this.docs.keys()];
    const by = new Map<string, { label: string; unit: string; docs: Set<number> }>();
    for (const id of ids) {
      for (const t of this.doc(id).targets) {
        if (!t.indicator_id || excluded(t)) continue;
        const e = by.get(t.indicator_id) ?? { label: t.indicator, unit: t.normalized?.unit ?? t.unit, docs: new Set() };
        e.docs.add(id);
        by.set(t.indicator_id, e);
      }
    }
    const out = [...by.entries()].map(([id, e]) => ({ id, label: e.label, unit: e.unit, documents: e.docs.size }));
    out.sort((a, b) => b.documents - a.documents || a.id.localeCompare(b.id));
    return this.tick(out);
  }

  async compare(req: CompareRequest): Promise<Comparison> {
    if (req.documents.length === 0) throw new AppError("invalid_input", "choose at least one document");
    const documents = req.documents.map((id) => this.doc(id).summary);
    const kinds: TargetKind[] = ["stock", "increment", "rate"];
    const rows: CompareRow[] = [];
    for (const ind of req.indicators) {
      for (const kind of kinds) {
        let label = ind;
        const cells = req.documents.map((id) => {
          const figures: CompareFigure[] = this.doc(id)
            .targets.filter((t) => t.indicator_id === ind && t.kind === kind && !excluded(t))
            .map((t) => {
              label = t.indicator;
              return {
                target_id: t.id,
                document_id: id,
                quote: t.quote,
                start: t.start,
                value: t.value,
                value_high: t.value_high,
                unit: t.unit,
                qualifier: t.qualifier,
                kind: t.kind,
                role: t.role,
                year: t.year,
                normalized: t.normalized,
                mentions: [],
                corrected: t.corrected,
                changes: t.changes,
              };
            });
          return { document_id: id, figures, headline: headline(figures), notes: cellNotes(figures) };
        });
        if (cells.some((c) => c.figures.length)) rows.push({ indicator_id: ind, kind, label, cells });
      }
    }
    const others: CompareRow[] = [];
    if (req.include_other) {
      const phrases = new Set(req.documents.flatMap((id) => this.doc(id).targets.filter((t) => t.indicator_id === null && !excluded(t)).map((t) => t.indicator)));
      for (const phrase of phrases) {
        const cells = req.documents.map((id) => {
          const figures: CompareFigure[] = this.doc(id)
            .targets.filter((t) => t.indicator_id === null && t.indicator === phrase && !excluded(t))
            .map((t) => ({ target_id: t.id, document_id: id, quote: t.quote, start: t.start, value: t.value, value_high: t.value_high, unit: t.unit, qualifier: t.qualifier, kind: t.kind, role: t.role, year: t.year, normalized: t.normalized, mentions: [], corrected: t.corrected, changes: t.changes }));
          return { document_id: id, figures, headline: headline(figures), notes: cellNotes(figures) };
        });
        const kind = cells.flatMap((c) => c.figures)[0]?.kind ?? "stock";
        others.push({ indicator_id: "", kind, label: `${req.lang === "en" ? "Other: " : "其他："}${phrase}`, cells });
      }
    }
    return this.tick({ documents, rows, others });
  }

  async chartSvg(spec: ChartSpec): Promise<string> {
    if (spec.themes) return this.themeChartSvg(spec);
    const c = await this.compare({ documents: spec.documents, indicators: [spec.indicator], lang: spec.lang });
    const dark = spec.theme === "dark";
    const bg = dark ? "#1e1f24" : "#ffffff";
    const fg = dark ? "#e8e8ea" : "#1b1b1f";
    const w = spec.width;
    const hgt = spec.height;
    const vals = c.rows[0]?.cells.map((cell) => (cell.headline === null ? undefined : cell.figures[cell.headline])) ?? [];
    const max = Math.max(1, ...vals.map((f) => f?.normalized?.value ?? f?.value ?? 0));
    const bw = (w - 80) / Math.max(1, vals.length);
    const bars = vals
      .map((f, i) => {
        const v = f?.normalized?.value ?? f?.value ?? 0;
        const bh = ((hgt - 90) * v) / max;
        const x = 50 + i * bw + bw * 0.15;
        const y = hgt - 50 - bh;
        const name = esc(c.documents[i].city ?? String(c.documents[i].id));
        return `<rect x="${x}" y="${y}" width="${bw * 0.7}" height="${bh}" fill="#3b6fd4"/><text x="${x + bw * 0.35}" y="${hgt - 30}" text-anchor="middle" fill="${fg}" font-size="14">${name}</text><text x="${x + bw * 0.35}" y="${y - 6}" text-anchor="middle" fill="${fg}" font-size="13">${v}</text>`;
      })
      .join("");
    const title = esc(c.rows[0]?.label ?? spec.indicator);
    return this.tick(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}"><rect width="100%" height="100%" fill="${bg}"/><text x="${w / 2}" y="28" text-anchor="middle" fill="${fg}" font-size="18">${title}</text>${bars}</svg>`,
    );
  }

  async exportChart(spec: ChartSpec, format: ExportFormat): Promise<string | null> {
    const svg = await this.chartSvg(spec);
    const name = `${spec.themes ? "themes" : "chart"}.${format}`;
    this.saved.push({ name, content: format === "svg" ? svg : `png:${svg.length}` });
    return `${MOCK_SAVE_DIR}/${name}`;
  }

  async saveText(suggestedName: string, _format: TextFormat, content: string): Promise<string | null> {
    this.saved.push({ name: suggestedName, content });
    return this.tick(`${MOCK_SAVE_DIR}/${suggestedName}`);
  }

  private current(taskId: number): Annotation | null {
    const a = this.annotations.get(taskId);
    if (!a) return null;
    const last = a.revisions[a.revisions.length - 1];
    return { id: a.id, task_id: taskId, draft: last.draft, revision: last.revision, updated_at: last.saved_at, orphaned: false };
  }

  async getAnnotation(taskId: number): Promise<Annotation | null> {
    this.task(taskId);
    return this.tick(this.current(taskId));
  }

  async saveAnnotation(taskId: number, draft: AnnotationDraft): Promise<Annotation> {
    this.task(taskId);
    if (draft.priority !== null && (draft.priority < 1 || draft.priority > 3)) {
      throw new AppError("invalid_input", "priority must be 1, 2 or 3");
    }
    let a = this.annotations.get(taskId);
    if (!a) {
      a = { id: this.nextAnnotationId++, taskId, revisions: [] };
      this.annotations.set(taskId, a);
    }
    const last = a.revisions[a.revisions.length - 1];
    if (!last || JSON.stringify(last.draft) !== JSON.stringify(draft)) {
      a.revisions.push({ revision: (last?.revision ?? 0) + 1, draft: clone(draft), saved_at: this.now() });
    }
    return this.tick(this.current(taskId) as Annotation);
  }

  async annotationHistory(taskId: number): Promise<AnnotationRevision[]> {
    this.task(taskId);
    return this.tick(this.annotations.get(taskId)?.revisions ?? []);
  }

  async restoreAnnotation(taskId: number, revision: number): Promise<Annotation> {
    const rev = this.annotations.get(taskId)?.revisions.find((r) => r.revision === revision);
    if (!rev) throw new AppError("not_found", `no revision ${revision} of task item ${taskId}`);
    return this.saveAnnotation(taskId, rev.draft);
  }

  private items(filter: AnnotationFilter): AnnotatedItem[] {
    const out: AnnotatedItem[] = [];
    for (const [taskId] of this.annotations) {
      let found;
      try {
        found = this.task(taskId);
      } catch {
        continue;
      }
      const { d, t } = found;
      const annotation = this.current(taskId) as Annotation;
      const city = d.summary.city;
      if (filter.status && annotation.draft.status !== filter.status) continue;
      if (filter.city && city !== filter.city) continue;
      if (filter.document !== null && filter.document !== d.summary.id) continue;
      if (filter.tag && !annotation.draft.tags.includes(filter.tag)) continue;
      out.push({
        annotation,
        document_id: d.summary.id,
        city,
        document_title: d.summary.title ?? [city, d.summary.period ? periodText(d.summary.period) : null, KIND_ZH[d.summary.kind]].filter(Boolean).join(" "),
        period: d.summary.period ? periodText(d.summary.period) : null,
        path: t.path,
        task_title: t.title,
        task_text: t.text,
        figures: d.targets.filter((g) => g.task === t.ordinal).map((g) => g.quote),
      });
    }
    out.sort((a, b) => (a.city ?? "").localeCompare(b.city ?? "") || a.document_id - b.document_id || (a.annotation.task_id ?? 0) - (b.annotation.task_id ?? 0));
    return out;
  }

  async listAnnotations(filter: AnnotationFilter): Promise<AnnotatedItem[]> {
    return this.tick(this.items(filter));
  }

  async exportAnnotations(filter: AnnotationFilter, format: TextFormat, lang: Lang): Promise<string | null> {
    const items = this.items(filter);
    const content = format === "csv" ? annotationsCsv(items, lang) : annotationsMarkdown(items, lang);
    const name = format === "csv" ? "annotations.csv" : "annotations.md";
    this.saved.push({ name, content });
    return this.tick(`${MOCK_SAVE_DIR}/${name}`);
  }

  async listSlides(): Promise<Slide[]> {
    return this.tick(this.slides);
  }

  async addSlide(title: string, spec: ChartSpec): Promise<Slide> {
    const s: Slide = { id: this.nextSlideId++, position: this.slides.length, title, spec: clone(spec), created_at: this.now() };
    this.slides.push(s);
    return this.tick(s);
  }

  async removeSlide(id: number): Promise<void> {
    const i = this.slides.findIndex((s) => s.id === id);
    if (i < 0) throw new AppError("not_found", `no slide with id ${id}`);
    this.slides.splice(i, 1);
    this.slides.forEach((s, k) => (s.position = k));
    await this.tick(null);
  }

  async ready(): Promise<void> {}

  private target(targetId: number): { d: DocumentDetail; i: number } {
    for (const d of this.docs.values()) {
      const i = d.targets.findIndex((x) => x.id === targetId);
      if (i >= 0) return { d, i };
    }
    throw new AppError("not_found", `no target with id ${targetId}`);
  }

  private targetState(targetId: number): TargetCorrection {
    const { d, i } = this.target(targetId);
    const c = this.figureCorrections.get(targetId);
    const last = c?.revisions[c.revisions.length - 1];
    return { target: d.targets[i], revision: last?.revision ?? 0, owner: last?.owner ?? null, updated_at: last?.saved_at ?? null, history: historyOf(c) };
  }

  private applyTarget(targetId: number): TargetCorrection {
    const { d, i } = this.target(targetId);
    const original = this.originals.get(targetId) ?? d.targets[i];
    this.originals.set(targetId, original);
    d.targets[i] = applyFigure(original, currentFields(this.figureCorrections.get(targetId)) as FigureFields);
    return this.targetState(targetId);
  }

  async catalogIndicators(_lang: Lang): Promise<CatalogIndicator[]> {
    return this.tick(MOCK_CATALOG);
  }

  async targetCorrection(targetId: number): Promise<TargetCorrection> {
    return this.tick(this.targetState(targetId));
  }

  async correctTarget(targetId: number, edits: FigureFieldEdit[], author: CorrectionAuthorDto): Promise<TargetCorrection> {
    const { d } = this.target(targetId);
    if (edits.length === 0) throw new AppError("invalid_input", "nothing to correct");
    for (const e of edits) {
      if (e.field === "indicator_id" && e.value !== null && !MOCK_CATALOG.some((x) => x.id === e.value)) throw new AppError("invalid_input", `unknown indicator id "${e.value}"`);
      if ((e.field === "value" || e.field === "value_high") && e.value !== null && !Number.isFinite(e.value)) throw new AppError("invalid_input", `${e.field} must be a number`);
      if (e.field === "merge_into" && e.value !== null && (e.value === targetId || !d.targets.some((x) => x.id === e.value))) throw new AppError("invalid_input", `target ${targetId} cannot be merged into ${e.value}`);
    }
    const c = this.figureCorrections.get(targetId) ?? { revisions: [], chain: [] };
    this.figureCorrections.set(targetId, c);
    saveEdit(c, edits, author, this.now());
    return this.tick(this.applyTarget(targetId));
  }

  async undoTargetCorrection(targetId: number, author: CorrectionAuthorDto): Promise<TargetCorrection> {
    this.target(targetId);
    const c = this.figureCorrections.get(targetId);
    if (!c || !undo(c, author, this.now())) throw new AppError("invalid_input", `nothing to undo for target ${targetId}`);
    return this.tick(this.applyTarget(targetId));
  }

  async restoreTargetCorrection(targetId: number, revision: number, author: CorrectionAuthorDto): Promise<TargetCorrection> {
    this.target(targetId);
    const c = this.figureCorrections.get(targetId);
    if (!c || !restoreRevision(c, revision, author, this.now())) throw new AppError("not_found", `no revision ${revision} of target ${targetId}`);
    return this.tick(this.applyTarget(targetId));
  }

  private documentState(documentId: number): DocumentCorrectionDto {
    const d = this.doc(documentId);
    const c = this.documentCorrections.get(documentId);
    const last = c?.revisions[c.revisions.length - 1];
    const original = this.originalDocs.get(documentId) ?? d.summary;
    return {
      document: d.summary,
      changes: documentChanges(original, currentFields(c) as DocumentFields),
      revision: last?.revision ?? 0,
      owner: last?.owner ?? null,
      history: historyOf(c),
    };
  }

  private applyDoc(documentId: number): DocumentCorrectionDto {
    const d = this.doc(documentId);
    const original = this.originalDocs.get(documentId) ?? d.summary;
    this.originalDocs.set(documentId, original);
    d.summary = applyDocument(original, currentFields(this.documentCorrections.get(documentId)) as DocumentFields);
    return this.documentState(documentId);
  }

  async documentCorrection(documentId: number): Promise<DocumentCorrectionDto> {
    return this.tick(this.documentState(documentId));
  }

  async correctDocument(documentId: number, edits: DocumentFieldEdit[], author: CorrectionAuthorDto): Promise<DocumentCorrectionDto> {
    this.doc(documentId);
    if (edits.length === 0) throw new AppError("invalid_input", "nothing to correct");
    for (const e of edits) {
      if (e.field === "period" && e.value && e.value.end < e.value.start) throw new AppError("invalid_input", `period ${e.value.start}–${e.value.end} is not a range of years`);
    }
    const c = this.documentCorrections.get(documentId) ?? { revisions: [], chain: [] };
    this.documentCorrections.set(documentId, c);
    saveEdit(c, edits, author, this.now());
    return this.tick(this.applyDoc(documentId));
  }

  async undoDocumentCorrection(documentId: number, author: CorrectionAuthorDto): Promise<DocumentCorrectionDto> {
    this.doc(documentId);
    const c = this.documentCorrections.get(documentId);
    if (!c || !undo(c, author, this.now())) throw new AppError("invalid_input", `nothing to undo for document ${documentId}`);
    return this.tick(this.applyDoc(documentId));
  }

  private correctionEntries(): CorrectionEntryDto[] {
    const out: CorrectionEntryDto[] = [];
    for (const [id, c] of this.documentCorrections) {
      const s = this.documentState(id);
      const last = c.revisions[c.revisions.length - 1];
      if (!s.changes.length || !last) continue;
      out.push({ id, scope: "document", document_id: id, document: `${s.document.city ?? "—"} #${id}`, target_id: null, quote: null, changes: s.changes, owner: last.owner, note: last.note, revision: last.revision, updated_at: last.saved_at, orphaned: false });
    }
    for (const [id, c] of this.figureCorrections) {
      const { d, i } = this.target(id);
      const t = d.targets[i];
      const last = c.revisions[c.revisions.length - 1];
      if (!t.changes.length || !last) continue;
      out.push({ id, scope: "figure", document_id: d.summary.id, document: `${d.summary.city ?? "—"} #${d.summary.id}`, target_id: id, quote: t.quote, changes: t.changes, owner: last.owner, note: last.note, revision: last.revision, updated_at: last.saved_at, orphaned: false });
    }
    return out;
  }

  async listCorrections(): Promise<CorrectionEntryDto[]> {
    return this.tick(this.correctionEntries());
  }

  async exportCorrections(): Promise<string | null> {
    const lines = ["scope,correction_id,document_id,document,target_id,quote,field,before,after,owner,note,revision,updated_at,orphaned,carried_from"];
    const q = (v: unknown) => {
      const s = v === null || v === undefined ? "" : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    for (const e of this.correctionEntries()) {
      for (const c of e.changes) lines.push([e.scope, e.id, e.document_id, e.document, e.target_id, e.quote, c.field, c.before, c.after, e.owner, e.note, e.revision, e.updated_at, e.orphaned ? 1 : 0, ""].map(q).join(","));
    }
    this.saved.push({ name: "corrections.csv", content: lines.join("\n") + "\n" });
    return this.tick(`${MOCK_SAVE_DIR}/corrections.csv`);
  }

  private themesOf(taskId: number): TaskThemeDto[] {
    const { t } = this.task(taskId);
    const own = this.themeOverrides.get(taskId) ?? new Map<string, boolean>();
    const out: TaskThemeDto[] = mockClassify(`${t.title}\n${t.text}`)
      .filter((x) => own.get(x.theme) !== false)
      .map((x) => ({ ...x, source: "auto" as const }));
    for (const [theme, on] of own) {
      if (on && !out.some((x) => x.theme === theme)) out.push({ theme, confidence: 1, source: "user" });
    }
    return out.sort((a, b) => b.confidence - a.confidence || a.theme.localeCompare(b.theme));
  }

  private knownTheme(theme: string): void {
    if (!MOCK_THEMES.some((x) => x.id === theme)) throw new AppError("invalid_input", `unknown theme "${theme}"`);
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    if (request.theme) this.knownTheme(request.theme);
    return this.tick(mockSearch([...this.docs.values()], request, (id) => this.themesOf(id).map((x) => x.theme)));
  }

  /** Preferences, as the webview's localStorage keeps them (shared by mocks built with the same `preferences`). */
  async getPreference(key: string): Promise<string | null> {
    return this.tick(this.preferences.get(key) ?? null);
  }

  async setPreference(key: string, value: string): Promise<void> {
    this.preferences.set(key, value);
    await this.tick(null);
  }

  async similarTasks(taskId: number, top: number): Promise<SimilarTask[]> {
    return this.tick(mockSimilar([...this.docs.values()], taskId, top));
  }

  async taskPair(left: number, right: number): Promise<TaskPair> {
    return this.tick(mockPair([...this.docs.values()], left, right));
  }

  async listThemes(): Promise<ThemeInfo[]> {
    return this.tick(MOCK_THEMES.map(({ id, zh, en }) => ({ id, zh, en })));
  }

  async themeCoverage(): Promise<ThemeCoverage> {
    const documents = await this.listDocuments();
    const cells: ThemeCoverage["cells"] = [];
    for (const s of documents) {
      const d = this.doc(s.id);
      for (const th of MOCK_THEMES) {
        const tasks = d.tasks.filter((t) => this.themesOf(t.id).some((x) => x.theme === th.id));
        if (!tasks.length) continue;
        const targets = d.targets.filter((g) => tasks.some((t) => t.ordinal === g.task)).length;
        cells.push({ document_id: s.id, theme: th.id, tasks: tasks.length, targets });
      }
    }
    return this.tick({ documents, themes: MOCK_THEMES.map(({ id, zh, en }) => ({ id, zh, en })), cells });
  }

  async themeTasks(theme: string, documents: number[]): Promise<ThemeTask[]> {
    this.knownTheme(theme);
    const out: ThemeTask[] = [];
    for (const d of [...this.docs.values()].sort((a, b) => a.summary.id - b.summary.id)) {
      if (documents.length && !documents.includes(d.summary.id)) continue;
      for (const t of d.tasks) {
        const th = this.themesOf(t.id).find((x) => x.theme === theme);
        if (!th) continue;
        out.push({
          task_id: t.id,
          document_id: d.summary.id,
          path: t.path,
          title: t.title,
          body: t.text,
          start: t.start,
          confidence: th.confidence,
          source: th.source,
          targets: d.targets.filter((g) => g.task === t.ordinal).length,
        });
      }
    }
    return this.tick(out);
  }

  async taskThemes(taskId: number): Promise<TaskThemeDto[]> {
    return this.tick(this.themesOf(taskId));
  }

  async setTaskTheme(taskId: number, theme: string, decision: ThemeDecision): Promise<TaskThemeDto[]> {
    this.task(taskId);
    this.knownTheme(theme);
    const own = this.themeOverrides.get(taskId) ?? new Map<string, boolean>();
    if (decision === "reset") own.delete(theme);
    else own.set(theme, decision === "add");
    this.themeOverrides.set(taskId, own);
    return this.tick(this.themesOf(taskId));
  }

  private async themeChartSvg(spec: ChartSpec): Promise<string> {
    const cov = await this.themeCoverage();
    const docs = cov.documents.filter((d) => !spec.documents.length || spec.documents.includes(d.id));
    const dark = spec.theme === "dark";
    const fg = dark ? "#e8e8ea" : "#1b1b1f";
    const rowH = (spec.height - 80) / cov.themes.length;
    const colW = (spec.width - 220) / Math.max(1, docs.length);
    const cells = cov.themes
      .map((th, r) =>
        docs
          .map((d, c) => {
            const n = cov.cells.find((x) => x.document_id === d.id && x.theme === th.id)?.[spec.themes ?? "tasks"] ?? 0;
            return `<rect x="${200 + c * colW}" y="${60 + r * rowH}" width="${colW - 2}" height="${rowH - 2}" fill="rgba(59,111,212,${Math.min(1, n / 5)})"/><text x="${200 + c * colW + colW / 2}" y="${60 + r * rowH + rowH / 2}" fill="${fg}" font-size="12">${n || ""}</text>`;
          })
          .join("") + `<text x="10" y="${60 + r * rowH + rowH / 2}" fill="${fg}" font-size="12">${esc(spec.lang === "zh" ? th.zh : th.en)}</text>`,
      )
      .join("");
    return this.tick(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}"><rect width="100%" height="100%" fill="${dark ? "#1e1f24" : "#ffffff"}"/>${cells}</svg>`,
    );
  }


  async moveSlide(id: number, position: number): Promise<void> {
    const i = this.slides.findIndex((s) => s.id === id);
    if (i < 0) throw new AppError("not_found", `no slide with id ${id}`);
    const [s] = this.slides.splice(i, 1);
    this.slides.splice(Math.max(0, Math.min(this.slides.length, position)), 0, s);
    this.slides.forEach((x, k) => (x.position = k));
    await this.tick(null);
  }
}

/** The figure a chart shows: a target before a baseline, then the latest year, then the first. */
export function headline(figures: CompareFigure[]): number | null {
  let best: number | null = null;
  figures.forEach((f, i) => {
    if (best === null) {
      best = i;
      return;
    }
    const b = figures[best];
    const rank = (x: CompareFigure) => [x.role === "target" ? 1 : 0, x.year ?? -Infinity];
    const [r1, y1] = rank(f);
    const [r0, y0] = rank(b);
    if (r1 > r0 || (r1 === r0 && y1 > y0)) best = i;
  });
  return best;
}

/** Whether a cell's figures differ in qualifier or year (as the Rust comparison says). */
export function cellNotes(figures: CompareFigure[]): CellNoteDto[] {
  const notes: CellNoteDto[] = [];
  if (new Set(figures.map((f) => f.qualifier)).size > 1) notes.push("qualifiers_differ");
  if (new Set(figures.map((f) => f.year)).size > 1) notes.push("years_differ");
  return notes;
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}
