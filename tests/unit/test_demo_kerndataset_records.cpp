// The kerndataset demo's records (spec kerndataset.md §1.2, §1.4): the surveys at closure (parents and workers,
// children) and the follow-up linked to the SofS demo of the same seed — consent gating, due dates, re-referral,
// placement = the SofS plan B, and every deliberate quality case — for every test seed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kerndataset_test_support.h"

using namespace kerndataset_test;

namespace {

double cronbach_alpha(const std::vector<std::vector<int>>& rows) {
  const size_t k = rows.front().size();
  auto var = [](const std::vector<double>& x) {
    double m = 0, s = 0;
    for (double v : x) m += v;
    m /= double(x.size());
    for (double v : x) s += (v - m) * (v - m);
    return s / double(x.size() - 1);
  };
  double items = 0;
  std::vector<double> total(rows.size(), 0);
  for (size_t j = 0; j < k; ++j) {
    std::vector<double> col;
    for (size_t i = 0; i < rows.size(); ++i) {
      col.push_back(rows[i][j]);
      total[i] += rows[i][j];
    }
    items += var(col);
  }
  return double(k) / double(k - 1) * (1 - items / var(total));
}

void check_surveys(const Linked& l) {
  const KerndatasetDemo& d = l.d;
  // ouder: 94 trajectories of the 236 closed (40 %) plus the deliberate stray row; a worker row for 47.
  std::set<std::string> parent_traj, worker_traj;
  int parent_rows = 0, cells = 0, missing = 0, nvt = 0, unmatched = 0;
  std::map<int, int> labels;
  std::vector<std::vector<int>> fid, eff;
  std::map<std::string, std::pair<double, int>> parent_fid, worker_fid;  // traject → (sum of means, n)
  for (size_t i = 0; i < d.ouder.size(); ++i) {
    const KernOuder& o = d.ouder[i];
    if (!l.by_id.count(o.traject_id)) {
      ++unmatched;
      CHECK(i == d.quality.unmatched_ouder);
      continue;
    }
    CHECK(l.by_id.at(o.traject_id)->closed);
    CHECK(o.moment_bevraging == "afronding");
    CHECK(o.datum >= l.by_id.at(o.traject_id)->einddatum);
    CHECK(o.datum <= d.as_of);
    if (o.perspectief == "begeleider") {
      worker_traj.insert(o.traject_id);
      CHECK(o.rol.empty());
      double s = 0;
      for (int k = 0; k < 14; ++k) {
        CHECK((o.item[k] >= 1 && o.item[k] <= 5));
        s += o.item[k];
      }
      for (int k = 14; k < kParentItems; ++k) CHECK(o.item[k] == kItemMissing);
      worker_fid[o.traject_id] = {s / 14, 1};
      continue;
    }
    REQUIRE(o.perspectief == "ouder");
    CHECK((o.rol == "moeder" || o.rol == "vader" || o.rol == "andere opvoedingsfiguur"));
    parent_traj.insert(o.traject_id);
    ++parent_rows;
    bool complete_f = true, complete_e = true;
    double s = 0;
    int n = 0;
    for (int k = 0; k < kParentItems; ++k) {
      const int v = o.item[k];
      ++cells;
      if (v == kItemMissing) ++missing;
      else if (v == kItemNvt) {
        ++nvt;
        CHECK((k == 8 || k == 9));  // NVT only on the child items 9/10
      } else {
        labels[v]++;
        if (v > 5) CHECK(i == d.quality.out_of_range_ouder);
      }
      const bool valid = v >= 1 && v <= 5;
      (k < 14 ? complete_f : complete_e) &= valid;
      if (k < 14 && valid) s += v, ++n;
    }
    if (n > 0) {
      auto& p = parent_fid[o.traject_id];
      p.first += s / n;
      p.second++;
    }
    if (complete_f) fid.push_back(std::vector<int>(o.item, o.item + 14));
    if (complete_e) eff.push_back(std::vector<int>(o.item + 14, o.item + 28));
  }
  CHECK(unmatched == 1);
  CHECK(parent_traj.size() == 94);
  CHECK(worker_traj.size() == 47);
  CHECK(parent_rows > 94);  // some families answer with two parents
  CHECK(parent_rows < 2 * 94);
  for (int v = 1; v <= 5; ++v) CHECK(labels[v] > 0);  // every label used
  CHECK(labels[6] == 1);                                // the one out-of-range value
  CHECK(d.ouder[d.quality.out_of_range_ouder].item[4] == 6);
  CHECK(double(missing) / cells == Approx(0.03).margin(0.015));
  CHECK(nvt > 0);
  CHECK(labels[3] > labels[1]);  // Neutraal is a common answer
  // Subscales reliable (alpha ≈ 0.8–0.9) on complete cases.
  const double af = cronbach_alpha(fid), ae = cronbach_alpha(eff);
  INFO("alpha fidelity " << af << ", effectiveness " << ae);
  CHECK(af > 0.75);
  CHECK(af < 0.93);
  CHECK(ae > 0.75);
  CHECK(ae < 0.93);
  // Workers a little more positive than parents on o01–o14, on average over the paired trajectories.
  double gap = 0;
  int pairs = 0;
  for (const auto& w : worker_fid)
    if (parent_fid.count(w.first)) {
      gap += w.second.first - parent_fid[w.first].first / parent_fid[w.first].second;
      ++pairs;
    }
  REQUIRE(pairs > 30);
  CHECK(gap / pairs > 0.05);
  CHECK(gap / pairs < 0.8);

  // kind: 59 trajectories (25 %), ages 6–17, both bands well filled; Ja/Soms/Nee; k6 mostly Ja; a few empty.
  REQUIRE(d.kind.size() == 59);
  std::set<std::string> kids;
  int young = 0, old = 0, empty = 0, k6_ja = 0, k6_valid = 0;
  std::map<int, int> child_labels;
  for (const auto& k : d.kind) {
    kids.insert(k.traject_id);
    REQUIRE(l.by_id.count(k.traject_id));
    CHECK(l.by_id.at(k.traject_id)->closed);
    CHECK((k.leeftijd >= 6 && k.leeftijd <= 17));
    (k.leeftijd <= 11 ? young : old)++;
    for (int q = 0; q < kChildItems; ++q) {
      if (k.item[q] == kItemMissing) {
        ++empty;
        continue;
      }
      CHECK((k.item[q] >= 0 && k.item[q] <= 2));
      child_labels[k.item[q]]++;
    }
    if (k.item[9] != kItemMissing) {
      ++k6_valid;
      k6_ja += k.item[9] == 2;
    }
  }
  CHECK(kids.size() == 59);
  CHECK(young == 30);
  CHECK(old == 29);
  CHECK(empty > 0);
  CHECK(child_labels.size() == 3);
  CHECK(double(k6_ja) / k6_valid > 0.75);
}

void check_followup(const Linked& l) {
  const KerndatasetDemo& d = l.d;
  const auto& q = d.quality;
  std::map<std::string, const KernOpvolging*> closure;
  std::map<std::pair<std::string, std::string>, int> per_moment;
  std::map<std::string, int> consent;
  for (const auto& r : d.opvolging) {
    REQUIRE(l.by_id.count(r.traject_id));  // every follow-up id is a SofS id
    CHECK(l.by_id.at(r.traject_id)->closed);
    per_moment[{r.traject_id, r.moment}]++;
    CHECK(r.datum <= d.as_of);
    if (r.moment == "afronding") {
      closure[r.traject_id] = &r;
      consent[r.toestemming]++;
    } else {
      CHECK(r.toestemming.empty());
    }
  }
  // One closure row per closed SofS trajectory (the cohort, 236), dated at the einddatum.
  int closed = 0;
  for (const auto& t : l.sofs.trajectories) closed += t.closed;
  CHECK(closed == 236);
  CHECK(closure.size() == 236);
  CHECK(consent == std::map<std::string, int>{{"ja", 142}, {"nee", 47}, {"niet gevraagd", 47}});
  int placements = 0;
  for (const auto& p : closure) {
    const SofsTrajectory& t = *l.by_id.at(p.first);
    const KernOpvolging& a = *p.second;
    CHECK(a.datum == t.einddatum);
    CHECK((a.toestemming == "ja") == (a.toestemming_datum != kNoDate));
    // Placement = the SofS plan B was activated; where = the plan B type.
    const bool act = t.plan_b_in_werking == StepCell::Date;
    CHECK(a.uithuisplaatsing == (act ? "ja" : "nee"));
    placements += act;
    if (act && t.plan_b == "netwerk") CHECK(a.uithuisplaatsing_waar == "natuurlijk netwerk");
    if (act && t.plan_b == "verblijf") CHECK(a.uithuisplaatsing_waar == "verblijf");
    // Network figures at closure = the SofS value where known, except the handful listed.
    const bool listed = std::find(q.figures_differ.begin(), q.figures_differ.end(), p.first) != q.figures_differ.end();
    if (t.network_figures >= 0 && !listed) CHECK(a.n_netwerkfiguren == t.network_figures);
    if (listed) {
      const int diff = std::abs(a.n_netwerkfiguren - t.network_figures);
      CHECK((diff >= 1 && diff <= 2));
    }
  }
  CHECK(placements == 77);
  CHECK(q.figures_differ.size() == 5);

  // Consent gating: a later row only for consented trajectories whose due date has passed.
  int reached[3] = {0, 0, 0}, nee_rows[3] = {0, 0, 0}, no_row[3] = {0, 0, 0}, applicable[3] = {0, 0, 0};
  int rereferred12 = 0, answered12 = 0;
  std::map<std::string, bool> rereferred_so_far;
  for (size_t i = 0; i < d.opvolging.size(); ++i) {
    const KernOpvolging& r = d.opvolging[i];
    const int m = moment_index(r.moment);
    if (m < 0) continue;
    const KernOpvolging& a = *closure.at(r.traject_id);
    CHECK(a.toestemming == "ja");
    const SofsTrajectory& t = *l.by_id.at(r.traject_id);
    const int32_t due = add_months(t.einddatum, kMonths[m]);
    CHECK(due <= d.as_of);
    CHECK(r.kanaal == a.kanaal);
    const bool special = i == q.before_closure ||
                         std::find(q.mismatched_moment.begin(), q.mismatched_moment.end(), i) != q.mismatched_moment.end();
    if (!special) CHECK(std::abs(r.datum - due) <= 21);
    if (r.bereikt == "ja") {
      CHECK(!r.heraanmelding.empty());
      CHECK((r.heraanmelding == "ja") == (r.heraanmelding_datum != kNoDate));
      // Cumulative: once ja stays ja.
      bool& so_far = rereferred_so_far[r.traject_id];
      if (so_far) CHECK(r.heraanmelding == "ja");
      so_far = so_far || r.heraanmelding == "ja";
      if (m == 1) {
        ++answered12;
        rereferred12 += r.heraanmelding == "ja";
      }
      CHECK(!r.netwerk_samenkomst.empty());
      CHECK(!r.plan_bijgestuurd.empty());
      CHECK(r.n_netwerkfiguren >= 0);
      CHECK((r.n_personen_ouder >= 0 && r.n_personen_ouder <= 8));
      CHECK((r.n_personen_minderjarige >= 0 && r.n_personen_minderjarige <= 8));
    } else {
      CHECK(r.bereikt == "nee");
      CHECK(r.n_netwerkfiguren == -1);
    }
  }
  for (const auto& p : closure) {
    if (p.second->toestemming != "ja") continue;
    const SofsTrajectory& t = *l.by_id.at(p.first);
    for (int m = 0; m < 3; ++m) {
      if (add_months(t.einddatum, kMonths[m]) > d.as_of) continue;
      ++applicable[m];
      int rows = per_moment.count({p.first, kMonths[m] == 6 ? "6m" : kMonths[m] == 12 ? "12m" : "24m"})
                     ? per_moment.at({p.first, kMonths[m] == 6 ? "6m" : kMonths[m] == 12 ? "12m" : "24m"})
                     : 0;
      if (rows == 0) ++no_row[m];
    }
  }
  for (const auto& r : d.opvolging) {
    const int m = moment_index(r.moment);
    if (m < 0) continue;
    (r.bereikt == "ja" ? reached[m] : nee_rows[m])++;
  }
  // Reached ≈ 75 % at 6m, falling at 12m/24m; both kinds of Missing occur.
  CHECK(double(reached[0]) / applicable[0] == Approx(0.75).margin(0.1));
  CHECK(double(reached[1]) / applicable[1] < double(reached[0]) / applicable[0] + 0.05);
  for (int m = 0; m < 3; ++m) {
    INFO("moment " << m);
    CHECK(applicable[m] > 0);
    CHECK(nee_rows[m] > 0);
    CHECK(no_row[m] > 0);
  }
  CHECK(double(rereferred12) / answered12 == Approx(0.15).margin(0.1));
  // The network still meets less often as time passes.
  auto share_meeting = [&](const char* moment) {
    int yes = 0, n = 0;
    for (const auto& r : d.opvolging)
      if (r.moment == moment && r.bereikt == "ja") {
        ++n;
        yes += r.netwerk_samenkomst != "niet meer";
      }
    return double(yes) / n;
  };
  CHECK(share_meeting("24m") < share_meeting("6m"));
  // Texts are few, short and say they are synthetic; some are released.
  int texts = 0, released = 0, scales = 0;
  for (const auto& r : d.opvolging) {
    for (const std::string* t : {&r.signalen_veiliger, &r.signalen_welbevinden, &r.netwerk_samenkomst_toelichting,
                                 &r.plan_bijgestuurd_toelichting, &r.netwerk_grijpt_in})
      if (!t->empty()) {
        ++texts;
        CHECK(t->rfind("Synthetisch: ", 0) == 0);
      }
    released += r.vrijgegeven == "ja";
    if (r.veiligheidsschaal_ouder >= 0) {
      ++scales;
      CHECK(r.veiligheidsschaal_ouder <= 10);
    }
  }
  CHECK(texts > 0);
  CHECK(released > 0);
  CHECK(scales > 0);

  // Deliberate quality cases.
  // 3 withdrawals, each with a row dated after the withdrawal.
  REQUIRE(q.withdrawn.size() == 3);
  int withdrawals = 0;
  for (const auto& p : closure) withdrawals += p.second->toestemming_ingetrokken != kNoDate;
  CHECK(withdrawals == 3);
  std::set<std::string> after;
  for (size_t i : q.after_withdrawal) {
    const KernOpvolging& r = d.opvolging[i];
    CHECK(r.datum > closure.at(r.traject_id)->toestemming_ingetrokken);
    after.insert(r.traject_id);
  }
  CHECK(after == std::set<std::string>(q.withdrawn.begin(), q.withdrawn.end()));
  for (const auto& id : q.withdrawn) CHECK(closure.at(id)->toestemming == "ja");
  // One row dated before closure.
  {
    const KernOpvolging& r = d.opvolging[q.before_closure];
    CHECK(r.moment != "afronding");
    CHECK(r.datum < l.by_id.at(r.traject_id)->einddatum);
    int before = 0;
    for (const auto& x : d.opvolging) before += x.datum < l.by_id.at(x.traject_id)->einddatum;
    CHECK(before == 1);
  }
  // One duplicate moment.
  {
    int dups = 0;
    for (const auto& p : per_moment) dups += p.second > 1;
    CHECK(dups == 1);
    const KernOpvolging& r = d.opvolging[q.duplicate_moment];
    CHECK(per_moment.at({r.traject_id, r.moment}) == 2);
  }
  // Two moment/date mismatches: 3–4 months off the due date (outside the ±8 weeks window).
  REQUIRE(q.mismatched_moment.size() == 2);
  for (size_t i : q.mismatched_moment) {
    const KernOpvolging& r = d.opvolging[i];
    const int32_t due = add_months(l.by_id.at(r.traject_id)->einddatum, kMonths[moment_index(r.moment)]);
    CHECK(std::abs(r.datum - due) >= 90);
    CHECK(std::abs(r.datum - due) <= 125);
  }
}

}  // namespace

TEST_CASE("demo kerndataset: surveys at closure, linked to the SofS demo") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    check_surveys(make(seed));
  }
}

TEST_CASE("demo kerndataset: follow-up, consent gating and the deliberate quality cases") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    check_followup(make(seed));
  }
}

