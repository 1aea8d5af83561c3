// Wave-2 profiles in bench_core (issue 24): "each wave-2 profile ≤ 50 ms on 100,000 records".
//
// Inputs. The wave-2 demo generators write the published-size demos only (a few dozen to a few thousand rows per
// part), so the benchmark grows them here, from the demo's own CSV, without touching the demo: the published design
// is repeated; copy 1 is the demo as it is, copy k ≥ 2 gets "-k" appended to every id (traject_id, respondent_id,
// jongere_id, persoon_id, gezin_id, overleg_id, support_form_id, …, also inside the '+'-joined `bronnen` and the
// "form:characteristic" cross references), so every copy is a new set of trajectories / families / meetings / forms
// whose links resolve inside the copy. Records = the profile's primary table (its first TableSpec):
//   kerndataset  opvolging rows (follow-up rows; ouder, kind, zelfevaluatie and casus grow with them)
//   matrix       cells: the 24 forms × 97 characteristics × 2 versions repeated as new forms, as ~22 regional
//                inventories of 24 forms each would be, on the same 97 characteristics and legend (100,000 cells:
//                22 copies, 528 forms in the form dictionary, cells for 527 of them, the last 23 in one version)
//   evolutie     meting rows (scores; telling and fase grow with them, the 2 instruments stay a dictionary)
//   trajecten    registratie rows (registrations)
//   procesflow   overleg rows (meetings; attendance, findings, actions, recommendations, votes, statements and
//                quotes grow with them; the 13 themes stay a dictionary)
// The primary table is cut at exactly `rows`; the other parts hold the same number of whole copies (C = ⌈rows /
// primary rows of the demo⌉). The linked profile's primary table (kerndataset, evolutie → sofs; procesflow →
// trajecten) is its published demo repeated the same C times with the same suffixes, so every link resolves.
// Dictionaries (matrix characteristics and legend, evolutie instruments, procesflow themes) are not repeated.
#include "bench_core_wave2.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <set>
#include <vector>

#include "analysis/settings.h"
#include "core/reader.h"
#include "core/werkmap.h"
#include "demo/demo.h"
#include "session/registry.h"
#include "session/run.h"

namespace zicht::bench {
namespace {

struct Wave2Input {
  const char* profile;
  std::vector<const char*> parts;       // demo parts = table ids; the first is the primary table
  std::vector<const char*> dictionaries;  // parts written once, not repeated
  const char* link;                     // linked profile ("" = none)
};

const std::vector<Wave2Input>& inputs() {
  static const std::vector<Wave2Input> v = {
      {"kerndataset", {"opvolging", "ouder", "kind", "zelfevaluatie", "casus"}, {}, "sofs"},
      {"matrix", {"cells", "characteristics", "support_forms", "legend"}, {"characteristics", "legend"}, ""},
      {"evolutie", {"meting", "instrument", "telling", "fase"}, {"instrument"}, "sofs"},
      {"trajecten", {"registratie"}, {}, ""},
      {"procesflow",
       {"overleg", "aanwezigheid", "thema", "bevinding", "actiepunt", "aanbeveling", "stemming", "stelling", "citaat"},
       {"thema"},
       "trajecten"}};
  return v;
}

// Columns holding an id of a record that is new in every copy (sofs: "Identificatiecode").
const std::set<std::string>& id_columns() {
  static const std::set<std::string> s = {"traject_id",  "respondent_id",    "jongere_id",      "persoon_id",
                                          "gezin_id",    "support_form_id",  "overleg_id",      "ouder_overleg_id",
                                          "bron_overleg_id", "bevinding_id", "actie_id",        "aanbeveling_id",
                                          "stelling_id", "Identificatiecode"};
  return s;
}

using Record = std::vector<std::string>;

// The demo CSVs: ';' (or ',' for the matrix dictionaries), '"' quoting, CRLF.
std::vector<Record> parse_csv(const std::string& text, char delim) {
  std::vector<Record> out;
  Record rec;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (ch == '"') quoted = false;
      else field += ch;
    } else if (ch == '"') {
      quoted = any = true;
    } else if (ch == delim) {
      rec.push_back(std::move(field)), field.clear(), any = true;
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rec.push_back(std::move(field)), field.clear();
      out.push_back(std::move(rec)), rec.clear();
      any = false;
    } else {
      field += ch, any = true;
    }
  }
  if (any || !field.empty()) rec.push_back(std::move(field)), out.push_back(std::move(rec));
  return out;
}

