/**
 * CSV and Markdown produced in the UI: the comparison table, and annotated
 * items in the same format as the core's `planlens::export` (used by the
 * mock platform, and as the reference the Rust export is checked against).
 */
import type { AnnotatedItem, CellNoteDto, Comparison, CompareFigure, CompareRow, DocumentSummary, Qualifier, TargetKind, TargetRole } from "../platform/bindings";

/** One RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CRLF-terminated CSV line. */
export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

type ExportLang = "zh" | "en";

const STATUS_WORDS = {
  zh: { undecided: "待定", adopt: "采纳", adapt: "借鉴", not_applicable: "不适用" },
  en: { undecided: "Undecided", adopt: "Adopt", adapt: "Adapt", not_applicable: "Not applicable" },
} as const;

const PRIORITY_WORDS: Record<ExportLang, Record<number, string>> = {
  zh: { 1: "高", 2: "中", 3: "低" },
  en: { 1: "High", 2: "Medium", 3: "Low" },
};

const MD_WORDS = {
  zh: { heading: "任务事项批注", status: "状态", priority: "优先级", tags: "标签", owner: "负责人", figures: "指标", sep: "；" },
  en: { heading: "Task item annotations", status: "Status", priority: "Priority", tags: "Tags", owner: "Owner", figures: "Figures", sep: "; " },
} as const;

function priorityWord(p: number, lang: ExportLang): string {
  return PRIORITY_WORDS[lang][p] ?? String(p);
}

/** The document as an export names it: its title, with city and period added when the title does not say them (as `planlens::export::document_heading`). */
export function documentHeading(it: AnnotatedItem): string {
  const title = it.document_title ?? "";
  const parts: string[] = [];
  if (it.city && !title.includes(it.city.replace(/市$/, ""))) parts.push(it.city);
  if (title) parts.push(title);
  if (it.period && !title.includes(it.period.split("–")[0])) parts.push(it.period);
  return parts.join(" · ");
}

/** Annotated items as CSV with a BOM and a header row; status and priority in words of `lang`. */
export function annotationsCsv(items: AnnotatedItem[], lang: ExportLang = "zh"): string {
  let out = "\ufeff";
  out += csvLine([
    "city",
    "document",
    "period",
    "section",
    "task",
    "status",
    "priority",
    "tags",
    "owner",
    "note",
    "figures",
    "task_text",
    "updated_at",
    "revision",
  ]);
  for (const it of items) {
    const a = it.annotation;
    out += csvLine([
      it.city ?? "",
      it.document_title ?? "",
      it.period ?? "",
      it.path,
      it.task_title,
      STATUS_WORDS[lang][a.draft.status],
      a.draft.priority === null ? "" : priorityWord(a.draft.priority, lang),
      a.draft.tags.join(";"),
      a.draft.owner,
      a.draft.note,
      it.figures.join(";"),
      it.task_text,
      a.updated_at,
      String(a.revision),
    ]);
  }
  return out;
}

/** How a figure is written in a table cell: the quote's figure with its unit. */
export type FigureFormatter = (f: CompareFigure) => string;

/** Escapes characters Markdown reads as markup. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]#<>|]/g, (c) => `\\${c}`);
}

/** Annotated items as a Markdown report grouped by document, in `lang`. */
export function annotationsMarkdown(items: AnnotatedItem[], lang: ExportLang = "zh"): string {
  const w = MD_WORDS[lang];
  let out = `# ${w.heading}\n`;
  let current: number | null = null;
  for (const it of items) {
    if (current !== it.document_id) {
      current = it.document_id;
      out += `\n## ${mdEscape(documentHeading(it))}\n`;
    }
    const d = it.annotation.draft;
    out += `\n### ${it.path} ${mdEscape(it.task_title)}\n\n- ${w.status}: ${STATUS_WORDS[lang][d.status]}\n`;
    if (d.priority !== null) out += `- ${w.priority}: ${priorityWord(d.priority, lang)}\n`;
    if (d.tags.length) out += `- ${w.tags}: ${mdEscape(d.tags.join(", "))}\n`;
    if (d.owner) out += `- ${w.owner}: ${mdEscape(d.owner)}\n`;
    if (it.figures.length) out += `- ${w.figures}: ${mdEscape(it.figures.join(w.sep))}\n`;
    if (d.note) {
      out += "\n";
      for (const line of d.note.split(/\r?\n/)) out += `> ${mdEscape(line)}\n`;
    }
    out += `\n${mdEscape(it.task_text.trim())}\n`;
  }
  return out;
}

/** The words of the comparison CSV, in the UI's language. */
export interface ComparisonCsvWords {
  /** Column names: indicator, indicator id, kind, document, city, period, role, year, figure, value, value high, unit, qualifier, quote, cell notes, target id. */
  header: string[];
  /** The document's name (title or city and period). */
  document: (d: DocumentSummary) => string;
  /** The document's period (`2023`, `2021–2025`). */
  period: (d: DocumentSummary) => string;
  /** The row's indicator name. */
  row: (row: CompareRow) => string;
  kind: (k: TargetKind) => string;
  role: (r: TargetRole) => string;
  qualifier: (q: Qualifier) => string;
  note: (n: CellNoteDto) => string;
  /** The figure as the table shows it. */
  figure: FigureFormatter;
}

/**
 * The comparison table as CSV in long form, as `planlens compare --format
 * csv`: one line per figure, each with its indicator, document, role (基期 /
 * 目标), year, value and the quote it came from.
 */
export function comparisonCsv(c: Comparison, w: ComparisonCsvWords): string {
  let out = "\ufeff";
  out += csvLine(w.header);
  const byId = new Map(c.documents.map((d) => [d.id, d]));
  for (const row of [...c.rows, ...c.others]) {
    for (const d of c.documents) {
      const cell = row.cells.find((x) => x.document_id === d.id);
      if (!cell) continue;
      const notes = cell.notes.map(w.note).join("; ");
      for (const f of cell.figures) {
        const doc = byId.get(f.document_id) ?? d;
        out += csvLine([
          w.row(row),
          row.indicator_id,
          w.kind(row.kind),
          w.document(doc),
          doc.city ?? "",
          w.period(doc),
          w.role(f.role),
          f.year === null ? "" : String(f.year),
          w.figure(f),
          String(f.value),
          f.value_high === null ? "" : String(f.value_high),
          f.unit,
          w.qualifier(f.qualifier),
          f.quote,
          notes,
          String(f.target_id),
        ]);
      }
    }
  }
  return out;
}
