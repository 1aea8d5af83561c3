// evolutie::results: the model built once, then every result of spec §5.3 in page order; and the one-page sheet per
// person (Intern only): per domain the scores at each moment and the direction of the change, icons first.
#include <algorithm>

#include "analysis/evolutie/model.h"

namespace zicht::analysis::evolutie {

std::vector<Result> results(const Inputs& in, const Options& o) {
  const detail::Model m = detail::build_model(in, o);
  std::vector<Result> out = detail::score_results(m);  // series, change, repeated
  for (auto& r : detail::class_results(m)) out.push_back(std::move(r));  // pattern, domains
  out.push_back(detail::phase_result(m));
  out.push_back(detail::completeness_result(m));
  out.push_back(detail::quality_result(m));
  out.push_back(detail::person_result(m, o.person));
  return out;
}

namespace detail {

Result person_result(const Model& m, const std::string& wanted) {
  const Options& o = m.opt;
  // The chosen person, else the first one with the most scores on the analysed instrument (a sheet worth printing).
  std::string person = wanted;
  if (!m.person_index.count(person)) {
    std::vector<long> scored(m.people.size(), 0);
    for (const auto& x : m.measures)
      if (x.instrument == m.instrument && std::isfinite(x.score)) ++scored[x.person];
    long best = 0;
    for (size_t i = 0; i < m.people.size(); ++i)
      if (scored[i] > best) {
        best = scored[i];
        person = m.people[i].id;
      }
  }
  Result r = make_result("evolutie.person", "evolutie.result.person", "evolutie.unit.moments");
  auto it = m.person_index.find(person);
  if (it == m.person_index.end()) {
    r.notes.push_back(Text::key("evolutie.note.person_unknown"));
    return r;
  }
  const size_t p = it->second;
  // Every instrument and domain this person was scored on, in the instrument's domain order.
  std::vector<std::pair<const Instrument*, std::string>> rows;
  for (const auto& ins : m.instruments)
    for (const auto& d : ins.domains) {
      const bool has = std::any_of(m.measures.begin(), m.measures.end(), [&](const Measure& x) {
        return x.person == p && x.instrument == ins.id && x.domain == d;
      });
      if (has) rows.push_back({&ins, d});
    }
  Table t = make_table("sheet", "evolutie.table.sheet");
  t.intern_only = true;
  t.columns = {col("icon", "evolutie.col.icon", Role::category), col("domain", "evolutie.col.domain", Role::category),
               col("moment", "evolutie.col.moment", Role::category), col("date", "evolutie.col.date", Role::category),
               col("score", "evolutie.col.score", Role::statistic, 1), col("range", "evolutie.col.range", Role::category)};
  Table s = make_table("summary", "evolutie.table.sheet_summary");
  s.intern_only = true;
  s.columns = {col("icon", "evolutie.col.icon", Role::category), col("domain", "evolutie.col.domain", Role::category),
               col("first", "evolutie.col.from_score", Role::statistic, 1), col("last", "evolutie.col.to_score", Role::statistic, 1),
               col("change", "evolutie.col.difference", Role::statistic, 1), col("words", "evolutie.col.in_words", Role::category)};
  for (const auto& [ins, d] : rows) {
    const std::vector<Point> sr = series_of(m, p, ins->id, d);
    std::vector<const Point*> scored;
    for (const auto& q : sr)
      if (std::isfinite(q.score)) scored.push_back(&q);
    const std::string range = std::isfinite(ins->min) && std::isfinite(ins->max)
                                  ? number_text(ins->min).nl + "–" + number_text(ins->max).nl
                                  : std::string();
    const std::string name = ins->domains.size() > 1 ? d : ins->name.nl;
    for (const auto& q : sr)
      t.rows.push_back({Value::str(std::isfinite(q.score) ? "•" : "–"), Value::str(name), moment_label(q.moment),
                        Value::str(day_text(q.date)), num_or_na(q.score), Value::str(range)});
    if (scored.size() >= 2) {
      const double ch = scored.back()->score - scored.front()->score;
      const bool better = ins->higher_better ? ch > 0 : ch < 0;
      const char* icon = std::fabs(ch) < o.delta ? "=" : better ? "↑" : "↓";
      const char* words = std::fabs(ch) < o.delta ? "evolutie.words.same" : better ? "evolutie.words.better" : "evolutie.words.worse";
      s.rows.push_back({Value::str(icon), Value::str(name), Value::num(scored.front()->score), Value::num(scored.back()->score),
                        Value::num(ch), L(words)});
    } else {
      s.rows.push_back({Value::str("·"), Value::str(name), scored.empty() ? Value::na() : Value::num(scored.front()->score),
                        Value::na(), Value::na(), L(scored.empty() ? "evolutie.words.none" : "evolutie.words.once")});
    }
  }
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(t));
  View v;
  v.id = "sheet";
  v.kind = ViewKind::line;
  v.table = "sheet";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.y = {"score"};
  v.unit = Unit::score;
  if (rows.size() > 1) v.facet = "domain";
  v.colour_key_all = "status.alle";
  if (!rows.empty()) set_axis(v, rows.front().first);
  set_of(v, "evolutie.of.score");
  r.views.push_back(v);
  const Person& who = m.people[p];
  Table w = make_table("who", "evolutie.table.who");
  w.intern_only = true;
  w.columns = {col("person", "evolutie.col.person", Role::category), col("who", "evolutie.col.who", Role::category),
               col("unit", "evolutie.col.unit", Role::category)};
  w.rows.push_back({Value::str(who.id), Value::str(who.rol), Value::str(m.units[who.unit].id)});
  r.tables.insert(r.tables.begin(), std::move(w));
  // Everyone a sheet can be printed for (the page's picker), with their number of scores.
  Table people = make_table("people", "evolutie.table.people");
  people.intern_only = true;
  people.columns = {col("person", "evolutie.col.person", Role::category), col("who", "evolutie.col.who", Role::category),
                    col("unit", "evolutie.col.unit", Role::category), col("n", "evolutie.col.scores", Role::count, 0)};
  std::vector<long> scores(m.people.size(), 0);
  for (const auto& x : m.measures) scores[x.person] += std::isfinite(x.score);
  for (size_t i = 0; i < m.people.size(); ++i)
    people.rows.push_back({Value::str(m.people[i].id), Value::str(m.people[i].rol), Value::str(m.units[m.people[i].unit].id),
                           Value::of(scores[i])});
  r.tables.push_back(std::move(people));
  r.notes.push_back(Text::key("evolutie.note.person_private"));
  return r;
}

}  // namespace detail

Result person_sheet(const Inputs& in, const Options& o, const std::string& person) {
  const detail::Model m = detail::build_model(in, o);
  return detail::person_result(m, person);
}

}  // namespace zicht::analysis::evolutie
