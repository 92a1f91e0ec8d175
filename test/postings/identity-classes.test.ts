// Who is hiring for what, and where: the classes of real postings the parser must read, each in five languages.
// Every posting here is written for the test; none is copied from a board.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';

const one = (text: string) => {
  const all = parsePostings(text, { file: null });
  expect(all).toHaveLength(1);
  return all[0]!;
};
const who = (text: string) => {
  const p = one(text);
  return { title: p.title, company: p.company, locations: p.locations };
};

describe('a board page header: title, company and place lines above the description', () => {
  it('reads the first line as the title in any trade, without role words (en)', () => {
    expect(who('Housekeeper\nSeaside Inn & Suites\nPortland, ME 04101\n\nWe keep forty rooms spotless and guests happy.\nYou will clean rooms and restock supplies.'))
      .toEqual({ title: 'Housekeeper', company: 'Seaside Inn & Suites', locations: ['Portland, ME 04101'] });
    expect(who('attorney\nBrightline Legal Group\nAustin, TX\n\nA small firm handling estate planning.'))
      .toEqual({ title: 'attorney', company: 'Brightline Legal Group', locations: ['Austin, TX'] });
    expect(who('Care Assistant Jobs Marlow Urgent\nMarlow, Buckinghamshire\n\nWe support older people in their own homes.'))
      .toEqual({ title: 'Care Assistant Jobs Marlow Urgent', company: null, locations: ['Marlow, Buckinghamshire'] });
    expect(who('2 Way Radio Installer\nNorthline Communications LLC\nBoise, ID 83702\n\nInstall and service radios in fleet vehicles.'))
      .toEqual({ title: '2 Way Radio Installer', company: 'Northline Communications LLC', locations: ['Boise, ID 83702'] });
  });

  it('keeps a board title that ends with "!", holds pipes or names its place in parentheses', () => {
    expect(one('Web Developer - JavaScript expert!\n\nMinimum skills: JavaScript, CSS.').title).toBe('Web Developer - JavaScript expert!');
    expect(who('Teacher | Part-time | St. Brigid Academy\nNorthfield Schools\nSaint Paul, MN\n\nTeach grade 3.'))
      .toEqual({ title: 'Teacher | Part-time | St. Brigid Academy', company: 'Northfield Schools', locations: ['Saint Paul, MN'] });
    expect(who('Backend Engineer (Belgrade)\nQuillstack\nRemote\n\nQuillstack builds identity checks.'))
      .toEqual({ title: 'Backend Engineer (Belgrade)', company: 'Quillstack', locations: [] });
  });

  it('keeps gender markers in the title (de)', () => {
    expect(who('Pflegefachfrau:mann Intensivstation\nKantonsspital Aarwald\n3600 Thun\n\nDas Kantonsspital betreut jährlich viele Patientinnen und Patienten.'))
      .toEqual({ title: 'Pflegefachfrau:mann Intensivstation', company: 'Kantonsspital Aarwald', locations: ['3600 Thun'] });
    expect(who('Firmenkundenberater (w/m/d)\nRegionalbank Mittelland\nZollikofen, mobiles Arbeiten\n\nSie betreuen ein Portfolio von Firmenkunden.'))
      .toEqual({ title: 'Firmenkundenberater (w/m/d)', company: 'Regionalbank Mittelland', locations: ['Zollikofen'] });
    expect(one('Sachbearbeiter/-in Buchhaltung\nStadtwerke Nordhafen GmbH\nHamburg\n\nIhre Aufgaben\n- Kreditoren buchen').title)
      .toBe('Sachbearbeiter/-in Buchhaltung');
  });

  it('keeps "H/F" and reads a French header (fr)', () => {
    expect(who('Réceptionniste de nuit H/F\nHôtel Belle Rive\nAnnecy, France\n\nVous accueillez nos clients la nuit.'))
      .toEqual({ title: 'Réceptionniste de nuit H/F', company: 'Hôtel Belle Rive', locations: ['Annecy, France'] });
  });

  it('reads an all-capitals title and a Bolivian place (es)', () => {
    expect(who('RECEPCIONISTA BILINGUE\nHotel Los Andes S.R.L.\nSanta Cruz\n\nBuscamos una persona amable con inglés fluido.'))
      .toEqual({ title: 'RECEPCIONISTA BILINGUE', company: 'Hotel Los Andes S.R.L.', locations: ['Santa Cruz'] });
    // No company line: the line under the title is the place.
    expect(who('CHOFER\nCochabamba\n\nSe requiere chofer con licencia categoría B.'))
      .toEqual({ title: 'CHOFER', company: null, locations: ['Cochabamba'] });
  });

  it('keeps "(a)" in the title and drops the work-mode chip from the place (pt)', () => {
    expect(who('Atendente de Loja (a)\nPadaria Sol Nascente\nCuritiba-PR (Híbrido)\n\nVocê vai atender clientes e organizar a vitrine.'))
      .toEqual({ title: 'Atendente de Loja (a)', company: 'Padaria Sol Nascente', locations: ['Curitiba-PR'] });
    // "Remoto" under the company is how one works, not where.
    expect(who('Pessoa Desenvolvedora Back End Pleno\nnuvemtech\nRemoto\n\nSomos uma empresa de tecnologia.'))
      .toEqual({ title: 'Pessoa Desenvolvedora Back End Pleno', company: 'nuvemtech', locations: [] });
  });

  it('postings without such a header keep their old readings', () => {
    const p = one('We are looking for a Senior Data Engineer to join Acme.\n\nRequirements:\n- 5+ years of SQL\n- Python');
    expect(p.title).toBe('Senior Data Engineer');
    const md = one('# Senior Backend Engineer (Payments)\n\n**Lumen Pay** · Remote (EU time zones) · Full-time\n\n## About us\nLumen Pay builds payments.');
    expect(md).toMatchObject({ title: 'Senior Backend Engineer (Payments)', company: 'Lumen Pay' });
  });
});

