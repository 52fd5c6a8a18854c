// The sentence patterns of the corpus, in English and French: outcome, significance, additional information, the
// programme's contribution and other actors'. Each pattern writes text through the composer, which records the truth it states.
// Written from the record format and the gold conventions only (not from any extractor's rules).
import { a, aText, cap, de, deText, list, OUTCOME, the, type Composer, type Mention } from "./_compose.ts";
import type { Rng } from "./_prng.ts";
import type { Actor, CountrySpec, Lang, Programme } from "./pool.ts";

export type Mode = "agent" | "government" | "negative";
export type Support = "train" | "train-mentor" | "mentor" | "grant-direct" | "grant-via";

/** What happened in one record: who changed, who helped, who paid, where and when. */
export type Scenario = {
  lang: Lang;
  country: CountrySpec;
  region: string;
  town: string;
  year: number;
  month: number;
  mode: Mode;
  support: Support;
  /** The change agents (local organisations or coalitions). */
  agents: Actor[];
  /** The government body that acted (mode government or negative), or one the agents dealt with. */
  government: Actor;
  trainer: Actor;
  programme: Programme;
  partners: Actor[];
  others: Actor[];
  topic: [string, string];
  redacted: boolean;
};

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

type Ctx = { c: Composer; s: Scenario; rng: Rng };

const month = (s: Scenario, m = s.month) => (s.lang === "fr" ? MONTHS_FR : MONTHS_EN)[m];
const n = (rng: Rng, lo: number, hi: number) => String(rng.int(lo, hi));
const place = (ctx: Ctx, kind: "country" | "region" | "town") => {
  const { c, s } = ctx;
  if (kind === "country") return c.place(s.country.iso, { name: s.country.en, aliases: [s.country.fr, ...s.country.variants] }, s.lang === "fr" ? s.country.fr : s.country.en);
  const name = kind === "region" ? s.region : s.town;
  return c.place(`${s.country.iso}:${name}`, { name, aliases: [] });
};

// ---- what the agents did (positive outcomes) ----

type Act = { en: (n: string) => [active: string, passive: string]; fr: (n: string) => [active: string, passive: string] };

const ACTS: ((rng: Rng) => Act)[] = [
  () => ({
    en: () => ["adopted a digital security protocol for all its staff", "A digital security protocol for all staff was adopted"],
    fr: () => ["adopté un protocole de sécurité numérique pour tout son personnel", "Un protocole de sécurité numérique pour tout le personnel a été adopté"],
  }),
  (rng) => {
    const k = n(rng, 5, 60);
    return {
      en: () => [`set up an emergency fund that supported ${k} defenders at risk`, `An emergency fund supporting ${k} defenders at risk was set up`],
      fr: () => [`mis en place un fonds d'urgence qui a soutenu ${k} défenseurs en danger`, `Un fonds d'urgence soutenant ${k} défenseurs en danger a été mis en place`],
    };
  },
  (rng) => {
    const k = n(rng, 12, 140);
    return {
      en: () => [`documented ${k} cases of arbitrary detention`, `${k} cases of arbitrary detention were documented`],
      fr: () => [`documenté ${k} cas de détention arbitraire`, `${k} cas de détention arbitraire ont été documentés`],
    };
  },
  (rng) => {
    const k = n(rng, 3, 25);
    return {
      en: () => [`relocated ${k} human rights defenders at risk to safer areas`, `${k} human rights defenders at risk were relocated to safer areas`],
      fr: () => [`relocalisé ${k} défenseurs des droits humains menacés dans des zones plus sûres`, `${k} défenseurs des droits humains menacés ont été relocalisés dans des zones plus sûres`],
    };
  },
  () => ({
    en: () => ["digitised its case management system", "A digitised case management system was introduced"],
    fr: () => ["numérisé son système de gestion des cas", "Un système numérisé de gestion des cas a été introduit"],
  }),
  () => ({
    en: () => ["opened a legal aid desk for families evicted from their land", "A legal aid desk for families evicted from their land was opened"],
    fr: () => ["ouvert une clinique juridique pour les familles expulsées de leurs terres", "Une clinique juridique pour les familles expulsées de leurs terres a été ouverte"],
  }),
  () => ({
    en: () => ["launched a public campaign against the draft law on associations", "A public campaign against the draft law on associations was launched"],
    fr: () => ["lancé une campagne publique contre le projet de loi sur les associations", "Une campagne publique contre le projet de loi sur les associations a été lancée"],
  }),
  () => ({
    en: () => ["established a referral pathway for survivors of sexual violence", "A referral pathway for survivors of sexual violence was established"],
    fr: () => ["établi un circuit de référencement pour les survivantes de violences sexuelles", "Un circuit de référencement pour les survivantes de violences sexuelles a été établi"],
  }),
  () => ({
    en: () => ["integrated risk assessment into the planning of its field missions", "Risk assessment was integrated into the planning of field missions"],
    fr: () => ["intégré l'analyse des risques dans la planification de ses missions de terrain", "L'analyse des risques a été intégrée dans la planification des missions de terrain"],
  }),
  (rng) => {
    const k = n(rng, 2, 9);
    return {
      en: () => [`submitted ${k} petitions on behalf of detained activists`, `${k} petitions on behalf of detained activists were submitted`],
      fr: () => [`déposé ${k} requêtes en faveur de militants détenus`, `${k} requêtes en faveur de militants détenus ont été déposées`],
    };
  },
];

