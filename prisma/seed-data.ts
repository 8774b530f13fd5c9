/**
 * Static content of the demo data set (prisma/seed.ts writes it). Plain data and pure functions only:
 * no database, no files.
 */

export const DEMO_PASSWORD = "vitrine-demo";

export type DemoAccountKey = "agence" | "promoteur" | "garage" | "nouveau" | "admin";

export const DEMO_ACCOUNTS: Record<
  DemoAccountKey,
  {
    email: string;
    name: string;
    companyName: string;
    kind: "agency" | "developer" | "dealership" | null;
    role: "pro" | "admin";
    identityStatus: "missing" | "verified";
    /** Days since the account was created. */
    age: number;
  }
> = {
  admin: {
    email: "admin@vitrine.test",
    name: "Équipe Vitrine",
    companyName: "Vitrine",
    kind: null,
    role: "admin",
    identityStatus: "verified",
    age: 120,
  },
  agence: {
    email: "agence@vitrine.test",
    name: "Claire Dumas",
    companyName: "Agence Lumière Immobilier",
    kind: "agency",
    role: "pro",
    identityStatus: "verified",
    age: 95,
  },
  promoteur: {
    email: "promoteur@vitrine.test",
    name: "Marc Lefèvre",
    companyName: "Horizon Promotion",
    kind: "developer",
    role: "pro",
    identityStatus: "verified",
    age: 90,
  },
  garage: {
    email: "garage@vitrine.test",
    name: "Thabo Nkosi",
    companyName: "Cape Auto Gallery",
    kind: "dealership",
    role: "pro",
    identityStatus: "verified",
    age: 85,
  },
  nouveau: {
    email: "nouveau@vitrine.test",
    name: "Julie Moreau",
    companyName: "Agence du Vieux-Port",
    kind: "agency",
    role: "pro",
    identityStatus: "missing",
    age: 1,
  },
};

/** Members of the agency's team besides its owner (SPEC "Demo data"). */
export const DEMO_TEAM: { key: "agent" | "manager"; email: string; name: string; role: "agent" | "manager" }[] = [
  { key: "manager", email: "manager@vitrine.test", name: "Hugo Marchand", role: "manager" },
  { key: "agent", email: "agent@vitrine.test", name: "Inès Bertrand", role: "agent" },
];

// ---------------------------------------------------------------------------------------------
// French places: postal code, department, region and coordinates of the town centre.

export type Place = { city: string; postalCode: string; department: string; region: string; lat: number; lng: number };

const IDF = "Île-de-France";
const ARA = "Auvergne-Rhône-Alpes";
const PACA = "Provence-Alpes-Côte d'Azur";
const NA = "Nouvelle-Aquitaine";
const PDL = "Pays de la Loire";
const BZH = "Bretagne";
const OCC = "Occitanie";
const GE = "Grand Est";
const NOR = "Normandie";

export const PLACES = {
  paris11: { city: "Paris", postalCode: "75011", department: "Paris", region: IDF, lat: 48.8574, lng: 2.3795 },
  paris15: { city: "Paris", postalCode: "75015", department: "Paris", region: IDF, lat: 48.8412, lng: 2.3003 },
  paris17: { city: "Paris", postalCode: "75017", department: "Paris", region: IDF, lat: 48.8835, lng: 2.3219 },
  boulogne: {
    city: "Boulogne-Billancourt",
    postalCode: "92100",
    department: "Hauts-de-Seine",
    region: IDF,
    lat: 48.8397,
    lng: 2.2399,
  },
  vincennes: {
    city: "Vincennes",
    postalCode: "94300",
    department: "Val-de-Marne",
    region: IDF,
    lat: 48.8474,
    lng: 2.4392,
  },
  versailles: {
    city: "Versailles",
    postalCode: "78000",
    department: "Yvelines",
    region: IDF,
    lat: 48.8049,
    lng: 2.1204,
  },
  lyon3: { city: "Lyon", postalCode: "69003", department: "Rhône", region: ARA, lat: 45.7597, lng: 4.851 },
  lyon6: { city: "Lyon", postalCode: "69006", department: "Rhône", region: ARA, lat: 45.7701, lng: 4.852 },
  villeurbanne: {
    city: "Villeurbanne",
    postalCode: "69100",
    department: "Rhône",
    region: ARA,
    lat: 45.7667,
    lng: 4.8803,
  },
  marseille8: {
    city: "Marseille",
    postalCode: "13008",
    department: "Bouches-du-Rhône",
    region: PACA,
    lat: 43.242,
    lng: 5.381,
  },
  aix: {
    city: "Aix-en-Provence",
    postalCode: "13100",
    department: "Bouches-du-Rhône",
    region: PACA,
    lat: 43.5297,
    lng: 5.4474,
  },
  nice: { city: "Nice", postalCode: "06000", department: "Alpes-Maritimes", region: PACA, lat: 43.7031, lng: 7.2661 },
  antibes: {
    city: "Antibes",
    postalCode: "06600",
    department: "Alpes-Maritimes",
    region: PACA,
    lat: 43.5808,
    lng: 7.1251,
  },
  avignon: { city: "Avignon", postalCode: "84000", department: "Vaucluse", region: PACA, lat: 43.9493, lng: 4.8055 },
  bordeaux: { city: "Bordeaux", postalCode: "33000", department: "Gironde", region: NA, lat: 44.8378, lng: -0.5792 },
  merignac: { city: "Mérignac", postalCode: "33700", department: "Gironde", region: NA, lat: 44.8386, lng: -0.6436 },
  arcachon: { city: "Arcachon", postalCode: "33120", department: "Gironde", region: NA, lat: 44.6586, lng: -1.1689 },
  biarritz: {
    city: "Biarritz",
    postalCode: "64200",
    department: "Pyrénées-Atlantiques",
    region: NA,
    lat: 43.4832,
    lng: -1.5586,
  },
  larochelle: {
    city: "La Rochelle",
    postalCode: "17000",
    department: "Charente-Maritime",
    region: NA,
    lat: 46.1603,
    lng: -1.1511,
  },
  nantes: {
    city: "Nantes",
    postalCode: "44000",
    department: "Loire-Atlantique",
    region: PDL,
    lat: 47.2184,
    lng: -1.5536,
  },
  nantesIle: {
    city: "Nantes",
    postalCode: "44200",
    department: "Loire-Atlantique",
    region: PDL,
    lat: 47.2065,
    lng: -1.5465,
  },
  angers: {
    city: "Angers",
    postalCode: "49000",
    department: "Maine-et-Loire",
    region: PDL,
    lat: 47.4784,
    lng: -0.5632,
  },
  rennes: {
    city: "Rennes",
    postalCode: "35200",
    department: "Ille-et-Vilaine",
    region: BZH,
    lat: 48.0967,
    lng: -1.6752,
  },
  saintmalo: {
    city: "Saint-Malo",
    postalCode: "35400",
    department: "Ille-et-Vilaine",
    region: BZH,
    lat: 48.6493,
    lng: -2.0257,
  },
  brest: { city: "Brest", postalCode: "29200", department: "Finistère", region: BZH, lat: 48.3904, lng: -4.4861 },
  vannes: { city: "Vannes", postalCode: "56000", department: "Morbihan", region: BZH, lat: 47.6582, lng: -2.7608 },
  toulouse: {
    city: "Toulouse",
    postalCode: "31000",
    department: "Haute-Garonne",
    region: OCC,
    lat: 43.6047,
    lng: 1.4442,
  },
  toulouseRangueil: {
    city: "Toulouse",
    postalCode: "31400",
    department: "Haute-Garonne",
    region: OCC,
    lat: 43.5756,
    lng: 1.4629,
  },
  montpellier: {
    city: "Montpellier",
    postalCode: "34000",
    department: "Hérault",
    region: OCC,
    lat: 43.6108,
    lng: 3.8767,
  },
  sete: { city: "Sète", postalCode: "34200", department: "Hérault", region: OCC, lat: 43.4028, lng: 3.6969 },
  nimes: { city: "Nîmes", postalCode: "30000", department: "Gard", region: OCC, lat: 43.8367, lng: 4.3601 },
  lille: {
    city: "Lille",
    postalCode: "59000",
    department: "Nord",
    region: "Hauts-de-France",
    lat: 50.6292,
    lng: 3.0573,
  },
  strasbourg: {
    city: "Strasbourg",
    postalCode: "67000",
    department: "Bas-Rhin",
    region: GE,
    lat: 48.5734,
    lng: 7.7521,
  },
  reims: { city: "Reims", postalCode: "51100", department: "Marne", region: GE, lat: 49.2583, lng: 4.0317 },
  chamonix: {
    city: "Chamonix-Mont-Blanc",
    postalCode: "74400",
    department: "Haute-Savoie",
    region: ARA,
    lat: 45.9237,
    lng: 6.8694,
  },
  annecy: { city: "Annecy", postalCode: "74000", department: "Haute-Savoie", region: ARA, lat: 45.8992, lng: 6.1294 },
  grenoble: { city: "Grenoble", postalCode: "38000", department: "Isère", region: ARA, lat: 45.1885, lng: 5.7245 },
  saintetienne: {
    city: "Saint-Étienne",
    postalCode: "42100",
    department: "Loire",
    region: ARA,
    lat: 45.4269,
    lng: 4.3952,
  },
  clermont: {
    city: "Clermont-Ferrand",
    postalCode: "63000",
    department: "Puy-de-Dôme",
    region: ARA,
    lat: 45.7772,
    lng: 3.087,
  },
  dijon: {
    city: "Dijon",
    postalCode: "21000",
    department: "Côte-d'Or",
    region: "Bourgogne-Franche-Comté",
    lat: 47.322,
    lng: 5.0415,
  },
  tours: {
    city: "Tours",
    postalCode: "37000",
    department: "Indre-et-Loire",
    region: "Centre-Val de Loire",
    lat: 47.3941,
    lng: 0.6848,
  },
  rouen: { city: "Rouen", postalCode: "76000", department: "Seine-Maritime", region: NOR, lat: 49.4431, lng: 1.0993 },
  caen: { city: "Caen", postalCode: "14000", department: "Calvados", region: NOR, lat: 49.1829, lng: -0.3707 },
  deauville: { city: "Deauville", postalCode: "14800", department: "Calvados", region: NOR, lat: 49.3575, lng: 0.07 },
  ajaccio: {
    city: "Ajaccio",
    postalCode: "20000",
    department: "Corse-du-Sud",
    region: "Corse",
    lat: 41.9192,
    lng: 8.7386,
  },
} satisfies Record<string, Place>;

