// How every SofS result is drawn (spec/charts.md §3): the views, with the published Flemish figures of the
// evaluation (SPEC §3.1, seed 003 Fig. 4–12) as reference marks and the werkmap's norms as bands and lines.
#include <cmath>
#include <string>

#include "analysis/sofs.h"

namespace zicht::analysis::sofs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Text K(const std::string& key) { return Text::key(key); }
std::string nl(const std::string& key) { return Text::key(key).nl; }

const Table* table(const Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

void set_of(View& v, const std::string& key) {
  const Text t = K(key);
  v.of_nl = t.nl;
  v.of_en = t.en;
}

void set_title(View& v, const std::string& key) {
  const Text t = K(key);
  v.title_nl = t.nl;
  v.title_en = t.en;
}

// A published figure of the evaluation, with the denominator policy the report computed it under.
ReferenceMark flanders(const std::string& policy, MarkKind mark = MarkKind::marker) {
  ReferenceMark m = reference("vlaanderen_2023", K("ref.vlaanderen_2023"), mark, RefSource::published);
  m.policy = policy;
  return m;
}

RefPoint at(std::string category, double value, std::string series = {}) {
  RefPoint p;
  p.category = std::move(category);
  p.series = std::move(series);
  p.value = value;
  return p;
}

const std::string kClosed = "sofs.status.closed", kOpen = "sofs.status.open", kAll = "sofs.status.all";

// Lopend / afgesloten keep their colours everywhere; "alle" is a total, never a series among them.
void status_series(View& v, const std::string& column) {
  v.series = column;
  v.colour_keys = {{nl(kOpen), "status.lopend"}, {nl(kClosed), "status.afgesloten"}};
  v.rows.push_back(RowCondition{column, {}, {nl(kAll)}});
}

View percent(const Result& r, const std::string& tid, const std::string& x, const Options& o,
             const std::string& of_key) {
  View v = percent_view(*table(r, tid), x, core::denominator_id(o.denominator), K(of_key));
  return v;
}

void case_type(Result& r, const Options& o) {
  if (!table(r, "frequencies")) return;
  View v = percent(r, "frequencies", "category", o, "of.trajectories");
  v.colour_key_all = "status.alle";
  // Fig. 4, n = 370, all trajectories (labels reconstructed, seed notes 003 §3.9).
  ReferenceMark m = flanders("all");
  for (const auto& [code, pct] : {std::pair<const char*, double>{"EM", 15.1}, {"FM", 4.6}, {"IFG", 47.3},
                                  {"SM", 7.0}, {"V", 22.2}, {"Geen", 3.8}})
    m.points.push_back(at(code, pct));
  v.references.push_back(std::move(m));
  r.views.push_back(std::move(v));
}

void steps(Result& r, const Options& o) {
  if (!table(r, "steps")) return;
  View v = percent(r, "steps", "step", o, "of.trajectories");
  v.x_key = "step_id";
  status_series(v, "status");
  v.orientation = Orientation::horizontal;
  // Fig. 5, closed trajectories (SPEC §3.1): mapping met familie 97–98 %, W&P 77.2, adult plan 68.1, child 52.7.
  ReferenceMark m = flanders("valid");
  const std::string closed = nl(kClosed);
  RefPoint band = at("mapping_familie", 97, closed);
  band.high = 98;
  m.points.push_back(band);
  m.points.push_back(at("woord_en_beeld", 77.2, closed));
  m.points.push_back(at("veiligheidsplan_volwassenen", 68.1, closed));
  m.points.push_back(at("veiligheidsplan_kind", 52.7, closed));
  v.references.push_back(std::move(m));
  r.views.push_back(std::move(v));
}

void all_steps(Result& r, const Options& o) {
  if (const Table* t = table(r, "composite")) {
    View v = percent_view(*t, "status", core::denominator_id(o.denominator), K("of.trajectories"));
    v.id = "status";
    set_title(v, "view.all_steps.status");
    v.colour_keys = {{nl(kOpen), "status.lopend"}, {nl(kClosed), "status.afgesloten"}};
    v.series = "status";
    v.rows.push_back(RowCondition{"status", {}, {nl(kAll)}});
    ReferenceMark m = flanders("all");
    m.points.push_back(at(nl(kClosed), 28.4));  // 67 / 236, all
    v.references.push_back(std::move(m));
    r.views.push_back(std::move(v));
  }
  if (table(r, "by_duration")) {
    View v;
    v.id = "duration";
    set_title(v, "view.all_steps.duration");
    v.kind = ViewKind::bar;
    v.mode = BarMode::stacked100;
    v.orientation = Orientation::horizontal;
    v.table = "by_duration";
    v.x = "all_steps";
    v.y = {"n_long", "n_short"};
    v.unit = Unit::percent;
    set_of(v, "of.closed_all_steps");
    v.numerators = {"n_long", "n_short"};
    v.denominators = {"total"};
    v.policy = "fixed";
    v.colour_keys = {{"n_long", "duration.long"}, {"n_short", "duration.short"}};
    r.views.push_back(std::move(v));
  }
}

void partnership(Result& r, const Options& o) {
  if (!table(r, "involvement")) return;
  View v = percent(r, "involvement", "step", o, "of.steps_taken");
  v.x_key = "step_id";
  v.series = "who";
  v.colour_keys = {{nl("sofs.who.cb"), "role.contextbegeleider"}, {nl("sofs.who.consulent"), "role.consulent"}};
  v.orientation = Orientation::horizontal;
  ReferenceMark m = flanders("all");  // Fig. 6: safety goals, CB 94.5 %, consulent 25.3 % of 308 steps taken
  m.points.push_back(at("veiligheidsdoel", 94.5, nl("sofs.who.cb")));
  m.points.push_back(at("veiligheidsdoel", 25.3, nl("sofs.who.consulent")));
  v.references.push_back(std::move(m));
  r.views.push_back(std::move(v));
}

double descriptive(const Result& r, const std::string& stat_key) {
  const Table* t = table(r, "descriptives");
  if (!t) return kNaN;
  const std::string want = Text::key(stat_key).nl;
  for (const auto& row : t->rows)
    if (row.size() > 1 && row[0].s == want && row[1].is_number()) return row[1].as_double();
  return kNaN;
}

// Integer bins 0, 1, 2, … from the distribution table; the guideline band, the median and the published median.
void count_histogram(Result& r, const Options& o, bool meetings, double published_median) {
  if (!table(r, "distribution")) return;
  View v;
  v.kind = ViewKind::histogram;
  v.table = "distribution";
  v.x = "value";
  v.x_scale = Scale::numeric;
  v.y = {"n"};
  v.integer_bins = true;
  v.unit = Unit::count;
  set_of(v, "of.trajectories");
  v.numerators = {"n"};
  v.denominators = {"denominator"};
  v.policy = "fixed";
  v.colour_key_all = "status.alle";
  if (meetings) {
    ReferenceMark band = reference("norm.meetings",
                                   Text{i18n::format(K("ref.norm_meetings").nl, {std::to_string(o.meetings_low),
                                                                                  std::to_string(o.meetings_high)}),
                                        i18n::format(K("ref.norm_meetings").en, {std::to_string(o.meetings_low),
                                                                                  std::to_string(o.meetings_high)})},
                                   MarkKind::band, RefSource::norm);
    RefPoint p;
    p.value = o.meetings_low;
    p.high = o.meetings_high;
    band.points.push_back(p);
    v.references.push_back(std::move(band));
  }
  const double median = descriptive(r, "stat.median");
  if (std::isfinite(median)) {
    ReferenceMark m = reference("median", K("ref.median"), MarkKind::line, RefSource::statistic);
    m.points.push_back(at("", median));
    v.references.push_back(std::move(m));
  }
  ReferenceMark pub = reference("vlaanderen_2023",
                                Text{i18n::format(K("ref.vlaanderen_2023_median").nl, {"4"}),
                                     i18n::format(K("ref.vlaanderen_2023_median").en, {"4"})},
                                MarkKind::marker, RefSource::published);
  pub.points.push_back(at("", published_median));
  v.references.push_back(std::move(pub));
  r.views.push_back(std::move(v));
}

void plan_b(Result& r, const Options& o) {
  struct Part { const char* table; const char* title; const char* of; const char* colour; };
  const Part parts[] = {{"open_defined", "view.plan_b.open", "of.open_trajectories", "status.lopend"},
                        {"closed_activated", "view.plan_b.closed", "of.closed_trajectories", "status.afgesloten"},
                        {"activated_type", "view.plan_b.type", "of.activated_plan_b", "status.afgesloten"}};
  for (const Part& p : parts) {
    if (!table(r, p.table)) continue;
    View v = percent(r, p.table, "category", o, p.of);
    v.id = p.table;
    set_title(v, p.title);
    v.colour_key_all = p.colour;
    // Fig. 9: open defined at start and activated types of all; activated of the valid closed trajectories.
    ReferenceMark m = flanders(p.table == std::string("closed_activated") ? "valid" : "all");
    if (p.table == std::string("open_defined")) {
      m.points.push_back(at("netwerk", 27.6));
      m.points.push_back(at("verblijf", 22.4));
    } else if (p.table == std::string("closed_activated")) {
      m.points.push_back(at(nl("sofs.plan_b.activated"), 46.7));
    } else {
      m.points.push_back(at("netwerk", 49.4));
      m.points.push_back(at("verblijf", 44.2));
    }
    v.references.push_back(std::move(m));
    r.views.push_back(std::move(v));
  }
}

// 100 % stacked bars: plan yes / no within factor yes / no, one panel per comparison, under the chosen policy
// (the crosstabs exist for "valid" and "all"; "applicable" equals "valid" here: no step is ever n.v.t.).
void plan_vs_steps(Result& r, const Options& o) {
  if (!table(r, "crosstabs")) return;
  View v;
  v.kind = ViewKind::bar;
  v.mode = BarMode::stacked100;
  v.orientation = Orientation::horizontal;
  v.table = "crosstabs";
  v.x = "factor";
  v.y = {"plan_yes", "plan_no"};
  v.unit = Unit::percent;
  set_of(v, "of.closed_trajectories");
  v.numerators = {"plan_yes", "plan_no"};
  v.denominators = {"total"};
  v.policy = o.denominator == core::Denominator::all ? "all" : "valid";
  v.facet = "comparison";
  v.rows.push_back(RowCondition{"denominator_policy", {v.policy}, {}});
  v.colour_keys = {{"plan_yes", "answer.ja"}, {"plan_no", "answer.nee"}};
  r.views.push_back(std::move(v));
}

void plan_adult_groups(Result& r, const Options&) {
  if (!table(r, "groups")) return;
  View v;
  v.kind = ViewKind::box;
  v.table = "groups";
  v.x = "adult_plan";
  v.facet = "variable";
  v.columns = {"min", "q1", "median", "q3", "max"};
  v.y = {"median"};
  v.unit = Unit::count;
  set_of(v, "of.closed_trajectories");
  set_title(v, "view.plan_adult.groups");
  v.colour_keys = {{nl("sofs.value.yes"), "answer.ja"}, {nl("sofs.value.no"), "answer.nee"}};
  r.views.push_back(std::move(v));
}

void time_to_step(Result& r, const Options& o) {
  if (table(r, "times")) {
    View v;
    v.id = "range";
    set_title(v, "view.time_to_step.range");
    v.kind = ViewKind::dot;
    v.table = "times";
    v.x = "item";
    v.x_key = "item_id";
    v.y = {"mean"};
    v.columns = {"mean", "min", "max"};
    v.unit = Unit::months;
    v.orientation = Orientation::horizontal;
    v.colour_key_all = "status.alle";
    ReferenceMark m = flanders("");  // Fig. 12: adult plan 7.6, plan B 3.6, duration 9.2 months (means)
    m.points.push_back(at("veiligheidsplan_volwassenen", 7.6));
    m.points.push_back(at("plan_b_in_werking", 3.6));
    m.points.push_back(at("duration", 9.2));
    v.references.push_back(std::move(m));
    ReferenceMark norm = reference("norm.duration",
                                   Text{i18n::format(K("ref.norm_duration").nl, {std::to_string(o.duration_months)}),
                                        i18n::format(K("ref.norm_duration").en, {std::to_string(o.duration_months)})},
                                   MarkKind::line, RefSource::norm);
    norm.points.push_back(at("", o.duration_months));
    v.references.push_back(std::move(norm));
    r.views.push_back(std::move(v));
  }
  if (table(r, "km")) {
    View v = km_view("km", "step", K("of.trajectories"));
    set_title(v, "view.time_to_step.km");
    v.colour_key_all = "status.alle";
    r.views.push_back(std::move(v));
  }
}

void trend(Result& r, const Options& o) {
  if (table(r, "indicators")) {
    View v = percent(r, "indicators", "year", o, "of.closed_trajectories");
    v.id = "indicators";
    set_title(v, "view.trend.indicators");
    v.kind = ViewKind::line;
    v.x_scale = Scale::ordinal;
    v.series = "indicator";
    // Seed 003 L5433–5536 by closing year 2021–2023: adult plan and W&P of the valid, child plan of all closed.
    ReferenceMark valid = flanders("valid"), all = flanders("all");
    const std::string adult = nl("sofs.overview.adult_plan"), child = nl("sofs.overview.child_plan"),
                      wp = nl("sofs.step.woord_en_beeld");
    const double a[3] = {43.3, 72.5, 73.9}, c[3] = {27.9, 38.8, 38.9}, w[3] = {71.1, 76.9, 83.0};
    for (int k = 0; k < 3; ++k) {
      valid.points.push_back(at(std::to_string(2021 + k), a[k], adult));
      valid.points.push_back(at(std::to_string(2021 + k), w[k], wp));
      all.points.push_back(at(std::to_string(2021 + k), c[k], child));
    }
    v.references.push_back(std::move(valid));
    v.references.push_back(std::move(all));
    r.views.push_back(std::move(v));
  }
  if (table(r, "meetings")) {
    View v;
    v.id = "meetings";
    set_title(v, "view.trend.meetings");
    v.kind = ViewKind::line;
    v.table = "meetings";
    v.x = "year";
    v.x_scale = Scale::ordinal;
    v.y = {"mean"};
    v.unit = Unit::statistic;  // a mean: the axis is titled by what it is, not "aantal …"
    set_of(v, "of.meetings_mean");
    v.colour_key_all = "status.afgesloten";
    ReferenceMark m = flanders("");
    const double means[3] = {3.39, 4.69, 7.39};
    for (int k = 0; k < 3; ++k) m.points.push_back(at(std::to_string(2021 + k), means[k]));
    v.references.push_back(std::move(m));
    r.views.push_back(std::move(v));
  }
}

// Own organisation(s) against the pooled others, per indicator: dots, never a ranked league table.
void by_organisation(Result& r, const Options& o) {
  if (!table(r, "indicators")) return;
  View v = percent(r, "indicators", "indicator", o, "of.closed_trajectories");
  v.kind = ViewKind::dot;
  v.series = "organisation";
  v.orientation = Orientation::horizontal;
  v.colour_keys = {{nl("sofs.org.others"), "group.others"}};
  r.views.push_back(std::move(v));
}

void quality(Result& r, const Options&) {
  if (const Table* t = table(r, "rules")) r.views.push_back(quality_view(*t, "rule"));
}

}  // namespace

void add_views(std::vector<Result>& results, const Options& o) {
  for (Result& r : results) {
    if (r.id == "sofs.case_type") case_type(r, o);
    else if (r.id == "sofs.steps") steps(r, o);
    else if (r.id == "sofs.all_steps") all_steps(r, o);
    else if (r.id == "sofs.partnership") partnership(r, o);
    else if (r.id == "sofs.network_meetings") count_histogram(r, o, true, 4);
    else if (r.id == "sofs.network_figures") count_histogram(r, o, false, 4);
    else if (r.id == "sofs.plan_b") plan_b(r, o);
    else if (r.id == "sofs.plan_vs_steps") plan_vs_steps(r, o);
    else if (r.id == "sofs.plan_adult_groups") plan_adult_groups(r, o);
    else if (r.id == "sofs.time_to_step") time_to_step(r, o);
    else if (r.id == "sofs.trend") trend(r, o);
    else if (r.id == "sofs.by_organisation") by_organisation(r, o);
    else if (r.id == "sofs.quality") quality(r, o);
    // sofs.overview: headline cards only (a bar of 100 % "trajecten" says nothing).
  }
}

}  // namespace zicht::analysis::sofs
