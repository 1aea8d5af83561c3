// The N-stage Sankey (links between consecutive stages, chart_sankey_stages.cpp): every node and link drawn, node
// heights max(in, out) on one scale, own counts in the labels, headings and labels inside the scene and never
// overlapping at 900 and 1280 px and in presentation scale; the three-stage path Sankey unchanged; and
// procesflow.flow's links on the demo (seed 2023) against counts derived here from the demo's own CSV records.
// ZICHT_SANKEY_SVG=dir writes the drawn scenes as SVG files there (to look at them).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/reader.h"
#include "demo/demo.h"
#include "report/chart.h"
#include "report/svg.h"
#include "report/views.h"
#include "session/run.h"

namespace {

using namespace zicht;
using namespace zicht::report::charts;

void dump(const Scene& sc, const Style& st, const std::string& name) {
  const char* dir = std::getenv("ZICHT_SANKEY_SVG");
  if (!dir) return;
  std::ofstream(std::string(dir) + "/" + name + ".html")
      << "<html><body style=\"margin:0;background:" << (st.dark ? "#111" : "#fff") << "\">" << to_svg(sc, st)
      << "</body></html>";
}

struct Box {
  float l, t, r, b;
  std::string text;
};
Box box_of(const Prim& p) {
  const float w = text_width(p.text, p.size);
  const float l = p.anchor == Anchor::start ? p.x0 : p.anchor == Anchor::end ? p.x0 - w : p.x0 - w / 2;
  return {l, p.y0 - p.size * 0.5f, l + w, p.y0 + p.size * 0.5f, p.text};
}
bool overlap(const Box& a, const Box& b) { return a.l < b.r - 0.5f && b.l < a.r - 0.5f && a.t < b.b - 0.5f && b.t < a.b - 0.5f; }

// Every text inside the scene and no two texts overlapping.
void check_labels(const Scene& sc) {
  std::vector<Box> boxes;
  for (const auto& p : sc.prims)
    if (p.kind == Prim::Kind::text) boxes.push_back(box_of(p));
  REQUIRE(!boxes.empty());
  for (size_t i = 0; i < boxes.size(); ++i) {
    INFO(boxes[i].text);
    CHECK(boxes[i].l >= 0);
    CHECK(boxes[i].r <= sc.width);
    CHECK(boxes[i].t >= 0);
    CHECK(boxes[i].b <= sc.height);
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      INFO("and " << boxes[j].text);
      CHECK_FALSE(overlap(boxes[i], boxes[j]));
    }
  }
}

// Four stages with long names; the overleggen node carries its own count (9) while 18 links arrive.
SankeySpec four_stages() {
  SankeySpec sp;
  sp.stage_names = {"Trajecten", "Overleggen in de trajecten", "Thema's uit de overleggen", "Aanbevelingen per niveau"};
  sp.nodes = {{0, "Trajecten", 18}, {1, "Overleggen", 9}};
  sp.links = {{0, "Trajecten", "Overleggen", 18},           {1, "Overleggen", "Contextbegeleiding", 4},
              {1, "Overleggen", "Traumasensitief handelen", 4}, {1, "Overleggen", "Beeldvorming", 2},
              {1, "Overleggen", "Geen thema", 8},             {2, "Contextbegeleiding", "Individuele organisaties", 3},
              {2, "Traumasensitief handelen", "Beleidsmakers", 2}, {2, "Beeldvorming", "Netwerken", 1},
              {2, "Contextbegeleiding", "Beleidsmakers", 1}};
  sp.neutral = {"Geen thema"};
  return sp;
}

std::vector<const Hit*> node_hits(const Scene& sc) {
  std::vector<const Hit*> out;
  for (const auto& h : sc.hits)
    if (h.tip.find("»") == std::string::npos) out.push_back(&h);
  return out;
}

}  // namespace

