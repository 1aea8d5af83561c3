#pragma once
// Internal to the Binc analyses (binc/*.cpp): the context every result reads (the module chains of chain.h, the
// selected children, the characteristics per child, the data-quality findings) and the small table-building
// helpers the result files share. Not part of the public interface (analysis/binc.h).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/binc.h"
#include "analysis/binc/chain.h"
#include "analysis/tables.h"
#include "core/mapped_dataset.h"

namespace zicht::analysis::binc::detail {

using core::CellKind;

constexpr size_t kMaxFlagsPerRule = 500;

inline Column col(std::string id, const std::string& key, analysis::Role role, int decimals = -1) {
  return Column{std::move(id), Text::key(key), role, decimals};
}
inline Value pct(long num, long den) { return den > 0 ? Value::num(100.0 * double(num) / double(den)) : Value::na(); }
inline Text unit_text(Unit u) { return Text::key(std::string("binc.unit.") + unit_id(u)); }
inline Value label(const std::string& key) { return Value::label(Text::key(key)); }

inline Table counts_table(const std::string& id, const std::string& title_key, const std::vector<Value>& cats,
                          const std::vector<long>& counts) {
  CategoryCounts cc;
  cc.categories = cats;
  cc.counts = counts;
  Table t = frequency_table(id, cc);
  t.title = Text::key(title_key);
  return t;
}

// A characteristic per child (Table 5), from the client file or the module file.
struct CharField {
  const core::FieldSpec* spec = nullptr;
  const core::MappedDataset* source = nullptr;
  const core::MappedField* field = nullptr;
  std::vector<CellKind> kind;   // per child
  std::vector<int32_t> value;   // per child
};

struct Quality {
  struct Rule {
    std::string id;
    long n = 0;
    Unit unit = Unit::modules;
    std::string unit_key;  // overrides unit when set ("binc.unit.clients", "binc.unit.rows")
  };
  std::vector<Rule> rules;
  std::vector<Flag> flags;
  std::map<std::string, size_t> flags_per_rule;
  bool truncated = false;

  Rule& rule(const std::string& id, Unit u, const std::string& unit_key = {}) {
    for (auto& r : rules)
      if (r.id == id) return r;
    rules.push_back(Rule{id, 0, u, unit_key});
    return rules.back();
  }
  void flag(const std::string& file, int64_t row, const std::string& column, std::string value,
            const std::string& rule) {
    size_t& k = flags_per_rule[rule];
    if (k >= kMaxFlagsPerRule) {
      truncated = true;
      return;
    }
    ++k;
    flags.push_back(Flag{file, row, column, std::move(value), rule});
  }
  bool room(const std::string& rule) {
    auto it = flags_per_rule.find(rule);
    if (it == flags_per_rule.end() || it->second < kMaxFlagsPerRule) return true;
    truncated = true;
    return false;
  }
  // A flag whose value text is made only when it will be kept (no string work per row once a rule is full).
  template <class MakeValue>
  void flag_if(Rule& r, const std::string& file, int64_t row, const std::string& column, MakeValue make) {
    ++r.n;
    size_t& k = flags_per_rule[r.id];
    if (k >= kMaxFlagsPerRule) {
      truncated = true;
      return;
    }
    ++k;
    flags.push_back(Flag{file, row, column, make(), r.id});
  }
};

struct Context {
  const core::MappedDataset& mods;
  const core::MappedDataset* clients;
  const Options& opt;
  Chains ch;
  std::vector<uint32_t> selected;  // selected children (SofS module, organisation filter), in child order
  std::vector<CharField> chars;
  std::vector<int32_t> client_row;  // per child: row in the client file, -1 none
  long clients_without_modules = 0, children_without_client = 0, conflicts = 0;
  Quality q;
  std::vector<Text> profile_notes;

  Context(const core::MappedDataset& m, const core::MappedDataset* c, const Options& o)
      : mods(m), clients(c), opt(o), ch(build_chains(m, o)) {
    for (size_t i = 0; i < ch.children(); ++i)
      if (ch.selected[i]) selected.push_back(uint32_t(i));
  }
};

// Joins the client file (when given) and fills Context::chars (profile.cpp).
void load_characteristics(Context& cx);

// The results, one function each, in page order.
Result profile(Context& cx);              // profile.cpp
Result orgtype_by_status(const Context& cx);  // modules.cpp
Result module_frequency(const Context& cx);
Result module_combination(const Context& cx);
Result module_rank(const Context& cx);
Result pre_post(const Context& cx);       // trajectories.cpp
Result transitions(const Context& cx);
Result durations(const Context& cx);
Result quality(Context& cx);              // quality.cpp

}  // namespace zicht::analysis::binc::detail
