// The list of courses, a course's page (with its attendance for its organizers), and one's own
// training record.

#include <charconv>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"
#include "core/render/page_links.h"
#include "modules/directory/organization_options.h"
#include "modules/training/rules.h"
#include "modules/training/training_handlers.h"

namespace entente::training {
namespace {

using render::Text;

// The filter's choices: the organizations that give courses, languages, formats, topics.
Status FillFilter(RequestContext& context, const Context& deps, const CourseFilter& filter,
                  ctemplate::TemplateDictionary& content) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  render::AddOptions(content, "PROVIDER_OPTION",
                     directory::OrganizationOptions(Providers(*organizations), context.language), filter.provider);
  render::AddLanguageOptions(content, "LANGUAGE_OPTION", filter.language);
  render::AddOptions(content, "FORMAT_OPTION", EnumOptions(kCourseFormats, deps, context), filter.format);
  render::AddOptions(content, "TOPIC_OPTION", EnumOptions(kTopics, deps, context), filter.topic);
  content.SetValue("Q", filter.text);
  return {};
}

void FillCourseCard(const Context& deps, const RequestContext& context, const Course& course,
                    ctemplate::TemplateDictionary& card) {
  card.SetValue("SLUG", course.slug);
  render::SetLocalized(card, "TITLE", "TITLE_LANG", course.title, context.language, course.slug);
  render::SetLocalized(card, "PROVIDER", "PROVIDER_LANG", course.provider.name, context.language, course.provider.slug);
  card.SetValue("PROVIDER_SLUG", course.provider.slug);
  card.SetValue("FACTS", CourseFacts(deps, context, course));
}

void FillAttendance(const Context& deps, const RequestContext& context, const std::vector<Attendance>& attendances,
                    const AttendanceInput& typed, ctemplate::TemplateDictionary& section) {
  for (const auto& attendance : attendances) {
    auto* row = section.AddSectionDictionary("ATTENDANCE");
    row->SetValue("PERSON_SLUG", attendance.person_slug);
    row->SetValue("PERSON_NAME", attendance.person_name);
    row->SetValue("ROLE", deps.pages.Translate(context, kAttendanceRoles.Label(attendance.role)));
    row->SetValue("HOURS", HoursWithUnit(deps, context, attendance.minutes));
  }
  if (attendances.empty()) section.ShowSection("NO_ATTENDANCE");
  section.SetValue("TYPED_PERSON", typed.person);
  section.SetValue("TYPED_HOURS", typed.hours);
  render::AddOptions(section, "ROLE_OPTION", EnumOptions(kAttendanceRoles, deps, context), typed.role);
}

}  // namespace

Result<Response> ListPage(RequestContext& context, const Context& deps) {
  CourseFilter filter = ReadFilter(context.request);
  auto page_request = http::ReadPageRequest(context.request);
  render::Page page("training/list.tpl", deps.pages.Translate(context, N_("Training")));
  auto& content = page.content();
  if (auto filled = FillFilter(context, deps, filter, content); !filled) return Fail(filled.error());
  if (TrainingService::MayCreate(context.actor)) content.ShowSection("MAY_CREATE");
  if (context.actor.signed_in()) content.ShowSection("SIGNED_IN");
  auto found = page_request ? deps.training.List(context.actor, filter, *page_request)
                            : Result<Page<Course>>(Fail(page_request.error()));
  if (!found) {
    if (found.error().code() != ErrorCode::kInvalidArgument) return Fail(found.error());
    deps.pages.ShowErrors(context, content, found.error());
    return deps.pages.Render(context, page, 422);
  }
  content.SetValue("TOTAL", deps.pages.catalogs().FormatNumber(context.language, found->total));
  for (const auto& course : found->items)
    FillCourseCard(deps, context, course, *content.AddSectionDictionary("COURSE"));
  if (found->items.empty()) content.ShowSection("NO_COURSES");
  render::AddPageLinks(content, "/training", context.request, found->page, found->pages());
  return deps.pages.Render(context, page);
}

