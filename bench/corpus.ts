// A seeded generator of varied postings, as Posting records and as raw text, for tests and benchmarks.
import { postingId, type Posting, type SalaryRange, type Seniority, type WorkMode } from '../src/postings/index.ts';

/** Small, fast, seeded PRNG so every run sees the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['lum', 'tor', 'vex', 'nor', 'quil', 'bri', 'zan', 'mer', 'cal', 'dra', 'fen', 'hol', 'kai', 'lor', 'pix', 'ro', 'sa', 'tek', 'vo', 'wyn'];
const SUFFIX = ['', ' Labs', ' AI', ' Health', ' Pay', ' Systems', ' Cloud', ' Data', '', ''];
const ROLES = ['Software Engineer', 'Backend Engineer', 'Frontend Engineer', 'Machine Learning Engineer', 'Data Scientist', 'Data Engineer', 'Site Reliability Engineer', 'Product Designer', 'Product Manager', 'Engineering Manager', 'Security Engineer', 'Mobile Engineer', 'Research Scientist', 'Analytics Engineer', 'Platform Engineer'];
const LEVELS: Array<[string, Seniority | null]> = [['', null], ['Junior ', 'junior'], ['Senior ', 'senior'], ['Staff ', 'staff'], ['Principal ', 'principal'], ['Senior Staff ', 'senior-staff'], ['Lead ', 'lead']];
const TEAMS = ['Search', 'Ranking', 'Payments', 'Growth', 'Ads', 'Feed Relevance', 'Infrastructure', 'Identity', 'Trust & Safety', 'Recommendations', 'Billing', 'Core Platform'];
const SKILLS = ['Python', 'Go', 'Java', 'TypeScript', 'Rust', 'Kotlin', 'SQL', 'PyTorch', 'TensorFlow', 'XGBoost', 'Kubernetes', 'Docker', 'AWS', 'GCP', 'Kafka', 'Spark', 'Airflow', 'Redis', 'PostgreSQL', 'React', 'GraphQL', 'Terraform', 'ClickHouse', 'Elasticsearch', 'Scala', 'C++'];
const PLACES: Array<[string, string]> = [['New York, NY', 'USD'], ['San Francisco, CA', 'USD'], ['Seattle, WA', 'USD'], ['Austin, TX', 'USD'], ['London, UK', 'GBP'], ['Berlin, Germany', 'EUR'], ['Paris, France', 'EUR'], ['Toronto, Canada', 'CAD'], ['Bengaluru, India', 'INR'], ['São Paulo, Brazil', 'BRL'], ['Amsterdam, Netherlands', 'EUR'], ['Sydney, Australia', 'AUD']];
const REGIONS = [['United States'], ['Europe'], ['Canada'], [], ['United Kingdom'], ['United States', 'Canada']];
const VERBS = ['Design', 'Build', 'Own', 'Scale', 'Improve', 'Ship', 'Operate', 'Lead', 'Prototype', 'Measure'];
const OBJECTS = ['ranking models', 'data pipelines', 'payment services', 'search infrastructure', 'the mobile app', 'experimentation tooling', 'feature stores', 'APIs for partners', 'observability', 'recommendation systems', 'billing flows', 'developer tooling'];
// Domain words so long text varies from posting to posting, as real postings do.
const DOMAIN = ('ledger invoices checkout fraud chargebacks onboarding identity permissions audit compliance telemetry tracing alerting dashboards '
  + 'warehouse lakehouse ingestion streaming batch scheduling orchestration caching sharding replication failover backups migrations schemas '
  + 'embeddings retrieval reranking personalization segmentation attribution forecasting pricing inventory logistics routing dispatch maps geocoding '
  + 'notifications messaging chat video audio transcoding uploads storage cdn latency throughput reliability availability capacity budgets costs '
  + 'accessibility localization translation design-systems components animations gestures offline sync conflicts encryption secrets tokens sessions '
  + 'authentication authorization sso scim provisioning tenants billing subscriptions metering quotas limits webhooks integrations connectors sdk cli '
  + 'plugins extensions marketplace reviews ratings moderation safety abuse spam ads auctions bidding campaigns creatives targeting measurement '
  + 'experiments holdouts metrics kpis okrs roadmaps hiring mentoring interviews documentation runbooks incidents postmortems oncall sla slo '
  + 'kernels drivers firmware embedded robotics sensors lidar perception planning control simulation physics rendering shaders graphics gpu '
  + 'compilers interpreters runtimes garbage-collection profiling benchmarking fuzzing testing ci releases packaging containers clusters nodes '
  + 'genomics clinical imaging claims underwriting actuarial trading settlement custody wallets ledgers exchanges tax payroll benefits scheduling').split(' ');
const ADJ = ['scalable', 'reliable', 'secure', 'fast', 'observable', 'resilient', 'maintainable', 'global', 'real-time', 'multi-tenant', 'privacy-preserving', 'cost-efficient', 'accessible', 'mobile-first', 'event-driven', 'distributed'];
const QUALS = ['experience with', 'strong knowledge of', 'hands-on work in', 'production use of', 'familiarity with'];
const BENEFITS = ['Health insurance', '401k match', 'Unlimited PTO', 'Learning budget', 'Parental leave', 'Equity', 'Remote stipend'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** `n` varied Posting records (companies, levels, places, pay in several currencies and periods, unknown fields). */
export function generatePostings(n: number, seed = 42): Posting[] {
  const r = rng(seed);
  const companies = Array.from({ length: Math.max(20, Math.ceil(n / 25)) }, (_, i) => {
    const name = pick(r, SYL) + pick(r, SYL) + (i % 7 === 0 ? pick(r, SYL) : '');
    return name[0]!.toUpperCase() + name.slice(1) + pick(r, SUFFIX);
  });
  const out: Posting[] = [];
  for (let i = 0; i < n; i++) {
    const [levelWord, seniority] = pick(r, LEVELS);
    const role = pick(r, ROLES);
    const team = r() < 0.6 ? pick(r, TEAMS) : null;
    const title = `${levelWord}${role}${team ? `, ${team}` : ''}`;
    const company = pick(r, companies);
    const modeRoll = r();
    const workMode: WorkMode | null = modeRoll < 0.35 ? 'remote' : modeRoll < 0.6 ? 'hybrid' : modeRoll < 0.85 ? 'onsite' : null;
    const [place, currency] = pick(r, PLACES);
    const remoteRegions = workMode === 'remote' ? pick(r, REGIONS) : [];
    const locations = workMode === 'remote' ? [...remoteRegions] : r() < 0.95 ? [place] : [];
    const skills = [...new Set(Array.from({ length: 2 + Math.floor(r() * 5) }, () => pick(r, SKILLS)))];
    const salaries: SalaryRange[] = [];
    const payRoll = r();
    if (payRoll < 0.65) {
      const base = currency === 'INR' ? 1_500_000 : currency === 'BRL' ? 9_000 : 70_000;
      const lo = Math.round((base * (1 + r() * 1.6)) / 1000) * 1000;
      const period = currency === 'BRL' ? 'month' : 'year';
      salaries.push({ min: lo, max: Math.round(lo * 1.25), currency: workMode === 'remote' ? 'USD' : currency, period, text: `${lo}–${Math.round(lo * 1.25)} ${currency}`, estimated: false, periodInferred: false });
    } else if (payRoll < 0.72) {
      const hourly = 40 + Math.floor(r() * 80);
      salaries.push({ min: hourly, max: hourly + 15, currency: 'USD', period: 'hour', text: `$${hourly}-$${hourly + 15}/hr`, estimated: false, periodInferred: false });
    }
    const years = r() < 0.8 ? { min: 1 + Math.floor(r() * 10), max: r() < 0.3 ? 12 : null } : null;
    const requirements = Array.from({ length: 3 + Math.floor(r() * 4) }, () => `${pick(r, ['Solid', 'Deep', 'Proven', 'Some'])} ${pick(r, QUALS)} ${pick(r, skills)} for ${pick(r, ADJ)} ${pick(r, DOMAIN)} and ${pick(r, DOMAIN)}`);
    if (years) requirements.unshift(`${years.min}+ years of professional experience`);
    const responsibilities = Array.from({ length: 3 + Math.floor(r() * 4) }, () => `${pick(r, VERBS)} ${pick(r, ADJ)} ${pick(r, DOMAIN)} ${r() < 0.4 ? pick(r, OBJECTS) : pick(r, DOMAIN)} with the ${team ?? 'product'} team`);
    out.push({
      id: postingId(`generated/${seed}/${i}.txt`, 0, ''),
      title, company, team, seniority, locations, workMode, remoteRegions,
      salary: salaries[0] ?? null, salaries, yearsExperience: years,
      requirements, responsibilities,
      niceToHave: r() < 0.5 ? [`Experience with ${pick(r, SKILLS)}`] : [],
      skills, benefits: [pick(r, BENEFITS), pick(r, BENEFITS)],
      education: r() < 0.4 ? "Bachelor's degree in Computer Science or equivalent experience" : null,
      employmentType: r() < 0.9 ? 'full-time' : 'contract',
      summary: `${title} at ${company}${workMode ? `, ${workMode}` : ''}. You will ${pick(r, VERBS).toLowerCase()} ${pick(r, ADJ)} ${pick(r, DOMAIN)} for ${pick(r, DOMAIN)}.`,
      postedAt: null, validThrough: null,
      source: { file: `generated/${i}.txt`, board: null },
      problems: [],
    });
  }
  return out;
}

