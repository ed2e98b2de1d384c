#pragma once
// Request counters and a latency histogram, exposed at GET /metrics in the Prometheus text
// format. Labels are route patterns, never raw paths, so the number of series stays bounded.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace entente::http {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBucketsSeconds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                             0.1,   0.25,   0.5,   1.0,  5.0};

  // Thread-safe.
  void Record(std::string_view route, std::string_view method, int status, double seconds);
  // A state-changing request refused for who made it (401, 403, or 404 for a record not found
  // or not visible): entente_refused_writes_total{route, method, status}.
  void RecordRefusedWrite(std::string_view route, std::string_view method, int status);
  std::string Render() const;

 private:
  struct Histogram {
    std::array<unsigned long long, kBucketsSeconds.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> refused_writes_;
};

}  // namespace entente::http