// ---- what a government body did: for the better, or against the agents ----

const GOV_ACTS: { en: [string, string]; fr: [string, string] }[] = [
  { en: ["released 14 activists held without charge", "14 activists held without charge were released"], fr: ["libéré 14 militants détenus sans inculpation", "14 militants détenus sans inculpation ont été libérés"] },
  { en: ["adopted a decree on the protection of human rights defenders", "A decree on the protection of human rights defenders was adopted"], fr: ["adopté un décret sur la protection des défenseurs des droits humains", "Un décret sur la protection des défenseurs des droits humains a été adopté"] },
  { en: ["opened an investigation into attacks on journalists", "An investigation into attacks on journalists was opened"], fr: ["ouvert une enquête sur les attaques contre des journalistes", "Une enquête sur les attaques contre des journalistes a été ouverte"] },
  { en: ["withdrew the draft law restricting foreign funding of associations", "The draft law restricting foreign funding of associations was withdrawn"], fr: ["retiré le projet de loi limitant le financement étranger des associations", "Le projet de loi limitant le financement étranger des associations a été retiré"] },
  { en: ["set up a hotline for reporting threats against defenders", "A hotline for reporting threats against defenders was set up"], fr: ["mis en place une ligne d'urgence pour signaler les menaces contre les défenseurs", "Une ligne d'urgence pour signaler les menaces contre les défenseurs a été mise en place"] },
];

const NEG_ACTS: { en: [string, string]; fr: [string, string] }[] = [
  { en: ["suspended the activities of {A} for three months", "The activities of {A} were suspended for three months"], fr: ["suspendu pour trois mois les activités {deA}", "Les activités {deA} ont été suspendues pour trois mois"] },
  { en: ["cancelled the registration of {A}", "The registration of {A} was cancelled"], fr: ["annulé l'enregistrement {deA}", "L'enregistrement {deA} a été annulé"] },
  { en: ["banned a peaceful march organised by {A}", "A peaceful march organised by {A} was banned"], fr: ["interdit une marche pacifique organisée par {A}", "Une marche pacifique organisée par {A} a été interdite"] },
  { en: ["froze the bank accounts of {A}", "The bank accounts of {A} were frozen"], fr: ["gelé les comptes bancaires {deA}", "Les comptes bancaires {deA} ont été gelés"] },
  { en: ["arrested two members of {A} during a workshop", "Two members of {A} were arrested during a workshop"], fr: ["arrêté deux membres {deA} pendant un atelier", "Deux membres {deA} ont été arrêtés pendant un atelier"] },
];

const fill = (t: string, m: Mention) => t.replace("{A}", the(m)).replace("{deA}", de(m));

// ---- outcome description ----

