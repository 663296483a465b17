/**
 * Themes: documents × themes coverage as a table (task items, targets) and
 * as the Rust-drawn heatmap; a cell lists the theme's task items of every
 * document side by side, each with its theme chips to correct.
 */
import type { AppContext, View } from "../app";
import { ThemeEditor, themeName } from "../components/theme-editor";
import { locale, t } from "../i18n";
import { eventButton, h, labelledSelect, replace, whileBusy } from "../lib/dom";
import { documentLabel, shortLabel } from "../lib/format";
import { sanitizeSvg } from "../lib/svg";
import type { ChartSpec, ChartTheme, DocumentSummary, ThemeCoverage, ThemeMetric, ThemeTask } from "../platform/bindings";
import { SIZES } from "./compare";

type Size = keyof typeof SIZES;

export class ThemesView implements View {
  readonly el = h("section", { class: "view themes" });
  private cov: ThemeCoverage | null = null;
  private metric: ThemeMetric = "tasks";
  private chartTheme: ChartTheme = "light";
  private size: Size = "medium";
  private selected: { theme: string; doc: number } | null = null;
  /** Documents left out of the table, chart and lists (all shown by default). */
  private hidden = new Set<number>();
  private items: ThemeTask[] = [];
  private readonly tableEl = h("div", { class: "table-wrap" });
  private readonly chartEl = h("figure", { class: "chart", "data-testid": "theme-chart" });
  private readonly itemsEl = h("div", { class: "theme-items", "data-testid": "theme-items" });
  private seq = 0;

  constructor(private readonly ctx: AppContext) {}

  async show(): Promise<void> {
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.cov = await this.ctx.platform.themeCoverage();
    this.render();
    await Promise.all([this.refreshChart(), this.refreshItems()]);
  }

  /** The documents shown, in library order. */
  private shown(): DocumentSummary[] {
    return this.cov?.documents.filter((d) => !this.hidden.has(d.id)) ?? [];
  }

  private spec(): ChartSpec {
    const { width, height } = SIZES[this.size];
    const documents = this.hidden.size ? this.shown().map((d) => d.id) : [];
    return { documents, indicator: "", themes: this.metric, theme: this.chartTheme, width, height, lang: locale() };
  }

  private toggle(id: number): void {
    if (this.hidden.has(id)) this.hidden.delete(id);
    else if (this.shown().length > 1) this.hidden.add(id);
    this.render();
    void Promise.all([this.refreshChart(), this.refreshItems()]);
  }

