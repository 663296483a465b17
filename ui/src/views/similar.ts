/**
 * Similar tasks: for one task item, the most similar items of other
 * documents (TF-IDF cosine in the core) with their scores, and the chosen
 * pair side by side with the words both use highlighted.
 */
import type { AppContext, Params, View } from "../app";
import { AnnotationEditor } from "../components/annotation-editor";
import { t } from "../i18n";
import { h, replace } from "../lib/dom";
import { highlighted } from "../lib/terms";
import type { SimilarTask, TaskPair, TaskSide } from "../platform/bindings";

/** How many similar items are listed. */
export const SIMILAR_TOP = 10;

export class SimilarView implements View {
  readonly el = h("section", { class: "view similar" });
  private taskId: number | null = null;
  private similar: SimilarTask[] = [];
  private pair: TaskPair | null = null;
  private readonly listEl = h("ol", { class: "similar-list", "data-testid": "similar-list" });
  private readonly pairEl = h("div", { class: "pair", "data-testid": "pair" });

  /** Annotation forms opened under the pair's items, by task id. */
  private editors = new Map<number, AnnotationEditor>();

  constructor(private readonly ctx: AppContext) {}

  hide(): void {
    for (const e of this.editors.values()) void e.flush();
  }

  async show(params: Params): Promise<void> {
    const task = params.task !== undefined ? Number(params.task) : this.taskId;
    if (task === null || !Number.isFinite(task)) {
      replace(this.el, h("h2", null, t("similar.heading")), h("p", { class: "empty" }, t("similar.choose")));
      return;
    }
    if (task !== this.taskId || params.task !== undefined) {
      this.taskId = task;
      this.similar = await this.ctx.platform.similarTasks(task, SIMILAR_TOP);
      const other = params.other !== undefined ? Number(params.other) : this.similar[0]?.task_id;
      this.pair = other !== undefined ? await this.ctx.platform.taskPair(task, other) : null;
    }
    this.render();
  }

  private async choose(other: number): Promise<void> {
    if (this.taskId === null) return;
    try {
      this.pair = await this.ctx.platform.taskPair(this.taskId, other);
      this.render();
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private render(): void {
    for (const e of this.editors.values()) void e.flush();
    this.editors.clear();
    const chosen = this.pair?.right.task_id;
    replace(
      this.listEl,
      ...this.similar.map((s) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: `similar-item${s.task_id === chosen ? " current" : ""}`,
              "data-task": String(s.task_id),
              "aria-pressed": String(s.task_id === chosen),
              onClick: () => void this.choose(s.task_id),
            },
            h("span", { class: "score-bar", style: `--score:${Math.max(0, Math.min(1, s.score))}`, "aria-hidden": "true" }),
            h("span", { class: "similar-doc" }, s.document_title),
            h("span", { class: "muted small" }, `${s.path} · ${t("similar.score", { score: s.score.toFixed(2) })}`),
            h("span", { class: "similar-title" }, s.title),
          ),
        ),
      ),
    );
    if (!this.similar.length) replace(this.listEl, h("li", { class: "empty" }, t("similar.none")));
    const p = this.pair;
    if (p) {
      replace(
        this.pairEl,
        h(
          "div",
          { class: "pair-terms" },
          h("strong", null, t("similar.shared", { count: p.terms.length })),
          " ",
          ...(p.terms.length ? p.terms.map((x) => h("span", { class: "chip small shared-term" }, x)) : [h("span", { class: "muted" }, t("similar.noShared"))]),
          h("span", { class: "muted small legend" }, t("similar.legend")),
        ),
        h("div", { class: "pair-cols" }, this.side(p.left, t("similar.query")), this.side(p.right, t("similar.other"))),
      );
    } else replace(this.pairEl);
    replace(
      this.el,
      h("div", { class: "view-head" }, h("h2", null, t("similar.heading"))),
      h("div", { class: "similar-grid" }, h("aside", { class: "pane" }, h("h3", null, t("similar.list")), this.listEl), this.pairEl),
    );
  }

  /** Opens (or closes) the annotation form of one side's task item below it. */
  private toggleEditor(taskId: number, slot: HTMLElement, button: HTMLButtonElement): void {
    if (this.editors.has(taskId) && slot.firstChild) {
      void this.editors.get(taskId)?.flush();
      this.editors.delete(taskId);
      replace(slot);
      button.setAttribute("aria-expanded", "false");
      return;
    }
    const editor = new AnnotationEditor(this.ctx.platform, taskId, () => {}, (e) => this.ctx.error(e));
    this.editors.set(taskId, editor);
    replace(slot, editor.el);
    button.setAttribute("aria-expanded", "true");
    editor.load().catch((e) => this.ctx.error(e));
  }

  private side(s: TaskSide, label: string): HTMLElement {
    const slot = h("div", { class: "pair-annotation" });
    return h(
      "article",
      { class: "pane pair-side", "data-task": String(s.task_id) },
      h("p", { class: "muted small" }, label),
      h("h3", null, s.document_title),
      h("p", { class: "muted" }, `${s.path} ${s.title}`),
      h("p", { class: "pair-body" }, ...highlighted(s.body, s.shared, "shared")),
      h(
        "div",
        { class: "toolbar" },
        h("button", { type: "button", class: "link", onClick: () => this.ctx.navigate("reader", { doc: s.document_id, task: s.task_id }) }, t("similar.open")),
        h(
          "button",
          { type: "button", class: "link", "data-annotate": String(s.task_id), "aria-expanded": "false", onClick: (e: Event) => this.toggleEditor(s.task_id, slot, e.currentTarget as HTMLButtonElement) },
          t("search.annotate"),
        ),
      ),
      slot,
    );
  }
}
