// Publishing and editing a course (render::SubmitForm: a refused form comes back with what was
// typed, status 422, nothing written), and recording an attendance from the course's page.

#include <fmt/format.h>

#include "core/auth/policy.h"
#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"
#include "modules/directory/organization_options.h"
#include "modules/training/rules.h"
#include "modules/training/training_handlers.h"

namespace entente::training {
namespace {

using render::FormMode;
using render::Text;

// Accreditation rows shown on the form: the course's, and this many blank ones.
constexpr int kBlankAccreditationRows = 2;
constexpr int kMaxAccreditationRows = 20;

// The variant of `text` in the form's language, which is what the form edits.
std::string InLanguage(const i18n::LocalizedText& text, const std::string& language) {
  const auto* variant = text.Find(language);
  return variant ? variant->text : std::string();
}

CourseInput ReadCourseForm(const http::Form& form, const std::string& language, CourseInput base) {
  CourseInput input = std::move(base);
  input.slug = form.Get("slug");
  if (form.Has("provider")) input.provider = form.Get("provider");
  input.event = std::string(TrimSpaces(form.Get("event")));
  input.kind = form.Get("kind");
  input.format = form.Get("format");
  input.language = form.Get("language");
  input.nominal_hours = std::string(TrimSpaces(form.Get("nominal_hours")));
  input.starts_on = std::string(TrimSpaces(form.Get("starts_on")));
  input.ends_on = std::string(TrimSpaces(form.Get("ends_on")));
  input.topics.clear();
  for (const auto& entry : kTopics.entries()) {
    if (form.Get("topic_" + std::string(entry.key)) == "1") input.topics.emplace_back(entry.key);
  }
  input.practice_area = form.Get("practice_area");
  input.visibility = form.Get("visibility");
  input.title = input.title.WithTyped(language, form.Get("title"));
  input.description = input.description.WithTyped(language, form.Get("description"));
  input.accreditations.clear();
  for (int n = 1; n <= kMaxAccreditationRows && form.Has(fmt::format("accreditation_{}_jurisdiction", n)); ++n) {
    CourseInput::AccreditationInput row{
        std::string(TrimSpaces(form.Get(fmt::format("accreditation_{}_jurisdiction", n)))),
        form.Get(fmt::format("accreditation_{}_reference", n)),
        std::string(TrimSpaces(form.Get(fmt::format("accreditation_{}_approved_on", n))))};
    if (!row.jurisdiction.empty() || !TrimSpaces(row.reference).empty() || !row.approved_on.empty()) {
      input.accreditations.push_back(std::move(row));
    }
  }
  return input;
}

// The choices of the form: providers (those the actor coordinates), kinds, formats, languages,
// topics, visibilities.
Status FillChoices(RequestContext& context, const Context& deps, const CourseInput& input,
                   ctemplate::TemplateDictionary& content) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  std::vector<directory::Organization> providers;
  for (auto& provider : Providers(*organizations)) {
    if (auth::Policy::MayAct(context.actor, auth::Role::kCoordinator, {.organizations = {provider.id}})) {
      providers.push_back(std::move(provider));
    }
  }
  render::AddOptions(content, "PROVIDER_OPTION", directory::OrganizationOptions(providers, context.language),
                     input.provider);
  render::AddOptions(content, "KIND_OPTION", EnumOptions(kCourseKinds, deps, context), input.kind);
  render::AddOptions(content, "FORMAT_OPTION", EnumOptions(kCourseFormats, deps, context), input.format);
  render::AddLanguageOptions(content, "LANGUAGE_OPTION", input.language);
  for (const auto& entry : kTopics.entries()) {
    auto* option = content.AddSectionDictionary("TOPIC_OPTION");
    option->SetValue("VALUE", Text(entry.key));
    option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    if (std::find(input.topics.begin(), input.topics.end(), entry.key) != input.topics.end()) {
      option->ShowSection("CHECKED");
    }
  }
  std::vector<render::Option> visibilities;
  for (auth::Visibility visibility :
       {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    visibilities.push_back({std::string(auth::VisibilityKey(visibility)),
                            deps.pages.Translate(context, auth::VisibilityLabel(visibility))});
  }
  render::AddOptions(content, "VISIBILITY_OPTION", visibilities, input.visibility);
  return {};
}

void FillFields(const CourseInput& input, const std::string& language, ctemplate::TemplateDictionary& content) {
  content.SetValue("SLUG", input.slug);
  content.SetValue("EVENT", input.event);
  content.SetValue("NOMINAL_HOURS", input.nominal_hours);
  content.SetValue("STARTS_ON", input.starts_on);
  content.SetValue("ENDS_ON", input.ends_on);
  content.SetValue("PRACTICE_AREA", input.practice_area);
  content.SetValue("TEXT_LANGUAGE", language);
  content.SetValue("TEXT_LANGUAGE_NAME", Text(i18n::NativeName(language)));
  content.SetValue("TITLE", InLanguage(input.title, language));
  content.SetValue("DESCRIPTION", InLanguage(input.description, language));
  int n = 0;
  auto row = [&](const CourseInput::AccreditationInput& accreditation) {
    auto* item = content.AddSectionDictionary("ACCREDITATION_ROW");
    item->SetValue("N", std::to_string(++n));
    item->SetValue("JURISDICTION", accreditation.jurisdiction);
    item->SetValue("REFERENCE", accreditation.reference);
    item->SetValue("APPROVED_ON", accreditation.approved_on);
  };
  for (const auto& accreditation : input.accreditations) row(accreditation);
  for (int blank = 0; blank < kBlankAccreditationRows; ++blank) row({});
}

// The form over `input`; its texts are edited in `text_language`.
Result<Response> FormPage(RequestContext& context, const Context& deps, const CourseInput& input, FormMode mode,
                          const std::optional<Error>& error, int status, const std::string& text_language) {
  bool editing = mode == FormMode::kEdit;
  std::string heading = deps.pages.Translate(context, editing ? N_("Edit the course") : N_("Publish a course"));
  render::Page page("training/form.tpl", heading);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("HEADING", heading);
  std::string slug(context.params.Get("slug"));
  content.SetValue("ACTION", editing ? fmt::format("/training/{}/edit", slug) : "/training");
  if (editing) {
    content.SetValueAndShowSection("SLUG_BEFORE", slug, "EDITING");
  } else {
    content.ShowSection("CREATING");
  }
  if (auto filled = FillChoices(context, deps, input, content); !filled) return Fail(filled.error());
  FillFields(input, text_language, content);
  if (error) deps.pages.ShowErrors(context, content, *error);
  return deps.pages.Render(context, page, status);
}

template <typename Save>
Result<Response> SubmitCourse(RequestContext& context, const Context& deps, FormMode mode, CourseInput base,
                              Save save) {
  std::string text_language = context.language;
  return render::SubmitForm(
      context.request, std::move(base),
      [&](const http::Form& form, CourseInput stored) {
        text_language = render::TextLanguage(form, context.language);
        return ReadCourseForm(form, text_language, std::move(stored));
      },
      [&](const CourseInput& input) -> Result<std::string> {
        if (auto saved = save(input); !saved) return Fail(saved.error());
        return input.slug;
      },
      [&](const CourseInput& input, const Error& error) {
        return FormPage(context, deps, input, mode, error, 422, text_language);
      },
      [&](const std::string& slug) -> Result<Response> {
        return Response::Redirect(fmt::format("/training/{}?saved=1", slug));
      });
}

Result<Course> CourseToChange(const RequestContext& context, const Context& deps) {
  auto course = CourseOfPath(context, deps);
  if (!course) return Fail(course.error());
  if (!TrainingService::MayManage(context.actor, *course)) {
    return Fail(Error::PermissionDenied(
        N_("Only the coordinators and administrators of the training centre may change this course.")));
  }
  return course;
}

}  // namespace

Result<Response> NewCoursePage(RequestContext& context, const Context& deps) {
  if (!TrainingService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a training centre publish courses.")));
  }
  CourseInput input;
  input.provider = context.request.QueryParam("provider").value_or("");
  return FormPage(context, deps, input, FormMode::kCreate, std::nullopt, 200, context.language);
}

Result<Response> CreateCourse(RequestContext& context, const Context& deps) {
  return SubmitCourse(context, deps, FormMode::kCreate, CourseInput{},
                      [&](const CourseInput& input) { return deps.training.Create(context.actor, input); });
}

Result<Response> EditCoursePage(RequestContext& context, const Context& deps) {
  auto course = CourseToChange(context, deps);
  if (!course) return Fail(course.error());
  return FormPage(context, deps, InputFrom(*course), FormMode::kEdit, std::nullopt, 200, context.language);
}

Result<Response> UpdateCourse(RequestContext& context, const Context& deps) {
  auto course = CourseToChange(context, deps);
  if (!course) return Fail(course.error());
  return SubmitCourse(context, deps, FormMode::kEdit, InputFrom(*course),
                      [&](const CourseInput& input) { return deps.training.Update(context.actor, course->id, input); });
}

Result<Response> RecordAttendance(RequestContext& context, const Context& deps) {
  auto course = CourseToChange(context, deps);
  if (!course) return Fail(course.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  AttendanceInput input{.person = std::string(TrimSpaces(form->Get("person"))),
                        .role = form->Get("role"),
                        .hours = std::string(TrimSpaces(form->Get("hours")))};
  auto recorded = deps.training.RecordAttendance(context.actor, course->id, input);
  if (!recorded) {
    if (recorded.error().code() != ErrorCode::kInvalidArgument) return Fail(recorded.error());
    return CoursePage(context, deps, recorded.error(), input);
  }
  return Response::Redirect(fmt::format("/training/{}?saved=1#attendance", course->slug));
}

Result<Response> RecordEventParticipants(RequestContext& context, const Context& deps) {
  auto course = CourseToChange(context, deps);
  if (!course) return Fail(course.error());
  if (auto form = http::ReadForm(context.request); !form) return Fail(form.error());
  auto recorded = deps.training.RecordEventParticipants(context.actor, course->id);
  if (!recorded) {
    if (recorded.error().code() != ErrorCode::kInvalidArgument) return Fail(recorded.error());
    return CoursePage(context, deps, recorded.error());
  }
  return Response::Redirect(fmt::format("/training/{}?recorded={}#attendance", course->slug, *recorded));
}

}  // namespace entente::training
