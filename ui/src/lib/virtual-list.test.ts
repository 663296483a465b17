import { describe, expect, it } from "vitest";
import { h } from "./dom";
import { scrollToReveal, VirtualList, visibleRange } from "./virtual-list";

describe("visibleRange", () => {
  it("covers the viewport plus overscan", () => {
    expect(visibleRange(0, 300, 30, 2000, 4)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(3000, 300, 30, 2000, 4)).toEqual({ start: 96, end: 115 });
  });
  it("clamps at the end and handles empty or odd input", () => {
    expect(visibleRange(1e9, 300, 30, 2000, 4)).toEqual({ start: 1995, end: 2000 });
    expect(visibleRange(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 300, 30, 5, 0)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(0, 300, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe("scrollToReveal", () => {
  it("scrolls only when the row is out of view", () => {
    expect(scrollToReveal(5, 0, 300, 30)).toBeNull();
    expect(scrollToReveal(20, 0, 300, 30)).toBe(330);
    expect(scrollToReveal(2, 300, 300, 30)).toBe(60);
  });
});

describe("VirtualList", () => {
  const make = (n: number, activated: number[] = []) => {
    const list = new VirtualList<number>({
      rowHeight: 30,
      label: "items",
      fallbackHeight: 300,
      render: (v) => h("div", null, `item ${v}`),
      onActivate: (_v, i) => activated.push(i),
    });
    document.body.appendChild(list.el);
    list.setItems(Array.from({ length: n }, (_, i) => i));
    return list;
  };

  it("renders only the window of a 2,000-item list", () => {
    const list = make(2000);
    expect(list.renderedCount).toBeLessThan(30);
    expect(list.el.querySelector(".vl-inner")?.getAttribute("style")).toContain("60000px");
    list.el.scrollTop = 30000;
    list.update();
    const first = list.el.querySelector<HTMLElement>(".vl-row");
    expect(Number(first?.dataset.index)).toBeGreaterThan(900);
    expect(list.renderedCount).toBeLessThan(30);
  });

  it("moves with the keyboard and activates with Enter", () => {
    const activated: number[] = [];
    const list = make(100, activated);
    const key = (k: string) => list.el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("ArrowDown");
    expect(list.activeIndex).toBe(0);
    key("ArrowDown");
    key("End");
    expect(list.activeIndex).toBe(99);
    expect(list.el.scrollTop).toBeGreaterThan(0);
    key("Home");
    key("PageDown");
    expect(list.activeIndex).toBe(9);
    key("Enter");
    expect(activated).toEqual([9]);
    expect(list.el.getAttribute("aria-activedescendant")).toMatch(/-9$/);
  });

  it("activates a row on click", () => {
    const activated: number[] = [];
    const list = make(10, activated);
    list.el.querySelectorAll<HTMLElement>(".vl-row")[3].click();
    expect(activated).toEqual([3]);
  });
});
