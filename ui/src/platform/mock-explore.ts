/**
 * Search, similar items and themes for the mock platform: simple, honest
 * stand-ins for the core's FTS5 search, TF-IDF similarity and keyword
 * classifier, so views can be tested without the shell. Offsets are
 * character offsets, as the core's.
 */
import type {
  DocumentDetail,
  SearchHitDto,
  SearchResults,
  SynonymDto,
  SearchRequest,
  SimilarTask,
  TaskDto,
  TaskPair,
  TaskSide,
  ThemeInfo,
} from "./bindings";
import { AppError } from "./errors";
import { findTerms } from "../lib/terms";
import { documentLabel } from "../lib/format";

/** The taxonomy of the mock, with a few keywords per theme. */
export const MOCK_THEMES: (ThemeInfo & { keywords: string[] })[] = [
  { id: "platforms", zh: "创新平台", en: "Innovation platforms", keywords: ["实验室", "技术创新中心", "工程技术研究中心", "创新平台", "研发机构"] },
  { id: "enterprises", zh: "企业培育", en: "Enterprise cultivation", keywords: ["高新技术企业", "科技型中小企业", "企业"] },
  { id: "talent", zh: "科技人才", en: "Talent", keywords: ["人才", "团队", "院士"] },
  { id: "transfer", zh: "成果转化与技术转移", en: "Technology transfer and commercialisation", keywords: ["成果转化", "技术合同", "技术转移"] },
  { id: "finance", zh: "科技金融", en: "S&T finance", keywords: ["金融", "贷款", "基金", "资金"] },
  { id: "agriculture", zh: "农业农村与乡村振兴", en: "Agriculture and rural revitalisation", keywords: ["农业", "乡村", "特派员"] },
  { id: "reform", zh: "体制改革与政策", en: "Institutional reform and policy", keywords: ["改革", "政策", "机制"] },
  { id: "cooperation", zh: "开放与区域合作", en: "Open and regional cooperation", keywords: ["合作", "协同", "开放"] },
  { id: "key_tech", zh: "关键技术与产业", en: "Key technologies and industries", keywords: ["关键核心技术", "产业", "攻关"] },
  { id: "parks", zh: "园区与区域布局", en: "Parks and regional layout", keywords: ["园区", "高新区", "孵化"] },
  { id: "society", zh: "民生、绿色与数字社会", en: "Livelihood, green and digital society", keywords: ["民生", "绿色", "数字", "健康"] },
  { id: "governance", zh: "党建与治理", en: "Party building and governance", keywords: ["党建", "监督", "诚信"] },
];

/** Themes of a text: each theme with a keyword in it, confidence by hits. */
export function mockClassify(text: string): { theme: string; confidence: number }[] {
  const out: { theme: string; confidence: number }[] = [];
  for (const t of MOCK_THEMES) {
    const hits = findTerms(text, t.keywords).length;
    if (hits > 0) out.push({ theme: t.id, confidence: Math.round((1 - Math.exp(-hits / 2)) * 100) / 100 });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.theme.localeCompare(b.theme));
}

const SNIPPET_CONTEXT = 30;

/** The mock's indicator synonyms (the core reads them from `data/indicators.toml`). */
export const MOCK_SYNONYMS: { id: string; zh: string; en: string; phrases: string[] }[] = [
  { id: "rd_intensity", zh: "研发投入强度(研发经费占GDP比重)", en: "R&D intensity (R&D expenditure as % of GDP)", phrases: ["研发投入强度", "研发经费投入强度", "投入强度", "占GDP比重"] },
  { id: "high_tech_enterprises", zh: "高新技术企业", en: "High-tech enterprises", phrases: ["高新技术企业", "高企"] },
];

