// Issue 21, workshop mode in the browser: a facilitator types five options, taps a dot vote (5, 3, 0, 7, 2, one
// mistaken tap undone with the button and one with Ctrl+Z), runs a green/red-card statement, sees the sorted
// labelled result (read through the state hook), in light, dark and presentation mode; saves; and the two saved
// files give the same numbers in `zicht analyse --profile procesflow`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, openApp, waitReady, state, clickAnchor, frames, artifacts, root, setMode, key,
         distinctColours } from './helpers.mjs';

const env = useApp();
const cli = path.join(root, 'build/zicht');

const labels = ['Drempels', 'Nood aan gezinsaanpak', 'Op maat van jongere en gezin',
                'De "ideale" contextbegeleider; samen', 'Contextbegeleiding in gedeelde zorg'];
const taps = [5, 3, 0, 7, 2];
const statement = 'Een lerend netwerk heeft een vast kader nodig';

const result = (s, id) => s.results.results.find((r) => r.id === id);
const table = (r, id) => r?.tables.find((t) => t.id === id);
const col = (t, id) => t.columns.findIndex((c) => c.id === id);

// Scrolls the page body (mouse wheel over it) until the anchor lies inside the viewport, clear of the bars.
async function reveal(page, name) {
  const { height } = page.viewportSize();
  for (let i = 0; i < 30; i++) {
    const r = (await state(page)).anchors[name];
    if (r && r[1] > 60 && r[1] + r[3] < height - 60) return r;
    const down = !r || r[1] + r[3] >= height - 60;
    await page.mouse.move(page.viewportSize().width - 80, height / 2);
    await page.mouse.wheel(0, down ? 250 : -250);
    await frames(page, 3);
  }
  throw new Error(`anchor ${name} not brought into view`);
}

async function tap(page, name) {
  await reveal(page, name);
  await clickAnchor(page, name);
}

// The dot-vote result as the page shows it: the labelled rows of procesflow.priorities in their order.
function priorities(s) {
  const t = table(result(s, 'procesflow.priorities'), 'options');
  assert.ok(t, 'procesflow.priorities is on screen');
  return t.rows.map((r) => ({ label: r[col(t, 'label')], votes: r[col(t, 'votes')], total: r[col(t, 'total')],
                               pct: r[col(t, 'pct')] }));
}

function checkVote(s, where) {
  assert.deepEqual(s.workshop.options.map((o) => o.votes), taps, `${where}: the taps per option`);
  const rows = priorities(s);
  // Sorted by votes, each bar labelled with the option typed: 7, 5, 3, 2, 0 of 17.
  assert.deepEqual(rows.map((r) => r.label), [labels[3], labels[0], labels[1], labels[4], labels[2]], where);
  assert.deepEqual(rows.map((r) => r.votes), [7, 5, 3, 2, 0], where);
  assert.ok(rows.every((r) => r.total === 17), `${where}: n = 17`);
  for (const r of rows) assert.ok(Math.abs(r.pct - (100 * r.votes) / 17) < 1e-9, `${where}: % of ${r.label}`);
  const view = result(s, 'procesflow.priorities').views[0];
  assert.equal(view.kind, 'bar', 'bars, never a pie');
  assert.ok(s.anchors[`procesflow.priorities.${view.id}.chart`], `${where}: the bars are drawn`);
}

function checkStatement(s, where) {
  const t = table(result(s, 'procesflow.statements'), 'agree');
  assert.ok(t, `${where}: procesflow.statements is on screen`);
  assert.equal(t.rows.length, 1);
  const row = t.rows[0];
  assert.equal(row[col(t, 'agree')], 5);
  assert.equal(row[col(t, 'n')], 7);
  assert.ok(Math.abs(row[col(t, 'pct_agree')] - 500 / 7) < 1e-9);
  // R 4.2.2: binom.test(5, 7)$conf.int = 0.2904208637 0.9633074338
  assert.ok(Math.abs(row[col(t, 'lower')] - 29.04208637) < 1e-6, `${where}: lower ${row[col(t, 'lower')]}`);
  assert.ok(Math.abs(row[col(t, 'upper')] - 96.33074338) < 1e-6, `${where}: upper ${row[col(t, 'upper')]}`);
  assert.ok(String(row[col(t, 'label')]).includes(statement), `${where}: the statement's text labels it`);
  assert.ok(s.anchors['procesflow.statements.chart'], `${where}: the diverging bars are drawn`);
}

