#include "core/mapping.h"

#include <algorithm>
#include <set>

namespace zicht::core {
namespace {

std::vector<std::string> tokens(const std::string& folded) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t next = folded.find(' ', pos);
    if (next == std::string::npos) next = folded.size();
    if (next > pos) out.push_back(folded.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string trim_lower(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> names_of(const FieldSpec& f) {
  std::vector<std::string> names = f.synonyms;
  names.push_back(f.label_nl);
  names.push_back(f.label_en);
  names.push_back(f.id);
  return names;
}

struct Candidate {
  size_t field, column;
  double confidence;
  std::string method, name;
};

Mapping match_kind(const Schema& schema, const FileKind& kind, const std::vector<std::string>& columns,
                   const MappingOverrides* overrides) {
  Mapping m;
  m.profile = schema.id;
  m.kind = kind.id;
  std::vector<const FieldSpec*> specs;
  for (const auto& f : schema.fields)
    if (f.in_kind(kind.id)) specs.push_back(&f);
  m.fields.resize(specs.size());
  std::vector<bool> field_done(specs.size(), false), column_used(columns.size(), false);
  for (size_t i = 0; i < specs.size(); ++i) {
    m.fields[i].field = specs[i]->id;
    m.fields[i].method = "none";
  }
  // The user's choices first.
  if (overrides) {
    for (size_t i = 0; i < specs.size(); ++i) {
      auto it = overrides->columns.find(specs[i]->id);
      if (it == overrides->columns.end()) continue;
      if (!it->second) {  // deliberately unmapped
        field_done[i] = true;
        m.fields[i].method = "user";
        continue;
      }
      for (size_t c = 0; c < columns.size(); ++c)
        if (!column_used[c] && columns[c] == *it->second) {
          m.fields[i].column = columns[c];
          m.fields[i].column_index = static_cast<int>(c);
          m.fields[i].confidence = 1.0;
          m.fields[i].method = "user";
          m.fields[i].matched_name = columns[c];
          field_done[i] = column_used[c] = true;
          break;
        }
    }
  }
  std::vector<Candidate> cands;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (field_done[i]) continue;
    const auto names = names_of(*specs[i]);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (column_used[c]) continue;
      Candidate best{i, c, 0, "", ""};
      for (const auto& n : names) {
        std::string method;
        const double s = name_similarity(columns[c], n, &method);
        if (s > best.confidence) best = {i, c, s, method, n};
      }
      if (best.confidence > 0) cands.push_back(best);
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    if (a.field != b.field) return a.field < b.field;
    return a.column < b.column;
  });
  for (const auto& c : cands) {
    if (field_done[c.field] || column_used[c.column]) continue;
    FieldMatch& fm = m.fields[c.field];
    fm.column = columns[c.column];
    fm.column_index = static_cast<int>(c.column);
    fm.confidence = c.confidence;
    fm.method = c.method;
    fm.matched_name = c.name;
    field_done[c.field] = column_used[c.column] = true;
  }
  double explained = 0;
  for (const auto& fm : m.fields)
    if (fm.mapped()) explained += fm.confidence;
  for (const auto& r : kind.required) {
    const FieldMatch* fm = m.find(r);
    if (!fm || !fm->mapped()) m.missing_required.push_back(r);
  }
  m.score = columns.empty() ? 0 : std::min(1.0, explained / static_cast<double>(columns.size()));
  return m;
}

}  // namespace

const FieldMatch* Mapping::find(std::string_view field) const {
  for (const auto& f : fields)
    if (f.field == field) return &f;
  return nullptr;
}

double name_similarity(std::string_view column, std::string_view synonym, std::string* method) {
  auto set = [&](const char* m) {
    if (method) *method = m;
  };
  if (trim_lower(column) == trim_lower(synonym)) {
    set("exact");
    return 1.0;
  }
  const std::string a = fold_text(column, true), b = fold_text(synonym, true);
  if (a.empty() || b.empty()) return 0;
  const std::string as = without_spaces(a), bs = without_spaces(b);
  if (a == b || as == bs) {
    set("normalised");
    return 0.9;
  }
  const auto ta = tokens(a), tb = tokens(b);
  std::set<std::string> sa(ta.begin(), ta.end()), sb(tb.begin(), tb.end());
  size_t common = 0;
  for (const auto& t : sa) common += sb.count(t);
  const double jaccard = static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
  const double edit = 1.0 - static_cast<double>(edit_distance(as, bs)) / static_cast<double>(std::max(as.size(), bs.size()));
  const double sim = std::max(jaccard, edit);
  if (sim < 0.6) return 0;
  set("fuzzy");
  return 0.8 * sim;
}

Mapping match_columns(const Schema& schema, const std::vector<std::string>& columns,
                      const MappingOverrides* overrides, std::string_view kind) {
  Mapping best;
  bool have = false;
  for (const auto& k : schema.kinds) {
    if (!kind.empty() && k.id != kind) continue;
    Mapping m = match_kind(schema, k, columns, overrides);
    // A kind whose required fields all match beats one that does not; then the better score; then schema order.
    if (!have || (m.ok() && !best.ok()) || (m.ok() == best.ok() && m.score > best.score + 1e-9)) {
      best = std::move(m);
      have = true;
    }
  }
  if (!have) {
    best.profile = schema.id;
    best.kind = std::string(kind);
  }
  return best;
}

ProfileGuess detect_profile(const std::vector<std::string>& columns) {
  ProfileGuess g;
  for (const auto& p : profile_ids()) {
    const Schema* s = find_schema(p);
    if (!s) continue;
    Mapping m = match_columns(*s, columns);
    if (m.ok() && m.score >= 0.25 && m.score > g.score) {
      g.profile = p;
      g.kind = m.kind;
      g.score = m.score;
    }
  }
  return g;
}

std::string unmatched_message(const Schema& schema, const Mapping& m, const std::string& file_name) {
  std::string out = file_name + ": required fields of profile '" + schema.id + "' cannot be mapped to a column:";
  for (const auto& id : m.missing_required) {
    const FieldSpec* f = schema.field(id);
    out += "\n  " + id;
    if (!f) continue;
    out += " (" + f->label_nl + " / " + f->label_en + "; looked for a column named ";
    for (size_t i = 0; i < f->synonyms.size() && i < 5; ++i) out += (i ? ", \"" : "\"") + f->synonyms[i] + "\"";
    out += ")";
  }
  out += "\nName the column in the settings (werkmap: profiles." + schema.id + ".columns) or rename it in the file.";
  return out;
}

}  // namespace zicht::core
