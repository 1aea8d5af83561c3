// Zicht demo — the kerndataset generator ("Vlaanderen-demo", issue 20; spec kerndataset.md §1.2, §1.4, §1.5).
//
// Linked to the SofS demo of the same seed: the cohort is its 236 closed trajectories (as of 5 October 2023) and
// every traject_id is a SofS demo id, except the deliberate case below. Exact for every seed (counts are quotas,
// the RNG only decides who gets what):
//  - casus: the 18 ids of case_panel_ids(generate_sofs(seed)); vervolg OCJ/SDJ/VK 11, reguliere contextbegeleiding
//    4, geen hulp 2, empty 1; signalen_aangemelde ja 16; signalen_alle ja 13; wissel_begeleider ja 6;
//    netwerk_uiteengevallen ja 3; financiele_problemen ja 5; complicerende_factor ja 15 / nee 3; ouder_bevraagd
//    moeder 8 / vader 4 / geen 6; blijvende_angst ja 5 of the 12 interviewed, NVT for the 6 others. (The SofS
//    side — plan B netwerk 12 / verblijf 6, activated 5 — is arranged in sofs_generator.cpp.)
//  - zelfevaluatie: 36 respondents; groep Antwerpen 7 / Brussel 6 / Online 8 / Hasselt 6 on 8, 9, 16, 22 May
//    2023; groep × functie = Table 2; 8 "niet aanwezig" and 1 "onbekend" (golf 22 May 2023); regio over the 27
//    participants Antwerpen 8, West-Vlaanderen 6, Oost-Vlaanderen 2, Vlaams-Brabant & Brussel 6, Limburg 5; 11
//    made-up organisations, all among the participants; l1–l6/partners/ict for 18 of 36.
//  - opvolging: one afronding row per closed trajectory (236), consent ja 142 / nee 47 / niet gevraagd 47.
//  - ouder: 94 trajectories (40 %) with 1–2 parents, a worker row (o01–o14) for 47 of them; kind: 59 (25 %),
//    ages 6–11 and 12–17 30 / 29.
// Approximate (chance): reached 75 % at 6m, 65 % at 12m, 55 % at 24m; re-referral ≈ 15 % by 12m; answers.
//
// Deliberate quality cases (the analysis must flag each; tests/unit/test_demo_kerndataset.cpp finds them all):
//  1. one ouder row whose traject_id is no SofS id ("ZD-0000371", one past the last);
//  2. one ouder item value "6" (o05, out of range);
//  3. one opvolging row (a 6m row) dated before the trajectory's closure;
//  4. one duplicate moment (a trajectory with two 6m rows);
//  5. two rows dated 3–4 months before their moment's due date (moment/date mismatch; window ±8 weeks);
//  6. exactly 3 families withdraw consent (toestemming_ingetrokken on the afronding row, between +6 and +12
//     months) and still have a 12m row dated after the withdrawal;
//  7. 5 trajectories whose closure n_netwerkfiguren differs by 1–2 from the SofS value (a note, not an error).
// No contact data column (kanaal type only). No row after 5 October 2023.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

using detail::add_months;
using detail::ymd;

constexpr const char* kEol = "\r\n";

const char* const kLikert[5] = {"Helemaal niet akkoord", "Niet akkoord", "Neutraal", "Akkoord", "Helemaal akkoord"};
const char* const kChildLabel[3] = {"Nee", "Soms", "Ja"};
const char* const kChildIds[kChildItems] = {"k1a", "k1b", "k1c", "k1d", "k1e", "k2", "k3", "k4", "k5", "k6", "k7"};
const char* const kSelfIds[kSelfItems] = {"i1a", "i1b", "i1c", "i1d", "i2a", "i2b", "i2c", "i2d",
                                          "i3a", "i3b", "i3c", "i4a", "i4b", "i4c", "finale", "volledig"};
const char* const kSelfExtraIds[kSelfExtras] = {"l1", "l2", "l3", "l4", "l5", "l6", "partners_geinformeerd", "ict"};

// Approximately standard normal (Irwin–Hall of 12 uniforms): additions only, identical on every platform.
double normal(Rng& rng) {
  double s = 0;
  for (int i = 0; i < 12; ++i) s += rng.unit();
  return s - 6.0;
}
int clampi(long v, int lo, int hi) { return int(std::min<long>(hi, std::max<long>(lo, v))); }

// Made-up organisations for the self-assessment (herbs; never real names), with their region.
struct SelfOrg {
  const char* name;
  int region;
};
const char* const kRegions[5] = {"Antwerpen", "West-Vlaanderen", "Oost-Vlaanderen", "Vlaams-Brabant & Brussel",
                                 "Limburg"};
