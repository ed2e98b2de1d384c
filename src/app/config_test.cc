#include "app/config.h"

#include <gtest/gtest.h>

#include <fstream>

namespace entente::app {
namespace {

std::filesystem::path WriteFile(std::string_view name, std::string_view content) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << content;
  return path;
}

TEST(ConfigTest, DefaultsAreDocumented) {
  auto config = Config::Load(std::nullopt, {});
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config->database_url, "sqlite://var/entente.db");
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_TRUE(config->access_log);
  EXPECT_EQ(config->header_timeout_seconds, 10);
}

TEST(ConfigTest, EnvironmentOverridesFile) {
  auto file = WriteFile("entente-config-test.toml",
                        "[database]\nurl = \"sqlite:///tmp/a.db\"\npool_size = 8\n[http]\nlisten = \"0.0.0.0:9000\"\n"
                        "behind_tls = true\n");
  auto config = Config::Load(file, {{"ENTENTE_DATABASE_URL", "postgresql://u@127.0.0.1:5432/entente"}});
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config->database_url, "postgresql://u@127.0.0.1:5432/entente");
  EXPECT_EQ(config->database_pool_size, 8);
  EXPECT_EQ(config->listen, "0.0.0.0:9000");
  EXPECT_TRUE(config->behind_tls);
  auto address = config->ListenAddress();
  ASSERT_TRUE(address);
  EXPECT_EQ(address->first, "0.0.0.0");
  EXPECT_EQ(address->second, 9000);
}

TEST(ConfigTest, RejectsWhatItDoesNotKnowNamingTheSetting) {
  struct Case {
    std::string toml;
    std::map<std::string, std::string> environment;
    std::string mentions;
  };
  for (const auto& [toml, environment, mentions] : std::vector<Case>{
           {"[http]\nlisten = \"nowhere\"\n", {}, "http.listen"},
           {"[http]\nthreds = 2\n", {}, "http.threds"},
           {"[http]\nthreads = \"many\"\n", {}, "http.threads"},
           {"", {{"ENTENTE_ACCESS_LOG", "maybe"}}, "ENTENTE_ACCESS_LOG"},
           {"", {{"ENTENTE_LISTEN", "127.0.0.1:99999"}}, "port"},
           {"", {{"ENTENTE_DATABASE_URL", "mysql://x"}}, "database.url"},
           {"[http\n", {}, "entente-config-bad.toml"},
           {"[demo]\non_first_start = true\n", {}, "entente seed demo"},
           {"", {{"ENTENTE_METRICS_ALLOW", "10.0.0.5, prometheus.local"}}, "ENTENTE_METRICS_ALLOW"},
           {"", {{"ENTENTE_TRUSTED_PROXIES", "10.0.0.0/40"}}, "10.0.0.0/40"},
           {"[sessions]\nsign_in_failures_per_account = 100\n", {}, "sign_in_failures_before_delay"},
           {"[sessions]\nsign_in_failures_per_address = 300\n", {}, "sign_in_attempts_per_address"},
           {"", {{"ENTENTE_SIGN_IN_MAX_DELAY_SECONDS", "0"}}, "ENTENTE_SIGN_IN_MAX_DELAY_SECONDS"},
       }) {
    auto file = WriteFile("entente-config-bad.toml", toml);
    auto config = Config::Load(file, environment);
    ASSERT_FALSE(config) << toml;
    EXPECT_EQ(config.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(config.error().message().find(mentions), std::string::npos) << config.error().message();
  }
}

TEST(ConfigTest, TheExampleFileIsValidAndMatchesTheDefaults) {
  auto example =
      Config::Load(std::filesystem::path(ENTENTE_DEFAULT_WEB_DIR).parent_path() / "entente.example.toml", {});
  ASSERT_TRUE(example) << example.error().message();
  auto defaults = Config::Load(std::nullopt, {});
  EXPECT_EQ(example->database_url, defaults->database_url);
  EXPECT_EQ(example->listen, defaults->listen);
  EXPECT_EQ(example->idle_timeout_seconds, defaults->idle_timeout_seconds);
  EXPECT_EQ(example->shutdown_grace_seconds, defaults->shutdown_grace_seconds);
  EXPECT_EQ(example->access_log, defaults->access_log);
  EXPECT_EQ(example->metrics_allow, defaults->metrics_allow);
  EXPECT_TRUE(example->metrics_allow.empty());
  EXPECT_EQ(example->trusted_proxies, defaults->trusted_proxies);
  EXPECT_EQ(example->sign_in_failures_before_delay, defaults->sign_in_failures_before_delay);
  EXPECT_EQ(example->sign_in_max_delay_seconds, defaults->sign_in_max_delay_seconds);
  EXPECT_EQ(example->sign_in_attempts_per_address, defaults->sign_in_attempts_per_address);
  EXPECT_EQ(example->uploads_per_address, defaults->uploads_per_address);
  EXPECT_EQ(example->temp_dir, defaults->temp_dir);
}

TEST(ConfigTest, UploadsPerAddressAndTheTemporaryDirectory) {
  auto defaults = Config::Load(std::nullopt, {});
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->uploads_per_address, 2);
  EXPECT_FALSE(defaults->TemporaryDirectory().empty()) << "the system's when not set";
  auto config = Config::Load(std::nullopt, {{"ENTENTE_UPLOADS_PER_ADDRESS", "5"}, {"ENTENTE_TEMP_DIR", "/var/tmp/x"}});
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config->uploads_per_address, 5);
  EXPECT_EQ(config->TemporaryDirectory(), std::filesystem::path("/var/tmp/x"));
  auto refused = Config::Load(std::nullopt, {{"ENTENTE_UPLOADS_PER_ADDRESS", "0"}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message().find("ENTENTE_UPLOADS_PER_ADDRESS"), std::string::npos);
}

TEST(ConfigTest, MetricsAllowListsAddresses) {
  auto file = WriteFile("entente-config-metrics.toml", "[metrics]\nallow = \" 10.0.0.5 ,2001:DB8::7\"\n");
  auto config = Config::Load(file, {});
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config->metrics_allow, (std::vector<std::string>{"10.0.0.5", "2001:db8::7"}));
}

TEST(ConfigTest, TrustedProxiesTakeAddressesAndRanges) {
  auto config = Config::Load(std::nullopt, {{"ENTENTE_TRUSTED_PROXIES", "10.0.0.0/8, ::1,192.0.2.7"}});
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config->trusted_proxies, (std::vector<std::string>{"10.0.0.0/8", "::1", "192.0.2.7"}));
  EXPECT_TRUE(Config::Load(std::nullopt, {})->trusted_proxies.empty()) << "nobody is trusted by default";
}

TEST(ConfigTest, ParsesIpv6Listen) {
  auto config = Config::Load(std::nullopt, {{"ENTENTE_LISTEN", "[::1]:8081"}});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->ListenAddress()->first, "::1");
}

}  // namespace
}  // namespace entente::app
