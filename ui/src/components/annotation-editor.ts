/**
 * The annotation form of one task item: status, priority, tags, note and
 * owner, saved as you type (debounced) with a visible saved state, and the
 * append-only history with restore. Typing never re-renders the form.
 */
import { t } from "../i18n";
import { DebouncedSaver, type SaveState } from "../lib/debounce";
import { h, replace } from "../lib/dom";
import { formatTime, parseTags } from "../lib/format";
import type { Annotation, AnnotationDraft, AnnotationRevision, AnnotationStatus } from "../platform/bindings";
import type { Platform } from "../platform/types";

/** The statuses in display order. */
export const STATUSES: AnnotationStatus[] = ["undecided", "adopt", "adapt", "not_applicable"];

/** An empty draft. */
export function emptyDraft(): AnnotationDraft {
  return { status: "undecided", priority: null, tags: [], note: "", owner: "" };
}

/** Debounce delay of saves, in ms. */
export const SAVE_DELAY_MS = 600;

let nextEditorId = 0;

export class AnnotationEditor {
  readonly el = h("section", { class: "annotation-editor", "data-testid": "annotation-editor" });
  private draft: AnnotationDraft = emptyDraft();
  private readonly saver: DebouncedSaver<AnnotationDraft>;
  private readonly stateEl = h("span", { class: "save-state", role: "status", "aria-live": "polite", "data-testid": "save-state" });
  private readonly historyEl = h("div", { class: "history" });
  private readonly uid = `ae${nextEditorId++}`;

  constructor(
    private readonly platform: Platform,
    readonly taskId: number,
    private readonly onSaved: (a: Annotation) => void,
    private readonly onError: (e: unknown) => void,
  ) {
    this.saver = new DebouncedSaver(
      async (d) => {
        const a = await this.platform.saveAnnotation(this.taskId, d);
        this.onSaved(a);
        await this.loadHistory();
      },
      SAVE_DELAY_MS,
      (s, err) => {
        this.showState(s);
        if (s === "error") this.onError(err);
      },
    );
  }

  /** Loads the annotation and its history and builds the form. */
  async load(): Promise<void> {
    const a = await this.platform.getAnnotation(this.taskId);
    this.draft = a ? structuredClone(a.draft) : emptyDraft();
    this.build();
    this.showState(a ? "saved" : "idle");
    await this.loadHistory();
  }

  /** Saves any pending edit now. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  private edit(change: Partial<AnnotationDraft>): void {
    this.draft = { ...this.draft, ...change };
    this.saver.update(structuredClone(this.draft));
  }

  private showState(s: SaveState): void {
    this.stateEl.textContent = t(`annot.state.${s}`);
    this.stateEl.dataset.state = s;
  }

  private build(): void {
    const id = (k: string) => `${this.uid}-${k}`;
    const d = this.draft;
    const status = h(
      "fieldset",
      { class: "status-group" },
      h("legend", null, t("annot.status")),
      ...STATUSES.map((s) =>
        h(
          "label",
          { class: `status-option status-${s}` },
          h("input", {
            type: "radio",
            name: id("status"),
            value: s,
            checked: d.status === s,
            "data-testid": `status-${s}`,
            onChange: () => this.edit({ status: s }),
          }),
          t(`status.${s}`),
        ),
      ),
    );
    const priority = h(
      "select",
      {
        id: id("priority"),
        onChange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          this.edit({ priority: v ? Number(v) : null });
        },
      },
      h("option", { value: "", selected: d.priority === null }, t("annot.priority.none")),
      ...[1, 2, 3].map((p) => h("option", { value: String(p), selected: d.priority === p }, t(`annot.priority.${p}` as "annot.priority.1"))),
    );
    const tags = h("input", {
      id: id("tags"),
      type: "text",
      value: d.tags.join(", "),
      placeholder: t("annot.tagsHint"),
      onInput: (e: Event) => this.edit({ tags: parseTags((e.target as HTMLInputElement).value) }),
    });
    const owner = h("input", {
      id: id("owner"),
      type: "text",
      value: d.owner,
      onInput: (e: Event) => this.edit({ owner: (e.target as HTMLInputElement).value }),
    });
    const note = h("textarea", {
      id: id("note"),
      rows: "4",
      "data-testid": "note",
      onInput: (e: Event) => this.edit({ note: (e.target as HTMLTextAreaElement).value }),
    });
    note.value = d.note;
    replace(
      this.el,
      h("div", { class: "editor-head" }, h("h3", null, t("reader.annotate")), this.stateEl),
      status,
      h(
        "div",
        { class: "field-row" },
        h("label", { for: id("priority") }, t("annot.priority")),
        priority,
        h("label", { for: id("owner") }, t("annot.owner")),
        owner,
      ),
      h("label", { for: id("tags") }, t("annot.tags")),
      tags,
      h("label", { for: id("note") }, t("annot.note")),
      note,
      this.historyEl,
    );
  }

  private async loadHistory(): Promise<void> {
    const revs = await this.platform.annotationHistory(this.taskId);
    this.renderHistory(revs);
  }

  private renderHistory(revs: AnnotationRevision[]): void {
    const latest = revs.length ? revs[revs.length - 1].revision : 0;
    replace(
      this.historyEl,
      h(
        "details",
        { class: "history-box", "data-testid": "history" },
        h("summary", null, t("annot.history", { count: revs.length })),
        h(
          "ol",
          { reversed: true },
          ...[...revs].reverse().map((r) =>
            h(
              "li",
              { "data-revision": String(r.revision) },
              h("span", { class: "rev-head" }, t("annot.revision", { revision: r.revision, time: formatTime(r.saved_at) })),
              " ",
              h("span", { class: `badge status-${r.draft.status}` }, t(`status.${r.draft.status}`)),
              r.draft.note ? h("span", { class: "rev-note" }, r.draft.note) : null,
              r.revision !== latest
                ? h("button", { type: "button", class: "small", onClick: () => void this.restore(r.revision) }, t("annot.restore"))
                : null,
            ),
          ),
        ),
      ),
    );
  }

  private async restore(revision: number): Promise<void> {
    try {
      await this.saver.flush();
      const a = await this.platform.restoreAnnotation(this.taskId, revision);
      this.onSaved(a);
      this.draft = structuredClone(a.draft);
      const open = this.historyEl.querySelector("details")?.open ?? false;
      this.build();
      this.showState("saved");
      await this.loadHistory();
      const details = this.historyEl.querySelector("details");
      if (details) details.open = open;
    } catch (e) {
      this.onError(e);
    }
  }
}