  private render(): void {
    const cov = this.cov;
    if (!cov) return;
    if (!cov.documents.length) {
      replace(this.el, h("h2", null, t("themes.heading")), h("p", { class: "empty" }, t("themes.empty")));
      return;
    }
    const toolbar = h(
      "div",
      { class: "toolbar" },
      labelledSelect(t("themes.metric"), this.metric, [["tasks", t("themes.metric.tasks")], ["targets", t("themes.metric.targets")]], (v) => {
        this.metric = v;
        this.renderTable();
        void this.refreshChart();
      }, "theme-metric"),
      labelledSelect(t("compare.theme"), this.chartTheme, [["light", t("compare.theme.light")], ["dark", t("compare.theme.dark")]], (v) => {
        this.chartTheme = v;
        void this.refreshChart();
      }, "theme-chart-theme"),
      labelledSelect(t("compare.size"), this.size, (Object.keys(SIZES) as Size[]).map((s) => [s, t(`compare.size.${s}`)] as [Size, string]), (v) => {
        this.size = v;
        void this.refreshChart();
      }, "theme-chart-size"),
      h("span", { class: "spacer" }),
      h("button", { type: "button", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.exportChart("png")) }, t("compare.exportPng")),
      h("button", { type: "button", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.exportChart("svg")) }, t("compare.exportSvg")),
      h("button", { type: "button", class: "primary", "data-testid": "themes-to-deck", onClick: () => void this.addToDeck() }, t("compare.addToDeck")),
    );
    const known = new Set(cov.documents.map((d) => d.id));
    for (const id of this.hidden) if (!known.has(id)) this.hidden.delete(id);
    const picker = h(
      "div",
      { class: "city-chips theme-docs", role: "group", "aria-label": t("compare.documents") },
      ...cov.documents.map((d) =>
        h(
          "button",
          { type: "button", class: "chip small", "data-doc-toggle": String(d.id), "aria-pressed": String(!this.hidden.has(d.id)), title: documentLabel(d), onClick: () => this.toggle(d.id) },
          shortLabel(d),
        ),
      ),
    );
    this.renderTable();
    replace(
      this.el,
      h("div", { class: "view-head" }, h("h2", null, t("themes.heading"))),
      picker,
      toolbar,
      h("h3", null, t("themes.table")),
      this.tableEl,
      this.itemsEl,
      h("h3", null, t("themes.chart")),
      this.chartEl,
    );
  }

  private renderTable(): void {
    const cov = this.cov;
    if (!cov) return;
    const value = (doc: number, theme: string) => {
      const c = cov.cells.find((x) => x.document_id === doc && x.theme === theme);
      return { tasks: c?.tasks ?? 0, targets: c?.targets ?? 0 };
    };
    const docs = this.shown();
    const max = Math.max(1, ...cov.cells.filter((c) => !this.hidden.has(c.document_id)).map((c) => c[this.metric]));
    const table = h(
      "table",
      { class: "grid theme-table", "data-testid": "theme-table" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, t("themes.theme")),
          ...docs.map((d) => h("th", { scope: "col" }, shortLabel(d))),
          h("th", { scope: "col" }, t("themes.coverage")),
        ),
      ),
      h(
        "tbody",
        null,
        ...cov.themes.map((th) => {
          const name = locale() === "zh" ? th.zh : th.en;
          let covered = 0;
          const cells = docs.map((d) => {
            const v = value(d.id, th.id);
            if (v.tasks > 0) covered++;
            const n = v[this.metric];
            const on = this.selected?.theme === th.id && this.selected.doc === d.id;
            return h(
              "td",
              { class: "heat", style: `--heat:${(n / max).toFixed(3)}` },
              h(
                "button",
                {
                  type: "button",
                  class: `cell${on ? " current" : ""}`,
                  "data-theme": th.id,
                  "data-doc": String(d.id),
                  "aria-pressed": String(on),
                  title: t("themes.cellTitle", { doc: shortLabel(d), theme: name, tasks: v.tasks, targets: v.targets }),
                  onClick: () => this.select(th.id, d.id),
                },
                n ? String(n) : "·",
              ),
            );
          });
          return h(
            "tr",
            null,
            h("th", { scope: "row" }, name),
            ...cells,
            h("td", { class: "muted" }, `${covered}/${docs.length}`),
          );
        }),
      ),
    );
    replace(this.tableEl, table);
  }

  private select(theme: string, doc: number): void {
    this.selected = { theme, doc };
    this.renderTable();
    void this.refreshItems().then(() => this.itemsEl.querySelector(`[data-column="${doc}"]`)?.scrollIntoView?.({ block: "nearest", inline: "center" }));
  }

  private async refreshItems(): Promise<void> {
    const sel = this.selected;
    const cov = this.cov;
    if (!sel || !cov) {
      replace(this.itemsEl, h("p", { class: "muted" }, t("themes.chooseCell")));
      return;
    }
    const seq = ++this.seq;
    try {
      const items = await this.ctx.platform.themeTasks(sel.theme, []);
      if (seq !== this.seq) return;
      this.items = items;
    } catch (e) {
      this.ctx.error(e);
      return;
    }
    const name = themeName(cov.themes, sel.theme);
    const columns = this.shown().map((d) => {
      const mine = this.items.filter((x) => x.document_id === d.id);
      return h(
        "section",
        { class: `theme-column${d.id === sel.doc ? " current" : ""}`, "data-column": String(d.id) },
        h("h4", null, shortLabel(d), h("span", { class: "muted small" }, ` ${mine.length}`)),
        ...(mine.length ? mine.map((x) => this.card(x)) : [h("p", { class: "muted small" }, t("themes.noItems"))]),
      );
    });
    replace(this.itemsEl, h("h3", null, t("themes.items", { theme: name })), h("div", { class: "theme-columns" }, ...columns));
  }

  private card(x: ThemeTask): HTMLElement {
    const slot = h("div", { class: "editor-slot" });
    return h(
      "article",
      { class: "theme-card", "data-task": String(x.task_id) },
      h(
        "div",
        { class: "task-card-head" },
        h("span", { class: "path" }, x.path),
        h("span", { class: `badge source-${x.source}` }, x.source === "user" ? t("themes.source.user") : t("themes.source.auto", { confidence: x.confidence.toFixed(2) })),
        x.targets ? h("span", { class: "muted small" }, t("themes.figures", { count: x.targets })) : null,
      ),
      h("p", { class: "theme-card-body" }, x.body),
      h(
        "div",
        { class: "card-actions" },
        h("button", { type: "button", class: "link small", onClick: () => this.ctx.navigate("reader", { doc: x.document_id, task: x.task_id }) }, t("themes.read")),
        h("button", { type: "button", class: "link small", onClick: () => this.ctx.navigate("similar", { task: x.task_id }) }, t("themes.similar")),
        h(
          "button",
          {
            type: "button",
            class: "link small",
            "data-edit-themes": String(x.task_id),
            onClick: () => {
              const editor = new ThemeEditor(this.ctx.platform, x.task_id, (e) => this.ctx.error(e), () => void this.afterEdit());
              replace(slot, editor.el);
              void editor.load().catch((e) => this.ctx.error(e));
            },
          },
          t("themeEditor.heading"),
        ),
      ),
      slot,
    );
  }

  /** Coverage, table and chart follow an override; the open list stays until the next cell. */
  private async afterEdit(): Promise<void> {
    try {
      this.cov = await this.ctx.platform.themeCoverage();
      this.renderTable();
      await this.refreshChart();
      this.ctx.notice(t("themes.saved"));
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async refreshChart(): Promise<void> {
    const spec = this.spec();
    try {
      const svg = sanitizeSvg(await this.ctx.platform.chartSvg(spec));
      const scale = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 15) / 15;
      this.chartEl.style.maxWidth = `${Math.round(spec.width * Math.max(1, scale))}px`;
      this.chartEl.dataset.theme = spec.theme;
      replace(this.chartEl, svg);
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", t("themes.heading"));
      }
    } catch (e) {
      replace(this.chartEl);
      this.ctx.error(e);
    }
  }

  private async exportChart(format: "png" | "svg"): Promise<void> {
    try {
      const path = await this.ctx.platform.exportChart(this.spec(), format);
      if (path) this.ctx.notice(t("export.savedTo", { path }));
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async addToDeck(): Promise<void> {
    try {
      await this.ctx.platform.addSlide(`${t("themes.heading")} · ${t(`themes.metric.${this.metric}`)}`, this.spec());
      this.ctx.notice(t("compare.addedToDeck"));
    } catch (e) {
      this.ctx.error(e);
    }
  }
}
