// Mounts the viewer on a container: builds the page, creates the one Sigma renderer, wires events to state, returns cleanup.
// Everything drawn comes from the state through filters.ts and reducers.ts; this file only connects them to the DOM.
import { downloadAsPNG } from "@sigma/export-image";
import { NodeSquareProgram } from "@sigma/node-square";
import Graph from "graphology";
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import type { SerializedGraph } from "graphology-types";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import type { EdgeAttributes, GraphEnvelope, NodeAttributes } from "../graph/schema.ts";
import { h } from "./_dom.ts";
import { computeChartData, renderCharts } from "./charts.ts";
import { mountSearch, renderFilters, renderLegend, renderOptions } from "./controls.ts";
import { countryName } from "./countries.ts";
import { detailFor, detailSettings } from "./detail.ts";
import { downloadText, writeVisibleGraph, type GraphFormat } from "./export.ts";
import { buildRegionIndex, computeFacets, computeView, linkedExtent, type View } from "./filters.ts";
import { t } from "./i18n.ts";
import { renderPanel, type ReviewWriter } from "./panel.ts";
import { createReducers, emphasisFootprint } from "./reducers.ts";
import { buildSearchIndex } from "./search.ts";
import { DEFAULT_STATE, updateState, type Action, type ViewerState } from "./state.ts";

/** The little a page (and a browser test) may ask of a mounted viewer. */
export type ViewerHandle = {
  /** Where a visible node is drawn, in page pixels; null when it is hidden or unknown. */
  nodePosition: (node: string) => { x: number; y: number } | null;
};

export type MountOptions = {
  /** Where to start, e.g. read from the URL; defaults to DEFAULT_STATE. */
  initialState?: ViewerState;
  /** Called after every change that belongs in a shareable URL (not on hover). */
  onStateChange?: (state: ViewerState) => void;
  /** Called once the first frame is drawn. */
  onReady?: (handle: ViewerHandle) => void;
  /** Saves a person's accept/reject decision; given only when the server accepts review writes. */
  review?: ReviewWriter;
};

