// The agreements module's JSON shapes: what the API writes, and what it reads.

#include "modules/agreements/agreements_json.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/json.h"
#include "modules/agreements/tracker.h"

namespace entente::agreements {

using nlohmann::json;

namespace {

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }
json DateJson(const PartialDate& date) { return http::PartialDateJson(date); }

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
          {"author_user_id", follow_up.author_user_id ? json(follow_up.author_user_id) : json(nullptr)},
          {"source", follow_up.source},
          {"text", TextJson(follow_up.text)}};
}

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
  json parties = json::array();
  for (const auto& party : agreement.parties) parties.push_back(PartyJson(party));
  json coordinators = json::array();
  for (const auto& coordinator : agreement.coordinators) {
    coordinators.push_back({{"organization", coordinator.organization_slug},
                            {"person_id", coordinator.person.value()},
                            {"person", coordinator.person_slug},
                            {"name", coordinator.person_name},
                            {"starts_on", DateJson(coordinator.starts_on)},
                            {"ends_on", DateJson(coordinator.ends_on)}});
  }
  auto progress = TrackObjectives(agreement, as_of);
  json objectives = json::array();
  for (const auto& item : progress) {
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
    objectives.push_back({{"id", item.objective->id.value()},
                          {"sequence", item.objective->sequence},
                          {"text", TextJson(item.objective->text)},
                          {"categories", categories},
                          {"activities", activities},
                          {"linked_activities", linked},
                          {"last_activity", DateJson(item.last_activity)},
                          {"no_activity_in_12_months", item.quiet}});
  }
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
  json follow_ups = json::array();
  for (const auto& follow_up : agreement.follow_ups) follow_ups.push_back(FollowUpJson(follow_up));
  json reviews = json::array();
  for (const auto& review : agreement.reviews) reviews.push_back(ReviewJson(review));
  json activities = json::array();
  for (const auto& activity : agreement.activities) activities.push_back(ActivityJson(activity));
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
          {"parties", parties},
          {"coordinators", coordinators},
          {"as_of", PartialDate::Day(as_of).ToString()},
          {"objectives", objectives},
          {"documents", documents},
          {"follow_ups", follow_ups},
          {"reviews", reviews},
          {"activities", activities},
          {"updated_at", agreement.updated_at_utc}};
}

Error BadShape() {
  return Error::InvalidArgument(N_("The JSON body does not have the expected shape; see docs/openapi.yaml."));
}

// {"en": "text"} or {"en": {"text": "…", "original": true}}; a lone plain string is the original.
i18n::LocalizedText TextFromJson(const json& value) {
  i18n::LocalizedText text;
  if (value.is_null()) return text;
  for (const auto& [language, variant] : value.items()) {
    if (variant.is_string()) {
      text.Set(language, variant.get<std::string>(), value.size() == 1);
    } else {
      text.Set(language, variant.at("text").get<std::string>(), variant.value("original", false));
    }
  }
  return text;
}

std::string StringOr(const json& body, const char* key, const std::string& fallback) {
  if (!body.contains(key) || body.at(key).is_null()) return fallback;
  return body.at(key).get<std::string>();
}

std::string NumberText(const json& body, const char* key) {
  if (!body.contains(key) || body.at(key).is_null()) return "";
  if (body.at(key).is_number_integer()) return std::to_string(body.at(key).get<long long>());
  return body.at(key).get<std::string>();
}

// Fields absent from `body` keep their value in `base`.
Result<AgreementInput> InputFromJson(const json& body, AgreementInput base) {
  try {
    if (!body.is_object()) return Fail(BadShape());
    AgreementInput input = std::move(base);
    input.slug = StringOr(body, "slug", input.slug);
    input.kind = StringOr(body, "kind", input.kind);
    input.status = StringOr(body, "status", input.status);
    input.visibility = StringOr(body, "visibility", input.visibility);
    if (body.contains("title")) input.title = TextFromJson(body.at("title"));
    if (body.contains("signing_place")) input.signing_place = TextFromJson(body.at("signing_place"));
    if (body.contains("occasion")) input.occasion = TextFromJson(body.at("occasion"));
    for (auto [key, field] : {std::pair{"signed_on", &input.signed_on}, std::pair{"in_force_on", &input.in_force_on},
                              std::pair{"suspended_on", &input.suspended_on}, std::pair{"ended_on", &input.ended_on}}) {
      if (body.contains(key)) *field = StringOr(body, key, "");
    }
    input.term = StringOr(body, "term", input.term);
    if (body.contains("term_months")) input.term_months = NumberText(body, "term_months");
    input.renewal = StringOr(body, "renewal", input.renewal);
    if (body.contains("notice_months")) input.notice_months = NumberText(body, "notice_months");
    if (body.contains("authentic_languages")) {
      const json& languages = body.at("authentic_languages");
      input.authentic_languages =
          languages.is_null() ? std::nullopt : std::optional(languages.get<std::vector<std::string>>());
    }
    if (body.contains("initiated_by")) input.initiated_by = StringOr(body, "initiated_by", "");
    if (body.contains("supported_by")) input.supported_by = StringOr(body, "supported_by", "");
    if (body.contains("parties")) {
      input.parties.clear();
      for (const auto& party : body.at("parties")) {
        input.parties.push_back({party.at("organization").get<std::string>(), StringOr(party, "signatory", "")});
      }
    }
    if (body.contains("coordinators")) {
      input.coordinators.clear();
      for (const auto& coordinator : body.at("coordinators")) {
        input.coordinators.push_back({coordinator.at("organization").get<std::string>(),
                                      coordinator.at("person").get<std::string>(),
                                      StringOr(coordinator, "starts_on", ""), StringOr(coordinator, "ends_on", "")});
      }
    }
    if (body.contains("objectives")) {
      input.objectives.clear();
      for (const auto& objective : body.at("objectives")) {
        ObjectiveInput item;
        item.id = objective.value("id", 0LL);
        item.text = TextFromJson(objective.value("text", json(nullptr)));
        item.categories = objective.value("categories", std::vector<std::string>{});
        input.objectives.push_back(std::move(item));
      }
    }
    return input;
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
}

}  // namespace entente::agreements
