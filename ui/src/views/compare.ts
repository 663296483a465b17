/**
 * Compare: choose documents and indicators; the comparison table and the
 * chart drawn by the Rust chart code (inline, sanitised SVG) with theme and
 * size; figures open the Reader at their sentence; exports through the save
 * dialog; add the chart to the presenter deck.
 */
import type { AppContext, View } from "../app";
import { locale, t } from "../i18n";
import { eventButton, h, labelledSelect, replace, whileBusy } from "../lib/dom";
import { CORRECTED_MARK, correctionTitle } from "../lib/corrections";
import { comparisonCsv } from "../lib/export";
import { formatFigure, formatPeriod, shortLabel, documentLabel, unitLabel } from "../lib/format";
import { sanitizeSvg } from "../lib/svg";
import type { ChartSpec, ChartTheme, Comparison, CompareFigure, CompareRow, DocumentSummary, IndicatorOption } from "../platform/bindings";

/** Chart sizes offered, in CSS pixels. */
export const SIZES = {
  small: { width: 640, height: 360 },
  medium: { width: 960, height: 540 },
  large: { width: 1280, height: 720 },
} as const;
type Size = keyof typeof SIZES;

/** A figure as a table cell shows it. */
export function figureText(f: CompareFigure): string {
  return formatFigure(f.value, f.value_high, f.unit, f.qualifier) + (f.year !== null ? ` (${f.year})` : "");
}

/** The preference that keeps Compare's selection across restarts. */
export const SELECTION_KEY = "compare.selection";

/** Compare's selection as kept between sessions. */
interface SavedSelection {
  documents: { id: number; source: string }[];
  indicators: string[];
  includeOther: boolean;
}

/** The comparison CSV's columns (i18n keys), in order. */
const CSV_COLUMNS = [
  "compare.csv.indicator",
  "compare.csv.indicatorId",
  "compare.csv.kind",
  "compare.csv.document",
  "compare.csv.city",
  "compare.csv.period",
  "compare.csv.role",
  "compare.csv.year",
  "compare.csv.figure",
  "compare.csv.value",
  "compare.csv.valueHigh",
  "compare.csv.unit",
  "compare.csv.qualifier",
  "compare.csv.quote",
  "compare.csv.notes",
  "compare.csv.targetId",
] as const;

export class CompareView implements View {
  readonly el = h("section", { class: "view compare" });
  private docs: DocumentSummary[] = [];
  private indicators: IndicatorOption[] = [];
  private selectedDocs = new Set<number>();
  private selectedIndicators = new Set<string>();
  private chartIndicator: string | null = null;
  /** Also list the figures that map to no indicator (其他). */
  private includeOther = false;
  private theme: ChartTheme = "light";
  private size: Size = "medium";
  private comparison: Comparison | null = null;
  private readonly pickerEl = h("div", { class: "pane compare-pickers" });
  private readonly resultEl = h("div", { class: "compare-results" });
  private readonly chartEl = h("figure", { class: "chart", "data-testid": "chart" });
  private seq = 0;
  /** Whether the last session's selection was brought back. */
  private restored = false;

  constructor(private readonly ctx: AppContext) {}

  async show(): Promise<void> {
    this.docs = await this.ctx.platform.listDocuments();
    if (!this.restored) {
      this.restored = true;
      await this.restore();
    }
    const known = new Set(this.docs.map((d) => d.id));
    for (const id of this.selectedDocs) if (!known.has(id)) this.selectedDocs.delete(id);
    replace(this.el, h("div", { class: "view-head" }, h("h2", null, t("compare.heading"))), h("div", { class: "compare-grid" }, this.pickerEl, this.resultEl));
    await this.refreshIndicators();
  }

  /**
   * Brings back the selection of the last session. Documents are matched by
   * id and file name, so a selection never lands on another document.
   */
  private async restore(): Promise<void> {
    try {
      const text = await this.ctx.platform.getPreference(SELECTION_KEY);
      if (!text) return;
      const saved = JSON.parse(text) as Partial<SavedSelection>;
      const byId = new Map(this.docs.map((d) => [d.id, d]));
      for (const d of saved.documents ?? []) {
        if (byId.get(d.id)?.source_name === d.source) this.selectedDocs.add(d.id);
      }
      for (const id of saved.indicators ?? []) if (typeof id === "string") this.selectedIndicators.add(id);
      this.includeOther = saved.includeOther === true;
    } catch {
      // An unreadable preference is ignored.
    }
  }

