// Job links: which URLs are board job pages, and the bounded fetch behind reading them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardLink, readPostingLink } from '../../src/sources/links.ts';
import { assertPublicHost, fetchPage, isPrivateAddress } from '../../src/sources/page.ts';
import { TestWeb } from '../support/web.ts';

describe('boardLink', () => {
  it('recognises job pages on Greenhouse, Lever and Ashby', () => {
    expect(boardLink('https://boards.greenhouse.io/acme/jobs/123')).toEqual({ kind: 'greenhouse', board: 'acme', job: '123' });
    expect(boardLink('https://job-boards.greenhouse.io/acme/jobs/123?gh_src=x')).toEqual({ kind: 'greenhouse', board: 'acme', job: '123' });
    expect(boardLink('https://boards.greenhouse.io/embed/job_app?for=acme&token=77')).toEqual({ kind: 'greenhouse', board: 'acme', job: '77' });
    expect(boardLink('https://jobs.lever.co/globex/0b7e-11/apply')).toEqual({ kind: 'lever', board: 'globex', job: '0b7e-11' });
    expect(boardLink('https://jobs.ashbyhq.com/initech/f00d-1')).toEqual({ kind: 'ashby', board: 'initech', job: 'f00d-1' });
  });

  it('leaves everything else alone', () => {
    for (const u of ['https://boards.greenhouse.io/acme', 'https://boards.greenhouse.io/acme/jobs/abc', 'https://jobs.lever.co/', 'https://evil.example/acme/jobs/1', 'https://boards.greenhouse.io.evil.example/acme/jobs/1', 'not a url', 'ftp://jobs.lever.co/a/b']) {
      expect(boardLink(u)).toBeNull();
    }
  });
});

describe('fetchPage', () => {
  let board: TestWeb;
  beforeAll(async () => {
    board = await new TestWeb().start();
    board
      .on('/moved', (_req, res) => {
        res.writeHead(301, { location: '/job.html' });
        res.end();
      })
      .on('/job.html', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Night Shift Baker","hiringOrganization":{"name":"Crumb Works"},"jobLocation":{"address":{"addressLocality":"Leeds","addressCountry":"GB"}}}</script>');
      })
      .on('/declared-huge', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        res.write('x');
      })
      .on('/loop', (_req, res) => {
        res.writeHead(302, { location: '/loop' });
        res.end();
      });
  });
  afterAll(() => board.stop());

  it('follows redirects on the same host and reads a JobPosting page', async () => {
    const [p] = await readPostingLink(`${board.url}/moved`, { file: 'slack/draft', privateHosts: ['127.0.0.1'] });
    expect(p).toMatchObject({ title: 'Night Shift Baker', company: 'Crumb Works', source: { url: `${board.url}/moved` } });
  });

  it('stops at a declared size, at endless redirects, and at a page without a JobPosting', async () => {
    await expect(fetchPage(`${board.url}/declared-huge`, { timeoutMs: 2000, maxBytes: 1024 })).rejects.toThrow(/larger than 1 KB/);
    await expect(fetchPage(`${board.url}/loop`, { timeoutMs: 2000, maxBytes: 1024 })).rejects.toThrow(/redirected too many times/);
    await expect(readPostingLink(`${board.url}/nothing-here`, { file: 'x', privateHosts: ['127.0.0.1'] })).rejects.toThrow(/HTTP 404/);
  });

  it('will not read the server’s own network unless the host is allowed by name', async () => {
    await expect(readPostingLink(`${board.url}/job.html`, { file: 'x' })).rejects.toThrow(/inside this network/);
    await expect(assertPublicHost('http://[::1]:8080/')).rejects.toThrow(/inside this network/);
    await expect(assertPublicHost('http://localhost/')).rejects.toThrow(/inside this network/);
    for (const ip of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.20.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2606:4700::1111']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses IPv6 forms that carry a private IPv4 address, however the URL parser rewrites them', async () => {
    for (const url of ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:169.254.169.254]/latest/meta-data/', 'http://[::ffff:10.0.0.1]/', 'http://[::127.0.0.1]/', 'http://[0:0:0:0:0:ffff:7f00:1]/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[fc00::1]/', 'http://[fe80::1]/', 'http://[::]/', 'http://0x7f.1/', 'http://2130706433/']) {
      await expect(assertPublicHost(url), url).rejects.toThrow(/inside this network/);
    }
    for (const ip of ['::ffff:7f00:1', '::ffff:a9fe:a9fe', '::ffff:a00:1', '::7f00:1', '64:ff9b::808:808', 'ff02::1', '224.0.0.1', '0.1.2.3', 'not-an-address']) expect(isPrivateAddress(ip), ip).toBe(true);
  });

  it('lets public addresses through, IPv4 inside IPv6 included', async () => {
    for (const ip of ['1.1.1.1', '100.63.0.1', '::ffff:808:808', '::ffff:8.8.8.8', '2001:4860:4860::8888']) expect(isPrivateAddress(ip), ip).toBe(false);
    await expect(assertPublicHost('http://[::ffff:8.8.8.8]/')).resolves.toBeUndefined();
    await expect(assertPublicHost('http://1.1.1.1/')).resolves.toBeUndefined();
  });

  it('checks the address it connects to, not only the one it looked up first (DNS rebinding)', async () => {
    // No check beforehand: the connection itself refuses a name that resolves inside the network.
    const local = board.url.replace('127.0.0.1', 'localhost');
    await expect(fetchPage(`${local}/job.html`, { timeoutMs: 2000, maxBytes: 1 << 20 }, undefined, [])).rejects.toThrow(/localhost is an address inside this network/);
    const page = await fetchPage(`${local}/job.html`, { timeoutMs: 2000, maxBytes: 1 << 20 }, undefined, ['localhost']);
    expect(page.text).toMatch(/JobPosting/);
  });

  it('still reads a private host the operator allowed by name', async () => {
    await expect(assertPublicHost('http://intranet.example:8080/job', ['intranet.example'])).resolves.toBeUndefined();
    await expect(assertPublicHost('http://[::ffff:127.0.0.1]/', ['::ffff:7f00:1'])).resolves.toBeUndefined();
    const [p] = await readPostingLink(`${board.url}/job.html`, { file: 'slack/draft', privateHosts: ['127.0.0.1'] });
    expect(p?.title).toBeTruthy();
  });
});
