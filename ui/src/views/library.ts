/** Library: the stored documents, import with progress, delete with confirmation. */
import type { AppContext, View } from "../app";
import { editDocument } from "../components/document-form";
import { t } from "../i18n";
import { h, replace } from "../lib/dom";
import { documentLabel, formatPeriod } from "../lib/format";
import type { DocumentSummary, ImportProgress } from "../platform/bindings";

export class LibraryView implements View {
  readonly el = h("section", { class: "view library", "aria-labelledby": "library-h" });
  private docs: DocumentSummary[] = [];
  private importing = false;
  private progress: ImportProgress[] = [];
  private total = 0;

  constructor(private readonly ctx: AppContext) {}

  private announced = false;

  async show(): Promise<void> {
    this.docs = await this.ctx.platform.listDocuments();
    this.render();
    if (!this.announced && this.docs.length) {
      this.announced = true;
      requestAnimationFrame(() => void this.ctx.platform.ready().catch(() => {}));
    }
  }

  private render(): void {
    const unknown = t("library.unknown");
    const head = h(
      "div",
      { class: "view-head" },
      h("h2", { id: "library-h" }, t("library.heading")),
      h("span", { class: "muted", "data-testid": "doc-count" }, t("library.count", { count: this.docs.length })),
      h("span", { class: "spacer" }),
      h("button", { type: "button", "data-testid": "export-corrections", onClick: () => void this.exportCorrections() }, t("corr.export")),
      h(
        "button",
        { type: "button", class: "primary", disabled: this.importing, "data-testid": "import", onClick: () => void this.import() },
        t("library.import"),
      ),
    );
    const progress = this.renderProgress();
    if (this.docs.length === 0) {
      replace(this.el, head, progress, h("p", { class: "empty" }, t("library.empty")));
      return;
    }
    const cols = ["title", "city", "province", "kind", "period", "tasks", "targets", "warnings", "actions"] as const;
    const table = h(
      "table",
      { class: "grid", "data-testid": "documents" },
      h("thead", null, h("tr", null, ...cols.map((c) => h("th", { scope: "col", class: `col-${c}` }, t(`library.col.${c}`))))),
      h(
        "tbody",
        null,
        ...this.docs.map((d) =>
          h(
            "tr",
            { "data-doc": String(d.id) },
            h(
              "td",
              { class: "col-title" },
              h("button", { type: "button", class: "link", onClick: () => this.ctx.navigate("reader", { doc: d.id }) }, documentLabel(d)),
              d.corrected ? h("span", { class: "corrected-mark", "data-testid": "doc-corrected", title: t("docEdit.corrected") }, " ✎") : null,
              d.version > 1 ? h("span", { class: "badge version", "data-testid": "version" }, t("library.version", { version: d.version })) : null,
              d.superseded_by !== null
                ? h(
                    "button",
                    {
                      type: "button",
                      class: "link small superseded",
                      "data-testid": "superseded",
                      title: t("library.supersededTitle"),
                      onClick: () => d.superseded_by !== null && this.ctx.navigate("reader", { doc: d.superseded_by }),
                    },
                    t("library.superseded"),
                  )
                : null,
            ),
            h("td", { class: "col-city" }, d.city ?? unknown),
            h("td", null, d.province ?? unknown),
            h("td", null, t(`kind.${d.kind}`)),
            h("td", { class: "num" }, formatPeriod(d.period)),
            h("td", { class: "num" }, String(d.tasks)),
            h("td", { class: "num" }, String(d.targets)),
            h(
              "td",
              { class: d.warnings ? "num warn" : "num", title: d.warnings ? t("library.warningsTitle", { count: d.warnings }) : undefined },
              String(d.warnings),
            ),
            h(
              "td",
              { class: "actions" },
              h("button", { type: "button", onClick: () => this.ctx.navigate("reader", { doc: d.id }) }, t("library.open")),
              h("button", { type: "button", "data-testid": "edit-doc", onClick: () => void this.edit(d) }, t("docEdit.open")),
              h("button", { type: "button", class: "danger", onClick: () => void this.confirmDelete(d) }, t("library.delete")),
            ),
          ),
        ),
      ),
    );
    replace(this.el, head, progress, h("div", { class: "table-wrap" }, table));
  }

  private renderProgress(): HTMLElement | null {
    if (!this.importing && this.progress.length === 0) return null;
    const done = this.progress.length;
    const counts = { imported: 0, already_present: 0, failed: 0 };
    for (const p of this.progress) counts[p.status]++;
    const label = this.importing
      ? t("library.importing", { done, total: this.total || "?" })
      : t("library.importDone", { imported: counts.imported, present: counts.already_present, failed: counts.failed });
    return h(
      "div",
      { class: "import-progress", "aria-live": "polite" },
      h("label", null, label, h("progress", { max: String(Math.max(1, this.total)), value: String(done) })),
      h(
        "ul",
        { class: "file-results" },
        ...this.progress.map((p) =>
          h(
            "li",
            { class: `result-${p.status}` },
            h("strong", null, t(`library.result.${p.status}`)),
            " ",
            p.file,
            p.message ? h("span", { class: "muted" }, ` — ${p.message}`) : null,
          ),
        ),
      ),
    );
  }

  private async import(): Promise<void> {
    this.importing = true;
    this.progress = [];
    this.total = 0;
    this.render();
    try {
      const report = await this.ctx.platform.importFiles((p) => {
        this.total = p.total;
        this.progress.push(p);
        this.render();
      });
      if (report) {
        this.progress = report.files;
        this.total = report.files.length;
      }
      this.docs = await this.ctx.platform.listDocuments();
    } catch (e) {
      this.ctx.error(e);
    } finally {
      this.importing = false;
      this.render();
    }
  }

  private async edit(d: DocumentSummary): Promise<void> {
    const changed = await editDocument(this.ctx.platform, d, (e) => this.ctx.error(e));
    if (!changed) return;
    this.ctx.notice(t("corr.saved"));
    try {
      this.docs = await this.ctx.platform.listDocuments();
      this.render();
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async exportCorrections(): Promise<void> {
    try {
      const path = await this.ctx.platform.exportCorrections();
      if (path) this.ctx.notice(t("export.savedTo", { path }));
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async confirmDelete(d: DocumentSummary): Promise<void> {
    const ok = await confirmDialog(t("library.confirmDelete", { title: documentLabel(d) }), t("library.confirm"), t("library.cancel"));
    if (!ok) return;
    try {
      await this.ctx.platform.deleteDocument(d.id);
      this.docs = await this.ctx.platform.listDocuments();
      this.render();
    } catch (e) {
      this.ctx.error(e);
    }
  }
}

/** A modal confirmation (native `<dialog>`); resolves `true` on confirm. */
export function confirmDialog(message: string, confirm: string, cancel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (v: boolean) => {
      if (typeof dialog.close === "function") dialog.close();
      dialog.remove();
      resolve(v);
    };
    const dialog = h(
      "dialog",
      { class: "confirm", onCancel: (e: Event) => (e.preventDefault(), finish(false)) },
      h("p", null, message),
      h(
        "div",
        { class: "buttons" },
        h("button", { type: "button", onClick: () => finish(false), autofocus: true }, cancel),
        h("button", { type: "button", class: "danger", "data-testid": "confirm", onClick: () => finish(true) }, confirm),
      ),
    );
    document.body.appendChild(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  });
}
