#pragma once
// What the files of EventStore share (event_store.cc, event_store_load.cc, participant_store.cc,
// invitation_store.cc, meeting_store.cc): the text tables, the stored forms of times and ids, and
// names of people and organizations read through the directory's views
// (migrations/*/directory/0009). Internal to the store.

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/db/query.h"
#include "core/db/text_table.h"
#include "modules/events/model.h"

namespace entente::events::store_rows {

inline constexpr db::TextTable kEventTexts("event_texts");
inline constexpr db::TextTable kSeriesTexts("event_series_texts");
inline constexpr db::TextTable kSessionTexts("event_session_texts");
inline constexpr db::TextTable kAwardTexts("event_award_texts");
// The directory's view of its organizations' texts (read only).
inline constexpr db::TextTable kOrganizationTexts("directory_organization_texts");

// The stored forms of a WallTime: its UTC instant ('' when unknown), its day ('' when unknown),
// and back from the stored local form and UTC instant (both were checked on the way in).
std::string UtcText(const WallTime& time);
std::string DayText(const WallTime& time);
WallTime Stored(const std::string& local, const std::string& utc);

template <typename IdType>
std::pair<long long, soci::indicator> Nullable(const std::optional<IdType>& id) {
  return id ? std::pair{static_cast<long long>(id->value()), soci::i_ok} : std::pair{0LL, soci::i_null};
}

// The organizations' names, by id.
std::map<long long, i18n::LocalizedText> OrganizationNames(soci::session& sql, const std::vector<long long>& ids);

// Rows of (owner, organization id, slug) completed with the organizations' names. `sql_text`
// selects those three columns and ends with the placeholder of `key`.
std::vector<std::pair<long long, NamedOrganization>> LoadOrganizations(soci::session& sql, const char* sql_text,
                                                                       long long key);

std::optional<NamedPerson> Person(long long id, soci::indicator indicator, const std::string& slug,
                                  const std::string& name);
std::optional<NamedOrganization> Organization(long long id, soci::indicator indicator, const std::string& slug,
                                              std::map<long long, i18n::LocalizedText>& names);

// The invitations of an event, oldest first (invitation_store.cc).
std::vector<Invitation> InvitationsOfEvent(soci::session& sql, EventId event);

}  // namespace entente::events::store_rows
