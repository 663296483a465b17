import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { figureEdits } from "./components/correction-form";
import { parsePeriod } from "./components/document-form";
import { setLocale } from "./i18n";
import { correctionTitle } from "./lib/corrections";
import { MockPlatform } from "./platform/mock";
import type { PresenterView } from "./views/presenter";

const settle = async () => {
  for (let i = 0; i < 12; i++) await new Promise((r) => setTimeout(r, 0));
};

let mounted: App | null = null;

function mount(platform = new MockPlatform()) {
  mounted?.dispose();
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = new App(root, platform);
  mounted = app;
  return { app, root, platform };
}

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
  localStorage.clear();
});
afterEach(() => setLocale("zh"));

const q = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const type = (sel: string, value: string) => {
  const el = q<HTMLInputElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event("input"));
};
const choose = (sel: string, value: string) => {
  const el = q<HTMLSelectElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event("change"));
};

/** Opens doc 1 in the Reader with the record of its first high-tech figure. */
async function openFigure(platform: MockPlatform) {
  const doc = await platform.getDocument(1);
  const g = doc.targets.find((x) => x.indicator_id === "high_tech_enterprises")!;
  const { app, root } = mount(platform);
  app.navigate("reader", { doc: 1, at: g.start, target: g.id });
  await settle();
  return { app, root, g };
}

