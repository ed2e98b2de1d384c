#pragma once
// Reads the members of a JSON object into a module's input struct: the one reader of every JSON
// body (the API) and of the demo data sets. It never throws: a member of the wrong type, an
// unknown language or an item of the wrong shape becomes a field error under the member's name,
// and Finish() returns either the input or one kInvalidArgument error listing them all. Members
// that are absent keep the fallback the caller passes, so the same code reads a create (fallback
// empty) and a partial update (fallback: the stored record).
//
//   http::JsonReader read(body);
//   input.slug = read.String("slug", input.slug);
//   input.title = read.Text("title", input.title);
//   read.Each("parties", [&](http::JsonReader& party) { ... });
//   return read.Finish(std::move(input));
//
// Text in several languages (docs/ARCHITECTURE.md, "Text in four languages") is an object with a
// member per language code (en, fr, ru, kk), each a string or {"text": "…", "original": bool}.
// Which variant is the original: the flags when any variant carries one; otherwise the
// object's `original_language` member (or, for an item of a list, its parent's); otherwise the
// reader's default; otherwise the only variant when there is one. With several variants and
// nothing to say which, none is marked original.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/error.h"
#include "core/base/messages.h"
#include "core/i18n/localized_text.h"

namespace entente::http {

class JsonReader {
 public:
  // `body` must outlive the reader. A body that is not an object is one error, on "body".
  // `default_original`: the original language when neither the text nor the body says.
  explicit JsonReader(const nlohmann::json& body, std::string default_original = "");

  // True when the member is present, even as null: a partial update tells "leave it" (absent)
  // from "clear it" (null).
  bool Has(std::string_view name) const;
  bool IsNull(std::string_view name) const;

  // Absent or null → `fallback`.
  std::string String(std::string_view name, std::string fallback = "");
  // A number or a numeric string, as text for the service to check: forms and JSON then share
  // one parser and one message. Absent or null → `fallback`.
  std::string NumberText(std::string_view name, std::string fallback = "");
  // A number, whole or not, or a string, as text for the service to parse (1.5 → "1.5", so that
  // forms and JSON share one parser). Absent or null → `fallback`.
  std::string DecimalText(std::string_view name, std::string fallback = "");
  std::optional<long long> Integer(std::string_view name);
  bool Boolean(std::string_view name, bool fallback);
  // A list of strings; absent or null → `fallback`.
  std::vector<std::string> Strings(std::string_view name, std::vector<std::string> fallback = {});
  std::vector<long long> Integers(std::string_view name, std::vector<long long> fallback = {});
  // Absent → `fallback`; null → empty.
  i18n::LocalizedText Text(std::string_view name, i18n::LocalizedText fallback = {});

  // Calls `read_item(JsonReader&)` for each item of the list `name` (absent or null: never).
  // Each item is read as an object; its errors are reported under `name`, once.
  template <typename ReadItem>
  void Each(std::string_view name, ReadItem&& read_item) {
    const nlohmann::json* list = List(name);
    if (!list) return;
    bool reported = false;
    for (const auto& item : *list) {
      JsonReader item_reader(item, original_language_);
      read_item(item_reader);
      if (!item_reader.errors_.empty() && !reported) {
        reported = true;
        errors_.push_back({std::string(name), item_reader.errors_.front().message});
      }
    }
  }

  void Add(FieldError error) { errors_.push_back(std::move(error)); }
  bool ok() const { return errors_.empty(); }
  const std::vector<FieldError>& errors() const { return errors_; }

  template <typename T>
  Result<T> Finish(T value) {
    if (!errors_.empty())
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors_)));
    return value;
  }

 private:
  // The member, or nullptr when absent or null.
  const nlohmann::json* Member(std::string_view name) const;
  const nlohmann::json* List(std::string_view name);
  void Wrong(std::string_view name, const char* message) { errors_.push_back({std::string(name), message}); }

  const nlohmann::json& body_;
  std::string original_language_;
  std::vector<FieldError> errors_;
};

}  // namespace entente::http
