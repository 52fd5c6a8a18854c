// Which nodes and edges the current filters and neighbourhood leave visible, and the counts beside each filter option.
// Outcomes are filtered by their fields; an entity stays while it is linked to a visible outcome; an edge while its evidence is.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes, OutcomeNodeAttributes } from "../graph/schema.ts";
import type { EntityType, RelationType } from "../ingest/schema.ts";
import type { Filters, ViewerState } from "./state.ts";

export type ViewerGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

export type View = {
  nodes: Set<string>;
  edges: Set<string>;
  counts: { nodes: number; outcomes: number; entities: number; edges: number };
  /** Nodes the other filters leave visible but that have no relation at all, hidden while `hideIsolated` is on. */
  isolated: number;
};

export type FacetOption = { key: string; label: string; count: number };
export type Facets = {
  countries: FacetOption[];
  years: FacetOption[];
  typesOfChange: FacetOption[];
  ratingSignificance: FacetOption[];
  ratingContribution: FacetOption[];
  harvestPeriods: FacetOption[];
  socialActors: FacetOption[];
  entityTypes: FacetOption[];
  relationTypes: FacetOption[];
  /** Unlinked nodes the other filters leave: shown beside the "hide unlinked nodes" switch. */
  isolated: number;
};

type OutcomeTest = (o: OutcomeNodeAttributes, f: Filters, regions: RegionIndex) => boolean;
type OutcomeFacet =
  | "countries"
  | "years"
  | "typesOfChange"
  | "ratingSignificance"
  | "ratingContribution"
  | "harvestPeriods"
  | "socialActors"
  | "flags";

/** Region name → ISO codes its outcomes name, so choosing "Sahel" also brings Burkina Faso's and Mali's outcomes. */
export type RegionIndex = Map<string, Set<string>>;

const OUTCOME_TESTS: Record<OutcomeFacet, OutcomeTest> = {
  countries: (o, f, regions) =>
    f.countries.length === 0 || f.countries.some((key) => outcomeInCountry(o, key, regions)),
  years: (o, f) =>
    (f.yearMin === null || (o.year !== null && o.year >= f.yearMin)) &&
    (f.yearMax === null || (o.year !== null && o.year <= f.yearMax)),
  typesOfChange: (o, f) =>
    f.typesOfChange.length === 0 || o.typeOfChangeCluster.some((t) => f.typesOfChange.includes(t)),
  ratingSignificance: (o, f) =>
    f.ratingSignificance.length === 0 || f.ratingSignificance.includes(o.ratingSignificance),
  ratingContribution: (o, f) =>
    f.ratingContribution.length === 0 || f.ratingContribution.includes(o.ratingContribution),
  harvestPeriods: (o, f) =>
    f.harvestPeriods.length === 0 || (o.harvestPeriod !== null && f.harvestPeriods.includes(o.harvestPeriod)),
  socialActors: (o, f) => f.socialActors.length === 0 || f.socialActors.includes(o.socialActor),
  flags: (o, f) => (!f.negativeOnly || o.negative === "yes") && (!f.unintendedOnly || o.unintended === "yes"),
};
const FACETS = Object.keys(OUTCOME_TESTS) as OutcomeFacet[];

/** True when `key` (a country name, an ISO code or a region) covers the outcome. */
export function outcomeInCountry(o: OutcomeNodeAttributes, key: string, regions: RegionIndex = new Map()): boolean {
  const k = key.toLowerCase();
  if (o.country.toLowerCase() === k || o.countryIso?.toLowerCase() === k) return true;
  if (o.countriesNamed.some((iso) => iso.toLowerCase() === k)) return true;
  const covered = regions.get(k);
  return covered !== undefined && (covered.has(o.countryIso ?? "") || o.countriesNamed.some((iso) => covered.has(iso)));
}

export function buildRegionIndex(graph: ViewerGraph): RegionIndex {
  const regions: RegionIndex = new Map();
  graph.forEachNode((_node, a) => {
    if (a.kind !== "outcome" || a.countryIso !== null || a.countriesNamed.length === 0) return;
    const key = a.country.toLowerCase();
    const set = regions.get(key) ?? new Set<string>();
    for (const iso of a.countriesNamed) set.add(iso);
    regions.set(key, set);
  });
  return regions;
}

export function outcomeMatches(
  o: OutcomeNodeAttributes,
  f: Filters,
  regions: RegionIndex,
  except?: OutcomeFacet,
): boolean {
  return FACETS.every((facet) => facet === except || OUTCOME_TESTS[facet](o, f, regions));
}

