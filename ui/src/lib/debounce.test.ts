import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DebouncedSaver, type SaveState } from "./debounce";

describe("DebouncedSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once after typing pauses, with the last value", async () => {
    const saved: string[] = [];
    const states: SaveState[] = [];
    const s = new DebouncedSaver<string>(async (v) => void saved.push(v), 500, (st) => states.push(st));
    s.update("a");
    s.update("ab");
    await vi.advanceTimersByTimeAsync(300);
    s.update("abc");
    await vi.advanceTimersByTimeAsync(499);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["abc"]);
    expect(s.state).toBe("saved");
    expect(states.filter((x) => x !== "pending")).toEqual(["saving", "saved"]);
  });

  it("never overlaps saves and saves an edit made during a save", async () => {
    let active = 0;
    let maxActive = 0;
    const saved: number[] = [];
    let release: () => void = () => {};
    const s = new DebouncedSaver<number>(
      (v) =>
        new Promise<void>((resolve) => {
          active++;
          maxActive = Math.max(maxActive, active);
          release = () => {
            active--;
            saved.push(v);
            resolve();
          };
        }),
      100,
    );
    s.update(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(s.state).toBe("saving");
    s.update(2);
    await vi.advanceTimersByTimeAsync(100);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1, 2]);
    expect(maxActive).toBe(1);
    expect(s.state).toBe("saved");
  });

  it("flushes immediately and reports errors", async () => {
    const errors: unknown[] = [];
    const s = new DebouncedSaver<string>(
      async () => {
        throw new Error("disk full");
      },
      1000,
      (st, e) => st === "error" && errors.push(e),
    );
    s.update("x");
    await s.flush();
    expect(s.state).toBe("error");
    expect(String(errors[0])).toContain("disk full");
  });

  it("cancel drops the pending edit", async () => {
    const save = vi.fn(async () => {});
    const s = new DebouncedSaver<string>(save, 100);
    s.update("x");
    s.cancel();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).not.toHaveBeenCalled();
    expect(s.state).toBe("idle");
  });
});
