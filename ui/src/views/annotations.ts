/**
 * Annotations: every annotated task item across documents, filterable by
 * status, city and tag, exportable to CSV and Markdown with their context.
 */
import type { AppContext, View } from "../app";
import { STATUSES } from "../components/annotation-editor";
import { locale, t } from "../i18n";
import { eventButton, h, replace, whileBusy } from "../lib/dom";
import { formatTime } from "../lib/format";
import { VirtualList } from "../lib/virtual-list";
import type { AnnotatedItem, AnnotationFilter, AnnotationStatus } from "../platform/bindings";

const ROW = 96;

export class AnnotationsView implements View {
  readonly el = h("section", { class: "view annotations" });
  private filter: AnnotationFilter = { status: null, city: null, tag: null, document: null };
  private items: AnnotatedItem[] = [];
  private cities: string[] = [];
  private readonly countEl = h("h3", { "data-testid": "annotation-count" });
  private readonly list: VirtualList<AnnotatedItem>;

  constructor(private readonly ctx: AppContext) {
    this.list = new VirtualList<AnnotatedItem>({
      rowHeight: ROW,
      label: t("annot.heading"),
      className: "annotation-list",
      render: (it) => this.renderItem(it),
      onActivate: (it) => this.ctx.navigate("reader", { doc: it.document_id, task: it.annotation.task_id ?? undefined }),
    });
  }

  async show(): Promise<void> {
    const docs = await this.ctx.platform.listDocuments();
    this.cities = [...new Set(docs.map((d) => d.city).filter((c): c is string => !!c))].sort();
    this.render();
    await this.reload();
  }

  private render(): void {
    const all = t("annot.filter.all");
    const status = h(
      "select",
      {
        onChange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.filter.status = v ? (v as AnnotationStatus) : null;
          void this.reload();
        },
      },
      h("option", { value: "" }, all),
      ...STATUSES.map((s) => h("option", { value: s, selected: this.filter.status === s }, t(`status.${s}`))),
    );
    const city = h(
      "select",
      {
        onChange: (e: Event) => {
          this.filter.city = (e.target as HTMLSelectElement).value || null;
          void this.reload();
        },
      },
      h("option", { value: "" }, all),
      ...this.cities.map((c) => h("option", { value: c, selected: this.filter.city === c }, c)),
    );
    let tagTimer: ReturnType<typeof setTimeout> | null = null;
    const tag = h("input", {
      type: "search",
      value: this.filter.tag ?? "",
      onInput: (e: Event) => {
        const v = (e.target as HTMLInputElement).value.trim();
        if (tagTimer) clearTimeout(tagTimer);
        tagTimer = setTimeout(() => {
          this.filter.tag = v || null;
          void this.reload();
        }, 300);
      },
    });
    this.list.el.setAttribute("aria-label", t("annot.heading"));
    replace(
      this.el,
      h(
        "div",
        { class: "view-head" },
        h("h2", null, t("annot.heading")),
        h("span", { class: "spacer" }),
        h("button", { type: "button", "data-testid": "export-annotations-csv", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.export("csv")) }, t("annot.exportCsv")),
        h("button", { type: "button", "data-testid": "export-annotations-md", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.export("markdown")) }, t("annot.exportMd")),
      ),
      h(
        "div",
        { class: "toolbar filters" },
        h("label", { class: "inline" }, t("annot.filter.status"), " ", status),
        h("label", { class: "inline" }, t("annot.filter.city"), " ", city),
        h("label", { class: "inline" }, t("annot.filter.tag"), " ", tag),
      ),
      this.countEl,
      this.list.el,
    );
  }

  private async reload(): Promise<void> {
    try {
      this.items = await this.ctx.platform.listAnnotations({ ...this.filter });
      this.countEl.textContent = t("annot.list", { count: this.items.length });
      this.list.setItems(this.items);
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private renderItem(it: AnnotatedItem): HTMLElement {
    const d = it.annotation.draft;
    return h(
      "div",
      { class: "annotation-item" },
      h(
        "div",
        { class: "ai-head" },
        h("span", { class: `badge status-${d.status}` }, t(`status.${d.status}`)),
        d.priority !== null ? h("span", { class: "badge" }, `${t("annot.priority")} ${t(`annot.priority.${d.priority}` as "annot.priority.1")}`) : null,
        h("span", { class: "muted" }, [it.city, it.document_title].filter(Boolean).join(" · ")),
        h("span", { class: "path" }, it.path),
        h("span", { class: "spacer" }),
        h("span", { class: "muted small" }, formatTime(it.annotation.updated_at)),
      ),
      h("div", { class: "task-title" }, it.task_title),
      h(
        "div",
        { class: "ai-meta muted small" },
        d.tags.length ? `#${d.tags.join(" #")}  ` : "",
        d.owner ? `${t("annot.owner")}: ${d.owner}  ` : "",
        d.note,
      ),
    );
  }

  private async export(format: "csv" | "markdown"): Promise<void> {
    try {
      const path = await this.ctx.platform.exportAnnotations({ ...this.filter }, format, locale());
      if (path) this.ctx.notice(t("export.savedTo", { path }));
    } catch (e) {
      this.ctx.error(e);
    }
  }
}
