// Zicht demo — the Co-ncept procesflow (issue 21; spec concept.md §3.4), linked to the trajecten demo of the same
// seed by traject_id. Exact for every seed (tests/unit/test_demo_procesflow.cpp):
//  - 18 startgesprekken (one per started trajectory, on its start date) and 9 samenwerkingsoverleggen in 2024:
//    3 for the trajectories closed in 2024 (on or before the closure), 6 for trajectories closed in early 2025
//    (held before the formal closure: an info note, spec §2.5); weekly intervisie from the new coordinator's start
//    (16 April 2024), kerngroep and stuurgroep monthly, 3 sectorgebonden besprekingen;
//  - 2 learning networks after summer 2024 (contextbegeleiding, traumasensitief handelen), the forum on
//    22 Nov 2024 with 5 discussietafels (2 context, 3 trauma);
//  - 6 themes raised in the samenwerkingsoverleggen (names 001:L451–583; the two network themes "meermaals"), 5
//    proposed next themes (001:L1079–1083), 4 focus themes 2025 (001:L708–710); 10 findings (001:L468–472,
//    L489–493);
//  - forum attendance 32 organisations / 56 persons with the sector split of §3.4 (the published partner list,
//    001:L616–635: a blank count is 1, flagged by the analysis; no person names anywhere);
//  - two vote sets of 64 dots: chart 1 5, 5, 18, 16, 20 (one row per option), chart 2 2, 15, 17, 12, 18 (one row
//    per dot); the labels are the *reconstructed* mapping, said in every label;
//  - Bijlage 6's statements (no St.3) with 12 voters: St.5 0 niet akkoord, St.6 0 akkoord, St.4 niet akkoord >
//    akkoord; Bijlage 5's five and the inspiration day's three with verbal outcomes only (tallies Missing);
//  - action points with owners (DIW, WINGG, …), levels and statuses; recommendations over the 5 kernthema's and
//    the 4 levels, each with its sources; quotes with vrijgegeven ja/nee.
// What the seed changes: dates within their month, presence flags, the tallies within the published constraints,
// the statuses of two action points and the order of the dots.
#include <algorithm>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

using detail::ymd;


struct ThemeDef { const char* id; const char* naam; bool network, focus, proposed; };
const ThemeDef kThemes[] = {
    {"T1", "Contextbegeleiding", true, true, false},
    {"T2", "Traumasensitief handelen", true, true, false},
    {"T3", "Coördinatie en continuïteit van zorg", false, false, false},
    {"T4", "Daginvulling en impact van school", false, false, false},
    {"T5", "Beeldvorming", false, false, false},
    {"T6", "Zorg op maat en op tijd (preventief handelen)", false, false, false},
    {"V1", "Trauma sensitief werken en emotionele ontwikkeling", false, false, true},
    {"V2", "Dagbesteding + onderwijs", false, false, true},
    {"V3", "Cultuursensitief opvoeden", false, false, true},
    {"V4", "Coördinatie van de zorg, samenwerking, wie heeft de zorg vast?", false, false, true},
    {"V5", "Weg vinden naar de juiste zorg", false, false, true},
    {"F1", "Planmaker", false, true, false},
    {"F2", "Procesflow", false, true, false},
};

struct FindingDef { const char* id; const char* theme; const char* tekst; };
const FindingDef kFindings[] = {
    {"B-CB-1", "T1", "Op maat werken van de jongere en het gezin"},
    {"B-CB-2", "T1", "Nood aan een gezinsaanpak, samenwerking binnen één gezin"},
    {"B-CB-3", "T1", "Contextbegeleiding in gedeelde zorg"},
    {"B-CB-4", "T1", "De ideale contextbegeleider"},
    {"B-CB-5", "T1", "Drempels"},
    {"B-TR-1", "T2", "Begrip en nuance rond trauma"},
    {"B-TR-2", "T2", "Impact plaatsing en relatiebreuken, essentie van psychische veiligheid"},
    {"B-TR-3", "T2", "Ruimte voor traumasensitief handelen: beperkingen in leefgroepen en scholen"},
    {"B-TR-4", "T2", "Belang van vorming en preventie"},
    {"B-TR-5", "T2", "Intersectoraal samenwerken"},
};

