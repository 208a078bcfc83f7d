import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core found wrong on a console page: each rule once, with the elements it names. */
export interface ConsoleAxeViolation {
  id: string;
  nodes: string[];
}

/**
 * Runs axe-core on the whole console page. Evaluated rather than added as a <script>: the console's CSP allows
 * no script but its own, and keeps it so.
 */
export async function axeViolations(page: Page): Promise<ConsoleAxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
}
