#pragma once
// What a filter or setting can choose from: the distinct values of a mapped field, and provenance for results
// computed from mapped datasets. Computed here so pages only draw.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/mapped_dataset.h"

namespace zicht::analysis {

// Distinct non-empty values of a field over the used rows, sorted (codes: as the dataset spells them after
// recoding; strings: the cell text). Empty when the field is not mapped.
std::vector<std::string> field_values(const core::MappedDataset& ds, std::string_view field);

// Provenance of results computed from mapped datasets: input hashes, row accounting from the validation
// (rows in = used + excluded), canonical settings, and the datasets' as-of date.
Provenance mapped_provenance(const std::vector<const core::MappedDataset*>& datasets,
                             const std::vector<Input>& inputs, const Settings& settings);

}  // namespace zicht::analysis
