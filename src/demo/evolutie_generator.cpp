// Zicht demo — the evolutie generator (issue 23; spec evolutie.md §5.2, §5.4), part of the "Vlaanderen-demo".
//
// Linked to the SofS demo of the same seed: the panel is case_panel_ids(generate_sofs(seed)), the same 18 ids as the
// kerndataset casus file. Exact for every seed (quotas, then seeded shuffles; the RNG only decides who gets what):
//  - meting, panel (instrument "veiligheidsschaal", domein "veiligheid"): 14 trajectories with two parents (moeder and
//    vader), 4 with one; rows at 0m (start_cb + 0–10 days), 3m and 6m (start + 3/6 calendar months ± 3 weeks) when
//    that due date is not after einddatum, and `einde` (dated einddatum) when the trajectory ran longer than 7
//    months. No row is dated after einddatum. The §5.2 classes (δ = 1; first matching rule; start = the 0m score,
//    end = the last scored moment, interim = the scores strictly between) come out as stijging 8, U-vorm 3, enkel
//    start 3, niet bevraagd 2, geen evolutie 2 (no daling, no gemengd). A trajectory's class must fit its length:
//    a 3m due date after the end leaves only 0m (enkel start / niet bevraagd), a U needs a 6m row (assign_classes).
//    "niet bevraagd" goes first to ids whose SofS veiligheidsschaal step is Nee or empty (Missing), so it agrees
//    with the SofS dashboard wherever the SofS demo has two such ids among the 18.
//  - telling, one row per panel id: professionals stijging 7 / stabiel 7 / daling 4; network figures stabiel 12 (7
//    of them with rolverandering "ja", every other id "nee"), stijging 5, daling 1 (by einde − start). The end count
//    is the SofS demo's network_figures wherever that is not empty (a stijging goes to an id whose end count is at
//    least 1; the fallback that raises a 0 to 1 never triggers for seeds 1..150, see the test).
//  - meting, life-domain cohort (synthetic; "SYN-J01" … "SYN-J24", instrument "levensdomeinen", nine made-up domain
//    names): 0m / 3m / 6m where due by the as-of date, a few moments and cells missing; 3 youngsters with a clear
//    U in every domain, 2 with a jump of ≥ 5 points in one domain; taal nl 21 / fr 3; opmerking "Synthetisch" on
//    each youngster's first row.
//  - fase, BN18 cohort (synthetic; "SYN-B01" … "SYN-B40"): 20 groep / 20 individueel; 24 complete phase 6, 12 drop
//    off (afgehaakt "ja" on their last phase, reden "Synthetisch: onbereikbaar" / "Synthetisch: afgehaakt"), 4 are
//    still under way; 4 skip phase 3; ages near the schema's phase ages; the phase-6 checklist is "ja" more often
//    after a group start (netwerk 11/13, rechten 10/13, weet waar 11/13 against 7/11, 6/11, 7/11).
// Deliberate quality cases, all in the life-domain cohort so the panel classes are untouched (EvoQualityCases):
//  1. window_mismatch: one 6m row dated 9–11 weeks after its due date (window ± 8 weeks);
//  2. duplicate_moment: a second 3m row for the same person and domain, a few days after the first;
//  3. out_of_range: one score "12" (range 0–10);
//  4. after_end: one youngster ended early — the cohort has no einddatum, so its "end" is the date of its `einde`
//     rows — and still has one 6m row dated after that.
// Every date is on or before the as-of date (the SofS demo's, 5 October 2023).
#include <algorithm>
#include <numeric>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

using detail::add_months;
using detail::ymd;

const int32_t kAsOf = ymd(2023, 10, 5);

enum Cls { kStijging, kUVorm, kEnkelStart, kNietBevraagd, kGeenEvolutie };
const char* const kClassNames[5] = {"stijging", "U-vorm", "enkel start", "niet bevraagd", "geen evolutie"};

const char* const kDomains[9] = {"wonen",      "financiën", "werk en dagbesteding", "onderwijs",  "gezondheid",
                                 "relaties",   "vrije tijd", "administratie",       "zelfzorg"};

// Scores in half points (7 → 14, 6,5 → 13), written with a decimal comma.
std::string half_points(int h) { return std::to_string(h / 2) + (h % 2 ? ",5" : ""); }
int clampi(int v, int lo, int hi) { return std::min(hi, std::max(lo, v)); }

