#include "core/csv/csv.h"

#include "core/base/messages.h"

namespace entente::csv {

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t j = 1; j < length; ++j) {
      if ((static_cast<unsigned char>(text[i + j]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

Document Parse(std::string_view text) {
  Document document;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!IsValidUtf8(text)) {
    document.problems.push_back({1, N_("The file is not UTF-8 text. Save it as CSV UTF-8 and try again.")});
    return document;
  }
  size_t line = 1;
  size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    Row row;
    row.line = line;
    std::string field;
    bool in_quotes = false, quoted = false, done = false;
    while (!done) {
      if (i >= text.size()) {
        if (in_quotes) document.problems.push_back({row.line, N_("A quoted field is not closed.")});
        row.fields.push_back(std::move(field));
        break;
      }
      char c = text[i];
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
          } else {
            in_quotes = false;
            ++i;
          }
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        continue;
      }
      switch (c) {
        case '"':
          if (field.empty() && !quoted) {
            in_quotes = quoted = true;
          } else {
            document.problems.push_back({line, N_("A quote appears inside a field that is not quoted.")});
            field.push_back(c);
          }
          ++i;
          break;
        case ',':
          row.fields.push_back(std::move(field));
          field.clear();
          quoted = false;
          ++i;
          break;
        case '\r':
          ++i;
          break;
        case '\n':
          row.fields.push_back(std::move(field));
          ++line;
          ++i;
          done = true;
          break;
        default:
          field.push_back(c);
          ++i;
      }
    }
    // Blank lines are skipped.
    if (row.fields.size() == 1 && row.fields[0].empty()) continue;
    if (first) {
      document.header = std::move(row.fields);
      first = false;
    } else {
      document.rows.push_back(std::move(row));
    }
  }
  if (first) document.problems.push_back({1, N_("The file is empty: it needs a header row.")});
  return document;
}

std::string EscapeField(std::string_view field) {
  std::string value(field);
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string FormatRow(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line.push_back(',');
    line += EscapeField(fields[i]);
  }
  line += "\r\n";
  return line;
}

}  // namespace entente::csv
