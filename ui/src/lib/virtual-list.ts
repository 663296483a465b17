/**
 * A virtualised list of fixed-height rows: only the rows in view (plus a
 * margin) exist in the DOM, so lists of thousands of items stay fast.
 * Keyboard: the list is one tab stop; arrows, Page Up/Down, Home/End move the
 * active row, Enter or Space activates it.
 */
import { h } from "./dom";

/** The half-open range of row indices to render. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Rows to render for a scroll position: those intersecting the viewport,
 * widened by `overscan` rows each side, clamped to `[0, count)`.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): Range {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The scrollTop that brings row `index` fully into view, or `null` when it is
 * already visible.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Options of a `VirtualList`. */
export interface VirtualListOptions<T> {
  /** Row height in CSS pixels (every row has it). */
  rowHeight: number;
  /** Builds a row's content. Called only for rows in view. */
  render: (item: T, index: number) => HTMLElement;
  /** Called on click, Enter or Space. */
  onActivate?: (item: T, index: number) => void;
  /** Accessible name of the list. */
  label: string;
  /** Viewport height to assume when layout reports none (tests). */
  fallbackHeight?: number;
  /** Extra class of the scroll container. */
  className?: string;
}

let nextListId = 0;

/** The list component. `el` is its scroll container. */
export class VirtualList<T> {
  readonly el: HTMLDivElement;
  private readonly inner: HTMLDivElement;
  private items: T[] = [];
  private rendered = new Map<number, HTMLElement>();
  private active = -1;
  private readonly id = `vl${nextListId++}`;
  private frame = 0;

  constructor(private readonly opts: VirtualListOptions<T>) {
    this.inner = h("div", { class: "vl-inner" });
    this.el = h(
      "div",
      {
        class: `vl ${opts.className ?? ""}`,
        role: "listbox",
        tabindex: "0",
        "aria-label": opts.label,
        onScroll: () => this.schedule(),
        onKeydown: (e: KeyboardEvent) => this.onKey(e),
        onClick: (e: MouseEvent) => this.onClick(e),
      },
      this.inner,
    );
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => this.schedule()).observe(this.el);
    }
  }

  /** Replaces the items and re-renders what is in view. */
  setItems(items: T[]): void {
    this.items = items;
    this.active = Math.min(this.active, items.length - 1);
    this.inner.style.height = `${items.length * this.opts.rowHeight}px`;
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.update();
  }

  /** Re-renders the rows in view (after their data changed). */
  refresh(): void {
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.update();
  }

  /** Number of rows currently in the DOM (for tests). */
  get renderedCount(): number {
    return this.rendered.size;
  }

  /** The active row index, -1 when none. */
  get activeIndex(): number {
    return this.active;
  }

  /** Makes row `index` active and scrolls it into view. */
  setActive(index: number, scroll = true): void {
    if (this.items.length === 0) return;
    const i = Math.max(0, Math.min(this.items.length - 1, index));
    this.active = i;
    if (scroll) {
      const top = scrollToReveal(i, this.el.scrollTop, this.viewport(), this.opts.rowHeight);
      if (top !== null) this.el.scrollTop = top;
    }
    this.el.setAttribute("aria-activedescendant", `${this.id}-${i}`);
    this.update();
    for (const [idx, el] of this.rendered) el.setAttribute("aria-selected", String(idx === i));
  }

  private viewport(): number {
    return this.el.clientHeight || this.opts.fallbackHeight || 600;
  }

  private schedule(): void {
    if (this.frame) return;
    const raf = typeof requestAnimationFrame === "function" ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    this.frame = raf(() => {
      this.frame = 0;
      this.update();
    }) as unknown as number;
  }

  /** Renders the rows of the current window (synchronously). */
  update(): void {
    const { rowHeight } = this.opts;
    const r = visibleRange(this.el.scrollTop, this.viewport(), rowHeight, this.items.length);
    for (const [i, el] of this.rendered) {
      if (i < r.start || i >= r.end) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    for (let i = r.start; i < r.end; i++) {
      if (this.rendered.has(i)) continue;
      const row = this.opts.render(this.items[i], i);
      row.classList.add("vl-row");
      row.id = `${this.id}-${i}`;
      row.setAttribute("role", "option");
      row.setAttribute("aria-selected", String(i === this.active));
      row.dataset.index = String(i);
      row.style.top = `${i * rowHeight}px`;
      row.style.height = `${rowHeight}px`;
      this.inner.appendChild(row);
      this.rendered.set(i, row);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.items.length;
    if (n === 0) return;
    const page = Math.max(1, Math.floor(this.viewport() / this.opts.rowHeight) - 1);
    let next: number | null = null;
    switch (e.key) {
      case "ArrowDown":
        next = this.active + 1;
        break;
      case "ArrowUp":
        next = this.active <= 0 ? 0 : this.active - 1;
        break;
      case "PageDown":
        next = this.active + page;
        break;
      case "PageUp":
        next = this.active - page;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = n - 1;
        break;
      case "Enter":
      case " ":
        if (this.active >= 0) {
          e.preventDefault();
          this.opts.onActivate?.(this.items[this.active], this.active);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setActive(next);
  }

  private onClick(e: MouseEvent): void {
    const row = (e.target as HTMLElement).closest<HTMLElement>(".vl-row");
    if (!row || !this.inner.contains(row)) return;
    const i = Number(row.dataset.index);
    if (!Number.isInteger(i) || i < 0 || i >= this.items.length) return;
    this.setActive(i, false);
    this.opts.onActivate?.(this.items[i], i);
  }
}
