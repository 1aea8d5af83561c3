// window.zichtState(): what the browser tests read (files, profiles, mapping, werkmap, anchors, results on screen).
#include "ui/app.h"

#include <nlohmann/json.hpp>

#include "core/build_info.h"
#include "core/csv_index.h"
#include "platform/platform.h"
#include "report/json_export.h"
#include "ui/anchors.h"

namespace zicht::ui {

std::string App::state_json() {
  nlohmann::json j;
  j["app"] = {{"version", ZICHT_VERSION}, {"build", core::build_id()}, {"lang", i18n::code(lang_)},
              {"theme", theme_ == Theme::dark ? "dark" : "light"}, {"page", page_id(page_)},
              {"csv_kernel", core::csv_index::kernel_name()}};
  if (page_ == Page::profile) {
    j["app"]["page"] = profile_;
    j["app"]["subpage"] = profile_pages_.at(profile_);
  }
  j["files"] = nlohmann::json::array();
  for (const auto& f : workspace_.files()) {
    const auto& r = f.result.report;
    j["files"].push_back({{"name", f.name},
                          {"builtin", f.builtin},
                          {"sha256", r.sha256},
                          {"format", core::format_name(r.format)},
                          {"encoding", core::encoding_name(r.encoding)},
                          {"rows", r.rows_in},
                          {"columns", r.columns.size()},
                          {"flags", r.flags_total}});
    if (r.workbook.chosen >= 0)  // workbooks: the sheet and header row read
      j["files"].back()["workbook"] = {{"sheet", r.workbook.sheets[size_t(r.workbook.chosen)].name},
                                       {"sheets", r.workbook.sheets.size()},
                                       {"header_row", r.workbook.header_row}};
  }
  j["sheet_question"] = sheet_question_;  // the workbook the "which sheet?" dialog asks about ("" = closed)
  // Per file: its profile, mapping and validation (core::profile_json, shared with `zicht inspect --profile`).
  j["profiles"] = nlohmann::json::array();
  for (size_t i = 0; i < workspace_.files().size(); ++i) {
    const auto& f = workspace_.files()[i];
    j["files"][i]["profile"] = f.profile;
    nlohmann::json p = f.mapped ? core::profile_json(*f.mapped, 50) : nlohmann::json{{"profile", "generic"}};
    p["file"] = f.name;
    p["auto"] = f.profile_auto;
    p["detect_score"] = f.detect_score;
    if (!f.mapped) {
      const auto& r = f.result.report;
      p["validation"] = {{"rows_in", r.rows_in}, {"rows_used", r.rows_in}, {"rows_excluded", 0},
                         {"flags_total", r.flags_total}, {"flags_by_rule", r.flags_by_rule}};
    }
    j["profiles"].push_back(std::move(p));
  }
  j["werkmap"] = {{"name", workspace_.werkmap_name()}, {"doc", workspace_.werkmap().doc()}};
  j["mode"] = intern_mode_ ? "intern" : "delen";
  j["tour"] = {{"active", tour_.active()}, {"step", tour_.step()}, {"remember", tour_.remember()}};
  j["presentation"] = presentation_;
  j["loading"] = nlohmann::json::array();
  for (const auto& l : workspace_.loading()) j["loading"].push_back({{"name", l.name}, {"progress", l.progress()}});
  j["errors"] = nlohmann::json::array();
  for (const auto& e : workspace_.errors())
    j["errors"].push_back({{"file", e.file}, {"code", core::error_code_name(e.status.code)}});
  j["anchors"] = nlohmann::json::object();
  for (const auto& [name, r] : anchors_) j["anchors"][name] = {r.x, r.y, r.z, r.w};
  // Workshop mode: what the facilitator entered (the results are under "results" while its page is shown).
  {
    const session::Workshop& w = workspace_.workshop();
    nlohmann::json ws = {{"overleg_id", w.overleg_id()}, {"vote_title", w.vote_title()},
                         {"total_votes", w.total_votes()}, {"undo_depth", w.undo_depth()},
                         {"current", w.current()}, {"options", nlohmann::json::array()},
                         {"statements", nlohmann::json::array()}, {"error", workspace_.workshop_error().text(i18n::Lang::en)}};
    for (const auto& o : w.options()) ws["options"].push_back({{"label", o.label}, {"votes", o.votes}});
    for (const auto& st : w.statements())
      ws["statements"].push_back({{"nummer", st.nummer}, {"tekst", st.tekst}, {"schaal", st.schaal},
                                  {"tallies", st.tallies}, {"uitkomst", st.uitkomst}});
    j["workshop"] = std::move(ws);
  }
  // The results on screen, in the same zicht.results/2 form as the CLI's JSON.
  static const analysis::ResultSet none;
  std::string error;
  session::Session& s = workspace_;  // cached: computed already when they were drawn
  const analysis::ResultSet& shown = page_ == Page::profile  ? s.results(profile_)
                                    : page_ == Page::region  ? s.region_results(error)
                                    : page_ == Page::explore ? s.explore_results()
                                    : page_ == Page::workshop ? s.workshop_results()
                                                             : none;
  j["results"] = nlohmann::json::parse(report::results_json(subset(shown, on_screen_), lang_).dump());
  return j.dump();
}

}  // namespace zicht::ui
