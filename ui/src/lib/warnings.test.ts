import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { warningText } from "./warnings";

afterEach(() => setLocale("zh"));

const w = (code: string, message: string) => ({ code, message, start: 10 });

describe("parse warnings in words", () => {
  it("builds the sentence from the code and the numbers, in both languages", () => {
    expect(warningText(w("numbering_gap", "20 follows 18: 19 missing"))).toBe("编号 20 紧接 18：缺少 19");
    expect(warningText(w("numbering_gap", "五 follows 三: 四 missing"))).toBe("编号 五 紧接 三：缺少 四");
    expect(warningText(w("numbering_gap", "numbering starts at (三) instead of (一)"))).toBe("编号从 (三) 开始，而不是 (一)");
    expect(warningText(w("numbering_out_of_order", "(2) follows (5): numbering goes back"))).toBe("编号 (2) 紧接 (5)：编号倒退");
    expect(warningText(w("numbering_gap", "(4) opens a level expected to start at (1) or (2): (2), (3) missing"))).toBe(
      "编号 (4) 开启新的层级，应从 (1) 或 (2) 开始：缺少 (2), (3)",
    );
    setLocale("en");
    expect(warningText(w("numbering_gap", "20 follows 18: 19 missing"))).toBe("Item 20 follows 18: 19 missing");
    expect(warningText(w("rules_unavailable", "rules.toml: bad"))).toBe("The structure rules could not be loaded; the outline may be incomplete");
  });

  it("never shows a code or an unknown message", () => {
    expect(warningText(w("numbering_gap", "something new"))).toBe("编号有缺漏");
    expect(warningText(w("future_code", "whatever"))).toBe("解析时发现问题");
  });
});
