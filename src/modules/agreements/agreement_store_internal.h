#pragma once
// What the agreement store's files share (agreement_store.cc, agreement_store_load.cc,
// agreement_store_entries.cc): the text tables, and the small conversions of stored values.
// Internal to the store.

#include <soci/soci.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/text_table.h"
#include "modules/agreements/model.h"

namespace entente::agreements::store {

inline constexpr db::TextTable kAgreementTexts("agreement_texts");
inline constexpr db::TextTable kObjectiveTexts("objective_texts");
inline constexpr db::TextTable kFollowUpTexts("follow_up_texts");
inline constexpr db::TextTable kReviewTexts("review_texts");
inline constexpr db::TextTable kActivityTexts("activity_texts");
// The directory's view of its organizations' names (migrations/*/directory/0009).
inline constexpr db::TextTable kOrganizationTexts("directory_organization_texts");

// A stored date ('' when unknown).
PartialDate Date(const std::string& text);
// The first and last day a partial date covers, as stored for range queries; '' when unknown.
std::string FirstDay(const PartialDate& date);
std::string LastDay(const PartialDate& date);

// The parties of the agreements `ids`, in their order, with names and jurisdictions.
std::map<long long, std::vector<Party>> LoadParties(soci::session& sql, const std::vector<long long>& ids);

}  // namespace entente::agreements::store
