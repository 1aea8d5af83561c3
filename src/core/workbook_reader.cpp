// Zicht core — the workbook path of the reader's driver: a zip archive (.xlsx, .xlsm, .ods) is buffered whole (its
// directory is at the end), then opened at finish() and handed to xlsx_reader.cpp or ods_reader.cpp; an OLE file
// holding an encrypted OOXML package gets the "protected with a password" message. Also the shared plumbing of the
// format readers: zip errors as messages, a part streamed through the SAX parser, the sheet notes.
#include <algorithm>
#include <cstring>

#include "core/reader_impl.h"
#include "core/sniff.h"
#include "core/workbook.h"

namespace zicht::core {
namespace {

std::string mb(uint64_t b) { return std::to_string((b + 500000) / 1000000) + " MB"; }

// An OLE compound file (the container of .xls) that holds "EncryptionInfo" and "EncryptedPackage" streams is an
// .xlsx saved with a password (MS-OFFCRYPTO). The directory entry names are UTF-16LE.
bool ole_holds_encrypted_package(const uint8_t* p, size_t n) {
  static const char name[] = "EncryptionInfo";
  uint8_t pat[2 * (sizeof name - 1)];
  for (size_t i = 0; i < sizeof name - 1; ++i) { pat[2 * i] = uint8_t(name[i]); pat[2 * i + 1] = 0; }
  return std::search(p, p + n, pat, pat + sizeof pat) != p + n;
}

std::string extension(const std::string& file) {
  size_t dot = file.rfind('.');
  if (dot == std::string::npos || file.find_first_of("/\\", dot) != std::string::npos) return {};
  std::string e = file.substr(dot + 1);
  for (char& c : e) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return e;
}

}  // namespace

void IncrementalReader::Impl::note_text_with_binary_extension() {
  std::string e = extension(file);
  if (e == "xlsx" || e == "xlsm" || e == "xls" || e == "ods" || e == "sav" || e == "zsav" || e == "dta")
    note("note.text_named_as_workbook", {"." + e});
}

Status IncrementalReader::Impl::start_workbook(Format f) {
  if (f == Format::Xls) {
    // Only the encrypted-workbook case is read here; an .xls itself goes on to the .xls reader.
    if (ole_holds_encrypted_package(sample.data(), sample.size())) {
      rep.format = Format::Xlsx;
      rep.sniff.format = {format_name(Format::Xlsx), "encrypted_package", {}};
      return fail(make_error(ErrorCode::UnsupportedFormat, file, {"error.workbook_encrypted", {}}, 0, "", "encrypted"));
    }
    return status;
  }
  workbook = true;
  rep.format = f;
  if (total > opt.memory_budget_bytes)
    return fail(make_error(ErrorCode::TooLarge, file, {"error.workbook_too_large", {mb(total), mb(opt.memory_budget_bytes)}},
                           0, "", "memory_budget"));
  whole = std::move(sample);
  std::vector<uint8_t>().swap(sample);
  if (total > whole.size()) whole.reserve(size_t(total));
  return status;
}

Status IncrementalReader::Impl::feed_workbook(const uint8_t* p, size_t n) {
  if (whole.size() + n > opt.memory_budget_bytes)
    return fail(make_error(ErrorCode::TooLarge, file,
                           {"error.workbook_too_large", {mb(std::max<uint64_t>(total, whole.size() + n)), mb(opt.memory_budget_bytes)}},
                           0, "", "memory_budget"));
  whole.insert(whole.end(), p, p + n);
  return status;
}

Status zip_status(const WorkbookContext& cx, ZipError e, const std::string& detail) {
  switch (e) {
    case ZipError::Truncated:
      return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_truncated", {detail}}, 0, "", "truncated");
    case ZipError::Bomb:
      return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.zip_bomb", {detail}}, 0, "", "zip_bomb");
    case ZipError::Encrypted:
      return make_error(ErrorCode::UnsupportedFormat, cx.file, {"error.workbook_encrypted", {}}, 0, "", "encrypted");
    case ZipError::Unsupported:
      return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_unsupported", {detail}}, 0, "", "unsupported");
    default:
      return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_corrupt", {detail}}, 0, "", "corrupt");
  }
}

Status parse_part(WorkbookContext& cx, const ZipEntry& e, XmlSax& sax, const Status* handler_error) {
  std::string detail;
  bool xml_failed = false;
  ZipError z = cx.zip.read(e, [&](const char* p, size_t n) {
    if (!sax.feed(p, n, false)) { xml_failed = true; return false; }
    return true;
  }, detail);
  if (z == ZipError::None && !sax.feed(nullptr, 0, true)) xml_failed = true;
  if (xml_failed) {
    if (sax.doctype())
      return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_doctype", {e.name}}, 0, "", "xml_doctype");
    if (handler_error && !handler_error->ok()) return *handler_error;
    return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_xml", {e.name, sax.error()}}, 0, "", "xml");
  }
  if (z == ZipError::Stopped && handler_error && !handler_error->ok()) return *handler_error;
  if (z != ZipError::None) return zip_status(cx, z, detail);
  return Status::success();
}

Status read_small_part(WorkbookContext& cx, const std::string& name, std::string& out, bool& found) {
  const ZipEntry* e = cx.zip.find(name);
  found = e != nullptr;
  out.clear();
  if (!e) return Status::success();
  std::string detail;
  ZipError z = cx.zip.read_all(*e, out, std::min<uint64_t>(cx.opt.memory_budget_bytes / 4, uint64_t(256) << 20), detail);
  return z == ZipError::None ? Status::success() : zip_status(cx, z, detail);
}

void note_sheets(ReadReport& rep) {
  const WorkbookInfo& wb = rep.workbook;
  if (wb.chosen < 0) return;
  const SheetInfo& s = wb.sheets[size_t(wb.chosen)];
  if (wb.sheets.size() > 1)
    rep.notes.push_back({"note.sheet_read", {s.name, std::to_string(wb.chosen + 1), std::to_string(wb.sheets.size())}});
  if (s.hidden) rep.notes.push_back({"note.sheet_hidden", {s.name}});
  if (s.cells == 0) rep.notes.push_back({"note.sheet_empty", {s.name}});
  std::string actual = s.cells ? "A1:" + cell_ref(s.rows, int32_t(s.cols)) : "";
  if (!s.declared.empty() && s.cells) {
    int64_t r = 0, r1 = 0;
    int32_t c = 0, c1 = 0;
    size_t colon = s.declared.find(':');
    std::string last = colon == std::string::npos ? s.declared : s.declared.substr(colon + 1);
    if (parse_cell_ref(last, r, c) && (r > s.rows * 2 + 100 || c > s.cols * 2 + 10))
      rep.notes.push_back({"note.dimension_ignored", {s.declared, actual}});
    (void)r1;
    (void)c1;
  }
}

Status IncrementalReader::Impl::finish_workbook() {
  sniff_not_csv(rep.sniff);
  rep.encoding = Encoding::Utf8;
  rep.sniff.encoding = {"utf-8", "workbook", {}};
  rep.encoding_reason = render_reason("encoding", rep.sniff.encoding, i18n::Lang::en);
  ZipArchive zip;
  // The inflate budget allows for two passes over the chosen sheet (.ods measures, then fills; an .xlsx whose merged
  // header turns up after its cells is read again).
  zip.limits.total_budget = std::max<uint64_t>(opt.memory_budget_bytes, uint64_t(16) << 20) * 2;
  std::string detail;
  WorkbookContext cx{file, opt, rep, builder, zip, table};
  ZipError z = zip.open(whole.data(), whole.size(), detail);
  if (z != ZipError::None) return fail(zip_status(cx, z, detail));
  std::string mime;
  bool has_mime = false;
  if (Status s = read_small_part(cx, "mimetype", mime, has_mime); !s.ok()) return fail(s);
  Status s;
  if (has_mime && mime.rfind("application/vnd.oasis.opendocument.spreadsheet", 0) == 0) {
    rep.format = Format::Ods;
    rep.sniff.format = {format_name(Format::Ods), "zip_mimetype", {mime.substr(0, 80)}};
    s = read_ods(cx);
  } else if (zip.find("xl/workbook.xml") || zip.find("_rels/.rels")) {
    rep.format = Format::Xlsx;
    rep.sniff.format = {format_name(Format::Xlsx), "zip_parts", {zip.find("xl/workbook.xml") ? "xl/workbook.xml" : "_rels/.rels"}};
    s = read_xlsx(cx);
  } else {
    rep.format = Format::Zip;
    std::string what = has_mime ? mime.substr(0, 80) : std::to_string(zip.entries().size()) + " entries";
    s = make_error(ErrorCode::UnsupportedFormat, file, {"error.zip_not_workbook", {what}}, 0, "", "unsupported_format");
  }
  std::vector<uint8_t>().swap(whole);
  if (!s.ok()) return fail(s);
  if (rep.flags_total > int64_t(rep.flags.size()))
    note("note.flags_truncated", {std::to_string(rep.flags_total), std::to_string(rep.flags.size())});
  return status;
}

}  // namespace zicht::core
