// Issue 22 in the browser: every matrix page on the built-in demo in light, dark and presentation (screenshots,
// anchors, no console error, the same results as `zicht analyse`); the researchers' wide sheet chosen in the file
// picker maps on its own; three cells recoded with clicks change coverage and similarity at once, the werkmap keeps
// the workshop version, and the werkmap opened again (and given to the CLI) gives the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, frames, artifacts, root, openPage, pickFiles, setMode, key } from './helpers.mjs';

const env = useApp();
const cli = path.join(root, 'build/zicht');
const wide = path.join(root, 'tests/data/matrix/breed_opgroeien.csv');
const pages = ['matrix', 'kenmerken', 'vormen', 'gelijkenis', 'vergelijken', 'facetten', 'onzekerheid', 'versies', 'kwaliteit'];

function comparable(results) {
  const r = JSON.parse(JSON.stringify(results));
  delete r.input;
  for (const x of r.results || []) for (const f of x.flags || []) delete f.file;
  return r;
}


for (const mode of ['light', 'dark', 'presentation']) {
  test(`every matrix page on the demo (${mode})`, async () => {
    const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
    await waitReady(page);
    if (mode === 'dark') await setMode(page, 'dark');
    for (const id of pages) {
      let s = await openPage(page, 'matrix', id);  // the navigation is hidden while presenting: open, then present
      if (mode === 'presentation') {
        await setMode(page, 'presentation');
        s = await state(page);
      }
      await page.screenshot({ path: path.join(artifacts, `matrix-${mode}-${id}.png`) });
      assert.ok(s.results.results.length > 0, `${id} has results`);
      if (id === 'matrix') {
        assert.ok(s.anchors['matrix.banner'], 'the "kleurcodes zijn indicatief" banner is on screen');
        if (mode === 'presentation') {  // the larger type puts the grid lower: scroll to it, as a presenter would
          await page.mouse.move(900, 500);
          await page.mouse.wheel(0, 400);
          await frames(page, 4);
          s = await state(page);
          await page.screenshot({ path: path.join(artifacts, `matrix-${mode}-${id}-grid.png`) });
        }
        assert.ok(s.anchors['matrix.cell.1g1p.D1'], 'the grid draws its first cell');
        assert.ok(s.anchors['matrix.legend.NFD']);
        // A click on a cell opens its detail and the recoding buttons next to the pointer.
        await clickAnchor(page, 'matrix.cell.caw_trajecten.D2');
        await frames(page, 3);
        s = await state(page);
        assert.ok(s.anchors['matrix.recode.P'] && s.anchors['matrix.detail.title']);
        await page.screenshot({ path: path.join(artifacts, `matrix-${mode}-detail.png`) });
        await page.keyboard.press('Escape');
        await frames(page, 3);
      }
      if (mode === 'presentation') {
        await key(page, 'F9');
        await page.waitForFunction(() => window.zichtState().presentation === false);
      }
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the demo\'s matrix pages equal zicht analyse on the same demo file', async () => {
  const { context, page } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  const dir = fs.mkdtempSync(path.join(artifacts, 'matrix-cli-'));
  const file = path.join(dir, 'demo_matrix_cellen.csv');
  execFileSync(cli, ['demo', '--profile', 'matrix', '--part', 'cells', '--out', file]);
  const all = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'matrix', '--lang', 'nl', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  for (const id of pages) {
    const s = await openPage(page, 'matrix', id);
    const ids = s.results.results.map((r) => r.id);
    const cliPart = comparable({ ...all, results: all.results.filter((r) => ids.includes(r.id)) });
    const app = comparable(s.results);
    assert.deepEqual(app.results, cliPart.results, `page ${id}`);
  }
  await context.close();
});

test('the wide sheet maps on its own; three recoded cells change coverage and similarity, and the werkmap keeps them', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await pickFiles(page, wide);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'breed_opgroeien.csv'));
  let s = await state(page);
  const f = s.files.find((x) => x.name === 'breed_opgroeien.csv');
  assert.equal(f.profile, 'matrix');
  s = await openPage(page, 'matrix', 'kenmerken');
  const before = s.results.results.find((r) => r.id === 'matrix.coverage_rows');
  s = await openPage(page, 'matrix', 'gelijkenis');
  const simBefore = s.results.results.find((r) => r.id === 'matrix.similarity');
  await openPage(page, 'matrix', 'matrix');
  // Three cells of 1G1P, each recoded with one click on the cell and one on the class.
  const recodes = [['1g1p', 'D2', 'NP'], ['brugfiguren', 'D2', 'NP'], ['buddys', 'D2', 'NP']];
  for (const [form, ch, code] of recodes) {
    await clickAnchor(page, `matrix.cell.${form}.${ch}`);
    await clickAnchor(page, `matrix.recode.${code}`);
    await frames(page, 3);
  }
  s = await state(page);
  const settings = s.werkmap.doc.profiles.matrix.settings;
  assert.equal(settings.active, 'workshop');
  assert.deepEqual(settings.recodings[0].cells, { '1g1p|D2': 'NP', 'brugfiguren|D2': 'NP', 'buddys|D2': 'NP' });
  await page.screenshot({ path: path.join(artifacts, 'matrix-recoded.png') });
  s = await openPage(page, 'matrix', 'kenmerken');
  const after = s.results.results.find((r) => r.id === 'matrix.coverage_rows');
  const d2 = (r) => r.tables.find((t) => t.id === 'rows').rows.find((x) => x[0] === 'D2');
  assert.notDeepEqual(d2(after), d2(before), 'coverage of D2 changed');
  s = await openPage(page, 'matrix', 'gelijkenis');
  const simAfter = s.results.results.find((r) => r.id === 'matrix.similarity');
  assert.notDeepEqual(simAfter.tables.find((t) => t.id === 'pairs'), simBefore.tables.find((t) => t.id === 'pairs'));
  s = await openPage(page, 'matrix', 'versies');
  const dis = s.results.results[0].tables.find((t) => t.id === 'disagreements');
  assert.equal(dis.rows.length, 3);

  // The werkmap, saved and opened again in a fresh app with the same sheet, brings the workshop version back.
  const dir = fs.mkdtempSync(path.join(artifacts, 'matrix-werkmap-'));
  const saved = path.join(dir, 'zicht-werkmap.json');
  fs.writeFileSync(saved, JSON.stringify(s.werkmap.doc));
  const cliOut = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'matrix', '--lang', 'nl', '--settings', saved, wide],
                                         { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const cliVersions = cliOut.results.find((r) => r.id === 'matrix.versions');
  assert.deepEqual(cliVersions.tables, s.results.results[0].tables, 'the CLI with the werkmap agrees');
  assert.deepEqual(log.errors, []);
  await context.close();

  const second = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(second.page);
  await pickFiles(second.page, wide);
  await second.page.waitForFunction(() => window.zichtState().files.some((x) => x.name === 'breed_opgroeien.csv'));
  await pickFiles(second.page, saved);
  await second.page.waitForFunction(() => window.zichtState().werkmap.doc.profiles?.matrix?.settings?.active === 'workshop');
  const again = await openPage(second.page, 'matrix', 'versies');
  assert.deepEqual(again.results.results[0].tables, s.results.results[0].tables);
  assert.deepEqual(second.log.errors, []);
  await second.context.close();
});
