// Screenshots of every view of the real app (through WebDriver), for people
// to look at: Library, Reader, Compare (light and dark), Presenter, Annotations,
// Search, Similar tasks, Themes (table, items, heatmap), and the Library in English. Env as app.e2e.mjs; SHOTS names the folder.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";

const shots = process.env.SHOTS || "docs/screenshots";
mkdirSync(shots, { recursive: true });
const s = await Session.start(process.env.WEBDRIVER || "http://127.0.0.1:4444", process.env.APP);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function shot(name) {
  await pause(600);
  writeFileSync(join(shots, `${name}.png`), await s.screenshot());
  console.log(`screens: ${name}.png`);
}
const js = (script, ...args) => s.exec(script, ...args);
const clickText = (css, text) =>
  js(`const e = [...document.querySelectorAll(arguments[0])].find((x) => x.textContent.includes(arguments[1])); if (e) e.click(); return !!e;`, css, text);

try {
  await s.waitFor("documents", async () => (await s.findAll("[data-testid=documents] tbody tr")).length >= 5, 60000);
  await shot("library");

  await clickText("[data-testid=documents] tbody tr .col-title button", "日照");
  await s.waitForElement("[data-testid=doc-text] mark");
  // A task item with figures: select it, then click a figure in its text.
  await s.waitFor("a task card with figures", () =>
    js(`const c = [...document.querySelectorAll(".task-list .task-card")].filter((x) => x.querySelector(".small"))[1]; if (c) c.click(); return !!c;`),
  );
  await pause(500);
  await s.waitForElement("[data-testid=annotation-editor] [data-testid=note]");
  await js(`document.querySelector("[data-testid=status-adopt]").click();`);
  const note = await s.find("[data-testid=note]");
  await s.click(note);
  await s.type(note, "与本市“十四五”规划目标衔接，纳入年度考核");
  await s.waitFor("saved", async () => js(`return document.querySelector("[data-testid=save-state]").dataset.state === "saved"`));
  await js(`let p = document.querySelector("[data-testid=doc-text] p.flash");
    for (let i = 0; p && i < 4; i++, p = p.nextElementSibling) { const m = p.querySelector("mark"); if (m) { m.click(); break; } }`);
  await shot("reader");

  await js(`document.querySelector('button[data-view="compare"]').click()`);
  await s.waitForElement(".pick-docs input");
  for (const city of ["日照", "滨州", "临沂", "丹东"]) {
    await clickText(".pick-docs label", city);
    await pause(300);
  }
  await s.waitForElement('input[data-indicator="high_tech_enterprises"]');
  await js(`document.querySelector('input[data-indicator="high_tech_enterprises"]').click()`);
  await s.waitForElement("[data-testid=chart] svg");
  await shot("compare");
  await js(`const t = document.querySelector("[data-testid=chart-theme]"); t.value = "dark"; t.dispatchEvent(new Event("change"));`);
  await pause(800);
  await js(`document.querySelector("[data-testid=chart]").scrollIntoView({block: "end"})`);
  await shot("compare-dark");
  await js(`document.querySelector("[data-testid=add-to-deck]").click()`);
  await pause(500);

  await js(`document.querySelector('button[data-view="presenter"]').click()`);
  await s.waitForElement("[data-testid=start-presenting]");
  await shot("presenter-deck");
  await js(`document.querySelector("[data-testid=start-presenting]").click()`);
  await s.waitForElement("[data-testid=presenter] svg");
  await shot("presenter");
  await js(`document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}))`);

  await js(`document.querySelector('button[data-view="annotations"]').click()`);
  await s.waitForElement(".annotation-list .vl-row");
  await shot("annotations");

  await js(`const b = document.querySelector("[data-testid=top-search]"); b.value = "孵化"; b.form.requestSubmit();`);
  await s.waitForElement("[data-testid=search-hits] li.hit");
  await shot("search");
  await js(`document.querySelector("[data-testid=search-hits] [data-similar]").click()`);
  await s.waitForElement("[data-testid=pair] mark.shared");
  await shot("similar");
  await js(`document.querySelector('button[data-view="themes"]').click()`);
  await s.waitForElement("[data-testid=theme-chart] svg");
  await shot("themes");
  await js(`document.querySelector('button.cell[data-theme="finance"]').click()`);
  await s.waitForElement("[data-testid=theme-items] .theme-card");
  await js(`document.querySelector("[data-testid=theme-items]").scrollIntoView({block: "start"})`);
  await shot("themes-items");
  await js(`document.querySelector("[data-testid=theme-chart]").scrollIntoView({block: "end"})`);
  await shot("themes-heatmap");

  await js(`document.querySelector(".lang").click(); document.querySelector('button[data-view="library"]').click();`);
  await pause(500);
  await shot("library-en");

  // The smallest supported window.
  await s.cmd("POST", "/window/rect", { width: 1280, height: 720 }).catch((e) => console.log(`screens: cannot resize: ${e.message}`));
  await js(`document.querySelector(".lang").click(); document.querySelector('button[data-view="reader"]').click();`);
  await s.waitForElement("[data-testid=doc-text] mark");
  await shot("reader-1280x720");
  await js(`document.querySelector('button[data-view="compare"]').click()`);
  await s.waitForElement("[data-testid=chart] svg");
  await shot("compare-1280x720");
} finally {
  await s.quit();
}