Result<Response> CoursePage(RequestContext& context, const Context& deps, std::optional<Error> form_error,
                            const AttendanceInput& typed) {
  auto course = CourseOfPath(context, deps);
  if (!course) return Fail(course.error());
  auto title = course->title.Pick(context.language);
  render::Page page("training/course.tpl", title ? std::string(title->text) : course->slug);
  auto& content = page.content();
  FillCourseCard(deps, context, *course, content);
  if (!course->description.empty()) {
    render::SetLocalized(*content.AddSectionDictionary("DESCRIPTION_SECTION"), "DESCRIPTION", "DESCRIPTION_LANG",
                         course->description, context.language, "");
  }
  if (course->event) {
    auto* event = content.AddSectionDictionary("AT_EVENT");
    event->SetValue("EVENT_SLUG", course->event_slug);
    render::SetLocalized(*event, "EVENT_TITLE", "EVENT_LANG", course->event_title, context.language,
                         course->event_slug);
  }
  for (Topic topic : course->topics) {
    std::string label = deps.pages.Translate(context, kTopics.Label(topic));
    if (topic == Topic::kPracticeArea) label += ": " + course->practice_area;
    content.AddSectionDictionary("TOPIC")->SetValue("LABEL", label);
  }
  for (const auto& accreditation : course->accreditations) {
    auto* row = content.AddSectionDictionary("ACCREDITATION");
    row->SetValue("JURISDICTION", accreditation.jurisdiction);
    row->SetValue("REFERENCE", accreditation.reference.empty() ? deps.pages.Translate(context, N_("unknown"))
                                                               : accreditation.reference);
    row->SetValue("APPROVED_ON", deps.pages.catalogs().FormatDate(context.language, accreditation.approved_on));
  }
  if (course->accreditations.empty()) content.ShowSection("NO_ACCREDITATIONS");
  if (TrainingService::MayManage(context.actor, *course)) {
    page.UseForms();
    auto attendances = deps.training.AttendanceOf(context.actor, course->id);
    if (!attendances) return Fail(attendances.error());
    auto* section = content.AddSectionDictionary("MANAGE");
    FillAttendance(deps, context, *attendances, typed, *section);
    if (course->event) section->ShowSection("FROM_EVENT");
    if (form_error) deps.pages.ShowErrors(context, *section, *form_error);
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (auto recorded = context.request.QueryParam("recorded");
      recorded && TrainingService::MayManage(context.actor, *course)) {
    long long count = 0;
    std::from_chars(recorded->data(), recorded->data() + recorded->size(), count);
    content.SetValueAndShowSection("RECORDED_COUNT", deps.pages.catalogs().FormatNumber(context.language, count),
                                   "RECORDED");
  }
  int status = form_error ? http::HttpStatusFor(form_error->code()) : 200;
  return deps.pages.Render(context, page, status);
}

Result<Response> MyTrainingPage(RequestContext& context, const Context& deps) {
  auto attended = deps.training.MyAttendance(context.actor);
  if (!attended) return Fail(attended.error());
  render::Page page("training/mine.tpl", deps.pages.Translate(context, N_("Your training")));
  auto& content = page.content();
  int total = 0;
  for (const auto& item : *attended) {
    auto* row = content.AddSectionDictionary("ATTENDED");
    row->SetValue("SLUG", item.course_slug);
    render::SetLocalized(*row, "TITLE", "TITLE_LANG", item.course_title, context.language, item.course_slug);
    render::SetLocalized(*row, "PROVIDER", "PROVIDER_LANG", item.provider.name, context.language, item.provider.slug);
    row->SetValue("DATES", deps.pages.catalogs().FormatDate(context.language, item.starts_on));
    row->SetValue("ROLE", deps.pages.Translate(context, kAttendanceRoles.Label(item.attendance.role)));
    row->SetValue("HOURS", HoursWithUnit(deps, context, item.attendance.minutes));
    total += item.attendance.minutes;
  }
  if (attended->empty()) {
    content.ShowSection("NOTHING_YET");
  } else {
    content.SetValueAndShowSection("TOTAL_HOURS", HoursWithUnit(deps, context, total), "TOTAL");
  }
  return deps.pages.Render(context, page);
}

}  // namespace entente::training
