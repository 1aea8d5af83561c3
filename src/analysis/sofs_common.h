#pragma once
// Internal to the SofS analyses (sofs*.cpp): the prepared, filtered view of a mapped SofS file that every result
// reads, and the small table-building helpers they share. Not part of the public interface (analysis/sofs.h).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/sofs.h"
#include "core/mapped_dataset.h"
#include "core/table.h"
#include "stats/two_group.h"

namespace zicht::analysis::sofs::detail {

using core::CellKind;
using core::MappedField;

constexpr int kSteps = 10;
extern const char* const kStepIds[kSteps];
enum StepIndex : int {
  kMappingIntern, kMappingFamilie, kDrieHuizen, kGevaarsboodschap, kVeiligheidsdoel, kVeiligheidsschaal,
  kTraject, kWoordEnBeeld, kPlanVolwassenen, kPlanKind
};
// The month conventions of SPEC §4 (core/table.h).
using core::exact_months;
using core::kDaysPerMonth;

// Text of the SofS string tables: Text::key("sofs." + k).
Text T(const std::string& k);
// A label row from assets/i18n (both languages), and an empty table with its id and title: every SofS result file.
inline Value L(const std::string& key) { return Value::label(T(key)); }
inline Table make_table(std::string id, const Text& title) {
  Table t;
  t.id = std::move(id);
  t.title = title;
  return t;
}

// A share with the three denominators of SPEC §4: n taken/yes, no, NVT, missing (Missing + Invalid), all.
struct Share {
  long n = 0, no = 0, nvt = 0, missing = 0, all = 0;
  long applicable() const { return all - nvt; }
  long valid() const { return all - nvt - missing; }
  // Both without branches: the kinds follow no pattern over the rows, so branches on them mispredict.
  void add_kind(CellKind k) {  // a step / bool / date-or-nee cell: Value|Yes = n, No = no, … (inline: hot loops)
    ++all;
    n += (k == CellKind::Value) | (k == CellKind::Yes);
    no += k == CellKind::No;
    nvt += k == CellKind::NotApplicable;
    missing += (k == CellKind::Missing) | (k == CellKind::Invalid);
  }
  void add(int tri) {  // 1 = yes, 0 = no, -1 = unknown (missing)
    ++all;
    n += tri > 0;
    no += tri == 0;
    missing += tri < 0;
  }
};

// Cell kinds counted per kind (branch-free in hot loops); share() gives the Share that add_kind on each cell
// would give.
struct KindCounts {
  long c[6] = {};  // by CellKind
  void add(CellKind k, long times = 1) { c[size_t(k)] += times; }  // times 0 or 1: counting without a branch
  KindCounts& operator+=(const KindCounts& o) {
    for (int k = 0; k < 6; ++k) c[k] += o.c[k];
    return *this;
  }
  Share share() const {
    Share s;
    s.n = c[size_t(CellKind::Value)] + c[size_t(CellKind::Yes)];
    s.no = c[size_t(CellKind::No)];
    s.nvt = c[size_t(CellKind::NotApplicable)];
    s.missing = c[size_t(CellKind::Missing)] + c[size_t(CellKind::Invalid)];
    s.all = s.n + s.no + s.nvt + s.missing;
    return s;
  }
};

Column col(std::string id, const Text& label, Role role, int decimals = -1);
// Columns n, missing, pct_valid, denom_valid, pct_applicable, denom_applicable, pct_all, denom_all.
void share_columns(std::vector<Column>& c);
void share_values(std::vector<Value>& row, const Share& s);
Value pct(long n, long d);
// Columns n, denominator, pct (a single, named denominator).
void ratio_columns(std::vector<Column>& c);
void ratio_values(std::vector<Value>& row, long n, long d);

// The prepared data: rows passing the filters, with what every result needs derived once.
struct Data {
  const core::MappedDataset* ds = nullptr;
  const Options* opt = nullptr;
  const MappedField *id = nullptr, *org = nullptr, *start = nullptr, *typering = nullptr, *meetings = nullptr,
                    *figures = nullptr, *plan_b = nullptr, *plan_b_active = nullptr, *end = nullptr;
  const MappedField* step[kSteps] = {};
  const MappedField *cb[kSteps] = {}, *consulent[kSteps] = {};
  int32_t as_of = 0;

  std::vector<uint32_t> rows;       // table rows in the selection, file order
  std::vector<uint8_t> closed;      // per selection index
  std::vector<int32_t> start_day;   // start_cb (always a date for used rows)
  std::vector<int32_t> end_day;     // closed: einddatum; open: as-of date (censoring)
  std::vector<int> year;            // closing year; 0 when open
  std::vector<int> months;          // closed: completed_months(start_day, end_day); 0 when open
  std::vector<int> group;           // organisation group: index into group_names (consented names, then pooled)
  std::vector<int8_t> held;         // ≥ 1 network meeting: 1, 0 (count 0), -1 unknown
  std::vector<int8_t> all_steps;    // composite: 1, 0, -1 (undetermined: nothing missing-free decides it)
  std::vector<std::string> organisations;  // every distinct organisation in the selection (sorted)
  std::vector<int> organisation;           // per selection index: into organisations (-1 = missing)
  std::vector<Text> group_names;           // consented organisations (sorted), then "overige organisaties"
  std::vector<int> organisation_group;     // organisations[i] → group
  std::vector<std::string> composite;      // the field ids making up "alle stappen"
  long rows_excluded_by_filter = 0;

