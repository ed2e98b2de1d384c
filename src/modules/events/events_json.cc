#include "modules/events/events_json.h"

#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/events/event_times.h"

namespace entente::events {

using nlohmann::json;

namespace {

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }

}  // namespace

json WallJson(const WallTime& time) {
  json result = {{"local", time.known() ? json(time.ToString()) : json(nullptr)}};
  result["utc"] = time.utc ? json(UtcText(time)) : json(nullptr);
  return result;
}

json OrganizationJson(const NamedOrganization& organization) {
  return {{"organization_id", organization.id.value()},
          {"organization", organization.slug},
          {"name", TextJson(organization.name)}};
}

json PersonJson(const std::optional<NamedPerson>& person) {
  if (!person) return nullptr;
  return {{"person_id", person->id.value()}, {"person", person->slug}, {"name", person->name}};
}

json SummaryJson(const EventSummary& event) {
  return {{"id", event.id.value()},
          {"slug", event.slug},
          {"kind", kEventKinds.Key(event.kind)},
          {"visibility", auth::VisibilityKey(event.visibility)},
          {"time_zone", event.time_zone},
          {"country", event.country.empty() ? json(nullptr) : json(event.country)},
          {"starts", WallJson(event.starts)},
          {"ends", WallJson(event.ends)},
          {"title", TextJson(event.title)},
          {"city", TextJson(event.city)},
          {"series", event.series ? json(event.series->slug) : json(nullptr)}};
}

json InvitationJson(const Invitation& invitation) {
  return {
      {"id", invitation.id.value()},
      {"event_id", invitation.event.value()},
      {"from_organization",
       invitation.from_organization ? OrganizationJson(*invitation.from_organization) : json(nullptr)},
      {"from_person", PersonJson(invitation.from_person)},
      {"to_organization", invitation.to_organization ? OrganizationJson(*invitation.to_organization) : json(nullptr)},
      {"to_person", PersonJson(invitation.to_person)},
      {"invited_count", invitation.invited_count ? json(*invitation.invited_count) : json(nullptr)},
      {"language", invitation.language},
      {"status", kInvitationStatuses.Key(invitation.status)},
      {"sent_on", invitation.sent_on.ToString()},
      {"delegation_id", invitation.delegation ? json(invitation.delegation->value()) : json(nullptr)}};
}

json ParticipantJson(const Participant& participant, ParticipantAudience audience) {
  json item = {{"id", participant.id.value()},
               {"person", PersonJson(participant.person)},
               {"role", kParticipantRoles.Key(participant.role)}};
  if (audience == ParticipantAudience::kManagers) {
    item["status"] = kParticipantStatuses.Key(participant.status);
    item["consent_to_list"] = participant.consent_to_list;
    item["delegation_id"] = participant.delegation ? json(participant.delegation->value()) : json(nullptr);
  }
  return item;
}

json DelegationJson(const Delegation& delegation) {
  json members = json::array();
  for (const auto& member : delegation.members) members.push_back(PersonJson(member));
  return {{"id", delegation.id.value()},
          {"organization", OrganizationJson(delegation.organization)},
          {"head", PersonJson(delegation.head)},
          {"size", delegation.size ? json(*delegation.size) : json(nullptr)},
          {"members", members}};
}

json AwardJson(const Award& award) {
  return {{"id", award.id.value()},
          {"title", TextJson(award.title)},
          {"citation", TextJson(award.citation)},
          {"presented_by", PersonJson(award.presented_by)},
          {"recipient", PersonJson(award.recipient)},
          {"recipient_role", TextJson(award.recipient_role)},
          {"awarded_on", award.awarded_on.ToString()}};
}

