// The viewer's public surface: the mount function, and the pure pieces (state, filters, reducers, style, URL) tests use.
// Browser-only code; nothing here touches Node.
export { mountViewer, type MountOptions } from "./mount.ts";
export { DEFAULT_STATE, DEFAULT_FILTERS, Filters, ViewerState, updateState, toggle, type Action } from "./state.ts";
export {
  computeView,
  computeFacets,
  buildRegionIndex,
  linkedExtent,
  egoNodes,
  outcomeInCountry,
  hasOutcomeFilter,
  type View,
  type Facets,
  type ViewerGraph,
} from "./filters.ts";
export { createReducers, computeEmphasis, emphasisFootprint, nodeLabel } from "./reducers.ts";
export { detailFor, detailSettings, DETAILS, ALL_LABELS_BELOW, LARGE_GRAPH_NODES, type Detail } from "./detail.ts";
export { visibleSubgraph, writeVisibleGraph, GRAPH_FORMATS, type GraphFormat } from "./export.ts";
export { ENTITY_COLORS, OUTCOME_COLOR, CONFIDENTIAL_COLOR, LEGEND, nodeColor, nodeSize } from "./style.ts";
export { suggest, buildSearchIndex, normalise } from "./search.ts";
export { encodeState, decodeState } from "./url.ts";
export { computeChartData } from "./charts.ts";
export { t, detectLang, LANGS, type Lang } from "./i18n.ts";
