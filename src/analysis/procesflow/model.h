#pragma once
// Internal to the procesflow analyses: the eleven record types as the results read them, each row either used or
// flagged (rows in = used + flagged), with the data-quality findings of spec §3.3 `quality`. Built once per run.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/build.h"
#include "analysis/procesflow.h"

namespace zicht::analysis::procesflow::detail {

using build::kNoDay;

struct Meeting {
  std::string id, type, level;  // level: micro | meso | macro (from the type when empty)
  int32_t day = kNoDay;
  std::string traject, parent;
  int youngster = -1, parent_present = -1, crisis = -1;  // 1 ja, 0 nee, −1 unknown
  std::vector<std::string> themes;  // from `themas` and from overleg_thema
  int64_t row = 0;
};
struct Presence {
  std::string meeting, organisation, sector, job_level;  // sector "" = none
  long persons = 1;
  bool assumed = false;  // blank personen counted as 1
};
struct Theme {
  std::string id, name;
  int network = -1, focus = -1, proposed = -1;
  int64_t row = 0;
};
struct Finding {
  std::string id, theme, text, source;
};
struct Action {
  std::string id, finding, text, owner, level, status;
  int32_t day = kNoDay;
};
struct Recommendation {
  std::string id, text, level, core_theme, status;
  std::vector<std::string> sources;
  int64_t row = 0;
};
struct VoteOption {
  std::string meeting, option, label;  // label: the bevinding's tekst when the option is one, else the option
  long votes = 0;
};
struct Statement {
  std::string id, meeting, text, scale, outcome;
  int number = -1;
  std::vector<std::pair<std::string, long>> tallies;  // position → count, in the scale's order once built
  std::vector<std::pair<std::string, std::string>> arguments;  // position → text
  int64_t row = 0;
  std::string file, column;  // where the statement was first read (its id's column)
};
struct Quote {
  std::string text, source, theme, level;
  bool released = false;
};

// The scale's positions from most negative to most positive, and whether a position counts as agreeing.
const std::vector<std::string>& scale_positions(const std::string& scale);  // empty for an unknown scale
std::string scale_of(const std::string& position);
bool agrees(const std::string& position);
bool is_neutral(const std::string& position);  // "half"
std::string level_of_type(const std::string& type);  // micro | meso | macro

struct Model {
  Options opt;
  std::vector<Meeting> meetings;
  std::map<std::string, size_t> meeting_index;
  std::vector<Presence> presence;
  std::vector<Theme> themes;
  std::map<std::string, size_t> theme_index;
  std::vector<Finding> findings;
  std::map<std::string, size_t> finding_index;
  std::vector<Action> actions;
  std::vector<Recommendation> recommendations;
  std::vector<VoteOption> votes;  // one per meeting × option (dots summed)
  std::vector<Statement> statements;
  std::map<std::string, size_t> statement_index;  // id → first position in `statements` (while reading)
  std::vector<Quote> quotes;
  // the linked register: started trajectories (opstart a date)
  std::set<std::string> register_started;
  std::map<std::string, int32_t> register_end;  // afronding per traject_id (kNoDay: lopend)
  bool register_loaded = false;
  build::QualityLog quality;
  // per record type: rows in, used, flagged
  struct Count { std::string kind; long in = 0, used = 0, flagged = 0; };
  std::vector<Count> counts;
  int32_t as_of = kNoDay;
};

Model build_model(const Inputs& in, const Options& o);

Result cadence_result(const Model& m);
Result flow_result(const Model& m);
// procesflow.flow's links through all stages (flow_links.cpp): the links table and the nodes' own counts.
void flow_links(const Model& m, Table& links, Table& nodes);
Result themes_result(const Model& m);
Result quotes_result(const Model& m);
Result attendance_result(const Model& m);
Result priorities_result(const Model& m);
Result statements_result(const Model& m);
Result actions_result(const Model& m);
Result recommendations_result(const Model& m);
Result quality_result(const Model& m);

}  // namespace zicht::analysis::procesflow::detail
