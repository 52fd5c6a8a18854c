// How many outcomes evidence each results-framework code, per country and year, and which framework outcomes have none?
// One row per (code, country, year) with the outcomes' FragmentIDs. With framework (a JSON or CSV file of codes and
// titles) the titles are filled in, and each framework code that no outcome evidences (neither the code itself nor a
// sub-code such as 1.2.2 under 1.2) gets a row with outcomes = 0.
// @param country: string? — ISO code (COD), country name (DR Congo) or region (Sahel); a country also matches the regional outcomes covering it
// @param yearFrom: integer? — only outcomes of this year or later
// @param yearTo: integer? — only outcomes of this year or earlier
// @param framework: file? — the results framework: JSON (array of {code, title}, or {code: title}) or CSV with code and title columns
// @column code — the results-framework code
// @column title — its title, from the framework file
// @column country — the outcomes' country or region (null for a code without evidence)
// @column year — the outcomes' year (null for a code without evidence)
// @column outcomes — how many outcomes evidence the code there and then
// @column fragmentIds — their FragmentIDs
MATCH (o:Outcome)
WHERE ($includeConfidential OR NOT coalesce(o.confidential, false))
  AND ($country IS NULL OR o.countryIso = toUpper($country) OR toLower(o.country) = toLower($country)
       OR toUpper($country) IN coalesce(o.countriesCovered, []))
  AND ($yearFrom IS NULL OR o.year >= $yearFrom) AND ($yearTo IS NULL OR o.year <= $yearTo)
UNWIND o.frameworkCodes AS code
WITH code, o.country AS country, o.year AS year, o.fragmentId AS fragmentId ORDER BY fragmentId
WITH code, country, year, collect(fragmentId) AS fragmentIds
WITH collect({code: code, country: country, year: year, outcomes: size(fragmentIds), fragmentIds: fragmentIds}) AS found
WITH found, coalesce($framework, []) AS framework
WITH found, framework,
     [f IN framework WHERE f.code IS NOT NULL AND f.code <> ""
        AND NONE(x IN found WHERE x.code = f.code OR x.code STARTS WITH f.code + ".")
      | {code: f.code, country: null, year: null, outcomes: 0, fragmentIds: []}] AS missing
UNWIND found + missing AS row
RETURN row.code AS code, head([f IN framework WHERE f.code = row.code | f.title]) AS title, row.country AS country,
       row.year AS year, row.outcomes AS outcomes, row.fragmentIds AS fragmentIds
ORDER BY code, country, year
