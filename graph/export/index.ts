// Public surface of the exports: graph → file contents (pure); the CLI writes them.
export { writeGexf } from "./gexf.ts";
export { writeGraphml } from "./graphml.ts";
export { writeCsvTables } from "./csv.ts";
export { flattenNode, flattenEdge } from "./flatten.ts";
