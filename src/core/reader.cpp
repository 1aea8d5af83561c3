// Zicht core — the reader's driver: feeds bytes through sniffing (sniff.cpp), decoding (encoding.cpp) and the CSV
// or JSON scanner (csv_scanner.cpp, json_scanner.cpp) into the TableBuilder; IncrementalReader, read_bytes and
// read_file. Sniffing runs on exactly the first ReadOptions::sniff_bytes, so the result does not depend on chunking.
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "core/reader_impl.h"
#include "core/sniff.h"
#include "core/stat_reader.h"
#include "core/workbook.h"

namespace zicht::core {


namespace {
std::string mb(uint64_t b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", double(b) / 1e6);
  return buf;
}
}  // namespace

Status IncrementalReader::Impl::sniff(bool complete) {
  sniffed = true;
  const uint8_t* p = sample.data();
  size_t n = sample.size();
  Format bin = sniff_binary_format(p, n, rep.sniff.format);
  if (bin == Format::Xlsx || bin == Format::Zip || bin == Format::Xls) {  // workbooks: workbook_reader.cpp
    Status w = start_workbook(bin);
    if (!w.ok() || workbook) return w;
  }
  if (bin == Format::Unknown) {
    Status named = check_named_stat_file(file, p, n);
    if (!named.ok()) return fail(std::move(named));
  }
  if (bin != Format::Unknown && reads_whole_file(bin)) {
    rep.format = bin;
    sniff_not_csv(rep.sniff);
    mode = Mode::Whole;
    whole.swap(sample);
    return status;
  }
  if (bin != Format::Unknown) {
    rep.format = bin;
    return fail(make_error(ErrorCode::UnsupportedFormat, file, {std::string("error.unsupported_") + format_name(bin), {}},
                           0, "", "unsupported_format"));
  }
  EncodingSniff es = sniff_encoding(p, n, complete, opt);
  rep.encoding = es.encoding;
  rep.encoding_overridden = es.why.reason == "user";
  rep.sniff.encoding = es.why;
  rep.encoding_reason = render_reason("encoding", es.why, i18n::Lang::en);
  dec.set_encoding(es.encoding);
  dec.decode(p + es.bom, n - es.bom, text);
  if (complete) dec.flush(text);
  std::vector<uint8_t>().swap(sample);

  note_text_with_binary_extension();  // "data.xlsx" that is really CSV text (workbook_reader.cpp)
  // Format: JSON if the first non-space character is [ or {
  size_t first = sniff_json_start(text, rep.sniff.format);
  if (first != std::string::npos) {
    sniff_not_csv(rep.sniff);
    return start_json(first, complete);
  }
  if (complete && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    rep.sniff.format = {format_name(Format::Unknown), "empty", {}};
    return fail(make_error(ErrorCode::EmptyFile, file, {"error.empty_file", {}}, 0, "", "empty_file"));
  }
  rep.format = Format::Csv;
  mode = Mode::Csv;
  sniff_dialect(text, complete, opt, rep.dialect, rep.sniff, rep.notes);
  return status;
}

Status IncrementalReader::Impl::process(bool final) {
  if (mode == Mode::Csv) return scan_csv(final);
  return scan_json(final);
}

Status IncrementalReader::Impl::check_memory() {
  uint64_t used = builder.memory_bytes() + text.capacity();
  uint64_t projected = used;
  if (total > fed && fed >= (1u << 20)) projected = uint64_t(double(used) * double(total) / double(fed));
  // The typed table needs up to ~2x the coded columns while converting.
  if (projected + projected / 2 > opt.memory_budget_bytes && fed >= (1u << 20))
    return fail(make_error(ErrorCode::TooLarge, file,
                           {"error.too_large", {mb(fed), mb(total ? total : fed), mb(used),
                                                mb(projected + projected / 2), mb(opt.memory_budget_bytes)}},
                           builder.rows() + 1, "", "memory_budget"));
  return status;
}

Status IncrementalReader::Impl::feed(const uint8_t* p, size_t n) {
  if (!status.ok()) return status;
  if (finished) return fail(make_error(ErrorCode::Finished, file, {"error.feed_after_finish", {}}));
  if (opt.compute_sha256) sha.update(p, n);
  fed += n;
  if (!sniffed) {
    // Sniff on exactly the first sniff_bytes (deterministic whatever the chunking), then go on.
    size_t want = opt.sniff_bytes > sample.size() ? opt.sniff_bytes - sample.size() : 0;
    size_t take = std::min(want, n);
    sample.insert(sample.end(), p, p + take);
    p += take;
    n -= take;
    if (sample.size() < opt.sniff_bytes) return status;
    if (!sniff(false).ok()) return status;
    if (workbook) return feed_workbook(p, n);
    if (mode == Mode::Whole) return keep_whole(p, n);
    if (n) dec.decode(p, n, text);
    if (!process(false).ok()) return status;
    return check_memory();
  }
  if (workbook) return feed_workbook(p, n);
  if (mode == Mode::Whole) return keep_whole(p, n);
  dec.decode(p, n, text);
  if (!process(false).ok()) return status;
  if ((fed >> 20) != ((fed - n) >> 20)) check_memory();  // about once per MiB
  return status;
}

Status IncrementalReader::Impl::finish() {
  if (finished) return status;
  finished = true;
  if (opt.compute_sha256) rep.sha256 = sha.hex();
  rep.bytes = fed;
  if (!status.ok()) return status;
  if (!is_sha256_hex(rep.sha256))
    return fail(make_error(ErrorCode::Usage, file,
                           {"error.sha256_missing", {rep.sha256.substr(0, 80)}}, 0, "", "sha256"));
  if (!sniffed) {
    if (sample.empty())
      return fail(make_error(ErrorCode::EmptyFile, file, {"error.empty_file_0_bytes", {}}, 0, "", "empty_file"));
    if (!sniff(true).ok()) return status;
  } else if (!workbook && mode != Mode::Whole) {
    dec.flush(text);
  }
  if (workbook) return finish_workbook();
  if (mode == Mode::Whole) return finish_whole();
  if (!process(true).ok()) return status;
  if (dec.invalid_count() && rep.encoding != Encoding::Windows1252)
    note("note.invalid_sequences", {std::to_string(dec.invalid_count()), encoding_name(rep.encoding),
                                    std::to_string(dec.first_invalid_offset())});
  if (dec.nul_count()) note("note.nul_bytes", {std::to_string(dec.nul_count())});
  if (mode == Mode::Csv) {
    finish_csv();
  } else {
    rep.dialect.delimiter = 0;
    rep.dialect.quote = '"';
    rep.dialect.header = false;
    rep.dialect.line_endings = "";
  }
  std::string().swap(text);
  builder.finish(table, mode != Mode::Csv);
  if (rep.flags_total > int64_t(rep.flags.size()))
    note("note.flags_truncated", {std::to_string(rep.flags_total), std::to_string(rep.flags.size())});
  return status;
}

// Whole-file formats: the library needs the file at once (ReadStat seeks; freexl reads a compound document).
// Budget: the bytes, the library's values and the typed table are alive together (about 4x the file at the peak).
Status IncrementalReader::Impl::keep_whole(const uint8_t* p, size_t n) {
  uint64_t size = std::max<uint64_t>(total, fed);
  if (size * 4 > opt.memory_budget_bytes && status.ok())
    return fail(make_error(ErrorCode::TooLarge, file,
                           {"error.too_large", {mb(fed), mb(size), mb(whole.size()), mb(size * 4),
                                                mb(opt.memory_budget_bytes)}},
                           0, "", "memory_budget"));
  if (status.ok()) whole.insert(whole.end(), p, p + n);
  return status;
}

Status IncrementalReader::Impl::finish_whole() {
  if (!keep_whole(nullptr, 0).ok()) return status;  // the budget, also for a file that fitted in the sniff sample
  std::vector<uint8_t> bytes;
  bytes.swap(whole);
  if (is_stat_format(rep.format)) fail(read_stat(rep.format, file, bytes.data(), bytes.size(), opt, rep, table));
  if (rep.format == Format::Xls) fail(read_xls(file, bytes.data(), bytes.size(), opt, rep, builder, table));
  if (rep.flags_total > int64_t(rep.flags.size()))
    note("note.flags_truncated", {std::to_string(rep.flags_total), std::to_string(rep.flags.size())});
  return status;
}

IncrementalReader::IncrementalReader(std::string file_name, ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(file_name), std::move(options))) {}
IncrementalReader::~IncrementalReader() = default;
void IncrementalReader::set_total_bytes(uint64_t t) { impl_->total = t; }
void IncrementalReader::set_sha256(std::string hex) { impl_->rep.sha256 = std::move(hex); }
Status IncrementalReader::feed(const uint8_t* data, size_t n) {
  try {
    return impl_->feed(data, n);
  } catch (const std::bad_alloc&) {
    return impl_->fail(make_error(ErrorCode::TooLarge, impl_->file, {"error.out_of_memory", {}}, 0, "", "memory_budget"));
  } catch (const std::exception& e) {
    return impl_->fail(make_error(ErrorCode::MalformedJson, impl_->file, {"error.exception", {e.what()}}));
  }
}
Status IncrementalReader::finish() {
  try {
    return impl_->finish();
  } catch (const std::bad_alloc&) {
    return impl_->fail(make_error(ErrorCode::TooLarge, impl_->file, {"error.out_of_memory", {}}, 0, "", "memory_budget"));
  } catch (const std::exception& e) {
    return impl_->fail(make_error(ErrorCode::MalformedJson, impl_->file, {"error.exception", {e.what()}}));
  }
}
double IncrementalReader::progress(uint64_t total_bytes) const {
  if (total_bytes == 0) return impl_->finished ? 1.0 : 0.0;
  double p = double(impl_->fed) / double(total_bytes);
  return p > 1 ? 1 : p;
}
double IncrementalReader::progress() const { return progress(impl_->total); }
uint64_t IncrementalReader::bytes_fed() const { return impl_->fed; }
const ReadReport& IncrementalReader::report() const { return impl_->rep; }
Table IncrementalReader::take_table() { return std::move(impl_->table); }
const Status& IncrementalReader::status() const { return impl_->status; }

