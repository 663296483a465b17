/** Entry point: picks the platform (Tauri inside the app, the mock in a browser). */
import "./styles.css";
import { App } from "./app";
import type { Platform } from "./platform/types";

async function platform(): Promise<Platform> {
  if ("__TAURI_INTERNALS__" in window) {
    const { TauriPlatform } = await import("./platform/tauri");
    return new TauriPlatform();
  }
  const { MockPlatform } = await import("./platform/mock");
  return new MockPlatform({ latencyMs: 30 });
}

void platform().then((p) => {
  const root = document.getElementById("app");
  if (!root) return;
  const app = new App(root, p);
  app.navigate("library");
});
