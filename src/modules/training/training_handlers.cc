#include "modules/training/training_handlers.h"

#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/i18n/languages.h"
#include "modules/training/rules.h"

namespace entente::training {

CourseFilter ReadFilter(const http::Request& request) {
  return {.provider = request.QueryParam("provider").value_or(""),
          .language = request.QueryParam("language").value_or(""),
          .format = request.QueryParam("format").value_or(""),
          .topic = request.QueryParam("topic").value_or(""),
          .text = std::string(TrimSpaces(request.QueryParam("q").value_or("")))};
}

Result<Course> CourseOfPath(const RequestContext& context, const Context& deps) {
  return deps.training.Get(context.actor, std::string(context.params.Get("slug")));
}

Result<Course> CourseOfId(const RequestContext& context, const Context& deps) {
  return deps.training.Get(context.actor, context.params.GetId<CourseId>("id"));
}

CourseInput InputFrom(const Course& course) {
  CourseInput input;
  input.slug = course.slug;
  input.provider = course.provider.slug;
  input.event = course.event_slug;
  input.kind = std::string(kCourseKinds.Key(course.kind));
  input.format = std::string(kCourseFormats.Key(course.format));
  input.language = course.language;
  if (course.nominal_minutes) input.nominal_hours = HoursText(*course.nominal_minutes, "en");
  input.starts_on = course.starts_on.ToString();
  input.ends_on = course.ends_on.ToString();
  for (Topic topic : course.topics) input.topics.emplace_back(kTopics.Key(topic));
  input.practice_area = course.practice_area;
  input.visibility = std::string(auth::VisibilityKey(course.visibility));
  input.title = course.title;
  input.description = course.description;
  for (const auto& accreditation : course.accreditations) {
    input.accreditations.push_back(
        {accreditation.jurisdiction, accreditation.reference, accreditation.approved_on.ToString()});
  }
  return input;
}

std::vector<directory::Organization> Providers(const std::vector<directory::Organization>& organizations) {
  std::vector<directory::Organization> providers;
  for (const auto& organization : organizations) {
    using directory::OrganizationKind;
    if (organization.kind == OrganizationKind::kTrainingCentre || organization.kind == OrganizationKind::kBar ||
        organization.kind == OrganizationKind::kNationalBar) {
      providers.push_back(organization);
    }
  }
  return providers;
}

std::string HoursWithUnit(const Context& deps, const RequestContext& context, int minutes) {
  return HoursText(minutes, context.language) + " " +
         deps.pages.catalogs().TranslateInContext(context.language, kHoursContext, NC_("hours", "h"));
}

std::string CourseFacts(const Context& deps, const RequestContext& context, const Course& course) {
  const auto& pages = deps.pages;
  std::string facts = pages.Translate(context, kCourseKinds.Label(course.kind)) + " · " +
                      pages.Translate(context, kCourseFormats.Label(course.format));
  if (!course.language.empty()) facts += " · " + std::string(i18n::NativeName(course.language));
  if (course.nominal_minutes) {
    facts += " · " + HoursWithUnit(deps, context, *course.nominal_minutes);
  }
  if (course.starts_on.known()) {
    facts += " · " + pages.catalogs().FormatDate(context.language, course.starts_on);
    if (course.ends_on.known() && course.ends_on.ToString() != course.starts_on.ToString()) {
      facts += " – " + pages.catalogs().FormatDate(context.language, course.ends_on);
    }
  }
  return facts;
}

}  // namespace entente::training
