/**
 * Presenter: the deck of charts collected in Compare; a full-screen show
 * with large type, arrow keys to move and Esc to leave. The deck is stored
 * by the platform, so it persists.
 */
import type { AppContext, View } from "../app";
import { locale, t } from "../i18n";
import { DeckNav, deckAction } from "../lib/deck";
import { h, replace } from "../lib/dom";
import { sanitizeSvg } from "../lib/svg";
import type { Slide } from "../platform/bindings";

export class PresenterView implements View {
  readonly el = h("section", { class: "view presenter" });
  private slides: Slide[] = [];
  private nav = new DeckNav(0);
  private overlay: HTMLElement | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    const a = deckAction(e.key);
    if (!a) return;
    e.preventDefault();
    if (a === "exit") this.leave();
    else if (this.nav.apply(a)) void this.renderSlide();
  };

  /**
   * The webview spends the first Esc on leaving full screen and may not pass
   * it on as a key event: leaving full screen leaves the show, so one Esc is
   * enough.
   */
  private readonly onFullscreenChange = () => {
    const doc = document as Document & { webkitFullscreenElement?: Element | null };
    if (this.overlay && this.wasFullscreen && !document.fullscreenElement && !doc.webkitFullscreenElement) this.leave();
    else if (document.fullscreenElement || doc.webkitFullscreenElement) this.wasFullscreen = true;
  };
  private wasFullscreen = false;

  constructor(private readonly ctx: AppContext) {}

  hide(): void {
    this.leave();
  }

  async show(): Promise<void> {
    this.slides = await this.ctx.platform.listSlides();
    this.nav.setLength(this.slides.length);
    this.render();
  }

  private render(): void {
    const list = this.slides.length
      ? h(
          "ol",
          { class: "slide-list", "data-testid": "slides" },
          ...this.slides.map((s, i) =>
            h(
              "li",
              null,
              h("span", { class: "slide-title" }, s.title),
              h("span", { class: "spacer" }),
              h("button", { type: "button", class: "small", disabled: i === 0, onClick: () => void this.move(s, i - 1) }, t("presenter.moveUp")),
              h("button", { type: "button", class: "small", disabled: i === this.slides.length - 1, onClick: () => void this.move(s, i + 1) }, t("presenter.moveDown")),
              h("button", { type: "button", class: "small danger", onClick: () => void this.remove(s) }, t("presenter.remove")),
            ),
          ),
        )
      : h("p", { class: "empty" }, t("presenter.empty"));
    replace(
      this.el,
      h(
        "div",
        { class: "view-head" },
        h("h2", null, t("presenter.heading")),
        h("span", { class: "muted" }, t("presenter.slides", { count: this.slides.length })),
        h("span", { class: "spacer" }),
        h("button", { type: "button", class: "primary", disabled: !this.slides.length, "data-testid": "start-presenting", onClick: () => this.start() }, t("presenter.start")),
      ),
      list,
    );
  }

  private async move(s: Slide, to: number): Promise<void> {
    try {
      await this.ctx.platform.moveSlide(s.id, to);
      await this.show();
    } catch (e) {
      this.ctx.error(e);
    }
  }

  private async remove(s: Slide): Promise<void> {
    try {
      await this.ctx.platform.removeSlide(s.id);
      await this.show();
    } catch (e) {
      this.ctx.error(e);
    }
  }

  /** Opens the full-screen show at the first slide. */
  start(): void {
    if (!this.slides.length || this.overlay) return;
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.nav.go(0);
    this.overlay = h("div", { class: "presenter-overlay", role: "dialog", "aria-modal": "true", tabindex: "-1", "data-testid": "presenter" });
    document.body.appendChild(this.overlay);
    document.addEventListener("keydown", this.onKey);
    this.wasFullscreen = false;
    document.addEventListener("fullscreenchange", this.onFullscreenChange);
    document.addEventListener("webkitfullscreenchange", this.onFullscreenChange);
    this.overlay.focus();
    document.documentElement.requestFullscreen?.().catch(() => {});
    void this.renderSlide();
  }

  /** Leaves the show. */
  leave(): void {
    if (!this.overlay) return;
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("fullscreenchange", this.onFullscreenChange);
    document.removeEventListener("webkitfullscreenchange", this.onFullscreenChange);
    this.overlay.remove();
    this.overlay = null;
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    this.returnFocus?.focus();
  }

  /** Whether the show is open (for tests). */
  get presenting(): boolean {
    return this.overlay !== null;
  }

  /** The slide index shown. */
  get index(): number {
    return this.nav.index;
  }

  private async renderSlide(): Promise<void> {
    const overlay = this.overlay;
    const slide = this.slides[this.nav.index];
    if (!overlay || !slide) return;
    const index = this.nav.index;
    const chart = h("div", { class: "slide-chart" });
    replace(
      overlay,
      h("h2", { class: "slide-heading" }, slide.title),
      chart,
      h(
        "footer",
        { class: "slide-foot" },
        h("span", null, t("presenter.slideOf", { index: index + 1, total: this.slides.length })),
        h("span", { class: "muted" }, t("presenter.help")),
        h("button", { type: "button", onClick: () => this.leave() }, t("presenter.exit")),
      ),
    );
    const width = Math.max(640, Math.round(window.innerWidth * 0.9));
    const height = Math.max(360, Math.round(window.innerHeight * 0.72));
    try {
      const svg = sanitizeSvg(await this.ctx.platform.chartSvg({ ...slide.spec, width, height, lang: locale() }));
      if (this.overlay === overlay && this.nav.index === index) replace(chart, svg);
    } catch (e) {
      this.ctx.error(e);
    }
  }
}
