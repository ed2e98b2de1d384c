#pragma once
// The training module's handlers, as the route table (training_routes.cc) binds them, and what
// they share. Internal to the module: other modules go through TrainingService.
//
// Each handler is a plain function of the request and the Context; the files hold them by
// sub-resource: course_pages.cc (the list, a course, one's own training), course_forms.cc
// (publishing and editing a course, recording attendance), training_api.cc (JSON).

#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/render/forms.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/training/training_service.h"

namespace entente::training {

using http::RequestContext;
using http::Response;

struct Context {
  const render::PageRenderer& pages;
  TrainingService& training;
  directory::OrganizationService& organizations;
};

// --- Shared by the handlers (training_handlers.cc) ---

// ?provider=&language=&format=&topic=&q= of the list and the JSON list.
CourseFilter ReadFilter(const http::Request& request);
// The course of the path's {slug}, or of {id} for the API, as the actor may see it.
Result<Course> CourseOfPath(const RequestContext& context, const Context& deps);
Result<Course> CourseOfId(const RequestContext& context, const Context& deps);
// The entries of an enum's table as select options: its keys, their labels translated.
template <typename Table>
std::vector<render::Option> EnumOptions(const Table& table, const Context& deps, const RequestContext& context) {
  std::vector<render::Option> options;
  for (const auto& entry : table.entries()) {
    options.push_back({std::string(entry.key), deps.pages.Translate(context, entry.label)});
  }
  return options;
}
// The course as an input with every field as stored: where an edit form and a partial JSON
// update start.
CourseInput InputFrom(const Course& course);
// "1.5 h" in the page's language (the unit in the gettext context kHoursContext).
inline constexpr const char* kHoursContext = "hours";
std::string HoursWithUnit(const Context& deps, const RequestContext& context, int minutes);
// The organizations that give courses, among `organizations`: training centres and bars (a bar
// may give one itself, as the Paris Bar the round-tables of its Rentrée).
std::vector<directory::Organization> Providers(const std::vector<directory::Organization>& organizations);
// What a course is, in a line: kind, format, language, hours, dates.
std::string CourseFacts(const Context& deps, const RequestContext& context, const Course& course);

// --- Pages (course_pages.cc) ---

Result<Response> ListPage(RequestContext& context, const Context& deps);
// The course page; with `form_error` and its status when the attendance form was refused.
Result<Response> CoursePage(RequestContext& context, const Context& deps, std::optional<Error> form_error = {},
                            const AttendanceInput& typed = {});
Result<Response> MyTrainingPage(RequestContext& context, const Context& deps);

// --- Forms (course_forms.cc) ---

Result<Response> NewCoursePage(RequestContext& context, const Context& deps);
Result<Response> CreateCourse(RequestContext& context, const Context& deps);
Result<Response> EditCoursePage(RequestContext& context, const Context& deps);
Result<Response> UpdateCourse(RequestContext& context, const Context& deps);
Result<Response> RecordAttendance(RequestContext& context, const Context& deps);
// Every confirmed participant of the event the course was given at, for its hours.
Result<Response> RecordEventParticipants(RequestContext& context, const Context& deps);

// --- JSON (training_api.cc) ---

Result<Response> ApiList(RequestContext& context, const Context& deps);
Result<Response> ApiGet(RequestContext& context, const Context& deps);
Result<Response> ApiCreate(RequestContext& context, const Context& deps);
Result<Response> ApiUpdate(RequestContext& context, const Context& deps);
Result<Response> ApiAttendance(RequestContext& context, const Context& deps);
Result<Response> ApiRecordAttendance(RequestContext& context, const Context& deps);
Result<Response> ApiRecordEventParticipants(RequestContext& context, const Context& deps);
Result<Response> ApiMine(RequestContext& context, const Context& deps);

}  // namespace entente::training
