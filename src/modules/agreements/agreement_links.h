#pragma once
// What other modules ask the agreements module inside their own transaction: who owns an
// objective (for their access policy), an objective by its agreement and number, the public
// agreements and objectives an event links to, and recording the event an agreement was signed
// at. The one place with SQL over the agreements' tables for other modules: they call these
// instead (scripts/check-module-tables holds every module to it; docs/ARCHITECTURE.md).

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/auth/policy.h"
#include "core/base/ids.h"
#include "core/i18n/localized_text.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

// The objectives among `ids` that exist, each with who owns its agreement (visibility and
// parties), in id order.
std::vector<std::pair<ObjectiveId, auth::Owners>> ObjectiveOwners(soci::session& sql,
                                                                  const std::vector<ObjectiveId>& ids);

// The objective numbered `sequence` of the agreement `agreement_slug`, or nullopt.
std::optional<ObjectiveId> ObjectiveByNumber(soci::session& sql, const std::string& agreement_slug, int sequence);

// An objective as another record shows it: its agreement and its text.
struct ObjectiveLink {
  ObjectiveId id;
  std::string agreement_slug;
  i18n::LocalizedText agreement_title;
  int number = 0;
  i18n::LocalizedText text;
};

// The objectives among `ids` whose agreement is public (a link must not reveal a hidden one), by
// agreement and number.
std::vector<ObjectiveLink> PublicObjectives(soci::session& sql, const std::vector<ObjectiveId>& ids);

struct AgreementLink {
  std::string slug;
  i18n::LocalizedText title;
};

// The public agreements signed on the sidelines of `event`.
std::vector<AgreementLink> PublicAgreementsSignedAt(soci::session& sql, EventId event);

// Records that the agreement `agreement_slug` was signed at `event` (nothing when there is no
// such agreement). The leave to change the event is the authority: the link is the event's.
void SetOccasionEvent(soci::session& sql, const auth::Permit<EventId>& event, const std::string& agreement_slug);

}  // namespace entente::agreements
