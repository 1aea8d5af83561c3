// Zicht demo — the trajecten generator (issue 21; spec concept.md §2.3–§2.5), part of the "Co-ncept-demo".
//
// 28 registrations of the planmakers' register, as of 31 March 2025 (the report's due date). Exact for every seed
// (quotas, then seeded shuffles; the RNG only decides who gets what and the days within a window):
//  - registrations 15 / 12 / 1 in 2023 / 2024 / 2025; 18 started (10 / 7 / 1, each in its registration year),
//    10 never started (5 of 2023, 5 of 2024; opstart "nee"); no registration is pending.
//  - starts: 2023 from 1 April 2023 ("sinds april 2023"), 2024 after 15 April 2024 (the pause until the new
//    coordinator) and by 30 November 2024; the 2025 start closes before 31 March 2025 (< 3 completed months: the
//    "duur < minimum 3 maanden" case of §2.5). Every other trajectory lasts ≥ 3 completed months.
//  - closures 3 / 3 / 12 (2023 / 2024 / 2025): three 2023 starts close in 2023, three in 2024, the four others and
//    all 2024 and 2025 starts in 2025 Q1, so the stock is 7 on 31 Dec 2023, 11 on 31 Dec 2024 and 0 on 31 March 2025.
//  - the 18 started: ages at registration 10:2, 12:2, 13:4, 14:4, 15:4, 16:2 (sum 244); regions 5/7/3/3/0 in the
//    code-list order; referrers as Table 4, both "Jeugdhulpregie ACT" registered in 2023; toestemming "ja";
//    blokkade before × after (Geblokkeerd, Dreigend te blokkeren, Niet geblokkeerd) rows 1/3/4, 1/3/5, 0/1/0.
//  - geboortemaand (Zicht's addition) agrees with the age at registration counted from the first day of the birth
//    month, never in the registration's own month; both 16-year-olds start in 2024; one of them is 17 at
//    closure, nobody is 18 at closure.
//  - 2 registrations of type "gezin", both started in 2024, with a gezin_id and indirect_bereikt 1; three "jongere"
//    registrations among the started also reached a sibling indirectly (gezin_id set, indirect_bereikt 1).
//  - the 10 never started: reden_geen_opstart regio 2 (regio "buiten regio"), leeftijd 2 (age 18 or 19),
//    passend alternatief 4 (alternatief "DOP" 2, "Contextbegeleiding" 1, "Veilige Trajecten" 1), geen ruimte
//    planmakers 2 (alternatief "DOP" 1, "" 1); referrers never "Jeugdhulpregie ACT" (they did not refer in 2024).
//  - verlengingen: completed months ≤ 3 → 0, else (months − 1) / 3 (a 3-month minimum extended by 3 at a time).
//  - middelen: "JooW" exactly once (used once, 001:L255), "DIW-Fonds" never (0 applications), otherwise
//    "bestaande middelen (ACT)" or empty. act_betrokken "ja" for every 2024/2025 registration and the ACT referrals.
#include <algorithm>
#include <numeric>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

using detail::add_months;
using detail::ymd;

constexpr const char* kEol = "\r\n";

const char* const kRegions[5] = {"Houtland en polder", "Westhoek", "Midden WVL", "Westkust en polder", "Rits"};
const char* const kReasons[5] = {
    "Reflectie en het gezamenlijk nadenken over complexe situaties",
    "Het zoeken naar netwerk en partners om gedeelde verantwoordelijkheid te installeren",
    "Dringende behoefte aan perspectief, overbrugging tijdens wachtlijsten",
    "Nood aan ruimte voor herstel en hernieuwde energie",
    "Mee onderzoeken waar blokkades doorbroken kunnen worden in verschillende levensdomeinen van de jongere"};
const char* const kCriteria[4] = {"voldoende ademruimte", "blokkades doorbroken", "concreet plan voor uitvoering",
                                  "gedeelde zorg"};
const char* const kBlock[3] = {"Geblokkeerd", "Dreigend te blokkeren", "Niet geblokkeerd"};
constexpr const char* kAct = "Jeugdhulpregie ACT";

int32_t in_window(Rng& rng, int32_t lo, int32_t hi) { return int32_t(rng.range(lo, std::max(lo, hi))); }

int month_index(int32_t day) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return y * 12 + int(m) - 1;
}

std::string month_text(int idx) {
  const int y = idx / 12, m = idx % 12 + 1;
  std::string s = std::to_string(y) + "-";
  if (m < 10) s += '0';
  return s + std::to_string(m);
}

