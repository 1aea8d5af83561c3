// The trajecten model: one Registration per usable row of the register, with the data-quality rules of spec §2.3
// `quality` applied. Excluded (flagged) rows: unusable for the mapping, no registration date, a duplicate
// traject_id, a typed total row ("Totaal", "Voorziening (totaal)": Zicht computes totals), a start before the
// registration, a closure before the start, a start without the youngster's consent (consent is data,
// shared-rules). Notes (the row is used): a level-2 referrer without its parent, a referrer or reason not in the
// list, a region outside the list (Missing), a pending start older than the setting (Missing), a closure without a
// start, an age that disagrees with the birth month, a duration under the minimum.
#include "analysis/trajecten/model.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <set>

#include "analysis/mapped_cells.h"
#include "core/schema.h"
#include "core/table.h"

namespace zicht::analysis::trajecten::detail {

using core::CellKind;

const char* const kRegions[5] = {"Houtland en polder", "Westhoek", "Midden WVL", "Westkust en polder", "Rits"};
const char* const kBlocks[3] = {"Geblokkeerd", "Dreigend te blokkeren", "Niet geblokkeerd"};

int year_of(int32_t day) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return y;
}
int32_t ymd(int y, unsigned m, unsigned d) { return core::days_from_civil(y, m, d); }

bool running_on(const Registration& r, int32_t day) {
  return r.started() && r.start != kNoDay && r.start <= day && (r.closed == kNoDay || r.closed > day);
}

namespace {

int month_index(int32_t day) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return y * 12 + int(m) - 1;
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n"), z = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, z - a + 1);
}

// "2008-05", "2008/05", "05/2008", "05-2008", or a whole date "01/05/2008" (a spreadsheet turns "05/2008" into the
// first of the month) → months since year 0; −1 otherwise.
int parse_birth_month(const std::string& text) {
  std::string s = trim(text);
  if (std::count(s.begin(), s.end(), '/') == 2) s = s.substr(s.find('/') + 1);  // dd/mm/yyyy: the day is not used
  const size_t p = s.find_first_of("-/");
  if (p == std::string::npos) return -1;
  const std::string x = s.substr(0, p), y = s.substr(p + 1);
  auto digits = [](const std::string& t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(x) || !digits(y)) return -1;
  if (x.size() > 4 || y.size() > 4) return -1;
  const int a = std::stoi(x), b = std::stoi(y);
  int year, month;
  if (x.size() == 4) year = a, month = b;
  else if (y.size() == 4) year = b, month = a;
  else return -1;
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return -1;
  return year * 12 + month - 1;
}

