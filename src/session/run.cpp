#include "session/run.h"

#include <algorithm>

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
                std::vector<std::optional<core::MappedDataset>>& out, i18n::Message& error) {
  out.assign(spec.tables.size(), std::nullopt);
  if (!spec.schema) {
    error = {"run.schema_missing", {spec.id}, {}};
    return false;
  }
  core::ProfileSettings ps;
  std::string why;
  if (!mapping_settings(spec, settings, ps, why)) {
    error = {"run.settings_unusable", {why}, {}};
    return false;
  }
  for (size_t t = 0; t < spec.tables.size(); ++t) {
    const TableInput* in = nullptr;
    for (const auto& i : inputs)
      if (spec.tables[t].accepts(i.table) && i.data) {
        in = &i;
        break;
      }
    if (!in) {
      if (!spec.tables[t].required) continue;
      error = {"run.table_needed", {spec.id, spec.tables[t].id}, {}};
      return false;
    }
    out[t] = map_table(spec, in->table, in->name, *in->data, ps);
    if (!out[t]->mapping.ok()) {
      error = core::unmatched(*spec.schema, out[t]->mapping, in->name);
      return false;
    }
    if (!ps.as_of) ps.as_of = out[t]->as_of;  // one "now" for every table: the first mapped one's
  }
  return true;
}

bool map_link(const LinkInput& link, const analysis::Settings& settings, std::optional<core::MappedDataset>& out,
              i18n::Message& error) {
  out.reset();
  const ProfileSpec* spec = find_profile(link.profile);
  if (!spec || !spec->schema || spec->tables.empty()) {
    error = {"run.link_unknown", {link.profile}, {}};
    return false;
  }
  if (!link.data) {
    error = {"run.table_needed", {spec->id, spec->tables.front().id}, {}};
    return false;
  }
  // Only the primary table: it alone sets the linked profile's "now" (as in map_tables).
  core::ProfileSettings ps;
  std::string why;
  if (!mapping_settings(*spec, settings, ps, why)) {
    error = {"run.settings_unusable", {why}, {}};
    return false;
  }
  out = map_table(*spec, spec->tables.front().id, link.name, *link.data, ps);
  if (!out->mapping.ok()) {
    error = core::unmatched(*spec->schema, out->mapping, link.name);
    out.reset();
    return false;
  }
  return true;
}

analysis::ResultSet run_profile(const ProfileSpec& spec, const std::vector<TableInput>& inputs,
                                const std::vector<const core::MappedDataset*>& tables,
                                const analysis::Settings& settings, const std::vector<LinkInput>& links) {
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
  RunInputs run;
  run.tables = tables;
  run.links.assign(spec.links.size(), nullptr);
  std::vector<std::string> linked;  // the profile of each linked input, after the tables in `in`
  for (size_t l = 0; l < spec.links.size(); ++l)
    for (const auto& link : links)
      if (link.profile == spec.links[l] && link.mapped && link.data) {
        run.links[l] = link.mapped;
        in.push_back({link.name, link.data});
        ds.push_back(link.mapped);
        linked.push_back(link.profile);
        break;
      }
  analysis::Settings s = settings;
  s.profile = spec.id;
  set.provenance = analysis::make_provenance(in, ds, s);
  set.provenance.profile = spec.id;
  const size_t first_link = set.provenance.files.size() - linked.size();
  for (size_t l = 0; l < linked.size(); ++l) set.provenance.files[first_link + l].link = linked[l];
  // The werkmap typed once per run (map_tables has already refused one that does not parse).
  core::Werkmap werkmap;
  std::string ignored;
  core::Werkmap::from_settings(settings.werkmap, werkmap, ignored);
  run.werkmap = &werkmap;
  set.results = spec.results(run);
  return set;
}

bool analyse(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const std::vector<LinkInput>& links,
             const analysis::Settings& settings, analysis::ResultSet& out, i18n::Message& error) {
  std::vector<std::optional<core::MappedDataset>> mapped;
  if (!map_tables(spec, inputs, settings, mapped, error)) return false;
  std::vector<const core::MappedDataset*> tables;
  for (const auto& m : mapped) tables.push_back(m ? &*m : nullptr);
  std::vector<LinkInput> given = links;
  std::vector<std::optional<core::MappedDataset>> linked(links.size());
  for (size_t l = 0; l < given.size(); ++l) {
    if (std::find(spec.links.begin(), spec.links.end(), given[l].profile) == spec.links.end()) {
      error = {"run.link_undeclared", {spec.id, given[l].profile}, {}};
      return false;
    }
    if (given[l].mapped) continue;
    if (!map_link(given[l], settings, linked[l], error)) return false;
    given[l].mapped = &*linked[l];
  }
  out = run_profile(spec, inputs, tables, settings, given);
  return true;
}

bool analyse(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const analysis::Settings& settings,
             analysis::ResultSet& out, std::string& error) {
  i18n::Message m;
  if (analyse(spec, inputs, {}, settings, out, m)) return true;
  error = m.text(i18n::Lang::en);
  return false;
}

}  // namespace zicht::session
