#pragma once
// Internal to the kerndataset analyses: the loaded record types as the results read them — parent and child
// surveys, the follow-up per trajectory and moment (with consent, due dates and the Missing/NVT rules of spec §1.2),
// the self-assessment and the case panel — linked to the SofS file by traject_id, with every data-quality finding.
// Built once per run.
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "analysis/build.h"
#include "analysis/kerndataset.h"
#include "analysis/test_result.h"

namespace zicht::analysis::kerndataset::detail {

using build::kNoDay;

// Item answers: 1–5 (parent) or 2/1/0 (child, Ja/Soms/Nee); kMissing, kNvt.
constexpr int8_t kMissing = -1, kNvt = -2;

struct Parent {
  std::string traject, respondent, rol, file;
  bool worker = false;     // perspectief = begeleider
  bool interim = false;    // moment_bevraging = tussentijds
  int32_t date = kNoDay;
  int64_t row = 0;
  std::array<int8_t, kParentItems> item{};
};

struct Child {
  std::string traject, respondent, file;
  int age = -1;
  bool interim = false;
  int32_t date = kNoDay;
  int64_t row = 0;
  std::array<int8_t, kChildRows> item{};
};

// One follow-up row (a trajectory at a moment).
struct FollowRow {
  int32_t date = kNoDay;
  int64_t row = 0;
  int reached = -1;                  // 1 ja, 0 nee, −1 unknown
  int rereferral = -1;               // heraanmelding: 1 ja, 0 nee, −1 unknown
  int32_t rereferral_date = kNoDay;
  int placement = -1;                // uithuisplaatsing: 1 ja, 0 nee, −1 unknown
  std::string placement_where;       // natuurlijk netwerk | verblijf | ""
  int counts[3] = {-1, -1, -1};      // n_netwerkfiguren, n_personen_ouder, n_personen_minderjarige
  std::string meets;                 // netwerk_samenkomst code ("" unknown)
  int plan_adjusted = -1;            // plan_bijgestuurd
  int safety = -1;                   // veiligheidsschaal_ouder 0–10
  std::string channel;               // kanaal type
  bool answered() const;             // reached and at least one indicator answered
};

// Moment status of spec §1.2 for one trajectory at a later moment.
enum class MomentState : uint8_t { no_consent, not_due, missing, not_reached, answered };

// A trajectory of the cohort (every trajectory seen in the follow-up file or, with a link, closed in SofS).
struct Trajectory {
  std::string id;
  int sofs = -1;                    // index into Model::sofs_rows, −1 when not in the linked file
  int32_t end = kNoDay;             // closure: sofs.einddatum, else the afronding row's date
  bool closed = false;
  std::string consent;              // ja | nee | niet gevraagd | "" (no afronding row or empty)
  int32_t withdrawn = kNoDay;
  std::array<const FollowRow*, kMoments> at{};  // the row at each moment (after consent gating), or null
  std::array<FollowRow, kMoments> rows{};
  std::array<bool, kMoments> has{};
  // From the SofS link.
  int all_steps = -1;               // the 11-step composite: 1, 0, −1 undetermined
  int steps_taken = -1;             // steps taken of the composite (0–11), −1 without link
  std::string plan_b;               // netwerk | verblijf | ""
  int plan_b_active = -1;           // plan B in werking: 1 (a date), 0 (nee), −1 unknown
  bool plan_b_from_start = false;   // plan B date ≤ start
  int sofs_figures = -1;            // sofs.netwerkfiguren
  int32_t due(int moment) const;    // end + months (calendar, clamped); kNoDay without an end
  std::array<MomentState, kMoments> states{};  // Model::state per moment, set once at the end of build_model
};

struct SelfRow {
  std::string respondent, organisation, team, region, group, function, wave;  // wave = golf as YYYY-MM
  int64_t row = 0;
  std::array<double, kSelfItems> item{};  // NaN = missing
};

struct CaseRow {
  std::string traject;
  std::string follow;  // vervolg code or ""
  std::map<std::string, int> yn;  // bool fields: 1 ja, 0 nee, −1 unknown, −2 NVT
  std::string parent;  // moeder | vader | geen | ""
};

struct Model : build::QualityLog {
  Options opt;
  int32_t as_of = 0;
  bool linked = false;  // a SofS file is loaded
  std::vector<Parent> parents;
  std::vector<Child> children;
  std::vector<Trajectory> traj;
  std::map<std::string, size_t> traj_index;
  std::vector<SelfRow> self;
  std::vector<std::string> self_items;     // field ids i1a … volledig
  std::vector<Text> self_labels;
  std::vector<std::string> self_domains;
  std::vector<CaseRow> cases;
  bool have_follow = false, have_parent = false, have_child = false, have_self = false, have_case = false;
  bool contact_data = false;               // a contact-data column is mapped (never shown)
  long rows_in = 0, rows_used = 0, rows_flagged = 0;
  std::vector<std::string> parent_labels_nl, parent_labels_en, child_labels_nl, child_labels_en;

  const Trajectory* find(const std::string& id) const;
  // The moment's status (spec §1.2), computed once per trajectory and moment when the model is built.
  MomentState state(const Trajectory& t, int moment) const { return t.states[size_t(moment)]; }
};

Model build_model(const Inputs& in, const Options& o);

// Helpers shared by the result files.
using build::col;
using build::counted;
using build::day_text;
using build::make_test;
using build::set_of;
using build::set_title;
using build::make_result;
using build::make_table;
using build::pct;
inline Value L(const std::string& key) { return Value::label(Text::key(key)); }
inline Value num_or_na(double v) { return std::isfinite(v) ? Value::num(v) : Value::na(); }
// The moment's label; the cohort (closed trajectories: closed in the linked SofS file, else with an afronding row);
// the latest answered follow-up row after closure (or null); the pct_/denom_ columns of the three denominators.
Value moment_label(int k);
std::vector<const Trajectory*> cohort(const Model& m);
const FollowRow* last_later(const Trajectory& t);
void three_denominators(std::vector<Column>& c);
// A note that a record type is not loaded: the result keeps its id and says which file it needs.
void needs(Result& r, const std::string& table);
// Box plots of a table's min, q1, median, q3, max per x; percent bars per moment under the werkmap's denominator.
View box_view(const std::string& table, const std::string& x, const std::string& of_key);
View moment_bars(const std::string& table, const std::string& policy, const std::string& of_key);
// A subscale score: the mean of the answered items of block 0 (1–14) or 1 (15–28) when at least `min_share` of the
// block is answered, else NaN; `answered_out` gets the number answered.
double block_score(const Parent& p, int block, double min_share, int* answered_out = nullptr);

std::vector<Result> survey_results(const Model& m);      // parent_items, parent_scales, child_items, perspective_gap
std::vector<Result> followup_results(const Model& m);    // overview, followup, rereferral, placement
std::vector<Result> outcome_results(const Model& m);     // network, sustainability, impact_profile
Result fidelity_result(const Model& m);
Result self_result(const Model& m);
Result case_result(const Model& m);
Result quality_result(const Model& m);

}  // namespace zicht::analysis::kerndataset::detail
