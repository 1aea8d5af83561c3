// Zicht demo — the kerndataset 18-case panel on the SofS demo (spec kerndataset.md §1.4): the selection rule, and
// the SofS generator's last pass that gives those 18 trajectories the published plan-B picture.
#include <algorithm>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

// --- The 18-case panel's plan B (kerndataset spec §1.4). The panel ids (case_panel_indices) must show the
// published plan-B picture: plan B "netwerk" 12 and "verblijf" 6; activated 5 (4 netwerk, 1 verblijf), of which
// exactly 2 (both netwerk) at or before the start; not activated ("nee") 8 netwerk + 5 verblijf. Every SofS total
// that involves plan B (open 37/30 of 134 — untouched, only closed trajectories take part; closed activated 77 of
// 165 valid, 38 netwerk / 34 verblijf; 16/77 at or before the start; the plan-B times, mean 3.6, −5 … 15 months)
// is a count over closed trajectories of the tuple (plan_b, plan_b_in_werking, plan-B date − start_cb). So this
// pass only SWAPS whole tuples between a panel trajectory and a non-panel closed one: every such multiset is
// unchanged. A partner is sought in the same closing year first (so per-year plan-B shares stay as they were),
// then in any closing year (the SofS targets have no per-year plan-B figure; "58.6/64.9/64.1 %" is not
// targeted). A positive offset moves only to a trajectory at least that long, so plan B never lies after the
// end date (nor after the as-of date).
enum PanelClass { kActNetBefore, kActNetAfter, kActVerbAfter, kNeeNet, kNeeVerb, kPanelClasses };
const int kPanelClassCount[kPanelClasses] = {2, 2, 1, 8, 5};

struct PlanBTuple {
  std::string plan_b;
  StepCell cell = StepCell::Missing;
  int32_t offset = 0;  // plan-B date − start_cb (when cell == Date)
};

PlanBTuple tuple_of(const SofsTrajectory& t) {
  return {t.plan_b, t.plan_b_in_werking, t.plan_b_in_werking == StepCell::Date ? t.plan_b_date - t.start_cb : 0};
}
void set_tuple(SofsTrajectory& t, const PlanBTuple& p) {
  t.plan_b = p.plan_b;
  t.plan_b_in_werking = p.cell;
  t.plan_b_date = p.cell == StepCell::Date ? t.start_cb + p.offset : kNoDate;
}
bool in_class(const PlanBTuple& p, int c) {
  switch (c) {
    case kActNetBefore: return p.plan_b == "netwerk" && p.cell == StepCell::Date && p.offset <= 0;
    case kActNetAfter: return p.plan_b == "netwerk" && p.cell == StepCell::Date && p.offset > 0;
    case kActVerbAfter: return p.plan_b == "verblijf" && p.cell == StepCell::Date && p.offset > 0;
    case kNeeNet: return p.plan_b == "netwerk" && p.cell == StepCell::Nee;
    case kNeeVerb: return p.plan_b == "verblijf" && p.cell == StepCell::Nee;
    default: return false;
  }
}
// Whether trajectory t can carry tuple p (a plan B after the start must lie within the trajectory).
bool fits(const SofsTrajectory& t, const PlanBTuple& p) {
  return p.cell != StepCell::Date || p.offset <= 0 || p.offset <= t.einddatum - t.start_cb;
}
int civil_year(int32_t day) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return y;
}

}  // namespace

std::vector<size_t> case_panel_indices(const std::vector<SofsTrajectory>& all) {
  std::vector<size_t> best(demo_organisations().size(), SIZE_MAX);
  for (size_t i = 0; i < all.size(); ++i) {
    const SofsTrajectory& t = all[i];
    if (!t.closed || t.einddatum > kPanelCutoff) continue;
    const int o = t.organisation_index;
    if (o == kPanelExcludedOrganisations[0] || o == kPanelExcludedOrganisations[1]) continue;
    size_t& b = best[size_t(o)];
    if (b == SIZE_MAX || t.einddatum > all[b].einddatum ||
        (t.einddatum == all[b].einddatum && t.traject_id > all[b].traject_id))
      b = i;
  }
  std::vector<size_t> out;
  for (size_t b : best)
    if (b != SIZE_MAX) out.push_back(b);
  return out;
}

std::vector<std::string> case_panel_ids(const SofsDemo& sofs) {
  std::vector<std::string> out;
  for (size_t i : case_panel_indices(sofs.trajectories)) out.push_back(sofs.trajectories[i].traject_id);
  return out;
}


