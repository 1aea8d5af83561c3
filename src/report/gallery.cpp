#include "report/gallery.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "report/format.h"

namespace zicht::report::charts {
namespace {

// Deterministic pseudo-random numbers in [0, 1) (the gallery must look the same on every run).
struct Lcg {
  uint64_t s;
  double next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
  }
};

KmCurve km_curve(const std::string& name, size_t subjects, double rate, uint64_t seed) {
  KmCurve c;
  c.name = name;
  Lcg rng{seed};
  double s = 1, var = 0;
  const size_t m = std::max<size_t>(subjects, 2);
  for (size_t i = 0; i < m; ++i) {
    // Sorted exponential quantiles with a little jitter: time to the next step in the care pathway, in days.
    const double u = (static_cast<double>(i) + 0.2 + 0.6 * rng.next()) / static_cast<double>(m);
    const double t = -std::log(1 - u * 0.85) / rate;
    const double at_risk = static_cast<double>(m - i);
    if (i % 5 == 4) {
      c.censor_times.push_back(t);
      c.censor_survival.push_back(s);
      continue;
    }
    s *= 1 - 1 / at_risk;
    if (at_risk > 1) var += 1 / (at_risk * (at_risk - 1));
    const double se = s * std::sqrt(var);
    c.time.push_back(t);
    c.survival.push_back(s);
    c.lower.push_back(std::max(0.0, s - 1.96 * se));
    c.upper.push_back(std::min(1.0, s + 1.96 * se));
  }
  return c;
}

}  // namespace

