// extractRecords on small sentences of my own (EN/FR, active/passive, lists, acronyms both ways, possessives, redactions).
import { describe, expect, it } from "vitest";
import { extractRecords } from "../ingest/extract/index.ts";
import type { Extraction, TextField } from "../ingest/schema.ts";
import { makeRecord, readRecords } from "./_extract.ts";

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
    {
      about: "a French list repeats its preposition and a sentence-case name defines its acronym",
      fields: { programmeContribution: "Avocats sans frontières (ASF) a formé 14 membres du Collectif des Mères de Kindu (CMK), de l'Association des Jeunes de Lokandu (AJL) et du Réseau des Radios du Maniema (RRM)." },
      want: ["Avocats sans frontières TRAINED Collectif des Mères de Kindu", "Avocats sans frontières TRAINED Association des Jeunes de Lokandu", "Avocats sans frontières TRAINED Réseau des Radios du Maniema"],
    },
    {
      about: "two names joined by and, the first ending on its head noun",
      fields: { outcomeDescription: "The Kibera Women Traders Network and Mathare Youth Voices (MYV) filed a joint petition to the county." },
      want: ["Kibera Women Traders Network ACHIEVED OUTCOME", "Mathare Youth Voices ACHIEVED OUTCOME"],
    },
    {
      about: "French bodies with lower-case adjectives and units in their names",
      fields: {
        outcomeDescription: "En mai 2023, la Mairie de la commune urbaine de Kayes a ouvert un guichet, après un plaidoyer de l'Association des Femmes de Kayes (AFK).",
        otherActorsContribution: "L'Assemblée régionale de Kayes a voté le budget.",
      },
      want: ["Mairie de la commune urbaine de Kayes ACHIEVED OUTCOME", "Association des Femmes de Kayes CONTRIBUTED_TO OUTCOME", "Assemblée régionale de Kayes CONTRIBUTED_TO OUTCOME"],
    },
    {
      about: "French offices and bodies written in lower case before the place they serve",
      fields: {
        outcomeDescription: "En 2024, l'administrateur de la commune de Gitega a suspendu les patrouilles, après que l'Association des Femmes Rurales de Gitega (AFRG) lui a remis un rapport.",
        otherActorsContribution: "La mairie de la commune urbaine de Ngozi a prêté une salle. Une délégation à Bujumbura a suivi le dossier.",
      },
      want: ["administrateur de la commune de Gitega ACHIEVED OUTCOME", "Association des Femmes Rurales de Gitega CONTRIBUTED_TO OUTCOME", "mairie de la commune urbaine de Ngozi CONTRIBUTED_TO OUTCOME"],
    },
  ])("finds the relations when $about", ({ fields, want }) => {
    const got = triples(run(fields));
    for (const w of want) expect(got).toContain(w);
  });

  it("never names an actor after a pronoun or a bare kind of body when no writer named itself", () => {
    const x = run({ programmeContribution: "We trained the Gulu Traders Union in March. The Ministry organised a hearing. They trained the Lira Vendors Forum. It funded the Kitgum Youth Network. Nous avons formé la Ligue des Pêcheurs de Mopti." });
    expect(names(x).filter((n) => /^(?:we|they|it|ministry|nous)$/i.test(n))).toEqual([]);
    expect(x.relations.filter((r) => r.type === "TRAINED")).toEqual([]);
  });

  it("gives an acronym the record defines to the record's own name, not to a gazetteer actor with that acronym", () => {
    const x = run({ programmeContribution: "The Hargeisa Rights Watch (HRW) trained the Berbera Fishers Union. HRW then mentored the union." }, true);
    expect(names(x)).toContain("Hargeisa Rights Watch");
    expect(names(x)).not.toContain("Human Rights Watch");
    expect(triples(x)).toContain("Hargeisa Rights Watch MENTORED Berbera Fishers Union");
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

  it.each([
    {
      about: "money passed through an intermediary to the trainer",
      fields: { programmeContribution: "In 2022, 15 members of the Kilifi Paralegal Forum were trained by the Coast Rights Alliance (CRA) in a course funded by the SCC programme through Hivos." },
      want: ["SCC FUNDED Hivos", "Hivos FUNDED Coast Rights Alliance", "Coast Rights Alliance TRAINED Kilifi Paralegal Forum"],
      not: ["SCC FUNDED Kilifi Paralegal Forum"],
    },
    {
      about: "a grant channelled through a partner",
      fields: { programmeContribution: "With a grant from the SCC programme, channelled through Oxfam Novib, the Tana Delta Women Network paid the rent of its office." },
      want: ["SCC FUNDED Oxfam Novib", "Oxfam Novib FUNDED Tana Delta Women Network"],
      not: [],
    },
    {
      about: "a grant given and financed by the programme",
      fields: { programmeContribution: "In 2021 Freedom House gave the Lilongwe Youth Forum a small grant, financed by the SCC programme, to print leaflets." },
      want: ["Freedom House FUNDED Lilongwe Youth Forum", "SCC FUNDED Freedom House"],
      not: [],
    },
    {
      about: "the writer names itself and then speaks as we",
      fields: {
        outcomeDescription: "The Lira Market Vendors Union (LMVU) negotiated a new by-law.",
        programmeContribution: "We, the Northern Uganda Rights Trust (NURT), lead the Civic Voice programme in Lango. With funds from the programme, we trained 12 LMVU officials and our lawyer then mentored the union's chairperson.",
      },
      want: ["Northern Uganda Rights Trust TRAINED Lira Market Vendors Union", "Northern Uganda Rights Trust MENTORED Lira Market Vendors Union"],
      not: [],
    },
    {
      about: "a French writer speaking as nous",
      fields: { programmeContribution: "Nous, le Centre Sahélien pour la Démocratie (CSD), avons formé les membres de l'Union des Éleveurs de Téra (UET)." },
      want: ["Centre Sahélien pour la Démocratie TRAINED Union des Éleveurs de Téra"],
      not: [],
    },
    {
      about: "a relative clause says who funds the programme",
      fields: { programmeContribution: "Thanks to funding from the Open Spaces Fund (OSF), which is financed by Irish Aid, the Coast Legal Aid Centre trained the Mombasa Tenants Forum." },
      want: ["Open Spaces Fund FUNDED Coast Legal Aid Centre", "Irish Aid FUNDED Open Spaces Fund", "Coast Legal Aid Centre TRAINED Mombasa Tenants Forum"],
      not: ["Open Spaces Fund FUNDED Irish Aid", "Irish Aid TRAINED Mombasa Tenants Forum"],
    },
    {
      about: "a copula says who funds whom, past a name governed by a preposition",
      fields: { programmeContribution: "Hivos trained the Bujumbura Youth League. Hivos's work in the programme is financed by the Swedish Embassy." },
      want: ["Swedish Embassy FUNDED Hivos"],
      not: ["Swedish Embassy FUNDED Bujumbura Youth League", "Swedish Embassy FUNDED SCC"],
    },
    {
      about: "a training paid for by the programme in the sentence after it",
      fields: { programmeContribution: "The Gulu Legal Aid Clinic trained eight members of the Acholi Widows Network in Gulu. The training was paid for by the SCC programme." },
      want: ["SCC FUNDED Gulu Legal Aid Clinic"],
      not: ["SCC FUNDED Acholi Widows Network"],
    },
    {
      about: "a French training financed by the programme, itself co-financed by a donor",
      fields: { programmeContribution: "Le Réseau Ouest-Africain des Journalistes (ROAJ) a formé la Radio Voix du Sahel à Niamey. Cette formation a été financée par le programme SCC, lui-même cofinancé par la Fondation Hirondelle." },
      want: ["SCC FUNDED Réseau Ouest-Africain des Journalistes", "Fondation Hirondelle FUNDED SCC"],
      not: [],
    },
    {
      about: "participants who took part in a workshop someone organised",
      fields: { programmeContribution: "The plan was drafted at a workshop on negotiation organised by the Kanem Women Lawyers League in Mao, in which two members of the Mao Traders Union and one member of the Nokou Youth Forum took part." },
      want: ["Kanem Women Lawyers League TRAINED Mao Traders Union", "Kanem Women Lawyers League TRAINED Nokou Youth Forum"],
      not: [],
    },
    {
      about: "French participants named after the verb",
      fields: { programmeContribution: "Une formation sur la sécurité numérique a été animée par Internet Sans Frontières à Lomé, à laquelle ont participé deux membres de la Ligue Togolaise des Consommateurs." },
      want: ["Internet Sans Frontières TRAINED Ligue Togolaise des Consommateurs"],
      not: [],
    },
    {
      about: "a coordinated verb that organises a training keeps the clause's subject",
      fields: { programmeContribution: "The Kigali Legal Clinic mentored the Nyamata Farmers Cooperative's board and organised a training on land law for five members of the cooperative." },
      want: ["Kigali Legal Clinic TRAINED Nyamata Farmers Cooperative", "Kigali Legal Clinic MENTORED Nyamata Farmers Cooperative"],
      not: ["Nyamata Farmers Cooperative TRAINED Nyamata Farmers Cooperative"],
    },
    {
      about: "a grant named by its funder and given to a recipient, and a grant of an amount from a programme",
      fields: { programmeContribution: "The printing was covered by an OSJF grant to the Lusaka Paralegal Alliance. The Chipata Youth Forum received a grant of USD 5,000 from the SCC programme." },
      want: ["OSJF FUNDED Lusaka Paralegal Alliance", "SCC FUNDED Chipata Youth Forum"],
      not: [],
    },
    {
      about: "a grant to a recipient from a fund named after it",
      fields: { otherActorsContribution: "An emergency grant to the Blantyre Vendors Union from the Malawi Civic Resilience Fund paid the bail of six traders." },
      want: ["Malawi Civic Resilience Fund FUNDED Blantyre Vendors Union"],
      not: [],
    },
    {
      about: "a fund in apposition backed by a donor",
      fields: { programmeContribution: "The workshop was financed by the Zambezi Rights Fund (ZRF), a pooled fund supported by the Embassy of Ireland." },
      want: ["Embassy of Ireland FUNDED Zambezi Rights Fund"],
      not: ["Zambezi Rights Fund FUNDED Embassy of Ireland"],
    },
    {
      about: "a participle with its agent is a passive",
      fields: { programmeContribution: "The council now pays interpreters trained by the Mzuzu Deaf Association, and 12 Mzuzu Youth Network members trained by the Centre for Human Rights Education joined them." },
      want: ["Centre for Human Rights Education TRAINED Mzuzu Youth Network"],
      not: ["Mzuzu Deaf Association TRAINED Mzuzu Youth Network"],
    },
    {
      about: "a programme named in full whose initials are the FragmentID prefix, funded by a donor",
      fields: {
        fragmentId: "OVP-ZMB2301/CIV003",
        programmeContribution: "The Open Voices programme, which is financed by the Embassy of Sweden, funded the Copperbelt Miners Forum. With funding from the OVP, the forum trained 20 shop stewards.",
      },
      want: ["Embassy of Sweden FUNDED Open Voices programme", "Open Voices programme FUNDED Copperbelt Miners Forum"],
      not: [],
    },
    {
      about: "a French programme named after its kind word and defined by its acronym",
      fields: {
        fragmentId: "VCS-NER2302/CIV001",
        programmeContribution: "Le programme Voix Citoyennes du Sahel (VCS), financé par la Fondation Hirondelle, a appuyé l'Association des Éleveurs de Tahoua (AET).",
      },
      want: ["Fondation Hirondelle FUNDED Voix Citoyennes du Sahel"],
      not: [],
    },
    {
      about: "support written as nouns, in English and French",
      fields: {
        programmeContribution:
          "The provision of a sub-grant and of a paralegal course by the Lilongwe Land Rights Centre to the Dowa Women Farmers Club enabled the mapping. Accompagnement du collectif par la Ligue Guinéenne des Droits de l'Homme au moyen de séances mensuelles. Organisation par la Ligue Guinéenne des Droits de l'Homme d'une formation à Kankan au bénéfice de 12 membres du Collectif des Veuves de Kankan (CVK).",
      },
      want: [
        "Lilongwe Land Rights Centre FUNDED Dowa Women Farmers Club",
        "Lilongwe Land Rights Centre TRAINED Dowa Women Farmers Club",
        "Ligue Guinéenne des Droits de l'Homme TRAINED Collectif des Veuves de Kankan",
      ],
      not: [],
    },
    {
      about: "pronouns that stand for the last supporter and its trainees",
      fields: {
        programmeContribution:
          "With funding from the SCC programme, the Kano Legal Aid Centre did two things. First, it trained the Fagge Market Women Association on dispute resolution. Second, it mentored the association's leaders. Le Centre Sahélien des Droits (CSD) a formé l'Union des Jeunes de Maradi (UJM), puis les a accompagnés pendant six mois.",
      },
      want: [
        "SCC FUNDED Kano Legal Aid Centre",
        "Kano Legal Aid Centre TRAINED Fagge Market Women Association",
        "Kano Legal Aid Centre MENTORED Fagge Market Women Association",
        "Centre Sahélien des Droits MENTORED Union des Jeunes de Maradi",
      ],
      not: ["Union des Jeunes de Maradi MENTORED Union des Jeunes de Maradi"],
    },
    {
      about: "a text drafted jointly by a list of organisations",
      fields: { additionalInformation: "The request was drafted jointly by the Moundou Women Traders Union, the Doba Youth Forum and the Sarh Widows Association." },
      want: ["Moundou Women Traders Union PARTNERED_WITH Doba Youth Forum", "Doba Youth Forum PARTNERED_WITH Sarh Widows Association"],
      not: [],
    },
    {
      about: "a French grant awarded with the programme's money",
      fields: { programmeContribution: "Avec l'appui financier du programme SCC, Hivos a octroyé à l'Association des Pêcheurs de Mopti (APM) une subvention de 5 000 euros." },
      want: ["Hivos FUNDED Association des Pêcheurs de Mopti", "SCC FUNDED Hivos"],
      not: ["SCC FUNDED Association des Pêcheurs de Mopti"],
    },
    {
      about: "a passive training whose trainer the programme funded",
      fields: { programmeContribution: "Six lawyers of the Gulu Legal Aid Clinic were trained by Access Now, with funding from the SCC programme." },
      want: ["Access Now TRAINED Gulu Legal Aid Clinic", "SCC FUNDED Access Now"],
      not: ["SCC FUNDED Gulu Legal Aid Clinic"],
    },
    {
      about: "trainees listed as members of two organisations",
      fields: { programmeContribution: "Des membres du Collectif des Éleveurs de Tahoua et de l'Association des Bergers du Dallol (ABD) ont été formés par Oxfam." },
      want: ["Oxfam TRAINED Collectif des Éleveurs de Tahoua", "Oxfam TRAINED Association des Bergers du Dallol"],
      not: [],
    },
    {
      about: "mentoring described with several adjectives and a reference back",
      fields: { outcomeDescription: "The Lira Women Network opened a shelter.", programmeContribution: "Hivos then provided monthly individual remote coaching to the network's leaders." },
      want: ["Hivos MENTORED Lira Women Network"],
      not: [],
    },
    {
      about: "a patient named by a possessive",
      fields: { programmeContribution: "With funding from the SCC programme, Oxfam gave the Kasese Youth Forum two laptops and mentored its chairperson." },
      want: ["Oxfam MENTORED Kasese Youth Forum", "SCC FUNDED Oxfam"],
      not: [],
    },
    {
      about: "costs covered with words between",
      fields: { programmeContribution: "Free Press Unlimited covered the monthly office rent of the Juba Reporters Club." },
      want: ["Free Press Unlimited FUNDED Juba Reporters Club"],
      not: [],
    },
    {
      about: "coordination and a joint mechanism as partnerships",
      fields: { outcomeDescription: "The Bor Youth Union coordinates with the Jonglei Women Association. The Lake Water Authority agreed to a joint monitoring plan with the Lake Victoria Fishers Union." },
      want: ["Bor Youth Union PARTNERED_WITH Jonglei Women Association", "Lake Water Authority PARTNERED_WITH Lake Victoria Fishers Union"],
      not: [],
    },
    {
      about: "other actors acting, not those acted upon",
      fields: { outcomeDescription: "The Mombasa Tenants Forum won a hearing.", otherActorsContribution: "The Kenya Land Alliance submitted a memo to the National Lands Commission." },
      want: ["Kenya Land Alliance CONTRIBUTED_TO OUTCOME"],
      not: ["National Lands Commission CONTRIBUTED_TO OUTCOME"],
    },
    {
      about: "a reference back to the actor whose name has the noun",
      fields: { outcomeDescription: "The Mbale Farmers Network and the Eastern Coalition for Land met officials.", programmeContribution: "Hivos trained the network on advocacy." },
      want: ["Hivos TRAINED Mbale Farmers Network"],
      not: ["Hivos TRAINED Eastern Coalition for Land"],
    },
  ])("finds who funded, trained or worked with whom: $about", ({ fields, want, not }) => {
    const got = triples(run(fields, true));
    for (const w of want) expect(got).toContain(w);
    for (const n of not) expect(got).not.toContain(n);
  });

  const withMeta = (meta: string, fields: Fields) =>
    extractRecords(
      readRecords(
        "meta.txt",
        [
          "**FragmentID**: SCC-TST2401/CIV002",
          "**Country**: Kenya",
          meta,
          `**Outcome description**: ${fields.outcomeDescription ?? ""}`,
          `**Contribution of the programme**: ${fields.programmeContribution ?? ""}`,
        ].join("\n"),
      ),
      { gazetteer: false },
    ).extraction;

  it("takes the state body that acted as who changed when the social actor is a duty bearer, and the civic actors it names as contributors", () => {
    const x = withMeta("**Social actor**: Duty bearers\n**Outcome is negative**: NO", {
      outcomeDescription: "In 2023, the Kilifi Paralegal Forum (KPF) obtained from the Ministry of Lands (MoL) the suspension of 300 evictions.",
      programmeContribution: "Twelve KPF members were trained by Hivos.",
    });
    const got = triples(x);
    expect(got).toContain("Ministry of Lands ACHIEVED OUTCOME");
    expect(got).not.toContain("Kilifi Paralegal Forum ACHIEVED OUTCOME");
    expect(got).toContain("Kilifi Paralegal Forum CONTRIBUTED_TO OUTCOME");
  });

  it("takes the civic actor as who changed when the social actor says so, even after a state body", () => {
    const x = withMeta("**Social actor**: Civic change agents", {
      outcomeDescription: "In 2023 the Rwanda Cooperative Agency granted registration to the Nyagatare Beekeepers Union (NBU).",
    });
    expect(triples(x)).toContain("Nyagatare Beekeepers Union ACHIEVED OUTCOME");
    expect(triples(x)).not.toContain("Rwanda Cooperative Agency ACHIEVED OUTCOME");
  });

  it("does not count the supported organisation as a contributor to a setback it suffered", () => {
    const x = withMeta("**Social actor**: Duty bearers\n**Outcome is negative**: YES", {
      outcomeDescription: "In 2023, the Ministry of Lands (MoL) closed the office of the Kilifi Paralegal Forum (KPF).",
      programmeContribution: "Twelve KPF members were trained by Hivos.",
    });
    expect(triples(x)).not.toContain("Kilifi Paralegal Forum CONTRIBUTED_TO OUTCOME");
  });

  describe("trainings as nodes", () => {
    const sentence = "With funding from the SCC programme, Hivos trained the Lira Women Network in paralegal casework and data protection in Gulu, Uganda from 3 - 7 May 2022.";

    it("makes a Training with its topic, place and dates, delivered by the trainer and attended by the trainee, and keeps TRAINED", () => {
      const x = run({ programmeContribution: sentence });
      const t = x.entities.find((e) => e.type === "Training")!;
      expect(t.name).toBe("Training in paralegal casework and data protection (Hivos, Gulu, 3 - 7 May 2022)");
      const got = triples(x);
      expect(got).toContain(`Hivos DELIVERED ${t.name}`);
      expect(got).toContain(`Lira Women Network ATTENDED ${t.name}`);
      expect(got).toContain("Hivos TRAINED Lira Women Network");
    });

    it("gives a training the same id alone and among other records", () => {
      const alone = run({ programmeContribution: sentence }).entities.find((e) => e.type === "Training")!.id;
      const other = makeRecord({ fragmentId: "SCC-TST2401/CIV009", programmeContribution: "Oxfam trained the Kitgum Youth Forum on budget tracking in 2021." });
      const both = extractRecords([other, makeRecord({ programmeContribution: sentence })], { gazetteer: false }).extraction;
      expect(both.entities.filter((e) => e.type === "Training").map((e) => e.id)).toContain(alone);
    });

    it("never puts a redaction token in a training's name", () => {
      const x = run({ programmeContribution: "Six <redacted> lawyers of the Arua Legal Aid Forum were trained by Hivos on <redacted> security in <LOC> in June 2022." });
      const t = x.entities.filter((e) => e.type === "Training");
      expect(t.length).toBe(1);
      for (const e of t) expect(e.name).not.toMatch(/[<>]/);
    });

    it("names a French training in French", () => {
      const x = run({ programmeContribution: "Dix membres de la Ligue des Éleveurs de Tillabéri ont été formés par Oxfam à la médiation des conflits à Niamey en avril 2022." });
      expect(x.entities.find((e) => e.type === "Training")?.name).toBe("Formation : médiation des conflits (Oxfam, Niamey, avril 2022)");
    });
  });

  it.each([
    { text: "The Kassala Women Forum, based in Kassala, opened a shelter.", from: "Kassala Women Forum", to: "Kassala" },
    { text: "The Gulu-based Acholi Youth Forum met officials.", from: "Acholi Youth Forum", to: "Gulu" },
    { text: "The Kenya Human Rights Tribunal (Kisumu) heard the case.", from: "Kenya Human Rights Tribunal", to: "Kisumu" },
    { text: "The Magistrates Court in Lira released the activists.", from: "Magistrates Court", to: "Lira" },
    { text: "L'Association des Femmes Juristes de Dosso a ouvert une clinique.", from: "Association des Femmes Juristes de Dosso", to: "Dosso" },
    { text: "The Lira Women Network opened a shelter in Lira.", from: "OUTCOME", to: "Lira" },
  ])("places $from in $to", ({ text, from, to }) => {
    expect(triples(run({ outcomeDescription: text }))).toContain(`${from} LOCATED_IN ${to}`);
  });

  it("does not place a trainer where it trained", () => {
    const got = triples(run({ programmeContribution: "The Lira Women Network was trained by Hivos in Gulu in 2022." }));
    expect(got).not.toContain("Hivos LOCATED_IN Gulu");
  });
});