export type PlaceKey = keyof typeof PLACES;

// ---------------------------------------------------------------------------------------------
// The agency's listings. Listed newest first: the seed spreads createdAt over the past ~60 days
// in this order.

type Rating = "A" | "B" | "C" | "D" | "E" | "F" | "G";

export type DemoProperty = {
  title: string;
  description: string;
  type: "appartement" | "maison" | "terrain" | "commerce" | "bureau";
  transactionType: "vente" | "location";
  /** Euros; monthly rent for `location`. */
  price: number;
  surface: number;
  rooms?: number;
  bedrooms?: number;
  bathrooms?: number;
  floor?: number;
  totalFloors?: number;
  buildingYear?: number;
  energyRating?: Rating;
  gesRating?: Rating;
  address: string;
  place: PlaceKey;
  status: "draft" | "active" | "sold";
  source?: "manual" | "feed";
};

export const DEMO_PROPERTIES: DemoProperty[] = [
  {
    title: "Studio meublé proche Bastille",
    description:
      "Au cinquième étage avec ascenseur, studio entièrement meublé et équipé : pièce de vie lumineuse donnant sur cour, kitchenette (plaques, réfrigérateur, lave-linge), salle d'eau avec douche à l'italienne. Métro Voltaire à 3 minutes. Bail meublé d'un an, disponible immédiatement.",
    type: "appartement",
    transactionType: "location",
    price: 980,
    surface: 24,
    rooms: 1,
    bedrooms: 0,
    bathrooms: 1,
    floor: 5,
    totalFloors: 6,
    buildingYear: 1905,
    energyRating: "E",
    gesRating: "E",
    address: "18 rue de la Roquette",
    place: "paris11",
    status: "active",
  },
  {
    title: "Appartement haussmannien 4 pièces avec balcon",
    description:
      "Au troisième étage d'un bel immeuble haussmannien, appartement traversant : entrée, double séjour avec parquet en point de Hongrie, moulures et cheminées, cuisine séparée, deux chambres et une salle de bains. Balcon filant sur une rue calme, cave. À deux pas du marché de la rue de Lévis et du métro Villiers.",
    type: "appartement",
    transactionType: "vente",
    price: 1_150_000,
    surface: 98,
    rooms: 4,
    bedrooms: 2,
    bathrooms: 1,
    floor: 3,
    totalFloors: 6,
    buildingYear: 1890,
    energyRating: "D",
    gesRating: "D",
    address: "42 rue de Lévis",
    place: "paris17",
    status: "active",
  },
  {
    title: "Deux pièces lumineux à Boulogne-Billancourt",
    description:
      "Dans une résidence récente avec gardien, deux pièces exposé sud-ouest : séjour ouvert sur une cuisine équipée, chambre avec placards, salle de bains et WC séparés. Parking en sous-sol. Écoles, commerces et ligne 9 à proximité immédiate.",
    type: "appartement",
    transactionType: "vente",
    price: 465_000,
    surface: 46,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 4,
    totalFloors: 7,
    buildingYear: 1998,
    energyRating: "C",
    gesRating: "C",
    address: "115 route de la Reine",
    place: "boulogne",
    status: "active",
  },
  {
    title: "T3 rénové quartier Part-Dieu",
    description:
      "Appartement entièrement rénové en 2023 : grand séjour avec cuisine ouverte, deux chambres, salle d'eau moderne, nombreux rangements. Double vitrage, chauffage individuel. À 5 minutes à pied de la gare Part-Dieu et du centre commercial.",
    type: "appartement",
    transactionType: "vente",
    price: 345_000,
    surface: 67,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 5,
    totalFloors: 8,
    buildingYear: 1968,
    energyRating: "C",
    gesRating: "D",
    address: "87 rue Paul Bert",
    place: "lyon3",
    status: "active",
  },
  {
    title: "Maison familiale avec jardin à Vincennes",
    description:
      "Rare : maison des années 1930 sur trois niveaux avec jardin arboré de 180 m². Séjour double, cuisine dînatoire, quatre chambres dont une suite parentale, deux salles de bains, sous-sol complet. À 10 minutes du bois et du RER A.",
    type: "maison",
    transactionType: "vente",
    price: 1_190_000,
    surface: 140,
    rooms: 6,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 3,
    buildingYear: 1932,
    energyRating: "D",
    gesRating: "E",
    address: "9 rue de la Prévoyance",
    place: "vincennes",
    status: "active",
  },
  {
    title: "Appartement avec terrasse vue mer à Marseille",
    description:
      "Au dernier étage d'une résidence avec piscine, quatre pièces prolongé par une terrasse de 30 m² face à la mer. Trois chambres, deux salles d'eau, cuisine équipée, climatisation. Garage et cave. Plages du Prado à 800 m.",
    type: "appartement",
    transactionType: "vente",
    price: 690_000,
    surface: 85,
    rooms: 4,
    bedrooms: 3,
    bathrooms: 2,
    floor: 6,
    totalFloors: 6,
    buildingYear: 1975,
    energyRating: "C",
    gesRating: "C",
    address: "412 avenue du Prado",
    place: "marseille8",
    status: "active",
  },
  {
    title: "T2 meublé aux Brotteaux",
    description:
      "Bel appartement meublé dans un immeuble bourgeois : séjour avec cheminée décorative, cuisine équipée, chambre sur cour, salle de bains avec baignoire. Proche du parc de la Tête d'Or et du métro Foch. Idéal jeune actif.",
    type: "appartement",
    transactionType: "location",
    price: 1_050,
    surface: 45,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1910,
    energyRating: "D",
    gesRating: "D",
    address: "23 rue Vendôme",
    place: "lyon6",
    status: "active",
  },
  {
    title: "Bureaux modernes proches de l'aéroport",
    description:
      "Plateau de bureaux climatisé au premier étage d'un bâtiment de 2012 : open space, trois bureaux fermés, salle de réunion, kitchenette et sanitaires. Six places de parking. Tramway A et rocade à proximité.",
    type: "bureau",
    transactionType: "location",
    price: 3_200,
    surface: 180,
    rooms: 6,
    bathrooms: 2,
    floor: 1,
    totalFloors: 3,
    buildingYear: 2012,
    energyRating: "B",
    gesRating: "B",
    address: "35 avenue John Fitzgerald Kennedy",
    place: "merignac",
    status: "active",
    source: "feed",
  },
  {
    title: "Échoppe bordelaise rénovée avec jardin",
    description:
      "Échoppe double en pierre entièrement rénovée : pièce de vie de 45 m² ouverte sur le jardin, cuisine équipée, trois chambres, deux salles d'eau. Jardin de 90 m² sans vis-à-vis. Quartier Saint-Augustin, à deux pas du tram.",
    type: "maison",
    transactionType: "vente",
    price: 549_000,
    surface: 110,
    rooms: 5,
    bedrooms: 3,
    bathrooms: 2,
    totalFloors: 1,
    buildingYear: 1900,
    energyRating: "C",
    gesRating: "B",
    address: "146 rue Judaïque",
    place: "bordeaux",
    status: "active",
  },
  {
    title: "Bastide provençale avec piscine",
    description:
      "Au calme, à 5 minutes du centre d'Aix, bastide du XIXe siècle restaurée sur un parc de 3 000 m² planté d'oliviers. Sept pièces, cinq chambres, trois salles de bains, piscine chauffée et pool-house. Vue dégagée sur la Sainte-Victoire.",
    type: "maison",
    transactionType: "vente",
    price: 1_200_000,
    surface: 210,
    rooms: 7,
    bedrooms: 5,
    bathrooms: 3,
    totalFloors: 2,
    buildingYear: 1850,
    energyRating: "D",
    gesRating: "D",
    address: "610 chemin des Pinchinats",
    place: "aix",
    status: "active",
  },
  {
    title: "Trois pièces dans le Carré d'Or",
    description:
      "À 300 m de la Promenade des Anglais, trois pièces dans un immeuble Belle Époque : séjour lumineux, deux chambres, cuisine indépendante, salle de bains. Balcon côté jardin, cave. Idéal résidence principale ou investissement.",
    type: "appartement",
    transactionType: "vente",
    price: 560_000,
    surface: 72,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 4,
    totalFloors: 6,
    buildingYear: 1930,
    energyRating: "D",
    gesRating: "D",
    address: "14 rue Alphonse Karr",
    place: "nice",
    status: "active",
  },
  {
    title: "Local commercial en pied d'immeuble à Villeurbanne",
    description:
      "Local commercial de 120 m² avec vitrine de 8 mètres sur le cours Émile-Zola, fort passage piéton. Surface de vente de 90 m², réserve, bureau et sanitaires. Tous commerces hors restauration. Métro Gratte-Ciel à 200 m.",
    type: "commerce",
    transactionType: "location",
    price: 2_200,
    surface: 120,
    bathrooms: 1,
    floor: 0,
    totalFloors: 6,
    buildingYear: 1985,
    energyRating: "C",
    gesRating: "C",
    address: "212 cours Émile Zola",
    place: "villeurbanne",
    status: "active",
  },
  {
    title: "Studio à louer à deux pas de la plage",
    description:
      "Studio de 27 m² avec balcon, entièrement meublé : coin nuit, kitchenette équipée, salle d'eau. Résidence sécurisée avec place de parking. Plage de la Salis et remparts à 5 minutes à pied.",
    type: "appartement",
    transactionType: "location",
    price: 750,
    surface: 27,
    rooms: 1,
    bedrooms: 0,
    bathrooms: 1,
    floor: 1,
    totalFloors: 4,
    buildingYear: 1965,
    energyRating: "E",
    gesRating: "E",
    address: "8 avenue de la Salis",
    place: "antibes",
    status: "draft",
  },
  {
    title: "Trois pièces avec vue sur le château",
    description:
      "Dans le quartier Notre-Dame, trois pièces traversant : séjour ouvert sur un balcon, deux chambres, cuisine aménagée, salle de bains. Vue dégagée sur les toits et le château. Gare Rive Droite à 6 minutes.",
    type: "appartement",
    transactionType: "vente",
    price: 520_000,
    surface: 68,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 2,
    totalFloors: 4,
    buildingYear: 1965,
    energyRating: "D",
    gesRating: "C",
    address: "27 avenue de Saint-Cloud",
    place: "versailles",
    status: "sold",
  },
  {
    title: "Maison de ville avec patio à Nantes",
    description:
      "Maison de ville de 1925 au cœur du quartier Saint-Félix : entrée, salon-séjour avec cheminée, cuisine ouverte sur un patio fleuri, trois chambres, bureau sous combles. Cave voûtée. Écoles et bords de l'Erdre à pied.",
    type: "maison",
    transactionType: "vente",
    price: 475_000,
    surface: 105,
    rooms: 5,
    bedrooms: 3,
    bathrooms: 1,
    totalFloors: 3,
    buildingYear: 1925,
    energyRating: "D",
    gesRating: "D",
    address: "31 rue Paul Bellamy",
    place: "nantes",
    status: "active",
  },
  {
    title: "T2 neuf avec balcon sur l'île de Nantes",
    description:
      "Dans une résidence de 2019 aux normes RT 2012, deux pièces avec balcon de 8 m² : séjour avec cuisine équipée, chambre avec placard, salle d'eau. Place de parking en sous-sol. Tram et busway au pied de l'immeuble.",
    type: "appartement",
    transactionType: "location",
    price: 890,
    surface: 44,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 3,
    totalFloors: 6,
    buildingYear: 2019,
    energyRating: "A",
    gesRating: "A",
    address: "5 boulevard de la Prairie au Duc",
    place: "nantesIle",
    status: "active",
    source: "feed",
  },
  {
    title: "Villa basque à 800 m des plages",
    description:
      "Villa de caractère des années 1930 sur un terrain de 600 m² : salon avec cheminée, salle à manger, cuisine équipée, quatre chambres, deux salles de bains. Terrasse plein sud, garage. Plages et centre-ville accessibles à pied.",
    type: "maison",
    transactionType: "vente",
    price: 1_180_000,
    surface: 160,
    rooms: 6,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 2,
    buildingYear: 1935,
    energyRating: "D",
    gesRating: "C",
    address: "19 avenue de la Marne",
    place: "biarritz",
    status: "sold",
  },
  {
    title: "Appartement vue port à La Rochelle",
    description:
      "Face au Vieux-Port, trois pièces au troisième et dernier étage : séjour avec vue sur les tours, deux chambres, cuisine aménagée, salle d'eau. Charges faibles, cave. Idéal pied-à-terre ou location saisonnière.",
    type: "appartement",
    transactionType: "vente",
    price: 395_000,
    surface: 58,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 3,
    totalFloors: 3,
    buildingYear: 1985,
    energyRating: "C",
    gesRating: "C",
    address: "12 quai Duperré",
    place: "larochelle",
    status: "active",
  },
  {
    title: "Appartement familial proche gare d'Angers",
    description:
      "Quatre pièces de 82 m² avec balcon : séjour de 28 m², cuisine indépendante, trois chambres, salle de bains et WC séparés. Garage fermé. Gare Saint-Laud, écoles et commerces à moins de 10 minutes à pied.",
    type: "appartement",
    transactionType: "vente",
    price: 259_000,
    surface: 82,
    rooms: 4,
    bedrooms: 3,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1978,
    energyRating: "D",
    gesRating: "D",
    address: "14 rue Denis Papin",
    place: "angers",
    status: "active",
  },
  {
    title: "Maison des années 30 quartier Sainte-Thérèse",
    description:
      "Maison de 1932 rénovée avec goût : double séjour sur jardin de 200 m², cuisine équipée, quatre chambres dont une au rez-de-chaussée, deux salles d'eau. Garage et atelier. Métro ligne b et commerces à pied.",
    type: "maison",
    transactionType: "vente",
    price: 489_000,
    surface: 120,
    rooms: 6,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 2,
    buildingYear: 1932,
    energyRating: "D",
    gesRating: "D",
    address: "48 rue de Châtillon",
    place: "rennes",
    status: "active",
  },
  {
    title: "Appartement intra-muros avec vue sur les remparts",
    description:
      "Au cœur de la ville close, trois pièces au troisième étage d'un immeuble en granit : séjour avec poutres apparentes, deux chambres, cuisine ouverte, salle d'eau. Aperçu mer depuis le séjour. Plages à 2 minutes.",
    type: "appartement",
    transactionType: "vente",
    price: 620_000,
    surface: 75,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 3,
    totalFloors: 4,
    buildingYear: 1950,
    energyRating: "E",
    gesRating: "D",
    address: "6 rue de Dinan",
    place: "saintmalo",
    status: "active",
  },
  {
    title: "Maison de pêcheur à rénover",
    description:
      "Petite maison en pierre de 70 m² à rénover entièrement, sur une parcelle de 250 m² avec jardin. Quatre pièces dont deux chambres, grenier aménageable. Quartier de Recouvrance, proche du port et du téléphérique.",
    type: "maison",
    transactionType: "vente",
    price: 165_000,
    surface: 70,
    rooms: 4,
    bedrooms: 2,
    bathrooms: 1,
    totalFloors: 2,
    buildingYear: 1920,
    energyRating: "F",
    gesRating: "F",
    address: "23 rue de Saint-Malo",
    place: "brest",
    status: "draft",
  },
  {
    title: "T3 avec balcon aux Carmes",
    description:
      "Dans une résidence de standing, T3 de 64 m² avec balcon sur cour arborée : séjour lumineux, cuisine équipée, deux chambres, salle de bains. Parking en option. Métro Carmes et marché couvert au pied de l'immeuble.",
    type: "appartement",
    transactionType: "vente",
    price: 335_000,
    surface: 64,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 2,
    totalFloors: 4,
    buildingYear: 1962,
    energyRating: "D",
    gesRating: "D",
    address: "15 rue des Filatiers",
    place: "toulouse",
    status: "active",
  },
  {
    title: "Colocation T4 proche universités",
    description:
      "T4 meublé adapté à la colocation : trois chambres fermées de 11 à 13 m², grand séjour, cuisine équipée, salle de bains et salle d'eau. Métro Rangueil et université Paul-Sabatier à 5 minutes.",
    type: "appartement",
    transactionType: "location",
    price: 1_450,
    surface: 85,
    rooms: 4,
    bedrooms: 3,
    bathrooms: 2,
    floor: 1,
    totalFloors: 3,
    buildingYear: 1975,
    energyRating: "E",
    gesRating: "D",
    address: "3 avenue de Rangueil",
    place: "toulouseRangueil",
    status: "active",
  },
  {
    title: "Terrain constructible viabilisé à Sète",
    description:
      "Sur les hauteurs du mont Saint-Clair, terrain de 600 m² viabilisé (eau, électricité, tout-à-l'égout) avec vue sur l'étang de Thau. Libre de constructeur, emprise au sol de 40 %. Étude de sol disponible.",
    type: "terrain",
    transactionType: "vente",
    price: 189_000,
    surface: 600,
    address: "Chemin des Pierres Blanches",
    place: "sete",
    status: "active",
  },
  {
    title: "T2 quartier Antigone",
    description:
      "T2 de 43 m² au quatrième étage avec ascenseur : séjour avec balcon, cuisine américaine équipée, chambre, salle d'eau. Cave et place de parking. Tram lignes 1 et 4, place de la Comédie à 10 minutes.",
    type: "appartement",
    transactionType: "location",
    price: 760,
    surface: 43,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 4,
    totalFloors: 6,
    buildingYear: 1988,
    energyRating: "C",
    gesRating: "C",
    address: "120 place du Millénaire",
    place: "montpellier",
    status: "active",
  },
  {
    title: "Loft dans une ancienne filature",
    description:
      "Loft de 130 m² dans une filature du XIXe siècle réhabilitée : pièce de vie de 70 m² sous 4 m de plafond, verrière, cuisine ouverte, deux chambres en mezzanine, salle de bains. Cour privative et parking.",
    type: "appartement",
    transactionType: "vente",
    price: 420_000,
    surface: 130,
    rooms: 4,
    bedrooms: 2,
    bathrooms: 1,
    floor: 1,
    totalFloors: 2,
    buildingYear: 1895,
    energyRating: "C",
    gesRating: "C",
    address: "71 rue d'Iéna",
    place: "lille",
    status: "active",
  },
  {
    title: "Bureaux de 90 m² au centre de Lille",
    description:
      "Au deuxième étage d'un immeuble de bureaux avec ascenseur, plateau de 90 m² cloisonné en quatre bureaux, accueil, kitchenette et sanitaires. Fibre optique, climatisation réversible. Métro Rihour à 3 minutes.",
    type: "bureau",
    transactionType: "location",
    price: 1_900,
    surface: 90,
    rooms: 4,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1998,
    energyRating: "C",
    gesRating: "B",
    address: "58 rue Nationale",
    place: "lille",
    status: "active",
  },
  {
    title: "Appartement de charme à la Petite France",
    description:
      "Dans une maison à colombages du XVIIIe siècle, trois pièces plein de caractère : poutres apparentes, parquet ancien, séjour avec vue sur l'Ill, deux chambres, cuisine équipée. Un bien rare au cœur de la Grande Île.",
    type: "appartement",
    transactionType: "vente",
    price: 398_000,
    surface: 78,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 2,
    totalFloors: 4,
    buildingYear: 1780,
    energyRating: "E",
    gesRating: "E",
    address: "9 rue du Bain-aux-Plantes",
    place: "strasbourg",
    status: "sold",
  },
  {
    title: "Chalet avec vue sur le Mont-Blanc",
    description:
      "Chalet traditionnel en bois et pierre face au massif du Mont-Blanc : séjour cathédrale avec poêle, cuisine équipée, quatre chambres, deux salles de bains, sauna. Garage double et local à skis. Navette pour les pistes à 100 m.",
    type: "maison",
    transactionType: "vente",
    price: 1_150_000,
    surface: 135,
    rooms: 5,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 3,
    buildingYear: 1978,
    energyRating: "E",
    gesRating: "D",
    address: "214 route des Praz",
    place: "chamonix",
    status: "active",
  },
  {
    title: "Appartement au bord du lac d'Annecy",
    description:
      "Trois pièces de 70 m² avec loggia sur le lac : séjour, deux chambres, cuisine équipée, salle de bains. Résidence avec accès direct à la plage d'Albigny, garage fermé. Location vide, bail de trois ans.",
    type: "appartement",
    transactionType: "location",
    price: 1_650,
    surface: 70,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1990,
    energyRating: "C",
    gesRating: "C",
    address: "36 avenue d'Albigny",
    place: "annecy",
    status: "active",
  },
  {
    title: "T4 avec vue sur les montagnes",
    description:
      "Au huitième étage avec ascenseur, T4 traversant de 88 m² avec vue panoramique sur le Vercors et la Chartreuse : séjour, trois chambres, cuisine équipée, salle de bains, balcon. Cave et parking. Tram A au pied de l'immeuble.",
    type: "appartement",
    transactionType: "vente",
    price: 239_000,
    surface: 88,
    rooms: 4,
    bedrooms: 3,
    bathrooms: 1,
    floor: 8,
    totalFloors: 12,
    buildingYear: 1970,
    energyRating: "E",
    gesRating: "E",
    address: "93 cours Jean Jaurès",
    place: "grenoble",
    status: "active",
  },
  {
    title: "Maison avec jardin à Saint-Étienne",
    description:
      "Maison des années 1960 sur un terrain clos de 500 m² : séjour avec cheminée, cuisine, quatre chambres, salle de bains, sous-sol complet avec garage. Quartier résidentiel calme, écoles et bus à 5 minutes.",
    type: "maison",
    transactionType: "vente",
    price: 215_000,
    surface: 115,
    rooms: 5,
    bedrooms: 4,
    bathrooms: 1,
    totalFloors: 2,
    buildingYear: 1962,
    energyRating: "E",
    gesRating: "E",
    address: "27 rue de la Montat",
    place: "saintetienne",
    status: "active",
  },
  {
    title: "Appartement ancien au cœur de Dijon",
    description:
      "Dans le secteur sauvegardé, trois pièces au premier étage d'un hôtel particulier : séjour avec cheminée, deux chambres, cuisine, salle de bains. Parquet et tomettes d'origine. Palais des ducs à 2 minutes.",
    type: "appartement",
    transactionType: "vente",
    price: 229_000,
    surface: 75,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 1,
    totalFloors: 3,
    buildingYear: 1850,
    energyRating: "D",
    gesRating: "E",
    address: "21 rue Verrerie",
    place: "dijon",
    status: "draft",
  },
  {
    title: "Boutique rue Nationale à Tours",
    description:
      "Murs commerciaux de 85 m² sur l'artère la plus commerçante de Tours : vitrine double, surface de vente de 65 m², réserve et sanitaires. Vendu libre de toute occupation. Tram à 50 m.",
    type: "commerce",
    transactionType: "vente",
    price: 310_000,
    surface: 85,
    bathrooms: 1,
    floor: 0,
    totalFloors: 4,
    buildingYear: 1930,
    energyRating: "D",
    gesRating: "C",
    address: "64 rue Nationale",
    place: "tours",
    status: "active",
  },
  {
    title: "T2 proche de la cathédrale de Rouen",
    description:
      "Deux pièces de 40 m² au troisième étage d'un immeuble à colombages : séjour avec poutres, cuisine équipée, chambre, salle d'eau. Chauffage individuel électrique. Commerces et gare à pied.",
    type: "appartement",
    transactionType: "location",
    price: 640,
    surface: 40,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 3,
    totalFloors: 4,
    buildingYear: 1955,
    energyRating: "E",
    gesRating: "D",
    address: "17 rue Saint-Romain",
    place: "rouen",
    status: "active",
  },
  {
    title: "Maison normande à Deauville",
    description:
      "Maison normande à colombages sur un jardin paysager de 900 m² : salon avec cheminée, salle à manger, cuisine, quatre chambres, deux salles de bains. Garage. Planches et plage à 10 minutes à pied.",
    type: "maison",
    transactionType: "vente",
    price: 890_000,
    surface: 150,
    rooms: 6,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 2,
    buildingYear: 1910,
    energyRating: "D",
    gesRating: "D",
    address: "58 avenue de la République",
    place: "deauville",
    status: "active",
  },
  {
    title: "T3 avec parking à Caen",
    description:
      "T3 de 66 m² au deuxième étage avec ascenseur : séjour avec balcon, deux chambres, cuisine équipée, salle de bains. Place de parking et cave. Tram, université et château à proximité.",
    type: "appartement",
    transactionType: "vente",
    price: 198_000,
    surface: 66,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1975,
    energyRating: "D",
    gesRating: "D",
    address: "44 rue de Bayeux",
    place: "caen",
    status: "sold",
  },
  {
    title: "Maison de vigneron près du centre de Reims",
    description:
      "Maison ancienne en pierre et brique de 125 m² : séjour, cuisine équipée, trois chambres, bureau, salle de bains. Cour intérieure, cave à vin voûtée et dépendance. Centre-ville et gare à 15 minutes à pied.",
    type: "maison",
    transactionType: "vente",
    price: 285_000,
    surface: 125,
    rooms: 5,
    bedrooms: 3,
    bathrooms: 1,
    totalFloors: 2,
    buildingYear: 1928,
    energyRating: "E",
    gesRating: "E",
    address: "72 rue de Cernay",
    place: "reims",
    status: "active",
  },
  {
    title: "Maison contemporaine à Arcachon",
    description:
      "Dans la Ville d'Hiver, maison contemporaine de 2016 : pièce de vie de 60 m² ouverte sur une terrasse et une piscine, quatre chambres dont deux suites, cellier, garage. Pompe à chaleur et panneaux solaires.",
    type: "maison",
    transactionType: "vente",
    price: 1_090_000,
    surface: 145,
    rooms: 6,
    bedrooms: 4,
    bathrooms: 2,
    totalFloors: 2,
    buildingYear: 2016,
    energyRating: "B",
    gesRating: "A",
    address: "11 allée Faust",
    place: "arcachon",
    status: "active",
  },
  {
    title: "Local commercial en centre historique d'Avignon",
    description:
      "À deux pas de la place de l'Horloge, local de 95 m² avec vitrine sur rue piétonne : surface de vente, arrière-boutique et sanitaires. Idéal prêt-à-porter ou décoration. Bail commercial 3-6-9.",
    type: "commerce",
    transactionType: "location",
    price: 1_800,
    surface: 95,
    bathrooms: 1,
    floor: 0,
    totalFloors: 3,
    buildingYear: 1920,
    energyRating: "E",
    gesRating: "E",
    address: "33 rue de la République",
    place: "avignon",
    status: "active",
  },
  {
    title: "Studio étudiant proche faculté",
    description:
      "Studio meublé de 22 m² : pièce principale avec coin nuit, kitchenette, salle d'eau. Résidence avec laverie, local à vélos. Faculté de médecine et tram à 5 minutes. Éligible aux APL.",
    type: "appartement",
    transactionType: "location",
    price: 520,
    surface: 22,
    rooms: 1,
    bedrooms: 0,
    bathrooms: 1,
    floor: 2,
    totalFloors: 5,
    buildingYear: 1992,
    energyRating: "D",
    gesRating: "C",
    address: "10 rue Montlosier",
    place: "clermont",
    status: "active",
  },
  {
    title: "Appartement avec vue sur le golfe d'Ajaccio",
    description:
      "Trois pièces de 80 m² avec grande terrasse face au golfe : séjour, deux chambres, cuisine équipée, salle de bains. Résidence avec piscine et parking. Plages et centre-ville à 10 minutes.",
    type: "appartement",
    transactionType: "vente",
    price: 410_000,
    surface: 80,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    floor: 5,
    totalFloors: 7,
    buildingYear: 1972,
    energyRating: "D",
    gesRating: "C",
    address: "Route des Sanguinaires",
    place: "ajaccio",
    status: "draft",
  },
  {
    title: "Maison de plain-pied à Vannes",
    description:
      "Maison de plain-pied de 2005 sur 650 m² de jardin clos : séjour de 40 m² avec poêle, cuisine aménagée, trois chambres, salle d'eau, garage. Golfe du Morbihan et centre historique à 10 minutes.",
    type: "maison",
    transactionType: "vente",
    price: 395_000,
    surface: 100,
    rooms: 5,
    bedrooms: 3,
    bathrooms: 1,
    totalFloors: 1,
    buildingYear: 2005,
    energyRating: "C",
    gesRating: "B",
    address: "7 rue du Commandant Charcot",
    place: "vannes",
    status: "sold",
  },
  {
    title: "Plateau de bureaux à Lyon Part-Dieu",
    description:
      "Plateau de 320 m² au septième étage d'un immeuble certifié HQE : open space modulable, quatre salles de réunion, espace détente, sanitaires. Huit parkings en sous-sol. Gare Part-Dieu à 4 minutes.",
    type: "bureau",
    transactionType: "vente",
    price: 980_000,
    surface: 320,
    bathrooms: 2,
    floor: 7,
    totalFloors: 12,
    buildingYear: 2008,
    energyRating: "B",
    gesRating: "A",
    address: "19 boulevard Vivier-Merle",
    place: "lyon3",
    status: "active",
    source: "feed",
  },
  {
    title: "Terrain à bâtir de 1 200 m² près de Nîmes",
    description:
      "Terrain plat de 1 200 m² hors lotissement, non viabilisé (réseaux en bordure). Zone pavillonnaire calme, exposition sud. Centre de Nîmes à 10 minutes, accès autoroute à 5 minutes.",
    type: "terrain",
    transactionType: "vente",
    price: 145_000,
    surface: 1200,
    address: "Chemin du Mas de Vignoles",
    place: "nimes",
    status: "draft",
  },
  {
    title: "Deux pièces rénové à Paris 15e",
    description:
      "Proche de la rue du Commerce, deux pièces refait à neuf : séjour, cuisine ouverte équipée, chambre avec dressing, salle d'eau. Double vitrage, parquet. Métro Commerce à 2 minutes. Cave.",
    type: "appartement",
    transactionType: "location",
    price: 1_690,
    surface: 41,
    rooms: 2,
    bedrooms: 1,
    bathrooms: 1,
    floor: 4,
    totalFloors: 7,
    buildingYear: 1934,
    energyRating: "D",
    gesRating: "D",
    address: "63 rue du Théâtre",
    place: "paris15",
    status: "active",
  },
];