export function outcome(ctx: Ctx): string {
  const { c, s, rng } = ctx;
  const fr = s.lang === "fr";
  const when = fr ? `En ${month(s)} ${s.year}` : `In ${month(s)} ${s.year}`;
  if (s.mode === "agent") {
    const act = rng.pick(ACTS)(rng)[s.lang](n(rng, 2, 50));
    s.agents.forEach((x) => c.relate(x, "ACHIEVED", OUTCOME));
    const names = s.agents.map((x) => the(c.mention(x)));
    const many = names.length > 1;
    const form = rng.int(0, 3);
    if (form === 0 && !many) {
      const at = `${place(ctx, "region")} (${place(ctx, "country")})`;
      return fr ? `${when}, ${names[0]} a ${act[0]} dans la région de ${at}.` : `${when}, ${names[0]} in ${at} ${act[0]}.`;
    }
    if (form === 1) {
      const pre = fr ? `Suite à la formation de ${s.year - 1} en ${s.topic[1]}` : `Following the ${s.year - 1} training in ${s.topic[0]}`;
      const verb = fr ? (many ? `ont ${act[0].replace(/\bson\b/g, "leur").replace(/\bses\b/g, "leurs")}` : `a ${act[0]}`) : act[0].replace(/\bits\b/g, many ? "their" : "its");
      return `${pre}, ${s.redacted ? "<redacted>, " : ""}${list(names, s.lang)} ${verb} ${fr ? "à" : "in"} ${place(ctx, "town")} ${fr ? "en" : "in"} ${month(s)} ${s.year}.`;
    }
    if (form === 2 || many) {
      // passive, the agents after "by"
      const by = fr ? `par ${list(names, s.lang)}` : `by ${list(names, s.lang)}`;
      return `${act[1]} ${by} ${fr ? "à" : "in"} ${place(ctx, "town")}, ${place(ctx, "region")}, ${fr ? "en" : "in"} ${month(s)} ${s.year}.`;
    }
    const k = n(rng, 4, 40);
    return fr
      ? `${when}, ${names[0]} a ${act[0]}, ce qui a permis à ${k} défenseurs de ${place(ctx, "town")} de poursuivre leur travail.`
      : `${when}, ${names[0]} ${act[0]}, enabling ${k} defenders in ${place(ctx, "town")} to continue their work.`;
  }
  const g = c.mention(s.government);
  c.relate(s.government, "ACHIEVED", OUTCOME);
  if (s.mode === "government") {
    s.agents.forEach((x) => c.relate(x, "CONTRIBUTED_TO", OUTCOME));
    const act = rng.pick(GOV_ACTS)[s.lang];
    const names = list(s.agents.map((x) => the(c.mention(x))), s.lang);
    if (rng.chance(0.5)) {
      return fr
        ? `À la suite du plaidoyer mené par ${names}, ${the(g)} a ${act[0]} en ${month(s)} ${s.year}.`
        : `Following advocacy by ${names}, in ${month(s)} ${s.year} ${the(g)} of ${place(ctx, "country")} ${act[0]}.`;
    }
    return fr
      ? `${when}, ${act[1].charAt(0).toLowerCase() + act[1].slice(1)} par ${the(g)}, après un plaidoyer soutenu ${deText(names)} à ${place(ctx, "town")}.`
      : `${when}, ${act[1].charAt(0).toLowerCase() + act[1].slice(1)} by ${the(g)} after sustained advocacy by ${names} in ${place(ctx, "town")}.`;
  }
  // negative: the body that imposed the restriction achieved the outcome; the agents are its target
  const act = rng.pick(NEG_ACTS)[s.lang];
  const target = c.mention(s.agents[0]);
  if (rng.chance(0.5)) {
    return fr ? `${when}, ${the(g)} a ${fill(act[0], target)} à ${place(ctx, "town")}.` : `${when}, ${the(g)} ${fill(act[0], target)} in ${place(ctx, "town")}.`;
  }
  return fr
    ? `${when}, ${fill(act[1], target).charAt(0).toLowerCase() + fill(act[1], target).slice(1)} par ${the(g)} dans la région de ${place(ctx, "region")}.`
    : `${when}, ${fill(act[1], target).charAt(0).toLowerCase() + fill(act[1], target).slice(1)} by ${the(g)} in ${place(ctx, "region")}.`;
}

// ---- significance ----

export function significance(ctx: Ctx): string {
  const { c, s, rng } = ctx;
  const fr = s.lang === "fr";
  const agent = the(c.mention(s.agents[0]));
  if (s.mode === "negative") {
    return fr
      ? `Il s'agit d'un changement négatif. ${cap(agent)} était l'une des rares organisations à accompagner les victimes dans la région, et la mesure envoie un signal dissuasif aux autres associations locales.`
      : `This is a negative change. ${cap(agent)} was one of the few groups assisting victims in the area, and the measure sends a warning to other community-based organisations.`;
  }
  const patterns = fr
    ? [
        `Avant la formation, ${agent} ne disposait d'aucune mesure de sécurité pour ses activités. Ce changement permet aux défenseurs de continuer à travailler en sécurité malgré la réduction de l'espace civique.`,
        `Ce changement est important car ${agent} peut désormais répondre plus vite aux demandes de protection des défenseurs en danger.`,
        `${s.redacted ? "<person> a" : "Les défenseurs ont"} constaté une augmentation des menaces en ${s.year}. Ce résultat renforce la capacité ${de(c.mention(s.agents[0]))} à protéger ses membres.`,
      ]
    : [
        `Before the training, ${agent} had no security measures in place for its activities. The change helps defenders to keep working safely despite the shrinking civic space.`,
        `This matters because ${agent} can now respond faster to requests for protection from defenders at risk.`,
        `${s.redacted ? "<person> has" : "Defenders have"} witnessed growing threats in ${s.year}. The change strengthens the ability of ${the(c.mention(s.agents[0]))} to protect its members.`,
      ];
  return rng.pick(patterns);
}

