// Native benchmark of the CSV reader: generates a 1,000,000-row Binc-like CSV in memory (~25 columns: dates,
// codes, numbers with decimal comma, quoted text with separators inside), parses it 3 times through the
// incremental reader (1 MiB chunks, like the browser) and prints the median throughput in MB/s.
// Usage: bench_parse [rows] [--write /tmp/binc_like.csv] [--file FILE] [--runs N]
//   --file parses FILE instead of generating rows. Each run parses twice, alternating the CSV index kernels: the
//   native SIMD one (SSE2 on x86-64) and the scalar loop (src/core/csv_index.h); medians are printed for both.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/csv_index.h"
#include "core/reader.h"

namespace {

struct Rng {
  uint64_t s;
  uint32_t next() {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    return uint32_t(s >> 11);
  }
  uint32_t below(uint32_t n) { return next() % n; }
};

void date(std::string& out, int32_t days) {
  int y; unsigned m, d;
  zicht::core::civil_from_days(days, y, m, d);
  char b[16];
  std::snprintf(b, sizeof b, "%02u/%02u/%04d", d, m, y);
  out += b;
}

std::string generate(size_t rows) {
  static const char* modules[] = {"Contextbegeleiding i.f.v. veiligheidsplanning SofS", "Verblijf",
                                  "Dagbegeleiding in groep", "Contextbegeleiding", "Kortdurende opname - crisis",
                                  "Begeleid zelfstandig wonen", "\"Pleegzorg; perspectiefzoekend\""};
  static const char* vzb[] = {"OOOC", "Vergunde zorgaanbieder", "Pleegzorg", "Niet van toepassing", "CIG",
                              "Centrum voor Kinderzorg en Gezinsondersteuning"};
  static const char* gesl[] = {"Vrouw", "Man", "X"};
  static const char* jn[] = {"ja", "nee", ""};
  static const char* taal[] = {"Nederlands", "Frans", "Arabisch", "Turks", "Engels", "Andere"};
  static const char* arb[] = {"voltijds", "deeltijds", "werkloos", "voltijds + onbekend", "Missing"};
  static const char* opm[] = {"", "\"Moeder wil een gesprek, daarna opvolging; zie dossier\"", "Broer ook in zorg",
                              "\"Crisis; \"\"dringend\"\", weekend\"", "\"Overleg met school, CLB\""};
  Rng r{0x9E3779B97F4A7C15ull};
  std::string s;
  s.reserve(rows * 260);
  s += "Kind ID;Gezin ID;Module ID;Module;Begindatum;Einddatum;Schakeling;Begeleidingsjaar;VZB organisatietype;"
       "Organisatie;Geslacht;Geboortedatum;Instroomleeftijd;Thuistaal;Arbeidssituatie;Pleeggezin;Adoptiegezin;"
       "Aantal kinderen;Netwerkberaden;Netwerkfiguren;Duur (maanden);Kost;Score;Postcode;Opmerking\r\n";
  char b[64];
  for (size_t i = 0; i < rows; ++i) {
    int32_t start = 17897 + int32_t(r.below(1400));  // 2019..2022
    std::snprintf(b, sizeof b, "K%07u;G%06u;M%08zu;", r.below(400000), r.below(200000), i);
    s += b;
    s += modules[r.below(7)];
    s += ';';
    date(s, start);
    s += ';';
    uint32_t dur = 20 + r.below(600);
    if (r.below(4)) date(s, start + int32_t(dur));
    std::snprintf(b, sizeof b, ";%u;%u;", 1 + r.below(6), 2019 + r.below(4));
    s += b;
    s += vzb[r.below(6)];
    std::snprintf(b, sizeof b, ";ORG%03u;", r.below(120));
    s += b;
    s += gesl[r.below(3)];
    s += ';';
    date(s, start - 2000 - int32_t(r.below(5000)));
    std::snprintf(b, sizeof b, ";%u;", r.below(18));
    s += b;
    s += taal[r.below(6)];
    s += ';';
    s += arb[r.below(5)];
    s += ';';
    s += jn[r.below(3)];
    s += ';';
    s += jn[r.below(3)];
    std::snprintf(b, sizeof b, ";%u;%u;%u,%u;%.1f;", 1 + r.below(6), r.below(12), r.below(9), r.below(10),
                  dur / 30.44);
    for (char* p = b; *p; ++p)
      if (*p == '.') *p = ',';
    s += b;
    uint32_t euro = r.below(250000);
    if (euro >= 1000)
      std::snprintf(b, sizeof b, "%u.%03u,%02u;%u,%u;%u;", euro / 1000, euro % 1000, r.below(100), r.below(11),
                    r.below(10), 1000 + r.below(8999));
    else
      std::snprintf(b, sizeof b, "%u,%02u;%u,%u;%u;", euro, r.below(100), r.below(11), r.below(10), 1000 + r.below(8999));
    s += b;
    s += opm[r.below(5)];
    s += "\r\n";
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  size_t rows = 1000000;
  int runs = 3;
  std::string write_path, file_path;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) write_path = argv[++i];
    else if (std::strcmp(argv[i], "--file") == 0 && i + 1 < argc) file_path = argv[++i];
    else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else rows = size_t(std::strtoull(argv[i], nullptr, 10));
  }
  std::string csv;
  if (!file_path.empty()) {
    std::ifstream in(file_path, std::ios::binary);
    if (!in) { std::fprintf(stderr, "cannot read %s\n", file_path.c_str()); return 1; }
    csv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::printf("read %s, %.1f MB\n", file_path.c_str(), csv.size() / 1e6);
  } else {
    auto t0 = std::chrono::steady_clock::now();
    csv = generate(rows);
    double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("generated %zu rows, %.1f MB in %.2f s\n", rows, csv.size() / 1e6, gen_s);
  }
  if (!write_path.empty()) std::ofstream(write_path, std::ios::binary).write(csv.data(), std::streamsize(csv.size()));
  const bool simd = zicht::core::csv_index::native_simd() != nullptr;
  std::vector<double> secs[2], cpus[2];
  for (int rep = 0; rep < runs; ++rep) {
    for (int k = simd ? 0 : 1; k < 2; ++k) {  // 0 = native SIMD, 1 = scalar
      zicht::core::csv_index::use_native_simd(k == 0);
      auto a = std::chrono::steady_clock::now();
      std::clock_t c0 = std::clock();
      zicht::core::ReadResult res =
          zicht::core::read_bytes("binc_like.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
      double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
      secs[k].push_back(s);
      cpus[k].push_back(cpu);
      if (!res.ok()) {
        std::fprintf(stderr, "parse failed: %s\n", res.status.message.c_str());
        return 1;
      }
      if (rep == 0 && k == (simd ? 0 : 1)) {
        std::printf("rows %lld, columns %zu, flags %lld, table memory %.1f MB\n", (long long)res.report.rows_in,
                    res.table.cols(), (long long)res.report.flags_total, res.table.memory_bytes() / 1e6);
        for (auto& c : res.report.columns) std::printf("  %-22s %s\n", c.name.c_str(), zicht::core::column_type_name(c.type));
      }
      std::printf("run %d %-6s: %.3f s wall (%.1f MB/s), %.3f s CPU (%.1f MB/s)\n", rep + 1,
                  zicht::core::csv_index::kernel_name(), s, csv.size() / 1e6 / s, cpu, csv.size() / 1e6 / cpu);
    }
  }
  for (int k = simd ? 0 : 1; k < 2; ++k) {
    std::sort(secs[k].begin(), secs[k].end());
    std::sort(cpus[k].begin(), cpus[k].end());
    const double w = secs[k][secs[k].size() / 2], c = cpus[k][cpus[k].size() / 2];
    std::printf("median %-6s: %.3f s wall, %.1f MB/s; CPU %.3f s, %.1f MB/s (%.1f MB)\n", k == 0 ? "simd" : "scalar", w,
                csv.size() / 1e6 / w, c, csv.size() / 1e6 / c, csv.size() / 1e6);
  }
  return 0;
}