int completed_years(int32_t birth, int32_t day) {
  int y1, y2;
  unsigned m1, d1, m2, d2;
  core::civil_from_days(birth, y1, m1, d1);
  core::civil_from_days(day, y2, m2, d2);
  return y2 - y1 - ((m2 < m1 || (m2 == m1 && d2 < d1)) ? 1 : 0);
}

// ---- Panel

struct PanelCase {
  const SofsTrajectory* t = nullptr;
  int tier = 0;        // 0: only 0m fits; 1: 0m and 3m; 2: 0m, 3m and 6m
  bool taken = false;  // SofS veiligheidsschaal step taken (a date or "ja")
  uint64_t key = 0;    // seeded tie-break
  int cls = -1;
};

// Exact class quotas, fitted to each trajectory's length: niet bevraagd first (not-taken SofS step, then the
// shortest), every trajectory where only 0m fits gets enkel start, U-vorm among those with a 6m row (taken step
// first), the remaining enkel start on the shortest, then geen evolutie 2 and stijging 8 at random.
void assign_classes(std::vector<PanelCase>& c) {
  auto pick = [&](int cls, int n, auto ok, auto less) {
    std::vector<size_t> cand;
    for (size_t i = 0; i < c.size(); ++i)
      if (c[i].cls < 0 && ok(c[i])) cand.push_back(i);
    std::stable_sort(cand.begin(), cand.end(), [&](size_t a, size_t b) { return less(c[a], c[b]); });
    int given = 0;
    for (size_t k = 0; k < cand.size() && given < n; ++k, ++given) c[cand[k]].cls = cls;
    return given;
  };
  auto any = [](const PanelCase&) { return true; };
  auto by_key = [](const PanelCase& a, const PanelCase& b) { return a.key < b.key; };
  pick(kNietBevraagd, 2, any, [](const PanelCase& a, const PanelCase& b) {
    if (a.taken != b.taken) return !a.taken;
    if (a.tier != b.tier) return a.tier < b.tier;
    return a.key < b.key;
  });
  const int forced = pick(kEnkelStart, 3, [](const PanelCase& p) { return p.tier == 0; }, by_key);
  pick(kUVorm, 3, [](const PanelCase& p) { return p.tier == 2; }, [](const PanelCase& a, const PanelCase& b) {
    if (a.taken != b.taken) return a.taken;
    return a.key < b.key;
  });
  pick(kEnkelStart, 3 - forced, any, [](const PanelCase& a, const PanelCase& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    return a.key < b.key;
  });
  pick(kGeenEvolutie, 2, [](const PanelCase& p) { return p.tier > 0; }, by_key);
  pick(kStijging, 8, [](const PanelCase& p) { return p.tier > 0; }, by_key);
}

struct Moment {
  const char* code;
  int32_t datum;
  std::string ingevuld;
};

// Half-point scores of one parent over the moments (index 0 = 0m); -1 = "niet gesteld", -2 = empty, -3 = no row.
std::vector<int> parent_scores(Rng& rng, int cls, size_t n, bool dips, int family_base) {
  std::vector<int> h(n, -3);
  switch (cls) {
    case kNietBevraagd:
    case kEnkelStart:
      break;  // filled by the caller
    case kGeenEvolutie: {
      const int s0 = 2 * clampi(family_base + int(rng.range(0, 2)), 4, 8);
      h[0] = s0;
      for (size_t k = 1; k + 1 < n; ++k) h[k] = s0 + int(rng.range(-1, 2));
      if (n > 1) h[n - 1] = s0 + int(rng.range(-1, 1));
      break;
    }
    case kUVorm:
      if (dips) {
        const int s0 = clampi(family_base + int(rng.range(1, 3)), 4, 7), d = int(rng.range(1, 3));
        const int s3 = s0 - d, s6 = std::min(10, s3 + int(rng.range(1, d + 1)));
        h[0] = 2 * s0;
        h[1] = 2 * s3;
        h[2] = 2 * s6;
        if (n > 3) h[3] = 2 * std::min(10, s6 + int(rng.range(0, 2)));
        break;
      }
      [[fallthrough]];  // the other parent of a U may simply rise
    case kStijging: {
      const int s0 = clampi(family_base + int(rng.range(-1, 1)), 1, 7);
      const int g = std::min(int(rng.range(1, 4)), 10 - s0);
      h[0] = 2 * s0;
      h[n - 1] = 2 * (s0 + g);
      std::vector<int> mid;
      for (size_t k = 1; k + 1 < n; ++k) mid.push_back(int(rng.range(2 * s0, 2 * (s0 + g))));
      std::sort(mid.begin(), mid.end());  // never a dip, so never a U
      for (size_t k = 1; k + 1 < n; ++k) h[k] = mid[k - 1];
      break;
    }
  }
  return h;
}

