// Profiles in the browser: a SofS export and a Binc module + client file map automatically; the Koppeling and
// Datakwaliteit pages show the mapping and the planted problems; a werkmap saved in the app gives the CLI
// (build/zicht inspect --profile … --settings …) the same mapping and validation counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, distinctColours, dist, artifacts, root } from './helpers.mjs';

const env = useApp();
const data = path.join(root, 'tests/data/profiles');
const cli = path.join(root, 'build/zicht');

// Drops files (name → bytes) on the page the way a user drags them from the desktop.
async function drop(page, files) {
  const payload = files.map(([name, bytes]) => [name, Array.from(bytes)]);
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, arr] of list) dt.items.add(new File([new Uint8Array(arr)], name));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

async function settle(page) {
  await page.waitForTimeout(150);
}

function profileOf(s, name) {
  return s.profiles.find((p) => p.file === name);
}

// The planted problems of tests/data/profiles/sofs_export.csv (see make_files.py there).
const sofsPlanted = [
  [4, 'Netwerkberaden', 'date_in_count'],
  [5, 'Veiligheidsplan volwassenen', 'impossible_date'],
  [6, 'W&P', 'step_after_end'],
  [7, 'Netwerkberaden', 'date_in_count'],
  [8, 'Veiligheidsplan volwassenen', 'step_before_start'],
  [9, 'Identificatiecode', 'row_no_identifier'],
  [10, 'Startdatum traject', 'row_no_start'],
  [11, 'Typering casus', 'not_in_code_list'],
  [13, 'Einddatum', 'end_before_start'],
  [14, 'Gevaarsboodschap', 'date_out_of_range'],
  [16, 'Veiligheidsschaal', 'invalid_date'],
  [17, 'Netwerkberaden', 'out_of_range'],
  [18, 'Identificatiecode', 'duplicate_identifier'],
  [19, 'Plan B', 'not_in_code_list'],
  [20, 'Veiligheidsdoel CB', 'invalid_bool'],
];

