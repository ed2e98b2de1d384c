#include "modules/agreements/documents.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/base/messages.h"

namespace entente::agreements {
namespace {

std::uint32_t Read32(std::string_view bytes, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}
std::uint16_t Read16(std::string_view bytes, size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1])
                                                                                << 8);
}

struct ZipEntries {
  std::set<std::string> names;
  bool too_large = false;
};

// Reads a zip file's central directory (entry names and sizes), without inflating anything.
std::optional<ZipEntries> ReadZip(std::string_view bytes) {
  constexpr size_t kEndRecord = 22;
  if (bytes.size() < kEndRecord) return std::nullopt;
  size_t lowest = bytes.size() > kEndRecord + 65535 ? bytes.size() - kEndRecord - 65535 : 0;
  size_t end = std::string_view::npos;
  for (size_t at = bytes.size() - kEndRecord + 1; at-- > lowest;) {
    if (Read32(bytes, at) == 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return std::nullopt;
  std::uint16_t count = Read16(bytes, end + 10);
  std::uint32_t size = Read32(bytes, end + 12);
  std::uint32_t offset = Read32(bytes, end + 16);
  if (offset == 0xFFFFFFFF || static_cast<unsigned long long>(offset) + size > end) return std::nullopt;
  ZipEntries entries;
  unsigned long long expanded = 0, compressed = 0;
  size_t at = offset;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (at + 46 > end || Read32(bytes, at) != 0x02014b50) return std::nullopt;
    std::uint32_t packed = Read32(bytes, at + 20);
    std::uint32_t unpacked = Read32(bytes, at + 24);
    std::uint16_t name_length = Read16(bytes, at + 28);
    std::uint16_t extra_length = Read16(bytes, at + 30);
    std::uint16_t comment_length = Read16(bytes, at + 32);
    if (at + 46 + name_length > end) return std::nullopt;
    // ZIP64 sizes: far beyond what a signed text needs.
    if (packed == 0xFFFFFFFF || unpacked == 0xFFFFFFFF) entries.too_large = true;
    expanded += unpacked;
    compressed += packed;
    entries.names.emplace(bytes.substr(at + 46, name_length));
    at += 46u + name_length + extra_length + comment_length;
  }
  if (expanded > kMaxExpandedBytes || (expanded > (1u << 20) && expanded > kMaxExpansionRatio * (compressed + 1))) {
    entries.too_large = true;
  }
  return entries;
}

// ODF puts an uncompressed "mimetype" entry first, holding the media type.
bool IsOdt(std::string_view bytes) {
  constexpr std::string_view kMediaType = "application/vnd.oasis.opendocument.text";
  if (bytes.size() < 30) return false;
  std::uint16_t name_length = Read16(bytes, 26);
  std::uint16_t extra_length = Read16(bytes, 28);
  size_t data = 30u + name_length + extra_length;
  return name_length == 8 && bytes.substr(30, 8) == "mimetype" && bytes.size() >= data + kMediaType.size() &&
         bytes.substr(data, kMediaType.size()) == kMediaType &&
         (bytes.size() == data + kMediaType.size() || bytes[data + kMediaType.size()] != '-');
}

std::string Extension(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension;
}

Error FileProblem(const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{"file", message}});
}

}  // namespace

Result<DocumentType> RecognizeDocument(std::string_view file_name, std::string_view content) {
  if (content.empty()) return Fail(FileProblem(N_("Choose a file to upload.")));
  if (content.size() > kMaxDocumentBytes) return Fail(FileProblem(N_("The file is too large (at most 20 MB).")));
  if (file_name.empty() || file_name.size() > 200)
    return Fail(FileProblem(N_("The file needs a name (at most 200 characters).")));
  std::string extension = Extension(file_name);
  std::optional<DocumentType> named = ParseDocumentType(extension);
  if (!named) return Fail(FileProblem(N_("Upload a PDF, DOCX or ODT file.")));
  std::optional<DocumentType> found;
  if (content.starts_with("%PDF-")) {
    found = DocumentType::kPdf;
  } else if (content.starts_with(std::string_view("PK\x03\x04", 4))) {
    auto zip = ReadZip(content);
    if (!zip) return Fail(FileProblem(N_("The file's content is not what its name says.")));
    if (zip->too_large) return Fail(FileProblem(N_("The file would expand too far when opened; it is refused.")));
    if (IsOdt(content)) {
      found = DocumentType::kOdt;
    } else if (zip->names.contains("[Content_Types].xml") && zip->names.contains("word/document.xml")) {
      found = DocumentType::kDocx;
    }
  }
  if (!found || *found != *named) return Fail(FileProblem(N_("The file's content is not what its name says.")));
  return *found;
}

}  // namespace entente::agreements
