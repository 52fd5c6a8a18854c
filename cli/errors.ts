// The CLI's one error class: a message for the user and the exit code it implies.
export type CLIErrorCode = "E_USAGE" | "E_INPUT" | "E_NEO4J" | "E_CONFIG" | "E_IO" | "E_SERVE";

export class CLIError extends Error {
  readonly code: CLIErrorCode;
  readonly exitCode: number;
  constructor(code: CLIErrorCode, message: string, exitCode = 1) {
    super(message);
    this.name = "CLIError";
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Exit codes shared by every command: 0 all went through, 2 some records skipped (and reported), 1 fatal. */
export const EXIT = { ok: 0, fatal: 1, skipped: 2 } as const;
