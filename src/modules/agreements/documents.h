#pragma once
// Uploaded documents (docs/SECURITY.md 14): what a signed text may be, recognized from its bytes
// rather than its name. Kept apart from the other rules so that a fuzz harness links it alone.

#include <string_view>

#include "core/base/error.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

inline constexpr size_t kMaxDocumentBytes = 20 << 20;
// A DOCX or ODT whose entries would expand beyond this, or more than this many times their
// compressed size, is refused as a possible decompression bomb.
inline constexpr unsigned long long kMaxExpandedBytes = 200ull << 20;
inline constexpr unsigned long long kMaxExpansionRatio = 100;

// The type of a document from its bytes (magic numbers and, for zip files, the entries that
// make a DOCX or an ODT), checked against the extension of `file_name`. kInvalidArgument (field
// "file") when the content is not a PDF, DOCX or ODT, does not match its name, is empty or too
// large, or is a zip that would expand too far.
Result<DocumentType> RecognizeDocument(std::string_view file_name, std::string_view content);

}  // namespace entente::agreements