void write_record(std::string& out, const Record& r, char delim) {
  for (size_t i = 0; i < r.size(); ++i) {
    if (i) out += delim;
    const std::string& f = r[i];
    if (f.find_first_of(std::string("\"\r\n") + delim) == std::string::npos) {
      out += f;
    } else {
      out += '"';
      for (char ch : f) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      out += '"';
    }
  }
  out += "\r\n";
}

// Record `r` of copy `copy` (0 = the demo as it is).
Record copy_record(const Record& header, const Record& r, uint64_t copy, uint64_t rows_per_copy) {
  if (copy == 0) return r;
  const std::string sfx = "-" + std::to_string(copy + 1);
  Record out = r;
  for (size_t i = 0; i < header.size() && i < out.size(); ++i) {
    std::string& v = out[i];
    if (v.empty()) continue;
    const std::string& col = header[i];
    if (id_columns().count(col)) {
      v += sfx;
    } else if (col == "bronnen") {  // "B-CB-1+B-CB-2"
      std::string joined;
      size_t from = 0;
      for (;;) {
        const size_t plus = v.find('+', from);
        joined += v.substr(from, plus - from) + sfx;
        if (plus == std::string::npos) break;
        joined += '+';
        from = plus + 1;
      }
      v = joined;
    } else if (col == "cross_ref_target" && v.find(':') != std::string::npos) {  // "caw_trajecten:E1"
      v.insert(v.find(':'), sfx);
    } else if (col == "order" && std::find(header.begin(), header.end(), "support_form_id") != header.end()) {
      v = std::to_string(std::stoll(v) + int64_t(copy * rows_per_copy));
    }
  }
  return out;
}

// The demo part repeated `copies` times, cut at `limit` data rows (0 = no cut).
std::string grown_csv(const demo::DemoOptions& o, uint64_t copies, uint64_t limit, uint64_t* written) {
  const std::string demo_csv = demo::generate_csv(o);
  const size_t eol = demo_csv.find('\n');
  const char delim = demo_csv.substr(0, eol).find(';') != std::string::npos ? ';' : ',';
  const std::vector<Record> recs = parse_csv(demo_csv, delim);
  std::string out;
  if (recs.empty()) return out;
  write_record(out, recs[0], delim);
  const uint64_t n = recs.size() - 1;
  uint64_t w = 0;
  for (uint64_t c = 0; c < copies; ++c)
    for (uint64_t i = 1; i <= n && (limit == 0 || w < limit); ++i, ++w)
      write_record(out, copy_record(recs[0], recs[i], c, n), delim);
  if (written) *written = w;
  return out;
}

std::string input_dir(const std::string& dir, uint64_t rows) { return dir + "/wave2_" + std::to_string(rows); }
std::string part_file(const std::string& d, const std::string& profile, const std::string& part) {
  return d + "/" + profile + "_" + part + ".csv";
}
std::string link_file(const std::string& d, const std::string& profile, const std::string& link) {
  return d + "/" + profile + "_link_" + link + ".csv";
}
bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && st.st_size > 0;
}
bool write_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return bool(f);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

bool write_wave2_inputs(const std::string& dir, uint64_t rows, std::string& error) {
  const std::string d = input_dir(dir, rows);
  ::mkdir(dir.c_str(), 0755);
  ::mkdir(d.c_str(), 0755);
  for (const Wave2Input& in : inputs()) {
    bool complete = in.link[0] == 0 || exists(link_file(d, in.profile, in.link));
    for (const char* part : in.parts) complete = complete && exists(part_file(d, in.profile, part));
    if (complete) continue;
    demo::DemoOptions o;
    o.profile = in.profile;
    o.part = in.parts[0];
    const uint64_t demo_rows = demo::generate_csv_chunks(o, [](std::string_view) {});
    if (demo_rows == 0) {
      error = std::string("no demo rows for ") + in.profile;
      return false;
    }
    const uint64_t copies = std::max<uint64_t>(1, (rows + demo_rows - 1) / demo_rows);
    for (const char* part : in.parts) {
      o.part = part;
      const bool dict = std::find_if(in.dictionaries.begin(), in.dictionaries.end(), [&](const char* p) {
                          return std::string(p) == part;
                        }) != in.dictionaries.end();
      const bool primary = part == in.parts[0];
      if (!write_file(part_file(d, in.profile, part), grown_csv(o, dict ? 1 : copies, primary ? rows : 0, nullptr))) {
        error = "cannot write " + part_file(d, in.profile, part);
        return false;
      }
    }
    if (in.link[0]) {
      demo::DemoOptions l;
      l.profile = in.link;
      l.part = std::string(in.link) == "trajecten" ? "registratie" : "modules";
      if (!write_file(link_file(d, in.profile, in.link), grown_csv(l, copies, 0, nullptr))) {
        error = "cannot write " + link_file(d, in.profile, in.link);
        return false;
      }
    }
  }
  return true;
}

