/**
 * Inline SVG from the Rust chart code, parsed as XML (never as HTML) and
 * stripped of anything active: scripts, foreign objects, event attributes
 * and external references.
 */
const FORBIDDEN = new Set(["script", "foreignobject", "iframe", "object", "embed", "use", "image", "a"]);

/** Parses and sanitises SVG text; `null` when it is not an SVG document. */
export function sanitizeSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.nodeName.toLowerCase() !== "svg" || doc.getElementsByTagName("parsererror").length) {
    return null;
  }
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (FORBIDDEN.has(child.localName.toLowerCase())) {
        child.remove();
        continue;
      }
      walk(child);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith("on")) el.removeAttribute(attr.name);
      else if ((name === "href" || name === "xlink:href") && !value.startsWith("#")) el.removeAttribute(attr.name);
      else if (name === "style" && /url\s*\(|expression\s*\(/.test(value)) el.removeAttribute(attr.name);
    }
  };
  walk(root);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
