/**
 * Corrections for people: what the user changed on a figure or a document,
 * as one line (`数值 600 → 650；年份 2023 → 2024`) for titles and records,
 * and the owner remembered between corrections.
 */
import { t, type Key } from "../i18n";
import type { FieldChangeDto } from "../platform/bindings";

/** The mark shown after a corrected figure. */
export const CORRECTED_MARK = "✎";

const OWNER_KEY = "planlens.correction.owner";

/** The owner last used for a correction ("" when none). */
export function rememberedOwner(): string {
  try {
    return globalThis.localStorage?.getItem(OWNER_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Remembers the owner for the next correction. */
export function rememberOwner(owner: string): void {
  try {
    globalThis.localStorage?.setItem(OWNER_KEY, owner.trim());
  } catch {
    /* storage unavailable: nothing to remember */
  }
}

const ENUM_FIELDS: Record<string, string> = { qualifier: "qualifier", kind: "targetKind", role: "targetRole" };

/** A stored value as people read it (enum values translated). */
function valueText(field: string, v: string): string {
  const planKind = field === "kind" && !["stock", "increment", "rate"].includes(v);
  if (planKind && v !== "—") return t(`kind.${v}` as Key);
  const prefix = ENUM_FIELDS[field];
  if (prefix && v !== "—") {
    if (field === "qualifier" && v === "exact") return t("corr.qualifierExact");
    return t(`${prefix}.${v}` as Key);
  }
  if (field === "not_a_target") return v === "not a target" ? t("corr.excluded") : t("targetRole.target");
  return v;
}

/** One field change for people: `数值 600 → 650`. */
export function describeChange(c: FieldChangeDto): string {
  const label = t(`corr.field.${c.field}` as Key);
  if (c.field === "not_a_target") return valueText(c.field, c.after);
  if (c.field === "merge_into") {
    const id = /#(\d+)/.exec(c.after)?.[1];
    return id ? t("corr.merged", { id }) : `${label}: ${c.after}`;
  }
  return `${label} ${valueText(c.field, c.before)} → ${valueText(c.field, c.after)}`;
}

/** The changes as one line, for a title: `已更正：数值 600 → 650；年份 2023 → 2024`. */
export function correctionTitle(changes: FieldChangeDto[]): string {
  const what = changes.map(describeChange).join("；");
  return what ? `${t("corr.mark")}：${what}` : t("corr.mark");
}