// The forum's partner list (001:L616–635): organisation, sector ("" = none), persons (-1 = no number given).
struct Org { const char* name; const char* sector; int persons; };
const Org kForum[] = {
    {"VZW De Patio", "BJB", 5}, {"ELZ Midden WVL", "ELZ", 2}, {"SDJ Kortrijk", "", -1}, {"1G1P Aanzet", "RTH", 2},
    {"ELZ RITS", "ELZ", -1}, {"Tordale", "VAPH", -1}, {"ACT W-VL", "", 4}, {"ELZ Westkust & Polder", "ELZ", -1},
    {"Vereniging Ons Tehuis", "BJB", 2}, {"Opgroeien", "", 2}, {"Hulpprogramma JO-OW", "NRTH", -1},
    {"VOC Opstap", "RTH", 2}, {"CAW Centraal W-VL", "RTH", 4}, {"INOA", "VAPH", -1}, {"VZW aPart", "BJB", -1},
    {"CLB Trikant", "RTH", -1}, {"Inspirant aan Zee", "VAPH", 2}, {"VZW Homaar", "BJB", -1},
    {"CLB Westhoek-houtland", "RTH", 3}, {"Jeugdhulp Zonnewende", "BJB", -1}, {"VZW Victor", "VAPH", 2},
    {"De Brem/De Bolle", "BJB", 2}, {"Kastor Pollux Rumbeke", "VAPH", -1}, {"WINGG", "GGZ", 3},
    {"De Vleugels", "VAPH", -1}, {"OOOC De Luwte", "BJB", -1}, {"VZW Xplo", "BJB", 2},
    {"Dienst Ondersteuningsplan", "VAPH", 2}, {"OOOC De Wijzer", "BJB", -1}, {"DVV Westhoek", "OSD", -1},
    {"ELZ Houtland & Polder", "ELZ", -1}, {"SDJ Brugge", "", -1},
};
// The trauma network's 12 entries (001:L1103–1107) per organisation, and the context network's 10 role entries
// (001:L779–782; some plural, so persons are not countable: left blank).
struct NetOrg { const char* name; const char* sector; int persons; const char* level; };
const NetOrg kTraumaNet[] = {
    {"WINGG", "GGZ", 2, "middenkader/directie"}, {"VZW De Patio", "BJB", 2, "basiswerker"},
    {"ELZ Midden WVL", "ELZ", 1, "middenkader/directie"}, {"Pleegzorg West-Vlaanderen", "", 1, "basiswerker"},
    {"ACT W-VL", "", 1, "basiswerker"}, {"CLB Trikant", "RTH", 1, "basiswerker"},
    {"VZW De Loods", "", 1, "middenkader/directie"}, {"INOA", "VAPH", 2, "basiswerker"},
    {"Tordale", "VAPH", 1, "basiswerker"},
};
const NetOrg kContextNet[] = {
    {"Tordale", "VAPH", -1, "basiswerker"}, {"WINGG", "GGZ", -1, "basiswerker"}, {"ACT W-VL", "", -1, "basiswerker"},
    {"ELZ Midden WVL", "ELZ", -1, "middenkader/directie"}, {"CAW Centraal W-VL", "RTH", -1, "basiswerker"},
    {"VOT", "", -1, "middenkader/directie"}, {"Jeugdhulp Zonnewende", "BJB", -1, "middenkader/directie"},
    {"VZW De Patio", "BJB", -1, "middenkader/directie"}, {"INOA", "VAPH", -1, "basiswerker"},
    {"De Steiger", "", -1, "basiswerker"},
};

