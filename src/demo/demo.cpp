// Zicht demo — CSV writing and scaling (see demo.h).
#include "demo/demo.h"

#include <algorithm>

#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

constexpr uint64_t kSofsBlock = 370;     // trajectories per copy of the design
constexpr uint64_t kBincChildren = 368;  // children per copy
constexpr const char* kEol = "\r\n";     // as Excel writes CSV on Windows


void date_field(std::string& out, int32_t d) { detail::csv_field(out, d == kNoDate ? std::string() : format_date(d)); }

const char* step_text(StepCell c) {
  switch (c) {
    case StepCell::Ja: return "ja";
    case StepCell::Nee: return "nee";
    default: return "";
  }
}
const char* involvement_text(Involvement v) {
  return v == Involvement::Ja ? "ja" : v == Involvement::Nee ? "nee" : "";
}

// ---- SofS

void sofs_header(std::string& out) {
  detail::csv_field(out, "Identificatiecode", true);
  for (const char* h : {"Organisatie", "Startdatum traject", "Startdatum consulent", "Typering casus"}) detail::csv_field(out, h);
  for (int s = 0; s < kStepCount; ++s) {
    detail::csv_field(out, kStepHeaders[s]);
    // The dashboard's column order puts the network columns after the safety goal (manual, Bijlage 1).
    if (s == kVeiligheidsdoel) {
      detail::csv_field(out, "Netwerk met aantal");
      detail::csv_field(out, "Netwerkberaden");
    }
  }
  for (const char* h : {"Plan B", "Plan B in werking", "Einddatum"}) detail::csv_field(out, h);
  for (int s = 0; s < kStepCount; ++s) {
    detail::csv_field(out, std::string(kStepHeaders[s]) + " CB");
    detail::csv_field(out, std::string(kStepHeaders[s]) + " consulent");
  }
  out += kEol;
}

void sofs_row(std::string& out, const SofsTrajectory& t) {
  detail::csv_field(out, t.traject_id, true);
  detail::csv_field(out, t.organisatie);
  date_field(out, t.start_cb);
  date_field(out, t.start_consulent);
  detail::csv_field(out, t.typering);
  for (int s = 0; s < kStepCount; ++s) {
    if (t.step[s] == StepCell::Date) date_field(out, t.step_date[s]);
    else detail::csv_field(out, step_text(t.step[s]));
    if (s == kVeiligheidsdoel) {
      detail::csv_field(out, t.network_figures < 0 ? std::string() : std::to_string(t.network_figures));
      if (t.meetings == MeetingCell::Count) detail::csv_field(out, std::to_string(t.meeting_count));
      else if (t.meetings == MeetingCell::Date) date_field(out, t.meeting_date);
      else detail::csv_field(out, "");
    }
  }
  // The dashboard's own wording for plan B (the schema recodes it to netwerk / verblijf).
  detail::csv_field(out, t.plan_b == "netwerk" ? "In netwerk" : t.plan_b == "verblijf" ? "In module verblijf" : "");
  if (t.plan_b_in_werking == StepCell::Date) date_field(out, t.plan_b_date);
  else detail::csv_field(out, step_text(t.plan_b_in_werking));
  if (t.closed) date_field(out, t.einddatum);
  else detail::csv_field(out, t.end_written_nee ? "nee" : "");
  for (int s = 0; s < kStepCount; ++s) {
    detail::csv_field(out, involvement_text(t.cb[s]));
    detail::csv_field(out, involvement_text(t.consulent[s]));
  }
  out += kEol;
}

// ---- Binc

const char* const kClientHeaders[] = {"Geslacht",
                                      "Instroomleeftijd",
                                      "Dagbesteding",
                                      "Opleidingsniveau",
                                      "Aantal jaren schoolachterstand",
                                      "Niet-begeleide minderjarige",
                                      "Gezinssituatie",
                                      "Adoptiegezin",
                                      "Pleeggezin",
                                      "Pleegzorg op een bepaald moment in traject",
                                      "Aantal kinderen in het gezin",
                                      "Huisvesting",
                                      "Thuistaal",
                                      "Gezondheid gezinsleden",
                                      "Schuldenlast",
                                      "Opleidingsniveau opvoedingsfiguur",
                                      "Arbeidssituatie combinatie"};

