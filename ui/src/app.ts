/**
 * The application shell: navigation between the five views, the language
 * switch, notices and error display. Views get an `AppContext` and never
 * talk to Tauri directly.
 */
import { locale, onLocaleChange, setLocale, t, type Key } from "./i18n";
import { h, replace } from "./lib/dom";
import { toAppError } from "./platform/errors";
import type { Platform } from "./platform/types";
import { AnnotationsView } from "./views/annotations";
import { CompareView } from "./views/compare";
import { LibraryView } from "./views/library";
import { PresenterView } from "./views/presenter";
import { ReaderView } from "./views/reader";
import { SearchView } from "./views/search";
import { SimilarView } from "./views/similar";
import { ThemesView } from "./views/themes";

/** The views in the navigation bar, in order. */
export const VIEWS = ["library", "reader", "search", "compare", "themes", "annotations", "presenter"] as const;
/** A view name (the similar-tasks view opens from a task item, not from the bar). */
export type ViewName = (typeof VIEWS)[number] | "similar";

/** Parameters a view is opened with (e.g. the document and offset for the Reader). */
export type Params = Record<string, number | string | undefined>;

/** What views may use. */
export interface AppContext {
  platform: Platform;
  /** Opens a view. */
  navigate(view: ViewName, params?: Params): void;
  /** Shows a short notice. */
  notice(message: string): void;
  /** Shows an error (any thrown value). */
  error(e: unknown): void;
}

/** A view: an element, shown with parameters, re-rendered on language change. */
export interface View {
  readonly el: HTMLElement;
  show(params: Params): Promise<void>;
  /** Called when the view is left (flush pending saves). */
  hide?(): void;
}

/** Builds the app into `root`. */
export class App implements AppContext {
  readonly views: Record<ViewName, View>;
  private current: ViewName = "library";
  private params: Params = {};
  private readonly nav: HTMLElement;
  private readonly main: HTMLElement;
  private readonly status: HTMLElement;
  private readonly langButton: HTMLButtonElement;
  private readonly searchInput: HTMLInputElement;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly root: HTMLElement,
    readonly platform: Platform,
  ) {
    this.nav = h("nav", { class: "nav", "aria-label": "PlanLens" });
    this.main = h("main", { id: "main", class: "main", tabindex: "-1" });
    this.status = h("div", { class: "status", role: "status", "aria-live": "polite" });
    this.langButton = h("button", {
      class: "lang",
      type: "button",
      onClick: () => setLocale(locale() === "zh" ? "en" : "zh"),
    });
    this.views = {
      library: new LibraryView(this),
      reader: new ReaderView(this),
      search: new SearchView(this),
      similar: new SimilarView(this),
      compare: new CompareView(this),
      themes: new ThemesView(this),
      annotations: new AnnotationsView(this),
      presenter: new PresenterView(this),
    };
    this.searchInput = h("input", { type: "search", class: "top-search", "data-testid": "top-search", autocomplete: "off", spellcheck: "false" });
    const searchForm = h(
      "form",
      {
        class: "top-search-form",
        role: "search",
        onSubmit: (e: Event) => {
          e.preventDefault();
          const q = this.searchInput.value.trim();
          if (q) this.navigate("search", { q });
        },
      },
      this.searchInput,
    );
    const skip = h("a", { class: "skip", href: "#main" }, "");
    skip.dataset.i18n = "app.skipToContent";
    replace(root, skip, h("header", { class: "top" }, h("h1", { class: "brand" }, "PlanLens"), this.nav, searchForm, this.langButton), this.main, this.status);
    // "/" or Ctrl/⌘+K jumps to the search box from anywhere but a text field.
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable]");
      if ((e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) || (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey))) {
        if (!this.root.isConnected) return;
        e.preventDefault();
        this.searchInput.focus();
        this.searchInput.select();
      }
    };
    document.addEventListener("keydown", onKey);
    const offLocale = onLocaleChange(() => {
      this.renderChrome();
      void this.views[this.current].show(this.params);
    });
    this.disposers.push(() => document.removeEventListener("keydown", onKey), offLocale);
    this.renderChrome();
  }

  private renderChrome(): void {
    document.documentElement.lang = locale() === "zh" ? "zh-CN" : "en";
    document.title = t("app.title");
    this.langButton.textContent = t("app.switchLanguage");
    this.langButton.setAttribute("aria-label", `${t("app.language")}: ${t("app.switchLanguage")}`);
    this.searchInput.placeholder = t("app.searchPlaceholder");
    this.searchInput.setAttribute("aria-label", t("app.search"));
    for (const el of this.root.querySelectorAll<HTMLElement>("[data-i18n]")) {
      el.textContent = t(el.dataset.i18n as Key);
    }
    replace(
      this.nav,
      ...VIEWS.map((v) =>
        h(
          "button",
          {
            type: "button",
            class: "nav-item",
            "data-view": v,
            "aria-current": v === this.current ? "page" : undefined,
            onClick: () => this.navigate(v),
          },
          t(`nav.${v}`),
        ),
      ),
    );
  }

  /** Stops listening to the document and the locale (tests mount many apps). */
  dispose(): void {
    for (const f of this.disposers.splice(0)) f();
  }

  /** The view shown now. */
  get currentView(): ViewName {
    return this.current;
  }

  navigate(view: ViewName, params: Params = {}): void {
    this.views[this.current].hide?.();
    this.current = view;
    this.params = params;
    const v = this.views[view];
    replace(this.main, v.el);
    this.main.dataset.view = view;
    this.renderChrome();
    v.show(params).catch((e) => this.error(e));
  }

  notice(message: string): void {
    this.status.classList.remove("error");
    this.showStatus(message);
  }

  error(e: unknown): void {
    const err = toAppError(e);
    console.error(err);
    this.status.classList.add("error");
    this.showStatus(`${t(`code.${err.code}`)} — ${t("app.error", { message: err.message })}`, true);
  }

  private showStatus(message: string, sticky = false): void {
    replace(
      this.status,
      h("span", null, message),
      h("button", { type: "button", class: "link", onClick: () => replace(this.status) }, t("app.dismiss")),
    );
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = sticky ? null : setTimeout(() => replace(this.status), 4000);
  }
}
