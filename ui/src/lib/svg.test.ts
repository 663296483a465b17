import { describe, expect, it } from "vitest";
import { sanitizeSvg } from "./svg";

describe("sanitizeSvg", () => {
  it("keeps drawing elements and text", () => {
    const svg = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5" fill="url(#g)"/><text x="1" y="2">高新技术企业</text></svg>');
    expect(svg?.querySelector("rect")).not.toBeNull();
    expect(svg?.querySelector("rect")?.getAttribute("fill")).toBe("url(#g)");
    expect(svg?.textContent).toBe("高新技术企业");
  });

  it("removes scripts, event handlers, foreign objects and external links", () => {
    const svg = sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)"><script>alert(2)</script><g onclick="x()"><foreignObject><div>hi</div></foreignObject><image href="http://evil/x.png"/><use xlink:href="http://evil/#a"/><rect style="fill:url(http://evil)"/></g></svg>',
    );
    expect(svg).not.toBeNull();
    const text = svg!.outerHTML;
    expect(text).not.toMatch(/script|onload|onclick|foreignObject|evil|image|<use/i);
  });

  it("rejects non-SVG and broken input", () => {
    expect(sanitizeSvg("<html><body>x</body></html>")).toBeNull();
    expect(sanitizeSvg("<svg><rect></svg>")).toBeNull();
    expect(sanitizeSvg("")).toBeNull();
  });
});
