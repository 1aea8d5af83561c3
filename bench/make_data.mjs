// Adds the two columns the demo generator's Binc module export lacks, so the benchmark file has what real exports
// have: "Opmerking" (free text, sometimes quoted with ';' and doubled quotes inside) and "Kost" (euro amounts with a
// decimal comma and thousands dots). Deterministic: the same input gives the same bytes. Neither column is used by
// the Binc analyses; every side still has to tokenise and type it.
//   node bench/make_data.mjs IN.csv OUT.csv
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const [input, output] = process.argv.slice(2);
if (!input || !output) { console.error('usage: node bench/make_data.mjs IN.csv OUT.csv'); process.exit(2); }

const remarks = ['', '', 'Broer ook in zorg', '"Moeder wil een gesprek; daarna opvolging, zie dossier"',
  '"Crisis; ""dringend"", weekend"', '"Overleg met school, CLB; verslag volgt"', 'Verhuisd', ''];
let s = 0x2545f491;
const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
const kost = () => {
  const euro = next() % 250000, cents = String(next() % 100).padStart(2, '0');
  return euro >= 1000 ? `${Math.floor(euro / 1000)}.${String(euro % 1000).padStart(3, '0')},${cents}` : `${euro},${cents}`;
};

const out = fs.openSync(output, 'w');
let rest = '', header = true, parts = [], size = 0;
const flush = () => { fs.writeSync(out, parts.join('')); parts = []; size = 0; };
const line = (l) => {
  if (header) { parts.push(l + ';Opmerking;Kost\r\n'); header = false; return; }
  if (l === '') return;
  parts.push(l + ';' + remarks[next() % remarks.length] + ';' + kost() + '\r\n');
  if (++size >= 20000) flush();
};
const fd = fs.openSync(input, 'r');
const buf = Buffer.alloc(1 << 22);
const dec = new StringDecoder('utf8');  // keeps a character split across two chunks whole
for (;;) {
  const n = fs.readSync(fd, buf, 0, buf.length, null);
  if (n === 0) break;
  const text = rest + dec.write(buf.subarray(0, n));
  const lines = text.split('\r\n');
  rest = lines.pop();
  for (const l of lines) line(l);
}
if (rest) line(rest);
flush();
fs.closeSync(out);
