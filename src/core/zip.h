// Zicht core (internal) — reading a zip archive held in memory (the .xlsx / .ods container): the central directory
// at the end, each entry's local header, and the entry's bytes inflated with zlib in chunks into a callback, so a
// sheet's XML is never held whole. Guards against hostile archives: a truncated or corrupt directory, entries that
// inflate past their declared size or past a compression ratio no real workbook reaches (zip bombs), a total
// inflate budget over the whole archive, encrypted entries and unknown compression methods.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace zicht::core {

struct ZipEntry {
  std::string name;
  uint16_t method = 0;  // 0 stored, 8 deflate
  uint16_t flags = 0;   // bit 0: encrypted
  uint32_t crc = 0;
  uint64_t compressed = 0, size = 0, local_offset = 0;
};

enum class ZipError { None, Truncated, Corrupt, Bomb, Encrypted, Unsupported, Stopped };
const char* zip_error_name(ZipError e);  // "truncated", "corrupt", "bomb", "encrypted", "unsupported", "stopped"

struct ZipLimits {
  uint64_t total_budget = uint64_t(1) << 30;  // bytes inflated over all entries of the archive
  double max_ratio = 500;                     // inflated / compressed, checked once an entry passed min_ratio_bytes
  uint64_t min_ratio_bytes = uint64_t(1) << 20;
};

class ZipArchive {
 public:
  // Reads the central directory of the archive in [data, data + n) (kept by reference: must outlive this object).
  ZipError open(const uint8_t* data, size_t n, std::string& detail);
  const std::vector<ZipEntry>& entries() const { return entries_; }
  const ZipEntry* find(const std::string& name) const;  // exact name; then ASCII case-insensitively

  // Inflates `e` into `sink` in chunks of up to 64 KiB; `sink` returns false to stop (→ ZipError::Stopped).
  // Checks the declared size, the CRC-32, the ratio and the archive's total budget (`limits`, shared by all calls).
  ZipError read(const ZipEntry& e, const std::function<bool(const char*, size_t)>& sink, std::string& detail);
  // Inflates a (small) entry whole into `out`, refusing entries declared or inflating beyond `max_bytes`.
  ZipError read_all(const ZipEntry& e, std::string& out, size_t max_bytes, std::string& detail);

  ZipLimits limits;
  uint64_t inflated_total() const { return inflated_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t n_ = 0;
  std::vector<ZipEntry> entries_;
  uint64_t inflated_ = 0;
};

}  // namespace zicht::core
