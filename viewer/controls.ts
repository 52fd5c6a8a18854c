// The left-hand controls: search with suggestions, legend with entity-type switches, filters with counts, view options.
// Each render function rebuilds its section from the state; changes go out only as actions through `dispatch`.
import { ENTITY_TYPES, type EntityType, type Rating, type RelationType } from "../ingest/schema.ts";
import { append, clear, h } from "./_dom.ts";
import type { FacetOption, Facets } from "./filters.ts";
import { entityTypeLabel, LANGS, relationLabel, t, type Lang, type MessageKey } from "./i18n.ts";
import { suggest, type SearchEntry } from "./search.ts";
import { toggle, type Action, type ViewerState } from "./state.ts";
import { CONFIDENTIAL_COLOR, ENTITY_COLORS, OUTCOME_COLOR, SIZE_BY } from "./style.ts";

export type Dispatch = (action: Action) => void;

/** Search box: suggestions over names and aliases; picking one calls `onPick`. Returns its cleanup. */
export function mountSearch(
  root: HTMLElement,
  index: SearchEntry[],
  lang: () => Lang,
  visible: () => Set<string>,
  onPick: (node: string) => void,
): { relabel: () => void; cleanup: () => void } {
  const input = h("input", {
    type: "search",
    class: "hg-search",
    "data-hg": "search",
    autocomplete: "off",
    role: "combobox",
    "aria-expanded": "false",
    "aria-controls": "hg-suggestions",
  });
  const list = h("ul", { class: "hg-suggestions", id: "hg-suggestions", role: "listbox", "data-hg": "suggestions" });
  const relabel = () => {
    input.placeholder = t(lang(), "searchPlaceholder");
    input.setAttribute("aria-label", t(lang(), "searchPlaceholder"));
  };
  const pick = (node: string) => {
    clear(list);
    input.setAttribute("aria-expanded", "false");
    onPick(node);
  };
  const update = () => {
    clear(list);
    const found = suggest(index, input.value, 8, visible());
    if (input.value.trim() && found.length === 0) list.append(h("li", { class: "hg-empty" }, t(lang(), "noMatch")));
    for (const s of found) {
      const button = h("button", { type: "button", role: "option", "data-node": s.node }, s.label);
      if (s.matched !== s.label) append(button, " ", h("small", {}, s.matched));
      button.addEventListener("click", () => pick(s.node));
      list.append(h("li", {}, button));
    }
    input.setAttribute("aria-expanded", String(found.length > 0));
  };
  const onKey = (event: KeyboardEvent) => {
    const first = list.querySelector<HTMLButtonElement>("button[data-node]");
    if (event.key === "Enter" && first) pick(first.dataset.node!);
    else if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape") {
      input.value = "";
      update();
    }
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", onKey);
  relabel();
  root.append(input, list);
  return {
    relabel,
    cleanup: () => {
      input.removeEventListener("input", update);
      input.removeEventListener("keydown", onKey);
      root.replaceChildren();
    },
  };
}

/** Legend rows for the entity types present, each a switch that hides or shows its type, then the outcome shapes. */
export function renderLegend(root: HTMLElement, facets: Facets, state: ViewerState, dispatch: Dispatch): void {
  const lang = state.lang;
  const present = new Map(facets.entityTypes.map((o) => [o.key, o.count]));
  const rows: HTMLElement[] = [];
  for (const type of ENTITY_TYPES.filter((ty) => present.has(ty))) {
    const box = h("input", {
      type: "checkbox",
      "data-hg": "entity-type",
      value: type,
      checked: !state.filters.hiddenEntityTypes.includes(type),
    });
    box.addEventListener("change", () =>
      dispatch({
        type: "setFilters",
        filters: { hiddenEntityTypes: toggle(state.filters.hiddenEntityTypes, type as EntityType) },
      }),
    );
    rows.push(
      h(
        "li",
        {},
        h(
          "label",
          {},
          box,
          _swatch(ENTITY_COLORS[type], "circle"),
          entityTypeLabel(lang, type),
          _count(present.get(type) ?? 0),
        ),
      ),
    );
  }
  rows.push(
    h("li", {}, h("span", { class: "hg-nobox" }), _swatch(OUTCOME_COLOR, "square"), entityTypeLabel(lang, "outcome")),
  );
  rows.push(
    h(
      "li",
      {},
      h("span", { class: "hg-nobox" }),
      _swatch(CONFIDENTIAL_COLOR, "square"),
      entityTypeLabel(lang, "confidential"),
    ),
  );
  clear(root);
  root.append(h("h2", {}, t(lang, "legend")), h("ul", { class: "hg-legend", "data-hg": "legend" }, ...rows));
}

