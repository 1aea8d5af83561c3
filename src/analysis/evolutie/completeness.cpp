// Completeness — is the scale asked at each moment at all? — with the three denominators (all persons; applicable =
// the moment is due and before the end; valid = applicable and the scale was used, i.e. not "niet gesteld"); and
// the data-quality rules of spec §5.3 (rows in = used + flagged).
#include <algorithm>

#include "analysis/evolutie/model.h"

namespace zicht::analysis::evolutie::detail {

Result completeness_result(const Model& m) {
  Result r = make_result("evolutie.completeness", "evolutie.result.completeness", "evolutie.unit.persons");
  if (!m.have_meting) {
    needs(r, "meting");
    return r;
  }
  // Moments: the start, every month moment up to the latest present (at least 3 and 6 months), and the end.
  int last = 2;
  for (const auto& x : m.measures)
    if (x.instrument == m.instrument && x.domain == m.domain && x.moment < kEnd) last = std::max(last, x.moment);
  std::vector<int> moments;
  for (int k = 0; k <= last; ++k) moments.push_back(k);
  moments.push_back(kEnd);

  std::vector<size_t> persons;
  std::vector<uint8_t> in(m.people.size(), 0);
  for (const auto& x : m.measures)
    if (x.instrument == m.instrument && x.domain == m.domain) in[x.person] = 1;
  for (size_t p = 0; p < m.people.size(); ++p)
    if (in[p]) persons.push_back(p);

  Table t = make_table("moments", "evolutie.table.completeness");
  // n (scored) right before the shares: a share is of the count next to it (privacy pairs them that way).
  t.columns = {col("moment", "evolutie.col.moment", Role::category), col("not_due", "evolutie.col.not_due", Role::count, 0),
               col("not_asked", "evolutie.col.n_not_asked", Role::count, 0), col("missing", "evolutie.col.missing", Role::count, 0),
               col("n", "evolutie.col.scored", Role::count, 0)};
  for (const char* p : {"valid", "applicable", "all"}) {
    t.columns.push_back(col(std::string("pct_") + p, std::string("evolutie.col.pct_") + p, Role::percent, 1));
    t.columns.push_back(col(std::string("denom_") + p, std::string("evolutie.col.denom_") + p, Role::denominator, 0));
  }
  for (int k : moments) {
    long scored = 0, not_asked = 0, missing = 0, not_due = 0, applicable = 0;
    for (size_t p : persons) {
      const Subject& u = m.units[m.people[p].unit];
      const std::vector<Point> s = series_of(m, p, m.instrument, m.domain);
      const Point* at = nullptr;
      for (const auto& q : s)
        if (q.moment == k && (!at || std::isfinite(q.score))) at = &q;
      bool due;
      if (at && std::isfinite(at->score)) {
        due = true;  // a score taken (a little early, or just before the end) is never "not due"
      } else if (k == kEnd) {
        due = u.closed && u.end != kNoDay && u.end <= m.as_of;
      } else {
        const int32_t d = u.due(k);
        due = d == kNoDay ? at != nullptr : d <= m.as_of && (!u.closed || u.end == kNoDay || d <= u.end);
      }
      if (!due) {
        ++not_due;
        continue;
      }
      ++applicable;
      if (at && std::isfinite(at->score)) ++scored;
      else if (at && at->not_asked) ++not_asked;
      else ++missing;
    }
    const long all = long(persons.size()), valid = applicable - not_asked;
    t.rows.push_back({moment_label(k), Value::of(not_due), Value::of(not_asked), Value::of(missing), Value::of(scored),
                      pct(scored, valid), Value::of(valid), pct(scored, applicable), Value::of(applicable), pct(scored, all),
                      Value::of(all)});
  }
  r.tables.push_back(std::move(t));
  const std::string policy = m.opt.policy == "all" || m.opt.policy == "applicable" ? m.opt.policy : "valid";
  View v;
  v.id = "moments";
  v.kind = ViewKind::bar;
  v.table = "moments";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.y = {"pct_" + policy};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_" + policy};
  v.policy = policy;
  v.missing_column = "missing";
  set_of(v, "evolutie.of.persons_scored");
  r.views.push_back(v);
  r.notes.push_back(Text::key("evolutie.note.completeness_reading"));
  return r;
}

Result quality_result(const Model& m) {
  Result r = make_result("evolutie.quality", "evolutie.result.quality", "evolutie.unit.rows");
  Table t = make_table("rules", "evolutie.table.quality");
  t.columns = {col("rule", "evolutie.col.rule", Role::category), col("n", "evolutie.col.n", Role::count, 0),
               col("kind", "evolutie.col.kind", Role::category)};
  static const char* const kRules[] = {"moment_mismatch", "duplicate_moment", "out_of_range", "not_a_score", "after_end",
                                       "scale_step_nee", "no_trajectory", "no_unit", "unknown_moment",
                                       "instrument_undefined", "instrument_range", "duplicate_count", "unknown_phase",
                                       "duplicate_phase", "phase_skipped", "person_in_two_units"};
  std::vector<std::pair<std::string, std::string>> keys;  // a note (the row is used) grey, an exclusion orange
  for (const char* rule : kRules) {
    long n = 0;
    for (const auto& q : m.rules)
      if (q.id == rule) n = q.n;
    const std::string id = rule;
    const char* kind = id == "moment_mismatch" || id == "scale_step_nee" || id == "phase_skipped" ||
                               id == "instrument_undefined" || id == "person_in_two_units"
                           ? "evolutie.quality.note"
                           : "evolutie.quality.error";
    t.rows.push_back({L(std::string("evolutie.rule.") + rule), Value::of(n), L(kind)});
    keys.push_back({view_key(L(std::string("evolutie.rule.") + rule)), kind == std::string("evolutie.quality.note") ? "group.none" : "quality.flag"});
  }
  Table rows = make_table("rows", "evolutie.table.rows");
  rows.columns = {col("what", "evolutie.col.what", Role::category), col("n", "evolutie.col.n", Role::count, 0)};
  rows.rows.push_back({L("evolutie.rows.in"), Value::of(m.rows_in)});
  rows.rows.push_back({L("evolutie.rows.used"), Value::of(m.rows_used)});
  rows.rows.push_back({L("evolutie.rows.flagged"), Value::of(m.rows_flagged)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(rows));
  r.flags = m.flags;
  View qv = quality_view(r.tables[0], "rule");
  qv.series = "rule";  // a colour per bar: what was left out orange, a note grey (the table's "soort" says which)
  qv.colour_keys = keys;
  set_title(qv, "evolutie.view.quality");
  r.views.push_back(qv);
  r.notes.push_back(Text::key("evolutie.note.quality_rows"));
  return r;
}

}  // namespace zicht::analysis::evolutie::detail
