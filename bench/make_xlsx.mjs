// Turns a benchmark CSV (bench/make_data.mjs: ';'-separated, dd/mm/yyyy dates, decimal commas) into an .xlsx as
// Excel saves a sheet: one worksheet, dates as date cells (the serial day number with the short-date format, built-in
// number format 14, as a Belgian Excel saves d/mm/yyyy), numbers as numbers (amounts with a "#,##0.00" format), text
// as shared strings, empty cells absent, the parts deflated with zlib. Each cell is typed on its own, as Excel does when it
// opens a CSV (so "NVT" in a number column stays text). Written with SheetJS (bench/browser/node_modules/xlsx) in
// Node; benchmark data only, not a test fixture.
//   node bench/make_xlsx.mjs IN.csv OUT.xlsx
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'browser', 'package.json'));
const XLSX = require('xlsx');
const Papa = require('papaparse');

const [input, output] = process.argv.slice(2);
if (!input || !output) { console.error('usage: node bench/make_xlsx.mjs IN.csv OUT.xlsx'); process.exit(2); }

const parsed = Papa.parse(fs.readFileSync(input, 'utf8'), { delimiter: ';', skipEmptyLines: true });
if (parsed.errors.length) { console.error(`${input}: ${parsed.errors.length} CSV errors, first: ${parsed.errors[0].message}`); process.exit(1); }
const rows = parsed.data;

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const INT = /^-?\d+$/;
const DEC = /^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/;  // 1.234,56 or 12,5
const cell = (v) => {
  let m;
  if ((m = DATE.exec(v))) {
    const d = +m[1], mo = +m[2], y = +m[3];
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12)  // 1900 system, after 1 March 1900: days since 30/12/1899
      return { t: 'n', v: Date.UTC(y, mo - 1, d) / 86400000 + 25569, z: 'm/d/yy' };
  }
  if (INT.test(v) && v.length < 16 && !/^-?0\d/.test(v)) return { t: 'n', v: Number(v) };
  if (DEC.test(v)) return { t: 'n', v: Number(v.replace(/\./g, '').replace(',', '.')), z: '#,##0.00' };
  return { t: 's', v };
};

const ws = {};
const width = rows[0].length;
for (let r = 0; r < rows.length; r++) {
  const row = rows[r];
  for (let c = 0; c < width; c++) {
    const v = row[c];
    if (v === undefined || v === '') continue;
    ws[XLSX.utils.encode_cell({ r, c })] = r === 0 ? { t: 's', v } : cell(v);
  }
}
ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } });
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, 'Modules');
// SheetJS's own deflate (fixed Huffman codes only) gives files about twice the size Excel writes; the parts are
// deflated again with zlib (level 6, as Excel and LibreOffice do) into a plain zip, [Content_Types].xml first.
const stored = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false });
const cfb = XLSX.CFB.read(stored, { type: 'buffer' });
const parts = cfb.FileIndex.map((f, i) => ({ name: cfb.FullPaths[i].replace(/^[^/]*\//, ''), f }))
  .filter((p) => p.f.type === 2 && p.name && !p.name.endsWith('/') && p.name.charCodeAt(0) > 31)  // not CFB's own marker
  .sort((a, b) => (b.name === '[Content_Types].xml') - (a.name === '[Content_Types].xml'));
const chunks = [], central = [];
let offset = 0;
for (const { name, f } of parts) {
  const data = Buffer.from(f.content), packed = zlib.deflateRawSync(data, { level: 6 }), nm = Buffer.from(name);
  const crc = zlib.crc32(data);
  const head = (sig, extra) => {
    const h = Buffer.alloc(sig === 0x04034b50 ? 30 : 46);
    let o = 0;
    const u32 = (v) => { h.writeUInt32LE(v >>> 0, o); o += 4; }, u16 = (v) => { h.writeUInt16LE(v, o); o += 2; };
    u32(sig);
    if (sig === 0x02014b50) u16(20);  // made by
    u16(20); u16(0); u16(8); u16(0); u16(0x21);  // version, flags, deflate, time 00:00, date 1980-01-01
    u32(crc); u32(packed.length); u32(data.length); u16(nm.length); u16(0);
    if (extra) { u16(0); u16(0); u16(0); u32(0); u32(extra.offset); }
    return h;
  };
  chunks.push(head(0x04034b50), nm, packed);
  central.push(head(0x02014b50, { offset }), nm);
  offset += 30 + nm.length + packed.length;
}
const cd = Buffer.concat(central);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
fs.writeFileSync(output, Buffer.concat([...chunks, cd, end]));
