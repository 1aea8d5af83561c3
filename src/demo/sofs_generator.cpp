// Zicht demo — the SofS dashboard generator (SPEC §2.1, §3.1; seed notes 003 §3.9–3.15).
//
// Built from the published counts: every quota below is a number from the evaluation (closed trajectories by
// closing year, safety plans per year, the all-steps composite, durations, network meetings, plan B, …). The RNG
// only decides which trajectory gets which value and the days in between, so every seed gives the same marginals.
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "demo/demo_common.h"

namespace zicht::demo {

const char* const kStepIds[kStepCount] = {"mapping_intern",   "mapping_familie", "drie_huizen",
                                          "gevaarsboodschap", "veiligheidsdoel", "veiligheidsschaal",
                                          "traject",          "woord_en_beeld",  "veiligheidsplan_volwassenen",
                                          "veiligheidsplan_kind"};
const char* const kStepHeaders[kStepCount] = {"Mapping intern",   "Mapping met familie", "3 huizen",
                                              "Gevaarsboodschap", "Veiligheidsdoel",     "Veiligheidsschaal",
                                              "Traject",          "W&P",                 "Veiligheidsplan volwassenen",
                                              "Kindversie veiligheidsplan"};

namespace {

using detail::add_months;
using detail::ymd;

const int32_t kAsOf = ymd(2023, 10, 5);  // end of the dashboard extract (seed notes 003 §2.2)
constexpr int kOpen = 134, kClosed = 236;
constexpr int kYears = 3;  // closing years 2021, 2022, 2023
const int kClosedPerYear[kYears] = {43, 139, 54};

// All-steps composite (67 of 236) split over the closing years; each year must have at least this many adult
// plans, child plans and W&P readings.
const int kCompositePerYear[kYears] = {7, 42, 18};

// Three-way quotas per closing year: taken (a date), "nee", Missing (empty).
struct Tri {
  int taken, nee, missing;
};
// Adult safety plan, `valid`: 13/30, 79/109, 34/46 (SPEC §3.1 sofs.trend) → pooled 126/185.
const Tri kAdultPlan[kYears] = {{13, 17, 13}, {79, 30, 30}, {34, 12, 8}};
// Child plan, `all`: 12/43, 54/139, 21/54; 71 Missing in total so that `valid` is 87/165.
const Tri kChildPlan[kYears] = {{12, 17, 14}, {54, 44, 41}, {21, 17, 16}};
// W&P read, `valid`: 27/38 = 71.1 %, 100/130 = 76.9 %, 39/47 = 83.0 % → pooled 166/215 = 77.2 % (Fig. 5, trend table).
const Tri kWordsPictures[kYears] = {{27, 11, 5}, {100, 30, 9}, {39, 8, 7}};

// Network meetings of closed trajectories with a numeric count, per closing year: n 28/87/33 (ANOVA F(2,145)),
// means 95/28 = 3.39, 408/87 = 4.69, 244/33 = 7.39; 20 zeros = 8.5 % of 236 without any meeting.
using Histogram = std::vector<std::pair<int, int>>;  // value, count
const Histogram kMeetingsClosed[kYears] = {
    {{0, 5}, {1, 3}, {2, 4}, {3, 4}, {4, 4}, {5, 3}, {6, 2}, {7, 1}, {8, 1}, {14, 1}},
    {{0, 11}, {1, 6}, {2, 8}, {3, 10}, {4, 12}, {5, 9}, {6, 8}, {7, 6}, {8, 5}, {9, 4}, {10, 3}, {11, 2}, {12, 1},
     {14, 1}, {19, 1}},
    {{0, 4}, {2, 1}, {3, 1}, {4, 3}, {5, 2}, {6, 2}, {7, 3}, {8, 3}, {9, 3}, {10, 3}, {11, 2}, {12, 3}, {13, 1},
     {15, 1}, {17, 1}}};
// A date typed into the count column (about a quarter of all cells) and Missing (28 = 11.9 % of closed).
const int kMeetingDatesClosed[kYears] = {11, 34, 15};
const int kMeetingMissingClosed[kYears] = {4, 18, 6};
// Open trajectories: 98 counts, 31 dates, 5 Missing. Over all 246 counts: 81 ≥ 6 (32.9 %), median 4, range 0–19.
// Mean over all 246 counts 1221/246 = 4.96 ("mean 5").
const Histogram kMeetingsOpen = {{0, 5},  {1, 6},  {2, 10}, {3, 14}, {4, 20}, {5, 20}, {6, 3},  {7, 3}, {8, 3},
                                 {9, 3},  {10, 3}, {11, 2}, {12, 2}, {13, 1}, {14, 1}, {15, 1}, {18, 1}};
constexpr int kMeetingDatesOpen = 31, kMeetingMissingOpen = 5;

// Network figures (non-professional network people): range 0–12, mean ≈ 4, median 4; 17 closed without any.
const Histogram kFiguresClosed = {{0, 17}, {1, 12}, {2, 25}, {3, 35}, {4, 40}, {5, 30}, {6, 20},
                                  {7, 12}, {8, 8},   {9, 4},   {10, 3},  {11, 1},  {12, 1}};  // 208, 28 Missing
const Histogram kFiguresOpen = {{0, 8}, {1, 8}, {2, 14}, {3, 20}, {4, 24}, {5, 18}, {6, 12},
                                {7, 8}, {8, 4}, {9, 2},  {10, 1}, {12, 1}};  // 120, 14 Missing

// Duration of closed trajectories in completed months: 103 below 8, 39 at exactly 8 (142 ≤ 8), 94 above 8
// (133 ≥ 8); mean in exact months ≈ 9.2.
const Histogram kDurationBelow8 = {{0, 2}, {1, 4}, {2, 7}, {3, 10}, {4, 13}, {5, 18}, {6, 23}, {7, 26}};
const Histogram kDuration8Plus = {{8, 39},  {9, 12},  {10, 12}, {11, 12}, {12, 10}, {13, 10},
                                  {14, 9},  {15, 8},  {16, 6},  {17, 4},  {18, 3},  {19, 2},
                                  {20, 2},  {21, 2},  {22, 1},  {23, 1}};
// Of the 67 complete trajectories, 53 lasted ≥ 8 completed months (79.1 %; 53/133 = 39.9 %).
constexpr int kCompositeLong = 53;

// Step quotas over closed (taken / nee / Missing) without a per-year figure.
constexpr Tri kMappingFamilieClosed = {228, 5, 3};  // 97.9 % valid ("97–98 %")
// Safety goal over all 370: 308 taken (218 closed + 90 open). Partnership (Fig. 6) uses those 308 as denominator:
// context worker "ja" 291 (94.5 %), consulent "ja" 78 (25.3 %).
constexpr Tri kSafetyGoalClosed = {218, 10, 8};
constexpr Tri kSafetyGoalOpen = {90, 30, 14};
constexpr int kSafetyGoalCb = 291, kSafetyGoalConsulent = 78;

// Plan B. Closed, `valid`: activated 77 of 165 (88 "nee", 71 Missing), of the 77: 38 netwerk, 34 verblijf,
// 5 blank; 16 of 77 (21 %) at or before the start. Open, `all`: 37 netwerk, 30 verblijf, 67 blank of 134.
constexpr int kPlanBActivated = 77, kPlanBNee = 88, kPlanBMissing = 71;
constexpr int kPlanBActNetwerk = 38, kPlanBActVerblijf = 34;
constexpr int kPlanBAtOrBeforeStart = 16;
constexpr int kPlanBOpenNetwerk = 37, kPlanBOpenVerblijf = 30;

std::vector<int> expand(const Histogram& h) {
  std::vector<int> v;
  for (const auto& p : h)
    for (int i = 0; i < p.second; ++i) v.push_back(p.first);
  return v;
}

int32_t frac_date(Rng& rng, int32_t start, int32_t span, double lo, double hi) {
  double f = lo + (hi - lo) * rng.unit();
  return start + int32_t(std::lround(f * double(span)));
}

// Realistic moments of each step as a share of the trajectory's length (early steps first).
const double kStepFrom[kStepCount] = {-0.02, 0.0, 0.05, 0.05, 0.1, 0.15, 0.15, 0.3, 0.55, 0.6};
const double kStepTo[kStepCount] = {0.15, 0.15, 0.35, 0.35, 0.4, 0.6, 0.6, 0.9, 1.0, 1.0};
// Share of consulent involvement per taken step where the organisation registers consulent data: consulenten are
// more involved at the start than towards the end (Fig. 6).
const int kConsulentPct[kStepCount] = {40, 38, 25, 35, 0 /* exact quota */, 20, 15, 12, 14, 10};

// The steps without a published quota that a non-complete trajectory may lack.
const int kFreeSteps[] = {kMappingIntern, kDrieHuizen, kGevaarsboodschap, kVeiligheidsschaal, kTraject};

void set_free_step(Rng& rng, SofsTrajectory& t, int s, int taken_pct) {
  uint64_t r = rng.below(100);
  if (r < uint64_t(taken_pct)) {
    t.step[s] = rng.chance(2, 100) ? StepCell::Ja : StepCell::Date;
  } else if (r < uint64_t(taken_pct) + (100 - uint64_t(taken_pct)) * 2 / 3) {
    t.step[s] = StepCell::Nee;
  } else {
    t.step[s] = StepCell::Missing;
  }
}

bool meets(const SofsTrajectory& t) {
  return (t.meetings == MeetingCell::Count && t.meeting_count >= 1) || t.meetings == MeetingCell::Date;
}

bool all_steps(const SofsTrajectory& t) {
  for (int s = 0; s < kStepCount; ++s)
    if (t.step[s] != StepCell::Date && t.step[s] != StepCell::Ja) return false;
  return meets(t);
}

// Applies a three-way quota to `members` (already shuffled); `forced` of them come first and must be "taken".
void assign_tri(Rng& rng, std::vector<SofsTrajectory>& all, const std::vector<int>& members, int forced, Tri q,
                int step) {
  std::vector<StepCell> rest = quota<StepCell>(
      {{StepCell::Date, q.taken - forced}, {StepCell::Nee, q.nee}, {StepCell::Missing, q.missing}});
  rng.shuffle(rest);
  for (size_t i = 0; i < members.size(); ++i)
    all[size_t(members[i])].step[step] = int(i) < forced ? StepCell::Date : rest[i - size_t(forced)];
}

}  // namespace

SofsDemo generate_sofs(uint64_t seed) { return detail::generate_sofs_block(seed, 1); }

namespace detail {

SofsDemo generate_sofs_block(uint64_t seed, uint64_t first_number) {
  Rng rng(seed);
  SofsDemo demo;
  demo.as_of = kAsOf;
  std::vector<SofsTrajectory>& all = demo.trajectories;
  all.resize(kOpen + kClosed);

  // --- Who: organisation and case type (Fig. 4: EM/FM/IFG/SM/V/Geen = 56/17/175/26/82/14 of 370).
  std::vector<int> orgs = detail::organisation_quota(kOpen + kClosed, rng);
  std::vector<std::string> types = quota<std::string>(
      {{"EM", 56}, {"FM", 17}, {"IFG", 175}, {"SM", 26}, {"V", 82}, {"Geen", 14}});
  rng.shuffle(types);
  for (size_t i = 0; i < all.size(); ++i) {
    all[i].organisation_index = orgs[i];
    all[i].organisatie = demo_organisations()[size_t(orgs[i])];
    all[i].typering = types[i];
  }

  // --- Closed trajectories: indices 0..235, by closing year.
  std::vector<int> closing_year(kClosed);
  std::vector<std::vector<int>> year_members(kYears), composite(kYears);
  {
    int k = 0;
    for (int y = 0; y < kYears; ++y)
      for (int i = 0; i < kClosedPerYear[y]; ++i, ++k) {
        closing_year[size_t(k)] = y;
        year_members[size_t(y)].push_back(k);
        all[size_t(k)].closed = true;
      }
  }
  std::vector<uint8_t> is_composite(kClosed, 0);
  for (int y = 0; y < kYears; ++y) {
    auto& m = year_members[size_t(y)];
    rng.shuffle(m);  // the first kCompositePerYear[y] members are the complete trajectories
    for (int i = 0; i < kCompositePerYear[y]; ++i) {
      is_composite[size_t(m[size_t(i)])] = 1;
      composite[size_t(y)].push_back(m[size_t(i)]);
    }
    const int c = kCompositePerYear[y];
    assign_tri(rng, all, m, c, kAdultPlan[y], kPlanVolwassenen);
    assign_tri(rng, all, m, c, kChildPlan[y], kPlanKind);
    // Plans, W&P and network meetings go together (Fig. 10–11: both associated with the adult plan). The
    // non-complete members are ordered with adult plans first (15 % of them swapped, so it is a tendency, not a
    // rule); W&P readings go to the front of that order, meetings-free and empty cells to the back.
    auto plan_first = [&](uint64_t swap_pct) {
      std::vector<int> ordered(m.begin(), m.begin() + c);
      std::vector<std::pair<int, int>> keyed;
      for (size_t i = size_t(c); i < m.size(); ++i) {
        bool with_plan = all[size_t(m[i])].step[kPlanVolwassenen] == StepCell::Date;
        if (rng.chance(swap_pct, 100)) with_plan = !with_plan;
        keyed.push_back({with_plan ? 0 : 1, m[i]});
      }
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& k : keyed) ordered.push_back(k.second);
      return ordered;
    };
    std::vector<int> ordered = plan_first(35);  // W&P: a weaker tie (about 10 % of plans without W&P)
    {
      std::vector<StepCell> tail = quota<StepCell>(
          {{StepCell::Nee, kWordsPictures[y].nee}, {StepCell::Missing, kWordsPictures[y].missing}});
      rng.shuffle(tail);
      const int taken_rest = kWordsPictures[y].taken - c;
      for (size_t i = size_t(c); i < ordered.size(); ++i) {
        const int k = int(i) - c;
        all[size_t(ordered[i])].step[kWoordEnBeeld] = k < taken_rest ? StepCell::Date : tail[size_t(k - taken_rest)];
      }
    }

    // Network meetings: the complete trajectories draw from cells that show at least one meeting.
    struct Cell {
      MeetingCell kind;
      int count;
    };
    std::vector<Cell> positive, other;
    for (int v : expand(kMeetingsClosed[y])) (v > 0 ? positive : other).push_back({MeetingCell::Count, v});
    for (int i = 0; i < kMeetingDatesClosed[y]; ++i) positive.push_back({MeetingCell::Date, 0});
    for (int i = 0; i < kMeetingMissingClosed[y]; ++i) other.push_back({MeetingCell::Missing, 0});
    ordered = plan_first(15);
    rng.shuffle(positive);
    rng.shuffle(other);
    std::vector<Cell> rest(positive.begin() + c, positive.end());
    rng.shuffle(rest);
    rest.insert(rest.end(), other.begin(), other.end());  // zeros and empty cells last: trajectories without plan
    for (size_t i = 0; i < ordered.size(); ++i) {
      const Cell& cell = int(i) < c ? positive[i] : rest[i - size_t(c)];
      all[size_t(ordered[i])].meetings = cell.kind;
      all[size_t(ordered[i])].meeting_count = cell.count;
    }
  }

