#include <authmigrate/backup/backup_tools.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <authmigrate/base/files.hpp>
#include <authmigrate/base/process.hpp>

namespace authmigrate::backup {

namespace {

// The URL without its password, in libpq's form; the password travels in PGPASSWORD.
std::string conninfo_without_password(const config::DatabaseUrl& url) {
  config::DatabaseUrl copy = url;
  copy.password.reset();
  std::erase_if(copy.params, [](const auto& p) { return p.first == "password"; });
  return copy.libpq_conninfo();
}

std::vector<std::pair<std::string, std::string>> pg_env(const config::DatabaseUrl& url) {
  if (url.password) return {{"PGPASSWORD", *url.password}};
  if (auto p = url.param("password")) return {{"PGPASSWORD", *p}};
  return {};
}

std::vector<std::string> mysql_connection_args(const config::DatabaseUrl& url) {
  std::vector<std::string> args = {"--no-defaults"};
  if (!url.host.empty()) args.push_back("--host=" + url.host);
  if (url.port) args.push_back(fmt::format("--port={}", *url.port));
  if (auto socket = url.param("socket")) args.push_back("--socket=" + *socket);
  if (!url.user.empty()) args.push_back("--user=" + url.user);
  return args;
}

std::vector<std::pair<std::string, std::string>> mysql_env(const config::DatabaseUrl& url) {
  if (url.password) return {{"MYSQL_PWD", *url.password}};
  return {};
}

Result<void> run_tool(base::ProcessSpec spec, std::string_view what) {
  auto outcome = base::run_process(spec);
  if (!outcome) return fail(std::move(outcome.error().within(std::string(what))));
  if (outcome->exit_code != 0) {
    return fail(Error(ErrorKind::io,
                      fmt::format("{} failed (exit {}): {}", spec.argv[0], outcome->exit_code, outcome->error_output))
                    .within(std::string(what)));
  }
  return {};
}

// Debian ships the MariaDB tools under both names; MySQL's packages only under the old one.
std::string first_installed(std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (base::program_installed(name)) return name;
  }
  return *names.begin();
}

}  // namespace

Result<void> dump_postgres(const config::DatabaseUrl& url, const std::filesystem::path& file) {
  base::ProcessSpec spec{{"pg_dump", "--format=custom", "--no-owner", "--dbname=" + conninfo_without_password(url)},
                         pg_env(url),
                         file,
                         {}};
  return run_tool(spec, "dumping with pg_dump");
}

Result<void> restore_postgres(const config::DatabaseUrl& url, const std::filesystem::path& file) {
  base::ProcessSpec spec{{"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                          "--exit-on-error", "--dbname=" + conninfo_without_password(url), file.string()},
                         pg_env(url),
                         {},
                         {}};
  return run_tool(spec, "restoring with pg_restore");
}

Result<void> dump_mysql(const config::DatabaseUrl& url, const std::filesystem::path& file) {
  auto args = std::vector<std::string>{first_installed({"mariadb-dump", "mysqldump"})};
  for (auto& a : mysql_connection_args(url)) args.push_back(std::move(a));
  for (const char* flag : {"--single-transaction", "--routines", "--triggers", "--add-drop-table", "--hex-blob"}) {
    args.emplace_back(flag);
  }
  args.push_back(url.database);
  return run_tool(base::ProcessSpec{args, mysql_env(url), file, {}}, "dumping with mysqldump");
}

Result<void> restore_mysql(const config::DatabaseUrl& url, const std::filesystem::path& file) {
  auto args = std::vector<std::string>{first_installed({"mariadb", "mysql"})};
  for (auto& a : mysql_connection_args(url)) args.push_back(std::move(a));
  args.push_back(url.database);
  return run_tool(base::ProcessSpec{args, mysql_env(url), {}, file}, "restoring with the mysql client");
}

Result<void> copy_sqlite(const std::filesystem::path& from, const std::filesystem::path& to) {
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  auto close_both = [&] {
    sqlite3_close_v2(source);
    sqlite3_close_v2(target);
  };
  if (sqlite3_open_v2(base::path_utf8(from).c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(base::path_utf8(to).c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
          SQLITE_OK) {
    std::string message = sqlite3_errmsg(source ? (target ? target : source) : nullptr);
    close_both();
    return fail(ErrorKind::io, fmt::format("cannot open {} or {}: {}", from.string(), to.string(), message));
  }
  sqlite3_busy_timeout(target, 60000);
  sqlite3_backup* copy = sqlite3_backup_init(target, "main", source, "main");
  if (!copy) {
    std::string message = sqlite3_errmsg(target);
    close_both();
    return fail(ErrorKind::io, fmt::format("cannot copy {} to {}: {}", from.string(), to.string(), message));
  }
  int rc;
  while ((rc = sqlite3_backup_step(copy, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  sqlite3_backup_finish(copy);
  std::string message = rc == SQLITE_DONE ? "" : sqlite3_errstr(rc);
  close_both();
  if (rc != SQLITE_DONE) {
    return fail(ErrorKind::io, fmt::format("copying {} to {} failed: {}", from.string(), to.string(), message));
  }
  return {};
}

}  // namespace authmigrate::backup