describe('company lines', () => {
  it('keeps a parent-company tagline and skips a Glassdoor rating line (en)', () => {
    expect(who('Field Technician\nArcticom LLC, a BSNC Company\nAnchorage, AK\n\nInstall and maintain rural networks.'))
      .toEqual({ title: 'Field Technician', company: 'Arcticom LLC, a BSNC Company', locations: ['Anchorage, AK'] });
    expect(who('Data Analyst\nHarbor Freight Logistics\n3.9\nTacoma, WA\n\nHarbor Freight Logistics moves goods across the Pacific.'))
      .toEqual({ title: 'Data Analyst', company: 'Harbor Freight Logistics', locations: ['Tacoma, WA'] });
  });

  it('reads names that look like chips, headers or sentences as the company line they stand on', () => {
    expect(one('Sr Data Analyst\nActive Measure\nGreater Los Angeles Area\n\nWe write software in small teams.').company).toBe('Active Measure');
    expect(one('Quality Analyst\nBenefit Cosmetics\nSan Francisco, CA, US\n\nReview batch records.').company).toBe('Benefit Cosmetics');
    expect(one('Life Coach\nzant.\nRemote\n\nZant. is a young mental health company.').company).toBe('zant.');
    expect(who('Servers Needed! Ours make $20 - $30/hour with tips!\nPallino Grill\nConroe, TX 77385\n\nJoin our floor team.'))
      .toEqual({ title: 'Servers Needed! Ours make $20 - $30/hour with tips!', company: 'Pallino Grill', locations: ['Conroe, TX 77385'] });
  });

  it('takes the first pipe field as the company even when it reads like a role or holds "&"', () => {
    expect(one('Marketer.com | https://marketer.example/manta | Remote or Onsite | Oslo, Norway<p>We build an AI tool.').company).toBe('Marketer.com');
    expect(one('Code&amp;Co | Tech Due Diligence | Fully Remote (EU) | Full-time<p>We review software for investors.').company).toBe('Code&Co');
  });

  it('drops a YC batch and reads a company glued to its place', () => {
    expect(one('Founding Engineer\nAcme (YC W21)\nSan Francisco, CA\n\nWe build tools for bakeries.').company).toBe('Acme');
    expect(who('Senior Machine Learning Engineer, Relevance\n\nQuillworkNew York, NY\nHybrid\n\nAbout the role')).toMatchObject({
      company: 'Quillwork', locations: ['New York, NY'],
    });
  });

  it('reads the company from a "who is hiring" pipe header, also in HN comment HTML with entities', () => {
    const p = one('Gridlane | Backend Engineer | Berlin, Germany | REMOTE | $120k–$150k<p>We&#x27;re building grid software&#x2F;tools for utilities.');
    expect(p).toMatchObject({ company: 'Gridlane', title: 'Backend Engineer' });
    expect(one('Tallyforge.io | Staff Engineer | REMOTE (US) | Full-time<p>Tallyforge is a ledger for small shops.').company).toBe('Tallyforge.io');
    expect(one('Brindle (<a href="https:&#x2F;&#x2F;brindle.example">https:&#x2F;&#x2F;brindle.example</a>) | Designer | Lisbon | ONSITE<p>Brindle makes maps.').company)
      .toBe('Brindle');
  });

  it('takes the role from a pipe header in any trade, and never a place, visa or pay field', () => {
    expect(who('Greenleaf Kitchen | Line Cook | Portland, OR | ONSITE | $22–$26/hr<p>We cook seasonal food.'))
      .toEqual({ title: 'Line Cook', company: 'Greenleaf Kitchen', locations: ['Portland, OR'] });
    expect(one('Orbit Freight | Montreal or Toronto | VISA SPONSORSHIP | Dispatcher<p>We move freight.').title).toBe('Dispatcher');
  });

  it('reads "Role @ Company" from a markdown heading', () => {
    expect(one('## Platform Engineer @ Ferrowave\n\nFerrowave runs compute for labs.\n\n### Requirements\n- Go').company).toBe('Ferrowave');
    expect(one('## Platform Engineer @ Ferrowave\n\nFerrowave runs compute for labs.').title).toBe('Platform Engineer');
  });

  it('leaves the company empty for a recruiter\'s unnamed client, in five languages', () => {
    const texts = [
      'Registered Nurse\nLuton, Bedfordshire\n\nOur client is a leading healthcare group with homes across the region.',
      'Pflegefachkraft (m/w/d)\nBern\n\nUnser Kunde ist ein führendes Pflegeheim in der Region.',
      'Infirmier H/F\nLyon\n\nNotre client est un groupe de cliniques reconnu.',
      'Enfermero/a\nLa Paz\n\nNuestro cliente es una clínica líder en la ciudad.',
      'Enfermeiro(a)\nCampinas\n\nNosso cliente é um hospital de referência na região.',
    ];
    for (const t of texts) expect(one(t).company, t).toBeNull();
  });
});

