// `harvestgraph review`: list machine-made edges with their quotes for review, and record a person's decisions in the curation file.
import { readFileSync } from "node:fs";
import { type ArgsDef, defineCommand, type CommandDef } from "citty";
import { parse as parseCsv } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { extractReviewed } from "../../graph/pipeline.ts";
import { ENTITY_TYPES, RELATION_TYPES, TEXT_FIELDS, type EntityType, type RelationType, type TextField } from "../../ingest/schema.ts";
import { type Decision, decisionsFromRows, REVIEW_COLUMNS, type ReviewRow, reviewRows } from "../../review/index.ts";
import { DATA_ARG } from "../args.ts";
import { outputOptions } from "../build-outputs.ts";
import { loadConfig } from "../config.ts";
import { appendDecisions, readCuration, reportStale } from "../curation.ts";
import { resolveDataFolder, writeFileAtomic } from "../data-folder.ts";
import { CLIError } from "../errors.ts";
import { loadStoredRecords } from "../records.ts";

const META_ARGS = {
  reviewer: { type: "string", description: "who decided", valueHint: "NAME" },
  date: { type: "string", description: "when (YYYY-MM-DD)", valueHint: "DATE" },
  reason: { type: "string", description: "why, in a few words", valueHint: "TEXT" },
  ...DATA_ARG,
} as const;

const EDGE_ARGS = {
  source: { type: "string" as const, required: true as const, description: "source entity id (as in `review` output)", valueHint: "ID" },
  type: { type: "enum" as const, options: [...RELATION_TYPES] as string[], required: true as const, description: "relation type" },
  target: { type: "string" as const, required: true as const, description: "target entity or outcome id", valueHint: "ID" },
  outcome: { type: "string" as const, required: true as const, description: "the outcome id the edge rests on", valueHint: "ID" },
};

function meta(args: { reviewer?: string; date?: string; reason?: string }) {
  return { ...(args.reviewer ? { reviewer: args.reviewer } : {}), ...(args.date ? { date: args.date } : {}), ...(args.reason ? { reason: args.reason } : {}) };
}

function record(args: { data?: string }, decisions: Decision[]): void {
  const curation = appendDecisions(resolveDataFolder(args.data), decisions);
  process.stderr.write(`recorded ${decisions.length} decision(s); the curation file now holds ${curation.decisions.length}\n`);
}

function formatRows(rows: ReviewRow[], format: string): string {
  if (format === "csv") return stringify([[...REVIEW_COLUMNS], ...rows.map((r) => REVIEW_COLUMNS.map((c) => r[c]))]);
  if (format === "md") {
    const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
    const cols = ["decision", "sourceName", "type", "targetName", "fragmentId", "status", "rule", "quotes"] as const;
    return [`| ${cols.join(" | ")} |`, `|${cols.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${cols.map((c) => cell(r[c])).join(" | ")} |`)].join("\n") + "\n";
  }
  return rows.map((r) => `${r.status.padEnd(8)} ${r.sourceName} -${r.type}-> ${r.targetName}  [${r.fragmentId}] (${r.rule})\n         “${r.quotes}”\n         --source ${r.source} --type ${r.type} --target ${r.target} --outcome ${r.outcome}`).join("\n") + "\n";
}

const LIST_ARGS = {
  outcome: { type: "string" as const, description: "only edges resting on this outcome (id or FragmentID)", valueHint: "ID" },
  status: { type: "enum" as const, options: ["machine", "accepted", "added"], description: "only edges with this status" },
  format: { type: "enum" as const, options: ["table", "md", "csv"], default: "table", description: "csv can be filled in and imported back" },
  out: { type: "string" as const, description: "write here instead of stdout", valueHint: "FILE" },
  ...DATA_ARG,
} satisfies ArgsDef;

const list = defineCommand({
  meta: { name: "list", description: "List edges with their quotes for review (the default)" },
  args: LIST_ARGS,
  run({ args }) {
    const folder = resolveDataFolder(args.data);
    const { extraction, stale } = extractReviewed(loadStoredRecords(folder), outputOptions(folder, loadConfig(), { includeConfidential: true }));
    reportStale(stale);
    const text = formatRows(reviewRows(extraction, { outcome: args.outcome, status: args.status }), args.format);
    if (args.out) writeFileAtomic(args.out, text);
    else process.stdout.write(text);
  },
});