const int kRegionCount[5] = {8, 6, 2, 6, 5};  // over the 27 participants
const SelfOrg kSelfOrgs[11] = {{"Demo Basilicum", 0},  {"Demo Citroenmelisse", 0}, {"Demo Dragon", 0},
                               {"Demo Kervel", 1},     {"Demo Lavas", 1},          {"Demo Marjolein", 2},
                               {"Demo Munt", 3},       {"Demo Oregano", 3},        {"Demo Peterselie", 3},
                               {"Demo Rozemarijn", 4}, {"Demo Salie", 4}};

// Synthetic signal texts (obviously not from a real family).
const char* const kSignalsSafer[] = {"Synthetisch: kind slaapt terug thuis",
                                     "Synthetisch: oma komt elke woensdag langs",
                                     "Synthetisch: geen politie-interventies meer",
                                     "Synthetisch: ouders spreken af wie de kinderen ophaalt"};
const char* const kSignalsWellbeing[] = {"Synthetisch: kind lacht meer en gaat graag naar school",
                                         "Synthetisch: mama zegt dat ze beter slaapt",
                                         "Synthetisch: jongere heeft een nieuwe hobby"};
const char* const kMeetingNotes[] = {"Synthetisch: via een groepsgesprek op de app",
                                     "Synthetisch: samen eten bij de buurvrouw",
                                     "Synthetisch: enkel nog bij verjaardagen"};
const char* const kPlanNotes[] = {"Synthetisch: nieuwe afspraak over het ophalen na school",
                                  "Synthetisch: tante neemt de rol van de nonkel over"};
const char* const kInterventions[] = {"Synthetisch: buurman belde de grootvader toen het misliep",
                                      "Synthetisch: oom bleef een nacht slapen"};

template <size_t N>
const char* pick(Rng& rng, const char* const (&list)[N]) {
  return list[rng.below(N)];
}

// ---- CSV

void field(std::string& out, const std::string& v, bool first = false) { detail::csv_field(out, v, first); }
void date_field(std::string& out, int32_t d) { field(out, d == kNoDate ? std::string() : format_date(d)); }
void count_field(std::string& out, int v) { field(out, v < 0 ? std::string() : std::to_string(v)); }
void header(std::string& out, const std::vector<std::string>& ids) {
  for (size_t i = 0; i < ids.size(); ++i) field(out, ids[i], i == 0);
  out += kEol;
}
std::string parent_item_text(int v) {
  if (v == kItemMissing) return {};
  if (v == kItemNvt) return "NVT";
  if (v >= 1 && v <= 5) return kLikert[v - 1];
  return std::to_string(v);  // the deliberate out-of-range value
}

std::vector<std::string> ouder_header() {
  std::vector<std::string> h = {"traject_id", "respondent_id", "rol", "perspectief", "moment_bevraging", "datum",
                                "afname"};
  for (int i = 1; i <= kParentItems; ++i) h.push_back(std::string(i < 10 ? "o0" : "o") + std::to_string(i));
  return h;
}
std::vector<std::string> kind_header() {
  std::vector<std::string> h = {"traject_id", "respondent_id", "moment_bevraging", "datum", "leeftijd",
                                "afname_kind"};
  for (const char* id : kChildIds) h.push_back(id);
  return h;
}
std::vector<std::string> opvolging_header() {
  return {"traject_id",        "moment",
          "datum",             "toestemming",
          "toestemming_datum", "toestemming_ingetrokken",
          "kanaal",            "bereikt",
          "heraanmelding",     "heraanmelding_datum",
          "uithuisplaatsing",  "uithuisplaatsing_waar",
          "n_netwerkfiguren",  "n_personen_ouder",
          "n_personen_minderjarige", "signalen_veiliger",
          "signalen_welbevinden", "netwerk_samenkomst",
          "netwerk_samenkomst_toelichting", "plan_bijgestuurd",
          "plan_bijgestuurd_toelichting", "netwerk_grijpt_in",
          "veiligheidsschaal_ouder", "vrijgegeven"};
}
std::vector<std::string> zelfevaluatie_header() {
  std::vector<std::string> h = {"respondent_id", "organisatie", "team", "regio", "groep", "functie", "golf"};
  for (const char* id : kSelfIds) h.push_back(id);
  for (const char* id : kSelfExtraIds) h.push_back(id);
  return h;
}
std::vector<std::string> casus_header() {
  return {"traject_id",           "vervolg",          "signalen_aangemelde", "signalen_alle",
          "wissel_begeleider",    "netwerk_uiteengevallen", "financiele_problemen", "complicerende_factor",
          "ouder_bevraagd",       "blijvende_angst"};
}

