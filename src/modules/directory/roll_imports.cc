#include "modules/directory/roll_imports.h"

#include "core/auth/secrets.h"
#include "core/base/messages.h"

namespace entente::directory {
namespace {

constexpr auto kKeepFinished = std::chrono::hours(1);

}  // namespace

RollImports::~RollImports() {
  for (auto& [id, thread] : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void RollImports::ForgetOldLocked() {
  // A finished import's thread has left the lock for good: joining it does not wait.
  for (auto it = threads_.begin(); it != threads_.end();) {
    auto job = jobs_.find(it->first);
    if (job == jobs_.end() || job->second->finished) {
      it->second.join();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  auto now = std::chrono::steady_clock::now();
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->second->finished && now - it->second->finished_at > kKeepFinished) {
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

Result<std::string> RollImports::Start(const auth::Actor& actor, const std::string& bar_slug, std::string csv) {
  std::lock_guard lock(mutex_);
  ForgetOldLocked();
  size_t running = 0;
  for (const auto& [id, job] : jobs_) running += job->finished ? 0 : 1;
  if (running >= max_running_) {
    return Fail(
        Error::TooManyRequests(N_("Other imports are running. Please try again in a minute.")).WithRetryAfter(60));
  }
  std::string id = auth::NewSecretHex().substr(0, 32);
  auto job = std::make_shared<Job>();
  job->bar_slug = bar_slug;
  job->user = actor.user();
  jobs_[id] = job;
  threads_[id] = std::thread([this, job, actor, bar_slug, csv = std::move(csv)] {
    auto report = roll_.Import(actor, bar_slug, csv, ImportMode::kWrite, [&](size_t done, size_t total) {
      job->total = total;
      job->done = done;
    });
    std::lock_guard lock(mutex_);
    if (report) {
      job->report = std::move(*report);
    } else {
      job->error = report.error();
    }
    job->finished_at = std::chrono::steady_clock::now();
    job->finished = true;
  });
  return id;
}

std::optional<RollImports::Progress> RollImports::Find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  const Job& job = *it->second;
  Progress progress{job.bar_slug, job.user, job.done, job.total, job.finished, std::nullopt, std::nullopt};
  if (job.finished) {
    progress.report = job.report;
    progress.error = job.error;
  }
  return progress;
}

}  // namespace entente::directory
