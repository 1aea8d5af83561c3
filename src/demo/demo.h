// Zicht demo — built-in synthetic data for workshops, tests and benchmarks (SPEC §1 "the demo opens by default").
//
// One seeded generator per profile writes the CSV an organisation would export: the Dutch headers of the schema
// (each field's first synonym), ';' as delimiter, dd/mm/yyyy dates, "nee"/"ja" where the SofS dashboard uses them.
// The population is built *deterministically from the published counts* (exact quotas, then a seeded shuffle), so
// with any seed the marginals of SPEC §3 come out exactly under the readings of SPEC §3.2; randomness only fills
// in what has no published target (which trajectory gets which value, days within a month, …).
//
// Everything here is plain C++17 without threads, built for native and wasm32 alike. The random numbers come from
// our own xoshiro256** (demo/rng.h), never from std::*_distribution, so native and wasm produce identical bytes.
//
//   std::string csv = zicht::demo::generate_csv({"sofs"});              // 370 trajectories, seed 2023
//   zicht::demo::SofsDemo d = zicht::demo::generate_sofs(2023);          // the same rows, structured
//
// Which published figures are exact, approximate or not reproducible: see the comment block at the end of this
// file and tests/unit/test_demo_*.cpp.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.h"

namespace zicht::demo {

struct DemoOptions {
  std::string profile = "sofs";  // "sofs" | "binc" | "matrix" | "kerndataset" | "evolutie" | "trajecten"
  uint64_t seed = 2023;
  // Records to write: 0 = the published size (sofs: 370 trajectories; binc modules: 1,365 module rows of 368
  // children; binc clients: 368 children). Larger: the published design is repeated with new ids (each copy
  // shuffled with its own derived seed) and cut at exactly `rows`; smaller: the first `rows` records.
  uint64_t rows = 0;
  std::string part = "modules";  // binc: "modules" | "clients"; matrix: "cells" (also when "modules", the
                                 // default) | "characteristics" | "support_forms" | "legend"; kerndataset:
                                 // "ouder" (also when "modules") | "kind" | "opvolging" | "zelfevaluatie" | "casus";
                                 // evolutie: "meting" (also when "modules") | "telling" | "fase" | "instrument";
                                 // trajecten: "registratie" (also when "modules")
  // binc modules only: repeat the client characteristics (Table 5) on every module row.
  bool characteristics_in_modules = false;
};

// The profiles the generators know ("sofs", "binc", "matrix", "kerndataset", "evolutie", "trajecten"), whether or not the app registers them.
const std::vector<std::string>& demo_profiles();

// Checks the options; returns an empty string when they are usable, else an English message.
std::string validate_options(const DemoOptions& options);

// The whole CSV in one string (UTF-8 without BOM, CRLF line ends).
std::string generate_csv(const DemoOptions& options);

// The same bytes in pieces of roughly `chunk_bytes`, for writing very large files without holding them in memory.
// Returns the number of data rows written.
uint64_t generate_csv_chunks(const DemoOptions& options, const std::function<void(std::string_view)>& sink,
                             size_t chunk_bytes = size_t(1) << 20);

// ---------------------------------------------------------------------------------------------------------------
// Structured form (what the CSV says, before formatting), so tests can count records directly.

// Days since 1970-01-01 (as core::days_from_civil). kNoDate = no date.
constexpr int32_t kNoDate = INT32_MIN;

// A SofS dashboard cell for a step: a date, "ja" (taken, date unknown), "nee" (not taken) or empty (Missing).
enum class StepCell : uint8_t { Date, Ja, Nee, Missing };
// The network-meeting cell: a count, a date typed into the count column ("≥ 1, count unknown"), or empty.
enum class MeetingCell : uint8_t { Count, Date, Missing };
// A partnership cell (who was involved in a step): "ja", "nee" or empty.
enum class Involvement : uint8_t { Ja, Nee, Missing };

// The ten date steps in the dashboard's column order.
enum Step : int {
  kMappingIntern, kMappingFamilie, kDrieHuizen, kGevaarsboodschap, kVeiligheidsdoel, kVeiligheidsschaal,
  kTraject, kWoordEnBeeld, kPlanVolwassenen, kPlanKind, kStepCount
};
extern const char* const kStepIds[kStepCount];      // schema field ids: "mapping_intern", …
extern const char* const kStepHeaders[kStepCount];  // CSV headers: "Mapping intern", …

struct SofsTrajectory {
  std::string traject_id;
  std::string organisatie;
  int organisation_index = 0;          // 0..19 into sofs_organisations()
  int32_t start_cb = kNoDate;
  int32_t start_consulent = kNoDate;   // kNoDate = empty
  std::string typering;                // EM, FM, IFG, SM, V, Geen
  StepCell step[kStepCount] = {};
  int32_t step_date[kStepCount] = {};  // valid when step[i] == Date
  MeetingCell meetings = MeetingCell::Missing;
  int meeting_count = 0;               // when Count
  int32_t meeting_date = kNoDate;      // when Date
  int network_figures = -1;            // -1 = empty
  std::string plan_b;                  // "netwerk", "verblijf" or "" (blank)
  StepCell plan_b_in_werking = StepCell::Missing;  // Date, Nee or Missing
  int32_t plan_b_date = kNoDate;
  bool closed = false;
  bool end_written_nee = false;        // open: einddatum "nee" (true) or empty (false)
  int32_t einddatum = kNoDate;         // closed: the end date
  Involvement cb[kStepCount] = {};
  Involvement consulent[kStepCount] = {};
};

struct SofsDemo {
  int32_t as_of = 0;  // 5 October 2023: the latest date in the data
  std::vector<SofsTrajectory> trajectories;
};

struct BincModule {
  std::string kind_id, gezin_id, module_id, module_type;
  int32_t start = kNoDate, einde = kNoDate;  // einde kNoDate = open
  int schakeling = 0;                         // 1-based position in the child's chain
  int begeleidingsjaar = 0;
  std::string vzb_organisatietype;            // "" = Missing (one child)
  std::string organisatie;
};

// The Table 5 characteristics of one child; "" = Missing, "Niet van toepassing" = NVT, -1 = Missing for numbers.
struct BincClient {
  std::string kind_id, gezin_id;
  std::string geslacht;
  int instroomleeftijd = -1;
  std::string dagbesteding, opleidingsniveau, schoolachterstand, niet_begeleide_minderjarige, gezinssituatie,
      adoptiegezin, pleeggezin, pleegzorg_moment;
  int aantal_kinderen = -1;
  std::string huisvesting, thuistaal, gezondheid, schuldenlast, opleiding_opvoedingsfiguur, arbeidssituatie;
};

// What the generator intended for each child (derivable from the module rows by SPEC §2.2's rules; the tests check
// that the derivation gives the same).
enum class ChainRole : uint8_t { Voortraject, Sofs, Combined, Natraject };
struct BincChild {
  std::string kind_id;
  int sofs_modules = 0;
  std::vector<size_t> modules;  // indices into BincDemo::modules, in chain order
  std::vector<ChainRole> roles; // per module in `modules`
  bool open = false;            // dossier status (latest-starting module has no end)
  std::string organisatietype;  // of the latest-starting module ("" = Missing)
};

struct BincDemo {
  int32_t as_of = 0;  // 6 June 2023
  std::vector<BincModule> modules;   // in child order, each child's modules in chain order
  std::vector<BincClient> clients;   // one per child
  std::vector<BincChild> children;
};

// ---------------------------------------------------------------------------------------------------------------
// Matrix (issue 22): 24 support forms × 97 characteristics of trajectondersteuning (spec matrix.md §4). The three
// dictionary parts are the embedded assets/matrix/*.csv unchanged; "cells" is the long format of the brief with two
// versions ("auteurs", classification_origin "fictief", and "workshop", ~12 % of P/GP/NP cells moved one step).
// Every classification is fictitious (seeded) except the four cells the seed states explicitly (matrix_generator.cpp).

struct MatrixDemoCell {
  std::string form, characteristic, classification, origin, coder, version, text_style, note, cross_ref_type,
      cross_ref_target, numeric_unit;
  bool uncertain = false;
  double numeric_min = std::nan(""), numeric_max = std::nan("");  // NaN = none
};

struct MatrixDemo {
  std::vector<std::string> forms;            // support_form_id in order (24)
  std::vector<std::string> characteristics;  // characteristic_id in order (97)
  std::vector<MatrixDemoCell> cells;         // version "auteurs" (form-major), then "workshop"; 2 × 24 × 97
};

MatrixDemo generate_matrix(uint64_t seed = 2023);

// The cells CSV (';', CRLF, header row = the cells columns of the design); rows 0 = all.
std::string matrix_cells_csv(const MatrixDemo& d, uint64_t rows = 0);

// The CSV of a dictionary part ("characteristics", "support_forms", "legend") as embedded; empty when unknown.
std::string matrix_dictionary_csv(const std::string& part);


// ---------------------------------------------------------------------------------------------------------------
// Kerndataset (issue 20; spec kerndataset.md §1.2, §1.4, §1.5): the "Vlaanderen-demo" surveys at closure, follow-up
// and self-assessment, linked to the SofS demo of the same seed (traject_id = a SofS demo id, the cohort = its 236
// closed trajectories as of 5 October 2023). Every answer is synthetic; the free texts say "Synthetisch".

// Answer codes as numbers: parent items 1..5 = "Helemaal niet akkoord" … "Helemaal akkoord", kItemMissing = empty,
// kItemNvt = "NVT", any other number is written as it is (the deliberate out-of-range "6"); child items 2 = "Ja",
// 1 = "Soms", 0 = "Nee", kItemMissing = empty.
constexpr int kItemMissing = -1;
constexpr int kItemNvt = -2;
constexpr int kParentItems = 28;  // o01 … o28: 14 modelgetrouwheid + 14 effectiviteit
constexpr int kChildItems = 11;   // k1a … k1e, k2 … k7: 7 questions, 11 answer rows
constexpr int kSelfItems = 16;    // i1a … i4c (14), finale, volledig
constexpr int kSelfExtras = 8;    // l1 … l6, partners_geinformeerd, ict

struct KernOuder {
  std::string traject_id, respondent_id;
  std::string rol;          // "moeder" | "vader" | "andere opvoedingsfiguur" | "" (worker rows)
  std::string perspectief;  // "ouder" | "begeleider" (answers o01–o14 only)
  std::string moment_bevraging = "afronding";
  int32_t datum = kNoDate;
  std::string afname;       // "zelf" | "samen met begeleider" | "in gesprek"
  int item[kParentItems] = {};
};

struct KernKind {
  std::string traject_id, respondent_id;
  std::string moment_bevraging = "afronding";
  int32_t datum = kNoDate;
  int leeftijd = -1;
  std::string afname_kind;  // "zelf" | "met hulp" | "smileys"
  int item[kChildItems] = {};
};

// One follow-up row (trajectory × moment). Text fields: "" = empty; ja/nee fields hold "ja", "nee" or "";
// counts and the safety scale -1 = empty. heraanmelding_datum is written "NVT" when heraanmelding is "nee", and
// uithuisplaatsing_waar "NVT" when uithuisplaatsing is "nee".
struct KernOpvolging {
  std::string traject_id, moment;  // "afronding" | "6m" | "12m" | "24m"
  int32_t datum = kNoDate;
  std::string toestemming;         // afronding row only: "ja" | "nee" | "niet gevraagd"
  int32_t toestemming_datum = kNoDate, toestemming_ingetrokken = kNoDate;
  std::string kanaal, bereikt, heraanmelding;
  int32_t heraanmelding_datum = kNoDate;
  std::string uithuisplaatsing, uithuisplaatsing_waar;
  int n_netwerkfiguren = -1, n_personen_ouder = -1, n_personen_minderjarige = -1;
  std::string signalen_veiliger, signalen_welbevinden, netwerk_samenkomst, netwerk_samenkomst_toelichting,
      plan_bijgestuurd, plan_bijgestuurd_toelichting, netwerk_grijpt_in;
  int veiligheidsschaal_ouder = -1;
  std::string vrijgegeven;
};

struct KernZelfevaluatie {
  std::string respondent_id, organisatie, team, regio, groep, functie;
  int32_t golf = kNoDate;
  int item[kSelfItems] = {};    // 1..10 (kItemMissing = empty)
  int extra[kSelfExtras] = {};  // 1..10 or kItemMissing
};

struct KernCasus {
  std::string traject_id;
  std::string vervolg;  // "OCJ/SDJ/VK" | "reguliere contextbegeleiding" | "geen hulp" | "" (Missing)
  std::string signalen_aangemelde, signalen_alle, wissel_begeleider, netwerk_uiteengevallen, financiele_problemen,
      complicerende_factor;  // "ja" | "nee"
  std::string ouder_bevraagd;  // "moeder" | "vader" | "geen"
  std::string blijvende_angst; // "ja" | "nee" | "NVT" (no parent interviewed)
};

// The deliberate quality cases, so tests can find them (indices into the vectors of KerndatasetDemo).
struct KernQualityCases {
  size_t unmatched_ouder = 0;              // ouder row whose traject_id is no SofS id
  size_t out_of_range_ouder = 0;           // ouder row with item value 6 (in o05)
  size_t before_closure = 0;               // opvolging row dated before the trajectory's einddatum
  size_t duplicate_moment = 0;             // the second row of a (traject_id, moment) pair
  std::vector<size_t> mismatched_moment;   // rows dated 3–4 months off their moment's due date
  std::vector<std::string> withdrawn;      // the 3 traject_ids whose consent was withdrawn
  std::vector<size_t> after_withdrawal;    // their rows dated after the withdrawal
  std::vector<std::string> figures_differ; // traject_ids whose closure n_netwerkfiguren ≠ the SofS value
};

struct KerndatasetDemo {
  int32_t as_of = 0;                    // 5 October 2023 (the SofS demo's as-of date)
  std::vector<std::string> panel_ids;   // the 18 case-panel ids (case_panel_ids of the SofS demo)
  std::vector<KernOuder> ouder;
  std::vector<KernKind> kind;
  std::vector<KernOpvolging> opvolging;
  std::vector<KernZelfevaluatie> zelfevaluatie;
  std::vector<KernCasus> casus;
  KernQualityCases quality;
};

KerndatasetDemo generate_kerndataset(uint64_t seed = 2023);

// One part as CSV (';', CRLF, dd/mm/yyyy, header = the schema's field ids); rows 0 = all. Empty for an unknown part.
std::string kerndataset_csv(const KerndatasetDemo& d, const std::string& part, uint64_t rows = 0);

// The 18-case panel (spec §1.4): per organisation, the most recently closed trajectory with einddatum ≤ 30 June
// 2023 (ties: the higher traject_id), leaving out the two organisations of kPanelExcludedOrganisations (one
// declined, one worker had left). Indices into sofs.trajectories in organisation order / their ids. The SofS
// generator's last pass makes these 18 agree with the published plan-B panel; the evolutie demo reuses them.
constexpr int kPanelExcludedOrganisations[2] = {4, 17};
constexpr int32_t kPanelCutoff = 19538;  // 30 June 2023 (days since 1970-01-01)
std::vector<size_t> case_panel_indices(const std::vector<SofsTrajectory>& trajectories);
std::vector<std::string> case_panel_ids(const SofsDemo& sofs);

SofsDemo generate_sofs(uint64_t seed = 2023);
BincDemo generate_binc(uint64_t seed = 2023);

// The 20 made-up organisations (not real ones); demo_organisations()[i] for i >= 15 registered no consulent data.
const std::vector<std::string>& demo_organisations();
constexpr int kOrganisationsWithoutConsulent = 5;

// The demo is built for the report's module clusters, which live as data in the binc schema (settings.clusters;
// analysis::binc::default_cluster). The SofS cluster holds the SofS module and "Verblijf voor kinderen korte
// duur", the stay organisations had to create for SofS (seed notes 003 §2.1): that is how Table 8's 42 SofS links
// before the last SofS module arise.
extern const char* const kSofsModuleType;                  // "Contextbegeleiding i.f.v. veiligheidsplanning SofS"

// Completed calendar months between two dates (SPSS DATEDIFF "month"; SPEC §4), as the analyses count them.
using core::completed_months;

// dd/mm/yyyy
std::string format_date(int32_t days);

// ---------------------------------------------------------------------------------------------------------------
// Evolutie (issue 23; spec evolutie.md): the 18-case panel's safety-scale scores per parent and moment (same ids as
// the SofS and kerndataset demos), counts at start and end, a synthetic Evoluator-like cohort on nine life domains,
// and a synthetic Bruggen na(ar) 18 cohort's phases. Text cells: "" = empty. Exact for every seed (the targets and
// the deliberate quality cases: evolutie_generator.cpp; tests/unit/test_demo_evolutie.cpp). DemoOptions::part for
// "evolutie": "meting" (also when "modules") | "telling" | "fase" | "instrument".
struct EvoMeting {
  std::string traject_id, jongere_id, persoon_id, rol, instrument_id, domein, moment;  // moment: schema code
  int32_t datum = kNoDate;
  std::string score;  // "7", "6,5" (decimal comma), "niet gesteld", "" (empty), or a deliberate out-of-range "12"
  std::string ingevuld, taal, opmerking;
};
struct EvoTelling { std::string traject_id; int prof_start = -1, prof_einde = -1, net_start = -1, net_einde = -1;
                    std::string rolverandering; };  // "ja" | "nee" | ""
struct EvoFase {
  std::string jongere_id, programma = "BN18", fase;  // fase "1".."6"
  int32_t datum_in = kNoDate; int leeftijd = -1;
  std::string vorm, locatie, afgehaakt, reden_afhaken, netwerk_uitgebouwd, kent_rechten, weet_waar_terecht, terugvalbasis;
};
struct EvoInstrument { std::string instrument_id, naam, domeinen /* "a; b; c" */, richting, anker_min, anker_max, taal;
                       int min = 0, max = 10; };
struct EvoQualityCases {  // indices into EvolutieDemo::meting
  size_t window_mismatch = 0, duplicate_moment = 0, out_of_range = 0, after_end = 0;
};
struct EvolutieDemo {
  int32_t as_of = 0;
  std::vector<std::string> panel_ids;                // case_panel_ids(generate_sofs(seed))
  std::vector<std::string> panel_class;              // intended safety-scale class per panel id (same order):
      // "stijging" | "U-vorm" | "enkel start" | "niet bevraagd" | "geen evolutie"
  std::vector<EvoInstrument> instrument;             // veiligheidsschaal, levensdomeinen
  std::vector<EvoMeting> meting;                     // panel rows first, then the life-domain cohort
  std::vector<EvoTelling> telling;                   // one per panel id
  std::vector<EvoFase> fase;                         // the BN18 cohort
  EvoQualityCases quality;
};
EvolutieDemo generate_evolutie(uint64_t seed = 2023);
// One part as CSV (';', CRLF, dd/mm/yyyy, header = the schema's field ids of that kind, in schema order):
// "meting" (also for "modules", the default part) | "telling" | "fase" | "instrument"; rows 0 = all.
std::string evolutie_csv(const EvolutieDemo& d, const std::string& part, uint64_t rows = 0);

// ---------------------------------------------------------------------------------------------------------------
// Co-ncept trajecten (issue 21; spec concept.md §2): the planmakers' register, one row per registration.
// Exact for every seed (trajecten_generator.cpp; tests/unit/test_demo_trajecten.cpp). Text cells: "" = empty.
// Zicht's additions to the spec's fields (optional columns): geboortemaand ("yyyy-mm", from which the age at
// closure is derived: completed years counted from the first day of the birth month) and indirect_bereikt (other
// youngsters of the family reached indirectly, -1 = empty).
struct TrajectRegistration {
  std::string traject_id;          // "CN-01" … "CN-28", in registration order
  std::string gezin_id, aanmeldvorm;  // aanmeldvorm "jongere" | "gezin"
  int32_t aanmelddatum = kNoDate;
  int leeftijd = -1;               // at registration
  std::string regio, aanmelder, reden_aanmelding;  // aanmelder "Voorziening > VOT" form; reasons joined by " + "
  std::string act_betrokken, toestemming_jongere;  // "ja" | "nee"
  int32_t opstart = kNoDate;       // start date; kNoDate with opstart_text "nee" = never started, "" = pending
  std::string opstart_text;
  std::string reden_geen_opstart, alternatief;     // "NVT" / "" for started registrations
  int verlengingen = 0;            // -1 = empty (never started)
  int32_t afronding = kNoDate;     // kNoDate = lopend (or never started)
  std::string afrondingscriterium, blokkade_voor, blokkade_na, overdracht, middelen;  // blokkade "NVT" if never started
  std::string geboortemaand;       // "yyyy-mm" (Zicht's addition)
  int indirect_bereikt = -1;       // siblings reached indirectly (Zicht's addition); -1 = empty
};
struct TrajectenDemo { int32_t as_of = 0; std::vector<TrajectRegistration> rows; };
TrajectenDemo generate_trajecten(uint64_t seed = 2023);
std::string trajecten_csv(const TrajectenDemo& d, uint64_t rows = 0);  // ';', CRLF, dd/mm/yyyy, schema field ids

// ---------------------------------------------------------------------------------------------------------------
// Procesflow (issue 21; spec concept.md §3.4): Co-ncept's meetings, forum attendance, themes, findings, dot votes,
// card statements, action points, recommendations and quotes, linked to the trajecten demo of the same seed by
// traject_id. Text cells: "" = empty. DemoOptions::part for "procesflow": "overleg" (also when "modules") |
// "aanwezigheid" | "thema" | "bevinding" | "actiepunt" | "aanbeveling" | "stemming" | "stelling" | "citaat".
// overleg carries a "+"-joined `themas` column (no separate overleg_thema file); stelling has one row per
// statement × position (no separate stelling_stem file). Exact for every seed: procesflow_generator.cpp,
// tests/unit/test_demo_procesflow.cpp.
struct PfOverleg {
  std::string overleg_id, type, niveau;
  int32_t datum = kNoDate;
  std::string traject_id, jongere_aanwezig, ouder_aanwezig, acute_crisis, ouder_overleg_id, themas;
};
struct PfAanwezigheid { std::string overleg_id, organisatie, sector; int personen = -1; /* -1 = blank */
                        std::string functieniveau; };
struct PfThema { std::string thema_id, naam; bool lerend_netwerk = false, focus_2025 = false, voorgesteld = false; };
struct PfBevinding { std::string bevinding_id, thema_id, tekst, bron_overleg_id; };
struct PfActie { std::string actie_id, bevinding_id, tekst, eigenaar, niveau, doelstelling, status;
                 int32_t datum = kNoDate; };
struct PfAanbeveling { std::string aanbeveling_id, tekst, niveau, kernthema, bronnen, status; };
struct PfStem { std::string overleg_id, optie; int stemmen = -1; /* -1 = blank (one dot) */ };
struct PfStelling { std::string stelling_id, overleg_id; int nummer = -1; std::string tekst, schaal, uitkomst_tekst,
                    positie; int aantal = -1; std::string argumenten; };
struct PfCitaat { std::string tekst, bron, thema_id, niveau, vrijgegeven; };
struct ProcesflowDemo {
  std::vector<PfOverleg> overleg;
  std::vector<PfAanwezigheid> aanwezigheid;
  std::vector<PfThema> thema;
  std::vector<PfBevinding> bevinding;
  std::vector<PfActie> actiepunt;
  std::vector<PfAanbeveling> aanbeveling;
  std::vector<PfStem> stemming;
  std::vector<PfStelling> stelling;
  std::vector<PfCitaat> citaat;
  std::string forum_id;  // the netwerkforum of 22 Nov 2024
};
ProcesflowDemo generate_procesflow(uint64_t seed = 2023);
// One part as CSV (';', CRLF, dd/mm/yyyy, header = the schema's field ids of that kind); rows 0 = all.
std::string procesflow_csv(const ProcesflowDemo& d, const std::string& part, uint64_t rows = 0);

// Exact for every seed (tests/unit/test_demo_targets.cpp counts them on the records):
//  SofS: 370 = 134 open + 236 closed (as of 5 Oct 2023); case types 56/17/175/26/82/14; closed by year 43/139/54;
//    adult plan `valid` 126/185 and 13/30, 79/109, 34/46; child plan `all` 12/43, 54/139, 21/54 and `valid` 87/165;
//    W&P `valid` 27/38, 100/130, 39/47 = 166/215 (77.2 %); family mapping 228/233 (97.9 %); all 11 steps 67/236,
//    53 of them ≥ 8 completed months; 133 closed ≥ 8 (142 ≤ 8, 94 > 8, 39 at 8); plan B open 37 netwerk / 30
//    verblijf of 134; closed activated 77/165 (38 netwerk, 34 verblijf), 16/77 = 21 % at or before the start;
//    network meetings: 246 numeric counts (91 cells hold a date = 24.6 %, 33 Missing), range 0–19, median 4,
//    ≥ 6 for 81/246 = 32.9 % (denominator: every trajectory with a numeric count, open and closed, since Fig. 7
//    uses all 370 and dates are left out of counts, SPEC §2.1), Missing in 28/236 = 11.9 % of closed, 20/236 =
//    8.5 % closed without any, means by closing year 95/28 = 3.39, 408/87 = 4.69, 244/33 = 7.39 (n = 148, as
//    F(2,145)); safety-goal partnership: of the 308 trajectories that took the step, context worker "ja" 291
//    (94.5 %), consulent "ja" 78 (25.3 %; empty = not involved); 5 of 20 organisations without consulent data.
//  SofS case panel (kerndataset §1.4): the 18 ids of case_panel_ids() show plan B netwerk 12 / verblijf 6,
//    activated 5 (4 netwerk, 1 verblijf), 2 at or before the start (both activated netwerk); arranged by the last
//    pass of the SofS generator (case_panel.cpp), which swaps whole plan-B tuples between closed trajectories, so
//    every SofS total above is unchanged. Kerndataset: see kerndataset_generator.cpp.
//  Binc: 368 children, 367 with an organisation type (Table 6 counts, 252 open / 115 closed, χ² = 32.21, df 10);
//    402 SofS modules, frequency 341/21/5/1, rank 162/72/51/107/10, 378 alone / 24 combined (12 with "verblijf voor
//    kinderen korte duur" and the other seven combinations of Table 7); pre 649 / post 319 links with Table 8's
//    cluster counts (the schema's default clusters); Table 5 with `all` n = 368 for every categorical block.
// Approximate (value for seed 2023): mean meetings 4.96 ("5"); network figures 0–12, median 4, mean 4.01; mean
//  duration 9.19 months; adult plan time mean 7.62 (−3.0 … 22.0, 177 dated plans, open ones included); plan B time
//  mean 3.59 (−5.0 … 15.0); family size mean 2.61. Associations (not targeted, closed n = 236): meeting held ×
//  adult plan χ² ≈ 44.7 (published 41.83), 5/126 = 4.0 % of adult plans without a meeting (published 4.1 %),
//  15/126 = 11.9 % without W&P (published 9.7 %).
//
// Published figures the demo does NOT reproduce exactly, and why (also listed in tests/unit/test_demo_targets.cpp):
//  - Table 7 frequency 336/21/8/2/1 (implies 415 modules): the demo follows the 402 modules of the rank table,
//    with 341/21/5/1/0 (SPEC §3.2, seed notes §3.20 #5).
//  - Table 5 per-support-year series (unique children 1/179/263/162 = 605 child-years, sex and age by year,
//    children in the family by year): one row per module cannot carry child × year counts; the age table is also
//    internally inconsistent (§3.20 #6, #7). The demo gives each child one intake age and one family size with
//    the pooled shape of the published distributions (mean family size 2.6).
//  - Table 8's "124 / 209 trajecten" and the text's 24.6 % / 10.1 % / 33.8 % and the 1,872 schakelingen cannot be
//    reconciled with the link counts (SPEC §3.2); the demo reproduces the links (649 / 319).
//  - 31.3 % closed / 68.5 % open of 368: the demo has 115 closed + 252 open with an organisation type and one child
//    without one (closed), so 116 / 252 of 368.
//  - Closed n = 237 in Figures 7–8 (§3.20 #2): the demo has 236.
//  - Printed chi-square "df" (236, 209, 233, 207) are N; "X²(4) = 5.37" for the child plan by year is not what the
//    published counts give (χ²(2) = 1.81, which the demo gives); Mann–Whitney U / logistic regression values and
//    the F statistics are not targeted (the group sizes and means are).
//  - "28.3 %" (§3.20 #1), "minstens 7,1 %" (#3), "rond de acht maanden" (#9): the demo follows 28.4 %, 7.3 %, 9.2.

}  // namespace zicht::demo
