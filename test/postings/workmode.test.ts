// Work mode from the role's own wording, in five languages; a company's general remarks say nothing of the role.
import { describe, expect, it } from 'vitest';
import { parsePostings, workModeOf } from '../../src/postings/index.ts';

const mode = (text: string) => parsePostings(text)[0]!.workMode;

describe('work mode classes', () => {
  it.each([
    ['Indeed\'s field glued to the text before it', 'Legal Assistant\nTesta & Partners\nVineland, NJ\n\nBenefits: Paid time off Schedule: 8 hour shiftWork Location: In person\n', 'onsite'],
    ['"100% Remote" as the location', 'Sales Executive\nRiteload\nUnited States\n\nLocation: 100% Remote\nAbout us: we build freight software.\n', 'remote'],
    ['#LI-Remote', 'Recruiter\nBrightHire\nChicago, IL\n\nYou will source candidates across the US. #LI-Remote\n', 'remote'],
    ['a header field', 'Acme | Senior Backend Engineer | San Francisco, CA | ONSITE | Full-time\nWe build tools for chemists.\n', 'onsite'],
    ['"NYC or Remote" in a header field', 'Waypoint | Founding Engineer | NYC or Remote (US) | Full-time\nWe build tools for schools.\n', 'remote'],
    ['a tag in the title', 'V&V Embedded Software Engineer (On-site)\nAnomalous Intelligence\nCarrollton, TX\n\nYou will test firmware.\n', 'onsite'],
    ['Homeoffice bis zu 3 Tage (de)', 'Softwareentwickler (m/w/d)\nNordlicht GmbH\nHamburg, Deutschland\n\nWir bieten: Homeoffice bis zu 3 Tage pro Woche, 30 Tage Urlaub\n', 'hybrid'],
    ['100% Homeoffice (de)', 'Buchhalter (m/w/d)\nZahlwerk AG\nKöln, Deutschland\n\nDie Stelle ist zu 100% Homeoffice möglich.\n', 'remote'],
    ['mobiles Arbeiten in a header (de)', 'ICT-Supporter/-in\nBundesamt für Informatik\nZollikofen, mobiles Arbeiten\n\nSie betreuen Arbeitsplätze.\n', 'hybrid'],
    ['télétravail partiel (fr)', 'Chef de projet\nAtelier Lumière\nLyon, France\n\nTélétravail partiel possible, deux jours par semaine.\n', 'hybrid'],
    ['modalidad presencial (es)', 'Coordinador de Procesos\nGrupo Andino\nSanta Cruz, Bolivia\n\nModalidad presencial en nuestras oficinas.\n', 'onsite'],
    ['vaga remota (pt)', 'Desenvolvedor Flutter\nRelevo\nBrasil\n\nVaga remota para todo o Brasil.\n', 'remote'],
    ['- Presencial in the title (pt)', 'Analista de Sistemas - Presencial em Porto Alegre/RS\nNessi Consultoria\nPorto Alegre-RS\n\nLevantamento de requisitos.\n', 'onsite'],
  ])('%s', (_name, text, expected) => {
    expect(mode(text)).toBe(expected);
  });

  it.each([
    ['a hybrid cloud', 'Cloud Architect\nNimbus\nDallas, TX\n\nDesign hybrid cloud environments across on-premise and public clouds.\n'],
    ['hybrid meetings', 'Planning Specialist\nHoward County\nEllicott City, MD\n\nSet up in-person, virtual and hybrid meetings for the boards.\n'],
    ['the company\'s general policy', 'Structural Engineer\nBridgeworks\nBoston, MA\n\nBridgeworks provides a flexible, agile and hybrid workplace model across its 300 offices.\n'],
    ['remote sensing', 'GIS Analyst\nTerra Maps\nDenver, CO\n\nProcess remote sensing imagery from satellites.\n'],
  ])('says nothing of the role: %s', (_name, text) => {
    expect(mode(text)).toBeNull();
  });

  it.each([
    ['Remote', 'remote'], ['On-site', 'onsite'], ['Hybrid', 'hybrid'], ['Télétravail partiel', 'hybrid'], ['Présentiel', 'onsite'],
    ['Híbrido', 'hybrid'], ['Remoto', 'remote'], ['Vor Ort', 'onsite'], ['Homeoffice', 'hybrid'], ['Presencial', 'onsite'], ['Chess', null],
  ])('the lexicon reads the label %s', (label, expected) => {
    expect(workModeOf(label)).toBe(expected);
  });
});
