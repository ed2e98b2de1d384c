#pragma once
// CSV as spreadsheets write it (RFC 4180): comma-separated, fields optionally in double quotes
// with "" for a quote, CRLF or LF line ends, a header row. Input must be UTF-8 (a BOM is
// skipped). Every problem names its line, so that an import can list them all.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace entente::csv {

struct Row {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct Problem {
  size_t line = 0;
  std::string message;  // English msgid
};

struct Document {
  std::vector<std::string> header;
  std::vector<Row> rows;
  std::vector<Problem> problems;  // when not empty, `rows` may be incomplete
};

// Parses a whole document. Never throws; bounded by the input size.
Document Parse(std::string_view text);

// One field for output: quoted when it holds a comma, quote or line break; a field beginning with
// = + - @ (or a tab or carriage return) is prefixed with ' so that spreadsheets do not run it as
// a formula (docs/SECURITY.md 15).
std::string EscapeField(std::string_view field);
std::string FormatRow(const std::vector<std::string>& fields);

// Whether the text is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace entente::csv
