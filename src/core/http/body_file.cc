#include "core/http/body_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace entente::http {

Result<std::unique_ptr<BodyFile>> BodyFile::Create(const std::filesystem::path& directory) {
  // A random name, created exclusively (never an existing file or a planted link), then
  // unlinked: the descriptor is all that is left of it.
  for (int attempt = 0; attempt < 8; ++attempt) {
    unsigned char random[12];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    std::filesystem::path path = directory / (std::string(kNamePrefix) + hex);
    int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (descriptor < 0) {
      if (errno == EEXIST) continue;
      return Fail(Error::Internal(
          fmt::format("cannot create a temporary file in {}: {}", directory.string(), std::strerror(errno))));
    }
    if (::unlink(path.c_str()) != 0) {
      int error = errno;
      ::close(descriptor);
      return Fail(Error::Internal(fmt::format("cannot unlink {}: {}", path.string(), std::strerror(error))));
    }
    return std::unique_ptr<BodyFile>(new BodyFile(descriptor));
  }
  return Fail(Error::Internal("cannot find a free temporary file name in " + directory.string()));
}

BodyFile::~BodyFile() {
  if (mapping_ != nullptr) ::munmap(mapping_, size_);
  if (descriptor_ >= 0) ::close(descriptor_);
}

Status BodyFile::Map() {
  struct stat status {};
  if (::fstat(descriptor_, &status) != 0) return Fail(Error::Internal(std::string("fstat: ") + std::strerror(errno)));
  if (status.st_size == 0) return {};
  void* mapping = ::mmap(nullptr, static_cast<size_t>(status.st_size), PROT_READ, MAP_PRIVATE, descriptor_, 0);
  if (mapping == MAP_FAILED) return Fail(Error::Internal(std::string("mmap: ") + std::strerror(errno)));
  // Read once, front to back, by the multipart parser and the handler.
  ::madvise(mapping, static_cast<size_t>(status.st_size), MADV_SEQUENTIAL);
  mapping_ = mapping;
  size_ = static_cast<size_t>(status.st_size);
  return {};
}

}  // namespace entente::http
