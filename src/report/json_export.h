#pragma once
// The JSON contract of SPEC §7 (schema "zicht.results/2": version 1 plus the views): used by `zicht analyse --format json`, by the app's
// JSON export and by the browser state hook. Deterministic: the same result set gives byte-identical output.
#include <nlohmann/json.hpp>

#include "analysis/result.h"

namespace zicht::report {

nlohmann::ordered_json results_json(const analysis::ResultSet& set, i18n::Lang lang);
nlohmann::ordered_json result_json(const analysis::Result& r, i18n::Lang lang);
nlohmann::ordered_json view_json(const analysis::View& v, i18n::Lang lang);
// One cell as JSON: number, string (text in lang), null (missing) or "<k" (suppressed).
nlohmann::ordered_json value_json(const analysis::Value& v, i18n::Lang lang);

}  // namespace zicht::report
