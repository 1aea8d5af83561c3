// Co-ncept trajecten (spec/concept.md §2) as a plug-in profile: the planmakers' register, one row per registration.
// procesflow (spec §3) shares its traject_id.
#include "analysis/trajecten.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec trajecten_profile() {
  ProfileSpec p;
  p.id = "trajecten";
  p.nav_key = "nav.section_trajecten";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("trajecten"), [](const core::Schema*) {});
  p.tables = {{"registratie", true, "", {}}};
  p.pages = {
      {"overzicht", "page.trajecten.overzicht", {"trajecten.flow"}},
      {"profiel", "page.trajecten.profiel",
       {"trajecten.age", "trajecten.region", "trajecten.referrer", "trajecten.reasons", "trajecten.units"}},
      {"opstart", "page.trajecten.opstart", {"trajecten.no_start"}},
      {"duur", "page.trajecten.duur", {"trajecten.timing"}},
      {"blokkering", "page.trajecten.blokkering", {"trajecten.blocking"}},
      {"kwaliteit", "page.trajecten.kwaliteit", {"trajecten.quality"}},
      {"privacy", "page.trajecten.privacy", {"trajecten.coarsening"}},
  };
  p.templates = {{"trajecten.csv", "start.template_trajecten"}};
  p.demo = {{"demo_trajecten.csv", "registratie", {"trajecten", 2023, 0, "registratie", false}}};
  p.results = [](const RunInputs& in) {
    const core::MappedDataset* ds = in.tables.empty() ? nullptr : in.tables[0];
    return analysis::trajecten::results(ds, analysis::trajecten::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
