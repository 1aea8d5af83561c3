// Evolutie (spec/evolutie.md) as a plug-in profile: measurements, instruments, counts at start and end, and the
// Bruggen na(ar) 18 phases, each its own record type, linked to a loaded `sofs` file by traject_id. Any one of them
// can be loaded alone; the measurements are the primary table when present.
#include "analysis/evolutie.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec evolutie_profile() {
  ProfileSpec p;
  p.id = "evolutie";
  p.nav_key = "nav.section_evolutie";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("evolutie"), [](const core::Schema*) {});
  p.tables = {{"meting", false, "", {}},
              {"instrument", false, "", {}},
              {"telling", false, "traject_id", {}},
              {"fase", false, "", {}}};
  p.links = {"sofs"};
  p.pages = {
      {"reeksen", "page.evolutie.reeksen", {"evolutie.series"}},
      {"verandering", "page.evolutie.verandering", {"evolutie.change"}},
      {"herhaald", "page.evolutie.herhaald", {"evolutie.repeated"}},
      {"patronen", "page.evolutie.patronen", {"evolutie.pattern"}},
      {"domeinen", "page.evolutie.domeinen", {"evolutie.domains"}},
      {"fasen", "page.evolutie.fasen", {"evolutie.phases"}},
      {"volledigheid", "page.evolutie.volledigheid", {"evolutie.completeness"}},
      {"kwaliteit", "page.evolutie.kwaliteit", {"evolutie.quality"}},
      {"persoon", "page.evolutie.persoon", {"evolutie.person"}},
  };
  p.templates = {{"evolutie_meting.csv", "start.template_evolutie_meting"},
                 {"evolutie_telling.csv", "start.template_evolutie_telling"},
                 {"evolutie_fase.csv", "start.template_evolutie_fase"}};
  p.demo = {{"demo_evolutie_meting.csv", "meting", {"evolutie", 2023, 0, "meting", false}},
            {"demo_evolutie_instrument.csv", "instrument", {"evolutie", 2023, 0, "instrument", false}},
            {"demo_evolutie_telling.csv", "telling", {"evolutie", 2023, 0, "telling", false}},
            {"demo_evolutie_fase.csv", "fase", {"evolutie", 2023, 0, "fase", false}}};
  p.results = [](const RunInputs& in) {
    analysis::evolutie::Inputs ei;
    auto table = [&](size_t i) { return in.tables.size() > i ? in.tables[i] : nullptr; };
    ei.meting = table(0);
    ei.instrument = table(1);
    ei.telling = table(2);
    ei.fase = table(3);
    ei.sofs = in.links.empty() ? nullptr : in.links[0];
    return analysis::evolutie::results(ei, analysis::evolutie::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
