// Creating and editing an organization.

#include "modules/directory/directory_handlers.h"

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"
#include "core/render/forms.h"
#include "modules/directory/organization_options.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;
using render::Text;

OrganizationInput InputFrom(const Organization& organization, const std::vector<Organization>& all) {
  OrganizationInput input;
  input.slug = organization.slug;
  input.kind = std::string(KindKey(organization.kind));
  for (const auto& other : all) {
    if (organization.parent && other.id == *organization.parent) input.parent_slug = other.slug;
  }
  input.city = organization.city;
  input.country_code = organization.country_code;
  input.jurisdiction = organization.jurisdiction;
  input.website = organization.website;
  input.visibility = std::string(auth::VisibilityKey(organization.visibility));
  input.name = organization.name;
  input.alternate_name = organization.alternate_name;
  return input;
}

OrganizationInput OrganizationInputFromForm(const http::Form& form) {
  OrganizationInput input;
  input.slug = form.Get("slug");
  input.kind = form.Get("kind");
  input.parent_slug = form.Get("parent");
  input.city = form.Get("city");
  input.country_code = form.Get("country_code");
  input.jurisdiction = form.Get("jurisdiction");
  input.website = form.Get("website");
  input.visibility = form.Get("visibility");
  std::string original = form.Get("original_language");
  for (std::string_view language : i18n::kLanguages) {
    std::string code(language);
    if (auto text = form.Get("name_" + code); !text.empty()) input.name.Set(code, {text, code == original});
    if (auto text = form.Get("alternate_name_" + code); !text.empty()) {
      input.alternate_name.Set(code, {text, code == original});
    }
  }
  return input;
}

// The names in each language, and which of them is the original.
void FillNames(ctemplate::TemplateDictionary& content, const OrganizationInput& input) {
  std::string original;
  for (const auto& [code, variant] : input.name.variants()) {
    if (variant.original) original = code;
  }
  for (std::string_view code : i18n::kLanguages) {
    auto* row = content.AddSectionDictionary("NAME_ROW");
    row->SetValue("CODE", Text(code));
    row->SetValue("LANGUAGE", Text(i18n::NativeName(code)));
    auto& variants = input.name.variants();
    if (auto it = variants.find(code); it != variants.end()) row->SetValue("NAME", it->second.text);
    auto& alternates = input.alternate_name.variants();
    if (auto it = alternates.find(code); it != alternates.end()) row->SetValue("ALTERNATE", it->second.text);
  }
  render::AddLanguageOptions(content, "ORIGINAL_OPTION", original);
}

// The selects: kind, parent, jurisdiction and visibility.
void FillChoices(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                 const OrganizationInput& input, const std::optional<Organization>& existing,
                 const std::vector<Organization>& all, const std::vector<Jurisdiction>& jurisdictions) {
  render::AddOptions(content, "KIND_OPTION", KindOptions(context, deps), input.kind);
  // A parent the actor administers; a platform admin may also leave it at the top level.
  std::vector<Organization> parents;
  for (const auto& organization : Administered(context, all, OrganizationKinds::kAny)) {
    if (!existing || organization.id != existing->id) parents.push_back(organization);
  }
  if (context.actor.IsPlatformAdmin()) content.ShowSection("TOP_LEVEL_ALLOWED");
  render::AddOptions(content, "PARENT_OPTION", OrganizationOptions(parents, context.language), input.parent_slug);
  render::AddOptions(content, "JURISDICTION_OPTION", JurisdictionOptions(jurisdictions, context.language),
                     input.jurisdiction);
  std::vector<render::Option> visibilities;
  for (auto visibility : {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    visibilities.push_back({std::string(auth::VisibilityKey(visibility)),
                            deps.pages.Translate(context, auth::VisibilityLabel(visibility))});
  }
  render::AddOptions(content, "VISIBILITY_OPTION", visibilities, input.visibility);
}

// The form, new (`existing` empty) or for `existing`, with what `input` holds and `error`'s
// field errors.
Result<Response> OrganizationForm(RequestContext& context, const Context& deps, const OrganizationInput& input,
                                  const std::optional<Organization>& existing, const std::optional<Error>& error) {
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  std::string title =
      existing ? DisplayName(*existing, context.language) : deps.pages.Translate(context, N_("New organization"));
  render::Page page("directory/organization_form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("TITLE", title);
  if (existing) {
    content.SetValueAndShowSection("SLUG", existing->slug, "EDITING");
    content.SetValue("ACTION", "/organizations/" + existing->slug + "/edit");
  } else {
    content.SetValue("ACTION", "/organizations/new");
    content.SetValue("NEW_SLUG", input.slug);
    content.ShowSection("CREATING");
  }
  FillChoices(context, deps, content, input, existing, *all, *jurisdictions);
  FillNames(content, input);
  content.SetValue("CITY", input.city);
  content.SetValue("COUNTRY_CODE", input.country_code);
  content.SetValue("WEBSITE", input.website);
  return RenderForm(context, deps, page, error);
}

Result<Organization> EditableOrganization(RequestContext& context, const Context& deps) {
  auto organization = deps.organizations.GetBySlug(context.actor, std::string(context.params.Get("slug")));
  if (!organization) return Fail(organization.error());
  if (!MayView(context.actor, *organization)) return Fail(Error::NotFound());
  if (!context.actor.Holds(auth::Role::kBarAdmin, organization->id)) return Fail(Error::PermissionDenied());
  return organization;
}

}  // namespace

Result<Response> NewOrganizationPage(RequestContext& context, const Context& deps) {
  OrganizationInput input;
  input.parent_slug = context.request.QueryParam("parent").value_or("");
  input.kind = "committee";
  // A form for below another bar's organization is refused at once, not on submit.
  if (auto refused = RefusedBelow(context, deps, input.parent_slug)) return Fail(*refused);
  return OrganizationForm(context, deps, input, std::nullopt, std::nullopt);
}

Result<Response> CreateOrganization(RequestContext& context, const Context& deps) {
  return render::SubmitForm(
      context.request, OrganizationInput{},
      [](const http::Form& form, OrganizationInput) { return OrganizationInputFromForm(form); },
      [&](const OrganizationInput& input) {
        return ThenGoTo(deps.organizations.Create(context.actor, input), "/organizations/" + input.slug + "?saved=1");
      },
      [&](const OrganizationInput& input, const Error& error) {
        return OrganizationForm(context, deps, input, std::nullopt, error);
      },
      SeeOther);
}

Result<Response> EditOrganizationPage(RequestContext& context, const Context& deps) {
  auto organization = EditableOrganization(context, deps);
  if (!organization) return Fail(organization.error());
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  return OrganizationForm(context, deps, InputFrom(*organization, *all), *organization, std::nullopt);
}

Result<Response> UpdateOrganization(RequestContext& context, const Context& deps) {
  auto organization = EditableOrganization(context, deps);
  if (!organization) return Fail(organization.error());
  OrganizationInput base;
  base.slug = organization->slug;
  return render::SubmitForm(
      context.request, std::move(base),
      [](const http::Form& form, OrganizationInput base) {
        OrganizationInput input = OrganizationInputFromForm(form);
        input.slug = std::move(base.slug);  // the slug stays
        return input;
      },
      [&](const OrganizationInput& input) {
        return ThenGoTo(deps.organizations.Update(context.actor, organization->id, input),
                        "/organizations/" + organization->slug + "?saved=1");
      },
      [&](const OrganizationInput& input, const Error& error) {
        return OrganizationForm(context, deps, input, *organization, error);
      },
      SeeOther);
}

}  // namespace entente::directory
