/**
 * The themes of one task item as chips: remove one (×), add one from the
 * taxonomy, or reset a theme you changed back to the classifier. Every
 * change is saved at once and kept across re-imports of the same file.
 */
import { locale, t } from "../i18n";
import { h, replace } from "../lib/dom";
import type { TaskThemeDto, ThemeInfo } from "../platform/bindings";
import type { Platform } from "../platform/types";

const taxonomies = new WeakMap<Platform, Promise<ThemeInfo[]>>();

/** The taxonomy of a platform, fetched once. */
export function themeList(platform: Platform): Promise<ThemeInfo[]> {
  let p = taxonomies.get(platform);
  if (!p) {
    p = platform.listThemes();
    p.catch(() => taxonomies.delete(platform));
    taxonomies.set(platform, p);
  }
  return p;
}

/** A theme's name in the current language. */
export function themeName(themes: ThemeInfo[], id: string): string {
  const th = themes.find((x) => x.id === id);
  if (!th) return id;
  return locale() === "zh" ? th.zh : th.en;
}

export class ThemeEditor {
  readonly el = h("section", { class: "theme-editor", "data-testid": "theme-editor" });
  private themes: ThemeInfo[] = [];
  private current: TaskThemeDto[] = [];
  /** Themes the user changed in this editor (so they can be reset). */
  private touched = new Set<string>();

  constructor(
    private readonly platform: Platform,
    readonly taskId: number,
    private readonly onError: (e: unknown) => void,
    private readonly onChange: (themes: TaskThemeDto[]) => void = () => {},
  ) {}

  /** Loads the taxonomy and the item's themes. */
  async load(): Promise<void> {
    [this.themes, this.current] = await Promise.all([themeList(this.platform), this.platform.taskThemes(this.taskId)]);
    for (const x of this.current) if (x.source === "user") this.touched.add(x.theme);
    this.render();
  }

  private async decide(theme: string, decision: "add" | "remove" | "reset"): Promise<void> {
    try {
      this.current = await this.platform.setTaskTheme(this.taskId, theme, decision);
      if (decision === "reset") this.touched.delete(theme);
      else this.touched.add(theme);
      this.render();
      this.onChange(this.current);
    } catch (e) {
      this.onError(e);
    }
  }

  private render(): void {
    const chips = this.current.map((x) => {
      const name = themeName(this.themes, x.theme);
      return h(
        "span",
        { class: `chip theme-chip source-${x.source}`, "data-theme": x.theme, title: x.source === "user" ? t("themes.source.user") : t("themes.source.auto", { confidence: x.confidence.toFixed(2) }) },
        name,
        h("button", { type: "button", class: "chip-x", "aria-label": t("themeEditor.remove", { theme: name }), onClick: () => void this.decide(x.theme, "remove") }, "×"),
      );
    });
    const missing = this.themes.filter((x) => !this.current.some((c) => c.theme === x.id));
    const add = h(
      "select",
      {
        "data-testid": "theme-add",
        "aria-label": t("themeEditor.add"),
        onChange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v) void this.decide(v, "add");
        },
      },
      h("option", { value: "" }, t("themeEditor.add")),
      ...missing.map((x) => h("option", { value: x.id }, locale() === "zh" ? x.zh : x.en)),
    );
    const resets = [...this.touched].map((id) =>
      h("button", { type: "button", class: "link small", "data-reset": id, onClick: () => void this.decide(id, "reset") }, `${t("themeEditor.reset")}: ${themeName(this.themes, id)}`),
    );
    replace(
      this.el,
      h("h4", null, t("themeEditor.heading")),
      h("div", { class: "theme-chips" }, ...(chips.length ? chips : [h("span", { class: "muted" }, t("themeEditor.none"))]), add),
      resets.length ? h("div", { class: "theme-resets" }, ...resets) : null,
      h("p", { class: "muted small" }, t("themeEditor.hint")),
    );
  }
}