void make_panel(Rng& rng, const SofsDemo& sofs, EvolutieDemo& d) {
  std::vector<PanelCase> cases;
  for (size_t i : case_panel_indices(sofs.trajectories)) {
    PanelCase p;
    p.t = &sofs.trajectories[i];
    const int32_t s = p.t->start_cb, e = p.t->einddatum;
    p.tier = add_months(s, 6) <= e ? 2 : add_months(s, 3) <= e ? 1 : 0;
    p.taken = p.t->step[kVeiligheidsschaal] == StepCell::Date || p.t->step[kVeiligheidsschaal] == StepCell::Ja;
    p.key = rng.next();
    cases.push_back(p);
  }
  assign_classes(cases);
  std::vector<int> parents = quota<int>({{2, 14}, {1, 4}});
  rng.shuffle(parents);

  for (size_t i = 0; i < cases.size(); ++i) {
    const PanelCase& p = cases[i];
    const SofsTrajectory& t = *p.t;
    d.panel_ids.push_back(t.traject_id);
    d.panel_class.push_back(kClassNames[p.cls]);
    const int32_t s = t.start_cb, e = t.einddatum;
    auto how = [&] {
      const uint64_t r = rng.below(100);
      return std::string(r < 55 ? "samen met trajectgezel" : r < 85 ? "in de ruimte" : "zelf");
    };
    std::vector<Moment> moments = {{"0m", std::min(e, s + int32_t(rng.range(0, 10))), how()}};
    if (p.tier >= 1) moments.push_back({"3m", std::min(e, add_months(s, 3) + int32_t(rng.range(-21, 21))), how()});
    // A due 6m measurement that was not done (Missing) now and then, where a U does not need it.
    const bool einde = add_months(s, 7) < e;
    if (p.tier == 2 && !(p.cls != kUVorm && einde && rng.chance(1, 4)))
      moments.push_back({"6m", std::min(e, add_months(s, 6) + int32_t(rng.range(-21, 21))), how()});
    if (einde) moments.push_back({"einde", e, how()});
    const size_t n = moments.size();

    std::vector<std::pair<std::string, std::string>> who;  // rol, persoon suffix
    if (parents[i] == 2) who = {{"moeder", "-M"}, {"vader", "-V"}};
    else if (rng.chance(3, 4)) who = {{"moeder", "-M"}};
    else who = {{"vader", "-V"}};
    const int family_base = int(rng.range(2, 6));
    const int later = int(rng.below(3));  // niet bevraagd / enkel start: later rows absent, "niet gesteld" or empty
    for (size_t w = 0; w < who.size(); ++w) {
      std::vector<int> h = parent_scores(rng, p.cls, n, w == 0 || rng.chance(1, 2), family_base);
      if (p.cls == kNietBevraagd || p.cls == kEnkelStart) {
        h[0] = p.cls == kNietBevraagd ? -1 : 2 * clampi(family_base + int(rng.range(0, 2)), 2, 8);
        for (size_t k = 1; k < n; ++k) h[k] = later == 0 ? -3 : (p.cls == kEnkelStart || later == 1) ? -1 : -2;
      }
      // Now and then an interim score is left empty (the moment was held, the scale not filled in).
      if ((p.cls == kStijging || p.cls == kGeenEvolutie) && n > 2 && rng.chance(1, 6)) h[1] = -2;
      for (size_t k = 0; k < n; ++k) {
        if (h[k] == -3) continue;
        EvoMeting m;
        m.traject_id = t.traject_id;
        m.persoon_id = t.traject_id + who[w].second;
        m.rol = who[w].first;
        m.instrument_id = "veiligheidsschaal";
        m.domein = "veiligheid";
        m.moment = moments[k].code;
        m.datum = moments[k].datum;
        m.score = h[k] >= 0 ? half_points(h[k]) : h[k] == -1 ? "niet gesteld" : "";
        m.ingevuld = h[k] >= 0 ? moments[k].ingevuld : "begeleider";
        m.taal = "nl";
        if (w == 0 && k == 0 && p.cls == kNietBevraagd) m.opmerking = "Synthetisch: schaalvraag niet gebruikt";
        if (k == 1 && p.cls == kUVorm && h[1] < h[0]) m.opmerking = "Synthetisch: crisis thuis rond drie maanden";
        d.meting.push_back(m);
      }
    }
  }

  // ---- telling
  const size_t np = cases.size();
  std::vector<int> prof = quota<int>({{1, 7}, {0, 7}, {-1, 4}});
  rng.shuffle(prof);
  std::vector<int> net_end(np);
  for (size_t i = 0; i < np; ++i)
    net_end[i] = cases[i].t->network_figures >= 0 ? cases[i].t->network_figures : int(rng.range(1, 8));
  // Network: stijging 5 among ids whose end count is ≥ 1 (start ≥ 0), daling 1 and stabiel 12 among the rest.
  std::vector<size_t> order(np);
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(order);
  std::stable_partition(order.begin(), order.end(), [&](size_t i) { return net_end[i] >= 1; });
  std::vector<int> net(np, 0);
  for (size_t k = 0; k < 5; ++k) net[order[k]] = 1;
  std::vector<size_t> rest(order.begin() + 5, order.end());
  rng.shuffle(rest);
  net[rest[0]] = -1;
  for (size_t k = 1; k <= 7; ++k) net[rest[k]] = 2;  // stabiel with a changed role
  for (size_t i = 0; i < np; ++i) {
    EvoTelling r;
    r.traject_id = cases[i].t->traject_id;
    r.prof_start = int(rng.range(2, 6));
    r.prof_einde = r.prof_start + (prof[i] > 0 ? int(rng.range(1, 3)) : prof[i] < 0 ? -int(rng.range(1, 2)) : 0);
    r.net_einde = net_end[i];
    if (net[i] == 1 && r.net_einde < 1) r.net_einde = 1;  // fallback (never for seeds 1..150): differs from SofS
    r.net_start = net[i] == 1 ? r.net_einde - int(rng.range(1, std::min(3, r.net_einde)))
                  : net[i] == -1 ? r.net_einde + int(rng.range(1, 3))
                                 : r.net_einde;
    r.rolverandering = net[i] == 2 ? "ja" : "nee";
    d.telling.push_back(r);
  }
}

