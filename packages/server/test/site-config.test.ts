import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE, SiteConfigError } from '../src/index.js';
import { loadSites } from '../src/load-sites.js';
import { originAllowed, resolveSite } from '../src/site-config.js';
import { startTestServer } from './helpers.js';

describe('site configuration', () => {
  it('ships sites.demo.json equal to the built-in demo site', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'sites.demo.json'), 'utf8'));
    expect(file).toEqual([DEMO_SITE]);
  });

  it('names the field that is wrong', () => {
    expect(() => resolveSite({ siteKey: 'a' })).toThrow(SiteConfigError);
    expect(() => resolveSite({ siteKey: 'a' })).toThrow('sites[0].name');
    expect(() =>
      resolveSite({ siteKey: 'a', name: 'A', businessHours: { timezone: 'Mars/Olympus', weekly: [] } }),
    ).toThrow('sites[0].businessHours.timezone');
    expect(() => resolveSite({ siteKey: 'a', name: 'A', identityRequired: true })).toThrow('identitySecret');
  });

  it('refuses to start with a broken site', async () => {
    await expect(startTestServer({ sites: [{ siteKey: '', name: 'x' }] })).rejects.toThrow(SiteConfigError);
  });

  it('matches origins exactly or by port wildcard', () => {
    const patterns = ['http://localhost:*', 'https://shop.example'];
    expect(originAllowed('http://localhost:5173', patterns)).toBe(true);
    expect(originAllowed('https://shop.example', patterns)).toBe(true);
    expect(originAllowed('http://localhost.evil.example:80', patterns)).toBe(false);
    expect(originAllowed('http://localhost:', patterns)).toBe(false);
    expect(originAllowed('https://shop.example.evil', patterns)).toBe(false);
  });

  it('loads a sites file, adds the demo on --demo and applies the environment secret and origins', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sapa-sites-'));
    try {
      const path = join(folder, 'sites.json');
      writeFileSync(path, JSON.stringify([{ siteKey: 'shop', name: 'Shop', identitySecret: 'own' }]));
      const sites = loadSites({
        sitesFile: path,
        demo: true,
        identitySecret: 'from-env',
        allowedOrigins: 'https://a.example, https://b.example',
      });
      expect(sites.map((site) => site.siteKey)).toEqual(['shop', 'demo']);
      expect(sites[0]?.identitySecret).toBe('own');
      expect(sites[1]?.identitySecret).toBe('from-env');
      expect(sites[0]?.allowedOrigins).toEqual([
        'http://127.0.0.1:*',
        'http://localhost:*',
        'https://a.example',
        'https://b.example',
      ]);
      expect(loadSites({}).map((site) => site.siteKey)).toEqual(['demo']);
      writeFileSync(path, '{ nope');
      expect(() => loadSites({ sitesFile: path })).toThrow(
        `The sites file ${path} could not be read as JSON.`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