describe('places', () => {
  it('reads postcodes, Swiss and German places and regions after "Remote"', () => {
    expect(one('Line Cook\nRiverbend Diner\nNew York, NY 10001\n\nCook breakfast and lunch.').locations).toEqual(['New York, NY 10001']);
    expect(one('Logistiker:in EFZ\nBundesamt für Lager\nLehrbeginn August 2027, Thun\n\nDu lernst den Beruf.').locations).toEqual(['Thun']);
    expect(one('Werkstudent:in Marketing\nNordlicht Medien GmbH\nMünchen\n\nWir sind eine Agentur.').locations).toEqual(['München']);
    expect(one('Support Engineer\nPatchwell\nRemote - United States\n\nHelp customers.').locations).toEqual(['United States']);
  });

  it('keeps a compass word as part of the place, not as a company glued to it', () => {
    expect(who('Dental Nurse\nNorth London, London\n\nA busy practice needs a registered dental nurse.'))
      .toEqual({ title: 'Dental Nurse', company: null, locations: ['North London, London'] });
  });

  it('drops a later move or start date from the place line (de)', () => {
    expect(one('Jurist/-in\nBundesamt für Wasser\n3097 Liebefeld (Geplanter Arbeitsort ab Sommer 2027: Ittigen)\n\nSie beraten die Amtsleitung.').locations)
      .toEqual(['3097 Liebefeld']);
  });

  it('reads a lone place line from how the description speaks of it', () => {
    expect(who('Credit Controller\nCity of Westbridge\n\nA consultancy in the City of Westbridge needs a credit controller.'))
      .toEqual({ title: 'Credit Controller', company: null, locations: ['City of Westbridge'] });
    expect(who('Account Executive\nHollowmere\n\nSales Account Executive Hollowmere. A distributor of audio kit.'))
      .toEqual({ title: 'Account Executive', company: null, locations: ['Hollowmere'] });
  });

  it('takes the place after a typed title as the place and keeps the title as written; a saved page heading gives both', () => {
    expect(who('Solution Architect - Eden Prairie, MN\n\nWe are looking for an architect.'))
      .toEqual({ title: 'Solution Architect - Eden Prairie, MN', company: null, locations: ['Eden Prairie, MN'] });
    expect(who('<html><body><h2>Data Scientist - Remote</h2><p>Build models.</p></body></html>').title).toBe('Data Scientist');
  });

  it('reads a place line that the title names or that starts with compass words', () => {
    expect(one('Support Worker Job Telford\nTelford & Wrekin\n\nWe support adults at home.').locations).toEqual(['Telford & Wrekin']);
    expect(one('Care Coordinator Croydon\nCROYDON\n\nPlan visits for our carers.').locations).toEqual(['CROYDON']);
    expect(one('Mental Health Social Worker\nSouth West London\n\nA local authority needs a social worker.').locations).toEqual(['South West London']);
    expect(one('Senior Software Engineer\nChange Ledger\nRemote (USA)\n\nWe build tools for campaigns in San Francisco.').locations).toEqual(['USA']);
  });

  it('keeps "at Place" and a short code in parentheses in a typed title', () => {
    expect(one('Technology Lead at Norwood, MA\n\nPosition: SharePoint lead.').title).toBe('Technology Lead at Norwood, MA');
    expect(one('Front-end Developer (sd)\n\nWe have a local client.').title).toBe('Front-end Developer (sd)');
  });

  it('keeps a long line of several places in the header', () => {
    const p = one('Vision Scientist\nFloodlight Labs\nBrooklyn, NY; Tucson, AZ; or Austin, TX preferred; remote work possible for the right person\n\nWe map floods from space.');
    expect(p.company).toBe('Floodlight Labs');
    expect(p.locations).toEqual(['Brooklyn, NY', 'Tucson, AZ', 'Austin, TX']);
  });

  it('takes no place from a line that only says how one works', () => {
    expect(one('Account Executive\nBrightpath Software\nHYBRID\n\nSell to mid-market teams.').locations).toEqual([]);
    expect(one('Account Executive\nBrightpath Software\n(no Remote jobs available)\n\nSell to mid-market teams.').locations).toEqual([]);
    expect(one('Développeur Full Stack\nAtelier Numérique\nTélétravail\n\nNous construisons des outils.').locations).toEqual([]);
  });
});

