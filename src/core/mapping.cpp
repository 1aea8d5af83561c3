#include "core/mapping.h"

#include "core/reader.h"

#include <algorithm>

namespace zicht::core {
namespace {

// The distinct words of a folded name, sorted.
std::vector<std::string> word_set(const std::string& folded) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t next = folded.find(' ', pos);
    if (next == std::string::npos) next = folded.size();
    if (next > pos) out.push_back(folded.substr(pos, next - pos));
    pos = next + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
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

// A name in the forms the comparison needs, worked out once per name rather than once per pair: a file's columns
// meet every name of every field of every kind of every profile.
struct NameForms {
  std::string lower;    // trimmed, ASCII lower case
  std::string folded;   // fold_text with punctuation as spaces
  std::string compact;  // folded without spaces
  std::string letters;  // compact, sorted (a multiset of characters)
  std::vector<std::string> words;
};

NameForms forms_of(std::string_view name) {
  NameForms f;
  f.lower = trim_lower(name);
  f.folded = fold_text(name, true);
  f.compact = without_spaces(f.folded);
  f.letters = f.compact;
  std::sort(f.letters.begin(), f.letters.end());
  f.words = word_set(f.folded);
  return f;
}

double similarity(const NameForms& a, const NameForms& b, std::string* method) {
  auto set = [&](const char* m) {
    if (method) *method = m;
  };
  if (a.lower == b.lower) {
    set("exact");
    return 1.0;
  }
  if (a.folded.empty() || b.folded.empty()) return 0;
  if (a.folded == b.folded || a.compact == b.compact) {
    set("normalised");
    return 0.9;
  }
  // A long name inside a longer header: a survey export heads an item column with the question and the item
  // ("In welke mate … [De doelen … zijn bereikt]"). Whole words, at least four; the more of the header the
  // name covers, the higher (0.75–0.89, below an exact or normalised match).
  if (b.words.size() >= 4 && a.folded.size() > b.folded.size() &&
      (" " + a.folded + " ").find(" " + b.folded + " ") != std::string::npos) {
    set("contained");
    return 0.75 + 0.14 * static_cast<double>(b.compact.size()) / static_cast<double>(a.compact.size());
  }
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.words.size() && j < b.words.size();) {
    const int c = a.words[i].compare(b.words[j]);
    if (c == 0) ++common, ++i, ++j;
    else if (c < 0) ++i;
    else ++j;
  }
  const double jaccard = static_cast<double>(common) / static_cast<double>(a.words.size() + b.words.size() - common);
  // Every character of the longer name that has no equal in the other costs an edit, so the edit distance is at
  // least longer - (characters in common, as multisets) and the edit similarity at most the bound below: skip the
  // quadratic distance when that bound cannot lift the result above max(jaccard, 0.6).
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.letters.size() && j < b.letters.size();) {
    if (a.letters[i] == b.letters[j]) ++shared, ++i, ++j;
    else if (a.letters[i] < b.letters[j]) ++i;
    else ++j;
  }
  const size_t longer = std::max(a.compact.size(), b.compact.size());
  const double edit_bound = 1.0 - static_cast<double>(longer - shared) / static_cast<double>(longer);
  double sim = jaccard;
  if (edit_bound >= 0.6 && edit_bound > jaccard)
    sim = std::max(jaccard, 1.0 - static_cast<double>(edit_distance(a.compact, b.compact)) / static_cast<double>(longer));
  if (sim < 0.6) return 0;
  set("fuzzy");
  return 0.8 * sim;
}

struct Candidate {
  size_t field, column;
  double confidence;
  std::string method, name;
};