/** A posting as a job board would show it, about `size` characters, for parse throughput. */
export function renderPostingText(p: Posting, size = 5000): string {
  const pay = p.salary ? `Salary: ${p.salary.text}` : 'Salary: Not listed';
  const head = `${p.title}\n${p.company} · ${p.locations[0] ?? 'Remote'}\n${p.workMode ?? ''}\n\n${pay}\n\nAbout the role\n${p.summary}\n`;
  let body = `\nResponsibilities\n${p.responsibilities.map((x) => `• ${x}`).join('\n')}\n\nRequirements\n${p.requirements.map((x) => `• ${x}`).join('\n')}\n\nBenefits\n${p.benefits.map((x) => `• ${x}`).join('\n')}\n`;
  const filler = `\nAbout us\n${p.company} builds software for teams who care about quality. We are growing quickly and value ownership, kindness and clear writing. `;
  let text = head + body + filler;
  while (text.length < size) text += 'We work in small teams with a lot of trust, ship often and measure what we ship. ';
  body = text.slice(0, size);
  return body;
}

/** 1,000 mixed queries: words, filters, typos. */
export function benchQueries(postings: Posting[], n = 1000): string[] {
  const r = rng(99);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = ['ranking', 'search', 'payments', 'python', 'kubernetes', 'data', 'backend', 'frontend', 'machine learning', 'growth', 'infrastructure', 'recommendations', 'design', 'security', 'mobile', 'platform'];
  const filters = ['remote', 'hybrid', 'senior', 'staff', '150k+', 'berlin', 'london', 'nyc', 'remote europe', 'go', 'pytorch', 'principal', '-ads'];
  const typo = (w: string): string => (w.length < 5 ? w : w.slice(0, 2) + w[3] + w[2] + w.slice(4));
  const companies = [...new Set(postings.map((p) => p.company!))];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 0) out.push(pick(words));
    else if (kind === 1) out.push(`${pick(filters)} ${pick(words)}`);
    else if (kind === 2) out.push(typo(pick(words)));
    else if (kind === 3) out.push(`${pick(filters)} ${pick(filters)} ${pick(words)}`);
    else out.push(`${pick(words)} at ${pick(companies).toLowerCase()}`);
  }
  return out;
}
