#pragma once
// Roll imports that run in the background, so that the page can show their progress: the file
// is checked first (a file with problems is answered at once, nothing started), then written by
// a thread of this registry while the page polls its progress. Imports live in this process's
// memory for an hour after they finish; at most `max_running` run at once.

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "modules/directory/roll_service.h"

namespace entente::directory {

class RollImports {
 public:
  explicit RollImports(RollService& roll, size_t max_running = 2) : roll_(roll), max_running_(max_running) {}
  // Waits for the imports still running (each is one transaction: it commits or rolls back).
  ~RollImports();
  RollImports(const RollImports&) = delete;
  RollImports& operator=(const RollImports&) = delete;

  // Starts writing an already-checked file; the id to follow it by. kResourceExhausted when
  // `max_running` imports are running.
  Result<std::string> Start(const auth::Actor& actor, const std::string& bar_slug, std::string csv);

  struct Progress {
    std::string bar_slug;
    UserId user;
    size_t done = 0;
    size_t total = 0;
    bool finished = false;
    std::optional<RollImportReport> report;  // when finished without an error
    std::optional<Error> error;              // when finished with one
  };
  // The import's state, if there is one with that id.
  std::optional<Progress> Find(const std::string& id) const;

 private:
  struct Job {
    std::string bar_slug;
    UserId user;
    std::atomic<size_t> done{0};
    std::atomic<size_t> total{0};
    std::atomic<bool> finished{false};
    std::optional<RollImportReport> report;  // written before `finished` is set
    std::optional<Error> error;
    std::chrono::steady_clock::time_point finished_at;
  };
  void ForgetOldLocked();

  RollService& roll_;
  size_t max_running_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::map<std::string, std::thread> threads_;
};

}  // namespace entente::directory
