// Large request bodies (uploads and CSV rolls) on the backend of this run: received into a
// nameless temporary file rather than memory, handled from it, gone when the request ends — also
// when the client leaves mid-body —, and at most `http.uploads_per_address` at a time from one
// client address (one more is answered 429 before its body is read).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/http/body_file.h"
#include "harness.h"

namespace entente::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A connection held open by the test, to send a request a piece at a time.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) : fd_(ConnectLoopback(port)) {
    if (fd_ < 0) ADD_FAILURE() << "connect";
  }
  ~RawConnection() { Close(); }
  bool Send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }
  // What the server sends until it closes the connection or `timeout` passes.
  std::string Read(std::chrono::milliseconds timeout) { return ReadUntilClosed(fd_, timeout); }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Descriptors of this process (the server runs in it) open on body files of `directory`, and
// the names left in it.
// (A body file may be open twice while it is written: the parser writes through its own
// descriptor. Files are counted by their former names, each unique.)
int OpenBodyFiles(const std::filesystem::path& directory) {
  std::set<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    auto target = std::filesystem::read_symlink(entry.path(), error);
    if (!error && target.string().starts_with((directory / http::BodyFile::kNamePrefix).string())) {
      files.insert(target.string());
    }
  }
  return static_cast<int>(files.size());
}

int NamesLeft(const std::filesystem::path& directory) {
  int count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) ++count;
  return count;
}

// Waits up to 5 s for `condition`.
template <typename Condition>
bool Eventually(Condition condition) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

constexpr const char* kBoundary = "----entente-upload-boundary";

// A roll upload (dry run) of `csv`, as a browser sends it.
std::string RollBody(const Browser& browser, const std::string& csv) {
  std::string boundary = kBoundary;
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + browser.csrf_token +
         "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n--" + boundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roll.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
         csv + "\r\n--" + boundary + "--\r\n";
}

std::string RollHeader(const Browser& browser, size_t content_length) {
  return fmt::format(
      "POST /organizations/paris-bar/roll HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: {}\r\n"
      "Content-Type: multipart/form-data; boundary={}\r\nContent-Length: {}\r\n\r\n",
      browser.CookieHeader(), kBoundary, content_length);
}

// A roll of `rows` lawyers (about 40 bytes a row).
std::string Roll(int rows) {
  std::string csv = "roll_number,name,city\n";
  for (int i = 0; i < rows; ++i) csv += fmt::format("UP-{:07},Upload Person {},Paris\n", i, i);
  return csv;
}

class UploadTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new std::filesystem::path(TemporaryDirectory() / "bodies");
    std::filesystem::create_directories(*directory_);
    server_ = TestServer::StartOwn("uploads", [](app::Config& config) {
                config.temp_dir = *directory_;
                config.uploads_per_address = 2;
              }).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::filesystem::path* directory_;
  static TestServer* server_;
};

std::filesystem::path* UploadTest::directory_ = nullptr;
TestServer* UploadTest::server_ = nullptr;

TEST_F(UploadTest, ALargeRollIsReadFromItsFileAndTheFileIsGoneAfterwards) {
  Browser admin = SignedInBrowser(server_->port(), "paris.admin@demo.entente.example");
  ASSERT_EQ(admin.Get("/organizations/paris-bar/roll").status, 200);
  // Over 3 MiB: beyond the 1 MiB that is read into memory.
  std::string csv = Roll(90'000);
  ASSERT_GT(csv.size(), 3u << 20);
  auto checked = Request(admin.port, "POST", "/organizations/paris-bar/roll",
                         {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary},
                          {"Cookie", admin.CookieHeader() + "; lang=en"}},
                         RollBody(admin, csv));
  EXPECT_EQ(checked.status, 200) << checked.body.substr(0, 500);
  EXPECT_TRUE(Contains(checked.body, "Rows: 90,000")) << "every row was read from the file";
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 0; }));
  EXPECT_EQ(NamesLeft(*directory_), 0);
  // A CSRF token read from the file too: a forged one is refused.
  Browser forged = admin;
  forged.csrf_token = "forged";
  auto refused = Request(
      admin.port, "POST", "/organizations/paris-bar/roll",
      {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}, {"Cookie", admin.CookieHeader()}},
      RollBody(forged, csv));
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 0; }));
}