// The reconstructed label mapping (spec §3.4): percentages in legend order, votes at 64.
struct VoteDef { const char* label; int votes; };
const VoteDef kChart1[] = {{"Contextbegeleiding in gedeelde zorg", 5}, {"De ideale contextbegeleider", 5},
                           {"Op maat van jongere en gezin", 18}, {"Nood aan gezinsaanpak", 16}, {"Drempels", 20}};
const VoteDef kChart2[] = {{"Begrip en Nuance", 2}, {"Impact plaatsing, Psychische veiligheid", 15},
                           {"ruimte voor traumasensitief handelen", 17}, {"Belang van vorming en preventie", 12},
                           {"Intersectoraal samenwerken", 18}};

std::string yes_no(bool b) { return b ? "ja" : "nee"; }

void add_statements(ProcesflowDemo& d, Rng& rng) {
  auto statement = [&](const char* id, const char* overleg, int nr, const char* tekst, const char* schaal,
                       const char* uitkomst) {
    PfStelling s;
    s.stelling_id = id;
    s.overleg_id = overleg;
    s.nummer = nr;
    s.tekst = tekst;
    s.schaal = schaal;
    s.uitkomst_tekst = uitkomst;
    return s;
  };
  // Bijlage 6 (trauma network, 12 voters, green/red cards): one row per statement × position.
  struct Card { int nr; const char* tekst; const char* uitkomst; int lo, hi; };  // akkoord in [lo, hi]
  const Card cards[] = {
      {1, "Ieder kind dat in een voorziening terecht komt, heeft een trauma.",
       "Rond deze stelling zijn er veel verschillende meningen.", 4, 8},
      {2, "Iedere plaatsing is een trauma voor kind/jongere.", "Ja, door de relatiebreuk.", 8, 11},
      {4, "In de leefgroep/op school/... is er voldoende ruimte om met trauma om te gaan.",
       "Meer niet-akkoord dan akkoord.", 1, 5},
      {5, "Wanneer we traumasensitief werken, zijn er minder escalaties/ breuken/ doorverwijzingen naar "
          "gespecialiseerde hulp.",
       "Allemaal akkoord.", 12, 12},
      {6, "Traumasensitief werken is (enkel) gespecialiseerde hulp.", "Allemaal niet akkoord.", 0, 0},
      {7, "Intersectoraal samenwerken vermijdt secundair trauma.",
       "Intersectoraal samenwerken is zeker een meerwaarde, maar zal niet altijd de oplossing zijn.", 7, 11},
  };
  for (const Card& c : cards) {
    const int yes = int(rng.range(c.lo, c.hi));
    for (const char* pos : {"akkoord", "niet akkoord"}) {
      PfStelling s = statement(("LN-TR-St" + std::to_string(c.nr)).c_str(), "LN-TR", c.nr, c.tekst,
                               "akkoord/niet akkoord", c.uitkomst);
      s.positie = pos;
      s.aantal = std::string(pos) == "akkoord" ? yes : 12 - yes;
      d.stelling.push_back(std::move(s));
    }
  }
  // Bijlage 5 (context network): discussed, verbal positions only for St.3 and St.4 (tallies Missing).
  const char* ctx[] = {"De tijd die ik er in het ene gezin bij doe, moet ik er in het andere gezin afdoen.",
                       "Een CB geeft enkel opvoedingsadvies voor desbetreffende jongere.", "Geen hulpvraag = geen CB.",
                       "CB is een 9-17h.", "CB is altijd verbonden aan de verblijfsvoorziening."};
  const char* ctx_out[] = {"Besproken, geen standpunt genoteerd.", "Besproken, geen standpunt genoteerd.",
                           "Neen. / Ja.", "Neen.", "Besproken, geen standpunt genoteerd."};
  for (int i = 0; i < 5; ++i)
    d.stelling.push_back(statement(("LN-CB-St" + std::to_string(i + 1)).c_str(), "LN-CB", i + 1, ctx[i], "ja/nee",
                                   ctx_out[i]));
  // The inspiration day (004:L836–926): positions with arguments, no tallies.
  d.stelling.push_back(statement("ID-St1", "", 1,
                                 "Een trajectbegeleider moet aanspreekbaar blijven, ook na het halen van de "
                                 "vooropgestelde doelstellingen.",
                                 "ja/nee", "Argumenten voor ja en voor nee."));
  d.stelling.push_back(statement("ID-St2", "", 2,
                                 "We hebben geen 'Vlaams kader trajectondersteuning' nodig.",
                                 "geen kader nodig/wel kader nodig", "Geen kader nodig: ja en nee. / Wel een kader nodig."));
  d.stelling.push_back(statement("ID-St3", "", 3,
                                 "Tijdens trajecten is het moeilijk om de juiste ondersteuning te krijgen omwille "
                                 "van gefragmenteerde zorg en wachtlijsten.",
                                 "eens/half/oneens", "Eens, half en oneens besproken."));
}

}  // namespace