ReadResult read_bytes(std::string file_name, const uint8_t* data, size_t n, const ReadOptions& options) {
  ReadResult res;
  IncrementalReader r(std::move(file_name), options);
  r.set_total_bytes(n);
  const size_t chunk = size_t(1) << 20;
  for (size_t off = 0; off < n; off += chunk) {
    if (!r.feed(data + off, std::min(chunk, n - off)).ok()) break;
  }
  res.status = r.finish();
  if (!r.status().ok()) res.status = r.status();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

ReadResult read_file(const std::string& path, const ReadOptions& options) {
  ReadResult res;
  std::string name = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    res.status = make_error(ErrorCode::Io, path, {"error.cannot_open", {}}, 0, "", "io_error");
    res.report.file_name = path;
    return res;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  IncrementalReader r(name, options);
  if (size > 0) r.set_total_bytes(uint64_t(size));
  std::vector<char> buf(size_t(1) << 20);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (!r.feed(reinterpret_cast<const uint8_t*>(buf.data()), size_t(got)).ok()) break;
  }
  if (in.bad()) {
    res.status = make_error(ErrorCode::Io, path, {"error.read_error", {}}, 0, "", "io_error");
    res.report = r.report();
    return res;
  }
  res.status = r.finish();
  if (!r.status().ok()) res.status = r.status();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

}  // namespace zicht::core
