// How every Binc result is drawn (spec/charts.md §3): views over the tables the binc/ result files build.
#include <algorithm>
#include <cctype>
#include <string>

#include "analysis/binc.h"

namespace zicht::analysis::binc {
namespace {

Text K(const std::string& key) { return Text::key(key); }

const Table* table(const Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

void set_title(View& v, const std::string& key) {
  const Text t = K(key);
  v.title_nl = t.nl;
  v.title_en = t.en;
}

bool ends_with(const std::string& s, const char* tail) {
  const std::string t(tail);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// Categories that are whole numbers (ages, counts, "≥5") are ordinal, drawn in their own order.
bool numeric_categories(const Table& t) {
  const int ci = t.column_index("category");
  if (ci < 0) return false;
  size_t seen = 0;
  for (const auto& row : t.rows) {
    const Value& v = row[static_cast<size_t>(ci)];
    if (is_non_category(v)) continue;
    if (v.is_number()) {
      ++seen;
      continue;
    }
    std::string s = v.s;
    while (!s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]))) s.erase(0, 1);  // "≥5"
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return false;
    ++seen;
  }
  return seen > 0;
}

// Table 5: one panel per characteristic, the percent axis under the chosen denominator; a picker on screen.
void profile(Result& r, const Options& o) {
  for (const auto& t : r.tables) {
    if (t.column_index("pct_valid") < 0 || ends_with(t.id, ".by_year")) continue;
    View v = percent_view(t, "category", core::denominator_id(o.denominator), r.unit);
    v.id = t.id;
    v.title_nl = t.title.nl;
    v.title_en = t.title.en;
    v.group = "characteristics";
    v.x_scale = numeric_categories(t) ? Scale::ordinal : Scale::nominal;
    v.colour_key_all = "status.alle";
    r.views.push_back(std::move(v));
  }
}

// Table 6: column percentages open / closed, and the adjusted residuals on a diverging ramp.
void orgtype(Result& r, const Options&) {
  if (const Table* t = table(r, "counts")) {
    View v;
    v.id = "columns";
    set_title(v, "view.orgtype.columns");
    v.kind = ViewKind::bar;
    v.table = t->id;
    v.x = "category";
    v.y = {"open_pct", "closed_pct"};
    v.unit = analysis::Unit::percent;
    v.of_nl = K("of.orgtype_column").nl;
    v.of_en = K("of.orgtype_column").en;
    v.numerators = {"open_n", "closed_n"};
    v.denominators = {"open_denom", "closed_denom"};
    v.policy = "fixed";
    v.orientation = Orientation::horizontal;
    v.rows.push_back(category_rows(*t, "category"));
    v.colour_keys = {{"open_pct", "status.lopend"}, {"closed_pct", "status.afgesloten"}};
    r.views.push_back(std::move(v));
  }
  if (const Table* t = table(r, "residuals")) {
    View v;
    v.id = "residuals";
    set_title(v, "view.orgtype.residuals");
    v.kind = ViewKind::heatmap;
    v.table = t->id;
    v.x = "category";
    v.y = {"adjres_open", "adjres_closed"};
    v.unit = analysis::Unit::statistic;
    v.of_nl = K("chart.axis.adjusted_residual").nl;
    v.of_en = K("chart.axis.adjusted_residual").en;
    v.colour_key_all = "diverging";
    v.rows.push_back(category_rows(*t, "category"));
    r.views.push_back(std::move(v));
  }
}

void counts(Result& r, const std::string& tid, Scale scale, const std::string& colour) {
  const Table* t = table(r, tid);
  if (!t) return;
  View v = count_view(*t, "category", "n", r.unit);
  v.id = tid;
  v.x_scale = scale;
  v.colour_key_all = colour;
  v.numerators = {"n"};
  if (t->column_index("denom_all") >= 0) {
    v.denominators = {"denom_all"};
    v.policy = "fixed";
  }
  r.views.push_back(std::move(v));
}

void combination(Result& r, const Options&) {
  counts(r, "alone_combined", Scale::nominal, "status.alle");
  if (!r.views.empty()) set_title(r.views.back(), "view.combination.alone");
  if (const Table* t = table(r, "with_type")) {
    View v = count_view(*t, "category", "n", r.unit);
    v.id = "with_type";
    set_title(v, "view.combination.types");
    v.orientation = Orientation::horizontal;
    v.numerators = {"n"};
    v.denominators = {"denom_sofs"};
    v.policy = "fixed";
    v.colour_key_all = "status.alle";
    r.views.push_back(std::move(v));
  }
}

// Table 8: voortraject and natraject side by side per cluster, as % of their own links; no Totaal bar.
void pre_post(Result& r, const Options&) {
  const Table* t = table(r, "clusters");
  if (!t) return;
  View v;
  v.kind = ViewKind::bar;
  v.table = t->id;
  v.x = "category";
  v.y = {"pre_pct", "post_pct"};
  v.unit = analysis::Unit::percent;
  v.of_nl = r.unit.nl;
  v.of_en = r.unit.en;
  v.numerators = {"pre_n", "post_n"};
  v.denominators = {"pre_denom", "post_denom"};
  v.policy = "fixed";
  v.orientation = Orientation::horizontal;
  v.rows.push_back(category_rows(*t, "category"));
  v.colour_keys = {{"pre_pct", "phase.pre"}, {"post_pct", "phase.post"}};
  r.views.push_back(std::move(v));
}

void transitions(Result& r, const Options&) {
  const Table* t = table(r, "paths");
  if (!t) return;
  View v;
  v.kind = ViewKind::sankey;
  v.table = t->id;
  v.x = "pre";
  v.columns = {"pre", "sofs", "post"};
  v.y = {"n"};
  v.unit = analysis::Unit::count;
  v.of_nl = r.unit.nl;
  v.of_en = r.unit.en;
  v.colour_keys = {{K("binc.row.no_pre").nl, "group.none"},
                   {K("binc.row.no_post").nl, "group.none"},
                   {K("binc.row.other_paths").nl, "group.others"}};
  r.views.push_back(std::move(v));
}

void durations(Result& r, const Options&) {
  if (!table(r, "km")) return;
  View v = km_view("km", "group", r.unit);
  v.id = "main";
  v.colour_key_all = "phase.sofs";
  r.views.push_back(std::move(v));
}

void quality(Result& r, const Options&) {
  if (const Table* t = table(r, "rules")) r.views.push_back(quality_view(*t, "category"));
}

}  // namespace

void add_views(std::vector<Result>& results, const Options& o) {
  for (Result& r : results) {
    if (r.id == "binc.profile") profile(r, o);
    else if (r.id == "binc.orgtype_by_status") orgtype(r, o);
    else if (r.id == "binc.module_frequency") counts(r, "frequency", Scale::ordinal, "status.alle");
    else if (r.id == "binc.module_combination") combination(r, o);
    else if (r.id == "binc.module_rank") counts(r, "rank", Scale::ordinal, "status.alle");
    else if (r.id == "binc.pre_post") pre_post(r, o);
    else if (r.id == "binc.transitions") transitions(r, o);
    else if (r.id == "binc.durations") durations(r, o);
    else if (r.id == "binc.quality") quality(r, o);
  }
}

}  // namespace zicht::analysis::binc