/** True when any filter on outcome fields is set (type filters do not count: they hide kinds, not outcomes). */
export function hasOutcomeFilter(f: Filters): boolean {
  return (
    f.countries.length +
      f.typesOfChange.length +
      f.ratingSignificance.length +
      f.ratingContribution.length +
      f.harvestPeriods.length +
      f.socialActors.length >
      0 ||
    f.yearMin !== null ||
    f.yearMax !== null ||
    f.negativeOnly ||
    f.unintendedOnly
  );
}

/** Nodes within `depth` steps of `start`, ignoring direction, walking only through `allowed` nodes. */
export function egoNodes(graph: ViewerGraph, start: string, depth: number, allowed?: Set<string>): Set<string> {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (seen.has(neighbour) || (allowed && !allowed.has(neighbour))) return;
        seen.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return seen;
}

/**
 * A shortest path from `from` to `to` through `allowed` nodes: following edge direction first (a contribution runs
 * programme → organisation → actor → outcome), else ignoring it. Returns the nodes and edges, or null.
 */
export function findPath(
  graph: ViewerGraph,
  from: string,
  to: string,
  allowed?: Set<string>,
): { nodes: string[]; edges: string[] } | null {
  return _bfsPath(graph, from, to, allowed, true) ?? _bfsPath(graph, from, to, allowed, false);
}

function _bfsPath(graph: ViewerGraph, from: string, to: string, allowed: Set<string> | undefined, directed: boolean) {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const via = new Map<string, { prev: string; edge: string }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      const visit = (edge: string, neighbour: string) => {
        if (seen.has(neighbour) || (allowed && !allowed.has(neighbour))) return;
        seen.add(neighbour);
        via.set(neighbour, { prev: node, edge });
        next.push(neighbour);
      };
      if (directed) {
        graph.forEachOutEdge(node, (edge, _a, _s, target) => visit(edge, target));
        graph.forEachUndirectedEdge(node, (edge, _a, s, t) => visit(edge, s === node ? t : s));
      } else {
        graph.forEachEdge(node, (edge, _a, s, t) => visit(edge, s === node ? t : s));
      }
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let at = to; at !== from;) {
    const step = via.get(at)!;
    edges.unshift(step.edge);
    nodes.unshift(step.prev);
    at = step.prev;
  }
  return { nodes, edges };
}

/** What the state leaves visible. */
export function computeView(
  graph: ViewerGraph,
  state: ViewerState,
  regions: RegionIndex = buildRegionIndex(graph),
): View {
  const f = state.filters;
  const outcomeFiltered = hasOutcomeFilter(f);
  const hiddenTypes = new Set<EntityType>(f.hiddenEntityTypes);
  const hiddenRelations = new Set<RelationType>(f.hiddenRelationTypes);
  // 1. outcomes by their fields
  const outcomes = new Set<string>();
  graph.forEachNode((node, a) => {
    if (a.kind === "outcome" && outcomeMatches(a, f, regions)) outcomes.add(node);
  });
  // 2. entities by type, and by a link to a visible outcome when outcomes are filtered
  let nodes = new Set<string>(outcomes);
  graph.forEachNode((node, a) => {
    if (a.kind !== "entity" || hiddenTypes.has(a.type)) return;
    if (!outcomeFiltered || a.outcomes.some((o) => outcomes.has(o))) nodes.add(node);
  });
  // 3. nodes with no relation at all, counted either way so the switch can say how many
  let isolated = 0;
  for (const node of nodes) {
    if (graph.degree(node) > 0) continue;
    isolated++;
    if (f.hideIsolated) nodes.delete(node);
  }
  // 4. the selected node's neighbourhood
  if (state.egoDepth > 0 && state.selected !== null && nodes.has(state.selected)) {
    nodes = egoNodes(graph, state.selected, state.egoDepth, nodes);
  }
  // 5. edges between visible nodes, of a shown type, backed by a visible outcome
  const edges = new Set<string>();
  graph.forEachEdge((edge, a, source, target) => {
    if (!nodes.has(source) || !nodes.has(target) || hiddenRelations.has(a.type)) return;
    if (outcomeFiltered && !a.evidence.some((e) => outcomes.has(e.outcome))) return;
    edges.add(edge);
  });
  let outcomeCount = 0;
  for (const node of nodes) if (graph.getNodeAttribute(node, "kind") === "outcome") outcomeCount++;
  return {
    nodes,
    edges,
    counts: { nodes: nodes.size, outcomes: outcomeCount, entities: nodes.size - outcomeCount, edges: edges.size },
    isolated,
  };
}

