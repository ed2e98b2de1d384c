#include "core/http/static_files.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

namespace entente::http {
namespace {

std::string ContentTag(const std::string& content) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()), content.size(), nullptr,
                     0);
  std::string hex;
  for (unsigned char byte : hash) hex += fmt::format("{:02x}", byte);
  return "\"" + hex + "\"";
}

}  // namespace

std::string_view MimeTypeFor(std::string_view path) {
  struct Entry {
    std::string_view extension;
    std::string_view mime_type;
  };
  static constexpr Entry kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [extension, mime_type] : kTypes) {
    if (path.ends_with(extension)) return mime_type;
  }
  return "application/octet-stream";
}

void StaticFiles::AddFile(std::string url, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    spdlog::warn("static file {} cannot be read; {} will be 404", file.string(), url);
    return;
  }
  std::ostringstream content;
  content << in.rdbuf();
  File entry;
  entry.content = std::move(content).str();
  entry.etag = ContentTag(entry.content);
  entry.mime_type = MimeTypeFor(file.string());
  files_[std::move(url)] = std::move(entry);
}

void StaticFiles::AddDirectory(std::string_view url_prefix, const std::filesystem::path& directory) {
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file()) continue;
    auto relative = std::filesystem::relative(it->path(), directory).generic_string();
    AddFile(std::string(url_prefix) + relative, it->path());
  }
  if (error) spdlog::warn("static directory {}: {}", directory.string(), error.message());
}

Result<Response> StaticFiles::Serve(const Request& request) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) return Fail(Error::NotFound());
  const File& file = it->second;
  Response response;
  response.SetHeader("ETag", file.etag);
  // Revalidated hourly: URLs carry no content hash, so a long max-age would pin old files.
  response.SetHeader("Cache-Control", "public, max-age=3600");
  response.SetHeader("Content-Type", std::string(file.mime_type));
  if (request.Header("if-none-match") == file.etag) {
    response.status = 304;
    return response;
  }
  response.body = file.content;
  return response;
}

}  // namespace entente::http