TEST_CASE("N-stage Sankey: every node and link drawn, heights max(in, out) on one scale, own counts in labels") {
  const SankeySpec sp = four_stages();
  const Style st = Style::light();
  const Scene sc = sankey(sp, 1280, 440, st);
  dump(sc, st, "four_1280");
  size_t polys = 0, link_hits = 0;
  for (const auto& p : sc.prims) polys += p.kind == Prim::Kind::polygon;
  for (const auto& h : sc.hits) link_hits += h.tip.find("»") != std::string::npos;
  CHECK(polys == sp.links.size());  // 9 ribbons
  CHECK(link_hits == sp.links.size());
  // Nodes: 1 + 1 + 4 + 3 = 9, each with a hit "stage — name: count".
  const auto nodes = node_hits(sc);
  REQUIRE(nodes.size() == 9);
  std::map<std::string, float> h;
  for (const Hit* x : nodes) h[x->tip.substr(0, x->tip.rfind(':'))] = x->y1 - x->y0;
  // One scale: Overleggen (in 18, out 4 + 4 + 2 + 8 = 18) is as tall as Trajecten (out 18); Contextbegeleiding
  // (in 4, out 3 + 1 = 4) is 4/18 of it; Beleidsmakers (in 2 + 1) 3/18.
  const float full = h["Overleggen in de trajecten — Overleggen"];
  CHECK(full == Approx(h["Trajecten — Trajecten"]).epsilon(0.01));
  CHECK(h["Thema's uit de overleggen — Contextbegeleiding"] == Approx(full * 4 / 18).epsilon(0.01));
  CHECK(h["Aanbevelingen per niveau — Beleidsmakers"] == Approx(full * 3 / 18).epsilon(0.01));
  // Labels: the own count where given (entities are not links), else the node's height in links.
  std::set<std::string> texts;
  for (const auto& p : sc.prims)
    if (p.kind == Prim::Kind::text) texts.insert(p.text);
  CHECK(texts.count("Overleggen (9)") == 1);
  CHECK(texts.count("Trajecten (18)") == 1);
  CHECK(texts.count("Beleidsmakers (3)") == 1);
  // The tooltip of a link: "from » to: n".
  CHECK(std::any_of(sc.hits.begin(), sc.hits.end(), [](const Hit& x) { return x.tip == "Overleggen » Beeldvorming: 2"; }));
  // The neutral node is grey (series[6]), the others the first series colour; ribbons a light tint of their source.
  size_t grey = 0, first = 0;
  for (const auto& p : sc.prims)
    if (p.kind == Prim::Kind::rect && p.color.a == 255) {
      grey += p.color.r == st.series[6].r && p.color.g == st.series[6].g && p.color.b == st.series[6].b;
      first += p.color.r == st.series[0].r && p.color.g == st.series[0].g && p.color.b == st.series[0].b;
    }
  CHECK(grey == 1);
  CHECK(first == 8);
  for (const auto& p : sc.prims)
    if (p.kind == Prim::Kind::polygon) CHECK(p.color.a < 128);
}

TEST_CASE("N-stage Sankey: headings and labels inside the scene, never overlapping, at 900 and 1280 px and presented") {
  const SankeySpec sp = four_stages();
  for (float w : {900.0f, 1280.0f})
    for (int mode = 0; mode < 3; ++mode) {
      Style st = mode == 1 ? Style::dark_theme() : Style::light();
      if (mode == 2) st = st.scaled_for_presentation();
      INFO("width " << w << " mode " << mode);
      const Scene sc = sankey(sp, w, 440, st);
      dump(sc, st, "four_" + std::to_string(int(w)) + "_" + std::to_string(mode));
      check_labels(sc);
    }
  // Eight stages with long names in a narrow chart: the headings take two rows, still apart.
  SankeySpec eight;
  for (int i = 0; i < 8; ++i) eight.stage_names.push_back("Stap nummer " + std::to_string(i + 1) + " met lange naam");
  for (size_t i = 0; i + 1 < 8; ++i)
    for (int k = 0; k < 3; ++k)
      eight.links.push_back({i, "knoop " + std::to_string(k), "knoop " + std::to_string((k + 1) % 3), double(k + 1)});
  for (float w : {900.0f, 1280.0f}) {
    const Style st = Style::light().scaled_for_presentation();
    const Scene sc = sankey(eight, w, 440, st);
    dump(sc, st, "eight_" + std::to_string(int(w)));
    check_labels(sc);
    size_t polys = 0;
    for (const auto& p : sc.prims) polys += p.kind == Prim::Kind::polygon;
    CHECK(polys == 21);
    CHECK(node_hits(sc).size() == 24);
  }
}

