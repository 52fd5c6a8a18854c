// Public surface of review: the curation file's schema, applying it to an extraction, and the review table.
export * from "./schema.ts";
export { applyCuration, keepApartPairs, relationKey, refKey, DEFAULT_APPLY_OPTIONS, type ApplyOptions } from "./apply.ts";
export { reviewRows, decisionsFromRows, REVIEW_COLUMNS, type ReviewRow } from "./table.ts";
