import { expect, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers';

/** "desktop" or "phone": which of the journeys' two sizes this run is. */
export const size = (info: TestInfo) => (info.project.name.endsWith('phone') ? 'phone' : 'desktop');

/** A login no other test or size uses. */
export const unique = (prefix: string, info: TestInfo) =>
  `${prefix}-${size(info)[0]}${Date.now().toString(36)}`.slice(0, 39);

/**
 * What every page a journey visits must hold: no accessibility violation (axe), and no sideways
 * scrolling of the page itself (wide content scrolls in its own frame). With SCREENSHOTS set to a
 * folder (make screenshots), the page is saved there as `<name>-<size>.png` for the README.
 */
export async function visited(page: Page, info: TestInfo, name?: string) {
  await expectNoAxeViolations(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  const folder = process.env.SCREENSHOTS;
  if (name && folder) await page.screenshot({ path: `${folder}/${name}-${size(info)}.png` });
}