/** The box around the nodes that have a relation, so the picture fits them while unlinked nodes are hidden; null if none. */
export function linkedExtent(graph: ViewerGraph): { x: [number, number]; y: [number, number] } | null {
  let box: { x: [number, number]; y: [number, number] } | null = null;
  graph.forEachNode((node, a) => {
    if (graph.degree(node) === 0) return;
    if (!box) box = { x: [a.x, a.x], y: [a.y, a.y] };
    else {
      box.x = [Math.min(box.x[0], a.x), Math.max(box.x[1], a.x)];
      box.y = [Math.min(box.y[0], a.y), Math.max(box.y[1], a.y)];
    }
  });
  return box;
}

/** Counts beside each option: outcomes matching every other filter, entities and edges in the current view. */
export function computeFacets(
  graph: ViewerGraph,
  state: ViewerState,
  view: View,
  regions: RegionIndex = buildRegionIndex(graph),
  countryName: (iso: string) => string = (iso) => iso,
): Facets {
  const f = state.filters;
  const tallies = {
    countries: new Map<string, FacetOption>(),
    years: new Map<string, FacetOption>(),
    typesOfChange: new Map<string, FacetOption>(),
    ratingSignificance: new Map<string, FacetOption>(),
    ratingContribution: new Map<string, FacetOption>(),
    harvestPeriods: new Map<string, FacetOption>(),
    socialActors: new Map<string, FacetOption>(),
    entityTypes: new Map<string, FacetOption>(),
    relationTypes: new Map<string, FacetOption>(),
  };
  const bump = (map: Map<string, FacetOption>, key: string, label: string, add: number) => {
    const option = map.get(key) ?? { key, label, count: 0 };
    option.count += add;
    map.set(key, option);
  };
  graph.forEachNode((node, a) => {
    if (a.kind === "entity") {
      bump(tallies.entityTypes, a.type, a.type, view.nodes.has(node) ? 1 : 0);
      return;
    }
    const inFacet = (facet: OutcomeFacet) => (outcomeMatches(a, f, regions, facet) ? 1 : 0);
    const c = inFacet("countries");
    const countryKey = a.countryIso ?? a.country;
    if (countryKey) bump(tallies.countries, countryKey, a.country, c);
    for (const iso of a.countriesNamed) if (iso !== a.countryIso) bump(tallies.countries, iso, countryName(iso), c);
    if (a.year !== null) bump(tallies.years, String(a.year), String(a.year), inFacet("years"));
    for (const t of a.typeOfChangeCluster) bump(tallies.typesOfChange, t, t, inFacet("typesOfChange"));
    bump(tallies.ratingSignificance, a.ratingSignificance, a.ratingSignificance, inFacet("ratingSignificance"));
    bump(tallies.ratingContribution, a.ratingContribution, a.ratingContribution, inFacet("ratingContribution"));
    if (a.harvestPeriod !== null)
      bump(tallies.harvestPeriods, String(a.harvestPeriod), String(a.harvestPeriod), inFacet("harvestPeriods"));
    if (a.socialActor) bump(tallies.socialActors, a.socialActor, a.socialActor, inFacet("socialActors"));
  });
  graph.forEachEdge((edge, a) => bump(tallies.relationTypes, a.type, a.type, view.edges.has(edge) ? 1 : 0));
  const sorted = (map: Map<string, FacetOption>) => [...map.values()].sort((x, y) => x.label.localeCompare(y.label));
  // a country named only through a region gets the region's name when no outcome gives its own
  for (const option of tallies.countries.values())
    if (option.label === option.key) option.label = countryName(option.key);
  return {
    countries: sorted(tallies.countries),
    years: [...tallies.years.values()].sort((x, y) => Number(x.key) - Number(y.key)),
    typesOfChange: sorted(tallies.typesOfChange),
    ratingSignificance: sorted(tallies.ratingSignificance),
    ratingContribution: sorted(tallies.ratingContribution),
    harvestPeriods: sorted(tallies.harvestPeriods),
    socialActors: sorted(tallies.socialActors),
    entityTypes: sorted(tallies.entityTypes),
    relationTypes: sorted(tallies.relationTypes),
    isolated: view.isolated,
  };
}
