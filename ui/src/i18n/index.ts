/** The dictionary lookup: Chinese by default, English by a switch. */
import { en } from "./en";
import { zh, type Key } from "./zh";

export type { Key };
/** Supported locales. */
export type Locale = "zh" | "en";

const DICTS: Record<Locale, Record<Key, string>> = { zh, en };
let current: Locale = "zh";
const listeners = new Set<(l: Locale) => void>();

/** The current locale. */
export function locale(): Locale {
  return current;
}

/** Switches the locale and notifies subscribers (no-op when unchanged). */
export function setLocale(l: Locale): void {
  if (l === current) return;
  current = l;
  for (const f of listeners) f(l);
}

/** Calls `f` on every locale change; returns an unsubscribe function. */
export function onLocaleChange(f: (l: Locale) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * The string for `key` in the current locale, with `{name}` placeholders
 * replaced from `params`. Unknown placeholders are left as written.
 */
export function t(key: Key, params?: Record<string, string | number>): string {
  const s = DICTS[current][key] ?? zh[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** The dictionaries, for tests. */
export const dictionaries = DICTS;
