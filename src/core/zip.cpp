#include "core/zip.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <zlib.h>

namespace zicht::core {
namespace {

uint16_t u16(const uint8_t* p) { return uint16_t(p[0] | p[1] << 8); }
uint32_t u32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
uint64_t u64(const uint8_t* p) { return uint64_t(u32(p)) | uint64_t(u32(p + 4)) << 32; }

constexpr uint32_t kEocd = 0x06054b50, kCentral = 0x02014b50, kLocal = 0x04034b50, kEocd64 = 0x06064b50,
                   kLocator64 = 0x07064b50;

bool iequal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

const char* zip_error_name(ZipError e) {
  switch (e) {
    case ZipError::None: return "none";
    case ZipError::Truncated: return "truncated";
    case ZipError::Corrupt: return "corrupt";
    case ZipError::Bomb: return "bomb";
    case ZipError::Encrypted: return "encrypted";
    case ZipError::Unsupported: return "unsupported";
    case ZipError::Stopped: return "stopped";
  }
  return "corrupt";
}

ZipError ZipArchive::open(const uint8_t* data, size_t n, std::string& detail) {
  data_ = data;
  n_ = n;
  entries_.clear();
  if (n < 22) {
    detail = "shorter than a zip directory";
    return ZipError::Truncated;
  }
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  size_t lo = n > 65557 ? n - 65557 : 0;
  size_t eocd = SIZE_MAX;
  for (size_t i = n - 22 + 1; i-- > lo;)
    if (u32(data + i) == kEocd && i + 22 + u16(data + i + 20) <= n) { eocd = i; break; }
  if (eocd == SIZE_MAX) {
    detail = "no end-of-directory record (the file is cut off or not a zip archive)";
    return ZipError::Truncated;
  }
  uint64_t count = u16(data + eocd + 10), cd_size = u32(data + eocd + 12), cd_off = u32(data + eocd + 16);
  if ((count == 0xFFFF || cd_size == 0xFFFFFFFF || cd_off == 0xFFFFFFFF) && eocd >= 20 &&
      u32(data + eocd - 20) == kLocator64) {
    uint64_t off64 = u64(data + eocd - 20 + 8);
    if (off64 > n - 56 || u32(data + off64) != kEocd64) {
      detail = "zip64 directory record missing";
      return ZipError::Truncated;
    }
    count = u64(data + off64 + 32);
    cd_size = u64(data + off64 + 40);
    cd_off = u64(data + off64 + 48);
  }
  if (cd_off > n || cd_size > n - cd_off) {
    detail = "the directory points past the end of the file (" + std::to_string(cd_off + cd_size) + " > " +
             std::to_string(n) + " bytes): the file is cut off";
    return ZipError::Truncated;
  }
  if (count > cd_size / 46) {
    detail = "directory holds fewer entries than declared";
    return ZipError::Corrupt;
  }
  entries_.reserve(size_t(count));
  size_t p = size_t(cd_off), end = size_t(cd_off + cd_size);
  for (uint64_t k = 0; k < count; ++k) {
    if (end - p < 46 || u32(data + p) != kCentral) {
      detail = "directory entry " + std::to_string(k + 1) + " is damaged";
      return ZipError::Corrupt;
    }
    ZipEntry e;
    e.flags = u16(data + p + 8);
    e.method = u16(data + p + 10);
    e.crc = u32(data + p + 16);
    e.compressed = u32(data + p + 20);
    e.size = u32(data + p + 24);
    size_t name_len = u16(data + p + 28), extra_len = u16(data + p + 30), comment_len = u16(data + p + 32);
    e.local_offset = u32(data + p + 42);
    if (end - p - 46 < name_len + extra_len + comment_len) {
      detail = "directory entry " + std::to_string(k + 1) + " is damaged";
      return ZipError::Corrupt;
    }
    e.name.assign(reinterpret_cast<const char*>(data + p + 46), name_len);
    // zip64 extra field: the 64-bit values, in order, for the fields that are 0xFFFFFFFF.
    const uint8_t* x = data + p + 46 + name_len;
    for (size_t q = 0; q + 4 <= extra_len;) {
      uint16_t id = u16(x + q), len = u16(x + q + 2);
      if (q + 4 + len > extra_len) break;
      if (id == 1) {
        size_t r = q + 4;
        auto take = [&](uint64_t& v) {
          if (v == 0xFFFFFFFF && r + 8 <= q + 4 + len) { v = u64(x + r); r += 8; }
        };
        take(e.size);
        take(e.compressed);
        take(e.local_offset);
      }
      q += 4 + len;
    }
    entries_.push_back(std::move(e));
    p += 46 + name_len + extra_len + comment_len;
  }
  return ZipError::None;
}

const ZipEntry* ZipArchive::find(const std::string& name) const {
  for (auto& e : entries_)
    if (e.name == name) return &e;
  for (auto& e : entries_)
    if (iequal(e.name, name)) return &e;
  return nullptr;
}

ZipError ZipArchive::read(const ZipEntry& e, const std::function<bool(const char*, size_t)>& sink,
                          std::string& detail) {
  if (e.flags & 1) {
    detail = e.name + " is encrypted";
    return ZipError::Encrypted;
  }
  if (e.method != 0 && e.method != 8) {
    detail = e.name + ": compression method " + std::to_string(e.method);
    return ZipError::Unsupported;
  }
  if (e.local_offset > n_ || n_ - e.local_offset < 30 || u32(data_ + e.local_offset) != kLocal) {
    detail = e.name + ": local header missing (the file is cut off or damaged)";
    return ZipError::Truncated;
  }
  uint64_t start = e.local_offset + 30 + u16(data_ + e.local_offset + 26) + u16(data_ + e.local_offset + 28);
  if (start > n_ || e.compressed > n_ - start) {
    detail = e.name + ": its data runs past the end of the file (cut off)";
    return ZipError::Truncated;
  }
  if (e.size > limits.total_budget - std::min(inflated_, limits.total_budget)) {
    detail = e.name + " declares " + std::to_string(e.size) + " bytes, more than the budget of " +
             std::to_string(limits.total_budget) + " bytes";
    return ZipError::Bomb;
  }
  const uint8_t* src = data_ + start;
  uLong crc = crc32(0L, Z_NULL, 0);
  uint64_t out_total = 0;
  auto account = [&](uint64_t k) -> ZipError {
    out_total += k;
    inflated_ += k;
    if (out_total > e.size) {
      detail = e.name + " inflates past its declared " + std::to_string(e.size) + " bytes";
      return ZipError::Bomb;
    }
    if (inflated_ > limits.total_budget) {
      detail = "the archive inflates past " + std::to_string(limits.total_budget) + " bytes";
      return ZipError::Bomb;
    }
    return ZipError::None;
  };
  if (e.method == 0) {
    if (e.compressed != e.size) {
      detail = e.name + ": stored entry with differing sizes";
      return ZipError::Corrupt;
    }
    const size_t kStep = 64 * 1024;
    for (uint64_t off = 0; off < e.size; off += kStep) {
      size_t k = size_t(std::min<uint64_t>(kStep, e.size - off));
      if (ZipError z = account(k); z != ZipError::None) return z;
      crc = crc32(crc, src + off, uInt(k));
      if (!sink(reinterpret_cast<const char*>(src + off), k)) return ZipError::Stopped;
    }
  } else {
    // Declared ratio first: a bomb usually says what it is.
    if (e.size > limits.min_ratio_bytes && double(e.size) > limits.max_ratio * double(std::max<uint64_t>(e.compressed, 1))) {
      detail = e.name + " would inflate " + std::to_string(e.compressed) + " bytes to " + std::to_string(e.size) +
               " (ratio above " + std::to_string(int(limits.max_ratio)) + ")";
      return ZipError::Bomb;
    }
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
      detail = "zlib inflateInit failed";
      return ZipError::Corrupt;
    }
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
    std::vector<unsigned char> buf(64 * 1024);
    uint64_t in_left = e.compressed;
    const uint8_t* in = src;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      if (zs.avail_in == 0 && in_left > 0) {
        uInt take = uInt(std::min<uint64_t>(in_left, 1u << 30));
        zs.next_in = const_cast<Bytef*>(in);
        zs.avail_in = take;
        in += take;
        in_left -= take;
      }
      zs.next_out = buf.data();
      zs.avail_out = uInt(buf.size());
      rc = inflate(&zs, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END) {
        if (rc == Z_BUF_ERROR && in_left == 0 && zs.avail_in == 0) {
          detail = e.name + ": compressed data ends early (the file is cut off)";
          return ZipError::Truncated;
        }
        detail = e.name + ": " + (zs.msg ? zs.msg : "inflate error");
        return ZipError::Corrupt;
      }
      size_t got = buf.size() - zs.avail_out;
      if (got) {
        if (ZipError z = account(got); z != ZipError::None) return z;
        uint64_t consumed = e.compressed - in_left - zs.avail_in;
        if (out_total > limits.min_ratio_bytes && double(out_total) > limits.max_ratio * double(std::max<uint64_t>(consumed, 1))) {
          detail = e.name + " inflates " + std::to_string(consumed) + " bytes to more than " +
                   std::to_string(out_total) + " (ratio above " + std::to_string(int(limits.max_ratio)) + ")";
          return ZipError::Bomb;
        }
        crc = crc32(crc, buf.data(), uInt(got));
        if (!sink(reinterpret_cast<const char*>(buf.data()), got)) return ZipError::Stopped;
      } else if (rc == Z_OK && zs.avail_in == 0 && in_left == 0) {
        detail = e.name + ": compressed data ends early (the file is cut off)";
        return ZipError::Truncated;
      }
    }
  }
  if (out_total != e.size) {
    detail = e.name + ": inflated to " + std::to_string(out_total) + " bytes, declared " + std::to_string(e.size);
    return ZipError::Corrupt;
  }
  if (uint32_t(crc) != e.crc) {
    detail = e.name + ": checksum (CRC-32) mismatch";
    return ZipError::Corrupt;
  }
  return ZipError::None;
}

ZipError ZipArchive::read_all(const ZipEntry& e, std::string& out, size_t max_bytes, std::string& detail) {
  out.clear();
  if (e.size > max_bytes) {
    detail = e.name + " declares " + std::to_string(e.size) + " bytes, more than " + std::to_string(max_bytes);
    return ZipError::Bomb;
  }
  out.reserve(size_t(e.size));
  return read(e, [&](const char* p, size_t k) { out.append(p, k); return true; }, detail);
}

}  // namespace zicht::core
