#include "modules/events/events_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"

namespace entente::events {
namespace {

i18n::LocalizedText Texts(const nlohmann::json& item, const char* key, const std::string& original) {
  i18n::LocalizedText text;
  if (!item.contains(key)) return text;
  for (const auto& [language, value] : item.at(key).items()) {
    text.Set(language, value.get<std::string>(), language == original);
  }
  return text;
}

template <typename T>
Status Check(const Result<T>& result, const std::string& what) {
  if (!result) return Fail(Error::Internal(fmt::format("demo {}: {}", what, result.error().Describe())));
  return {};
}

std::vector<std::string> Strings(const nlohmann::json& item, const char* key) {
  return item.value(key, std::vector<std::string>{});
}

Result<bool> LoadEvent(EventService& service, const auth::Actor& actor, const nlohmann::json& item) {
  EventInput input;
  input.slug = item.at("slug").get<std::string>();
  auto taken = service.SlugTaken(input.slug);
  if (!taken) return Fail(taken.error());
  if (*taken) return false;
  std::string original = item.value("original_language", "en");
  input.kind = item.value("kind", "other");
  input.visibility = item.value("visibility", "public");
  input.country = item.value("country", "");
  input.time_zone = item.value("time_zone", "");
  input.starts = item.value("starts", "");
  input.ends = item.value("ends", "");
  input.registration = item.value("registration", "closed");
  input.series = item.value("series", "");
  for (auto [key, target] : {std::pair{"title", &input.title}, std::pair{"description", &input.description},
                             std::pair{"city", &input.city}, std::pair{"venue", &input.venue},
                             std::pair{"programme", &input.programme}, std::pair{"dates_note", &input.dates_note}}) {
    *target = Texts(item, key, original);
  }
  input.organizers = Strings(item, "organizers");
  for (const auto& objective : item.value("objectives", nlohmann::json::array())) {
    auto id = service.FindObjective(objective.at("agreement").get<std::string>(), objective.at("number").get<int>());
    if (!id) return Fail(id.error());
    if (*id) input.objectives.push_back(**id);  // the agreements demo may not be loaded
  }
  auto created = service.Create(actor, input);
  if (auto checked = Check(created, "event " + input.slug); !checked) return Fail(checked.error());
  EventId id = *created;

  for (const auto& session : item.value("sessions", nlohmann::json::array())) {
    SessionInput entry;
    entry.kind = session.value("kind", "conference");
    entry.starts = session.value("starts", "");
    entry.ends = session.value("ends", "");
    entry.room = session.value("room", "");
    entry.title = Texts(session, "title", original);
    entry.description = Texts(session, "description", original);
    entry.speakers = Strings(session, "speakers");
    entry.moderators = Strings(session, "moderators");
    entry.organizations_met = Strings(session, "organizations_met");
    if (auto checked = Check(service.AddSession(actor, id, entry), "session of " + input.slug); !checked) {
      return Fail(checked.error());
    }
  }
  for (const auto& delegation : item.value("delegations", nlohmann::json::array())) {
    DelegationInput entry{delegation.at("organization").get<std::string>(), delegation.value("head", ""),
                          delegation.contains("size") ? std::to_string(delegation.at("size").get<int>()) : "",
                          Strings(delegation, "members")};
    if (auto checked = Check(service.AddDelegation(actor, id, entry), "delegation of " + input.slug); !checked) {
      return Fail(checked.error());
    }
  }
  for (const auto& participant : item.value("participants", nlohmann::json::array())) {
    ParticipantInput entry{participant.at("person").get<std::string>(), participant.value("role", "guest"),
                           participant.value("consent_to_list", false), ""};
    if (auto checked = Check(service.AddParticipant(actor, id, entry), "participant of " + input.slug); !checked) {
      return Fail(checked.error());
    }
  }
  for (const auto& invitation : item.value("invitations", nlohmann::json::array())) {
    InvitationInput entry{
        invitation.value("from_organization", ""),
        invitation.value("from_person", ""),
        invitation.value("to_organization", ""),
        invitation.value("to_person", ""),
        invitation.contains("invited_count") ? std::to_string(invitation.at("invited_count").get<int>()) : "",
        invitation.value("language", "en"),
        invitation.value("sent_on", "")};
    if (auto checked = Check(service.Invite(actor, id, entry), "invitation of " + input.slug); !checked) {
      return Fail(checked.error());
    }
  }
  for (const auto& award : item.value("awards", nlohmann::json::array())) {
    AwardInput entry;
    entry.event = input.slug;
    entry.presented_by = award.value("presented_by", "");
    entry.recipient = award.value("recipient", "");
    entry.title = Texts(award, "title", original);
    entry.citation = Texts(award, "citation", original);
    entry.recipient_role = Texts(award, "recipient_role", original);
    entry.awarded_on = award.value("awarded_on", "");
    if (auto checked = Check(service.AddAward(actor, entry), "award of " + input.slug); !checked) {
      return Fail(checked.error());
    }
  }
  for (const auto& agreement : Strings(item, "agreements_signed")) {
    auto linked = service.LinkAgreementOccasion(actor, agreement, id);
    if (!linked)
      return Fail(Error::Internal(fmt::format("demo occasion of {}: {}", agreement, linked.error().Describe())));
  }
  return true;
}

}  // namespace

Result<int> LoadDemo(EventService& events, const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  auto path = demo_dir / "events" / "events.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  int created = 0;
  try {
    for (const auto& item : document->value("series", nlohmann::json::array())) {
      std::string original = item.value("original_language", "en");
      Series series{SeriesId(), item.at("slug").get<std::string>(), Texts(item, "title", original),
                    Texts(item, "description", original), Texts(item, "recurrence", original)};
      if (auto checked = Check(events.EnsureSeries(actor, series), "series " + series.slug); !checked) {
        return Fail(checked.error());
      }
    }
    for (const auto& item : document->at("events")) {
      auto loaded = LoadEvent(events, actor, item);
      if (!loaded) return Fail(loaded.error());
      if (*loaded) ++created;
    }
  } catch (const nlohmann::json::exception& error) {
    return Fail(Error::Internal(fmt::format("{}: {}", path.string(), error.what())));
  }
  return created;
}

}  // namespace entente::events
