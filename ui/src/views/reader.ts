/**
 * Reader: the outline tree beside the text, targets highlighted in the
 * text, task items as cards (virtualised), the record of a clicked target,
 * and the annotation form of the chosen task item.
 */
import type { AppContext, Params, View } from "../app";
import { AnnotationEditor } from "../components/annotation-editor";
import { CorrectionForm } from "../components/correction-form";
import { ThemeEditor } from "../components/theme-editor";
import { locale, t } from "../i18n";
import { correctionTitle } from "../lib/corrections";
import { h, replace } from "../lib/dom";
import { documentLabel, formatFigure, formatNumber, formatPeriod } from "../lib/format";
import { CharText, paragraphAt, paragraphs, segments, type Paragraph } from "../lib/text";
import { VirtualList } from "../lib/virtual-list";
import { warningText } from "../lib/warnings";
import type { AnnotationStatus, DocumentDetail, SectionDto, SimilarTask, TableDto, TargetDto, TaskDto } from "../platform/bindings";

/** Similar items listed under the chosen task item. */
const SIMILAR_IN_READER = 5;

/** Parses the `hl` parameter (`start-end,start-end`) into character ranges. */
export function parseSpans(v: string | number | undefined): { start: number; end: number }[] {
  if (v === undefined) return [];
  return String(v)
    .split(",")
    .map((p) => /^(\d+)-(\d+)$/.exec(p.trim()))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) > Number(m[1]))
    .map((m) => ({ start: Number(m[1]), end: Number(m[2]) }));
}

const OUTLINE_ROW = 30;

/**
 * Builds a table of the document as an HTML table with DOM APIs (cell text
 * as text nodes, targets as focusable marks), one `<tr>` per row. Header
 * rows are the rows before the first row a target was read from. The tab
 * between two cells is kept as hidden text, so the row's text nodes still
 * count the characters of the document text from `from` on (search-hit
 * ranges rely on it). Returns the table and its rows.
 */
export function renderTable(
  table: TableDto,
  chars: CharText,
  targets: TargetDto[],
  from: (row: number) => number,
): { el: HTMLTableElement; rows: HTMLTableRowElement[] } {
  const spans = targets.map((g) => ({ start: g.start, end: g.end, id: g.id }));
  const byId = new Map(targets.map((g) => [g.id, g]));
  const anchored = targets.filter((g) => g.cell?.table === table.index).map((g) => g.cell!.row);
  const headerRows = Math.min(3, anchored.length ? Math.min(...anchored) : 1);
  const head = h("thead");
  const body = h("tbody");
  const rows = table.rows.map((cells, r) => {
    const tr = h("tr", { "data-row": String(r) });
    cells.forEach((cell, c) => {
      const td = h(r < headerRows ? "th" : "td", { "data-row": String(r), "data-col": String(c) });
      if (c > 0 && cell.start - 1 >= from(r)) td.appendChild(h("span", { class: "cell-sep", "aria-hidden": "true" }, "\t"));
      for (const seg of segments(cell.start, cell.end, spans)) {
        const text = chars.slice(seg.start, seg.end);
        td.appendChild(seg.id === null ? document.createTextNode(text) : targetMark(seg.id, text, byId.get(seg.id)));
      }
      tr.appendChild(td);
    });
    (r < headerRows ? head : body).appendChild(tr);
    return tr;
  });
  const el = h(
    "table",
    { class: "doc-table", "data-table": String(table.index), "data-start": String(table.start), "data-testid": "doc-table" },
    h("caption", null, t("reader.table")),
    head,
    body,
  );
  return { el, rows };
}

/** A target in the text: a focusable mark that opens its record. */
function targetMark(id: number, text: string, g: TargetDto | undefined): HTMLElement {
  const mark = h("mark", { "data-target": String(id), tabindex: "0", role: "button" }, text);
  if (g) markState(mark, g);
  return mark;
}

