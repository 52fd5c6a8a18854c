// Public surface of the named-query library: the .cypher questions evaluators ask of the graph, their headers and parameters.
export { PARAM_TYPES, ParamType, ParamSpec, ColumnSpec, NamedQuery, RUNNER_PARAMS, REVIEWED_PARAM, QueryError, type ParamValue, type QueryErrorCode } from "./types.ts";
export {
  QUERIES_DIR,
  parseQueryFile,
  queryNames,
  loadQuery,
  listQueries,
  convertParam,
  canonicalCountry,
  parseRowsFile,
  buildParams,
  takesReviewed,
  type BuildParamsOptions,
} from "./loader.ts";
export { OUTPUT_FORMATS, OutputFormat, formatRows, formatTable, formatCsv, formatJson, formatMarkdown, escapeMarkdown, type Rows } from "./format.ts";
