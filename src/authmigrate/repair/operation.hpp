// The changes a repair makes, before any dialect renders them.
#pragma once

#include <string>
#include <vector>

namespace authmigrate::repair {

struct Operation {
  enum class Kind { drop_index, drop_column, make_nullable, set_default, rename_column, rename_index };
  Kind kind;
  std::string table;
  std::string name;  // the index or column
  std::string to;    // rename: the new name; set_default: the default as SQL (a rendered literal)
};

struct RepairPlan {
  std::string repair;                 // the request's text
  std::string description;            // what it does, or why nothing is left to do
  std::vector<Operation> operations;  // empty: already done (repairs are idempotent)
  std::vector<std::string> notes;     // what the user should know (a foreign key left in place, ...)
};

}  // namespace authmigrate::repair
