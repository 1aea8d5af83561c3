// The kerndataset model: every loaded record type read once, linked to the SofS file by traject_id, with consent,
// withdrawals, due dates and the data-quality rules of spec §1.3 applied (rows in = used + flagged).
#include "analysis/kerndataset/model.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/mapped_cells.h"
#include "analysis/sofs_common.h"
#include "core/table.h"

namespace zicht::analysis::kerndataset::detail {

using core::CellKind;
using core::MappedDataset;
using core::MappedField;

namespace {

using cells::code;
using cells::day;
using cells::field;
using cells::kind;
using cells::number;
using cells::text;
using cells::yes_no;

// The code index of a closed list's answer (its position in the schema's codes), −1 when not a listed code.
int code_index(const MappedField* f, size_t r) {
  if (!f || f->kind[r] != CellKind::Value) return -1;
  const int32_t v = f->value[r];
  return v >= 0 && size_t(v) < f->spec->codes.size() ? v : -1;
}

std::string month_of(int32_t d) {
  if (d == kNoDay) return {};
  int y;
  unsigned m, dd;
  core::civil_from_days(d, y, m, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  return buf;
}


}  // namespace

bool FollowRow::answered() const {
  if (reached == 0) return false;
  return rereferral >= 0 || placement >= 0 || counts[0] >= 0 || counts[1] >= 0 || counts[2] >= 0 || !meets.empty() ||
         plan_adjusted >= 0 || safety >= 0;
}

int32_t Trajectory::due(int moment) const {
  if (end == kNoDay) return kNoDay;
  if (moment == 0) return end;
  return core::add_months(end, kMomentMonths[moment]);  // same day, clamped to the month's end (shared-rules "Moments")
}

const Trajectory* Model::find(const std::string& id) const {
  auto it = traj_index.find(id);
  return it == traj_index.end() ? nullptr : &traj[it->second];
}

namespace {

// Model::state's value: consent, due date against the as-of date and the withdrawal, then the row at the moment.
MomentState moment_state(const Model& m, const Trajectory& t, int moment) {
  const int32_t as_of = m.as_of;
  if (moment > 0 && t.consent != "ja") return MomentState::no_consent;
  const int32_t due = t.due(moment);
  // A withdrawal takes the moments due after it out of the follow-up, as a refusal would.
  if (moment > 0 && t.withdrawn != kNoDay && due != kNoDay && due > t.withdrawn) return MomentState::no_consent;
  if (due == kNoDay || due > as_of) return MomentState::not_due;
  const FollowRow* r = t.at[size_t(moment)];
  if (!r) return MomentState::missing;
  if (r->reached == 0) return MomentState::not_reached;
  return r->answered() ? MomentState::answered : MomentState::missing;
}

}  // namespace

Value moment_label(int k) { return L(std::string("kerndataset.moment.") + kMomentCodes[k]); }

// The cohort: closed trajectories (with a SofS link: closed there; without: those with an afronding row).
std::vector<const Trajectory*> cohort(const Model& m) {
  std::vector<const Trajectory*> out;
  for (const auto& t : m.traj)
    if (t.closed) out.push_back(&t);
  return out;
}

// The latest answered follow-up row after closure (or null).
const FollowRow* last_later(const Trajectory& t) {
  for (int k = kMoments - 1; k >= 1; --k)
    if (t.at[size_t(k)] && t.at[size_t(k)]->reached != 0 && t.at[size_t(k)]->answered()) return t.at[size_t(k)];
  return nullptr;
}

void three_denominators(std::vector<Column>& c) {
  for (const char* p : {"valid", "applicable", "all"}) {
    c.push_back(col(std::string("pct_") + p, std::string("kerndataset.col.pct_") + p, Role::percent, 1));
    c.push_back(col(std::string("denom_") + p, std::string("kerndataset.col.denom_") + p, Role::denominator, 0));
  }
}

void needs(Result& r, const std::string& table) {
  r.notes.push_back(Text{Text::key("kerndataset.note.needs").nl + " " + Text::key("kerndataset.kind." + table).nl,
                         Text::key("kerndataset.note.needs").en + " " + Text::key("kerndataset.kind." + table).en});
}

View box_view(const std::string& table, const std::string& x, const std::string& of_key) {
  View v;
  v.id = "box";
  v.kind = ViewKind::box;
  v.table = table;
  v.x = x;
  v.columns = {"min", "q1", "median", "q3", "max"};
  v.y = {"median"};
  v.unit = Unit::score;
  v.colour_key_all = "status.alle";  // one colour: the boxes are groups, not meanings (orange says "negatief" elsewhere)
  set_of(v, of_key);
  return v;
}

View moment_bars(const std::string& table, const std::string& policy, const std::string& of_key) {
  View v;
  v.id = table;
  v.kind = ViewKind::bar;
  v.table = table;
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.y = {"pct_" + policy};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_" + policy};
  v.policy = policy;
  set_of(v, of_key);
  return v;
}

double block_score(const Parent& p, int block, double min_share, int* answered_out) {
  int answered = 0;
  double sum = 0;
  for (int i = block * kBlockItems; i < (block + 1) * kBlockItems; ++i)
    if (p.item[size_t(i)] > 0) {
      ++answered;
      sum += p.item[size_t(i)];
    }
  if (answered_out) *answered_out = answered;
  return answered > 0 && double(answered) + 1e-9 >= min_share * kBlockItems ? sum / answered : NAN;
}

Model build_model(const Inputs& in, const Options& o) {
  Model m;
  m.opt = o;
  const core::Schema* schema = core::find_schema("kerndataset");
  for (int i = 1; i <= kParentItems; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "o%02d", i);
    const core::FieldSpec* f = schema ? schema->field(id) : nullptr;
    m.parent_labels_nl.push_back(f ? f->label_nl : id);
    m.parent_labels_en.push_back(f ? f->label_en : id);
  }
  static const char* const kChildIds[kChildRows] = {"k1a", "k1b", "k1c", "k1d", "k1e", "k2", "k3", "k4", "k5", "k6", "k7"};
  for (const char* id : kChildIds) {
    const core::FieldSpec* f = schema ? schema->field(id) : nullptr;
    const bool sub = id[2] != 0;  // k1a…k1e: sub-items of question 1
    m.child_labels_nl.push_back(f ? (sub ? "1. " + f->label_nl : std::string(id + 1) + ". " + f->label_nl) : id);
    m.child_labels_en.push_back(f ? (sub ? "1. " + f->label_en : std::string(id + 1) + ". " + f->label_en) : id);
  }

