// The matrix of support forms × characteristics of trajectondersteuning (spec/matrix.md) as a plug-in profile:
// the long cells file (or the wide sheet standing in for it) with the optional dictionary files.
#include "analysis/matrix.h"
#include "session/registry.h"

namespace zicht::session {

ProfileSpec matrix_profile() {
  ProfileSpec p;
  p.id = "matrix";
  p.nav_key = "nav.section_matrix";
  p.schema = std::shared_ptr<const core::Schema>(core::find_schema("matrix"), [](const core::Schema*) {});
  p.tables = {{"cells", true, "", {"wide"}},
              {"characteristics", false, "characteristic_id", {}},
              {"support_forms", false, "support_form_id", {}},
              {"legend", false, "code", {}}};
  p.pages = {
      {"matrix", "page.matrix.matrix", {"matrix.heatmap"}},
      {"kenmerken", "page.matrix.kenmerken", {"matrix.coverage_rows"}},
      {"vormen", "page.matrix.vormen", {"matrix.coverage_forms"}},
      {"gelijkenis", "page.matrix.gelijkenis", {"matrix.similarity"}},
      {"vergelijken", "page.matrix.vergelijken", {"matrix.compare"}},
      {"facetten", "page.matrix.facetten", {"matrix.facets"}},
      {"onzekerheid", "page.matrix.onzekerheid", {"matrix.uncertainty"}},
      {"versies", "page.matrix.versies", {"matrix.versions"}},
      {"kwaliteit", "page.matrix.kwaliteit", {"matrix.quality"}},
  };
  p.templates = {{"matrix_cellen.csv", "start.template_matrix_cells"},
                 {"matrix_breed.csv", "start.template_matrix_wide"}};
  p.demo = {{"demo_matrix_cellen.csv", "cells", {"matrix", 2023, 0, "cells", false}}};
  p.results = [](const RunInputs& in) {
    analysis::matrix::Inputs mi;
    mi.cells = in.tables[0];
    mi.characteristics = in.tables.size() > 1 ? in.tables[1] : nullptr;
    mi.support_forms = in.tables.size() > 2 ? in.tables[2] : nullptr;
    mi.legend = in.tables.size() > 3 ? in.tables[3] : nullptr;
    return analysis::matrix::results(mi, analysis::matrix::Options::from_werkmap(*in.werkmap));
  };
  return p;
}

}  // namespace zicht::session