std::vector<GalleryChart> gallery(i18n::Lang lang, size_t points, const Style* style) {
  const bool nl = lang == i18n::Lang::nl;
  auto T = [&](const char* a, const char* b) { return std::string(nl ? a : b); };
  std::vector<GalleryChart> g;
  const std::vector<std::string> orgs = {"Pleegzorg", "OOOC", "Begeleidingstehuis", "Thuisbegeleiding",
                                         "Dagcentrum", "Kamertraining"};
  {
    GalleryChart c{"bar_grouped", i18n::tr("gallery.bar_grouped", lang), {}, 340};
    c.spec.kind = ChartSpec::Kind::bar;
    auto& b = c.spec.bar;
    b.categories = {"0–5", "6–11", "12–14", "15–17", "18+"};
    b.series = {{T("jongens", "boys"), {14.2, 22.5, 19.8, 28.4, 6.1}}, {T("meisjes", "girls"), {12.9, 18.3, 24.6, 33.0, 9.4}}};
    b.references = {{T("Vlaanderen, evaluatie 2023", "Flanders, 2023 evaluation"), {13.0, 21.0, 22.5, 30.0, 8.0}}};
    b.value_label = T("% van trajecten", "% of pathways");
    b.unit_suffix = " %";
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"bar_stacked_horizontal", i18n::tr("gallery.bar_stacked_horizontal", lang), {}, 320};
    c.spec.kind = ChartSpec::Kind::bar;
    auto& b = c.spec.bar;
    b.mode = BarSpec::Mode::stacked;
    b.horizontal = true;
    b.categories = orgs;
    b.series = {{T("lopend", "ongoing"), {138, 64, 92, 171, 48, 37}}, {T("afgesloten", "closed"), {211, 41, 77, 256, 63, 22}}};
    b.value_label = T("trajecten", "pathways");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"bar_stacked100", i18n::tr("gallery.bar_stacked100", lang), {}, 340};
    c.spec.kind = ChartSpec::Kind::bar;
    auto& b = c.spec.bar;
    b.mode = BarSpec::Mode::stacked100;
    b.categories = {"2021", "2022", "2023", "2024"};
    b.series = {{T("vrijwillig", "voluntary"), {410, 455, 498, 520}},
                {T("gerechtelijk", "judicial"), {220, 231, 208, 199}},
                {T("onbekend", "unknown"), {35, 28, 19, 12}}};
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"histogram", i18n::tr("gallery.histogram", lang), {}, 320};
    c.spec.kind = ChartSpec::Kind::histogram;
    auto& h = c.spec.histogram;
    const int bins = 24;
    h.counts.assign(bins, 0);
    for (int i = 0; i < bins; ++i) {
      h.lower.push_back(i);
      h.upper.push_back(i + 1);
    }
    Lcg rng{7};
    for (size_t i = 0; i < points; ++i) {
      // A bimodal age mix: young children and adolescents.
      const double u = rng.next(), v = rng.next(), w = rng.next();
      const double age = u < 0.35 ? 3 + 6 * (v + w) / 2 : 10 + 8 * (v + w + rng.next()) / 3 * 1.2;
      const int b = static_cast<int>(age);
      if (b >= 0 && b < bins) h.counts[static_cast<size_t>(b)] += 1;
    }
    h.value_label = T("leeftijd (jaar)", "age (years)");
    h.count_label = T("kinderen", "children");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"box", i18n::tr("gallery.box", lang), {}, 320};
    c.spec.kind = ChartSpec::Kind::box;
    auto& b = c.spec.box;
    b.groups = {"Pleegzorg", "OOOC", "Thuisbegeleiding", "Dagcentrum"};
    b.min = {12, 5, 20, 8};
    b.q1 = {120, 30, 95, 60};
    b.median = {260, 52, 180, 110};
    b.q3 = {480, 80, 300, 190};
    b.max = {900, 140, 560, 400};
    b.value_label = T("dagen", "days");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"dot_range", i18n::tr("gallery.dot_range", lang), {}, 300};
    c.spec.kind = ChartSpec::Kind::dot;
    auto& d = c.spec.dot;
    d.categories = {T("Veiligheidsdoel", "Safety goal"), T("W&P", "W&P"), T("Veiligheidsplan", "Safety plan"),
                    T("Duur", "Duration")};
    Series se{T("gemiddelde", "mean"), {2.3, 5.6, 7.6, 9.2}};
    se.low = {0, 0.5, -3, 1};
    se.high = {8, 16, 22, 24};
    d.series.push_back(se);
    d.range_label = T("min–max", "min–max");
    d.value_label = T("maanden", "months");
    ReferenceMark ref;
    ref.label = T("Vlaanderen, evaluatie 2023", "Flanders, evaluation 2023");
    ref.values = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), 7.6, 9.2};
    d.references.push_back(ref);
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"line_reference", i18n::tr("gallery.line_reference", lang), {}, 320};
    c.spec.kind = ChartSpec::Kind::line;
    auto& l = c.spec.line;
    l.x = {2018, 2019, 2020, 2021, 2022, 2023, 2024};
    l.series = {{T("eigen voorziening", "own service"), {31.2, 33.8, 29.5, 35.1, 38.4, 36.9, 40.2}},
                {T("regio", "region"), {28.0, 29.1, 27.4, 30.2, 31.8, 33.0, 33.9}}};
    l.references = {{T("Vlaanderen, evaluatie 2023", "Flanders, 2023 evaluation"), {34.5}}};
    l.x_label = T("jaar", "year");
    l.y_label = T("% binnen 30 dagen", "% within 30 days");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"line_dense", i18n::tr("gallery.line_dense", lang), {}, 300};
    c.spec.kind = ChartSpec::Kind::line;
    auto& l = c.spec.line;
    Lcg rng{11};
    Series s{T("aanmeldingen (voortschrijdend)", "referrals (rolling)"), {}};
    l.x.reserve(points);
    s.values.reserve(points);
    double level = 50;
    for (size_t i = 0; i < points; ++i) {
      const double t = static_cast<double>(i) / static_cast<double>(std::max<size_t>(1, points - 1));
      level += (rng.next() - 0.5) * 0.8 + (55 + 20 * std::sin(t * 12.5) - level) * 0.01;
      l.x.push_back(t * 100);
      s.values.push_back(level);
    }
    l.series.push_back(std::move(s));
    l.x_label = T("% van de periode", "% of the period");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"km", i18n::tr("gallery.km", lang), {}, 400};
    c.spec.kind = ChartSpec::Kind::km;
    auto& k = c.spec.km;
    k.curves = {km_curve(T("vrijwillig", "voluntary"), points / 2, 1 / 180.0, 3),
                km_curve(T("gerechtelijk", "judicial"), points - points / 2, 1 / 320.0, 5)};
    k.risk_times = nice_ticks(0, [&] {
      double m = 0;
      for (const auto& cv : k.curves)
        for (double t : cv.time) m = std::max(m, t);
      return m;
    }(), 6);
    for (const auto& cv : k.curves) {
      std::vector<long> at;
      const size_t total = cv.time.size() + cv.censor_times.size();
      for (double rt : k.risk_times) {
        size_t gone = 0;
        for (double t : cv.time) gone += t < rt;
        for (double t : cv.censor_times) gone += t < rt;
        at.push_back(static_cast<long>(total - gone));
      }
      k.at_risk.push_back(std::move(at));
    }
    k.x_label = T("dagen", "days");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"heatmap", i18n::tr("gallery.heatmap", lang), {}, 340};
    c.spec.kind = ChartSpec::Kind::heatmap;
    auto& h = c.spec.heatmap;
    h.rows = {"Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussel"};
    h.cols = orgs;
    Lcg rng{13};
    for (size_t r = 0; r < h.rows.size(); ++r)
      for (size_t k = 0; k < h.cols.size(); ++k)
        h.values.push_back(std::round(20 + 180 * rng.next() * (1 - 0.1 * static_cast<double>(k))));
    h.values[5] = std::numeric_limits<double>::quiet_NaN();  // a suppressed cell
    h.value_label = T("trajecten", "pathways");
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"sankey", i18n::tr("gallery.sankey", lang), {}, 380};
    c.spec.kind = ChartSpec::Kind::sankey;
    auto& s = c.spec.sankey;
    s.stages[0] = T("instroom", "intake");
    s.stages[1] = T("hulp", "care");
    s.stages[2] = T("uitstroom", "outflow");
    s.min_node = 12;
    const char* pre[] = {"Thuis", "Pleegzorg", "OOOC", "Ziekenhuis"};
    const char* mid[] = {"Ambulant", "Verblijf", "Dagbegeleiding", "Crisis"};
    const std::vector<std::string> post_s = {T("Thuis", "Home"), T("Zelfstandig", "Independent"),
                                             T("Andere hulp", "Other care"), T("Onbekend", "Unknown")};
    Lcg rng{17};
    for (int a = 0; a < 4; ++a)
      for (int m = 0; m < 4; ++m)
        for (int p = 0; p < 4; ++p) {
          const double n = std::round(60 * rng.next() * (a == 3 ? 0.15 : 1) * (m == 3 ? 0.2 : 1) / (1 + p));
          if (n > 0) s.flows.push_back({pre[a], mid[m], post_s[static_cast<size_t>(p)], n});
        }
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"likert", i18n::tr("gallery.likert", lang), {}, 320};
    c.spec.kind = ChartSpec::Kind::likert;
    auto& l = c.spec.likert;
    l.levels = {T("helemaal oneens", "strongly disagree"), T("oneens", "disagree"), T("neutraal", "neutral"),
                T("eens", "agree"), T("helemaal eens", "strongly agree")};
    l.items = {T("Ik werd gehoord", "I was heard"), T("De hulp kwam op tijd", "Help came in time"),
               T("Ik weet wat de volgende stap is", "I know the next step"), T("Ik zou het aanraden", "I would recommend it")};
    l.counts = {{4, 9, 21, 58, 40}, {18, 31, 27, 35, 12}, {7, 15, 30, 49, 22}, {3, 6, 19, 51, 61}};
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"slope", i18n::tr("gallery.slope", lang), {}, 360};
    c.spec.kind = ChartSpec::Kind::slope;
    auto& s = c.spec.slope;
    s.from_label = "2022";
    s.to_label = "2024";
    s.names = orgs;
    s.from = {41.2, 38.9, 27.5, 39.4, 22.0, 30.1};
    s.to = {45.8, 36.1, 31.0, 39.9, 23.2, 29.7};
    s.unit_suffix = " %";
    g.push_back(std::move(c));
  }
  {
    // The kerndataset's parent items: long statements wrap onto two lines, then shorten (the full text in a tooltip).
    GalleryChart c{"likert_items", i18n::tr("gallery.likert_items", lang), {}, 420};
    c.spec.kind = ChartSpec::Kind::likert;
    auto& l = c.spec.likert;
    l.levels = {T("Helemaal niet akkoord", "Strongly disagree"), T("Niet akkoord", "Disagree"), T("Neutraal", "Neutral"),
                T("Akkoord", "Agree"), T("Helemaal akkoord", "Strongly agree")};
    l.items = {T("De contextbegeleider nam de tijd om te luisteren naar wat ik belangrijk vond voor mijn gezin",
                 "The context worker took the time to listen to what I found important for my family"),
               T("Ik weet bij wie ik terecht kan als het opnieuw moeilijk wordt", "I know whom to turn to if things get hard again"),
               T("Mijn netwerk (familie, vrienden, buren) werd betrokken bij de zoektocht naar oplossingen",
                 "My network (family, friends, neighbours) was involved in looking for solutions"),
               T("Er werd rekening gehouden met hoe mijn kinderen zich voelden", "How my children felt was taken into account"),
               T("Ik voel me sterker staan dan bij het begin", "I feel stronger than at the start")};
    l.counts = {{2, 4, 9, 38, 27}, {3, 7, 14, 35, 21}, {8, 15, 22, 24, 11}, {1, 5, 12, 36, 26}, {4, 9, 19, 30, 18}};
    l.neutral = 2;
    l.axis_max = 100;
    g.push_back(std::move(c));
  }
  {
    // The follow-up attrition funnel: closed pathways → consent → due at 6 months → reached → answered.
    GalleryChart c{"funnel", i18n::tr("gallery.funnel", lang), {}, 340};
    c.spec.kind = ChartSpec::Kind::funnel;
    auto& f = c.spec.funnel;
    f.stages = {T("afgesloten trajecten", "closed pathways"), T("toestemming ja", "consent given"),
                T("+6 m aan de beurt", "due at +6 months"), T("bereikt", "reached"), T("beantwoord", "answered")};
    f.counts = {236, 142, 118, 102, 87};
    f.value_label = T("aantal trajecten", "number of pathways");
    for (size_t i = 0; i < f.counts.size(); ++i) {
      const std::string n = format_number(f.counts[i], 0, lang);
      f.labels.push_back(i == 0 ? n + T(" trajecten", " pathways")
                                : i18n::format(i18n::tr("chart.funnel.label", lang),
                                               {n, format_number(f.counts[i] / f.counts[i - 1] * 100, 0, lang),
                                                format_number(f.counts[i] / f.counts[0] * 100, 0, lang)}));
    }
    g.push_back(std::move(c));
  }
  {
    GalleryChart c{"small_multiples", i18n::tr("gallery.small_multiples", lang), {}, 420};
    c.spec.kind = ChartSpec::Kind::multiples;
    auto& m = c.spec.multiples;
    const char* regions[] = {"Antwerpen", "Limburg", "Oost-Vlaanderen", "West-Vlaanderen"};
    const double base[] = {42, 18, 35, 27};
    for (int r = 0; r < 4; ++r) {
      ChartSpec p;
      p.kind = ChartSpec::Kind::bar;
      p.bar.categories = {"2021", "2022", "2023", "2024"};
      p.bar.series = {{T("aanmeldingen", "referrals"), {base[r], base[r] * 1.1, base[r] * 1.25, base[r] * 1.2}}};
      m.titles.push_back(regions[r]);
      m.panels.push_back(std::move(p));
    }
    g.push_back(std::move(c));
  }
  add_evolutie_gallery(g, lang, style);
  return g;
}

}  // namespace zicht::report::charts