describe('pages that lost their shape', () => {
  it('reads a whole HTML page with the place after the title', () => {
    const html = '<html><head><title>Lab Technician - Madison, WI 53703</title></head><body><h2>Lab Technician - Madison, WI 53703</h2>'
      + '<div>Run assays and keep records.</div><ul><li>2 years of lab work</li></ul></body></html>';
    expect(who(html)).toEqual({ title: 'Lab Technician', company: null, locations: ['Madison, WI 53703'] });
  });

  it('splits a section header glued to the text that follows it', () => {
    const p = one('Network Technician\nArcticom LLC\nNome, AK\n\nCompany DescriptionArcticom LLC builds networks in remote towns.\nRequirementsYou have three years of tower work.\nResponsibilitiesClimb towers safely.');
    expect(p).toMatchObject({ company: 'Arcticom LLC', requirements: ['You have three years of tower work.'], responsibilities: ['Climb towers safely.'] });
    expect(p.yearsExperience?.min).toBe(3);
  });

  it('keeps numbers masked as **** in the title', () => {
    expect(one('Home Manager Luton ****\nLuton, Bedfordshire\n\nSalary **** per annum plus bonus.').title).toBe('Home Manager Luton ****');
  });

  it('reads a flattened posting with no line breaks', () => {
    const p = one('Staff Software Engineer, SearchOrbitly is the scheduling platform for clinics. We are looking for a Staff Software Engineer to lead our search team.Requirements:8+ years building large-scale systems');
    expect(p).toMatchObject({ title: 'Staff Software Engineer, Search', company: 'Orbitly' });
  });
});

describe('several roles in one post', () => {
  it('gives each role its own title, place and pay', () => {
    const text = [
      'Kestrel Labs is hiring for several roles:',
      '',
      '- Senior Backend Engineer (Berlin, €80k–€95k)',
      'Build our ingestion services in Go.',
      '',
      '- Product Designer (Remote, $110k–$130k)',
      'Own the design of our web app.',
    ].join('\n');
    const all = parsePostings(text, { file: 'kestrel.txt' });
    expect(all.map((p) => p.title)).toEqual(['Senior Backend Engineer', 'Product Designer']);
    expect(all.map((p) => p.company)).toEqual(['Kestrel Labs', 'Kestrel Labs']);
    expect(all.map((p) => [p.salary?.min, p.salary?.max, p.salary?.currency])).toEqual([[80000, 95000, 'EUR'], [110000, 130000, 'USD']]);
    expect(all.map((p) => p.locations)).toEqual([['Berlin'], []]);
    expect(all.map((p) => p.workMode)).toEqual([null, 'remote']);
  });

  it('never splits one board posting in two when its title comes back in the text', () => {
    const text = 'Validation Engineer\nQuartzline Inc.\nFoster City, CA\n\nValidation Engineer: we are hiring for this role.\n\nValidation Engineer duties\n- Write test plans';
    expect(parsePostings(text, { file: null })).toHaveLength(1);
  });
});

