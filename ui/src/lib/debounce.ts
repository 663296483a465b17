/**
 * Saving as you type: edits are collected and saved once typing pauses.
 * The state (`idle` → `pending` → `saving` → `saved` | `error`) drives the
 * visible saved indicator. Saves never overlap: an edit made while a save is
 * running is saved right after it.
 */
export type SaveState = "idle" | "pending" | "saving" | "saved" | "error";

/** Timer functions, replaceable in tests. */
export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Debounced saver of values of type `T`. */
export class DebouncedSaver<T> {
  private timer: unknown = null;
  private pendingValue: { v: T } | null = null;
  private running: Promise<void> | null = null;
  private stateValue: SaveState = "idle";

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly delayMs: number,
    private readonly onState: (s: SaveState, error?: unknown) => void = () => {},
    private readonly timers: Timers = realTimers,
  ) {}

  /** The current state. */
  get state(): SaveState {
    return this.stateValue;
  }

  /** Records an edit; the save happens `delayMs` after the last edit. */
  update(value: T): void {
    this.pendingValue = { v: value };
    this.setState("pending");
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Saves the pending edit now (e.g. when leaving the editor). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    const p = this.pendingValue;
    if (!p) return;
    this.pendingValue = null;
    this.setState("saving");
    this.running = (async () => {
      try {
        await this.save(p.v);
        this.setState(this.pendingValue ? "pending" : "saved");
      } catch (e) {
        this.setState("error", e);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    if (this.pendingValue && this.timer === null) await this.flush();
  }

  /** Drops a pending edit without saving it. */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.pendingValue = null;
    if (this.stateValue === "pending") this.setState("idle");
  }

  private setState(s: SaveState, error?: unknown): void {
    this.stateValue = s;
    this.onState(s, error);
  }
}