/**
 * The class and title of a target's mark: baseline or target, and a
 * corrected figure marked (✎ drawn by CSS, so the text stays verbatim) with
 * what changed; a figure that is not a target is struck through.
 */
export function markState(mark: HTMLElement, g: TargetDto): void {
  mark.className = [g.role === "baseline" ? "baseline" : "target", g.corrected ? "corrected" : "", g.not_a_target || g.merged_into !== null ? "excluded" : ""]
    .filter(Boolean)
    .join(" ");
  mark.title = g.corrected ? `${g.indicator} · ${correctionTitle(g.changes)}` : g.indicator;
}

/** Identifies a stored version of a document (ids can be reused after a delete). */
function docKey(d: DocumentDetail): string {
  return `${d.summary.id}@${d.summary.imported_at}`;
}
const TASK_ROW = 78;

export class ReaderView implements View {
  readonly el = h("section", { class: "view reader" });
  private doc: DocumentDetail | null = null;
  private chars: CharText | null = null;
  private paras: Paragraph[] = [];
  private paraEls: HTMLElement[] = [];
  private targetsById = new Map<number, TargetDto>();
  private statuses = new Map<number, AnnotationStatus>();
  private editor: AnnotationEditor | null = null;
  private selectedTask: TaskDto | null = null;
  private readonly outline: VirtualList<SectionDto>;
  private readonly taskList: VirtualList<TaskDto>;
  private readonly textEl = h("article", { class: "doc-text", tabindex: "0", "data-testid": "doc-text" });
  private readonly recordEl = h("div", { class: "target-record", "aria-live": "polite" });
  private readonly correctionEl = h("div", { class: "correction-slot" });
  private correction: CorrectionForm | null = null;
  private readonly editorEl = h("div", { class: "editor-slot" });
  /** The target whose record is shown (drawn again on a language switch). */
  private shownTarget: number | null = null;
  /** Catalog indicator names of this document's figures, in the current language. */
  private catalog = new Map<string, string>();

  constructor(private readonly ctx: AppContext) {
    this.outline = new VirtualList<SectionDto>({
      rowHeight: OUTLINE_ROW,
      label: t("reader.outline"),
      className: "outline",
      render: (s) =>
        h(
          "div",
          { class: `outline-row level-${Math.min(s.level, 4)}`, style: `padding-left:${8 + (s.level - 1) * 14}px`, title: `${s.marker}${s.title}` },
          h("span", { class: "marker" }, s.marker),
          h("span", { class: "title" }, s.title),
        ),
      onActivate: (s) => this.scrollTo(s.start, null),
    });
    this.taskList = new VirtualList<TaskDto>({
      rowHeight: TASK_ROW,
      label: t("reader.tasks", { count: 0 }),
      className: "task-list",
      render: (task) => this.renderTaskCard(task),
      onActivate: (task) => void this.selectTask(task, true),
    });
    this.textEl.addEventListener("click", (e) => {
      const mark = (e.target as HTMLElement).closest<HTMLElement>("mark[data-target]");
      if (mark) this.showTarget(Number(mark.dataset.target));
    });
    this.textEl.addEventListener("keydown", (e) => {
      const mark = (e.target as HTMLElement).closest<HTMLElement>("mark[data-target]");
      if (mark && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        this.showTarget(Number(mark.dataset.target));
      }
    });
  }

  hide(): void {
    void this.editor?.flush();
  }

