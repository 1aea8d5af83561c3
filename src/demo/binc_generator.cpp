// Zicht demo — the Binc generator: module rows per child and a client file (SPEC §2.2, §3.2; seed notes 003
// §3.5–3.8).
//
// Each child's chain is laid out without overlaps except where SPEC §2.2 wants them:
//   [voortraject: earlier SofS modules, then other modules] → last SofS module (+ combined modules that start
//   after it and overlap it) → [natraject: modules that start after the last SofS module ends]
// so that deriving pre/combined/post by SPEC §2.2's rules gives back exactly the quotas below. `schakeling` is the
// module's 1-based position in the chain ordered by start date, so the rank of the last SofS module is the number
// of voortraject modules + 1 and the rank table follows from the voortraject sizes.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "demo/demo_common.h"

namespace zicht::demo {

const char* const kSofsModuleType = "Contextbegeleiding i.f.v. veiligheidsplanning SofS";

namespace {

const char* const VKKD = "Verblijf voor kinderen korte duur";
const char* const LAAG = "Contextbegeleiding laagintensief";
const char* const BREED = "Contextbegeleiding breedsporig";
const char* const CAH = "Contextbegeleiding in functie van crisis (Crisishulp aan Huis)";
const char* const HEROR = "Contextbegeleiding in functie van positieve heroriëntering";
const char* const CRISISBEG = "Crisisbegeleiding";
const char* const CRISISINT = "Crisisinterventie";
const char* const CRISISVERBL = "Kortdurend crisisverblijf";
const char* const GEZIN = "Gezinsbegeleiding";
const char* const KHD = "Kortdurende handelingsgerichte diagnostiek";
const char* const DIAGVERBL = "Verblijf i.f.v. diagnostiek";
const char* const VMHU = "Verblijf voor minderjarigen (hoge urgentie)";
const char* const VMHF = "Verblijf voor minderjarigen (hoge frequentie)";
const char* const VMLF = "Verblijf voor minderjarigen (lage frequentie)";
const char* const DAGBEG = "Dagbegeleiding in groep (RTJ)";
const char* const PROJECT = "Ondersteunende begeleiding (projectwerking) RTJ";
const char* const PLEEGZORG = "Vorm van pleegzorg";
const char* const PLEEGGEZIN = "Verblijf in pleeggezin";

using detail::ymd;
const int32_t kAsOf = ymd(2023, 6, 6);  // end of the Binc extract
const int32_t kChainStart = ymd(2020, 1, 1);

// Table 7, times the SofS module per child (402 modules; see SPEC §3.2 on 415 vs 402).
const std::vector<std::pair<int, int>> kSofsFrequency = {{1, 341}, {2, 21}, {3, 5}, {4, 1}};
// Rank of the *last* SofS module of each child. Earlier SofS modules sit at the start of the chain (ranks 1, 2, 3:
// 27 + 6 + 1 = 34 of them), so these plus those give Table 7's 162 / 72 / 51 / 107 (4th–9th) / 10 (≥ 10th);
// ranks − 1 sum to 649 voortraject links.
const std::vector<std::pair<int, int>> kLastRank = {{1, 135}, {2, 66}, {3, 50}, {4, 80}, {5, 15}, {6, 7}, {7, 3},
                                                    {8, 1},   {9, 1},  {10, 3}, {11, 2}, {12, 1}, {13, 1}, {14, 1},
                                                    {16, 1},  {18, 1}};
// Table 8, voortraject links without the 34 earlier SofS modules (42 − 34 = 8 short stays in the SofS cluster).
const std::vector<std::pair<const char*, int>> kPreTypes = {
    {PLEEGZORG, 70}, {PLEEGGEZIN, 68},                       // 138
    {BREED, 46}, {VKKD, 8}, {CAH, 45}, {LAAG, 53},            // 46, 42 with the SofS modules, 45, 53
    {CRISISBEG, 30}, {CRISISINT, 26}, {CRISISVERBL, 20},     // 76
    {GEZIN, 103}, {KHD, 34}, {DIAGVERBL, 14},                // 103, 48
    {VMHU, 22}, {VMHF, 18}, {VMLF, 14}, {DAGBEG, 20}, {PROJECT, 14}, {HEROR, 10}};  // 98 not in Table 8
// Table 8, natraject links (319).
const std::vector<std::pair<const char*, int>> kPostTypes = {
    {PLEEGZORG, 40}, {PLEEGGEZIN, 39},                       // 79
    {BREED, 44}, {CAH, 4}, {LAAG, 52},                       // 44, 4, 52
    {CRISISBEG, 12}, {CRISISINT, 10}, {CRISISVERBL, 7},      // 29
    {GEZIN, 38}, {KHD, 11}, {DIAGVERBL, 4},                  // 38, 15
    {VMHU, 12}, {VMHF, 12}, {VMLF, 10}, {DAGBEG, 10}, {PROJECT, 8}, {HEROR, 6}};  // 58 not in Table 8
// Natraject sizes per child: 151 children with 319 links.
const std::vector<std::pair<int, int>> kPostSizes = {{1, 56}, {2, 50}, {3, 28}, {4, 10}, {5, 4}, {6, 2}, {7, 1}};
// Table 7, the 24 SofS modules combined with 1 or 2 other modules (29 module rows).
const std::vector<std::pair<std::vector<const char*>, int>> kCombinations = {
    {{VKKD}, 12}, {{LAAG, DAGBEG}, 3}, {{PROJECT}, 3}, {{LAAG, VMHF}, 2},
    {{HEROR}, 1}, {{CRISISVERBL}, 1},  {{VMHU}, 1},    {{LAAG}, 1}};
// Table 6: organisation type of the latest-starting module × dossier status (open / closed).
const std::vector<std::pair<const char*, std::pair<int, int>>> kOrgTypeStatus = {
    {"Crisishulp aan huis", {1, 1}},
    {"Centrum Integrale Gezinszorg", {0, 1}},
    {"Centrum Kinderzorg en Gezinsondersteuning", {16, 4}},
    {"Naadloos Flexibel Traject", {3, 3}},
    {"Voorziening extreme gedrags- en emotionele problemen (GES+)", {0, 1}},
    {"Observatie- en behandelcentrum", {1, 0}},
    {"Onthaal-, observatie- en oriëntatiecentrum", {8, 2}},
    {"Organisatie voor bijzondere jeugdzorg met verblijf", {140, 83}},
    {"Organisatie voor bijzondere jeugdzorg zonder verblijf", {20, 15}},
    {"Pleegzorg", {35, 4}},
    {"Niet van toepassing", {28, 1}}};

template <class T>
std::vector<T> expand_pairs(const std::vector<std::pair<T, int>>& parts) {
  std::vector<T> out;
  for (const auto& p : parts)
    for (int i = 0; i < p.second; ++i) out.push_back(p.first);
  return out;
}

// A plausible organisation type for a module that is not the child's latest one (no published target).
std::string usual_org_type(std::string_view type, Rng& rng) {
  if (type == PLEEGZORG || type == PLEEGGEZIN) return "Pleegzorg";
  if (type == CAH) return "Crisishulp aan huis";
  if (type == KHD || type == DIAGVERBL)
    return rng.chance(1, 2) ? "Observatie- en behandelcentrum" : "Onthaal-, observatie- en oriëntatiecentrum";
  if (type == VMHU || type == VMHF || type == VMLF || type == VKKD || type == CRISISVERBL)
    return "Organisatie voor bijzondere jeugdzorg met verblijf";
  if (type == GEZIN && rng.chance(1, 3)) return "Centrum Kinderzorg en Gezinsondersteuning";
  return rng.chance(3, 5) ? "Organisatie voor bijzondere jeugdzorg met verblijf"
                          : "Organisatie voor bijzondere jeugdzorg zonder verblijf";
}

struct ModuleDraft {
  std::string type;
  int32_t start = 0, end = kNoDate;
  ChainRole role = ChainRole::Voortraject;
  std::string org;
};

void fill_clients(BincDemo& demo, Rng& rng);

}  // namespace

BincDemo generate_binc(uint64_t seed) { return detail::generate_binc_block(seed, 1, 1, 1); }

namespace detail {

BincDemo generate_binc_block(uint64_t seed, uint64_t first_child, uint64_t first_module, uint64_t first_family) {
  Rng rng(seed);
  BincDemo demo;
  demo.as_of = kAsOf;
  const int n = 368;

  // --- Chain shape per child.
  std::vector<int> n_sofs = expand_pairs(kSofsFrequency);
  rng.shuffle(n_sofs);
  std::vector<int> last_rank(n, 0);
  {
    // Children with several SofS modules need a last rank of at least that many; they choose first.
    std::vector<int> ranks = expand_pairs(kLastRank);
    rng.shuffle(ranks);
    std::vector<int> by_need(n);
    std::iota(by_need.begin(), by_need.end(), 0);
    std::stable_sort(by_need.begin(), by_need.end(), [&](int a, int b) { return n_sofs[size_t(a)] > n_sofs[size_t(b)]; });
    std::vector<uint8_t> used(ranks.size(), 0);
    for (int c : by_need) {
      for (size_t k = 0; k < ranks.size(); ++k) {
        if (used[k] || ranks[k] < n_sofs[size_t(c)]) continue;
        used[k] = 1;
        last_rank[size_t(c)] = ranks[k];
        break;
      }
    }
  }
  std::vector<int> combination(n, -1);  // index into kCombinations
  std::vector<int> post_size(n, 0);
  {
    std::vector<int> combos;
    for (size_t k = 0; k < kCombinations.size(); ++k)
      for (int i = 0; i < kCombinations[k].second; ++i) combos.push_back(int(k));
    std::vector<int> kids(n);
    std::iota(kids.begin(), kids.end(), 0);
    rng.shuffle(kids);
    for (size_t k = 0; k < combos.size(); ++k) combination[size_t(kids[k])] = combos[k];
    std::vector<int> sizes = expand_pairs(kPostSizes);
    sizes.resize(size_t(n) - combos.size(), 0);
    rng.shuffle(sizes);
    for (size_t k = combos.size(); k < kids.size(); ++k) post_size[size_t(kids[k])] = sizes[k - combos.size()];
  }
  // Table 6 (367 children) plus one child without an organisation type (closed).
  std::vector<std::pair<std::string, bool>> type_status;  // type, open
  for (const auto& t : kOrgTypeStatus) {
    for (int i = 0; i < t.second.first; ++i) type_status.push_back({t.first, true});
    for (int i = 0; i < t.second.second; ++i) type_status.push_back({t.first, false});
  }
  type_status.push_back({"", false});
  rng.shuffle(type_status);

  std::vector<std::string> pre_pool = expand_pairs(std::vector<std::pair<std::string, int>>(
      kPreTypes.begin(), kPreTypes.end()));
  std::vector<std::string> post_pool = expand_pairs(std::vector<std::pair<std::string, int>>(
      kPostTypes.begin(), kPostTypes.end()));
  rng.shuffle(pre_pool);
  rng.shuffle(post_pool);
  size_t pre_next = 0, post_next = 0;

  std::vector<int> sofs_org = organisation_quota(n, rng);
  // One child's SofS module started in support year 2020 (Table 5: 1 child in 2020).
  int child_2020 = -1;
  for (int c = 0; c < n; ++c)
    if (last_rank[size_t(c)] == 1 && combination[size_t(c)] < 0 && post_size[size_t(c)] == 0 &&
        !type_status[size_t(c)].second) {
      child_2020 = c;
      break;
    }

  uint64_t module_number = first_module, family_number = first_family;
  for (int c = 0; c < n; ++c) {
    const bool open = type_status[size_t(c)].second;
    const int pre_count = last_rank[size_t(c)] - 1;
    const int k_post = post_size[size_t(c)];
    const int combo = combination[size_t(c)];
    const std::string& home_org = demo_organisations()[size_t(sofs_org[size_t(c)])];
    std::vector<ModuleDraft> chain;

    // Last SofS module.
    int32_t s_start;
    if (c == child_2020) {
      s_start = int32_t(rng.range(ymd(2020, 9, 1), ymd(2020, 12, 15)));
    } else if (k_post > 0) {
      s_start = int32_t(rng.range(ymd(2021, 1, 10), ymd(2022, 3, 31)));
    } else if (combo >= 0) {
      s_start = int32_t(rng.range(ymd(2021, 1, 10), ymd(2023, 3, 1)));
    } else {
      s_start = int32_t(rng.range(ymd(2021, 1, 10), ymd(2023, 5, 20)));
    }
    // Closed SofS modules last 2–11 months (2–8 when a natraject must follow), never past the end of the extract.
    int32_t s_end = std::min<int32_t>(s_start + int32_t(rng.range(60, k_post > 0 ? 240 : 330)), kAsOf);

    // Voortraject: equal slots before the last SofS start, earlier SofS modules first.
    if (pre_count > 0) {
      const int32_t window = s_start - kChainStart;
      const int32_t slot = std::min<int32_t>(240, window / pre_count);
      const int32_t base = s_start - slot * pre_count;
      for (int j = 0; j < pre_count; ++j) {
        ModuleDraft m;
        m.type = j < n_sofs[size_t(c)] - 1 ? std::string(kSofsModuleType) : pre_pool[pre_next++];
        m.start = base + j * slot + int32_t(rng.range(0, slot / 5));
        m.end = base + (j + 1) * slot - 1 - int32_t(rng.range(0, slot / 5));
        if (m.end <= m.start) m.end = m.start + 1;
        m.role = ChainRole::Voortraject;
        m.org = m.type == kSofsModuleType ? home_org : demo_organisations()[rng.below(20)];
        chain.push_back(m);
      }
    }
    ModuleDraft sofs;
    sofs.type = kSofsModuleType;
    sofs.start = s_start;
    sofs.role = ChainRole::Sofs;
    sofs.org = home_org;
    // The SofS module is open only when it is the latest-starting module of an open dossier, or carries open
    // combined modules.
    const bool sofs_open = open && k_post == 0;
    sofs.end = sofs_open ? kNoDate : s_end;
    chain.push_back(sofs);

    if (combo >= 0) {
      const auto& types = kCombinations[size_t(combo)].first;
      const int32_t span = (sofs_open ? kAsOf : s_end) - s_start;
      int32_t st = s_start + int32_t(rng.range(3, std::max<int32_t>(4, std::min<int32_t>(40, span / 3))));
      for (size_t j = 0; j < types.size(); ++j) {
        ModuleDraft m;
        m.type = types[j];
        m.start = st;
        m.role = ChainRole::Combined;
        m.org = (m.type == VKKD || rng.chance(1, 2)) ? home_org : demo_organisations()[rng.below(20)];
        const bool latest = j + 1 == types.size();
        if (latest && open) {
          m.end = kNoDate;
        } else {
          const int32_t limit = sofs_open ? kAsOf : s_end;
          m.end = std::min<int32_t>(st + int32_t(rng.range(14, 120)), limit);
          if (m.end <= m.start) m.end = m.start + 1;
        }
        chain.push_back(m);
        st += int32_t(rng.range(2, 20));
      }
    }

    if (k_post > 0) {
      const int32_t window = kAsOf - (s_end + 1);
      const int32_t slot = std::min<int32_t>(200, window / k_post);
      const int32_t base = s_end + 1;
      for (int j = 0; j < k_post; ++j) {
        ModuleDraft m;
        m.type = post_pool[post_next++];
        m.start = base + j * slot + int32_t(rng.range(1, std::max<int32_t>(1, slot / 5)));
        const bool latest = j + 1 == k_post;
        if (latest && open) {
          m.end = kNoDate;
        } else {
          m.end = base + (j + 1) * slot - 1 - int32_t(rng.range(0, slot / 5));
          if (m.end <= m.start) m.end = m.start + 1;
        }
        m.role = ChainRole::Natraject;
        m.org = demo_organisations()[rng.below(20)];
        chain.push_back(m);
      }
    }

    // Emit: chain order is start order by construction; schakeling = position.
    BincChild child;
    child.kind_id = child_id(first_child + uint64_t(c));
    child.sofs_modules = n_sofs[size_t(c)];
    child.open = open;
    child.organisatietype = type_status[size_t(c)].first;
    // Siblings: now and then a child shares the family of the previous one.
    const bool sibling = c > 0 && rng.chance(8, 100);
    if (!sibling) ++family_number;
    const std::string gezin = family_id(family_number - 1);
    for (size_t j = 0; j < chain.size(); ++j) {
      const ModuleDraft& d = chain[j];
      BincModule m;
      m.kind_id = child.kind_id;
      m.gezin_id = gezin;
      m.module_id = module_id(module_number++);
      m.module_type = d.type;
      m.start = d.start;
      m.einde = d.end;
      m.schakeling = int(j) + 1;
      int y;
      unsigned mo, da;
      core::civil_from_days(d.start, y, mo, da);
      m.begeleidingsjaar = y;
      m.organisatie = d.org;
      m.vzb_organisatietype = j + 1 == chain.size() ? child.organisatietype : usual_org_type(d.type, rng);
      child.modules.push_back(demo.modules.size());
      child.roles.push_back(d.role);
      demo.modules.push_back(std::move(m));
    }
    demo.children.push_back(std::move(child));
  }
  fill_clients(demo, rng);
  return demo;
}

}  // namespace detail

namespace {

// Table 5, all n = 368. 257 children have "Niet van toepassing" for the family variables (and the child's school
// variables); the other 111 carry the values below, which sum to 111 per variable.
void fill_clients(BincDemo& demo, Rng& rng) {
  const size_t n = demo.children.size();
  demo.clients.resize(n);
  const std::string NVT = "Niet van toepassing";
  std::vector<uint8_t> applicable = quota<uint8_t>({{1, 111}, {0, 257}});
  rng.shuffle(applicable);
  std::vector<size_t> app;
  for (size_t i = 0; i < n; ++i) {
    BincClient& c = demo.clients[i];
    c.kind_id = demo.children[i].kind_id;
    c.gezin_id = demo.modules[demo.children[i].modules.front()].gezin_id;
    if (applicable[i]) {
      app.push_back(i);
    } else {
      c.dagbesteding = c.opleidingsniveau = c.schoolachterstand = c.niet_begeleide_minderjarige = NVT;
      c.gezinssituatie = c.adoptiegezin = c.pleeggezin = c.huisvesting = c.thuistaal = c.gezondheid = NVT;
      c.schuldenlast = c.opleiding_opvoedingsfiguur = c.arbeidssituatie = NVT;
    }
  }
  // Pooled age distribution of Table 5 (all years), used as weights.
  static const int age_weights[19] = {30, 55, 43, 47, 48, 44, 35, 44, 53, 54, 39, 39, 56, 26, 33, 23, 19, 10, 1};
  auto draw_age = [&](int lo, int hi) {
    int total = 0;
    for (int a = lo; a <= hi; ++a) total += age_weights[a];
    int r = int(rng.below(uint64_t(total)));
    for (int a = lo; a <= hi; ++a) {
      if (r < age_weights[a]) return a;
      r -= age_weights[a];
    }
    return hi;
  };

  // Among the 111: daytime activity first; age, school type and school delay follow it coherently.
  std::vector<std::string> dag = quota<std::string>(
      {{"Nog niet schoolgaand", 37}, {"Schoolgaand", 68}, {"Andere", 1}, {"", 5}});
  rng.shuffle(dag);
  std::vector<size_t> not_yet, others;
  for (size_t k = 0; k < app.size(); ++k) {
    BincClient& c = demo.clients[app[k]];
    c.dagbesteding = dag[k];
    if (dag[k] == "Nog niet schoolgaand") {
      c.instroomleeftijd = draw_age(0, 3);
      not_yet.push_back(app[k]);
    } else {
      c.instroomleeftijd = dag[k] == "Schoolgaand" ? draw_age(3, 18) : draw_age(0, 18);
      others.push_back(app[k]);
    }
  }
  for (size_t i = 0; i < n; ++i)
    if (!applicable[i]) demo.clients[i].instroomleeftijd = draw_age(0, 18);
  // School type: "Geen" for 36 of the 37 not yet at school (1 Missing); the others by age.
  rng.shuffle(not_yet);
  for (size_t k = 0; k < not_yet.size(); ++k) demo.clients[not_yet[k]].opleidingsniveau = k < 36 ? "Geen" : "";
  {
    rng.shuffle(others);
    std::vector<size_t> with_level(others.begin() + 13, others.end());  // 13 Missing
    for (size_t k = 0; k < 13; ++k) demo.clients[others[k]].opleidingsniveau = "";
    std::stable_sort(with_level.begin(), with_level.end(), [&](size_t a, size_t b) {
      return demo.clients[a].instroomleeftijd < demo.clients[b].instroomleeftijd;
    });
    std::vector<std::string> levels = quota<std::string>({{"Kleuteronderwijs", 19}, {"Lager onderwijs", 27},
                                                          {"BLO", 1}, {"BuSO", 2}, {"ASO", 6}, {"BSO", 5},
                                                          {"TSO", 1}});
    for (size_t k = 0; k < with_level.size(); ++k) demo.clients[with_level[k]].opleidingsniveau = levels[k];
  }
  // School delay: NVT for 33 of those not yet at school; 0 ×58, 1 ×9, Missing ×11 for the remaining 78.
  {
    std::vector<size_t> rest(not_yet.begin() + 33, not_yet.end());
    for (size_t k = 0; k < 33; ++k) demo.clients[not_yet[k]].schoolachterstand = NVT;
    rest.insert(rest.end(), others.begin(), others.end());
    std::vector<std::string> delay = quota<std::string>({{"0", 58}, {"1", 9}, {"", 11}});
    rng.shuffle(delay);
    for (size_t k = 0; k < rest.size(); ++k) demo.clients[rest[k]].schoolachterstand = delay[k];
  }
  auto deal = [&](std::string BincClient::*field, std::vector<std::string> values) {
    rng.shuffle(values);
    for (size_t k = 0; k < app.size(); ++k) demo.clients[app[k]].*field = values[k];
  };
  deal(&BincClient::niet_begeleide_minderjarige, quota<std::string>({{"Nee", 107}, {"", 4}}));
  deal(&BincClient::gezinssituatie,
       quota<std::string>({{"Bi-locatieregeling (co-ouderschap)", 11}, {"Eenoudergezin moeder", 20},
                           {"Eenoudergezin vader", 3}, {"Familie", 1}, {"Kerngezin", 56},
                           {"Monolocatieregeling", 1}, {"Nieuw-samengesteld gezin moeder", 10},
                           {"Nieuw-samengesteld gezin vader", 1}, {"Andere", 2}, {"", 6}}));
  deal(&BincClient::adoptiegezin, quota<std::string>({{"Nee", 7}, {"", 104}}));
  deal(&BincClient::pleeggezin, quota<std::string>({{"Ja", 1}, {"Nee", 7}, {"", 103}}));
  deal(&BincClient::huisvesting, quota<std::string>({{"Positief", 76}, {"Negatief", 19}, {"", 16}}));
  deal(&BincClient::thuistaal,
       quota<std::string>({{"Nederlands", 82}, {"Nederlands en andere", 15}, {"Andere", 7}, {"", 7}}));
  deal(&BincClient::gezondheid, quota<std::string>({{"Positief", 64}, {"Negatief", 27}, {"", 20}}));
  deal(&BincClient::schuldenlast, quota<std::string>({{"Ja", 27}, {"Nee", 37}, {"", 47}}));
  deal(&BincClient::opleiding_opvoedingsfiguur,
       quota<std::string>({{"Lager onderwijs", 3}, {"Lager secundair onderwijs", 13},
                           {"Hoger secundair onderwijs", 14}, {"Hoger onderwijs", 9}, {"Geen", 2}, {"", 70}}));
  deal(&BincClient::arbeidssituatie,
       quota<std::string>({{"Inkomen uit arbeid deeltijds", 7},
                           {"Inkomen uit arbeid deeltijds + inkomen uit arbeid voltijds", 3},
                           {"Inkomen uit arbeid deeltijds + vervangingsinkomen", 2},
                           {"Inkomen uit arbeid voltijds", 29},
                           {"Inkomen uit arbeid voltijds + vervangingsinkomen", 15},
                           {"Inkomen uit arbeid voltijds + wisselende arbeidssituatie", 2},
                           {"Vervangingsinkomen", 26},
                           {"Wisselende arbeidssituatie", 2},
                           {"Geen", 4},
                           {"Geen + inkomen uit arbeid deeltijds", 1},
                           {"Geen + inkomen uit arbeid voltijds", 4},
                           {"Geen + vervangingsinkomen", 1},
                           {"", 15}}));
  // Over all 368 (no NVT in these).
  std::vector<std::string> foster = quota<std::string>(
      {{"Ja, bestandspleegzorg", 34}, {"Ja, netwerkpleegzorg in familiaal netwerk", 120},
       {"Ja, netwerkpleegzorg in sociaal netwerk", 55}, {"Ja, netwerkpleegzorg", 8}, {"Nee", 151}});
  rng.shuffle(foster);
  // Children in the family: the pooled shape of Table 5 (mean 2.6 of the known values), 36 Missing.
  std::vector<int> kids = quota<int>({{1, 89}, {2, 101}, {3, 61}, {4, 44}, {5, 18}, {6, 11}, {7, 5}, {8, 3}, {-1, 36}});
  rng.shuffle(kids);
  std::vector<std::string> sex = quota<std::string>({{"Mannelijk", 174}, {"Vrouwelijk", 194}});
  rng.shuffle(sex);
  for (size_t i = 0; i < n; ++i) {
    demo.clients[i].pleegzorg_moment = foster[i];
    demo.clients[i].aantal_kinderen = kids[i];
    demo.clients[i].geslacht = sex[i];
  }
}

}  // namespace
}  // namespace zicht::demo
