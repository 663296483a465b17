import { describe, expect, it } from "vitest";
import { DeckNav, deckAction } from "./deck";

describe("deck navigation", () => {
  it("maps keys to actions", () => {
    expect(deckAction("ArrowRight")).toBe("next");
    expect(deckAction(" ")).toBe("next");
    expect(deckAction("ArrowLeft")).toBe("prev");
    expect(deckAction("Escape")).toBe("exit");
    expect(deckAction("Home")).toBe("first");
    expect(deckAction("a")).toBeNull();
  });

  it("moves within bounds", () => {
    const n = new DeckNav(3);
    expect(n.apply("prev")).toBe(false);
    expect(n.apply("next")).toBe(true);
    n.apply("next");
    expect(n.apply("next")).toBe(false);
    expect(n.index).toBe(2);
    n.apply("first");
    expect(n.index).toBe(0);
    n.apply("last");
    expect(n.index).toBe(2);
  });

  it("stays in range when slides are removed, and with an empty deck", () => {
    const n = new DeckNav(5);
    n.go(4);
    n.setLength(2);
    expect(n.index).toBe(1);
    n.setLength(0);
    expect(n.index).toBe(0);
    expect(n.apply("next")).toBe(false);
    n.go(-3);
    expect(n.index).toBe(0);
  });
});