TEST_F(UploadTest, AThirdConcurrentUploadFromOneAddressIs429AndALeaverFreesItsPlace) {
  Browser admin = SignedInBrowser(server_->port(), "paris.admin@demo.entente.example");
  ASSERT_EQ(admin.Get("/organizations/paris-bar/roll").status, 200);
  std::string body = RollBody(admin, Roll(60'000));  // about 2.4 MiB
  std::string header = RollHeader(admin, body.size());
  // Two uploads under way, each with half of its body sent: each is being received into a file.
  RawConnection first(server_->port()), second(server_->port());
  ASSERT_TRUE(first.Send(header + body.substr(0, body.size() / 2)));
  ASSERT_TRUE(second.Send(header + body.substr(0, body.size() / 2)));
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 2; }))
      << "two bodies in temporary files: " << OpenBodyFiles(*directory_);
  EXPECT_EQ(NamesLeft(*directory_), 0) << "the files have no name while they are written";
  // A third, from the same address: 429 with Retry-After, from its header alone.
  RawConnection third(server_->port());
  ASSERT_TRUE(third.Send(header));
  auto started = std::chrono::steady_clock::now();
  auto refused = ParseResponse(third.Read(std::chrono::seconds(5)));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3)) << "answered without its body";
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.Header("retry-after").empty());
  EXPECT_EQ(OpenBodyFiles(*directory_), 2) << "no file for the refused one";
  // Small requests from the same address are not held back.
  EXPECT_EQ(admin.Get("/organizations/paris-bar/roll").status, 200);
  // The first client leaves mid-body: its file is closed (and had no name), its place freed.
  first.Close();
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 1; })) << OpenBodyFiles(*directory_);
  // The second finishes: handled from its file.
  ASSERT_TRUE(second.Send(body.substr(body.size() / 2)));
  auto done = ParseResponse(second.Read(std::chrono::seconds(30)));
  EXPECT_EQ(done.status, 200) << done.body.substr(0, 300);
  // And now a new one fits again.
  auto again = Request(
      admin.port, "POST", "/organizations/paris-bar/roll",
      {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}, {"Cookie", admin.CookieHeader()}},
      body);
  EXPECT_EQ(again.status, 200);
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 0; })) << OpenBodyFiles(*directory_);
  EXPECT_EQ(NamesLeft(*directory_), 0) << "nothing left in the temporary directory";
}

// Behind a trusted proxy every upload comes from the proxy's address: the cap counts the
// forwarded client instead, as the sign-in limits do.
TEST(UploadLimitTest, BehindATrustedProxyTheForwardedClientIsCounted) {
  auto directory = TemporaryDirectory() / "bodies-proxied";
  std::filesystem::create_directories(directory);
  auto server = TestServer::StartOwn("uploads_proxied", [&](app::Config& config) {
    config.temp_dir = directory;
    config.uploads_per_address = 1;
    config.trusted_proxies = {"127.0.0.1"};
  });
  Browser admin = SignedInBrowser(server->port(), "paris.admin@demo.entente.example");
  ASSERT_EQ(admin.Get("/organizations/paris-bar/roll").status, 200);
  std::string body = RollBody(admin, Roll(60'000));
  auto header = [&](const std::string& client) {
    std::string plain = RollHeader(admin, body.size());
    return plain.substr(0, plain.size() - 2) + "X-Forwarded-For: " + client + "\r\n\r\n";
  };
  // Two clients behind the proxy, one upload each: both are received.
  RawConnection first(server->port()), second(server->port());
  ASSERT_TRUE(first.Send(header("198.51.100.1") + body.substr(0, body.size() / 2)));
  ASSERT_TRUE(second.Send(header("198.51.100.2") + body.substr(0, body.size() / 2)));
  EXPECT_TRUE(Eventually([&] { return OpenBodyFiles(directory) == 2; })) << OpenBodyFiles(directory);
  // A second upload of the first client: refused.
  RawConnection third(server->port());
  ASSERT_TRUE(third.Send(header("198.51.100.1")));
  EXPECT_EQ(ParseResponse(third.Read(std::chrono::seconds(5))).status, 429);
  first.Close();
  second.Close();
  EXPECT_TRUE(Eventually([&] { return OpenBodyFiles(directory) == 0; })) << OpenBodyFiles(directory);
}

TEST_F(UploadTest, ADocumentUploadIsStoredWholeFromItsFile) {
  Browser coordinator = SignedInBrowser(server_->port(), "paris.coordinator@demo.entente.example");
  ASSERT_EQ(coordinator.Get("/agreements/paris-almaty-2014").status, 200);
  // A 5 MiB PDF (magic bytes first; the rest is padding a PDF may carry).
  std::string pdf = "%PDF-1.4\n" + std::string(5u << 20, 'x') + "\n%%EOF\n";
  std::string boundary = kBoundary;
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                     coordinator.csrf_token + "\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nfr\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.pdf\"\r\n"
                     "Content-Type: application/pdf\r\n\r\n" +
                     pdf + "\r\n--" + boundary + "--\r\n";
  auto uploaded = Request(
      coordinator.port, "POST", "/agreements/paris-almaty-2014/documents",
      {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", coordinator.CookieHeader()}}, body);
  ASSERT_EQ(uploaded.status, 303) << uploaded.body.substr(0, 300);
  auto page = coordinator.Get("/agreements/paris-almaty-2014");
  size_t at = page.body.find("large.pdf");
  ASSERT_NE(at, std::string::npos);
  size_t link = page.body.rfind("/agreements/paris-almaty-2014/documents/", at);
  ASSERT_NE(link, std::string::npos);
  std::string download = page.body.substr(link, page.body.find('"', link) - link);
  auto file = Get(server_->port(), download, {{"Cookie", coordinator.CookieHeader()}});
  EXPECT_EQ(file.status, 200) << download;
  EXPECT_EQ(file.body.size(), pdf.size());
  EXPECT_TRUE(file.body == pdf);
  EXPECT_TRUE(Eventually([] { return OpenBodyFiles(*directory_) == 0; }));
}

}  // namespace
}  // namespace entente::testing
