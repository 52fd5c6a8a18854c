// Tests for viewer/embedded.ts: the graph written into an exported index.html as a JSON data block, and read back.
import { describe, expect, it } from "vitest";
import {
  embedGraph,
  GRAPH_DATA_ID,
  GRAPH_DATA_PLACEHOLDER,
  readEmbeddedGraph,
  toScriptSafeJson,
} from "../viewer/embedded.ts";

const NASTY = [
  "</script><img src=x onerror=alert(1)>",
  "<!--<script>window.__xss=1</script>",
  "</SCRIPT >",
  "SCC-<redacted>/PHR022",
  "a & b > c",
  "line\u2028separator\u2029paragraph",
  "$& $' $` $1",
];

const PAGE = `<html><body><div id="app"></div>\n    ${GRAPH_DATA_PLACEHOLDER}\n  </body></html>`;
const OPEN = `<script type="application/json" id="${GRAPH_DATA_ID}">`;

/** What an HTML parser takes as the block's text: everything up to the first "</script" (any case) after it opens. */
function blockText(html: string): string {
  const start = html.indexOf(OPEN) + OPEN.length;
  return html.slice(start, start + html.slice(start).search(/<\/script/i));
}

describe("toScriptSafeJson", () => {
  it.each(NASTY)("writes %j with no character HTML reacts to, and reads back the same", (text) => {
    const json = toScriptSafeJson({ label: text, list: [text] });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ label: text, list: [text] });
  });
});

describe("embedGraph", () => {
  it("fills the data block so the whole envelope, record markup included, is the block's text", () => {
    const envelope = { type: "harvestgraph", graph: { nodes: NASTY.map((key) => ({ key })) } };
    const html = embedGraph(PAGE, envelope);
    expect(JSON.parse(blockText(html))).toEqual(envelope);
    expect(html.endsWith("</script>\n  </body></html>")).toBe(true);
    expect(html).not.toContain(GRAPH_DATA_PLACEHOLDER);
  });

  it("throws E_NO_PLACEHOLDER when the page has no empty data block (a served build, not the file build)", () => {
    expect(() => embedGraph("<html><body></body></html>", {})).toThrow(
      expect.objectContaining({ code: "E_NO_PLACEHOLDER" }),
    );
  });
});

describe("readEmbeddedGraph", () => {
  const docWith = (text: string | null) =>
    ({
      getElementById: (id: string) => (id === GRAPH_DATA_ID && text !== null ? { textContent: text } : null),
    }) as unknown as Document;

  it("reads the block's JSON", () => {
    expect(readEmbeddedGraph(docWith(toScriptSafeJson({ label: NASTY[0] })))).toEqual({ label: NASTY[0] });
  });

  it.each([
    ["no block", null],
    ["an empty block", "  "],
  ])("gives undefined for %s, so a served page fetches graph.json", (_name, text) => {
    expect(readEmbeddedGraph(docWith(text))).toBeUndefined();
  });
});
