#pragma once
// What a filter or setting can choose from: the distinct values of a mapped field. Computed here so pages only
// draw.
#include <string>
#include <vector>

#include "core/mapped_dataset.h"

namespace zicht::analysis {

// Distinct non-empty values of a field over the used rows, sorted (codes: as the dataset spells them after
// recoding; strings: the cell text). Empty when the field is not mapped.
std::vector<std::string> field_values(const core::MappedDataset& ds, std::string_view field);

}  // namespace zicht::analysis
