#pragma once
// Keyset paging (`after=`): a cursor names the last row of a page in a list ordered by
// (key, id), and the next page is the rows after it. Unlike an OFFSET, reading the next page
// costs the same however deep it is (see PageRequest::kMaxOffset).
//
// A cursor is opaque to clients: URL-safe base64 (no padding) of a version, the id and the key,
// behind a short checksum (BLAKE2b) that catches a cursor altered, cut or made up by hand. It is
// not a secret nor a credential: it only says where a list resumes, and a list shows only what
// its visitor may see wherever it resumes.

#include <optional>
#include <string>
#include <string_view>

namespace entente {

struct KeysetCursor {
  std::string key;   // the sort key of the last row shown
  long long id = 0;  // its id (positive), which breaks ties between equal keys

  bool operator==(const KeysetCursor&) const = default;
};

// The longest key a cursor carries, and the longest cursor text read.
inline constexpr size_t kMaxCursorKeyBytes = 512;
inline constexpr size_t kMaxCursorText = 1024;

// Never fails for a key of at most kMaxCursorKeyBytes and a positive id (a longer key is a bug
// of the caller: it is cut to that length, which still resumes after the row).
std::string EncodeCursor(const KeysetCursor& cursor);

// The cursor, or nullopt for anything EncodeCursor did not make (bad base64, wrong checksum,
// unknown version, id not positive, too long). Never throws.
std::optional<KeysetCursor> DecodeCursor(std::string_view text);

}  // namespace entente
