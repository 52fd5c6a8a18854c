// Display names for ISO 3166-1 alpha-3 codes the programme's records name, in English and French.
// Only for codes no outcome spells out itself; an unknown code is shown as the code.
import type { Lang } from "./i18n.ts";

const NAMES: Record<string, [en: string, fr: string]> = {
  BDI: ["Burundi", "Burundi"],
  BEN: ["Benin", "Bénin"],
  BFA: ["Burkina Faso", "Burkina Faso"],
  CAF: ["Central African Republic", "République centrafricaine"],
  CIV: ["Côte d'Ivoire", "Côte d'Ivoire"],
  CMR: ["Cameroon", "Cameroun"],
  COD: ["DR Congo", "RD Congo"],
  COG: ["Congo", "Congo"],
  DJI: ["Djibouti", "Djibouti"],
  ERI: ["Eritrea", "Érythrée"],
  ETH: ["Ethiopia", "Éthiopie"],
  GHA: ["Ghana", "Ghana"],
  GIN: ["Guinea", "Guinée"],
  KEN: ["Kenya", "Kenya"],
  MLI: ["Mali", "Mali"],
  MRT: ["Mauritania", "Mauritanie"],
  NER: ["Niger", "Niger"],
  NGA: ["Nigeria", "Nigeria"],
  RWA: ["Rwanda", "Rwanda"],
  SDN: ["Sudan", "Soudan"],
  SEN: ["Senegal", "Sénégal"],
  SOM: ["Somalia", "Somalie"],
  SSD: ["South Sudan", "Soudan du Sud"],
  TCD: ["Chad", "Tchad"],
  TGO: ["Togo", "Togo"],
  TZA: ["Tanzania", "Tanzanie"],
  UGA: ["Uganda", "Ouganda"],
};

export function countryName(iso: string, lang: Lang = "en"): string {
  const names = NAMES[iso.toUpperCase()];
  return names ? names[lang === "fr" ? 1 : 0] : iso;
}
