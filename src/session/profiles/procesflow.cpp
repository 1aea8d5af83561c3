// Procesflow (spec/concept.md §3) as a plug-in profile: meetings, attendance, themes, findings, action points,
// recommendations, dot votes, card statements and quotes, each its own record type, linked to a loaded `trajecten`
// register by traject_id. Any one of them can be loaded alone; the meetings are the primary table when present.
// The themes per meeting may come as a "+"-joined `themas` column of overleg instead of an overleg_thema file, and
// the statements' tallies as one stelling row per position instead of a stelling_stem file (both also combine).
#include "analysis/procesflow.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec procesflow_profile() {
  ProfileSpec p;
  p.id = "procesflow";
  p.nav_key = "nav.section_procesflow";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("procesflow"), [](const core::Schema*) {});
  p.tables = {{"overleg", false, "", {}},
              {"aanwezigheid", false, "overleg_id", {}},
              {"thema", false, "", {}},
              {"overleg_thema", false, "overleg_id", {}},
              {"bevinding", false, "", {}},
              {"actiepunt", false, "", {}},
              {"aanbeveling", false, "", {}},
              {"stemming", false, "overleg_id", {}},
              {"stelling", false, "", {}},
              {"stelling_stem", false, "", {}},
              {"citaat", false, "", {}}};
  p.links = {"trajecten"};
  p.pages = {
      {"overzicht", "page.procesflow.overzicht", {"procesflow.cadence", "procesflow.flow"}},
      {"themas", "page.procesflow.themas", {"procesflow.themes", "procesflow.quotes"}},
      {"aanwezigheid", "page.procesflow.aanwezigheid", {"procesflow.attendance"}},
      {"prioriteiten", "page.procesflow.prioriteiten", {"procesflow.priorities"}},
      {"stellingen", "page.procesflow.stellingen", {"procesflow.statements"}},
      {"acties", "page.procesflow.acties", {"procesflow.actions"}},
      {"aanbevelingen", "page.procesflow.aanbevelingen", {"procesflow.recommendations"}},
      {"kwaliteit", "page.procesflow.kwaliteit", {"procesflow.quality"}},
  };
  p.templates = {{"procesflow_overleg.csv", "start.template_procesflow_overleg"},
                 {"procesflow_stemming.csv", "start.template_procesflow_stemming"},
                 {"procesflow_stelling.csv", "start.template_procesflow_stelling"}};
  auto demo = [](const char* part) { return demo::DemoOptions{"procesflow", 2023, 0, part, false}; };
  p.demo = {{"demo_procesflow_overleg.csv", "overleg", demo("overleg")},
            {"demo_procesflow_aanwezigheid.csv", "aanwezigheid", demo("aanwezigheid")},
            {"demo_procesflow_thema.csv", "thema", demo("thema")},
            {"demo_procesflow_bevinding.csv", "bevinding", demo("bevinding")},
            {"demo_procesflow_actiepunt.csv", "actiepunt", demo("actiepunt")},
            {"demo_procesflow_aanbeveling.csv", "aanbeveling", demo("aanbeveling")},
            {"demo_procesflow_stemming.csv", "stemming", demo("stemming")},
            {"demo_procesflow_stelling.csv", "stelling", demo("stelling")},
            {"demo_procesflow_citaat.csv", "citaat", demo("citaat")}};
  p.results = [](const RunInputs& in) {
    analysis::procesflow::Inputs pi;
    auto table = [&](size_t i) { return in.tables.size() > i ? in.tables[i] : nullptr; };
    pi.overleg = table(0);
    pi.aanwezigheid = table(1);
    pi.thema = table(2);
    pi.overleg_thema = table(3);
    pi.bevinding = table(4);
    pi.actiepunt = table(5);
    pi.aanbeveling = table(6);
    pi.stemming = table(7);
    pi.stelling = table(8);
    pi.stelling_stem = table(9);
    pi.citaat = table(10);
    pi.trajecten = in.links.empty() ? nullptr : in.links[0];
    return analysis::procesflow::results(pi, analysis::procesflow::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
