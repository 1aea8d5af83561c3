// What the evolutie results share: a person's series in time order, the evolution classes of spec §5.2, and the
// small builders (labels, notes, tests).
#include <algorithm>
#include <cstdio>

#include "analysis/evolutie/model.h"
#include "stats/descriptives.h"

namespace zicht::analysis::evolutie::detail {

const char* const kEvolutionCodes[kEvolutions] = {"stijging", "U-vorm", "enkel start", "niet bevraagd",
                                                  "geen evolutie", "daling", "gemengd"};

std::vector<Point> series_of(const Model& m, size_t person, const std::string& instrument, const std::string& domain) {
  std::vector<Point> fixed, interim;
  for (size_t i : m.by_person[person]) {
    const Measure& x = m.measures[i];
    if (x.instrument != instrument || x.domain != domain) continue;
    Point p{x.moment, x.date, x.score, x.not_asked};
    (x.moment == kInterim ? interim : fixed).push_back(p);
  }
  std::stable_sort(fixed.begin(), fixed.end(), [](const Point& a, const Point& b) { return a.moment < b.moment; });
  std::stable_sort(interim.begin(), interim.end(), [](const Point& a, const Point& b) { return a.date < b.date; });
  // An interim score goes before the first fixed moment dated after it (undated: before the end moment).
  for (const Point& p : interim) {
    auto at = std::find_if(fixed.begin(), fixed.end(), [&](const Point& f) {
      return p.date != kNoDay && f.date != kNoDay ? f.date > p.date : f.moment == kEnd;
    });
    fixed.insert(at, p);
  }
  return fixed;
}

double score_at(const std::vector<Point>& s, int moment) {
  for (const auto& p : s)
    if (p.moment == moment && std::isfinite(p.score)) return p.score;
  return NAN;
}

Evolution classify(const std::vector<std::vector<Point>>& persons, double delta) {
  constexpr double eps = 1e-9;
  std::vector<std::vector<double>> scored;
  bool any = false, only_start = true;
  for (const auto& s : persons) {
    std::vector<double> v;
    for (const auto& p : s)
      if (std::isfinite(p.score)) {
        v.push_back(p.score);
        only_start &= p.moment == 0;
      }
    any |= !v.empty();
    if (v.size() >= 2) scored.push_back(std::move(v));
  }
  if (!any) return Evolution::not_asked;
  // One score per person: "enkel start" when those are start scores; a lone later score is no evolution either
  // way and falls to the last rule.
  if (scored.empty()) return only_start ? Evolution::start_only : Evolution::mixed;
  for (const auto& v : scored)
    for (size_t i = 1; i + 1 < v.size(); ++i)
      if (v[i] <= v.front() - delta + eps && v.back() >= v[i] + delta - eps) return Evolution::u_shape;
  auto all = [&](auto pred) {
    return std::all_of(scored.begin(), scored.end(), [&](const std::vector<double>& v) { return pred(v.back() - v.front()); });
  };
  if (all([&](double d) { return d >= delta - eps; })) return Evolution::rise;
  if (all([&](double d) { return std::fabs(d) < delta - eps; })) return Evolution::none;
  if (all([&](double d) { return d <= -delta + eps; })) return Evolution::fall;
  return Evolution::mixed;
}

std::vector<uint8_t> measured_units(const Model& m) {
  std::vector<uint8_t> has(m.units.size(), 0);
  for (const auto& x : m.measures)
    if (x.instrument == m.instrument && x.domain == m.domain) has[x.unit] = 1;
  return has;
}

Table moment_table(const Model& m, const std::string& id, const std::string& title_key, const std::string& instrument,
                   const std::vector<std::string>& domains) {
  Table t = make_table(id, title_key);
  t.columns = {col("domain", "evolutie.col.domain", Role::category), col("moment", "evolutie.col.moment", Role::category),
               col("n", "evolutie.col.n", Role::count, 0), col("median", "evolutie.col.median", Role::statistic, 1),
               col("q1", "evolutie.col.q1", Role::lower, 1), col("q3", "evolutie.col.q3", Role::upper, 1),
               col("mean", "evolutie.col.mean", Role::statistic, 2), col("drawn", "evolutie.col.drawn", Role::category)};
  for (const std::string& d : domains)
    for (int k : moments_present(m, instrument, d)) {
      std::vector<double> v;
      for (const auto& x : m.measures)
        if (x.instrument == instrument && x.domain == d && x.moment == k && std::isfinite(x.score)) v.push_back(x.score);
      const stats::Descriptives ds = stats::describe(v);
      t.rows.push_back({Value::str(d), moment_label(k), Value::of(long(v.size())), num_or_na(ds.median), num_or_na(ds.q1),
                        num_or_na(ds.q3), num_or_na(ds.mean), drawn_label(long(v.size()))});
    }
  return t;
}

bool is_parent(const std::string& rol) { return rol == "moeder" || rol == "vader" || rol == "ouder"; }

std::vector<Evolution> unit_classes(const Model& m) {
  const std::vector<uint8_t> has = measured_units(m);
  std::vector<Evolution> out(m.units.size(), Evolution::not_asked);
  for (size_t u = 0; u < m.units.size(); ++u) {
    if (!has[u]) continue;
    // The rules speak of the parents ("bij beide ouders hoger"): when a trajectory has parents, only theirs count
    // (a youngster's or a network member's scores do not change the class); else everyone's (a youngster's own).
    const auto& who = m.unit_people[u];
    const bool parents = std::any_of(who.begin(), who.end(), [&](size_t p) { return is_parent(m.people[p].rol); });
    std::vector<std::vector<Point>> per;
    for (size_t p : who)
      if (!parents || is_parent(m.people[p].rol)) per.push_back(series_of(m, p, m.instrument, m.domain));
    out[u] = classify(per, m.opt.delta);
  }
  return out;
}

std::vector<int> moments_present(const Model& m, const std::string& instrument, const std::string& domain) {
  std::vector<uint8_t> seen(kMomentCount, 0);
  for (const auto& x : m.measures)
    if (x.instrument == instrument && x.domain == domain && x.moment != kInterim && std::isfinite(x.score)) seen[size_t(x.moment)] = 1;
  std::vector<int> out;
  for (int k = 0; k < kInterim; ++k)
    if (seen[size_t(k)]) out.push_back(k);
  return out;
}

void set_axis(View& v, const Instrument* ins) {
  if (!ins || !std::isfinite(ins->min) || !std::isfinite(ins->max)) return;
  v.axis_min = ins->min;
  v.axis_max = ins->max;
}

Value drawn_label(long n) { return L(n >= kMinDrawn ? "evolutie.value.yes" : "evolutie.value.no"); }

RowCondition drawn_rows() {
  RowCondition c;
  c.column = "drawn";
  c.only = {view_key(L("evolutie.value.yes"))};
  return c;
}

Value moment_label(int k) { return L(std::string("evolutie.moment.") + kMomentCodes[k]); }

void needs(Result& r, const std::string& table) {
  r.notes.push_back(Text{Text::key("evolutie.note.needs").nl + " " + Text::key("evolutie.kind." + table).nl,
                         Text::key("evolutie.note.needs").en + " " + Text::key("evolutie.kind." + table).en});
}

Text number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  std::string en = buf, nl = buf;
  std::replace(nl.begin(), nl.end(), '.', ',');
  return Text{nl, en};
}

}  // namespace zicht::analysis::evolutie::detail
