/**
 * The form that corrects a document's metadata (城市, 省份, 级别, 类型, 时期,
 * 标题, 发文机关, 文号), in a modal dialog: only the fields changed are sent
 * (an emptied field is cleared), with who (remembered) and why; undo the
 * last change. Used by the Library for, e.g., a plan of a city the
 * gazetteer does not know.
 */
import { t } from "../i18n";
import { describeChange, rememberedOwner, rememberOwner } from "../lib/corrections";
import { h, replace } from "../lib/dom";
import { formatPeriod } from "../lib/format";
import type { DocumentCorrectionDto, DocumentFieldEdit, DocumentSummary, Period, PlanKind } from "../platform/bindings";
import type { Platform } from "../platform/types";

const KINDS: PlanKind[] = ["annual_work_plan", "implementation_plan", "five_year_plan", "other"];
const TEXT_FIELDS = ["city", "province", "level", "title", "issuer", "doc_number"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** Reads `2023` or `2021-2025` (also with – or —); `null` for empty, `undefined` when unreadable. */
export function parsePeriod(s: string): Period | null | undefined {
  const v = s.trim();
  if (!v) return null;
  const m = /^(\d{4})\s*(?:[-–—~\u81f3]\s*(\d{4}))?$/.exec(v);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  return end >= start ? { start, end } : undefined;
}

/** The edits that turn `d` into the typed values: only the fields that differ. */
export function documentEdits(d: DocumentSummary, values: Record<TextField, string> & { kind: PlanKind; period: string }): DocumentFieldEdit[] | string {
  const out: DocumentFieldEdit[] = [];
  for (const f of TEXT_FIELDS) {
    const v = values[f].trim() || null;
    if (v !== (d[f] ?? null)) out.push({ field: f, value: v } as DocumentFieldEdit);
  }
  if (values.kind !== d.kind) out.push({ field: "kind", value: values.kind });
  const p = parsePeriod(values.period);
  if (p === undefined) return t("docEdit.badPeriod");
  if (JSON.stringify(p) !== JSON.stringify(d.period)) out.push({ field: "period", value: p });
  return out;
}

/**
 * Opens the dialog for `d`; resolves with the document as it reads after
 * the last change, or `null` when nothing was changed.
 */
export function editDocument(platform: Platform, d: DocumentSummary, onError: (e: unknown) => void): Promise<DocumentCorrectionDto | null> {
  return new Promise((resolve) => {
    let last: DocumentCorrectionDto | null = null;
    const values = {
      city: d.city ?? "",
      province: d.province ?? "",
      level: d.level ?? "",
      title: d.title ?? "",
      issuer: d.issuer ?? "",
      doc_number: d.doc_number ?? "",
      kind: d.kind,
      period: d.period ? `${d.period.start}${d.period.end !== d.period.start ? `-${d.period.end}` : ""}` : "",
    };
    let owner = rememberedOwner();
    let note = "";
    const message = h("p", { class: "small corr-message", role: "status", "data-testid": "doc-edit-message" });
    const changesEl = h("div", { class: "small doc-changes", "data-testid": "doc-changes" });
    const finish = () => {
      if (typeof dialog.close === "function") dialog.close();
      dialog.remove();
      resolve(last);
    };
    const showState = (s: DocumentCorrectionDto) => {
      last = s;
      replace(changesEl, ...(s.changes.length ? [h("p", null, `✎ ${s.changes.map(describeChange).join("；")}`)] : []));
      undoButton.disabled = !s.document.corrected;
    };
    const run = async (action: () => Promise<DocumentCorrectionDto>) => {
      try {
        const s = await action();
        rememberOwner(owner);
        showState(s);
        finish();
      } catch (e) {
        onError(e);
      }
    };
    const author = () => ({ owner: owner.trim() || null, note: note.trim() || null });
    const field = (key: string, label: string, control: HTMLElement) => h("div", { class: "corr-field" }, h("label", { for: `doc-${key}` }, label), control);
    const text = (key: TextField) =>
      h("input", { id: `doc-${key}`, type: "text", value: values[key], "data-testid": `doc-${key}`, onInput: (e: Event) => (values[key] = (e.target as HTMLInputElement).value) });
    const undoButton = h(
      "button",
      { type: "button", "data-testid": "doc-undo", disabled: !d.corrected, onClick: () => void run(() => platform.undoDocumentCorrection(d.id, author())) },
      t("corr.undo"),
    );
    const save = () => {
      const edits = documentEdits(d, values);
      if (typeof edits === "string") {
        message.textContent = edits;
        return;
      }
      if (!edits.length) {
        message.textContent = t("corr.nothing");
        return;
      }
      void run(() => platform.correctDocument(d.id, edits, author()));
    };
    const dialog = h(
      "dialog",
      { class: "doc-edit", "data-testid": "doc-edit", onCancel: (e: Event) => (e.preventDefault(), finish()) },
      h("h3", null, t("docEdit.heading")),
      h("p", { class: "muted small" }, [d.source_name, formatPeriod(d.period)].filter(Boolean).join(" · ")),
      changesEl,
      h(
        "div",
        { class: "corr-grid" },
        field("city", t("corr.field.city"), text("city")),
        field("province", t("corr.field.province"), text("province")),
        field("level", t("corr.field.level"), text("level")),
        field(
          "kind",
          t("corr.field.kind"),
          h(
            "select",
            { id: "doc-kind", "data-testid": "doc-kind", onChange: (e: Event) => (values.kind = (e.target as HTMLSelectElement).value as PlanKind) },
            ...KINDS.map((k) => h("option", { value: k, selected: k === values.kind }, t(`kind.${k}`))),
          ),
        ),
        field(
          "period",
          t("corr.field.period"),
          h("input", {
            id: "doc-period",
            type: "text",
            value: values.period,
            placeholder: t("docEdit.periodHint"),
            "data-testid": "doc-period",
            onInput: (e: Event) => (values.period = (e.target as HTMLInputElement).value),
          }),
        ),
        field("title", t("corr.field.title"), text("title")),
        field("issuer", t("corr.field.issuer"), text("issuer")),
        field("doc_number", t("corr.field.doc_number"), text("doc_number")),
        field("owner", t("corr.owner"), h("input", { id: "doc-owner", type: "text", value: owner, "data-testid": "doc-owner", onInput: (e: Event) => (owner = (e.target as HTMLInputElement).value) })),
        field("note", t("corr.note"), h("input", { id: "doc-note", type: "text", value: note, "data-testid": "doc-note", onInput: (e: Event) => (note = (e.target as HTMLInputElement).value) })),
      ),
      message,
      h(
        "div",
        { class: "buttons" },
        undoButton,
        h("span", { class: "spacer" }),
        h("button", { type: "button", onClick: () => finish() }, t("docEdit.cancel")),
        h("button", { type: "button", class: "primary", "data-testid": "doc-save", onClick: save }, t("corr.save")),
      ),
    );
    document.body.appendChild(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    void platform
      .documentCorrection(d.id)
      .then((s) => {
        replace(changesEl, ...(s.changes.length ? [h("p", null, `✎ ${s.changes.map(describeChange).join("；")}`)] : []));
      })
      .catch(onError);
  });
}
