// zicht.html from open to first frame, as a user opening the file locally (file://) would see it, in headless
// Chromium (WebGL through SwiftShader, as the e2e tests). Fresh browser context per run (no cache).
// window.zichtMainAt = ms from navigation start until main() runs (wasm compiled), window.zichtStartup = the phases
// after it, window.zichtReadyAt = ms until the demo is drawn settled. Prints one JSON object with the medians.
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
const phases = ['shell', 'decoded', 'compiled', 'runtime', 'main', 'gl', 'app', 'fonts', 'layout', 'frame1', 'demo', 'frame3'];
const got = Object.fromEntries(phases.map((p) => [p, []]));
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => { try { localStorage.setItem('zicht.tour', 'seen'); } catch (e) { /* file:// */ } });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => typeof window.zichtReadyAt === 'number', null, { timeout: 60000 });
  const t = await page.evaluate(() => ({ ...(window.zichtStartup || {}), main: window.zichtMainAt, frame3: window.zichtReadyAt }));
  for (const p of phases) if (typeof t[p] === 'number') got[p].push(t[p]);
  await context.close();
}
await browser.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
// shell: the page's first script runs; decoded: the embedded module read from the page and base64-decoded; compiled:
// inflated and compiled; runtime: instantiated, runtime ready; main: main() running; gl:
// WebGL context and ImGui set up; app: the App constructed; fonts: font atlas built and uploaded; layout: first frame's UI laid out (results of the
// start page computed); frame1: first frame drawn; demo: the built-in demo files generated, read and mapped (in the
// second frame); frame3: the demo drawn, laid out settled (window.zichtReadyAt, what the tests wait for; since round 3a in
// the frame that read it, laid out twice).
const out = { file: path.basename(file), runs };
for (const p of phases) if (got[p].length) out[`${p}_ms`] = median(got[p]);
out.first_frame_ms = out.frame1_ms ?? out.frame3_ms;
out.all_first_frame_ms = (got.frame1.length ? got.frame1 : got.frame3).map((x) => Math.round(x));
console.log(JSON.stringify(out));
