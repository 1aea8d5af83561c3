#include "core/mapped_dataset.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/values.h"

namespace zicht::core {

const char* cell_kind_name(CellKind k) {
  switch (k) {
    case CellKind::Value: return "value";
    case CellKind::Missing: return "missing";
    case CellKind::NotApplicable: return "nvt";
    case CellKind::Invalid: return "invalid";
    case CellKind::Yes: return "yes";
    case CellKind::No: return "no";
  }
  return "value";
}

namespace {

// What one raw text means for a field. rule = nullptr when fine.
struct Interp {
  CellKind kind = CellKind::Missing;
  int32_t value = 0;
  const char* rule = nullptr;
  bool unlisted = false;  // a code field's value outside its code list (counted, and listed for the user)
};

struct FieldContext {
  const FieldSpec* spec = nullptr;
  MappedField* out = nullptr;
  const std::map<std::string, std::string>* recode = nullptr;
  DateOrder order = DateOrder::DMY;
  std::map<std::string, int64_t> unlisted;  // raw value → count (values outside a code list)
  // The field's tokens folded once (FieldSpec::is_missing_token & co. fold every token on every call; a large
  // file has a million distinct identifiers to check).
  std::vector<std::string> missing, nvt, yes, no;
  void fold_tokens() {
    for (auto [from, to] : {std::pair{&spec->missing, &missing}, {&spec->nvt, &nvt}, {&spec->yes, &yes}, {&spec->no, &no}})
      for (const auto& t : *from) to->push_back(fold_text(t, false));
  }
};

// Same answer as in_tokens(tokens, s) in schema.cpp, with `folded` = fold_text(s, false) and pre-folded tokens.
bool in_folded(const std::vector<std::string>& tokens, const std::string& folded) {
  for (const auto& t : tokens)
    if (t == folded) return true;
  return false;
}

int32_t code_index(MappedField& f, const std::string& v) {
  for (size_t i = 0; i < f.values.size(); ++i)
    if (f.values[i] == v) return static_cast<int32_t>(i);
  f.values.push_back(v);
  return static_cast<int32_t>(f.values.size() - 1);
}

Interp interpret_date(const FieldSpec& spec, std::string_view s, DateOrder order) {
  DateParts p;
  if (date_shape(s, p)) {
    int32_t d;
    if (date_from_parts(p, order, d)) return {CellKind::Value, d, nullptr};
    return {CellKind::Invalid, 0, "impossible_date"};
  }
  (void)spec;
  return {CellKind::Invalid, 0, "invalid_date"};
}

// The meaning of trimmed text s (folded: fold_text(s)) for the field: recoding first, then missing / NVT / the type.
Interp meaning_of(FieldContext& fc, std::string_view s, std::string folded) {
  const FieldSpec& spec = *fc.spec;
  std::string recoded;
  if (fc.recode) {
    auto it = fc.recode->find(std::string(s));
    if (it != fc.recode->end()) {
      recoded = it->second;
      s = recoded;
      folded = fold_text(s, false);
    }
  }
  if (s.empty() || in_folded(fc.missing, folded)) return {CellKind::Missing, 0, nullptr};
  if (in_folded(fc.nvt, folded)) return {CellKind::NotApplicable, 0, nullptr};
  switch (spec.type) {
    case FieldType::String: return {CellKind::Value, 0, nullptr};
    case FieldType::Date:
    case FieldType::Step:
      if (in_folded(fc.yes, folded)) return {CellKind::Yes, 0, nullptr};
      if (in_folded(fc.no, folded)) return {CellKind::No, 0, nullptr};
      return interpret_date(spec, s, fc.order);
    case FieldType::Count:
    case FieldType::Integer: {
      int64_t n;
      double x;
      bool integral = false;
      if (parse_plain_int(s, n) || ((parse_number(s, ',', x, &integral) || parse_number(s, '.', x, &integral)) && integral &&
                                    (n = static_cast<int64_t>(x), true))) {
        if ((spec.min && static_cast<double>(n) < *spec.min) || (spec.max && static_cast<double>(n) > *spec.max))
          return {CellKind::Invalid, 0, "out_of_range"};
        return {CellKind::Value, static_cast<int32_t>(n), nullptr};
      }
      DateParts p;
      if (spec.type == FieldType::Count && date_shape(s, p)) return {CellKind::Yes, 0, "date_in_count"};
      return {CellKind::Invalid, 0, "not_a_number"};
    }
    case FieldType::Code: {
      if (auto code = spec.find_code(s)) return {CellKind::Value, code_index(*fc.out, *code), nullptr};
      if (!spec.closed) return {CellKind::Value, code_index(*fc.out, std::string(s)), nullptr};
      return {CellKind::Invalid, code_index(*fc.out, std::string(s)), "not_in_code_list"};
    }
    case FieldType::Bool: {
      if (in_folded(fc.yes, folded)) return {CellKind::Yes, 1, nullptr};
      if (in_folded(fc.no, folded)) return {CellKind::No, 0, nullptr};
      bool b;
      if (parse_bool(s, b)) return {b ? CellKind::Yes : CellKind::No, b ? 1 : 0, nullptr};
      return {CellKind::Invalid, 0, "invalid_bool"};
    }
  }
  return {CellKind::Invalid, 0, nullptr};
}

// What raw text means for the field, and whether a code field's value lies outside its code list.
Interp interpret(FieldContext& fc, std::string_view raw_in) {
  const FieldSpec& spec = *fc.spec;
  std::string_view s = trim_ws(raw_in);
  std::string folded = fold_text(s, false);
  const bool unlisted = spec.type == FieldType::Code && !s.empty() && !in_folded(fc.missing, folded) &&
                        !in_folded(fc.nvt, folded) && !spec.find_code(s);
  Interp it = meaning_of(fc, s, std::move(folded));
  it.unlisted = unlisted;
  return it;
}

}  // namespace

const MappedField* MappedDataset::field(std::string_view id) const {
  for (const auto& f : fields)
    if (f.spec && f.spec->id == id) return &f;
  return nullptr;
}

std::string MappedDataset::text(const MappedField& f, size_t row) const {
  if (!f.mapped() || !table) return std::string();
  return table->columns[static_cast<size_t>(f.column)].raw_text(row);
}

MappedDataset map_dataset(const std::string& file, const Table& table, const ReadReport& report, const Schema& schema,
                          const Mapping& mapping, const ProfileSettings& settings) {
  MappedDataset ds;
  ds.file = file;
  ds.schema = &schema;
  ds.table = &table;
  ds.mapping = mapping;
  const size_t n = table.rows();
  ds.used.assign(n, 1);
  ds.validation.rows_in = static_cast<int64_t>(n);
  ds.fields.resize(schema.fields.size());

  // Cell-level flags are collected per field first, then merged in row order.
  struct PendingFlag {
    size_t row;
    size_t field;
    const char* rule;
  };
  std::vector<PendingFlag> pending;

  std::vector<FieldContext> contexts;
  for (size_t fi = 0; fi < schema.fields.size(); ++fi) {
    MappedField& mf = ds.fields[fi];
    mf.spec = &schema.fields[fi];
    for (const auto& c : mf.spec->codes) mf.values.push_back(c.code);
    const FieldMatch* fm = mapping.find(mf.spec->id);
    if (!fm || !fm->mapped()) continue;
    const Column* col = table.find(fm->column);
    if (!col) continue;
    mf.column = static_cast<int>(col - table.columns.data());
    mf.column_name = col->name;
    mf.kind.assign(n, CellKind::Missing);
    mf.value.assign(n, 0);
    FieldContext fc;
    fc.spec = mf.spec;
    fc.out = &mf;
    fc.fold_tokens();
    auto rc = settings.overrides.recode.find(mf.spec->id);
    if (rc != settings.overrides.recode.end()) fc.recode = &rc->second;
    const size_t ci = static_cast<size_t>(mf.column);
    if (ci < report.columns.size() && report.columns[ci].type == ColumnType::Date) fc.order = report.columns[ci].date_order;
    // Codes the file itself declares missing (SPSS user-missing, Stata .a): Missing for every field, unless the
    // werkmap recodes them (recoding comes first), e.g. 98 -> "Niet van toepassing".
    if (ci < report.columns.size())
      for (const auto& code : report.columns[ci].missing_codes) fc.missing.push_back(fold_text(code, false));

    const bool dict_column = col->type == ColumnType::Categorical || col->type == ColumnType::Text;
    // Meanings are worked out once per distinct raw text ("slot"). Text columns: the dictionary codes. Typed
    // columns: a cell that is not a value keeps its raw text as a dictionary entry (Column::raw, in row order) or
    // has none (empty), and a boolean value reads as "Ja" / "Nee" ("true" / "false" for a boolean field) — slots
    // after the codes. Values outside a code list count per row: hits per slot.
    const size_t slot_empty = col->dict.size(), slot_ja = slot_empty + 1, slot_nee = slot_empty + 2,
                 slot_true = slot_empty + 3, slot_false = slot_empty + 4;
    std::vector<Interp> cache(slot_empty + 5);
    std::vector<uint8_t> cached(cache.size(), 0);
    std::vector<int64_t> hits(cache.size(), 0);
    std::vector<std::string_view> slot_text(cache.size());
    const auto meaning = [&](size_t slot, std::string_view text) {
      if (!cached[slot]) {
        cache[slot] = interpret(fc, text);
        cached[slot] = 1;
        slot_text[slot] = text;  // a dictionary entry or a literal: lives as long as the table
      }
      ++hits[slot];
      return cache[slot];
    };
    size_t raw_pos = 0;  // first entry of col->raw at or after row r
    for (size_t r = 0; r < n; ++r) {
      Interp it;
      while (raw_pos < col->raw.size() && col->raw[raw_pos].first < r) ++raw_pos;
      const bool has_raw = raw_pos < col->raw.size() && col->raw[raw_pos].first == r;
      if (dict_column) {
        it = meaning(col->codes[r], col->dict.at(col->codes[r]));
      } else if (col->state[r] == CellState::Value && col->type == ColumnType::Date &&
                 (mf.spec->type == FieldType::Date || mf.spec->type == FieldType::Step)) {
        it = {CellKind::Value, col->days[r], nullptr};
      } else if (col->state[r] == CellState::Value && col->type == ColumnType::Date && mf.spec->type == FieldType::Count) {
        it = {CellKind::Yes, 0, "date_in_count"};
      } else if (col->state[r] == CellState::Value && col->type == ColumnType::Integer &&
                 (mf.spec->type == FieldType::Count || mf.spec->type == FieldType::Integer)) {
        const int64_t v = col->ints[r];
        if ((mf.spec->min && static_cast<double>(v) < *mf.spec->min) || (mf.spec->max && static_cast<double>(v) > *mf.spec->max))
          it = {CellKind::Invalid, 0, "out_of_range"};
        else
          it = {CellKind::Value, static_cast<int32_t>(v), nullptr};
      } else if (col->state[r] == CellState::Value && col->type == ColumnType::Boolean && mf.spec->type != FieldType::Bool) {
        // The reader keeps no raw text for a valid boolean cell ("Nee" comes back as "false"): ask the field in Dutch.
        it = col->bools[r] ? meaning(slot_ja, "Ja") : meaning(slot_nee, "Nee");
      } else if (has_raw) {
        it = meaning(col->raw[raw_pos].second, col->dict.at(col->raw[raw_pos].second));
      } else if (col->state[r] != CellState::Value) {
        it = meaning(slot_empty, std::string_view());
      } else if (col->type == ColumnType::Boolean) {
        it = col->bools[r] ? meaning(slot_true, "true") : meaning(slot_false, "false");
      } else {  // a number or date where the field wants another type: its text, row by row
        const std::string text = col->raw_text(r);
        it = interpret(fc, text);
        if (it.unlisted) ++fc.unlisted[std::string(trim_ws(text))];
      }
      mf.kind[r] = it.kind;
      mf.value[r] = it.value;
      if (it.rule) pending.push_back({r, fi, it.rule});
    }
    for (size_t slot = 0; slot < cache.size(); ++slot)
      if (cached[slot] && cache[slot].unlisted) fc.unlisted[std::string(trim_ws(slot_text[slot]))] += hits[slot];
    for (const auto& [value, count] : fc.unlisted) {
      UnlistedValue u{mf.spec->id, mf.column_name, value, count, ""};
      if (fc.recode) {
        auto it = fc.recode->find(value);
        if (it != fc.recode->end()) u.recoded_to = it->second;
      }
      ds.unlisted.push_back(std::move(u));
    }
    contexts.push_back(std::move(fc));
  }

  // The as-of date.
  if (settings.as_of) {
    ds.as_of = *settings.as_of;
    ds.as_of_from_data = false;
  } else {
    std::vector<int32_t> dates;
    for (const auto& mf : ds.fields) {
      if (!mf.mapped() || (mf.spec->type != FieldType::Date && mf.spec->type != FieldType::Step)) continue;
      for (size_t r = 0; r < n; ++r)
        if (mf.kind[r] == CellKind::Value) dates.push_back(mf.value[r]);
    }
    if (dates.empty()) {
      ds.as_of = 0;
    } else {
      // The latest date at most a year after the 95th percentile (a selection, not a sort: a million rows have
      // millions of dates).
      const auto k = static_cast<size_t>(std::floor(0.95 * static_cast<double>(dates.size() - 1)));
      std::nth_element(dates.begin(), dates.begin() + static_cast<std::ptrdiff_t>(k), dates.end());
      const int32_t p95 = dates[k];
      int32_t best = p95;
      for (int32_t d : dates)
        if (d <= p95 + 366 && d > best) best = d;
      ds.as_of = best;
    }
    ds.as_of_from_data = true;
  }

  // Dates before 1900 or after as-of + 1 year (kept as values, flagged).
  int y;
  unsigned um, ud;
  civil_from_days(ds.as_of, y, um, ud);
  const int32_t lo = days_from_civil(1900, 1, 1);
  int32_t hi = days_from_civil(y + 1, um, std::min(ud, 28u));
  if (ud > 28) hi += static_cast<int32_t>(ud - 28);
  for (size_t fi = 0; fi < ds.fields.size(); ++fi) {
    const auto& mf = ds.fields[fi];
    if (!mf.mapped() || (mf.spec->type != FieldType::Date && mf.spec->type != FieldType::Step)) continue;
    for (size_t r = 0; r < n; ++r)
      if (mf.kind[r] == CellKind::Value && (mf.value[r] < lo || mf.value[r] > hi)) pending.push_back({r, fi, "date_out_of_range"});
  }

  // Row-level and cross-field rules for the file kind.
  const FileKind* kind = schema.kind(mapping.kind);
  const int id_fi = kind && !kind->identifier.empty() ? schema.field_index(kind->identifier) : -1;
  const int start_fi = kind && !kind->start.empty() ? schema.field_index(kind->start) : -1;
  const int end_fi = kind && !kind->end.empty() ? schema.field_index(kind->end) : -1;
  const MappedField* id_f = id_fi >= 0 && ds.fields[id_fi].mapped() ? &ds.fields[id_fi] : nullptr;
  const MappedField* start_f = start_fi >= 0 && ds.fields[start_fi].mapped() ? &ds.fields[start_fi] : nullptr;
  const MappedField* end_f = end_fi >= 0 && ds.fields[end_fi].mapped() ? &ds.fields[end_fi] : nullptr;

  std::vector<const char*> exclusion(n, nullptr);
  for (size_t r = 0; r < n; ++r) {
    if (id_f && id_f->kind[r] != CellKind::Value) exclusion[r] = "row_no_identifier";
    else if (start_f && start_f->kind[r] != CellKind::Value) exclusion[r] = "row_no_start";
    if (exclusion[r]) {
      ds.used[r] = 0;
      ++ds.validation.excluded_by_rule[exclusion[r]];
      pending.push_back({r, static_cast<size_t>(exclusion[r][7] == 'i' ? id_fi : start_fi), exclusion[r]});
    }
  }
  if (start_f && end_f)
    for (size_t r = 0; r < n; ++r)
      if (start_f->kind[r] == CellKind::Value && end_f->kind[r] == CellKind::Value && end_f->value[r] < start_f->value[r])
        pending.push_back({r, static_cast<size_t>(end_fi), "end_before_start"});
  for (size_t fi = 0; fi < ds.fields.size(); ++fi) {
    const auto& mf = ds.fields[fi];
    if (!mf.mapped() || mf.spec->role != "step" || mf.spec->type != FieldType::Step) continue;
    for (size_t r = 0; r < n; ++r) {
      if (mf.kind[r] != CellKind::Value) continue;
      // When the end date itself lies before the start, that one flag (end_before_start) says it all.
      const bool end_ok = end_f && end_f->kind[r] == CellKind::Value &&
                          !(start_f && start_f->kind[r] == CellKind::Value && end_f->value[r] < start_f->value[r]);
      if (end_ok && mf.value[r] > end_f->value[r])
        pending.push_back({r, fi, "step_after_end"});
      else if (start_f && start_f->kind[r] == CellKind::Value && mf.value[r] < start_f->value[r])
        pending.push_back({r, fi, "step_before_start"});
    }
  }
  if (kind && kind->unique_identifier && id_f) {
    const Column& col = table.columns[static_cast<size_t>(id_f->column)];
    const auto duplicate = [&](size_t r) { pending.push_back({r, static_cast<size_t>(id_fi), "duplicate_identifier"}); };
    if (col.type == ColumnType::Categorical || col.type == ColumnType::Text) {
      // Per dictionary code, the first code with the same trimmed text: rows then compare integers, not strings.
      std::unordered_map<std::string_view, uint32_t> first_code;
      std::vector<uint32_t> canonical(col.dict.size());
      for (uint32_t c = 0; c < canonical.size(); ++c) canonical[c] = first_code.emplace(trim_ws(col.dict.at(c)), c).first->second;
      std::vector<uint8_t> seen(col.dict.size(), 0);
      for (size_t r = 0; r < n; ++r) {
        if (id_f->kind[r] != CellKind::Value) continue;
        uint8_t& s = seen[canonical[col.codes[r]]];
        if (s) duplicate(r);
        s = 1;
      }
    } else {
      std::unordered_set<std::string> seen;
      for (size_t r = 0; r < n; ++r)
        if (id_f->kind[r] == CellKind::Value && !seen.insert(std::string(trim_ws(col.raw_text(r)))).second) duplicate(r);
    }
  }

  // Flags in row order, then column order, then rule order.
  std::map<std::string, size_t> rule_order;
  for (size_t i = 0; i < validation_rules().size(); ++i) rule_order[validation_rules()[i]] = i;
  std::stable_sort(pending.begin(), pending.end(), [&](const PendingFlag& a, const PendingFlag& b) {
    if (a.row != b.row) return a.row < b.row;
    const int ca = ds.fields[a.field].column, cb = ds.fields[b.field].column;
    if (ca != cb) return ca < cb;
    return rule_order[a.rule] < rule_order[b.rule];
  });
  for (const auto& p : pending) {
    const MappedField& mf = ds.fields[p.field];
    ValidationFlag f;
    f.file = file;
    f.row = table.row_number[p.row];
    f.column = mf.column_name;
    f.field = mf.spec->id;
    f.value = mf.mapped() ? table.columns[static_cast<size_t>(mf.column)].raw_text(p.row) : std::string();
    if (f.value.size() > 200) f.value.resize(200);
    f.rule = p.rule;
    ds.validation.add(std::move(f));
  }
  for (size_t r = 0; r < n; ++r) (ds.used[r] ? ds.validation.rows_used : ds.validation.rows_excluded)++;
  return ds;
}

MappedDataset map_file(const ReadResult& read, const Schema& schema, const ProfileSettings& settings, std::string_view kind) {
  std::vector<std::string> names;
  for (const auto& c : read.table.columns) names.push_back(c.name);
  const std::vector<std::string> labels = column_labels(read.report);
  Mapping m = match_columns(schema, names, &settings.overrides, kind, &labels);
  return map_dataset(read.report.file_name, read.table, read.report, schema, m, settings);
}

nlohmann::json profile_json(const MappedDataset& ds, size_t first_flags) {
  nlohmann::json j;
  j["profile"] = ds.schema ? ds.schema->id : "generic";
  j["kind"] = ds.mapping.kind;
  j["score"] = std::round(ds.mapping.score * 1000) / 1000;
  j["as_of"] = format_iso_date(ds.as_of);
  j["as_of_from_data"] = ds.as_of_from_data;
  j["mapping"] = nlohmann::json::object();
  for (const auto& fm : ds.mapping.fields) {
    if (!fm.mapped()) continue;
    j["mapping"][fm.field] = {{"column", fm.column}, {"confidence", std::round(fm.confidence * 100) / 100}, {"method", fm.method}};
  }
  j["unmapped"] = nlohmann::json::array();
  for (const auto& fm : ds.mapping.fields)
    if (!fm.mapped()) j["unmapped"].push_back(fm.field);
  j["unmatched_required"] = ds.mapping.missing_required;
  j["validation"] = validation_json(ds.validation, first_flags);
  j["unlisted"] = nlohmann::json::array();
  for (const auto& u : ds.unlisted)
    j["unlisted"].push_back({{"field", u.field}, {"column", u.column}, {"value", u.value}, {"count", u.count},
                             {"recoded_to", u.recoded_to}});
  return j;
}

bool add_profile_inspect(nlohmann::json& inspect, const ReadResult& read, const std::string& profile,
                         const ProfileSettings& settings, std::string& error, i18n::Lang lang) {
  if (profile == "generic") {
    inspect["profile"] = "generic";
    inspect["validation"] = {{"rows_in", read.report.rows_in}, {"rows_used", read.report.rows_in}, {"rows_excluded", 0},
                             {"flags_total", read.report.flags_total}, {"flags_by_rule", read.report.flags_by_rule}};
    return true;
  }
  const Schema* schema = find_schema(profile);
  if (!schema) {
    error = i18n::format(i18n::tr("mapping.unknown_profile", lang), {profile});
    return false;
  }
  MappedDataset ds = map_file(read, *schema, settings);
  const nlohmann::json pj = profile_json(ds);
  for (auto it = pj.begin(); it != pj.end(); ++it) inspect[it.key()] = it.value();
  if (!ds.mapping.ok()) {
    error = unmatched_message(*schema, ds.mapping, read.report.file_name, lang);
    return false;
  }
  return true;
}

}  // namespace zicht::core
