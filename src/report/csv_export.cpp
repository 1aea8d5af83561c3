#include "report/csv_export.h"

namespace zicht::report {

std::string provenance_line(const analysis::Provenance& p) {
  std::string s = "Zicht " + p.tool_version + " (" + p.tool_build + "); profile " + p.profile + "; input";
  for (const auto& f : p.files) {
    s += " " + f.name + " sha256:" + f.sha256 + " rows " + std::to_string(f.rows_in);
    if (!f.link.empty()) s += " link " + f.link;
  }
  s += "; settings sha256:" + p.settings_sha256 + "; as-of " + (p.as_of.empty() ? "-" : p.as_of) + "; mode " +
       p.mode + "; k " + std::to_string(p.suppress_k);
  return s;
}

namespace {

void write_rows(CsvWriter& w, const analysis::Table& t, i18n::Lang lang) {
  for (const auto& c : t.columns) w.text(c.label.in(lang));
  w.end_row();
  using K = analysis::Value::Kind;
  for (const auto& row : t.rows) {
    for (const auto& v : row) {
      switch (v.kind) {
        case K::missing: w.empty(); break;
        case K::suppressed: w.text(v.s); break;
        case K::integer: w.integer(v.i); break;
        case K::number: w.number(v.d); break;
        case K::text: w.text(v.text_in(lang)); break;
      }
    }
    w.end_row();
  }
}

}  // namespace

std::string table_csv(const analysis::Result& r, const analysis::Table& t, const analysis::Provenance& p,
                      i18n::Lang lang, const CsvOptions& options) {
  CsvWriter w(options);
  w.comment(r.title.in(lang) + " — " + t.title.in(lang) + " (" + r.unit.in(lang) + ")");
  w.comment(provenance_line(p));
  write_rows(w, t, lang);
  return w.take();
}

std::string table_tsv(const analysis::Table& t, i18n::Lang lang) {
  CsvWriter w(CsvOptions{'\t', lang == i18n::Lang::nl, false});
  write_rows(w, t, lang);
  return w.take();
}

std::vector<ExportFile> results_csv(const analysis::ResultSet& set, i18n::Lang lang, const CsvOptions& options) {
  std::vector<ExportFile> out;
  for (const auto& r : set.results)
    for (const auto& t : r.tables)
      out.push_back({r.id + "." + t.id + ".csv", table_csv(r, t, set.provenance, lang, options)});
  return out;
}

}  // namespace zicht::report
