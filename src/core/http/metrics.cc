#include "core/http/metrics.h"

#include <fmt/format.h>

namespace entente::http {
namespace {

// Label values are route patterns from our own table, but escape them as the format requires.
std::string EscapeLabel(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  auto it = latency_.find(route);
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& histogram = it->second;
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::RecordRefusedWrite(std::string_view route, std::string_view method, int status) {
  std::lock_guard lock(mutex_);
  ++refused_writes_[{std::string(route), std::string(method), status}];
}

std::string Metrics::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP entente_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE entente_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format("entente_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                       EscapeLabel(route), method, status, count);
  }
  out += "# HELP entente_http_request_duration_seconds Time to handle a request, by route.\n";
  out += "# TYPE entente_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    std::string label = EscapeLabel(route);
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("entente_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                         kBucketsSeconds[i], histogram.buckets[i]);
    }
    out += fmt::format("entente_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
                       histogram.count);
    out += fmt::format("entente_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", label, histogram.sum);
    out += fmt::format("entente_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, histogram.count);
  }
  out += "# HELP entente_refused_writes_total State-changing requests refused for who made them, by route.\n";
  out += "# TYPE entente_refused_writes_total counter\n";
  for (const auto& [key, count] : refused_writes_) {
    const auto& [route, method, status] = key;
    out += fmt::format("entente_refused_writes_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                       EscapeLabel(route), method, status, count);
  }
  return out;
}

}  // namespace entente::http
