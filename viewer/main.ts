// Page entry: read the graph (embedded in an exported page, else ./graph.json beside it), validate it, mount the viewer,
// and keep the view in the URL hash.
import { GraphEnvelope } from "../graph/schema.ts";
import { readEmbeddedGraph } from "./embedded.ts";
import { t, detectLang } from "./i18n.ts";
import { mountViewer } from "./mount.ts";
import type { ReviewWriter } from "./panel.ts";
import { connectReview } from "./review.ts";
import { DEFAULT_STATE } from "./state.ts";
import { decodeState, encodeState } from "./url.ts";
import "./viewer.css";

async function main(): Promise<void> {
  const container = document.getElementById("app")!;
  const base = { ...DEFAULT_STATE, lang: detectLang(navigator.languages ?? [navigator.language]) };
  const initialState = decodeState(location.hash, base);
  try {
    const { data, review } = await loadGraph();
    const parsed = GraphEnvelope.safeParse(data);
    if (!parsed.success)
      throw new Error(
        parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; "),
      );
    mountViewer(container, parsed.data, {
      initialState,
      review,
      onStateChange: (state) => history.replaceState(null, "", `#${encodeState(state)}`),
      // the one global: read-only node positions, so browser tests can click real nodes on the canvas
      onReady: (handle) => Object.defineProperty(window, "harvestgraphViewer", { value: Object.freeze(handle) }),
    });
  } catch (error) {
    const message = t(initialState.lang, "loadError", {
      reason: error instanceof Error ? error.message : String(error),
    });
    const status = document.createElement("p");
    status.className = "hg-error";
    status.dataset.hg = "status";
    status.dataset.state = "error";
    status.textContent = message;
    container.replaceChildren(status);
  }
}

/** The page's graph, not yet validated, and the review writer when the server that sent it takes review writes. */
async function loadGraph(): Promise<{ data: unknown; review: ReviewWriter | undefined }> {
  // an exported page carries its graph, so it also opens from disk, where fetch() of a file is refused
  const embedded = readEmbeddedGraph(document);
  if (embedded !== undefined) return { data: embedded, review: undefined };
  // relative to the page, so the site works from any folder or sub-path
  const response = await fetch(new URL("graph.json", document.baseURI));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data: unknown = await response.json();
  return { data, review: await connectReview(document.baseURI, response) };
}

void main();
