/**
 * A tiny element builder. Children that are strings become text nodes, so
 * document text can never be interpreted as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

/** Attributes and event handlers for `h`. `on*` keys take listeners. */
export type Props = Record<string, unknown>;

/** Creates an element with attributes, listeners and text-safe children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") {
        el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      } else if (k === "style") {
        // Through CSSOM, which a strict style-src CSP allows.
        el.style.cssText = String(v);
      } else if (k === "class") {
        el.className = String(v);
      } else if (k === "dataset" && typeof v === "object") {
        for (const [dk, dv] of Object.entries(v as Record<string, string>)) el.dataset[dk] = dv;
      } else if (k === "value" && "value" in el) {
        (el as HTMLInputElement).value = String(v);
      } else if (k === "checked" || k === "selected" || k === "disabled") {
        (el as unknown as Record<string, boolean>)[k] = Boolean(v);
      } else {
        el.setAttribute(k, v === true ? "" : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

/** Appends text-safe children. */
export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** Removes all children. */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replaces all children. */
export function replace(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

/** A labelled `<select>` of `[value, label]` options that reports the chosen value. */
export function labelledSelect<T extends string>(label: string, value: T, options: [T, string][], onChange: (v: T) => void, testid: string): HTMLLabelElement {
  return h(
    "label",
    { class: "inline" },
    label,
    " ",
    h(
      "select",
      { "data-testid": testid, onChange: (e: Event) => onChange((e.target as HTMLSelectElement).value as T) },
      ...options.map(([v, l]) => h("option", { value: v, selected: v === value }, l)),
    ),
  );
}

/**
 * Runs `task` for a click on `button` with a busy state: the button is
 * disabled and `aria-busy` while it runs, and a second click meanwhile is
 * ignored (returns without running). The button's previous disabled state is
 * restored afterwards.
 */
export async function whileBusy(button: HTMLButtonElement | null, task: () => Promise<void>): Promise<void> {
  if (!button) return task();
  if (button.getAttribute("aria-busy") === "true") return;
  const wasDisabled = button.disabled;
  button.setAttribute("aria-busy", "true");
  button.disabled = true;
  button.classList.add("busy");
  try {
    await task();
  } finally {
    button.removeAttribute("aria-busy");
    button.disabled = wasDisabled;
    button.classList.remove("busy");
  }
}

/** The button an event came from (for `whileBusy`). */
export function eventButton(e: Event): HTMLButtonElement | null {
  const el = e.currentTarget;
  return el instanceof HTMLButtonElement ? el : null;
}