nlohmann::json bench_wave2(const std::string& dir, uint64_t rows, int runs, std::string& error,
                           const std::string& only) {
  const std::string d = input_dir(dir, rows);
  nlohmann::json out = nlohmann::json::object();
  std::printf("wave-2 profiles: every result (ProfileSpec::results) on %s\n", d.c_str());
  std::printf("  %-12s %9s %9s %8s %10s %10s\n", "profile", "records", "rows", "results", "wall ms", "CPU ms");
  for (const Wave2Input& in : inputs()) {
    if (!only.empty() && only != in.profile) continue;
    const session::ProfileSpec* spec = session::find_profile(in.profile);
    if (!spec) {
      error = std::string("profile not registered: ") + in.profile;
      return nlohmann::json::object();
    }
    // Read every file once (parsing and mapping are not what is timed here).
    std::vector<core::ReadResult> reads(in.parts.size());
    std::vector<session::TableInput> tables;
    int64_t all_rows = 0;
    for (size_t p = 0; p < in.parts.size(); ++p) {
      const std::string f = part_file(d, in.profile, in.parts[p]);
      reads[p] = core::read_file(f);
      if (!reads[p].ok()) {
        error = "cannot read " + f + ": " + reads[p].status.message;
        return nlohmann::json::object();
      }
      all_rows += reads[p].report.rows_in;
      tables.push_back({in.parts[p], f, &reads[p]});
    }
    const analysis::Settings settings;
    std::vector<std::optional<core::MappedDataset>> mapped;
    i18n::Message why;
    if (!session::map_tables(*spec, tables, settings, mapped, why)) {
      error = std::string(in.profile) + ": " + why.text(i18n::Lang::en);
      return nlohmann::json::object();
    }
    core::ReadResult link_read;
    std::optional<core::MappedDataset> link_mapped;
    session::RunInputs run;
    for (const auto& m : mapped) run.tables.push_back(m ? &*m : nullptr);
    run.links.assign(spec->links.size(), nullptr);
    int64_t link_rows = 0;
    if (in.link[0]) {
      const std::string f = link_file(d, in.profile, in.link);
      link_read = core::read_file(f);
      if (!session::map_link({in.link, f, &link_read, nullptr}, settings, link_mapped, why)) {
        error = std::string(in.profile) + " link: " + why.text(i18n::Lang::en);
        return nlohmann::json::object();
      }
      link_rows = link_read.report.rows_in;
      for (size_t l = 0; l < spec->links.size(); ++l)
        if (spec->links[l] == in.link) run.links[l] = &*link_mapped;
    }
    core::Werkmap werkmap;  // as run_profile types it from the (empty) settings
    std::string ignored;
    core::Werkmap::from_settings(settings.werkmap, werkmap, ignored);
    run.werkmap = &werkmap;

    size_t n_results = 0;
    std::vector<double> wall, cpu;
    for (int i = 0; i < std::max(runs, 7); ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::clock_t c0 = std::clock();
      n_results = spec->results(run).size();
      wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      cpu.push_back(1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC);
    }
    const int64_t records = reads[0].report.rows_in;
    std::printf("  %-12s %9lld %9lld %8zu %10.1f %10.1f\n", in.profile, (long long)records,
                (long long)(all_rows + link_rows), n_results, median(wall), median(cpu));
    nlohmann::json parts = nlohmann::json::object();
    for (size_t p = 0; p < in.parts.size(); ++p) parts[in.parts[p]] = reads[p].report.rows_in;
    out[in.profile] = {{"dir", d},
                       {"primary", in.parts[0]},
                       {"rows", records},
                       {"parts", parts},
                       {"link", in.link},
                       {"link_rows", link_rows},
                       {"results", n_results},
                       {"runs", int(wall.size())},
                       {"recompute_ms", median(wall)},
                       {"recompute_cpu_ms", median(cpu)}};
  }
  return out;
}

}  // namespace zicht::bench