describe("correction form in the Reader", () => {
  it("merges a figure with another figure of the plan as the same target", async () => {
    const platform = new MockPlatform();
    const { root, g } = await openFigure(platform);
    q<HTMLButtonElement>("[data-testid=correct-open]").click();
    await settle();
    const select = q<HTMLSelectElement>("[data-testid=corr-mergeInto]");
    const options = [...select.options].map((o) => o.value);
    expect(options[0]).toBe("");
    expect(options).not.toContain(String(g.id));
    const other = options[1];
    expect(other).toBeTruthy();
    choose("[data-testid=corr-mergeInto]", other);
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();
    const mark = q(`[data-testid=doc-text] mark[data-target="${g.id}"]`);
    expect(mark.classList.contains("corrected")).toBe(true);
    const doc = await platform.getDocument(1);
    expect(doc.targets.find((x) => x.id === g.id)?.merged_into).toBe(Number(other));
    // Merged away: left out of Compare.
    const c = await platform.compare({ documents: [1, 2], indicators: ["high_tech_enterprises"], lang: "zh" });
    expect(c.rows.flatMap((r) => r.cells.flatMap((x) => x.figures)).some((f) => f.target_id === g.id)).toBe(false);
    expect(root.textContent).toContain("✎");
  });

  it("marks a figure as not a target, with who, history and undo", async () => {
    const platform = new MockPlatform();
    const { root, g } = await openFigure(platform);
    expect(root.querySelector("[data-testid=correction-form]")).toBeNull();
    q<HTMLButtonElement>("[data-testid=correct-open]").click();
    await settle();
    const form = q("[data-testid=correction-form]");
    expect(form.textContent).toContain("更正");
    // The indicator select offers the catalog and 无.
    const options = [...q<HTMLSelectElement>("[data-testid=corr-indicator]").options].map((o) => o.value);
    expect(options[0]).toBe("");
    expect(options).toContain("high_tech_enterprises");
    expect(q<HTMLSelectElement>("[data-testid=corr-indicator]").value).toBe("high_tech_enterprises");

    q<HTMLInputElement>("[data-testid=corr-not-target]").click();
    type("[data-testid=corr-owner]", "规划科 王");
    type("[data-testid=corr-note]", "是条件，不是目标");
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();

    const mark = q(`[data-testid=doc-text] mark[data-target="${g.id}"]`);
    expect(mark.classList.contains("corrected")).toBe(true);
    expect(mark.classList.contains("excluded")).toBe(true);
    expect(mark.title).toContain("已更正");
    expect(mark.title).toContain("不是目标值");
    // The plan text itself is untouched (✎ is drawn by CSS).
    expect(mark.textContent).toBe(g.quote);
    expect(q("[data-testid=record-corrected]").textContent).toContain("✎");
    expect(q("[data-testid=corr-state]").textContent).toContain("规划科 王");
    expect(root.querySelectorAll("[data-testid=corr-history] li[data-revision]")).toHaveLength(2);
    expect(q("[data-testid=corr-history]").textContent).toContain("是条件，不是目标");
    // Left out of Compare.
    const c = await platform.compare({ documents: [1, 2], indicators: ["high_tech_enterprises"], lang: "zh" });
    expect(c.rows.flatMap((r) => r.cells.flatMap((x) => x.figures)).some((f) => f.target_id === g.id)).toBe(false);
    // The owner is remembered for the next correction.
    expect(q<HTMLInputElement>("[data-testid=corr-owner]").value).toBe("规划科 王");

    q<HTMLButtonElement>("[data-testid=corr-undo]").click();
    await settle();
    expect(mark.classList.contains("corrected")).toBe(false);
    expect(mark.classList.contains("excluded")).toBe(false);
    expect(root.querySelectorAll("[data-testid=corr-history] li[data-revision]")).toHaveLength(3);
    expect(q<HTMLButtonElement>("[data-testid=corr-undo]").disabled).toBe(true);
    expect(root.querySelector("[data-testid=record-corrected]")).toBeNull();
  });

  it("fixes value, unit, qualifier, kind, role, year and indicator; the record says what changed", async () => {
    const platform = new MockPlatform();
    const { g } = await openFigure(platform);
    q<HTMLButtonElement>("[data-testid=correct-open]").click();
    await settle();
    type("[data-testid=corr-value]", "650");
    type("[data-testid=corr-unit]", "户");
    choose("[data-testid=corr-qualifier]", "about");
    const kind = g.kind === "increment" ? "rate" : "increment";
    const role = g.role === "baseline" ? "target" : "baseline";
    choose("[data-testid=corr-kind]", kind);
    choose("[data-testid=corr-role]", role);
    type("[data-testid=corr-year]", "2024");
    choose("[data-testid=corr-indicator]", "");
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();
    const s = await platform.targetCorrection(g.id);
    expect(s.target).toMatchObject({ value: 650, unit: "户", qualifier: "about", kind, role, year: 2024, indicator_id: null, corrected: true });
    const record = q("[data-testid=target-record]").textContent!;
    expect(record).toContain("650户左右");
    expect(record).toContain("未归类");
    const note = q("[data-testid=record-corrected]").textContent!;
    expect(note).toContain(`数值 ${g.value} → 650`);
    expect(note).toContain("年份");
    expect(note).toContain(kind === "increment" ? "新增" : "比率");
  });

  it("refuses a value that is not a number and sends nothing", async () => {
    const platform = new MockPlatform();
    const spy = vi.spyOn(platform, "correctTarget");
    await openFigure(platform);
    q<HTMLButtonElement>("[data-testid=correct-open]").click();
    await settle();
    type("[data-testid=corr-value]", "六百");
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();
    expect(spy).not.toHaveBeenCalled();
    expect(q("[data-testid=corr-message]").textContent).toContain("数值");
    // Saving without changes sends nothing either.
    type("[data-testid=corr-value]", q<HTMLInputElement>("[data-testid=corr-value]").defaultValue);
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();
    expect(spy).not.toHaveBeenCalled();
  });

  it("computes only the edits that differ", async () => {
    const doc = await new MockPlatform().getDocument(1);
    const g = doc.targets[0];
    const same = { notATarget: false, indicator: g.indicator_id ?? "", value: String(g.value), valueHigh: "", unit: g.unit, qualifier: g.qualifier, kind: g.kind, role: g.role, year: g.year === null ? "" : String(g.year), mergeInto: "" };
    expect(figureEdits(g, same)).toEqual([]);
    expect(figureEdits(g, { ...same, mergeInto: "7" })).toEqual([{ field: "merge_into", value: 7 }]);
    expect(figureEdits(g, { ...same, year: "" })).toEqual(g.year === null ? [] : [{ field: "year", value: null }]);
    expect(figureEdits(g, { ...same, valueHigh: "2,000" })).toEqual([{ field: "value_high", value: 2000 }]);
    expect(() => figureEdits(g, { ...same, year: "2024.5" })).toThrow();
  });
});

