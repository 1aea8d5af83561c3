// The phases of Bruggen na(ar) 18: how many youngsters reach each phase (funnel), the transitions between phases,
// drop-off, time in phase, age at entry against the schema's ages, Kaplan–Meier from phase 2 to phase 5, the
// phase-6 checklist by group or individual start (Fisher's exact test), and a swimlane per youngster (Intern).
#include <algorithm>
#include <map>

#include "analysis/evolutie/model.h"
#include "stats/contingency.h"
#include "stats/descriptives.h"
#include "stats/survival.h"

namespace zicht::analysis::evolutie::detail {

namespace {

constexpr double kDaysPerMonth = 30.4375;
const int kSchemaAge[7] = {0, 0, 16, 17, 17, 18, 25};  // phases 2–5: the usual age; 6: the maximum

Value phase_label(int p) { return L("evolutie.phase." + std::to_string(p)); }

struct Youngster {
  std::string id;
  std::vector<const PhaseRow*> rows;  // by phase
  bool dropped = false;
  std::string start_form;             // vorm of the first row
  int last() const { return rows.empty() ? 0 : rows.back()->phase; }
  const PhaseRow* at(int phase) const {
    for (const PhaseRow* r : rows)
      if (r->phase == phase) return r;
    return nullptr;
  }
  int32_t first_date_from(int phase) const {  // the entry into this phase or, when skipped, the next one reached
    for (const PhaseRow* r : rows)
      if (r->phase >= phase && r->date != kNoDay) return r->date;
    return kNoDay;
  }
};

std::vector<Youngster> youngsters(const Model& m) {
  std::map<std::string, size_t> index;
  std::vector<Youngster> out;
  for (const auto& p : m.phases) {
    auto it = index.find(p.youngster);
    if (it == index.end()) {
      it = index.emplace(p.youngster, out.size()).first;
      out.push_back(Youngster{p.youngster, {}, false, {}});
    }
    out[it->second].rows.push_back(&p);
  }
  for (auto& y : out) {
    std::sort(y.rows.begin(), y.rows.end(), [](const PhaseRow* a, const PhaseRow* b) { return a->phase < b->phase; });
    for (const PhaseRow* r : y.rows) y.dropped |= r->dropped == 1;
    for (const PhaseRow* r : y.rows)
      if (!r->form.empty()) {
        y.start_form = r->form;
        break;
      }
  }
  return out;
}

Table describe_table(const std::string& id, const std::string& title) {
  Table t = make_table(id, title);
  t.columns = {col("phase", "evolutie.col.phase", Role::category), col("n", "evolutie.col.n", Role::count, 0),
               col("min", "evolutie.col.min", Role::statistic, 1), col("q1", "evolutie.col.q1", Role::lower, 1),
               col("median", "evolutie.col.median", Role::statistic, 1), col("q3", "evolutie.col.q3", Role::upper, 1),
               col("max", "evolutie.col.max", Role::statistic, 1)};
  return t;
}
std::vector<Value> describe_row(int phase, const std::vector<double>& v) {
  const stats::Descriptives d = stats::describe(v);
  return {phase_label(phase), Value::of(long(v.size())), num_or_na(d.min), num_or_na(d.q1), num_or_na(d.median),
          num_or_na(d.q3), num_or_na(d.max)};
}

}  // namespace

Result phase_result(const Model& m) {
  Result r = make_result("evolutie.phases", "evolutie.result.phases", "evolutie.unit.youngsters");
  if (!m.have_fase) {
    needs(r, "fase");
    return r;
  }
  const std::vector<Youngster> ys = youngsters(m);
  const long n = long(ys.size());

  // Funnel: reached = a row at this phase or a later one (a skipped phase is passed); in = a row at this phase.
  Table f = make_table("funnel", "evolutie.table.funnel");
  f.columns = {col("phase", "evolutie.col.phase", Role::category), col("n", "evolutie.col.reached", Role::count, 0),
               col("pct_fixed", "evolutie.col.pct", Role::percent, 1), col("denom_fixed", "evolutie.col.denom_youngsters", Role::denominator, 0),
               col("rows", "evolutie.col.with_row", Role::count, 0), col("dropped", "evolutie.col.dropped", Role::count, 0)};
  for (int p = 1; p <= 6; ++p) {
    long reached = 0, rows = 0, dropped = 0;
    for (const auto& y : ys) {
      reached += y.last() >= p;
      const PhaseRow* at = y.at(p);
      rows += at != nullptr;
      dropped += at && at->dropped == 1;
    }
    f.rows.push_back({phase_label(p), Value::of(reached), pct(reached, n), Value::of(n), Value::of(rows), Value::of(dropped)});
  }
  // Transitions between consecutive rows of a youngster.
  Table tr = make_table("transitions", "evolutie.table.transitions");
  tr.columns = {col("from", "evolutie.col.from_phase", Role::category), col("to", "evolutie.col.to_phase", Role::category),
                col("n", "evolutie.col.n", Role::count, 0)};
  std::map<std::pair<int, int>, long> moves;
  long skips = 0;
  for (const auto& y : ys)
    for (size_t i = 1; i < y.rows.size(); ++i) {
      ++moves[{y.rows[i - 1]->phase, y.rows[i]->phase}];
      skips += y.rows[i]->phase > y.rows[i - 1]->phase + 1;
    }
  for (const auto& [k, c] : moves) tr.rows.push_back({phase_label(k.first), phase_label(k.second), Value::of(c)});
  // Drop-off reasons (free text: Intern only).
  Table dr = make_table("dropoff", "evolutie.table.dropoff");
  dr.intern_only = true;
  dr.columns = {col("youngster", "evolutie.col.youngster", Role::category), col("phase", "evolutie.col.phase", Role::category),
                col("reason", "evolutie.col.reason", Role::category)};
  for (const auto& y : ys)
    for (const PhaseRow* p : y.rows)
      if (p->dropped == 1) dr.rows.push_back({Value::str(y.id), phase_label(p->phase), Value::str(p->reason)});
  // Time in phase (months from entering it to entering the next row's phase) and age at entry.
  Table tt = describe_table("time", "evolutie.table.time_in_phase");
  Table at = describe_table("ages", "evolutie.table.ages");
  at.columns.push_back(col("schema_age", "evolutie.col.schema_age", Role::statistic, 0));
  for (int p = 1; p <= 6; ++p) {
    std::vector<double> months, ages;
    for (const auto& y : ys)
      for (size_t i = 0; i < y.rows.size(); ++i) {
        if (y.rows[i]->phase != p) continue;
        if (y.rows[i]->age >= 0) ages.push_back(y.rows[i]->age);
        if (i + 1 < y.rows.size() && y.rows[i]->date != kNoDay && y.rows[i + 1]->date != kNoDay)
          months.push_back((y.rows[i + 1]->date - y.rows[i]->date) / kDaysPerMonth);
      }
    if (p < 6) tt.rows.push_back(describe_row(p, months));
    std::vector<Value> row = describe_row(p, ages);
    row.push_back(kSchemaAge[p] > 0 ? Value::of(kSchemaAge[p]) : Value::na());
    at.rows.push_back(std::move(row));
  }
  // Kaplan–Meier from phase 2 to phase 5 (or later): censored at the last entry for those who dropped out, at the
  // as-of date for those still on their way.
  std::vector<double> time;
  std::vector<bool> event;
  long no_start = 0, undated_five = 0;
  for (const auto& y : ys) {
    const PhaseRow* p2 = y.at(2);
    if (!p2 || p2->date == kNoDay) {
      no_start += y.last() >= 2;
      continue;
    }
    const int32_t five = y.first_date_from(5);
    if (five == kNoDay && y.last() >= 5) {  // reached phase 5 on an unknown date: neither an event nor on its way
      ++undated_five;
      continue;
    }
    if (five != kNoDay) {
      time.push_back((five - p2->date) / kDaysPerMonth);
      event.push_back(true);
    } else {
      const int32_t last = y.rows.back()->date;
      const int32_t end = y.dropped && last != kNoDay ? last : m.as_of;
      time.push_back(std::max(0, end - p2->date) / kDaysPerMonth);
      event.push_back(false);
    }
  }
  Table km = make_table("km", "evolutie.table.km");
  km.columns = {col("group", "evolutie.col.group", Role::category), col("time", "evolutie.col.months", Role::statistic, 2),
                col("n_risk", "evolutie.col.n_risk", Role::count, 0), col("n_event", "evolutie.col.n_event", Role::count, 0),
                col("n_censor", "evolutie.col.n_censor", Role::count, 0), col("survival", "evolutie.col.survival", Role::statistic, 3),
                col("lower", "evolutie.col.lower95", Role::lower, 3), col("upper", "evolutie.col.upper95", Role::upper, 3)};
  if (!time.empty()) {
    const stats::KaplanMeierResult fit = stats::kaplan_meier(time, event);
    for (const auto& row : fit.rows)
      km.rows.push_back({L("evolutie.group.all"), Value::num(row.time), Value::of(row.n_risk), Value::of(row.n_event),
                         Value::of(row.n_censor), Value::num(row.surv), num_or_na(row.lower), num_or_na(row.upper)});
  }
  // The phase-6 checklist by the form they started in.
  Table ck = make_table("checklist", "evolutie.table.checklist");
  ck.columns = {col("item", "evolutie.col.item", Role::category), col("form", "evolutie.col.form", Role::category),
                col("n", "evolutie.col.n_yes", Role::count, 0), col("pct_fixed", "evolutie.col.pct", Role::percent, 1),
                col("denom_fixed", "evolutie.col.denom_phase6", Role::denominator, 0)};
  const char* const kItems[3] = {"netwerk_uitgebouwd", "kent_rechten", "weet_waar_terecht"};
  const char* const kForms[2] = {"groep", "individueel"};
  for (int i = 0; i < 3; ++i) {
    stats::CountTable table(2, std::vector<long>(2, 0));
    for (int g = 0; g < 2; ++g) {
      long yes = 0, known = 0;
      for (const auto& y : ys) {
        const PhaseRow* p6 = y.at(6);
        if (!p6 || y.start_form != kForms[g] || p6->check[i] < 0) continue;
        ++known;
        yes += p6->check[i] == 1;
      }
      table[size_t(g)][0] = yes;
      table[size_t(g)][1] = known - yes;
      ck.rows.push_back({L(std::string("evolutie.check.") + kItems[i]), L(std::string("evolutie.form.") + kForms[g]), Value::of(yes),
                         pct(yes, known), Value::of(known)});
    }
    const long total = table[0][0] + table[0][1] + table[1][0] + table[1][1];
    if (total > 0 && table[0][0] + table[0][1] > 0 && table[1][0] + table[1][1] > 0) {
      const stats::ExactResult fx = stats::fisher_exact(table);
      TestResult t = make_test("fisher_exact", kItems[i], total, NAN, "", NAN, fx.p_value);
      r.tests.push_back(t);
    }
  }
  // Swimlane (Intern): per youngster the months spent in each phase from the first entry; the last phase (phase 6
  // too: no exit date is recorded) runs to the as-of date unless the youngster dropped out.
  Table ln = make_table("lanes", "evolutie.table.lanes");
  ln.intern_only = true;
  ln.columns = {col("youngster", "evolutie.col.youngster", Role::category), col("phase", "evolutie.col.phase", Role::category),
                col("months", "evolutie.col.months", Role::statistic, 1)};
  for (const auto& y : ys) {
    const std::string name = y.dropped ? y.id + " ×" : y.id;
    for (size_t i = 0; i < y.rows.size(); ++i) {
      const int32_t a = y.rows[i]->date;
      int32_t b = i + 1 < y.rows.size() ? y.rows[i + 1]->date : (y.dropped ? a : m.as_of);
      if (a == kNoDay || b == kNoDay) continue;
      ln.rows.push_back({Value::str(name), phase_label(y.rows[i]->phase), Value::num(std::max(0, b - a) / kDaysPerMonth)});
    }
  }
  r.tables.push_back(std::move(f));
  r.tables.push_back(std::move(tr));
  r.tables.push_back(std::move(tt));
  r.tables.push_back(std::move(at));
  r.tables.push_back(std::move(km));
  r.tables.push_back(std::move(ck));
  r.tables.push_back(std::move(dr));
  r.tables.push_back(std::move(ln));

  View fv;
  fv.id = "funnel";
  fv.kind = ViewKind::funnel;
  fv.table = "funnel";
  fv.x = "phase";
  fv.y = {"n"};
  set_of(fv, "evolutie.of.youngsters_reached");
  set_title(fv, "evolutie.view.funnel");
  r.views.push_back(fv);
  View tv;
  tv.id = "time";
  tv.kind = ViewKind::box;
  tv.table = "time";
  tv.x = "phase";
  tv.columns = {"min", "q1", "median", "q3", "max"};
  tv.y = {"median"};
  tv.unit = Unit::months;
  tv.colour_key_all = "status.alle";
  set_of(tv, "evolutie.of.months_in_phase");
  set_title(tv, "evolutie.view.time_in_phase");
  r.views.push_back(tv);
  View av;
  av.id = "ages";
  av.kind = ViewKind::dot;
  av.table = "ages";
  av.x = "phase";
  av.y = {"median"};
  av.columns = {"median", "min", "max"};
  av.unit = Unit::score;
  ReferenceMark ref = reference("schema_ages", Text::key("evolutie.ref.schema_ages"), MarkKind::marker, RefSource::published);
  for (int p = 2; p <= 6; ++p)
    ref.points.push_back(RefPoint{view_key(phase_label(p)), "", double(kSchemaAge[p])});
  av.references.push_back(ref);
  set_of(av, "evolutie.of.age");
  set_title(av, "evolutie.view.ages");
  r.views.push_back(av);
  if (!time.empty()) {
    View kv = km_view("km", "", Text::key("evolutie.of.youngsters"));
    kv.series = "group";
    set_title(kv, "evolutie.view.km");
    r.views.push_back(kv);
  }
  View cv = percent_view(r.tables[5], "item", "fixed", Text::key("evolutie.of.phase6"));
  cv.id = "checklist";
  cv.series = "form";
  cv.rows.clear();
  set_title(cv, "evolutie.view.checklist");
  r.views.push_back(cv);
  View lv;
  lv.id = "lanes";
  lv.kind = ViewKind::bar;
  lv.table = "lanes";
  lv.x = "youngster";
  lv.series = "phase";
  lv.y = {"months"};
  lv.unit = Unit::months;
  lv.mode = BarMode::stacked;
  lv.orientation = Orientation::horizontal;
  for (int p = 1; p <= 6; ++p) lv.colour_keys.push_back({view_key(phase_label(p)), "phase." + std::to_string(p)});
  set_of(lv, "evolutie.of.months_since_start");
  set_title(lv, "evolutie.view.lanes");
  r.views.push_back(lv);
  // Notes without counts (a note is not suppressed in delen; the quality table counts the skipped phases).
  if (skips > 0) r.notes.push_back(Text::key("evolutie.note.phase_skipped"));
  if (no_start > 0 || undated_five > 0) r.notes.push_back(Text::key("evolutie.note.km_undated"));
  r.notes.push_back(Text::key("evolutie.note.km_reading"));
  r.notes.push_back(Text::key("evolutie.note.phases_source"));
  return r;
}

}  // namespace zicht::analysis::evolutie::detail
