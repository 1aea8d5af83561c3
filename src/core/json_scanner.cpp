// Zicht core — JSON scanning: an array of records, NDJSON (one value per line) or a single object (columnar
// {"columns": {...}} or one record). The scanner splits top-level values without parsing them; each record is then
// parsed with a SAX handler that flattens nested values to dotted column names.
#include <algorithm>

#include "core/reader_impl.h"

namespace zicht::core {


namespace {

// Flattening SAX handler: one record of scalar cells with dotted names.
struct Flattener {
  int max_depth;
  std::string path;
  std::vector<size_t> lens;
  std::vector<int64_t> idx;  // -1 for object levels, next index for arrays
  std::vector<std::pair<std::string, std::string>> cells;
  int depth = 0;
  std::string error;
  size_t error_pos = std::string::npos;  // byte in the record where parsing failed
  explicit Flattener(int max_json_depth) : max_depth(max_json_depth) {}
  void name_for_value() {
    if (!idx.empty() && idx.back() >= 0) {
      path.resize(lens.back());
      if (!path.empty()) path.push_back('.');
      path += std::to_string(idx.back()++);
    }
  }
  bool scalar(std::string v) {
    name_for_value();
    cells.emplace_back(path.empty() ? std::string("value") : path, std::move(v));
    return true;
  }
  bool null() { return scalar(std::string()); }
  bool boolean(bool b) { return scalar(b ? "true" : "false"); }
  bool number_integer(int64_t v) { return scalar(std::to_string(v)); }
  bool number_unsigned(uint64_t v) { return scalar(std::to_string(v)); }
  bool number_float(double, const std::string& s) { return scalar(s); }
  bool string(std::string& s) { return scalar(std::move(s)); }
  bool binary(std::vector<uint8_t>&) { return scalar(std::string()); }
  bool open(int64_t kind) {
    if (++depth > max_depth) { error = "nesting_too_deep"; return false; }
    name_for_value();
    lens.push_back(path.size());
    idx.push_back(kind);
    return true;
  }
  bool close() {
    --depth;
    idx.pop_back();
    path.resize(lens.back());
    lens.pop_back();
    return true;
  }
  bool start_object(std::size_t) { return open(-1); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(0); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    path.resize(lens.back());
    if (!path.empty()) path.push_back('.');
    path += k;
    return true;
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::json::exception& ex) {
    error = ex.what();
    error_pos = pos;
    return false;
  }
};

}  // namespace

Status IncrementalReader::Impl::start_json(size_t first, bool complete) {
  if (text[first] == '[') {
    mode = Mode::JsonArray;
    rep.format = Format::JsonRecords;
    rep.sniff.format = {format_name(rep.format), "json_array", {}};
  } else {
    mode = Mode::JsonValues;
    // NDJSON if a second top-level value follows the first on a later line; else a single (columnar) object.
    rep.format = Format::NdJson;
    int dd = 0;
    bool s = false, e = false;
    size_t k = first;
    for (; k < text.size(); ++k) {
      char c = text[k];
      if (s) { if (e) e = false; else if (c == '\\') e = true; else if (c == '"') s = false; continue; }
      if (c == '"') s = true;
      else if (c == '{' || c == '[') ++dd;
      else if (c == '}' || c == ']') { if (--dd == 0) break; }
    }
    if (k >= text.size()) {
      single_object = true;  // first value not complete within the sample: buffer as one object
    } else {
      size_t m = k + 1;
      while (m < text.size() && (text[m] == ' ' || text[m] == '\t' || text[m] == '\r' || text[m] == '\n')) ++m;
      if (m >= text.size() && complete) single_object = true;
    }
    if (single_object) rep.format = Format::JsonColumnar;  // confirmed (or demoted to one record) at finish
    rep.sniff.format = {format_name(rep.format), single_object ? "single_object" : "several_values", {}};
  }
  (void)complete;
  return status;
}

Status IncrementalReader::Impl::json_record(std::string_view s, int64_t row) {
  Flattener f(opt.max_json_depth);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(s.begin(), s.end(), &f, nlohmann::json::input_format_t::json, true);
  } catch (const std::exception& e) {  // defensive: the SAX parser reports errors via parse_error
    f.error = e.what();
  }
  if (!ok) {
    if (f.error == "nesting_too_deep")
      return fail(make_error(ErrorCode::NestingTooDeep, file,
                             {"error.nesting_too_deep", {std::to_string(opt.max_json_depth)}}, row, "",
                             "nesting_too_deep"));
    return fail(make_error(ErrorCode::MalformedJson, file,
                           f.error_pos == std::string::npos
                               ? Note{"error.invalid_json", {f.error}}
                               : Note{"error.invalid_json_at", {f.error, std::to_string(f.error_pos)}},
                           row, "", "malformed_json"));
  }
  if (!header_done) header_done = true;
  builder.begin_row(row);
  for (auto& [name, v] : f.cells) builder.set(builder.column_by_name(name), v);
  return status;
}

