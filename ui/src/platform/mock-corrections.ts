/**
 * Corrections for the mock platform: like the shell, a correction overlays
 * the figure or document as extracted (kept as the original), every change is
 * a revision with who and when, undo and restore add revisions, and the
 * fields changed are listed as before → after.
 */
import type {
  CorrectionAuthorDto,
  CorrectionRevisionDto,
  DocumentFieldEdit,
  DocumentSummary,
  FieldChangeDto,
  FigureFieldEdit,
  TargetDto,
} from "./bindings";

/** The corrected fields of a figure (absent: as extracted). */
export type FigureFields = Partial<Record<FigureFieldEdit["field"], unknown>>;
/** The corrected fields of a document (absent: as detected). */
export type DocumentFields = Partial<Record<DocumentFieldEdit["field"], unknown>>;

/** One stored revision. */
export interface MockRevision<F> {
  revision: number;
  fields: F;
  owner: string | null;
  note: string | null;
  restored_from: number | null;
  saved_at: string;
}

/** A correction: its revisions, oldest first. */
export interface MockCorrection<F> {
  revisions: MockRevision<F>[];
  /** Revisions reached by edits and restores, newest last (what undo walks back). */
  chain: number[];
}

/** The fields in force now. */
export function currentFields<F>(c: MockCorrection<F> | undefined): F | Record<string, never> {
  return c?.revisions[c.revisions.length - 1]?.fields ?? {};
}

const NONE = "—";
const show = (v: unknown): string => (v === null || v === undefined || v === "" ? NONE : typeof v === "object" ? JSON.stringify(v) : String(v));

/** A figure with its corrected fields applied. */
export function applyFigure(original: TargetDto, fields: FigureFields): TargetDto {
  const t: TargetDto = structuredClone(original);
  const keys = Object.keys(fields) as (keyof FigureFields)[];
  for (const k of keys) {
    const v = fields[k];
    if (k === "not_a_target") t.not_a_target = v === true;
    else if (k === "merge_into") t.merged_into = (v as number | null) ?? null;
    else (t as unknown as Record<string, unknown>)[k] = v;
  }
  if ("value" in fields || "value_high" in fields || "unit" in fields) t.normalized = { value: t.value, value_high: t.value_high, unit: t.unit };
  t.corrected = keys.length > 0;
  t.changes = figureChanges(original, t);
  return t;
}

function figureChanges(o: TargetDto, t: TargetDto): FieldChangeDto[] {
  const out: FieldChangeDto[] = [];
  if (t.not_a_target) out.push({ field: "not_a_target", before: "target", after: "not a target" });
  if (t.merged_into !== null) out.push({ field: "merge_into", before: "separate", after: `same target as #${t.merged_into}` });
  for (const f of ["indicator_id", "value", "value_high", "unit", "qualifier", "kind", "role", "year"] as const) {
    if (o[f] !== t[f]) out.push({ field: f, before: show(o[f]), after: show(t[f]) });
  }
  return out;
}

/** A document summary with its corrected fields applied. */
export function applyDocument(original: DocumentSummary, fields: DocumentFields): DocumentSummary {
  const d: DocumentSummary = structuredClone(original);
  for (const [k, v] of Object.entries(fields)) (d as unknown as Record<string, unknown>)[k] = v;
  d.corrected = Object.keys(fields).length > 0;
  return d;
}

/** The document fields changed, as detected → as corrected. */
export function documentChanges(o: DocumentSummary, fields: DocumentFields): FieldChangeDto[] {
  return Object.entries(fields).map(([k, v]) => ({ field: k, before: show((o as unknown as Record<string, unknown>)[k]), after: show(v) }));
}

/** Adds `edits` on top of the fields in force, as a new revision (none if nothing changes). */
export function saveEdit<F extends Record<string, unknown>>(
  c: MockCorrection<F>,
  edits: { field: string; value: unknown }[],
  who: CorrectionAuthorDto,
  now: string,
): void {
  const fields = { ...(currentFields(c) as F) } as Record<string, unknown>;
  for (const e of edits) {
    if (e.field === "not_a_target" && e.value === false) delete fields.not_a_target;
    else if (e.field === "merge_into" && e.value === null) delete fields.merge_into;
    else fields[e.field] = e.value;
  }
  if (c.revisions.length && JSON.stringify(fields) === JSON.stringify(currentFields(c))) return;
  c.revisions.push({ revision: c.revisions.length + 1, fields: fields as F, owner: who.owner, note: who.note, restored_from: null, saved_at: now });
  c.chain.push(c.revisions.length);
}

/** Brings back revision `n` (0: as extracted) as a new revision. */
export function restoreRevision<F>(c: MockCorrection<F>, n: number, who: CorrectionAuthorDto, now: string): boolean {
  const fields = n === 0 ? ({} as F) : c.revisions.find((r) => r.revision === n)?.fields;
  if (fields === undefined) return false;
  c.revisions.push({ revision: c.revisions.length + 1, fields: structuredClone(fields), owner: who.owner, note: who.note, restored_from: n, saved_at: now });
  c.chain.push(c.revisions.length);
  return true;
}

/** Undoes the last change: brings back the state before it (an edit's or a restore's) as a new revision. */
export function undo<F>(c: MockCorrection<F>, who: CorrectionAuthorDto, now: string): boolean {
  if (c.chain.length === 0) return false;
  c.chain.pop();
  const back = c.chain[c.chain.length - 1] ?? 0;
  const fields = back === 0 ? ({} as F) : c.revisions.find((r) => r.revision === back)!.fields;
  c.revisions.push({ revision: c.revisions.length + 1, fields: structuredClone(fields), owner: who.owner, note: who.note, restored_from: back, saved_at: now });
  return true;
}

/** The history for the UI. */
export function historyOf<F>(c: MockCorrection<F> | undefined): CorrectionRevisionDto[] {
  return (c?.revisions ?? []).map((r) => ({
    revision: r.revision,
    fields: Object.entries(r.fields as Record<string, unknown>).map(([k, v]) => `${k}: ${show(v)}`),
    owner: r.owner,
    note: r.note,
    restored_from: r.restored_from,
    saved_at: r.saved_at,
  }));
}
