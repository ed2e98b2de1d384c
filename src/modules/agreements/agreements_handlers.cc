// What the agreements module's handlers share: the date and filter of a request, the text a form
// typed over the stored one, and the agreement a form changes.

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::agreements {

using http::RequestContext;
using http::Response;

constexpr const char* kUnknownContext = "agreement fact";

std::chrono::year_month_day Today() {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

// ?as_of=YYYY-MM-DD, today when absent; an error (and today) when malformed.
std::pair<std::chrono::year_month_day, std::optional<Error>> ReadAsOf(const http::Request& request) {
  auto text = request.QueryParam("as_of");
  if (!text || text->empty()) return {Today(), std::nullopt};
  auto date = PartialDate::Parse(*text);
  if (!date || date->precision() != DatePrecision::kDay) {
    return {Today(), Error::InvalidArgument(N_("Please correct the fields below."),
                                            {{"as_of", N_("Enter a date as YYYY-MM-DD.")}})};
  }
  return {date->FirstDay(), std::nullopt};
}

Result<AgreementFilter> ReadFilter(const http::Request& request) {
  AgreementFilter filter;
  filter.party = request.QueryParam("party").value_or("");
  filter.jurisdiction = request.QueryParam("jurisdiction").value_or("");
  filter.status = request.QueryParam("status").value_or("");
  std::string year = request.QueryParam("year").value_or("");
  if (!year.empty()) {
    auto parsed = FourDigitYear(year);
    if (!parsed) {
      return Fail(
          Error::InvalidArgument(N_("Please correct the search."), {{"year", N_("Give a year such as 2014.")}}));
    }
    filter.year = *parsed;
  }
  return filter;
}

std::string StatusText(const RequestContext& context, const Context& deps, AgreementStatus status) {
  return deps.pages.catalogs().TranslateInContext(context.language, kStatusContext, StatusLabel(status));
}

std::vector<render::Option> StatusOptions(const RequestContext& context, const Context& deps) {
  std::vector<render::Option> options;
  for (AgreementStatus status : kAllStatuses) {
    options.push_back({std::string(StatusKey(status)), StatusText(context, deps, status)});
  }
  return options;
}

std::optional<int> FourDigitYear(const std::string& text) {
  if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoi(text);
}

std::string DateText(const Context& deps, const std::string& language, const PartialDate& date) {
  return deps.pages.catalogs().FormatDate(language, date);
}

std::string Unknown(const Context& deps, const RequestContext& context) {
  // In its own context: a fact the sources do not give, whatever the gender of its label
  // (French "information inconnue" rather than "inconnue" after "Préavis").
  return deps.pages.catalogs().TranslateInContext(context.language, kUnknownContext, NC_("agreement fact", "unknown"));
}

Status CheckMayCreate(const auth::Actor& actor) {
  if (AgreementService::MayCreate(actor)) return {};
  return Fail(Error::PermissionDenied(N_("Only the coordinators and administrators of a bar may record agreements.")));
}

Result<Agreement> ToChange(const auth::Actor& actor, Result<Agreement> agreement) {
  if (!agreement) return agreement;
  if (!AgreementService::MayEdit(actor, *agreement)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a party may change this agreement.")));
  }
  return agreement;
}

Result<Agreement> AgreementToChange(RequestContext& context, const Context& deps) {
  return ToChange(context.actor, deps.agreements.Get(context.actor, std::string(context.params.Get("slug"))));
}

std::string Redirect(const Agreement& agreement, const char* anchor) {
  return fmt::format("/agreements/{}?saved=1#{}", agreement.slug, anchor);
}

}  // namespace entente::agreements
