// The places of the synthetic pool: real countries with a few of their regions and towns, in English and French.
// Only geography is real here; every organisation and event in the corpus is invented.

export type Lang = "en" | "fr";

export type CountrySpec = {
  /** ISO 3166-1 alpha-3, used in FragmentIDs. */
  iso: string;
  en: string;
  fr: string;
  /** Other ways records name the country (short forms, abbreviations). */
  variants: string[];
  /** The language most records from this country are written in. */
  lang: Lang;
  /** Region → towns. */
  regions: [string, string[]][];
};

export const COUNTRIES: CountrySpec[] = [
  { iso: "UGA", en: "Uganda", fr: "Ouganda", variants: [], lang: "en", regions: [["Acholi", ["Gulu", "Kitgum"]], ["Karamoja", ["Moroto", "Kotido"]], ["Central Region", ["Kampala", "Mukono"]]] },
  { iso: "KEN", en: "Kenya", fr: "Kenya", variants: [], lang: "en", regions: [["Coast", ["Mombasa", "Kwale"]], ["Nyanza", ["Kisumu", "Homa Bay"]], ["Rift Valley", ["Nakuru", "Eldoret"]]] },
  { iso: "TZA", en: "Tanzania", fr: "Tanzanie", variants: ["United Republic of Tanzania"], lang: "en", regions: [["Mara", ["Musoma", "Tarime"]], ["Arusha", ["Arusha", "Karatu"]], ["Dodoma", ["Dodoma", "Kondoa"]]] },
  { iso: "SSD", en: "South Sudan", fr: "Soudan du Sud", variants: [], lang: "en", regions: [["Jonglei", ["Bor", "Akobo"]], ["Western Bahr el Ghazal", ["Wau"]], ["Central Equatoria", ["Juba", "Yei"]]] },
  { iso: "ETH", en: "Ethiopia", fr: "Éthiopie", variants: [], lang: "en", regions: [["Oromia", ["Adama", "Jimma"]], ["Amhara", ["Bahir Dar", "Gondar"]], ["Sidama", ["Hawassa"]]] },
  { iso: "SOM", en: "Somalia", fr: "Somalie", variants: [], lang: "en", regions: [["Bay", ["Baidoa"]], ["Banadir", ["Mogadishu"]], ["Puntland", ["Garowe", "Bosaso"]]] },
  { iso: "ZWE", en: "Zimbabwe", fr: "Zimbabwe", variants: [], lang: "en", regions: [["Manicaland", ["Mutare", "Chipinge"]], ["Matabeleland North", ["Hwange", "Lupane"]], ["Masvingo", ["Masvingo", "Chiredzi"]]] },
  { iso: "MWI", en: "Malawi", fr: "Malawi", variants: [], lang: "en", regions: [["Southern Region", ["Blantyre", "Zomba"]], ["Northern Region", ["Mzuzu", "Karonga"]]] },
  { iso: "MOZ", en: "Mozambique", fr: "Mozambique", variants: [], lang: "en", regions: [["Cabo Delgado", ["Pemba", "Montepuez"]], ["Nampula", ["Nampula", "Nacala"]]] },
  { iso: "NGA", en: "Nigeria", fr: "Nigéria", variants: [], lang: "en", regions: [["Borno", ["Maiduguri", "Bama"]], ["Rivers", ["Port Harcourt"]], ["Plateau", ["Jos"]]] },
  { iso: "LBR", en: "Liberia", fr: "Libéria", variants: [], lang: "en", regions: [["Nimba", ["Ganta", "Sanniquellie"]], ["Montserrado", ["Monrovia"]]] },
  { iso: "LBN", en: "Lebanon", fr: "Liban", variants: [], lang: "en", regions: [["Bekaa", ["Zahle", "Baalbek"]], ["North Lebanon", ["Tripoli"]], ["South Lebanon", ["Saida", "Tyre"]]] },
  { iso: "IRQ", en: "Iraq", fr: "Irak", variants: [], lang: "en", regions: [["Dhi Qar", ["Nasiriyah"]], ["Nineveh", ["Mosul", "Sinjar"]], ["Basra", ["Basra"]]] },
  { iso: "YEM", en: "Yemen", fr: "Yémen", variants: [], lang: "en", regions: [["Taiz", ["Taiz"]], ["Hadramawt", ["Mukalla", "Seiyun"]], ["Aden", ["Aden"]]] },
  { iso: "MMR", en: "Myanmar", fr: "Myanmar", variants: ["Burma"], lang: "en", regions: [["Sagaing", ["Monywa", "Kale"]], ["Kachin", ["Myitkyina"]], ["Shan", ["Taunggyi", "Lashio"]]] },
  { iso: "KHM", en: "Cambodia", fr: "Cambodge", variants: [], lang: "en", regions: [["Battambang", ["Battambang"]], ["Kampong Chhnang", ["Kampong Chhnang"]], ["Siem Reap", ["Siem Reap"]]] },
  { iso: "COL", en: "Colombia", fr: "Colombie", variants: [], lang: "en", regions: [["Cauca", ["Popayán", "Santander de Quilichao"]], ["Chocó", ["Quibdó"]], ["Antioquia", ["Medellín", "Apartadó"]]] },
  { iso: "GTM", en: "Guatemala", fr: "Guatemala", variants: [], lang: "en", regions: [["Alta Verapaz", ["Cobán", "Chisec"]], ["Huehuetenango", ["Huehuetenango", "Barillas"]]] },
  { iso: "COD", en: "DR Congo", fr: "RD Congo", variants: ["DRC", "RDC", "Democratic Republic of the Congo", "République démocratique du Congo"], lang: "fr", regions: [["Sud-Kivu", ["Bukavu", "Uvira"]], ["Nord-Kivu", ["Goma", "Beni"]], ["Haut-Uélé", ["Isiro", "Dungu"]], ["Ituri", ["Bunia"]]] },
  { iso: "BDI", en: "Burundi", fr: "Burundi", variants: [], lang: "fr", regions: [["Ngozi", ["Ngozi"]], ["Gitega", ["Gitega"]], ["Bujumbura Mairie", ["Bujumbura"]]] },
  { iso: "RWA", en: "Rwanda", fr: "Rwanda", variants: [], lang: "fr", regions: [["Province du Sud", ["Huye", "Nyanza"]], ["Province de l'Ouest", ["Rubavu", "Rusizi"]]] },
  { iso: "CMR", en: "Cameroon", fr: "Cameroun", variants: [], lang: "fr", regions: [["Extrême-Nord", ["Maroua", "Mokolo"]], ["Nord-Ouest", ["Bamenda"]], ["Littoral", ["Douala"]]] },
  { iso: "TCD", en: "Chad", fr: "Tchad", variants: [], lang: "fr", regions: [["Logone Occidental", ["Moundou"]], ["Ouaddaï", ["Abéché"]], ["Mandoul", ["Koumra"]]] },
  { iso: "NER", en: "Niger", fr: "Niger", variants: [], lang: "fr", regions: [["Agadez", ["Agadez", "Arlit"]], ["Tillabéri", ["Tillabéri", "Ayorou"]], ["Zinder", ["Zinder"]]] },
  { iso: "MLI", en: "Mali", fr: "Mali", variants: [], lang: "fr", regions: [["Mopti", ["Mopti", "Sévaré"]], ["Ségou", ["Ségou", "San"]], ["Kayes", ["Kayes"]]] },
  { iso: "BFA", en: "Burkina Faso", fr: "Burkina Faso", variants: [], lang: "fr", regions: [["Hauts-Bassins", ["Bobo-Dioulasso"]], ["Centre-Nord", ["Kaya"]], ["Est", ["Fada N'Gourma"]]] },
  { iso: "GIN", en: "Guinea", fr: "Guinée", variants: [], lang: "fr", regions: [["Kankan", ["Kankan", "Siguiri"]], ["Nzérékoré", ["Nzérékoré"]], ["Boké", ["Boké", "Kamsar"]]] },
  { iso: "CIV", en: "Côte d'Ivoire", fr: "Côte d'Ivoire", variants: ["Ivory Coast"], lang: "fr", regions: [["Gbêkê", ["Bouaké"]], ["San-Pédro", ["San-Pédro"]], ["Tonkpi", ["Man"]]] },
  { iso: "MDG", en: "Madagascar", fr: "Madagascar", variants: [], lang: "fr", regions: [["Atsimo-Andrefana", ["Toliara"]], ["Analamanga", ["Antananarivo"]], ["Boeny", ["Mahajanga"]]] },
  { iso: "TUN", en: "Tunisia", fr: "Tunisie", variants: [], lang: "fr", regions: [["Kasserine", ["Kasserine", "Thala"]], ["Gafsa", ["Gafsa", "Redeyef"]], ["Sfax", ["Sfax"]]] },
  { iso: "HTI", en: "Haiti", fr: "Haïti", variants: [], lang: "fr", regions: [["Artibonite", ["Gonaïves", "Saint-Marc"]], ["Nord", ["Cap-Haïtien"]]] },
  { iso: "SEN", en: "Senegal", fr: "Sénégal", variants: [], lang: "fr", regions: [["Casamance", ["Ziguinchor", "Kolda"]], ["Thiès", ["Thiès", "Mbour"]]] },
];
