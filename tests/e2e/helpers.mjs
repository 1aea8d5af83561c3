// Shared set-up for the browser tests: a static server on loopback, Debian's Chromium through playwright-core,
// and a tiny PNG decoder to tell a blank screenshot from a drawn one.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(root, 'tests/e2e/artifacts');
fs.mkdirSync(artifacts, { recursive: true });

export function serve(dir) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(dir, rel || 'zicht.html');
    if (!file.startsWith(dir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// One static server and one browser per test file: registers the file's before/after hooks and returns an object
// whose base (the app's URL) and browser are set before the first test runs.
export function useApp() {
  const env = { server: null, browser: null, base: '' };
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'zicht.html')), 'dist/zicht.html missing: run bash build-wasm.sh first');
    env.server = await serve(dist);
    env.base = `http://127.0.0.1:${env.server.address().port}/zicht.html`;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
           '--use-angle=swiftshader'],
  });
}

// Opens url in a fresh context and collects console errors, page errors and every request made.
// Unless tour is true, the page starts as if the user had asked to remember that the first-use tour was seen
// (the one localStorage key Zicht writes, and only on request), so the tour does not cover what a test clicks.
export async function openApp(browser, url, { dpr = 1, width = 1280, height = 800, init, tour = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, acceptDownloads: true });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  if (!tour) await page.addInitScript(() => { try { localStorage.setItem('zicht.tour', 'seen'); } catch (e) {} });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { context, page, log };
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.zichtReady === true, null, { timeout: 30000 });
}

export async function state(page) {
  return page.evaluate(() => window.zichtState());
}

// Waits until the app has drawn n more frames (its loop runs on requestAnimationFrame). A loaded machine with
// software GL can take 100 ms and more per frame; ImGui 1.86 samples input once per frame, so a move, a press and
// a release must each be seen in their own frame.
export async function frames(page, n = 2) {
  await page.evaluate((count) => new Promise((res) => {
    let k = 0;
    const f = () => (++k >= count ? res() : requestAnimationFrame(f));
    requestAnimationFrame(f);
  }), n);
}

export async function clickAnchor(page, name) {
  const s = await state(page);
  const r = s.anchors[name];
  if (!r) throw new Error(`anchor ${name} not on screen; have ${Object.keys(s.anchors).join(', ')}`);
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await frames(page);
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
  await frames(page);
}

// A profile with many pages makes the left navigation taller than the window: its lower links keep their anchors
// but are clipped, so a click would miss. Scrolls the panel under the anchor (wheel over the anchor's column,
// mid-height) until the anchor's rectangle lies inside the viewport, clear of the menu and status bars.
export async function scrollIntoView(page, name, { margin = 40, tries = 12 } = {}) {
  const { height } = page.viewportSize();
  let last = null;
  for (let i = 0; i < tries; i++) {
    const r = (await state(page)).anchors[name];
    if (!r) throw new Error(`anchor ${name} not drawn`);
    const dy = r[1] < margin ? r[1] - margin - 20 : r[1] + r[3] > height - margin ? r[1] + r[3] - (height - margin) + 20 : 0;
    if (dy === 0 || (last && last[1] === r[1])) return r;  // inside, or the panel cannot scroll further
    last = r;
    await page.mouse.move(r[0] + r[2] / 2, height / 2);
    await frames(page);
    await page.mouse.wheel(0, Math.sign(dy) * Math.max(Math.abs(dy), 100));
    await frames(page, 4);
  }
  throw new Error(`anchor ${name} still outside the viewport after ${tries} scrolls`);
}

// Opens a profile's page through the left navigation (which lists one profile's pages at a time: its section is
// opened first) and returns the state once the page's results are on screen.
export async function openPage(page, profile, id) {
  if (!(await state(page)).anchors[`nav.${profile}.${id}`]) {
    // With seven profiles the last sections sit below the fold until the navigation scrolls.
    await scrollIntoView(page, `nav.section.${profile}`);
    await clickAnchor(page, `nav.section.${profile}`);
    await page.waitForFunction((k) => !!window.zichtState().anchors[k], `nav.${profile}.${id}`);
  }
  // The navigation can move under the pointer while the demo's results are still being computed (a section or a
  // notice appears): a click that opened nothing is tried again on the link's new place.
  const opened = ([p, s]) => {
    const st = window.zichtState();
    return st.app.page === p && st.app.subpage === s;
  };
  for (let attempt = 0; ; attempt++) {
    await scrollIntoView(page, `nav.${profile}.${id}`);
    await clickAnchor(page, `nav.${profile}.${id}`);
    try {
      await page.waitForFunction(opened, [profile, id], { timeout: attempt < 3 ? 8000 : 30000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
  await page.waitForTimeout(150);  // one more frame: the results of the page are on screen
  return state(page);
}

// Ctrl+O in the app opens the browser's file picker (a real user gesture reaches the page first); the picker is
// answered with `files`. Held for two app frames: Dear ImGui 1.86 samples key state once per frame, so a press and
// release that fall between two frames (a loaded machine) would never be seen.
export async function pickFiles(page, files) {
  await page.mouse.click(640, 400);
  const chooserPromise = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.evaluate(() => 0);  // lets Playwright's file-chooser interception reach the browser first
  await page.keyboard.down('Control');
  await page.keyboard.down('o');
  await frames(page, 2);
  await page.keyboard.up('o');
  await page.keyboard.up('Control');
  const chooser = await chooserPromise;
  await chooser.setFiles(files);
}

// Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) and returns {width, height, pixels}.
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      let p = 0;
      if (f === 1) p = a; else if (f === 2) p = b; else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) { const q = a + b - c; const pa = Math.abs(q - a), pb = Math.abs(q - b), pc = Math.abs(q - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[y * stride + x] = (v + p) & 255;
    }
  }
  return { width, height, bpp, pixels: out };
}

// Number of distinct colours in a screenshot (a blank canvas has one or two).
export function distinctColours(png) {
  const { pixels, bpp } = decodePng(png);
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += bpp) {
    seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    if (seen.size > 5000) break;
  }
  return seen.size;
}

// A key held over two app frames (ImGui 1.86 samples keys once per frame).
export async function key(page, k) {
  await page.keyboard.down(k);
  await frames(page);
  await page.keyboard.up(k);
  await frames(page);
}

// Dark theme through the View menu, presentation mode with F9; light is the default.
export async function setMode(page, mode) {
  if (mode === 'dark') {
    await clickAnchor(page, 'menu.view');
    await frames(page);
    await clickAnchor(page, 'menu.theme_dark');
    await frames(page, 4);
  }
  if (mode === 'presentation') {
    await page.mouse.move(5, 400);
    await key(page, 'F9');
    await page.waitForFunction(() => window.zichtState().presentation === true);
    await frames(page, 3);
  }
}
