// Places: a small gazetteer of the cities, states, countries and regions postings name, with their short forms.
import { fold } from './text.ts';

export interface Place {
  name: string;
  kind: 'city' | 'state' | 'country' | 'region';
  /** Country (or region, for a country) the place lies in; used so "remote europe" can exclude "Remote - United States". */
  within: string[];
  aliases: string[];
}

const US = 'United States';
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
  country(US, 'North America', 'US', 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'Estados Unidos', 'États-Unis', 'USA only'),
  country(CA, 'North America', 'CAN', 'Kanada'),
  country('Mexico', 'Latin America', 'México', 'MX'),
  country('Brazil', 'Latin America', 'Brasil', 'BR'),
  country('Argentina', 'Latin America'),
  country('Colombia', 'Latin America'),
  country('Chile', 'Latin America'),
  country('Peru', 'Latin America', 'Perú'),
  country(UK, 'Europe', 'UK', 'U.K.', 'Great Britain', 'GB', 'England', 'Scotland', 'Wales', 'Reino Unido', 'Royaume-Uni'),
  country('Ireland', 'Europe', 'Irland', 'Irlanda'),
  country('Germany', 'Europe', 'Deutschland', 'Alemania', 'Allemagne', 'Alemanha'),
  country('France', 'Europe', 'Frankreich', 'Francia', 'França'),
  country('Spain', 'Europe', 'España', 'Espanha', 'Spanien', 'Espagne'),
  country('Portugal', 'Europe'),
  country('Italy', 'Europe', 'Italia', 'Italien', 'Italie'),
  country('Netherlands', 'Europe', 'The Netherlands', 'Holland', 'NL', 'Niederlande', 'Países Bajos'),
  country('Belgium', 'Europe', 'Belgique', 'België'),
  country('Switzerland', 'Europe', 'Schweiz', 'Suisse', 'CH'),
  country('Austria', 'Europe', 'Österreich'),
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
  country('Japan', 'Asia Pacific', 'JP', 'Japón'),
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
  city('New York', US, 'North America', 'NYC', 'New York City', 'NY', 'Manhattan', 'Brooklyn'),
  city('San Francisco', US, 'North America', 'SF', 'San Francisco Bay Area', 'Bay Area', 'SF Bay Area'),
  city('Los Angeles', US, 'North America', 'LA'),
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
  city('London', UK, 'Europe'),
  city('Manchester', UK, 'Europe'),
  city('Edinburgh', UK, 'Europe'),
  city('Dublin', 'Ireland', 'Europe'),
  city('Berlin', 'Germany', 'Europe'),
  city('Munich', 'Germany', 'Europe', 'München'),
  city('Hamburg', 'Germany', 'Europe'),
  city('Frankfurt', 'Germany', 'Europe'),
  city('Cologne', 'Germany', 'Europe', 'Köln'),
  city('Paris', 'France', 'Europe'),
  city('Lyon', 'France', 'Europe'),
  city('Madrid', 'Spain', 'Europe'),
  city('Barcelona', 'Spain', 'Europe'),
  city('Lisbon', 'Portugal', 'Europe', 'Lisboa'),
  city('Porto', 'Portugal', 'Europe'),
  city('Amsterdam', 'Netherlands', 'Europe'),
  city('Rotterdam', 'Netherlands', 'Europe'),
  city('Zurich', 'Switzerland', 'Europe', 'Zürich'),
  city('Geneva', 'Switzerland', 'Europe', 'Genève', 'Genf'),
  city('Vienna', 'Austria', 'Europe', 'Wien'),
  city('Stockholm', 'Sweden', 'Europe'),
  city('Copenhagen', 'Denmark', 'Europe', 'København'),
  city('Oslo', 'Norway', 'Europe'),
  city('Helsinki', 'Finland', 'Europe'),
  city('Warsaw', 'Poland', 'Europe', 'Warszawa', 'Warschau'),
  city('Krakow', 'Poland', 'Europe', 'Kraków'),
  city('Prague', 'Czech Republic', 'Europe', 'Praha'),
  city('Milan', 'Italy', 'Europe', 'Milano'),
  city('Rome', 'Italy', 'Europe', 'Roma'),
  city('Brussels', 'Belgium', 'Europe', 'Bruxelles'),
  city('Tel Aviv', 'Israel', 'Asia Pacific'),
  city('Bangalore', 'India', 'Asia Pacific', 'Bengaluru'),
  city('Mumbai', 'India', 'Asia Pacific'),
  city('Hyderabad', 'India', 'Asia Pacific'),
  city('Pune', 'India', 'Asia Pacific'),
  city('Delhi', 'India', 'Asia Pacific', 'New Delhi', 'Gurgaon', 'Gurugram', 'Noida'),
  city('Chennai', 'India', 'Asia Pacific'),
  city('Tokyo', 'Japan', 'Asia Pacific'),
  city('Sydney', 'Australia', 'Asia Pacific'),
  city('Melbourne', 'Australia', 'Asia Pacific'),
  city('Auckland', 'New Zealand', 'Asia Pacific'),
  city('São Paulo', 'Brazil', 'Latin America', 'Sao Paulo', 'SP'),
  city('Rio de Janeiro', 'Brazil', 'Latin America', 'Rio'),
  city('Belo Horizonte', 'Brazil', 'Latin America'),
  city('Mexico City', 'Mexico', 'Latin America', 'Ciudad de México', 'CDMX'),
  city('Buenos Aires', 'Argentina', 'Latin America'),
  city('Bogotá', 'Colombia', 'Latin America', 'Bogota'),
  city('Santiago', 'Chile', 'Latin America'),
  city('Dubai', 'United Arab Emirates', 'Asia Pacific'),
  ...US_STATES.map(([code, name]): Place => ({ name, kind: 'state', within: [US, 'North America'], aliases: [code, name.replace(/ State$/, '')] })),
];

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
  return byKey.get(fold(name).replace(/[.,]+$/, '').trim()) ?? null;
}

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
  const { re, names } = aliasScan();
  re.lastIndex = 0;
  for (const m of fold(phrase).matchAll(re)) {
    const name = names.get(m[2]!);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

// One scan for every alias, longest first, built once: a pattern per alias per call made a posting with many
// "based in" phrases take 150 ms.
let ALIAS_SCAN: { re: RegExp; names: Map<string, string> } | null = null;
function aliasScan(): { re: RegExp; names: Map<string, string> } {
  if (ALIAS_SCAN) return ALIAS_SCAN;
  const names = new Map<string, string>();
  for (const p of PLACES) {
    if (p.kind === 'region' || p.kind === 'state') continue;
    for (const a of [p.name, ...p.aliases]) if (a.length > 3 && !names.has(fold(a))) names.set(fold(a), p.name);
  }
  const alts = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  ALIAS_SCAN = { re: new RegExp(`(^|[^\\p{L}])(${alts})(?=$|[^\\p{L}])`, 'gu'), names };
  return ALIAS_SCAN;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
