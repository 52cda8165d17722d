import type { BrowserContext, Page } from 'playwright-core';
import { PAPERLEAF_HOST } from './sites/paperleaf';
import { SOCIAL_HOST } from './sites/social';
import type { DemoWorld } from './world';

/**
 * Signs in to the social demo platform, then to the reading club that embeds its Like button, as a
 * person would (the forms, not cookies planted by hand). Returns the reading club's page.
 */
export async function signIntoPaperleaf(context: BrowserContext, world: DemoWorld): Promise<Page> {
  const social = await context.newPage();
  await social.goto(world.url(SOCIAL_HOST, '/'));
  await social.locator('#social-login').click();
  await social.waitForSelector('#social-state[data-state="signed-in"]');
  await social.close();
  const page = await context.newPage();
  await page.goto(world.url(PAPERLEAF_HOST, '/'));
  await page.locator('#login').click();
  await page.waitForSelector('#login-state[data-state="logged-in"]');
  return page;
}