void ouder_row(std::string& out, const KernOuder& r) {
  field(out, r.traject_id, true);
  for (const std::string* v : {&r.respondent_id, &r.rol, &r.perspectief, &r.moment_bevraging}) field(out, *v);
  date_field(out, r.datum);
  field(out, r.afname);
  for (int v : r.item) field(out, parent_item_text(v));
  out += kEol;
}
void kind_row(std::string& out, const KernKind& r) {
  field(out, r.traject_id, true);
  field(out, r.respondent_id);
  field(out, r.moment_bevraging);
  date_field(out, r.datum);
  count_field(out, r.leeftijd);
  field(out, r.afname_kind);
  for (int v : r.item) field(out, v >= 0 && v <= 2 ? kChildLabel[v] : "");
  out += kEol;
}
void opvolging_row(std::string& out, const KernOpvolging& r) {
  field(out, r.traject_id, true);
  field(out, r.moment);
  date_field(out, r.datum);
  field(out, r.toestemming);
  date_field(out, r.toestemming_datum);
  date_field(out, r.toestemming_ingetrokken);
  field(out, r.kanaal);
  field(out, r.bereikt);
  field(out, r.heraanmelding);
  if (r.heraanmelding == "nee") field(out, "NVT");
  else date_field(out, r.heraanmelding_datum);
  field(out, r.uithuisplaatsing);
  field(out, r.uithuisplaatsing == "nee" ? std::string("NVT") : r.uithuisplaatsing_waar);
  count_field(out, r.n_netwerkfiguren);
  count_field(out, r.n_personen_ouder);
  count_field(out, r.n_personen_minderjarige);
  for (const std::string* v : {&r.signalen_veiliger, &r.signalen_welbevinden, &r.netwerk_samenkomst,
                               &r.netwerk_samenkomst_toelichting, &r.plan_bijgestuurd, &r.plan_bijgestuurd_toelichting,
                               &r.netwerk_grijpt_in})
    field(out, *v);
  count_field(out, r.veiligheidsschaal_ouder);
  field(out, r.vrijgegeven);
  out += kEol;
}
void zelfevaluatie_row(std::string& out, const KernZelfevaluatie& r) {
  field(out, r.respondent_id, true);
  for (const std::string* v : {&r.organisatie, &r.team, &r.regio, &r.groep, &r.functie}) field(out, *v);
  date_field(out, r.golf);
  for (int v : r.item) count_field(out, v);
  for (int v : r.extra) count_field(out, v);
  out += kEol;
}
void casus_row(std::string& out, const KernCasus& r) {
  field(out, r.traject_id, true);
  for (const std::string* v : {&r.vervolg, &r.signalen_aangemelde, &r.signalen_alle, &r.wissel_begeleider,
                               &r.netwerk_uiteengevallen, &r.financiele_problemen, &r.complicerende_factor,
                               &r.ouder_bevraagd, &r.blijvende_angst})
    field(out, *v);
  out += kEol;
}

template <class T, class Row>
std::string part_csv(const std::vector<T>& rows, const std::vector<std::string>& head, uint64_t limit, Row row) {
  std::string out;
  header(out, head);
  const size_t n = limit == 0 ? rows.size() : size_t(std::min<uint64_t>(limit, rows.size()));
  for (size_t i = 0; i < n; ++i) row(out, rows[i]);
  return out;
}

std::string numbered(const char* prefix, size_t n, int width) {
  std::string s = std::to_string(n);
  while (int(s.size()) < width) s.insert(s.begin(), '0');
  return std::string(prefix) + "-" + s;
}

// ---- Generation

const int32_t kAsOf = ymd(2023, 10, 5);
const int kMonths[3] = {6, 12, 24};
const char* const kMomentNames[3] = {"6m", "12m", "24m"};
const int kReachedPct[3] = {75, 65, 55};