  // As-of date: the follow-up file's (the --as-of flag or the werkmap when set), else another table's; a later
  // SofS extract moves it forward when it was derived from the data.
  for (const MappedDataset* ds : {in.opvolging, in.ouder, in.kind, in.zelfevaluatie, in.casus})
    if (ds) {
      m.as_of = ds->as_of;
      if (in.sofs && ds->as_of_from_data) m.as_of = std::max(m.as_of, in.sofs->as_of);
      break;
    }
  if (!m.as_of && in.sofs) m.as_of = in.sofs->as_of;

  // ---- The SofS link: closed trajectories form the cohort.
  if (in.sofs) {
    m.linked = true;
    sofs::Options so;
    const sofs::detail::Data d = sofs::detail::prepare(*in.sofs, so);
    m.traj.reserve(d.size());
    for (size_t i = 0; i < d.size(); ++i) {
      Trajectory t;
      t.id = in.sofs->text(*d.id, d.rows[i]);
      if (t.id.empty() || m.traj_index.count(t.id)) continue;
      t.sofs = int(i);
      t.closed = d.closed[i];
      t.end = d.closed[i] ? d.end_day[i] : kNoDay;
      t.all_steps = d.all_steps[i];
      int taken = 0;
      bool known = false;
      for (int s = 0; s < sofs::detail::kSteps; ++s)
        if (d.step[s] && d.step[s]->mapped()) {
          known = true;
          taken += d.step[s]->taken(d.rows[i]);
        }
      taken += d.held[i] == 1;
      t.steps_taken = known ? taken : -1;
      t.plan_b = code(d.plan_b && d.plan_b->mapped() ? d.plan_b : nullptr, d.rows[i]);
      const CellKind pk = d.kind(d.plan_b_active, i);
      t.plan_b_active = pk == CellKind::Value ? 1 : pk == CellKind::No ? 0 : -1;
      t.plan_b_from_start = pk == CellKind::Value && d.value(d.plan_b_active, i) <= d.start_day[i];
      t.sofs_figures = d.kind(d.figures, i) == CellKind::Value ? d.value(d.figures, i) : -1;
      m.traj_index[t.id] = m.traj.size();
      m.traj.push_back(std::move(t));
    }
  }
  // A row is excluded at most once (rows in = used + flagged).
  std::map<std::pair<const MappedDataset*, size_t>, bool> excluded;
  auto exclude = [&](const MappedDataset* ds, size_t r, const std::string& rule, const std::string& column,
                     const std::string& value) {
    m.flag(rule, ds->file, ds->row_number(r), column, value);
    excluded[{ds, r}] = true;
  };
  auto known_trajectory = [&](const std::string& id) { return !m.linked || m.traj_index.count(id) > 0; };

