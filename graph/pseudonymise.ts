// Replaces organisations and persons not on the keep-list by stable keyed pseudonyms (Partner-COD-7F3A), in names, ids and quotes.
// Keyed with a secret (HMAC-SHA256), so a name cannot be recovered by hashing guesses; the manifest never goes inside the export.
import { createHmac } from "node:crypto";
import Graph from "graphology";
import type { EntityType } from "../ingest/schema.ts";
import type { HarvestGraph } from "./build.ts";
import type { EdgeAttributes, NodeAttributes } from "./schema.ts";

/** Entity types whose names identify people or the groups that shelter them. */
export const PSEUDONYMISED_TYPES: ReadonlySet<EntityType> = new Set(["Organisation", "Coalition", "Person", "ActorGroup", "Project", "Training"]);

export type PseudonymManifest = { pseudonym: string; id: string; name: string; aliases: string[] }[];

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

function prefixOf(type: EntityType): string {
  return type === "Person" ? "Person" : type === "Coalition" ? "Network" : type === "Training" ? "Training" : "Partner";
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One regex matching every form of every replaced name: longest first, possessives included, whole words only. */
function nameMatcher(names: Map<string, string>): ((text: string) => string) | null {
  const forms = [...names.keys()].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length);
  if (forms.length === 0) return null;
  const body = forms.map((f) => escapeRegExp(f).replace(/\s+/g, "\\s+")).join("|");
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?:['’]s)?(?![\\p{L}\\p{N}])`, "giu");
  const lookup = new Map([...names].map(([form, pseudonym]) => [fold(form), pseudonym]));
  return (text) =>
    text.replace(re, (match) => {
      const possessive = /['’]s$/i.test(match) && !lookup.has(fold(match));
      const bare = possessive ? match.slice(0, -2) : match;
      const pseudonym = lookup.get(fold(bare));
      return pseudonym ? pseudonym + (possessive ? "'s" : "") : match;
    });
}

export function pseudonymFor(secret: string, id: string, type: EntityType, countries: string[]): string {
  const code = createHmac("sha256", secret).update(id).digest("hex").slice(0, 4).toUpperCase();
  const country = countries.find((c) => /^[A-Z]{3}$/.test(c)) ?? "INT";
  return `${prefixOf(type)}-${country}-${code}`;
}

export function pseudonymiseGraph(graph: HarvestGraph, secret: string, keep: string[] = []): { graph: HarvestGraph; manifest: PseudonymManifest } {
  const kept = new Set(keep.map(fold));
  const manifest: PseudonymManifest = [];
  const newKey = new Map<string, string>();
  const forms = new Map<string, string>();
  const used = new Set<string>();

  // 1. choose a pseudonym for each replaced entity
  graph.forEachNode((key, a) => {
    if (a.kind !== "entity" || !PSEUDONYMISED_TYPES.has(a.type)) return;
    if ([a.label, ...a.aliases].some((n) => kept.has(fold(n)))) return;
    let pseudonym = pseudonymFor(secret, key, a.type, a.countries);
    for (let n = 2; used.has(pseudonym); n++) pseudonym = `${pseudonymFor(secret, key, a.type, a.countries)}-${n}`;
    used.add(pseudonym);
    newKey.set(key, `pseudo:${pseudonym.toLowerCase()}`);
    manifest.push({ pseudonym, id: key, name: a.label, aliases: a.aliases });
    for (const form of [a.label, ...a.aliases]) forms.set(form, pseudonym);
  });
  const replace = nameMatcher(forms) ?? ((text: string) => text);

  // 2. copy the graph with new keys, labels and quotes
  const out: HarvestGraph = new Graph({ type: "mixed", multi: true, allowSelfLoops: false });
  const keyOf = (key: string) => newKey.get(key) ?? key;
  graph.forEachNode((key, a) => {
    const pseudonym = newKey.has(key) ? manifest.find((m) => m.id === key)!.pseudonym : null;
    const attributes: NodeAttributes =
      a.kind === "entity"
        ? { ...a, label: pseudonym ?? replace(a.label), aliases: pseudonym ? [] : a.aliases.map(replace) }
        : { ...a, text: Object.fromEntries(Object.entries(a.text).map(([f, t]) => [f, replace(t)])) };
    out.addNode(keyOf(key), attributes);
  });
  graph.forEachEdge((_key, a, source, target, _sa, _ta, undirected) => {
    const attributes: EdgeAttributes = { ...a, evidence: a.evidence.map((e) => ({ ...e, text: replace(e.text) })) };
    const edgeKey = `${keyOf(source)}|${a.type}|${keyOf(target)}`;
    if (undirected) out.addUndirectedEdgeWithKey(edgeKey, keyOf(source), keyOf(target), attributes);
    else out.addDirectedEdgeWithKey(edgeKey, keyOf(source), keyOf(target), attributes);
  });
  return { graph: out, manifest };
}
