#pragma once
// What other modules hold about an organization, shown on its page and in its JSON: the
// agreements it is a party to, the events it organizes. The agreements and events modules each
// give a source (app.cc adds them to the OrganizationService); the directory depends on neither.

#include <functional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/base/partial_date.h"
#include "core/i18n/localized_text.h"

namespace entente::directory {

struct RelatedRecord {
  std::string href;  // "/agreements/paris-almaty-2014"
  i18n::LocalizedText title;
  PartialDate date;           // signing day, first day; may be unknown
  std::string label;          // English msgid (a status, a kind), translated on the page
  std::string label_context;  // its gettext context, or empty
  std::string label_key;      // the same as a key, for the JSON ("signed", "conference")
};

struct RelatedRecords {
  std::string key;       // "agreements", "events": the JSON member
  std::string heading;   // English msgid of the page's heading
  std::string none;      // English msgid when there is none
  std::string all_href;  // the full list, filtered on the organization
  std::vector<RelatedRecord> records;
  bool more = false;  // records beyond those listed
};

// The records of one kind involving the organization `slug` that `actor` may see, the first
// kMaxRelated of them.
using RelatedSource = std::function<Result<RelatedRecords>(const auth::Actor& actor, const std::string& slug)>;
inline constexpr int kMaxRelated = 10;

// `frame` (key, heading, none, all_href) with the records of the first page of a list, each
// made by `to_record`, and whether the list goes on.
template <typename Item, typename ToRecord>
RelatedRecords RelatedFrom(RelatedRecords frame, const Page<Item>& page, ToRecord to_record) {
  for (const auto& item : page.items) frame.records.push_back(to_record(item));
  frame.more = page.total > static_cast<long long>(frame.records.size());
  return frame;
}

}  // namespace entente::directory
