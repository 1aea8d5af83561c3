// Evolution patterns (the classes of spec §5.2 per trajectory, and stijging / stabiel / daling of the counts at
// start and end) and the domain profiles with each person's most surprising evolution.
#include <algorithm>

#include "analysis/evolutie/model.h"
#include "stats/descriptives.h"

namespace zicht::analysis::evolutie::detail {

namespace {

const char* const kClassKeys[kEvolutions] = {"evolution.stijging",      "evolution.u_vorm", "evolution.enkel_start",
                                             "evolution.niet_bevraagd", "evolution.geen_evolutie", "evolution.daling",
                                             "evolution.gemengd"};

Value class_label(int c) { return L(std::string("evolutie.class.") + kEvolutionCodes[c]); }

Result pattern(const Model& m) {
  Result r = make_result("evolutie.pattern", "evolutie.result.pattern", "evolutie.unit.trajectories");
  if (!m.have_meting && !m.have_telling) {
    needs(r, "meting");
    return r;
  }
  const std::vector<Evolution> cls = unit_classes(m);
  const std::vector<uint8_t> has = measured_units(m);
  long n = 0, per[kEvolutions] = {};
  for (size_t u = 0; u < m.units.size(); ++u)
    if (has[u]) {
      ++n;
      ++per[int(cls[u])];
    }
  Table t = make_table("classes", "evolutie.table.classes");
  t.columns = {col("class", "evolutie.col.class", Role::category), col("n", "evolutie.col.n", Role::count, 0),
               col("pct_fixed", "evolutie.col.pct", Role::percent, 1), col("denom_fixed", "evolutie.col.denom_trajectories", Role::denominator, 0)};
  for (int c = 0; c < kEvolutions; ++c) t.rows.push_back({class_label(c), Value::of(per[c]), pct(per[c], n), Value::of(n)});

  // Counts at start and end.
  Table k = make_table("counts", "evolutie.table.count_classes");
  k.columns = {col("measure", "evolutie.col.measure", Role::category), col("class", "evolutie.col.class", Role::category),
               col("n", "evolutie.col.n", Role::count, 0), col("pct_fixed", "evolutie.col.pct", Role::percent, 1),
               col("denom_fixed", "evolutie.col.denom_trajectories", Role::denominator, 0),
               col("role_change", "evolutie.col.role_change", Role::count, 0)};
  Table units = make_table("units", "evolutie.table.unit_classes");
  units.intern_only = true;
  units.columns = {col("unit", "evolutie.col.unit", Role::category), col("class", "evolutie.col.class", Role::category),
                   col("professionals", "evolutie.col.professionals", Role::category), col("network", "evolutie.col.network", Role::category),
                   col("role_change", "evolutie.col.role_change", Role::category)};
  const char* const kCount[3] = {"stijging", "stabiel", "daling"};
  auto count_class = [](int a, int b) { return a < 0 || b < 0 ? -1 : b > a ? 0 : b == a ? 1 : 2; };
  std::vector<int> prof(m.units.size(), -2), net(m.units.size(), -2), role(m.units.size(), -2);
  if (m.have_telling) {
    long pc[3] = {}, nc[3] = {}, known_p = 0, known_n = 0, role_in_stable = 0, unknown = 0;
    for (const Count& c : m.counts) {
      const int p = count_class(c.prof[0], c.prof[1]), q = count_class(c.net[0], c.net[1]);
      prof[c.unit] = p;
      net[c.unit] = q;
      role[c.unit] = c.role_change;
      if (p >= 0) ++pc[p], ++known_p;
      if (q >= 0) ++nc[q], ++known_n;
      unknown += p < 0 || q < 0;
      role_in_stable += q == 1 && c.role_change == 1;
    }
    for (int i = 0; i < 3; ++i)
      k.rows.push_back({L("evolutie.measure.professionals"), L(std::string("evolutie.count_class.") + kCount[i]), Value::of(pc[i]),
                        pct(pc[i], known_p), Value::of(known_p), Value::na()});
    for (int i = 0; i < 3; ++i)
      k.rows.push_back({L("evolutie.measure.network"), L(std::string("evolutie.count_class.") + kCount[i]), Value::of(nc[i]),
                        pct(nc[i], known_n), Value::of(known_n), i == 1 ? Value::of(role_in_stable) : Value::na()});
    // Notes carry no counts: the table's counts are suppressed in delen, a note would not be.
    if (unknown > 0) r.notes.push_back(Text::key("evolutie.note.counts_unknown"));
    r.notes.push_back(Text::key("evolutie.note.role_change"));
  }
  auto count_text = [&](int c) { return c >= 0 ? L(std::string("evolutie.count_class.") + kCount[c]) : Value::str(""); };
  for (size_t u = 0; u < m.units.size(); ++u) {
    if (!has[u] && prof[u] == -2) continue;
    units.rows.push_back({Value::str(m.units[u].id), has[u] ? class_label(int(cls[u])) : Value::str(""), count_text(prof[u]),
                          count_text(net[u]), role[u] == 1 ? L("evolutie.value.yes") : role[u] == 0 ? L("evolutie.value.no") : Value::str("")});
  }
  r.tables.push_back(std::move(t));
  if (m.have_telling) r.tables.push_back(std::move(k));
  r.tables.push_back(std::move(units));
  if (m.have_meting) {
    View v = percent_view(r.tables[0], "class", "fixed", Text::key("evolutie.of.trajectories"));
    v.id = "classes";
    v.series = "class";
    v.orientation = Orientation::horizontal;
    for (int c = 0; c < kEvolutions; ++c)
      if (*kClassKeys[c]) v.colour_keys.push_back({view_key(class_label(c)), kClassKeys[c]});
    set_title(v, "evolutie.view.classes");
    r.views.push_back(v);
  } else {
    needs(r, "meting");
  }
  if (m.have_telling) {
    View v = percent_view(r.tables[1], "class", "fixed", Text::key("evolutie.of.trajectories"));
    v.id = "counts";
    v.facet = "measure";
    // One colour: whether more is better differs (fewer professionals is the aim, more network figures too).
    v.series.clear();
    v.colour_key_all = "status.alle";
    set_title(v, "evolutie.view.count_classes");
    r.views.push_back(v);
  }
  const Text delta = number_text(m.opt.delta);
  r.notes.push_back(Text{Text::key("evolutie.note.class_rule").nl + " " + delta.nl,
                         Text::key("evolutie.note.class_rule").en + " " + delta.en});
  return r;
}

// The instrument of the domain profile: the analysed one when it has several domains, else the first that has.
const Instrument* profile_instrument(const Model& m) {
  auto with_data = [&](const Instrument& i) {
    long domains = 0;
    for (const auto& d : i.domains)
      domains += std::any_of(m.measures.begin(), m.measures.end(),
                             [&](const Measure& x) { return x.instrument == i.id && x.domain == d && std::isfinite(x.score); });
    return domains > 1;
  };
  if (const Instrument* i = m.find_instrument(m.instrument); i && with_data(*i)) return i;
  for (const auto& i : m.instruments)
    if (with_data(i)) return &i;
  return nullptr;
}

Result domains(const Model& m) {
  Result r = make_result("evolutie.domains", "evolutie.result.domains", "evolutie.unit.persons");
  if (!m.have_meting) {
    needs(r, "meting");
    return r;
  }
  const Instrument* ins = profile_instrument(m);
  if (!ins) {
    r.notes.push_back(Text::key("evolutie.note.no_domains"));
    return r;
  }
  Table t = moment_table(m, "profile", "evolutie.table.profile", ins->id, ins->domains);
  // The most surprising evolutions: per person, the domain(s) with the largest change from the first to the last score.
  Table s = make_table("surprises", "evolutie.table.surprises");
  s.intern_only = true;
  s.columns = {col("person", "evolutie.col.person", Role::category), col("domain", "evolutie.col.domain", Role::category),
               col("from_moment", "evolutie.col.from", Role::category), col("from", "evolutie.col.from_score", Role::statistic, 1),
               col("to_moment", "evolutie.col.to", Role::category), col("to", "evolutie.col.to_score", Role::statistic, 1),
               col("change", "evolutie.col.difference", Role::statistic, 1)};
  struct Row { size_t person; std::string domain; Point a, b; };
  std::vector<Row> rows;
  for (size_t p = 0; p < m.people.size(); ++p) {
    std::vector<Row> mine;
    double best = 0;
    for (const std::string& d : ins->domains) {
      std::vector<Point> sc;
      for (const Point& q : series_of(m, p, ins->id, d))
        if (std::isfinite(q.score)) sc.push_back(q);
      if (sc.size() < 2) continue;
      const double ch = std::fabs(sc.back().score - sc.front().score);
      if (ch <= 0 || ch + 1e-9 < best) continue;
      if (ch > best + 1e-9) mine.clear();
      best = std::max(best, ch);
      mine.push_back({p, d, sc.front(), sc.back()});
    }
    rows.insert(rows.end(), mine.begin(), mine.end());
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::fabs(a.b.score - a.a.score) > std::fabs(b.b.score - b.a.score);
  });
  for (const Row& x : rows)
    s.rows.push_back({Value::str(m.people[x.person].id), Value::str(x.domain), moment_label(x.a.moment), Value::num(x.a.score),
                      moment_label(x.b.moment), Value::num(x.b.score), Value::num(x.b.score - x.a.score)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  View v;
  v.id = "profile";
  v.kind = ViewKind::line;
  v.table = "profile";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.y = {"median"};
  v.columns = {"q1", "q3"};
  v.facet = "domain";
  v.unit = Unit::score;
  v.numerators = {"n"};
  v.rows.push_back(drawn_rows());
  v.colour_key_all = "status.alle";
  set_axis(v, ins);
  set_of(v, "evolutie.of.median_band");
  set_title(v, "evolutie.view.profile");
  r.views.push_back(v);
  r.notes.push_back(Text{Text::key("evolutie.note.instrument").nl + " " + ins->name.nl,
                         Text::key("evolutie.note.instrument").en + " " + ins->name.en});
  if (!ins->note.nl.empty()) r.notes.push_back(ins->note);
  return r;
}

}  // namespace

std::vector<Result> class_results(const Model& m) {
  std::vector<Result> out;
  out.push_back(pattern(m));
  out.push_back(domains(m));
  return out;
}

}  // namespace zicht::analysis::evolutie::detail
