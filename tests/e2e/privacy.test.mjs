// Issue 11, zero egress: with real data loaded, every page visited and every export used, the page makes no
// network request at all (the Content-Security-Policy forbids it; this proves it in practice), and nothing is
// written to the browser's storage unless the user asked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, waitReady, state, clickAnchor, dist } from './helpers.mjs';

let server, browser, base;
before(async () => {
  server = await serve(dist);
  base = `http://127.0.0.1:${server.address().port}/zicht.html`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

const exportSuffixes = ['.csv', '.report_page', '.report_all', '.json', '.png', '.svg', '.copy', '.aggregate'];

test('zero egress: every page, every export, no network request', async () => {
  const { context, page, log } = await openApp(browser, base);
  await waitReady(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  assert.ok((await state(page)).files.length >= 3, 'the demo SofS export and Binc files are loaded');
  const navs = Object.keys((await state(page)).anchors).filter((a) => a.startsWith('nav.'));
  assert.ok(navs.length >= 10, `navigation lists the pages (${navs.join(', ')})`);
  let clicked = 0;
  for (const nav of navs) {
    await clickAnchor(page, nav);
    await page.waitForTimeout(150);
    const anchors = (await state(page)).anchors;
    const exports = Object.entries(anchors).filter(([name, r]) =>
      exportSuffixes.some((s) => name.endsWith(s)) && r[1] > 30 && r[1] + r[3] < 760);
    for (const [name] of exports.slice(0, 6)) {
      await clickAnchor(page, name);
      await page.waitForTimeout(120);
      clicked++;
    }
  }
  await page.waitForTimeout(500);
  assert.ok(clicked >= 10, `used ${clicked} exports`);
  assert.ok(downloads.length >= 5, `downloads: ${downloads.join(', ')}`);
  const other = log.requests.filter((u) => u !== base && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(other, [], 'the page made network requests');
  // Only the key the test itself set (the remembered tour) is in storage: no data, no settings unasked.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['zicht.tour']);
  assert.deepEqual(log.errors, []);
  await context.close();
});