json EventJson(const Event& event, const auth::Actor& actor) {
  bool manager = EventService::MayManage(actor, event);
  json sessions = json::array();
  for (const auto& session : event.sessions) {
    json speakers = json::array(), moderators = json::array(), met = json::array();
    for (const auto& person : session.speakers) speakers.push_back(PersonJson(person));
    for (const auto& person : session.moderators) moderators.push_back(PersonJson(person));
    for (const auto& organization : session.organizations_met) met.push_back(OrganizationJson(organization));
    sessions.push_back({{"id", session.id.value()},
                        {"kind", kSessionKinds.Key(session.kind)},
                        {"starts", WallJson(session.starts)},
                        {"ends", WallJson(session.ends)},
                        {"room", session.room},
                        {"title", TextJson(session.title)},
                        {"description", TextJson(session.description)},
                        {"speakers", speakers},
                        {"moderators", moderators},
                        {"organizations_met", met}});
  }
  json organizers = json::array(), delegations = json::array(), participants = json::array(),
       invitations = json::array(), awards = json::array();
  for (const auto& organizer : event.organizers) organizers.push_back(OrganizationJson(organizer));
  for (const auto& delegation : event.delegations) delegations.push_back(DelegationJson(delegation));
  for (const auto& participant : event.participants) {
    if (!manager && (!participant.consent_to_list || participant.status != ParticipantStatus::kConfirmed)) continue;
    participants.push_back(
        ParticipantJson(participant, manager ? ParticipantAudience::kManagers : ParticipantAudience::kPublic));
  }
  for (const auto& invitation : event.invitations) {
    if (manager || EventService::MayAnswer(actor, invitation)) invitations.push_back(InvitationJson(invitation));
  }
  for (const auto& award : event.awards) awards.push_back(AwardJson(award));
  EventSummary summary{event.id,     event.slug, event.kind,  event.visibility, event.time_zone, event.country,
                       event.starts, event.ends, event.title, event.city,       event.series};
  json objectives = json::array();
  for (auto objective : event.objectives) objectives.push_back(objective.value());
  json result = SummaryJson(summary);
  result.update({{"description", TextJson(event.description)},
                 {"venue", TextJson(event.venue)},
                 {"programme", TextJson(event.programme)},
                 {"dates_note", TextJson(event.dates_note)},
                 {"capacity", event.capacity ? json(*event.capacity) : json(nullptr)},
                 {"registration", kRegistrations.Key(event.registration)},
                 {"organizers", organizers},
                 {"objectives", objectives},
                 {"sessions", sessions},
                 {"delegations", delegations},
                 {"participants", participants},
                 {"invitations", invitations},
                 {"awards", awards}});
  return result;
}

Error BadShape() { return Error::InvalidArgument(N_("The request body does not have the expected shape.")); }

json BoardJson(const MeetingBoard& board) {
  json slots = json::array(), rooms = json::array(), requests = json::array();
  for (const auto& slot : board.slots) {
    slots.push_back({{"id", slot.id.value()}, {"starts", WallJson(slot.starts)}, {"ends", WallJson(slot.ends)}});
  }
  for (const auto& room : board.rooms) rooms.push_back({{"id", room.id.value()}, {"name", room.name}});
  for (const auto& request : board.requests) {
    requests.push_back({{"id", request.id.value()},
                        {"requester_delegation_id",
                         request.requester_delegation ? json(request.requester_delegation->value()) : json(nullptr)},
                        {"requester_person", PersonJson(request.requester_person)},
                        {"host_person", PersonJson(request.host_person)},
                        {"host_organization",
                         request.host_organization ? OrganizationJson(*request.host_organization) : json(nullptr)},
                        {"priority", request.priority},
                        {"slot_id", request.slot ? json(request.slot->value()) : json(nullptr)},
                        {"room_id", request.room ? json(request.room->value()) : json(nullptr)},
                        {"pinned", request.pinned}});
  }
  return {{"slots", slots}, {"rooms", rooms}, {"requests", requests}};
}

