#include "core/http/json_reader.h"

#include <fmt/format.h>

#include "core/i18n/languages.h"

namespace entente::http {
namespace {

using nlohmann::json;

constexpr const char* kTextShape = N_("Give the text as an object with one member per language (en, fr, ru, kk).");

bool IsIntegerText(const std::string& text) {
  if (text.empty()) return false;
  size_t start = text[0] == '-' ? 1 : 0;
  if (start == text.size()) return false;
  for (size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

JsonReader::JsonReader(const json& body, std::string default_original)
    : body_(body), original_language_(std::move(default_original)) {
  if (!body_.is_object()) {
    errors_.push_back({"body", N_("Send a JSON object.")});
    return;
  }
  auto it = body_.find("original_language");
  if (it == body_.end() || it->is_null()) return;
  if (!it->is_string() || !i18n::IsSupportedLanguage(it->get_ref<const std::string&>())) {
    errors_.push_back({"original_language", N_("Choose a language from the list.")});
    return;
  }
  original_language_ = it->get<std::string>();
}

bool JsonReader::Has(std::string_view name) const { return body_.is_object() && body_.contains(name); }

bool JsonReader::IsNull(std::string_view name) const {
  if (!body_.is_object()) return false;
  auto it = body_.find(name);
  return it != body_.end() && it->is_null();
}

const json* JsonReader::Member(std::string_view name) const {
  if (!body_.is_object()) return nullptr;
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonReader::String(std::string_view name, std::string fallback) {
  const json* value = Member(name);
  if (!value) return fallback;
  if (!value->is_string()) {
    Wrong(name, N_("This must be text."));
    return fallback;
  }
  return value->get<std::string>();
}

std::string JsonReader::NumberText(std::string_view name, std::string fallback) {
  const json* value = Member(name);
  if (!value) return fallback;
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  if (value->is_string()) return value->get<std::string>();
  Wrong(name, N_("This must be a whole number."));
  return fallback;
}

std::string JsonReader::DecimalText(std::string_view name, std::string fallback) {
  const json* value = Member(name);
  if (!value) return fallback;
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  if (value->is_number_float()) return fmt::format("{}", value->get<double>());
  if (value->is_string()) return value->get<std::string>();
  Wrong(name, N_("This must be a number."));
  return fallback;
}

std::optional<long long> JsonReader::Integer(std::string_view name) {
  const json* value = Member(name);
  if (!value) return std::nullopt;
  if (value->is_number_integer()) return value->get<long long>();
  if (value->is_string() && IsIntegerText(value->get_ref<const std::string&>())) {
    try {
      return std::stoll(value->get<std::string>());
    } catch (const std::out_of_range&) {
    }
  }
  Wrong(name, N_("This must be a whole number."));
  return std::nullopt;
}

bool JsonReader::Boolean(std::string_view name, bool fallback) {
  const json* value = Member(name);
  if (!value) return fallback;
  if (!value->is_boolean()) {
    Wrong(name, N_("This must be true or false."));
    return fallback;
  }
  return value->get<bool>();
}

const json* JsonReader::List(std::string_view name) {
  const json* value = Member(name);
  if (!value) return nullptr;
  if (!value->is_array()) {
    Wrong(name, N_("This must be a list."));
    return nullptr;
  }
  return value;
}

std::vector<std::string> JsonReader::Strings(std::string_view name, std::vector<std::string> fallback) {
  const json* list = List(name);
  if (!list) return fallback;
  std::vector<std::string> values;
  for (const auto& item : *list) {
    if (!item.is_string()) {
      Wrong(name, N_("This must be a list of texts."));
      return fallback;
    }
    values.push_back(item.get<std::string>());
  }
  return values;
}

std::vector<long long> JsonReader::Integers(std::string_view name, std::vector<long long> fallback) {
  const json* list = List(name);
  if (!list) return fallback;
  std::vector<long long> values;
  for (const auto& item : *list) {
    if (!item.is_number_integer()) {
      Wrong(name, N_("This must be a list of whole numbers."));
      return fallback;
    }
    values.push_back(item.get<long long>());
  }
  return values;
}

i18n::LocalizedText JsonReader::Text(std::string_view name, i18n::LocalizedText fallback) {
  if (!Has(name)) return fallback;
  const json* value = Member(name);
  if (!value) return {};
  if (!value->is_object()) {
    Wrong(name, kTextShape);
    return fallback;
  }
  struct Given {
    std::string language, text;
    std::optional<bool> original;
  };
  std::vector<Given> given;
  bool flagged = false;
  for (const auto& [language, variant] : value->items()) {
    if (!i18n::IsSupportedLanguage(language)) {
      Wrong(name, N_("Give the text only in the languages of the platform: en, fr, ru, kk."));
      return fallback;
    }
    if (variant.is_string()) {
      given.push_back({language, variant.get<std::string>(), std::nullopt});
      continue;
    }
    auto text = variant.is_object() ? variant.find("text") : variant.end();
    auto original = variant.is_object() ? variant.find("original") : variant.end();
    bool good_original = !variant.is_object() || original == variant.end() || original->is_boolean();
    if (!variant.is_object() || text == variant.end() || !text->is_string() || !good_original) {
      Wrong(name, kTextShape);
      return fallback;
    }
    std::optional<bool> flag;
    if (original != variant.end()) flag = original->get<bool>();
    flagged = flagged || flag.has_value();
    given.push_back({language, text->get<std::string>(), flag});
  }
  i18n::LocalizedText text;
  for (auto& variant : given) {
    bool original = flagged                       ? variant.original.value_or(false)
                    : !original_language_.empty() ? variant.language == original_language_
                                                  : given.size() == 1;
    text.Set(std::move(variant.language), {std::move(variant.text), original});
  }
  return text;
}

}  // namespace entente::http
