#pragma once
// One policy for every record (docs/ARCHITECTURE.md, "Who may do what").
//
// Before a service reads or changes a record, it resolves the organizations that own the
// record — from the database, never from the request — and asks the policy. The answers are the
// same everywhere:
//
//   the actor may not see the record          → kNotFound (it is never confirmed to exist)
//   it may see it, but holds no fitting role  → kPermissionDenied
//   it holds the role on one of the owners    → a Permit for that record
//
// A change needs a Permit, and only the policy makes one: the stores' write methods take the
// permit of the record they write and read the record's id from it. A write whose check was
// forgotten does not compile, and a permit for one record cannot be used to write another.
// Links between records (a membership joins a person and a bar; an event serves an agreement's
// objective; a role grant joins a user and an organization) take a permit for each end.
//
// Every refusal carries the record it was about ("person 5") for the log line and the
// refused-writes counter that the HTTP layer keeps (core/http/pipeline.cc).

#include <string>
#include <string_view>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/visibility.h"
#include "core/base/error.h"

namespace entente::auth {

// Who owns a record and who may see it, as its service read them from the database.
struct Owners {
  Visibility visibility = Visibility::kPublic;
  // The organizations whose roles reach the record: its owner first, then the other parties
  // (an agreement's parties, an event's organizers, the bars and organizations of a person).
  std::vector<OrganizationId> organizations;
  // For `private` records: the users the record names.
  std::vector<UserId> named_users;
};

// Leave to change one record (or, for Permit<OrganizationId>, to act for one organization:
// create records it owns, link records to it). Cheap to copy; meaningless once the request ends.
template <typename RecordId>
class Permit {
 public:
  RecordId id() const { return id_; }

 private:
  friend class Policy;
  explicit Permit(RecordId id) : id_(id) {}
  RecordId id_;
};

class Policy {
 public:
  // Whether `actor` may see a record owned by `owners` (the same decision as AppendVisibleTo).
  static bool MayView(const Actor& actor, const Owners& owners);
  // Whether `actor` may act as `role` on one of the record's organizations, or is one of the
  // users the record names (who act on it as themselves). A platform admin (and the platform
  // itself) may act anywhere.
  static bool MayAct(const Actor& actor, Role role, const Owners& owners);

  // Leave to change the record `id` of `kind` ("person") as `role`. `refusal` is the English
  // msgid the actor sees when the record is visible but the role is missing.
  template <typename RecordId>
  static Result<Permit<RecordId>> Change(const Actor& actor, Role role, std::string_view kind, RecordId id,
                                         const Owners& owners, std::string_view refusal = {}) {
    if (auto refused = Decide(actor, role, kind, id.value(), owners, refusal)) return std::unexpected(*refused);
    return Permit<RecordId>(id);
  }

  // Leave to act as `role` for `organization`, whose own visibility is `visibility` (an
  // organization is its own owner).
  static Result<Permit<OrganizationId>> ActFor(const Actor& actor, Role role, OrganizationId organization,
                                               Visibility visibility, std::string_view refusal = {});

  // Leave to manage user `id` (see the account, grant and revoke its roles) as a bar admin.
  // Users are private: one out of reach of the actor's bar-admin roles — `reach` holds the
  // organizations where the user holds a role or whose roll the user's person is on — is not
  // found. Platform admins reach every user.
  static Result<Permit<UserId>> ManageUser(const Actor& actor, UserId id, const std::vector<OrganizationId>& reach);

  // Leave to act for the platform as a whole (an organization at the top level, a person on no
  // roll yet): platform admins, and the platform itself. The permit's id is not valid.
  static Result<Permit<OrganizationId>> ForPlatform(const Actor& actor, std::string_view refusal = {});

  // Leave the platform gives itself: loaders, migrations and the terminal act as
  // Actor::System(), which is the only actor this accepts; anyone else gets kPermissionDenied.
  template <typename RecordId>
  static Result<Permit<RecordId>> AsSystem(const Actor& actor, std::string_view kind, RecordId id) {
    if (!actor.IsPlatformAdmin() || actor.signed_in()) {
      return std::unexpected(Refuse(actor, Error::PermissionDenied(), kind, id.value()));
    }
    return Permit<RecordId>(id);
  }

  // An error for a refused record, marked with the record for the log.
  static Error Refuse(const Actor& actor, Error error, std::string_view kind, long long id);

 private:
  static std::optional<Error> Decide(const Actor& actor, Role role, std::string_view kind, long long id,
                                     const Owners& owners, std::string_view refusal);
};

}  // namespace entente::auth
