// Builds small .xls files for the fuzz target and tests: BIFF8 records, a one-sheet workbook stream around given
// sheet records, and the OLE2 compound file holding a "Workbook" stream (512-byte sectors, one FAT sector, the stream
// padded to 4,096 bytes so it lives in regular sectors). Plain C++, no test framework.
#pragma once

#include <cstdint>
#include <string>

namespace zicht_test {

inline std::string le16(uint32_t v) { return std::string{char(v & 0xFF), char((v >> 8) & 0xFF)}; }
inline std::string le32(uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

// One BIFF record (the body is cut at 8,224 bytes, BIFF8's limit).
inline std::string biff_rec(uint16_t type, const std::string& body) {
  std::string b = body.substr(0, 8224);
  return le16(type) + le16(uint32_t(b.size())) + b;
}

// A workbook stream: globals (BOF, optional DATEMODE, BOUNDSHEET "Blad1", EOF), then the sheet (BOF, records, EOF).
inline std::string biff_one_sheet(const std::string& sheet_records, bool date1904 = false) {
  std::string bof = biff_rec(0x0809, le16(0x0600) + le16(0x0005) + std::string(12, '\0'));
  std::string mode = date1904 ? biff_rec(0x0022, le16(1)) : "";
  const std::string name = "Blad1";
  size_t bs_size = 4 + 8 + name.size();
  uint32_t sheet_at = uint32_t(bof.size() + mode.size() + bs_size + 4);
  std::string bs = biff_rec(0x0085, le32(sheet_at) + std::string(2, '\0') + char(name.size()) + '\0' + name);
  std::string sheet_bof = biff_rec(0x0809, le16(0x0600) + le16(0x0010) + std::string(12, '\0'));
  return bof + mode + bs + biff_rec(0x000A, "") + sheet_bof + sheet_records + biff_rec(0x000A, "");
}

// The OLE2 container around a "Workbook" stream (at most 126 sectors: the rest is cut off).
inline std::string ole_with_workbook(std::string stream) {
  const uint32_t kEnd = 0xFFFFFFFE, kFree = 0xFFFFFFFF;
  if (stream.size() > 126 * 512) stream.resize(126 * 512);
  uint32_t declared = uint32_t(stream.size() < 4096 ? 4096 : stream.size());
  stream.resize((declared + 511) / 512 * 512, '\0');
  uint32_t sectors = uint32_t(stream.size() / 512);
  std::string h = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(16, '\0') + le16(0x3E) + le16(3) +
                  le16(0xFFFE) + le16(9) + le16(6) + std::string(6, '\0') + le32(0) + le32(1) + le32(1) + le32(0) +
                  le32(4096) + le32(kEnd) + le32(0) + le32(kEnd) + le32(0) + le32(0);
  for (int i = 1; i < 109; ++i) h += le32(kFree);
  std::string fat = le32(0xFFFFFFFD) + le32(kEnd);
  for (uint32_t s = 0; s < sectors; ++s) fat += le32(s + 1 < sectors ? s + 3 : kEnd);
  while (fat.size() < 512) fat += le32(kFree);
  auto entry = [&](const std::string& name, uint8_t type, uint32_t child, uint32_t start, uint32_t size) {
    std::string e;
    for (char c : name) e += std::string{c, '\0'};
    e.resize(64, '\0');
    e += le16(uint32_t(name.size() + 1) * 2) + char(type) + char(1) + le32(kFree) + le32(kFree) + le32(child);
    e.resize(116, '\0');
    return e + le32(start) + le32(size) + le32(0);
  };
  std::string dir = entry("Root Entry", 5, 1, kEnd, 0) + entry("Workbook", 2, kFree, 2, declared);
  dir.resize(512, '\0');
  return h + fat + dir + stream;
}

}  // namespace zicht_test
