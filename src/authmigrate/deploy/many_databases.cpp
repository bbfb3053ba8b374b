#include <authmigrate/deploy/many_databases.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

#include <authmigrate/base/interrupt.hpp>

namespace authmigrate::deploy {

void NamedReporter::emit(const report::Event& event) {
  report::Event named = event;
  named.message = "[" + m_name + "] " + event.message;
  named.fields["database"] = m_name;
  m_inner.emit(named);
}

std::vector<DeployOutcome> deploy_databases(const std::vector<DeployTarget>& targets, const DeploySettings& settings,
                                            const ManyOptions& options, report::Reporter& reporter) {
  std::vector<DeployOutcome> outcomes(targets.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  bool name_events = targets.size() > 1;
  auto worker = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= targets.size()) return;
      const auto& target = targets[i];
      if ((options.fail_fast && failed.load()) || base::stop_requested()) {
        outcomes[i].name = target.name;
        outcomes[i].error = Error(ErrorKind::interrupted, "skipped: an earlier database failed (--fail-fast)");
        if (base::stop_requested()) outcomes[i].error = base::stop_error();
        continue;
      }
      NamedReporter named(reporter, target.name);
      outcomes[i] = deploy_database(target, settings, name_events ? static_cast<report::Reporter&>(named) : reporter);
      if (!outcomes[i].ok) failed = true;
    }
  };
  size_t threads = std::clamp<size_t>(static_cast<size_t>(std::max(1, options.jobs)), 1, targets.size());
  if (threads <= 1) {
    worker();
    return outcomes;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& thread : pool) thread.join();
  return outcomes;
}

}  // namespace authmigrate::deploy
