// The README's annotated tree, built from each source file's opening line (every file says its job there); `--write` updates README.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const START = "<!-- tree:start -->\n";
const END = "<!-- tree:end -->";

/** Folders listed as one line instead of file by file, with what they hold. */
const SUMMARISED: Record<string, string> = {
  "examples/seeds/": "the three sample records of the SCC harvest (DR Congo, Sahel; 004 is confidential)",
  "examples/own/": "16 invented records with their hand annotation (own.gold.json), written before the extractor saw them",
  "examples/own2/": "16 more invented records (5 French) annotated blind of the extractor (own2.gold.json), then used as a development set",
  "examples/own3/": "12 more invented records (4 French) annotated blind, scored once before any rule looked at them (own3.gold.json)",
  "examples/holdout/": "12 invented records in unseen styles with their annotation (holdout.gold.json): a blind test set",
  "test/fixtures/": "test data: the samples as CSV/XLSX/JSON/JSONL, broken files, dev and seed records with gold, viewer graphs",
  "bench/results/": "the latest benchmark figures (latest.json, latest.md)",
};

/** Files whose opening line is not a comment (data, markup), described here. */
const DESCRIBED: Record<string, string> = {
  "package.json": "dependencies and the scripts: start, test, neo4j, bench",
  "package-lock.json": "exact dependency versions",
  "tsconfig.json": "TypeScript settings (strict, bundler resolution, no emit)",
  "README.md": "this page",
  ".gitignore": "what never enters git: node_modules, dist, the data folder, test artifacts",
  ".prettierrc.json": "the one formatter config (120 columns)",
  ".ci/run": "CI: installs what a fresh machine lacks, then `npm ci` and `npm test`",
  "viewer/index.html": "the viewer page (no remote resources; strict Content-Security-Policy)",
  "graph/neo4j/README.md": "the Neo4j model and why (one relationship per outcome)",
  "tools/neo4j/README.md": "how the local Neo4j server is resolved and started",
};

/** The file's opening comment, continued over following comment lines up to its first full stop. */
function firstLine(path: string): string {
  const parts: string[] = [];
  for (const raw of readFileSync(path, "utf8").split("\n").slice(0, 8)) {
    const line = raw.trim();
    if (parts.length === 0 && (line.startsWith("#!") || line.startsWith("<?xml") || line === "")) continue;
    const m = /^(?:\/\/|\/\*+|<!--|#|\*)\s*(.*?)\s*(?:\*\/|-->)?$/.exec(line);
    if (!m || !m[1]) break;
    parts.push(m[1]);
    if (/[.:]$/.test(m[1]) || parts.length === 3) break;
  }
  const text = parts.join(" ");
  const stop = /^(.+?[.?])(?:\s|$)/.exec(text);
  const sentence = (stop ? stop[1] : text).replace(/[.:]$/, "");
  return sentence.length > 150 ? sentence.slice(0, 149).replace(/\s+\S*$/, "") + "…" : sentence;
}

export function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean);
}

export function readmeTree(files: string[]): string {
  const lines: string[] = [];
  const seenDirs = new Set<string>();
  const summarised = new Set<string>();
  for (const file of [...files].sort()) {
    const summary = Object.keys(SUMMARISED).find((dir) => file.startsWith(dir));
    const parts = file.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/") + "/";
      if (seenDirs.has(dir)) continue;
      seenDirs.add(dir);
      if (summary && dir === summary) {
        summarised.add(dir);
        lines.push(`${"  ".repeat(depth - 1)}${parts[depth - 1]}/`.padEnd(40) + ` ${SUMMARISED[dir]}`);
        break;
      }
      lines.push(`${"  ".repeat(depth - 1)}${parts[depth - 1]}/`);
    }
    if (summary) continue;
    const note = DESCRIBED[file] ?? firstLine(file);
    lines.push(`${"  ".repeat(parts.length - 1)}${parts[parts.length - 1]}`.padEnd(40) + (note ? ` ${note}` : ""));
  }
  return "```\n" + lines.map((l) => l.trimEnd()).join("\n") + "\n```";
}

export function withTree(readme: string, files: string[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error("README.md: tree markers not found");
  return readme.slice(0, start + START.length) + readmeTree(files) + "\n" + readme.slice(end);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = withTree(readFileSync("README.md", "utf8"), trackedFiles());
  if (process.argv.includes("--write")) writeFileSync("README.md", readme);
  else process.stdout.write(readmeTree(trackedFiles()) + "\n");
}
