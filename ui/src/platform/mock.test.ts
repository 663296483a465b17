import type { FieldChangeDto, MentionDto } from "./bindings";
import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "./errors";
import { buildDocument, generatePlan, SAMPLE_PLANS, toChineseNumber } from "./fixture";
import { headline, MockPlatform } from "./mock";

describe("fixture", () => {
  it("writes Chinese numbers", () => {
    expect([1, 10, 11, 20, 35, 100, 105, 110, 999, 2000, 2013].map(toChineseNumber)).toEqual([
      "一", "十", "十一", "二十", "三十五", "一百", "一百零五", "一百一十", "九百九十九", "二千", "二千零一十三",
    ]);
  });

  it("puts every target's quote at its character offsets", () => {
    for (const p of SAMPLE_PLANS) {
      const d = buildDocument(p, 1, 1);
      const chars = Array.from(d.text);
      for (const g of d.targets) expect(chars.slice(g.start, g.end).join("")).toBe(g.quote);
      for (const task of d.tasks) expect(chars.slice(task.start, task.end).join("")).toContain(task.title);
    }
  });

  it("generates large plans", () => {
    const d = buildDocument(generatePlan(9, 2000), 1, 1);
    expect(d.tasks.length).toBe(2000);
    expect(d.targets.length).toBe(2000);
  });
});

describe("MockPlatform", () => {
  it("keeps an append-only history and restores by appending", async () => {
    const p = new MockPlatform();
    const doc = await p.getDocument(2);
    const task = doc.tasks[0].id;
    const draft = { status: "adopt" as const, priority: 1, tags: ["企业"], note: "可借鉴", owner: "张三" };
    await p.saveAnnotation(task, draft);
    await p.saveAnnotation(task, draft);
    await p.saveAnnotation(task, { ...draft, status: "adapt", note: "结合本市实际" });
    expect((await p.annotationHistory(task)).map((r) => r.revision)).toEqual([1, 2]);
    const a = await p.restoreAnnotation(task, 1);
    expect(a.revision).toBe(3);
    expect(a.draft.note).toBe("可借鉴");
    const items = await p.listAnnotations({ status: "adopt", city: null, tag: null, document: null });
    expect(items).toHaveLength(1);
    expect(items[0].figures).toEqual(["高新技术企业数量达到500家以上", "科技型中小企业达到1000家"]);
    expect(await p.listAnnotations({ status: null, city: "滨州市", tag: null, document: null })).toHaveLength(0);
  });

  it("rejects unknown ids with not_found and bad input with invalid_input", async () => {
    const p = new MockPlatform();
    await expect(p.getDocument(999)).rejects.toMatchObject({ code: "not_found" });
    const task = (await p.getDocument(1)).tasks[0].id;
    await expect(p.saveAnnotation(task, { status: "adopt", priority: 7, tags: [], note: "", owner: "" })).rejects.toBeInstanceOf(AppError);
    await expect(p.restoreAnnotation(task, 5)).rejects.toMatchObject({ code: "not_found" });
  });

  it("compares documents on an indicator", async () => {
    const p = new MockPlatform();
    const inds = await p.listIndicators([1, 2], "zh");
    expect(inds[0]).toMatchObject({ id: "high_tech_enterprises", documents: 2 });
    const c = await p.compare({ documents: [1, 2], indicators: ["high_tech_enterprises"], lang: "zh" });
    expect(c.rows.map((r) => r.kind)).toEqual(["stock", "increment"]);
    expect(c.rows[0].cells.map((x) => x.figures.length)).toEqual([1, 1]);
    expect(c.rows[1].cells.map((x) => x.figures.map((f) => f.value))).toEqual([[100], [50]]);
    expect(await p.chartSvg({ documents: [1, 2], indicator: "high_tech_enterprises", theme: "dark", width: 640, height: 360, lang: "zh" })).toContain("<svg");
  });

  it("reports import progress per file and cancel as null", async () => {
    const p = new MockPlatform({ importPlans: [generatePlan(50, 10), SAMPLE_PLANS[0]] });
    const seen: string[] = [];
    const r = await p.importFiles((x) => seen.push(x.status));
    expect(seen).toEqual(["imported", "already_present"]);
    expect(r?.files).toHaveLength(2);
    expect(await new MockPlatform({ importPlans: null }).importFiles(() => {})).toBeNull();
  });
});

describe("headline", () => {
  it("prefers a target over a baseline, then the latest year, then the first", () => {
    const f = (role: "target" | "baseline", year: number | null) =>
      ({ target_id: 1, document_id: 1, quote: "", start: 0, value: 1, value_high: null, unit: "家", qualifier: "exact", kind: "stock", role, year, normalized: null, mentions: [] as MentionDto[], corrected: false, changes: [] as FieldChangeDto[] }) as const;
    expect(headline([])).toBeNull();
    expect(headline([f("baseline", 2025), f("target", 2022)])).toBe(1);
    expect(headline([f("target", 2023), f("target", 2025), f("target", 2025)])).toBe(1);
    expect(headline([f("target", null), f("target", null)])).toBe(0);
  });
});

describe("errors", () => {
  it("turns IPC error shapes into AppError", () => {
    expect(toAppError({ code: "io", message: "disk full" })).toMatchObject({ code: "io", message: "disk full" });
    expect(toAppError({ code: "weird", message: "x" }).code).toBe("internal");
    expect(toAppError("boom")).toMatchObject({ code: "internal", message: "boom" });
    expect(toAppError(new Error("e")).message).toBe("e");
  });
});
