// Merging two records of one person into one.

#include "modules/directory/directory_handlers.h"

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/render/forms.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;

void FillSummary(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& section,
                 const Person& person) {
  section.SetValue("SLUG", person.slug);
  section.SetValue("NAME", ShownName(context, deps, person.display_name));
  std::vector<std::string> names, rolls;
  for (const auto& name : person.names) names.push_back(name.full_name);
  for (const auto& membership : person.memberships) {
    rolls.push_back(membership.roll_number.empty() ? membership.bar_slug
                                                   : membership.bar_slug + " " + membership.roll_number);
  }
  section.SetValue("NAMES", Join(names));
  section.SetValue("ROLLS", Join(rolls));
  section.SetValue("CITY", person.city);
  section.SetValue("POSITION_COUNT", std::to_string(person.positions.size()));
}

Result<Response> MergeForm(RequestContext& context, const Context& deps, const Person& keep,
                           const std::string& duplicate_slug, const std::optional<Error>& error) {
  render::Page page("directory/person_merge.tpl", deps.pages.Translate(context, N_("Merge duplicate records")));
  page.UseForms();
  auto& content = page.content();
  FillSummary(context, deps, *content.AddSectionDictionary("KEEP"), keep);
  content.SetValue("KEEP_SLUG", keep.slug);
  content.SetValue("DUPLICATE", duplicate_slug);
  // Likely duplicates: people found by the name as written, in any status.
  if (!keep.display_name.empty()) {
    LawyerQuery query;
    query.text = keep.display_name;
    query.status = "any";
    query.page.per_page = 10;
    if (auto found = deps.people.FindLawyers(query, context.language)) {
      for (const auto& hit : found->items) {
        if (hit.id == keep.id) continue;
        auto* item = content.AddSectionDictionary("CANDIDATE");
        item->SetValue("SLUG", hit.slug);
        item->SetValue("NAME", hit.display_name);
        item->SetValue("OTHER_NAMES", Join(hit.other_names));
        item->SetValue("BARS", Join(hit.bars));
      }
    }
  }
  if (!duplicate_slug.empty() && !error) {
    auto duplicate = deps.people.GetPerson(duplicate_slug);
    if (duplicate && !duplicate->merged_into && duplicate->id != keep.id) {
      FillSummary(context, deps, *content.AddSectionDictionary("CONFIRM"), *duplicate);
    }
  }
  return RenderForm(context, deps, page, error);
}

}  // namespace

Result<Response> MergePage(RequestContext& context, const Context& deps) {
  auto keep = EditablePerson(context, deps);
  if (!keep) return Fail(keep.error());
  return MergeForm(context, deps, *keep, context.request.QueryParam("duplicate").value_or(""), std::nullopt);
}

Result<Response> MergePeople(RequestContext& context, const Context& deps) {
  auto keep = EditablePerson(context, deps);
  if (!keep) return Fail(keep.error());
  return render::SubmitForm(
      context.request, std::string(), [](const http::Form& form, std::string) { return form.Get("duplicate"); },
      [&](const std::string& duplicate_slug) -> Result<std::string> {
        auto duplicate = deps.people.GetPerson(duplicate_slug);
        if (!duplicate) {
          return Fail(Error::InvalidArgument(
              N_("Please correct the fields below."),
              {{"duplicate", N_("There is no such person, or the record was already merged.")}}));
        }
        return ThenGoTo(deps.people.Merge(context.actor, keep->id, duplicate->id),
                        "/people/" + keep->slug + "?merged=1");
      },
      [&](const std::string& duplicate_slug, const Error& error) {
        return MergeForm(context, deps, *keep, duplicate_slug, error);
      },
      SeeOther);
}

}  // namespace entente::directory