describe("corrections in Compare", () => {
  async function compareView(platform: MockPlatform) {
    const { app, root } = mount(platform);
    app.navigate("compare");
    await settle();
    for (const id of ["1", "2"]) {
      const box = q<HTMLInputElement>(`input[data-doc="${id}"]`);
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      await settle();
    }
    const ind = q<HTMLInputElement>('input[data-indicator="high_tech_enterprises"]');
    ind.checked = true;
    ind.dispatchEvent(new Event("change"));
    await settle();
    return { app, root };
  }

  it("marks corrected figures with ✎ and what changed, drops figures that are not targets, also from the CSV", async () => {
    const platform = new MockPlatform();
    const c = await platform.compare({ documents: [1, 2], indicators: ["high_tech_enterprises"], lang: "zh" });
    const figs = c.rows.flatMap((r) => r.cells.flatMap((x) => x.figures));
    const [a, b] = [figs[0], figs.find((f) => f.document_id !== figs[0].document_id)!];
    await platform.correctTarget(a.target_id, [{ field: "year", value: 2030 }], { owner: null, note: null });
    await platform.correctTarget(b.target_id, [{ field: "not_a_target", value: true }], { owner: null, note: null });
    const { root } = await compareView(platform);
    const marks = [...root.querySelectorAll<HTMLElement>("[data-testid=compare-table] [data-testid=corrected-mark]")];
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe("✎");
    expect(marks[0].title).toContain("年份");
    expect(marks[0].title).toContain("2030");
    const buttons = [...root.querySelectorAll<HTMLElement>("[data-testid=figure-correct]")].map((x) => x.dataset.target);
    expect(buttons).toContain(String(a.target_id));
    expect(buttons).not.toContain(String(b.target_id));
    // The CSV has the corrected figure marked and not the excluded one.
    [...root.querySelectorAll<HTMLButtonElement>(".toolbar button")].find((x) => x.textContent?.includes("CSV"))!.click();
    await settle();
    const csv = platform.saved.find((s) => s.name === "comparison.csv")!.content;
    expect(csv).toContain("✎");
    expect(csv).not.toContain(b.quote);
  });

  it("opens the correction form of a figure from its cell", async () => {
    const platform = new MockPlatform();
    const { app, root } = await compareView(platform);
    const button = q<HTMLButtonElement>("[data-testid=compare-table] [data-testid=figure-correct]");
    const id = Number(button.dataset.target);
    button.click();
    await settle();
    expect(app.currentView).toBe("reader");
    expect(root.querySelector("[data-testid=correction-form]")).not.toBeNull();
    q<HTMLInputElement>("[data-testid=corr-not-target]").click();
    q<HTMLButtonElement>("[data-testid=corr-save]").click();
    await settle();
    app.navigate("compare");
    await settle();
    const left = [...root.querySelectorAll<HTMLElement>("[data-testid=figure-correct]")].map((x) => Number(x.dataset.target));
    expect(left).not.toContain(id);
  });
});

