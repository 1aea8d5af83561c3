// The module chains of SPEC §2.2, derived once per module file (see chain.h).
#include "analysis/binc/chain.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "analysis/binc.h"

namespace zicht::analysis::binc::detail {
namespace {

using core::CellKind;

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool overlaps(int32_t s1, int32_t e1, int32_t s2, int32_t e2) { return s1 <= e2 && s2 <= e1; }

}  // namespace

std::string_view cell_view(const core::MappedDataset& ds, const core::MappedField& f, size_t row, std::string& scratch) {
  if (!f.mapped()) return {};
  const core::Column& c = ds.table->columns[static_cast<size_t>(f.column)];
  if (!c.codes.empty() && c.state[row] == core::CellState::Value) return c.str(row);
  scratch = c.raw_text(row);
  return scratch;
}

std::string_view Chains::child_id(size_t c) const {
  static thread_local std::string scratch;
  const core::MappedField* f = ds->field("kind_id");
  if (!f || begin[c] == begin[c + 1]) return {};
  return cell_view(*ds, *f, order[begin[c]], scratch);
}

Chains build_chains(const core::MappedDataset& ds, const Options& options) {
  Chains ch;
  ch.ds = &ds;
  ch.as_of = ds.as_of;
  const size_t n = ds.rows();
  const core::MappedField* kid = ds.field("kind_id");
  const core::MappedField* mtype = ds.field("module_type");
  const core::MappedField* fstart = ds.field("start");
  const core::MappedField* fend = ds.field("einde");
  const core::MappedField* fschak = ds.field("schakeling");
  const core::MappedField* fmid = ds.field("module_id");
  const core::MappedField* forg = ds.field("vzb_organisatietype");
  const core::MappedField* forganisatie = ds.field("organisatie");

  ch.child.assign(n, -1);
  ch.type.assign(n, -1);
  ch.start.assign(n, 0);
  ch.end.assign(n, kOpen);
  ch.sofs.assign(n, 0);
  ch.role.assign(n, uint8_t(Role::none));
  ch.position.assign(n, 0);

  // --- Clusters.
  if (options.clusters.empty()) {
    ch.clusters = default_cluster_names();
  } else {
    std::vector<std::string> names;
    for (const auto& kv : options.clusters) names.push_back(kv.second);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string other = "Overige";
    for (auto it = names.begin(); it != names.end();) {
      if (iequal(*it, "overige")) {
        other = *it;
        it = names.erase(it);
      } else {
        ++it;
      }
    }
    ch.clusters = names;
    ch.clusters.push_back(other);
  }
  ch.other_cluster = int32_t(ch.clusters.size() - 1);
  auto cluster_index = [&](const std::string& name) -> int32_t {
    for (size_t i = 0; i < ch.clusters.size(); ++i)
      if (ch.clusters[i] == name) return int32_t(i);
    return ch.other_cluster;
  };
  std::vector<int32_t> sofs_value;
  if (mtype && mtype->mapped()) {
    const std::string sofs_code = mtype->spec->find_code(options.sofs_module_type).value_or(options.sofs_module_type);
    ch.type_cluster.assign(mtype->values.size(), ch.other_cluster);
    sofs_value.assign(mtype->values.size(), 0);
    for (size_t v = 0; v < mtype->values.size(); ++v) {
      const std::string& t = mtype->values[v];
      sofs_value[v] = iequal(t, sofs_code) || iequal(t, options.sofs_module_type);
      if (options.clusters.empty()) {
        ch.type_cluster[v] = cluster_index(default_cluster(t));
      } else {
        auto it = options.clusters.find(t);
        if (it == options.clusters.end())
          for (auto j = options.clusters.begin(); j != options.clusters.end(); ++j)
            if (iequal(j->first, t)) it = j;
        if (it != options.clusters.end()) ch.type_cluster[v] = cluster_index(it->second);
      }
    }
  }

  // --- Children: dense keys (the reader's dictionary codes), in order of first appearance.
  std::vector<int32_t> child_of_code;
  std::unordered_map<std::string, int32_t> child_of_text;  // only when the id column is typed (numbers)
  const core::Column* idcol = kid && kid->mapped() ? &ds.table->columns[size_t(kid->column)] : nullptr;
  const bool coded = idcol && !idcol->codes.empty();
  if (coded) child_of_code.assign(idcol->dict.size(), -1);
  int32_t n_children = 0;
  for (size_t r = 0; r < n; ++r) {
    if (!ds.used[r] || !idcol) continue;
    if (fstart->kind[r] == CellKind::Value && fstart->value[r] > ds.as_of) {
      if (ch.after_as_of++ < 500) ch.after_as_of_rows.push_back(uint32_t(r));
      continue;
    }
    int32_t* slot;
    if (coded) {
      slot = &child_of_code[idcol->codes[r]];
    } else {
      auto ins = child_of_text.emplace(idcol->raw_text(r), -1);
      slot = &ins.first->second;
    }
    if (*slot < 0) {
      *slot = n_children++;
      ch.child_key.push_back(coded ? idcol->codes[r] : uint32_t(*slot));
    }
    ch.child[r] = *slot;
    ch.start[r] = fstart->kind[r] == CellKind::Value ? fstart->value[r] : 0;
    if (fend && fend->mapped() && fend->kind[r] == CellKind::Value && fend->value[r] <= ds.as_of)
      ch.end[r] = fend->value[r];
    if (mtype && mtype->mapped() && mtype->kind[r] == CellKind::Value) {
      ch.type[r] = mtype->value[r];
      ch.sofs[r] = uint8_t(sofs_value[size_t(mtype->value[r])]);
    }
  }

  // --- Chain order: bucket by child, then sort each child's rows.
  ch.begin.assign(size_t(n_children) + 1, 0);
  for (size_t r = 0; r < n; ++r)
    if (ch.child[r] >= 0) ++ch.begin[size_t(ch.child[r]) + 1];
  for (size_t c = 0; c < size_t(n_children); ++c) ch.begin[c + 1] += ch.begin[c];
  ch.order.assign(ch.begin.back(), 0);
  {
    std::vector<uint32_t> fill(ch.begin.begin(), ch.begin.end() - 1);
    for (size_t r = 0; r < n; ++r)
      if (ch.child[r] >= 0) ch.order[fill[size_t(ch.child[r])]++] = uint32_t(r);
  }
  const bool has_schak = fschak && fschak->mapped();
  const bool has_mid = fmid && fmid->mapped();
  auto schak = [&](uint32_t r) { return has_schak && fschak->kind[r] == CellKind::Value ? fschak->value[r] : INT32_MAX; };
  std::string sa, sb;
  auto before = [&](uint32_t a, uint32_t b) {
    if (ch.start[a] != ch.start[b]) return ch.start[a] < ch.start[b];
    const int32_t ka = schak(a), kb = schak(b);
    if (ka != kb) return ka < kb;
    if (has_mid) {
      const std::string_view ia = cell_view(ds, *fmid, a, sa), ib = cell_view(ds, *fmid, b, sb);
      if (ia != ib) return ia < ib;
    }
    return a < b;
  };

  ch.n_sofs.assign(size_t(n_children), 0);
  ch.last_sofs.assign(size_t(n_children), -1);
  ch.open.assign(size_t(n_children), 0);
  ch.orgtype.assign(size_t(n_children), -1);
  ch.selected.assign(size_t(n_children), 0);
  std::vector<uint32_t> sofs_rows;
  std::string scratch;
  for (size_t c = 0; c < size_t(n_children); ++c) {
    auto b = ch.order.begin() + ch.begin[c], e = ch.order.begin() + ch.begin[c + 1];
    if (e - b > 1) std::sort(b, e, before);
    sofs_rows.clear();
    int32_t pos = 0;
    for (auto it = b; it != e; ++it) {
      ch.position[*it] = ++pos;
      if (ch.sofs[*it]) sofs_rows.push_back(*it);
    }
    ch.n_sofs[c] = int32_t(sofs_rows.size());
    const uint32_t latest = *(e - 1);
    ch.open[c] = ch.end[latest] == kOpen;
    if (!sofs_rows.empty()) {
      const uint32_t last = sofs_rows.back();
      ch.last_sofs[c] = int32_t(last);
      const int32_t ls = ch.start[last], le = ch.end[last];
      for (auto it = b; it != e; ++it) {
        const uint32_t r = *it;
        Role role;
        if (r == last) {
          role = Role::sofs_last;
        } else if (ch.sofs[r]) {
          role = overlaps(ch.start[r], ch.end[r], ls, le) ? Role::sofs_parallel
                 : ch.start[r] < ls                       ? Role::voortraject
                                                          : Role::unclassified;
        } else {
          bool comb = false;
          for (uint32_t s : sofs_rows)
            if (overlaps(ch.start[r], ch.end[r], ch.start[s], ch.end[s])) {
              comb = true;
              break;
            }
          role = comb                        ? Role::combined
                 : ch.start[r] < ls          ? Role::voortraject
                 : le != kOpen && ch.start[r] > le ? Role::natraject
                                             : Role::unclassified;
        }
        ch.role[r] = uint8_t(role);
      }
    }
    const int32_t org_row = options.orgtype_from_last_sofs && !sofs_rows.empty() ? int32_t(sofs_rows.back())
                                                                                 : int32_t(latest);
    if (forg && forg->mapped()) {
      const CellKind k = forg->kind[size_t(org_row)];
      ch.orgtype[c] = k == CellKind::Value ? forg->value[size_t(org_row)] : k == CellKind::Invalid ? -2 : -1;
    }
    bool sel = !sofs_rows.empty();
    if (sel && !options.organisations.empty()) {
      sel = false;
      if (forganisatie && forganisatie->mapped()) {
        const std::string_view org = cell_view(ds, *forganisatie, sofs_rows.back(), scratch);
        for (const auto& o : options.organisations)
          if (o == org) sel = true;
      }
    }
    ch.selected[c] = sel;
  }
  return ch;
}

}  // namespace zicht::analysis::binc::detail
