// zicht.html from open to first frame, as a user opening the file locally (file://) would see it, in headless
// Chromium (WebGL through SwiftShader, as the e2e tests). Fresh browser context per run (no cache).
// window.zichtMainAt = ms from navigation start until main() runs (wasm compiled); window.zichtReadyAt = ms until
// the third frame is drawn. Prints one JSON object with the medians.
//   node bench/browser/startup.mjs path/to/zicht.html [runs]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const file = path.resolve(process.argv[2] || 'dist/zicht.html');
const runs = Number(process.argv[3] || 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader'],
});
const main = [], ready = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => { try { localStorage.setItem('zicht.tour', 'seen'); } catch (e) { /* file:// */ } });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => typeof window.zichtReadyAt === 'number', null, { timeout: 60000 });
  const t = await page.evaluate(() => [window.zichtMainAt, window.zichtReadyAt]);
  main.push(t[0]);
  ready.push(t[1]);
  await context.close();
}
await browser.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
console.log(JSON.stringify({ file: path.basename(file), runs, main_ms: median(main), first_frame_ms: median(ready),
  all_first_frame_ms: ready.map((x) => Math.round(x)) }));
