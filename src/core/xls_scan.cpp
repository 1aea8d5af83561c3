// The OLE2 + BIFF record walk of xls_scan.h: why it exists (freexl drops formula and error cells, hidden state,
// merges) is said there. Read-only, bounded, hostile-safe: every read is checked against the bytes present.
#include "core/xls_scan.h"

#include <cstring>

namespace zicht::core {
namespace {

constexpr uint32_t kEnd = 0xFFFFFFFE, kFree = 0xFFFFFFFF;

uint16_t u16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
uint32_t u32(const uint8_t* p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24); }

struct Ole {
  const uint8_t* p;
  size_t n;
  uint32_t ssz = 512;
  std::vector<uint32_t> fat;
  std::string* detail;

  size_t sectors_in_file() const { return n > ssz ? (n - ssz) / ssz + 1 : 0; }
  const uint8_t* sector(uint32_t s) const {
    uint64_t off = (uint64_t(s) + 1) * ssz;
    return off + ssz <= n ? p + off : nullptr;
  }
  // A chain of regular sectors into `out`, at most `limit` bytes.
  XlsScanError chain(uint32_t start, uint64_t limit, std::string& out) const {
    out.clear();
    size_t steps = 0, max_steps = fat.size() + 1;
    for (uint32_t s = start; s != kEnd; ) {
      if (s >= fat.size() || ++steps > max_steps) {
        *detail = "sector chain broken at sector " + std::to_string(s);
        return s < fat.size() || s == kFree ? XlsScanError::Corrupt : XlsScanError::Truncated;
      }
      const uint8_t* q = sector(s);
      if (!q) {
        *detail = "sector " + std::to_string(s) + " lies beyond the end of the file";
        return XlsScanError::Truncated;
      }
      if (out.size() >= limit) break;
      out.append(reinterpret_cast<const char*>(q), ssz);
      s = fat[s];
    }
    if (out.size() > limit) out.resize(size_t(limit));
    return XlsScanError::None;
  }
};

std::string utf16_name(const uint8_t* p, size_t bytes) {
  std::string s;
  for (size_t i = 0; i + 1 < bytes; i += 2) {
    uint16_t c = u16(p + i);
    if (!c) break;
    s += char(c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : '?');
  }
  return s;
}

void put_utf8(std::string& s, uint32_t c) {
  if (c < 0x80) s += char(c);
  else if (c < 0x800) { s += char(0xC0 | (c >> 6)); s += char(0x80 | (c & 0x3F)); }
  else { s += char(0xE0 | (c >> 12)); s += char(0x80 | ((c >> 6) & 0x3F)); s += char(0x80 | (c & 0x3F)); }
}

// A BIFF8 unicode string of `cch` characters at p (flags byte first): compressed (Latin-1) or UTF-16LE; rich-text
// and phonetic runs skipped. False when it does not fit in the record (it continues in a CONTINUE record).
bool biff8_chars(const uint8_t* p, size_t avail, size_t cch, std::string& out) {
  if (avail < 1) return false;
  uint8_t fl = p[0];
  size_t off = 1;
  if (fl & 0x08) off += 2;  // rich text: run count
  if (fl & 0x04) off += 4;  // phonetic: size
  bool wide = fl & 1;
  if (off + cch * (wide ? 2 : 1) > avail) return false;
  out.clear();
  for (size_t i = 0; i < cch; ++i) {
    uint32_t c = wide ? u16(p + off + 2 * i) : p[off + i];
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // surrogates: not decoded
    put_utf8(out, c);
  }
  return true;
}

}  // namespace

const char* xls_error_name(uint8_t code) {
  switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    case 0x2B: return "#GETTING_DATA";
    default: return "#ERR";
  }
}

