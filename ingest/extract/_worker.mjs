// Entry of an extraction worker thread: loads the TypeScript sources through tsx (as cli/bin.mjs does), then runs _worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./_worker.ts");