namespace detail {

void align_panel_plan_b(Rng& rng, std::vector<SofsTrajectory>& all) {
  std::vector<size_t> panel = case_panel_indices(all);
  std::vector<uint8_t> in_panel(all.size(), 0);
  for (size_t i : panel) in_panel[i] = 1;
  rng.shuffle(panel);
  // Panel members whose tuple already belongs to a class still needed keep it.
  int need[kPanelClasses];
  std::copy(kPanelClassCount, kPanelClassCount + kPanelClasses, need);
  std::vector<int> cls(panel.size(), -1);
  for (size_t k = 0; k < panel.size(); ++k)
    for (int c = 0; c < kPanelClasses; ++c)
      if (need[c] > 0 && in_class(tuple_of(all[panel[k]]), c)) {
        cls[k] = c;
        --need[c];
        break;
      }
  // The classes still needed go to the other members: a plan B activated after the start only to the longest of
  // them (it must lie within the trajectory), the rest at random.
  std::vector<size_t> open_members;  // positions k in `panel`
  for (size_t k = 0; k < panel.size(); ++k)
    if (cls[k] < 0) open_members.push_back(k);
  std::stable_sort(open_members.begin(), open_members.end(), [&](size_t x, size_t y) {
    const SofsTrajectory &a = all[panel[x]], &b = all[panel[y]];
    return a.einddatum - a.start_cb > b.einddatum - b.start_cb;
  });
  std::vector<int> rest;
  for (int c : {kActNetAfter, kActVerbAfter})
    for (int i = 0; i < need[c]; ++i) rest.push_back(c);
  const size_t after_count = rest.size();
  // The rare class (activated in the network at or before the start: about 6 of the 77) goes first to members
  // whose closing year still holds such a plan B outside the panel, so the swap can stay within the year.
  std::vector<int> others;
  for (int i = 0; i < need[kActNetBefore]; ++i) others.push_back(kActNetBefore);
  {
    std::vector<int> common;
    for (int c : {kNeeNet, kNeeVerb})
      for (int i = 0; i < need[c]; ++i) common.push_back(c);
    rng.shuffle(common);
    others.insert(others.end(), common.begin(), common.end());
  }
  const size_t first_other = std::min(after_count, open_members.size());
  std::vector<size_t> tail(open_members.begin() + std::ptrdiff_t(first_other), open_members.end());
  rng.shuffle(tail);
  auto year_has_rare = [&](size_t k) {
    const int y = civil_year(all[panel[k]].einddatum);
    for (size_t j = 0; j < all.size(); ++j)
      if (all[j].closed && !in_panel[j] && civil_year(all[j].einddatum) == y &&
          in_class(tuple_of(all[j]), kActNetBefore))
        return true;
    return false;
  };
  std::stable_partition(tail.begin(), tail.end(), year_has_rare);
  std::copy(tail.begin(), tail.end(), open_members.begin() + std::ptrdiff_t(first_other));
  rest.insert(rest.end(), others.begin(), others.end());

  auto partners = [&](const SofsTrajectory& t, const PlanBTuple& mine, int c) {
    std::vector<size_t> same, other;
    for (size_t j = 0; j < all.size(); ++j) {
      const SofsTrajectory& u = all[j];
      if (!u.closed || in_panel[j]) continue;
      const PlanBTuple theirs = tuple_of(u);
      if (!in_class(theirs, c) || !fits(t, theirs) || !fits(u, mine)) continue;
      (civil_year(u.einddatum) == civil_year(t.einddatum) ? same : other).push_back(j);
    }
    return same.empty() ? other : same;
  };
  auto swap_with = [&](SofsTrajectory& t, SofsTrajectory& u) {
    const PlanBTuple mine = tuple_of(t), theirs = tuple_of(u);
    set_tuple(u, mine);
    set_tuple(t, theirs);
  };
  for (size_t r = 0; r < rest.size() && r < open_members.size(); ++r) {
    const int c = rest[r];
    SofsTrajectory& t = all[panel[open_members[r]]];
    std::vector<size_t> pool = partners(t, tuple_of(t), c);
    if (pool.empty() && tuple_of(t).cell == StepCell::Date) {
      // The member's own plan B (activated long after its start) fits no partner of the class: first hand it to a
      // long enough non-panel trajectory without an activated plan B (same closing year if possible).
      std::vector<size_t> park;
      for (int pass = 0; pass < 2 && park.empty(); ++pass)
        for (size_t j = 0; j < all.size(); ++j) {
          const SofsTrajectory& v = all[j];
          if (!v.closed || in_panel[j] || v.plan_b_in_werking == StepCell::Date || !fits(v, tuple_of(t))) continue;
          if (pass == 0 && civil_year(v.einddatum) != civil_year(t.einddatum)) continue;
          park.push_back(j);
        }
      if (!park.empty()) swap_with(t, all[park[size_t(rng.below(park.size()))]]);
      pool = partners(t, tuple_of(t), c);
    }
    if (pool.empty()) continue;  // not met for any tested seed (tests/unit/test_demo_kerndataset.cpp)
    swap_with(t, all[pool[size_t(rng.below(pool.size()))]]);
  }
}

}  // namespace detail
}  // namespace zicht::demo
