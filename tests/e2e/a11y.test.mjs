// Accessible charts and reports (spec/charts.md §2 rule 9, SPEC §6): an axe-core scan of the HTML report (SofS, Binc
// and Verkennen, Dutch and English) and of the app's accessible HTML twin of a SofS and a Binc page finds no
// violations, and every chart in the report is an <svg role="img"> with a non-empty <title> and <desc>. The canvas
// itself is not the subject: the twin is what a screen reader reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, waitReady, state, clickAnchor, frames, dist, artifacts, root, openPage } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const cli = path.join(root, 'build/zicht');
const dir = path.join(artifacts, 'a11y');
fs.mkdirSync(dir, { recursive: true });

// One browser for the file; the app's static server only when dist/zicht.html is there (the report scan needs the
// native CLI only).
const env = { server: null, browser: null, base: '' };
before(async () => {
  env.browser = await launch();
  if (fs.existsSync(path.join(dist, 'zicht.html'))) {
    env.server = await serve(dist);
    env.base = `http://127.0.0.1:${env.server.address().port}/zicht.html`;
  }
});
after(async () => {
  await env.browser?.close();
  env.server?.close();
});

// Runs axe-core on the page (or on the part of it matched by `context`) and fails with every violation's rule id,
// impact and first failing nodes.
async function axe(page, context, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
                                              why: n.failureSummary })),
      count: v.nodes.length,
    }));
  }, context ?? null);
  const text = result.map((v) => `${v.id} (${v.impact}, ${v.count} nodes): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${String(n.why).replace(/\n/g, '\n      ')}`).join('\n'))
    .join('\n');
  if (result.length) console.log(`axe violations in ${what}:\n${text}`);
  assert.deepEqual(result.map((v) => v.id), [], `axe violations in ${what}:\n${text}`);
}

// The HTML reports, written by the native CLI from its demo files.
function reports() {
  const sofs = path.join(dir, 'demo_sofs.csv');
  const binc = path.join(dir, 'demo_binc.csv');
  const clients = path.join(dir, 'demo_binc_clients.csv');
  execFileSync(cli, ['demo', '--profile', 'sofs', '--out', sofs]);
  execFileSync(cli, ['demo', '--profile', 'binc', '--out', binc]);
  execFileSync(cli, ['demo', '--profile', 'binc', '--part', 'clients', '--out', clients]);
  const runs = {
    sofs: ['--profile', 'sofs', sofs],
    binc: ['--profile', 'binc', '--clients', clients, binc],
    generic: ['--profile', 'generic', sofs],
  };
  const out = [];
  for (const [name, args] of Object.entries(runs)) {
    for (const lang of ['nl', 'en']) {
      const file = path.join(dir, `report-${name}-${lang}.html`);
      execFileSync(cli, ['analyse', ...args.slice(0, -1), '--lang', lang, '--format', 'html', '--out', file, args.at(-1)]);
      out.push({ name: `${name} (${lang})`, file, lang });
    }
  }
  return out;
}

test('the HTML reports pass axe-core, and every chart has a <title> and a <desc>', async () => {
  const list = reports();
  // The report's own CSP forbids scripts: open it without (axe is injected by the test, not by the report).
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const r of list) {
    await page.goto('file://' + r.file);
    assert.equal(await page.getAttribute('html', 'lang'), r.lang, `${r.name}: <html lang>`);
    const svgs = await page.$$eval('svg', (all) => all.map((s) => ({
      role: s.getAttribute('role'),
      labelledby: s.getAttribute('aria-labelledby') || '',
      title: s.querySelector(':scope > title')?.textContent.trim() ?? '',
      desc: s.querySelector(':scope > desc')?.textContent.trim() ?? '',
      named: (s.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
        .every((id) => document.querySelectorAll(`[id="${id}"]`).length === 1),
    })));
    assert.ok(svgs.length > 0, `${r.name}: the report has charts`);
    svgs.forEach((s, i) => {
      assert.equal(s.role, 'img', `${r.name}: svg ${i} role`);
      assert.ok(s.title, `${r.name}: svg ${i} has a non-empty <title>`);
      assert.ok(s.desc, `${r.name}: svg ${i} has a non-empty <desc>`);
      assert.ok(s.labelledby && s.named, `${r.name}: svg ${i} is labelled by ids unique in the document`);
    });
    const ids = await page.$$eval('[id]', (all) => all.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, `${r.name}: ids are unique`);
    await axe(page, null, r.name);
  }
  await context.close();
});


// Scrolls the page until an anchor is on screen (anchors exist off-screen too).
async function reveal(page, name) {
  await page.mouse.move(700, 500);
  const visible = async () => {
    const r = (await state(page)).anchors[name];
    return r && r[1] > 40 && r[1] + r[3] < 960;
  };
  for (let i = 0; i < 30 && !(await visible()); i++) {
    await page.mouse.wheel(0, -300);
    await frames(page, 2);
  }
  assert.ok(await visible(), `${name} on screen`);
}

for (const [profile, id] of [['sofs', 'overzicht'], ['binc', 'modules']]) {
  test(`the accessible HTML twin of the ${profile} page ${id} passes axe-core`, async () => {
    assert.ok(env.base, 'dist/zicht.html missing: run bash build-wasm.sh first');
    // Wide enough that the twin, fixed at the right, leaves the page's report buttons free to click.
    const { context, page, log } = await openApp(env.browser, env.base, { width: 1920, height: 1000 });
    await waitReady(page);
    await openPage(page, profile, id);
    const anchor = `${profile}.${id}.a11y`;
    await reveal(page, anchor);
    await clickAnchor(page, anchor);
    await page.waitForFunction(() => !document.getElementById('zicht-a11y').hidden, null, { timeout: 10000 });
    const twin = await page.evaluate(() => {
      const el = document.getElementById('zicht-a11y');
      return { tables: el.querySelectorAll('table').length, svgs: [...el.querySelectorAll('svg')].map((s) => ({
                 title: s.querySelector(':scope > title')?.textContent.trim() ?? '',
                 desc: s.querySelector(':scope > desc')?.textContent.trim() ?? '' })),
               h1: el.querySelectorAll('h1').length, main: el.querySelectorAll('main').length,
               lang: el.querySelector('main')?.getAttribute('lang') };
    });
    assert.ok(twin.tables > 0, `${profile}/${id}: the twin has real tables`);
    assert.equal(twin.h1, 1, `${profile}/${id}: the twin has one <h1>`);
    assert.equal(twin.main, 1, `${profile}/${id}: the twin is one <main>`);
    assert.equal(twin.lang, 'nl', `${profile}/${id}: the twin names its language`);
    for (const s of twin.svgs) assert.ok(s.title && s.desc, `${profile}/${id}: every chart in the twin has <title> and <desc>`);
    await page.screenshot({ path: path.join(dir, `twin-${profile}-${id}.png`) });
    await axe(page, '#zicht-a11y', `the twin of ${profile}/${id}`);
    // Off again: the twin empties and hides.
    await reveal(page, anchor);
    await clickAnchor(page, anchor);
    await page.waitForFunction(() => document.getElementById('zicht-a11y').hidden, null, { timeout: 10000 });
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}
