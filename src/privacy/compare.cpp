#include "privacy/compare.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "privacy/suppression.h"

namespace zicht::privacy {

using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;

namespace {

bool total_label(const Value& v) {
  if (v.kind != Value::Kind::text) return false;
  std::string s = v.s;
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "totaal" || s == "total";
}

}  // namespace

Table compare_organisations(const Table& in, const std::vector<std::string>& consent, const std::string& org_column) {
  int oc = org_column.empty() ? -1 : in.column_index(org_column);
  if (oc < 0)
    for (size_t c = 0; c < in.columns.size(); ++c)
      if (in.columns[c].role == Role::category) {
        oc = static_cast<int>(c);
        break;
      }
  Table out;
  out.id = in.id;
  out.title = in.title;
  out.columns = in.columns;
  if (oc < 0) return out;
  const std::set<std::string> yes(consent.begin(), consent.end());
  std::vector<const std::vector<Value>*> named, pooled, totals;
  for (const auto& row : in.rows) {
    if (static_cast<size_t>(oc) >= row.size()) continue;
    const Value& org = row[oc];
    if (total_label(org)) totals.push_back(&row);
    else if (org.kind == Value::Kind::text && yes.count(org.s)) named.push_back(&row);
    else pooled.push_back(&row);
  }
  std::stable_sort(named.begin(), named.end(), [&](const auto* a, const auto* b) { return (*a)[oc].s < (*b)[oc].s; });
  for (const auto* r : named) out.rows.push_back(*r);
  if (!pooled.empty()) {
    std::vector<Value> row(in.columns.size(), Value::na());
    row[oc] = Value::label(Text::key("privacy.compare.others"));
    for (size_t c = 0; c < in.columns.size(); ++c) {
      const Role role = in.columns[c].role;
      if (role != Role::count && role != Role::denominator) continue;
      int64_t sum = 0;
      bool ok = true, hidden = false;
      for (const auto* r : pooled) {
        const Value& v = c < r->size() ? (*r)[c] : Value{};
        if (v.kind == Value::Kind::suppressed) {
          hidden = true;
          row[c] = v;
        } else if (is_count_value(v)) {
          sum += count_value(v);
        } else if (v.kind != Value::Kind::missing) {
          ok = false;
        }
      }
      if (ok && !hidden) row[c] = Value::of(sum);
    }
    for (size_t c = 0; c < in.columns.size(); ++c) {
      if (in.columns[c].role != Role::percent) continue;
      const PercentPairing p = percent_pairing(in, static_cast<int>(c));
      if (p.numerator < 0 || p.denominator < 0) continue;
      const Value& n = row[p.numerator];
      const Value& d = row[p.denominator];
      if (n.kind == Value::Kind::suppressed) row[c] = n;
      else if (d.kind == Value::Kind::suppressed) row[c] = d;
      else if (n.is_number() && d.is_number() && d.as_double() > 0)
        row[c] = Value::num(100.0 * n.as_double() / d.as_double());
    }
    out.rows.push_back(std::move(row));
  }
  for (const auto* r : totals) out.rows.push_back(*r);
  return out;
}

std::vector<Text> reflection_questions() {
  return {Text::key("privacy.compare.q1"), Text::key("privacy.compare.q2"), Text::key("privacy.compare.q3"),
          Text::key("privacy.compare.q4")};
}

}  // namespace zicht::privacy
