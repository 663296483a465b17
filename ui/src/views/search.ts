/**
 * Search: full-text search over the sections and task items of every
 * document, with filters (city, year, kind, section role, theme), ranked
 * hits with highlighted snippets; a hit opens the Reader at the words found.
 */
import type { AppContext, Params, View } from "../app";
import { AnnotationEditor } from "../components/annotation-editor";
import { themeList } from "../components/theme-editor";
import { locale, t } from "../i18n";
import { h, replace } from "../lib/dom";
import { formatNumber } from "../lib/format";
import { highlighted } from "../lib/terms";
import type { DocumentSummary, PlanKind, SearchHitDto, SearchRequest, SectionRole, SynonymDto, ThemeInfo } from "../platform/bindings";

/** Hits asked for at first; "more" adds as many again, up to `MAX_HITS`. */
export const SEARCH_LIMIT = 50;
/** Most hits the shell returns for one search. */
export const MAX_HITS = 200;

const KINDS: PlanKind[] = ["annual_work_plan", "implementation_plan", "five_year_plan", "other"];
const ROLES: SectionRole[] = ["background", "guidance", "goals", "tasks", "safeguards", "other"];

/** Encodes hit spans for the Reader's `hl` parameter: `start-end,start-end`. */
export function encodeSpans(spans: { start: number; end: number }[]): string {
  return spans.map((s) => `${s.start}-${s.end}`).join(",");
}

/** The search request of a view's parameters. */
export function requestOf(params: Params): SearchRequest {
  const str = (k: string) => {
    const v = params[k];
    return v === undefined || v === "" ? null : String(v);
  };
  const year = str("year");
  const list = (k: string) => (str(k) ?? "").split(",").filter(Boolean);
  return {
    query: str("q") ?? "",
    city: str("city"),
    year: year === null || Number.isNaN(Number(year)) ? null : Number(year),
    kind: str("kind") as PlanKind | null,
    role: str("role") as SectionRole | null,
    theme: str("theme"),
    limit: SEARCH_LIMIT,
    synonyms: str("nosyn") !== "1",
    drop_synonyms: list("drop"),
    exclude_cities: list("xc"),
  };
}

export class SearchView implements View {
  readonly el = h("section", { class: "view search" });
  private req: SearchRequest = requestOf({});
  private hits: SearchHitDto[] = [];
  private synonyms: SynonymDto[] = [];
  /** Annotation forms opened under hits, by task id. */
  private editors = new Map<number, AnnotationEditor>();
  private docs: DocumentSummary[] = [];
  private themes: ThemeInfo[] = [];
  private readonly input = h("input", {
    type: "search",
    class: "search-input",
    "data-testid": "search-input",
    autocomplete: "off",
    spellcheck: "false",
  });
  private readonly resultsEl = h("div", { class: "search-results", "aria-live": "polite" });
  private seq = 0;

  constructor(private readonly ctx: AppContext) {}

  hide(): void {
    for (const e of this.editors.values()) void e.flush();
  }

  async show(params: Params): Promise<void> {
    if (params.q !== undefined) this.req = requestOf(params);
    [this.docs, this.themes] = await Promise.all([this.ctx.platform.listDocuments(), themeList(this.ctx.platform)]);
    this.render();
    if (this.req.query.trim()) await this.run();
    else this.renderResults();
  }