std::vector<KernCasus> make_casus(Rng& rng, const std::vector<std::string>& ids) {
  const size_t n = ids.size();  // 18
  auto yes_no = [&](int yes) {
    std::vector<std::string> v = quota<std::string>({{"ja", yes}, {"nee", int(n) - yes}});
    rng.shuffle(v);
    return v;
  };
  std::vector<std::string> vervolg = quota<std::string>(
      {{"OCJ/SDJ/VK", 11}, {"reguliere contextbegeleiding", 4}, {"geen hulp", 2}, {"", int(n) - 17}});
  rng.shuffle(vervolg);
  std::vector<std::string> aangemeld = yes_no(16), wissel = yes_no(6), uiteen = yes_no(3), financieel = yes_no(5),
                           complicerend = yes_no(15);
  // Signals for all minors imply signals for the referred minor: the 13 are among the 16.
  std::vector<std::string> alle(n, "nee");
  {
    std::vector<size_t> with;
    for (size_t i = 0; i < n; ++i)
      if (aangemeld[i] == "ja") with.push_back(i);
    rng.shuffle(with);
    for (size_t k = 0; k < 13 && k < with.size(); ++k) alle[with[k]] = "ja";
  }
  std::vector<std::string> ouder = quota<std::string>({{"moeder", 8}, {"vader", 4}, {"geen", int(n) - 12}});
  rng.shuffle(ouder);
  std::vector<std::string> angst = quota<std::string>({{"ja", 5}, {"nee", 7}});
  rng.shuffle(angst);
  std::vector<KernCasus> out(n);
  size_t a = 0;
  for (size_t i = 0; i < n; ++i) {
    KernCasus& c = out[i];
    c.traject_id = ids[i];
    c.vervolg = vervolg[i];
    c.signalen_aangemelde = aangemeld[i];
    c.signalen_alle = alle[i];
    c.wissel_begeleider = wissel[i];
    c.netwerk_uiteengevallen = uiteen[i];
    c.financiele_problemen = financieel[i];
    c.complicerende_factor = complicerend[i];
    c.ouder_bevraagd = ouder[i];
    c.blijvende_angst = c.ouder_bevraagd == "geen" ? "NVT" : angst[a++ % angst.size()];
  }
  return out;
}

std::vector<KernZelfevaluatie> make_zelfevaluatie(Rng& rng) {
  struct Group {
    const char* name;
    int32_t golf;
    int per_function[4];
  };
  const Group groups[4] = {{"Antwerpen", ymd(2023, 5, 8), {0, 0, 3, 4}},
                           {"Brussel", ymd(2023, 5, 9), {1, 2, 1, 2}},
                           {"Online", ymd(2023, 5, 16), {1, 0, 2, 5}},
                           {"Hasselt", ymd(2023, 5, 22), {1, 3, 1, 1}}};
  const char* const functions[4] = {"Consulent OSD", "Regionale staf OSD",
                                    "Contextbegeleider binnen organisatie jeugdhulp",
                                    "Leidinggevende binnen organisatie jeugdhulp"};
  std::vector<KernZelfevaluatie> out;
  for (const Group& g : groups)
    for (int f = 0; f < 4; ++f)
      for (int k = 0; k < g.per_function[f]; ++k) {
        KernZelfevaluatie r;
        r.groep = g.name;
        r.golf = g.golf;
        r.functie = functions[f];
        out.push_back(r);
      }
  // 27 participants: regions by quota, each organisation used at least once within its region.
  std::vector<int> region = quota<int>({{0, kRegionCount[0]}, {1, kRegionCount[1]}, {2, kRegionCount[2]},
                                        {3, kRegionCount[3]}, {4, kRegionCount[4]}});
  rng.shuffle(region);
  std::vector<std::vector<size_t>> members(5);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].regio = kRegions[region[i]];
    members[size_t(region[i])].push_back(i);
  }
  for (int reg = 0; reg < 5; ++reg) {
    std::vector<int> orgs;
    for (int o = 0; o < 11; ++o)
      if (kSelfOrgs[o].region == reg) orgs.push_back(o);
    std::vector<int> assign = orgs;  // each once, then at random
    while (assign.size() < members[size_t(reg)].size()) assign.push_back(orgs[rng.below(orgs.size())]);
    rng.shuffle(assign);
    for (size_t k = 0; k < members[size_t(reg)].size(); ++k)
      out[members[size_t(reg)][k]].organisatie = kSelfOrgs[assign[k]].name;
  }
  // 8 absent + the 36th of unknown session: golf 22 May 2023, region and organisation for some.
  for (int k = 0; k < 9; ++k) {
    KernZelfevaluatie r;
    r.groep = k < 8 ? "niet aanwezig" : "onbekend";
    r.golf = ymd(2023, 5, 22);
    r.functie = functions[rng.below(4)];
    if (rng.chance(1, 2)) {
      const SelfOrg& o = kSelfOrgs[rng.below(11)];
      r.organisatie = o.name;
      r.regio = kRegions[o.region];
    }
    out.push_back(r);
  }
  rng.shuffle(out);
  // Answers 1–10 from a latent score; the spread differs by item (i2c, i3b, i4a, finale very diverse).
  const double item_mean[kSelfItems] = {6.8, 6.2, 5.9, 6.4, 6.0, 5.6, 5.2, 6.1, 5.5, 5.0, 5.8, 4.9, 5.3, 5.7, 6.0, 5.4};
  const double item_spread[kSelfItems] = {0.6, 0.9, 1.0, 0.8, 1.1, 1.2, 3.2, 0.9, 1.0, 3.0, 1.1, 3.2, 1.0, 1.2, 2.6, 1.1};
  std::vector<int> extras = quota<int>({{1, 18}, {0, 18}});
  rng.shuffle(extras);
  for (size_t i = 0; i < out.size(); ++i) {
    KernZelfevaluatie& r = out[i];
    r.respondent_id = numbered("ZE", i + 1, 3);
    r.team = r.organisatie.empty() ? std::string() : std::string("team ") + char('A' + rng.below(3));
    const double theta = normal(rng);
    for (int k = 0; k < kSelfItems; ++k)
      r.item[k] = clampi(std::lround(item_mean[k] + item_spread[k] * (0.8 * theta + 0.6 * normal(rng))), 1, 10);
    for (int k = 0; k < kSelfExtras; ++k)
      r.extra[k] = extras[i] ? clampi(std::lround(5.8 + 1.4 * (0.7 * theta + 0.7 * normal(rng))), 1, 10) : kItemMissing;
  }
  return out;
}

}  // namespace

