// Tokens for the index and for queries: the same rules on both sides, so "C++", "Node.js" and "São Paulo" match.

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or our the their this to was we were will with you your us who what which when where how do does i me my can any all open role roles job jobs position positions opening openings posting postings show find list need needs needing want looking please there here than that these those about into over per using use uses require requires requiring skill skills stack language languages tech anything something hiring available currently now today please could would like get give tell let see know knows any some one ones'.split(' '),
);

const SPLIT = /[^\p{L}\p{N}+#.]+/u;
const EDGE_DOTS = /^\.+(?!net\b)|\.+$/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Splits text into terms, keeping the symbols that make a skill ("c++", "c#", ".net"). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SPLIT)) {
    const t = raw.includes('.') ? raw.replace(EDGE_DOTS, '') : raw;
    if (t) out.push(t);
  }
  return out;
}

/** Lowercases and folds accents; drops words that carry no meaning in a search. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  // Accent folding only for the terms that have accents; most are ASCII.
  const t = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  if (t.length < 2 && t !== 'c' && t !== 'r') return null;
  return STOPWORDS.has(t) ? null : t;
}

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term.toLowerCase());
}

/**
 * Words of a question that never name what is sought, in the five languages questions come in: function words,
 * question words, politeness, and the words for "job" itself. Folded (no accents). A query never searches for them.
 */
const FUNCTION_WORDS = new Set(
  [
    // English
    "a an and are as at be been by for from has have had in is it its of on or our the their them they this to was we were will with you your yours who whos who's what whats what's which when where how why do does did doing i im i'm me my mine can could would should shall may might there theres there's here than that thats that's these those about into over per any some all anything something everything someone somebody one ones please pls plz thanks thank tell show give list find get got see know let lets let's want wanna looking look search searching need needs needing like also just only currently now today open opening openings role roles job jobs position positions posting postings vacancy vacancies gig gigs work working opportunity opportunities available hiring hire kind sort type both either each else more most much many few lot lots bit other others yes no not hey hi hello ok okay yeah ya u ur r thx ty wat wut whats wats hw abt tho",
    // Common verbs of questions ("what does it want", "was braucht man", "qué pide", "o que exige")
    "want wants wanted offer offers offering ask asks asking require requires requiring required demand demands expect expects pay pays say says said mean means go goes get gets",
    // Chat shorthand that never names what is sought ("who is hiring rn", "remote jobs asap")
    "rn atm asap tbh btw lol idk imo fyi pls plz thx ty u ur r ya yall y'all kinda sorta gonna gotta currently",
    // "something", "anything" in Spanish, Portuguese and French ("¿hay algo remoto?", "quelque chose en télétravail")
    "algo alguna coisa alguma quelque chose cosa",
    // Numbers that count roles, not years or pay ("the two Pictarine jobs")
    "two three four five both zwei drei beide deux trois dos tres ambos dois duas ambas",
    // German
    "als viel viele vieler wieviel wieviele anzahl braucht brauche brauchen man verlangt verlangen bietet bieten muss mussen sollte sollten wird werden wurde ware mochte mochten will wollen kannst koennen sucht suchen gesucht",
    "der die das den dem des ein eine einen einem einer eines und oder aber in im ins am an auf aus bei mit nach von vom zu zum zur fur uber unter ist sind war gibt gib es ich du er sie wir ihr mir mich dir dich uns euch mein meine dein deine welche welcher welches welchen was wer wie wo wann warum hat haben habt kann konnen konnt bitte danke auch nur noch schon gerade jetzt heute alle alles etwas irgendwelche irgendein irgendeine stelle stellen job jobs jobangebote angebot angebote position positionen arbeit arbeitsplatz arbeitsplatze vakanz offen offene offenen suche suchen zeig zeige zeigen gibts hallo hey",
    // French
    "comme faut demande demandent exige exigent propose proposent paie payent cherche cherchez recherche veux voudrais peut peuvent doit doivent avoir etre fait faire sais",
    "le la les l un une des du de d et ou mais en dans au aux a avec pour par sur chez ce cet cette ces est sont il elle ils elles on je tu nous vous me moi te toi mon ma mes ton ta tes son sa ses quel quelle quels quelles qui que qu quoi comment ou quand pourquoi y a-t-il ya est-ce estce qu'il existe-t-il poste postes offre offres emploi emplois travail boulot job jobs annonce annonces stage svp merci bonjour salut aussi seulement actuellement ouvert ouverts ouverte ouvertes cherche recherche montre montrez donne trouve trouver peux pouvez voudrais",
    // Spanish
    "tiene tienen pide piden necesita necesitan necesito requiere requieren ofrece ofrecen puede pueden debo debe deben quiero quieres busca buscan sabes",
    "el la los las lo un una unos unas y o pero en de del al a con por para sobre entre es son esta estan hay que quien quienes cual cuales como donde cuando por porque yo tu el ella nosotros ustedes me mi mis te tu tus su sus se trabajo trabajos empleo empleos puesto puestos oferta ofertas vacante vacantes plaza plazas busco buscando quiero muestra muestrame dame encuentra tambien solo ahora hoy abierto abiertos abierta abiertas favor gracias hola alguna alguno algunos algunas algun",
    // Portuguese
    "pede pedem precisa precisam preciso exige exigem oferece oferecem pode podem deve devem quer queres procura procuram sabe",
    "o a os as um uma uns umas e ou mas em no na nos nas de do da dos das ao aos com por para pelo pela sobre entre e sao esta estao ha tem temos que quem qual quais como onde quando porque eu voce voces me meu minha meus minhas te seu sua seus suas se vaga vagas emprego empregos trabalho trabalhos oportunidade oportunidades cargo cargos procuro procurando quero mostra mostre me-mostra encontre tambem so apenas agora hoje aberta abertas aberto abertos favor obrigado obrigada ola oi alguma algum alguns algumas",
  ].join(' ').split(' '),
);

/** A word of a question that carries no search meaning in any of the five languages. */
export function isFunctionWord(folded: string): boolean {
  return FUNCTION_WORDS.has(folded) || STOPWORDS.has(folded);
}
