// Issue 8 (part): the templates offered on the start page load back with no mapping changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openApp, waitReady, state, clickAnchor, dist, artifacts } from './helpers.mjs';

let server, browser, base;
before(async () => {
  server = await serve(dist);
  base = `http://127.0.0.1:${server.address().port}/zicht.html`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

test('each template downloads from the start page and maps without changes', async () => {
  const { context, page, log } = await openApp(browser, base);
  await waitReady(page);
  const expected = { 'sofs.csv': 'sofs', 'binc_modules.csv': 'binc', 'binc_clients.csv': 'binc' };
  for (const [file, profile] of Object.entries(expected)) {
    const dl = page.waitForEvent('download', { timeout: 10000 });
    await clickAnchor(page, `start.template.${file}`);
    const download = await dl;
    assert.equal(download.suggestedFilename(), `zicht-sjabloon-${file}`);
    const saved = path.join(artifacts, download.suggestedFilename());
    await download.saveAs(saved);
    const text = fs.readFileSync(saved, 'utf8');
    await page.evaluate(([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [`template-${file}`, text]);
    await page.waitForFunction((n) => window.zichtState().files.some((f) => f.name === n), `template-${file}`);
    const s = await state(page);
    const p = s.profiles.find((x) => x.file === `template-${file}`);
    assert.equal(p.profile, profile, `${file} is recognised as ${profile}`);
    assert.deepEqual(p.unmatched_required ?? [], []);
    assert.equal(p.validation.rows_in, 2);
    assert.equal(p.validation.rows_excluded, 0);
    for (const [field, m] of Object.entries(p.mapping)) if (m.column) assert.equal(m.method, 'exact', `${file}: ${field}`);
    // Back to the start page for the next template.
    await clickAnchor(page, 'nav.start');
    await page.waitForFunction(() => window.zichtState().app.page === 'start');
    await page.waitForTimeout(100);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
