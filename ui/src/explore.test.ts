import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { setLocale } from "./i18n";
import { generatePlan } from "./platform/fixture";
import { MockPlatform } from "./platform/mock";
import { parseSpans } from "./views/reader";
import { encodeSpans, requestOf } from "./views/search";

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
});
afterEach(() => setLocale("zh"));

describe("Search", () => {
  it("runs from the top bar, highlights the terms and opens the Reader at them", async () => {
    const { app, root } = mount();
    app.navigate("library");
    await settle();
    const top = root.querySelector<HTMLInputElement>("[data-testid=top-search]")!;
    top.value = "企业";
    top.form!.requestSubmit();
    await settle();
    expect(app.currentView).toBe("search");
    const hits = root.querySelectorAll("[data-testid=search-hits] li.hit");
    expect(hits.length).toBeGreaterThan(1);
    for (const m of root.querySelectorAll("[data-testid=search-hits] mark.hit-term")) expect(m.textContent).toBe("企业");
    expect(root.querySelector("[data-testid=search-count]")?.textContent).toBe(`${hits.length} 条结果`);

    hits[0].querySelector<HTMLButtonElement>("button.hit-open")!.click();
    await settle();
    expect(app.currentView).toBe("reader");
    // jsdom has no CSS highlights: the first hit is selected instead.
    expect(window.getSelection()?.toString()).toBe("企业");
  });

  it("focuses the search box on / and Ctrl+K, but not while typing", async () => {
    const { app, root } = mount();
    app.navigate("library");
    await settle();
    const top = root.querySelector<HTMLInputElement>("[data-testid=top-search]")!;
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }));
    expect(document.activeElement).toBe(top);
    top.blur();
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true }));
    expect(document.activeElement).toBe(top);
    app.navigate("search", { q: "" });
    await settle();
    const input = root.querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }));
    expect(document.activeElement).toBe(input);
  });

  it("filters by city and says when nothing is found", async () => {
    const { app, root } = mount();
    app.navigate("search", { q: "科技" });
    await settle();
    const all = root.querySelectorAll("li.hit").length;
    const city = root.querySelector<HTMLSelectElement>("select[data-filter=city]")!;
    city.value = "日照市";
    city.dispatchEvent(new Event("change"));
    await settle();
    const some = root.querySelectorAll("li.hit");
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all);
    for (const li of some) expect(li.textContent).toContain("日照市");
    const input = root.querySelector<HTMLInputElement>("[data-testid=search-input]")!;
    input.value = "量子引力";
    input.form!.requestSubmit();
    await settle();
    expect(root.querySelector("[data-testid=search-none]")?.textContent).toContain("量子引力");
  });

  it("asks for more hits when the first page is full", async () => {
    const plans = [generatePlan(70, 120)];
    const { app, root } = mount(new MockPlatform({ plans }));
    app.navigate("search", { q: "研发机构" });
    await settle();
    const count = () => root.querySelectorAll("[data-testid=search-hits] li.hit").length;
    expect(count()).toBe(50);
    expect(root.querySelector("[data-testid=search-count]")?.textContent).toContain("50");
    root.querySelector<HTMLButtonElement>("[data-testid=search-more]")!.click();
    await settle();
    expect(count()).toBe(100);
    root.querySelector<HTMLButtonElement>("[data-testid=search-more]")!.click();
    await settle();
    expect(count()).toBe(120);
    expect(root.querySelector("[data-testid=search-more]")).toBeNull();
    expect(root.querySelector("[data-testid=search-count]")?.textContent).toBe("120 条结果");
  });

  it("reports a query with nothing to search for as invalid input", async () => {
    const { app, root } = mount();
    app.navigate("search", { q: "，。" });
    await settle();
    expect(root.querySelector(".status.error")?.textContent).toContain("输入无效");
  });

  it("round-trips spans and parameters", () => {
    expect(parseSpans(encodeSpans([{ start: 3, end: 5 }, { start: 10, end: 12 }]))).toEqual([
      { start: 3, end: 5 },
      { start: 10, end: 12 },
    ]);
    expect(parseSpans("x-1,5-2,-1-3,7-9")).toEqual([{ start: 7, end: 9 }]);
    expect(parseSpans(undefined)).toEqual([]);
    const r = requestOf({ q: "人才", year: "2023", city: "" });
    expect([r.query, r.year, r.city, r.limit > 0]).toEqual(["人才", 2023, null, true]);
  });
});