// ---- Life-domain cohort

void make_cohort(Rng& rng, EvolutieDemo& d) {
  const int n = 24;
  std::vector<int32_t> start(n);
  std::vector<size_t> early;  // 6m due at least 80 days before the as-of date: room for every special case
  for (int k = 0; k < n; ++k) {
    start[size_t(k)] = ymd(2022, 8, 1) + 12 * k + int32_t(rng.range(0, 6));
    if (add_months(start[size_t(k)], 6) + 80 <= kAsOf) early.push_back(size_t(k));
  }
  rng.shuffle(early);
  enum Role { kNormal, kU, kJump, kWindow, kDuplicate, kRange, kAfterEnd };
  std::vector<int> role(n, kNormal);
  const int roles[] = {kU, kU, kU, kJump, kJump, kWindow, kDuplicate, kRange, kAfterEnd};
  for (size_t k = 0; k < 9; ++k) role[early[k]] = roles[k];
  std::vector<int> fr = quota<int>({{1, 3}, {0, n - 3}});
  rng.shuffle(fr);

  for (int k = 0; k < n; ++k) {
    const int r = role[size_t(k)];
    const bool special = r != kNormal;
    std::string id = std::string("SYN-J") + (k + 1 < 10 ? "0" : "") + std::to_string(k + 1);
    const int32_t s = start[size_t(k)];
    struct M { const char* code; int32_t due; };
    std::vector<M> ms = {{"0m", s}};
    if (add_months(s, 3) <= kAsOf) ms.push_back({"3m", add_months(s, 3)});
    if (r == kAfterEnd) ms.push_back({"einde", s + int32_t(rng.range(125, 145))});
    else if (add_months(s, 6) <= kAsOf) ms.push_back({"6m", add_months(s, 6)});
    // Scores per domain and moment (-1 = empty).
    const int theta = int(rng.range(-2, 2));
    const size_t jump_domain = size_t(rng.below(9));
    std::vector<std::vector<int>> v(ms.size(), std::vector<int>(9, -1));
    for (size_t dm = 0; dm < 9; ++dm) {
      int v0 = clampi(5 + theta + int(rng.range(-2, 2)), 1, 9), v3, v6;
      if (r == kU) {
        v0 = std::max(v0, 4);
        v3 = v0 - int(rng.range(2, 3));
        v6 = std::min(10, v0 + int(rng.range(0, 2)));
      } else if (r == kJump && dm == jump_domain) {
        v0 = int(rng.range(1, 3));
        v3 = v0 + int(rng.range(1, 3));
        v6 = std::min(10, v0 + int(rng.range(5, 7)));
      } else {
        // One draw per statement: the order of two draws in one expression is unspecified (native vs wasm).
        const int step3 = int(rng.range(-1, 1));
        v3 = clampi(v0 + step3 + (rng.chance(1, 3) ? 1 : 0), 0, 10);
        const int step6 = int(rng.range(-1, 1));
        v6 = clampi(v3 + step6 + (rng.chance(1, 3) ? 1 : 0), 0, 10);
      }
      const int by_moment[3] = {v0, v3, v6};
      for (size_t mi = 0; mi < ms.size(); ++mi) {
        v[mi][dm] = by_moment[std::min<size_t>(mi, 2)];
        if (!special && mi > 0 && rng.chance(1, 40)) v[mi][dm] = -1;
      }
    }
    bool first = true;
    for (size_t mi = 0; mi < ms.size(); ++mi) {
      if (!special && mi > 0 && rng.chance(1, 10)) continue;  // a due moment without any row (Missing)
      const uint64_t hr = rng.below(100);
      const std::string how = hr < 35   ? "zelf"
                              : hr < 75 ? "samen met trajectgezel"
                              : hr < 90 ? "begeleider"
                                        : "in de ruimte";
      const int32_t datum = mi == 0 ? s
                            : std::string(ms[mi].code) == "einde"
                                ? ms[mi].due
                                : std::min(kAsOf, ms[mi].due + int32_t(rng.range(-14, 14)));
      const size_t window_domain = size_t(rng.below(9)), range_domain = size_t(rng.below(9));
      for (size_t dm = 0; dm < 9; ++dm) {
        EvoMeting m;
        m.jongere_id = id;
        m.persoon_id = id;
        m.rol = "jongere";
        m.instrument_id = "levensdomeinen";
        m.domein = kDomains[dm];
        m.moment = ms[mi].code;
        m.datum = datum;
        m.score = v[mi][dm] >= 0 ? std::to_string(v[mi][dm]) : std::string();
        m.ingevuld = how;
        m.taal = fr[size_t(k)] ? "fr" : "nl";
        if (first) m.opmerking = "Synthetisch";
        first = false;
        if (r == kWindow && std::string(m.moment) == "6m" && dm == window_domain) {
          m.datum = ms[mi].due + int32_t(rng.range(63, 77));  // filled in 9–11 weeks late
          d.quality.window_mismatch = d.meting.size();
        }
        if (r == kRange && mi == 0 && dm == range_domain) {
          m.score = "12";
          d.quality.out_of_range = d.meting.size();
        }
        d.meting.push_back(m);
        if (r == kDuplicate && std::string(m.moment) == "3m" && dm == window_domain) {
          EvoMeting dup = m;
          dup.datum = std::min(kAsOf, m.datum + int32_t(rng.range(2, 7)));
          dup.score = std::to_string(clampi(v[mi][dm] + (rng.chance(1, 2) ? 1 : -1), 0, 10));
          d.quality.duplicate_moment = d.meting.size();
          d.meting.push_back(dup);
        }
      }
    }
    if (r == kAfterEnd) {  // ended early (its `einde` rows), yet one 6m measurement after that
      EvoMeting m = d.meting.back();
      m.moment = "6m";
      m.datum = add_months(s, 6) + int32_t(rng.range(0, 14));
      m.score = std::to_string(v.back()[8]);  // as at its einde row: no "jump" by accident
      m.opmerking.clear();
      d.quality.after_end = d.meting.size();
      d.meting.push_back(m);
    }
  }
}