ProcesflowDemo generate_procesflow(uint64_t seed) {
  Rng rng(seed ^ 0x50524f4345535346ull);  // "PROCESSF"
  ProcesflowDemo d;
  const TrajectenDemo reg = generate_trajecten(seed);
  // ---- Meetings. Startgesprekken: one per started trajectory, on its start date.
  std::vector<const TrajectRegistration*> closed2024, closed2025;
  for (const auto& t : reg.rows) {
    if (t.opstart == kNoDate) continue;
    PfOverleg o;
    o.overleg_id = "SG-" + t.traject_id;
    o.type = "startgesprek";
    o.niveau = "micro";
    o.datum = t.opstart;
    o.traject_id = t.traject_id;
    o.jongere_aanwezig = yes_no(rng.chance(4, 5));
    o.ouder_aanwezig = yes_no(rng.chance(2, 3));
    o.acute_crisis = "nee";
    d.overleg.push_back(std::move(o));
    if (t.afronding != kNoDate && t.afronding >= ymd(2024, 1, 1) && t.afronding <= ymd(2024, 12, 31))
      closed2024.push_back(&t);
    if (t.afronding != kNoDate && t.afronding > ymd(2024, 12, 31)) closed2025.push_back(&t);
  }
  // Samenwerkingsoverleggen: 3 for the 2024 closures, 6 for early-2025 closures (held in Nov–Dec 2024).
  std::vector<std::string> theme_sets = {"T1+T3", "T2", "T1+T4", "T2+T5", "T1+T6", "T2+T3", "T4+T1", "T5+T2", "T6"};
  for (size_t i = theme_sets.size(); i > 1; --i) std::swap(theme_sets[i - 1], theme_sets[rng.below(i)]);
  std::vector<const TrajectRegistration*> so(closed2024.begin(), closed2024.begin() + std::min<size_t>(3, closed2024.size()));
  for (size_t i = 0; i < closed2025.size() && so.size() < 9; ++i) so.push_back(closed2025[i]);
  for (size_t i = 0; i < so.size(); ++i) {
    const TrajectRegistration& t = *so[i];
    PfOverleg o;
    o.overleg_id = "SO-" + t.traject_id;
    o.type = "samenwerkingsoverleg";
    o.niveau = "micro";
    const int32_t latest = std::min(t.afronding, ymd(2024, 12, 20));
    const int32_t earliest = std::max({t.opstart, ymd(2024, 1, 2), latest - 40});
    o.datum = int32_t(rng.range(earliest, std::max(earliest, latest)));
    o.traject_id = t.traject_id;
    o.jongere_aanwezig = yes_no(rng.chance(1, 2));
    o.ouder_aanwezig = yes_no(rng.chance(2, 3));
    o.acute_crisis = yes_no(i == 0);
    o.themas = theme_sets[i];
    d.overleg.push_back(std::move(o));
  }
  auto meeting = [&](std::string id, const char* type, const char* niveau, int32_t day, std::string themas = "",
                     std::string parent = "") {
    PfOverleg o;
    o.overleg_id = std::move(id);
    o.type = type;
    o.niveau = niveau;
    o.datum = day;
    o.themas = std::move(themas);
    o.ouder_overleg_id = std::move(parent);
    d.overleg.push_back(std::move(o));
  };
  for (int32_t day = ymd(2024, 4, 16); day <= ymd(2024, 12, 17); day += 7)
    meeting("IV-" + format_date(day), "intervisie", "micro", day);
  for (unsigned m = 1; m <= 12; ++m) {
    meeting("KG-2024-" + std::to_string(m), "kerngroep", "macro", ymd(2024, m, unsigned(rng.range(2, 12))));
    meeting("STG-2024-" + std::to_string(m), "stuurgroep", "macro", ymd(2024, m, unsigned(rng.range(14, 26))));
  }
  for (unsigned m : {5u, 6u, 10u})
    meeting("SB-2024-" + std::to_string(m), "sectorgebonden bespreking", "meso", ymd(2024, m, unsigned(rng.range(3, 27))));
  meeting("LN-CB", "lerend netwerk", "meso", ymd(2024, 9, unsigned(rng.range(10, 27))), "T1");
  meeting("LN-TR", "lerend netwerk", "meso", ymd(2024, 10, unsigned(rng.range(7, 25))), "T2");
  d.forum_id = "FORUM-2024";
  const int32_t forum = ymd(2024, 11, 22);
  meeting(d.forum_id, "netwerkforum", "macro", forum, "T1+T2");
  for (int i = 1; i <= 5; ++i) meeting("DT-" + std::to_string(i), "discussietafel", "macro", forum, i <= 2 ? "T1" : "T2", d.forum_id);
  // ---- Attendance: the forum list, both learning networks.
  for (const Org& o : kForum) d.aanwezigheid.push_back({d.forum_id, o.name, o.sector, o.persons, ""});
  for (const NetOrg& o : kTraumaNet) d.aanwezigheid.push_back({"LN-TR", o.name, o.sector, o.persons, o.level});
  for (const NetOrg& o : kContextNet) d.aanwezigheid.push_back({"LN-CB", o.name, o.sector, o.persons, o.level});
  // ---- Themes and findings.
  for (const ThemeDef& t : kThemes) d.thema.push_back({t.id, t.naam, t.network, t.focus, t.proposed});
  for (const FindingDef& f : kFindings)
    d.bevinding.push_back({f.id, f.theme, f.tekst, std::string(f.theme) == "T1" ? "LN-CB" : "LN-TR"});
  // ---- Dot votes (reconstructed labels): chart 1 one row per option, chart 2 one row per dot (shuffled).
  const std::string rec = " (reconstructie)";
  for (const VoteDef& v : kChart1) d.stemming.push_back({"DT-1", v.label + rec, v.votes});
  std::vector<PfStem> dots;
  for (const VoteDef& v : kChart2)
    for (int k = 0; k < v.votes; ++k) dots.push_back({"DT-3", v.label + rec, -1});
  for (size_t i = dots.size(); i > 1; --i) std::swap(dots[i - 1], dots[rng.below(i)]);
  for (auto& x : dots) d.stemming.push_back(std::move(x));
  add_statements(d, rng);
  // ---- Action points (Bijlagen 7 and 8), owners and levels as published; two statuses vary with the seed.
  const char* s1 = rng.chance(1, 2) ? "lopend" : "open";
  const char* s2 = rng.chance(1, 2) ? "gerealiseerd" : "lopend";
  d.actiepunt = {
      {"A1", "B-TR-5", "Blijven signaleren t.a.v. overheid vanuit casussen en trajecten", "DIW", "Beleidsmakers",
       "Wat: signalen bundelen; Wie: DIW; Hoe: vanuit trajecten", "lopend", forum},
      {"A2", "B-TR-5", "Expertise laten samenkomen over sectoren heen (kennisbank, expertisedeling)", "WINGG",
       "Netwerken", "Wat: kennisbank; Wie: WINGG (cluster DEEP); Hoe: intekenen", s1, forum},
      {"A3", "B-TR-5", "Aanspreekpunt binnen de regio voor uitwisseling", "DIW", "Netwerken", "", "open", forum},
      {"A4", "B-TR-4", "Basisvorming traumasensitief handelen voor alle begeleiders", "WINGG", "Begeleiders", "", s2,
       forum},
      {"A5", "B-CB-3", "Afspraken tussen contextbegeleiders van verschillende voorzieningen", "DIW",
       "Individuele organisaties", "", "open", forum},
      {"A6", "B-CB-5", "Drempels meenemen in de jaarverslagen van de voorzieningen", "Co-ncept",
       "Individuele organisaties", "", "gerealiseerd", forum},
      {"A7", "B-CB-2", "Eén aanspreekpunt per gezin bij meerdere contextbegeleiders", "DIW", "Beleidsmakers", "",
       "open", forum},
  };
  // ---- Recommendations over the five kernthema's (000:L344–392) and the four levels (001:L78–82).
  d.aanbeveling = {
      {"R1", "Ruimte voor de begeleider om naast jongere en gezin te blijven staan", "Begeleiders",
       "Rol en positie van de begeleider", "B-CB-4", "voorgesteld"},
      {"R2", "Tijd en modules flexibel inzetten volgens de noden van het gezin", "Individuele organisaties",
       "Flexibiliteit en maatwerk", "B-CB-1+B-CB-2", "voorgesteld"},
      {"R3", "Registratie-eisen afstemmen op kwaliteit in plaats van controle", "Beleidsmakers",
       "Kwaliteit boven controle", "B-CB-5", "voorgesteld"},
      {"R4", "Een intersectoraal samenwerkingsverband met gedeelde taal rond trauma", "Netwerken",
       "Samenwerking en gedeelde taal", "B-TR-5+B-CB-3", "voorgesteld"},
      {"R5", "Structurele middelen voor vorming en preventie", "Beleidsmakers", "Beleidsruimte en duurzaamheid",
       "B-TR-4+B-TR-1", "voorgesteld"},
      {"R6", "Psychische veiligheid bij elke plaatsing bewaken", "Individuele organisaties",
       "Rol en positie van de begeleider", "B-TR-2+B-TR-3", "voorgesteld"},
  };
  // ---- Quotes (published in the report; released ones marked by the coordinator).
  d.citaat = {
      {"De tijd die ik in het ene gezin investeer, moet ik bij een ander gezin inhalen.", "samenwerkingsoverleg",
       "T1", "Begeleiders", "ja"},
      {"Contextbegeleiding bij gescheiden ouders blijft een uitdaging.", "samenwerkingsoverleg", "T1", "Begeleiders",
       "ja"},
      {"Wissels in consulenten en jeugdrechters bemoeilijken het proces.", "samenwerkingsoverleg", "T3",
       "Beleidsmakers", "nee"},
      {"Er is nood aan handelingsgerichte diagnostiek die regelmatig wordt herbekeken.", "samenwerkingsoverleg", "T5",
       "Netwerken", "ja"},
      {"Er is te weinig aanbod in de regio, wat het moeilijk maakt om jongeren in hun kracht te zetten.",
       "overzicht trajecten", "T4", "Beleidsmakers", "nee"},
  };
  return d;
}

