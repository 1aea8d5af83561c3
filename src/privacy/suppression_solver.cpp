// The secondary suppression's solver (see privacy/suppression.h): which suppressed unknowns the published sums
// determine (exact integer elimination), and the search for complementary cells that make none determined.
#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "privacy/suppression_detail.h"

namespace zicht::privacy::detail {
namespace {

int64_t gcd64(int64_t a, int64_t b) {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b) {
    const int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

}  // namespace

std::vector<bool> determined(const std::vector<Var>& vars, const std::vector<Sum>& sums) {
  std::vector<int> unknown_index(vars.size(), -1);
  std::vector<int> unknowns;
  for (size_t i = 0; i < vars.size(); ++i)
    if (vars[i].suppressed && !vars[i].known) {
      unknown_index[i] = static_cast<int>(unknowns.size());
      unknowns.push_back(static_cast<int>(i));
    }
  std::vector<bool> out(vars.size(), false);
  const size_t u = unknowns.size();
  if (u == 0) return out;
  std::vector<std::vector<int64_t>> m;
  for (const Sum& s : sums) {
    std::vector<int64_t> row(u, 0);
    bool any = false;
    for (int v : s.vars)
      if (unknown_index[v] >= 0) {
        row[unknown_index[v]] += 1;
        any = true;
      }
    if (s.total >= 0 && unknown_index[s.total] >= 0) {
      row[unknown_index[s.total]] -= 1;
      any = true;
    }
    if (any) m.push_back(std::move(row));
  }
  std::vector<int> pivot_row_of(u, -1);
  size_t r = 0;
  for (size_t c = 0; c < u && r < m.size(); ++c) {
    size_t p = r;
    while (p < m.size() && m[p][c] == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[r]);
    for (size_t q = 0; q < m.size(); ++q) {
      if (q == r || m[q][c] == 0) continue;
      const int64_t a = m[r][c], b = m[q][c];
      int64_t g = 0;
      for (size_t j = 0; j < u; ++j) {
        m[q][j] = m[q][j] * a - m[r][j] * b;
        g = gcd64(g, m[q][j]);
      }
      if (g > 1)
        for (auto& x : m[q]) x /= g;
    }
    pivot_row_of[c] = static_cast<int>(r);
    ++r;
  }
  for (size_t c = 0; c < u; ++c) {
    if (pivot_row_of[c] < 0) continue;
    const auto& row = m[pivot_row_of[c]];
    bool alone = true;
    for (size_t j = 0; j < u && alone; ++j)
      if (j != c && row[j] != 0) alone = false;
    if (alone) out[unknowns[c]] = true;
  }
  return out;
}

namespace {

// Large tables (Kaplan–Meier step tables, long per-organisation lists): the exact search below solves the whole
// system once per candidate, which does not finish in reasonable time beyond a few hundred unknowns. There the
// classic rule applies instead: no sum (row, column or total) may contain exactly one hidden cell; the smallest
// other cell of such a sum is hidden too, until no sum has a lone hidden cell. Returns the cells left exposed.
constexpr size_t kExactLimit = 150;

int secondary_by_sums(Structure& s) {
  auto members = [](const Sum& sum) {
    std::vector<int> m = sum.vars;
    if (sum.total >= 0) m.push_back(sum.total);
    return m;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (const Sum& sum : s.sums) {
      const std::vector<int> m = members(sum);
      int hidden = 0;
      for (int v : m) hidden += s.vars[v].suppressed ? 1 : 0;
      if (hidden != 1) continue;
      int best = -1;
      for (int v : m) {
        const Var& c = s.vars[v];
        if (c.suppressed || c.known) continue;
        if (best < 0 || std::make_tuple(c.value == 0, static_cast<int>(c.kind), c.value) <
                            std::make_tuple(s.vars[best].value == 0, static_cast<int>(s.vars[best].kind),
                                            s.vars[best].value))
          best = v;
      }
      if (best >= 0) {
        s.vars[best].suppressed = true;
        changed = true;
      }
    }
  }
  int unprotected = 0;
  for (const Sum& sum : s.sums) {
    const std::vector<int> m = members(sum);
    int hidden = 0, lone = -1;
    for (int v : m)
      if (s.vars[v].suppressed) {
        ++hidden;
        lone = v;
      }
    if (hidden == 1 && s.vars[lone].primary) unprotected += static_cast<int>(s.vars[lone].cells.size());
  }
  return unprotected;
}

}  // namespace

// Chooses complementary suppressions until no suppressed unknown is determined. Returns vars given up on.
int secondary_suppression(Structure& s) {
  if (s.vars.size() > kExactLimit) return secondary_by_sums(s);
  std::set<int> given_up;
  auto still_determined = [&](int x) -> bool { return determined(s.vars, s.sums)[x]; };
  for (int guard = 0; guard < 10000; ++guard) {
    const std::vector<bool> det = determined(s.vars, s.sums);
    int x = -1;
    for (size_t i = 0; i < det.size(); ++i)
      if (det[i] && s.vars[i].primary && !given_up.count(static_cast<int>(i))) {
        x = static_cast<int>(i);
        break;
      }
    if (x < 0) break;
    // Vars connected to x through sums.
    std::set<int> linked_direct;
    for (const Sum& sum : s.sums) {
      bool has = sum.total == x || std::find(sum.vars.begin(), sum.vars.end(), x) != sum.vars.end();
      if (!has) continue;
      for (int v : sum.vars) linked_direct.insert(v);
      if (sum.total >= 0) linked_direct.insert(sum.total);
    }
    std::vector<int> cands;
    for (size_t i = 0; i < s.vars.size(); ++i) {
      const Var& v = s.vars[i];
      if (!v.suppressed && !v.known && v.value > 0) cands.push_back(static_cast<int>(i));
    }
    auto key = [&](int i) {
      const Var& v = s.vars[i];
      return std::make_tuple(static_cast<int>(v.kind), v.value, v.cells[0].first, v.cells[0].second);
    };
    std::sort(cands.begin(), cands.end(), [&](int a, int b) { return key(a) < key(b); });
    int chosen = -1;
    for (int c : cands) {
      s.vars[c].suppressed = true;
      const bool still = still_determined(x);
      s.vars[c].suppressed = false;
      if (!still) {
        chosen = c;
        break;
      }
    }
    if (chosen >= 0) {
      s.vars[chosen].suppressed = true;
      continue;
    }
    // No single cell helps: the cheapest pair among the first candidates.
    const size_t limit = std::min<size_t>(cands.size(), 14);
    std::vector<std::pair<int, int>> pairs;
    for (size_t a = 0; a < limit; ++a)
      for (size_t b = a + 1; b < limit; ++b) pairs.push_back({cands[a], cands[b]});
    std::stable_sort(pairs.begin(), pairs.end(), [&](const auto& p, const auto& q) {
      const auto kp = std::max(s.vars[p.first].kind, s.vars[p.second].kind);
      const auto kq = std::max(s.vars[q.first].kind, s.vars[q.second].kind);
      if (kp != kq) return kp < kq;
      return s.vars[p.first].value + s.vars[p.second].value < s.vars[q.first].value + s.vars[q.second].value;
    });
    bool done = false;
    for (const auto& [a, b] : pairs) {
      s.vars[a].suppressed = s.vars[b].suppressed = true;
      if (!still_determined(x)) {
        done = true;
        break;
      }
      s.vars[a].suppressed = s.vars[b].suppressed = false;
    }
    if (done) continue;
    // Last resort before giving up: a zero inner cell (alone or with one of the candidates). Where the other
    // cells of a row or column are zeros shown next to a published total, only hiding a zero protects the small
    // cell; a hidden zero reads "<k", which is still true.
    std::vector<int> zeros;
    for (size_t i = 0; i < s.vars.size(); ++i) {
      const Var& v = s.vars[i];
      if (!v.suppressed && !v.known && v.value == 0 && v.kind == Var::inner && !v.cells.empty())
        zeros.push_back(static_cast<int>(i));
    }
    for (int z : zeros) {
      s.vars[z].suppressed = true;
      if (!still_determined(x)) {
        done = true;
        break;
      }
      for (size_t a = 0; a < limit && !done; ++a) {
        s.vars[cands[a]].suppressed = true;
        if (!still_determined(x)) done = true;
        else s.vars[cands[a]].suppressed = false;
      }
      if (done) break;
      s.vars[z].suppressed = false;
    }
    if (done) continue;
    // Progress at least: the smallest candidate that shares a sum with x.
    for (int c : cands)
      if (linked_direct.count(c)) {
        chosen = c;
        break;
      }
    if (chosen >= 0) s.vars[chosen].suppressed = true;
    else given_up.insert(x);
  }
  int unprotected = 0;
  const std::vector<bool> det = determined(s.vars, s.sums);
  for (size_t i = 0; i < det.size(); ++i)
    if (det[i] && s.vars[i].primary) unprotected += static_cast<int>(s.vars[i].cells.size());
  return unprotected;
}

}  // namespace zicht::privacy::detail
