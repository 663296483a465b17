import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
  });
}

describe("platform boundary", () => {
  const src = join(__dirname, "..");
  it("only platform/tauri.ts imports @tauri-apps", () => {
    const offenders = files(src)
      .filter((f) => !f.endsWith(".test.ts"))
      .filter((f) => /from\s+["']@tauri-apps\//.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(offenders).toEqual(["platform/tauri.ts"]);
  });

  it("keeps UI text in the dictionaries (no Chinese literals in views)", () => {
    const offenders = files(src)
      .filter((f) => !f.endsWith(".test.ts"))
      .filter((f) => /(views|components)\/|app\.ts$|main\.ts$/.test(relative(src, f)))
      .filter((f) => /[\u4e00-\u9fff]/.test(readFileSync(f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "")))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });

  it("never writes HTML from strings", () => {
    const offenders = files(src)
      .filter((f) => !f.endsWith(".test.ts"))
      .filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
