import { readFileSync } from 'node:fs';
import { DEMO_SITE } from './demo-site.js';
import { type SiteConfig, SiteConfigError } from './site-config.js';

/** Could not read or parse a `--sites` file. */
export class SitesFileError extends Error {
  override readonly name = 'SitesFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The sites file ${path} ${reason}.`, options);
  }
}

/**
 * The sites the bin serves: a `--sites` JSON file (a list of site configurations, or `{ "sites": [...] }`),
 * the demo site when asked for or when there is no file, and the environment's identity secret and
 * extra CORS origins applied to every site.
 */
export function loadSites(options: {
  sitesFile?: string;
  demo?: boolean;
  identitySecret?: string;
  allowedOrigins?: string;
}): SiteConfig[] {
  let sites: SiteConfig[] = [];
  if (options.sitesFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(options.sitesFile, 'utf8'));
    } catch (error) {
      throw new SitesFileError(options.sitesFile, 'could not be read as JSON', { cause: error });
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { sites?: unknown } | null)?.sites;
    if (!Array.isArray(list)) throw new SiteConfigError('sites', 'must be a list of site configurations');
    sites = list as SiteConfig[];
  }
  if (sites.length === 0 || (options.demo && !sites.some((site) => site.siteKey === DEMO_SITE.siteKey))) {
    sites = [...sites, DEMO_SITE];
  }
  const extraOrigins = (options.allowedOrigins ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  return sites.map((site) => {
    const withEnvironment: SiteConfig = { ...site };
    if (options.identitySecret && !site.identitySecret)
      withEnvironment.identitySecret = options.identitySecret;
    if (extraOrigins.length > 0) {
      withEnvironment.allowedOrigins = [
        ...(site.allowedOrigins ?? ['http://127.0.0.1:*', 'http://localhost:*']),
        ...extraOrigins,
      ];
    }
    return withEnvironment;
  });
}
