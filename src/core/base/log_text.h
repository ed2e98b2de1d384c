#pragma once
// What a log line may carry of a user's value (a path, an email address, an Origin header, an
// error's subject): control characters, quotes and backslashes written as \xNN, so that one
// request is one line and no value can forge another entry.

#include <string>
#include <string_view>

namespace entente {

std::string EscapeForLog(std::string_view text);

}  // namespace entente
