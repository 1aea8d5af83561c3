// Issue 19 in the browser: an .xlsx and a .sav chosen in the real file picker read to the same table and the same
// pages as the CSV they came from; a SofS-dashboard workbook (title rows, Excel dates, a notes sheet) maps on its
// own and gives the built-in demo's pages; a workbook with several data sheets asks which, and the werkmap keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, openApp, waitReady, state, clickAnchor, frames, artifacts, root, openPage, pickFiles, setMode } from './helpers.mjs';

const env = useApp();
const data = (rel) => path.join(root, 'tests/data', rel);

// Ctrl+O opens the browser's file picker, as a user would; the file is chosen there.
async function pick(page, file) {
  await pickFiles(page, file);
  const name = path.basename(file);
  await page.waitForFunction((n) => window.zichtState().files.some((f) => f.name === n) ||
                                    window.zichtState().errors.some((e) => e.file === n), name, { timeout: 30000 });
  const s = await state(page);
  assert.deepEqual(s.errors, [], `${name} read without errors`);
  return s.files.find((f) => f.name === name);
}


// The results on a page without what names the input (file name, SHA-256, and the flags' file and row; for an SPSS
// file also the flags' column: SPSS variable names have no spaces or "&", so "W&P" is the variable W_P there, with
// "W&P" as its label).
function comparable(results, column = true) {
  const r = JSON.parse(JSON.stringify(results));
  delete r.input;
  for (const x of r.results || []) for (const f of x.flags || []) { delete f.file; delete f.row; if (!column) delete f.column; }
  return r;
}

async function pagesOf(file, profile, ids, shot, column = true) {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const f = await pick(page, file);
  const out = { file: f, pages: {} };
  for (const id of ids) {
    const s = await openPage(page, profile, id);
    out.pages[id] = comparable(s.results, column);
    if (shot) await page.screenshot({ path: path.join(artifacts, `formats-${shot}-${id}.png`) });
  }
  out.profile = (await state(page)).files.find((x) => x.name === f.name).profile;
  assert.deepEqual(log.errors, []);
  await context.close();
  return out;
}

for (const kind of ['xlsx', 'sav']) {
  test(`a .${kind} chosen in the file picker gives the same table and SofS pages as its CSV`, async () => {
    const ids = ['overzicht', 'stappen', 'plan_b'];
    const column = kind !== 'sav';
    const csv = await pagesOf(data('profiles/sofs_export.csv'), 'sofs', ids, undefined, column);
    const other = await pagesOf(data(kind === 'xlsx' ? 'workbooks/sofs_export.xlsx' : 'stat/sofs_export.sav'), 'sofs', ids,
                                kind, column);
    assert.equal(other.file.format, kind);
    assert.equal(other.file.rows, csv.file.rows);
    assert.equal(other.file.columns, csv.file.columns);
    assert.equal(other.profile, 'sofs');
    for (const id of ids) {
      assert.ok(csv.pages[id].results.length > 0, `${id} has results`);
      assert.deepEqual(other.pages[id], csv.pages[id], `page ${id}`);
    }
  });
}

test('a SofS-dashboard workbook maps on its own and gives the built-in demo\'s pages', async () => {
  // The built-in demo's pages first (the same 370 trajectories as tests/data/workbooks/sofs_dashboard.xlsx).
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  const ids = ['stappen', 'duur'];
  const demo = {};
  for (const id of ids) demo[id] = comparable((await openPage(page, 'sofs', id)).results);
  const f = await pick(page, data('workbooks/sofs_dashboard.xlsx'));
  assert.equal(f.rows, 370);
  assert.deepEqual(f.workbook, { sheet: 'Registraties', sheets: 2, header_row: 4 });
  // Two sheets hold data: the app asks which, the data sheet already chosen.
  await page.waitForFunction(() => window.zichtState().sheet_question === 'sofs_dashboard.xlsx');
  await frames(page, 2);
  await page.screenshot({ path: path.join(artifacts, 'formats-dashboard-question.png') });
  await clickAnchor(page, 'workbook.question.keep');
  await page.waitForFunction(() => window.zichtState().sheet_question === '');
  const s = await state(page);
  assert.equal(s.files.find((x) => x.name === 'sofs_dashboard.xlsx').profile, 'sofs');
  for (const id of ids) {
    const shown = comparable((await openPage(page, 'sofs', id)).results);
    assert.deepEqual(shown, demo[id], `page ${id}`);
  }
  await page.screenshot({ path: path.join(artifacts, 'formats-dashboard-duur.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});


for (const mode of ['light', 'dark', 'presentation']) test(`a workbook with several data sheets (${mode}): the chosen sheet is read and kept in the werkmap`, async () => {
  const { context, page, log } = await openApp(env.browser, env.base);
  await waitReady(page);
  await setMode(page, mode);
  const f = await pick(page, data('workbooks/binc_sheets.xlsx'));
  assert.equal(f.workbook.sheet, 'Gegevens');
  await page.waitForFunction(() => window.zichtState().sheet_question === 'binc_sheets.xlsx');
  await frames(page, 2);
  await page.screenshot({ path: path.join(artifacts, `formats-sheets-question-${mode}.png`) });
  await clickAnchor(page, 'workbook.question.sheet.2');  // "Notities" (hidden in the workbook)
  await page.waitForFunction(() => window.zichtState().files.find((x) => x.name === 'binc_sheets.xlsx').workbook.sheet === 'Notities');
  const s = await state(page);
  assert.equal(s.sheet_question, '');
  assert.equal(s.files.find((x) => x.name === 'binc_sheets.xlsx').rows, 1);
  assert.deepEqual(s.werkmap.doc.files, { 'binc_sheets.xlsx': { sheet: 'Notities' } });
  // The Gegevens page shows the choice and offers the others.
  await clickAnchor(page, 'nav.data');
  await page.waitForFunction(() => !!window.zichtState().anchors['workbook.0.sheet']);
  await page.screenshot({ path: path.join(artifacts, `formats-data-page-sheet-${mode}.png`) });
  await clickAnchor(page, 'workbook.0.sheet');
  await page.waitForFunction(() => !!window.zichtState().anchors['workbook.0.sheet_item.1']);
  await clickAnchor(page, 'workbook.0.sheet_item.1');
  await page.waitForFunction(() => window.zichtState().files.find((x) => x.name === 'binc_sheets.xlsx').workbook.sheet === 'Gegevens');
  assert.deepEqual((await state(page)).werkmap.doc.files, { 'binc_sheets.xlsx': { sheet: 'Gegevens' } });
  assert.deepEqual(log.errors, []);
  await context.close();
});