  async show(params: Params): Promise<void> {
    const id = Number(params.doc ?? this.doc?.summary.id ?? NaN);
    if (!Number.isFinite(id)) {
      replace(this.el, h("h2", null, t("reader.heading")), h("p", { class: "empty" }, t("reader.choose")));
      return;
    }
    const fresh = await this.ctx.platform.getDocument(id);
    if (!this.doc || docKey(this.doc) !== docKey(fresh)) {
      this.doc = fresh;
      this.chars = new CharText(this.doc.text);
      this.paras = paragraphs(
        this.chars,
        this.doc.sections.map((x) => x.start),
      );
      this.targetsById = new Map(this.doc.targets.map((g) => [g.id, g]));
      this.selectedTask = null;
      this.editor = null;
      // The record of a figure belongs to the document it came from.
      this.shownTarget = null;
      replace(this.recordEl);
      this.correction = null;
      replace(this.correctionEl);
    } else {
      // Same text: corrections made since may have changed figures and metadata.
      this.doc.summary = fresh.summary;
      this.doc.targets = fresh.targets;
      this.targetsById = new Map(fresh.targets.map((g) => [g.id, g]));
      for (const mark of this.textEl.querySelectorAll<HTMLElement>("mark[data-target]")) {
        const g = this.targetsById.get(Number(mark.dataset.target));
        if (g) markState(mark, g);
      }
    }
    const indicators = await this.ctx.platform.listIndicators([id], locale());
    this.catalog = new Map(indicators.map((i) => [i.id, i.label]));
    const items = await this.ctx.platform.listAnnotations({ status: null, city: null, tag: null, document: id });
    this.statuses = new Map(items.map((i) => [i.annotation.task_id ?? -1, i.annotation.draft.status]));
    this.render();
    const at = params.at !== undefined ? Number(params.at) : null;
    const target = params.target !== undefined ? Number(params.target) : null;
    const task = params.task !== undefined ? this.doc.tasks.find((x) => x.id === Number(params.task)) : undefined;
    if (task) await this.selectTask(task, at === null);
    if (at !== null) this.scrollTo(at, target);
    if (target !== null) this.showTarget(target);
    else if (this.shownTarget !== null) this.showTarget(this.shownTarget, false);
    if (target !== null && params.correct !== undefined) await this.openCorrection(target);
    this.highlightHits(parseSpans(params.hl));
  }

  /**
   * Marks search hits in the text: CSS Custom Highlights where the webview
   * has them (the text's DOM stays untouched), else the selection.
   */
  private highlightHits(spans: { start: number; end: number }[]): void {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const Highlight = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    registry?.delete("search-hit");
    const ranges = spans.map((s) => this.rangeOf(s.start, s.end)).filter((r): r is Range => r !== null);
    if (!ranges.length) return;
    if (registry && Highlight) registry.set("search-hit", new Highlight(...ranges));
    else {
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(ranges[0]);
    }
  }

