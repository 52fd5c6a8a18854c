// The optional harvestgraph.config.json of the working directory: the user's settings, validated once; flags override it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { EntityType, FieldName } from "../ingest/schema.ts";
import { readJsonFile } from "./json-file.ts";

export const CONFIG_FILE = "harvestgraph.config.json";

export const Config = z
  .object({
    /** Column name in the user's exports → canonical field. */
    columns: z.record(z.string(), FieldName).default({}),
    /** Extra names of one actor: canonical name → aliases. */
    aliases: z.record(z.string(), z.array(z.string())).default({}),
    /** Pairs of names that must never be merged. */
    doNotMerge: z.array(z.tuple([z.string(), z.string()])).default([]),
    /** Actors to add to the shipped gazetteer. */
    gazetteer: z
      .array(z.object({ name: z.string(), type: EntityType, aliases: z.array(z.string()).default([]), country: z.string().optional() }))
      .default([]),
    /** Names kept as they are by --pseudonymise (the programme, its implementing partners). */
    keep: z.array(z.string()).default([]),
    /** Excel sheet to read when a workbook has several. */
    sheet: z.string().optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});

export function loadConfig(cwd = process.cwd()): Config {
  const path = resolve(cwd, CONFIG_FILE);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  return readJsonFile(path, Config, "E_CONFIG", CONFIG_FILE);
}

/** The extraction settings the config file holds, in the extractor's option names. */
export function extractOptionsFrom(config: Config) {
  return { aliases: config.aliases, doNotMerge: config.doNotMerge, gazetteerAdditions: config.gazetteer };
}
