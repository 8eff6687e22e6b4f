/**
 * Screenshots of every page kind in each interface language, light and dark, desktop and phone, for
 * people to look at (`npm run screenshots` → screenshots/). Asserts nothing beyond the pages loading.
 */
import { mkdirSync } from 'node:fs';
import { test } from './fixtures';
import { emulatePrint, locales, pages, sample } from './site';

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const schemes = ['light', 'dark'] as const;

mkdirSync('screenshots', { recursive: true });
// Each test loads and photographs a dozen pages.
test.describe.configure({ timeout: 90_000 });

for (const [device, viewport] of Object.entries(viewports)) {
  for (const scheme of schemes) {
    test(`root ${device} ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme: scheme, javaScriptEnabled: false, isMobile: device === 'phone' });
      const page = await context.newPage();
      await page.goto('/');
      await page.screenshot({ path: `screenshots/root-${device}-${scheme}.png`, fullPage: true });
      await context.close();
    });
    for (const locale of locales) {
      test(`${locale} ${device} ${scheme}`, async ({ browser }) => {
        // A dozen pages and states in one test.
        test.slow();
        const { slug, paragraph, noteAnchor } = await sample();
        const context = await browser.newContext({ viewport, colorScheme: scheme, isMobile: device === 'phone', hasTouch: device === 'phone' });
        const page = await context.newPage();
        const shot = async (name: string, fullPage = true) =>
          page.screenshot({ path: `screenshots/${name}-${locale}-${device}-${scheme}.png`, fullPage });
        await page.goto(pages.library(locale));
        await shot('library');
        await page.goto(pages.reader(locale, slug, 'ru-ja-en'));
        await shot('reader');
        if (device === 'desktop' && scheme === 'light') {
          await emulatePrint(page);
          await shot('reader-print');
          await page.emulateMedia({ media: 'screen' });
        }
        await page.goto(`${pages.reader(locale, slug, 'ru-ja-en')}#${paragraph.id}`);
        await page.locator(`[id="${paragraph.id}"] a[data-term]`).first().hover();
        await shot('reader-tooltip', false);
        // The keyboard: a row's number focused by Tab (the hint shows), then a name in it by →.
        await page.goto(`${pages.reader(locale, slug, 'ru-ja-en')}#${paragraph.id}`);
        await page.locator(`[id="${paragraph.id}"]`).locator('xpath=preceding-sibling::*[@data-pid][1]').locator('.pilcrow').focus();
        await page.keyboard.press('Tab');
        await shot('reader-keys-number', false);
        while (!(await page.evaluate(() => document.activeElement?.matches('a[data-term]')))) await page.keyboard.press('ArrowRight');
        await shot('reader-keys-name', false);
        if (noteAnchor) {
          await page.goto(`${pages.reader(locale, slug, 'ja-en-ru')}#${noteAnchor.block}`);
          await page.locator(`[id="${noteAnchor.block}"] .note-ref > a`).first().hover();
          await shot('reader-note', false);
        }
        await page.goto(`${pages.reader(locale, slug, 'ru-ja-en')}#no-such-paragraph`);
        await shot('reader-unknown-hash', false);
        if (device === 'phone') {
          await page.goto(`${pages.reader(locale, slug, 'ja-ru-en')}#${paragraph.id}`);
          await page.locator(`[id="${paragraph.id}"] .tools-toggle`).tap();
          await shot('reader-row-tools', false);
          await page.locator(`[id="${paragraph.id}"] .reveal label:visible`).first().tap();
          await shot('reader-revealed', false);
        }
        await page.goto(pages.glossary(locale));
        await shot('glossary');
        await page.goto(pages.missing(locale));
        await shot('404');
        await context.close();
      });
    }
  }
}