// Splits top-level array elements (JsonArray) or top-level values (JsonValues) and parses each.
Status IncrementalReader::Impl::scan_json(bool final) {
  size_t i = scan;
  const size_t n = text.size();
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '\n') ++json_line;
    if (in_str) {
      if (esc) esc = false;
      else if (c == '\\') esc = true;
      else if (c == '"') in_str = false;
      continue;
    }
    int base = mode == Mode::JsonArray ? 1 : 0;
    if (c == '"') {
      in_str = true;
      if (depth == base && elem_start == std::string::npos) { elem_start = i; elem_line = json_line; }
      continue;
    }
    if (c == '{' || c == '[') {
      if (mode == Mode::JsonArray && !json_started) {
        if (c != '[') return fail(make_error(ErrorCode::MalformedJson, file, {"error.expected_array", {}}, 0, "", "malformed_json"));
        json_started = true;
        depth = 1;
        continue;
      }
      if (depth == base && elem_start == std::string::npos) { elem_start = i; elem_line = json_line; }
      if (++depth > opt.max_json_depth + base)
        return fail(make_error(ErrorCode::NestingTooDeep, file,
                               {"error.nesting_too_deep", {std::to_string(opt.max_json_depth)}},
                               mode == Mode::JsonArray ? json_records + 1 : json_line, "", "nesting_too_deep"));
      continue;
    }
    if (c == '}' || c == ']') {
      if (depth <= base) {
        if (mode == Mode::JsonArray && depth == 1 && c == ']') {
          if (elem_start != std::string::npos) {
            if (!json_record(std::string_view(text).substr(elem_start, i - elem_start), ++json_records).ok()) return status;
            elem_start = std::string::npos;
          }
          depth = 0;
          json_started = false;  // anything after is trailing
          mode_done = true;
          continue;
        }
        return fail(make_error(ErrorCode::MalformedJson, file, {"error.unexpected_char", {std::string(1, c)}},
                               mode == Mode::JsonArray ? json_records + 1 : json_line, "", "malformed_json"));
      }
      --depth;
      if (depth == base && mode == Mode::JsonValues && !single_object) {
        int64_t row = ++json_records;  // NDJSON: row = record number (errors name the line)
        if (!json_record(std::string_view(text).substr(elem_start, i + 1 - elem_start), row).ok()) return status;
        elem_start = std::string::npos;
      }
      continue;
    }
    if (c == ',' && depth == base && mode == Mode::JsonArray) {
      if (elem_start != std::string::npos) {
        if (!json_record(std::string_view(text).substr(elem_start, i - elem_start), ++json_records).ok()) return status;
        elem_start = std::string::npos;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (mode_done)
      return fail(make_error(ErrorCode::MalformedJson, file, {"error.text_after_array", {}}, 0, "",
                             "malformed_json"));
    if (depth == base && elem_start == std::string::npos) {
      if (mode == Mode::JsonArray && !json_started)
        return fail(make_error(ErrorCode::MalformedJson, file, {"error.expected_array", {}}, 0, "", "malformed_json"));
      elem_start = i;
      elem_line = json_line;
    }
  }
  scan = i;
  if (final) {
    if (in_str || depth > (mode == Mode::JsonArray && json_started ? 1 : 0) ||
        (mode == Mode::JsonArray && json_started && !mode_done))
      return fail(make_error(ErrorCode::MalformedJson, file, {"error.unexpected_end", {}}, 0, "",
                             "malformed_json"));
    if (mode == Mode::JsonValues && single_object) return finish_single_object();
    if (mode == Mode::JsonValues && elem_start != std::string::npos) {
      // a trailing scalar top-level value (NDJSON of scalars)
      if (!json_record(std::string_view(text).substr(elem_start), ++json_records).ok()) return status;
    }
    text.clear();
    return status;
  }
  // compact: keep from the current element start
  if (!single_object) {
    size_t keep = elem_start == std::string::npos ? i : elem_start;
    text.erase(0, keep);
    if (elem_start != std::string::npos) elem_start = 0;
    scan = i - keep;
  }
  return status;
}

Status IncrementalReader::Impl::finish_single_object() {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);  // depth already checked by the splitter
  } catch (const std::exception& e) {
    return fail(make_error(ErrorCode::MalformedJson, file, {"error.invalid_json", {e.what()}}, 0, "",
                           "malformed_json"));
  }
  text.clear();
  text.shrink_to_fit();
  auto it = j.find("columns");
  if (j.is_object() && it != j.end() && it->is_object()) {
    rep.format = Format::JsonColumnar;
    rep.sniff.format = {format_name(rep.format), "columns_object", {std::to_string(it->size())}};
    size_t nrows = 0;
    for (auto& [k, v] : it->items()) nrows = std::max(nrows, v.is_array() ? v.size() : size_t(1));
    for (auto& [k, v] : it->items()) {
      if (v.is_array() && v.size() != nrows)
        note("note.column_lengths_differ", {k, std::to_string(v.size()), std::to_string(nrows)});
    }
    std::vector<size_t> colidx;
    std::vector<std::pair<std::string, const nlohmann::json*>> cols;
    for (auto& [k, v] : it->items()) cols.emplace_back(k, &v);
    for (auto& [k, v] : cols) colidx.push_back(builder.column_by_name(k));
    for (size_t r = 0; r < nrows; ++r) {
      builder.begin_row(int64_t(r + 1));
      for (size_t c = 0; c < cols.size(); ++c) {
        const nlohmann::json& arr = *cols[c].second;
        const nlohmann::json* v = arr.is_array() ? (r < arr.size() ? &arr[r] : nullptr) : (r == 0 ? &arr : nullptr);
        if (!v || v->is_null()) continue;
        if (v->is_string()) builder.set(colidx[c], v->get_ref<const std::string&>());
        else if (v->is_primitive()) builder.set(colidx[c], v->dump());
        else {
          // nested value inside a column: flatten to name.sub
          Flattener f(opt.max_json_depth);
          std::string s = v->dump();
          nlohmann::json::sax_parse(s, &f);
          for (auto& [nm, val] : f.cells) builder.set(builder.column_by_name(cols[c].first + "." + nm), val);
        }
      }
    }
    return status;
  }
  rep.format = Format::JsonRecords;
  rep.sniff.format = {format_name(rep.format), "single_object", {}};
  note("note.single_object");
  std::string s = j.dump();
  return json_record(s, 1);
}

}  // namespace zicht::core
