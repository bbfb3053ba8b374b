#include <authmigrate/schema/index_name.hpp>

#include <fmt/format.h>

namespace authmigrate::schema {

namespace {

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes, so
// malformed text still advances).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

uint32_t decode(std::string_view s, size_t pos, size_t len) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[pos + i]); };
  if (len == 1) return byte(0);
  if (len == 2) return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
  if (len == 3) return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
}

// Keeps whole code points while they fit in `max_bytes`, like Better Auth's truncateUtf8.
std::string truncate_utf8(std::string_view s, size_t max_bytes) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len = std::min(sequence_length(static_cast<unsigned char>(s[pos])), s.size() - pos);
    if (pos + len > max_bytes) break;
    pos += len;
  }
  return std::string(s.substr(0, pos));
}

}  // namespace

uint32_t fnv1a_utf16(std::string_view utf8) {
  uint32_t hash = 2166136261u;
  auto mix = [&](uint32_t unit) {
    hash ^= unit;
    hash *= 16777619u;  // unsigned wrap-around is what Math.imul + >>> 0 compute
  };
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t len = std::min(sequence_length(static_cast<unsigned char>(utf8[pos])), utf8.size() - pos);
    uint32_t cp = decode(utf8, pos, len);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      mix(0xD800 + (cp >> 10));
      mix(0xDC00 + (cp & 0x3FF));
    } else {
      mix(cp);
    }
    pos += len;
  }
  return hash;
}

std::string generated_index_name(std::string_view table, const std::vector<std::string>& columns, bool unique) {
  std::string_view kind = unique ? "uidx" : "idx";
  std::string name(table);
  for (const auto& column : columns) {
    name += '_';
    name += column;
  }
  name += '_';
  name += kind;
  if (name.size() <= kMaxIndexNameBytes) return name;
  std::string suffix = fmt::format("_{:08x}_{}", fnv1a_utf16(name), kind);
  std::string_view stem = std::string_view(name).substr(0, name.size() - kind.size() - 1);
  return truncate_utf8(stem, kMaxIndexNameBytes - suffix.size()) + suffix;
}

std::string field_index_name(std::string_view table, std::string_view column, bool unique) {
  return generated_index_name(table, {std::string(column)}, unique);
}

}  // namespace authmigrate::schema