namespace {

using detail::csv_count;
using detail::csv_date;
using detail::csv_field;
using detail::csv_part;

}  // namespace

std::string procesflow_csv(const ProcesflowDemo& d, const std::string& part, uint64_t rows) {
  using S = const std::string*;
  if (part == "overleg" || part == "modules")
    return csv_part(d.overleg,
                    {"overleg_id", "type", "niveau", "datum", "traject_id", "jongere_aanwezig", "ouder_aanwezig",
                     "acute_crisis", "ouder_overleg_id", "themas"},
                    rows, [](std::string& out, const PfOverleg& o) {
                      csv_field(out, o.overleg_id, true);
                      csv_field(out, o.type);
                      csv_field(out, o.niveau);
                      csv_date(out, o.datum);
                      for (S s : {&o.traject_id, &o.jongere_aanwezig, &o.ouder_aanwezig, &o.acute_crisis,
                                  &o.ouder_overleg_id, &o.themas})
                        csv_field(out, *s);
                    });
  if (part == "aanwezigheid")
    return csv_part(d.aanwezigheid, {"overleg_id", "organisatie", "sector", "personen", "functieniveau"}, rows,
                    [](std::string& out, const PfAanwezigheid& a) {
                      csv_field(out, a.overleg_id, true);
                      csv_field(out, a.organisatie);
                      csv_field(out, a.sector);
                      csv_count(out, a.personen);
                      csv_field(out, a.functieniveau);
                    });
  if (part == "thema")
    return csv_part(d.thema, {"thema_id", "naam", "lerend_netwerk", "focus_2025", "voorgesteld"}, rows,
                    [](std::string& out, const PfThema& t) {
                      csv_field(out, t.thema_id, true);
                      csv_field(out, t.naam);
                      for (bool b : {t.lerend_netwerk, t.focus_2025, t.voorgesteld}) csv_field(out, yes_no(b));
                    });
  if (part == "bevinding")
    return csv_part(d.bevinding, {"bevinding_id", "thema_id", "tekst", "bron_overleg_id"}, rows,
                    [](std::string& out, const PfBevinding& b) {
                      csv_field(out, b.bevinding_id, true);
                      for (S s : {&b.thema_id, &b.tekst, &b.bron_overleg_id}) csv_field(out, *s);
                    });
  if (part == "actiepunt")
    return csv_part(d.actiepunt,
                    {"actie_id", "bevinding_id", "tekst", "eigenaar", "niveau", "doelstelling", "status", "datum"},
                    rows, [](std::string& out, const PfActie& a) {
                      csv_field(out, a.actie_id, true);
                      for (S s : {&a.bevinding_id, &a.tekst, &a.eigenaar, &a.niveau, &a.doelstelling, &a.status})
                        csv_field(out, *s);
                      csv_date(out, a.datum);
                    });
  if (part == "aanbeveling")
    return csv_part(d.aanbeveling, {"aanbeveling_id", "tekst", "niveau", "kernthema", "bronnen", "status"}, rows,
                    [](std::string& out, const PfAanbeveling& a) {
                      csv_field(out, a.aanbeveling_id, true);
                      for (S s : {&a.tekst, &a.niveau, &a.kernthema, &a.bronnen, &a.status}) csv_field(out, *s);
                    });
  if (part == "stemming")
    return csv_part(d.stemming, {"overleg_id", "optie", "stemmen"}, rows, [](std::string& out, const PfStem& s) {
      csv_field(out, s.overleg_id, true);
      csv_field(out, s.optie);
      csv_count(out, s.stemmen);
    });
  if (part == "stelling")
    return csv_part(d.stelling,
                    {"stelling_id", "overleg_id", "nummer", "tekst", "schaal", "uitkomst_tekst", "positie", "aantal",
                     "argumenten"},
                    rows, [](std::string& out, const PfStelling& s) {
                      csv_field(out, s.stelling_id, true);
                      csv_field(out, s.overleg_id);
                      csv_count(out, s.nummer);
                      for (S x : {&s.tekst, &s.schaal, &s.uitkomst_tekst, &s.positie}) csv_field(out, *x);
                      csv_count(out, s.aantal);
                      csv_field(out, s.argumenten);
                    });
  if (part == "citaat")
    return csv_part(d.citaat, {"tekst", "bron", "thema_id", "niveau", "vrijgegeven"}, rows,
                    [](std::string& out, const PfCitaat& c) {
                      csv_field(out, c.tekst, true);
                      for (S s : {&c.bron, &c.thema_id, &c.niveau, &c.vrijgegeven}) csv_field(out, *s);
                    });
  return {};
}

}  // namespace zicht::demo
