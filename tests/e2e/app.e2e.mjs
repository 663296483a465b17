// End to end: the built Tauri app under Xvfb, driven through tauri-driver and
// WebKitWebDriver. start → the five seed plans listed → compare two cities on
// high-tech enterprises → the chart appears → annotate a task item → quit and
// start again → the annotation is there with its history.
//
// Env: APP (binary), PLANLENS_DB (a fresh temporary database, inherited by the
// app), WEBDRIVER (default http://127.0.0.1:4444), SHOTS (folder for screenshots, optional).

import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { Session } from "./webdriver.mjs";

const base = process.env.WEBDRIVER || "http://127.0.0.1:4444";
const app = process.env.APP;
const shots = process.env.SHOTS;
assert.ok(app, "APP must name the planlens-app binary");
assert.ok(process.env.PLANLENS_DB, "PLANLENS_DB must point at a temporary database");
if (shots) mkdirSync(shots, { recursive: true });

const NOTE = "借鉴其梯次培育做法，纳入本市年度计划";
let step = 0;
const log = (m) => console.log(`[e2e ${++step}] ${m}`);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function shot(s, name) {
  if (!shots) return;
  await pause(400);
  writeFileSync(join(shots, `${name}.png`), await s.screenshot());
}

async function nav(s, view) {
  await s.click(await s.find(`button[data-view="${view}"]`));
}

/** Clicks the checkbox of a document whose label contains `city`. */
async function checkDocument(s, city) {
  const ok = await s.exec(
    `const l = [...document.querySelectorAll(".pick-docs label")].find((x) => x.textContent.includes(arguments[0]));
     if (!l) return false; const i = l.querySelector("input"); if (!i.checked) i.click(); return true;`,
    city,
  );
  assert.ok(ok, `no document of ${city} in Compare`);
}

async function firstRun() {
  const s = await Session.start(base, app);
  try {
    log("library lists the five seed plans");
    await s.waitFor("five documents", async () => (await s.findAll("[data-testid=documents] tbody tr")).length === 5, 60000);
    const cities = await s.exec(`return [...document.querySelectorAll("[data-testid=documents] tbody .col-city")].map((td) => td.textContent)`);
    console.log("   cities:", cities.join(", "));
    await shot(s, "library");

    log("compare two cities on high-tech enterprises");
    await nav(s, "compare");
    await s.waitForElement(".pick-docs input");
    // Two seed cities that both set a stock of high-tech enterprises.
    await checkDocument(s, "日照");
    await checkDocument(s, "滨州");
    // The pickers re-render as documents are chosen: query afresh on each try.
    await s.waitFor("high-tech enterprises chosen", () =>
      s.exec(`const i = document.querySelector('input[data-indicator="high_tech_enterprises"]');
              if (!i) return false; if (!i.checked) i.click(); return i.checked;`),
    );
    log("the chart appears");
    await s.waitForElement("[data-testid=chart] svg");
    const table = await s.text(await s.find("[data-testid=compare-table]"));
    assert.match(table, /高新技术企业/);
    const svgText = await s.exec(`return document.querySelector("[data-testid=chart] svg").textContent`);
    assert.ok(svgText.length > 0, "the chart has labels");
    await shot(s, "compare");

    log("open the Reader from a figure and annotate its task item");
    await s.exec(`document.querySelector("[data-testid=compare-table] button.figure").click()`);
    await s.waitForElement("[data-testid=doc-text] mark.selected");
    let editor = (await s.findAll("[data-testid=annotation-editor]"))[0];
    if (!editor) {
      await s.click(await s.waitForElement(".task-list .vl-row"));
      editor = await s.waitForElement("[data-testid=annotation-editor]");
    }
    await s.click(await s.waitForElement("[data-testid=status-adapt]"));
    const note = await s.find("[data-testid=note]");
    await s.click(note);
    await s.type(note, NOTE);
    await s.waitFor("saved state", async () =>
      (await s.exec(`const e = document.querySelector("[data-testid=save-state]"); return e && e.dataset.state === "saved" && document.querySelector("[data-testid=history] summary").textContent`)),
    );
    // A second edit after the first save makes a second revision.
    await s.click(await s.find("[data-testid=status-adopt]"));
    await s.waitFor("second revision", async () =>
      /（2）|\(2\)/.test(await s.exec(`return document.querySelector("[data-testid=history] summary").textContent`)),
    );
    const taskPath = await s.exec(`return document.querySelector(".task-quote strong").textContent`);
    console.log("   annotated task item", taskPath);
    await shot(s, "reader");
    return taskPath;
  } finally {
    await s.quit();
  }
}

async function secondRun(taskPath) {
  const s = await Session.start(base, app);
  try {
    log("after restart the annotation is listed");
    await s.waitFor("documents", async () => (await s.findAll("[data-testid=documents] tbody tr")).length === 5, 60000);
    await nav(s, "annotations");
    await s.waitFor("one annotated item", async () => /（1）|\(1\)/.test(await s.text(await s.find("[data-testid=annotation-count]"))));
    const row = await s.waitForElement(".annotation-list .vl-row");
    assert.match(await s.text(row), new RegExp(taskPath.replace(/[()]/g, "\\$&")));
    await shot(s, "annotations");

    log("its note and history are there");
    await s.click(row);
    await s.waitForElement("[data-testid=annotation-editor] [data-testid=history]");
    await s.waitFor("note restored", async () => (await s.exec(`return document.querySelector("[data-testid=note]").value`)) === NOTE);
    const status = await s.exec(`return document.querySelector("[data-testid=status-adopt]").checked`);
    assert.equal(status, true);
    await s.exec(`document.querySelector("[data-testid=history]").open = true`);
    const revisions = await s.exec(`return document.querySelectorAll("[data-testid=history] li").length`);
    assert.equal(revisions, 2, "history has both revisions");
    const restore = await s.exec(`return document.querySelectorAll("[data-testid=history] li button").length`);
    assert.equal(restore, 1, "the older revision can be restored");
    console.log(`   history: ${revisions} revision(s)`);
    await shot(s, "history");
  } finally {
    await s.quit();
  }
}

const path = await firstRun();
await secondRun(path);
console.log("e2e: all steps passed");