describe("Similar tasks", () => {
  it("lists items of other documents and highlights the shared words side by side", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    const doc = await platform.getDocument(1);
    app.navigate("similar", { task: doc.tasks[0].id });
    await settle();
    const items = root.querySelectorAll<HTMLButtonElement>("[data-testid=similar-list] button.similar-item");
    expect(items.length).toBeGreaterThan(0);
    const others = new Set(doc.tasks.map((t) => String(t.id)));
    for (const b of items) expect(others.has(b.dataset.task!)).toBe(false);
    const pair = root.querySelector("[data-testid=pair]")!;
    const terms = [...pair.querySelectorAll(".shared-term")].map((x) => x.textContent);
    expect(terms.length).toBeGreaterThan(0);
    const marks = pair.querySelectorAll(".pair-side mark.shared");
    expect(marks.length).toBeGreaterThan(1);
    for (const m of marks) expect(terms.some((t) => m.textContent!.includes(t!))).toBe(true);
    expect(items[0].getAttribute("aria-pressed")).toBe("true");
    if (items.length > 1) {
      items[1].click();
      await settle();
      const now = root.querySelectorAll<HTMLElement>(".pair-side")[1];
      expect(now.dataset.task).toBe(items[1].dataset.task);
    }
  });

  it("shows the similar items and the themes of the chosen task in the Reader", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    const doc = await platform.getDocument(1);
    const task = doc.tasks[0];
    app.navigate("reader", { doc: 1, task: task.id });
    await settle();
    expect(root.querySelectorAll("[data-testid=reader-similar] li").length).toBeGreaterThan(0);
    const chips = () => [...root.querySelectorAll<HTMLElement>("[data-testid=theme-editor] .theme-chip")].map((c) => c.dataset.theme);
    const before = chips();
    expect(before).toContain("enterprises");
    root.querySelector<HTMLButtonElement>('[data-theme="enterprises"] .chip-x')!.click();
    await settle();
    expect(chips()).not.toContain("enterprises");
    const add = root.querySelector<HTMLSelectElement>("[data-testid=theme-add]")!;
    add.value = "governance";
    add.dispatchEvent(new Event("change"));
    await settle();
    expect(chips()).toContain("governance");
    expect(root.querySelector('[data-theme="governance"]')?.classList.contains("source-user")).toBe(true);
    // Kept by the platform, undone by reset.
    expect((await platform.taskThemes(task.id)).map((x) => x.theme)).toContain("governance");
    root.querySelector<HTMLButtonElement>('[data-reset="enterprises"]')!.click();
    await settle();
    expect(chips()).toContain("enterprises");
    expect(root.querySelector('[data-reset="enterprises"]')).toBeNull();
  });
});

