#include "core/http/forms.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/base/messages.h"

namespace entente::http {
namespace {

std::string_view MediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

Error TooDeep() {
  return Error::BadRequest(
      N_("This page starts beyond the first 10,000 results. Follow the list's “Next page” link (it uses "
         "after=), or narrow the search."),
      {{"page", N_("Pages are numbered only within the first 10,000 results; use after= to go further.")}});
}

std::string Form::Get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return {};
}

bool Form::Has(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return true;
  }
  return false;
}

bool IsFormContentType(std::string_view content_type) {
  return EqualsIgnoreCase(MediaType(content_type), "application/x-www-form-urlencoded");
}

bool IsJsonContentType(std::string_view content_type) {
  return EqualsIgnoreCase(MediaType(content_type), "application/json");
}

Result<Form> ReadForm(const Request& request) {
  if (!IsFormContentType(request.Header("content-type"))) {
    return Fail(Error::UnsupportedMediaType(N_("Send this form as application/x-www-form-urlencoded.")));
  }
  return Form(ParseQuery(request.Content()));
}

Result<nlohmann::json> ReadJson(const Request& request) {
  if (!IsJsonContentType(request.Header("content-type"))) {
    return Fail(Error::UnsupportedMediaType(N_("Send JSON with Content-Type: application/json.")));
  }
  auto json = nlohmann::json::parse(request.Content(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Fail(Error::InvalidArgument(N_("The request body is not a JSON object.")));
  }
  return json;
}

Result<PageRequest> ReadPageRequest(const Request& request) {
  PageRequest page;
  std::vector<FieldError> errors;
  auto read = [&](std::string_view name, int minimum, int maximum, int& out, const char* message) {
    auto text = request.QueryParam(name);
    if (!text || text->empty()) return;
    int value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < minimum || value > maximum) {
      errors.push_back({std::string(name), message});
    } else {
      out = value;
    }
  };
  read("page", 1, 1'000'000, page.page, N_("Give a page number from 1."));
  read("per_page", 1, PageRequest::kMaxPerPage, page.per_page, N_("Give a page size from 1 to 200."));
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the request."), std::move(errors)));
  if (page.offset() > PageRequest::kMaxOffset) return Fail(TooDeep());
  return page;
}

}  // namespace entente::http