// ---------------------------------------------------------------------------------------------
// Inquiries on the agency's listings. `property` indexes DEMO_PROPERTIES (never a draft).

export type DemoInquiry = {
  property: number;
  name: string;
  email: string;
  phone?: string;
  message: string;
  status: "new_request" | "read" | "replied";
};

export const DEMO_INQUIRIES: DemoInquiry[] = [
  {
    property: 0,
    name: "Camille Bernard",
    email: "camille.bernard@example.fr",
    phone: "+33 6 12 45 78 90",
    status: "new_request",
    message:
      "Bonjour, le studio est-il toujours disponible ? Je suis en CDI et je pourrais le visiter dès cette semaine.",
  },
  {
    property: 1,
    name: "Hugo Lambert",
    email: "hugo.lambert@example.fr",
    status: "new_request",
    message: "Bonjour, pourriez-vous m'indiquer le montant des charges de copropriété et la taxe foncière ? Merci.",
  },
  {
    property: 3,
    name: "Inès Garnier",
    email: "ines.garnier@example.fr",
    phone: "+33 7 81 22 35 46",
    status: "new_request",
    message: "Bonjour, nous cherchons un T3 à la Part-Dieu. Une visite samedi matin serait-elle possible ?",
  },
  {
    property: 5,
    name: "Nathalie Rousseau",
    email: "n.rousseau@example.com",
    phone: "+33 6 03 18 27 64",
    status: "new_request",
    message: "Bonjour, la terrasse est-elle exposée au sud ? Y a-t-il des travaux votés dans la copropriété ?",
  },
  {
    property: 9,
    name: "Jean-Baptiste Faure",
    email: "jb.faure@example.fr",
    status: "new_request",
    message:
      "Bonjour, la piscine est-elle chauffée toute l'année ? Nous aimerions visiter la bastide avec nos enfants.",
  },
  {
    property: 14,
    name: "Zoé Marchand",
    email: "zoe.marchand@example.fr",
    phone: "+33 6 55 41 20 13",
    status: "new_request",
    message: "Bonjour, la maison est-elle proche de l'école Saint-Félix ? Merci de me rappeler en fin de journée.",
  },
  {
    property: 23,
    name: "Lucas Petit",
    email: "lucas.petit@example.fr",
    status: "new_request",
    message: "Bonjour, nous sommes trois étudiants en master. Acceptez-vous les garants parents ?",
  },
  {
    property: 40,
    name: "Sophie Lemaire",
    email: "sophie.lemaire@example.fr",
    phone: "+33 6 72 90 11 58",
    status: "new_request",
    message: "Bonjour, je souhaite ouvrir une boutique de décoration. Le local est-il toujours libre ?",
  },
  {
    property: 46,
    name: "Thomas Girard",
    email: "thomas.girard@example.fr",
    status: "new_request",
    message: "Bonjour, l'appartement est-il disponible au 1er du mois prochain ? Je peux fournir un dossier complet.",
  },
  {
    property: 2,
    name: "Élodie Perrin",
    email: "elodie.perrin@example.fr",
    phone: "+33 6 48 37 92 05",
    status: "read",
    message: "Bonjour, la place de parking est-elle comprise dans le prix ? Merci pour votre retour.",
  },
  {
    property: 4,
    name: "Antoine Mercier",
    email: "antoine.mercier@example.fr",
    status: "read",
    message: "Bonjour, quelle est la surface exacte du jardin et son orientation ? Nous avons un chien.",
  },
  {
    property: 7,
    name: "Cabinet Duval Conseil",
    email: "contact@duval-conseil.example.fr",
    phone: "+33 5 56 12 34 56",
    status: "read",
    message:
      "Bonjour, nous cherchons des bureaux pour une équipe de 12 personnes. Le bail peut-il démarrer en janvier ?",
  },
  {
    property: 10,
    name: "Margaux Fontaine",
    email: "margaux.fontaine@example.fr",
    status: "read",
    message: "Bonjour, le bien est-il loué actuellement ? Je l'envisage comme investissement locatif.",
  },
  {
    property: 17,
    name: "Pierre-Louis Chevalier",
    email: "pl.chevalier@example.fr",
    phone: "+33 6 21 84 67 39",
    status: "read",
    message: "Bonjour, peut-on visiter l'appartement un soir de semaine après 18 h ?",
  },
  {
    property: 25,
    name: "Manon Roux",
    email: "manon.roux@example.fr",
    status: "read",
    message: "Bonjour, les charges comprennent-elles l'eau chaude et le chauffage ?",
  },
  {
    property: 29,
    name: "Olivier Blanc",
    email: "olivier.blanc@example.fr",
    phone: "+33 4 50 66 12 98",
    status: "read",
    message: "Bonjour, le chalet est-il accessible en voiture l'hiver ? Le local à skis est-il chauffé ?",
  },
  {
    property: 32,
    name: "Chloé Guérin",
    email: "chloe.guerin@example.fr",
    status: "read",
    message: "Bonjour, la maison a-t-elle un assainissement collectif ? Merci de me communiquer les diagnostics.",
  },
  {
    property: 38,
    name: "Famille N'Diaye",
    email: "famille.ndiaye@example.fr",
    phone: "+33 6 30 77 45 12",
    status: "read",
    message: "Bonjour, nous souhaiterions visiter la maison ce week-end avec nos deux enfants.",
  },
  {
    property: 1,
    name: "Victor Lacroix",
    email: "victor.lacroix@example.fr",
    phone: "+33 6 14 93 28 70",
    status: "replied",
    message: "Bonjour, le prix est-il négociable ? Nous avons un accord de prêt de notre banque.",
  },
  {
    property: 8,
    name: "Léa Morel",
    email: "lea.morel@example.fr",
    status: "replied",
    message: "Bonjour, l'échoppe est-elle raccordée à la fibre ? Je travaille à domicile.",
  },
  {
    property: 13,
    name: "Julien Mathieu",
    email: "julien.mathieu@example.fr",
    phone: "+33 6 99 12 03 44",
    status: "replied",
    message: "Bonjour, nous sommes très intéressés. Pouvons-nous faire une seconde visite avec un artisan ?",
  },
  {
    property: 16,
    name: "Isabelle Andrieu",
    email: "isabelle.andrieu@example.fr",
    status: "replied",
    message: "Bonjour, la villa a-t-elle un garage pour deux voitures ? Merci.",
  },
  {
    property: 19,
    name: "Karim Benali",
    email: "karim.benali@example.fr",
    phone: "+33 7 62 50 18 93",
    status: "replied",
    message: "Bonjour, l'atelier au fond du jardin est-il électrifié ? Je suis ébéniste amateur.",
  },
  {
    property: 28,
    name: "Anne-Sophie Vidal",
    email: "as.vidal@example.fr",
    status: "replied",
    message: "Bonjour, nous avons fait une offre au prix. Quelles sont les prochaines étapes ?",
  },
  {
    property: 41,
    name: "Mathis Robin",
    email: "mathis.robin@example.fr",
    phone: "+33 6 41 28 65 07",
    status: "replied",
    message: "Bonjour, le studio est-il éligible aux APL ? Je commence mes études en septembre.",
  },
  {
    property: 26,
    name: "Gabriel Lefort",
    email: "gabriel.lefort@example.fr",
    status: "replied",
    message: "Bonjour, pouvez-vous me préciser la hauteur sous plafond de la mezzanine ?",
  },
];

