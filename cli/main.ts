// Entry of the `harvestgraph` command: picks the subcommand, runs it, and is the one place that catches errors.
import { defineCommand, runCommand, showUsage, type CommandDef } from "citty";
import { CLIError } from "./errors.ts";

const load = (name: string) => () => import(`./commands/${name}.ts`).then((m) => m.default as CommandDef<any>);

export const COMMANDS = ["start", "ingest", "extract", "push", "query", "cypher", "export", "serve", "review", "forget", "neo4j", "synth", "bench"];

export const root = defineCommand({
  meta: {
    name: "harvestgraph",
    description: "Outcome Harvesting records → knowledge graph (graphology, Neo4j) → Sigma.js viewer",
  },
  subCommands: Object.fromEntries(COMMANDS.map((c) => [c, load(c)])),
});

async function resolveCommand(rawArgs: string[]): Promise<[CommandDef<any>, CommandDef<any> | undefined, string[]]> {
  const [name, ...rest] = rawArgs;
  if (!name || name.startsWith("-")) return [root, undefined, rawArgs];
  if (!COMMANDS.includes(name)) throw new CLIError("E_USAGE", `unknown command "${name}"; try: ${COMMANDS.join(", ")}`);
  return [await load(name)(), root, rest];
}

export async function main(rawArgs: string[]): Promise<void> {
  try {
    const [cmd, parent, rest] = await resolveCommand(rawArgs);
    if (rest.includes("--help") || rest.includes("-h") || cmd === root) {
      await showUsage(cmd, parent);
      return;
    }
    await runCommand(cmd, { rawArgs: rest });
  } catch (error) {
    process.exitCode = error instanceof CLIError ? error.exitCode : 1;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`harvestgraph: ${message}\n`);
    if (process.env.HARVESTGRAPH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
}
