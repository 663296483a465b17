/** Formatting of document metadata and figures for display. */
import { t, locale } from "../i18n";
import type { DocumentSummary, Period, Qualifier } from "../platform/bindings";

/** `2023` or `2021–2025`; a dash when unknown. */
export function formatPeriod(p: Period | null): string {
  if (!p) return t("library.unknown");
  return p.start === p.end ? String(p.start) : `${p.start}–${p.end}`;
}

/**
 * A number without float noise: up to `maxFraction` decimals, trailing
 * zeros dropped, thousands grouped (e.g. `12500` → `12,500`).
 */
export function formatNumber(v: number, maxFraction = 2): string {
  if (!Number.isFinite(v)) return String(v);
  return new Intl.NumberFormat(locale() === "zh" ? "zh-CN" : "en-US", {
    maximumFractionDigits: maxFraction,
    useGrouping: true,
  }).format(v);
}

/**
 * A figure as written in a plan: `50家以上`, `1-2家`, `约3.5%`. The qualifier
 * comes after the number in Chinese and before it in English.
 */
export function formatFigure(
  value: number,
  valueHigh: number | null,
  unit: string,
  qualifier: Qualifier,
): string {
  const num =
    valueHigh !== null && valueHigh !== value
      ? `${formatNumber(value)}–${formatNumber(valueHigh)}`
      : formatNumber(value);
  const q = t(`qualifier.${qualifier}`);
  const base = `${num}${unit}`;
  if (!q) return base;
  return locale() === "zh" ? `${base}${q}` : `${q} ${base}`;
}

/** The best title for a document: its title, else city + kind + period. */
export function documentLabel(d: DocumentSummary): string {
  if (d.title) return d.title;
  const parts = [d.city, t(`kind.${d.kind}`), d.period ? formatPeriod(d.period) : null];
  const s = parts.filter(Boolean).join(" ");
  return s || d.source_name || t("library.untitled");
}

/** A short column label: city and period, e.g. `日照市 2021–2025`. */
export function shortLabel(d: DocumentSummary): string {
  const s = [d.city, d.period ? formatPeriod(d.period) : null].filter(Boolean).join(" ");
  return s || documentLabel(d);
}

/** An RFC 3339 UTC time as local `YYYY-MM-DD HH:MM`. Invalid input is returned as is. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Splits a tag input (`a, b，c`) into trimmed unique tags, in order. */
export function parseTags(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[,，;；、]/)) {
    const tag = part.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