// ---------------------------------------------------------------------------------------------
// The developer's new-build programmes.

export type DemoLot = {
  reference: string;
  type: "T1" | "T2" | "T3" | "T4" | "T5" | "maison";
  surface: number;
  status: "disponible" | "reserve" | "vendu";
  isComplete: boolean;
};

export type DemoProgramme = {
  name: string;
  ville: string;
  postalCode: string;
  address: string;
  /** Year and quarter, e.g. 2027-T4. */
  deliveryDate: string;
  /** Euros per square metre; a lot's price is its surface times this, plus a premium for height. */
  pricePerSqm: number;
  description: string;
  lots: DemoLot[];
};

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    name: "Les Jardins de la Confluence",
    ville: "Lyon",
    postalCode: "69002",
    address: "12 quai Rambaud",
    deliveryDate: "2026-T4",
    pricePerSqm: 5800,
    description:
      "À deux pas des quais de Saône, une résidence de 48 logements du T1 au T4 autour d'un cœur d'îlot paysager. Balcons ou terrasses pour chaque logement, parkings en sous-sol, label RE2020. Livraison prévue au 4e trimestre 2026.",
    lots: [
      { reference: "A01", type: "T1", surface: 28.5, status: "vendu", isComplete: true },
      { reference: "A12", type: "T2", surface: 44.2, status: "disponible", isComplete: true },
      { reference: "A23", type: "T3", surface: 64.8, status: "reserve", isComplete: true },
      { reference: "B14", type: "T3", surface: 67.1, status: "disponible", isComplete: false },
      { reference: "B31", type: "T4", surface: 84.6, status: "disponible", isComplete: true },
      { reference: "B42", type: "T4", surface: 88.3, status: "vendu", isComplete: true },
      { reference: "C05", type: "T2", surface: 46.0, status: "disponible", isComplete: false },
    ],
  },
  {
    name: "Le Clos des Vignes",
    ville: "Bordeaux",
    postalCode: "33300",
    address: "45 rue Lucien Faure",
    deliveryDate: "2027-T2",
    pricePerSqm: 5100,
    description:
      "Dans le quartier Caudéran, un ensemble intimiste de maisons de ville et d'appartements entourés de jardins privatifs. Matériaux biosourcés, pompes à chaleur, garages individuels. Écoles et commerces à pied.",
    lots: [
      { reference: "M01", type: "maison", surface: 105.0, status: "reserve", isComplete: true },
      { reference: "M02", type: "maison", surface: 112.5, status: "disponible", isComplete: true },
      { reference: "M03", type: "maison", surface: 98.4, status: "vendu", isComplete: true },
      { reference: "A11", type: "T2", surface: 45.3, status: "disponible", isComplete: false },
      { reference: "A21", type: "T3", surface: 66.9, status: "disponible", isComplete: true },
    ],
  },
  {
    name: "Les Terrasses du Lez",
    ville: "Montpellier",
    postalCode: "34000",
    address: "8 avenue Raymond Dugrand",
    deliveryDate: "2027-T1",
    pricePerSqm: 4700,
    description:
      "Face au parc de la Lironde, une résidence contemporaine aux larges terrasses plein sud. Du studio au T5 en attique, piscine commune et local à vélos sécurisé. Tramway ligne 1 à 400 m.",
    lots: [
      { reference: "A02", type: "T1", surface: 26.4, status: "disponible", isComplete: true },
      { reference: "A15", type: "T2", surface: 42.7, status: "vendu", isComplete: true },
      { reference: "A27", type: "T3", surface: 63.2, status: "disponible", isComplete: true },
      { reference: "B18", type: "T3", surface: 65.5, status: "reserve", isComplete: false },
      { reference: "B36", type: "T4", surface: 81.9, status: "disponible", isComplete: true },
      { reference: "B51", type: "T5", surface: 108.6, status: "disponible", isComplete: false },
      { reference: "C09", type: "T2", surface: 44.1, status: "vendu", isComplete: true },
      { reference: "C22", type: "T1", surface: 27.8, status: "disponible", isComplete: false },
    ],
  },
  {
    name: "Belvédère du Lac",
    ville: "Annecy",
    postalCode: "74000",
    address: "21 avenue de Genève",
    deliveryDate: "2027-T3",
    pricePerSqm: 7200,
    description:
      "Sur les hauteurs d'Annecy-le-Vieux, 24 appartements d'exception avec vue sur le lac et les montagnes. Grandes baies vitrées, terrasses jusqu'à 40 m², caves et garages boxés. Prestations haut de gamme.",
    lots: [
      { reference: "A03", type: "T2", surface: 48.5, status: "disponible", isComplete: true },
      { reference: "A14", type: "T3", surface: 71.2, status: "vendu", isComplete: true },
      { reference: "A26", type: "T4", surface: 92.8, status: "reserve", isComplete: true },
      { reference: "A41", type: "T5", surface: 118.0, status: "disponible", isComplete: false },
    ],
  },
  {
    name: "Cœur Saint-Sauveur",
    ville: "Lille",
    postalCode: "59000",
    address: "3 rue de Bavay",
    deliveryDate: "2028-T1",
    pricePerSqm: 4300,
    description:
      "Sur l'ancienne friche ferroviaire de Saint-Sauveur, un quartier neuf et végétalisé à 5 minutes du centre. Appartements du T1 au T4, jardins partagés sur les toits, chaufferie bois. Métro Mairie de Lille à 300 m.",
    lots: [
      { reference: "A04", type: "T1", surface: 29.1, status: "disponible", isComplete: true },
      { reference: "A16", type: "T2", surface: 43.5, status: "disponible", isComplete: true },
      { reference: "A28", type: "T2", surface: 45.2, status: "reserve", isComplete: false },
      { reference: "B11", type: "T3", surface: 62.4, status: "disponible", isComplete: true },
      { reference: "B24", type: "T3", surface: 68.0, status: "vendu", isComplete: true },
      { reference: "B37", type: "T4", surface: 83.7, status: "disponible", isComplete: false },
      { reference: "C12", type: "T4", surface: 86.1, status: "disponible", isComplete: true },
      { reference: "C45", type: "T3", surface: 64.9, status: "vendu", isComplete: true },
      { reference: "C51", type: "T1", surface: 30.2, status: "disponible", isComplete: false },
      { reference: "C53", type: "T2", surface: 47.6, status: "disponible", isComplete: true },
    ],
  },
];

