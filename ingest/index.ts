// Public surface of ingest: read record files, normalise them, and extract entities and relations.
export * from "./schema.ts";
export { ingestPaths, ingestStream, createReportTally, summariseReport, DEFAULT_INGEST_OPTIONS, type IngestOptions, type IngestItem } from "./ingest.ts";
export { FIELD_SPECS, createFieldMatcher, fieldKey } from "./fields.ts";
export { normaliseRecord, describeLocator } from "./record.ts";
export { parseTextRecords } from "./read/text.ts";
export { resolveCountry } from "./gazetteer/countries.ts";
export { applyStricterRedaction } from "./redaction.ts";
