// Deploying many databases (tenants) at once: at most `jobs` at a time, each on its own thread and
// connection; one failing does not stop the others unless `fail_fast`.
#pragma once

#include <vector>

#include <authmigrate/deploy/pipeline.hpp>

namespace authmigrate::deploy {

struct ManyOptions {
  int jobs = 1;
  bool fail_fast = false;
};

// Outcomes in the order of `targets`. Skipped targets (after a failure with fail_fast, or a stop
// request) come back not ok with an error saying so.
std::vector<DeployOutcome> deploy_databases(const std::vector<DeployTarget>& targets, const DeploySettings& settings,
                                            const ManyOptions& options, report::Reporter& reporter);

// Adds the database's name to every event ("[acme] applied ..."; field "database" in JSON).
class NamedReporter final : public report::Reporter {
 public:
  NamedReporter(report::Reporter& inner, std::string name) : m_inner(inner), m_name(std::move(name)) {}
  void emit(const report::Event& event) override;

 private:
  report::Reporter& m_inner;
  std::string m_name;
};

}  // namespace authmigrate::deploy
