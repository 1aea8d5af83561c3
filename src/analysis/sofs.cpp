// The SofS dashboard analyses (SPEC §2.1, §3.1): options from the werkmap, the filtered and derived view of the
// data every result reads (one pass over the rows) and the shared helpers. The results themselves are in
// sofs_results.cpp (descriptive pages), sofs_counts.cpp (count fields), sofs_quality.cpp (data-quality rules),
// sofs_tests.cpp (tests, trends) and sofs_times.cpp (durations); how they are drawn in sofs_views.cpp.
#include "analysis/sofs.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "analysis/sofs_common.h"
#include "core/schema.h"
#include "core/table.h"
#include "core/werkmap.h"

namespace zicht::analysis::sofs {
namespace detail {

const char* const kStepIds[kSteps] = {"mapping_intern", "mapping_familie", "drie_huizen", "gevaarsboodschap",
                                      "veiligheidsdoel", "veiligheidsschaal", "traject", "woord_en_beeld",
                                      "veiligheidsplan_volwassenen", "veiligheidsplan_kind"};

Text T(const std::string& k) { return Text::key("sofs." + k); }

Column col(std::string id, const Text& label, Role role, int decimals) {
  return Column{std::move(id), label, role, decimals};
}

Value pct(long n, long d) { return d > 0 ? Value::num(100.0 * double(n) / double(d)) : Value::na(); }

void share_columns(std::vector<Column>& c) {
  c.push_back(col("n", Text::key("col.n"), Role::count));
  c.push_back(col("missing", Text::key("col.missing"), Role::count));
  c.push_back(col("pct_valid", Text::key("col.pct_valid"), Role::percent, 1));
  c.push_back(col("denom_valid", Text::key("col.denom_valid"), Role::denominator));
  c.push_back(col("pct_applicable", Text::key("col.pct_applicable"), Role::percent, 1));
  c.push_back(col("denom_applicable", Text::key("col.denom_applicable"), Role::denominator));
  c.push_back(col("pct_all", Text::key("col.pct_all"), Role::percent, 1));
  c.push_back(col("denom_all", Text::key("col.denom_all"), Role::denominator));
}

void share_values(std::vector<Value>& row, const Share& s) {
  row.push_back(Value::of(s.n));
  row.push_back(Value::of(s.missing));
  row.push_back(pct(s.n, s.valid()));
  row.push_back(Value::of(s.valid()));
  row.push_back(pct(s.n, s.applicable()));
  row.push_back(Value::of(s.applicable()));
  row.push_back(pct(s.n, s.all));
  row.push_back(Value::of(s.all));
}

void ratio_columns(std::vector<Column>& c) {
  c.push_back(col("n", Text::key("col.n"), Role::count));
  c.push_back(col("denominator", T("col.denominator"), Role::denominator));
  c.push_back(col("pct", T("col.pct"), Role::percent, 1));
}

void ratio_values(std::vector<Value>& row, long n, long d) {
  row.push_back(Value::of(n));
  row.push_back(Value::of(d));
  row.push_back(pct(n, d));
}

Flag Data::flag(const MappedField* f, size_t i, const char* rule) const {
  Flag fl;
  fl.file = ds->file;
  fl.row = ds->row_number(rows[i]);
  fl.column = f ? f->column_name : std::string();
  fl.value = f ? ds->text(*f, rows[i]) : std::string();
  fl.rule = rule;
  return fl;
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Data prepare(const core::MappedDataset& ds, const Options& opt) {
  Data d;
  d.ds = &ds;
  d.opt = &opt;
  d.as_of = ds.as_of;
  auto field = [&](const char* id) -> const MappedField* {
    const MappedField* f = ds.field(id);
    return f && f->mapped() ? f : nullptr;
  };
  d.id = field("traject_id");
  d.org = field("organisatie");
  d.start = field("start_cb");
  d.typering = field("typering");
  d.meetings = field("netwerkberaden");
  d.figures = field("netwerkfiguren");
  d.plan_b = field("plan_b");
  d.plan_b_active = field("plan_b_in_werking");
  d.end = field("einddatum");
  for (int s = 0; s < kSteps; ++s) {
    d.step[s] = field(kStepIds[s]);
    d.cb[s] = field((std::string(kStepIds[s]) + "_cb").c_str());
    d.consulent[s] = field((std::string(kStepIds[s]) + "_consulent").c_str());
  }
  d.composite = opt.all_steps;
  if (d.composite.empty()) {
    for (int s = 0; s < kSteps; ++s) d.composite.push_back(kStepIds[s]);
    d.composite.push_back("netwerkberaden");
  }

  // Organisation names: by dictionary code when the reader kept one (no per-row strings), else by raw text.
  const size_t n_rows = ds.rows();
  std::vector<int> row_org(n_rows, -1);
  if (d.org) {
    const core::Column& c = ds.table->columns[size_t(d.org->column)];
    std::map<std::string, int> index;
    std::vector<int> by_code;
    for (size_t r = 0; r < n_rows; ++r) {
      if (!ds.used[r] || d.org->kind[r] != CellKind::Value) continue;
      if (!c.codes.empty()) {
        const uint32_t code = c.codes[r];
        if (code >= by_code.size()) by_code.resize(size_t(code) + 1, -2);
        if (by_code[code] == -2) {
          auto it = index.emplace(std::string(c.str(r)), int(index.size())).first;
          by_code[code] = it->second;
        }
        row_org[r] = by_code[code];
      } else {
        auto it = index.emplace(ds.text(*d.org, r), int(index.size())).first;
        row_org[r] = it->second;
      }
    }
    // Sorted names; remap the first-seen indices.
    std::vector<int> remap(index.size());
    for (const auto& [name, i] : index) {
      remap[size_t(i)] = int(d.organisations.size());
      d.organisations.push_back(name);
    }
    for (int& o : row_org)
      if (o >= 0) o = remap[size_t(o)];
  }

  // Filters (SPEC: before everything).
  std::vector<uint8_t> org_ok(d.organisations.size(), 1);
  if (!opt.organisations.empty())
    for (size_t o = 0; o < d.organisations.size(); ++o) org_ok[o] = contains(opt.organisations, d.organisations[o]);
  std::vector<uint8_t> typ_ok;
  if (d.typering && !opt.typering.empty()) {
    typ_ok.resize(d.typering->values.size());
    for (size_t k = 0; k < typ_ok.size(); ++k) typ_ok[k] = contains(opt.typering, d.typering->values[k]);
  }
  const bool has_filter = opt.period_from || opt.period_to || !opt.organisations.empty() || !opt.typering.empty() ||
                          !opt.status.empty();
  // Written by index (sized for every row, cut to the selection after the loop).
  const auto size_selection = [&d](size_t k) {
    d.rows.resize(k);
    d.closed.resize(k);
    d.start_day.resize(k);
    d.end_day.resize(k);
    d.year.resize(k);
    d.months.resize(k);
    d.organisation.resize(k);
  };
  size_selection(n_rows);
  // Closing years and completed months by lookup over the span of the dates involved (when not much wider than
  // the file is long).
  int32_t lo = std::numeric_limits<int32_t>::max(), hi = std::numeric_limits<int32_t>::min();
  for (const MappedField* f : {d.start, d.end})
    if (f) {
      const CellKind* ks = f->kind.data();
      const int32_t* days = f->value.data();
      int32_t l = lo, h = hi;
      for (size_t r = 0; r < n_rows; ++r) {  // without a branch on the kind (vectorised)
        const bool date = ks[r] == CellKind::Value;
        l = std::min(l, date ? days[r] : std::numeric_limits<int32_t>::max());
        h = std::max(h, date ? days[r] : std::numeric_limits<int32_t>::min());
      }
      lo = l;
      hi = h;
    }
  const bool narrow = hi >= lo && int64_t(hi) - lo < int64_t(4 * n_rows + 1024);
  const core::CivilSpan civil(narrow ? lo : 0, narrow ? hi : -1);
  long used = 0;
  size_t m = 0;  // rows in the selection so far
  for (size_t r = 0; r < n_rows; ++r) {
    if (!ds.used[r]) continue;
    ++used;
    if (!d.start || d.start->kind[r] != CellKind::Value) continue;  // core excludes these rows already
    const int32_t start = d.start->value[r];
    const bool closed = d.end && d.end->kind[r] == CellKind::Value && d.end->value[r] <= d.as_of;
    if (has_filter) {
      if (!opt.organisations.empty() && (row_org[r] < 0 || !org_ok[size_t(row_org[r])])) continue;
      if (!typ_ok.empty() &&
          (d.typering->kind[r] != CellKind::Value || !typ_ok[size_t(d.typering->value[r])]))
        continue;
      if (opt.status == "open" && closed) continue;
      if (opt.status == "closed" && !closed) continue;
      if (opt.period_from || opt.period_to) {
        int32_t day = start;
        if (opt.period_by_end) {
          if (!closed) continue;
          day = d.end->value[r];
        }
        if (opt.period_from && day < *opt.period_from) continue;
        if (opt.period_to && day > *opt.period_to) continue;
      }
    }
    d.rows[m] = uint32_t(r);
    d.closed[m] = closed ? 1 : 0;
    d.start_day[m] = start;
    d.end_day[m] = closed ? d.end->value[r] : d.as_of;
    d.year[m] = closed ? civil.year_of(d.end->value[r]) : 0;
    d.months[m] = closed ? civil.completed_months(start, d.end->value[r]) : 0;
    d.organisation[m] = row_org[r];
    ++m;
  }
  size_selection(m);
  d.rows_excluded_by_filter = used - long(d.rows.size());
  d.dense = d.rows.size() == n_rows;

  // Organisation groups: consented organisations by name (sorted), everything else pooled (never as letters).
  std::vector<std::string> consented;
  for (const auto& name : d.organisations)
    if (contains(opt.consent, name)) consented.push_back(name);
  for (const auto& name : consented) d.group_names.push_back(Text::same(name));
  d.group_names.push_back(T("org.others"));
  const int pooled = int(consented.size());
  d.organisation_group.resize(d.organisations.size(), pooled);
  for (size_t o = 0; o < d.organisations.size(); ++o)
    for (size_t c = 0; c < consented.size(); ++c)
      if (d.organisations[o] == consented[c]) d.organisation_group[o] = int(c);
  d.group.resize(d.size());
  for (size_t i = 0; i < d.size(); ++i)
    d.group[i] = d.organisation[i] < 0 ? pooled : d.organisation_group[size_t(d.organisation[i])];

  // Meeting held and the composite, without branches on the cell kinds (they follow no pattern over the rows):
  // each cell sets kNo ("no": decides the composite, 0) or kUndetermined (neither taken nor "no": -1 unless a
  // "no" decides it); a composite with neither is 1.
  constexpr uint8_t kNo = 1, kUndetermined = 2;
  static_assert(size_t(CellKind::Value) == 0 && size_t(CellKind::Missing) == 1 &&
                size_t(CellKind::NotApplicable) == 2 && size_t(CellKind::Invalid) == 3 &&
                size_t(CellKind::Yes) == 4 && size_t(CellKind::No) == 5);
  constexpr int8_t kComposite[4] = {1, 0, -1, 0};  // by the or-ed bits
  std::vector<const CellKind*> comp_kinds;
  uint8_t every_row = 0;  // a component named but not mapped: every cell Missing
  bool comp_meetings = false;
  for (const auto& id : d.composite) {
    if (id == "netwerkberaden") comp_meetings = true;
    else if (const MappedField* f = field(id.c_str())) comp_kinds.push_back(d.kinds(f));
    else every_row |= kUndetermined;
  }
  // Column by column (each loop vectorised on a dense selection): the bits of the named components, then held
  // and the composite.
  std::vector<uint8_t> bits(d.size(), every_row);
  uint8_t* b = bits.data();
  for (const CellKind* ks : comp_kinds)
    d.each([&](size_t i, size_t row) {
      const uint8_t k = uint8_t(ks[row]);  // No → kNo; Missing, NotApplicable, Invalid → kUndetermined
      b[i] |= uint8_t(uint8_t(k == uint8_t(CellKind::No)) * kNo) |
              uint8_t(uint8_t((k >= uint8_t(CellKind::Missing)) & (k <= uint8_t(CellKind::Invalid))) * kUndetermined);
    });
  d.held.resize(d.size());
  d.all_steps.resize(d.size());
  int8_t* held_out = d.held.data();
  int8_t* all_out = d.all_steps.data();
  const CellKind* mks = d.kinds(d.meetings);
  const int32_t* mvs = mks ? d.meetings->value.data() : nullptr;
  d.each([&](size_t i, size_t row) {
    const CellKind mk = mks ? mks[row] : CellKind::Missing;
    // A date in the count column (Yes): ≥ 1 meeting.
    const int8_t held = mk == CellKind::Yes ? 1 : mk == CellKind::Value ? int8_t(mvs[row] >= 1) : -1;
    held_out[i] = held;
    uint8_t bit = b[i];
    if (comp_meetings) bit |= held == 0 ? kNo : held < 0 ? kUndetermined : 0;
    all_out[i] = kComposite[bit];
  });
  compute_quality(d);
  return d;
}

}  // namespace detail

using namespace detail;

namespace {

std::optional<int32_t> iso_or_days(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.get<int32_t>();
  if (v.is_string()) {
    int32_t d;
    if (core::parse_iso_date(v.get<std::string>(), d)) return d;
  }
  return std::nullopt;
}

std::vector<std::string> string_list(const nlohmann::json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& x : v)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o;
  const nlohmann::json& norms = w.options("sofs", "norms");
  if (norms.is_object()) {
    if (norms.contains("meetings_low") && norms["meetings_low"].is_number_integer())
      o.meetings_low = norms["meetings_low"].get<int>();
    if (norms.contains("meetings_high") && norms["meetings_high"].is_number_integer())
      o.meetings_high = norms["meetings_high"].get<int>();
    if (norms.contains("duration_months") && norms["duration_months"].is_number_integer())
      o.duration_months = norms["duration_months"].get<int>();
    if (norms.contains("all_steps")) o.all_steps = string_list(norms["all_steps"]);
  }
  o.denominator = w.denominator();
  const nlohmann::json& f = w.options("sofs", "filters");
  if (f.is_object()) {
    if (f.contains("period_from")) o.period_from = iso_or_days(f["period_from"]);
    if (f.contains("period_to")) o.period_to = iso_or_days(f["period_to"]);
    if (f.contains("period_by") && f["period_by"].is_string()) o.period_by_end = f["period_by"] == "end";
    if (f.contains("organisations")) o.organisations = string_list(f["organisations"]);
    if (f.contains("typering")) o.typering = string_list(f["typering"]);
    if (f.contains("status") && f["status"].is_string()) {
      const std::string s = f["status"].get<std::string>();
      if (s == "open" || s == "closed") o.status = s;
    }
  }
  o.consent = string_list(w.options("sofs", "consent"));
  return o;
}

Options Options::from_werkmap(const nlohmann::json& doc) {
  core::Werkmap w;
  std::string error;
  if (!core::Werkmap::from_settings(doc, w, error)) return Options{};
  return from_werkmap(w);
}

void Options::store(core::Werkmap& w) const {
  w.set_options("sofs", "norms",
                {{"meetings_low", meetings_low},
                 {"meetings_high", meetings_high},
                 {"duration_months", duration_months},
                 {"all_steps", all_steps}});
  nlohmann::json filters = nlohmann::json::object();
  if (period_from) filters["period_from"] = core::format_iso_date(*period_from);
  if (period_to) filters["period_to"] = core::format_iso_date(*period_to);
  filters["period_by"] = period_by_end ? "end" : "start";
  filters["organisations"] = organisations;
  filters["typering"] = typering;
  filters["status"] = status;
  w.set_options("sofs", "filters", filters);
  w.set_options("sofs", "consent", consent);
  w.set_denominator(denominator);
}

nlohmann::json Options::to_json() const {
  core::Werkmap w;
  store(w);
  return {{"profiles", {{"sofs", w.doc()["profiles"]["sofs"]}}}, {"denominator", core::denominator_id(denominator)}};
}

std::vector<Result> results(const core::MappedDataset& ds, const Options& options) {
  const Data d = prepare(ds, options);
  std::vector<Result> out;
  out.reserve(14);
  out.push_back(overview(d));
  out.push_back(case_type(d));
  out.push_back(steps(d));
  out.push_back(all_steps(d));
  out.push_back(partnership(d));
  out.push_back(network_meetings(d));
  out.push_back(network_figures(d));
  out.push_back(plan_b(d));
  out.push_back(plan_vs_steps(d));
  out.push_back(plan_adult_groups(d));
  out.push_back(time_to_step(d));
  out.push_back(trend(d));
  out.push_back(by_organisation(d));
  out.push_back(quality(d));
  add_views(out, options);
  return out;
}

}  // namespace zicht::analysis::sofs
