#include "session/run.h"

#include "core/mapping.h"

namespace zicht::session {
namespace {

std::vector<std::string> column_names(const core::Table& t) {
  std::vector<std::string> names;
  names.reserve(t.columns.size());
  for (const auto& c : t.columns) names.push_back(c.name);
  return names;
}

}  // namespace

Detected detect(const std::vector<std::string>& columns, const std::vector<std::string>* labels) {
  Detected d;
  for (const auto& p : profiles()) {
    if (!p.schema) continue;
    const core::Mapping m = core::match_columns(*p.schema, columns, nullptr, {}, labels);
    if (m.ok() && m.score >= 0.25 && m.score > d.score) d = {p.id, m.kind, m.score};
  }
  return d;
}

bool mapping_settings(const ProfileSpec& spec, const analysis::Settings& settings, core::ProfileSettings& out,
                      std::string& error) {
  return analysis::profile_settings(settings, spec.id, out, error);
}

core::MappedDataset map_table(const ProfileSpec& spec, const std::string& table, const std::string& name,
                              const core::ReadResult& data, const core::ProfileSettings& ps) {
  const std::vector<std::string> labels = core::column_labels(data.report);
  const core::Mapping m = core::match_columns(*spec.schema, column_names(data.table), &ps.overrides, table, &labels);
  return core::map_dataset(name, data.table, data.report, *spec.schema, m, ps);
}

bool map_tables(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const analysis::Settings& settings,
                std::vector<std::optional<core::MappedDataset>>& out, std::string& error) {
  out.assign(spec.tables.size(), std::nullopt);
  if (!spec.schema) {
    error = spec.id + ": the profile schema is missing from this build";
    return false;
  }
  core::ProfileSettings ps;
  if (!mapping_settings(spec, settings, ps, error)) return false;
  for (size_t t = 0; t < spec.tables.size(); ++t) {
    const TableInput* in = nullptr;
    for (const auto& i : inputs)
      if (i.table == spec.tables[t].id && i.data) {
        in = &i;
        break;
      }
    if (!in) {
      if (!spec.tables[t].required) continue;
      error = spec.id + ": a " + spec.tables[t].id + " file is needed";
      return false;
    }
    out[t] = map_table(spec, spec.tables[t].id, in->name, *in->data, ps);
    if (!out[t]->mapping.ok()) {
      error = core::unmatched_message(*spec.schema, out[t]->mapping, in->name);
      return false;
    }
    if (t == 0) ps.as_of = out[0]->as_of;  // one "now" for every table
  }
  return true;
}

analysis::ResultSet run_profile(const ProfileSpec& spec, const std::vector<TableInput>& inputs,
                                const std::vector<const core::MappedDataset*>& tables,
                                const analysis::Settings& settings) {
  analysis::ResultSet set;
  std::vector<analysis::Input> in;
  std::vector<const core::MappedDataset*> ds;
  for (size_t t = 0; t < spec.tables.size() && t < tables.size(); ++t) {
    if (!tables[t]) continue;
    for (const auto& i : inputs)
      if (i.table == spec.tables[t].id) {
        in.push_back({i.name, i.data});
        ds.push_back(tables[t]);
        break;
      }
  }
  analysis::Settings s = settings;
  s.profile = spec.id;
  set.provenance = analysis::make_provenance(in, ds, s);
  set.provenance.profile = spec.id;
  RunInputs run;
  run.tables = tables;
  run.links.assign(spec.links.size(), nullptr);
  run.werkmap = &settings.werkmap;
  set.results = spec.results(run);
  return set;
}

bool analyse(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const analysis::Settings& settings,
             analysis::ResultSet& out, std::string& error) {
  std::vector<std::optional<core::MappedDataset>> mapped;
  if (!map_tables(spec, inputs, settings, mapped, error)) return false;
  std::vector<const core::MappedDataset*> tables;
  for (const auto& m : mapped) tables.push_back(m ? &*m : nullptr);
  out = run_profile(spec, inputs, tables, settings);
  return true;
}

}  // namespace zicht::session