  /** Keeps the selection for the next session. */
  private persist(): void {
    const byId = new Map(this.docs.map((d) => [d.id, d]));
    const saved: SavedSelection = {
      documents: [...this.selectedDocs].map((id) => ({ id, source: byId.get(id)?.source_name ?? "" })),
      indicators: [...this.selectedIndicators],
      includeOther: this.includeOther,
    };
    this.ctx.platform.setPreference(SELECTION_KEY, JSON.stringify(saved)).catch(() => {});
  }

  private async refreshIndicators(): Promise<void> {
    this.indicators = this.selectedDocs.size ? await this.ctx.platform.listIndicators([...this.selectedDocs], locale()) : [];
    // Indicators of documents no longer chosen are kept only while no document is chosen (start-up).
    if (this.selectedDocs.size) {
      const ids = new Set(this.indicators.map((i) => i.id));
      for (const id of this.selectedIndicators) if (!ids.has(id)) this.selectedIndicators.delete(id);
    }
    this.renderPickers();
    await this.refreshResults();
  }

  /** Selects all documents of a city, or clears them when all are selected. */
  private toggleCity(city: string): void {
    const ids = this.docs.filter((d) => d.city === city).map((d) => d.id);
    const all = ids.every((id) => this.selectedDocs.has(id));
    for (const id of ids) {
      if (all) this.selectedDocs.delete(id);
      else this.selectedDocs.add(id);
    }
    void this.refreshIndicators().catch((err) => this.ctx.error(err));
  }

