// The catalogue data (src/authmigrate/schema/catalogue/*.json, written by scripts/catalogue/update.sh
// from the published Better Auth packages), compiled into the binary as JSON text.
#pragma once

#include <string_view>
#include <vector>

namespace authmigrate::schema {

struct EmbeddedDocument {
  std::string_view name;  // the path under catalogue/ without ".json": "core", "plugins/organization"
  std::string_view text;
};

const std::vector<EmbeddedDocument>& catalogue_documents();

}  // namespace authmigrate::schema