test('a SofS export maps automatically, a recoding is made with a click, and the saved werkmap gives the CLI the same numbers', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await drop(page, [['sofs_export.csv', fs.readFileSync(path.join(data, 'sofs_export.csv'))]]);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'sofs_export.csv'));
  let s = await state(page);
  assert.equal(s.files.length, 1, 'the user file replaces the sample');
  assert.equal(s.files[0].encoding, 'windows-1252');
  assert.equal(s.files[0].profile, 'sofs');
  let p = profileOf(s, 'sofs_export.csv');
  assert.equal(p.profile, 'sofs');
  assert.equal(p.auto, true);
  assert.deepEqual(p.unmatched_required, []);
  assert.equal(p.mapping.start_cb.column, 'Startdatum traject');
  assert.equal(p.mapping.woord_en_beeld.column, 'W&P');
  assert.equal(p.mapping.mapping_familie.column, 'Mapping met familie');
  assert.equal(p.mapping.netwerkberaden.column, 'Netwerkberaden');
  assert.equal(p.mapping.plan_b_in_werking.column, 'Plan B in werking');
  assert.equal(p.mapping.typering.column, 'Typering casus');
  assert.equal(p.mapping.start_cb.confidence, 1);
  assert.equal(Object.keys(p.mapping).length, 22);
  assert.equal(p.validation.rows_in, 20);
  assert.equal(p.validation.rows_used, 18);
  assert.equal(p.validation.rows_excluded, 2);
  assert.equal(p.validation.flags_total, 15);
  assert.deepEqual(p.validation.first_flags.map((f) => [f.row, f.column, f.rule]), sofsPlanted);
  assert.equal(p.validation.first_flags[0].value, '12/03/2022');

  // The Koppeling page: the out-of-list value "Emotioneel" is mapped to EM with two clicks.
  await clickAnchor(page, 'nav.mapping');
  await settle(page);
  s = await state(page);
  assert.equal(s.app.page, 'mapping');
  await page.screenshot({ path: path.join(artifacts, 'profiles-mapping.png') });
  await clickAnchor(page, 'mapping.recode.0.typering.Emotioneel');
  await settle(page);
  await clickAnchor(page, 'mapping.recode_item.EM');
  await page.waitForFunction(() => window.zichtState().profiles[0].validation.flags_total === 14);
  p = profileOf(await state(page), 'sofs_export.csv');
  assert.equal(p.validation.flags_by_rule.not_in_code_list, 1);
  assert.equal(p.unlisted.find((u) => u.value === 'Emotioneel').recoded_to, 'EM');
  await page.screenshot({ path: path.join(artifacts, 'profiles-mapping-recoded.png') });

  // Save the werkmap.
  const downloadPromise = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'mapping.save_werkmap');
  const download = await downloadPromise;
  assert.equal(download.suggestedFilename(), 'zicht-werkmap.json');
  const saved = path.join(artifacts, 'zicht-werkmap.json');
  await download.saveAs(saved);
  const werkmap = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.equal(werkmap.schema, 'zicht.werkmap/2');
  assert.equal(werkmap.profiles.sofs.recode.typering.Emotioneel, 'EM');
  assert.equal(werkmap.profiles.sofs.columns.start_cb, 'Startdatum traject');
  assert.ok(!JSON.stringify(werkmap).includes('SOFS-0'), 'a werkmap never holds data');

  // The CLI with that werkmap: the same mapping and the same validation counts.
  const out = execFileSync(cli, ['inspect', '--profile', 'sofs', '--settings', saved, path.join(data, 'sofs_export.csv')],
                           { encoding: 'utf8' });
  const inspect = JSON.parse(out);
  const app = profileOf(await state(page), 'sofs_export.csv');
  const cols = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.column]));
  assert.deepEqual(cols(inspect.mapping), cols(app.mapping));
  for (const key of ['rows_in', 'rows_used', 'rows_excluded', 'flags_total'])
    assert.equal(inspect.validation[key], app.validation[key], key);
  assert.deepEqual(inspect.validation.flags_by_rule, app.validation.flags_by_rule);
  assert.equal(inspect.as_of, app.as_of);

  // Datakwaliteit: the list with original row numbers, and its CSV export.
  await clickAnchor(page, 'nav.quality');
  await settle(page);
  await page.screenshot({ path: path.join(artifacts, 'profiles-quality.png') });
  const csvPromise = page.waitForEvent('download', { timeout: 10000 });
  await clickAnchor(page, 'quality.export_csv');
  const csvDownload = await csvPromise;
  assert.equal(csvDownload.suggestedFilename(), 'datakwaliteit.csv');
  const csvPath = path.join(artifacts, 'datakwaliteit.csv');
  await csvDownload.saveAs(csvPath);
  const lines = fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(lines.length, 1 + 14, 'header + one line per flag');
  assert.ok(lines.some((l) => l.startsWith('sofs_export.csv;4;Netwerkberaden;netwerkberaden;12/03/2022;date_in_count;')));
  assert.ok(lines.some((l) => l.startsWith('sofs_export.csv;18;Identificatiecode;traject_id;SOFS-001;duplicate_identifier;')));

  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the werkmap opened in the app restores the choices', async () => {
  const saved = path.join(artifacts, 'zicht-werkmap.json');
  assert.ok(fs.existsSync(saved), 'runs after the save test');
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await drop(page, [['sofs_export.csv', fs.readFileSync(path.join(data, 'sofs_export.csv'))]]);
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'sofs_export.csv'));
  assert.equal(profileOf(await state(page), 'sofs_export.csv').validation.flags_total, 15);
  await drop(page, [['zicht-werkmap.json', fs.readFileSync(saved)]]);
  await page.waitForFunction(() => window.zichtState().werkmap.name === 'zicht-werkmap.json');
  const s = await state(page);
  assert.equal(s.files.length, 1, 'a werkmap is not data');
  assert.equal(s.app.page, 'mapping');
  const p = profileOf(s, 'sofs_export.csv');
  assert.equal(p.validation.flags_total, 14);
  assert.equal(p.mapping.start_cb.method, 'user');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a Binc module file and a separate client file map automatically; the quality page lists their problems', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await drop(page, [['binc_modules.csv', fs.readFileSync(path.join(data, 'binc_modules.csv'))],
                    ['binc_clients.csv', fs.readFileSync(path.join(data, 'binc_clients.csv'))]]);
  await page.waitForFunction(() => window.zichtState().files.length === 2 && window.zichtState().loading.length === 0);
  const s = await state(page);
  const mod = profileOf(s, 'binc_modules.csv');
  const cli_ = profileOf(s, 'binc_clients.csv');
  assert.equal(mod.profile, 'binc');
  assert.equal(mod.kind, 'modules');
  assert.equal(cli_.profile, 'binc');
  assert.equal(cli_.kind, 'clients');
  assert.equal(mod.mapping.kind_id.column, 'Kind ID');
  assert.equal(mod.mapping.module_type.column, 'Module');
  assert.equal(mod.mapping.start.column, 'Begindatum');
  assert.equal(mod.mapping.vzb_organisatietype.column, 'VZB organisatietype');
  assert.equal(Object.keys(cli_.mapping).length, 18);
  assert.deepEqual([mod.validation.rows_in, mod.validation.rows_used, mod.validation.rows_excluded], [16, 13, 3]);
  assert.deepEqual(mod.validation.first_flags.map((f) => [f.row, f.rule]),
                   [[4, 'end_before_start'], [8, 'not_in_code_list'], [9, 'row_no_identifier'], [10, 'row_no_start'],
                    [12, 'row_no_start'], [12, 'impossible_date'], [13, 'not_a_number']]);
  assert.deepEqual(cli_.validation.first_flags.map((f) => [f.row, f.rule]),
                   [[5, 'not_in_code_list'], [7, 'out_of_range'], [10, 'duplicate_identifier'], [10, 'not_in_code_list']]);
  await clickAnchor(page, 'nav.mapping');
  await settle(page);
  await page.screenshot({ path: path.join(artifacts, 'profiles-mapping-binc.png') });
  await clickAnchor(page, 'nav.quality');
  await settle(page);
  const shot = await page.screenshot({ path: path.join(artifacts, 'profiles-quality-binc.png') });
  assert.ok(distinctColours(shot) > 50);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the CLI refuses a profile whose required fields cannot be mapped, naming the file and the fields', () => {
  let err;
  try {
    execFileSync(cli, ['inspect', '--profile', 'sofs', path.join(data, 'binc_clients.csv')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    err = e;
  }
  assert.ok(err, 'expected a non-zero exit');
  assert.equal(err.status, 1);
  assert.match(err.stderr, /binc_clients\.csv/);
  assert.match(err.stderr, /traject_id/);
  assert.match(err.stderr, /start_cb/);
});