// ---- additional information: partners, a government body dealt with, redactions ----

export function additional(ctx: Ctx): string {
  const { c, s, rng } = ctx;
  const fr = s.lang === "fr";
  const parts: string[] = [];
  if (s.partners.length) {
    const lead = c.mention(s.agents[0]);
    const ps = s.partners.map((p) => c.mention(p));
    s.partners.forEach((p) => c.relate(s.agents[0], "PARTNERED_WITH", p));
    const names = list(ps.map(the), s.lang);
    const form = rng.int(0, 2);
    if (form === 0) parts.push(fr ? `${cap(the(lead))} a mené ce travail conjointement avec ${names}.` : `${cap(the(lead))} carried out this work jointly with ${names}.`);
    else if (form === 1) parts.push(fr ? `${cap(the(lead))} travaille en partenariat avec ${names} depuis ${s.year - 2}.` : `${cap(the(lead))} has worked in partnership with ${names} since ${s.year - 2}.`);
    else parts.push(fr ? `En partenariat avec ${names}, ${the(lead)} a organisé des réunions de suivi.` : `In partnership with ${names}, ${the(lead)} held follow-up meetings.`);
  }
  if (s.mode === "agent" && rng.chance(0.4)) {
    const g = c.mention(s.government);
    parts.push(fr ? `Les conclusions ont été présentées ${a(g)} en ${month(s, (s.month + 2) % 12)}.` : `The findings were later presented to ${the(g)} in ${month(s, (s.month + 2) % 12)}.`);
  }
  if (s.redacted) {
    parts.push(
      fr
        ? `Le coordonnateur ${de(c.mention(s.agents[0]))}, <person>, a été menacé le <redacted> à ${place(ctx, "town")}.`
        : `The coordinator of ${the(c.mention(s.agents[0]))}, <person>, received threats on <redacted> in ${place(ctx, "town")}.`,
    );
  }
  if (parts.length === 0 && rng.chance(0.5)) return "";
  if (parts.length === 0) parts.push(fr ? "Aucune information complémentaire." : "No further information.");
  return parts.join(" ");
}

// ---- the programme's contribution ----

