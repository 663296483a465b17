/**
 * CSV and Markdown produced in the UI: the comparison table, and annotated
 * items in the same format as the core's `planlens::export` (used by the
 * mock platform, and as the reference the Rust export is checked against).
 */
import type { AnnotatedItem, Comparison, CompareFigure, CompareRow } from "../platform/bindings";

/** One RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CRLF-terminated CSV line. */
export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

const STATUS_ZH = {
  undecided: "待定",
  adopt: "采纳",
  adapt: "借鉴",
  not_applicable: "不适用",
} as const;

/** Annotated items as CSV with a BOM and a header row. */
export function annotationsCsv(items: AnnotatedItem[]): string {
  let out = "\ufeff";
  out += csvLine([
    "city",
    "document",
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
      it.path,
      it.task_title,
      a.draft.status,
      a.draft.priority === null ? "" : String(a.draft.priority),
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

/** Escapes characters Markdown reads as markup. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]#<>|]/g, (c) => `\\${c}`);
}

/** Annotated items as a Markdown report grouped by document. */
export function annotationsMarkdown(items: AnnotatedItem[]): string {
  let out = "# 任务事项批注 / Task item annotations\n";
  let current: number | null = null;
  for (const it of items) {
    if (current !== it.document_id) {
      current = it.document_id;
      out += `\n## ${it.city ?? "—"} · ${it.document_title ?? "—"}\n`;
    }
    const d = it.annotation.draft;
    out += `\n### ${it.path} ${mdEscape(it.task_title)}\n\n- 状态 / status: ${STATUS_ZH[d.status]} (${d.status})\n`;
    if (d.priority !== null) out += `- 优先级 / priority: ${d.priority}\n`;
    if (d.tags.length) out += `- 标签 / tags: ${mdEscape(d.tags.join(", "))}\n`;
    if (d.owner) out += `- 负责人 / owner: ${mdEscape(d.owner)}\n`;
    if (it.figures.length) out += `- 指标 / figures: ${mdEscape(it.figures.join("；"))}\n`;
    if (d.note) {
      out += "\n";
      for (const line of d.note.split(/\r?\n/)) out += `> ${mdEscape(line)}\n`;
    }
    out += `\n${mdEscape(it.task_text.trim())}\n`;
  }
  return out;
}

/** How a figure is written in a table cell: the quote's figure with its unit. */
export type FigureFormatter = (f: CompareFigure) => string;

/**
 * The comparison table as CSV: one row per indicator, one column per
 * document (rows are per indicator and kind); a cell with several figures
 * joins them with `; `.
 */
export function comparisonCsv(
  c: Comparison,
  header: { indicator: string; indicatorId: string },
  columnLabel: (documentId: number) => string,
  figure: FigureFormatter,
  rowLabel: (row: CompareRow) => string = (row) => row.label,
): string {
  let out = "\ufeff";
  out += csvLine([header.indicator, header.indicatorId, ...c.documents.map((d) => columnLabel(d.id))]);
  for (const row of [...c.rows, ...c.others]) {
    const cells = c.documents.map((d) => {
      const cell = row.cells.find((x) => x.document_id === d.id);
      return cell ? cell.figures.map(figure).join("; ") : "";
    });
    out += csvLine([rowLabel(row), row.indicator_id, ...cells]);
  }
  return out;
}
