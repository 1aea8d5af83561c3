// The SofS core dataset (spec/kerndataset.md) as a plug-in profile: follow-up, parent and child surveys,
// self-assessment and the case panel, each its own record type, linked to a loaded `sofs` file by traject_id.
// Any one of them can be loaded alone; the follow-up file is the primary table when present.
#include "analysis/kerndataset.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec kerndataset_profile() {
  ProfileSpec p;
  p.id = "kerndataset";
  p.nav_key = "nav.section_kerndataset";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("kerndataset"), [](const core::Schema*) {});
  p.tables = {{"opvolging", false, "", {}},
              {"ouder", false, "traject_id", {}},
              {"kind", false, "traject_id", {}},
              {"zelfevaluatie", false, "", {}},
              {"casus", false, "traject_id", {}}};
  p.links = {"sofs"};
  p.pages = {
      {"overzicht", "page.kerndataset.overzicht", {"kerndataset.overview"}},
      {"ouders", "page.kerndataset.ouders", {"kerndataset.parent_items"}},
      {"schalen", "page.kerndataset.schalen", {"kerndataset.parent_scales", "kerndataset.perspective_gap"}},
      {"kinderen", "page.kerndataset.kinderen", {"kerndataset.child_items"}},
      {"opvolging", "page.kerndataset.opvolging", {"kerndataset.followup"}},
      {"heraanmelding", "page.kerndataset.heraanmelding", {"kerndataset.rereferral"}},
      {"plaatsing", "page.kerndataset.plaatsing", {"kerndataset.placement"}},
      {"netwerk", "page.kerndataset.netwerk", {"kerndataset.network"}},
      {"duurzaamheid", "page.kerndataset.duurzaamheid", {"kerndataset.sustainability"}},
      {"impact", "page.kerndataset.impact", {"kerndataset.impact_profile"}},
      {"modelgetrouwheid", "page.kerndataset.modelgetrouwheid", {"kerndataset.fidelity_link"}},
      {"zelfevaluatie", "page.kerndataset.zelfevaluatie", {"kerndataset.self_assessment"}},
      {"casuspanel", "page.kerndataset.casuspanel", {"kerndataset.case_panel"}},
      {"kwaliteit", "page.kerndataset.kwaliteit", {"kerndataset.quality"}},
  };
  p.templates = {{"kerndataset_opvolging.csv", "start.template_kerndataset_opvolging"},
                 {"kerndataset_ouder.csv", "start.template_kerndataset_ouder"},
                 {"kerndataset_kind.csv", "start.template_kerndataset_kind"},
                 {"kerndataset_zelfevaluatie.csv", "start.template_kerndataset_zelfevaluatie"}};
  p.demo = {{"demo_kerndataset_opvolging.csv", "opvolging", {"kerndataset", 2023, 0, "opvolging", false}},
            {"demo_kerndataset_ouder.csv", "ouder", {"kerndataset", 2023, 0, "ouder", false}},
            {"demo_kerndataset_kind.csv", "kind", {"kerndataset", 2023, 0, "kind", false}},
            {"demo_kerndataset_zelfevaluatie.csv", "zelfevaluatie", {"kerndataset", 2023, 0, "zelfevaluatie", false}},
            {"demo_kerndataset_casus.csv", "casus", {"kerndataset", 2023, 0, "casus", false}}};
  p.results = [](const RunInputs& in) {
    analysis::kerndataset::Inputs ki;
    auto table = [&](size_t i) { return in.tables.size() > i ? in.tables[i] : nullptr; };
    ki.opvolging = table(0);
    ki.ouder = table(1);
    ki.kind = table(2);
    ki.zelfevaluatie = table(3);
    ki.casus = table(4);
    ki.sofs = in.links.empty() ? nullptr : in.links[0];
    return analysis::kerndataset::results(ki, analysis::kerndataset::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
