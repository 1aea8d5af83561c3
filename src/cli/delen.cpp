#include "cli/delen.h"

#include "privacy/privacy.h"

namespace zicht::cli {

bool parse_suppress_k(const std::string& text, int& k, std::string& error) {
  size_t used = 0;
  long v = 0;
  try {
    v = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || v < 2 || v > 1000000) {
    error = "--suppress needs a whole number k of at least 2 (counts 1…k−1 are hidden), got '" + text + "'";
    return false;
  }
  k = static_cast<int>(v);
  return true;
}

void apply_delen(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs, int k) {
  const privacy::ColumnPolicy policy = privacy::column_policy(inputs);
  const privacy::Pseudonymiser pseudo(privacy::system_random());
  privacy::PrivacyOptions opt;
  opt.k = k;
  opt.columns = &policy;
  opt.pseudonymiser = &pseudo;
  privacy::apply(set, opt);
}

}  // namespace zicht::cli
