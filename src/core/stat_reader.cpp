// Zicht core — statistical files through ReadStat (stat_reader.h): memory I/O handlers over the file's bytes, the
// callbacks that collect variables, values and value labels into StatData, and the errors as reader messages.
// The typed table is built from StatData by stat_table.cpp.
#include "core/stat_reader.h"

#ifndef ZICHT_NO_READSTAT
#include <readstat.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/reader_impl.h"
#include "core/stat_data.h"

namespace zicht::core {
namespace {
#ifndef ZICHT_NO_READSTAT

struct MemoryFile {
  const uint8_t* p = nullptr;
  size_t n = 0, pos = 0;
};

int mem_open(const char*, void* io) {
  static_cast<MemoryFile*>(io)->pos = 0;
  return 0;
}
int mem_close(void*) { return 0; }
readstat_off_t mem_seek(readstat_off_t off, readstat_io_flags_t whence, void* io) {
  auto* f = static_cast<MemoryFile*>(io);
  int64_t base = whence == READSTAT_SEEK_SET ? 0 : whence == READSTAT_SEEK_CUR ? int64_t(f->pos) : int64_t(f->n);
  int64_t to = base + int64_t(off);
  if (to < 0 || to > int64_t(f->n)) return -1;
  f->pos = size_t(to);
  return readstat_off_t(to);
}
ssize_t mem_read(void* buf, size_t nbyte, void* io) {
  auto* f = static_cast<MemoryFile*>(io);
  size_t k = std::min(nbyte, f->n - f->pos);
  if (k) std::memcpy(buf, f->p + f->pos, k);
  f->pos += k;
  return ssize_t(k);
}
readstat_error_t mem_update(long, readstat_progress_handler, void*, void*) { return READSTAT_OK; }

struct Ctx {
  StatData* d;
  uint64_t budget;
};

std::string value_text(readstat_value_t v) {
  switch (readstat_value_type(v)) {
    case READSTAT_TYPE_STRING: {
      const char* s = readstat_string_value(v);
      return s ? s : "";
    }
    case READSTAT_TYPE_FLOAT: return stat_number_text(stat_float_value(readstat_float_value(v)));
    default: return stat_number_text(readstat_double_value(v));
  }
}

// An end of a missing-value range: SPSS writes LO and HI as the lowest and highest double.
std::string range_end(readstat_value_t v, bool low) {
  if (readstat_value_type(v) != READSTAT_TYPE_STRING) {
    double x = readstat_double_value(v);
    if (std::isinf(x) || std::fabs(x) >= std::numeric_limits<double>::max()) return low ? "LO" : "HI";
  }
  return value_text(v);
}

int on_metadata(readstat_metadata_t* m, void* vctx) {
  auto* c = static_cast<Ctx*>(vctx);
  c->d->declared_rows = readstat_get_row_count(m);
  if (const char* e = readstat_get_file_encoding(m)) c->d->encoding = e;
  if (const char* t = readstat_get_table_name(m)) c->d->table_name = t;
  if (const char* l = readstat_get_file_label(m)) c->d->file_label = l;
  // A declared size beyond the budget is refused before a single value is read (9 bytes a cell at the least).
  int64_t vars = readstat_get_var_count(m);
  if (c->d->declared_rows > 0 && vars > 0 &&
      double(c->d->declared_rows) * double(vars) * 9.0 > double(c->budget)) {
    c->d->over_budget = true;
    return READSTAT_HANDLER_ABORT;
  }
  return READSTAT_HANDLER_OK;
}

int on_variable(int index, readstat_variable_t* v, const char* val_labels, void* vctx) {
  auto* c = static_cast<Ctx*>(vctx);
  if (index < 0 || size_t(index) != c->d->vars.size()) return READSTAT_HANDLER_ABORT;
  StatVariable sv;
  if (const char* s = readstat_variable_get_name(v)) sv.name = s;
  if (const char* s = readstat_variable_get_label(v)) sv.label = s;
  if (const char* s = readstat_variable_get_format(v)) sv.format = s;
  if (val_labels) sv.label_set = val_labels;
  sv.is_string = readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING;
  int nr = readstat_variable_get_missing_ranges_count(v);
  for (int i = 0; i < nr; ++i) {
    std::string lo = range_end(readstat_variable_get_missing_range_lo(v, i), true);
    std::string hi = range_end(readstat_variable_get_missing_range_hi(v, i), false);
    sv.user_missing.push_back(lo == hi ? lo : lo + " thru " + hi);
  }
  c->d->vars.push_back(std::move(sv));
  return READSTAT_HANDLER_OK;
}

int on_value(int obs, readstat_variable_t* v, readstat_value_t value, void* vctx) {
  auto* c = static_cast<Ctx*>(vctx);
  int idx = readstat_variable_get_index(v);
  if (idx < 0 || size_t(idx) >= c->d->vars.size() || obs < 0) return READSTAT_HANDLER_ABORT;
  StatVariable& sv = c->d->vars[size_t(idx)];
  if (size_t(obs) < sv.kind.size()) return READSTAT_HANDLER_OK;  // a repeated observation: keep the first
  // Cells skipped by the file (never seen in practice) are system missing rather than shifted.
  while (sv.kind.size() < size_t(obs)) {
    sv.kind.push_back(kStatSystemMissing);
    if (sv.is_string) sv.strs.push_back(0); else sv.nums.push_back(0);
  }
  uint8_t kind = kStatValue;
  if (readstat_value_is_system_missing(value)) kind = kStatSystemMissing;
  else if (readstat_value_is_tagged_missing(value)) kind = uint8_t(readstat_value_tag(value));
  else if (readstat_value_is_defined_missing(value, v)) kind = kStatUserMissing;
  sv.kind.push_back(kind);
  if (sv.is_string) {
    const char* s = readstat_value_type(value) == READSTAT_TYPE_STRING ? readstat_string_value(value) : nullptr;
    sv.strs.push_back(s ? sv.dict.intern(s) : 0);
  } else if (kind == kStatSystemMissing) {
    sv.nums.push_back(0);
  } else {
    readstat_type_t t = readstat_value_type(value);
    sv.nums.push_back(t == READSTAT_TYPE_FLOAT ? stat_float_value(readstat_float_value(value))
                                               : readstat_double_value(value));
  }
  // Budget: about 9 bytes a numeric cell, more for strings (checked every 64k cells).
  if ((++c->d->cells & 0xFFFF) == 0) {
    uint64_t used = 0;
    for (auto& x : c->d->vars) used += x.kind.size() * 9 + x.strs.size() * 4 + x.dict.memory_bytes();
    if (used * 2 > c->budget) {
      c->d->over_budget = true;
      return READSTAT_HANDLER_ABORT;
    }
  }
  return READSTAT_HANDLER_OK;
}

int on_value_label(const char* set, readstat_value_t value, const char* label, void* vctx) {
  auto* c = static_cast<Ctx*>(vctx);
  std::string key;
  if (readstat_value_is_tagged_missing(value)) key = std::string(".") + readstat_value_tag(value);
  else if (readstat_value_is_system_missing(value)) key = "";
  else key = value_text(value);
  c->d->label_sets[set ? set : ""].emplace_back(std::move(key), label ? label : "");
  return READSTAT_HANDLER_OK;
}

void on_error(const char* msg, void* vctx) {
  auto* c = static_cast<Ctx*>(vctx);
  if (!msg) return;
  std::string m(msg);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  c->d->error_text = m.substr(0, 300);
}
#endif  // ZICHT_NO_READSTAT

const char* format_kind(Format f) {
  switch (f) {
    case Format::Sav: case Format::Zsav: case Format::Por: return "spss";
    case Format::Dta: return "stata";
    default: return "sas";
  }
}

std::string lower_ext(const std::string& file) {
  size_t dot = file.find_last_of('.');
  size_t slash = file.find_last_of("/\\");
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string e = file.substr(dot + 1);
  for (char& ch : e) ch = char(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return e;
}

// The first bytes as printable text for a message ("PK\x03\x04" → "PK..").
std::string first_bytes(const uint8_t* p, size_t n) {
  std::string s;
  for (size_t i = 0; i < n && i < 8; ++i) s.push_back(p[i] >= 0x20 && p[i] < 0x7F ? char(p[i]) : '.');
  return s;
}

}  // namespace

bool is_stat_format(Format f) {
  return f == Format::Sav || f == Format::Zsav || f == Format::Por || f == Format::Dta || f == Format::Sas7bdat ||
         f == Format::Xpt;
}

bool reads_whole_file(Format f) { return is_stat_format(f) || f == Format::Xls; }

bool stat_format_available(Format f) {
#ifdef ZICHT_NO_READSTAT
  (void)f;
  return false;
#endif
  return is_stat_format(f);
}

Status check_named_stat_file(const std::string& file, const uint8_t* p, size_t n) {
  static const std::pair<const char*, Format> exts[] = {{"sav", Format::Sav}, {"zsav", Format::Zsav},
                                                        {"por", Format::Por}, {"dta", Format::Dta},
                                                        {"sas7bdat", Format::Sas7bdat}, {"xpt", Format::Xpt}};
  std::string e = lower_ext(file);
  for (auto& [ext, f] : exts) {
    if (e != ext) continue;
    return make_error(ErrorCode::UnsupportedFormat, file,
                      {"error.stat_bad_header", {std::string(".") + ext, first_bytes(p, n)}}, 0, "",
                      std::string("bad_header_") + format_kind(f));
  }
  return Status::success();
}

Status read_stat(Format f, const std::string& file, const uint8_t* data, size_t n, const ReadOptions& opt,
                 ReadReport& rep, Table& out) {
  if (!stat_format_available(f))
    return make_error(ErrorCode::UnsupportedFormat, file, {"error.stat_unavailable", {format_name(f)}}, 0, "",
                      "unsupported_format");
#ifdef ZICHT_NO_READSTAT
  (void)data, (void)n, (void)rep, (void)out;
  return Status::success();
#else
  // Stata 13+ files end with their closing tag; ReadStat reads the value labels at the end without noticing a cut.
  static const char kDtaEnd[] = "</stata_dta>";
  if (f == Format::Dta && n >= 11 && std::memcmp(data, "<stata_dta>", 11) == 0 &&
      (n < 12 || std::memcmp(data + n - 12, kDtaEnd, 12) != 0))
    return make_error(ErrorCode::MalformedFile, file,
                      {"error.stat_cut_off", {format_name(f)}},
                      0, "", "damaged_stata");
  // SAS transport files are 80-byte records throughout (a cut on a record boundary cannot be seen: the rows present
  // are read, and the note on the number of cases says how many).
  if (f == Format::Xpt && n % 80 != 0)
    return make_error(ErrorCode::MalformedFile, file, {"error.stat_cut_off", {format_name(f)}}, 0, "", "damaged_sas");
  StatData d;
  d.format = f;
  Ctx ctx{&d, opt.memory_budget_bytes};
  MemoryFile mf{data, n, 0};
  readstat_parser_t* parser = readstat_parser_init();
  if (!parser) return make_error(ErrorCode::TooLarge, file, {"error.out_of_memory", {}}, 0, "", "memory_budget");
  readstat_set_open_handler(parser, mem_open);
  readstat_set_close_handler(parser, mem_close);
  readstat_set_seek_handler(parser, mem_seek);
  readstat_set_read_handler(parser, mem_read);
  readstat_set_update_handler(parser, mem_update);
  readstat_set_io_ctx(parser, &mf);
  readstat_set_metadata_handler(parser, on_metadata);
  readstat_set_variable_handler(parser, on_variable);
  readstat_set_value_handler(parser, on_value);
  readstat_set_value_label_handler(parser, on_value_label);
  readstat_set_error_handler(parser, on_error);
  readstat_error_t err = READSTAT_OK;
  const char* path = file.c_str();
  switch (f) {
    case Format::Sav: case Format::Zsav: err = readstat_parse_sav(parser, path, &ctx); break;
    case Format::Por: err = readstat_parse_por(parser, path, &ctx); break;
    case Format::Dta: err = readstat_parse_dta(parser, path, &ctx); break;
    case Format::Sas7bdat: err = readstat_parse_sas7bdat(parser, path, &ctx); break;
    case Format::Xpt: err = readstat_parse_xport(parser, path, &ctx); break;
    default: break;
  }
  readstat_parser_free(parser);
  if (d.over_budget)
    return make_error(ErrorCode::TooLarge, file,
                      {"error.stat_too_large", {std::to_string(d.declared_rows), std::to_string(d.vars.size()),
                                                std::to_string(opt.memory_budget_bytes >> 20)}},
                      0, "", "memory_budget");
  if (err != READSTAT_OK) {
    // How far it got: the rows every variable has (a truncated file stops part-way).
    size_t rows = d.vars.empty() ? 0 : d.vars[0].kind.size();
    for (auto& v : d.vars) rows = std::min(rows, v.kind.size());
    std::string detail = d.error_text.empty() ? readstat_error_message(err) : d.error_text;
    const char* code = err == READSTAT_ERROR_UNSUPPORTED_COMPRESSION ? "error.stat_compression"
                       : err == READSTAT_ERROR_UNSUPPORTED_CHARSET || err == READSTAT_ERROR_CONVERT ||
                               err == READSTAT_ERROR_CONVERT_BAD_STRING
                           ? "error.stat_charset"
                           : "error.stat_damaged";
    return make_error(ErrorCode::MalformedFile, file,
                      {code, {format_name(f), detail, std::to_string(d.vars.size()), std::to_string(rows)}}, 0, "",
                      std::string("damaged_") + format_kind(f));
  }
  return build_stat_table(d, opt, rep, out);
#endif
}

}  // namespace zicht::core