std::vector<std::string> split_plus(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t p = s.find('+', start);
    const std::string part = trim(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (!part.empty()) out.push_back(part);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

bool contains_total(const std::string& s) { return core::fold_text(s, true).find("totaal") != std::string::npos; }

}  // namespace

int Registration::age_at(int32_t day) const {
  if (birth_month < 0 || day == kNoDay) return -1;
  return (month_index(day) - birth_month) / 12;
}

Model build_model(const core::MappedDataset* ds, const Options& o) {
  Model m;
  m.opt = o;
  if (!ds) return m;
  m.have = true;
  m.file = ds->file;
  m.as_of = ds->as_of;
  using namespace cells;
  const auto *f_id = field(ds, "traject_id"), *f_fam = field(ds, "gezin_id"), *f_form = field(ds, "aanmeldvorm"),
             *f_reg = field(ds, "aanmelddatum"), *f_age = field(ds, "leeftijd_aanmelding"),
             *f_birth = field(ds, "geboortemaand"), *f_region = field(ds, "regio"), *f_ref = field(ds, "aanmelder"),
             *f_ref2 = field(ds, "aanmelder_detail"), *f_reason = field(ds, "reden_aanmelding"),
             *f_act = field(ds, "act_betrokken"), *f_consent = field(ds, "toestemming_jongere"),
             *f_start = field(ds, "opstart"), *f_nostart = field(ds, "reden_geen_opstart"),
             *f_alt = field(ds, "alternatief"), *f_ext = field(ds, "verlengingen"), *f_close = field(ds, "afronding"),
             *f_crit = field(ds, "afrondingscriterium"), *f_before = field(ds, "blokkade_voor"),
             *f_after = field(ds, "blokkade_na"), *f_hand = field(ds, "overdracht"), *f_means = field(ds, "middelen"),
             *f_ind = field(ds, "indirect_bereikt");
  m.has_birth_month = f_birth != nullptr;
  const core::Schema* schema = ds->schema;
  auto spec = [&](const char* id) { return schema ? schema->field(id) : nullptr; };
  const std::string& file = ds->file;
  auto column = [](const core::MappedField* f) { return f ? f->column_name : std::string(); };
  // Codes of a "+"-joined cell: each part as the schema's code, an unlisted part verbatim (noted).
  // What a part means depends only on its text and the field: looked up once per distinct part.
  struct PartMeaning {
    bool skip = false;  // a missing or NVT token
    std::optional<std::string> code;
  };
  std::map<const core::FieldSpec*, std::unordered_map<std::string, PartMeaning>> meaning_of;
  auto codes_of = [&](const core::MappedField* f, const char* id, size_t r, int64_t row, const char* rule) {
    std::vector<std::string> out;
    if (!f) return out;
    const core::FieldSpec* fs = spec(id);
    auto& known = meaning_of[fs];
    for (const std::string& part : split_plus(ds->text(*f, r))) {
      auto [it, fresh] = known.try_emplace(part);
      PartMeaning& pm = it->second;
      if (fresh && fs) {
        pm.skip = fs->is_missing_token(part) || fs->is_nvt_token(part);
        if (!pm.skip) pm.code = fs->find_code(part);
      }
      if (pm.skip) continue;
      const std::optional<std::string>& c = pm.code;
      if (c) out.push_back(*c);
      else {
        out.push_back(part);
        m.flag(rule, file, row, column(f), part);
      }
    }
    return out;
  };
  // The referrer list's codes folded once (the rows are compared with them folded).
  std::vector<std::string> ref_folded;
  std::vector<std::vector<std::string>> child_folded;
  for (const auto& ref : o.referrers) {
    ref_folded.push_back(core::fold_text(ref.code, true));
    child_folded.emplace_back();
    for (const auto& c : ref.children) child_folded.back().push_back(core::fold_text(c, true));
  }
  std::set<std::string> seen;
  for (size_t r = 0; r < ds->rows(); ++r) {
    ++m.rows_in;
    const int64_t row = ds->row_number(r);
    if (!ds->used[r]) {
      m.flag("unusable", file, row, "", "");
      ++m.rows_flagged;
      continue;
    }
    Registration g;
    g.row = row;
    g.id = trim(text(ds, f_id, r));
    const std::string ref_text = trim(text(ds, f_ref, r));
    if (contains_total(g.id) || contains_total(ref_text)) {
      m.flag("total_row", file, row, contains_total(g.id) ? column(f_id) : column(f_ref),
             contains_total(g.id) ? g.id : ref_text);
      ++m.rows_flagged;
      continue;
    }
    if (!g.id.empty() && !seen.insert(g.id).second) {
      m.flag("duplicate_id", file, row, column(f_id), g.id);
      ++m.rows_flagged;
      continue;
    }
    g.registered = day(f_reg, r);
    if (g.registered == kNoDay) {
      m.flag("no_registration_date", file, row, column(f_reg), text(ds, f_reg, r));
      ++m.rows_flagged;
      continue;
    }
    switch (kind(f_start, r)) {
      case CellKind::Value: g.state = Start::started; g.start = day(f_start, r); break;
      case CellKind::No: g.state = Start::not_started; break;
      case CellKind::Invalid:
        g.state = Start::missing;
        m.flag("start_invalid", file, row, column(f_start), text(ds, f_start, r));
        break;
      default:
        g.state = g.registered + o.pending_missing_days < m.as_of ? Start::missing : Start::pending;
        if (g.state == Start::missing) m.flag("pending_overdue", file, row, column(f_start), "");
    }
    g.consent = yes_no(f_consent, r);
    if (g.started() && g.consent == 0) {
      m.flag("no_consent", file, row, column(f_consent), text(ds, f_consent, r));
      ++m.rows_flagged;
      continue;
    }
    if (g.started() && g.start < g.registered) {
      m.flag("start_before_registration", file, row, column(f_start), day_text(g.start));
      ++m.rows_flagged;
      continue;
    }
    const int32_t closed = day(f_close, r);
    if (closed != kNoDay) {
      if (!g.started()) {
        m.flag("closure_without_start", file, row, column(f_close), day_text(closed));
      } else if (closed < g.start) {
        m.flag("closure_before_start", file, row, column(f_close), day_text(closed));
        ++m.rows_flagged;
        continue;
      } else {
        g.closed = closed;
      }
    }
    g.family = trim(text(ds, f_fam, r));
    g.family_form = code(f_form, r) == "gezin";
    g.age = number(f_age, r);
    if (f_birth) {
      const std::string bt = trim(text(ds, f_birth, r));
      g.birth_month = parse_birth_month(bt);
      if (!bt.empty() && g.birth_month < 0) m.flag("birth_month_invalid", file, row, column(f_birth), bt);
      if (g.birth_month >= 0) {
        const int derived = g.age_at(g.registered);
        if (g.age < 0) g.age = derived;
        else if (derived != g.age) m.flag("age_birth_mismatch", file, row, column(f_age), std::to_string(g.age));
      }
    }
    switch (kind(f_region, r)) {
      case CellKind::Value: g.region = code(f_region, r); break;
      case CellKind::Invalid: m.flag("region_outside_list", file, row, column(f_region), text(ds, f_region, r)); break;
      default: break;
    }
    // Referrer: "Voorziening > VOT", "Voorziening - VOT", or level 1 with the detail column.
    std::string l1 = ref_text, l2 = trim(text(ds, f_ref2, r));
    for (const char* sep : {">", " - ", " – ", "/"}) {
      const size_t p = l1.find(sep);
      if (p != std::string::npos && l2.empty()) {
        l2 = trim(l1.substr(p + std::string(sep).size()));
        l1 = trim(l1.substr(0, p));
        break;
      }
    }
    if (!l1.empty()) {
      const std::string f1 = core::fold_text(l1, true), f2 = core::fold_text(l2, true);
      const Referrer* top = nullptr;
      for (size_t i = 0; i < o.referrers.size(); ++i)
        if (ref_folded[i] == f1) top = &o.referrers[i];
      if (top) {
        g.ref1 = top->code;
        if (!l2.empty()) {
          g.ref2 = l2;
          const std::vector<std::string>& folded = child_folded[size_t(top - o.referrers.data())];
          for (size_t i = 0; i < top->children.size(); ++i)
            if (folded[i] == f2) g.ref2 = top->children[i];
          if (std::find(top->children.begin(), top->children.end(), g.ref2) == top->children.end())
            m.flag("referrer_unlisted", file, row, column(f_ref2 && !trim(text(ds, f_ref2, r)).empty() ? f_ref2 : f_ref), l2);
        }
      } else {
        // A level-2 code alone ("VOT"): flagged, counted under its parent when the list names exactly one.
        const Referrer* parent = nullptr;
        int parents = 0;
        for (size_t i = 0; i < o.referrers.size(); ++i)
          for (size_t j = 0; j < o.referrers[i].children.size(); ++j)
            if (child_folded[i][j] == f1) {
              parent = &o.referrers[i];
              ++parents;
              g.ref2 = o.referrers[i].children[j];
            }
        if (parents == 1) {
          g.ref1 = parent->code;
          m.flag("referrer_level2_without_parent", file, row, column(f_ref), l1);
        } else {
          g.ref1 = l1;
          g.ref2 = l2;
          m.flag("referrer_unlisted", file, row, column(f_ref), l1);
        }
      }
    }
    g.reasons = codes_of(f_reason, "reden_aanmelding", r, row, "reason_unlisted");
    g.criteria = codes_of(f_crit, "afrondingscriterium", r, row, "criterion_unlisted");
    g.means = codes_of(f_means, "middelen", r, row, "means_unlisted");
    g.act = yes_no(f_act, r);
    if (!g.started()) {
      g.no_start_reason = code(f_nostart, r);
      g.alternative = trim(text(ds, f_alt, r));
    }
    g.handover = trim(text(ds, f_hand, r));
    g.extensions = number(f_ext, r);
    g.indirect = number(f_ind, r);
    auto block = [&](const core::MappedField* f) {
      const std::string c = code(f, r);
      for (int i = 0; i < 3; ++i)
        if (c == kBlocks[i]) return i;
      return -1;
    };
    if (g.started()) {
      g.block_before = block(f_before);
      if (g.closed != kNoDay) g.block_after = block(f_after);
      if (g.closed != kNoDay && core::completed_months(g.start, g.closed) < o.minimum_months)
        m.flag("short_duration", file, row, column(f_close), day_text(g.closed));
    }
    m.regs.push_back(std::move(g));
  }
  m.rows_used = long(m.regs.size());
  return m;
}

void needs_file(Result& r) { r.notes.push_back(Text::key("trajecten.note.no_file")); }

}  // namespace zicht::analysis::trajecten::detail
