// extractRecords on small sentences of my own (EN/FR, active/passive, lists, acronyms both ways, possessives, redactions).
import { describe, expect, it } from "vitest";
import { extractRecords } from "../ingest/extract/index.ts";
import type { Extraction, TextField } from "../ingest/schema.ts";
import { makeRecord } from "./_extract.ts";

type Fields = Partial<Record<TextField, string>> & { fragmentId?: string; country?: string };

function run(fields: Fields, gazetteer = false): Extraction {
  return extractRecords([makeRecord(fields)], { gazetteer }).extraction;
}
function triples(x: Extraction): string[] {
  const name = (id: string) => x.entities.find((e) => e.id === id)?.name ?? "OUTCOME";
  // a symmetric relation is stored once in either direction: list both readings
  return x.relations.flatMap((r) => {
    const one = `${name(r.source)} ${r.type} ${name(r.target)}`;
    return r.type === "PARTNERED_WITH" ? [one, `${name(r.target)} ${r.type} ${name(r.source)}`] : [one];
  });
}
const names = (x: Extraction) => x.entities.map((e) => e.name);

describe("extractRecords on sentences", () => {
  it.each([
    {
      about: "active training with funding from the programme",
      fields: { programmeContribution: "With funding support from the SCC programme, Lumiere Trust trained the Kasese Paralegal Network (KPN) on digital security." },
      want: ["SCC FUNDED Lumiere Trust", "Lumiere Trust TRAINED Kasese Paralegal Network", "Lumiere Trust CONTRIBUTED_TO OUTCOME"],
    },
    {
      about: "passive training in French",
      fields: { programmeContribution: "Les membres de la Ligue des Paysans du Kivu (LIPAK) ont été formés par Protection International à Goma." },
      want: ["Protection International TRAINED Ligue des Paysans du Kivu"],
    },
    {
      about: "French mentoring with an adverb and a reference back",
      fields: {
        outcomeDescription: "Le Réseau des Femmes Juristes de Bukavu (REFEJUB) a ouvert deux cliniques.",
        programmeContribution: "Avec l'appui financier du programme SCC, Hivos a ensuite accompagné le réseau par un coaching mensuel.",
      },
      want: ["Réseau des Femmes Juristes de Bukavu ACHIEVED OUTCOME", "Hivos MENTORED Réseau des Femmes Juristes de Bukavu", "SCC FUNDED Hivos"],
    },
    {
      about: "a list of three achievers and a partnership",
      fields: {
        outcomeDescription: "In May 2023, the Gedo Youth Forum, the Baidoa Women Association and the Kismayo Journalists Union jointly with the Somali Lawyers Network filed a petition in Kismayo.",
      },
      want: ["Gedo Youth Forum ACHIEVED OUTCOME", "Baidoa Women Association ACHIEVED OUTCOME", "Kismayo Journalists Union ACHIEVED OUTCOME", "Kismayo Journalists Union PARTNERED_WITH Somali Lawyers Network"],
    },
    {
      about: "an acronym before its name, then a possessive",
      fields: {
        outcomeDescription: "CEDAC (Centre pour le Développement Agricole Communautaire) adopted a security protocol.",
        programmeContribution: "CEDAC's staff were trained by Access Now in March 2022.",
      },
      want: ["Access Now TRAINED Centre pour le Développement Agricole Communautaire"],
    },
    {
      about: "other actors named as contributors",
      fields: {
        outcomeDescription: "The Turkana Water Users Association (TWUA) negotiated a water-sharing agreement.",
        otherActorsContribution: "The Kenya National Commission on Human Rights (KNCHR) hosted the talks.",
      },
      want: ["Turkana Water Users Association ACHIEVED OUTCOME", "Kenya National Commission on Human Rights CONTRIBUTED_TO OUTCOME"],
    },
  ])("finds the relations when $about", ({ fields, want }) => {
    const got = triples(run(fields));
    for (const w of want) expect(got).toContain(w);
  });

  it("finds nothing in the other-actors field when it says No", () => {
    const x = run({ outcomeDescription: "The Gulu Land Forum opened an office.", otherActorsContribution: "No" });
    expect(x.relations.filter((r) => r.type === "CONTRIBUTED_TO")).toEqual([]);
  });

  it.each([
    "<redacted> trained <person> in <LOC>.",
    "The programme supported HRDs and CSOs through the coalition.",
    "WHRDs and the network met in <LOC> with <redacted> Association.",
  ])("never makes an entity of a redaction token or a generic noun: %s", (sentence) => {
    const x = run({ outcomeDescription: sentence, programmeContribution: sentence });
    for (const n of names(x)) {
      expect(n).not.toMatch(/[<>]|^(?:the )?(programme|coalition|network|HRDs|CSOs|WHRDs)$/i);
    }
  });

  it("treats an acronym defined as a process as no actor", () => {
    const x = run({ outcomeDescription: "The Disarming, Demobilizing and Reintegrating (DDR) exercise started. DDR is a joint exercise of PAX and the Ituri Peace Network." }, true);
    expect(names(x)).not.toContain("DDR");
    expect(triples(x)).toContain("Ituri Peace Network PARTNERED_WITH PAX");
  });

  it.each([
    { text: "The hearing took place in Kisumu, Kenya and in Eldoret.", place: "Kisumu" },
    { text: "Les ateliers ont eu lieu à Uvira et à Fizi.", place: "Fizi" },
    { text: "The forum works in Turkana County.", place: "Turkana" },
    { text: "Le réseau couvre le territoire de Walikale.", place: "Walikale" },
    { text: "The Lodwar-based Turkana Youth Forum met officials.", place: "Lodwar" },
  ])("finds the local place in: $text", ({ text, place }) => {
    const x = run({ outcomeDescription: text });
    expect(x.entities.filter((e) => e.type === "Place").map((e) => e.name)).toContain(place);
  });

  it.each([
    { about: "a Portuguese name with its acronym", text: "In 2023 the Associação dos Camponeses de Niassa (ACN) opened a legal clinic.", name: "Associação dos Camponeses de Niassa", type: "Organisation" },
    { about: "a body inside another body", text: "The Registry of Societies in the Ministry of Internal Affairs cancelled the permit of the Lamu Youth Forum.", name: "Registry of Societies", type: "GovernmentBody" },
    { about: "the ministry it sits in", text: "The Registry of Societies in the Ministry of Internal Affairs cancelled the permit of the Lamu Youth Forum.", name: "Ministry of Internal Affairs", type: "GovernmentBody" },
    { about: "a list inside a ministry's name", text: "In 2022 the Ministry of Gender, Youth and Sports (MGYS) approved the shelter.", name: "Ministry of Gender, Youth and Sports", type: "GovernmentBody" },
    { about: "short lower-case words inside a name the acronym spells", text: "Umoja wa Wanawake Wakulima (UWW) registered 40 members.", name: "Umoja wa Wanawake Wakulima", type: "Organisation" },
    { about: "a name given in two languages with its acronym", text: "The Human Rights Legal Clinic (Clínica Jurídica de Derechos Humanos, CJDH) filed an appeal.", name: "Human Rights Legal Clinic", type: "Organisation" },
    { about: "an apostrophe inside a word", text: "The K'iche' Women Weavers Association opened a shop in Totonicapán.", name: "K'iche' Women Weavers Association", type: "Organisation" },
    { about: "a committee of volunteers", text: "The Kibera Volunteers Safety Committee escorted the witnesses.", name: "Kibera Volunteers Safety Committee", type: "Organisation" },
    { about: "a court named with its town", text: "The High Court in Mombasa released the activists.", name: "High Court", type: "GovernmentBody" },
  ])("finds $about", ({ text, name, type }) => {
    const x = run({ outcomeDescription: text });
    expect(x.entities.map((e) => `${e.type} ${e.name}`)).toContain(`${type} ${name}`);
  });

  it("keeps the original-language name and the acronym as aliases", () => {
    const x = run({ outcomeDescription: "The Human Rights Legal Clinic (Clínica Jurídica de Derechos Humanos, CJDH) filed an appeal." });
    const e = x.entities.find((e) => e.name === "Human Rights Legal Clinic")!;
    expect(e.aliases).toEqual(expect.arrayContaining(["CJDH", "Clínica Jurídica de Derechos Humanos"]));
    expect(x.entities.filter((e) => e.type === "Place").map((e) => e.name)).not.toContain("Derechos Humanos");
  });

  it.each([
    { text: "The alerts covered the municipalities of Suchitoto and Chalatenango.", place: "Chalatenango" },
    { text: "Les paysans vivent dans le Haut-Uélé depuis 2010.", place: "Haut-Uélé" },
    { text: "La coalition travaille dans la région Boucle du Mouhoun.", place: "Boucle" },
    { text: "Survivors in the Eastern Province were referred.", place: "Eastern Province" },
    { text: "Volunteers from neighbourhoods of Kassala joined.", place: "Kassala" },
    { text: "The High Court in Mombasa released the activists.", place: "Mombasa" },
  ])("finds the local place in: $text", ({ text, place }) => {
    const x = run({ outcomeDescription: text });
    expect(x.entities.filter((e) => e.type === "Place").map((e) => e.name)).toContain(place);
  });

  it.each([
    "La ligue forme ses membres selon la Charte de Banjul.",
    "The Red de Jóvenes Defensores del Sur (REJODES) met in the capital.",
  ])("takes no place from a document or from inside a name: %s", (text) => {
    const x = run({ outcomeDescription: text, country: "Kenya" });
    expect(x.entities.filter((e) => e.type === "Place").map((e) => e.name)).toEqual(["Kenya"]);
  });

  it("does not take a language or a month for a place", () => {
    const x = run({ outcomeDescription: "In August 2023 the manual was printed in Arabic." });
    expect(x.entities.filter((e) => e.type === "Place").map((e) => e.name)).toEqual(["Kenya"]);
  });
});