/**
 * Price of a lot: surface × price per m², with a 1.5 % premium per floor (the second character of
 * the reference), rounded to the nearest 500 €.
 */
/** Documentation requests received by the developer (index into DEMO_PROGRAMMES, lot by reference). */
export const DEMO_PROGRAMME_INQUIRIES: {
  programme: number;
  lot?: string;
  name: string;
  email: string;
  phone?: string;
  message: string;
  status: "new_request" | "read" | "replied";
  hoursAgo?: number;
}[] = [
  {
    programme: 0,
    lot: "A12",
    name: "Hélène Marchand",
    email: "helene.marchand@example.fr",
    phone: "+33 6 41 22 87 10",
    message: "Bonjour, pourriez-vous m'envoyer le plan du T2 A12 et le détail des frais de notaire réduits ?",
    status: "new_request",
    hoursAgo: 3,
  },
  {
    programme: 1,
    name: "Karim Benali",
    email: "karim.benali@example.fr",
    message: "Je souhaite recevoir la documentation complète du programme et être rappelé en fin de journée.",
    status: "new_request",
    hoursAgo: 20,
  },
  {
    programme: 0,
    lot: "B31",
    name: "Sophie Laurent",
    email: "sophie.laurent@example.fr",
    phone: "06 12 98 45 33",
    message: "Le T4 B31 est-il encore disponible ? Nous aimerions visiter l'appartement témoin.",
    status: "read",
    hoursAgo: 50,
  },
  {
    programme: 2,
    name: "Marc Olivier",
    email: "marc.olivier@example.fr",
    message: "Merci de m'envoyer la grille de prix et la date de livraison prévue.",
    status: "replied",
    hoursAgo: 120,
  },
];

