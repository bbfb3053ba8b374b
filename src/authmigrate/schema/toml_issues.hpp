// Private to the TOML reader: problems found while reading, each tied to a source position, so
// that all of them can be reported together.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include <authmigrate/base/error.hpp>

namespace authmigrate::schema {

// The entries of a TOML table in the order they were written: toml++ iterates keys sorted, but
// the order of additional fields is the column order of the table.
std::vector<std::pair<const toml::key*, const toml::node*>> in_source_order(const toml::table& table);

class TomlIssues {
 public:
  void add(const toml::source_region& where, std::string message, std::string hint = {});
  bool empty() const { return lines_.empty(); }
  // One error of kind config: every issue on its own line, each with its did-you-mean hint (a
  // hint per line, because one Error has room for only one).
  Error to_error() const;

 private:
  std::vector<std::string> lines_;
};

}  // namespace authmigrate::schema
