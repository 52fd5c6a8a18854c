// Interface strings in English and French, and the pick of a language from the browser's preferences.
// Record text is never translated: only the viewer's own words and the closed vocabularies.
import type { EntityType, RelationType, TextField } from "../ingest/schema.ts";

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

const EN = {
  title: "Contribution network",
  searchPlaceholder: "Search actors, outcomes, aliases…",
  noMatch: "No match",
  legend: "Legend",
  filters: "Filters",
  reset: "Reset",
  country: "Country or region",
  year: "Year",
  from: "from",
  to: "to",
  entityTypes: "Entity types",
  relationTypes: "Relation types",
  typeOfChange: "Type of change",
  ratingSignificance: "Significance",
  ratingContribution: "Contribution",
  harvestPeriod: "Harvest period",
  socialActor: "Social actor",
  negativeOnly: "Negative outcomes only",
  unintendedOnly: "Unintended outcomes only",
  all: "All",
  sizeBy: "Size by",
  sizeOutcomes: "number of outcomes",
  sizeDegree: "number of links",
  egoDepth: "Neighbourhood of the selected node",
  egoOff: "whole graph",
  exportPng: "Export PNG",
  exportGexf: "GEXF",
  exportGraphml: "GraphML",
  exportTitle: "Download the filtered graph for Gephi",
  hideIsolated: "Hide unlinked nodes",
  refineLayout: "Refine layout",
  pathHint: "Shift+click a second node to see the contribution path from the selected one.",
  stopLayout: "Stop layout",
  layoutUnavailable: "Layout unavailable",
  layoutUnavailableNote:
    "This browser does not start the layout's web worker here (a page opened from disk may not allow it); the positions stored with the graph are shown.",
  // "label: n" reads right for any n, so no plural rules are needed
  shown: "Shown: nodes {nodes} · outcomes {outcomes} · links {edges}",
  outcome: "Outcome",
  confidential: "confidential",
  confidentialNote: "Confidential outcome: do not share outside the evaluation team.",
  type: "Type",
  aliases: "Also known as",
  countries: "Countries",
  outcomesLinked: "Outcomes linked",
  relations: "Relations",
  evidence: "Evidence",
  fullRecord: "Full record",
  close: "Close",
  charts: "Outcomes",
  perCountry: "per country",
  perYear: "per year",
  perTypeOfChange: "by type of change",
  loadError: "Could not load the graph: {reason}",
  language: "Language",
  fragmentId: "FragmentID",
  reviewAccept: "Accept",
  reviewReject: "Reject",
  reviewFailed: "Not saved: {reason}",
  status_machine: "machine",
  status_accepted: "accepted",
  status_rejected: "rejected",
  status_added: "added",
  rule: "rule",
  rating_low: "low",
  rating_medium: "medium",
  rating_high: "high",
  rating_unknown: "unknown",
  yes: "yes",
  no: "no",
  negative: "Negative",
  unintended: "Unintended",
  scale: "Scale",
};
export type MessageKey = keyof typeof EN;

const FR: Record<MessageKey, string> = {
  title: "Réseau de contribution",
  searchPlaceholder: "Chercher acteurs, changements, alias…",
  noMatch: "Aucun résultat",
  legend: "Légende",
  filters: "Filtres",
  reset: "Réinitialiser",
  country: "Pays ou région",
  year: "Année",
  from: "de",
  to: "à",
  entityTypes: "Types d'entité",
  relationTypes: "Types de relation",
  typeOfChange: "Type de changement",
  ratingSignificance: "Importance",
  ratingContribution: "Contribution",
  harvestPeriod: "Période de récolte",
  socialActor: "Acteur social",
  negativeOnly: "Changements négatifs seulement",
  unintendedOnly: "Changements non voulus seulement",
  all: "Tous",
  sizeBy: "Taille selon",
  sizeOutcomes: "nombre de changements",
  sizeDegree: "nombre de liens",
  egoDepth: "Voisinage du nœud choisi",
  egoOff: "tout le graphe",
  exportPng: "Exporter en PNG",
  exportGexf: "GEXF",
  exportGraphml: "GraphML",
  exportTitle: "Télécharger le graphe filtré pour Gephi",
  hideIsolated: "Masquer les nœuds sans lien",
  refineLayout: "Affiner la disposition",
  pathHint: "Maj+clic sur un second nœud : le chemin de contribution depuis le nœud choisi.",
  stopLayout: "Arrêter la disposition",
  layoutUnavailable: "Disposition indisponible",
  layoutUnavailableNote:
    "Ce navigateur ne lance pas ici le web worker de la disposition (une page ouverte depuis le disque peut l'interdire) ; les positions enregistrées avec le graphe sont affichées.",
  shown: "Affichés : nœuds {nodes} · changements {outcomes} · liens {edges}",
  outcome: "Changement",
  confidential: "confidentiel",
  confidentialNote: "Changement confidentiel : ne pas diffuser hors de l'équipe d'évaluation.",
  type: "Type",
  aliases: "Autres noms",
  countries: "Pays",
  outcomesLinked: "Changements liés",
  relations: "Relations",
  evidence: "Preuves",
  fullRecord: "Fiche complète",
  close: "Fermer",
  charts: "Changements",
  perCountry: "par pays",
  perYear: "par année",
  perTypeOfChange: "par type de changement",
  loadError: "Impossible de charger le graphe : {reason}",
  language: "Langue",
  fragmentId: "FragmentID",
  reviewAccept: "Valider",
  reviewReject: "Rejeter",
  reviewFailed: "Non enregistré : {reason}",
  status_machine: "machine",
  status_accepted: "validé",
  status_rejected: "rejeté",
  status_added: "ajouté",
  rule: "règle",
  rating_low: "faible",
  rating_medium: "moyen",
  rating_high: "élevé",
  rating_unknown: "inconnu",
  yes: "oui",
  no: "non",
  negative: "Négatif",
  unintended: "Non voulu",
  scale: "Échelle",
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en: EN, fr: FR };

