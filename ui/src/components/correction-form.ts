/**
 * The correction form of one figure (更正): not a target, its indicator (a
 * catalog indicator or none), value, upper bound, unit, qualifier, kind,
 * role and year, with who (remembered) and why; save, undo the last change,
 * and the history with restore. Only the fields changed are sent; every save
 * is a revision kept by the store.
 */
import { t } from "../i18n";
import { correctionTitle, describeChange, rememberedOwner, rememberOwner } from "../lib/corrections";
import { h, replace } from "../lib/dom";
import { formatTime } from "../lib/format";
import type {
  CatalogIndicator,
  CorrectionAuthorDto,
  FigureFieldEdit,
  Qualifier,
  TargetCorrection,
  TargetDto,
  TargetKind,
  TargetRole,
} from "../platform/bindings";
import type { Platform } from "../platform/types";

const QUALIFIERS: Qualifier[] = ["exact", "at_least", "about", "at_most"];
const KINDS: TargetKind[] = ["stock", "increment", "rate"];
const ROLES: TargetRole[] = ["target", "baseline"];

let catalogCache: { lang: string; list: CatalogIndicator[] } | null = null;

/** The values the form holds, as typed. */
interface FormValues {
  notATarget: boolean;
  indicator: string;
  value: string;
  valueHigh: string;
  unit: string;
  qualifier: Qualifier;
  kind: TargetKind;
  role: TargetRole;
  year: string;
  /** Target id of the figure this one is the same target as; "" for none. */
  mergeInto: string;
}

function valuesOf(g: TargetDto): FormValues {
  return {
    notATarget: g.not_a_target,
    indicator: g.indicator_id ?? "",
    value: String(g.value),
    valueHigh: g.value_high === null ? "" : String(g.value_high),
    unit: g.unit,
    qualifier: g.qualifier,
    kind: g.kind,
    role: g.role,
    year: g.year === null ? "" : String(g.year),
    mergeInto: g.merged_into === null ? "" : String(g.merged_into),
  };
}

