// The viewer's UI state as one object, and the pure function that applies an action to it.
// Interactions dispatch actions; what is drawn is derived from the state by filters.ts and reducers.ts.
import { z } from "zod";
import { EntityType, Rating, RelationType } from "../ingest/schema.ts";
import { LANGS } from "./i18n.ts";
import { SIZE_BY } from "./style.ts";

/** Every list is "only these"; an empty list means no constraint. Types are listed by what is hidden. */
export const Filters = z.object({
  /** Country names, ISO codes or region names; an outcome matches by its country, its ISO code or a country it names. */
  countries: z.array(z.string()).default([]),
  yearMin: z.number().int().nullable().default(null),
  yearMax: z.number().int().nullable().default(null),
  hiddenEntityTypes: z.array(EntityType).default([]),
  hiddenRelationTypes: z.array(RelationType).default([]),
  typesOfChange: z.array(z.string()).default([]),
  ratingSignificance: z.array(Rating).default([]),
  ratingContribution: z.array(Rating).default([]),
  harvestPeriods: z.array(z.number().int()).default([]),
  socialActors: z.array(z.string()).default([]),
  negativeOnly: z.boolean().default(false),
  unintendedOnly: z.boolean().default(false),
  /** Nodes with no relation at all (mostly places named once) crowd the picture: hidden by default, counted. */
  hideIsolated: z.boolean().default(true),
});
export type Filters = z.infer<typeof Filters>;

export const CameraView = z.object({ x: z.number(), y: z.number(), ratio: z.number().positive() });
export type CameraView = z.infer<typeof CameraView>;

export const ViewerState = z.object({
  hovered: z.string().nullable().default(null),
  selected: z.string().nullable().default(null),
  /** With a selection, the other end of a contribution path to highlight (shift+click). */
  pathTarget: z.string().nullable().default(null),
  filters: Filters.default(Filters.parse({})),
  sizeBy: z.enum(SIZE_BY).default("outcomes"),
  /** 0 shows the whole graph; 1–3 only the selected node's neighbourhood at that depth. */
  egoDepth: z.number().int().min(0).max(3).default(0),
  lang: z.enum(LANGS).default("en"),
  camera: CameraView.nullable().default(null),
});
export type ViewerState = z.infer<typeof ViewerState>;

export const DEFAULT_FILTERS: Filters = Filters.parse({});
export const DEFAULT_STATE: ViewerState = ViewerState.parse({});

export type Action =
  | { type: "hover"; node: string | null }
  | { type: "select"; node: string | null }
  | { type: "pathTarget"; node: string | null }
  | { type: "setFilters"; filters: Partial<Filters> }
  | { type: "resetFilters" }
  | { type: "sizeBy"; sizeBy: ViewerState["sizeBy"] }
  | { type: "egoDepth"; depth: number }
  | { type: "lang"; lang: ViewerState["lang"] }
  | { type: "camera"; camera: CameraView };

/** The state after `action`; the input is never changed. */
export function updateState(state: ViewerState, action: Action): ViewerState {
  switch (action.type) {
    case "hover":
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case "select":
      return { ...state, selected: action.node, pathTarget: null };
    case "pathTarget":
      return { ...state, pathTarget: state.selected === null || action.node === state.selected ? null : action.node };
    case "setFilters":
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case "resetFilters":
      return { ...state, filters: DEFAULT_FILTERS };
    case "sizeBy":
      return { ...state, sizeBy: action.sizeBy };
    case "egoDepth":
      return { ...state, egoDepth: Math.max(0, Math.min(3, Math.trunc(action.depth))) };
    case "lang":
      return { ...state, lang: action.lang };
    case "camera":
      return { ...state, camera: action.camera };
  }
}

/** Flips one value in a list: the helper behind every checkbox filter. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