export function lotPrice(lot: DemoLot, pricePerSqm: number): number {
  const floor = Number(lot.reference[1]) || 0;
  return Math.round((lot.surface * pricePerSqm * (1 + 0.015 * floor)) / 500) * 500;
}

// ---------------------------------------------------------------------------------------------
// The dealership's stock (South Africa, prices in rand). Ids 100, 101, 12345 and 12346 are the ones
// seed 004's examples use.

export type DemoVehicle = {
  id: number;
  make: string;
  model: string;
  year: number;
  price: number;
  mileage: number;
  fuel: "essence" | "diesel" | "hybride" | "electrique" | "gpl";
  transmission: "manuelle" | "automatique";
  colour: string;
  status?: "draft" | "active" | "sold";
};

export const DEMO_VEHICLES: DemoVehicle[] = [
  {
    id: 100,
    make: "Toyota",
    model: "Corolla",
    year: 2023,
    price: 350_000,
    mileage: 18_500,
    fuel: "essence",
    transmission: "automatique",
    colour: "Blanc",
  },
  {
    id: 101,
    make: "Honda",
    model: "Civic",
    year: 2023,
    price: 380_000,
    mileage: 12_400,
    fuel: "essence",
    transmission: "automatique",
    colour: "Gris",
  },
  {
    id: 102,
    make: "Volkswagen",
    model: "Polo Vivo",
    year: 2021,
    price: 219_900,
    mileage: 48_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Rouge",
  },
  {
    id: 103,
    make: "Toyota",
    model: "Hilux",
    year: 2020,
    price: 529_900,
    mileage: 98_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Blanc",
  },
  {
    id: 104,
    make: "Ford",
    model: "Ranger",
    year: 2022,
    price: 649_900,
    mileage: 41_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Bleu",
  },
  {
    id: 105,
    make: "Suzuki",
    model: "Swift",
    year: 2022,
    price: 199_900,
    mileage: 23_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Rouge",
  },
  {
    id: 106,
    make: "Toyota",
    model: "Fortuner",
    year: 2021,
    price: 589_900,
    mileage: 67_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Argent",
    status: "sold",
  },
  {
    id: 107,
    make: "Hyundai",
    model: "Grand i10",
    year: 2020,
    price: 169_900,
    mileage: 52_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Blanc",
  },
  {
    id: 108,
    make: "Kia",
    model: "Picanto",
    year: 2023,
    price: 209_900,
    mileage: 8_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Orange",
  },
  {
    id: 109,
    make: "Renault",
    model: "Kwid",
    year: 2022,
    price: 154_900,
    mileage: 19_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Blanc",
  },
  {
    id: 110,
    make: "Isuzu",
    model: "D-Max",
    year: 2021,
    price: 489_900,
    mileage: 76_000,
    fuel: "diesel",
    transmission: "manuelle",
    colour: "Gris",
  },
  {
    id: 111,
    make: "Haval",
    model: "Jolion",
    year: 2023,
    price: 389_900,
    mileage: 15_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Noir",
  },
  {
    id: 112,
    make: "Chery",
    model: "Tiggo 4 Pro",
    year: 2024,
    price: 339_900,
    mileage: 4_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Bleu",
  },
  {
    id: 113,
    make: "BMW",
    model: "3 Series",
    year: 2021,
    price: 579_900,
    mileage: 45_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Noir",
  },
  {
    id: 114,
    make: "Mercedes-Benz",
    model: "C200",
    year: 2020,
    price: 549_900,
    mileage: 62_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Noir",
    status: "sold",
  },
  {
    id: 115,
    make: "Volkswagen",
    model: "Polo",
    year: 2022,
    price: 329_900,
    mileage: 27_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Gris",
  },
  {
    id: 116,
    make: "Toyota",
    model: "Urban Cruiser",
    year: 2022,
    price: 289_900,
    mileage: 21_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Bleu",
  },
  {
    id: 117,
    make: "Nissan",
    model: "Magnite",
    year: 2023,
    price: 259_900,
    mileage: 9_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Rouge",
  },
  {
    id: 118,
    make: "Suzuki",
    model: "Ertiga",
    year: 2021,
    price: 239_900,
    mileage: 55_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Argent",
    status: "sold",
  },
  {
    id: 119,
    make: "Mahindra",
    model: "Scorpio-N",
    year: 2023,
    price: 459_900,
    mileage: 12_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Noir",
  },
  {
    id: 120,
    make: "Audi",
    model: "A3 Sportback",
    year: 2020,
    price: 449_900,
    mileage: 58_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Blanc",
  },
  {
    id: 121,
    make: "Kia",
    model: "Sonet",
    year: 2022,
    price: 309_900,
    mileage: 26_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Gris",
  },
  {
    id: 122,
    make: "Hyundai",
    model: "Creta",
    year: 2023,
    price: 419_900,
    mileage: 14_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Blanc",
  },
  {
    id: 123,
    make: "Ford",
    model: "EcoSport",
    year: 2021,
    price: 259_900,
    mileage: 61_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Bleu",
  },
  {
    id: 12345,
    make: "Toyota",
    model: "Starlet",
    year: 2022,
    price: 458_171,
    mileage: 32_000,
    fuel: "essence",
    transmission: "manuelle",
    colour: "Argent",
  },
  {
    id: 12346,
    make: "Toyota",
    model: "RAV4",
    year: 2022,
    price: 461_457,
    mileage: 38_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Blanc",
  },
  {
    id: 12347,
    make: "Volkswagen",
    model: "Tiguan",
    year: 2021,
    price: 499_900,
    mileage: 49_000,
    fuel: "essence",
    transmission: "automatique",
    colour: "Gris",
  },
  {
    id: 12348,
    make: "Toyota",
    model: "Land Cruiser Prado",
    year: 2019,
    price: 749_900,
    mileage: 110_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Blanc",
    status: "sold",
  },
  {
    id: 12349,
    make: "Nissan",
    model: "Navara",
    year: 2022,
    price: 559_900,
    mileage: 36_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Orange",
  },
  {
    id: 12350,
    make: "GWM",
    model: "P-Series",
    year: 2022,
    price: 419_900,
    mileage: 44_000,
    fuel: "diesel",
    transmission: "automatique",
    colour: "Gris",
  },
  {
    id: 12351,
    make: "Toyota",
    model: "Corolla Cross",
    year: 2023,
    price: 399_900,
    mileage: 11_000,
    fuel: "hybride",
    transmission: "automatique",
    colour: "Rouge",
  },
];

