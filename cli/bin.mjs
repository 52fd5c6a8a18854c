#!/usr/bin/env node
// The `harvestgraph` executable: loads the TypeScript sources through tsx, then hands over to cli/main.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
await main(process.argv.slice(2));