describe("document metadata in the Library", () => {
  it("edits a document's city and period, marks it, undoes, and exports the corrections", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("library");
    await settle();
    q<HTMLButtonElement>('tr[data-doc="1"] [data-testid=edit-doc]').click();
    await settle();
    expect(q("[data-testid=doc-edit]")).not.toBeNull();
    type("[data-testid=doc-city]", "新城市");
    type("[data-testid=doc-period]", "2021-2025");
    type("[data-testid=doc-doc_number]", "新科发〔2024〕3号");
    type("[data-testid=doc-owner]", "李");
    q<HTMLButtonElement>("[data-testid=doc-save]").click();
    await settle();
    expect(document.querySelector("[data-testid=doc-edit]")).toBeNull();
    const row = q('tr[data-doc="1"]');
    expect(row.querySelector(".col-city")?.textContent).toBe("新城市");
    expect(row.textContent).toContain("2021–2025");
    expect(row.querySelector("[data-testid=doc-corrected]")).not.toBeNull();
    const s = await platform.documentCorrection(1);
    expect(s.document.doc_number).toBe("新科发〔2024〕3号");
    expect(s.history[0].owner).toBe("李");

    q<HTMLButtonElement>("[data-testid=export-corrections]").click();
    await settle();
    const csv = platform.saved.find((x) => x.name === "corrections.csv")!.content;
    expect(csv.split("\n")[0]).toMatch(/^scope,correction_id,/);
    expect(csv).toContain("新城市");

    // A bad period is refused in the form.
    q<HTMLButtonElement>('tr[data-doc="1"] [data-testid=edit-doc]').click();
    await settle();
    type("[data-testid=doc-period]", "2025-2021");
    q<HTMLButtonElement>("[data-testid=doc-save]").click();
    await settle();
    expect(q("[data-testid=doc-edit-message]").textContent).toContain("2021-2025");
    q<HTMLButtonElement>("[data-testid=doc-undo]").click();
    await settle();
    expect(q('tr[data-doc="1"]').querySelector("[data-testid=doc-corrected]")).toBeNull();
    expect(root.querySelector('tr[data-doc="1"] .col-city')?.textContent).toBe("滨州市");
  });

  it("makes an unknown city fixable", async () => {
    const platform = new MockPlatform();
    await platform.correctDocument(1, [{ field: "city", value: null }], { owner: null, note: null });
    const { app } = mount(platform);
    app.navigate("library");
    await settle();
    expect(q('tr[data-doc="1"] .col-city').textContent).toBe("—");
    q<HTMLButtonElement>('tr[data-doc="1"] [data-testid=edit-doc]').click();
    await settle();
    type("[data-testid=doc-city]", "某市");
    q<HTMLButtonElement>("[data-testid=doc-save]").click();
    await settle();
    expect(q('tr[data-doc="1"] .col-city').textContent).toBe("某市");
  });

  it("reads periods", () => {
    expect(parsePeriod("2023")).toEqual({ start: 2023, end: 2023 });
    expect(parsePeriod(" 2021–2025 ")).toEqual({ start: 2021, end: 2025 });
    expect(parsePeriod("")).toBeNull();
    expect(parsePeriod("2025-2021")).toBeUndefined();
    expect(parsePeriod("明年")).toBeUndefined();
  });
});

describe("correction titles", () => {
  it("say what changed in both languages", () => {
    const changes = [
      { field: "value", before: "600", after: "650" },
      { field: "kind", before: "stock", after: "increment" },
    ];
    expect(correctionTitle(changes)).toBe("已更正：数值 600 → 650；类别 总量 → 新增");
    setLocale("en");
    expect(correctionTitle(changes)).toContain("Value 600 → 650");
  });
});

describe("presenter", () => {
  it("leaves with one Esc even when the webview spends it on leaving full screen", async () => {
    const platform = new MockPlatform();
    await platform.addSlide("高新技术企业", { documents: [1, 2], indicator: "high_tech_enterprises", theme: "light", width: 640, height: 360, lang: "zh" });
    const { app } = mount(platform);
    app.navigate("presenter");
    await settle();
    q<HTMLButtonElement>("[data-testid=start-presenting]").click();
    await settle();
    const view = app.views.presenter as PresenterView;
    expect(view.presenting).toBe(true);
    // Full screen entered, then left by the webview (Esc) without a key event.
    Object.defineProperty(document, "fullscreenElement", { configurable: true, value: document.documentElement });
    document.dispatchEvent(new Event("fullscreenchange"));
    expect(view.presenting).toBe(true);
    Object.defineProperty(document, "fullscreenElement", { configurable: true, value: null });
    document.dispatchEvent(new Event("fullscreenchange"));
    expect(view.presenting).toBe(false);
    expect(document.querySelector("[data-testid=presenter]")).toBeNull();
  });
});