  private render(): void {
    this.input.value = this.req.query;
    this.input.placeholder = t("search.placeholder");
    this.input.setAttribute("aria-label", t("search.heading"));
    const cities = [...new Set(this.docs.map((d) => d.city).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b, "zh"));
    const years = [...new Set(this.docs.flatMap((d) => (d.period ? range(d.period.start, d.period.end) : [])))].sort();
    const select = (key: keyof SearchRequest, label: string, options: [string, string][]) =>
      h(
        "label",
        { class: "inline" },
        label,
        " ",
        h(
          "select",
          {
            "data-filter": key,
            onChange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              const r = this.req as unknown as Record<string, unknown>;
              r[key] = v === "" ? null : key === "year" ? Number(v) : v;
              this.req.limit = SEARCH_LIMIT;
              void this.run();
            },
          },
          h("option", { value: "" }, t("search.any")),
          ...options.map(([v, l]) => h("option", { value: v, selected: String(this.req[key] ?? "") === v }, l)),
        ),
      );
    const form = h(
      "form",
      {
        class: "search-form",
        role: "search",
        onSubmit: (e: Event) => {
          e.preventDefault();
          this.req.query = this.input.value;
          this.req.limit = SEARCH_LIMIT;
          void this.run();
        },
      },
      h("div", { class: "search-box" }, this.input, h("button", { type: "submit", class: "primary" }, t("search.submit"))),
      h(
        "div",
        { class: "toolbar search-filters" },
        select("city", t("search.city"), cities.map((c) => [c, c])),
        select("year", t("search.year"), years.map((y) => [String(y), String(y)])),
        select("kind", t("search.kind"), KINDS.map((k) => [k, t(`kind.${k}`)])),
        select("role", t("search.role"), ROLES.map((r) => [r, t(`role.${r}`)])),
        select("theme", t("search.theme"), this.themes.map((x) => [x.id, locale() === "zh" ? x.zh : x.en])),
      ),
      h(
        "div",
        { class: "toolbar exclude-cities", role: "group", "aria-label": t("search.excludeCities"), "data-testid": "exclude-cities" },
        h("span", { class: "muted small" }, t("search.excludeCities")),
        ...cities.map((c) => {
          const on = this.req.exclude_cities.includes(c);
          return h(
            "button",
            {
              type: "button",
              class: "chip small",
              "aria-pressed": String(on),
              "data-exclude-city": c,
              title: t(on ? "search.includeCity" : "search.excludeCity", { city: c }),
              onClick: () => {
                this.req.exclude_cities = on ? this.req.exclude_cities.filter((x) => x !== c) : [...this.req.exclude_cities, c];
                this.req.limit = SEARCH_LIMIT;
                this.render();
                void this.run();
              },
            },
            on ? `− ${c}` : c,
          );
        }),
      ),
    );
    replace(this.el, h("div", { class: "view-head" }, h("h2", null, t("search.heading"))), form, this.resultsEl);
  }

  private async run(): Promise<void> {
    const seq = ++this.seq;
    if (!this.req.query.trim()) {
      this.hits = [];
      this.renderResults();
      return;
    }
    try {
      const res = await this.ctx.platform.search({ ...this.req });
      if (seq !== this.seq) return;
      this.hits = res.hits;
      this.synonyms = res.synonyms;
    } catch (e) {
      if (seq !== this.seq) return;
      this.hits = [];
      this.synonyms = [];
      this.ctx.error(e);
    }
    this.renderResults();
  }

  /** The synonyms searched, as removable chips, and the switch to search only the words typed. */
  private synonymsEl(): HTMLElement | null {
    const rerun = () => {
      this.req.limit = SEARCH_LIMIT;
      void this.run();
    };
    const toggle = h(
      "label",
      { class: "check small" },
      h("input", {
        type: "checkbox",
        checked: this.req.synonyms,
        "data-testid": "use-synonyms",
        onChange: (e: Event) => {
          this.req.synonyms = (e.target as HTMLInputElement).checked;
          rerun();
        },
      }),
      h("span", null, t("search.useSynonyms")),
    );
    if (!this.synonyms.length) return this.req.synonyms ? null : h("div", { class: "synonyms muted small", "data-testid": "synonyms" }, toggle);
    return h(
      "div",
      { class: "synonyms", "data-testid": "synonyms" },
      ...this.synonyms.map((syn) =>
        h(
          "p",
          { class: "synonym-row small" },
          h("span", { class: "muted" }, t("search.synonymsOf", { term: syn.term, indicator: syn.indicators.map((i) => (locale() === "zh" ? i.zh : i.en)).join(" / ") })),
          " ",
          ...syn.phrases.map((p) =>
            h(
              "span",
              { class: "chip small synonym", "data-synonym": p },
              p,
              h(
                "button",
                {
                  type: "button",
                  class: "chip-x chip-remove",
                  "aria-label": t("search.removeSynonym", { phrase: p }),
                  title: t("search.removeSynonym", { phrase: p }),
                  onClick: () => {
                    this.req.drop_synonyms = [...this.req.drop_synonyms, p];
                    rerun();
                  },
                },
                "×",
              ),
            ),
          ),
          ...syn.dropped.map((p) =>
            h(
              "button",
              {
                type: "button",
                class: "chip small dropped-synonym",
                "data-dropped": p,
                title: t("search.restoreSynonym", { phrase: p }),
                onClick: () => {
                  this.req.drop_synonyms = this.req.drop_synonyms.filter((x) => x !== p);
                  rerun();
                },
              },
              `+ ${p}`,
            ),
          ),
        ),
      ),
      toggle,
    );
  }

  /** Opens (or closes) the annotation form of a hit's task item under the hit. */
  private toggleEditor(taskId: number, slot: HTMLElement, button: HTMLButtonElement): void {
    const open = this.editors.get(taskId);
    if (open && slot.firstChild) {
      void open.flush();
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

  private renderResults(): void {
    for (const e of this.editors.values()) void e.flush();
    this.editors.clear();
    if (!this.req.query.trim()) {
      replace(this.resultsEl, h("p", { class: "empty" }, t("search.prompt")));
      return;
    }
    if (!this.hits.length) {
      replace(this.resultsEl, this.synonymsEl(), h("p", { class: "empty", "data-testid": "search-none" }, t("search.none", { query: this.req.query })));
      return;
    }
    const items = this.hits.map((hit) => {
      const where = [hit.city, hit.year, hit.section_path, hit.section_title].filter((x) => x !== null && x !== "").join(" · ");
      const open = () =>
        this.ctx.navigate("reader", {
          doc: hit.document_id,
          at: hit.hits[0]?.start ?? hit.unit.start,
          hl: encodeSpans(hit.hits),
          task: hit.task_id ?? undefined,
        });
      const editorSlot = h("div", { class: "hit-annotation" });
      return h(
        "li",
        { class: "hit", "data-doc": String(hit.document_id) },
        h(
          "button",
          { type: "button", class: "hit-open", title: t("search.open", { title: hit.document_title }), onClick: open },
          h("span", { class: "hit-doc" }, hit.document_title),
          h("span", { class: "muted small hit-where" }, where),
          h("span", { class: "hit-snippet" }, ...highlighted(hit.snippet, hit.highlights, "hit-term")),
        ),
        h(
          "div",
          { class: "hit-meta" },
          h("span", { class: "badge" }, t(`role.${hit.role}`)),
          hit.task_id !== null ? h("span", { class: "badge" }, t("search.taskItem")) : null,
          hit.task_id !== null
            ? h("button", { type: "button", class: "link small", "data-similar": String(hit.task_id), onClick: () => this.ctx.navigate("similar", { task: hit.task_id ?? undefined }) }, t("search.similar"))
            : null,
          hit.task_id !== null
            ? h(
                "button",
                {
                  type: "button",
                  class: "link small",
                  "data-annotate": String(hit.task_id),
                  "aria-expanded": "false",
                  onClick: (e: Event) => this.toggleEditor(hit.task_id as number, editorSlot, e.currentTarget as HTMLButtonElement),
                },
                t("search.annotate"),
              )
            : null,
        ),
        editorSlot,
      );
    });
    const full = this.hits.length >= this.req.limit;
    const count = full ? t("search.limited", { count: formatNumber(this.hits.length) }) : t("search.count", { count: formatNumber(this.hits.length) });
    const more =
      full && this.req.limit < MAX_HITS
        ? h(
            "button",
            {
              type: "button",
              "data-testid": "search-more",
              onClick: () => {
                this.req.limit = Math.min(MAX_HITS, this.req.limit + SEARCH_LIMIT);
                void this.run();
              },
            },
            t("search.more"),
          )
        : null;
    replace(this.resultsEl, this.synonymsEl(), h("p", { class: "muted", "data-testid": "search-count" }, count), h("ol", { class: "hits", "data-testid": "search-hits" }, ...items), more);
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= Math.min(b, a + 20); y++) out.push(y);
  return out;
}
