// A minimal W3C WebDriver client (Node 20 fetch, no dependencies): just what
// the end-to-end test needs.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /**
   * Starts a session for the Tauri binary at `application`. A launch that
   * fails (seen once under Xvfb: GTK could not initialise) is retried once
   * after a pause; each attempt gives up after two minutes.
   */
  static async start(base, application) {
    const body = { capabilities: { alwaysMatch: { "tauri:options": { application } } } };
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await call(base, "POST", "/session", body, 120000);
        return new Session(base, r.sessionId);
      } catch (e) {
        if (attempt >= 2) throw e;
        console.log(`   app did not start (${e.message}); trying again`);
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  /** Runs a script in the page; `args` are JSON values. */
  exec(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async find(css) {
    const r = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return r[ELEMENT];
  }

  async findAll(css) {
    const r = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return r.map((e) => e[ELEMENT]);
  }

  click(el) {
    return this.cmd("POST", `/element/${el}/click`, {});
  }

  type(el, text) {
    return this.cmd("POST", `/element/${el}/value`, { text });
  }

  text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  /** PNG bytes of the window. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Polls `check` (an async function returning a truthy value) until it holds. */
  async waitFor(what, check, timeoutMs = 20000) {
    const until = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Waits for an element matching `css` and returns it. */
  waitForElement(css, timeoutMs) {
    return this.waitFor(css, async () => (await this.findAll(css))[0], timeoutMs);
  }
}

async function call(base, method, path, body, timeoutMs) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${v.error || res.status} ${v.message || ""}`.trim());
  }
  return json.value;
}
