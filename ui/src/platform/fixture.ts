/**
 * Plan documents for the mock platform (tests and `npm run dev` in a
 * browser), built from an outline so offsets are always consistent. The
 * texts are written in the style of real municipal plans; `generatePlan`
 * makes large plans for performance tests.
 */
import type {
  BindingDto,
  DocumentDetail,
  DocumentSummary,
  PlanKind,
  Qualifier,
  SectionDto,
  SectionRole,
  TableDto,
  TargetDto,
  TargetKind,
  TargetRole,
  TaskDto,
} from "./bindings";

/** A figure inside a task item's text. */
export interface FigureSpec {
  /** The exact words quoted; must occur in the item text. */
  quote: string;
  indicator: string;
  indicatorId: string | null;
  value: number;
  valueHigh?: number;
  unit: string;
  qualifier?: Qualifier;
  kind?: TargetKind;
  role?: TargetRole;
  year?: number;
  /** Normalised value and unit, when the unit is not already the base unit. */
  normalized?: { value: number; unit: string };
}

/** A task item of the outline. */
export interface ItemSpec {
  marker: string;
  title: string;
  body: string;
  figures?: FigureSpec[];
}

/** A top-level section with its items. */
export interface SectionSpec {
  marker: string;
  title: string;
  role: SectionRole;
  /** Free paragraphs before the items. */
  intro?: string;
  /** An indicator table (主要指标表) after the intro. */
  table?: TableSpec;
  items: ItemSpec[];
}

/** A figure read from a cell of an indicator table (its quote is the cell text). */
export interface CellFigureSpec extends Omit<FigureSpec, "quote"> {
  row: number;
  column: number;
  binding?: BindingDto | null;
}

/** An indicator table: rows of cell texts, laid out one row a line with tabs between cells. */
export interface TableSpec {
  rows: string[][];
  figures: CellFigureSpec[];
}

/** A whole plan. */
export interface PlanSpec {
  id: number;
  title: string;
  city: string;
  province: string;
  kind: PlanKind;
  period: [number, number];
  issuer: string | null;
  sections: SectionSpec[];
  warnings?: { code: string; message: string }[];
  /** Version number among plans of the same city, kind and period (default 1). */
  version?: number;
  /** Id of the plan that replaced this one. */
  supersededBy?: number;
}

const cpLen = (s: string) => Array.from(s).length;