export function contribution(ctx: Ctx): string {
  const { c, s, rng } = ctx;
  const fr = s.lang === "fr";
  const neg = s.mode === "negative";
  const lead = neg ? (fr ? "La contribution du programme à ce changement est indirecte. " : "The programme's contribution to this change is indirect. ") : "";
  const when = s.year - 1;
  const P = c.programme(s.programme);
  const agents = () => s.agents.map((x) => c.mention(x));
  const topic = fr ? s.topic[1] : s.topic[0];
  switch (s.support) {
    case "train":
    case "train-mentor":
    case "mentor": {
      const T = c.mention(s.trainer);
      c.relate(s.programme, "FUNDED", s.trainer);
      c.relate(s.trainer, "CONTRIBUTED_TO", OUTCOME, neg);
      c.relate(s.programme, "CONTRIBUTED_TO", OUTCOME, true);
      const trained = s.support !== "mentor";
      const mentored = s.support !== "train";
      s.agents.forEach((x) => {
        if (trained) c.relate(s.trainer, "TRAINED", x);
        if (mentored) c.relate(s.trainer, "MENTORED", x);
      });
      const names = agents();
      const namesText = list(names.map(the), s.lang);
      let text: string;
      if (!trained) {
        text = fr
          ? `Grâce à une subvention ${de(P)}, ${the(T)} a assuré le mentorat ${names.map(de).join(" et ")} en ${topic} pendant ${n(rng, 3, 12)} mois.`
          : `With a grant from ${the(P)}, ${the(T)} mentored ${namesText} on ${topic} for ${n(rng, 3, 12)} months.`;
      } else if (rng.chance(0.5)) {
        text = fr
          ? `Avec l'appui financier ${de(P)}, ${the(T)} a formé ${namesText} en ${topic} à ${place(ctx, "town")} en ${month(s)} ${when}.`
          : `With funding support from ${the(P)}, ${the(T)} trained ${namesText} in ${topic} in ${place(ctx, "town")} in ${month(s)} ${when}.`;
      } else {
        const who = fr ? `Des membres ${names.map(de).join(" et ")} ont été formés` : `Staff members of ${namesText} were trained`;
        text = fr ? `${who} par ${the(T)} en ${topic} en ${when}, grâce au financement ${de(P)}.` : `${who} by ${the(T)} in ${topic} in ${when}, with financial support from ${the(P)}.`;
      }
      if (trained && mentored) {
        const again = c.mention(s.trainer);
        text += fr
          ? ` ${cap(the(again))} a ensuite accompagné ${list(agents().map(the), s.lang)} à travers un mentorat et un coaching.`
          : ` ${cap(the(again))} also provided mentorship and coaching to ${list(agents().map(the), s.lang)} as part of the follow-up.`;
      }
      return lead + text;
    }
    case "grant-direct": {
      s.agents.forEach((x) => c.relate(s.programme, "FUNDED", x));
      c.relate(s.programme, "CONTRIBUTED_TO", OUTCOME, neg);
      const names = list(agents().map(the), s.lang);
      const k = n(rng, 5, 60);
      if (rng.chance(0.5)) {
        return lead + (fr ? `${cap(the(P))} a accordé une subvention de ${k} 000 euros à ${names} pour financer ses activités de protection.` : `${cap(the(P))} provided a grant of EUR ${k},000 to ${names} to cover its protection work.`);
      }
      return lead + (fr ? `${cap(names)} ${s.agents.length > 1 ? "ont" : "a"} reçu une subvention ${de(P)} en ${when}.` : `${cap(names)} received a grant from ${the(P)} in ${when}.`);
    }
    case "grant-via": {
      const T = c.mention(s.trainer);
      c.relate(s.programme, "FUNDED", s.trainer);
      s.agents.forEach((x) => {
        c.relate(s.trainer, "FUNDED", x);
        c.relate(s.programme, "FUNDED", x, true);
      });
      c.relate(s.trainer, "CONTRIBUTED_TO", OUTCOME, neg);
      c.relate(s.programme, "CONTRIBUTED_TO", OUTCOME, true);
      const names = list(agents().map(the), s.lang);
      return (
        lead +
        (fr
          ? `En ${when}, ${the(T)} a octroyé ${aText(names)} une petite subvention, financée par ${the(P)}, pour documenter les violations.`
          : `In ${when}, ${the(T)} gave ${names} a small grant, financed by ${the(P)}, to document violations.`)
      );
    }
  }
}

// ---- other actors and factors ----

export function otherActors(ctx: Ctx): string {
  const { c, s, rng } = ctx;
  const fr = s.lang === "fr";
  const neg = s.mode === "negative";
  if (s.others.length === 0) {
    if (neg) return fr ? "Le contexte politique et la nouvelle loi sur les associations ont été les principaux facteurs." : "The political context and the new law on associations were the main factors.";
    return rng.pick(fr ? ["Non", "Aucun", ""] : ["No", "None", ""]);
  }
  const parts = s.others.map((o) => {
    c.relate(o, "CONTRIBUTED_TO", OUTCOME, neg);
    const m = c.mention(o);
    const agent = c.mention(s.agents[0]);
    if (neg) return fr ? `${cap(the(m))} a appelé publiquement à la levée de la mesure.` : `${cap(the(m))} publicly called for the measure to be lifted.`;
    const form = rng.int(0, 2);
    if (form === 0) return fr ? `${cap(the(m))} a également soutenu ${the(agent)} avec un appui juridique.` : `${cap(the(m))} also supported ${the(agent)} with legal assistance.`;
    if (form === 1) return fr ? `${cap(the(m))} a pris en charge les frais de transport des membres ${de(agent)}.` : `${cap(the(m))} covered the transport costs of the members of ${the(agent)}.`;
    return fr ? `Les rencontres organisées par ${the(m)} ont aussi contribué à ce changement.` : `Meetings convened by ${the(m)} also contributed to this change.`;
  });
  return parts.join(" ");
}
