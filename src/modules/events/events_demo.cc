#include "modules/events/events_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"
#include "core/http/json_reader.h"
#include "modules/events/events_json.h"

namespace entente::events {
namespace {

// The demo files name the original language of each record's texts (else English), as the API's
// bodies do: the same readers (events_json.h) read both.
constexpr const char* kDemoOriginal = "en";

template <typename T>
Status Check(const Result<T>& result, const std::string& what) {
  if (!result) return Fail(Error::Internal(fmt::format("demo {}: {}", what, result.error().Describe())));
  return {};
}

// Calls `add(input)` for each item of the list `name` of `item`, read by `read(item)`.
template <typename Read, typename Add>
Status EachItem(const nlohmann::json& item, const char* name, const std::string& what, Read&& read, Add&& add) {
  auto list = item.find(name);
  if (list == item.end() || !list->is_array()) return {};
  for (const auto& entry : *list) {
    auto input = read(entry);
    if (auto checked = Check(input, what); !checked) return checked;
    if (auto checked = Check(add(*input), what); !checked) return checked;
  }
  return {};
}

// The objectives an event serves, named by agreement and number; those of an agreement the demo
// did not load are left out.
Status AddObjectives(EventService& service, const nlohmann::json& item, EventInput& input) {
  auto list = item.find("objectives");
  if (list == item.end() || !list->is_array()) return {};
  for (const auto& objective : *list) {
    http::JsonReader read(objective);
    std::string agreement = read.String("agreement");
    auto number = read.Integer("number");
    if (!read.ok() || !number) return Fail(Error::Internal("demo objective of " + input.slug));
    auto id = service.FindObjective(agreement, static_cast<int>(*number));
    if (!id) return Fail(id.error());
    if (*id) input.objectives.push_back(**id);
  }
  return {};
}

// The event's programme, delegations, participants, invitations, awards and agreements signed.
Status AddParts(EventService& service, const auth::Actor& actor, const nlohmann::json& item, EventId id,
                const std::string& slug, const std::string& original) {
  if (auto done = EachItem(
          item, "sessions", "session of " + slug,
          [&](const nlohmann::json& entry) { return SessionInputFromJson(entry, original); },
          [&](const SessionInput& entry) { return service.AddSession(actor, id, entry); });
      !done) {
    return done;
  }
  if (auto done = EachItem(item, "delegations", "delegation of " + slug, DelegationInputFromJson,
                           [&](const DelegationInput& entry) { return service.AddDelegation(actor, id, entry); });
      !done) {
    return done;
  }
  if (auto done = EachItem(item, "participants", "participant of " + slug, ParticipantInputFromJson,
                           [&](const ParticipantInput& entry) { return service.AddParticipant(actor, id, entry); });
      !done) {
    return done;
  }
  if (auto done = EachItem(item, "invitations", "invitation of " + slug, InvitationInputFromJson,
                           [&](const InvitationInput& entry) { return service.Invite(actor, id, entry); });
      !done) {
    return done;
  }
  if (auto done = EachItem(
          item, "awards", "award of " + slug,
          [&](const nlohmann::json& entry) { return AwardInputFromJson(entry, slug, original); },
          [&](const AwardInput& entry) { return service.AddAward(actor, entry); });
      !done) {
    return done;
  }
  http::JsonReader read(item);
  for (const auto& agreement : read.Strings("agreements_signed")) {
    auto linked = service.LinkAgreementOccasion(actor, agreement, id);
    if (!linked) {
      return Fail(Error::Internal(fmt::format("demo occasion of {}: {}", agreement, linked.error().Describe())));
    }
  }
  return {};
}

Result<bool> LoadEvent(EventService& service, const auth::Actor& actor, const nlohmann::json& item) {
  nlohmann::json fields = item;  // the parts are read apart; the objectives name agreements
  for (const char* part :
       {"objectives", "sessions", "delegations", "participants", "invitations", "awards", "agreements_signed"}) {
    if (fields.is_object()) fields.erase(part);
  }
  auto input = EventInputFromJson(fields, EventInput{}, kDemoOriginal);
  if (auto checked = Check(input, "event"); !checked) return Fail(checked.error());
  auto taken = service.SlugTaken(input->slug);
  if (!taken) return Fail(taken.error());
  if (*taken) return false;
  if (auto added = AddObjectives(service, item, *input); !added) return Fail(added.error());
  auto created = service.Create(actor, *input);
  if (auto checked = Check(created, "event " + input->slug); !checked) return Fail(checked.error());
  http::JsonReader read(item);
  std::string original = read.String("original_language", kDemoOriginal);
  if (auto added = AddParts(service, actor, item, *created, input->slug, original); !added) {
    return Fail(added.error());
  }
  return true;
}

Status LoadSeries(EventService& events, const auth::Actor& actor, const nlohmann::json& item) {
  http::JsonReader read(item, kDemoOriginal);
  Series series{SeriesId(), read.String("slug"), read.Text("title"), read.Text("description"), read.Text("recurrence")};
  auto checked = read.Finish(true);
  if (!checked) return Check(checked, "series");
  return Check(events.EnsureSeries(actor, series), "series " + series.slug);
}

}  // namespace

Result<int> LoadDemo(EventService& events, const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  auto path = demo_dir / "events" / "events.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  if (!document->is_object()) return Fail(Error::Internal(path.string() + ": not an object"));
  if (auto series = document->find("series"); series != document->end() && series->is_array()) {
    for (const auto& item : *series) {
      if (auto loaded = LoadSeries(events, actor, item); !loaded) return Fail(loaded.error());
    }
  }
  int created = 0;
  if (auto list = document->find("events"); list != document->end() && list->is_array()) {
    for (const auto& item : *list) {
      auto loaded = LoadEvent(events, actor, item);
      if (!loaded) return Fail(loaded.error());
      if (*loaded) ++created;
    }
  }
  return created;
}

}  // namespace entente::events
