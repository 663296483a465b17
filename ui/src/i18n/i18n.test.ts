import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { dictionaries, locale, onLocaleChange, setLocale, t } from "./index";
import { zh } from "./zh";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  afterEach(() => setLocale("zh"));

  it("have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it("use the same placeholders for every key", () => {
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
    }
  });

  it("have no empty strings except the exact qualifier", () => {
    for (const [name, d] of Object.entries(dictionaries)) {
      for (const [k, v] of Object.entries(d)) {
        if (k === "qualifier.exact") continue;
        expect(v.trim(), `${name}:${k}`).not.toBe("");
      }
    }
  });

  it("default to Chinese and switch to English", () => {
    expect(locale()).toBe("zh");
    expect(t("nav.library")).toBe("文档库");
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    setLocale("en");
    setLocale("en");
    off();
    setLocale("zh");
    expect(seen).toEqual(["en"]);
  });

  it("fill placeholders and keep unknown ones", () => {
    expect(t("library.importing", { done: 2, total: 5 })).toBe("正在导入 2/5");
    expect(t("library.importing", { done: 2 })).toBe("正在导入 2/{total}");
    setLocale("en");
    expect(t("annot.revision", { revision: 3, time: "2026-01-05 08:00" })).toBe("Revision 3 · 2026-01-05 08:00");
  });
});