// 1–3 distinct reasons joined by " + " in the code-list order.
std::string reasons(Rng& rng) {
  const int n = int(rng.range(1, 3));
  std::vector<int> idx = {0, 1, 2, 3, 4};
  rng.shuffle(idx);
  idx.resize(size_t(n));
  std::sort(idx.begin(), idx.end());
  std::string s;
  for (int i : idx) s += (s.empty() ? "" : " + ") + std::string(kReasons[i]);
  return s;
}

std::string criteria(Rng& rng) {
  const int n = int(rng.range(1, 3));
  std::vector<int> idx = {0, 1, 2, 3};
  rng.shuffle(idx);
  idx.resize(size_t(n));
  std::sort(idx.begin(), idx.end());
  std::string s;
  for (int i : idx) s += (s.empty() ? "" : " + ") + std::string(kCriteria[i]);
  return s;
}

using detail::csv_count;
using detail::csv_date;
using detail::csv_field;
using detail::csv_part;

}  // namespace

TrajectenDemo generate_trajecten(uint64_t seed) {
  Rng rng(derive_seed(seed, 21));
  TrajectenDemo d;
  d.as_of = ymd(2025, 3, 31);
  std::vector<TrajectRegistration> started(18), never(10);

  // ---- The 18 started: start year, closure year (index order: 2023 starts, 2024 starts, the 2025 start).
  // 0..2: 2023 start, closed 2023; 3..5: closed 2024; 6..9: closed 2025; 10..16: 2024 starts; 17: 2025 start.
  for (int i = 0; i < 18; ++i) {
    TrajectRegistration& t = started[size_t(i)];
    int32_t start = 0, close = 0;
    if (i < 3) {
      start = in_window(rng, ymd(2023, 4, 1), ymd(2023, 6, 30));
      close = in_window(rng, add_months(start, 3) + 1, std::min(add_months(start, 7), ymd(2023, 12, 20)));
    } else if (i < 10) {
      start = in_window(rng, ymd(2023, 4, 1), ymd(2023, 12, 15));
      if (i < 6)
        close = in_window(rng, std::max(add_months(start, 3) + 1, ymd(2024, 1, 8)), ymd(2024, 12, 20));
      else
        close = in_window(rng, ymd(2025, 1, 6), ymd(2025, 3, 28));
    } else if (i < 17) {
      start = in_window(rng, ymd(2024, 4, 16), ymd(2024, 11, 30));
      close = in_window(rng, std::max(add_months(start, 3) + 1, ymd(2025, 1, 6)), ymd(2025, 3, 28));
    } else {
      start = in_window(rng, ymd(2025, 1, 13), ymd(2025, 1, 31));
      close = in_window(rng, start + 35, ymd(2025, 3, 28));
    }
    t.opstart = start;
    t.afronding = close;
    // Registration 5–45 days before the start, in the same calendar year (always: starts are from 1 April,
    // the 2025 start from 13 January with a shorter wait).
    const int32_t jan1 = ymd(i < 10 ? 2023 : i < 17 ? 2024 : 2025, 1, 1);
    t.aanmelddatum = std::max(jan1, start - int32_t(rng.range(5, i == 17 ? 12 : 45)));
    const int cm = core::completed_months(start, close);
    t.verlengingen = cm <= 3 ? 0 : (cm - 1) / 3;
    t.toestemming_jongere = "ja";
    t.reden_geen_opstart = "NVT";
  }

  // ---- Ages, regions, referrers of the started (exact quotas, shuffled).
  std::vector<int> ages = quota<int>({{10, 2}, {12, 2}, {13, 4}, {14, 4}, {15, 4}, {16, 2}});
  rng.shuffle(ages);
  // Both 16-year-olds among the 2024 starts (registration to closure ≤ 12 months): one is 17 at closure, nobody
  // is 18 ("jongeren tussen 10 en 17 jaar", 000:L118).
  for (size_t i = 0; i < ages.size(); ++i)
    if (ages[i] == 16 && (i < 10 || i > 16)) {
      size_t j;
      do j = size_t(10 + rng.below(7)); while (ages[j] == 16);
      std::swap(ages[i], ages[j]);
    }
  std::vector<int> regions = quota<int>({{0, 5}, {1, 7}, {2, 3}, {3, 3}});
  rng.shuffle(regions);
  std::vector<std::string> referrers = quota<std::string>(
      {{"Voorziening > INOA", 1}, {"Voorziening > Tordale", 1}, {"Voorziening > VOT", 4},
       {"Internaat (De Hazelaar)", 1}, {"OOOC (De Luwte)", 2}, {"SDJ > Ieper", 2}, {"SDJ > Brugge", 3},
       {"CLB (Mandel en Leie)", 1}, {"Pleegzorg West-Vlaanderen", 1}});  // 16; the 2 ACT go to 2023 starts
  rng.shuffle(referrers);
  std::vector<int> act_slots = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  rng.shuffle(act_slots);
  for (int i = 0, r = 0; i < 18; ++i) {
    TrajectRegistration& t = started[size_t(i)];
    t.leeftijd = ages[size_t(i)];
    t.regio = kRegions[regions[size_t(i)]];
    const bool act = i == act_slots[0] || i == act_slots[1];
    t.aanmelder = act ? kAct : referrers[size_t(r++)];
    t.act_betrokken = (act || i >= 10) ? "ja" : "nee";
    t.reden_aanmelding = reasons(rng);
    t.afrondingscriterium = criteria(rng);
  }

  // ---- Birth months: age at registration from the first day of the birth month, never the registration month;
  // one 16-year-old other than the 2025 start turns 17 the month after registration.
  int seventeen = -1;
  for (int i = 10; i < 17 && seventeen < 0; ++i)
    if (started[size_t(i)].leeftijd == 16) seventeen = i;
  // Born k months before the registration month minus the age in years (1 ≤ k ≤ 11); the one who turns 17 in
  // between gets a k with 17 ≤ age at closure < 18: 12 − k ≤ (closure month − registration month) < 24 − k.
  // Everyone younger than 18 at closure: age a + (span + k) / 12 ≤ 17, so k ≤ 12 (18 − a) − 1 − span.
  auto birth_month = [&](TrajectRegistration& t, bool turns_17) {
    const int r = month_index(t.aanmelddatum);
    const int span = t.afronding == kNoDate ? 0 : month_index(t.afronding) - r;
    int k = int(rng.range(1, std::max(1, std::min(11, 12 * (18 - t.leeftijd) - 1 - span))));
    if (turns_17) k = int(rng.range(std::max(1, 12 - span), std::min(11, 23 - span)));
    t.geboortemaand = month_text(r - 12 * t.leeftijd - k);
  };
  for (int i = 0; i < 18; ++i) birth_month(started[size_t(i)], i == seventeen);

  // ---- Blocking before × after (paired table; mostly improvement).
  std::vector<std::pair<int, int>> pairs = quota<std::pair<int, int>>(
      {{{0, 0}, 1}, {{0, 1}, 3}, {{0, 2}, 4}, {{1, 0}, 1}, {{1, 1}, 3}, {{1, 2}, 5}, {{2, 1}, 1}});
  rng.shuffle(pairs);
  for (int i = 0; i < 18; ++i) {
    started[size_t(i)].blokkade_voor = kBlock[pairs[size_t(i)].first];
    started[size_t(i)].blokkade_na = kBlock[pairs[size_t(i)].second];
  }

  // ---- Units: the two family registrations among the 2024 starts, plus three youngsters reaching a sibling.
  std::vector<int> y2024 = {10, 11, 12, 13, 14, 15, 16};
  rng.shuffle(y2024);
  std::vector<int> others;
  for (int i = 0; i < 18; ++i)
    if (i != y2024[0] && i != y2024[1]) others.push_back(i);
  rng.shuffle(others);
  for (int i = 0; i < 18; ++i) started[size_t(i)].aanmeldvorm = "jongere";
  for (int k = 0; k < 2; ++k) {
    started[size_t(y2024[size_t(k)])].aanmeldvorm = "gezin";
    started[size_t(y2024[size_t(k)])].indirect_bereikt = 1;
  }
  for (int k = 0; k < 3; ++k) started[size_t(others[size_t(k)])].indirect_bereikt = 1;

  // ---- Handover and means: JooW once, DIW-Fonds never.
  const int joow = int(rng.below(18));
  for (int i = 0; i < 18; ++i) {
    TrajectRegistration& t = started[size_t(i)];
    t.middelen = i == joow ? "JooW" : rng.chance(1, 2) ? "bestaande middelen (ACT)" : "";
    const uint64_t o = rng.below(6);
    t.overdracht = o == 0 ? "Veilige Trajecten" : o == 1 ? "Contextbegeleiding" : "";
  }

  // ---- The 10 never started.
  std::vector<int> why = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3};  // regio, leeftijd, passend alternatief, geen ruimte
  rng.shuffle(why);
  const std::vector<std::string> alt_passend = {"DOP", "DOP", "Contextbegeleiding", "Veilige Trajecten"};
  const std::vector<std::string> alt_ruimte = {"DOP", ""};
  const std::vector<std::string> referrer_pool = {
      "Voorziening > INOA", "Voorziening > Tordale", "Voorziening > VOT", "Internaat (De Hazelaar)",
      "OOOC (De Luwte)", "SDJ > Ieper", "SDJ > Brugge", "CLB (Mandel en Leie)", "Pleegzorg West-Vlaanderen"};
  int n_passend = 0, n_ruimte = 0;
  for (int i = 0; i < 10; ++i) {
    TrajectRegistration& t = never[size_t(i)];
    t.aanmelddatum = i < 5 ? in_window(rng, ymd(2023, 3, 1), ymd(2023, 12, 15))
                           : in_window(rng, ymd(2024, 1, 8), ymd(2024, 12, 13));
    t.aanmeldvorm = "jongere";
    t.opstart_text = "nee";
    t.verlengingen = -1;
    t.toestemming_jongere = "ja";
    t.act_betrokken = i >= 5 ? "ja" : "nee";
    t.blokkade_voor = t.blokkade_na = "NVT";
    t.aanmelder = referrer_pool[size_t(rng.below(referrer_pool.size()))];
    t.reden_aanmelding = reasons(rng);
    t.regio = kRegions[rng.below(4)];
    t.leeftijd = int(rng.range(11, 17));
    switch (why[size_t(i)]) {
      case 0: t.reden_geen_opstart = "regio"; t.regio = "buiten regio"; break;
      case 1: t.reden_geen_opstart = "leeftijd"; t.leeftijd = int(rng.range(18, 19)); break;
      case 2: t.reden_geen_opstart = "passend alternatief"; t.alternatief = alt_passend[size_t(n_passend++)]; break;
      default: t.reden_geen_opstart = "geen ruimte planmakers"; t.alternatief = alt_ruimte[size_t(n_ruimte++)];
    }
    birth_month(t, false);
  }

  // ---- In registration order, numbered CN-01 … CN-28; family ids in that order too.
  d.rows = started;
  d.rows.insert(d.rows.end(), never.begin(), never.end());
  std::stable_sort(d.rows.begin(), d.rows.end(), [](const TrajectRegistration& a, const TrajectRegistration& b) {
    return a.aanmelddatum < b.aanmelddatum;
  });
  int fam = 0;
  for (size_t i = 0; i < d.rows.size(); ++i) {
    TrajectRegistration& t = d.rows[i];
    t.traject_id = std::string("CN-") + (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    if (t.indirect_bereikt > 0) t.gezin_id = std::string("GZ-0") + std::to_string(++fam);
  }
  return d;
}