async function shoot(page, name) {
  const png = await page.screenshot({ path: path.join(artifacts, name) });
  assert.ok(distinctColours(png) > 50, `${name} looks blank`);
}

test('a facilitator runs a five-option dot vote and a statement; the saved files give the same result in zicht analyse', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1400, height: 900 });
  await waitReady(page);
  await clickAnchor(page, 'nav.workshop');
  await page.waitForFunction(() => window.zichtState().app.page === 'workshop');

  // Five options, typed in place.
  for (let i = 0; i < 5; i++) {
    await tap(page, 'workshop.option_add');
    await page.waitForFunction((n) => window.zichtState().workshop.options.length === n, i + 1);
    await tap(page, `workshop.option.${i}`);
    await page.keyboard.type(labels[i], { delay: 15 });
    await page.waitForFunction(([k, l]) => window.zichtState().workshop.options[k].label === l, [i, labels[i]]);
  }
  // The dots, with one mistaken tap on "Op maat" taken back with the button …
  for (let i = 0; i < 5; i++) for (let k = 0; k < taps[i]; k++) await tap(page, `workshop.vote.${i}`);
  await tap(page, 'workshop.vote.2');
  assert.equal((await state(page)).workshop.options[2].votes, 1);
  await tap(page, 'workshop.undo');
  // … and one on "Drempels" with Ctrl+Z (no text field active: a click on the page's title first).
  await tap(page, 'workshop.vote.0');
  assert.equal((await state(page)).workshop.options[0].votes, 6);
  await page.mouse.click(page.viewportSize().width - 60, 70);
  await frames(page, 2);
  await page.keyboard.down('Control');
  await key(page, 'z');
  await page.keyboard.up('Control');
  await frames(page, 2);
  let s = await state(page);
  checkVote(s, 'light');
  assert.equal(s.workshop.total_votes, 17);

  // A statement with green and red cards: 5 akkoord, 2 niet akkoord, one mistaken green undone.
  await tap(page, 'workshop.statement.text');
  await page.keyboard.type(statement, { delay: 15 });
  await page.waitForFunction((t) => window.zichtState().workshop.statements[0].tekst === t, statement);
  for (let k = 0; k < 5; k++) await tap(page, 'workshop.card.akkoord');
  for (let k = 0; k < 2; k++) await tap(page, 'workshop.card.niet akkoord');
  await tap(page, 'workshop.card.akkoord');
  s = await state(page);
  assert.deepEqual(s.workshop.statements[0].tallies, [6, 2]);
  await tap(page, 'workshop.undo');  // exactly that green card
  await frames(page, 3);
  s = await state(page);
  assert.deepEqual(s.workshop.statements[0].tallies, [5, 2]);
  checkStatement(s, 'light');
  checkVote(s, 'light, after the statement');
  await reveal(page, 'workshop.card.akkoord');
  await shoot(page, 'workshop-light-statement.png');
  await reveal(page, 'workshop.vote.0');
  await shoot(page, 'workshop-light-vote.png');

  await setMode(page, 'dark');
  s = await state(page);
  assert.equal(s.app.theme, 'dark');
  checkVote(s, 'dark');
  await shoot(page, 'workshop-dark-vote.png');
  await reveal(page, 'workshop.card.akkoord');
  await shoot(page, 'workshop-dark-statement.png');
  await clickAnchor(page, 'menu.view');
  await frames(page);
  await clickAnchor(page, 'menu.theme_light');
  await frames(page, 4);

  // Presentation mode (F9): the same result in large type; a tap and its undo still work.
  await setMode(page, 'presentation');
  await reveal(page, 'workshop.vote.3');
  await tap(page, 'workshop.vote.3');
  assert.equal((await state(page)).workshop.options[3].votes, 8);
  await tap(page, 'workshop.undo');
  await frames(page, 3);
  s = await state(page);
  assert.equal(s.presentation, true);
  checkVote(s, 'presentation');
  checkStatement(s, 'presentation');
  await reveal(page, 'workshop.vote.0');
  await shoot(page, 'workshop-presentation-vote.png');
  await reveal(page, 'workshop.card.akkoord');
  await shoot(page, 'workshop-presentation-statement.png');

  // Save: both records load into the session as procesflow files and are offered as downloads.
  const dir = fs.mkdtempSync(path.join(artifacts, 'workshop-'));
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await tap(page, 'workshop.save');
  await page.waitForFunction(() => window.zichtState().files.some((f) => f.name === 'workshop_stelling.csv'));
  for (let i = 0; i < 50 && downloads.length < 2; i++) await page.waitForTimeout(100);
  assert.deepEqual(downloads.map((d) => d.suggestedFilename()).sort(), ['workshop_stelling.csv', 'workshop_stemming.csv']);
  for (const d of downloads) await d.saveAs(path.join(dir, d.suggestedFilename()));
  s = await state(page);
  for (const name of ['workshop_stemming.csv', 'workshop_stelling.csv']) {
    const f = s.files.find((x) => x.name === name);
    assert.equal(f.profile, 'procesflow', `${name} is detected as procesflow`);
  }
  const stemming = fs.readFileSync(path.join(dir, 'workshop_stemming.csv'), 'utf8');
  assert.ok(stemming.startsWith('overleg_id;optie;stemmen\r\n'));
  assert.ok(stemming.includes(';"De ""ideale"" contextbegeleider; samen";7\r\n'), 'the label quoted as typed');
  assert.ok(stemming.includes(';Op maat van jongere en gezin;0\r\n'), 'an option without votes is kept');

  // The saved files in the CLI: the same rows, %, n and confidence intervals as on the screen.
  const out = JSON.parse(execFileSync(cli, ['analyse', '--profile', 'procesflow', '--lang', 'nl', '--format', 'json',
    '--table', `stemming=${path.join(dir, 'workshop_stemming.csv')}`,
    '--table', `stelling=${path.join(dir, 'workshop_stelling.csv')}`], { encoding: 'utf8' }));
  for (const id of ['procesflow.priorities', 'procesflow.statements']) {
    const app = result(s, id);
    const fromCli = out.results.find((r) => r.id === id);
    assert.deepEqual(app.tables, fromCli.tables, `${id}: the CLI's tables`);
    assert.deepEqual(app.views, fromCli.views, `${id}: the CLI's views`);
  }
  checkVote({ ...s, results: out }, 'zicht analyse');
  assert.deepEqual(log.errors, []);
  // Nothing went over the network: only the app itself was requested.
  assert.ok(log.requests.every((u) => u.startsWith(env.base.replace(/zicht\.html$/, ''))), log.requests.join(' '));
  await context.close();
});

