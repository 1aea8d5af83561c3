#pragma once
// Internal to the trajecten analyses: the registrations as the results read them, with every data-quality finding
// of spec §2.3 `quality` (rows in = used + flagged). Built once per run.
#include <map>
#include <string>
#include <vector>

#include "analysis/build.h"
#include "analysis/trajecten.h"

namespace zicht::analysis::trajecten::detail {

using build::kNoDay;

enum class Start : uint8_t { started, not_started, pending, missing };  // missing = pending beyond the setting

struct Registration {
  std::string id, family;
  bool family_form = false;        // aanmeldvorm gezin
  int64_t row = 0;
  int32_t registered = kNoDay, start = kNoDay, closed = kNoDay;  // closed kNoDay = lopend (when started)
  Start state = Start::pending;
  int age = -1;                    // at registration; −1 Missing
  int birth_month = -1;            // months since year 0 (y * 12 + m − 1); −1 unknown
  std::string region;              // a code of the list, "buiten regio", or "" (Missing)
  std::string ref1, ref2;          // referrer levels; "" = none
  std::vector<std::string> reasons, criteria, means;
  int act = -1, consent = -1;      // 1 ja, 0 nee, −1 unknown
  std::string no_start_reason, alternative, handover;
  int extensions = -1, indirect = -1;
  int block_before = -1, block_after = -1;  // 0 Geblokkeerd, 1 Dreigend te blokkeren, 2 Niet geblokkeerd; −1 none
  bool started() const { return state == Start::started; }
  int age_at(int32_t day) const;   // from birth_month (first day of the month); −1 when unknown
};

struct Model : build::QualityLog {
  Options opt;
  std::string file;
  int32_t as_of = 0;
  bool have = false;
  std::vector<Registration> regs;  // used rows, file order
  long rows_in = 0, rows_used = 0, rows_flagged = 0;
  bool has_birth_month = false;
};

Model build_model(const core::MappedDataset* ds, const Options& o);

extern const char* const kRegions[5];   // the code list's regions in order (Table 3)
extern const char* const kBlocks[3];    // Geblokkeerd, Dreigend te blokkeren, Niet geblokkeerd
int year_of(int32_t day);
int32_t ymd(int y, unsigned m, unsigned d);
// Started and not closed on `day` (inclusive start, closure after the day).
bool running_on(const Registration& r, int32_t day);

// The coarsened categories (Delen's tiny-n options) as the analysis applies them.
std::string age_label(const Options& o, int age, bool coarse);     // "13" or "13–14"
std::string region_label(const Options& o, const std::string& region, bool coarse);

using build::col;
using build::counted;
using build::day_text;
using build::make_result;
using build::make_table;
using build::make_test;
using build::pct;
using build::set_of;
using build::set_title;
inline Value L(const std::string& key) { return Value::label(Text::key(key)); }
inline Value num_or_na(double v) { return std::isfinite(v) ? Value::num(v) : Value::na(); }
void needs_file(Result& r);

Result flow_result(const Model& m);
// Tables 2–4 with the model's options, or with `o` in their place (coarsening_result builds them with each
// coarsening option off and on).
Result age_result(const Model& m, const Options& o);
inline Result age_result(const Model& m) { return age_result(m, m.opt); }
Result region_result(const Model& m, const Options& o);
inline Result region_result(const Model& m) { return region_result(m, m.opt); }
Result referrer_result(const Model& m, const Options& o);
inline Result referrer_result(const Model& m) { return referrer_result(m, m.opt); }
Result reasons_result(const Model& m);
Result units_result(const Model& m);
Result no_start_result(const Model& m);
Result timing_result(const Model& m);
Result blocking_result(const Model& m);
Result quality_result(const Model& m);
Result coarsening_result(const Model& m);

}  // namespace zicht::analysis::trajecten::detail