describe("Themes", () => {
  it("shows documents × themes, lists a cell's items side by side and follows overrides", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("themes");
    await settle();
    const cov = await platform.themeCoverage();
    expect(root.querySelectorAll("[data-testid=theme-table] tbody tr")).toHaveLength(cov.themes.length);
    expect(root.querySelectorAll("[data-testid=theme-table] thead th")).toHaveLength(cov.documents.length + 2);
    expect(root.querySelector("[data-testid=theme-chart] svg")).not.toBeNull();
    const cell = cov.cells.find((c) => c.theme === "enterprises")!;
    const btn = root.querySelector<HTMLButtonElement>(`button.cell[data-theme="enterprises"][data-doc="${cell.document_id}"]`)!;
    expect(btn.textContent).toBe(String(cell.tasks));
    btn.click();
    await settle();
    const columns = root.querySelectorAll("[data-testid=theme-items] .theme-column");
    expect(columns).toHaveLength(cov.documents.length);
    const mine = root.querySelector(`[data-column="${cell.document_id}"]`)!;
    expect(mine.classList.contains("current")).toBe(true);
    expect(mine.querySelectorAll(".theme-card")).toHaveLength(cell.tasks);

    // Take the theme from one item: the table count drops.
    const card = mine.querySelector<HTMLElement>(".theme-card")!;
    card.querySelector<HTMLButtonElement>("[data-edit-themes]")!.click();
    await settle();
    card.querySelector<HTMLButtonElement>('[data-theme="enterprises"] .chip-x')!.click();
    await settle();
    const after = root.querySelector<HTMLButtonElement>(`button.cell[data-theme="enterprises"][data-doc="${cell.document_id}"]`)!;
    expect(after.textContent).toBe(cell.tasks > 1 ? String(cell.tasks - 1) : "·");

    // Targets metric and English labels.
    const metric = root.querySelector<HTMLSelectElement>("[data-testid=theme-metric]")!;
    metric.value = "targets";
    metric.dispatchEvent(new Event("change"));
    await settle();
    setLocale("en");
    await settle();
    expect(root.querySelector("[data-testid=theme-table]")?.textContent).toContain("Enterprise cultivation");
  });

  it("leaves documents out of the table, the items and the heatmap", async () => {
    const platform = new MockPlatform();
    const spy = vi.spyOn(platform, "chartSvg");
    const { app, root } = mount(platform);
    app.navigate("themes");
    await settle();
    const cov = await platform.themeCoverage();
    const n = cov.documents.length;
    const header = () => root.querySelectorAll("[data-testid=theme-table] thead th").length;
    expect(header()).toBe(n + 2);
    expect(spy.mock.calls.at(-1)?.[0].documents).toEqual([]);
    const first = cov.documents[0].id;
    root.querySelector<HTMLButtonElement>(`[data-doc-toggle="${first}"]`)!.click();
    await settle();
    expect(header()).toBe(n + 1);
    expect(root.querySelector(`[data-doc-toggle="${first}"]`)?.getAttribute("aria-pressed")).toBe("false");
    expect(spy.mock.calls.at(-1)?.[0].documents).toEqual(cov.documents.slice(1).map((d) => d.id));
    expect(root.querySelector(`button.cell[data-doc="${first}"]`)).toBeNull();
    // The last shown document cannot be left out.
    for (const d of cov.documents.slice(1)) root.querySelector<HTMLButtonElement>(`[data-doc-toggle="${d.id}"]`)!.click();
    await settle();
    expect(header()).toBe(3);
    root.querySelector<HTMLButtonElement>(`[data-doc-toggle="${first}"]`)!.click();
    await settle();
    expect(header()).toBe(4);
  });

  it("exports the heatmap through the save dialog", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("themes");
    await settle();
    const png = [...root.querySelectorAll<HTMLButtonElement>(".toolbar button")].find((b) => b.textContent?.includes("PNG"))!;
    png.click();
    await settle();
    expect(platform.saved.at(-1)?.name).toBe("themes.png");
  });

  it("puts the heatmap on the presenter deck, redrawn as a slide", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("themes");
    await settle();
    root.querySelector<HTMLButtonElement>("[data-testid=themes-to-deck]")!.click();
    await settle();
    const slides = await platform.listSlides();
    expect(slides).toHaveLength(1);
    expect(slides[0].spec.themes).toBe("tasks");
    expect(slides[0].title).toContain("主题覆盖");
    expect(await platform.chartSvg(slides[0].spec)).toContain("<svg");
  });
});

