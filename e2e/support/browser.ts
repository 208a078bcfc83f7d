import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

/**
 * Launches Debian's Chromium (or $CHROMIUM_PATH) headless. Throws, never skips, when there is none:
 * `npm test` installs it or names CHROMIUM_PATH before tests start.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chromium found: install Debian’s chromium package or set CHROMIUM_PATH to its binary.',
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
}
