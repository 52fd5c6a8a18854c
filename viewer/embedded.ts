// How a static export carries its graph inside index.html, so the page opens from disk without fetch(): a JSON data
// block, written with every `<` escaped so no record text ("</script>", "<!--") can end the block early.

/** The id of the `<script type="application/json">` block that holds the graph envelope. */
export const GRAPH_DATA_ID = "harvestgraph-graph";

const DATA_OPEN = `<script type="application/json" id="${GRAPH_DATA_ID}">`;
const DATA_CLOSE = "</script>";
/** The empty data block the file build leaves in index.html for `export` to fill. */
export const GRAPH_DATA_PLACEHOLDER = DATA_OPEN + DATA_CLOSE;

// `<` stops "</script>" and "<!--"; `>` and `&` for good measure; U+2028/9 are line ends to older JS parsers
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON that may stand inside a `<script>` element: characters HTML reacts to appear only as \u escapes. */
export function toScriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export class EmbedError extends Error {
  readonly code = "E_NO_PLACEHOLDER";
}

/** The built file page with the graph written into its data block; throws if the page has no empty block to fill. */
export function embedGraph(html: string, envelope: unknown): string {
  const at = html.indexOf(GRAPH_DATA_PLACEHOLDER);
  if (at < 0) throw new EmbedError(`embedGraph: the built page has no ${GRAPH_DATA_PLACEHOLDER} to fill`);
  // concatenated, never String.replace: a record's "$&" would be read as a replacement pattern
  return (
    html.slice(0, at) +
    DATA_OPEN +
    toScriptSafeJson(envelope) +
    DATA_CLOSE +
    html.slice(at + GRAPH_DATA_PLACEHOLDER.length)
  );
}

/** The embedded graph of this page, parsed but not yet validated; undefined when the page has none (served pages). */
export function readEmbeddedGraph(doc: Document): unknown {
  const text = doc.getElementById(GRAPH_DATA_ID)?.textContent?.trim();
  return text ? JSON.parse(text) : undefined;
}
