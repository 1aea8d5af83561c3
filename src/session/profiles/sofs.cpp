// The SofS dashboard export (SPEC §3.1) as a plug-in profile.
#include "analysis/sofs.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec sofs_profile() {
  ProfileSpec p;
  p.id = "sofs";
  p.nav_key = "nav.section_sofs";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("sofs"), [](const core::Schema*) {});
  p.tables = {{"trajecten", true, ""}};
  p.pages = {
      {"overzicht", "page.sofs.overzicht", {"sofs.overview", "sofs.case_type"}},
      {"stappen", "page.sofs.stappen", {"sofs.steps", "sofs.all_steps"}},
      {"partnerschap", "page.sofs.partnerschap", {"sofs.partnership"}},
      {"netwerk", "page.sofs.netwerk", {"sofs.network_meetings", "sofs.network_figures"}},
      {"plan_b", "page.sofs.plan_b", {"sofs.plan_b", "sofs.plan_vs_steps", "sofs.plan_adult_groups"}},
      {"duur", "page.sofs.duur", {"sofs.time_to_step"}},
      {"trends", "page.sofs.trends", {"sofs.trend"}},
      {"organisaties", "page.sofs.organisaties", {"sofs.by_organisation"}},
      {"kwaliteit", "page.sofs.kwaliteit", {"sofs.quality"}},
  };
  p.templates = {{"sofs.csv", "start.template_sofs"}};
  p.demo = {{"demo_sofs.csv", "trajecten", {"sofs", 2023, 0, "modules", false}}};
  p.results = [](const RunInputs& in) {
    return analysis::sofs::results(*in.tables[0], analysis::sofs::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
