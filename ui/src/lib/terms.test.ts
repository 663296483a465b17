import { describe, expect, it } from "vitest";
import { findTerms, highlighted } from "./terms";

describe("terms", () => {
  it("finds terms by code point offsets, merging overlaps", () => {
    // 𠀀 is outside the BMP: two UTF-16 units, one character.
    const text = "𠀀加强人才引进，引进AI人才";
    expect(findTerms(text, ["人才", "ai"])).toEqual([
      { start: 3, end: 5 },
      { start: 10, end: 14 },
    ]);
    expect(findTerms(text, ["引进", "进，引"])).toEqual([{ start: 5, end: 10 }]);
    expect(findTerms("", ["人"])).toEqual([]);
    expect(findTerms("人", ["", "人才"])).toEqual([]);
  });

  it("wraps spans in marks and keeps the rest as text", () => {
    const box = document.createElement("p");
    box.append(...highlighted("𠀀孵化器建设<b>", [{ start: 1, end: 3 }, { start: 2, end: 9 }, { start: 40, end: 50 }], "hit"));
    expect(box.querySelectorAll("mark.hit")).toHaveLength(2);
    expect(box.querySelector("mark")?.textContent).toBe("孵化");
    expect(box.textContent).toBe("𠀀孵化器建设<b>");
    expect(box.querySelector("b")).toBeNull();
  });
});
