// The numbers every side of the browser benchmark must agree on (bench/browser/peers.js computes the same ones in
// plain JavaScript and in SQL): orgtype × dossier status, SofS-module frequency per child, the rank table and the
// pre/post cluster counts, taken from Zicht's own Binc results. Header-only: used by the wasm bench module and by
// bench_core.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"

namespace zicht::bench {

// {category: [values of `cols`...]} for one table of one result; integers as numbers, missing as null.
inline nlohmann::ordered_json table_rows(const std::vector<analysis::Result>& results, const std::string& result_id,
                                         const std::string& table_id, const std::vector<std::string>& cols) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& r : results) {
    if (r.id != result_id) continue;
    for (const auto& t : r.tables) {
      if (t.id != table_id) continue;
      std::vector<int> idx;
      for (const auto& c : cols) idx.push_back(t.column_index(c));
      for (const auto& row : t.rows) {
        if (row.empty()) continue;
        nlohmann::ordered_json vals = nlohmann::ordered_json::array();
        for (int i : idx) {
          if (i < 0 || size_t(i) >= row.size() || !row[size_t(i)].is_number()) vals.push_back(nullptr);
          else if (row[size_t(i)].kind == analysis::Value::Kind::integer) vals.push_back(row[size_t(i)].i);
          else vals.push_back(row[size_t(i)].d);
        }
        out[row[0].s] = vals;
      }
    }
  }
  return out;
}

inline nlohmann::ordered_json checks(const std::vector<analysis::Result>& results) {
  nlohmann::ordered_json c = nlohmann::ordered_json::object();
  c["orgtype_by_status"] = table_rows(results, "binc.orgtype_by_status", "counts", {"open_n", "closed_n"});
  c["module_frequency"] = table_rows(results, "binc.module_frequency", "frequency", {"n"});
  c["module_rank"] = table_rows(results, "binc.module_rank", "rank", {"n"});
  // binc.pre_post's "clusters" table counts schakelingen (Table 8's unit, the default) or, with the unit kinderen,
  // children; the other one is left empty and not compared.
  bool links = false;
  for (const auto& r : results)
    for (const auto& t : r.tables)
      if (r.id == "binc.pre_post" && t.id == "clusters")
        links = t.title.en == analysis::Text::key("binc.pre_post.table.schakelingen").en;
  c["pre_post_children"] = nlohmann::ordered_json::object();
  c["pre_post_links"] = nlohmann::ordered_json::object();
  c[links ? "pre_post_links" : "pre_post_children"] = table_rows(results, "binc.pre_post", "clusters", {"pre_n", "post_n"});
  c["chains"] = table_rows(results, "binc.pre_post", "chains", {"n"});
  return c;
}

}  // namespace zicht::bench
