// Argument definitions shared by several commands, so each flag means the same everywhere.
import type { ArgsDef } from "citty";

export const DATA_ARG = {
  data: { type: "string", description: "data folder (default .harvestgraph/, or HARVESTGRAPH_DATA)", valueHint: "DIR" },
} as const satisfies ArgsDef;

export const CONFIDENTIAL_ARG = {
  "include-confidential": {
    type: "boolean",
    default: false,
    description: "include records flagged confidential (left out of every output by default)",
  },
} as const satisfies ArgsDef;

export const PORT_ARGS = {
  port: { type: "string", description: "first port to try (default 5173; the next free one is used)", valueHint: "N" },
  host: { type: "string", description: "address to bind (default 127.0.0.1; anything else is reachable from other machines)", valueHint: "ADDR" },
} as const satisfies ArgsDef;

/** Positional paths of a command: citty gives the first positional by name and the rest in `_`. */
export function positionalPaths(args: { _: string[] }): string[] {
  return args._.filter((a) => a !== "");
}
