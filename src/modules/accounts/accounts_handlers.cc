#include "modules/accounts/accounts_handlers.h"

#include <charconv>

#include "core/base/messages.h"
#include "core/base/partial_date.h"
#include "core/base/time.h"

namespace entente::accounts {

bool Expired(const ApiToken& token) { return token.expires_at_utc <= NowUtc(); }

int WholeNumber(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : 0;
}

namespace {

// True when `text` begins with a whole date, YYYY-MM-DD (a time may follow).
bool StartsWithDay(std::string_view text) {
  if (text.size() < 10) return false;
  auto date = PartialDate::Parse(text.substr(0, 10));
  return date && date->precision() == DatePrecision::kDay;
}

}  // namespace

Result<audit::Filter> ReadAuditFilter(const http::Request& request) {
  audit::Filter filter;
  filter.action = request.QueryParam("action").value_or("");
  filter.entity_type = request.QueryParam("entity_type").value_or("");
  filter.from_utc = request.QueryParam("from").value_or("");
  filter.to_utc = request.QueryParam("to").value_or("");
  std::vector<FieldError> errors;
  if (auto user = request.QueryParam("user_id"); user && !user->empty()) {
    if (auto id = UserId::Parse(*user)) {
      filter.user_id = id->value();
    } else {
      errors.push_back({"user_id", N_("Give a user number.")});
    }
  }
  for (auto [name, value] : {std::pair{"from", &filter.from_utc}, std::pair{"to", &filter.to_utc}}) {
    if (!value->empty() && !StartsWithDay(*value)) errors.push_back({name, N_("Enter a date as YYYY-MM-DD.")});
  }
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the request."), std::move(errors)));
  return filter;
}

std::string ChallengeCookieName(const http::SessionCookie& session_cookie) {
  return session_cookie.secure ? "__Host-entente_two_factor" : "entente_two_factor";
}

std::string SetChallengeCookie(const http::SessionCookie& session_cookie, const std::string& token) {
  return ChallengeCookieName(session_cookie) + "=" + token + "; Path=/; Max-Age=300; HttpOnly; SameSite=Strict" +
         (session_cookie.secure ? "; Secure" : "");
}

std::string ClearChallengeCookie(const http::SessionCookie& session_cookie) {
  return ChallengeCookieName(session_cookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (session_cookie.secure ? "; Secure" : "");
}

}  // namespace entente::accounts
