#!/usr/bin/env node
// Copied verbatim from ../shared/eval/score.mjs (the shared evaluation scorer) on 2026-11-22, so the bench runs where ../shared is absent; edit only there.
// Scores an extraction against a hand-annotated gold file.
//
//   node score.mjs GOLD.json PRED_DIR [--json] [--verbose]
//
// PRED_DIR holds one extraction document per annotated record, named after the
// record's file with ".json" appended (000_x.txt -> 000_x.txt.json), as printed by
// the project's `extract` command for that one file. The document's shape:
//   { outcomes:  [{ id, fragmentId, ... }],
//     entities:  [{ id, type, name, aliases? }],
//     relations: [{ source, type, target, evidence: [{ outcome, field, text, start, end }] }] }
// Record texts are read from the gold file's folder ../fixtures/seeds or --texts DIR,
// to check that every piece of evidence quotes the record verbatim.
import { readFileSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";

const CORE = new Set(["FUNDED", "TRAINED", "MENTORED", "CONTRIBUTED_TO", "ACHIEVED", "PARTNERED_WITH"]);
const UNSCORED_TYPES = new Set(["Outcome", "Training", "ActorGroup", "Person"]);

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
const [goldPath, predDir] = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1] === "--texts"));
if (!goldPath || !predDir) {
  console.error("usage: node score.mjs GOLD.json PRED_DIR [--texts DIR] [--json] [--verbose]");
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldPath, "utf8"));
const textsDir = opt("--texts") ?? resolve(dirname(goldPath), "../../fixtures/seeds");

export function norm(s) {
  return String(s)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(the|la|le|les) /, "")
    .trim();
}
const tokens = (s) => new Set(norm(s).split(" ").filter(Boolean));
const namesOf = (e) => [e.name, ...(e.aliases ?? [])].map(norm).filter(Boolean);

function matches(pred, g) {
  const p = new Set(namesOf(pred));
  if (namesOf(g).some((n) => p.has(n))) return true;
  if (g.all) {
    const need = g.all.map(norm);
    return [pred.name, ...(pred.aliases ?? [])].some((n) => {
      const t = tokens(n);
      return need.every((w) => t.has(w));
    });
  }
  return false;
}

const tally = () => ({ tp: 0, fp: 0, fn: 0 });
const ent = tally(), rel = tally();
let typeOk = 0, typeAll = 0, forbiddenHits = 0, evidenceOk = 0, evidenceAll = 0, missingFiles = 0;
const perRecord = [];

for (const rec of gold.records) {
  const predPath = join(predDir, rec.file + ".json");
  if (!existsSync(predPath)) {
    missingFiles++;
    const need = rec.entities.filter((e) => !e.optional).length;
    const needR = rec.relations.filter((r) => !r.optional).length;
    ent.fn += need; rel.fn += needR;
    perRecord.push({ file: rec.file, missing: true });
    continue;
  }
  const pred = JSON.parse(readFileSync(predPath, "utf8"));
  const text = existsSync(join(textsDir, rec.file)) ? readFileSync(join(textsDir, rec.file), "utf8") : null;
  const notes = [];

  // entities
  const goldOf = new Map(); // predicted entity id -> gold entity
  const hit = new Set();
  for (const p of pred.entities ?? []) {
    const n = norm(p.name ?? "");
    if (rec.forbidden?.some((f) => norm(f) === n) || /[<>]/.test(p.name ?? "") || n === "") {
      forbiddenHits++; ent.fp++; notes.push(`forbidden entity: ${JSON.stringify(p.name)}`);
      continue;
    }
    const g = rec.entities.find((g) => matches(p, g));
    if (g) goldOf.set(p.id, g);
    if (UNSCORED_TYPES.has(p.type)) continue;
    if (!g) { ent.fp++; notes.push(`extra entity: ${p.type} ${JSON.stringify(p.name)}`); continue; }
    if (g.optional || hit.has(g)) continue;
    hit.add(g); ent.tp++;
    typeAll++;
    if ((g.types ?? [g.type]).includes(p.type)) typeOk++;
    else notes.push(`type of ${JSON.stringify(p.name)}: ${p.type}, expected ${g.type}`);
  }
  for (const g of rec.entities) if (!g.optional && !hit.has(g)) { ent.fn++; notes.push(`missed entity: ${g.type} ${JSON.stringify(g.name)}`); }

  // relations
  const outcomeIds = new Set((pred.outcomes ?? []).filter((o) => o.fragmentId === rec.outcome || (pred.outcomes ?? []).length === 1).map((o) => o.id));
  const endpoint = (id) => (outcomeIds.has(id) ? "OUTCOME" : goldOf.get(id));
  const goldEnd = (name) => (name === "OUTCOME" ? "OUTCOME" : rec.entities.find((g) => namesOf(g).includes(norm(name))));
  const goldRels = rec.relations.map((r) => ({ ...r, s: goldEnd(r.source), t: goldEnd(r.target) }));
  for (const r of goldRels) if (!r.s || !r.t) throw new Error(`gold relation names an unknown entity: ${JSON.stringify(r)}`);
  const found = new Set();
  for (const p of pred.relations ?? []) {
    if (!CORE.has(p.type)) continue;
    for (const ev of p.evidence ?? []) {
      evidenceAll++;
      if (text && typeof ev.text === "string" && ev.text.length > 0 && text.includes(ev.text)) evidenceOk++;
    }
    if (!p.evidence?.length) evidenceAll++;
    const s = endpoint(p.source), t = endpoint(p.target);
    const g = goldRels.find((r) => r.type === p.type && ((r.s === s && r.t === t) || (p.type === "PARTNERED_WITH" && r.s === t && r.t === s)));
    if (!g) { rel.fp++; notes.push(`extra relation: ${label(pred, p.source)} ${p.type} ${label(pred, p.target)}`); continue; }
    if (g.optional || found.has(g)) continue;
    found.add(g); rel.tp++;
  }
  for (const g of goldRels) if (!g.optional && !found.has(g)) { rel.fn++; notes.push(`missed relation: ${g.source} ${g.type} ${g.target}`); }
  perRecord.push({ file: rec.file, notes });
}

function label(pred, id) {
  const e = (pred.entities ?? []).find((e) => e.id === id);
  return e ? JSON.stringify(e.name) : String(id);
}
const f1 = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3), ...{ tp, fp, fn } };
};
const result = {
  records: gold.records.length,
  missingFiles,
  entities: f1(ent),
  typeAccuracy: typeAll ? +(typeOk / typeAll).toFixed(3) : 0,
  relations: f1(rel),
  evidenceVerbatim: evidenceAll ? +(evidenceOk / evidenceAll).toFixed(3) : 0,
  forbiddenEntities: forbiddenHits,
};
if (flag("--verbose")) for (const r of perRecord) { console.log(`# ${r.file}${r.missing ? " (no prediction)" : ""}`); for (const n of r.notes ?? []) console.log("  " + n); }
if (flag("--json")) console.log(JSON.stringify(result));
else console.log(`entities F1 ${result.entities.f1} (P ${result.entities.precision} R ${result.entities.recall}) · types ${result.typeAccuracy} · relations F1 ${result.relations.f1} (P ${result.relations.precision} R ${result.relations.recall}) · evidence verbatim ${result.evidenceVerbatim} · forbidden ${result.forbiddenEntities} · missing ${missingFiles}/${result.records}`);