describe('each class in the five languages', () => {
  it('splits a section header glued to its text (de, fr, es, pt)', () => {
    const cases: Array<[string, string, string]> = [
      ['Elektroniker:in\nStadtwerke Aarfeld AG\n8004 Zürich\n\nIhre AufgabenSie warten unsere Anlagen.\nIhr ProfilSie haben drei Jahre Berufserfahrung.', 'Elektroniker:in', 'Sie warten unsere Anlagen.'],
      ['Technicien de maintenance H/F\nGroupe Alvéole SA\nLausanne\n\nVos missionsVous entretenez nos machines.\nVotre profilVous avez trois ans d’expérience.', 'Technicien de maintenance H/F', 'Vous entretenez nos machines.'],
      ['Técnico de mantenimiento\nIndustrias Cóndor S.A.\nCochabamba\n\nResponsabilidadesMantener las máquinas de la planta.\nRequisitosExperiencia en mantenimiento.', 'Técnico de mantenimiento', 'Mantener las máquinas de la planta.'],
      ['Técnico de Manutenção (a)\nFábrica Ipê Ltda\nCampinas-SP\n\nResponsabilidadesManter as máquinas da fábrica.\nRequisitosExperiência em manutenção.', 'Técnico de Manutenção (a)', 'Manter as máquinas da fábrica.'],
    ];
    for (const [text, title, duty] of cases) {
      const p = one(text);
      expect(p.title).toBe(title);
      expect(p.responsibilities, text).toEqual([duty]);
      expect(p.requirements, text).toHaveLength(1);
    }
  });

  it('reads a pipe header with a gender marker and a place (de, fr, es, pt)', () => {
    const cases: Array<[string, string, string, string]> = [
      ['Nordlicht Energie | Backend-Entwickler (m/w/d) | Berlin, Deutschland | Hybrid<p>Wir bauen Software f&uuml;r Stadtwerke.', 'Nordlicht Energie', 'Backend-Entwickler (m/w/d)', 'Berlin, Deutschland'],
      ['Atelier Numérique | Développeur Full Stack H/F | Lyon | Télétravail partiel<p>Nous construisons des outils.', 'Atelier Numérique', 'Développeur Full Stack H/F', 'Lyon'],
      ['Cóndor Tech | Desarrollador Backend | Madrid, España | Remoto<p>Construimos software para tiendas.', 'Cóndor Tech', 'Desarrollador Backend', 'Madrid, España'],
      ['Ipê Digital | Desenvolvedora Backend | São Paulo, Brasil | Híbrido<p>Criamos software para lojas.', 'Ipê Digital', 'Desenvolvedora Backend', 'São Paulo, Brasil'],
    ];
    for (const [text, company, title, place] of cases) expect(who(text)).toEqual({ title, company, locations: [place] });
  });

  it('reads "Role @ Company" from a markdown heading (de, fr, es, pt)', () => {
    const cases: Array<[string, string, string]> = [
      ['## Data Engineer (m/w/d) @ Nordlicht Energie\n\nWir bauen Datenplattformen.', 'Data Engineer (m/w/d)', 'Nordlicht Energie'],
      ['## Ingénieur DevOps @ Atelier Numérique\n\nNous construisons des outils.', 'Ingénieur DevOps', 'Atelier Numérique'],
      ['## Ingeniero de Datos @ Cóndor Tech\n\nConstruimos plataformas de datos.', 'Ingeniero de Datos', 'Cóndor Tech'],
      ['## Engenheira de Dados @ Ipê Digital\n\nCriamos plataformas de dados.', 'Engenheira de Dados', 'Ipê Digital'],
    ];
    for (const [text, title, company] of cases) expect(one(text)).toMatchObject({ title, company });
  });

  it('gives each listed role its own title, place and pay (de, fr, es, pt)', () => {
    const cases: Array<[string, string, string[], string[], number[]]> = [
      ['Nordlicht Energie stellt ein – offene Stellen:\n\n- Backend-Entwickler (m/w/d) (Berlin, 70.000–85.000 €)\nDu baust unsere APIs.\n\n- UX-Designerin (m/w/d) (Hamburg, 60.000–70.000 €)\nDu gestaltest unsere App.',
        'Nordlicht Energie', ['Backend-Entwickler (m/w/d)', 'UX-Designerin (m/w/d)'], ['Berlin', 'Hamburg'], [70000, 60000]],
      ['Atelier Numérique recrute – postes ouverts :\n\n- Développeur Backend H/F (Lyon, 45 000–55 000 €)\nVous construisez nos API.\n\n- Designer UX H/F (Paris, 40 000–50 000 €)\nVous dessinez notre application.',
        'Atelier Numérique', ['Développeur Backend H/F', 'Designer UX H/F'], ['Lyon', 'Paris'], [45000, 40000]],
      ['Cóndor Tech está contratando – vacantes:\n\n- Desarrollador Backend (Madrid, 40.000–50.000 €)\nConstruirás nuestras APIs.\n\n- Diseñadora UX (Barcelona, 35.000–45.000 €)\nDiseñarás nuestra app.',
        'Cóndor Tech', ['Desarrollador Backend', 'Diseñadora UX'], ['Madrid', 'Barcelona'], [40000, 35000]],
      ['Ipê Digital está contratando – vagas abertas:\n\n- Desenvolvedor Backend (São Paulo, R$ 9.000–12.000)\nVocê vai construir nossas APIs.\n\n- Designer UX (Curitiba, R$ 7.000–9.000)\nVocê vai desenhar nosso app.',
        'Ipê Digital', ['Desenvolvedor Backend', 'Designer UX'], ['São Paulo', 'Curitiba'], [9000, 7000]],
    ];
    for (const [text, company, titles, places, mins] of cases) {
      const all = parsePostings(text, { file: null });
      expect(all.map((p) => p.title), text).toEqual(titles);
      expect(all.map((p) => p.company)).toEqual([company, company]);
      expect(all.map((p) => p.locations[0])).toEqual(places);
      expect(all.map((p) => p.salary?.min)).toEqual(mins);
    }
  });

  it('reads places with chips and postcodes (fr, es, pt)', () => {
    expect(one('Comptable H/F\nCabinet Rivière\n1003 Lausanne, télétravail partiel\n\nVous tenez la comptabilité.').locations).toEqual(['1003 Lausanne']);
    expect(one('CAJERO(A)\nSupermercados Illimani S.R.L.\nLa Paz\n\nAtención al cliente y manejo de caja.').locations).toEqual(['La Paz']);
    expect(one('Vendedor(a)\nLoja Aurora\nSão Paulo-SP (Presencial)\n\nAtendimento ao cliente.').locations).toEqual(['São Paulo-SP']);
  });
});

