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
  if (locale() === "zh") return q ? `${num}${unit}${q}` : `${num}${unit}`;
  const u = unitLabel(unit);
  const base = !u ? num : /^[%‰]/.test(u) ? `${num}${u}` : `${num} ${u}`;
  return q ? `${q} ${base}` : base;
}

/**
 * Units of the plans in English: what a figure counts (家 organisations,
 * 名 persons, 人次 person-times …) and the Chinese multipliers spelled out
 * (亿元 100 million yuan). Units not in the table are kept as written.
 */
export const UNITS_EN: Readonly<Record<string, string>> = {
  家: "organisations",
  户: "organisations",
  所: "institutions",
  座: "facilities",
  处: "sites",
  个: "units",
  名: "persons",
  人: "persons",
  位: "persons",
  人次: "person-times",
  支: "teams",
  项: "items",
  件: "items",
  份: "copies",
  篇: "papers",
  种: "kinds",
  台: "sets",
  套: "sets",
  条: "items",
  次: "times",
  场: "events",
  场次: "events",
  期: "sessions",
  笔: "transactions",
  元: "yuan",
  万元: "× 10,000 yuan",
  亿元: "× 100 million yuan",
  万亿元: "× 1 trillion yuan",
  "%": "%",
  "‰": "‰",
  个百分点: "percentage points",
  百分点: "percentage points",
  平方米: "m²",
  万平方米: "× 10,000 m²",
  平方公里: "km²",
  亩: "mu (1/15 ha)",
  公顷: "ha",
  人年: "person-years",
  倍: "times",
  吨: "tonnes",
  万吨: "× 10,000 tonnes",
  年: "years",
  天: "days",
  小时: "hours",
};

/** A unit in the current language: the table above in English, else as written. */
export function unitLabel(unit: string): string {
  if (locale() === "zh" || !unit) return unit;
  const known = UNITS_EN[unit];
  if (known) return known;
  // 件/万人 → items per 10,000 persons.
  const per = unit.split("/");
  if (per.length === 2 && per[0] && per[1]) {
    const den = per[1].startsWith("万") ? `10,000 ${UNITS_EN[per[1].slice(1)] ?? per[1].slice(1)}` : (UNITS_EN[per[1]] ?? per[1]);
    return `${UNITS_EN[per[0]] ?? per[0]} per ${den}`;
  }
  // 万人次, 万家, 亿 …: a multiplier before a known unit.
  for (const [prefix, mult] of [["万", "× 10,000"], ["亿", "× 100 million"]] as const) {
    if (unit.startsWith(prefix) && UNITS_EN[unit.slice(prefix.length)]) return `${mult} ${UNITS_EN[unit.slice(prefix.length)]}`;
  }
  return unit;
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
