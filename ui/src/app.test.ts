import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { setLocale } from "./i18n";
import { buildDocument, generatePlan, SAMPLE_PLANS } from "./platform/fixture";
import { MockPlatform } from "./platform/mock";
import type { PresenterView } from "./views/presenter";

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
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

describe("App", () => {
  it("lists documents with counts and switches language without reload", async () => {
    const { app, root } = mount();
    app.navigate("library");
    await settle();
    const rows = root.querySelectorAll("[data-testid=documents] tbody tr");
    expect(rows).toHaveLength(3);
    expect(root.textContent).toContain("日照市");
    expect(root.textContent).toContain("五年规划");
    expect(root.querySelector("[data-testid=doc-count]")?.textContent).toBe("共 3 份文档");
    setLocale("en");
    await settle();
    expect(root.querySelector("[data-testid=doc-count]")?.textContent).toBe("3 documents");
    expect(root.textContent).toContain("Five-year plan");
  });

  it("marks document versions and links an old version to its replacement", async () => {
    const old = { ...structuredClone(SAMPLE_PLANS[0]), supersededBy: 9 };
    const newer = { ...structuredClone(SAMPLE_PLANS[0]), id: 9, version: 2 };
    const { app, root } = mount(new MockPlatform({ plans: [old, newer, SAMPLE_PLANS[1]] }));
    app.navigate("library");
    await settle();
    expect(root.querySelector('tr[data-doc="9"] [data-testid=version]')?.textContent).toBe("第 2 版");
    expect(root.querySelector('tr[data-doc="1"] [data-testid=version]')).toBeNull();
    expect(root.querySelector('tr[data-doc="9"] [data-testid=superseded]')).toBeNull();
    root.querySelector<HTMLButtonElement>('tr[data-doc="1"] [data-testid=superseded]')!.click();
    await settle();
    expect(app.currentView).toBe("reader");
    expect(root.querySelector<HTMLElement>("[data-testid=doc-text]")?.dataset.doc).toMatch(/^9@/);
    app.navigate("compare");
    await settle();
    const label = (id: number) => root.querySelector(`input[data-doc="${id}"]`)!.closest("label")!;
    expect(label(1).querySelector(".old-version")?.textContent).toBe("旧版");
    expect(label(9).querySelector(".old-version")).toBeNull();
  });

  it("deletes a document only after confirmation", async () => {
    const { app, root } = mount();
    app.navigate("library");
    await settle();
    const del = () => root.querySelector<HTMLButtonElement>('tr[data-doc="2"] button.danger')!.click();
    del();
    await settle();
    const cancel = document.querySelector<HTMLButtonElement>("dialog.confirm button:not(.danger)")!;
    expect(document.querySelector("dialog.confirm")?.textContent).toContain("日照市“十四五”科技创新发展规划");
    cancel.click();
    await settle();
    expect(root.querySelectorAll("[data-testid=documents] tbody tr")).toHaveLength(3);
    expect(document.querySelector("dialog.confirm")).toBeNull();
    del();
    await settle();
    document.querySelector<HTMLButtonElement>("[data-testid=confirm]")!.click();
    await settle();
    expect(root.querySelectorAll("[data-testid=documents] tbody tr")).toHaveLength(2);
    expect(root.querySelector('tr[data-doc="2"]')).toBeNull();
  });

  it("imports with per-file results", async () => {
    const { app, root } = mount(new MockPlatform({ importPlans: [generatePlan(60, 5), SAMPLE_PLANS[1]] }));
    app.navigate("library");
    await settle();
    root.querySelector<HTMLButtonElement>("[data-testid=import]")!.click();
    await settle();
    expect(root.querySelectorAll("[data-testid=documents] tbody tr")).toHaveLength(4);
    expect(root.querySelector(".file-results")?.textContent).toContain("已存在");
    expect(root.querySelector(".import-progress")?.textContent).toContain("新增 1，已存在 1，失败 0");
  });

  it("renders document text as text, never as HTML", async () => {
    const spec = structuredClone(SAMPLE_PLANS[0]);
    spec.sections[1].items[0].body += "<img src=x onerror=alert(1)><b>粗体</b>";
    const { app, root } = mount(new MockPlatform({ plans: [spec] }));
    app.navigate("reader", { doc: 1 });
    await settle();
    const text = root.querySelector("[data-testid=doc-text]")!;
    expect(text.querySelector("img, b")).toBeNull();
    expect(text.textContent).toContain("<img src=x onerror=alert(1)><b>粗体</b>");
  });

  it("reads a 2,000-item plan with virtualised lists and annotates a task item", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const big = generatePlan(7, 2000);
      const platform = new MockPlatform({ plans: [big] });
      const { app, root } = mount(platform);
      app.navigate("reader", { doc: 7 });
      await vi.advanceTimersByTimeAsync(0);
      await vi.runOnlyPendingTimersAsync();
      expect(root.querySelectorAll(".task-card").length).toBeLessThan(40);
      expect(root.querySelectorAll("[data-testid=doc-text] mark")).toHaveLength(2000);
      const card = root.querySelector<HTMLElement>(".task-card")!;
      card.click();
      await vi.runOnlyPendingTimersAsync();
      const editor = root.querySelector("[data-testid=annotation-editor]")!;
      root.querySelector<HTMLInputElement>("[data-testid=status-adopt]")!.click();
      const note = root.querySelector<HTMLTextAreaElement>("[data-testid=note]")!;
      for (const v of ["借", "借鉴其", "借鉴其做法"]) {
        note.value = v;
        note.dispatchEvent(new Event("input"));
      }
      expect(editor.querySelector("[data-testid=save-state]")?.textContent).toBe("正在编辑…");
      expect(root.querySelector("[data-testid=note]")).toBe(note);
      await vi.advanceTimersByTimeAsync(700);
      await vi.runOnlyPendingTimersAsync();
      expect(editor.querySelector("[data-testid=save-state]")?.textContent).toBe("已保存");
      const taskId = Number(card.dataset.task);
      const history = await platform.annotationHistory(taskId);
      expect(history).toHaveLength(1);
      expect(history[0].draft).toMatchObject({ status: "adopt", note: "借鉴其做法" });
      expect(root.querySelector(".task-card .badge")?.textContent).toBe("采纳");
    } finally {
      vi.useRealTimers();
    }
  });

  it("restores an older revision from the history as a new revision", async () => {
    const platform = new MockPlatform();
    const task = (await platform.getDocument(2)).tasks[0];
    await platform.saveAnnotation(task.id, { status: "adopt", priority: 1, tags: [], note: "第一稿", owner: "" });
    await platform.saveAnnotation(task.id, { status: "adapt", priority: 1, tags: [], note: "第二稿", owner: "" });
    const { app, root } = mount(platform);
    app.navigate("reader", { doc: 2, task: task.id });
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>("[data-testid=note]")!.value).toBe("第二稿");
    const items = root.querySelectorAll("[data-testid=history] li");
    expect(items).toHaveLength(2);
    expect(items[0].querySelector("button")).toBeNull();
    items[1].querySelector<HTMLButtonElement>("button")!.click();
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>("[data-testid=note]")!.value).toBe("第一稿");
    expect(root.querySelector<HTMLInputElement>("[data-testid=status-adopt]")!.checked).toBe(true);
    expect(root.querySelectorAll("[data-testid=history] li")).toHaveLength(3);
    expect((await platform.annotationHistory(task.id)).map((r) => r.draft.note)).toEqual(["第一稿", "第二稿", "第一稿"]);
  });

  it("shows a target's record when its mark is clicked", async () => {
    const { app, root } = mount();
    app.navigate("reader", { doc: 2 });
    await settle();
    const mark = [...root.querySelectorAll<HTMLElement>("mark")].find((m) => m.textContent === "高新技术企业数量达到500家以上")!;
    mark.click();
    await settle();
    const rec = root.querySelector("[data-testid=target-record]")!;
    expect(rec.textContent).toContain("500家以上");
    // The catalog indicator by name, never its internal id.
    expect(rec.textContent).toContain("归入指标高新技术企业");
    expect(rec.textContent).not.toContain("high_tech_enterprises");
  });

  it("compares two cities, draws the chart, opens the Reader from a figure and fills the deck", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("compare");
    await settle();
    for (const id of ["1", "2"]) {
      const box = root.querySelector<HTMLInputElement>(`input[data-doc="${id}"]`)!;
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      await settle();
    }
    const ind = root.querySelector<HTMLInputElement>('input[data-indicator="high_tech_enterprises"]')!;
    ind.checked = true;
    ind.dispatchEvent(new Event("change"));
    await settle();
    expect(root.querySelector("[data-testid=compare-table]")?.textContent).toContain("650家");
    root.querySelector<HTMLButtonElement>('button[data-city="丹东市"]')!.click();
    await settle();
    expect(root.querySelectorAll("[data-testid=compare-table] thead th")).toHaveLength(4);
    root.querySelector<HTMLButtonElement>('button[data-city="丹东市"]')!.click();
    await settle();
    expect(root.querySelectorAll("[data-testid=compare-table] thead th")).toHaveLength(3);
    expect(root.querySelector("[data-testid=chart] svg")).not.toBeNull();
    root.querySelector<HTMLButtonElement>("[data-testid=add-to-deck]")!.click();
    await settle();
    expect(await platform.listSlides()).toHaveLength(1);
    // A second click while the export runs is ignored; the notice says where the file went.
    const csvButton = root.querySelector<HTMLButtonElement>("[data-testid=export-csv]")!;
    csvButton.click();
    expect(csvButton.getAttribute("aria-busy")).toBe("true");
    expect(csvButton.disabled).toBe(true);
    csvButton.click();
    await settle();
    expect(csvButton.disabled).toBe(false);
    const csvFiles = platform.saved.filter((f) => f.name === "comparison.csv");
    expect(csvFiles).toHaveLength(1);
    const lines = csvFiles[0].content.slice(1).split("\r\n");
    expect(lines[0]).toBe("指标,指标编号,类型,文档,城市,时期,基期/目标,年份,数值,值,上限值,单位,限定词,原文,单元格说明,目标编号");
    const figureLine = lines.find((l) => l.includes("650家"))!;
    expect(figureLine).toBe("高新技术企业总数,high_tech_enterprises,总量,2023年全市科技工作要点,滨州市,2023,目标,2023,650家,650,,家,,总数达到650家,,2");
    expect(root.querySelector("[role=status]")?.textContent).toContain("已保存到 /home/user/Documents/comparison.csv");
    root.querySelector<HTMLButtonElement>("button.figure")!.click();
    await settle();
    expect(app.currentView).toBe("reader");
    expect(root.querySelector("mark.selected")).not.toBeNull();
  });

  it("says what a comparison shows: notes on mixed cells and 其他 rows by phrase", async () => {
    const platform = new MockPlatform();
    const { app, root } = mount(platform);
    app.navigate("compare");
    await settle();
    for (const id of ["1", "2"]) {
      const box = root.querySelector<HTMLInputElement>(`input[data-doc="${id}"]`)!;
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      await settle();
    }
    const ind = root.querySelector<HTMLInputElement>('input[data-indicator="high_tech_enterprises"]')!;
    ind.checked = true;
    ind.dispatchEvent(new Event("change"));
    await settle();
    expect(root.querySelectorAll("tr[data-other]")).toHaveLength(0);
    const other = root.querySelector<HTMLInputElement>("[data-testid=include-other]")!;
    other.checked = true;
    other.dispatchEvent(new Event("change"));
    await settle();
    const rows = [...root.querySelectorAll<HTMLElement>("tr[data-other]")];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.textContent).join("")).toContain("其他：市级工程技术研究中心");
    // A cell holding figures of different years says so.
    const c = await platform.compare({ documents: [1, 2], indicators: ["high_tech_enterprises"], lang: "zh", include_other: true });
    const mixed = [...c.rows, ...c.others].flatMap((r) => r.cells).filter((cell) => cell.notes.length > 0);
    expect(mixed.length).toBeGreaterThan(0);
    expect(root.querySelectorAll("[data-testid=cell-notes]")).toHaveLength(mixed.length);
  });

  it("presents the deck with arrow keys and leaves with Esc", async () => {
    const platform = new MockPlatform();
    const spec = { documents: [1, 2], indicator: "high_tech_enterprises", theme: "light" as const, width: 640, height: 360, lang: "zh" as const };
    await platform.addSlide("高新技术企业", spec);
    await platform.addSlide("研发投入强度", { ...spec, indicator: "rd_intensity" });
    const { app } = mount(platform);
    app.navigate("presenter");
    await settle();
    document.querySelector<HTMLButtonElement>("[data-testid=start-presenting]")!.click();
    await settle();
    const view = app.views.presenter as PresenterView;
    expect(document.querySelector("[data-testid=presenter]")?.textContent).toContain("1 / 2");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    await settle();
    expect(view.index).toBe(1);
    expect(document.querySelector("[data-testid=presenter]")?.textContent).toContain("研发投入强度");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(view.presenting).toBe(false);
    expect(document.querySelector("[data-testid=presenter]")).toBeNull();
  });

  it("lists annotations across documents and exports them", async () => {
    const platform = new MockPlatform();
    const d1 = buildDocument(SAMPLE_PLANS[0], 1, 1);
    await platform.saveAnnotation(d1.tasks[0].id, { status: "adopt", priority: 2, tags: ["企业"], note: "", owner: "" });
    const d2 = await platform.getDocument(2);
    await platform.saveAnnotation(d2.tasks[1].id, { status: "adapt", priority: null, tags: [], note: "", owner: "" });
    const { app, root } = mount(platform);
    app.navigate("annotations");
    await settle();
    expect(root.querySelector("[data-testid=annotation-count]")?.textContent).toBe("已批注的任务事项（2）");
    const [exportCsv, exportMd] = [...root.querySelectorAll<HTMLButtonElement>(".view-head button")];
    exportCsv.click();
    exportMd.click();
    await settle();
    expect(platform.saved.map((s) => s.name)).toEqual(["annotations.csv", "annotations.md"]);
    expect(platform.saved[0].content).toContain("滨州市");
    expect(platform.saved[0].content).toContain(",采纳,中,");
    expect(platform.saved[1].content).not.toContain("· —");
    expect(platform.saved[1].content).toContain("- 状态: 借鉴");
    expect(root.querySelector("[role=status]")?.textContent).toContain("/home/user/Documents/annotations.md");
    setLocale("en");
    await settle();
    root.querySelector<HTMLButtonElement>("[data-testid=export-annotations-md]")!.click();
    await settle();
    const md = platform.saved.at(-1)!.content;
    expect(md).toContain("- Status: Adopt");
    expect(md).toContain("- Priority: Medium");
    expect(md).not.toMatch(/\badopt\b/);
  });
});
