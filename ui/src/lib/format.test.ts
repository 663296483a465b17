import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import type { DocumentSummary } from "../platform/bindings";
import { documentLabel, formatFigure, formatNumber, formatPeriod, formatTime, parseTags, shortLabel, unitLabel } from "./format";

const summary = (over: Partial<DocumentSummary>): DocumentSummary => ({
  id: 1,
  title: null,
  city: "日照市",
  province: "山东省",
  kind: "five_year_plan",
  period: { start: 2021, end: 2025 },
  issuer: null,
  doc_number: null,
  published: null,
  source_name: "rizhao.txt",
  imported_at: "2026-01-05T08:00:00Z",
  tasks: 0,
  targets: 0,
  warnings: 0,
  version: 1,
  superseded_by: null,
  level: null,
  corrected: false,
  ...over,
});

describe("formatters", () => {
  afterEach(() => setLocale("zh"));

  it("format periods", () => {
    expect(formatPeriod({ start: 2023, end: 2023 })).toBe("2023");
    expect(formatPeriod({ start: 2021, end: 2025 })).toBe("2021–2025");
    expect(formatPeriod(null)).toBe("—");
  });

  it("format numbers without float noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(12500)).toBe("12,500");
    expect(formatNumber(2.555, 1)).toBe("2.6");
    expect(formatNumber(Number.NaN)).toBe("NaN");
  });

  it("format figures with qualifiers in both languages", () => {
    expect(formatFigure(100, null, "家", "at_least")).toBe("100家以上");
    expect(formatFigure(1, 2, "家", "exact")).toBe("1–2家");
    expect(formatFigure(2.5, null, "%", "about")).toBe("2.5%左右");
    expect(formatFigure(3, 3, "个", "exact")).toBe("3个");
    setLocale("en");
    expect(formatFigure(100, null, "家", "at_least")).toBe("at least 100 organisations");
    expect(formatFigure(2.5, null, "%", "about")).toBe("about 2.5%");
  });

  it("translates the plans' units in English and keeps unknown ones", () => {
    setLocale("en");
    expect(unitLabel("名")).toBe("persons");
    expect(unitLabel("人次")).toBe("person-times");
    expect(unitLabel("项")).toBe("items");
    expect(unitLabel("亿元")).toBe("× 100 million yuan");
    expect(unitLabel("万人次")).toBe("× 10,000 person-times");
    expect(unitLabel("件/万人")).toBe("items per 10,000 persons");
    expect(unitLabel("个百分点")).toBe("percentage points");
    expect(unitLabel("辆")).toBe("辆");
    expect(formatFigure(50, null, "亿元", "exact")).toBe("50 × 100 million yuan");
    setLocale("zh");
    expect(unitLabel("名")).toBe("名");
  });

  it("label documents by title, else city, kind and period", () => {
    expect(documentLabel(summary({ title: "日照市“十四五”科技创新发展规划" }))).toBe("日照市“十四五”科技创新发展规划");
    expect(documentLabel(summary({}))).toBe("日照市 五年规划 2021–2025");
    expect(documentLabel(summary({ city: null, period: null, kind: "other" }))).toBe("其他");
    expect(shortLabel(summary({ title: "x" }))).toBe("日照市 2021–2025");
    expect(shortLabel(summary({ title: "标题", city: null, period: null }))).toBe("标题");
  });

  it("format times and leave invalid ones", () => {
    expect(formatTime("not a time")).toBe("not a time");
    expect(formatTime("2026-01-05T08:00:00Z")).toMatch(/^2026-01-0[45] \d\d:\d\d$/);
  });

  it("split tags on Chinese and Latin separators", () => {
    expect(parseTags(" 人才, 平台，人才;；企业、 ")).toEqual(["人才", "平台", "企业"]);
    expect(parseTags("")).toEqual([]);
  });
});