/** The filters, each option with the number of outcomes (or links) it would show given the other filters. */
export function renderFilters(root: HTMLElement, facets: Facets, state: ViewerState, dispatch: Dispatch): void {
  const { filters: f, lang } = state;
  const set = (filters: Partial<ViewerState["filters"]>) => dispatch({ type: "setFilters", filters });
  const reset = h("button", { type: "button", class: "hg-reset", "data-hg": "reset" }, t(lang, "reset"));
  reset.addEventListener("click", () => dispatch({ type: "resetFilters" }));
  clear(root);
  append(
    root,
    h("h2", {}, t(lang, "filters"), " ", reset),
    _group(
      lang,
      "country",
      "country",
      facets.countries,
      (k) => f.countries.includes(k),
      (k) => set({ countries: toggle(f.countries, k) }),
    ),
    _years(facets.years, state, set),
    _group(
      lang,
      "relationTypes",
      "relation-type",
      facets.relationTypes,
      (k) => !f.hiddenRelationTypes.includes(k as RelationType),
      (k) => set({ hiddenRelationTypes: toggle(f.hiddenRelationTypes, k as RelationType) }),
      (k) => relationLabel(lang, k as RelationType),
    ),
    _group(
      lang,
      "typeOfChange",
      "type-of-change",
      facets.typesOfChange,
      (k) => f.typesOfChange.includes(k),
      (k) => set({ typesOfChange: toggle(f.typesOfChange, k) }),
    ),
    _group(
      lang,
      "ratingSignificance",
      "significance",
      facets.ratingSignificance,
      (k) => f.ratingSignificance.includes(k as Rating),
      (k) => set({ ratingSignificance: toggle(f.ratingSignificance, k as Rating) }),
      (k) => t(lang, `rating_${k as Rating}`),
    ),
    _group(
      lang,
      "ratingContribution",
      "contribution",
      facets.ratingContribution,
      (k) => f.ratingContribution.includes(k as Rating),
      (k) => set({ ratingContribution: toggle(f.ratingContribution, k as Rating) }),
      (k) => t(lang, `rating_${k as Rating}`),
    ),
    _group(
      lang,
      "harvestPeriod",
      "harvest",
      facets.harvestPeriods,
      (k) => f.harvestPeriods.includes(Number(k)),
      (k) => set({ harvestPeriods: toggle(f.harvestPeriods, Number(k)) }),
    ),
    _group(
      lang,
      "socialActor",
      "social-actor",
      facets.socialActors,
      (k) => f.socialActors.includes(k),
      (k) => set({ socialActors: toggle(f.socialActors, k) }),
    ),
    h(
      "div",
      { class: "hg-flags" },
      _flag(t(lang, "negativeOnly"), "negative", f.negativeOnly, (v) => set({ negativeOnly: v })),
      _flag(t(lang, "unintendedOnly"), "unintended", f.unintendedOnly, (v) => set({ unintendedOnly: v })),
      _flag(t(lang, "hideIsolated"), "hide-isolated", f.hideIsolated, (v) => set({ hideIsolated: v }), facets.isolated),
    ),
  );
}

