// The view kept in the URL's hash (filters, selection, size, depth, language, camera), so a view can be reopened or sent.
// Only what differs from the defaults is written; anything unreadable in a hash is dropped, never trusted.
import { DEFAULT_FILTERS, DEFAULT_STATE, ViewerState, type Filters } from "./state.ts";

type ListKey =
  | "countries"
  | "hiddenEntityTypes"
  | "hiddenRelationTypes"
  | "typesOfChange"
  | "ratingSignificance"
  | "ratingContribution"
  | "socialActors";
const LISTS: Record<ListKey, string> = {
  countries: "country",
  hiddenEntityTypes: "hideType",
  hiddenRelationTypes: "hideRel",
  typesOfChange: "change",
  ratingSignificance: "sig",
  ratingContribution: "contrib",
  socialActors: "actor",
};

export function encodeState(state: ViewerState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  for (const [key, param] of Object.entries(LISTS) as [ListKey, string][]) {
    for (const value of f[key]) p.append(param, value);
  }
  for (const period of f.harvestPeriods) p.append("harvest", String(period));
  if (f.yearMin !== null) p.set("from", String(f.yearMin));
  if (f.yearMax !== null) p.set("to", String(f.yearMax));
  if (f.negativeOnly) p.set("negative", "1");
  if (f.unintendedOnly) p.set("unintended", "1");
  if (!f.hideIsolated) p.set("isolated", "1");
  if (state.selected !== null) p.set("node", state.selected);
  if (state.pathTarget !== null) p.set("path", state.pathTarget);
  if (state.sizeBy !== DEFAULT_STATE.sizeBy) p.set("size", state.sizeBy);
  if (state.egoDepth !== 0) p.set("depth", String(state.egoDepth));
  p.set("lang", state.lang);
  if (state.camera)
    p.set("camera", [state.camera.x, state.camera.y, state.camera.ratio].map((n) => +n.toFixed(4)).join(","));
  return p.toString();
}

/** The state a hash describes, on top of `base`; fields that fail validation keep their `base` value. */
export function decodeState(hash: string, base: ViewerState = DEFAULT_STATE): ViewerState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const filters: Record<string, unknown> = { ...DEFAULT_FILTERS };
  for (const [key, param] of Object.entries(LISTS) as [ListKey, string][]) filters[key] = p.getAll(param);
  filters.harvestPeriods = p.getAll("harvest").map(Number);
  filters.yearMin = _int(p.get("from"));
  filters.yearMax = _int(p.get("to"));
  filters.negativeOnly = p.get("negative") === "1";
  filters.unintendedOnly = p.get("unintended") === "1";
  filters.hideIsolated = p.get("isolated") !== "1";
  const camera = p.get("camera")?.split(",").map(Number);
  const candidate = {
    ...base,
    filters,
    selected: p.get("node") ?? base.selected,
    pathTarget: p.get("path") ?? base.pathTarget,
    sizeBy: p.get("size") ?? base.sizeBy,
    egoDepth: _int(p.get("depth")) ?? base.egoDepth,
    lang: p.get("lang") ?? base.lang,
    camera: camera && camera.length === 3 ? { x: camera[0], y: camera[1], ratio: camera[2] } : base.camera,
  };
  const whole = ViewerState.safeParse(candidate);
  if (whole.success) return whole.data;
  // keep each part that is valid on its own
  const parts = { ...base };
  const filtersOk = ViewerState.shape.filters.safeParse(filters);
  if (filtersOk.success) parts.filters = filtersOk.data as Filters;
  for (const key of ["selected", "pathTarget", "sizeBy", "egoDepth", "lang", "camera"] as const) {
    const ok = ViewerState.shape[key].safeParse(candidate[key]);
    if (ok.success) (parts as Record<string, unknown>)[key] = ok.data;
  }
  return parts;
}

function _int(value: string | null): number | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  return Number(value);
}
