// Places: a small gazetteer of the cities, states, countries and regions postings name, with their short forms.
import { fold } from './text.ts';
import { WORK_MODE_CHIP_WORDS } from './lexicon/workmodes.ts';
import { wordsSource } from './lexicon/pattern.ts';

export interface Place {
  name: string;
  kind: 'city' | 'state' | 'country' | 'region';
  /** Country (or region, for a country) the place lies in; used so "remote europe" can exclude "Remote - United States". */
  within: string[];
  aliases: string[];
}

const US = 'United States';
// The region a country of the added cities lies in (the countries above carry it themselves).
const PLACES_REGION: Record<string, string> = {
  'United Kingdom': 'Europe', Switzerland: 'Europe', Germany: 'Europe', Austria: 'Europe', France: 'Europe', Spain: 'Europe',
  Estonia: 'Europe', Hungary: 'Europe', Romania: 'Europe', Bulgaria: 'Europe', Serbia: 'Europe', Greece: 'Europe', Turkey: 'Europe',
  Ukraine: 'Europe', Kosovo: 'Europe', Belgium: 'Europe', Sweden: 'Europe', Netherlands: 'Europe', Ireland: 'Europe',
  Bolivia: 'Latin America', Peru: 'Latin America', Ecuador: 'Latin America', Uruguay: 'Latin America', Paraguay: 'Latin America',
  Venezuela: 'Latin America', Colombia: 'Latin America', Mexico: 'Latin America', 'Costa Rica': 'Latin America', Brazil: 'Latin America',
};
const CA = 'Canada';
const UK = 'United Kingdom';

function city(name: string, country: string, region: string, ...aliases: string[]): Place {
  return { name, kind: 'city', within: [country, region], aliases };
}
function country(name: string, region: string, ...aliases: string[]): Place {
  return { name, kind: 'country', within: [region], aliases };
}

const US_STATES: Array<[string, string]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'],
  ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'],
  ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'],
  ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York State'], ['NC', 'North Carolina'],
  ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'],
  ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington State'], ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['DC', 'District of Columbia'],
];

