/** Navigation through the presenter deck. */

/** Keys the presenter reacts to. */
export type DeckAction = "next" | "prev" | "first" | "last" | "exit" | null;

/** Maps a key to a deck action (arrows, Page Up/Down, space, Home/End, Esc). */
export function deckAction(key: string): DeckAction {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return "prev";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Escape":
      return "exit";
    default:
      return null;
  }
}

/** The position in a deck of `length` slides; stays in range as slides change. */
export class DeckNav {
  private i = 0;
  constructor(private len: number) {}

  /** Current slide index (0 when the deck is empty). */
  get index(): number {
    return this.i;
  }

  /** Number of slides. */
  get length(): number {
    return this.len;
  }

  /** Updates the slide count, keeping the index in range. */
  setLength(n: number): void {
    this.len = Math.max(0, n);
    this.i = Math.max(0, Math.min(this.i, this.len - 1));
  }

  /** Applies an action; returns whether the index changed. */
  apply(a: DeckAction): boolean {
    const before = this.i;
    const last = Math.max(0, this.len - 1);
    if (a === "next") this.i = Math.min(last, this.i + 1);
    else if (a === "prev") this.i = Math.max(0, this.i - 1);
    else if (a === "first") this.i = 0;
    else if (a === "last") this.i = last;
    return this.i !== before;
  }

  /** Jumps to a slide (clamped). */
  go(i: number): void {
    this.i = Math.max(0, Math.min(Math.max(0, this.len - 1), i));
  }
}