void client_fields(std::string& out, const BincClient& c) {
  detail::csv_field(out, c.geslacht);
  detail::csv_field(out, c.instroomleeftijd < 0 ? std::string() : std::to_string(c.instroomleeftijd));
  for (const std::string* v : {&c.dagbesteding, &c.opleidingsniveau, &c.schoolachterstand,
                               &c.niet_begeleide_minderjarige, &c.gezinssituatie, &c.adoptiegezin, &c.pleeggezin,
                               &c.pleegzorg_moment})
    detail::csv_field(out, *v);
  detail::csv_field(out, c.aantal_kinderen < 0 ? std::string() : std::to_string(c.aantal_kinderen));
  for (const std::string* v : {&c.huisvesting, &c.thuistaal, &c.gezondheid, &c.schuldenlast,
                               &c.opleiding_opvoedingsfiguur, &c.arbeidssituatie})
    detail::csv_field(out, *v);
}

void binc_module_header(std::string& out, bool with_clients) {
  detail::csv_field(out, "Kind ID", true);
  for (const char* h : {"Gezin ID", "Module ID", "Module", "Begindatum", "Einddatum", "Schakeling",
                        "Begeleidingsjaar", "VZB organisatietype", "Organisatie"})
    detail::csv_field(out, h);
  if (with_clients)
    for (const char* h : kClientHeaders) detail::csv_field(out, h);
  out += kEol;
}

void binc_module_row(std::string& out, const BincModule& m, const BincClient* c) {
  detail::csv_field(out, m.kind_id, true);
  detail::csv_field(out, m.gezin_id);
  detail::csv_field(out, m.module_id);
  detail::csv_field(out, m.module_type);
  date_field(out, m.start);
  date_field(out, m.einde);
  detail::csv_field(out, std::to_string(m.schakeling));
  detail::csv_field(out, std::to_string(m.begeleidingsjaar));
  detail::csv_field(out, m.vzb_organisatietype);
  detail::csv_field(out, m.organisatie);
  if (c) client_fields(out, *c);
  out += kEol;
}

void binc_client_header(std::string& out) {
  detail::csv_field(out, "Kind ID", true);
  detail::csv_field(out, "Gezin ID");
  for (const char* h : kClientHeaders) detail::csv_field(out, h);
  out += kEol;
}

void binc_client_row(std::string& out, const BincClient& c) {
  detail::csv_field(out, c.kind_id, true);
  detail::csv_field(out, c.gezin_id);
  client_fields(out, c);
  out += kEol;
}

// Copy b of the design: copy 0 uses the seed itself, so the first rows of a large file are the published design.
uint64_t block_seed(uint64_t seed, uint64_t b) { return b == 0 ? seed : derive_seed(seed, b); }

}  // namespace

const std::vector<std::string>& demo_profiles() {
  static const std::vector<std::string> ids = {"sofs", "binc", "matrix", "kerndataset", "evolutie", "trajecten",
                                               "procesflow"};
  return ids;
}

std::string validate_options(const DemoOptions& o) {
  if (std::find(demo_profiles().begin(), demo_profiles().end(), o.profile) == demo_profiles().end())
    return "unknown demo profile '" + o.profile + "' (sofs, binc, matrix, kerndataset, evolutie, trajecten or procesflow)";
  if (o.profile == "kerndataset" && o.part != "modules" && o.part != "ouder" && o.part != "kind" &&
      o.part != "opvolging" && o.part != "zelfevaluatie" && o.part != "casus")
    return "unknown part '" + o.part + "' (ouder, kind, opvolging, zelfevaluatie or casus)";
  if (o.profile == "evolutie" && o.part != "modules" && o.part != "meting" && o.part != "telling" &&
      o.part != "fase" && o.part != "instrument")
    return "unknown part '" + o.part + "' (meting, telling, fase or instrument)";
  if (o.profile == "trajecten" && o.part != "modules" && o.part != "registratie")
    return "unknown part '" + o.part + "' (registratie)";
  if (o.profile == "procesflow" && o.part != "modules" && o.part != "overleg" && o.part != "aanwezigheid" &&
      o.part != "thema" && o.part != "bevinding" && o.part != "actiepunt" && o.part != "aanbeveling" &&
      o.part != "stemming" && o.part != "stelling" && o.part != "citaat")
    return "unknown part '" + o.part +
           "' (overleg, aanwezigheid, thema, bevinding, actiepunt, aanbeveling, stemming, stelling or citaat)";
  if (o.profile == "binc" && o.part != "modules" && o.part != "clients")
    return "unknown part '" + o.part + "' (modules or clients)";
  if (o.profile == "matrix" && o.part != "modules" && o.part != "cells" && o.part != "characteristics" &&
      o.part != "support_forms" && o.part != "legend")
    return "unknown part '" + o.part + "' (cells, characteristics, support_forms or legend)";
  return {};
}