const ENTITY_TYPE_LABELS: Record<Lang, Record<EntityType | "outcome" | "confidential", string>> = {
  en: {
    Organisation: "Organisation",
    Coalition: "Coalition",
    GovernmentBody: "Government body",
    Programme: "Programme",
    Project: "Project",
    ArmedGroup: "Armed group",
    Tool: "Tool",
    Place: "Place",
    Training: "Training",
    ActorGroup: "Group of actors",
    Person: "Person",
    outcome: "Outcome",
    confidential: "Confidential outcome",
  },
  fr: {
    Organisation: "Organisation",
    Coalition: "Coalition",
    GovernmentBody: "Organe public",
    Programme: "Programme",
    Project: "Projet",
    ArmedGroup: "Groupe armé",
    Tool: "Outil",
    Place: "Lieu",
    Training: "Formation",
    ActorGroup: "Groupe d'acteurs",
    Person: "Personne",
    outcome: "Changement",
    confidential: "Changement confidentiel",
  },
};

const RELATION_LABELS: Record<Lang, Record<RelationType, string>> = {
  en: {
    FUNDED: "funded",
    TRAINED: "trained",
    MENTORED: "mentored",
    CONTRIBUTED_TO: "contributed to",
    ACHIEVED: "achieved",
    PARTNERED_WITH: "partnered with",
    DELIVERED: "delivered",
    ATTENDED: "attended",
    LOCATED_IN: "located in",
    PART_OF: "part of",
    SUPPORTED: "supported",
  },
  fr: {
    FUNDED: "a financé",
    TRAINED: "a formé",
    MENTORED: "a accompagné",
    CONTRIBUTED_TO: "a contribué à",
    ACHIEVED: "a réalisé",
    PARTNERED_WITH: "partenaire de",
    DELIVERED: "a dispensé",
    ATTENDED: "a suivi",
    LOCATED_IN: "situé à",
    PART_OF: "fait partie de",
    SUPPORTED: "a soutenu",
  },
};

const FIELD_LABELS: Record<Lang, Record<TextField, string>> = {
  en: {
    outcomeDescription: "Outcome description",
    significance: "Significance",
    additionalInformation: "Additional information",
    programmeContribution: "Contribution of the programme",
    otherActorsContribution: "Contribution of other actors",
    evidence: "Evidence",
    resultsFramework: "Results framework",
    objective: "Objective",
    mergedStory: "Merged story",
  },
  fr: {
    outcomeDescription: "Description du changement",
    significance: "Importance",
    additionalInformation: "Informations complémentaires",
    programmeContribution: "Contribution du programme",
    otherActorsContribution: "Contribution d'autres acteurs",
    evidence: "Preuves",
    resultsFramework: "Cadre de résultats",
    objective: "Objectif",
    mergedStory: "Récit fusionné",
  },
};

/** A message with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function entityTypeLabel(lang: Lang, type: EntityType | "outcome" | "confidential"): string {
  return ENTITY_TYPE_LABELS[lang][type];
}

export function relationLabel(lang: Lang, type: RelationType): string {
  return RELATION_LABELS[lang][type];
}

export function fieldLabel(lang: Lang, field: string): string {
  return (FIELD_LABELS[lang] as Record<string, string>)[field] ?? field;
}

/** The first supported language among the browser's preferences, English otherwise. */
export function detectLang(preferences: readonly string[]): Lang {
  for (const pref of preferences) {
    const base = pref.toLowerCase().split("-")[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return "en";
}
