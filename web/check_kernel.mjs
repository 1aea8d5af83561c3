// Checks the wasm SIMD CSV kernel (web/csv_kernel.c) before it is shipped: it shares the app's memory, so it must have
// no data segments (they would be written over the app's memory at address 0 when instantiated), no globals (no
// shadow stack), exactly one import (env.memory) and one export (zicht_csv_index).
//   node web/check_kernel.mjs csv_kernel.wasm
import fs from 'node:fs';

const file = process.argv[2];
const mod = new WebAssembly.Module(fs.readFileSync(file));
const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}:${i.kind}`);
const exports = WebAssembly.Module.exports(mod).map((e) => `${e.name}:${e.kind}`);
const b = fs.readFileSync(file);
const sections = [];
for (let p = 8; p < b.length;) {
  const id = b[p++];
  let len = 0, s = 0, x;
  do { x = b[p++]; len |= (x & 127) << s; s += 7; } while (x & 128);
  sections.push(id);
  p += len;
}
const bad = [];
if (imports.join() !== 'env.memory:memory') bad.push(`imports ${imports.join(', ')}`);
if (exports.join() !== 'zicht_csv_index:function') bad.push(`exports ${exports.join(', ')}`);
for (const [id, name] of [[6, 'global'], [11, 'data'], [12, 'data count'], [8, 'start']])
  if (sections.includes(id)) bad.push(`a ${name} section`);
if (bad.length) {
  console.error(`${file}: the CSV kernel must not have ${bad.join('; ')}`);
  process.exit(1);
}
console.log(`${file}: ${b.length} bytes, imports env.memory only, exports zicht_csv_index, no data or globals`);
