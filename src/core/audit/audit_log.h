#pragma once
// The audit log: services record who did what to which record, when (UTC) and from which
// request, in the same transaction as the change. Entries never hold passwords or tokens: the
// details are what the service chooses to write, and no service writes those.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/ids.h"
#include "core/base/pagination.h"

namespace entente::audit {

struct Entry {
  std::string action;       // "role.grant", "user.create", "session.sign_in"
  std::string entity_type;  // "user", "role_grant", "organization"
  long long entity_id = 0;  // 0 when none
  std::optional<OrganizationId> organization;
  std::string details = "{}";  // JSON
};

// Call inside the write transaction of the change. `actor` may be anonymous (a failed sign-in).
void Record(soci::session& sql, const auth::Actor& actor, const Entry& entry);

struct LoggedEntry {
  long long id = 0;
  std::string at_utc;
  long long user_id = 0;  // 0: anonymous
  long long organization_id = 0;
  std::string action;
  std::string entity_type;
  long long entity_id = 0;
  std::string request_id;
  std::string details;
};

struct Filter {
  long long user_id = 0;  // 0: any
  std::string action;     // prefix: "role." matches role.grant and role.revoke
  std::string entity_type;
  long long entity_id = 0;
  std::string from_utc;  // inclusive, "2026-11-01" or a full timestamp
  std::string to_utc;    // exclusive
  // When set, only entries about these organizations (a bar admin's scope).
  std::optional<std::vector<long long>> organizations;
};

// Newest first.
Page<LoggedEntry> Search(soci::session& sql, const Filter& filter, const PageRequest& page);

}  // namespace entente::audit