  /** A DOM range over characters `[start, end)` of the text, within one paragraph. */
  private rangeOf(start: number, end: number): Range | null {
    if (!this.paraEls.length) return null;
    const i = paragraphAt(this.paras, start);
    const p = this.paras[i];
    const el = this.paraEls[i];
    if (!p || !el || start < p.start || end > p.end) return null;
    const range = document.createRange();
    let at = p.start;
    let begun = false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? "";
      const cps = Array.from(text);
      const next = at + cps.length;
      // UTF-16 offset of the k-th code point of this node.
      const unit = (k: number) => cps.slice(0, k).join("").length;
      if (!begun && start < next) {
        range.setStart(n, unit(start - at));
        begun = true;
      }
      if (begun && end <= next) {
        range.setEnd(n, unit(end - at));
        return range;
      }
      at = next;
    }
    return null;
  }

  private render(): void {
    const doc = this.doc;
    if (!doc || !this.chars) return;
    const s = doc.summary;
    const meta = [s.city, s.province, t(`kind.${s.kind}`), formatPeriod(s.period), s.issuer].filter(Boolean).join(" · ");
    this.renderText();
    this.outline.el.setAttribute("aria-label", t("reader.outline"));
    this.taskList.el.setAttribute("aria-label", t("reader.tasks", { count: doc.tasks.length }));
    const warnings = doc.warnings.length
      ? h(
          "details",
          { class: "warnings" },
          h("summary", null, t("reader.warnings", { count: doc.warnings.length })),
          h("ul", null, ...doc.warnings.map((w) => h("li", { "data-code": w.code }, warningText(w)))),
        )
      : null;
    replace(
      this.el,
      h("div", { class: "view-head" }, h("h2", { class: "doc-title" }, documentLabel(s)), h("span", { class: "muted" }, meta)),
      warnings,
      h(
        "div",
        { class: "reader-grid" },
        h("aside", { class: "pane outline-pane" }, h("h3", null, t("reader.outline")), this.outline.el),
        h("div", { class: "pane text-pane" }, this.textEl),
        h(
          "aside",
          { class: "pane side-pane" },
          h("h3", null, t("reader.tasks", { count: doc.tasks.length })),
          this.taskList.el,
          h("div", { class: "side-details" }, this.recordEl, this.correctionEl, this.editorEl),
        ),
      ),
    );
    this.outline.setItems(doc.sections);
    this.taskList.setItems(doc.tasks);
    if (!this.selectedTask) replace(this.editorEl);
    if (this.shownTarget === null) replace(this.recordEl, h("p", { class: "muted" }, t("reader.noTarget")));
  }

  /** Builds the paragraphs once per document; targets become focusable marks. */
  private renderText(): void {
    const doc = this.doc;
    const chars = this.chars;
    if (!doc || !chars) return;
    if (this.textEl.dataset.doc === docKey(doc)) return;
    this.textEl.dataset.doc = docKey(doc);
    const spans = doc.targets.map((g) => ({ start: g.start, end: g.end, id: g.id }));
    const noise = doc.noise;
    const isNoise = (p: Paragraph) => noise.some(([s, e]) => s <= p.start && p.end <= e);
    const frag = document.createDocumentFragment();
    // Lines of a table the targets were read from become rows of a real
    // table; the paragraph of such a line is its row.
    const rowStart = (t: TableDto, r: number) => t.rows[r][0]?.start ?? t.start;
    const rowEnd = (t: TableDto, r: number) => t.rows[r][t.rows[r].length - 1]?.end ?? t.end;
    const built = new Map<number, HTMLTableRowElement[]>();
    this.paraEls = this.paras.map((p) => {
      const table = doc.tables.find((x) => x.start <= p.start && p.start < x.end);
      const r = table ? table.rows.findIndex((_, i) => rowStart(table, i) <= p.start && p.start <= rowEnd(table, i)) : -1;
      if (table && r >= 0) {
        let rows = built.get(table.index);
        if (!rows) {
          // Each row's paragraph may start after leading empty cells.
          const from = (i: number) => this.paras.find((q) => rowStart(table, i) <= q.start && q.start <= rowEnd(table, i))?.start ?? rowStart(table, i);
          const rendered = renderTable(table, chars, doc.targets, from);
          rows = rendered.rows;
          built.set(table.index, rows);
          frag.appendChild(rendered.el);
        }
        return rows[r];
      }
      const el = h("p", { "data-start": String(p.start), class: isNoise(p) ? "noise" : undefined });
      for (const seg of segments(p.start, p.end, spans)) {
        const text = chars.slice(seg.start, seg.end);
        el.appendChild(seg.id === null ? document.createTextNode(text) : targetMark(seg.id, text, this.targetsById.get(seg.id)));
      }
      frag.appendChild(el);
      return el;
    });
    replace(this.textEl, frag);
  }

  private scrollTo(offset: number, targetId: number | null): void {
    if (this.paraEls.length === 0) return;
    const i = paragraphAt(this.paras, offset);
    const el = this.paraEls[i];
    const mark = targetId !== null ? this.textEl.querySelector<HTMLElement>(`mark[data-target="${targetId}"]`) : null;
    // The figure itself, not only its paragraph, is brought to the middle.
    // Paragraphs off screen are laid out with an estimated height
    // (`content-visibility: auto`), and a view shown just now may not be laid
    // out yet (the first jump into a document): look again shortly after and
    // scroll again until the figure is inside the text pane and stays there.
    const goal = mark ?? el;
    goal.scrollIntoView({ block: "center" });
    let tries = 0;
    let lastTop = Number.NaN;
    const settle = () => {
      const box = goal.getBoundingClientRect();
      const pane = this.textEl.getBoundingClientRect();
      const inside = box.top >= pane.top && box.bottom <= pane.bottom;
      if ((inside && box.top === lastTop) || ++tries > 12) return;
      lastTop = box.top;
      if (!inside) goal.scrollIntoView({ block: "center" });
      window.setTimeout(settle, 60);
    };
    window.setTimeout(settle, 0);
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
    (mark ?? this.textEl).focus({ preventScroll: true });
  }

  private showTarget(id: number, follow = true): void {
    const g = this.targetsById.get(id);
    if (!g) return;
    if (this.correction && this.correction.targetId !== id) {
      this.correction = null;
      replace(this.correctionEl);
    }
    this.shownTarget = id;
    for (const m of this.textEl.querySelectorAll("mark.selected")) m.classList.remove("selected");
    this.textEl.querySelector(`mark[data-target="${id}"]`)?.classList.add("selected");
    for (const c of this.textEl.querySelectorAll(".cell-current, .row-current")) c.classList.remove("cell-current", "row-current");
    const cell = g.cell;
    if (cell) {
      const table = this.textEl.querySelector(`table[data-table="${cell.table}"]`);
      table?.querySelector(`tr[data-row="${cell.row}"]`)?.classList.add("row-current");
      table?.querySelector(`[data-row="${cell.row}"][data-col="${cell.column}"]`)?.classList.add("cell-current");
    }
    const row = (k: Parameters<typeof t>[0], v: string) => [h("dt", null, t(k)), h("dd", null, v)];
    const norm = g.normalized ? formatFigure(g.normalized.value, g.normalized.value_high, g.normalized.unit, g.qualifier) : "—";
    replace(
      this.recordEl,
      h("h3", null, t("reader.target")),
      h(
        "dl",
        { class: "record", "data-testid": "target-record" },
        ...row("reader.field.indicator", g.indicator),
        ...row("reader.field.catalog", g.indicator_id ? (this.catalog.get(g.indicator_id) ?? g.indicator) : t("reader.unmapped")),
        ...row("reader.field.value", formatFigure(g.value, g.value_high, g.unit, g.qualifier)),
        ...row("reader.field.normalized", norm),
        ...row("reader.field.kind", t(`targetKind.${g.kind}`)),
        ...row("reader.field.role", t(`targetRole.${g.role}`)),
        ...row("reader.field.year", g.year === null ? "—" : String(g.year)),
        ...(cell
          ? [
              ...row("reader.field.binding", t(cell.binding ? `binding.${cell.binding}` : "binding.unknown")),
              ...row("reader.field.cell", t("reader.cellAt", { row: cell.row + 1, column: cell.column + 1 })),
            ]
          : []),
        ...row("reader.field.section", g.section || "—"),
        ...row("reader.field.quote", g.quote),
      ),
      g.corrected
        ? h(
            "p",
            { class: "corrected-note small", "data-testid": "record-corrected", title: correctionTitle(g.changes) },
            `✎ ${correctionTitle(g.changes)}`,
          )
        : null,
      this.correction
        ? null
        : h(
            "button",
            { type: "button", class: "small", "data-testid": "correct-open", title: t("corr.openTitle"), onClick: () => void this.openCorrection(id) },
            `✎ ${t("corr.open")}`,
          ),
    );
    if (follow && g.task !== null && this.doc) {
      const task = this.doc.tasks.find((x) => x.ordinal === g.task);
      if (task && task.id !== this.selectedTask?.id) void this.selectTask(task, false);
    }
    this.recordEl.scrollIntoView?.({ block: "nearest" });
  }

  /** Opens the correction form of a figure under its record. */
  private async openCorrection(id: number): Promise<void> {
    if (!this.targetsById.has(id)) return;
    const form = new CorrectionForm(
      this.ctx.platform,
      id,
      locale(),
      (s, message) => {
        this.updateTarget(s.target);
        this.ctx.notice(message);
      },
      (e) => this.ctx.error(e),
    );
    // Another figure of this document stating the same target can absorb it.
    form.mergeCandidates = (this.doc?.targets ?? [])
      .filter((x) => x.id !== id && !x.not_a_target && x.merged_into === null)
      .map((x) => [x.id, x.quote] as [number, string]);
    this.correction = form;
    replace(this.correctionEl, form.el);
    this.showTarget(id);
    try {
      await form.load();
    } catch (e) {
      this.ctx.error(e);
    }
    form.el.scrollIntoView?.({ block: "nearest" });
  }

  /** A figure changed by a correction: its mark, record and the document's list. */
  private updateTarget(g: TargetDto): void {
    this.targetsById.set(g.id, g);
    if (this.doc) {
      const i = this.doc.targets.findIndex((x) => x.id === g.id);
      if (i >= 0) this.doc.targets[i] = g;
    }
    const mark = this.textEl.querySelector<HTMLElement>(`mark[data-target="${g.id}"]`);
    if (mark) markState(mark, g);
    this.showTarget(g.id);
  }

  private renderTaskCard(task: TaskDto): HTMLElement {
    const status = this.statuses.get(task.id);
    const figures = this.doc?.targets.filter((g) => g.task === task.ordinal).length ?? 0;
    return h(
      "div",
      { class: `task-card${this.selectedTask?.id === task.id ? " current" : ""}`, "data-task": String(task.id) },
      h(
        "div",
        { class: "task-card-head" },
        h("span", { class: "path" }, task.path),
        status ? h("span", { class: `badge status-${status}` }, t(`status.${status}`)) : null,
        figures ? h("span", { class: "muted small" }, t("reader.figures", { count: formatNumber(figures) })) : null,
      ),
      h("div", { class: "task-title" }, task.title),
    );
  }

  private async selectTask(task: TaskDto, scroll: boolean): Promise<void> {
    if (this.editor) await this.editor.flush();
    this.selectedTask = task;
    const index = this.doc?.tasks.indexOf(task) ?? -1;
    if (index >= 0) this.taskList.setActive(index);
    this.taskList.refresh();
    if (scroll) this.scrollTo(task.start, null);
    const editor = new AnnotationEditor(
      this.ctx.platform,
      task.id,
      (a) => {
        this.statuses.set(task.id, a.draft.status);
        this.taskList.refresh();
      },
      (e) => this.ctx.error(e),
    );
    this.editor = editor;
    const themes = new ThemeEditor(this.ctx.platform, task.id, (e) => this.ctx.error(e));
    const similarEl = h("section", { class: "reader-similar", "data-testid": "reader-similar" }, h("h4", null, t("reader.similar")));
    replace(this.editorEl, h("p", { class: "task-quote" }, h("strong", null, task.path), " ", task.title), editor.el, themes.el, similarEl);
    try {
      await Promise.all([editor.load(), themes.load(), this.loadSimilar(task, similarEl)]);
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async loadSimilar(task: TaskDto, el: HTMLElement): Promise<void> {
    const list: SimilarTask[] = await this.ctx.platform.similarTasks(task.id, SIMILAR_IN_READER);
    if (this.selectedTask?.id !== task.id) return;
    const items = list.map((s) =>
      h(
        "li",
        null,
        h(
          "button",
          { type: "button", class: "link similar-link", "data-task": String(s.task_id), onClick: () => this.ctx.navigate("similar", { task: task.id, other: s.task_id }) },
          h("span", null, `${s.city ?? s.document_title} · ${s.path} ${s.title}`),
          h("span", { class: "muted small" }, ` ${s.score.toFixed(2)}`),
        ),
      ),
    );
    if (!items.length) {
      el.append(h("p", { class: "muted small" }, t("similar.none")));
      return;
    }
    el.append(
      h("ol", { class: "similar-mini" }, ...items),
      h("button", { type: "button", class: "link small", onClick: () => this.ctx.navigate("similar", { task: task.id }) }, t("reader.similarAll")),
    );
  }
}
