// The side panel for the selected node: what it is, its outcomes, and every relation with the quotes behind it.
// For an outcome, also its ratings and the full record. Record text goes in only through text nodes (see _dom.ts).
import type { EdgeEvidence, NodeAttributes, OutcomeNodeAttributes } from "../graph/schema.ts";
import { TEXT_FIELDS } from "../ingest/schema.ts";
import { append, clear, h } from "./_dom.ts";
import { countryName } from "./countries.ts";
import type { ViewerGraph } from "./filters.ts";
import { entityTypeLabel, fieldLabel, relationLabel, t, type Lang, type MessageKey } from "./i18n.ts";
import { nodeColor } from "./style.ts";

/** A person's decision on one edge as one outcome states it; present only when the server accepts review writes. */
export type ReviewDecision = { kind: "accept" | "reject"; source: string; type: string; target: string; outcome: string };
export type ReviewWriter = (decision: ReviewDecision) => Promise<void>;

export type PanelContext = { graph: ViewerGraph; lang: Lang; onSelect: (node: string | null) => void; review?: ReviewWriter };

export function renderPanel(target: HTMLElement, node: string | null, ctx: PanelContext): void {
  clear(target);
  target.hidden = node === null || !ctx.graph.hasNode(node);
  if (node === null || target.hidden) {
    target.removeAttribute("data-node");
    return;
  }
  const attrs = ctx.graph.getNodeAttributes(node);
  target.setAttribute("data-node", node);
  const close = h("button", { type: "button", class: "hg-close", "aria-label": t(ctx.lang, "close") }, "×");
  close.addEventListener("click", () => ctx.onSelect(null));
  append(
    target,
    close,
    h("h2", { class: "hg-panel-title" }, attrs.label),
    _kindLine(attrs, ctx.lang),
    attrs.kind === "outcome" && attrs.confidential
      ? h("p", { class: "hg-confidential", "data-hg": "confidential" }, t(ctx.lang, "confidentialNote"))
      : null,
    attrs.kind === "entity" ? _entityFacts(attrs, ctx) : _outcomeFacts(attrs, ctx.lang),
    _relations(node, ctx),
    attrs.kind === "outcome" ? _fullRecord(attrs, ctx.lang) : null,
  );
}

function _kindLine(attrs: NodeAttributes, lang: Lang): HTMLElement {
  const key = attrs.kind === "entity" ? attrs.type : attrs.confidential ? "confidential" : "outcome";
  return h(
    "p",
    { class: "hg-kind" },
    h("span", { class: `hg-swatch hg-${attrs.kind}`, style: `background:${nodeColor(attrs)}` }),
    `${t(lang, "type")}: ${entityTypeLabel(lang, key)}`,
  );
}

function _entityFacts(attrs: Extract<NodeAttributes, { kind: "entity" }>, ctx: PanelContext): HTMLElement {
  const outcomes = attrs.outcomes.filter((o) => ctx.graph.hasNode(o));
  return h(
    "section",
    {},
    _facts(ctx.lang, [
      ["aliases", attrs.aliases.join(" · ")],
      ["countries", attrs.countries.map((c) => countryName(c, ctx.lang)).join(", ")],
    ]),
    outcomes.length === 0
      ? null
      : h(
          "section",
          { class: "hg-outcomes" },
          h("h3", {}, t(ctx.lang, "outcomesLinked")),
          h("ul", {}, ...outcomes.map((o) => h("li", {}, _outcomeButton(o, ctx)))),
        ),
  );
}

function _outcomeButton(node: string, ctx: PanelContext): HTMLElement {
  const o = ctx.graph.getNodeAttributes(node) as OutcomeNodeAttributes;
  const parts = [
    o.fragmentId,
    o.year ?? "",
    o.country,
    `${_rating(ctx.lang, o.ratingSignificance)} / ${_rating(ctx.lang, o.ratingContribution)}`,
  ];
  const button = h(
    "button",
    { type: "button", class: "hg-link", "data-target": node },
    parts.filter((p) => p !== "").join(" · "),
  );
  if (o.confidential) button.append(h("span", { class: "hg-badge" }, t(ctx.lang, "confidential")));
  button.addEventListener("click", () => ctx.onSelect(node));
  return button;
}

function _outcomeFacts(o: OutcomeNodeAttributes, lang: Lang): HTMLElement {
  return _facts(lang, [
    ["fragmentId", o.fragmentId],
    [
      "country",
      [o.country, ...o.countriesNamed.filter((c) => c !== o.countryIso).map((c) => countryName(c, lang))].join(", "),
    ],
    ["year", o.year === null ? "" : String(o.year)],
    ["harvestPeriod", o.harvestPeriod === null ? "" : String(o.harvestPeriod)],
    ["ratingSignificance", _rating(lang, o.ratingSignificance)],
    ["ratingContribution", _rating(lang, o.ratingContribution)],
    ["socialActor", o.socialActor],
    ["scale", o.scale === "unknown" ? "" : o.scale],
    ["typeOfChange", [...new Set([...o.typeOfChangeCluster, ...o.typesOfChange])].join(", ")],
    ["negative", o.negative === "unknown" ? "" : t(lang, o.negative)],
    ["unintended", o.unintended === "unknown" ? "" : t(lang, o.unintended)],
  ]);
}

