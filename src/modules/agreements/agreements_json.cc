// The agreements module's JSON shapes: what the API writes, and what it reads.

#include "modules/agreements/agreements_json.h"

#include <fmt/format.h>

#include <climits>
#include <utility>

#include "core/base/messages.h"
#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/agreements/tracker.h"

namespace entente::agreements {

using nlohmann::json;

namespace {

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }
json DateJson(const PartialDate& date) { return http::PartialDateJson(date); }

json PartyJson(const Party& party) {
  json out = {{"organization_id", party.organization.value()},
              {"organization", party.organization_slug},
              {"name", TextJson(party.organization_name)},
              {"jurisdiction", party.jurisdiction.empty() ? json(nullptr) : json(party.jurisdiction)},
              {"signatory", nullptr}};
  if (party.signatory) {
    out["signatory"] = {{"person_id", party.signatory->value()},
                        {"person", party.signatory_slug},
                        {"name", party.signatory_name},
                        {"title_at_signing", party.signatory_title}};
  }
  return out;
}

template <typename Item, typename ToJson>
json List(const std::vector<Item>& items, ToJson&& to_json) {
  json list = json::array();
  for (const auto& item : items) list.push_back(to_json(item));
  return list;
}

json CoordinatorJson(const Coordinator& coordinator) {
  return {{"organization", coordinator.organization_slug},
          {"person_id", coordinator.person.value()},
          {"person", coordinator.person_slug},
          {"name", coordinator.person_name},
          {"starts_on", DateJson(coordinator.starts_on)},
          {"ends_on", DateJson(coordinator.ends_on)}};
}

// An objective with its progress: the agreement's own activities by id, other modules' by link.
json ObjectiveJson(const ObjectiveProgress& item) {
  json categories = json::array();
  for (auto category : item.objective->categories) categories.push_back(CategoryKey(category));
  json activities = json::array(), linked = json::array();
  for (const Activity* activity : item.activities) {
    if (activity->link.empty()) {
      activities.push_back(activity->id.value());
    } else {
      linked.push_back(activity->link);
    }
  }
  return {{"id", item.objective->id.value()},
          {"sequence", item.objective->sequence},
          {"text", TextJson(item.objective->text)},
          {"categories", categories},
          {"activities", activities},
          {"linked_activities", linked},
          {"last_activity", DateJson(item.last_activity)},
          {"no_activity_in_12_months", item.quiet}};
}

json DocumentsJson(const Agreement& agreement) {
  json documents = json::array();
  for (const auto& document : agreement.documents) {
    documents.push_back({{"id", document.id.value()},
                         {"language", document.language},
                         {"file_name", document.file_name},
                         {"type", DocumentTypeKey(document.type)},
                         {"size_bytes", document.size_bytes},
                         {"sha256", document.sha256_hex},
                         {"href", fmt::format("/agreements/{}/documents/{}", agreement.slug, document.id.value())}});
  }
  return documents;
}

}  // namespace


json ActivityJson(const Activity& activity) {
  json objectives = json::array();
  for (auto objective : activity.objectives) objectives.push_back(objective.value());
  return {{"id", activity.link.empty() ? json(activity.id.value()) : json(nullptr)},
          {"kind", ActivityKindKey(activity.kind)},
          {"happened_on", DateJson(activity.happened_on)},
          {"text", TextJson(activity.text)},
          {"place", TextJson(activity.place)},
          {"objectives", objectives},
          {"link", activity.link.empty() ? json(nullptr) : json(activity.link)}};
}

json ReviewJson(const Review& review) {
  return {{"year", review.year},
          {"findings", TextJson(review.findings)},
          {"decisions", TextJson(review.decisions)},
          {"next_actions", TextJson(review.next_actions)}};
}

json FollowUpJson(const FollowUp& follow_up) {
  return {{"id", follow_up.id.value()},
          {"entry_on", DateJson(follow_up.entry_on)},
          {"author_user_id", follow_up.author.valid() ? json(follow_up.author.value()) : json(nullptr)},
          {"source", follow_up.source},
          {"text", TextJson(follow_up.text)}};
}

json SummaryJson(const AgreementSummary& agreement) {
  json parties = json::array();
  for (const auto& party : agreement.parties) parties.push_back(PartyJson(party));
  return {{"id", agreement.id.value()},
          {"slug", agreement.slug},
          {"kind", KindKey(agreement.kind)},
          {"status", StatusKey(agreement.status)},
          {"visibility", auth::VisibilityKey(agreement.visibility)},
          {"title", TextJson(agreement.title)},
          {"signed_on", DateJson(agreement.signed_on)},
          {"parties", parties}};
}

