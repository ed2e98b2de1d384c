#pragma once
// Directory rows for the tests of other modules' stores, written straight into a MemoryDatabase
// as the directory's services would leave them: a public bar with an English name, a person.

#include <soci/soci.h>

#include <string>

namespace entente::testing {

void AddOrganizationRow(soci::session& sql, const std::string& slug, const std::string& english_name);
void AddPersonRow(soci::session& sql, const std::string& slug, const std::string& display_name);

}  // namespace entente::testing