/** A typed number, `null` for empty, `undefined` when not a number. */
function parseNumber(s: string): number | null | undefined {
  const v = s.trim();
  if (!v) return null;
  const n = Number(v.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The edits that turn `now` into the form's values: only the fields that
 * differ. Throws a message naming the field when a number cannot be read.
 */
export function figureEdits(now: TargetDto, v: FormValues): FigureFieldEdit[] {
  const bad = (field: string) => new Error(t("corr.badNumber", { field: t(`corr.field.${field}` as "corr.field.value") }));
  const out: FigureFieldEdit[] = [];
  if (v.notATarget !== now.not_a_target) out.push({ field: "not_a_target", value: v.notATarget });
  const ind = v.indicator || null;
  if (ind !== now.indicator_id) out.push({ field: "indicator_id", value: ind });
  const value = parseNumber(v.value);
  if (value === undefined || value === null) throw bad("value");
  if (value !== now.value) out.push({ field: "value", value });
  const high = parseNumber(v.valueHigh);
  if (high === undefined) throw bad("value_high");
  if (high !== now.value_high) out.push({ field: "value_high", value: high });
  if (v.unit.trim() && v.unit.trim() !== now.unit) out.push({ field: "unit", value: v.unit.trim() });
  if (v.qualifier !== now.qualifier) out.push({ field: "qualifier", value: v.qualifier });
  if (v.kind !== now.kind) out.push({ field: "kind", value: v.kind });
  if (v.role !== now.role) out.push({ field: "role", value: v.role });
  const year = parseNumber(v.year);
  if (year === undefined || (year !== null && !Number.isInteger(year))) throw bad("year");
  if (year !== now.year) out.push({ field: "year", value: year });
  const merge = v.mergeInto ? Number(v.mergeInto) : null;
  if (merge !== now.merged_into) out.push({ field: "merge_into", value: merge });
  return out;
}

let nextFormId = 0;

export class CorrectionForm {
  readonly el = h("section", { class: "correction-form", "data-testid": "correction-form" });
  private state: TargetCorrection | null = null;
  private catalog: CatalogIndicator[] = [];
  private values: FormValues | null = null;
  private owner = rememberedOwner();
  private note = "";
  private busy = false;
  private readonly uid = `cf${nextFormId++}`;
  /** Other figures of the document this one can be merged with, `[id, label]`. */
  mergeCandidates: [number, string][] = [];

  constructor(
    private readonly platform: Platform,
    readonly targetId: number,
    private readonly lang: string,
    /** Called after every change with the figure as it reads now. */
    private readonly onChanged: (s: TargetCorrection, message: string) => void,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Loads the figure's correction and the catalog, and builds the form. */
  async load(): Promise<void> {
    const [state, catalog] = await Promise.all([
      this.platform.targetCorrection(this.targetId),
      catalogCache && catalogCache.lang === this.lang ? Promise.resolve(catalogCache.list) : this.platform.catalogIndicators(this.lang === "en" ? "en" : "zh"),
    ]);
    catalogCache = { lang: this.lang, list: catalog };
    this.catalog = catalog;
    this.show(state);
  }

  /** The figure as it reads now (after load). */
  get current(): TargetCorrection | null {
    return this.state;
  }

  private author(): CorrectionAuthorDto {
    return { owner: this.owner.trim() || null, note: this.note.trim() || null };
  }

  private show(state: TargetCorrection): void {
    this.state = state;
    this.values = valuesOf(state.target);
    this.build();
  }

  private async run(action: () => Promise<TargetCorrection>, message: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const s = await action();
      rememberOwner(this.owner);
      this.note = "";
      this.show(s);
      this.onChanged(s, message);
    } catch (e) {
      this.onError(e);
    } finally {
      this.busy = false;
    }
  }

  /** Saves the fields changed in the form (nothing when none). */
  async save(): Promise<void> {
    const s = this.state;
    const v = this.values;
    if (!s || !v) return;
    let edits: FigureFieldEdit[];
    try {
      edits = figureEdits(s.target, v);
    } catch (e) {
      this.showMessage((e as Error).message, true);
      return;
    }
    if (!edits.length) {
      this.showMessage(t("corr.nothing"), false);
      return;
    }
    await this.run(() => this.platform.correctTarget(this.targetId, edits, this.author()), t("corr.saved"));
  }

  /** Undoes the last change. */
  async undo(): Promise<void> {
    await this.run(() => this.platform.undoTargetCorrection(this.targetId, this.author()), t("corr.undone"));
  }

  private async restore(revision: number): Promise<void> {
    await this.run(() => this.platform.restoreTargetCorrection(this.targetId, revision, this.author()), t("corr.saved"));
  }

  private readonly messageEl = h("p", { class: "small corr-message", role: "status", "aria-live": "polite", "data-testid": "corr-message" });

  private showMessage(text: string, error: boolean): void {
    this.messageEl.textContent = text;
    this.messageEl.classList.toggle("error", error);
  }

  private build(): void {
    const s = this.state;
    const v = this.values;
    if (!s || !v) return;
    const id = (k: string) => `${this.uid}-${k}`;
    const set = <K extends keyof FormValues>(k: K, val: FormValues[K]) => {
      v[k] = val;
    };
    const field = (key: string, label: string, control: HTMLElement) =>
      h("div", { class: "corr-field" }, h("label", { for: id(key) }, label), control);
    const input = (key: keyof FormValues, inputmode: string | undefined) =>
      h("input", {
        id: id(key),
        type: "text",
        inputmode,
        value: String(v[key]),
        "data-testid": `corr-${key}`,
        onInput: (e: Event) => set(key, (e.target as HTMLInputElement).value as never),
      });
    const select = <T extends string>(key: keyof FormValues, options: [T, string][]) =>
      h(
        "select",
        { id: id(key), "data-testid": `corr-${key}`, onChange: (e: Event) => set(key, (e.target as HTMLSelectElement).value as never) },
        ...options.map(([val, label]) => h("option", { value: val, selected: val === v[key] }, label)),
      );
    const known = this.catalog.some((c) => c.id === v.indicator);
    const indicator = select("indicator", [
      ["", t("corr.indicatorNone")],
      ...(v.indicator && !known ? ([[v.indicator, v.indicator]] as [string, string][]) : []),
      ...this.catalog.map((c) => [c.id, c.label] as [string, string]),
    ]);
    const g = s.target;
    const status = g.corrected
      ? h(
          "p",
          { class: "corr-state small", "data-testid": "corr-state", title: correctionTitle(g.changes) },
          `✎ ${t("corr.state", { revision: s.revision })}${s.owner ? ` · ${s.owner}` : ""}`,
          h("br"),
          g.changes.map(describeChange).join("；"),
        )
      : null;
    const history = s.history.length
      ? h(
          "details",
          { class: "history corr-history", "data-testid": "corr-history" },
          h("summary", null, t("corr.history", { count: s.history.length })),
          h(
            "ol",
            null,
            ...[...s.history].reverse().map((r, i) =>
              h(
                "li",
                { "data-revision": String(r.revision) },
                h("strong", null, t("corr.rev", { n: r.revision })),
                " ",
                h("span", { class: "muted small" }, `${formatTime(r.saved_at)}${r.owner ? ` · ${r.owner}` : ""}`),
                r.restored_from !== null ? h("span", { class: "muted small" }, ` · ${t("corr.restoredFrom", { n: r.restored_from })}`) : null,
                h("div", { class: "small" }, r.fields.length ? r.fields.join("；") : t("corr.asExtracted")),
                r.note ? h("div", { class: "small muted" }, r.note) : null,
                i > 0 ? h("button", { type: "button", class: "small link", onClick: () => void this.restore(r.revision) }, t("corr.restore")) : null,
              ),
            ),
            h(
              "li",
              { "data-revision": "0" },
              h("strong", null, t("corr.asExtracted")),
              " ",
              g.corrected ? h("button", { type: "button", class: "small link", "data-testid": "corr-restore-0", onClick: () => void this.restore(0) }, t("corr.restore")) : null,
            ),
          ),
        )
      : null;
    replace(
      this.el,
      h("h4", null, t("corr.heading")),
      status,
      h(
        "label",
        { class: "check corr-not-target" },
        h("input", {
          type: "checkbox",
          checked: v.notATarget,
          "data-testid": "corr-not-target",
          onChange: (e: Event) => set("notATarget", (e.target as HTMLInputElement).checked),
        }),
        " ",
        t("corr.notTarget"),
      ),
      h(
        "div",
        { class: "corr-grid" },
        field("indicator", t("corr.indicator"), indicator),
        field("value", t("corr.field.value"), input("value", "decimal")),
        field("valueHigh", t("corr.field.value_high"), input("valueHigh", "decimal")),
        field("unit", t("corr.field.unit"), input("unit", undefined)),
        field("qualifier", t("corr.field.qualifier"), select("qualifier", QUALIFIERS.map((q) => [q, q === "exact" ? t("corr.qualifierExact") : t(`qualifier.${q}`)]))),
        field("kind", t("corr.field.kind"), select("kind", KINDS.map((k) => [k, t(`targetKind.${k}`)]))),
        field("role", t("corr.field.role"), select("role", ROLES.map((r) => [r, t(`targetRole.${r}`)]))),
        field("year", t("corr.field.year"), input("year", "numeric")),
        field(
          "mergeInto",
          t("corr.mergeInto"),
          select("mergeInto", [
            ["", t("corr.mergeNone")],
            ...this.mergeCandidates
              .filter(([cid]) => cid !== this.targetId)
              .map(([cid, label]) => [String(cid), label] as [string, string]),
          ]),
        ),
        field(
          "owner",
          t("corr.owner"),
          h("input", { id: id("owner"), type: "text", value: this.owner, "data-testid": "corr-owner", onInput: (e: Event) => (this.owner = (e.target as HTMLInputElement).value) }),
        ),
        field(
          "note",
          t("corr.note"),
          h("input", { id: id("note"), type: "text", value: this.note, "data-testid": "corr-note", onInput: (e: Event) => (this.note = (e.target as HTMLInputElement).value) }),
        ),
      ),
      h(
        "div",
        { class: "toolbar corr-actions" },
        h("button", { type: "button", class: "primary", "data-testid": "corr-save", onClick: () => void this.save() }, t("corr.save")),
        h("button", { type: "button", "data-testid": "corr-undo", disabled: !g.corrected, onClick: () => void this.undo() }, t("corr.undo")),
      ),
      this.messageEl,
      history,
    );
  }
}
