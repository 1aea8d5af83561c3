// Scores over time: the series per person (Intern: one small panel per trajectory, its class in the title, the
// U-shapes first) and the cohort's median with its IQR band per moment and domain (Delen); the change between two
// chosen moments (paired Wilcoxon with Hodges–Lehmann, up/equal/down, a slope graph).
#include <algorithm>
#include <set>

#include "analysis/evolutie/model.h"
#include "stats/descriptives.h"
#include "stats/paired.h"

namespace zicht::analysis::evolutie::detail {

namespace {

// Up to this many trajectories are drawn as small panels; the table keeps them all.
constexpr size_t kMaxPanels = 48;

Text instrument_text(const Model& m) {
  const Instrument* i = m.find_instrument(m.instrument);
  Text t = i ? i->name : Text::same(m.instrument);
  if (!m.domain.empty() && i && i->domains.size() > 1) {
    t.nl += " · " + m.domain;
    t.en += " · " + m.domain;
  }
  return t;
}

// "moeder", or "moeder (P12)" when two people of one unit share a role.
std::vector<std::string> who_labels(const Model& m) {
  std::vector<std::string> out(m.people.size());
  std::map<std::pair<size_t, std::string>, int> n;
  for (const auto& p : m.people) ++n[{p.unit, p.rol}];
  for (size_t i = 0; i < m.people.size(); ++i) {
    const Person& p = m.people[i];
    out[i] = p.rol.empty() ? p.id : n[{p.unit, p.rol}] > 1 ? p.rol + " (" + p.id + ")" : p.rol;
  }
  return out;
}

Result series(const Model& m) {
  Result r = make_result("evolutie.series", "evolutie.result.series", "evolutie.unit.persons");
  if (!m.have_meting) {
    needs(r, "meting");
    return r;
  }
  const Instrument* ins = m.find_instrument(m.instrument);
  const std::vector<Evolution> cls = unit_classes(m);
  const std::vector<int> moments = moments_present(m, m.instrument, m.domain);
  const std::vector<std::string> who = who_labels(m);

  // Per person, every moment present (a gap where there is no score), panels ordered by class then unit.
  Table t = make_table("persons", "evolutie.table.persons");
  t.intern_only = true;
  t.columns = {col("panel", "evolutie.col.panel", Role::category), col("unit", "evolutie.col.unit", Role::category),
               col("person", "evolutie.col.person", Role::category), col("who", "evolutie.col.who", Role::category),
               col("class", "evolutie.col.class", Role::category), col("moment", "evolutie.col.moment", Role::category),
               col("date", "evolutie.col.date", Role::category), col("score", "evolutie.col.score", Role::statistic, 1),
               col("not_asked", "evolutie.col.not_asked", Role::category)};
  std::vector<size_t> units;
  const std::vector<uint8_t> has = measured_units(m);
  for (size_t u = 0; u < m.units.size(); ++u)
    if (has[u]) units.push_back(u);
  std::stable_sort(units.begin(), units.end(), [&](size_t a, size_t b) { return int(cls[a]) < int(cls[b]); });
  std::vector<std::string> u_panels, all_panels;
  for (size_t u : units) {
    const Text cname = Text::key(std::string("evolutie.class.") + kEvolutionCodes[int(cls[u])]);
    const Text panel{m.units[u].id + " · " + cname.nl, m.units[u].id + " · " + cname.en};
    if (all_panels.size() < kMaxPanels) all_panels.push_back(panel.nl);
    if (cls[u] == Evolution::u_shape) u_panels.push_back(panel.nl);
    for (size_t p : m.unit_people[u]) {
      const std::vector<Point> s = series_of(m, p, m.instrument, m.domain);
      if (s.empty()) continue;
      for (int k : moments) {
        const Point* at = nullptr;
        for (const auto& q : s)
          if (q.moment == k) at = &q;
        t.rows.push_back({Value::label(panel), Value::str(m.units[u].id), Value::str(m.people[p].id), Value::str(who[p]),
                          Value::label(cname), moment_label(k), Value::str(at ? day_text(at->date) : std::string()),
                          at ? num_or_na(at->score) : Value::na(),
                          at && at->not_asked ? L("evolutie.value.not_asked") : Value::str("")});
      }
    }
  }
  r.tables.push_back(std::move(t));

  // The cohort per domain and moment: n, median, quartiles, mean.
  const std::vector<std::string> domains = ins ? ins->domains : std::vector<std::string>{m.domain};
  Table c = moment_table(m, "cohort", "evolutie.table.cohort", m.instrument, domains);
  const bool several = domains.size() > 1;
  r.tables.push_back(std::move(c));

  // What can be analysed: every instrument and domain with its number of scores (the page's pickers read this).
  Table ch = make_table("instruments", "evolutie.table.instruments");
  ch.columns = {col("instrument", "evolutie.col.instrument", Role::category), col("name", "evolutie.col.instrument_name", Role::category),
                col("domain", "evolutie.col.domain", Role::category), col("n", "evolutie.col.scores", Role::count, 0),
                col("analysed", "evolutie.col.analysed", Role::category)};
  for (const auto& i : m.instruments)
    for (const auto& d : i.domains) {
      long n = 0;
      for (const auto& x : m.measures) n += x.instrument == i.id && x.domain == d && std::isfinite(x.score);
      if (n == 0) continue;
      const bool on = i.id == m.instrument && d == m.domain;
      ch.rows.push_back({Value::str(i.id), Value::label(i.name), Value::str(d), Value::of(n), on ? L("evolutie.value.yes") : Value::str("")});
    }
  r.tables.push_back(std::move(ch));

  auto person_view = [&](const std::string& id, const std::vector<std::string>& only, const std::string& title_key) {
    View v;
    v.id = id;
    v.kind = ViewKind::line;
    v.table = "persons";
    v.x = "moment";
    v.x_scale = Scale::ordinal;
    v.series = "who";
    v.y = {"score"};
    v.unit = Unit::score;
    v.facet = "panel";
    v.rows.push_back(RowCondition{"panel", only, {}});
    set_axis(v, ins);
    set_of(v, "evolutie.of.score");
    set_title(v, title_key);
    return v;
  };
  if (!u_panels.empty()) r.views.push_back(person_view("u_shapes", u_panels, "evolutie.view.u_shapes"));
  if (!all_panels.empty()) r.views.push_back(person_view("persons", all_panels, "evolutie.view.persons"));
  View band;
  band.id = "cohort";
  band.kind = ViewKind::line;
  band.table = "cohort";
  band.x = "moment";
  band.x_scale = Scale::ordinal;
  band.y = {"median"};
  band.columns = {"q1", "q3"};
  band.unit = Unit::score;
  if (several) band.facet = "domain";
  set_axis(band, ins);
  band.numerators = {"n"};
  band.rows.push_back(drawn_rows());
  band.colour_key_all = "status.alle";
  set_of(band, "evolutie.of.median_band");
  set_title(band, "evolutie.view.cohort");
  r.views.push_back(band);
  const Text it = instrument_text(m);
  r.notes.push_back(Text{Text::key("evolutie.note.instrument").nl + " " + it.nl, Text::key("evolutie.note.instrument").en + " " + it.en});
  if (units.size() > kMaxPanels) r.notes.push_back(counted("evolutie.note.panels_cut", long(kMaxPanels)));
  if (ins && !ins->note.nl.empty()) r.notes.push_back(ins->note);
  // The anchors say what the ends of the scale mean (the safety scale: 003:L6068–6075).
  // A preset's anchors are published wording (a note); a team's own are free text (an Intern-only table).
  if (ins && (!ins->anchor_min.empty() || !ins->anchor_max.empty())) {
    const std::string lo = number_text(ins->min).nl, hi = number_text(ins->max).nl;
    if (ins->preset) {
      const Text a = Text::key("evolutie.note.anchors");
      const std::string body = " " + hi + ": “" + ins->anchor_max + "” · " + lo + ": “" + ins->anchor_min + "”";
      r.notes.push_back(Text{a.nl + body, a.en + body});
    } else {
      Table an = make_table("anchors", "evolutie.table.anchors");
      an.intern_only = true;
      an.columns = {col("score", "evolutie.col.score", Role::category), col("anchor", "evolutie.col.anchor", Role::category)};
      an.rows.push_back({Value::str(hi), Value::str(ins->anchor_max)});
      an.rows.push_back({Value::str(lo), Value::str(ins->anchor_min)});
      r.tables.push_back(std::move(an));
    }
  }
  return r;
}

Result change(const Model& m) {
  Result r = make_result("evolutie.change", "evolutie.result.change", "evolutie.unit.persons");
  if (!m.have_meting) {
    needs(r, "meting");
    return r;
  }
  const int a = moment_index(m.opt.change_from), b = moment_index(m.opt.change_to);
  if (a < 0 || b < 0 || a == b || a == kInterim || b == kInterim) {
    r.notes.push_back(Text::key("evolutie.note.change_moments"));
    return r;
  }
  const std::vector<std::string> who = who_labels(m);
  std::vector<double> from, to;
  Table pairs = make_table("pairs", "evolutie.table.pairs");
  pairs.intern_only = true;
  const Text la = Text::key(std::string("evolutie.moment.") + kMomentCodes[a]);
  const Text lb = Text::key(std::string("evolutie.moment.") + kMomentCodes[b]);
  pairs.columns = {col("person", "evolutie.col.person", Role::category), col("unit", "evolutie.col.unit", Role::category),
                   col("who", "evolutie.col.who", Role::category), Column{"from", la, Role::statistic, 1},
                   Column{"to", lb, Role::statistic, 1}, col("difference", "evolutie.col.difference", Role::statistic, 1),
                   col("direction", "evolutie.col.direction", Role::category)};
  long up = 0, equal = 0, down = 0, only_from = 0, only_to = 0;
  for (size_t p = 0; p < m.people.size(); ++p) {
    const std::vector<Point> s = series_of(m, p, m.instrument, m.domain);
    if (s.empty()) continue;
    const double x = score_at(s, a), y = score_at(s, b);
    if (!std::isfinite(x) || !std::isfinite(y)) {
      only_from += std::isfinite(x) && !std::isfinite(y);
      only_to += !std::isfinite(x) && std::isfinite(y);
      continue;
    }
    from.push_back(x);
    to.push_back(y);
    const char* dir = y > x ? "up" : y < x ? "down" : "equal";
    up += y > x;
    down += y < x;
    equal += y == x;
    pairs.rows.push_back({Value::str(m.people[p].id), Value::str(m.units[m.people[p].unit].id), Value::str(who[p]),
                          Value::num(x), Value::num(y), Value::num(y - x), L(std::string("evolutie.direction.") + dir)});
  }
  const long n = long(from.size());
  Table d = make_table("direction", "evolutie.table.direction");
  d.columns = {col("direction", "evolutie.col.direction", Role::category), col("n", "evolutie.col.n", Role::count, 0),
               col("pct_fixed", "evolutie.col.pct", Role::percent, 1), col("denom_fixed", "evolutie.col.denom_pairs", Role::denominator, 0)};
  d.rows.push_back({L("evolutie.direction.up"), Value::of(up), pct(up, n), Value::of(n)});
  d.rows.push_back({L("evolutie.direction.equal"), Value::of(equal), pct(equal, n), Value::of(n)});
  d.rows.push_back({L("evolutie.direction.down"), Value::of(down), pct(down, n), Value::of(n)});
  std::vector<double> diff(from.size());
  for (size_t i = 0; i < from.size(); ++i) diff[i] = to[i] - from[i];
  const stats::Descriptives dd = stats::describe(diff);
  const stats::SignedRankResult w = stats::wilcoxon_signed_rank(to, from);
  Table s = make_table("summary", "evolutie.table.change");
  s.columns = {col("from", "evolutie.col.from", Role::category), col("to", "evolutie.col.to", Role::category),
               col("n_pairs", "evolutie.col.n_pairs", Role::count, 0), col("median_difference", "evolutie.col.median_difference", Role::statistic, 2),
               col("hl", "evolutie.col.hodges_lehmann", Role::statistic, 2), col("ci_lower", "evolutie.col.lower95", Role::lower, 2),
               col("ci_upper", "evolutie.col.upper95", Role::upper, 2), col("v", "evolutie.col.v", Role::statistic, 1),
               col("z", "evolutie.col.z", Role::statistic, 3), col("r", "evolutie.col.r", Role::statistic, 3),
               col("p", "evolutie.col.p", Role::statistic, 4)};
  const bool enough = w.n_nonzero >= 1;
  s.rows.push_back({moment_label(a), moment_label(b), Value::of(n), num_or_na(dd.median), enough ? num_or_na(w.hodges_lehmann) : Value::na(),
                    enough ? num_or_na(w.ci_lower) : Value::na(), enough ? num_or_na(w.ci_upper) : Value::na(),
                    enough ? num_or_na(w.v) : Value::na(), enough ? num_or_na(w.z) : Value::na(),
                    enough ? num_or_na(w.effect_r) : Value::na(), enough ? num_or_na(w.p_value) : Value::na()});
  // Who has only one of the two moments (left out of the pairs).
  Table un = make_table("unpaired", "evolutie.table.unpaired");
  un.columns = {col("what", "evolutie.col.what", Role::category), col("n", "evolutie.col.n", Role::count, 0)};
  un.rows.push_back({Value::label(Text{Text::key("evolutie.col.only_from").nl + ": " + la.nl, Text::key("evolutie.col.only_from").en + ": " + la.en}),
                     Value::of(only_from)});
  un.rows.push_back({Value::label(Text{Text::key("evolutie.col.only_to").nl + ": " + lb.nl, Text::key("evolutie.col.only_to").en + ": " + lb.en}),
                     Value::of(only_to)});
  if (enough) {
    TestResult t = make_test("wilcoxon_signed_rank", w.exact ? "exact" : "normal", n, w.v, "V", NAN, w.p_value);
    t.effect_name = "r";
    t.effect = std::isfinite(w.effect_r) ? w.effect_r : -1;
    r.tests.push_back(t);
  }
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(d));
  r.tables.push_back(std::move(un));
  r.tables.push_back(std::move(pairs));
  View bars = percent_view(r.tables[1], "direction", "fixed", Text::key("evolutie.of.pairs"));
  bars.id = "direction";
  bars.colour_keys = {{view_key(L("evolutie.direction.up")), "impact.plus"},
                      {view_key(L("evolutie.direction.equal")), "impact.onbekend"},
                      {view_key(L("evolutie.direction.down")), "impact.min"}};
  bars.series = "direction";
  // The heading names the two moments: "Van start naar 6 mnd".
  const Text title = Text::key("evolutie.view.direction");
  bars.title_nl = title.nl + " " + la.nl + " → " + lb.nl;
  bars.title_en = title.en + " " + la.en + " → " + lb.en;
  r.views.push_back(bars);
  View sl;
  sl.id = "slope";
  sl.kind = ViewKind::slope;
  sl.table = "pairs";
  sl.x = "person";
  sl.y = {"from", "to"};
  sl.series = "direction";
  sl.colour_keys = bars.colour_keys;
  sl.unit = Unit::score;
  set_of(sl, "evolutie.of.persons");
  set_title(sl, "evolutie.view.slope");
  r.views.push_back(sl);
  r.notes.push_back(Text::key("evolutie.note.change_reading"));
  return r;
}

}  // namespace

std::vector<Result> score_results(const Model& m) {
  std::vector<Result> out;
  out.push_back(series(m));
  out.push_back(change(m));
  out.push_back(repeated_result(m));
  return out;
}

}  // namespace zicht::analysis::evolutie::detail