/** Builds the document from an outline; task ids start at `firstTaskId`. */
export function buildDocument(spec: PlanSpec, firstTaskId: number, firstTargetId: number): DocumentDetail {
  let text = "";
  let len = 0;
  const add = (s: string) => {
    text += s;
    len += cpLen(s);
  };
  add(`${spec.title}\n\n`);
  const sections: SectionDto[] = [];
  const tasks: TaskDto[] = [];
  const targets: TargetDto[] = [];
  const tables: TableDto[] = [];
  let taskId = firstTaskId;
  let targetId = firstTargetId;
  const top = toChineseNumber;
  spec.sections.forEach((s, si) => {
    const secIndex = sections.length;
    const secStart = len;
    const path = top(si + 1);
    add(`${s.marker}${s.title}\n\n`);
    if (s.intro) add(`${s.intro}\n\n`);
    if (s.table) {
      const index = tables.length;
      const table: TableDto = { index, start: len, end: len, rows: [] };
      for (const row of s.table.rows) {
        table.rows.push(
          row.map((text, c) => {
            if (c > 0) add("\t");
            const cell = { text, start: len, end: len + cpLen(text) };
            add(text);
            return cell;
          }),
        );
        add("\n");
      }
      table.end = len;
      add("\n");
      tables.push(table);
      for (const f of s.table.figures) {
        const cell = table.rows[f.row][f.column];
        targets.push({
          id: targetId++,
          document_id: spec.id,
          quote: cell.text,
          start: cell.start,
          end: cell.end,
          indicator: f.indicator,
          indicator_id: f.indicatorId,
          value: f.value,
          value_high: f.valueHigh ?? null,
          unit: f.unit,
          qualifier: f.qualifier ?? "exact",
          kind: f.kind ?? "stock",
          role: f.role ?? "target",
          year: f.year ?? spec.period[1],
          section: path,
          task: null,
          normalized: { value: f.value, value_high: f.valueHigh ?? null, unit: f.unit },
          cell: { table: index, row: f.row, column: f.column, binding: f.binding ?? null },
          corrected: false,
          not_a_target: false,
          merged_into: null,
          changes: [],
        });
      }
    }
    sections.push({
      marker: s.marker,
      number: si + 1,
      level: 1,
      title: s.title,
      role: s.role,
      start: secStart,
      end: secStart,
      parent: null,
      path,
    });
    s.items.forEach((it, ii) => {
      const start = len;
      const itemPath = `${path}/(${top(ii + 1)})`;
      const body = `${it.title}。${it.body}`;
      add(`${it.marker}`);
      const bodyStart = len;
      add(body);
      const end = len;
      add("\n\n");
      sections.push({
        marker: it.marker,
        number: ii + 1,
        level: 2,
        title: it.title,
        role: s.role,
        start,
        end,
        parent: secIndex,
        path: itemPath,
      });
      const ordinal = tasks.length;
      if (s.role === "tasks" || s.role === "goals") {
        tasks.push({
          id: taskId++,
          ordinal,
          section: sections.length - 1,
          path: itemPath,
          title: it.title,
          text: body,
          start,
          end,
        });
      }
      for (const f of it.figures ?? []) {
        const at = body.indexOf(f.quote);
        if (at < 0) throw new Error(`fixture: quote not in item: ${f.quote}`);
        const qStart = bodyStart + cpLen(body.slice(0, at));
        targets.push({
          id: targetId++,
          document_id: spec.id,
          quote: f.quote,
          start: qStart,
          end: qStart + cpLen(f.quote),
          indicator: f.indicator,
          indicator_id: f.indicatorId,
          value: f.value,
          value_high: f.valueHigh ?? null,
          unit: f.unit,
          qualifier: f.qualifier ?? "exact",
          kind: f.kind ?? "stock",
          role: f.role ?? "target",
          year: f.year ?? spec.period[1],
          section: itemPath,
          task: s.role === "tasks" || s.role === "goals" ? ordinal : null,
          normalized: f.normalized
            ? { value: f.normalized.value, value_high: null, unit: f.normalized.unit }
            : { value: f.value, value_high: f.valueHigh ?? null, unit: f.unit },
          cell: null,
          corrected: false,
          not_a_target: false,
          merged_into: null,
          changes: [],
        });
      }
    });
    sections[secIndex].end = len;
  });
  const summary: DocumentSummary = {
    id: spec.id,
    title: spec.title,
    city: spec.city,
    province: spec.province,
    kind: spec.kind,
    period: { start: spec.period[0], end: spec.period[1] },
    issuer: spec.issuer,
    doc_number: null,
    published: null,
    source_name: `${spec.city}-${spec.period[0]}.txt`,
    imported_at: "2026-01-05T08:00:00Z",
    tasks: tasks.length,
    targets: targets.length,
    warnings: spec.warnings?.length ?? 0,
    version: spec.version ?? 1,
    superseded_by: spec.supersededBy ?? null,
    level: null,
    corrected: false,
  };
  return {
    summary,
    text,
    sections,
    tasks,
    targets: targets.sort((a, b) => a.start - b.start),
    tables,
    warnings: (spec.warnings ?? []).map((w) => ({ ...w, start: null })),
    noise: [],
  };
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 35 → 三十五, 2000 → 二千 (for markers up to 9999). */
export function toChineseNumber(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 1000) {
    const r = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${r === 0 ? "" : r < 10 ? `零${DIGITS[r]}` : r < 20 ? `一${toChineseNumber(r)}` : toChineseNumber(r)}`;
  }
  if (n < 10000) {
    const r = n % 1000;
    return `${DIGITS[Math.floor(n / 1000)]}千${r === 0 ? "" : r < 100 ? `零${r >= 10 && r < 20 ? "一" : ""}${toChineseNumber(r)}` : toChineseNumber(r)}`;
  }
  return String(n);
}

const HTE = "high_tech_enterprises";

/** The plans the mock starts with. */
export const SAMPLE_PLANS: PlanSpec[] = [
  {
    id: 1,
    title: "2023年全市科技工作要点",
    city: "滨州市",
    province: "山东省",
    kind: "annual_work_plan",
    period: [2023, 2023],
    issuer: "滨州市科学技术局",
    sections: [
      {
        marker: "一、",
        title: "总体要求",
        role: "guidance",
        intro:
          "以习近平新时代中国特色社会主义思想为指导，深入实施创新驱动发展战略，加快建设高水平创新型城市。",
        items: [],
      },
      {
        marker: "二、",
        title: "重点任务",
        role: "tasks",
        items: [
          {
            marker: "（一）",
            title: "壮大高新技术企业群体",
            body: "实施高新技术企业倍增计划，全年新增高新技术企业100家以上，总数达到650家；科技型中小企业入库1200家。",
            figures: [
              { quote: "新增高新技术企业100家以上", indicator: "高新技术企业", indicatorId: HTE, value: 100, unit: "家", qualifier: "at_least", kind: "increment" },
              { quote: "总数达到650家", indicator: "高新技术企业总数", indicatorId: HTE, value: 650, unit: "家" },
              { quote: "科技型中小企业入库1200家", indicator: "科技型中小企业", indicatorId: "tech_smes", value: 1200, unit: "家" },
            ],
          },
          {
            marker: "（二）",
            title: "提升研发投入强度",
            body: "引导企业加大研发投入，全社会研发经费投入强度达到2.6%，规模以上工业企业研发机构覆盖率达到45%。",
            figures: [
              { quote: "全社会研发经费投入强度达到2.6%", indicator: "全社会研发经费投入强度", indicatorId: "rd_intensity", value: 2.6, unit: "%", kind: "rate" },
            ],
          },
          {
            marker: "（三）",
            title: "建设高能级创新平台",
            body: "争创省级重点实验室2家、省级技术创新中心1家，新建市级工程技术研究中心30家。",
            figures: [
              { quote: "新建市级工程技术研究中心30家", indicator: "市级工程技术研究中心", indicatorId: null, value: 30, unit: "家", kind: "increment" },
            ],
          },
        ],
      },
      {
        marker: "三、",
        title: "保障措施",
        role: "safeguards",
        items: [
          { marker: "（一）", title: "加强组织领导", body: "建立市县联动工作机制，定期调度重点任务进展。" },
        ],
      },
    ],
  },
  {
    id: 2,
    title: "日照市“十四五”科技创新发展规划",
    city: "日照市",
    province: "山东省",
    kind: "five_year_plan",
    period: [2021, 2025],
    issuer: "日照市人民政府",
    warnings: [{ code: "numbering_gap", message: "（三）之后缺少（四）" }],
    sections: [
      {
        marker: "一、",
        title: "发展基础",
        role: "background",
        intro: "“十三五”期间，全市高新技术企业达到215家，全社会研发经费支出达到55.15亿元。",
        items: [],
      },
      {
        marker: "二、",
        title: "主要目标",
        role: "goals",
        table: {
          rows: [
            ["序号", "指标", "单位", "2020年", "2025年", "属性"],
            ["1", "高新技术企业数量", "家", "215", "≥500", "预期性"],
            ["2", "全社会研发经费投入强度", "%", "2.1", "2.5", "约束性"],
            ["3", "技术合同成交额", "亿元", "—", "30", ""],
          ],
          figures: [
            { row: 1, column: 3, indicator: "高新技术企业数量", indicatorId: null, value: 215, unit: "家", role: "baseline", year: 2020, binding: "expected" },
            { row: 1, column: 4, indicator: "高新技术企业数量", indicatorId: null, value: 500, unit: "家", qualifier: "at_least", year: 2025, binding: "expected" },
            { row: 2, column: 3, indicator: "全社会研发经费投入强度", indicatorId: null, value: 2.1, unit: "%", kind: "rate", role: "baseline", year: 2020, binding: "binding" },
            { row: 2, column: 4, indicator: "全社会研发经费投入强度", indicatorId: null, value: 2.5, unit: "%", kind: "rate", year: 2025, binding: "binding" },
            { row: 3, column: 4, indicator: "技术合同成交额", indicatorId: null, value: 30, unit: "亿元", year: 2025 },
          ],
        },
        items: [
          {
            marker: "（一）",
            title: "创新主体更加壮大",
            body: "到2025年，高新技术企业数量达到500家以上，科技型中小企业达到1000家。",
            figures: [
              { quote: "高新技术企业数量达到500家以上", indicator: "高新技术企业数量", indicatorId: HTE, value: 500, unit: "家", qualifier: "at_least", year: 2025 },
              { quote: "科技型中小企业达到1000家", indicator: "科技型中小企业", indicatorId: "tech_smes", value: 1000, unit: "家", year: 2025 },
            ],
          },
          {
            marker: "（二）",
            title: "创新投入持续增加",
            body: "全社会研发经费投入强度达到2.5%左右，技术合同成交额达到30亿元。",
            figures: [
              { quote: "全社会研发经费投入强度达到2.5%左右", indicator: "全社会研发经费投入强度", indicatorId: "rd_intensity", value: 2.5, unit: "%", qualifier: "about", kind: "rate", year: 2025 },
              { quote: "技术合同成交额达到30亿元", indicator: "技术合同成交额", indicatorId: "tech_contract_value", value: 30, unit: "亿元", year: 2025, normalized: { value: 3e9, unit: "元" } },
            ],
          },
        ],
      },
      {
        marker: "三、",
        title: "重点任务",
        role: "tasks",
        items: [
          {
            marker: "（一）",
            title: "实施创新主体培育工程",
            body: "建立“科技型中小企业—高新技术企业—领军企业”梯次培育体系，每年新增高新技术企业50家左右。",
            figures: [
              { quote: "每年新增高新技术企业50家左右", indicator: "高新技术企业", indicatorId: HTE, value: 50, unit: "家", qualifier: "about", kind: "increment" },
            ],
          },
          {
            marker: "（二）",
            title: "推进科技成果转移转化",
            body: "完善技术转移服务体系，建设技术转移示范机构5家，培育技术经纪人100名。",
            figures: [
              { quote: "建设技术转移示范机构5家", indicator: "技术转移示范机构", indicatorId: null, value: 5, unit: "家", kind: "increment" },
            ],
          },
          {
            marker: "（三）",
            title: "集聚高层次创新人才",
            body: "引进培育高层次创新创业人才（团队）100个，柔性引进院士专家20名以上。",
            figures: [],
          },
        ],
      },
    ],
  },
  {
    id: 3,
    title: "丹东市科技创新三年行动实施方案",
    city: "丹东市",
    province: "辽宁省",
    kind: "implementation_plan",
    period: [2020, 2022],
    issuer: "丹东市科学技术局",
    sections: [
      {
        marker: "一、",
        title: "工作目标",
        role: "goals",
        items: [
          {
            marker: "（一）",
            title: "企业创新能力明显增强",
            body: "到2022年，全市高新技术企业达到150家，雏鹰、瞪羚企业达到80家。",
            figures: [
              { quote: "全市高新技术企业达到150家", indicator: "高新技术企业", indicatorId: HTE, value: 150, unit: "家", year: 2022 },
            ],
          },
        ],
      },
      {
        marker: "二、",
        title: "主要任务",
        role: "tasks",
        items: [
          {
            marker: "（一）",
            title: "加快科技企业培育",
            body: "落实研发费用加计扣除等政策，每年新增科技型中小企业100家以上。",
            figures: [
              { quote: "每年新增科技型中小企业100家以上", indicator: "科技型中小企业", indicatorId: "tech_smes", value: 100, unit: "家", qualifier: "at_least", kind: "increment" },
            ],
          },
        ],
      },
    ],
  },
];

/** A large five-year plan with `n` task items (for performance tests). */
export function generatePlan(id: number, n: number): PlanSpec {
  const areas = Math.max(1, Math.ceil(n / 100));
  const sections: SectionSpec[] = [];
  let made = 0;
  for (let a = 0; a < areas; a++) {
    const items: ItemSpec[] = [];
    for (let i = 0; i < 100 && made < n; i++, made++) {
      const count = 10 + ((made * 7) % 90);
      items.push({
        marker: `（${toChineseNumber(i + 1)}）`,
        title: `推进第${made + 1}项重点工作`,
        body: `围绕产业链部署创新链，支持企业建设研发机构${count}家，完善科技成果转化机制。`,
        figures: [
          { quote: `建设研发机构${count}家`, indicator: "企业研发机构", indicatorId: "enterprise_rd_centers", value: count, unit: "家", kind: "increment" },
        ],
      });
    }
    sections.push({ marker: `${toChineseNumber(a + 1)}、`, title: `重点任务领域${toChineseNumber(a + 1)}`, role: "tasks", items });
  }
  return {
    id,
    title: `大型城市“十四五”科技创新规划（${n}项任务）`,
    city: "测试市",
    province: "测试省",
    kind: "five_year_plan",
    period: [2021, 2025],
    issuer: null,
    sections,
  };
}
