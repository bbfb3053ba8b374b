#include <authmigrate/deploy/pipeline.hpp>

#include <chrono>

#include <fmt/format.h>

#include <authmigrate/db/wait.hpp>
#include <authmigrate/migrations/migration_lock.hpp>
#include <authmigrate/migrations/runner.hpp>
#include <authmigrate/deploy/repair_session.hpp>
#include <authmigrate/repair/run_repairs.hpp>
#include <authmigrate/sync/schema_sync.hpp>
#include <authmigrate/topology/direct_url.hpp>
#include <authmigrate/topology/writable.hpp>
#include <authmigrate/verify/verdict.hpp>

namespace authmigrate::deploy {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void step_done(report::Reporter& reporter, const std::string& step, std::string message, Clock::time_point started) {
  auto event = report::info("deploy.step", std::move(message));
  event.duration_ms = ms_since(started);
  event.fields["step"] = step;
  reporter.emit(event);
}

class Deployment {
 public:
  Deployment(const DeployTarget& target, const DeploySettings& settings, report::Reporter& reporter)
      : m_target(target), m_settings(settings), m_reporter(reporter) {}

  ~Deployment() {
    if (m_connection && m_settings.on_close) m_settings.on_close(m_connection.get());
  }

  Result<void> run(DeployOutcome& outcome) {
    AM_TRY(wait());
    AM_TRY(topology::require_writable(*m_connection, m_target.url));
    if (!m_connection->pooler().empty()) {
      if (m_settings.backup)
        return fail(topology::pooler_refusal(
            fmt::format("--backup cannot run through a transaction pooler ({}): the dump needs a session of its own",
                        m_connection->pooler())));
      if (!m_settings.repairs.empty()) return fail(repair_through_pooler(m_connection->pooler()));
    }
    auto current = finish_if_current();
    if (!current) return fail(std::move(current.error()));
    if (*current) return {};
    migrations::MigrationLock lock(*m_connection);
    AM_TRY(take_lock(lock));
    m_lock = &lock;
    std::optional<backup::Backup> copy;
    if (m_settings.backup) {
      auto started = Clock::now();
      backup::BackupOptions options = *m_settings.backup;
      if (m_settings.schema) options.schema_name = m_settings.schema->schema_name;
      auto taken = backup::take_backup(m_target.url, *m_connection, options, m_reporter);
      if (!taken)
        return fail(std::move(taken.error().with_hint("nothing was migrated: the backup must succeed first")));
      copy = std::move(*taken);
      step_done(m_reporter, "backup", "backup taken", started);
    }
    auto migrated = repair();
    if (migrated) migrated = migrate(outcome);
    if (migrated) migrated = verify();
    if (!migrated && copy) {
      Error error = std::move(migrated.error());
      m_reporter.emit(
          report::warning("deploy.restoring", fmt::format("deploy failed, restoring {}", copy->file.string())));
      auto restored = backup::restore_backup(*copy, m_target.url, *m_connection, m_reporter);
      if (restored) {
        outcome.restored = true;
        error.hint = fmt::format("the database was restored from {} to how it was before this deploy{}",
                                 copy->file.string(), error.hint.empty() ? "" : "; " + error.hint);
      } else {
        error.hint = fmt::format("RESTORE FAILED ({}); the backup is {}: restore it by hand",
                                 restored.error().describe(), copy->file.string());
      }
      return fail(std::move(error));
    }
    AM_TRY(migrated);
    return lock.release();
  }

 private:
  Result<void> wait() {
    auto deadline = base::Deadline::after_seconds(m_settings.wait_timeout_s).min(m_settings.deadline);
    auto connection = db::wait_for_database(m_target.url, m_settings.session, deadline, m_reporter);
    if (!connection) return fail(std::move(connection.error()));
    m_connection = std::move(*connection);
    if (m_settings.on_open) m_settings.on_open(m_connection.get());
    return {};
  }

  // Most deploys change nothing. One that finds every file applied and the schema current, read without
  // the lock as migrate reads it (migrations::unlocked_noop), and that Better Auth accepts, ends there:
  // no lock, no backup (nothing will change), no transaction. Anything else takes the locked path,
  // which reads everything again. Repairs always take it, and so does a deploy through a transaction
  // pooler, whose every step is one transaction (as migrate's).
  Result<bool> finish_if_current() {
    if (!m_settings.repairs.empty() || !m_connection->pooler().empty()) return false;
    auto started = Clock::now();
    migrations::RunOptions run;
    run.plan = m_settings.plan;
    dialect::LiveSchema read;  // what the schema check read, judged again by verify_accepted
    if (m_settings.schema) {
      run.schema_current = [&] {
        return sync::report_if_current(*m_connection, *m_settings.schema, m_reporter, &read);
      };
    }
    auto noop = migrations::unlocked_noop(*m_connection, *m_target.files, run, m_reporter);
    if (!noop) return fail(std::move(noop.error()));
    if (!*noop) return false;
    step_done(m_reporter, "migrate",
              fmt::format("nothing to do: schema current; SQL files: 0 applied, {} already applied (no lock taken{})",
                          (*noop)->already_applied, m_settings.backup ? ", no backup needed" : ""),
              started);
    AM_TRY(verify_accepted(Clock::now(), &read));
    return true;
  }