KerndatasetDemo generate_kerndataset(uint64_t seed) {
  const SofsDemo sofs = generate_sofs(seed);
  Rng rng(derive_seed(seed, 0x4B45524E));  // "KERN": a stream of its own, not the SofS one
  Rng safety_rng(derive_seed(seed, 0x5341464E));  // "SAFN": the follow-up safety scores
  KerndatasetDemo d;
  d.as_of = kAsOf;
  d.panel_ids = case_panel_ids(sofs);

  std::vector<const SofsTrajectory*> closed;
  for (const SofsTrajectory& t : sofs.trajectories)
    if (t.closed) closed.push_back(&t);
  const int n_closed = int(closed.size());  // 236

  // ---- opvolging
  std::vector<std::string> consent = quota<std::string>({{"ja", 142}, {"nee", 47}, {"niet gevraagd", n_closed - 189}});
  rng.shuffle(consent);
  auto due = [](const SofsTrajectory* t, int m) { return add_months(t->einddatum, kMonths[m]); };
  // The special cases among the consented trajectories (distinct): 3 withdrawals (12m due), 2 moment/date
  // mismatches (12m due), 1 duplicate 6m, 1 6m dated before closure (6m due).
  std::vector<size_t> consented;
  for (size_t i = 0; i < closed.size(); ++i)
    if (consent[i] == "ja") consented.push_back(i);
  rng.shuffle(consented);
  enum Special { kNone, kWithdraw, kMismatch, kDuplicate, kBeforeClosure };
  std::vector<int> special(closed.size(), kNone);
  {
    int want[5] = {0, 3, 2, 1, 1};
    for (size_t i : consented) {
      const bool due12 = due(closed[i], 1) <= kAsOf, due6 = due(closed[i], 0) <= kAsOf;
      for (int s : {kWithdraw, kMismatch, kDuplicate, kBeforeClosure}) {
        const bool ok = (s == kWithdraw || s == kMismatch) ? due12 : due6;
        if (want[s] > 0 && ok) {
          special[i] = s;
          --want[s];
          break;
        }
      }
    }
  }
  // Figures at closure that differ from the SofS value: 5 trajectories with a known value.
  std::vector<uint8_t> differ(closed.size(), 0);
  {
    std::vector<size_t> known;
    for (size_t i = 0; i < closed.size(); ++i)
      if (closed[i]->network_figures >= 0) known.push_back(i);
    rng.shuffle(known);
    for (size_t k = 0; k < 5 && k < known.size(); ++k) differ[known[k]] = 1;
  }

  for (size_t i = 0; i < closed.size(); ++i) {
    const SofsTrajectory& t = *closed[i];
    KernOpvolging a;
    a.traject_id = t.traject_id;
    a.moment = "afronding";
    a.datum = t.einddatum;
    a.toestemming = consent[i];
    const bool ja = consent[i] == "ja";
    if (ja) {
      a.toestemming_datum = t.einddatum - int32_t(rng.range(0, 10));
      const uint64_t r = rng.below(100);
      a.kanaal = r < 55 ? "telefoon" : r < 85 ? "e-mail" : "andere";
    }
    if (special[i] == kWithdraw) {
      a.toestemming_ingetrokken = due(&t, 0) + int32_t(rng.range(30, 90));
      d.quality.withdrawn.push_back(t.traject_id);
    }
    a.heraanmelding = "nee";
    const bool activated = t.plan_b_in_werking == StepCell::Date;
    a.uithuisplaatsing = activated ? "ja" : "nee";
    if (activated)
      a.uithuisplaatsing_waar = t.plan_b == "netwerk" ? "natuurlijk netwerk" : t.plan_b == "verblijf" ? "verblijf" : "";
    int figures = t.network_figures >= 0 ? t.network_figures : int(rng.range(1, 7));
    if (differ[i]) {
      const int delta = int(rng.range(1, 2));
      figures = (rng.chance(1, 2) && figures - delta >= 0) ? figures - delta : figures + delta;
      d.quality.figures_differ.push_back(t.traject_id);
    }
    a.n_netwerkfiguren = figures;
    a.n_personen_ouder = int(rng.range(1, 7));
    a.n_personen_minderjarige = int(rng.range(1, 6));
    if (rng.chance(1, 2)) a.veiligheidsschaal_ouder = clampi(std::lround(7.0 + 1.5 * normal(rng)), 0, 10);
    d.opvolging.push_back(a);
    if (!ja) continue;

    // Re-referral date (cumulative): ≈ 8 % within 6 months, 15 % within 12, 22 % within 24.
    int32_t rereferral = kNoDate;
    {
      const uint64_t r = rng.below(100);
      const int from = r < 8 ? 0 : r < 15 ? 6 : r < 22 ? 12 : -1;
      if (from >= 0) {
        const int32_t lo = add_months(t.einddatum, from) + 1, hi = add_months(t.einddatum, from == 0 ? 6 : from * 2);
        rereferral = int32_t(rng.range(lo, hi));
      }
    }
    int prev_fig = figures, prev_par = a.n_personen_ouder, prev_min = a.n_personen_minderjarige;
    for (int m = 0; m < 3; ++m) {
      const int32_t due_m = due(&t, m);
      if (due_m > kAsOf) break;
      const bool forced = (special[i] == kWithdraw || special[i] == kMismatch) ? m == 1
                          : (special[i] == kDuplicate || special[i] == kBeforeClosure) ? m == 0
                                                                                        : false;
      const uint64_t r = rng.below(100);
      const bool reached = forced || r < uint64_t(kReachedPct[m]);
      if (!reached && r < uint64_t(kReachedPct[m]) + (100 - uint64_t(kReachedPct[m])) / 2) continue;  // no row
      KernOpvolging f;
      f.traject_id = t.traject_id;
      f.moment = kMomentNames[m];
      f.datum = std::min(kAsOf, due_m + int32_t(rng.range(-21, 21)));
      f.kanaal = a.kanaal;
      f.bereikt = reached ? "ja" : "nee";
      if (reached) {
        const bool rereferred = rereferral != kNoDate && rereferral <= f.datum;
        f.heraanmelding = rereferred ? "ja" : "nee";
        if (rereferred) f.heraanmelding_datum = rereferral;
        const uint64_t dr = rng.below(100);
        prev_fig = std::max(0, prev_fig + (dr < 55 ? 0 : dr < 85 ? -1 : 1));
        f.n_netwerkfiguren = prev_fig;
        prev_par = clampi(prev_par + int(rng.range(-1, 1)), 0, 8);
        prev_min = clampi(prev_min + int(rng.range(-1, 1)), 0, 8);
        f.n_personen_ouder = prev_par;
        f.n_personen_minderjarige = prev_min;
        // The network meets less often as time goes by.
        static const int meet[3][3] = {{35, 65, 85}, {25, 53, 78}, {15, 40, 68}};
        const uint64_t mr = rng.below(100);
        f.netwerk_samenkomst = mr < uint64_t(meet[m][0])   ? "maandelijks of vaker"
                               : mr < uint64_t(meet[m][1]) ? "per kwartaal"
                               : mr < uint64_t(meet[m][2]) ? "zelden"
                                                           : "niet meer";
        if (rng.chance(1, 6)) f.netwerk_samenkomst_toelichting = pick(rng, kMeetingNotes);
        f.plan_bijgestuurd = rng.chance(3, 10) ? "ja" : "nee";
        if (f.plan_bijgestuurd == "ja" && rng.chance(1, 3)) f.plan_bijgestuurd_toelichting = pick(rng, kPlanNotes);
        if (rng.chance(1, 10)) f.netwerk_grijpt_in = pick(rng, kInterventions);
        if (rng.chance(1, 4)) f.signalen_veiliger = pick(rng, kSignalsSafer);
        if (rng.chance(1, 5)) f.signalen_welbevinden = pick(rng, kSignalsWellbeing);
        const bool text = !f.signalen_veiliger.empty() || !f.signalen_welbevinden.empty() ||
                          !f.netwerk_samenkomst_toelichting.empty() || !f.plan_bijgestuurd_toelichting.empty() ||
                          !f.netwerk_grijpt_in.empty();
        if (text) f.vrijgegeven = rng.chance(1, 2) ? "ja" : "nee";
        // A parent who answered the safety scale at closure mostly answers it again, near the earlier score (its own
        // stream, so every other draw of the demo stays as it was).
        if (a.veiligheidsschaal_ouder >= 0 ? safety_rng.chance(17, 20) : safety_rng.chance(3, 20))
          f.veiligheidsschaal_ouder = a.veiligheidsschaal_ouder >= 0
                                          ? clampi(a.veiligheidsschaal_ouder + int(safety_rng.range(-2, 2)), 0, 10)
                                          : clampi(std::lround(6.8 + 1.8 * normal(safety_rng)), 0, 10);
        if (rng.chance(1, 2)) (void)normal(rng);  // the draws the main stream had here before
      }
      if (special[i] == kMismatch && m == 1) {
        f.datum = due_m - int32_t(rng.range(95, 120));
        d.quality.mismatched_moment.push_back(d.opvolging.size());
      }
      if (special[i] == kBeforeClosure && m == 0) {
        f.datum = t.einddatum - int32_t(rng.range(5, 20));
        d.quality.before_closure = d.opvolging.size();
      }
      if (special[i] == kWithdraw && f.datum > a.toestemming_ingetrokken)
        d.quality.after_withdrawal.push_back(d.opvolging.size());
      d.opvolging.push_back(f);
      if (special[i] == kDuplicate && m == 0) {
        KernOpvolging dup = f;
        dup.datum = std::min(kAsOf, f.datum + int32_t(rng.range(3, 10)));
        d.quality.duplicate_moment = d.opvolging.size();
        d.opvolging.push_back(dup);
      }
    }
  }

  // ---- ouder: 94 trajectories (40 %), 1–2 parents; a worker row for 47 of them.
  {
    std::vector<size_t> idx(closed.size());
    std::iota(idx.begin(), idx.end(), 0);
    rng.shuffle(idx);
    idx.resize(94);
    std::sort(idx.begin(), idx.end());
    std::vector<int> worker = quota<int>({{1, 47}, {0, 47}});
    rng.shuffle(worker);
    // Item difficulty: a few items sit near Neutraal (e.g. 21, 24, 27 on lasting effects); items 9/10 concern the
    // child and are NVT for a few parents.
    double item_mean[kParentItems];
    for (int k = 0; k < kParentItems; ++k) item_mean[k] = k < 14 ? 4.05 - 0.03 * (k % 5) : 3.75 - 0.04 * (k % 4);
    for (int k : {6, 20, 23, 26}) item_mean[k] = 3.15;
    size_t parents = 0, workers = 0;
    auto answer = [&](double mu, double theta) {
      return clampi(std::lround(mu + 0.68 * theta + 0.8 * normal(rng)), 1, 5);
    };
    for (size_t n = 0; n < idx.size(); ++n) {
      const SofsTrajectory& t = *closed[idx[n]];
      const uint64_t r = rng.below(100);
      std::vector<std::string> roles = {r < 72 ? "moeder" : r < 92 ? "vader" : "andere opvoedingsfiguur"};
      if (rng.chance(3, 10)) roles.push_back(roles[0] == "moeder" ? "vader" : "moeder");
      double family_theta = 0;
      for (const std::string& role : roles) {
        KernOuder o;
        o.traject_id = t.traject_id;
        o.respondent_id = numbered("OU", ++parents, 4);
        o.rol = role;
        o.perspectief = "ouder";
        o.datum = std::min(kAsOf, t.einddatum + int32_t(rng.range(0, 14)));
        const uint64_t ar = rng.below(100);
        o.afname = ar < 50 ? "zelf" : ar < 80 ? "samen met begeleider" : "in gesprek";
        const double theta = normal(rng);
        family_theta += theta / double(roles.size());
        const double fid = 0.85 * theta + 0.5 * normal(rng), eff = 0.85 * theta + 0.5 * normal(rng);
        for (int k = 0; k < kParentItems; ++k) {
          o.item[k] = answer(item_mean[k], k < 14 ? fid : eff);
          if (rng.chance(3, 100)) o.item[k] = kItemMissing;
          if ((k == 8 || k == 9) && rng.chance(4, 100)) o.item[k] = kItemNvt;
        }
        d.ouder.push_back(o);
      }
      if (worker[n]) {
        // The worker answers o01–o14 as they think the parent experienced them: a little more positive.
        KernOuder w;
        w.traject_id = t.traject_id;
        w.respondent_id = numbered("BG", ++workers, 4);
        w.perspectief = "begeleider";
        w.datum = std::min(kAsOf, t.einddatum + int32_t(rng.range(0, 7)));
        w.afname = "zelf";
        for (int k = 0; k < kParentItems; ++k) w.item[k] = kItemMissing;
        for (int k = 0; k < 14; ++k) w.item[k] = answer(item_mean[k] + 0.3, 0.8 * family_theta + 0.4 * normal(rng));
        d.ouder.push_back(w);
      }
    }
    // Every label is used at least once in the parent answers (a strongly disagreeing parent on o03 if needed).
    for (int v = 1; v <= 5; ++v) {
      bool used = false;
      for (const KernOuder& o : d.ouder)
        for (int x : o.item) used |= x == v;
      if (!used) d.ouder.front().item[2] = v;
    }
    // Quality cases 1 and 2: o05 = 6 on a parent row; one survey of a trajectory that does not exist.
    for (size_t k = d.ouder.size() / 2; k < d.ouder.size(); ++k)
      if (d.ouder[k].perspectief == "ouder") {
        d.ouder[k].item[4] = 6;
        d.quality.out_of_range_ouder = k;
        break;
      }
    KernOuder stray = d.ouder.front();
    stray.traject_id = detail::trajectory_id(sofs.trajectories.size() + 1);
    stray.respondent_id = numbered("OU", ++parents, 4);
    stray.rol = "moeder";
    stray.perspectief = "ouder";
    d.quality.unmatched_ouder = d.ouder.size();
    d.ouder.push_back(stray);
  }

  // ---- kind: 59 trajectories (25 %), one child each, ages 6–11 / 12–17 = 30 / 29.
  {
    std::vector<size_t> idx(closed.size());
    std::iota(idx.begin(), idx.end(), 0);
    rng.shuffle(idx);
    idx.resize(59);
    std::sort(idx.begin(), idx.end());
    std::vector<int> band = quota<int>({{0, 30}, {1, 29}});
    rng.shuffle(band);
    for (size_t n = 0; n < idx.size(); ++n) {
      const SofsTrajectory& t = *closed[idx[n]];
      KernKind k;
      k.traject_id = t.traject_id;
      k.respondent_id = numbered("KI", n + 1, 4);
      k.datum = std::min(kAsOf, t.einddatum + int32_t(rng.range(0, 14)));
      k.leeftijd = band[n] == 0 ? int(rng.range(6, 11)) : int(rng.range(12, 17));
      const uint64_t ar = rng.below(100);
      k.afname_kind = k.leeftijd < 9 ? (ar < 60 ? "smileys" : "met hulp")
                                      : (ar < 65 ? "zelf" : ar < 90 ? "met hulp" : "smileys");
      const double theta = normal(rng);
      for (int q = 0; q < kChildItems; ++q) {
        const double mu = q == 9 ? 2.4 : 1.45;  // k6 "Voel je je veilig?": mostly Ja
        k.item[q] = clampi(std::lround(mu + 0.45 * theta + 0.5 * normal(rng)), 0, 2);
        if (rng.chance(2, 100)) k.item[q] = kItemMissing;
      }
      d.kind.push_back(k);
    }
  }

  d.zelfevaluatie = make_zelfevaluatie(rng);
  d.casus = make_casus(rng, d.panel_ids);
  return d;
}

std::string kerndataset_csv(const KerndatasetDemo& d, const std::string& part, uint64_t rows) {
  if (part == "ouder" || part == "modules") return part_csv(d.ouder, ouder_header(), rows, ouder_row);
  if (part == "kind") return part_csv(d.kind, kind_header(), rows, kind_row);
  if (part == "opvolging") return part_csv(d.opvolging, opvolging_header(), rows, opvolging_row);
  if (part == "zelfevaluatie") return part_csv(d.zelfevaluatie, zelfevaluatie_header(), rows, zelfevaluatie_row);
  if (part == "casus") return part_csv(d.casus, casus_header(), rows, casus_row);
  return {};
}

}  // namespace zicht::demo