/** Search over task items: every term (or one of its synonyms) must occur; more occurrences rank higher. */
export function mockSearch(docs: DocumentDetail[], req: SearchRequest, themesOf: (taskId: number) => string[]): SearchResults {
  const raw = req.query.split(/\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (raw.length === 0) throw new AppError("invalid_input", `the query "${req.query}" has nothing to search for`);
  const synonyms: SynonymDto[] = [];
  const groups: string[][] = raw.map((term) => {
    if (!req.synonyms) return [term];
    const named = MOCK_SYNONYMS.filter((x) => x.phrases.includes(term) || x.zh === term);
    if (!named.length) return [term];
    const all = [...new Set(named.flatMap((x) => x.phrases))].filter((p) => !p.includes(term));
    const phrases = all.filter((p) => !req.drop_synonyms.includes(p));
    synonyms.push({ term, indicators: named.map((x) => ({ id: x.id, zh: x.zh, en: x.en })), phrases, dropped: all.filter((p) => req.drop_synonyms.includes(p)) });
    return [term, ...phrases];
  });
  const excluded = new Set(req.exclude_cities.map((c) => c.replace(/市$/, "")));
  const hits: SearchHitDto[] = [];
  for (const d of docs) {
    const s = d.summary;
    if (excluded.has((s.city ?? "").replace(/市$/, ""))) continue;
    if (req.city && (s.city ?? "").replace(/市$/, "") !== req.city.replace(/市$/, "")) continue;
    if (req.year !== null && !(s.period && s.period.start <= req.year && req.year <= s.period.end)) continue;
    if (req.kind && s.kind !== req.kind) continue;
    const chars = Array.from(d.text);
    for (const task of d.tasks) {
      const section = d.sections[task.section];
      if (req.role && section?.role !== req.role) continue;
      if (req.theme && !themesOf(task.id).includes(req.theme)) continue;
      const body = chars.slice(task.start, task.end).join("");
      if (!groups.every((g) => g.some((term) => findTerms(body, [term]).length > 0))) continue;
      const local = findTerms(body, groups.flat());
      const first = local[0];
      const from = Math.max(0, first.start - SNIPPET_CONTEXT);
      const to = Math.min(task.end - task.start, first.end + SNIPPET_CONTEXT);
      hits.push({
        document_id: s.id,
        document_title: documentLabel(s),
        city: s.city,
        year: s.period?.start ?? null,
        kind: s.kind,
        section_path: task.path,
        section_title: task.title,
        role: section?.role ?? "other",
        task_id: task.id,
        unit: { start: task.start, end: task.end },
        score: local.length,
        hits: local.map((x) => ({ start: task.start + x.start, end: task.start + x.end })),
        snippet: Array.from(body).slice(from, to).join("").replace(/[\r\n\t]/g, " "),
        highlights: local.filter((x) => x.start >= from && x.end <= to).map((x) => ({ start: x.start - from, end: x.end - from })),
      });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.document_id - b.document_id || a.unit.start - b.unit.start);
  return { hits: hits.slice(0, req.limit || 20), synonyms };
}

/** Character bigrams of the CJK runs of a text: the mock's content words. */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    const c = Array.from(run);
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i] + c[i + 1]);
  }
  return out;
}

function findTask(docs: DocumentDetail[], taskId: number): { d: DocumentDetail; t: TaskDto } {
  for (const d of docs) {
    const t = d.tasks.find((x) => x.id === taskId);
    if (t) return { d, t };
  }
  throw new AppError("not_found", `no task item with id ${taskId}`);
}

/** Items of other documents by Jaccard overlap of bigrams. */
export function mockSimilar(docs: DocumentDetail[], taskId: number, top: number): SimilarTask[] {
  const q = findTask(docs, taskId);
  const qb = bigrams(q.t.text);
  const out: SimilarTask[] = [];
  for (const d of docs) {
    if (d.summary.id === q.d.summary.id) continue;
    for (const t of d.tasks) {
      const b = bigrams(t.text);
      let common = 0;
      for (const x of b) if (qb.has(x)) common++;
      const union = qb.size + b.size - common;
      if (common === 0 || union === 0) continue;
      out.push({
        task_id: t.id,
        document_id: d.summary.id,
        document_title: documentLabel(d.summary),
        city: d.summary.city,
        path: t.path,
        title: t.title,
        score: Math.round((common / union) * 1000) / 1000,
      });
    }
  }
  out.sort((a, b) => b.score - a.score || a.task_id - b.task_id);
  return out.slice(0, Math.max(1, top));
}

/** Two items side by side; shared terms are the bigrams both contain. */
export function mockPair(docs: DocumentDetail[], left: number, right: number): TaskPair {
  const l = findTask(docs, left);
  const r = findTask(docs, right);
  const rb = bigrams(r.t.text);
  const terms = [...bigrams(l.t.text)].filter((x) => rb.has(x));
  const side = ({ d, t }: { d: DocumentDetail; t: TaskDto }): TaskSide => ({
    task_id: t.id,
    document_id: d.summary.id,
    document_title: documentLabel(d.summary),
    city: d.summary.city,
    path: t.path,
    title: t.title,
    body: t.text,
    start: t.start,
    shared: findTerms(t.text, terms),
  });
  return { left: side(l), right: side(r), terms };
}