test('the workshop page is in the navigation from the start, with every control and no result before a tap; reset asks first', async () => {
  const { context, page, log } = await openApp(env.browser, env.base, { width: 1024, height: 700 });
  await waitReady(page);
  await clickAnchor(page, 'nav.workshop');
  await page.waitForFunction(() => window.zichtState().app.page === 'workshop');
  const s = await state(page);
  assert.deepEqual(s.results.results, [], 'no result before any tap');
  for (const a of ['workshop.undo', 'workshop.save', 'workshop.option_add', 'workshop.card.akkoord',
                   'workshop.card.niet akkoord'])
    assert.ok(s.anchors[a], `${a} is drawn`);
  assert.equal(s.workshop.undo_depth, 0);
  // "Alles op nul…" asks first: No keeps the votes, Yes sets them to zero and keeps the option.
  await clickAnchor(page, 'workshop.option_add');
  await clickAnchor(page, 'workshop.vote.0');
  await clickAnchor(page, 'workshop.vote.0');
  assert.equal((await state(page)).workshop.options[0].votes, 2);
  await clickAnchor(page, 'workshop.reset');
  await page.waitForFunction(() => !!window.zichtState().anchors['workshop.reset_no']);
  await clickAnchor(page, 'workshop.reset_no');
  assert.equal((await state(page)).workshop.options[0].votes, 2);
  await clickAnchor(page, 'workshop.reset');
  await page.waitForFunction(() => !!window.zichtState().anchors['workshop.reset_yes']);
  await clickAnchor(page, 'workshop.reset_yes');
  const after = await state(page);
  assert.equal(after.workshop.options[0].votes, 0);
  assert.equal(after.workshop.options.length, 1);
  assert.equal(after.workshop.undo_depth, 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});