export const PLACES: Place[] = [
  { name: 'Europe', kind: 'region', within: [], aliases: ['EU', 'EMEA', 'European Union', 'Europa', 'CET', 'CEST'] },
  { name: 'North America', kind: 'region', within: [], aliases: ['NA', 'NORAM', 'AMER', 'Americas'] },
  { name: 'Latin America', kind: 'region', within: [], aliases: ['LATAM', 'LatAm', 'South America', 'América Latina'] },
  { name: 'Asia Pacific', kind: 'region', within: [], aliases: ['APAC', 'Asia'] },
  { name: 'Worldwide', kind: 'region', within: [], aliases: ['Anywhere', 'Global', 'Worldwide', 'Everywhere'] },
  country(US, 'North America', 'US', 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'Estados Unidos', 'États-Unis', 'USA only', 'EUA', 'EE.UU.', 'EEUU', 'Vereinigte Staaten', 'the States'),
  country(CA, 'North America', 'CAN', 'Kanada'),
  country('Mexico', 'Latin America', 'México', 'MX', 'Mexiko', 'Mexique'),
  country('Brazil', 'Latin America', 'Brasil', 'BR', 'Brasilien', 'Brésil'),
  country('Argentina', 'Latin America'),
  country('Colombia', 'Latin America'),
  country('Chile', 'Latin America'),
  country('Peru', 'Latin America', 'Perú'),
  country(UK, 'Europe', 'UK', 'U.K.', 'Great Britain', 'GB', 'England', 'Scotland', 'Wales', 'Reino Unido', 'Royaume-Uni', 'Angleterre', 'Inglaterra', 'Großbritannien', 'Grande-Bretagne', 'Vereinigtes Königreich'),
  country('Ireland', 'Europe', 'Irland', 'Irlanda'),
  country('Germany', 'Europe', 'Deutschland', 'Alemania', 'Allemagne', 'Alemanha'),
  country('France', 'Europe', 'Frankreich', 'Francia', 'França'),
  country('Spain', 'Europe', 'España', 'Espanha', 'Spanien', 'Espagne'),
  country('Portugal', 'Europe'),
  country('Italy', 'Europe', 'Italia', 'Italien', 'Italie', 'Itália'),
  country('Netherlands', 'Europe', 'The Netherlands', 'Holland', 'NL', 'Niederlande', 'Países Bajos', 'Pays-Bas', 'Holanda', 'Países Baixos'),
  country('Belgium', 'Europe', 'Belgique', 'België'),
  country('Switzerland', 'Europe', 'Schweiz', 'Suisse', 'CH', 'Suiza', 'Suíça', 'Svizzera'),
  country('Austria', 'Europe', 'Österreich', 'Autriche', 'Áustria'),
  country('Sweden', 'Europe', 'Sverige'),
  country('Norway', 'Europe', 'Norge'),
  country('Denmark', 'Europe', 'Danmark'),
  country('Finland', 'Europe', 'Suomi'),
  country('Poland', 'Europe', 'Polska', 'Polen'),
  country('Czech Republic', 'Europe', 'Czechia'),
  country('Romania', 'Europe'),
  country('Greece', 'Europe'),
  country('Ukraine', 'Europe'),
  country('Israel', 'Asia Pacific'),
  country('India', 'Asia Pacific', 'Indien'),
  country('Singapore', 'Asia Pacific', 'SG'),
  country('Japan', 'Asia Pacific', 'JP', 'Japón', 'Japon', 'Japão'),
  country('China', 'Asia Pacific'),
  country('South Korea', 'Asia Pacific', 'Korea'),
  country('Australia', 'Asia Pacific', 'AU', 'Australien'),
  country('New Zealand', 'Asia Pacific', 'NZ'),
  country('Philippines', 'Asia Pacific'),
  country('Indonesia', 'Asia Pacific'),
  country('Vietnam', 'Asia Pacific'),
  country('United Arab Emirates', 'Asia Pacific', 'UAE'),
  country('South Africa', 'Worldwide'),
  country('Nigeria', 'Worldwide'),
  country('Kenya', 'Worldwide'),
  city('New York', US, 'North America', 'NYC', 'New York City', 'NY', 'Manhattan', 'Brooklyn', 'Queens', 'Nueva York', 'Nova York', 'Nova Iorque'),
  city('San Francisco', US, 'North America', 'SF', 'San Francisco Bay Area', 'Bay Area', 'SF Bay Area', 'São Francisco'),
  city('Los Angeles', US, 'North America', 'LA', 'Los Ángeles'),
  city('Seattle', US, 'North America'),
  city('Austin', US, 'North America'),
  city('Boston', US, 'North America'),
  city('Chicago', US, 'North America'),
  city('Denver', US, 'North America'),
  city('Atlanta', US, 'North America'),
  city('Miami', US, 'North America'),
  city('Washington', US, 'North America', 'Washington, D.C.', 'Washington DC', 'D.C.'),
  city('San Jose', US, 'North America'),
  city('Palo Alto', US, 'North America'),
  city('Mountain View', US, 'North America'),
  city('Menlo Park', US, 'North America'),
  city('Sunnyvale', US, 'North America'),
  city('Oakland', US, 'North America'),
  city('San Diego', US, 'North America'),
  city('Portland', US, 'North America'),
  city('Philadelphia', US, 'North America'),
  city('Pittsburgh', US, 'North America'),
  city('Salt Lake City', US, 'North America', 'SLC'),
  city('Dallas', US, 'North America'),
  city('Houston', US, 'North America'),
  city('Toronto', CA, 'North America'),
  city('Vancouver', CA, 'North America'),
  city('Montreal', CA, 'North America', 'Montréal'),
  city('London', UK, 'Europe', 'Londres', 'Londra'),
  city('Manchester', UK, 'Europe'),
  city('Edinburgh', UK, 'Europe', 'Édimbourg', 'Edimburgo'),
  city('Dublin', 'Ireland', 'Europe'),
  city('Berlin', 'Germany', 'Europe', 'Berlín', 'Berlim'),
  city('Munich', 'Germany', 'Europe', 'München', 'Múnich', 'Munique', 'Monaco di Baviera'),
  city('Hamburg', 'Germany', 'Europe', 'Hambourg', 'Hamburgo'),
  city('Frankfurt', 'Germany', 'Europe', 'Francfort', 'Fráncfort', 'Frankfurt am Main'),
  city('Cologne', 'Germany', 'Europe', 'Köln', 'Colonia', 'Colônia'),
  city('Paris', 'France', 'Europe', 'París'),
  city('Lyon', 'France', 'Europe'),
  city('Madrid', 'Spain', 'Europe'),
  city('Barcelona', 'Spain', 'Europe'),
  city('Lisbon', 'Portugal', 'Europe', 'Lisboa', 'Lisbonne', 'Lissabon'),
  city('Porto', 'Portugal', 'Europe'),
  city('Amsterdam', 'Netherlands', 'Europe', 'Ámsterdam', 'Amsterdã'),
  city('Rotterdam', 'Netherlands', 'Europe'),
  city('Zurich', 'Switzerland', 'Europe', 'Zürich', 'Zurique', 'Zúrich'),
  city('Geneva', 'Switzerland', 'Europe', 'Genève', 'Genf', 'Ginebra', 'Genebra', 'Ginevra'),
  city('Vienna', 'Austria', 'Europe', 'Wien', 'Vienne', 'Viena'),
  city('Stockholm', 'Sweden', 'Europe', 'Estocolmo'),
  city('Copenhagen', 'Denmark', 'Europe', 'København', 'Kopenhagen', 'Copenhague'),
  city('Oslo', 'Norway', 'Europe'),
  city('Helsinki', 'Finland', 'Europe'),
  city('Warsaw', 'Poland', 'Europe', 'Warszawa', 'Warschau', 'Varsovie', 'Varsovia', 'Varsóvia'),
  city('Krakow', 'Poland', 'Europe', 'Kraków'),
  city('Prague', 'Czech Republic', 'Europe', 'Praha', 'Prag', 'Praga'),
  city('Milan', 'Italy', 'Europe', 'Milano', 'Mailand', 'Milán', 'Milão'),
  city('Rome', 'Italy', 'Europe', 'Roma', 'Rom'),
  city('Brussels', 'Belgium', 'Europe', 'Bruxelles', 'Brüssel', 'Bruselas', 'Bruxelas'),
  city('Tel Aviv', 'Israel', 'Asia Pacific'),
  city('Bangalore', 'India', 'Asia Pacific', 'Bengaluru'),
  city('Mumbai', 'India', 'Asia Pacific'),
  city('Hyderabad', 'India', 'Asia Pacific'),
  city('Pune', 'India', 'Asia Pacific'),
  city('Delhi', 'India', 'Asia Pacific', 'New Delhi', 'Gurgaon', 'Gurugram', 'Noida'),
  city('Chennai', 'India', 'Asia Pacific'),
  city('Tokyo', 'Japan', 'Asia Pacific', 'Tokio', 'Tóquio'),
  city('Sydney', 'Australia', 'Asia Pacific'),
  city('Melbourne', 'Australia', 'Asia Pacific'),
  city('Auckland', 'New Zealand', 'Asia Pacific'),
  city('São Paulo', 'Brazil', 'Latin America', 'Sao Paulo', 'SP'),
  city('Rio de Janeiro', 'Brazil', 'Latin America', 'Rio'),
  city('Belo Horizonte', 'Brazil', 'Latin America'),
  city('Mexico City', 'Mexico', 'Latin America', 'Ciudad de México', 'CDMX', 'Cidade do México'),
  city('Buenos Aires', 'Argentina', 'Latin America'),
  city('Bogotá', 'Colombia', 'Latin America', 'Bogota'),
  city('Santiago', 'Chile', 'Latin America'),
  city('Dubai', 'United Arab Emirates', 'Asia Pacific'),
  ...US_STATES.map(([code, name]): Place => ({ name, kind: 'state', within: [US, 'North America'], aliases: [code, name.replace(/ State$/, '')] })),
  // Further countries and cities boards name; words that are also ordinary words ("Reading", "Nice", "Bath") stay out,
  // since the query language reads a known place name as a place filter.
  country('Bolivia', 'Latin America'),
  country('Uruguay', 'Latin America'),
  country('Paraguay', 'Latin America'),
  country('Ecuador', 'Latin America'),
  country('Venezuela', 'Latin America'),
  country('Costa Rica', 'Latin America'),
  country('Panama', 'Latin America', 'Panamá'),
  country('Guatemala', 'Latin America'),
  country('Puerto Rico', 'Latin America'),
  country('Guam', 'Asia Pacific'),
  country('Luxembourg', 'Europe', 'Luxemburg'),
  country('Liechtenstein', 'Europe'),
  country('Hungary', 'Europe', 'Ungarn'),
  country('Estonia', 'Europe', 'Estland'),
  country('Latvia', 'Europe'),
  country('Lithuania', 'Europe'),
  country('Bulgaria', 'Europe'),
  country('Croatia', 'Europe', 'Kroatien'),
  country('Serbia', 'Europe'),
  country('Slovakia', 'Europe'),
  country('Slovenia', 'Europe'),
  country('Kosovo', 'Europe'),
  country('Cyprus', 'Europe'),
  country('Malta', 'Europe'),
  country('Iceland', 'Europe'),
  country('Turkey', 'Europe', 'Türkiye', 'Türkei'),
  country('Hong Kong', 'Asia Pacific', 'HK', 'Hong Kong SAR'),
  country('Taiwan', 'Asia Pacific'),
  country('Malaysia', 'Asia Pacific'),
  country('Thailand', 'Asia Pacific'),
  country('Pakistan', 'Asia Pacific'),
  country('Bangladesh', 'Asia Pacific'),
  country('Sri Lanka', 'Asia Pacific'),
  country('Saudi Arabia', 'Asia Pacific'),
  country('Qatar', 'Asia Pacific'),
  country('Egypt', 'Worldwide'),
  country('Morocco', 'Worldwide'),
  country('Ghana', 'Worldwide'),
  ...[
    ['Calgary', CA], ['Ottawa', CA], ['Edmonton', CA], ['Winnipeg', CA], ['Quebec City', CA], ['Ontario', CA], ['Quebec', CA],
    ['British Columbia', CA], ['Alberta', CA], ['Nova Scotia', CA], ['Manitoba', CA], ['Saskatchewan', CA],
    ['Birmingham', UK], ['Leeds', UK], ['Liverpool', UK], ['Bristol', UK], ['Sheffield', UK], ['Glasgow', UK], ['Cardiff', UK],
    ['Belfast', UK], ['Nottingham', UK], ['Leicester', UK], ['Newcastle', UK], ['Newcastle upon Tyne', UK], ['Southampton', UK],
    ['Oxford', UK], ['Cambridge', UK], ['Brighton', UK], ['Milton Keynes', UK], ['Luton', UK], ['Aberdeen', UK], ['Swansea', UK],
    ['Coventry', UK], ['Croydon', UK], ['Harrow', UK], ['Ilford', UK], ['Gloucester', UK], ['Cheltenham', UK], ['Wolverhampton', UK], ['Doncaster', UK], ['Plymouth', UK], ['Norwich', UK], ['Exeter', UK], ['Stoke-on-Trent', UK], ['Sunderland', UK],
    ['Bedfordshire', UK], ['Berkshire', UK], ['Buckinghamshire', UK], ['Cambridgeshire', UK], ['Cheshire', UK], ['Cornwall', UK],
    ['Cumbria', UK], ['Derbyshire', UK], ['Devon', UK], ['Dorset', UK], ['County Durham', UK], ['Essex', UK], ['Gloucestershire', UK],
    ['Hampshire', UK], ['Herefordshire', UK], ['Hertfordshire', UK], ['Kent', UK], ['Lancashire', UK], ['Leicestershire', UK],
    ['Lincolnshire', UK], ['Merseyside', UK], ['Norfolk', UK], ['Northamptonshire', UK], ['Northumberland', UK],
    ['Nottinghamshire', UK], ['Oxfordshire', UK], ['Shropshire', UK], ['Somerset', UK], ['Staffordshire', UK], ['Suffolk', UK],
    ['Surrey', UK], ['Middlesex', UK], ['Durham', UK], ['East Sussex', UK], ['West Sussex', UK], ['Sussex', UK], ['Warwickshire', UK], ['West Midlands', UK],
    ['Wiltshire', UK], ['Worcestershire', UK], ['Yorkshire', UK], ['North Yorkshire', UK], ['South Yorkshire', UK],
    ['West Yorkshire', UK], ['East Yorkshire', UK], ['Greater London', UK], ['Greater Manchester', UK], ['Tyne and Wear', UK],
    ['Northern Ireland', UK], ['South Glamorgan', UK], ['Mid Glamorgan', UK], ['West Glamorgan', UK], ['Isle of Wight', UK],
    ['Bern', 'Switzerland', 'Berne'], ['Basel', 'Switzerland', 'Bâle'], ['Lausanne', 'Switzerland'], ['Lucerne', 'Switzerland', 'Luzern'],
    ['St. Gallen', 'Switzerland', 'St Gallen', 'Sankt Gallen'], ['Winterthur', 'Switzerland'], ['Lugano', 'Switzerland'],
    ['Biel', 'Switzerland', 'Bienne', 'Biel/Bienne'], ['Thun', 'Switzerland'], ['Zug', 'Switzerland'], ['Chur', 'Switzerland'],
    ['Aarau', 'Switzerland'], ['Schaffhausen', 'Switzerland'], ['Fribourg', 'Switzerland'], ['Neuchâtel', 'Switzerland'],
    ['Solothurn', 'Switzerland'], ['Olten', 'Switzerland'], ['Frauenfeld', 'Switzerland'], ['Bellinzona', 'Switzerland'],
    ['Zollikofen', 'Switzerland'], ['Ittigen', 'Switzerland'], ['Köniz', 'Switzerland'], ['Aargau', 'Switzerland'],
    ['Thurgau', 'Switzerland'], ['Graubünden', 'Switzerland'], ['Wallis', 'Switzerland', 'Valais'], ['Tessin', 'Switzerland', 'Ticino'],
    ['Stuttgart', 'Germany'], ['Düsseldorf', 'Germany'], ['Dortmund', 'Germany'], ['Leipzig', 'Germany'], ['Dresden', 'Germany'],
    ['Hannover', 'Germany', 'Hanover'], ['Nürnberg', 'Germany', 'Nuremberg'], ['Bremen', 'Germany'], ['Bonn', 'Germany'],
    ['Mannheim', 'Germany'], ['Karlsruhe', 'Germany'], ['Heidelberg', 'Germany'], ['Freiburg', 'Germany'], ['Potsdam', 'Germany'],
    ['Bayern', 'Germany', 'Bavaria'], ['Baden-Württemberg', 'Germany'], ['Nordrhein-Westfalen', 'Germany', 'NRW'], ['Hessen', 'Germany'],
    ['Niedersachsen', 'Germany'], ['Sachsen', 'Germany'], ['Graz', 'Austria'], ['Linz', 'Austria'], ['Salzburg', 'Austria'],
    ['Innsbruck', 'Austria'], ['Marseille', 'France'], ['Toulouse', 'France'], ['Nantes', 'France'], ['Strasbourg', 'France'],
    ['Montpellier', 'France'], ['Bordeaux', 'France'], ['Lille', 'France'], ['Rennes', 'France'], ['Grenoble', 'France'],
    ['Île-de-France', 'France', 'Ile-de-France'], ['Valencia', 'Spain'], ['Sevilla', 'Spain', 'Seville'], ['Bilbao', 'Spain'],
    ['Málaga', 'Spain', 'Malaga'], ['Zaragoza', 'Spain'], ['Tallinn', 'Estonia'], ['Budapest', 'Hungary'], ['Bucharest', 'Romania'],
    ['Sofia', 'Bulgaria'], ['Belgrade', 'Serbia'], ['Athens', 'Greece'], ['Istanbul', 'Turkey'], ['Kyiv', 'Ukraine', 'Kiev'],
    ['Pristina', 'Kosovo'], ['Antwerp', 'Belgium', 'Antwerpen'], ['Gothenburg', 'Sweden'], ['Eindhoven', 'Netherlands'],
    ['Utrecht', 'Netherlands'], ['The Hague', 'Netherlands', 'Den Haag'], ['Galway', 'Ireland'],
    ['La Paz', 'Bolivia'], ['Santa Cruz de la Sierra', 'Bolivia', 'Santa Cruz'], ['Cochabamba', 'Bolivia'], ['El Alto', 'Bolivia'],
    ['Sucre', 'Bolivia'], ['Chuquisaca', 'Bolivia'], ['Oruro', 'Bolivia'], ['Potosí', 'Bolivia', 'Potosi'], ['Tarija', 'Bolivia'], ['Beni', 'Bolivia'],
    ['Pando', 'Bolivia'], ['Lima', 'Peru'], ['Quito', 'Ecuador'], ['Guayaquil', 'Ecuador'], ['Montevideo', 'Uruguay'],
    ['Asunción', 'Paraguay', 'Asuncion'], ['Caracas', 'Venezuela'], ['Medellín', 'Colombia', 'Medellin'], ['Cali', 'Colombia'],
    ['Guadalajara', 'Mexico'], ['Monterrey', 'Mexico'], ['San José', 'Costa Rica'], ['Curitiba', 'Brazil'],
    ['Porto Alegre', 'Brazil'], ['Brasília', 'Brazil', 'Brasilia'], ['Fortaleza', 'Brazil'], ['Recife', 'Brazil'],
    ['Campinas', 'Brazil'], ['Florianópolis', 'Brazil', 'Florianopolis'], ['Osasco', 'Brazil'], ['Barueri', 'Brazil'],
    ['Goiânia', 'Brazil', 'Goiania'], ['Manaus', 'Brazil'], ['Belém', 'Brazil'], ['Kuala Lumpur', 'Malaysia'],
    ['Bangkok', 'Thailand'], ['Taipei', 'Taiwan'], ['Seoul', 'South Korea'], ['Shanghai', 'China'], ['Beijing', 'China'],
    ['Shenzhen', 'China'], ['Jakarta', 'Indonesia'], ['Manila', 'Philippines'], ['Ho Chi Minh City', 'Vietnam'], ['Hanoi', 'Vietnam'],
    ['Karachi', 'Pakistan'], ['Lahore', 'Pakistan'], ['Kolkata', 'India'], ['Ahmedabad', 'India'], ['Abu Dhabi', 'United Arab Emirates'],
    ['Riyadh', 'Saudi Arabia'], ['Doha', 'Qatar'], ['Cairo', 'Egypt'], ['Lagos', 'Nigeria'], ['Nairobi', 'Kenya'],
    ['Cape Town', 'South Africa'], ['Johannesburg', 'South Africa'], ['Brisbane', 'Australia'], ['Perth', 'Australia'],
    ['Adelaide', 'Australia'], ['Canberra', 'Australia'], ['Wellington', 'New Zealand'],
    ['Kowloon', 'Hong Kong'], ['Wan Chai', 'Hong Kong', 'Wanchai'],
    ['Minneapolis', US], ['Phoenix', US], ['Nashville', US], ['Raleigh', US], ['Charlotte', US], ['Detroit', US], ['Baltimore', US],
    ['St. Louis', US, 'Saint Louis'], ['Kansas City', US], ['Columbus', US], ['Cleveland', US], ['Cincinnati', US], ['Tampa', US],
    ['Orlando', US], ['Las Vegas', US], ['Sacramento', US], ['Santa Clara', US], ['Irvine', US],
    ['Jersey City', US], ['Honolulu', US], ['Anchorage', US], ['Indianapolis', US], ['Milwaukee', US], ['Albuquerque', US],
  ].map(([name, within, ...aliases]): Place => city(name!, within!, regionOf(within!), ...aliases)),
];

