#include <authmigrate/backup/backup.hpp>

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include <authmigrate/backup/backup_tools.hpp>
#include <authmigrate/base/files.hpp>
#include <authmigrate/dialect/introspect.hpp>
#include <authmigrate/report/reporter.hpp>

namespace authmigrate::backup {

namespace fs = std::filesystem;
using config::Dialect;

namespace {

std::string sanitize(std::string_view text) {
  std::string out;
  for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
  return out.empty() ? "db" : out;
}

std::string extension(Dialect dialect) {
  switch (dialect) {
    case Dialect::postgres:
      return ".pgdump";
    case Dialect::mysql:
      return ".sql";
    case Dialect::sqlite:
      return ".sqlite";
  }
  return ".bak";
}

// 20261125T153000123Z: sorts by time, safe in a file name.
std::string compact_time() {
  auto stamp = report::utc_timestamp();  // 2026-11-25T15:30:00.123Z
  std::string out;
  for (char c : stamp) {
    if (c != '-' && c != ':' && c != '.') out += c;
  }
  return out;
}

Result<void> make_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(ErrorKind::io, fmt::format("cannot create backup folder {}: {}", dir.string(), ec.message()));
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);  // 0700; on Windows: docs/windows.md
  return {};
}

Result<std::vector<std::string>> table_names(db::Connection& connection, const std::string& schema_name) {
  auto live = dialect::introspect(connection, schema_name);
  if (!live) return fail(std::move(live.error()));
  std::vector<std::string> names;
  for (const auto& t : live->tables) names.push_back(t.name);
  return names;
}

void prune(const fs::path& dir, const std::string& label, int keep, report::Reporter& reporter) {
  if (keep <= 0) return;
  std::vector<fs::path> mine;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    auto name = entry.path().filename().string();
    if (name.rfind(label + "-", 0) == 0 && name.find(".partial") == std::string::npos) mine.push_back(entry.path());
  }
  std::sort(mine.begin(), mine.end());
  for (size_t i = 0; i + static_cast<size_t>(keep) < mine.size(); ++i) {
    fs::remove(mine[i], ec);
    reporter.emit(report::info("backup.pruned", fmt::format("removed old backup {}", mine[i].string())));
  }
}

}  // namespace

std::string backup_label(const config::DatabaseUrl& url) {
  if (url.dialect == Dialect::sqlite) return sanitize(base::path_utf8(base::path_from_utf8(url.database).stem()));
  std::string host = url.host.empty() ? "local" : url.host;
  if (url.port) host += fmt::format("_{}", *url.port);
  return sanitize(host + "_" + url.database);
}

Result<Backup> take_backup(const config::DatabaseUrl& url, db::Connection& connection, const BackupOptions& options,
                           report::Reporter& reporter) {
  auto started = std::chrono::steady_clock::now();
  AM_TRY(make_private_dir(options.dir));
  Backup backup;
  auto tables = table_names(connection, options.schema_name);
  if (!tables) return fail(std::move(tables.error().within("listing tables before the backup")));
  backup.tables_before = std::move(*tables);
  backup.schema_name = options.schema_name;
  auto label = backup_label(url);
  backup.file = options.dir / (label + "-" + compact_time() + extension(url.dialect));
  fs::path partial = backup.file;
  partial += ".partial";
  // Created 0600 before any tool writes to it.
  AM_TRY(base::create_private_file(partial));
  Result<void> dumped;
  switch (url.dialect) {
    case Dialect::postgres:
      dumped = dump_postgres(url, partial);
      break;
    case Dialect::mysql:
      dumped = dump_mysql(url, partial);
      break;
    case Dialect::sqlite:
      dumped = copy_sqlite(base::path_from_utf8(url.database), partial);
      break;
  }
  std::error_code ec;
  if (dumped && fs::file_size(partial, ec) == 0 && url.dialect != Dialect::sqlite) {
    dumped = fail(ErrorKind::io, "the dump is empty");
  }
  if (dumped) dumped = base::replace_file(partial, backup.file);
  if (!dumped) {
    fs::remove(partial, ec);
    return fail(std::move(dumped.error().within(fmt::format("backing up to {}", options.dir.string()))));
  }
  auto event = report::info("backup.done", fmt::format("backed up to {} ({} KiB)", backup.file.string(),
                                                       fs::file_size(backup.file, ec) / 1024));
  event.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  event.fields["file"] = backup.file.string();
  reporter.emit(event);
  prune(options.dir, label, options.keep, reporter);
  return backup;
}

Result<void> restore_backup(const Backup& backup, const config::DatabaseUrl& url, db::Connection& connection,
                            report::Reporter& reporter) {
  auto started = std::chrono::steady_clock::now();
  if (url.dialect == Dialect::sqlite) {
    AM_TRY(copy_sqlite(backup.file, base::path_from_utf8(url.database)));
  } else {
    // Tables the failed deploy created are not in the copy: drop them first.
    auto now = table_names(connection, backup.schema_name);
    if (!now) return fail(std::move(now.error().within("listing tables before the restore")));
    std::string drops;
    for (const auto& table : *now) {
      if (std::find(backup.tables_before.begin(), backup.tables_before.end(), table) != backup.tables_before.end()) {
        continue;
      }
      std::string name = connection.quote_identifier(table);
      if (!backup.schema_name.empty()) name = connection.quote_identifier(backup.schema_name) + "." + name;
      drops += fmt::format("DROP TABLE IF EXISTS {}{}; ", name, url.dialect == Dialect::postgres ? " CASCADE" : "");
    }
    if (!drops.empty()) {
      if (url.dialect == Dialect::mysql) {
        AM_TRY(connection.execute("SET FOREIGN_KEY_CHECKS = 0"));
        for (const auto& table : *now) {
          if (std::find(backup.tables_before.begin(), backup.tables_before.end(), table) ==
              backup.tables_before.end()) {
            AM_TRY(connection.execute(fmt::format("DROP TABLE IF EXISTS {}", connection.quote_identifier(table))));
          }
        }
        AM_TRY(connection.execute("SET FOREIGN_KEY_CHECKS = 1"));
      } else {
        AM_TRY(connection.execute(drops));
      }
    }
    AM_TRY(url.dialect == Dialect::postgres ? restore_postgres(url, backup.file) : restore_mysql(url, backup.file));
  }
  auto event = report::info("backup.restored", fmt::format("restored {}", backup.file.string()));
  event.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  reporter.emit(event);
  return {};
}

}  // namespace authmigrate::backup