/** Size switch, neighbourhood depth and language. */
export function renderOptions(root: HTMLElement, state: ViewerState, dispatch: Dispatch): void {
  const lang = state.lang;
  const size = h(
    "select",
    { "data-hg": "size-by" },
    ...SIZE_BY.map((s) =>
      h(
        "option",
        { value: s, selected: state.sizeBy === s },
        t(lang, s === "outcomes" ? "sizeOutcomes" : "sizeDegree"),
      ),
    ),
  );
  size.addEventListener("change", () => dispatch({ type: "sizeBy", sizeBy: size.value as ViewerState["sizeBy"] }));
  const depth = h(
    "select",
    { "data-hg": "ego-depth" },
    ...[0, 1, 2, 3].map((d) =>
      h("option", { value: d, selected: state.egoDepth === d }, d === 0 ? t(lang, "egoOff") : String(d)),
    ),
  );
  depth.addEventListener("change", () => dispatch({ type: "egoDepth", depth: Number(depth.value) }));
  const language = h(
    "select",
    { "data-hg": "lang" },
    ...LANGS.map((l) => h("option", { value: l, selected: state.lang === l }, l.toUpperCase())),
  );
  language.addEventListener("change", () => dispatch({ type: "lang", lang: language.value as Lang }));
  clear(root);
  root.append(
    h("label", {}, t(lang, "sizeBy"), size),
    h("label", {}, t(lang, "egoDepth"), depth),
    h("label", {}, t(lang, "language"), language),
    h("p", { class: "hg-hint" }, t(lang, "pathHint")),
  );
}

function _group(
  lang: Lang,
  title: MessageKey,
  name: string,
  options: FacetOption[],
  checked: (key: string) => boolean,
  onToggle: (key: string) => void,
  label: (key: string, option: FacetOption) => string = (_k, o) => o.label,
): HTMLElement | null {
  if (options.length === 0) return null;
  const active = options.some((o) => checked(o.key));
  const items = options.map((o) => {
    const box = h("input", { type: "checkbox", "data-hg": name, value: o.key, checked: checked(o.key) });
    box.addEventListener("change", () => onToggle(o.key));
    return h("li", {}, h("label", {}, box, label(o.key, o), _count(o.count)));
  });
  return h(
    "details",
    { class: "hg-group", open: active || options.length <= 6 },
    h("summary", {}, t(lang, title)),
    h("ul", {}, ...items),
  );
}

function _years(
  options: FacetOption[],
  state: ViewerState,
  set: (f: Partial<ViewerState["filters"]>) => void,
): HTMLElement | null {
  if (options.length === 0) return null;
  const lang = state.lang;
  const select = (which: "yearMin" | "yearMax") => {
    const current = state.filters[which];
    const el = h(
      "select",
      { "data-hg": which === "yearMin" ? "year-from" : "year-to" },
      h("option", { value: "", selected: current === null }, "—"),
      ...options.map((o) =>
        h("option", { value: o.key, selected: current === Number(o.key) }, `${o.label} (${o.count})`),
      ),
    );
    el.addEventListener("change", () => set({ [which]: el.value === "" ? null : Number(el.value) }));
    return el;
  };
  return h(
    "details",
    { class: "hg-group", open: true },
    h("summary", {}, t(lang, "year")),
    h("p", { class: "hg-years" }, t(lang, "from"), " ", select("yearMin"), " ", t(lang, "to"), " ", select("yearMax")),
  );
}

function _flag(
  text: string,
  name: string,
  value: boolean,
  onChange: (v: boolean) => void,
  count?: number,
): HTMLElement {
  const box = h("input", { type: "checkbox", "data-hg": name, checked: value });
  box.addEventListener("change", () => onChange(box.checked));
  return h("label", {}, box, text, count === undefined ? null : _count(count));
}

function _swatch(color: string, shape: "circle" | "square"): HTMLElement {
  return h("span", { class: `hg-swatch hg-${shape}`, style: `background:${color}` });
}

function _count(n: number): HTMLElement {
  return h("span", { class: "hg-count" }, String(n));
}