  // Quotas over all closed trajectories (complete ones first).
  std::vector<int> closed_order;  // complete trajectories first, then the others, each part shuffled
  {
    std::vector<int> comp, non;
    for (int i = 0; i < kClosed; ++i) (is_composite[size_t(i)] ? comp : non).push_back(i);
    rng.shuffle(comp);
    rng.shuffle(non);
    closed_order = comp;
    closed_order.insert(closed_order.end(), non.begin(), non.end());
  }
  const int n_comp = kCompositePerYear[0] + kCompositePerYear[1] + kCompositePerYear[2];
  assign_tri(rng, all, closed_order, n_comp, kMappingFamilieClosed, kMappingFamilie);
  assign_tri(rng, all, closed_order, n_comp, kSafetyGoalClosed, kVeiligheidsdoel);

  // Durations (completed months): the complete trajectories take 53 of the ≥ 8 values (the two longest among
  // them, so the adult-plan maximum of 22 months always exists) and 14 of the < 8 values.
  std::vector<int> months(kClosed);
  {
    std::vector<int> below = expand(kDurationBelow8), plus = expand(kDuration8Plus);
    std::vector<int> longest(plus.end() - 2, plus.end());
    plus.resize(plus.size() - 2);
    rng.shuffle(below);
    rng.shuffle(plus);
    std::vector<int> comp_long = longest;
    comp_long.insert(comp_long.end(), plus.begin(), plus.begin() + (kCompositeLong - 2));
    std::vector<int> comp_short(below.begin(), below.begin() + (n_comp - kCompositeLong));
    std::vector<int> rest(plus.begin() + (kCompositeLong - 2), plus.end());
    rest.insert(rest.end(), below.begin() + (n_comp - kCompositeLong), below.end());
    rng.shuffle(rest);
    std::vector<int> comp_all = comp_long;
    comp_all.insert(comp_all.end(), comp_short.begin(), comp_short.end());
    for (size_t i = 0; i < closed_order.size(); ++i)
      months[size_t(closed_order[i])] = int(i) < n_comp ? comp_all[i] : rest[i - size_t(n_comp)];
  }