function regionOf(country: string): string {
  if (country === US || country === CA) return 'North America';
  return PLACES_REGION[country] ?? 'Worldwide';
}

const byKey = new Map<string, Place>();
for (const p of PLACES) {
  for (const key of [p.name, ...p.aliases]) {
    const k = fold(key);
    // First entry wins: "NY" is New York the city, "CA" California is kept as the state below for "City, CA".
    if (!byKey.has(k)) byKey.set(k, p);
  }
}

/** Looks up a place by name or short form ("NYC", "SF", "UK", "Deutschland"). */
export function findPlace(name: string): Place | null {
  // Most names asked about are titles and sentences: one longer than every key, in plain ASCII with nothing at its ends
  // that the lookup cuts off, folds to itself in lower case and so is no key.
  if (name.length > MAX_KEY && SETTLED_ASCII.test(name)) return null;
  const key = fold(name);
  // The trailing stops are cut only when there are some: most names end in a letter.
  const last = key.charCodeAt(key.length - 1);
  return byKey.get((last === DOT || last === COMMA ? key.replace(/[.,]+$/, '') : key).trim()) ?? null;
}
const DOT = 46;
const COMMA = 44;
const MAX_KEY = Math.max(...[...byKey.keys()].map((k) => k.length));
// Printable ASCII at both ends (no space; no stop or comma at the end), plain ASCII between.
const SETTLED_ASCII = /^[!-~][\x00-\x7f]*[!-+\-/-~]$/;

