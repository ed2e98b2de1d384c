#pragma once
// A request body received into a temporary file instead of memory (the upload and CSV routes,
// whose bodies may reach 50 MiB; see server.h).
//
// The file is created in the configured temporary directory with O_CREAT | O_EXCL, mode 0600,
// and its name is removed at once: only the descriptor holds it, so it disappears when the
// request ends on every path — answered, refused, failed, the client gone mid-body, the process
// killed. Once the body is complete it is mapped read-only, and handlers read it as one view
// without copying it into the heap.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/base/error.h"

namespace entente::http {

class BodyFile {
 public:
  // The file names begin with this, so that a leftover would be recognised.
  static constexpr std::string_view kNamePrefix = "entente-body-";

  // An empty, unnamed file in `directory`; kInternal when it cannot be created there.
  static Result<std::unique_ptr<BodyFile>> Create(const std::filesystem::path& directory);
  ~BodyFile();
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;

  // The descriptor to write the body into (the caller may dup it; this object closes its own).
  int descriptor() const { return descriptor_; }

  // Maps what was written, read-only; call once the body is complete. kInternal on failure.
  Status Map();
  // The body, valid while this object lives: empty before Map() or for an empty body.
  std::string_view content() const { return {static_cast<const char*>(mapping_), size_}; }

 private:
  explicit BodyFile(int descriptor) : descriptor_(descriptor) {}
  int descriptor_ = -1;
  void* mapping_ = nullptr;
  size_t size_ = 0;
};

}  // namespace entente::http
