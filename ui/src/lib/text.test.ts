import { describe, expect, it } from "vitest";
import { CharText, LONG_LINE, paragraphAt, paragraphs, segments } from "./text";

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
  it("shows a plan on one line in paragraphs at its markers and sentence ends, offsets unchanged", () => {
    // A one-line plan: a preamble, then 一、… (一)… 1.… with long sentences.
    const sentence = "推动科技创新平台建设，加快培育高新技术企业，完善科技成果转化体系，优化创新生态。";
    const body = "2024年全市科技工作要点。" + sentence.repeat(4) + "一、总体要求" + sentence.repeat(2) + "（一）主要目标" + sentence.repeat(9);
    const text = new CharText(body);
    const marker = (m: string) => Array.from(body).join("").indexOf(m);
    const cuts = [marker("一、总体"), marker("（一）")].map((b) => Array.from(body.slice(0, b)).length);
    const ps = paragraphs(text, cuts);
    expect(ps.length).toBeGreaterThan(3);
    // Contiguous and in order: every character is shown once.
    expect(ps[0].start).toBe(0);
    expect(ps[ps.length - 1].end).toBe(text.length);
    for (let i = 1; i < ps.length; i++) expect(ps[i].start).toBe(ps[i - 1].end);
    // Markers open paragraphs; no paragraph is longer than a long line.
    for (const c of cuts) expect(ps.some((p) => p.start === c)).toBe(true);
    for (const p of ps) expect(p.end - p.start).toBeLessThanOrEqual(LONG_LINE + sentence.length);
    // Short lines are left alone.
    expect(paragraphs(new CharText("一、总体要求"), [2])).toEqual([{ start: 0, end: 6 }]);
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