  // Dates: end date inside the closing year, start = end − months − a few days (completed months exact).
  const int32_t earliest_start = ymd(2020, 1, 1);
  const int32_t year_from[kYears] = {ymd(2021, 5, 1), ymd(2022, 1, 1), ymd(2023, 1, 1)};
  const int32_t year_to[kYears] = {ymd(2021, 12, 31), ymd(2022, 12, 31), kAsOf};
  for (int i = 0; i < kClosed; ++i) {
    SofsTrajectory& t = all[size_t(i)];
    const int y = closing_year[size_t(i)], k = months[size_t(i)];
    int32_t lo = std::max(year_from[y], add_months(earliest_start, k + 1));
    int32_t hi = year_to[y];
    if (lo > hi) lo = hi;
    int32_t end = int32_t(rng.range(lo, hi));
    int r = int(rng.range(k == 0 ? 5 : 0, 27));  // a closed trajectory lasts at least a few days
    int32_t start = add_months(end, -k) - r;
    while (r > 0 && (completed_months(start, end) != k || start < earliest_start)) start = add_months(end, -k) - --r;
    t.start_cb = start;
    t.einddatum = end;
  }

  // --- Non-complete closed trajectories: the free steps by chance, but never all eleven.
  for (int i = 0; i < kClosed; ++i) {
    SofsTrajectory& t = all[size_t(i)];
    for (int s : kFreeSteps) {
      if (is_composite[size_t(i)]) {
        t.step[s] = StepCell::Date;
      } else {
        set_free_step(rng, t, s, s == kMappingIntern ? 90 : 82);
      }
    }
    if (!is_composite[size_t(i)] && all_steps(t)) {
      const int pick[] = {kDrieHuizen, kVeiligheidsschaal, kTraject};
      t.step[pick[rng.below(3)]] = StepCell::Nee;
    }
  }