// ---- BN18 cohort

void make_fase(Rng& rng, EvolutieDemo& d) {
  enum Status { kComplete, kDropped, kUnderWay };
  struct Y { int groep, status, last = 6; };
  std::vector<Y> ys;
  auto add = [&](int groep, int status, int count) {
    for (int i = 0; i < count; ++i) ys.push_back({groep, status});
  };
  add(1, kComplete, 13); add(1, kDropped, 5); add(1, kUnderWay, 2);
  add(0, kComplete, 11); add(0, kDropped, 7); add(0, kUnderWay, 2);
  rng.shuffle(ys);
  std::vector<int> drop_phase = quota<int>({{1, 1}, {2, 3}, {3, 3}, {4, 3}, {5, 2}});
  std::vector<int> reason = quota<int>({{0, 6}, {1, 6}});
  std::vector<int> underway = quota<int>({{3, 1}, {4, 1}, {5, 2}});
  rng.shuffle(drop_phase);
  rng.shuffle(reason);
  rng.shuffle(underway);
  size_t di = 0, ui = 0;
  for (Y& y : ys) y.last = y.status == kComplete ? 6 : y.status == kDropped ? drop_phase[di++] : underway[ui++];
  // The phase-6 checklist by start form: "ervaring in groep heeft meer effect" (exact counts, shuffled).
  std::vector<std::vector<int>> check[2];
  for (int g = 0; g < 2; ++g) {
    const int total = g ? 13 : 11;
    const int yes[2][3] = {{7, 6, 7}, {11, 10, 11}};
    for (int item = 0; item < 3; ++item) {
      std::vector<int> v = quota<int>({{1, yes[g][item]}, {0, total - yes[g][item]}});
      rng.shuffle(v);
      check[g].push_back(v);
    }
  }
  size_t ci[2] = {0, 0};
  std::vector<size_t> skip_cand;
  for (size_t i = 0; i < ys.size(); ++i)
    if (ys[i].last >= 4) skip_cand.push_back(i);
  rng.shuffle(skip_cand);
  std::vector<uint8_t> skips(ys.size(), 0);
  for (size_t k = 0; k < 4; ++k) skips[skip_cand[k]] = 1;

  const double target_years[7] = {0, 15.6, 16.2, 17.1, 17.6, 18.2, 18.9};
  size_t ri = 0;
  for (size_t i = 0; i < ys.size(); ++i) {
    const Y& y = ys[i];
    std::string id = std::string("SYN-B") + (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    const int32_t shift = int32_t(rng.range(-90, 90));
    int32_t rel[7];
    for (int f = 1; f <= 6; ++f) {
      rel[f] = int32_t(target_years[f] * 365.25) + shift + int32_t(rng.range(-30, 30));
      if (f == 6) rel[f] += int32_t(rng.range(0, 400));  // the afronding comes between 18 and 20
    }
    const int32_t anchor = y.status == kComplete ? kAsOf - int32_t(rng.range(10, 900))
                           : y.status == kDropped ? kAsOf - int32_t(rng.range(30, 1000))
                                                  : kAsOf - int32_t(rng.range(10, 60));
    const int32_t birth = anchor - rel[y.last];
    for (int f = 1; f <= y.last; ++f) {
      if (f == 3 && skips[i]) continue;  // allowed: "loopt niet altijd zo"
      EvoFase r;
      r.jongere_id = id;
      r.fase = std::to_string(f);
      r.datum_in = birth + rel[f];
      r.leeftijd = completed_years(birth, r.datum_in);
      r.vorm = y.groep ? "groep" : "individueel";
      const bool school = f <= 3 ? rng.chance(7, 10) : rng.chance(3, 10);
      r.locatie = school ? "school/voorziening" : "JAC/OverKop-huis";
      r.afgehaakt = y.status == kDropped && f == y.last ? "ja" : "nee";
      if (r.afgehaakt == "ja") r.reden_afhaken = reason[ri++] ? "Synthetisch: onbereikbaar" : "Synthetisch: afgehaakt";
      if (f == 6) {
        const int g = y.groep;
        const size_t c = ci[g]++;
        r.netwerk_uitgebouwd = check[g][0][c] ? "ja" : "nee";
        r.kent_rechten = check[g][1][c] ? "ja" : "nee";
        r.weet_waar_terecht = check[g][2][c] ? "ja" : "nee";
        r.terugvalbasis = rng.chance(3, 5) ? "JAC" : "volwassenonthaal CAW";
      }
      d.fase.push_back(r);
    }
  }
}

// ---- CSV

using detail::csv_count;
using detail::csv_date;
using detail::csv_field;
using detail::csv_part;

}  // namespace

