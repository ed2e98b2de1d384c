#pragma once
// Static files (CSS, scripts, fonts), read into memory at start-up: they are few and small.
// Served with a strong ETag, Cache-Control and the MIME type of their extension; a matching
// If-None-Match gets 304.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/base/error.h"
#include "core/http/request.h"

namespace entente::http {

std::string_view MimeTypeFor(std::string_view path);

class StaticFiles {
 public:
  // Adds every regular file under `directory` as `url_prefix` + its relative path. Files that
  // cannot be read are skipped with a warning.
  void AddDirectory(std::string_view url_prefix, const std::filesystem::path& directory);
  // Adds one file under a URL of its own (e.g. a file from an npm package).
  void AddFile(std::string url, const std::filesystem::path& file);

  // kNotFound when no file has that URL.
  Result<Response> Serve(const Request& request) const;

  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string etag;
    std::string_view mime_type;
  };
  std::unordered_map<std::string, File> files_;
};

}  // namespace entente::http
