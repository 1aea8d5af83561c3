// procesflow.priorities (dot votes per option, % of the set's votes, sorted labelled bars; never an unlabeled
// slice) and procesflow.statements (card tallies per position, % agree with the Clopper–Pearson interval of
// stats::binom_test, the verbal outcome; diverging bars). Votes and tallies are not client units; the arguments per
// position are free text and sit with the quotes (actions.cpp).
#include <algorithm>

#include "analysis/procesflow/model.h"
#include "stats/proportion.h"

namespace zicht::analysis::procesflow {

namespace detail {

using build::col;
using build::make_result;
using build::make_table;

Result priorities_result(const Model& m) {
  Result r = make_result("procesflow.priorities", "procesflow.result.priorities", "procesflow.unit.votes");
  r.client_unit = false;
  if (m.votes.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_votes"));
    return r;
  }
  // The vote sets in order of first appearance; within a set the options by votes, descending (ties: file order).
  std::vector<std::string> sets;
  for (const auto& v : m.votes)
    if (std::find(sets.begin(), sets.end(), v.meeting) == sets.end()) sets.push_back(v.meeting);
  Table t = make_table("options", "procesflow.table.priorities");
  t.columns = {col("overleg", "procesflow.col.overleg", Role::category),
               col("optie", "procesflow.col.option", Role::category),
               col("label", "procesflow.col.label", Role::category),
               col("votes", "procesflow.col.votes", Role::count),
               col("total", "procesflow.col.total_votes", Role::denominator),
               col("pct", "procesflow.col.pct_votes", Role::percent, 1)};
  for (const auto& s : sets) {
    std::vector<const VoteOption*> opts;
    long total = 0;
    for (const auto& v : m.votes)
      if (v.meeting == s) opts.push_back(&v), total += v.votes;
    std::stable_sort(opts.begin(), opts.end(), [](const VoteOption* a, const VoteOption* b) { return a->votes > b->votes; });
    for (const VoteOption* v : opts)
      t.rows.push_back({Value::str(s), Value::str(v->option), Value::str(v->label), Value::of(v->votes),
                        Value::of(total), build::pct(v->votes, total)});
    View w;
    w.id = "set_" + s;
    w.kind = ViewKind::bar;
    w.table = t.id;
    w.x = "label";
    w.y = {"pct"};
    w.unit = Unit::percent;
    w.numerators = {"votes"};
    w.denominators = {"total"};
    w.policy = "fixed";
    w.rows.push_back(RowCondition{"overleg", {s}, {}});
    w.sort = Sort::value_desc;
    w.orientation = Orientation::horizontal;
    build::set_of(w, "procesflow.of.votes");
    const Text head = build::counted("procesflow.view.vote_set", total);
    w.title_nl = s + " — " + head.nl;
    w.title_en = s + " — " + head.en;
    w.group = "priorities";
    r.views.push_back(std::move(w));
  }
  r.tables.push_back(std::move(t));
  r.notes.push_back(Text::key("procesflow.note.votes_not_clients"));
  return r;
}

Result statements_result(const Model& m) {
  Result r = make_result("procesflow.statements", "procesflow.result.statements", "procesflow.unit.cards");
  r.client_unit = false;
  if (m.statements.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_statements"));
    return r;
  }
  auto label = [](const Statement& s) {
    std::string l = s.number >= 0 ? "St." + std::to_string(s.number) : s.id;
    return s.text.empty() ? l : l + " " + s.text;
  };
  Table tallies = make_table("tallies", "procesflow.table.statement_tallies");
  tallies.columns = {col("stelling_id", "procesflow.col.statement", Role::category),
                     col("label", "procesflow.col.statement_text", Role::category),
                     col("positie", "procesflow.col.position", Role::category),
                     col("aantal", "procesflow.col.cards", Role::count),
                     col("n", "procesflow.col.n_cards", Role::denominator),
                     col("pct", "procesflow.col.pct_cards", Role::percent, 1)};
  Table agree = make_table("agree", "procesflow.table.statement_agree");
  agree.columns = {col("stelling_id", "procesflow.col.statement", Role::category),
                   col("label", "procesflow.col.statement_text", Role::category),
                   col("schaal", "procesflow.col.scale", Role::category),
                   col("overleg", "procesflow.col.overleg", Role::category),
                   col("agree", "procesflow.col.agree", Role::count),
                   col("half", "procesflow.col.half", Role::count),
                   col("n", "procesflow.col.n_cards", Role::denominator),
                   col("pct_agree", "procesflow.col.pct_agree", Role::percent, 1),
                   col("lower", "procesflow.col.ci_lower", Role::lower, 1),
                   col("upper", "procesflow.col.ci_upper", Role::upper, 1),
                   col("uitkomst", "procesflow.col.outcome", Role::category)};
  Table likert = make_table("likert", "procesflow.table.statement_likert");
  likert.columns = {col("label", "procesflow.col.statement_text", Role::category),
                    col("stelling_id", "procesflow.col.statement", Role::category),
                    col("disagree", "procesflow.col.level_disagree", Role::count),
                    col("half", "procesflow.col.level_half", Role::count),
                    col("agree", "procesflow.col.level_agree", Role::count)};
  bool any_half = false;
  for (const auto& s : m.statements) {
    const std::string l = label(s);
    long n = 0, yes = 0, half = 0, no = 0;
    for (const auto& [p, c] : s.tallies) {
      n += c;
      if (agrees(p)) yes += c;
      else if (is_neutral(p)) half += c;
      else no += c;
    }
    const bool has = !s.tallies.empty();
    for (const auto& [p, c] : s.tallies)
      tallies.rows.push_back({Value::str(s.id), Value::str(l), Value::str(p), Value::of(c), Value::of(n),
                              build::pct(c, n)});
    std::vector<Value> row = {Value::str(s.id), Value::str(l), Value::str(s.scale), Value::str(s.meeting)};
    if (has && n > 0) {
      const stats::BinomResult b = stats::binom_test(yes, n);
      row.insert(row.end(), {Value::of(yes), Value::of(half), Value::of(n), build::pct(yes, n),
                             Value::num(100 * b.ci_lower), Value::num(100 * b.ci_upper)});
      likert.rows.push_back({Value::str(l), Value::str(s.id), Value::of(no), Value::of(half), Value::of(yes)});
      any_half = any_half || s.scale == "eens/half/oneens";
    } else {
      // Only a verbal outcome: the tallies are Missing, not zero.
      row.insert(row.end(), {Value::na(), Value::na(), has ? Value::of(0) : Value::na(), Value::na(), Value::na(),
                             Value::na()});
    }
    row.push_back(Value::str(s.outcome));
    agree.rows.push_back(std::move(row));
  }
  if (!likert.rows.empty()) {
    View v;
    v.kind = ViewKind::likert;
    v.table = likert.id;
    v.x = "label";
    v.x_key = "stelling_id";
    v.y = any_half ? std::vector<std::string>{"disagree", "half", "agree"}
                   : std::vector<std::string>{"disagree", "agree"};
    if (any_half) v.columns = {"half"};
    v.unit = Unit::percent;
    v.colour_keys = {{"disagree", "vote.disagree"}, {"half", "vote.half"}, {"agree", "vote.agree"}};
    build::set_of(v, "procesflow.of.cards");
    r.views.push_back(std::move(v));
  }
  r.tables.push_back(std::move(agree));
  r.tables.push_back(std::move(tallies));
  r.tables.push_back(std::move(likert));
  r.notes.push_back(Text::key("procesflow.note.agree_positions"));
  if (any_half) r.notes.push_back(Text::key("procesflow.note.half"));
  r.notes.push_back(Text::key("procesflow.note.outcome_only_missing"));
  return r;
}

}  // namespace detail

Result priorities(const Inputs& in, const Options& o) {
  Inputs just;
  just.stemming = in.stemming;
  just.bevinding = in.bevinding;
  return detail::priorities_result(detail::build_model(just, o));
}

Result statements(const Inputs& in, const Options& o) {
  Inputs just;
  just.stelling = in.stelling;
  just.stelling_stem = in.stelling_stem;
  return detail::statements_result(detail::build_model(just, o));
}

}  // namespace zicht::analysis::procesflow