EvolutieDemo generate_evolutie(uint64_t seed) {
  const SofsDemo sofs = generate_sofs(seed);
  EvolutieDemo d;
  d.as_of = sofs.as_of;
  Rng panel_rng(derive_seed(seed, 0x45564F50));   // "EVOP"
  Rng cohort_rng(derive_seed(seed, 0x45564F43));  // "EVOC"
  Rng fase_rng(derive_seed(seed, 0x45564F46));    // "EVOF"
  make_panel(panel_rng, sofs, d);
  make_cohort(cohort_rng, d);
  make_fase(fase_rng, d);

  EvoInstrument v;
  v.instrument_id = "veiligheidsschaal";
  v.naam = "SofS veiligheidsschaal";
  v.domeinen = "veiligheid";
  v.richting = "hoger is beter";
  // Verbatim from assets/schemas/evolutie.json settings.presets (003:L6068–6075).
  v.anker_min = "mama, papa en de jongere hebben geen plan en het explodeert thuis de hele tijd …";
  v.anker_max = "Zelf op moeilijke stressvolle momenten zorgen mama, papa, de jongere en het netwerk er dankzij het "
                "plan voor dat het voor de jongere thuis een goede en veilige plek is";
  v.taal = "nl";
  EvoInstrument l;
  l.instrument_id = "levensdomeinen";
  l.naam = "Levensdomeinen (9)";
  for (const char* dm : kDomains) l.domeinen += (l.domeinen.empty() ? "" : "; ") + std::string(dm);
  l.richting = "hoger is beter";
  l.taal = "nl";
  d.instrument = {v, l};
  return d;
}

