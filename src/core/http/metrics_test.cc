#include "core/http/metrics.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

TEST(MetricsTest, CountsAndBucketsRequests) {
  Metrics metrics;
  metrics.Record("/", "GET", 200, 0.0004);
  metrics.Record("/", "GET", 200, 0.03);
  metrics.Record("/", "GET", 500, 2.0);
  metrics.Record("/a\"b", "POST", 303, 0.002);
  std::string text = metrics.Render();
  EXPECT_NE(text.find("entente_http_requests_total{route=\"/\",method=\"GET\",status=\"200\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("entente_http_requests_total{route=\"/\",method=\"GET\",status=\"500\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("entente_http_request_duration_seconds_bucket{route=\"/\",le=\"0.001\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("entente_http_request_duration_seconds_bucket{route=\"/\",le=\"0.05\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("entente_http_request_duration_seconds_bucket{route=\"/\",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("entente_http_request_duration_seconds_count{route=\"/\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("route=\"/a\\\"b\""), std::string::npos) << "label values are escaped";
}

}  // namespace
}  // namespace entente::http
