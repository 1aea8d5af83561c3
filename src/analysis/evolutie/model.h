#pragma once
// Internal to the evolutie analyses: the loaded record types as the results read them — instruments (presets and
// the file's), measurements per person, domain and moment, the units they belong to (a SofS trajectory or a
// youngster) with start and end, the counts at start and end, and the Bruggen na(ar) 18 phases — with every
// data-quality finding of spec §5.3. Built once per run.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "analysis/build.h"
#include "analysis/evolutie.h"
#include "analysis/test_result.h"

namespace zicht::analysis::evolutie::detail {

using build::kNoDay;

// The moment codes of the schema in order; index = order on the time axis. "einde" comes after every month;
// "tussentijds" has no fixed place (an interim score, ordered by date).
constexpr int kMomentCount = 9;
extern const char* const kMomentCodes[kMomentCount];  // 0m 3m 6m 9m 12m 18m 24m einde tussentijds
extern const int kMomentMonths[kMomentCount];         // 0 3 6 9 12 18 24, −1 for einde and tussentijds
constexpr int kEnd = 7, kInterim = 8;
int moment_index(const std::string& code);            // −1 when unknown

struct Instrument {
  std::string id;
  Text name;
  std::vector<std::string> domains;
  double min = 0, max = 10;
  bool higher_better = true;
  std::string anchor_min, anchor_max;
  bool preset = false;
  Text note;  // a preset's caveat ("names not in the sources")
};

// One measurement (a row of `meting` that is used).
struct Measure {
  size_t unit = 0, person = 0;
  std::string instrument, domain;
  int moment = -1;
  int32_t date = kNoDay;
  double score = NAN;          // NaN: no number (empty, or "niet gesteld")
  bool not_asked = false;      // "niet gesteld" (NVT by practice)
  std::string filled;          // ingevuld
  int64_t row = 0;
};

// A trajectory (traject_id) or, without one, a youngster (jongere_id).
struct Subject {
  std::string id;
  int sofs = -1;               // index into the SofS selection, −1 when not in the linked file
  int32_t start = kNoDay, end = kNoDay;  // end: kNoDay while open
  bool closed = false;
  int scale_step = -1;         // sofs.veiligheidsschaal: 1 taken, 0 "nee", −1 unknown or no link
  int32_t due(int moment) const;  // start + months (calendar, clamped); the end for einde; kNoDay otherwise
};

struct Person {
  std::string id, rol;
  size_t unit = 0;
};

// Counts at start and end (`telling`).
struct Count {
  size_t unit = 0;
  int prof[2] = {-1, -1}, net[2] = {-1, -1};
  int role_change = -1;        // 1 ja, 0 nee, −1 unknown
};

// One phase row (`fase`).
struct PhaseRow {
  std::string youngster, programme;
  int phase = 0;               // 1–6
  int32_t date = kNoDay;
  int age = -1;
  std::string form, location, reason, fallback;
  int dropped = -1;            // afgehaakt: 1, 0, −1 unknown
  int check[3] = {-1, -1, -1}; // netwerk_uitgebouwd, kent_rechten, weet_waar_terecht
  int64_t row = 0;
};

struct Model : build::QualityLog {
  Options opt;
  int32_t as_of = 0;
  bool linked = false;
  bool have_meting = false, have_telling = false, have_fase = false;
  std::vector<Instrument> instruments;
  std::string instrument;      // the one analysed (resolved from the options)
  std::string domain;          // the domain analysed
  std::vector<Subject> units;
  std::map<std::string, size_t> unit_index;
  std::vector<Person> people;
  std::map<std::string, size_t> person_index;
  std::vector<Measure> measures;
  std::vector<std::vector<size_t>> by_person;    // per person: indices into measures, file order
  std::vector<std::vector<size_t>> unit_people;  // per unit: its persons
  std::vector<Count> counts;
  std::vector<PhaseRow> phases;
  long rows_in = 0, rows_used = 0, rows_flagged = 0;

  const Instrument* find_instrument(const std::string& id) const;
};

Model build_model(const Inputs& in, const Options& o);

// Per person: the scores of one instrument and domain in time order (moments, then interim scores by date).
struct Point {
  int moment = -1;
  int32_t date = kNoDay;
  double score = NAN;
  bool not_asked = false;
};
std::vector<Point> series_of(const Model& m, size_t person, const std::string& instrument, const std::string& domain);
// The score at a moment (NaN when none).
double score_at(const std::vector<Point>& s, int moment);

// The evolution classes of spec §5.2 (first rule that matches), per unit for the analysed instrument and domain.
enum class Evolution : uint8_t { rise, u_shape, start_only, not_asked, none, fall, mixed };
constexpr int kEvolutions = 7;
extern const char* const kEvolutionCodes[kEvolutions];  // stijging, U-vorm, enkel start, niet bevraagd, …
Evolution classify(const std::vector<std::vector<Point>>& persons, double delta);
std::vector<Evolution> unit_classes(const Model& m);    // per unit, for the analysed instrument and domain
bool is_parent(const std::string& rol);                 // moeder, vader, ouder
std::vector<uint8_t> measured_units(const Model& m);    // per unit: measured on the analysed instrument and domain
// Per domain and moment present: n, median, Q1, Q3, mean and whether the median is drawn (series' cohort, domains).
Table moment_table(const Model& m, const std::string& id, const std::string& title_key, const std::string& instrument,
                   const std::vector<std::string>& domains);

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
Value moment_label(int k);
void needs(Result& r, const std::string& table);
Text number_text(double v);  // "1", "0,5" (nl) / "0.5" (en)
// The value axis of a score view: the instrument's range when it has one.
void set_axis(View& v, const Instrument* ins);
// A cohort median is drawn only over at least kMinDrawn scores (a median of one person is that person's score):
// the table says per row whether it is drawn, the view draws those rows.
constexpr long kMinDrawn = 3;
Value drawn_label(long n);
RowCondition drawn_rows();
// The moments present for the analysed instrument and domain (excluding tussentijds), in order.
std::vector<int> moments_present(const Model& m, const std::string& instrument, const std::string& domain);

std::vector<Result> score_results(const Model& m);   // series, change, repeated
Result repeated_result(const Model& m);
std::vector<Result> class_results(const Model& m);   // pattern, domains
Result phase_result(const Model& m);
Result completeness_result(const Model& m);
Result quality_result(const Model& m);
Result person_result(const Model& m, const std::string& person);  // the one-page sheet (evolutie.person)

}  // namespace zicht::analysis::evolutie::detail