std::string evolutie_csv(const EvolutieDemo& d, const std::string& part, uint64_t rows) {
  if (part == "meting" || part == "modules")
    return csv_part(d.meting,
                    {"traject_id", "jongere_id", "persoon_id", "rol", "instrument_id", "domein", "moment", "datum",
                     "score", "ingevuld", "taal", "opmerking"},
                    rows, [](std::string& out, const EvoMeting& m) {
                      csv_field(out, m.traject_id, true);
                      for (const std::string* s : {&m.jongere_id, &m.persoon_id, &m.rol, &m.instrument_id, &m.domein,
                                                   &m.moment})
                        csv_field(out, *s);
                      csv_date(out, m.datum);
                      for (const std::string* s : {&m.score, &m.ingevuld, &m.taal, &m.opmerking}) csv_field(out, *s);
                    });
  if (part == "telling")
    return csv_part(d.telling,
                    {"traject_id", "n_professionelen_start", "n_professionelen_einde", "n_netwerkfiguren_start",
                     "n_netwerkfiguren_einde", "rolverandering"},
                    rows, [](std::string& out, const EvoTelling& t) {
                      csv_field(out, t.traject_id, true);
                      for (int c : {t.prof_start, t.prof_einde, t.net_start, t.net_einde}) csv_count(out, c);
                      csv_field(out, t.rolverandering);
                    });
  if (part == "fase")
    return csv_part(d.fase,
                    {"jongere_id", "programma", "fase", "datum_in", "leeftijd", "vorm", "locatie", "afgehaakt",
                     "reden_afhaken", "netwerk_uitgebouwd", "kent_rechten", "weet_waar_terecht", "terugvalbasis"},
                    rows, [](std::string& out, const EvoFase& f) {
                      csv_field(out, f.jongere_id, true);
                      csv_field(out, f.programma);
                      csv_field(out, f.fase);
                      csv_date(out, f.datum_in);
                      csv_count(out, f.leeftijd);
                      for (const std::string* s : {&f.vorm, &f.locatie, &f.afgehaakt, &f.reden_afhaken,
                                                   &f.netwerk_uitgebouwd, &f.kent_rechten, &f.weet_waar_terecht,
                                                   &f.terugvalbasis})
                        csv_field(out, *s);
                    });
  if (part == "instrument")
    return csv_part(d.instrument,
                    {"instrument_id", "naam", "domeinen", "min", "max", "richting", "anker_min", "anker_max", "taal"},
                    rows, [](std::string& out, const EvoInstrument& i) {
                      csv_field(out, i.instrument_id, true);
                      csv_field(out, i.naam);
                      csv_field(out, i.domeinen);
                      csv_field(out, std::to_string(i.min));
                      csv_field(out, std::to_string(i.max));
                      for (const std::string* s : {&i.richting, &i.anker_min, &i.anker_max, &i.taal}) csv_field(out, *s);
                    });
  return {};
}

}  // namespace zicht::demo
