// Repeated measures over every moment present: Friedman with Kendall's W on the persons scored at all of them (the
// others counted), and the random-intercept model nlme::lme(score ~ factor(moment), random = ~1 | persoon_id,
// method = "REML") — or ~1 | traject_id/persoon_id with the nested option — with anova()'s F test and the estimated
// mean per moment with its 95 % CI. A model that does not converge says so and shows no numbers.
#include <algorithm>
#include <map>

#include "analysis/evolutie/model.h"
#include "stats/lme.h"
#include "stats/paired.h"

namespace zicht::analysis::evolutie::detail {

Result repeated_result(const Model& m) {
  Result r = make_result("evolutie.repeated", "evolutie.result.repeated", "evolutie.unit.persons");
  if (!m.have_meting) {
    needs(r, "meting");
    return r;
  }
  const std::vector<int> moments = moments_present(m, m.instrument, m.domain);
  if (moments.size() < 2) {
    r.notes.push_back(Text::key("evolutie.note.one_moment"));
    return r;
  }
  std::map<int, int> level;
  for (size_t i = 0; i < moments.size(); ++i) level[moments[i]] = int(i);

  // Friedman on complete persons.
  std::vector<std::vector<double>> blocks;
  stats::LmeInput in;
  in.levels = int(moments.size());
  std::map<size_t, int> outer_id;
  for (size_t p = 0; p < m.people.size(); ++p) {
    const std::vector<Point> s = series_of(m, p, m.instrument, m.domain);
    if (s.empty()) continue;
    std::vector<double> row;
    bool any = false;
    for (int k : moments) {
      const double v = score_at(s, k);
      row.push_back(v);
      if (!std::isfinite(v)) continue;
      any = true;
      in.y.push_back(v);
      in.level.push_back(level[k]);
      in.group.push_back(int(p));
      if (m.opt.nested) in.outer.push_back(outer_id.emplace(m.people[p].unit, int(outer_id.size())).first->second);
    }
    if (any) blocks.push_back(std::move(row));
  }
  const stats::FriedmanResult f = stats::friedman(blocks);
  Table fr = make_table("friedman", "evolutie.table.friedman");
  // n (the complete persons) is the group size of the statistics next to it (privacy suppresses them with it).
  fr.columns = {col("n", "evolutie.col.complete", Role::count, 0), col("n_dropped", "evolutie.col.dropped_persons", Role::count, 0),
                col("k", "evolutie.col.moments", Role::statistic, 0), col("chi2", "evolutie.col.chi2", Role::statistic, 2),
                col("df", "evolutie.col.df", Role::statistic, 0), col("p", "evolutie.col.p", Role::statistic, 4),
                col("w", "evolutie.col.kendall_w", Role::statistic, 3)};
  const bool enough = f.n_blocks >= 2;  // R's friedman.test refuses a single complete block; so does Zicht
  fr.rows.push_back({Value::of(f.n_blocks), Value::of(f.n_dropped), Value::of(long(moments.size())),
                     enough ? num_or_na(f.statistic) : Value::na(), enough ? num_or_na(f.df) : Value::na(),
                     enough ? num_or_na(f.p_value) : Value::na(), enough ? num_or_na(f.kendall_w) : Value::na()});
  if (enough) {
    TestResult t = make_test("friedman", "", f.n_blocks, f.statistic, "Friedman chi-squared", f.df, f.p_value);
    t.effect_name = "Kendall's W";
    t.effect = std::isfinite(f.kendall_w) ? f.kendall_w : -1;
    r.tests.push_back(t);
  }
  r.tables.push_back(std::move(fr));

  // The mixed model.
  const stats::LmeResult fit = stats::lme_random_intercept(in);
  Table mt = make_table("model", "evolutie.table.model");
  mt.columns = {col("term", "evolutie.col.term", Role::category), col("num_df", "evolutie.col.num_df", Role::statistic, 0),
                col("den_df", "evolutie.col.den_df", Role::statistic, 0), col("f", "evolutie.col.f", Role::statistic, 3),
                col("p", "evolutie.col.p", Role::statistic, 4)};
  Table fe = make_table("fixed", "evolutie.table.fixed_effects");
  fe.columns = {col("term", "evolutie.col.term", Role::category), col("estimate", "evolutie.col.estimate", Role::statistic, 3),
                col("se", "evolutie.col.se", Role::statistic, 3), col("df", "evolutie.col.df", Role::statistic, 0),
                col("t", "evolutie.col.t", Role::statistic, 3), col("p", "evolutie.col.p", Role::statistic, 4)};
  Table mm = make_table("means", "evolutie.table.means");
  mm.columns = {col("moment", "evolutie.col.moment", Role::category), col("n", "evolutie.col.n", Role::count, 0),
                col("mean", "evolutie.col.estimated_mean", Role::statistic, 2), col("se", "evolutie.col.se", Role::statistic, 3),
                col("lower", "evolutie.col.lower95", Role::lower, 2), col("upper", "evolutie.col.upper95", Role::upper, 2)};
  Table vc = make_table("variance", "evolutie.table.variance");
  vc.columns = {col("component", "evolutie.col.component", Role::category), col("sd", "evolutie.col.sd", Role::statistic, 3)};
  if (fit.ok) {
    for (const auto& a : fit.anova)
      mt.rows.push_back({Value::str(a.name == "moment" ? "moment" : a.name), Value::of(a.num_df), num_or_na(a.den_df),
                         num_or_na(a.f), num_or_na(a.p)});
    for (size_t i = 0; i < fit.beta.size(); ++i) {
      const Value term = i == 0 ? Value::str("(Intercept)")
                                : Value::str("moment " + Text::key(std::string("evolutie.moment.") + kMomentCodes[moments[i]]).nl);
      fe.rows.push_back({term, num_or_na(fit.beta[i]), num_or_na(fit.se[i]), num_or_na(fit.df[i]), num_or_na(fit.t[i]),
                         num_or_na(fit.p[i])});
    }
    for (size_t i = 0; i < moments.size(); ++i) {
      long n = 0;
      for (int l : in.level) n += l == int(i);
      mm.rows.push_back({moment_label(moments[i]), Value::of(n), num_or_na(fit.mean[i]), num_or_na(fit.mean_se[i]),
                         num_or_na(fit.mean_lower[i]), num_or_na(fit.mean_upper[i])});
    }
    vc.rows.push_back({L("evolutie.component.person"), num_or_na(fit.sd_group)});
    if (m.opt.nested) vc.rows.push_back({L("evolutie.component.trajectory"), num_or_na(fit.sd_outer)});
    vc.rows.push_back({L("evolutie.component.residual"), num_or_na(fit.sigma)});
    for (const auto& a : fit.anova)
      if (a.name == "moment") r.tests.push_back(make_test("lme_anova", m.opt.nested ? "nested" : "random_intercept", fit.n_obs, a.f, "F",
                                                          a.den_df, a.p));
    if (fit.boundary) r.notes.push_back(Text::key("evolutie.note.boundary"));
  } else {
    r.notes.push_back(Text{Text::key("evolutie.note.model_failed").nl + " " + Text::key("evolutie.lme." + fit.error).nl,
                           Text::key("evolutie.note.model_failed").en + " " + Text::key("evolutie.lme." + fit.error).en});
  }
  r.tables.push_back(std::move(mt));
  r.tables.push_back(std::move(fe));
  r.tables.push_back(std::move(mm));
  r.tables.push_back(std::move(vc));
  if (fit.ok) {
    View v;
    v.id = "means";
    v.kind = ViewKind::dot;
    v.table = "means";
    v.x = "moment";
    v.x_scale = Scale::ordinal;
    v.y = {"mean"};
    v.columns = {"mean", "lower", "upper"};
    v.unit = Unit::score;
    v.numerators = {"n"};
    set_axis(v, m.find_instrument(m.instrument));
    set_of(v, "evolutie.of.estimated_mean");
    set_title(v, "evolutie.view.means");
    r.views.push_back(v);
  }
  r.notes.push_back(Text::key(m.opt.nested ? "evolutie.note.model_nested" : "evolutie.note.model"));
  return r;
}

}  // namespace zicht::analysis::evolutie::detail