std::string trajecten_csv(const TrajectenDemo& d, uint64_t rows) {
  static const char* const head[] = {
      "traject_id",    "gezin_id",           "aanmeldvorm",   "aanmelddatum",        "leeftijd_aanmelding",
      "geboortemaand", "regio",              "aanmelder",     "reden_aanmelding",    "act_betrokken",
      "toestemming_jongere", "opstart",      "reden_geen_opstart", "alternatief",    "verlengingen",
      "afronding",     "afrondingscriterium", "blokkade_voor", "blokkade_na",        "overdracht",
      "middelen",      "indirect_bereikt"};
  std::string out;
  for (size_t i = 0; i < sizeof head / sizeof *head; ++i) csv_field(out, head[i], i == 0);
  out += kEol;
  const size_t n = rows == 0 ? d.rows.size() : size_t(std::min<uint64_t>(rows, d.rows.size()));
  for (size_t i = 0; i < n; ++i) {
    const TrajectRegistration& t = d.rows[i];
    csv_field(out, t.traject_id, true);
    csv_field(out, t.gezin_id);
    csv_field(out, t.aanmeldvorm);
    csv_date(out, t.aanmelddatum);
    csv_count(out, t.leeftijd);
    for (const std::string* s : {&t.geboortemaand, &t.regio, &t.aanmelder, &t.reden_aanmelding, &t.act_betrokken,
                                 &t.toestemming_jongere})
      csv_field(out, *s);
    if (t.opstart != kNoDate) csv_date(out, t.opstart);
    else csv_field(out, t.opstart_text);
    csv_field(out, t.reden_geen_opstart);
    csv_field(out, t.alternatief);
    csv_count(out, t.verlengingen);
    csv_date(out, t.afronding);
    for (const std::string* s : {&t.afrondingscriterium, &t.blokkade_voor, &t.blokkade_na, &t.overdracht,
                                 &t.middelen})
      csv_field(out, *s);
    csv_count(out, t.indirect_bereikt);
    out += kEol;
  }
  return out;
}

}  // namespace zicht::demo
