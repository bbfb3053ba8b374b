// The per-database dump and restore commands behind backup.cpp.
#pragma once

#include <filesystem>

#include <authmigrate/config/database_url.hpp>
#include <authmigrate/db/connection.hpp>

namespace authmigrate::backup {

Result<void> dump_postgres(const config::DatabaseUrl& url, const std::filesystem::path& file);
Result<void> restore_postgres(const config::DatabaseUrl& url, const std::filesystem::path& file);
Result<void> dump_mysql(const config::DatabaseUrl& url, const std::filesystem::path& file);
Result<void> restore_mysql(const config::DatabaseUrl& url, const std::filesystem::path& file);
// SQLite's online backup API, from `from` into `to` (either may be the live database).
Result<void> copy_sqlite(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace authmigrate::backup
