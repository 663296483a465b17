import { describe, expect, it } from "vitest";
import { CharText, paragraphAt, paragraphs, segments } from "./text";

describe("CharText", () => {
  it("counts code points, not UTF-16 units", () => {
    const t = new CharText("𠀀新增高新技术企业100家");
    expect(t.length).toBe(13);
    expect(t.slice(1, 3)).toBe("新增");
    expect(t.slice(0, 1)).toBe("𠀀");
    expect(t.slice(-5, 1)).toBe("𠀀");
    expect(t.slice(11, 99)).toBe("0家");
    expect(t.slice(5, 2)).toBe("");
  });
});

describe("paragraphs", () => {
  it("splits on line breaks, trims leading space and drops blank lines", () => {
    const t = new CharText("一、总体要求\r\n\n  （一）目标\n\n");
    expect(paragraphs(t)).toEqual([
      { start: 0, end: 6 },
      { start: 11, end: 16 },
    ]);
    expect(paragraphs(new CharText(""))).toEqual([]);
  });
  it("finds the paragraph of an offset", () => {
    const ps = [
      { start: 0, end: 5 },
      { start: 7, end: 20 },
      { start: 22, end: 30 },
    ];
    expect(paragraphAt(ps, 0)).toBe(0);
    expect(paragraphAt(ps, 6)).toBe(0);
    expect(paragraphAt(ps, 25)).toBe(2);
    expect(paragraphAt(ps, 999)).toBe(2);
  });
});

describe("segments", () => {
  it("splits around spans and clips them to the range", () => {
    expect(segments(10, 20, [{ start: 12, end: 14, id: 1 }, { start: 18, end: 25, id: 2 }])).toEqual([
      { start: 10, end: 12, id: null },
      { start: 12, end: 14, id: 1 },
      { start: 14, end: 18, id: null },
      { start: 18, end: 20, id: 2 },
    ]);
  });
  it("gives overlaps to the first span and ignores empty or outside spans", () => {
    expect(
      segments(0, 10, [
        { start: 4, end: 8, id: 2 },
        { start: 2, end: 6, id: 1 },
        { start: 5, end: 5, id: 3 },
        { start: 30, end: 40, id: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 2, id: null },
      { start: 2, end: 6, id: 1 },
      { start: 6, end: 8, id: 2 },
      { start: 8, end: 10, id: null },
    ]);
    expect(segments(0, 3, [])).toEqual([{ start: 0, end: 3, id: null }]);
  });
});