function _facts(lang: Lang, rows: [MessageKey, string][]): HTMLElement {
  const dl = h("dl", { class: "hg-facts" });
  for (const [key, value] of rows) if (value) dl.append(h("dt", {}, t(lang, key)), h("dd", {}, value));
  return dl;
}

function _relations(node: string, ctx: PanelContext): HTMLElement | null {
  const { graph, lang } = ctx;
  const items: HTMLElement[] = [];
  const add = (edge: string, other: string, outgoing: boolean) => {
    const a = graph.getEdgeAttributes(edge);
    const otherButton = h(
      "button",
      { type: "button", class: "hg-link", "data-target": other },
      graph.getNodeAttribute(other, "label"),
    );
    otherButton.addEventListener("click", () => ctx.onSelect(other));
    const verb = h("span", { class: "hg-relation", title: a.type }, relationLabel(lang, a.type));
    const head = outgoing ? h("p", {}, "→ ", verb, " ", otherButton) : h("p", {}, "← ", otherButton, " ", verb);
    items.push(
      h(
        "li",
        { "data-hg": "relation", "data-relation": a.type, "data-edge": edge },
        head,
        ..._quotes(a.evidence, lang, a.rule, ctx.review && ((kind, outcome) => ctx.review!({ kind, source: graph.source(edge), type: a.type, target: graph.target(edge), outcome }))),
      ),
    );
  };
  graph.forEachOutEdge(node, (edge, _a, _s, target) => add(edge, target, true));
  graph.forEachInEdge(node, (edge, _a, source) => add(edge, source, false));
  graph.forEachUndirectedEdge(node, (edge, _a, source, target) => add(edge, source === node ? target : source, true));
  if (items.length === 0) return null;
  return h(
    "section",
    { class: "hg-relations" },
    h("h3", {}, `${t(lang, "relations")} (${items.length})`),
    h("ul", {}, ...items),
  );
}

function _quotes(
  evidence: EdgeEvidence[],
  lang: Lang,
  rule: string | undefined,
  decide?: (kind: "accept" | "reject", outcome: string) => Promise<void>,
): HTMLElement[] {
  return evidence.map((e) => {
    const status = e.status ?? "machine";
    const caption = [fieldLabel(lang, e.field), `${t(lang, "fragmentId")} ${e.fragmentId}`, t(lang, `status_${status}`), rule ? `${t(lang, "rule")} ${rule}` : ""];
    const figure = h(
      "figure",
      { class: "hg-evidence", "data-hg": "evidence", "data-fragment-id": e.fragmentId, "data-field": e.field, "data-status": status },
      h("blockquote", {}, e.text),
      h("figcaption", {}, caption.filter(Boolean).join(" · ")),
    );
    if (decide) figure.append(_reviewButtons(figure, lang, (kind) => decide(kind, e.outcome)));
    return figure;
  });
}

/** Accept / reject buttons for one quote; the figure shows the saved status, or why it was not saved. */
function _reviewButtons(figure: HTMLElement, lang: Lang, decide: (kind: "accept" | "reject") => Promise<void>): HTMLElement {
  const note = h("span", { class: "hg-review-note", "data-hg": "review-note" });
  const button = (kind: "accept" | "reject") => {
    const b = h("button", { type: "button", class: "hg-review", "data-hg": `review-${kind}` }, t(lang, kind === "accept" ? "reviewAccept" : "reviewReject"));
    b.addEventListener("click", () => {
      note.textContent = "";
      decide(kind).then(
        () => {
          const status = kind === "accept" ? "accepted" : "rejected";
          figure.setAttribute("data-status", status);
          note.textContent = t(lang, `status_${status}`);
        },
        (error: unknown) => {
          note.textContent = t(lang, "reviewFailed", { reason: error instanceof Error ? error.message : String(error) });
        },
      );
    });
    return b;
  };
  return h("p", { class: "hg-review-actions" }, button("accept"), " ", button("reject"), " ", note);
}

function _fullRecord(o: OutcomeNodeAttributes, lang: Lang): HTMLElement {
  const section = h("section", { class: "hg-record", "data-hg": "record" }, h("h3", {}, t(lang, "fullRecord")));
  const fields = [
    ...TEXT_FIELDS.filter((f) => f in o.text),
    ...Object.keys(o.text).filter((f) => !(TEXT_FIELDS as readonly string[]).includes(f)),
  ];
  for (const field of fields) {
    const text = o.text[field];
    if (!text || !text.trim()) continue;
    // the merged story repeats the other fields; show it only when they are missing
    if (field === "mergedStory" && o.text.outcomeDescription?.trim()) continue;
    section.append(h("h4", {}, fieldLabel(lang, field)), h("p", { "data-field": field }, text));
  }
  return section;
}

function _rating(lang: Lang, rating: OutcomeNodeAttributes["ratingSignificance"]): string {
  return t(lang, `rating_${rating}`);
}