TEST_CASE("Three-stage path Sankey unchanged: the same scene for a fixed input") {
  SankeySpec sp;
  sp.flows = {{"A", "X", "P", 6}, {"A", "Y", "Q", 2}, {"B", "X", "Q", 2}};
  sp.stages[0] = "voor";
  sp.stages[1] = "tijdens";
  sp.stages[2] = "na";
  const Style st = Style::light();  // font 13
  const Scene sc = sankey(sp, 700, 400, st);
  // 6 ribbons (A→X, A→Y, B→X; X→P, X→Q, Y→Q), 6 node rectangles, 6 labels, 2 plates under the middle labels,
  // 3 headings; hits: 6 ribbons + 6 nodes.
  CHECK(sc.prims.size() == 23);
  CHECK(sc.hits.size() == 12);
  // Layout by the path form's own rule: heading band 1.8 × 13, top = 23.4 + 6.5; gap 7.8; the fullest stage
  // (2 nodes) fills 400 − 6.5 − 29.9 = 363.6 with one gap: scale (363.6 − 7.8) / 10 per path.
  const float top = 13 * 1.8f + 6.5f, scale = (400 - 6.5f - top - 7.8f) / 10;
  const Hit* a = nullptr;
  const Hit* q = nullptr;
  for (const auto& h : sc.hits) {
    if (h.tip.rfind("A:", 0) == 0) a = &h;
    if (h.tip.rfind("Q:", 0) == 0) q = &h;
  }
  REQUIRE(a);
  REQUIRE(q);
  CHECK(a->y0 == Approx(top));
  CHECK(a->y1 - a->y0 == Approx(8 * scale));
  CHECK(q->y0 == Approx(top + 6 * scale + 7.8f));
  // The last column ends where its labels (and two pads) leave room at the right edge.
  const float rw = std::max(text_width("P (6)", 13), text_width("Q (4)", 13));
  CHECK(q->x1 == Approx(700 - 13 - rw));
  CHECK(sc.description == "Sankey, 10 paths");
}

// --- procesflow.flow on the demo ------------------------------------------------------------------------------

namespace {

std::vector<std::vector<std::string>> parse_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string f;
  bool q = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (q) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') f += '"', ++i;
      else if (c == '"') q = false;
      else f += c;
    } else if (c == '"') {
      q = true;
    } else if (c == ';') {
      row.push_back(f), f.clear();
    } else if (c == '\n') {
      row.push_back(f), f.clear();
      rows.push_back(row), row.clear();
    } else if (c != '\r') {
      f += c;
    }
  }
  if (!f.empty() || !row.empty()) row.push_back(f), rows.push_back(row);
  return rows;
}

struct Csv {
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
  std::string at(size_t r, const std::string& c) const {
    const size_t i = size_t(std::find(head.begin(), head.end(), c) - head.begin());
    REQUIRE(i < head.size());
    return i < rows[r].size() ? rows[r][i] : std::string();
  }
};

std::vector<std::string> split_plus(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string x; std::getline(in, x, '+');)
    if (!x.empty()) out.push_back(x);
  return out;
}

