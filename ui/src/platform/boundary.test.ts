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

  it("never writes HTML from strings", () => {
    const offenders = files(src)
      .filter((f) => !f.endsWith(".test.ts"))
      .filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
