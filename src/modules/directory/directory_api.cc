// The directory's JSON API: Find a lawyer, people and organizations; their writes.

#include "modules/directory/directory_handlers.h"

#include "core/base/messages.h"
#include "core/http/json.h"
#include "modules/directory/directory_json.h"
#include "modules/directory/lawyer_query.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;
using nlohmann::json;

Result<Response> PersonResponse(RequestContext& context, const Context& deps, PersonId id, int status) {
  auto person = deps.people.GetPerson(id);
  if (!person) return Fail(person.error());
  return http::JsonResponse(PersonJson(*person, context.actor), status);
}

}  // namespace

Result<Response> ApiLawyers(RequestContext& context, const Context& deps) {
  auto query = ReadLawyerQuery(context.request);
  if (!query) return Fail(query.error());
  auto found = deps.people.FindLawyers(*query, context.language);
  if (!found) return Fail(found.error());
  json body = http::PageJson(*found, [](const LawyerHit& hit) {
    return json{{"id", hit.id.value()},
                {"slug", hit.slug},
                {"display_name", hit.display_name},
                {"other_names", hit.other_names},
                {"city", hit.city},
                {"bars", hit.bars},
                {"score", hit.score}};
  });
  body["total_is_lower_bound"] = found->total_is_lower_bound;
  // A page reached by cursor has no number.
  if (query->after) body["page"] = nullptr;
  // Following `next` until it is null walks the whole list (by cursor past the first pages).
  std::string next = NextQueryString(*query, *found, NextLink::kCursor);
  body["next"] = next.empty() ? json(nullptr) : json("/api/v1/lawyers?" + next);
  body["next_after"] = found->next_after.empty() ? json(nullptr) : json(found->next_after);
  return http::JsonResponse(body);
}

Result<Response> ApiPerson(RequestContext& context, const Context& deps) {
  auto person = deps.people.GetPerson(context.params.GetId<PersonId>("id"));
  if (!person) return Fail(person.error());
  return http::JsonResponse(PersonJson(*person, context.actor));
}

Result<Response> ApiOrganizations(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  std::string kind = context.request.QueryParam("kind").value_or("");
  std::string jurisdiction = context.request.QueryParam("jurisdiction").value_or("");
  Page<Organization> page;
  page.page = page_request->page;
  page.per_page = page_request->per_page;
  std::vector<Organization> matching;
  for (const auto& organization : *organizations) {
    if (!MayView(context.actor, organization)) continue;
    if (!kind.empty() && KindKey(organization.kind) != kind) continue;
    if (!jurisdiction.empty() && organization.jurisdiction != jurisdiction) continue;
    matching.push_back(organization);
  }
  page.total = static_cast<long long>(matching.size());
  for (long long i = page_request->offset(); i < page.total && i < page_request->offset() + page.per_page; ++i) {
    page.items.push_back(matching[static_cast<size_t>(i)]);
  }
  return http::JsonResponse(http::PageJson(page, OrganizationJson));
}

Result<Response> ApiOrganization(RequestContext& context, const Context& deps) {
  auto organization = deps.organizations.GetById(context.actor, context.params.GetId<OrganizationId>("id"));
  if (!organization) return Fail(organization.error());
  if (!MayView(context.actor, *organization)) return Fail(Error::NotFound());
  auto details = deps.people.OrganizationDetails(organization->id);
  if (!details) return Fail(details.error());
  json body = OrganizationJson(*organization);
  body["member_count"] = details->member_count;
  body["office_holders"] = json::array();
  for (const auto& holder : details->holders) {
    body["office_holders"].push_back({{"person_id", holder.person.value()},
                                      {"title", TitleKey(holder.position.title)},
                                      {"starts_on", DateJson(holder.position.starts_on)},
                                      {"attested_on", DateJson(holder.position.attested_on)}});
  }
  auto related = deps.organizations.Related(context.actor, organization->slug);
  if (!related) return Fail(related.error());
  for (const auto& kind : *related) {
    json records = json::array();
    for (const auto& record : kind.records) {
      records.push_back({{"href", record.href},
                         {"title", http::LocalizedJson(record.title)},
                         {"date", DateJson(record.date)},
                         {"label", record.label_key}});
    }
    body[kind.key] = {{"items", records}, {"more", kind.more}, {"all_href", kind.all_href}};
  }
  return http::JsonResponse(body);
}

Result<Response> ApiCreateOrganization(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = OrganizationInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.organizations.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  auto organization = deps.organizations.GetById(context.actor, *created);
  if (!organization) return Fail(organization.error());
  return http::JsonResponse(OrganizationJson(*organization), 201);
}

Result<Response> ApiUpdateOrganization(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<OrganizationId>("id");
  auto existing = deps.organizations.GetById(context.actor, id);
  if (!existing) return Fail(existing.error());
  if (!MayView(context.actor, *existing)) return Fail(Error::NotFound());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = OrganizationInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.organizations.Update(context.actor, id, *input); !saved) return Fail(saved.error());
  auto organization = deps.organizations.GetById(context.actor, id);
  if (!organization) return Fail(organization.error());
  return http::JsonResponse(OrganizationJson(*organization));
}

Result<Response> ApiCreatePerson(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  if (!body->is_object()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), {{"body", N_("Send a JSON object.")}}));
  }
  auto input = PersonInputFromJson(body->value("person", json::object()));
  if (!input) return Fail(input.error());
  auto membership = MembershipInputFromJson(body->value("membership", json::object()));
  if (!membership) return Fail(membership.error());
  auto created = deps.people.CreatePerson(context.actor, *input, *membership);
  if (!created) return Fail(created.error());
  return PersonResponse(context, deps, *created, 201);
}

Result<Response> ApiUpdatePerson(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = PersonInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.UpdatePerson(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 200);
}

Result<Response> ApiAddMembership(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = MembershipInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.SaveMembership(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 201);
}

Result<Response> ApiAddPosition(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = PositionInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.SavePosition(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 201);
}

Result<Response> ApiMerge(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto duplicate = body->is_object() ? body->find("duplicate_id") : body->end();
  if (!body->is_object() || duplicate == body->end() || !duplicate->is_number_integer() ||
      duplicate->get<long long>() <= 0) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"duplicate_id", N_("Give the id of the duplicate record.")}}));
  }
  if (auto merged = deps.people.Merge(context.actor, id, PersonId(duplicate->get<long long>())); !merged) {
    return Fail(merged.error());
  }
  return PersonResponse(context, deps, id, 200);
}

}  // namespace entente::directory
