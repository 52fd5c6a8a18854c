// Reads a JSON file the user may have edited by hand, validated by its zod schema; any problem is one CLI line naming the file.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CLIError, type CLIErrorCode } from "./errors.ts";

export function readJsonFile<T extends z.ZodType>(path: string, schema: T, code: CLIErrorCode, label = path): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CLIError(code, `${label}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CLIError(code, `${label}: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}`);
  return parsed.data;
}
