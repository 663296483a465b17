import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { setLocale } from "./i18n";
import { CharText } from "./lib/text";
import { SAMPLE_PLANS } from "./platform/fixture";
import { MockPlatform } from "./platform/mock";
import { renderTable } from "./views/reader";

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

const cellText = (el: Element) => [...el.childNodes].filter((n) => !(n as Element).classList?.contains("cell-sep")).map((n) => n.textContent).join("");

describe("Reader: indicator tables", () => {
  it("renders the document's table as a real table, header rows apart, figures as marks", async () => {
    const { app, root } = mount();
    app.navigate("reader", { doc: 2 });
    await settle();
    const table = root.querySelector<HTMLTableElement>("[data-testid=doc-text] table.doc-table")!;
    expect(table).not.toBeNull();
    expect(table.dataset.table).toBe("0");
    expect([...table.querySelectorAll("thead th")].map(cellText)).toEqual(["序号", "指标", "单位", "2020年", "2025年", "属性"]);
    const body = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map(cellText));
    expect(body).toEqual([
      ["1", "高新技术企业数量", "家", "215", "≥500", "预期性"],
      ["2", "全社会研发经费投入强度", "%", "2.1", "2.5", "约束性"],
      ["3", "技术合同成交额", "亿元", "—", "30", ""],
    ]);
    // The table's lines are not also shown as paragraphs.
    const paras = [...root.querySelectorAll("[data-testid=doc-text] p")].map((p) => p.textContent ?? "");
    expect(paras.some((p) => p.includes("高新技术企业数量\t"))).toBe(false);
    // Figures read from cells are the marks in those cells.
    const mark = table.querySelector<HTMLElement>('td[data-row="1"][data-col="4"] mark')!;
    expect(mark.textContent).toBe("≥500");
    // The hidden tabs keep the row's text equal to the document's line.
    const doc = await new MockPlatform().getDocument(2);
    const line = doc.text.split("\n").find((l) => l.startsWith("1\t"))!;
    expect(table.querySelector('tr[data-row="1"]')!.textContent).toBe(line);
  });

  it("highlights a figure's cell and shows 约束性/预期性 in its record", async () => {
    const { app, root } = mount();
    app.navigate("reader", { doc: 2 });
    await settle();
    const table = root.querySelector<HTMLTableElement>("table.doc-table")!;
    table.querySelector<HTMLElement>('td[data-row="2"][data-col="4"] mark')!.click();
    await settle();
    const current = table.querySelectorAll(".cell-current");
    expect(current).toHaveLength(1);
    expect(current[0].getAttribute("data-row")).toBe("2");
    expect(current[0].getAttribute("data-col")).toBe("4");
    expect(table.querySelector("tr.row-current")?.getAttribute("data-row")).toBe("2");
    let rec = root.querySelector("[data-testid=target-record]")!;
    expect(rec.textContent).toContain("约束性");
    expect(rec.textContent).toContain("第3行 第5列");

    // Another figure moves the highlight; one without an attribute says so.
    table.querySelector<HTMLElement>('td[data-row="3"][data-col="4"] mark')!.click();
    await settle();
    expect(table.querySelectorAll(".cell-current")).toHaveLength(1);
    expect(table.querySelector(".cell-current")?.getAttribute("data-row")).toBe("3");
    rec = root.querySelector("[data-testid=target-record]")!;
    expect(rec.textContent).toContain("未标注");

    // A figure from running text has no cell: no highlight, no attribute row.
    const prose = [...root.querySelectorAll<HTMLElement>("p mark")].find((m) => m.textContent === "高新技术企业数量达到500家以上")!;
    prose.click();
    await settle();
    expect(table.querySelectorAll(".cell-current, .row-current")).toHaveLength(0);
    rec = root.querySelector("[data-testid=target-record]")!;
    expect(rec.textContent).not.toContain("属性");

    setLocale("en");
    table.querySelector<HTMLElement>('td[data-row="1"][data-col="4"] mark')!.click();
    await settle();
    rec = root.querySelector("[data-testid=target-record]")!;
    expect(rec.textContent).toContain("expected (预期性)");
    expect(rec.textContent).toContain("row 2, column 5");
  });

  it("opens at a table figure with its cell highlighted", async () => {
    const platform = new MockPlatform();
    const doc = await platform.getDocument(2);
    const g = doc.targets.find((x) => x.cell?.row === 1 && x.cell.column === 3)!;
    const { app, root } = mount(platform);
    app.navigate("reader", { doc: 2, at: g.start, target: g.id });
    await settle();
    const cell = root.querySelector("table.doc-table .cell-current")!;
    expect(cell.getAttribute("data-col")).toBe("3");
    expect(root.querySelector("[data-testid=target-record]")!.textContent).toContain("预期性");
  });

  it("builds cells with DOM APIs: plan text never becomes markup", () => {
    const spec = structuredClone(SAMPLE_PLANS[1]);
    spec.sections[1].table!.rows[1][1] = "<img src=x onerror=alert(1)>";
    const platform = new MockPlatform({ plans: [spec] });
    return platform.getDocument(2).then((doc) => {
      const { el } = renderTable(doc.tables[0], new CharText(doc.text), doc.targets, () => 0);
      expect(el.querySelector("img")).toBeNull();
      expect(el.textContent).toContain("<img src=x onerror=alert(1)>");
    });
  });
});