  // ---- Follow-up.
  if (const MappedDataset* ds = in.opvolging) {
    m.have_follow = true;
    const MappedField *id = field(ds, "traject_id"), *mom = field(ds, "moment"), *date = field(ds, "datum"),
                      *consent = field(ds, "toestemming"), *withdrawn = field(ds, "toestemming_ingetrokken"),
                      *reached = field(ds, "bereikt"), *rr = field(ds, "heraanmelding"),
                      *rr_date = field(ds, "heraanmelding_datum"), *pl = field(ds, "uithuisplaatsing"),
                      *pl_where = field(ds, "uithuisplaatsing_waar"), *meets = field(ds, "netwerk_samenkomst"),
                      *adjusted = field(ds, "plan_bijgestuurd"), *safety = field(ds, "veiligheidsschaal_ouder"),
                      *channel = field(ds, "kanaal"), *contact = field(ds, "contactgegevens");
    const MappedField* counts[3] = {field(ds, "n_netwerkfiguren"), field(ds, "n_personen_ouder"),
                                    field(ds, "n_personen_minderjarige")};
    if (contact) {
      m.contact_data = true;
      m.flag("contact_data", ds->file, 1, contact->column_name, "");
    }
    m.rows_in += long(ds->rows());
    // First pass: the afronding rows make the trajectories (their consent and closure); then the later moments.
    for (int pass = 0; pass < 2; ++pass)
      for (size_t r = 0; r < ds->rows(); ++r) {
        if (!ds->used[r]) {
          if (pass == 0) excluded[{ds, r}] = true;  // the validation has flagged it already
          continue;
        }
        const int mi = code_index(mom, r);
        if ((pass == 0) != (mi == 0)) continue;
        const std::string tid = text(ds, id, r);
        if (mi < 0) {
          exclude(ds, r, "unknown_moment", mom ? mom->column_name : "moment", text(ds, mom, r));
          continue;
        }
        auto it = m.traj_index.find(tid);  // one lookup: known_trajectory(tid) is !m.linked || found
        if (m.linked && it == m.traj_index.end()) {
          exclude(ds, r, "no_trajectory", id ? id->column_name : "traject_id", tid);
          continue;
        }
        if (it == m.traj_index.end()) {
          Trajectory t;
          t.id = tid;
          it = m.traj_index.emplace(tid, m.traj.size()).first;
          m.traj.push_back(std::move(t));
        }
        Trajectory& t = m.traj[it->second];
        if (t.has[size_t(mi)]) {
          exclude(ds, r, "duplicate_moment", mom->column_name, kMomentCodes[mi]);
          continue;
        }
        FollowRow f;
        f.row = ds->row_number(r);
        f.date = day(date, r);
        if (mi == 0) {
          t.consent = code(consent, r);
          t.withdrawn = day(withdrawn, r);
          if (!t.closed && t.sofs < 0) {
            t.closed = true;
            t.end = f.date;
          }
        } else {
          if (t.consent != "ja") {
            exclude(ds, r, "no_consent", consent ? consent->column_name : "toestemming", t.id);
            continue;
          }
          if (t.end != kNoDay && f.date != kNoDay && f.date < t.end) {
            exclude(ds, r, "before_closure", date->column_name, day_text(f.date));
            continue;
          }
        }
        if (t.withdrawn != kNoDay && f.date != kNoDay && f.date > t.withdrawn) {
          exclude(ds, r, "after_withdrawal", withdrawn ? withdrawn->column_name : "toestemming_ingetrokken",
                  day_text(t.withdrawn));
          continue;
        }
        // A date far from its due date is a cell flag, not an exclusion.
        const int32_t due = t.due(mi);
        if (mi > 0 && due != kNoDay && f.date != kNoDay && std::abs(f.date - due) > o.moment_window_weeks * 7)
          m.flag("moment_mismatch", ds->file, f.row, date->column_name, day_text(f.date));
        f.reached = yes_no(reached, r) >= 0 ? yes_no(reached, r) : -1;
        const int rrv = yes_no(rr, r);
        f.rereferral = rrv >= 0 ? rrv : -1;
        f.rereferral_date = day(rr_date, r);
        const int plv = yes_no(pl, r);
        f.placement = plv >= 0 ? plv : -1;
        f.placement_where = code(pl_where, r);
        for (int c = 0; c < 3; ++c) f.counts[c] = number(counts[c], r);
        f.meets = code(meets, r);
        const int adj = yes_no(adjusted, r);
        f.plan_adjusted = adj >= 0 ? adj : -1;
        f.safety = number(safety, r);
        f.channel = code(channel, r);
        t.rows[size_t(mi)] = std::move(f);  // only f.row (not moved from) is read below
        t.has[size_t(mi)] = true;
        for (const MappedField* v : {rr, pl, safety, counts[0], counts[1], counts[2]})
          if (v && v->kind[r] == CellKind::Invalid) m.flag("out_of_range", ds->file, f.row, v->column_name, text(ds, v, r));
      }
    for (auto& t : m.traj)
      for (int k = 0; k < kMoments; ++k) t.at[size_t(k)] = t.has[size_t(k)] ? &t.rows[size_t(k)] : nullptr;
    // Network figures at closure against the dashboard's (a trajectory average there: a note, not an error).
    for (const auto& t : m.traj)
      if (t.at[0] && t.at[0]->counts[0] >= 0 && t.sofs_figures >= 0 && t.at[0]->counts[0] != t.sofs_figures)
        m.flag("figures_differ", ds->file, t.at[0]->row, counts[0] ? counts[0]->column_name : "n_netwerkfiguren",
               std::to_string(t.at[0]->counts[0]) + " / " + std::to_string(t.sofs_figures));
  } else {
    for (auto& t : m.traj)
      for (int k = 0; k < kMoments; ++k) t.at[size_t(k)] = nullptr;
  }
  auto withdrawn_after = [&](const Trajectory* t, int32_t date) {  // a survey dated after the consent's withdrawal
    return t && t->withdrawn != kNoDay && date != kNoDay && date > t->withdrawn;
  };

