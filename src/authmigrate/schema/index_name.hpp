// Better Auth's index names: `<table>_<col>[_<col>...]_idx` / `_uidx`, shortened with a stable
// FNV-1a hash when longer than 63 bytes (PostgreSQL's identifier limit), exactly as
// `getDatabaseIndexName` in @better-auth/core does it, so that names match across tools.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace authmigrate::schema {

inline constexpr size_t kMaxIndexNameBytes = 63;

// The generated name of an index over `columns` (physical names) of `table`.
std::string generated_index_name(std::string_view table, const std::vector<std::string>& columns, bool unique);
// The name of a field-level index (`index: true` or `unique: true` on one field).
std::string field_index_name(std::string_view table, std::string_view column, bool unique);

// FNV-1a (32 bit) over the UTF-16 code units of `utf8`, as JavaScript's charCodeAt sees the text.
uint32_t fnv1a_utf16(std::string_view utf8);

}  // namespace authmigrate::schema