export function mountViewer(container: HTMLElement, envelope: GraphEnvelope, options: MountOptions = {}): () => void {
  // 1. the graph, and the indexes derived once from it
  // the zod schema checked the shape; graphology's own type is looser about `options.type`
  const graph = Graph.from(envelope.graph as unknown as SerializedGraph<NodeAttributes, EdgeAttributes>) as Graph<
    NodeAttributes,
    EdgeAttributes
  >;
  const regions = buildRegionIndex(graph);
  const searchIndex = buildSearchIndex(graph);
  let state: ViewerState = options.initialState ?? DEFAULT_STATE;
  if (state.selected !== null && !graph.hasNode(state.selected)) state = { ...state, selected: null, pathTarget: null };
  if (state.pathTarget !== null && !graph.hasNode(state.pathTarget)) state = { ...state, pathTarget: null };
  // how much to draw follows the graph's size: cheap programs and fewer labels for large graphs
  const detail = detailFor(graph.order, graph.size);
  let view: View = computeView(graph, state, regions);
  let reducers = createReducers(graph, state, view, detail);

  // 2. the page
  const status = h("output", {
    class: "hg-status",
    "data-hg": "status",
    "data-state": "loading",
    "data-detail": detail,
    "aria-live": "polite",
  });
  const title = h("h1", {});
  const searchRoot = h("div", { class: "hg-search-root" });
  const exportButton = h("button", { type: "button", "data-hg": "export-png" });
  const gexfButton = h("button", { type: "button", "data-hg": "export-gexf" });
  const graphmlButton = h("button", { type: "button", "data-hg": "export-graphml" });
  const layoutButton = h("button", { type: "button", "data-hg": "layout", "data-layout": "stopped" });
  const layoutNote = h("p", { class: "hg-note", "data-hg": "layout-note", role: "status", hidden: true });
  const optionsRoot = h("section", { class: "hg-options", "data-hg": "options" });
  const legendRoot = h("section", { "data-hg": "legend-root" });
  const filtersRoot = h("section", { "data-hg": "filters" });
  const chartsRoot = h("section", { class: "hg-charts", "data-hg": "charts" });
  const graphRoot = h("div", { class: "hg-graph", "data-hg": "graph" });
  const panel = h("aside", { class: "hg-panel", "data-hg": "panel", hidden: true });
  const app = h(
    "div",
    { class: "hg-app", "data-hg": "app" },
    h(
      "header",
      { class: "hg-header" },
      title,
      searchRoot,
      layoutButton,
      exportButton,
      gexfButton,
      graphmlButton,
      status,
    ),
    h("aside", { class: "hg-side" }, layoutNote, optionsRoot, legendRoot, filtersRoot, chartsRoot),
    h("main", { class: "hg-main" }, graphRoot, panel),
  );
  container.replaceChildren(app);

  // 3. the renderer: reducers are read through the closure so a state change only swaps them
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, graphRoot, {
    // sigma's own "line" is a rectangle program; the 1-pixel EdgeLineProgram is the cheap one
    nodeProgramClasses: { square: NodeSquareProgram, point: NodePointProgram },
    edgeProgramClasses: { line: EdgeLineProgram },
    nodeReducer: (node, attrs) => reducers.nodeReducer(node, attrs),
    edgeReducer: (edge, attrs) => reducers.edgeReducer(edge, attrs),
    defaultEdgeType: "arrow",
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 12,
    labelWeight: "600",
    edgeLabelSize: 11,
    ...detailSettings(detail),
    stagePadding: 50,
  });
  // while unlinked nodes are hidden the picture fits the linked ones (not on a large graph: a second full pass)
  const fitBox = () => (detail !== "large" && state.filters.hideIsolated ? linkedExtent(graph) : null);
  if (fitBox()) renderer.setCustomBBox(fitBox()).refresh();
  const camera = renderer.getCamera();
  // a little room around the graph by default, so labels on the edge stay inside the canvas; a large graph keeps the
  // view sigma has just drawn in its constructor (moving the camera would cost a second full frame before "ready")
  const initialCamera = state.camera ?? (detail === "large" ? null : { x: 0.5, y: 0.5, ratio: 1.1, angle: 0 });
  if (initialCamera) camera.setState(initialCamera);

  // 4. state changes → derived view → DOM and canvas
  const search = mountSearch(
    searchRoot,
    searchIndex,
    () => state.lang,
    () => view.nodes,
    (node) => {
      dispatch({ type: "select", node });
      const d = renderer.getNodeDisplayData(node);
      if (d) camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
    },
  );
  const renderSide = () => {
    const facets = computeFacets(graph, state, view, regions, (iso) => countryName(iso, state.lang));
    renderOptions(optionsRoot, state, dispatch);
    renderLegend(legendRoot, facets, state, dispatch);
    renderFilters(filtersRoot, facets, state, dispatch);
    renderCharts(chartsRoot, computeChartData(graph, view), state.lang);
  };
  const renderChrome = () => {
    document.documentElement.lang = state.lang;
    title.textContent = t(state.lang, "title");
    exportButton.textContent = t(state.lang, "exportPng");
    gexfButton.textContent = t(state.lang, "exportGexf");
    graphmlButton.textContent = t(state.lang, "exportGraphml");
    gexfButton.title = graphmlButton.title = t(state.lang, "exportTitle");
    layoutButton.textContent = t(
      state.lang,
      layout === "unavailable" ? "layoutUnavailable" : layout?.isRunning() ? "stopLayout" : "refineLayout",
    );
    layoutNote.textContent = t(state.lang, "layoutUnavailableNote");
    search.relabel();
  };
  const renderStatus = () => {
    const c = view.counts;
    status.textContent = t(state.lang, "shown", { nodes: c.nodes, outcomes: c.outcomes, edges: c.edges });
    status.dataset.nodes = String(c.nodes);
    status.dataset.edges = String(c.edges);
    // unlinked nodes the switch hides, so a reader (or a test) can account for every node of the file
    status.dataset.hiddenIsolated = String(state.filters.hideIsolated ? view.isolated : 0);
    status.dataset.outcomes = String(c.outcomes);
    status.dataset.selected = state.selected ?? "";
    status.dataset.pathTarget = state.pathTarget ?? "";
  };
  const renderCamera = () => {
    const s = camera.getState();
    status.dataset.camera = [s.x, s.y, s.ratio].map((n) => n.toFixed(4)).join(",");
  };
  const showPanel = () =>
    renderPanel(panel, state.selected, {
      graph,
      lang: state.lang,
      onSelect: (node) => dispatch({ type: "select", node }),
      review: options.review,
    });

  function dispatch(action: Action): void {
    const prev = state;
    state = updateState(state, action);
    if (state === prev) return;
    if (action.type === "camera") return options.onStateChange?.(state);
    const viewChanged =
      prev.filters !== state.filters ||
      prev.egoDepth !== state.egoDepth ||
      (state.egoDepth > 0 && prev.selected !== state.selected);
    if (viewChanged) view = computeView(graph, state, regions);
    if (prev.filters.hideIsolated !== state.filters.hideIsolated) renderer.setCustomBBox(fitBox());
    reducers = createReducers(graph, state, view, detail);
    // on a large graph a new selection redraws only what surrounds the old and the new one
    const emphasisOnly = !viewChanged && ["select", "pathTarget", "hover"].includes(action.type);
    if (detail === "large" && emphasisOnly) {
      const before = emphasisFootprint(graph, prev, view);
      const after = emphasisFootprint(graph, state, view);
      const partialGraph = {
        nodes: [...new Set([...before.nodes, ...after.nodes])],
        edges: [...new Set([...before.edges, ...after.edges])],
      };
      renderer.refresh({ partialGraph, skipIndexation: true });
    } else renderer.refresh();
    if (action.type === "hover") return;
    if (viewChanged || prev.lang !== state.lang || prev.sizeBy !== state.sizeBy) renderSide();
    if (prev.lang !== state.lang) renderChrome();
    if (prev.selected !== state.selected || prev.lang !== state.lang) showPanel();
    renderStatus();
    options.onStateChange?.(state);
  }

  // 5. events
  // on a large graph, hover only shows sigma's label: re-dimming every node on each move would cost a full refresh
  const hoverEmphasis = detail !== "large";
  const onEnter = ({ node }: { node: string }) => {
    graphRoot.style.cursor = "pointer";
    if (hoverEmphasis) dispatch({ type: "hover", node });
  };
  const onLeave = () => {
    graphRoot.style.cursor = "";
    if (hoverEmphasis) dispatch({ type: "hover", node: null });
  };
  renderer.on("enterNode", onEnter);
  renderer.on("leaveNode", onLeave);
  // shift+click a second node: the contribution path from the selection to it
  renderer.on("clickNode", ({ node, event }) =>
    dispatch(
      event.original.shiftKey && state.selected !== null ? { type: "pathTarget", node } : { type: "select", node },
    ),
  );
  renderer.on("clickStage", () => dispatch({ type: "select", node: null }));
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  const onCamera = () => {
    renderCamera();
    clearTimeout(cameraTimer);
    // the URL follows the camera once it rests, not on every frame
    cameraTimer = setTimeout(() => {
      const s = camera.getState();
      dispatch({ type: "camera", camera: { x: s.x, y: s.y, ratio: s.ratio } });
    }, 300);
  };
  camera.on("updated", onCamera);
  // the panel opening or the window changing size resizes the canvas: sigma must measure again; a large graph only
  // redraws (its label grid waits for the next refresh), as re-indexing it would cost as much as a click
  const resizeObserver = new ResizeObserver(() => {
    // its first report is the size sigma measured when created; a render since may also have measured the new size
    const { width, height } = renderer.getDimensions();
    if (graphRoot.offsetWidth === width && graphRoot.offsetHeight === height) return;
    renderer.resize();
    if (detail === "large") renderer.scheduleRender();
    else renderer.scheduleRefresh();
  });
  resizeObserver.observe(graphRoot);
  // ForceAtlas2 in a web worker refines the stored positions on demand; the file's positions stay the starting point.
  // A browser may refuse the worker (some do for a page opened from disk): then the page says so and keeps the positions.
  let layout: FA2Layout | "unavailable" | undefined;
  const onLayoutUnavailable = () => {
    if (layout instanceof FA2Layout) layout.kill();
    layout = "unavailable";
    layoutButton.dataset.layout = "unavailable";
    layoutButton.disabled = true;
    layoutNote.hidden = false;
    renderChrome();
  };
  const onLayout = () => {
    if (layout === "unavailable") return;
    if (layout === undefined) {
      try {
        layout = startLayout(graph, onLayoutUnavailable);
      } catch {
        return onLayoutUnavailable();
      }
    }
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutButton.dataset.layout = layout.isRunning() ? "running" : "stopped";
    renderChrome();
  };
  layoutButton.addEventListener("click", onLayout);
  const onExport = () =>
    void downloadAsPNG(renderer as unknown as Sigma, { fileName: "harvestgraph", backgroundColor: "#ffffff" });
  exportButton.addEventListener("click", onExport);
  const onExportGraph = (format: GraphFormat) => () =>
    downloadText(`harvestgraph.${format}`, writeVisibleGraph(graph, view, format), format);
  const onGexf = onExportGraph("gexf");
  const onGraphml = onExportGraph("graphml");
  gexfButton.addEventListener("click", onGexf);
  graphmlButton.addEventListener("click", onGraphml);

  // 6. first paint of everything around the canvas; "ready" once sigma has drawn a frame
  renderChrome();
  renderSide();
  showPanel();
  renderStatus();
  renderCamera();
  let alive = true;
  const handle: ViewerHandle = {
    nodePosition: (node) => {
      if (!graph.hasNode(node) || !view.nodes.has(node)) return null;
      const p = renderer.graphToViewport(graph.getNodeAttributes(node));
      const box = graphRoot.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
  const ready = () => {
    status.dataset.state = "ready";
    options.onReady?.(handle);
  };
  // sigma processed and drew the graph when created: ready now, or after the redraw the camera move above scheduled
  if (initialCamera) renderer.once("afterRender", ready);
  else ready();

  return () => {
    if (!alive) return;
    alive = false;
    clearTimeout(cameraTimer);
    resizeObserver.disconnect();
    if (layout instanceof FA2Layout) layout.kill();
    layoutButton.removeEventListener("click", onLayout);
    camera.removeListener("updated", onCamera);
    exportButton.removeEventListener("click", onExport);
    gexfButton.removeEventListener("click", onGexf);
    graphmlButton.removeEventListener("click", onGraphml);
    search.cleanup();
    renderer.kill();
    container.replaceChildren();
  };
}

/** ForceAtlas2 in its web worker; throws when the worker cannot be created, calls `onError` when it fails to start later. */
function startLayout(graph: Graph<NodeAttributes, EdgeAttributes>, onError: () => void): FA2Layout {
  const layout = new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 2000 } });
  // the supervisor keeps its worker in a property its typings leave out; a script that fails to load reports only there
  (layout as unknown as { worker: Worker | null }).worker?.addEventListener("error", onError, { once: true });
  return layout;
}