  // ---- Parent survey.
  if (const MappedDataset* ds = in.ouder) {
    m.have_parent = true;
    m.rows_in += long(ds->rows());
    const MappedField *id = field(ds, "traject_id"), *resp = field(ds, "respondent_id"), *rol = field(ds, "rol"),
                      *persp = field(ds, "perspectief"), *mom = field(ds, "moment_bevraging"), *date = field(ds, "datum");
    const MappedField* items[kParentItems];
    for (int i = 0; i < kParentItems; ++i) {
      char fid[8];
      std::snprintf(fid, sizeof fid, "o%02d", i + 1);
      items[i] = field(ds, fid);
    }
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded[{ds, r}] = true;
        continue;
      }
      Parent p;
      p.traject = text(ds, id, r);
      p.file = ds->file;
      p.row = ds->row_number(r);
      const Trajectory* t = m.find(p.traject);  // one lookup: known_trajectory is !m.linked || found
      if (m.linked && !t) {
        exclude(ds, r, "no_trajectory", id ? id->column_name : "traject_id", p.traject);
        continue;
      }
      p.date = day(date, r);
      if (withdrawn_after(t, p.date)) {
        exclude(ds, r, "after_withdrawal", date ? date->column_name : "datum", day_text(p.date));
        continue;
      }
      p.respondent = text(ds, resp, r);
      p.rol = code(rol, r);
      p.worker = code(persp, r) == "begeleider";
      p.interim = code(mom, r) == "tussentijds";
      for (int i = 0; i < kParentItems; ++i) {
        const CellKind k = kind(items[i], r);
        const int ci = code_index(items[i], r);
        p.item[size_t(i)] = k == CellKind::NotApplicable ? kNvt : ci >= 0 && ci < 5 ? int8_t(ci + 1) : kMissing;
        if (k == CellKind::Invalid || (k == CellKind::Value && ci < 0))
          m.flag("out_of_range", ds->file, p.row, items[i]->column_name, text(ds, items[i], r));
      }
      m.parents.push_back(std::move(p));
    }
  }

  // ---- Child survey.
  if (const MappedDataset* ds = in.kind) {
    m.have_child = true;
    m.rows_in += long(ds->rows());
    const MappedField *id = field(ds, "traject_id"), *resp = field(ds, "respondent_id"), *age = field(ds, "leeftijd"),
                      *mom = field(ds, "moment_bevraging"), *date = field(ds, "datum");
    const MappedField* items[kChildRows];
    for (int i = 0; i < kChildRows; ++i) items[i] = field(ds, kChildIds[i]);
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded[{ds, r}] = true;
        continue;
      }
      Child c;
      c.traject = text(ds, id, r);
      c.file = ds->file;
      c.row = ds->row_number(r);
      const Trajectory* t = m.find(c.traject);  // one lookup: known_trajectory is !m.linked || found
      if (m.linked && !t) {
        exclude(ds, r, "no_trajectory", id ? id->column_name : "traject_id", c.traject);
        continue;
      }
      c.date = day(date, r);
      if (withdrawn_after(t, c.date)) {
        exclude(ds, r, "after_withdrawal", date ? date->column_name : "datum", day_text(c.date));
        continue;
      }
      c.respondent = text(ds, resp, r);
      c.age = number(age, r);
      if (age && age->kind[r] == CellKind::Invalid) m.flag("out_of_range", ds->file, c.row, age->column_name, text(ds, age, r));
      c.interim = code(mom, r) == "tussentijds";
      for (int i = 0; i < kChildRows; ++i) {
        const CellKind k = kind(items[i], r);
        const int ci = code_index(items[i], r);  // Ja 0, Soms 1, Nee 2 in the schema's order
        c.item[size_t(i)] = k == CellKind::NotApplicable ? kNvt : ci >= 0 && ci < 3 ? int8_t(2 - ci) : kMissing;
        if (k == CellKind::Invalid || (k == CellKind::Value && ci < 0))
          m.flag("out_of_range", ds->file, c.row, items[i]->column_name, text(ds, items[i], r));
      }
      m.children.push_back(std::move(c));
    }
  }

  // ---- Self-assessment (professionals: no trajectory).
  if (schema)
    for (const auto& f : schema->fields)
      if (f.role == "self_item") {
        m.self_items.push_back(f.id);
        m.self_labels.push_back(Text{f.id + " " + f.label_nl, f.id + " " + f.label_en});
      }
  if (const MappedDataset* ds = in.zelfevaluatie) {
    m.have_self = true;
    m.rows_in += long(ds->rows());
    const MappedField *resp = field(ds, "respondent_id"), *org = field(ds, "organisatie"), *team = field(ds, "team"),
                      *region = field(ds, "regio"), *group = field(ds, "groep"), *func = field(ds, "functie"),
                      *wave = field(ds, "golf");
    std::vector<const MappedField*> items;
    for (const auto& id : m.self_items) items.push_back(field(ds, id.c_str()));
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded[{ds, r}] = true;
        continue;
      }
      SelfRow s;
      s.row = ds->row_number(r);
      s.respondent = text(ds, resp, r);
      s.organisation = text(ds, org, r);
      s.team = text(ds, team, r);
      s.region = text(ds, region, r);
      s.group = text(ds, group, r);
      s.function = code(func, r);
      s.wave = month_of(day(wave, r));
      for (size_t i = 0; i < items.size() && i < size_t(kSelfItems); ++i) {
        const int v = number(items[i], r);
        s.item[i] = v >= 1 && v <= 10 ? double(v) : NAN;
        if (items[i] && items[i]->kind[r] == CellKind::Invalid)
          m.flag("out_of_range", ds->file, s.row, items[i]->column_name, text(ds, items[i], r));
      }
      m.self.push_back(std::move(s));
    }
  }

  // ---- Case panel.
  if (const MappedDataset* ds = in.casus) {
    m.have_case = true;
    m.rows_in += long(ds->rows());
    const MappedField *id = field(ds, "traject_id"), *follow = field(ds, "vervolg"), *parent = field(ds, "ouder_bevraagd");
    static const char* const kYn[] = {"signalen_aangemelde", "signalen_alle", "wissel_begeleider",
                                      "netwerk_uiteengevallen", "financiele_problemen", "complicerende_factor",
                                      "blijvende_angst"};
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded[{ds, r}] = true;
        continue;
      }
      CaseRow c;
      c.traject = text(ds, id, r);
      if (!known_trajectory(c.traject)) {
        exclude(ds, r, "no_trajectory", id ? id->column_name : "traject_id", c.traject);
        continue;
      }
      c.follow = code(follow, r);
      c.parent = code(parent, r);
      for (const char* f : kYn) c.yn[f] = yes_no(field(ds, f), r);
      m.cases.push_back(std::move(c));
    }
  }
  // Every result asks for the moments' status, per trajectory, moment and measure: computed once here.
  for (auto& t : m.traj)
    for (int k = 0; k < kMoments; ++k) t.states[size_t(k)] = moment_state(m, t, k);
  m.rows_flagged = long(excluded.size());
  m.rows_used = m.rows_in - m.rows_flagged;
  return m;
}

}  // namespace zicht::analysis::kerndataset::detail