describe('flattened postings with no line breaks, in four more languages', () => {
  it('finds the title, the company and the lists', () => {
    const cases: Array<[string, string, string, number]> = [
      ['Backend-Entwickler (m/w/d)Nordlicht Energie ist ein Stadtwerk aus Kiel. Wir suchen Verstärkung für unser Team.Ihre Aufgaben:Sie bauen unsere APIsSie betreiben unsere DatenbankenIhr Profil:Drei Jahre Erfahrung mit Go',
        'Backend-Entwickler (m/w/d)', 'Nordlicht Energie', 2],
      ['Développeur Backend H/FAtelier Numérique est un studio lyonnais. Nous cherchons un développeur pour notre équipe.Vos missions:Construire nos APIMaintenir nos bases de donnéesVotre profil:Trois ans d’expérience en Go',
        'Développeur Backend H/F', 'Atelier Numérique', 2],
      ['Desarrollador BackendCóndor Tech es una empresa de software de Madrid. Buscamos un desarrollador para nuestro equipo.Responsabilidades:Construir nuestras APIsMantener las bases de datosRequisitos:Tres años de experiencia con Go',
        'Desarrollador Backend', 'Cóndor Tech', 2],
      ['Desenvolvedor BackendIpê Digital é uma empresa de software de Campinas. Buscamos um desenvolvedor para nosso time.Responsabilidades:Construir nossas APIsManter os bancos de dadosRequisitos:Três anos de experiência com Go',
        'Desenvolvedor Backend', 'Ipê Digital', 2],
    ];
    for (const [text, title, company, duties] of cases) {
      const p = one(text);
      expect(p, text).toMatchObject({ title, company });
      expect(p.responsibilities).toHaveLength(duties);
      expect(p.requirements).toHaveLength(1);
    }
  });
});