  private renderPickers(): void {
    const cities = [...new Set(this.docs.map((d) => d.city).filter((c): c is string => !!c))];
    const docList = h(
      "fieldset",
      { class: "pick-docs" },
      h("legend", null, t("compare.documents")),
      h(
        "div",
        { class: "city-chips", role: "group", "aria-label": t("compare.cities") },
        ...cities.map((c) => {
          const ids = this.docs.filter((d) => d.city === c).map((d) => d.id);
          const on = ids.every((id) => this.selectedDocs.has(id));
          return h("button", { type: "button", class: "chip small", "aria-pressed": String(on), "data-city": c, onClick: () => this.toggleCity(c) }, c);
        }),
      ),
      ...this.docs.map((d) =>
        h(
          "label",
          { class: "check", title: documentLabel(d) },
          h("input", {
            type: "checkbox",
            checked: this.selectedDocs.has(d.id),
            "data-doc": String(d.id),
            onChange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) this.selectedDocs.add(d.id);
              else this.selectedDocs.delete(d.id);
              void this.refreshIndicators().catch((err) => this.ctx.error(err));
            },
          }),
          h("span", null, shortLabel(d)),
          h("span", { class: "muted small" }, t(`kind.${d.kind}`)),
          d.superseded_by !== null ? h("span", { class: "badge small old-version", title: t("library.supersededTitle") }, t("compare.oldVersion")) : null,
        ),
      ),
    );
    const indList = h(
      "fieldset",
      { class: "pick-indicators" },
      h("legend", null, t("compare.indicators")),
      this.selectedDocs.size && !this.indicators.length ? h("p", { class: "muted" }, t("compare.noIndicators")) : null,
      ...this.indicators.map((i) =>
        h(
          "label",
          { class: "check", title: i.label },
          h("input", {
            type: "checkbox",
            checked: this.selectedIndicators.has(i.id),
            "data-indicator": i.id,
            onChange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) this.selectedIndicators.add(i.id);
              else this.selectedIndicators.delete(i.id);
              void this.refreshResults().catch((err) => this.ctx.error(err));
            },
          }),
          h("span", null, i.label),
          h("span", { class: "muted small" }, `${unitLabel(i.unit)} · ${i.documents}`),
        ),
      ),
      h(
        "label",
        { class: "check other-toggle", title: t("compare.otherTitle") },
        h("input", {
          type: "checkbox",
          checked: this.includeOther,
          "data-testid": "include-other",
          onChange: (e: Event) => {
            this.includeOther = (e.target as HTMLInputElement).checked;
            void this.refreshResults().catch((err) => this.ctx.error(err));
          },
        }),
        h("span", null, t("compare.other")),
      ),
    );
    replace(this.pickerEl, docList, indList);
  }

  private async refreshResults(): Promise<void> {
    this.persist();
    const seq = ++this.seq;
    if (this.selectedDocs.size < 2) {
      this.comparison = null;
      replace(this.resultEl, h("p", { class: "empty" }, t("compare.chooseDocs")));
      return;
    }
    const documents = this.docs.filter((d) => this.selectedDocs.has(d.id)).map((d) => d.id);
    const indicators = this.indicators.filter((i) => this.selectedIndicators.has(i.id)).map((i) => i.id);
    const c = await this.ctx.platform.compare({ documents, indicators, lang: locale(), include_other: this.includeOther });
    if (seq !== this.seq) return;
    this.comparison = c;
    if (!this.chartIndicator || !indicators.includes(this.chartIndicator)) this.chartIndicator = indicators[0] ?? null;
    this.renderResults();
    await this.refreshChart();
  }

  private spec(): ChartSpec | null {
    if (!this.comparison || !this.chartIndicator) return null;
    const { width, height } = SIZES[this.size];
    return { documents: this.comparison.documents.map((d) => d.id), indicator: this.chartIndicator, theme: this.theme, width, height, lang: locale() };
  }

  private renderResults(): void {
    const c = this.comparison;
    if (!c) return;
    const table = h(
      "table",
      { class: "grid compare-table", "data-testid": "compare-table" },
      h(
        "thead",
        null,
        h("tr", null, h("th", { scope: "col" }, t("compare.indicator")), ...c.documents.map((d) => h("th", { scope: "col", title: documentLabel(d) }, shortLabel(d)))),
      ),
      h("tbody", null, ...c.rows.map((r) => this.rowEl(c, r)), ...c.others.map((r) => this.rowEl(c, r, true))),
    );
    const selectedIds = [...new Set(c.rows.map((r) => r.indicator_id))];
    const controls = h(
      "div",
      { class: "toolbar" },
      selectedIds.length
        ? labelledSelect(
            t("compare.chartIndicator"),
            this.chartIndicator ?? "",
            selectedIds.map((id) => [id, c.rows.find((r) => r.indicator_id === id)?.label ?? id] as [string, string]),
            (v) => {
              this.chartIndicator = v;
              void this.refreshChart();
            },
            "chart-indicator",
          )
        : null,
      labelledSelect(t("compare.theme"), this.theme, [["light", t("compare.theme.light")], ["dark", t("compare.theme.dark")]], (v) => {
        this.theme = v;
        void this.refreshChart();
      }, "chart-theme"),
      labelledSelect(t("compare.size"), this.size, (Object.keys(SIZES) as Size[]).map((s) => [s, t(`compare.size.${s}`)] as [Size, string]), (v) => {
        this.size = v;
        void this.refreshChart();
      }, "chart-size"),
      h("span", { class: "spacer" }),
      h("button", { type: "button", "data-testid": "export-png", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.exportChart("png")), disabled: !selectedIds.length }, t("compare.exportPng")),
      h("button", { type: "button", "data-testid": "export-svg", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.exportChart("svg")), disabled: !selectedIds.length }, t("compare.exportSvg")),
      h("button", { type: "button", "data-testid": "export-csv", onClick: (e: Event) => void whileBusy(eventButton(e), () => this.exportCsv()) }, t("compare.exportCsv")),
      h("button", { type: "button", class: "primary", "data-testid": "add-to-deck", onClick: () => void this.addToDeck(), disabled: !selectedIds.length }, t("compare.addToDeck")),
    );
    replace(
      this.resultEl,
      h("h3", null, t("compare.table")),
      h("div", { class: "table-wrap" }, table),
      h("h3", null, t("compare.chart")),
      controls,
      this.chartEl,
    );
  }

  /** One table row; a 其他 row (figures mapped to no indicator) is marked. */
  private rowEl(c: Comparison, r: CompareRow, other = false): HTMLElement {
    return h(
      "tr",
      { class: other ? "other-row" : undefined, "data-other": other ? "1" : undefined },
      h("th", { scope: "row" }, r.label, h("span", { class: "muted small kind" }, ` ${t(`targetKind.${r.kind}`)}`)),
      ...c.documents.map((d) => {
        const cell = r.cells.find((x) => x.document_id === d.id);
        const figs = cell?.figures ?? [];
        if (figs.length === 0) return h("td", null, h("span", { class: "muted" }, t("compare.noFigure")));
        return h(
          "td",
          null,
          h(
            "ul",
            { class: "figures" },
            ...figs.map((f, i) =>
              h(
                "li",
                { class: cell?.headline === i && figs.length > 1 ? "headline" : undefined },
                this.figureButton(f, f.target_id, f.start, figureText(f), f.quote),
                f.corrected
                  ? h("span", { class: "corrected-mark", "data-testid": "corrected-mark", title: correctionTitle(f.changes), "aria-label": correctionTitle(f.changes) }, CORRECTED_MARK)
                  : null,
                f.role === "baseline" ? h("span", { class: "muted small" }, ` ${t("targetRole.baseline")}`) : null,
                h(
                  "button",
                  {
                    type: "button",
                    class: "link small figure-correct",
                    "data-testid": "figure-correct",
                    "data-target": String(f.target_id),
                    title: t("corr.openTitle"),
                    onClick: () => this.ctx.navigate("reader", { doc: f.document_id, at: f.start, target: f.target_id, correct: 1 }),
                  },
                  t("corr.open"),
                ),
                ...f.mentions.map((m, k) =>
                  h("span", { class: "small mention" }, " ", this.figureButton(f, m.target_id, m.start, t("compare.mention", { n: k + 2 }), m.quote)),
                ),
              ),
            ),
          ),
          cell && cell.notes.length
            ? h("p", { class: "cell-notes small", "data-testid": "cell-notes" }, cell.notes.map((n) => t(n === "years_differ" ? "compare.note.years_differ" : "compare.note.qualifiers_differ")).join(" · "))
            : null,
        );
      }),
    );
  }

  /** A button that opens the Reader at the sentence of target `target` (figure `f` or one of its mentions). */
  private figureButton(f: CompareFigure, target: number, start: number, label: string, quote: string): HTMLElement {
    return h(
      "button",
      {
        type: "button",
        class: `figure link role-${f.role}`,
        title: t("compare.figureTitle", { quote }),
        "data-target": String(target),
        onClick: () => this.ctx.navigate("reader", { doc: f.document_id, at: start, target }),
      },
      label,
    );
  }

  private async refreshChart(): Promise<void> {
    const spec = this.spec();
    if (!spec) {
      replace(this.chartEl);
      return;
    }
    const seq = this.seq;
    try {
      const svgText = await this.ctx.platform.chartSvg(spec);
      if (seq !== this.seq) return;
      const svg = sanitizeSvg(svgText);
      this.chartEl.dataset.theme = spec.theme;
      // Shown at its drawn size, scaled with the type on very large screens.
      const scale = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 15) / 15;
      this.chartEl.style.maxWidth = `${Math.round(spec.width * Math.max(1, scale))}px`;
      replace(this.chartEl, svg);
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", this.comparison?.rows.find((r) => r.indicator_id === spec.indicator)?.label ?? spec.indicator);
      }
    } catch (e) {
      replace(this.chartEl);
      this.ctx.error(e);
    }
  }

  private async exportChart(format: "png" | "svg"): Promise<void> {
    const spec = this.spec();
    if (!spec) return;
    try {
      const path = await this.ctx.platform.exportChart(spec, format);
      if (path) this.ctx.notice(t("export.savedTo", { path }));
    } catch (e) {
      this.ctx.error(e);
    }
  }

  /** The comparison as CSV: one line per figure with its document, quote, role and year. */
  csv(): string | null {
    const c = this.comparison;
    if (!c) return null;
    return comparisonCsv(c, {
      header: CSV_COLUMNS.map((k) => t(k)),
      document: documentLabel,
      period: (d) => (d.period ? formatPeriod(d.period) : ""),
      row: (r) => r.label,
      kind: (k) => t(`targetKind.${k}`),
      role: (r) => t(`targetRole.${r}`),
      qualifier: (q) => t(`qualifier.${q}`),
      note: (n) => t(n === "years_differ" ? "compare.note.years_differ" : "compare.note.qualifiers_differ"),
      figure: (f) => formatFigure(f.value, f.value_high, f.unit, f.qualifier) + (f.corrected ? ` ${CORRECTED_MARK}` : ""),
    });
  }

  private async exportCsv(): Promise<void> {
    const csv = this.csv();
    if (csv === null) return;
    try {
      const path = await this.ctx.platform.saveText("comparison.csv", "csv", csv);
      if (path) this.ctx.notice(t("export.savedTo", { path }));
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async addToDeck(): Promise<void> {
    const spec = this.spec();
    const c = this.comparison;
    if (!spec || !c) return;
    const label = c.rows.find((r) => r.indicator_id === spec.indicator)?.label ?? spec.indicator;
    try {
      await this.ctx.platform.addSlide(label, spec);
      this.ctx.notice(t("compare.addedToDeck"));
    } catch (e) {
      this.ctx.error(e);
    }
  }
}