uint64_t generate_csv_chunks(const DemoOptions& o, const std::function<void(std::string_view)>& sink,
                             size_t chunk_bytes) {
  if (!validate_options(o).empty()) return 0;
  std::string buf;
  buf.reserve(chunk_bytes + (64u << 10));
  auto flush_if_full = [&] {
    if (buf.size() >= chunk_bytes) {
      sink(buf);
      buf.clear();
    }
  };
  uint64_t written = 0;
  if (o.profile == "trajecten") {
    // 28 registrations: one piece. The Co-ncept-demo (procesflow links on the same traject_id).
    TrajectenDemo d = generate_trajecten(o.seed);
    written = o.rows == 0 ? d.rows.size() : std::min<uint64_t>(o.rows, d.rows.size());
    buf = trajecten_csv(d, o.rows);
  } else if (o.profile == "procesflow") {
    // Small (under a hundred rows per part): one piece. Linked to the trajecten demo of the same seed.
    ProcesflowDemo d = generate_procesflow(o.seed);
    buf = procesflow_csv(d, o.part, o.rows);
    for (char ch : buf) written += ch == '\n';
    if (written > 0) --written;  // the header
  } else if (o.profile == "evolutie") {
    // Small (a few hundred rows per part): one piece. Linked to the SofS demo of the same seed.
    EvolutieDemo d = generate_evolutie(o.seed);
    buf = evolutie_csv(d, o.part, o.rows);
    for (char ch : buf) written += ch == '\n';
    if (written > 0) --written;  // the header
  } else if (o.profile == "kerndataset") {
    // Small (a few hundred rows per part): one piece. Linked to the SofS demo of the same seed.
    KerndatasetDemo d = generate_kerndataset(o.seed);
    buf = kerndataset_csv(d, o.part, o.rows);
    for (char ch : buf) written += ch == '\n';
    if (written > 0) --written;  // the header
  } else if (o.profile == "matrix") {
    // Small (about 0.5 MB): one piece. The dictionary parts are the embedded CSVs unchanged.
    if (o.part == "cells" || o.part == "modules") {
      MatrixDemo d = generate_matrix(o.seed);
      written = o.rows == 0 ? d.cells.size() : std::min<uint64_t>(o.rows, d.cells.size());
      buf = matrix_cells_csv(d, o.rows);
    } else {
      buf = matrix_dictionary_csv(o.part);
      for (char ch : buf) written += ch == '\n';
      if (written > 0) --written;  // the header
    }
  } else if (o.profile == "sofs") {
    const uint64_t target = o.rows == 0 ? kSofsBlock : o.rows;
    sofs_header(buf);
    for (uint64_t b = 0; written < target; ++b) {
      SofsDemo d = detail::generate_sofs_block(block_seed(o.seed, b), b * kSofsBlock + 1);
      for (const SofsTrajectory& t : d.trajectories) {
        if (written == target) break;
        sofs_row(buf, t);
        ++written;
        flush_if_full();
      }
    }
  } else if (o.part == "clients") {
    const uint64_t target = o.rows == 0 ? kBincChildren : o.rows;
    binc_client_header(buf);
    for (uint64_t b = 0; written < target; ++b) {
      BincDemo d = detail::generate_binc_block(block_seed(o.seed, b), b * kBincChildren + 1, 1, b * kBincChildren + 1);
      for (const BincClient& c : d.clients) {
        if (written == target) break;
        binc_client_row(buf, c);
        ++written;
        flush_if_full();
      }
    }
  } else {
    binc_module_header(buf, o.characteristics_in_modules);
    uint64_t target = o.rows;
    uint64_t next_module = 1;
    for (uint64_t b = 0; target == 0 ? b == 0 : written < target; ++b) {
      BincDemo d = detail::generate_binc_block(block_seed(o.seed, b), b * kBincChildren + 1, next_module,
                                               b * kBincChildren + 1);
      next_module += d.modules.size();
      for (const BincChild& ch : d.children) {
        const BincClient* client = nullptr;
        if (o.characteristics_in_modules) client = &d.clients[size_t(&ch - d.children.data())];
        for (size_t mi : ch.modules) {
          if (target != 0 && written == target) break;
          binc_module_row(buf, d.modules[mi], client);
          ++written;
          flush_if_full();
        }
      }
    }
  }
  if (!buf.empty()) sink(buf);
  return written;
}

std::string generate_csv(const DemoOptions& o) {
  std::string out;
  generate_csv_chunks(o, [&](std::string_view piece) { out.append(piece.data(), piece.size()); });
  return out;
}

}  // namespace zicht::demo