  // --- Open trajectories: indices 236..369, started up to two years before the as-of date.
  std::vector<int> open_idx;
  for (int i = kClosed; i < kClosed + kOpen; ++i) open_idx.push_back(i);
  for (int i : open_idx) {
    SofsTrajectory& t = all[size_t(i)];
    double u = rng.unit();
    int32_t elapsed = 10 + int32_t(std::lround(750.0 * u * std::sqrt(u)));  // sqrt: exact on every platform
    t.start_cb = kAsOf - elapsed;
    t.end_written_nee = rng.chance(3, 5);
  }
  {
    // Steps more likely the longer the trajectory has been running; the safety goal has an exact quota (the
    // longest-running trajectories, with some jitter, have it).
    std::vector<std::pair<double, int>> by_elapsed;
    for (int i : open_idx)
      by_elapsed.push_back({double(kAsOf - all[size_t(i)].start_cb) + 120.0 * rng.unit(), i});
    std::sort(by_elapsed.begin(), by_elapsed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<StepCell> tail =
        quota<StepCell>({{StepCell::Nee, kSafetyGoalOpen.nee}, {StepCell::Missing, kSafetyGoalOpen.missing}});
    rng.shuffle(tail);
    for (size_t k = 0; k < by_elapsed.size(); ++k)
      all[size_t(by_elapsed[k].second)].step[kVeiligheidsdoel] =
          int(k) < kSafetyGoalOpen.taken ? StepCell::Date : tail[k - size_t(kSafetyGoalOpen.taken)];
    for (int i : open_idx) {
      SofsTrajectory& t = all[size_t(i)];
      const double m = detail::exact_months(t.start_cb, kAsOf);
      // month from which each step typically is taken in an open trajectory
      const double from[kStepCount] = {0, 0, 1, 1.5, 0, 2, 2.5, 4, 6, 7};
      for (int s = 0; s < kStepCount; ++s) {
        if (s == kVeiligheidsdoel) continue;
        double p = std::clamp((m - from[s]) / 6.0 + 0.35, 0.0, s >= kWoordEnBeeld ? 0.7 : 0.95);
        if (rng.unit() < p) {
          t.step[s] = rng.chance(2, 100) && s < kWoordEnBeeld ? StepCell::Ja : StepCell::Date;
        } else {
          t.step[s] = rng.chance(85, 100) ? StepCell::Nee : StepCell::Missing;
        }
      }
    }
  }
  {
    // Open: meetings (counts go with elapsed time), figures, plan B defined at start.
    std::vector<int> idx = open_idx;
    rng.shuffle(idx);
    std::vector<int> counts = expand(kMeetingsOpen);
    std::vector<std::pair<double, int>> numeric;
    for (size_t k = 0; k < idx.size(); ++k) {
      SofsTrajectory& t = all[size_t(idx[k])];
      if (k < counts.size()) {
        numeric.push_back({double(kAsOf - t.start_cb) + 200.0 * rng.unit(), idx[k]});
      } else if (k < counts.size() + kMeetingDatesOpen) {
        t.meetings = MeetingCell::Date;
      } else {
        t.meetings = MeetingCell::Missing;
      }
    }
    std::sort(numeric.begin(), numeric.end());
    for (size_t k = 0; k < numeric.size(); ++k) {
      all[size_t(numeric[k].second)].meetings = MeetingCell::Count;
      all[size_t(numeric[k].second)].meeting_count = counts[k];
    }
    std::vector<std::string> planb =
        quota<std::string>({{"netwerk", kPlanBOpenNetwerk}, {"verblijf", kPlanBOpenVerblijf},
                            {"", kOpen - kPlanBOpenNetwerk - kPlanBOpenVerblijf}});
    rng.shuffle(planb);
    for (size_t k = 0; k < open_idx.size(); ++k) {
      SofsTrajectory& t = all[size_t(open_idx[k])];
      t.plan_b = planb[k];
      t.plan_b_in_werking = rng.chance(4, 5) ? StepCell::Nee : StepCell::Missing;
    }
  }

  // --- Network figures.
  {
    std::vector<int> fc = expand(kFiguresClosed), fo = expand(kFiguresOpen);
    fc.resize(size_t(kClosed), -1);
    fo.resize(size_t(kOpen), -1);
    rng.shuffle(fc);
    rng.shuffle(fo);
    for (int i = 0; i < kClosed; ++i) all[size_t(i)].network_figures = fc[size_t(i)];
    for (int k = 0; k < kOpen; ++k) all[size_t(kClosed + k)].network_figures = fo[size_t(k)];
  }

  // --- Plan B on closed trajectories. The longest trajectory is always among the activated ones, so the
  // published maximum of 15 months can occur.
  {
    std::vector<int> idx(kClosed);
    std::iota(idx.begin(), idx.end(), 0);
    rng.shuffle(idx);
    auto longest = std::max_element(idx.begin(), idx.end(), [&](int a, int b) {
      return all[size_t(a)].einddatum - all[size_t(a)].start_cb < all[size_t(b)].einddatum - all[size_t(b)].start_cb;
    });
    std::iter_swap(idx.begin(), longest);
    std::vector<std::string> act_type = quota<std::string>(
        {{"netwerk", kPlanBActNetwerk}, {"verblijf", kPlanBActVerblijf},
         {"", kPlanBActivated - kPlanBActNetwerk - kPlanBActVerblijf}});
    std::vector<std::string> other_type = quota<std::string>({{"netwerk", 60}, {"verblijf", 45}, {"", 54}});
    rng.shuffle(act_type);
    rng.shuffle(other_type);
    std::vector<StepCell> other_cell =
        quota<StepCell>({{StepCell::Nee, kPlanBNee}, {StepCell::Missing, kPlanBMissing}});
    rng.shuffle(other_cell);
    // Times to plan B (days from the start) as fixed values, so the mean (≈ 3.6 months) does not depend on the
    // seed: 15 at or before the start besides the −5-month one, 60 after the start spread over 0.4–9.2 months
    // (the longest trajectories get the longest times, so the end date rarely has to cut one short).
    const int32_t before_start[] = {0, 0, 0, 0, 0, -10, -20, -30, -45, -60, -75, -90, -100, -110, -120};
    std::vector<std::pair<int32_t, int>> later;  // (span, record) of the 60 activated after the start
    for (size_t k = 0; k < idx.size(); ++k) {
      SofsTrajectory& t = all[size_t(idx[k])];
      const int32_t span = t.einddatum - t.start_cb;
      if (int(k) < kPlanBActivated) {
        t.plan_b = act_type[k];
        t.plan_b_in_werking = StepCell::Date;
        if (k == 0) {
          t.plan_b_date = t.start_cb + std::min<int32_t>(span, 457);  // 15 months
        } else if (k == 1) {
          t.plan_b_date = t.start_cb - 153;  // 5 months before the start
        } else if (int(k) < 1 + kPlanBAtOrBeforeStart) {
          t.plan_b_date = t.start_cb + before_start[k - 2];
        } else {
          later.push_back({span, idx[k]});
        }
      } else {
        t.plan_b = other_type[k - size_t(kPlanBActivated)];
        t.plan_b_in_werking = other_cell[k - size_t(kPlanBActivated)];
      }
    }
    std::sort(later.begin(), later.end());
    for (size_t j = 0; j < later.size(); ++j) {
      SofsTrajectory& t = all[size_t(later[j].second)];
      const double m = 0.4 + 8.8 * double(j) / double(later.size() - 1);
      const int32_t days = std::max<int32_t>(1, int32_t(std::lround(m * 30.4375)));
      t.plan_b_date = t.start_cb + std::min(days, std::max<int32_t>(later[j].first, 1));
    }
  }

  // --- Step dates, meeting dates, consulent start and partnership cells.
  int32_t longest_plan_span = -1;
  size_t longest_plan = SIZE_MAX;
  for (size_t i = 0; i < all.size(); ++i) {
    SofsTrajectory& t = all[i];
    const int32_t end = t.closed ? t.einddatum : kAsOf;
    const int32_t span = std::max<int32_t>(end - t.start_cb, 1);
    for (int s = 0; s < kStepCount; ++s) {
      if (t.step[s] != StepCell::Date) continue;
      // Open trajectories are still under way: their steps sit earlier in the time elapsed so far.
      const double scale = t.closed ? 1.0 : 0.7;
      int32_t d = frac_date(rng, t.start_cb, span, kStepFrom[s] * scale, kStepTo[s] * scale);
      if (s == kMappingIntern && rng.chance(3, 100)) d = t.start_cb - int32_t(rng.range(365, 730));  // 1–2 years
      if (s == kPlanKind && t.step[kPlanVolwassenen] == StepCell::Date)
        d = std::max(d, t.step_date[kPlanVolwassenen]);
      if (s == kPlanVolwassenen) {
        d = std::min(d, t.start_cb + 670);  // at most 22 months
      }
      t.step_date[s] = std::min(d, end);
    }
    if (t.step[kPlanVolwassenen] == StepCell::Date && t.closed && span > longest_plan_span) {
      longest_plan_span = span;
      longest_plan = i;
    }
    if (t.meetings == MeetingCell::Date) t.meeting_date = frac_date(rng, t.start_cb, span, 0.1, 0.8);
    const bool consulent_data = t.organisation_index < 20 - kOrganisationsWithoutConsulent;
    if (consulent_data && rng.chance(85, 100))
      t.start_consulent = std::min(end, t.start_cb + int32_t(rng.range(-14, 45)));
    for (int s = 0; s < kStepCount; ++s) {
      const bool taken = t.step[s] == StepCell::Date || t.step[s] == StepCell::Ja;
      if (!taken || s == kVeiligheidsdoel) {
        t.cb[s] = t.consulent[s] = Involvement::Missing;
        continue;
      }
      t.cb[s] = rng.chance(95, 100) ? Involvement::Ja : Involvement::Nee;
      t.consulent[s] = !consulent_data                          ? Involvement::Missing
                       : rng.chance(uint64_t(kConsulentPct[s]), 100) ? Involvement::Ja
                                                                 : Involvement::Nee;
    }
  }
  // The longest closed trajectory with an adult plan has it at 22 months (the published maximum).
  if (longest_plan != SIZE_MAX && longest_plan_span >= 670)
    all[longest_plan].step_date[kPlanVolwassenen] = all[longest_plan].start_cb + 670;
  // One closed trajectory had its adult plan 3 months before the start (e.g. a repeat module), as published.
  for (size_t i = 0; i < size_t(kClosed); ++i) {
    if (i == longest_plan || all[i].step[kPlanVolwassenen] != StepCell::Date) continue;
    all[i].step_date[kPlanVolwassenen] = all[i].start_cb - 91;
    break;
  }
  {
    // Safety goal partnership: exact counts among the 308 trajectories that took the step.
    std::vector<int> taken, taken_consulent_org;
    for (size_t i = 0; i < all.size(); ++i) {
      SofsTrajectory& t = all[i];
      if (t.step[kVeiligheidsdoel] != StepCell::Date) {
        t.cb[kVeiligheidsdoel] = t.consulent[kVeiligheidsdoel] = Involvement::Missing;
        continue;
      }
      taken.push_back(int(i));
      t.consulent[kVeiligheidsdoel] = Involvement::Missing;
      if (t.organisation_index < 20 - kOrganisationsWithoutConsulent) {
        taken_consulent_org.push_back(int(i));
        t.consulent[kVeiligheidsdoel] = Involvement::Nee;
      }
    }
    rng.shuffle(taken);
    rng.shuffle(taken_consulent_org);
    for (size_t k = 0; k < taken.size(); ++k)
      all[size_t(taken[k])].cb[kVeiligheidsdoel] = int(k) < kSafetyGoalCb ? Involvement::Ja : Involvement::Nee;
    for (size_t k = 0; k < taken_consulent_org.size() && int(k) < kSafetyGoalConsulent; ++k)
      all[size_t(taken_consulent_org[k])].consulent[kVeiligheidsdoel] = Involvement::Ja;
  }

  // The as-of date is the latest date in the data: one open trajectory had a family mapping on 5 October 2023.
  for (int i : open_idx) {
    SofsTrajectory& t = all[size_t(i)];
    if (t.step[kMappingFamilie] == StepCell::Date) {
      t.step_date[kMappingFamilie] = kAsOf;
      break;
    }
  }

  // Export order: by start date (ties by a random key), ids numbered in that order.
  std::vector<std::pair<std::pair<int32_t, uint64_t>, size_t>> order;
  for (size_t i = 0; i < all.size(); ++i) order.push_back({{all[i].start_cb, rng.next()}, i});
  std::sort(order.begin(), order.end());
  std::vector<SofsTrajectory> sorted;
  sorted.reserve(all.size());
  for (const auto& o : order) sorted.push_back(std::move(all[o.second]));
  all = std::move(sorted);
  for (size_t i = 0; i < all.size(); ++i) all[i].traject_id = trajectory_id(first_number + i);
  detail::align_panel_plan_b(rng, all);  // the kerndataset case panel (case_panel.cpp)
  return demo;
}

}  // namespace detail
}  // namespace zicht::demo
