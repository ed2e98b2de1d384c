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

// One counter keyed by (route, method, status), in the exposition format.
void AppendCounter(std::string& out, std::string_view name, std::string_view help,
                   const std::map<std::tuple<std::string, std::string, int>, unsigned long long>& counts) {
  out += fmt::format("# HELP {} {}\n# TYPE {} counter\n", name, help, name);
  for (const auto& [key, count] : counts) {
    const auto& [route, method, status] = key;
    out += fmt::format("{}{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", name, EscapeLabel(route), method,
                       status, count);
  }
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
  AppendCounter(out, "entente_http_requests_total", "HTTP requests by route, method and status.", requests_);
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
  AppendCounter(out, "entente_refused_writes_total",
                "State-changing requests refused for who made them, by route.", refused_writes_);
  return out;
}

}  // namespace entente::http