struct Run {
  std::vector<core::ReadResult> reads;
  std::map<std::string, Csv> csv;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_demo(uint64_t seed) {
  const session::ProfileSpec* spec = session::find_profile("procesflow");
  REQUIRE(spec);
  auto r = std::make_unique<Run>();
  r->reads.reserve(spec->demo.size() + 1);
  std::vector<session::TableInput> in;
  for (const auto& f : spec->demo) {
    demo::DemoOptions o = f.options;
    o.seed = seed;
    const std::string csv = demo::generate_csv(o);
    auto rows = parse_csv(csv);
    REQUIRE(!rows.empty());
    Csv c{rows.front(), {rows.begin() + 1, rows.end()}};
    r->csv[o.part] = c;
    r->reads.push_back(core::read_bytes(f.name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size()));
    in.push_back({f.table, f.name, &r->reads.back()});
  }
  demo::DemoOptions o;
  o.profile = "trajecten";
  o.part = "registratie";
  o.seed = seed;
  const std::string csv = demo::generate_csv(o);
  r->reads.push_back(core::read_bytes("trajecten.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size()));
  std::vector<session::LinkInput> links{{"trajecten", "trajecten.csv", &r->reads.back(), nullptr}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, links, {}, r->set, error));
  return r;
}

}  // namespace

TEST_CASE("procesflow.flow on the demo (seed 2023): links per stage against counts from the demo's records") {
  auto r = run_demo(2023);
  const analysis::Result* flow = nullptr;
  for (const auto& x : r->set.results)
    if (x.id == "procesflow.flow") flow = &x;
  REQUIRE(flow);
  REQUIRE(!flow->views.empty());
  CHECK(flow->views[0].kind == analysis::ViewKind::sankey);  // the Sankey through all stages comes first
  CHECK(flow->views[0].columns.size() == 7);
  const analysis::Table* links = nullptr;
  const analysis::Table* nodes = nullptr;
  for (const auto& t : flow->tables) {
    if (t.id == "links") links = &t;
    if (t.id == "stage_nodes") nodes = &t;
  }
  REQUIRE(links);
  REQUIRE(nodes);
  std::map<std::string, long> per_stage;  // links leaving a stage
  std::vector<std::string> order;
  for (const auto& row : links->rows) {
    if (!per_stage.count(row[0].s)) order.push_back(row[0].s);
    per_stage[row[0].s] += row[4].i;
  }
  CHECK(order == std::vector<std::string>{"Trajecten", "Overleggen", "Thema's", "Lerende netwerken", "Bevindingen",
                                          "Forumtafels", "Actiepunten"});
  // Independently from the CSV records.
  const Csv& ov = r->csv.at("overleg");
  std::set<std::string> trajectories, raised;
  std::set<std::pair<std::string, std::string>> traj_type;
  long meeting_theme = 0;
  for (size_t i = 0; i < ov.rows.size(); ++i) {
    if (ov.at(i, "niveau") != "micro") continue;
    if (!ov.at(i, "traject_id").empty()) {
      trajectories.insert(ov.at(i, "traject_id"));
      traj_type.insert({ov.at(i, "traject_id"), ov.at(i, "type")});
    }
    for (const auto& t : split_plus(ov.at(i, "themas"))) ++meeting_theme, raised.insert(t);
  }
  CHECK(trajectories.size() == 18);
  CHECK(per_stage["Trajecten"] == long(traj_type.size()));  // 18 startgesprekken + 9 samenwerkingsoverleggen
  CHECK(per_stage["Trajecten"] == 27);
  CHECK(per_stage["Overleggen"] == meeting_theme);
  CHECK(per_stage["Thema's"] == long(raised.size()));  // one link per theme raised: 6
  const Csv& bev = r->csv.at("bevinding");
  CHECK(per_stage["Lerende netwerken"] == long(bev.rows.size()));  // every finding from its network: 10
  CHECK(per_stage["Bevindingen"] == long(bev.rows.size()));        // each to its theme's tables
  const Csv& act = r->csv.at("actiepunt");
  std::map<std::string, std::set<std::string>> levels_of_finding;
  for (size_t i = 0; i < act.rows.size(); ++i) levels_of_finding[act.at(i, "bevinding_id")].insert(act.at(i, "niveau"));
  const long without = long(bev.rows.size()) - long(levels_of_finding.size());
  CHECK(per_stage["Forumtafels"] == long(act.rows.size()) + without);  // 7 actions + 5 findings without one
  const Csv& rec = r->csv.at("aanbeveling");
  long rec_links = 0;
  for (size_t i = 0; i < rec.rows.size(); ++i) {
    std::set<std::string> from;
    for (const auto& f : split_plus(rec.at(i, "bronnen"))) {
      auto it = levels_of_finding.find(f);
      if (it == levels_of_finding.end()) from.insert("geen");
      else from.insert(it->second.begin(), it->second.end());
    }
    rec_links += long(from.size());
  }
  CHECK(per_stage["Actiepunten"] == rec_links);
  // The nodes' own counts: 18 trajectories, 9 samenwerkingsoverleggen, the findings per theme sum to 10.
  std::map<std::string, long> own;
  long findings = 0;
  for (const auto& row : nodes->rows) {
    own[row[0].s + "/" + row[1].s] = row[2].i;
    if (row[0].s == "Bevindingen") findings += row[2].i;
  }
  CHECK(own["Trajecten/Trajecten"] == 18);
  CHECK(own["Overleggen/samenwerkingsoverleg"] == 9);
  CHECK(findings == long(bev.rows.size()));
  CHECK(own["Actiepunten/Geen actiepunt"] == without);
  // It draws: every stage a column, inside the scene, labels apart, at 900, 1280 and 1500 px and presented.
  for (float w : {900.0f, 1280.0f, 1500.0f})
    for (int mode = 0; mode < 3; ++mode) {
      Style st = mode == 1 ? Style::dark_theme() : Style::light();
      if (mode == 2) st = st.scaled_for_presentation();
      report::views::Built b;
      REQUIRE(report::views::build_one(*flow, flow->views[0], i18n::Lang::nl, report::views::Marks{}, st, b));
      const Scene sc = report::views::layout(b, w, report::views::preferred_height(b, w, st), st);
      dump(sc, st, "procesflow_" + std::to_string(int(w)) + "_" + std::to_string(mode));
      INFO("width " << w << " mode " << mode);
      check_labels(sc);
      size_t polys = 0;
      for (const auto& p : sc.prims) polys += p.kind == Prim::Kind::polygon;
      CHECK(polys == links->rows.size());
      CHECK(node_hits(sc).size() == nodes->rows.size());
    }
}
