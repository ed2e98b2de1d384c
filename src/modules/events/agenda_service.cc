// EventService: agendas (a delegation's, a person's) and the personal calendar feed.

#include "modules/events/event_service.h"

#include <sodium.h>
#include <algorithm>
#include <map>
#include <set>
#include "core/auth/visibility.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "modules/directory/lookup.h"
#include "modules/events/event_service_rules.h"
#include "modules/events/rules.h"

namespace entente::events {

using namespace service_rules;  // NOLINT(google-build-using-namespace): the service's own rules

namespace {

std::vector<AgendaItem> AgendaOf(const Event& event, const MeetingBoard& board, std::optional<DelegationId> delegation,
                                 std::optional<PersonId> person) {
  std::vector<AgendaItem> items;
  auto base = [&](AgendaItem::Kind kind) {
    AgendaItem item;
    item.kind = kind;
    item.event = event.id;
    item.event_slug = event.slug;
    item.time_zone = event.time_zone;
    item.event_title = event.title;
    return item;
  };
  if (person) {
    for (const auto& session : event.sessions) {
      bool mine = false;
      for (const auto& list : {&session.speakers, &session.moderators}) {
        for (const auto& someone : *list) mine = mine || someone.id == *person;
      }
      if (!mine) continue;
      AgendaItem item = base(AgendaItem::Kind::kSession);
      item.starts = session.starts;
      item.ends = session.ends;
      item.title = session.title;
      item.room = session.room;
      item.uid = session.id.value();
      items.push_back(std::move(item));
    }
  }
  std::map<long long, const MeetingSlot*> slots;
  std::map<long long, std::string> rooms;
  for (const auto& slot : board.slots) slots[slot.id.value()] = &slot;
  for (const auto& room : board.rooms) rooms[room.id.value()] = room.name;
  for (const auto& request : board.requests) {
    if (!request.slot) continue;
    bool as_requester = (delegation && request.requester_delegation == delegation) ||
                        (person && request.requester_person && request.requester_person->id == *person);
    bool as_host = person && request.host_person && request.host_person->id == *person;
    if (!as_requester && !as_host) continue;
    AgendaItem item = base(AgendaItem::Kind::kMeeting);
    const MeetingSlot* slot = slots[request.slot->value()];
    if (!slot) continue;
    item.starts = slot->starts;
    item.ends = slot->ends;
    item.room = request.room ? rooms[request.room->value()] : "";
    item.uid = request.id.value();
    if (as_requester) {
      if (request.host_person) item.with = request.host_person->name;
      if (request.host_organization) item.with_name = request.host_organization->name;
    } else if (request.requester_person) {
      item.with = request.requester_person->name;
    } else {
      // A delegation: by its organization's name.
      for (const auto& delegation : event.delegations) {
        if (request.requester_delegation && delegation.id == *request.requester_delegation) {
          item.with_name = delegation.organization.name;
        }
      }
      if (item.with_name.empty()) item.with = request.requester_label;
    }
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const AgendaItem& a, const AgendaItem& b) { return a.starts.ToString() < b.starts.ToString(); });
  return items;
}

}  // namespace

Result<std::vector<AgendaItem>> EventService::Agenda(const auth::Actor& actor, EventId id,
                                                     std::optional<DelegationId> delegation) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<AgendaItem>> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    std::optional<PersonId> person;
    if (delegation) {
      auto found = std::find_if(event->delegations.begin(), event->delegations.end(),
                                [&](const Delegation& item) { return item.id == *delegation; });
      if (found == event->delegations.end()) return Fail(Error::NotFound());
      // The delegation's agenda is for its organization's people and the event's organizers.
      bool allowed = MayManage(actor, *event) || actor.IsPlatformAdmin();
      for (OrganizationId organization : actor.OrganizationsInScope()) {
        allowed = allowed || organization == found->organization.id;
      }
      if (!allowed) return Fail(Error::NotFound());
    } else {
      person = store_.PersonOfUser(sql, actor.user());
      if (!person) return std::vector<AgendaItem>();
    }
    return AgendaOf(*event, store_.LoadMeetings(sql, id), delegation, person);
  });
}

Result<std::string> EventService::NewFeedToken(const auth::Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  std::string token = hex;
  auto saved = database_.Write([&](soci::session& sql) -> Status {
    store_.SetFeedToken(sql, actor.user(), Sha256Hex(token));
    Audit(sql, actor, "event.feed_token.create", "user", actor.user().value(), std::nullopt);
    return {};
  });
  if (!saved) return Fail(saved.error());
  return token;
}

Result<std::vector<AgendaItem>> EventService::Feed(const std::string& token) {
  if (token.size() != 64) return Fail(Error::NotFound());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<AgendaItem>> {
    auto user = store_.UserOfFeedToken(sql, Sha256Hex(token));
    if (!user) return Fail(Error::NotFound());
    auto person = store_.PersonOfUser(sql, *user);
    std::vector<AgendaItem> items;
    if (!person) return items;
    for (EventId id : store_.EventsOfPerson(sql, *person)) {
      auto event = store_.Load(sql, id);
      if (!event) continue;
      auto more = AgendaOf(*event, store_.LoadMeetings(sql, event->id), std::nullopt, person);
      items.insert(items.end(), more.begin(), more.end());
    }
    return items;
  });
}

}  // namespace entente::events