describe("Search synonyms, excluded cities, annotating from a hit", () => {
  it("widens a query naming an indicator to its phrases, shown as removable chips", async () => {
    const { app, root } = mount();
    app.navigate("search", { q: "研发投入强度" });
    await settle();
    const chips = () => [...root.querySelectorAll<HTMLElement>("[data-testid=synonyms] [data-synonym]")].map((c) => c.dataset.synonym);
    expect(chips()).toContain("研发经费投入强度");
    expect(chips()).toContain("投入强度");
    const count = () => root.querySelectorAll("[data-testid=search-hits] li.hit").length;
    const wide = count();
    expect([...root.querySelectorAll("mark.hit-term")].map((m) => m.textContent)).toContain("研发经费投入强度");
    // Remove every chip: the typed words alone find fewer items.
    for (const p of ["研发经费投入强度", "投入强度", "占GDP比重"]) {
      root.querySelector<HTMLButtonElement>(`[data-synonym="${p}"] button.chip-remove`)?.click();
      await settle();
    }
    expect(chips()).toEqual([]);
    const narrow = count();
    expect(narrow).toBeLessThan(wide);
    // A removed phrase can come back.
    root.querySelector<HTMLButtonElement>('[data-dropped="研发经费投入强度"]')!.click();
    await settle();
    expect(chips()).toEqual(["研发经费投入强度"]);
    expect(count()).toBe(wide);
    // Synonyms off: only the words typed.
    const toggle = root.querySelector<HTMLInputElement>("[data-testid=use-synonyms]")!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    await settle();
    expect(chips()).toEqual([]);
    expect(count()).toBe(narrow);
  });

  it("leaves out the documents of excluded cities", async () => {
    const { app, root } = mount();
    app.navigate("search", { q: "企业" });
    await settle();
    const cities = () => new Set([...root.querySelectorAll<HTMLElement>("[data-testid=search-hits] li.hit")].map((li) => li.dataset.doc));
    expect(cities().has("1")).toBe(true);
    root.querySelector<HTMLButtonElement>('[data-exclude-city="滨州市"]')!.click();
    await settle();
    expect(root.querySelector('[data-exclude-city="滨州市"]')?.getAttribute("aria-pressed")).toBe("true");
    expect(cities().has("1")).toBe(false);
    expect(cities().size).toBeGreaterThan(0);
  });

  it("opens the annotation form of a hit's task item, and of either item of a similar pair", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("search", { q: "企业" });
    await settle();
    const button = root.querySelector<HTMLButtonElement>("[data-testid=search-hits] button[data-annotate]")!;
    const taskId = Number(button.dataset.annotate);
    button.click();
    await settle();
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const hit = button.closest("li.hit")!;
    hit.querySelector<HTMLInputElement>("[data-testid=status-adopt]")!.click();
    app.navigate("library");
    await settle();
    expect((await platform.getAnnotation(taskId))?.draft.status).toBe("adopt");

    app.navigate("similar", { task: taskId });
    await settle();
    const sides = root.querySelectorAll<HTMLButtonElement>("[data-testid=pair] button[data-annotate]");
    expect(sides).toHaveLength(2);
    const other = Number(sides[1].dataset.annotate);
    sides[1].click();
    await settle();
    sides[1].closest(".pair-side")!.querySelector<HTMLInputElement>("[data-testid=status-adapt]")!.click();
    app.navigate("library");
    await settle();
    expect((await platform.getAnnotation(other))?.draft.status).toBe("adapt");
  });
});

describe("Compare across restarts", () => {
  it("brings back the documents and indicators chosen in the last session", async () => {
    const preferences = new Map<string, string>();
    const first = mount(new MockPlatform({ preferences }));
    first.app.navigate("compare");
    await settle();
    for (const id of ["1", "2"]) {
      const box = first.root.querySelector<HTMLInputElement>(`input[data-doc="${id}"]`)!;
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      await settle();
    }
    const ind = first.root.querySelector<HTMLInputElement>('input[data-indicator="high_tech_enterprises"]')!;
    ind.checked = true;
    ind.dispatchEvent(new Event("change"));
    await settle();

    // A new app over the same data and preferences: a restart.
    const second = mount(new MockPlatform({ preferences }));
    second.app.navigate("compare");
    await settle();
    const checked = [...second.root.querySelectorAll<HTMLInputElement>("input[data-doc]")].filter((b) => b.checked).map((b) => b.dataset.doc).sort();
    expect(checked).toEqual(["1", "2"]);
    expect(second.root.querySelector<HTMLInputElement>('input[data-indicator="high_tech_enterprises"]')?.checked).toBe(true);
    expect(second.root.querySelector("[data-testid=compare-table]")?.textContent).toContain("650家");

    // A selection whose document is gone (another file under the same id) is not applied to it.
    preferences.set("compare.selection", JSON.stringify({ documents: [{ id: 1, source: "other.txt" }, { id: 2, source: "nope" }], indicators: [], includeOther: false }));
    const third = mount(new MockPlatform({ preferences }));
    third.app.navigate("compare");
    await settle();
    expect([...third.root.querySelectorAll<HTMLInputElement>("input[data-doc]")].some((b) => b.checked)).toBe(false);
  });
});
