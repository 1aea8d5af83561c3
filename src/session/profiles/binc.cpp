// Binc module records with the optional client file (SPEC §3.2) as a plug-in profile: the first multi-table one.
#include "analysis/binc.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec binc_profile() {
  ProfileSpec p;
  p.id = "binc";
  p.nav_key = "nav.section_binc";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("binc"), [](const core::Schema*) {});
  p.tables = {{"modules", true, ""}, {"clients", false, "kind_id"}};
  p.pages = {
      {"profiel", "page.binc.profiel", {"binc.profile"}},
      {"organisatietype", "page.binc.organisatietype", {"binc.orgtype_by_status"}},
      {"modules", "page.binc.modules", {"binc.module_frequency", "binc.module_combination", "binc.module_rank"}},
      {"voor_na", "page.binc.voor_na", {"binc.pre_post"}},
      {"overgangen", "page.binc.overgangen", {"binc.transitions"}},
      {"duur", "page.binc.duur", {"binc.durations"}},
      {"kwaliteit", "page.binc.kwaliteit", {"binc.quality"}},
  };
  p.templates = {{"binc_modules.csv", "start.template_binc_modules"},
                 {"binc_clients.csv", "start.template_binc_clients"}};
  p.demo = {{"demo_binc_modules.csv", "modules", {"binc", 2023, 0, "modules", false}},
            {"demo_binc_clients.csv", "clients", {"binc", 2023, 0, "clients", false}}};
  p.results = [](const RunInputs& in) {
    return analysis::binc::results(*in.tables[0], in.tables.size() > 1 ? in.tables[1] : nullptr,
                                   analysis::binc::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