// ---------------------------------------------------------------------------------------------
// South African master data: the 9 provinces and their main cities.

export const SA_PROVINCES: Record<string, string[]> = {
  "Eastern Cape": ["Gqeberha", "East London", "Mthatha", "Makhanda", "Komani", "Kariega", "Jeffreys Bay"],
  "Free State": ["Bloemfontein", "Welkom", "Bethlehem", "Kroonstad", "Sasolburg", "Harrismith"],
  Gauteng: [
    "Johannesburg",
    "Pretoria",
    "Soweto",
    "Sandton",
    "Centurion",
    "Midrand",
    "Randburg",
    "Roodepoort",
    "Benoni",
    "Boksburg",
    "Germiston",
    "Krugersdorp",
    "Vereeniging",
    "Vanderbijlpark",
  ],
  "KwaZulu-Natal": [
    "Durban",
    "Pietermaritzburg",
    "Richards Bay",
    "Newcastle",
    "Ballito",
    "Umhlanga",
    "Ladysmith",
    "Port Shepstone",
  ],
  Limpopo: ["Polokwane", "Tzaneen", "Thohoyandou", "Mokopane", "Bela-Bela", "Makhado", "Phalaborwa", "Lephalale"],
  Mpumalanga: ["Mbombela", "eMalahleni", "Middelburg", "Secunda", "Ermelo", "White River", "Barberton"],
  "North West": ["Mahikeng", "Rustenburg", "Potchefstroom", "Klerksdorp", "Brits", "Hartbeespoort", "Lichtenburg"],
  "Northern Cape": ["Kimberley", "Upington", "Springbok", "Kuruman", "De Aar", "Kathu"],
  "Western Cape": [
    "Cape Town",
    "Stellenbosch",
    "Paarl",
    "George",
    "Worcester",
    "Mossel Bay",
    "Knysna",
    "Hermanus",
    "Somerset West",
    "Oudtshoorn",
  ],
};

// ---------------------------------------------------------------------------------------------
// Photo scenes: simple SVG drawings rendered once to WebP at seed time (no binary in the repository).

export type Palette = { sky: string; horizon: string; ground: string; wall: string; roof: string; accent: string };

export const PALETTES: Palette[] = [
  { sky: "#5b9bd5", horizon: "#dcecf8", ground: "#6fa552", wall: "#efe4d0", roof: "#a4493d", accent: "#2f5d7c" },
  { sky: "#f4a261", horizon: "#fde2c4", ground: "#8a9a5b", wall: "#f6efe2", roof: "#5d4037", accent: "#264653" },
  { sky: "#7fb3d5", horizon: "#eef6fb", ground: "#9bbf6a", wall: "#d9d4cc", roof: "#455a64", accent: "#c0392b" },
  { sky: "#4a6fa5", horizon: "#c9d8ea", ground: "#5e8c4a", wall: "#e8d8b8", roof: "#8d6e63", accent: "#f2c14e" },
];

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">${body}</svg>`;

const skyAndGround = (p: Palette, groundY: number, id: string) =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky}"/>` +
  `<stop offset="1" stop-color="${p.horizon}"/></linearGradient></defs>` +
  `<rect width="1200" height="800" fill="url(#${id})"/>` +
  `<circle cx="1010" cy="140" r="64" fill="#fff3c4" opacity="0.9"/>` +
  `<ellipse cx="260" cy="150" rx="120" ry="34" fill="#ffffff" opacity="0.7"/>` +
  `<ellipse cx="340" cy="130" rx="90" ry="30" fill="#ffffff" opacity="0.7"/>` +
  `<rect y="${groundY}" width="1200" height="${800 - groundY}" fill="${p.ground}"/>`;

const tree = (x: number, y: number, scale: number) =>
  `<rect x="${x - 8 * scale}" y="${y - 70 * scale}" width="${16 * scale}" height="${70 * scale}" fill="#6d4c41"/>` +
  `<circle cx="${x}" cy="${y - 110 * scale}" r="${60 * scale}" fill="#3e7b3a"/>` +
  `<circle cx="${x - 35 * scale}" cy="${y - 85 * scale}" r="${40 * scale}" fill="#4a8f45"/>`;

function windowGrid(
  x: number,
  y: number,
  cols: number,
  rows: number,
  w: number,
  h: number,
  gx: number,
  gy: number,
  fill: string,
) {
  let out = "";
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out += `<rect x="${x + c * (w + gx)}" y="${y + r * (h + gy)}" width="${w}" height="${h}" fill="${fill}" stroke="#ffffff" stroke-width="4"/>`;
    }
  }
  return out;
}

/** A detached house with a garden. */
export function houseScene(p: Palette): string {
  return svg(
    skyAndGround(p, 560, "sky") +
      `<path d="M0 560 Q300 470 600 540 T1200 520 L1200 560 Z" fill="${p.ground}" opacity="0.6"/>` +
      `<rect x="360" y="330" width="480" height="300" fill="${p.wall}"/>` +
      `<polygon points="330,340 600,170 870,340" fill="${p.roof}"/>` +
      `<rect x="700" y="200" width="44" height="90" fill="${p.roof}"/>` +
      `<rect x="560" y="470" width="80" height="160" fill="${p.accent}"/>` +
      windowGrid(400, 380, 2, 1, 90, 80, 20, 0, "#a9cce3") +
      windowGrid(690, 380, 1, 1, 100, 80, 0, 0, "#a9cce3") +
      `<rect y="630" width="1200" height="170" fill="${p.ground}"/>` +
      `<polygon points="560,630 640,630 700,800 500,800" fill="#cfc6b8"/>` +
      tree(200, 640, 1.1) +
      tree(1020, 650, 1.3) +
      Array.from(
        { length: 14 },
        (_, i) => `<rect x="${i * 30 + 30}" y="660" width="12" height="50" fill="#f5f5f5"/>`,
      ).join("") +
      `<rect x="20" y="670" width="440" height="8" fill="#f5f5f5"/>`,
  );
}