const decide = (kind: "accept" | "reject") =>
  defineCommand({
    meta: { name: kind, description: `${kind === "accept" ? "Accept" : "Reject"} one edge as stated by one outcome` },
    args: { ...EDGE_ARGS, ...META_ARGS },
    run({ args }) {
      record(args, [{ kind, relation: { source: args.source, type: args.type as RelationType, target: args.target, outcome: args.outcome }, ...meta(args) }]);
    },
  });

const add = defineCommand({
  meta: { name: "add", description: "Add an edge the machine missed, with the quote from the record it rests on" },
  args: {
    ...EDGE_ARGS,
    field: { type: "enum", options: [...TEXT_FIELDS], required: true, description: "the record field the quote is in" },
    quote: { type: "string", required: true, description: "the words of the record, verbatim", valueHint: "TEXT" },
    ...META_ARGS,
  },
  run({ args }) {
    const relation = { source: args.source, type: args.type as RelationType, target: args.target, outcome: args.outcome };
    record(args, [{ kind: "add", relation, field: args.field as TextField, quote: args.quote, ...meta(args) }]);
  },
});

const merge = defineCommand({
  meta: { name: "merge", description: "Merge entity FROM into entity INTO (one node with the names of both)" },
  args: { into: { type: "positional", required: true, description: "entity id to keep" }, from: { type: "positional", required: true, description: "entity id merged into it" }, ...META_ARGS },
  run({ args }) {
    record(args, [{ kind: "merge", into: args.into, from: args.from, ...meta(args) }]);
  },
});

const split = defineCommand({
  meta: { name: "split", description: "Keep two names apart: resolution will never merge them" },
  args: { a: { type: "positional", required: true, description: "first name" }, b: { type: "positional", required: true, description: "second name" }, ...META_ARGS },
  run({ args }) {
    record(args, [{ kind: "split", names: [args.a, args.b], ...meta(args) }]);
  },
});

const retype = defineCommand({
  meta: { name: "retype", description: "Give an entity another type" },
  args: { entity: { type: "positional", required: true, description: "entity id" }, type: { type: "enum", options: [...ENTITY_TYPES], required: true, description: "new type" }, ...META_ARGS },
  run({ args }) {
    record(args, [{ kind: "retype", entity: args.entity, type: args.type as EntityType, ...meta(args) }]);
  },
});

const rename = defineCommand({
  meta: { name: "rename", description: "Give an entity another display name (the old one becomes an alias)" },
  args: { entity: { type: "positional", required: true, description: "entity id" }, name: { type: "positional", required: true, description: "new name" }, ...META_ARGS },
  run({ args }) {
    record(args, [{ kind: "rename", entity: args.entity, name: args.name, ...meta(args) }]);
  },
});

const importRows = defineCommand({
  meta: { name: "import", description: "Import a review table (CSV from `review --format csv`) with its decision column filled in" },
  args: { file: { type: "positional", required: true, description: "the filled-in CSV" }, ...DATA_ARG },
  run({ args }) {
    const rows = parseCsv(readFileSync(args.file, "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as Partial<ReviewRow>[];
    const { decisions, errors } = decisionsFromRows(rows, args.file);
    if (errors.length) throw new CLIError("E_INPUT", errors.join("; "));
    record(args, decisions);
    const curation = readCuration(resolveDataFolder(args.data));
    if (curation.decisions.length === 0) process.stderr.write("no row had a decision\n");
  },
});

export default defineCommand({
  meta: { name: "review", description: "Review extracted edges: list them with quotes, accept, reject, add, merge, split, retype, rename, import a filled-in table" },
  default: "list",
  // The list flags are declared here too, so `review --format csv` is not read as a subcommand named "csv".
  args: LIST_ARGS,
  subCommands: { list, accept: decide("accept"), reject: decide("reject"), add, merge, split, retype, rename, import: importRows } as Record<string, CommandDef<any>>,
});