json AgreementJson(const Agreement& agreement, std::chrono::year_month_day as_of) {
  auto organization = [](const std::optional<OrganizationId>& id, const std::string& slug) {
    return id ? json({{"id", id->value()}, {"slug", slug}}) : json(nullptr);
  };
  return {{"id", agreement.id.value()},
          {"slug", agreement.slug},
          {"kind", KindKey(agreement.kind)},
          {"status", StatusKey(agreement.status)},
          {"visibility", auth::VisibilityKey(agreement.visibility)},
          {"title", TextJson(agreement.title)},
          {"signed_on", DateJson(agreement.signed_on)},
          {"in_force_on", DateJson(agreement.in_force_on)},
          {"suspended_on", DateJson(agreement.suspended_on)},
          {"ended_on", DateJson(agreement.ended_on)},
          {"signing_place", TextJson(agreement.signing_place)},
          {"occasion", TextJson(agreement.occasion)},
          {"occasion_event_id", agreement.occasion_event_id ? json(*agreement.occasion_event_id) : json(nullptr)},
          {"term", TermKey(agreement.term)},
          {"term_months", agreement.term_months ? json(*agreement.term_months) : json(nullptr)},
          {"renewal", RenewalKey(agreement.renewal)},
          {"notice_months", agreement.notice_months ? json(*agreement.notice_months) : json(nullptr)},
          {"authentic_languages", agreement.authentic_languages ? json(*agreement.authentic_languages) : json(nullptr)},
          {"initiated_by", organization(agreement.initiated_by, agreement.initiated_by_slug)},
          {"supported_by", organization(agreement.supported_by, agreement.supported_by_slug)},
          {"parties", List(agreement.parties, PartyJson)},
          {"coordinators", List(agreement.coordinators, CoordinatorJson)},
          {"as_of", PartialDate::Day(as_of).ToString()},
          {"objectives", List(TrackObjectives(agreement, as_of), ObjectiveJson)},
          {"documents", DocumentsJson(agreement)},
          {"follow_ups", List(agreement.follow_ups, FollowUpJson)},
          {"reviews", List(agreement.reviews, ReviewJson)},
          {"activities", List(agreement.activities, ActivityJson)},
          {"updated_at", agreement.updated_at_utc}};
}

AgreementInput ReadAgreement(http::JsonReader& read, AgreementInput base) {
  AgreementInput input = std::move(base);
  input.slug = read.String("slug", input.slug);
  input.kind = read.String("kind", input.kind);
  input.status = read.String("status", input.status);
  input.visibility = read.String("visibility", input.visibility);
  input.title = read.Text("title", input.title);
  input.signing_place = read.Text("signing_place", input.signing_place);
  input.occasion = read.Text("occasion", input.occasion);
  // A date, a number or an organization sent as null is cleared; absent, it is kept.
  for (auto [name, field] : {std::pair{"signed_on", &input.signed_on}, std::pair{"in_force_on", &input.in_force_on},
                             std::pair{"suspended_on", &input.suspended_on}, std::pair{"ended_on", &input.ended_on},
                             std::pair{"initiated_by", &input.initiated_by},
                             std::pair{"supported_by", &input.supported_by}}) {
    if (read.Has(name)) *field = read.String(name);
  }
  input.term = read.String("term", input.term);
  if (read.Has("term_months")) input.term_months = read.NumberText("term_months");
  input.renewal = read.String("renewal", input.renewal);
  if (read.Has("notice_months")) input.notice_months = read.NumberText("notice_months");
  if (read.Has("authentic_languages")) {
    input.authentic_languages.reset();
    if (!read.IsNull("authentic_languages")) input.authentic_languages = read.Strings("authentic_languages");
  }
  // An organization or a person left out of an item is "" here, which the service refuses as
  // unknown, under the list's name.
  if (read.Has("parties")) {
    input.parties.clear();
    read.Each("parties", [&](http::JsonReader& party) {
      input.parties.push_back({party.String("organization"), party.String("signatory")});
    });
  }
  if (read.Has("coordinators")) {
    input.coordinators.clear();
    read.Each("coordinators", [&](http::JsonReader& coordinator) {
      input.coordinators.push_back({coordinator.String("organization"), coordinator.String("person"),
                                    coordinator.String("starts_on"), coordinator.String("ends_on")});
    });
  }
  if (read.Has("objectives")) {
    input.objectives.clear();
    read.Each("objectives", [&](http::JsonReader& objective) {
      ObjectiveInput item;
      if (auto id = objective.Integer("id"); id && *id != 0) item.id = ObjectiveId(*id);
      item.text = objective.Text("text");
      item.categories = objective.Strings("categories");
      input.objectives.push_back(std::move(item));
    });
  }
  return input;
}

FollowUpInput ReadFollowUp(http::JsonReader& read) {
  return {read.String("entry_on"), read.Text("text"), read.String("source")};
}

ActivityInput ReadActivity(http::JsonReader& read) {
  ActivityInput input;
  input.kind = read.String("kind", input.kind);
  input.happened_on = read.String("happened_on");
  input.text = read.Text("text");
  input.place = read.Text("place");
  for (long long id : read.Integers("objectives")) input.objectives.emplace_back(id);
  return input;
}

Result<ReviewInput> ReviewFromJson(const nlohmann::json& body) {
  http::JsonReader read(body);
  ReviewInput input;
  // The year is a JSON number, not a numeric string.
  if (read.Has("year")) {
    const auto& year = body.at("year");
    if (year.is_number_integer() && year.get<long long>() >= INT_MIN && year.get<long long>() <= INT_MAX) {
      input.year = static_cast<int>(year.get<long long>());
    } else {
      read.Add({"year", N_("Give the year under review.")});
    }
  }
  input.findings = read.Text("findings");
  input.decisions = read.Text("decisions");
  input.next_actions = read.Text("next_actions");
  return read.Finish(std::move(input));
}

Result<AgreementInput> AgreementFromJson(const nlohmann::json& body, AgreementInput base) {
  http::JsonReader read(body);
  AgreementInput input = ReadAgreement(read, std::move(base));
  return read.Finish(std::move(input));
}

Result<FollowUpInput> FollowUpFromJson(const nlohmann::json& body) {
  http::JsonReader read(body);
  FollowUpInput input = ReadFollowUp(read);
  return read.Finish(std::move(input));
}

Result<ActivityInput> ActivityFromJson(const nlohmann::json& body) {
  http::JsonReader read(body);
  ActivityInput input = ReadActivity(read);
  return read.Finish(std::move(input));
}

}  // namespace entente::agreements
