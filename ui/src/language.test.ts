/**
 * Switching the language re-renders everything on screen: after a switch to
 * English, no text node, label, title or placeholder of any view is still a
 * Chinese string of the dictionary (plan text itself stays as written).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, type ViewName } from "./app";
import { dictionaries, setLocale } from "./i18n";
import { buildDocument, SAMPLE_PLANS } from "./platform/fixture";
import { MockPlatform } from "./platform/mock";

const settle = async () => {
  for (let i = 0; i < 15; i++) await new Promise((r) => setTimeout(r, 0));
};

let mounted: App | null = null;

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  mounted?.dispose();
  setLocale("zh");
});

const CJK = /[\u4e00-\u9fff]/;
/** The Chinese strings of the dictionary, without placeholders (fixed text only). */
const ZH_LABELS = new Set(
  Object.values(dictionaries.zh)
    .filter((s) => CJK.test(s) && !s.includes("{"))
    .map((s) => s.trim()),
);
/** Chinese pieces of the placeholder strings (e.g. `共 {count} 份文档` → `份文档`). */
const ZH_PIECES = Object.values(dictionaries.zh)
  .filter((s) => s.includes("{"))
  .flatMap((s) => s.split(/\{\w+\}/))
  .map((s) => s.trim())
  .filter((s) => CJK.test(s) && s.length >= 2);

/** UI text of the page that is still Chinese, outside plan text. */
function chineseLeftovers(root: HTMLElement): string[] {
  const out: string[] = [];
  const plan = (el: Element | null) => !!el?.closest("[data-plan-text], .doc-text, .outline, .snippet, .task-text, .task-title, .pair-text, .shared-term, blockquote, .quote");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? "").trim();
    if (!text || !CJK.test(text) || plan(n.parentElement)) continue;
    if (ZH_LABELS.has(text) || ZH_PIECES.some((p) => text.includes(p))) out.push(`${n.parentElement?.tagName.toLowerCase()}.${n.parentElement?.className}: ${text}`);
  }
  for (const el of root.querySelectorAll<HTMLElement>("[aria-label], [title], [placeholder]")) {
    for (const a of ["aria-label", "title", "placeholder"]) {
      const v = el.getAttribute(a)?.trim();
      if (v && ZH_LABELS.has(v)) out.push(`${el.tagName.toLowerCase()}[${a}]: ${v}`);
    }
  }
  return [...new Set(out)];
}

async function mountAt() {
  const platform = new MockPlatform();
  const d1 = buildDocument(SAMPLE_PLANS[0], 1, 1);
  await platform.saveAnnotation(d1.tasks[0].id, { status: "adopt", priority: 1, tags: ["企业"], note: "参考其梯次培育做法", owner: "王" });
  mounted?.dispose();
  document.body.replaceChildren();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const app = new App(root, platform);
  mounted = app;
  return { app, root, platform, d1 };
}

const check = (root: HTMLElement) => expect(chineseLeftovers(root)).toEqual([]);

describe("Language switch", () => {
  it("re-renders the Library, Search, Annotations and Presenter in English", async () => {
    for (const [view, params] of [
      ["library", {}],
      ["search", { q: "企业" }],
      ["annotations", {}],
      ["presenter", {}],
    ] as [ViewName, Record<string, string>][]) {
      const { app, root } = await mountAt();
      app.navigate(view, params);
      await settle();
      setLocale("en");
      await settle();
      check(root);
      setLocale("zh");
    }
  });

  it("re-renders the Reader with a task item's annotation form and a target's record", async () => {
    const { app, root, d1 } = await mountAt();
    app.navigate("reader", { doc: 1, task: d1.tasks[0].id });
    await settle();
    root.querySelector<HTMLElement>("mark.target, mark[data-target]")?.click();
    await settle();
    expect(root.querySelector("[data-testid=annotation-editor], .annotation-editor")).not.toBeNull();
    setLocale("en");
    await settle();
    check(root);
  });

  it("re-renders Compare, Similar tasks and Themes", async () => {
    const { app, root, d1 } = await mountAt();
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
    setLocale("en");
    await settle();
    check(root);
    setLocale("zh");
    app.navigate("similar", { task: d1.tasks[0].id });
    await settle();
    root.querySelector<HTMLButtonElement>("[data-testid=similar-list] button, .similar-list button")?.click();
    await settle();
    setLocale("en");
    await settle();
    check(root);
    setLocale("zh");
    app.navigate("themes");
    await settle();
    root.querySelector<HTMLElement>("[data-testid=themes-table] td button, .themes-table td button")?.click();
    await settle();
    setLocale("en");
    await settle();
    check(root);
  });
});