  // Data-quality rules (sofs.quality), computed once: count of cells / rows / organisations, and the first
  // kMaxFlags flags of each rule.
  struct Rule {
    std::string id;
    long count = 0;
    std::vector<Flag> flags;
  };
  static constexpr size_t kMaxFlags = 1000;
  std::vector<Rule> quality;
  std::vector<uint8_t> organisation_without_consulent;  // per organisations[i]
  const Rule& rule(const std::string& id) const;

  bool dense = false;  // the selection is every table row (rows[i] == i): no filter, no row left out
  size_t size() const { return rows.size(); }
  // Calls f(i, row) for every selection index i and its table row, in order; without the look-up in rows when
  // the selection is dense (simple loop bodies can then be vectorised).
  template <class F>
  void each(F&& f) const {
    const size_t n = rows.size();
    if (dense) {
      for (size_t i = 0; i < n; ++i) f(i, i);
    } else {
      const uint32_t* r = rows.data();
      for (size_t i = 0; i < n; ++i) f(i, size_t(r[i]));
    }
  }
  CellKind kind(const MappedField* f, size_t i) const {
    return f && f->mapped() ? f->kind[rows[i]] : CellKind::Missing;
  }
  int32_t value(const MappedField* f, size_t i) const { return f->value[rows[i]]; }
  // The per-table-row kinds of a mapped field, or nullptr (every cell Missing): for loops over the selection.
  const CellKind* kinds(const MappedField* f) const { return f && f->mapped() ? f->kind.data() : nullptr; }
  bool is_date(const MappedField* f, size_t i) const { return kind(f, i) == CellKind::Value; }
  // Meeting count when numeric (Value), else -1.
  int meeting_count(size_t i) const { return kind(meetings, i) == CellKind::Value ? value(meetings, i) : -1; }
  Flag flag(const MappedField* f, size_t i, const char* rule) const;
};

// The kinds of a field's cells (ks: Data::kinds, nullptr = every cell Missing) over the selection, each cell
// counted weight(i, row) times (0 or 1): with one 32-bit sum per kind and no branch, so that a dense selection's loop is
// vectorised.
template <class Weight>
KindCounts count_kinds(const Data& d, const CellKind* ks, Weight weight) {
  uint64_t c[6] = {};
  if (!ks) {
    uint32_t n = 0;
    d.each([&](size_t i, size_t row) { n += weight(i, row); });
    c[size_t(CellKind::Missing)] = n;
  } else if (d.dense) {
    uint32_t n[6] = {};
    for (size_t i = 0; i < d.size(); ++i) {
      const uint32_t w = weight(i, i);
      const CellKind k = ks[i];
      for (int j = 0; j < 6; ++j) n[j] += w & uint32_t(k == CellKind(j));
    }
    for (int j = 0; j < 6; ++j) c[j] = n[j];
  } else {
    // Through the row look-up (not vectorised): the six counts packed in one register, 10 bits each, emptied
    // every 1023 rows.
    const uint32_t* rows = d.rows.data();
    for (size_t from = 0; from < d.size(); from += 1023) {
      const size_t to = std::min(d.size(), from + 1023);
      uint64_t packed = 0;
      for (size_t i = from; i < to; ++i) {
        const size_t row = rows[i];
        packed += uint64_t(weight(i, row)) << (10 * unsigned(ks[row]));
      }
      for (int j = 0; j < 6; ++j) c[j] += (packed >> (10 * j)) & 1023;
    }
  }
  KindCounts out;
  for (int j = 0; j < 6; ++j) out.c[j] = long(c[j]);
  return out;
}

Data prepare(const core::MappedDataset& ds, const Options& options);
void compute_quality(Data& d);  // fills Data::quality (sofs_quality.cpp)

Value step_label(const Data& d, int s);  // the schema's label of a step

// Mann–Whitney for the count fields: stats::mann_whitney for up to kMannWhitneyDirect values (exact p where R
// uses it, Hodges–Lehmann CI); above that (or with force_counts) stats::mann_whitney_by_counts, the same normal
// approximation with continuity and tie correction from the value counts (stats::mann_whitney's Hodges–Lehmann
// interval is far too slow for 100,000 trajectories and is not shown). Tested to agree with stats::mann_whitney.
constexpr size_t kMannWhitneyDirect = 2000;
struct MannWhitney {
  double w = 0, z = 0, p = 0, r = 0;
  long n_x = 0, n_y = 0;
  std::string method, variant;
  std::vector<std::string> warnings;
};
MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y, bool force_counts = false);
// The same, given stats::value_counts(x, y) (used above kMannWhitneyDirect values).
MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<stats::ValueCount>& counts);

// The results, one function each (sofs_results.cpp, sofs_counts.cpp, sofs_quality.cpp, sofs_tests.cpp,
// sofs_times.cpp).
Result overview(const Data& d);
Result case_type(const Data& d);
Result steps(const Data& d);
Result all_steps(const Data& d);
Result partnership(const Data& d);
Result network_meetings(const Data& d);
Result network_figures(const Data& d);
Result plan_b(const Data& d);
Result plan_vs_steps(const Data& d);
Result plan_adult_groups(const Data& d);
Result time_to_step(const Data& d);
Result trend(const Data& d);
Result by_organisation(const Data& d);
Result quality(const Data& d);

}  // namespace zicht::analysis::sofs::detail