Mapping match_kind(const Schema& schema, const FileKind& kind, const std::vector<std::string>& columns,
                   const MappingOverrides* overrides, const std::vector<std::string>* labels) {
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
  std::vector<NameForms> column_forms;
  for (const auto& c : columns) column_forms.push_back(forms_of(c));
  // A declared variable label is a second name of its column.
  std::vector<NameForms> label_forms(columns.size());
  std::vector<bool> has_label(columns.size(), false);
  if (labels)
    for (size_t c = 0; c < columns.size() && c < labels->size(); ++c)
      if (!(*labels)[c].empty() && (*labels)[c] != columns[c]) {
        label_forms[c] = forms_of((*labels)[c]);
        has_label[c] = true;
      }
  std::vector<std::vector<std::string>> names(specs.size());
  std::vector<std::vector<NameForms>> name_forms(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    if (field_done[i]) continue;
    names[i] = names_of(*specs[i]);
    for (const auto& n : names[i]) name_forms[i].push_back(forms_of(n));
  }
  // Exact names first, field by field and column by column: the order the sorted candidates below would take them
  // in (confidence 1, then field, then column), without the fuzzy comparisons of every other pair. A file in the
  // profile's own export format (the templates, the demo) is matched here entirely.
  for (size_t i = 0; i < specs.size(); ++i) {
    if (field_done[i]) continue;
    for (size_t c = 0; c < columns.size() && !field_done[i]; ++c) {
      if (column_used[c]) continue;
      for (size_t k = 0; k < names[i].size(); ++k) {
        if (column_forms[c].lower != name_forms[i][k].lower &&
            !(has_label[c] && label_forms[c].lower == name_forms[i][k].lower))
          continue;
        FieldMatch& fm = m.fields[i];
        fm.column = columns[c];
        fm.column_index = static_cast<int>(c);
        fm.confidence = 1.0;
        fm.method = "exact";
        fm.matched_name = names[i][k];
        field_done[i] = column_used[c] = true;
        break;
      }
    }
  }
  std::vector<Candidate> cands;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (field_done[i]) continue;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (column_used[c]) continue;
      Candidate best{i, c, 0, "", ""};
      for (size_t k = 0; k < names[i].size(); ++k) {
        std::string method;
        const double s = similarity(column_forms[c], name_forms[i][k], &method);
        if (s > best.confidence) best = {i, c, s, method, names[i][k]};
        if (!has_label[c]) continue;
        const double sl = similarity(label_forms[c], name_forms[i][k], &method);
        if (sl > best.confidence) best = {i, c, sl, method, names[i][k]};
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
  if (kind.min_role_count > 0) {
    int n = 0;
    for (const auto& fm : m.fields) {
      const FieldSpec* f = schema.field(fm.field);
      if (fm.mapped() && f && f->role == kind.min_role) ++n;
    }
    if (n < kind.min_role_count)
      m.missing_required.push_back(std::to_string(kind.min_role_count) + " × " + kind.min_role);
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
  return similarity(forms_of(column), forms_of(synonym), method);
}

Mapping match_columns(const Schema& schema, const std::vector<std::string>& columns,
                      const MappingOverrides* overrides, std::string_view kind,
                      const std::vector<std::string>* labels) {
  Mapping best;
  bool have = false;
  for (const auto& k : schema.kinds) {
    if (!kind.empty() && k.id != kind) continue;
    Mapping m = match_kind(schema, k, columns, overrides, labels);
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

std::vector<std::string> column_labels(const ReadReport& report) {
  std::vector<std::string> out;
  out.reserve(report.columns.size());
  for (const auto& c : report.columns) out.push_back(c.label);
  return out;
}

ProfileGuess detect_profile(const std::vector<std::string>& columns, const std::vector<std::string>* labels) {
  ProfileGuess g;
  for (const auto& p : profile_ids()) {
    const Schema* s = find_schema(p);
    if (!s) continue;
    Mapping m = match_columns(*s, columns, nullptr, {}, labels);
    if (m.ok() && m.score >= 0.25 && m.score > g.score) {
      g.profile = p;
      g.kind = m.kind;
      g.score = m.score;
    }
  }
  return g;
}

i18n::Message unmatched(const Schema& schema, const Mapping& m, const std::string& file_name) {
  i18n::Message msg{"mapping.unmatched", {file_name, schema.id}, {}};
  for (const auto& id : m.missing_required) {
    const FieldSpec* f = schema.field(id);
    if (!f) {
      msg.more.push_back({"mapping.unmatched.field_bare", {id}, {}});
      continue;
    }
    std::string names;
    for (size_t i = 0; i < f->synonyms.size() && i < 5; ++i) names += (i ? ", \"" : "\"") + f->synonyms[i] + "\"";
    if (names.empty()) names = "\"" + id + "\"";
    msg.more.push_back({"mapping.unmatched.field", {id, f->label_nl, f->label_en, names}, {}});
  }
  msg.more.push_back({"mapping.unmatched.hint", {schema.id}, {}});
  return msg;
}

std::string unmatched_message(const Schema& schema, const Mapping& m, const std::string& file_name, i18n::Lang lang) {
  return unmatched(schema, m, file_name).text(lang);
}

}  // namespace zicht::core