  Result<void> take_lock(migrations::MigrationLock& lock) {
    auto started = Clock::now();
    auto deadline = base::Deadline::after_seconds(m_settings.lock_timeout_s).min(m_settings.deadline);
    AM_TRY(lock.acquire(deadline, m_reporter));
    if (m_connection->pooler().empty()) step_done(m_reporter, "lock", "took the migration lock", started);
    return {};
  }

  // Only the repairs the user named (--repair, [deploy] repairs); a deploy never guesses one.
  Result<void> repair() {
    if (m_settings.repairs.empty()) return {};
    if (!m_settings.schema)
      return fail(Error(ErrorKind::config, "a repair needs the Better Auth schema: none was found")
                      .with_hint("pass --config or --schema, or add authmigrate.toml [better_auth]"));
    auto started = Clock::now();
    auto done = repair::run_repairs(*m_connection, *m_settings.schema, m_settings.repairs, false, m_reporter);
    if (!done) return fail(std::move(done.error().within("repairing")));
    step_done(m_reporter, "repair",
              fmt::format("repairs: {} statement{}", done->statements, done->statements == 1 ? "" : "s"), started);
    return {};
  }

  Result<void> migrate(DeployOutcome& outcome) {
    auto started = Clock::now();
    migrations::RunOptions run;
    run.plan = m_settings.plan;
    run.lock_held = true;
    run.renew_lock = [this] { return m_lock->renew(); };
    // Through a transaction pooler the run takes its lock inside its transaction, with this deadline.
    run.lock_deadline = base::Deadline::after_seconds(m_settings.lock_timeout_s).min(m_settings.deadline);
    run.tx_mode = m_settings.tx_mode;
    run.tool_version = m_settings.tool_version;
    if (m_settings.schema) {
      run.schema_step = [&](bool inside_transaction) -> Result<void> {
        auto synced =
            sync::sync_schema(*m_connection, *m_settings.schema, false, nullptr, m_reporter, inside_transaction);
        if (!synced) return fail(std::move(synced.error()));
        outcome.schema_statements = synced->statements;
        return {};
      };
    }
    auto summary = migrations::run_migrations(*m_connection, *m_target.files, run, m_reporter);
    if (!summary) return fail(std::move(summary.error()));
    outcome.files_applied = summary->applied.size();
    step_done(
        m_reporter, "migrate",
        fmt::format("schema: {} statement{}; SQL files: {} applied, {} already applied", outcome.schema_statements,
                    outcome.schema_statements == 1 ? "" : "s", summary->applied.size(), summary->already_applied),
        started);
    return {};
  }

  // Introspect again: a deploy that leaves something pending has not done its job.
  Result<void> verify() {
    auto started = Clock::now();
    auto plan = migrations::read_plan(*m_connection, *m_target.files);
    if (!plan) return fail(std::move(plan.error().within("verifying")));
    if (auto pending = plan->with(migrations::MigrationStatus::pending); !pending.empty()) {
      return fail(ErrorKind::migration_failed,
                  fmt::format("verifying: {} is still pending after the deploy", pending.front()->file_name));
    }
    if (m_settings.schema) {
      auto schema_plan = sync::plan_schema(*m_connection, *m_settings.schema);
      if (!schema_plan) return fail(std::move(schema_plan.error().within("verifying")));
      if (!schema_plan->empty()) {
        return fail(ErrorKind::migration_failed,
                    "verifying: the Better Auth schema still has changes pending after the deploy (a SQL file "
                    "may have dropped or renamed something Better Auth needs)");
      }
    }
    return verify_accepted(started);
  }

  // Better Auth's runtime check of the schema, the last step of every deploy; on `read` when the live
  // schema was just read.
  Result<void> verify_accepted(Clock::time_point started, const dialect::LiveSchema* read = nullptr) {
    if (m_settings.schema) {
      auto verdict = read ? verify::verify_database(*m_connection, *m_settings.schema, *read)
                          : verify::verify_database(*m_connection, *m_settings.schema);
      if (!verdict) return fail(std::move(verdict.error().within("verifying")));
      if (verdict->refused())
        return fail(Error(ErrorKind::migration_failed,
                          "verifying: Better Auth would refuse the database after the deploy:\n  -> " +
                              verdict->refusals.front().message)
                        .with_hint("`authmigrate verify` lists every finding and the repair that fixes it"));
    }
    step_done(m_reporter, "verify", "verified: nothing pending, Better Auth accepts the schema", started);
    return {};
  }

  const DeployTarget& m_target;
  const DeploySettings& m_settings;
  report::Reporter& m_reporter;
  std::unique_ptr<db::Connection> m_connection;
  migrations::MigrationLock* m_lock = nullptr;  // while run() holds it
};

}  // namespace

DeployOutcome deploy_database(const DeployTarget& target, const DeploySettings& settings, report::Reporter& reporter) {
  auto started = Clock::now();
  DeployOutcome outcome;
  outcome.name = target.name;
  Deployment deployment(target, settings, reporter);
  auto result = deployment.run(outcome);
  outcome.duration_ms = ms_since(started);
  outcome.ok = result.has_value();
  if (!result) outcome.error = std::move(result.error());
  return outcome;
}

}  // namespace authmigrate::deploy
