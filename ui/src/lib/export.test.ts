import { describe, expect, it } from "vitest";
import type { AnnotatedItem, Comparison } from "../platform/bindings";
import { annotationsCsv, annotationsMarkdown, comparisonCsv, csvField, csvLine, documentHeading, mdEscape } from "./export";

const item = (over: Partial<AnnotatedItem> = {}): AnnotatedItem => ({
  annotation: {
    id: 1,
    task_id: 7,
    draft: { status: "adapt", priority: 1, tags: ["企业", "人才"], note: "参考其梯次培育做法，\n结合本市\"专精特新\"名单", owner: "高新科" },
    revision: 3,
    updated_at: "2026-01-05T08:00:00Z",
    orphaned: false,
  },
  document_id: 2,
  city: "日照市",
  document_title: "日照市“十四五”科技创新发展规划",
  period: "2021–2025",
  path: "三/(一)",
  task_title: "实施创新主体培育工程",
  task_text: "建立梯次培育体系，每年新增高新技术企业50家左右。",
  figures: ["每年新增高新技术企业50家左右"],
  ...over,
});

describe("CSV", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("平台")).toBe("平台");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("exports annotated items with a BOM, a header and their context", () => {
    const csv = annotationsCsv([item(), item({ city: null, document_title: null, period: null, annotation: { ...item().annotation, draft: { status: "undecided", priority: null, tags: [], note: "", owner: "" } } })]);
    expect(csv.startsWith("\ufeffcity,document,period,section,task,status,priority")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toContain("日照市,日照市“十四五”科技创新发展规划,2021–2025,三/(一),实施创新主体培育工程,借鉴,高,企业;人才,高新科,");
    expect(annotationsCsv([item()], "en")).toContain(",Adapt,High,");
    expect(lines[1]).toContain('"参考其梯次培育做法，\n结合本市""专精特新""名单"');
    expect(csv).toContain("每年新增高新技术企业50家左右");
    expect(csv.endsWith("\r\n,,,三/(一),实施创新主体培育工程,待定,,,,,每年新增高新技术企业50家左右,建立梯次培育体系，每年新增高新技术企业50家左右。,2026-01-05T08:00:00Z,3\r\n")).toBe(true);
  });
});

describe("Markdown", () => {
  it("escapes markup characters", () => {
    expect(mdEscape("a*b_c[d]#e<f>|g`h\\")).toBe("a\\*b\\_c\\[d\\]\\#e\\<f\\>\\|g\\`h\\\\");
  });

  it("groups by document and quotes notes line by line", () => {
    const md = annotationsMarkdown([item(), item({ path: "三/(二)", task_title: "推进成果转化", annotation: { ...item().annotation, draft: { status: "adopt", priority: null, tags: [], note: "", owner: "" } }, figures: [] })]);
    expect(md.match(/^## /gm)?.length).toBe(1);
    expect(md).toContain("## 日照市“十四五”科技创新发展规划 · 2021–2025\n");
    expect(md).toContain("### 三/(一) 实施创新主体培育工程");
    expect(md).toContain("- 状态: 借鉴\n");
    expect(md).toContain("- 优先级: 高\n");
    expect(md).toContain("> 参考其梯次培育做法，\n> 结合本市\"专精特新\"名单");
    expect(md).toContain("- 状态: 采纳\n");
    expect(md.match(/优先级/g)?.length).toBe(1);
  });

  it("names a document without a title by city, kind and year, and writes words in English", () => {
    const md = annotationsMarkdown([item({ city: "临沂市", document_title: "临沂市 2021 年度工作计划", period: "2021", annotation: { ...item().annotation, draft: { status: "not_applicable", priority: 3, tags: [], note: "", owner: "" } } })], "en");
    expect(md).toContain("## 临沂市 2021 年度工作计划\n");
    expect(md).not.toContain("—");
    expect(md).toContain("- Status: Not applicable\n- Priority: Low\n");
    expect(documentHeading(item({ city: "临沂市", document_title: "科技创新工作思路", period: "2021" }))).toBe("临沂市 · 科技创新工作思路 · 2021");
  });
});

describe("comparison CSV", () => {
  it("writes one line per figure with its document, role, year and quote", () => {
    const c: Comparison = {
      documents: [
        { id: 1, title: null, city: "滨州市", province: null, kind: "annual_work_plan", period: { start: 2023, end: 2023 }, issuer: null, doc_number: null, published: null, source_name: "a", imported_at: "", tasks: 0, targets: 0, warnings: 0, version: 1, superseded_by: null, level: null, corrected: false },
        { id: 2, title: null, city: "日照市", province: null, kind: "five_year_plan", period: { start: 2021, end: 2025 }, issuer: null, doc_number: null, published: null, source_name: "b", imported_at: "", tasks: 0, targets: 0, warnings: 0, version: 1, superseded_by: null, level: null, corrected: false },
      ],
      rows: [
        {
          indicator_id: "high_tech_enterprises",
          kind: "stock",
          label: "高新技术企业",
          cells: [
            { document_id: 2, figures: [{ target_id: 5, document_id: 2, quote: "高新技术企业达到500家以上", start: 0, value: 500, value_high: null, unit: "家", qualifier: "at_least", kind: "stock", role: "target", year: 2025, normalized: null, mentions: [], corrected: false, changes: [] }], headline: 0, notes: [] },
            { document_id: 1, figures: [], headline: null, notes: [] },
          ],
        },
      ],
      others: [],
    };
    const csv = comparisonCsv(c, {
      header: ["indicator", "id", "kind", "document", "city", "period", "role", "year", "figure", "value", "value_high", "unit", "qualifier", "quote", "notes", "target"],
      document: (d) => (d.id === 1 ? "滨州 2023" : "日照 十四五"),
      period: (d) => (d.period ? `${d.period.start}–${d.period.end}` : ""),
      row: (r) => r.label,
      kind: (k) => k,
      role: (r) => (r === "target" ? "目标" : "基期"),
      qualifier: (q) => q,
      note: (n) => n,
      figure: (f) => `${f.value}${f.unit}`,
    });
    expect(csv).toBe(
      "\ufeffindicator,id,kind,document,city,period,role,year,figure,value,value_high,unit,qualifier,quote,notes,target\r\n" +
        "高新技术企业,high_tech_enterprises,stock,日照 十四五,日照市,2021–2025,目标,2025,500家,500,,家,at_least,高新技术企业达到500家以上,,5\r\n",
    );
  });
});