/** Every broader area a place lies in, itself included: Berlin → Berlin, Germany, Europe. */
export function placeAreas(name: string): string[] {
  const out = new Set<string>();
  const visit = (n: string, depth: number): void => {
    const p = findPlace(n);
    const key = p ? p.name : n;
    if (out.has(key) || depth > 4) return;
    out.add(key);
    if (p) for (const w of p.within) visit(w, depth + 1);
  };
  // "Austin, TX" → Austin and Texas, whichever the parts name.
  for (const part of name.split(/\s*[,/|(]\s*|\s+-\s+|\)/)) if (part.trim()) visit(part.trim(), 0);
  return [...out];
}

/** Places named in a short phrase, as written: "San Francisco or New York" → both. */
export function placesIn(phrase: string): string[] {
  const out: string[] = [];
  // Runs of one to four words looked up in the gazetteer: linear in the phrase, whatever the gazetteer's size.
  const words = fold(phrase).split(/[^\p{L}\d.'-]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    // The longest run first; each shorter one is the longer without its last word (words hold no space).
    let n = Math.min(4, words.length - i);
    for (let key = words.slice(i, i + n).join(' '); n >= 1; n--, key = key.slice(0, key.lastIndexOf(' '))) {
      if (key.length <= 3) continue;
      const last = key.charCodeAt(key.length - 1);
      const p = byKey.get(last === DOT || last === COMMA ? key.replace(/[.,]+$/, '') : key);
      if (!p || p.kind === 'region' || p.kind === 'state') continue;
      if (!out.includes(p.name)) out.push(p.name);
      i += n - 1;
      break;
    }
  }
  return out;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Brazilian states as boards write them after a city ("Curitiba-PR"); kept apart so "PR" alone is no place.
const BR_STATES = new Set('AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO'.split(' '));
const WORK_MODE_PART = /^(?:remote|remoto|remota|hybrid|hybride|h[ií]brido|on-?site|presencial|in[- ]office|mobil(?:es arbeiten)?|homeoffice(?: m[oö]glich)?|home office|t[eé]l[eé]travail(?: partiel)?|teletrabajo|teletrabalho|flexible|wfh)$/i;

/** True when a short line names a place: "New York, NY 10001", "Luton, Bedfordshire", "3000 Bern", "Curitiba-PR". */
export function looksLikePlace(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 120) return false;
  if (findPlace(s)) return true;
  // "City, ST" and "City, ST 12345", the US and Canadian form.
  if (s.includes(',') && /^[\p{Lu}][\p{L}.'’ -]{1,40},\s?[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?|\s+[A-Z]\d[A-Z] ?\d[A-Z]\d)?(?:,\s?(?:US|USA|CA|FR|DE|GB|UK))?$/u.test(s)) return true;
  if (BR_STATES.has(s.slice(-2)) && /^[\p{Lu}][\p{L}' ]{1,40}[-–]\s?([A-Z]{2})$/u.test(s)) return true;
  const parts = s.split(/\s*[,;/|&]\s*|\s+[-–—→]\s+|\s+(?:or|and|oder|und|ou|et|o|y|e)\s+/).map(withoutCodeOrNote).filter(Boolean);
  // "South Gloucestershire", "Greater Boston": a known place with a compass or size word before it.
  // Two letters alone are a state or country only as the last part after a comma ("276 4th Ave, Chula Vista, CA"),
  // never inside a name ("Co" in "Code&Co").
  const last = parts[parts.length - 1] ?? '';
  if (/^[A-Z]{2}$/.test(last) && /,[^,]*$/.test(s) && findPlace(last)) return true;
  return parts.some((p) => {
    if (p.length <= 2) return false;
    // A line of one part was looked up whole above.
    if (p !== s && findPlace(p)) return true;
    const bare = p.replace(/^(?:(?:north|south|east|west|greater|upper|lower|mid|central|inner|outer)\s+){1,2}/i, '');
    return bare !== p && !!findPlace(bare);
  });
}

/** A part of a place line without its postal code ("3000 Bern", "Austin 78701") or a closing note ("Bern (CH)"). */
function withoutCodeOrNote(part: string): string {
  // Each is looked for plainly first: most parts have neither a digit nor a closing bracket.
  let p = DIGIT.test(part) ? part.replace(/^\d{4,5}\s+|\s+\d{4,5}(?:-\d{4})?$/g, '') : part;
  if (p.endsWith(')')) p = p.replace(/\s*\([^)]*\)$/, '');
  return p.trim();
}
const DIGIT = /\d/;

/** "Staines, Middlesex", "Wooton-under-Edge, South Gloucestershire": the "Town, County" shape of a place line. */
export function townCountyShape(line: string): boolean {
  return /^[\p{L}][\p{L}'’.-]*(?: [\p{Lu}][\p{L}'’.-]*){0,2},\s?[\p{Lu}][\p{L}'’-]*(?: (?:[\p{Lu}][\p{L}'’-]*|&)){0,3}$/u.test(line.trim());
}

/** The places of a board's location line, one or several ("A, ST; B, ST; or C, ST preferred"). */
export function placesFromLine(line: string): string[] {
  if (!line.includes(';')) {
    const one = placeFromLine(line);
    return one ? [one] : [];
  }
  // "Brooklyn, NY; Tucson, AZ; or Austin, TX preferred; remote work possible" → the three places.
  const out: string[] = [];
  for (const part of line.split(/\s*;\s*/)) {
    const p = placeFromLine(part.replace(/^(?:or|and|oder|und|ou|et|o|y|e)\s+/i, '').replace(/\s+(?:preferred|only|bevorzugt|de préférence|preferiblemente|preferencialmente)$/i, ''));
    if (p && looksLikePlace(p) && !out.includes(p)) out.push(p);
  }
  return out.length ? out : [placeFromLine(line)].filter((p): p is string => !!p);
}

/**
 * The place a board's location line names, without the chips boards add to it:
 * "Zollikofen, mobiles Arbeiten" → "Zollikofen", "São Paulo-SP (Híbrido)" → "São Paulo-SP",
 * "Lehrbeginn August 2026, Bern" → "Bern", "Remote - United States" → "United States"; "HYBRID" alone → null.
 */
// "Remote - ", "Híbrido: ", "On-site in ", "Remote (…)": the work mode in front of a place.
const WORK_MODE_CHIP_PREFIX = new RegExp(String.raw`^(?:${wordsSource(WORK_MODE_CHIP_WORDS)}) ?(?:[-–—:,] ?|\bin |\( ?(?=.*\)$))`, 'i');

export function placeFromLine(line: string): string | null {
  // Spaces are folded once: what follows only cuts the ends, which leaves no run of spaces behind.
  let s = line.trim().replace(/\s+/g, ' ');
  // "(Híbrido)", "(Geplanter Arbeitsort ab 2028: Posieux)": a work mode or a later move, not the place itself.
  if (s.endsWith(')')) s = s.replace(LAST_PARENTHESES, (whole, inner: string) => (NOT_THE_PLACE.test(inner) ? '' : whole));
  s = s.replace(WORK_MODE_CHIP_PREFIX, '');
  if (s.startsWith('(')) s = s.replace(/^\((.*)\)$/, '$1');
  // "Remote (USA)" leaves "USA)" above: the bracket closes what the work mode opened.
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1).trim();
  const parts = s.split(/ ?, ?/).filter((p) => p && !LOWER_START.test(p) && !WORK_MODE_PART.test(p) && !YEAR.test(p));
  const out = parts.join(', ').trim();
  if (!out || WORK_MODE_PART.test(out) || REMOTE_START.test(out)) return null;
  if (NEGATION.test(out)) return null;
  return out;
}
const LAST_PARENTHESES = /\s*\(([^()]*)\)\s*$/;
const NOT_THE_PLACE = /\b(?:remote|remoto|hybrid|h[ií]brido|hybride|on-?site|presencial|office|t[eé]l[eé]travail)\b|\b(?:19|20)\d\d\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;
const LOWER_START = /^\p{Ll}/u;
const REMOTE_START = /^(?:\d+ ?%\s*)?(?:remote|remoto)\b/i;
const NEGATION = /\b(?:no|not|keine?|sin|sem|pas de)\b/i;
