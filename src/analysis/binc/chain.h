#pragma once
// Internal to the Binc analyses: the per-child module chains of SPEC §2.2, derived once from a mapped module file
// and shared by every result. Plain arrays indexed by table row or by child; no strings per row.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/binc.h"
#include "core/mapped_dataset.h"

namespace zicht::analysis::binc::detail {

enum class Role : uint8_t { none, voortraject, sofs_last, sofs_parallel, combined, natraject, unclassified };

struct Chains {
  const core::MappedDataset* ds = nullptr;
  int32_t as_of = 0;
  // Rows in chain order: grouped per child, each child's rows by start, schakeling, module_id.
  std::vector<uint32_t> order;
  std::vector<uint32_t> begin;  // per child: offset into `order`; size children + 1
  std::vector<uint32_t> child_key;  // per child: the identifier key (dict code of kind_id, or a fallback index)

  // Per table row (only meaningful for used rows).
  std::vector<int32_t> child;     // child index, -1 = row not used
  std::vector<int32_t> type;      // index into module_type.values, -1 = missing / invalid module type
  std::vector<int32_t> start, end;  // end: INT32_MAX = open (no end, or an end after the as-of date)
  std::vector<uint8_t> sofs;      // is a SofS module
  std::vector<uint8_t> role;      // Role
  std::vector<int32_t> position;  // 1-based position in the child's chain

  // Per child.
  std::vector<int32_t> n_sofs;
  std::vector<int32_t> last_sofs;  // row of the last SofS module (chain order), -1 = none
  std::vector<uint8_t> open;       // dossier status: the latest-starting module has no end (as of as_of)
  std::vector<int32_t> orgtype;    // index into vzb_organisatietype.values; -1 missing, -2 invalid
  std::vector<uint8_t> selected;   // passes the organisation filter and has a SofS module

  // Rows left out because they start after the as-of date (not yet there "now"); the first few kept for flags.
  long after_as_of = 0;
  std::vector<uint32_t> after_as_of_rows;

  // Module type → cluster.
  std::vector<std::string> clusters;  // cluster names in display order; the last one is "Overige"
  std::vector<int32_t> type_cluster;  // per module_type value
  int32_t other_cluster = 0;

  size_t children() const { return begin.empty() ? 0 : begin.size() - 1; }
  std::string_view child_id(size_t c) const;  // the kind_id text of child c (first row)
  int32_t cluster_of_row(uint32_t row) const {
    return type[row] < 0 ? other_cluster : type_cluster[size_t(type[row])];
  }
};

Chains build_chains(const core::MappedDataset& ds, const Options& options);

// The text of a String/identifier cell without allocating where the column keeps strings.
std::string_view cell_view(const core::MappedDataset& ds, const core::MappedField& f, size_t row, std::string& scratch);

constexpr int32_t kOpen = INT32_MAX;

}  // namespace zicht::analysis::binc::detail
