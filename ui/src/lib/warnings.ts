/**
 * Parse warnings in words of the UI's language. The core stores each warning
 * with a stable code and an English message in a fixed form (see
 * `src/structure/mod.rs`); the numbers are read back from that message and
 * put into an i18n sentence, so no code or English message reaches the user.
 */
import { t } from "../i18n";
import type { WarningDto } from "../platform/bindings";

/** The numbering markers a message names (`三`, `(2)`, `第二章`, `20`). */
const M = "([^\\s:,]+)";

const FORMS: { code: string; re: RegExp; text: (m: RegExpMatchArray) => string }[] = [
  {
    code: "numbering_gap",
    re: new RegExp(`^${M} follows ${M}: (.+) missing$`),
    text: (m) => t("warning.numbering_gap", { marker: m[1], previous: m[2], missing: m[3] }),
  },
  {
    code: "numbering_gap",
    re: new RegExp(`^numbering starts at ${M} instead of ${M}$`),
    text: (m) => t("warning.numbering_start", { marker: m[1], expected: m[2] }),
  },
  {
    code: "numbering_gap",
    re: new RegExp(`^${M} opens a level expected to start at ${M} or ${M}: (.+) missing$`),
    text: (m) => t("warning.level_gap", { marker: m[1], first: m[2], next: m[3], missing: m[4] }),
  },
  {
    code: "numbering_gap",
    re: new RegExp(`^${M} opens a level expected to start at ${M} or ${M}$`),
    text: (m) => t("warning.level_start", { marker: m[1], first: m[2], next: m[3] }),
  },
  {
    code: "numbering_out_of_order",
    re: new RegExp(`^${M} follows ${M}: numbering goes back$`),
    text: (m) => t("warning.numbering_back", { marker: m[1], previous: m[2] }),
  },
];

/** A parse warning as a sentence in the current language. */
export function warningText(w: WarningDto): string {
  for (const f of FORMS) {
    if (f.code !== w.code) continue;
    const m = w.message.match(f.re);
    if (m) return f.text(m);
  }
  switch (w.code) {
    case "numbering_gap":
      return t("warning.numbering_gap_other");
    case "numbering_out_of_order":
      return t("warning.numbering_back_other");
    case "rules_unavailable":
      return t("warning.rules_unavailable");
    default:
      return t("warning.other");
  }
}
