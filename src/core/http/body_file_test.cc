#include "core/http/body_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace entente::http {
namespace {

std::filesystem::path FreshDirectory(const std::string& name) {
  auto directory = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

TEST(BodyFileTest, IsNamelessPrivateAndMapsWhatWasWritten) {
  auto directory = FreshDirectory("entente-body-file-test");
  auto file = BodyFile::Create(directory);
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_TRUE(std::filesystem::is_empty(directory)) << "its name is removed at once";
  struct stat status {};
  ASSERT_EQ(::fstat((*file)->descriptor(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
  EXPECT_EQ(status.st_nlink, 0u);
  EXPECT_TRUE((*file)->content().empty());
  std::string body = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + std::string(100'000, 'x');
  ASSERT_EQ(::write((*file)->descriptor(), body.data(), body.size()), static_cast<ssize_t>(body.size()));
  ASSERT_TRUE((*file)->Map());
  EXPECT_EQ((*file)->content(), body);
  file->reset();
  EXPECT_TRUE(std::filesystem::is_empty(directory));
  std::filesystem::remove_all(directory);
}

TEST(BodyFileTest, AnEmptyBodyMapsToAnEmptyView) {
  auto directory = FreshDirectory("entente-body-file-empty");
  auto file = BodyFile::Create(directory);
  ASSERT_TRUE(file);
  ASSERT_TRUE((*file)->Map());
  EXPECT_TRUE((*file)->content().empty());
  std::filesystem::remove_all(directory);
}

TEST(BodyFileTest, AMissingDirectoryIsAnInternalError) {
  auto file = BodyFile::Create("/nonexistent/entente/temporary");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code(), ErrorCode::kInternal);
}

}  // namespace
}  // namespace entente::http