json ScheduleJson(const ScheduleOutcome& outcome) {
  json unmet = json::array();
  for (const auto& item : outcome.unmet) {
    const char* reason = item.reason == UnmetReason::kNoCommonAvailability ? "no_common_availability"
                         : item.reason == UnmetReason::kNoRoomFree         ? "no_room_free"
                         : item.reason == UnmetReason::kPinConflict        ? "pin_conflict"
                                                                           : "parties_booked";
    unmet.push_back({{"request_id", item.request.value()}, {"reason", reason}});
  }
  return {{"met", outcome.met}, {"requested", outcome.requested}, {"unmet", unmet}};
}

// --- Bodies ---

Result<EventInput> EventInputFromJson(const json& body, EventInput input, const std::string& default_original) {
  http::JsonReader read(body, default_original);
  input.slug = read.String("slug", input.slug);
  input.kind = read.String("kind", input.kind);
  input.visibility = read.String("visibility", input.visibility);
  input.country = read.String("country", input.country);
  input.time_zone = read.String("time_zone", input.time_zone);
  input.starts = read.String("starts", input.starts);
  input.ends = read.String("ends", input.ends);
  input.capacity = read.NumberText("capacity", input.capacity);
  input.registration = read.String("registration", input.registration);
  input.series = read.String("series", input.series);
  for (auto [key, target] : {std::pair{"title", &input.title}, std::pair{"description", &input.description},
                             std::pair{"city", &input.city}, std::pair{"venue", &input.venue},
                             std::pair{"programme", &input.programme}, std::pair{"dates_note", &input.dates_note}}) {
    *target = read.Text(key, *target);
  }
  input.organizers = read.Strings("organizers", input.organizers);
  if (read.Has("objectives")) {
    input.objectives.clear();
    for (long long id : read.Integers("objectives")) input.objectives.push_back(agreements::ObjectiveId(id));
  }
  return read.Finish(std::move(input));
}

Result<SessionInput> SessionInputFromJson(const json& body, const std::string& default_original) {
  http::JsonReader read(body, default_original);
  SessionInput input;
  input.kind = read.String("kind", "conference");
  input.starts = read.String("starts");
  input.ends = read.String("ends");
  input.room = read.String("room");
  input.title = read.Text("title");
  input.description = read.Text("description");
  input.speakers = read.Strings("speakers");
  input.moderators = read.Strings("moderators");
  input.organizations_met = read.Strings("organizations_met");
  return read.Finish(std::move(input));
}

Result<InvitationInput> InvitationInputFromJson(const json& body) {
  http::JsonReader read(body);
  InvitationInput input;
  input.from_organization = read.String("from_organization");
  input.from_person = read.String("from_person");
  input.to_organization = read.String("to_organization");
  input.to_person = read.String("to_person");
  input.invited_count = read.NumberText("invited_count");
  input.language = read.String("language", "en");
  input.sent_on = read.String("sent_on");
  return read.Finish(std::move(input));
}

Result<ParticipantInput> ParticipantInputFromJson(const json& body) {
  http::JsonReader read(body);
  ParticipantInput input;
  input.person = read.String("person");
  input.role = read.String("role", "guest");
  input.consent_to_list = read.Boolean("consent_to_list", false);
  input.delegation = read.NumberText("delegation_id");
  return read.Finish(std::move(input));
}

// A delegation from one organization: its head and members from the directory, or only its size.
Result<DelegationInput> DelegationInputFromJson(const json& body) {
  http::JsonReader read(body);
  DelegationInput input;
  input.organization = read.String("organization");
  input.head = read.String("head");
  input.size = read.NumberText("size");
  input.members = read.Strings("members");
  return read.Finish(std::move(input));
}

Result<AwardInput> AwardInputFromJson(const json& body, const std::string& event, const std::string& default_original) {
  http::JsonReader read(body, default_original);
  AwardInput input;
  input.event = event;
  input.presented_by = read.String("presented_by");
  input.recipient = read.String("recipient");
  input.title = read.Text("title");
  input.citation = read.Text("citation");
  input.recipient_role = read.Text("recipient_role");
  input.awarded_on = read.String("awarded_on");
  return read.Finish(std::move(input));
}

}  // namespace entente::events