XlsScanError scan_xls(const uint8_t* p, size_t n, uint64_t budget, XlsScan& out, std::string& detail) {
  static const uint8_t magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (n < 8 || std::memcmp(p, magic, 8) != 0) { detail = "no OLE2 signature"; return XlsScanError::NotOle; }
  if (n < 512) { detail = "the file ends inside its 512-byte header"; return XlsScanError::Truncated; }
  Ole ole{p, n, 512, {}, &detail};
  uint16_t shift = u16(p + 30);
  if (u16(p + 28) != 0xFFFE || (shift != 9 && shift != 12) || u16(p + 32) != 6) {
    detail = "invalid compound-file header";
    return XlsScanError::Corrupt;
  }
  ole.ssz = 1u << shift;
  if (n < ole.ssz) { detail = "the file ends inside its header sector"; return XlsScanError::Truncated; }
  const uint32_t csect_fat = u32(p + 44), dir_start = u32(p + 48), cutoff = u32(p + 56), minifat_start = u32(p + 60),
                 difat_start = u32(p + 68);
  const size_t per_sector = ole.ssz / 4;
  // The FAT sectors: 109 in the header, the rest in the DIFAT chain. No more than the file can hold.
  if (csect_fat == 0 || csect_fat > ole.sectors_in_file() + 1) {
    detail = "the header declares " + std::to_string(csect_fat) + " FAT sectors";
    return csect_fat ? XlsScanError::Truncated : XlsScanError::Corrupt;
  }
  std::vector<uint32_t> fat_sectors;
  for (uint32_t i = 0; i < 109 && fat_sectors.size() < csect_fat; ++i) fat_sectors.push_back(u32(p + 76 + 4 * i));
  for (uint32_t d = difat_start, hops = 0; fat_sectors.size() < csect_fat; ++hops) {
    const uint8_t* q = d == kEnd || d == kFree ? nullptr : ole.sector(d);
    if (!q || hops > ole.sectors_in_file()) {
      detail = "the FAT list (DIFAT) ends after " + std::to_string(fat_sectors.size()) + " of " +
               std::to_string(csect_fat) + " sectors";
      return XlsScanError::Truncated;
    }
    for (size_t i = 0; i + 1 < per_sector && fat_sectors.size() < csect_fat; ++i) fat_sectors.push_back(u32(q + 4 * i));
    d = u32(q + ole.ssz - 4);
  }
  ole.fat.reserve(fat_sectors.size() * per_sector);
  for (uint32_t s : fat_sectors) {
    const uint8_t* q = ole.sector(s);
    if (!q) {
      detail = "FAT sector " + std::to_string(s) + " lies beyond the end of the file";
      return XlsScanError::Truncated;
    }
    for (size_t i = 0; i < per_sector; ++i) ole.fat.push_back(u32(q + 4 * i));
  }
  // The directory: the root (its start and size are the mini stream's) and the workbook stream.
  std::string dir;
  if (XlsScanError e = ole.chain(dir_start, n, dir); e != XlsScanError::None) return e;
  if (dir.size() < 128) { detail = "the directory is empty"; return XlsScanError::Corrupt; }
  const uint8_t* d = reinterpret_cast<const uint8_t*>(dir.data());
  uint32_t mini_start = u32(d + 116), mini_size = u32(d + 120), wb_start = 0, wb_size = 0;
  bool found = false;
  for (size_t off = 0; off + 128 <= dir.size() && !found; off += 128) {
    // A name is at most 64 bytes (32 UTF-16 units); freexl converts as many bytes as the entry declares, past the
    // entry and past its buffer for the directory sector.
    if (u16(d + off + 64) > 64) {
      detail = "directory entry " + std::to_string(off / 128) + " declares a name of " + std::to_string(u16(d + off + 64)) +
               " bytes (at most 64)";
      return XlsScanError::Corrupt;
    }
    std::string name = utf16_name(d + off, u16(d + off + 64));
    if (d[off + 66] == 2 && (name == "workbook" || name == "book")) {
      found = true;
      wb_start = u32(d + off + 116);
      wb_size = u32(d + off + 120);
    }
  }
  if (!found) { detail = "no Workbook stream"; return XlsScanError::NoWorkbookStream; }
  if (wb_size > n) {
    detail = "the Workbook stream declares " + std::to_string(wb_size) + " bytes in a file of " + std::to_string(n);
    return XlsScanError::Truncated;
  }
  std::string wb;
  if (wb_size < cutoff) {  // in the mini stream: 64-byte sectors, their own FAT
    std::string mini, minifat;
    if (XlsScanError e = ole.chain(mini_start, mini_size, mini); e != XlsScanError::None) return e;
    if (XlsScanError e = ole.chain(minifat_start, n, minifat); e != XlsScanError::None) return e;
    size_t entries = minifat.size() / 4, steps = 0;
    for (uint32_t s = wb_start; s != kEnd && wb.size() < wb_size; s = u32(reinterpret_cast<const uint8_t*>(minifat.data()) + 4 * size_t(s))) {
      if (s >= entries || ++steps > entries || (uint64_t(s) + 1) * 64 > mini.size()) {
        detail = "mini-stream chain broken at sector " + std::to_string(s);
        return XlsScanError::Truncated;
      }
      wb.append(mini, size_t(s) * 64, 64);
    }
  } else if (XlsScanError e = ole.chain(wb_start, wb_size, wb); e != XlsScanError::None) {
    return e;
  }
  if (wb.size() < wb_size) {
    detail = "the Workbook stream holds " + std::to_string(wb.size()) + " of its " + std::to_string(wb_size) + " bytes";
    return XlsScanError::Truncated;
  }

  // The BIFF records: globals (BOF, BOUNDSHEET, DATEMODE, FILEPASS), then each sheet's substream from its BOF.
  const uint8_t* s = reinterpret_cast<const uint8_t*>(wb.data());
  const size_t sn = wb.size();
  if (sn < 8 || u16(s) != 0x0809) { detail = "the Workbook stream does not start with a BOF record"; return XlsScanError::Corrupt; }
  out.biff = u16(s + 4) == 0x0600 ? 8 : 5;
  uint64_t held = 0;
  XlsSheet* cur = nullptr;
  bool globals = true;
  bool want_string = false;
  int dims_here = 0;  // DIMENSION records since the last BOF
  std::unordered_map<uint16_t, std::string> formats;  // FORMAT: ifmt → code
  std::vector<uint16_t> xf_fmt;                        // XF: index → ifmt
  auto date_cell = [&](uint32_t row, uint32_t col, uint16_t xf) {
    if (xf < out.xf.size() && out.xf[xf].kind != NumFmtKind::Number && col < 256) {
      held += 16;
      cur->date_xf[row * 256 + col] = xf;
    }
  };  // a FORMULA with a text result: its STRING record follows
  for (size_t pos = 0; pos + 4 <= sn;) {
    const uint16_t type = u16(s + pos), len = u16(s + pos + 2);
    if (pos + 4 + len > sn) {
      detail = "record " + std::to_string(type) + " at offset " + std::to_string(pos) + " runs past the stream's end";
      return XlsScanError::Truncated;
    }
    const uint8_t* r = s + pos + 4;
    // Between a FORMULA and its STRING: the shared or array formula it starts (SHRFMLA, ARRAY, TABLE).
    const bool between = type == 0x04BC || type == 0x0221 || type == 0x0236;
    if (want_string && type != 0x0207 && !between) {
      if (cur && !cur->cells.empty()) cur->cells.back().kind = XlsCell::Unread;
      want_string = false;
    }
    switch (type) {
      case 0x0809:  // BOF: the sheet whose BOUNDSHEET points here (charts and others: none)
        dims_here = 0;
        if (pos > 0) {
          if (globals)  // the globals are done: which XFs are date formats
            for (uint16_t f : xf_fmt) {
              XlsDateFormat d;
              auto it = formats.find(f);
              d.code = it != formats.end() ? it->second : builtin_number_format(f);
              d.kind = classify_number_format(f, it != formats.end() ? std::string_view(it->second) : std::string_view());
              out.xf.push_back(std::move(d));
            }
          globals = false;
          cur = nullptr;
          for (auto& sh : out.sheets)
            if (sh.bof == pos) cur = &sh;
        }
        break;
      case 0x0085:  // BOUNDSHEET
        if (globals && len >= 8) {
          XlsSheet sh;
          sh.bof = u32(r);
          sh.hidden = (r[4] & 3) != 0;
          sh.type = r[5];
          size_t cch = r[6];
          if (out.biff == 8) {
            if (!biff8_chars(r + 7, len - 7, cch, sh.name)) sh.name = "?";
          } else {
            for (size_t i = 0; i < cch && 7 + i < len; ++i) put_utf8(sh.name, r[7 + i]);
          }
          if (out.sheets.size() < 65536) out.sheets.push_back(std::move(sh));
        }
        break;
      case 0x0022: if (globals && len >= 2) out.date1904 = u16(r) == 1; break;
      case 0x002F: if (globals) out.filepass = true; break;
      case 0x0204:  // LABEL: the text must lie inside the record (freexl copies cch characters without checking)
        if (len >= 8 && u16(r + 6) > 0) {
          size_t cch = u16(r + 6);
          if (out.biff == 8 ? len < 9 || 9 + cch * ((r[8] & 1) ? 2 : 1) > len : 8 + cch > len) out.text_overrun = true;
        }
        break;
      case 0x0200:  // DIMENSION, wherever it is: freexl allocates its grid for each
        // Counted whatever its length: freexl takes the sizes of a short one from the previous record's bytes, and
        // when that grid is refused it keeps the new sizes with the old grid (and overruns it when freeing).
        if (++dims_here > 1) out.dimension_repeated = true;
        if (len < (out.biff == 8 ? 12 : 8)) out.dimension_short = true;
        if (len >= 8) {
          uint64_t g5 = uint64_t(u16(r + 2)) * u16(r + 6), g8 = len >= 12 ? uint64_t(u32(r + 4)) * u16(r + 10) : 0;
          out.declared_cells += std::max(g5, g8);
          if (out.biff == 8 ? len >= 12 && (u32(r + 4) > 65536 || u16(r + 10) > 256) : u16(r + 6) > 256)
            out.dimension_beyond_limits = true;
        }
        break;
      case 0x041E:  // FORMAT (its text inside the record, as for LABEL)
        if (len >= 3 && (out.biff == 8 ? len < 5 || 5 + size_t(u16(r + 2)) * ((r[4] & 1) ? 2 : 1) > len : 3 + size_t(r[2]) > len))
          out.text_overrun = true;
        if (globals && len >= 3 && formats.size() < 4096) {
          std::string code;
          if (out.biff == 8 ? len >= 5 && biff8_chars(r + 4, len - 4, u16(r + 2), code)
                            : (code.assign(reinterpret_cast<const char*>(r + 3), std::min<size_t>(r[2], len - 3)), true))
            formats[u16(r)] = code;
        }
        break;
      case 0x00E0:  // XF
        if (globals && len >= 4 && xf_fmt.size() < 65536) xf_fmt.push_back(u16(r + 2));
        break;
      default: break;
    }
    if (cur) {
      auto extent = [&](uint32_t row, uint32_t col) {
        cur->max_row = std::max<int64_t>(cur->max_row, row);
        cur->max_col = std::max<int32_t>(cur->max_col, int32_t(col));
        auto [it, fresh] = cur->row_cols.try_emplace(row, uint16_t(col), uint16_t(col));
        if (fresh) held += 48;
        it->second.first = std::min<uint16_t>(it->second.first, uint16_t(col));
        it->second.second = std::max<uint16_t>(it->second.second, uint16_t(col));
      };
      auto add = [&](XlsCell c) {
        held += sizeof(XlsCell) + c.text.size();
        if (held > budget) return false;
        cur->cells.push_back(std::move(c));
        return true;
      };
      switch (type) {
        case 0x0200:  // DIMENSION
          if (out.biff == 8 && len >= 12) { cur->has_dim = true; cur->dim_rows = u32(r + 4); cur->dim_cols = u16(r + 10); }
          else if (out.biff == 5 && len >= 8) { cur->has_dim = true; cur->dim_rows = u16(r + 2); cur->dim_cols = u16(r + 6); }
          break;
        case 0x0203: case 0x027E: case 0x0204: case 0x00FD:  // NUMBER, RK, LABEL, LABELSST
          if (len >= 6) {
            extent(u16(r), u16(r + 2));
            if (type == 0x0203 || type == 0x027E) date_cell(u16(r), u16(r + 2), u16(r + 4));
          }
          break;
        case 0x00BD:  // MULRK: row, first column, (XF, RK) per cell, last column
          if (len >= 6) {
            extent(u16(r), u16(r + len - 2));
            for (size_t i = 0, c = u16(r + 2); 4 + 6 * i + 2 <= size_t(len) - 2; ++i, ++c) date_cell(u16(r), uint32_t(c), u16(r + 4 + 6 * i));
          }
          break;
        case 0x0006:  // FORMULA: the cached result
          if (len >= 14) {
            XlsCell c;
            c.formula = true;
            c.row = u16(r);
            c.col = u16(r + 2);
            c.xf = u16(r + 4);
            extent(c.row, c.col);
            const uint8_t* v = r + 6;
            if (u16(v + 6) != 0xFFFF) {
              std::memcpy(&c.num, v, 8);
            } else if (v[0] == 0) {
              c.kind = XlsCell::Text;
              want_string = true;
            } else if (v[0] == 1) {
              c.kind = XlsCell::Bool;
              c.code = v[2] ? 1 : 0;
            } else if (v[0] == 2) {
              c.kind = XlsCell::Error;
              c.code = v[2];
            } else if (v[0] == 3) {
              c.kind = XlsCell::Text;  // an empty string
            } else {
              c.kind = XlsCell::Unread;
            }
            if (!add(std::move(c))) { detail = "formula cells"; return XlsScanError::TooLarge; }
          }
          break;
        case 0x0207:  // STRING: the text result of the FORMULA before it
          if (want_string && !cur->cells.empty()) {
            XlsCell& c = cur->cells.back();
            bool ok = false;
            if (out.biff == 8 && len >= 3) ok = biff8_chars(r + 2, len - 2, u16(r), c.text);
            held += c.text.size();
            if (!ok) c.kind = XlsCell::Unread;
            if (held > budget) { detail = "formula texts"; return XlsScanError::TooLarge; }
          }
          want_string = false;
          break;
        case 0x0205:  // BOOLERR
          if (len >= 8) {
            XlsCell c;
            c.row = u16(r);
            c.col = u16(r + 2);
            extent(c.row, c.col);
            c.kind = r[7] ? XlsCell::Error : XlsCell::Bool;
            c.code = r[7] ? r[6] : (r[6] ? 1 : 0);
            if (!add(std::move(c))) { detail = "boolean cells"; return XlsScanError::TooLarge; }
          }
          break;
        case 0x00E5:  // MERGEDCELLS
          if (len >= 2)
            for (size_t i = 0, k = u16(r); i < k && 2 + 8 * i + 8 <= len && cur->merges.size() < 100000; ++i) {
              const uint8_t* m = r + 2 + 8 * i;
              MergeRange mr;
              mr.r1 = u16(m) + 1;
              mr.r2 = u16(m + 2) + 1;
              mr.c1 = u16(m + 4) + 1;
              mr.c2 = u16(m + 6) + 1;
              if (mr.r2 >= mr.r1 && mr.c2 >= mr.c1) cur->merges.push_back(mr);
            }
          break;
        case 0x0208:  // ROW: fDyZero (bit 5 of grbit) hides it
          if (len >= 14 && (u16(r + 12) & 0x20) && cur->hidden_rows.size() < 65536) cur->hidden_rows.insert(u16(r) + 1);
          break;
        case 0x007D:  // COLINFO: fHidden (bit 0 of options)
          if (len >= 10 && (u16(r + 8) & 1))
            for (uint32_t c = u16(r); c <= std::min<uint32_t>(u16(r + 2), 255); ++c) cur->hidden_cols.insert(int32_t(c + 1));
          break;
        case 0x000A: cur = nullptr; break;  // EOF of the sheet
        default: break;
      }
    }
    if (held > budget) { detail = "date cells"; return XlsScanError::TooLarge; }
    pos += 4 + size_t(len);
  }
  if (want_string && cur && !cur->cells.empty()) cur->cells.back().kind = XlsCell::Unread;
  return XlsScanError::None;
}

}  // namespace zicht::core