/** An apartment block on a street. */
export function buildingScene(p: Palette): string {
  return svg(
    skyAndGround(p, 700, "sky") +
      `<rect x="60" y="260" width="260" height="440" fill="#b0a99f"/>` +
      windowGrid(90, 290, 3, 6, 50, 45, 30, 22, "#8fb3c9") +
      `<rect x="360" y="140" width="480" height="560" fill="${p.wall}"/>` +
      `<rect x="350" y="120" width="500" height="30" fill="${p.roof}"/>` +
      windowGrid(400, 180, 5, 7, 60, 50, 28, 23, "#9cc3da") +
      Array.from(
        { length: 6 },
        (_, i) => `<rect x="390" y="${236 + i * 73}" width="420" height="8" fill="${p.accent}"/>`,
      ).join("") +
      `<rect x="565" y="610" width="70" height="90" fill="${p.accent}"/>` +
      `<rect x="880" y="220" width="280" height="480" fill="#c8bca8"/>` +
      windowGrid(910, 250, 3, 6, 55, 50, 30, 25, "#8fb3c9") +
      `<rect y="700" width="1200" height="100" fill="#7d7d7d"/>` +
      Array.from(
        { length: 8 },
        (_, i) => `<rect x="${i * 160 + 40}" y="745" width="80" height="8" fill="#f1f1f1"/>`,
      ).join("") +
      tree(340, 700, 0.8),
  );
}

/** Open land with a fence. */
export function landScene(p: Palette): string {
  return svg(
    skyAndGround(p, 480, "sky") +
      `<path d="M0 480 Q200 400 420 450 T860 430 T1200 440 L1200 480 Z" fill="#7a9c64"/>` +
      `<path d="M0 520 Q400 490 800 540 T1200 520 L1200 800 L0 800 Z" fill="${p.ground}"/>` +
      Array.from(
        { length: 9 },
        (_, i) =>
          `<path d="M${i * 150 - 40} 800 Q${i * 150 + 60} 620 ${i * 150 + 200} 540" stroke="#d4c27a" stroke-width="6" fill="none" opacity="0.5"/>`,
      ).join("") +
      Array.from(
        { length: 12 },
        (_, i) => `<rect x="${i * 100 + 20}" y="600" width="10" height="70" fill="#8d6e63"/>`,
      ).join("") +
      `<rect x="0" y="615" width="1200" height="6" fill="#8d6e63"/><rect x="0" y="645" width="1200" height="6" fill="#8d6e63"/>` +
      tree(980, 520, 0.9) +
      tree(160, 500, 0.7),
  );
}

/** A shop front with an awning. */
export function shopScene(p: Palette): string {
  const stripes = Array.from(
    { length: 10 },
    (_, i) => `<rect x="${200 + i * 80}" y="370" width="40" height="70" fill="${p.accent}"/>`,
  ).join("");
  return svg(
    `<rect width="1200" height="800" fill="${p.horizon}"/>` +
      `<rect x="150" y="40" width="900" height="680" fill="${p.wall}"/>` +
      windowGrid(220, 90, 4, 2, 130, 100, 90, 40, "#9cc3da") +
      `<rect x="200" y="370" width="800" height="70" fill="#ffffff"/>` +
      stripes +
      `<rect x="230" y="460" width="520" height="230" fill="#bcd7e6" stroke="${p.roof}" stroke-width="12"/>` +
      `<rect x="800" y="460" width="150" height="260" fill="${p.roof}"/>` +
      `<circle cx="925" cy="595" r="8" fill="#f2c14e"/>` +
      `<rect x="260" y="600" width="120" height="90" fill="${p.roof}" opacity="0.35"/>` +
      `<rect x="420" y="560" width="90" height="130" fill="${p.accent}" opacity="0.35"/>` +
      `<rect y="720" width="1200" height="80" fill="#9e9e9e"/>`,
  );
}

/** A glass office building. */
export function officeScene(p: Palette): string {
  let glass = "";
  for (let r = 0; r < 12; r++) {
    for (let c = 0; c < 8; c++) {
      const shade = (r + c) % 3 === 0 ? "#a7c7dc" : (r + c) % 3 === 1 ? "#8db4cf" : "#b9d4e6";
      glass += `<rect x="${372 + c * 58}" y="${110 + r * 48}" width="52" height="42" fill="${shade}"/>`;
    }
  }
  return svg(
    skyAndGround(p, 700, "sky") +
      `<rect x="360" y="100" width="480" height="600" fill="#5f6b73"/>` +
      glass +
      `<polygon points="372,110 640,110 372,500" fill="#ffffff" opacity="0.15"/>` +
      `<rect x="60" y="380" width="260" height="320" fill="#cfd8dc"/>` +
      windowGrid(85, 410, 4, 5, 40, 38, 20, 20, "#90a4ae") +
      `<rect x="880" y="320" width="260" height="380" fill="${p.wall}"/>` +
      windowGrid(905, 350, 4, 6, 40, 38, 20, 17, "#90a4ae") +
      `<rect y="700" width="1200" height="100" fill="#bdbdbd"/>` +
      `<rect x="540" y="620" width="120" height="80" fill="${p.accent}"/>`,
  );
}

/** A living room seen from inside. */
export function interiorScene(p: Palette): string {
  const boards = Array.from(
    { length: 16 },
    (_, i) => `<rect x="0" y="${560 + i * 15}" width="1200" height="2" fill="#8d6e63" opacity="0.35"/>`,
  ).join("");
  return svg(
    `<rect width="1200" height="560" fill="${p.wall}"/>` +
      `<rect y="560" width="1200" height="240" fill="#c49a6c"/>` +
      boards +
      `<rect x="120" y="90" width="330" height="380" fill="${p.sky}" stroke="#ffffff" stroke-width="16"/>` +
      `<rect x="278" y="90" width="14" height="380" fill="#ffffff"/><rect x="120" y="270" width="330" height="14" fill="#ffffff"/>` +
      `<rect x="135" y="380" width="300" height="80" fill="${p.ground}" opacity="0.7"/>` +
      `<rect x="640" y="160" width="240" height="160" fill="${p.horizon}" stroke="${p.roof}" stroke-width="10"/>` +
      `<polygon points="660,300 730,220 790,280 820,250 860,300" fill="${p.accent}" opacity="0.7"/>` +
      `<rect x="560" y="420" width="460" height="140" rx="24" fill="${p.accent}"/>` +
      `<rect x="540" y="380" width="70" height="180" rx="20" fill="${p.accent}"/>` +
      `<rect x="970" y="380" width="70" height="180" rx="20" fill="${p.accent}"/>` +
      `<rect x="610" y="370" width="360" height="80" rx="18" fill="${p.accent}" opacity="0.85"/>` +
      `<ellipse cx="780" cy="690" rx="360" ry="70" fill="${p.roof}" opacity="0.6"/>` +
      `<rect x="680" y="600" width="200" height="18" fill="#5d4037"/><rect x="700" y="618" width="10" height="50" fill="#5d4037"/><rect x="850" y="618" width="10" height="50" fill="#5d4037"/>` +
      `<rect x="1090" y="240" width="8" height="320" fill="#424242"/><polygon points="1050,240 1138,240 1120,180 1068,180" fill="#fff3c4"/>`,
  );
}

/** A car on a showroom forecourt, its body in `colour`; `side` flips the view between photos. */
export function carScene(p: Palette, colour: string, view: "side" | "front"): string {
  const ground =
    `<rect width="1200" height="520" fill="${p.horizon}"/>` +
    `<rect x="0" y="120" width="1200" height="400" fill="${p.wall}"/>` +
    `<rect x="60" y="170" width="300" height="240" fill="${p.sky}" stroke="#ffffff" stroke-width="10"/>` +
    `<rect x="840" y="170" width="300" height="240" fill="${p.sky}" stroke="#ffffff" stroke-width="10"/>` +
    `<rect y="520" width="1200" height="280" fill="#9e9e9e"/>` +
    `<rect y="520" width="1200" height="14" fill="#757575"/>`;
  if (view === "front") {
    return svg(
      ground +
        `<ellipse cx="600" cy="700" rx="330" ry="40" fill="#424242" opacity="0.5"/>` +
        `<rect x="300" y="430" width="600" height="250" rx="60" fill="${colour}"/>` +
        `<polygon points="380,440 460,300 740,300 820,440" fill="${colour}"/>` +
        `<polygon points="410,430 475,320 725,320 790,430" fill="#b3e5fc" opacity="0.85"/>` +
        `<rect x="340" y="520" width="130" height="50" rx="20" fill="#fff8e1"/>` +
        `<rect x="730" y="520" width="130" height="50" rx="20" fill="#fff8e1"/>` +
        `<rect x="500" y="540" width="200" height="60" rx="10" fill="#37474f"/>` +
        `<rect x="320" y="660" width="90" height="70" rx="16" fill="#212121"/>` +
        `<rect x="790" y="660" width="90" height="70" rx="16" fill="#212121"/>`,
    );
  }
  return svg(
    ground +
      `<ellipse cx="600" cy="700" rx="470" ry="36" fill="#424242" opacity="0.5"/>` +
      `<rect x="150" y="470" width="900" height="180" rx="60" fill="${colour}"/>` +
      `<polygon points="330,475 440,340 780,340 900,475" fill="${colour}"/>` +
      `<polygon points="370,468 460,360 600,360 600,468" fill="#b3e5fc" opacity="0.85"/>` +
      `<polygon points="620,468 620,360 770,360 860,468" fill="#b3e5fc" opacity="0.85"/>` +
      `<rect x="1000" y="510" width="50" height="36" rx="10" fill="#fff8e1"/>` +
      `<rect x="150" y="520" width="36" height="36" rx="8" fill="#e53935"/>` +
      `<circle cx="340" cy="650" r="78" fill="#212121"/><circle cx="340" cy="650" r="36" fill="#bdbdbd"/>` +
      `<circle cx="860" cy="650" r="78" fill="#212121"/><circle cx="860" cy="650" r="36" fill="#bdbdbd"/>`,
  );
}

/** Body colours of the demo cars, by the colour names the stock list uses. */
export const CAR_COLOURS: Record<string, string> = {
  Blanc: "#f5f5f5",
  Noir: "#263238",
  Gris: "#78909c",
  Argent: "#b0bec5",
  Rouge: "#c62828",
  Bleu: "#1565c0",
  Vert: "#2e7d32",
  Orange: "#ef6c00",
  Jaune: "#f9a825",
  Marron: "#6d4c41",
  Beige: "#d7ccc8",
};
