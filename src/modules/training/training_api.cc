// The training module's JSON API (docs/openapi.yaml): courses, their attendance, one's own.

#include "core/http/forms.h"
#include "core/http/json.h"
#include "modules/training/training_handlers.h"
#include "modules/training/training_json.h"

namespace entente::training {

using nlohmann::json;

namespace {

Result<Response> CourseResponse(const RequestContext& context, const Context& deps, CourseId id, int status) {
  auto course = deps.training.Get(context.actor, id);
  if (!course) return Fail(course.error());
  return http::JsonResponse(CourseJson(*course), status);
}

}  // namespace

Result<Response> ApiList(RequestContext& context, const Context& deps) {
  auto page = http::ReadPageRequest(context.request);
  if (!page) return Fail(page.error());
  auto found = deps.training.List(context.actor, ReadFilter(context.request), *page);
  if (!found) return Fail(found.error());
  return http::JsonResponse(http::PageJson(*found, CourseJson));
}

Result<Response> ApiGet(RequestContext& context, const Context& deps) {
  auto course = CourseOfId(context, deps);
  if (!course) return Fail(course.error());
  return http::JsonResponse(CourseJson(*course));
}

Result<Response> ApiCreate(RequestContext& context, const Context& deps) {
  // Who may comes before what was sent: a member is refused whatever the body is.
  if (!TrainingService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a training centre publish courses.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = CourseFromJson(*body, CourseInput{});
  if (!input) return Fail(input.error());
  auto created = deps.training.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  return CourseResponse(context, deps, *created, 201);
}

Result<Response> ApiUpdate(RequestContext& context, const Context& deps) {
  auto course = CourseOfId(context, deps);
  if (!course) return Fail(course.error());
  if (!TrainingService::MayManage(context.actor, *course)) {
    return Fail(Error::PermissionDenied(
        N_("Only the coordinators and administrators of the training centre may change this course.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  // A partial update: absent members keep what is stored.
  auto input = CourseFromJson(*body, InputFrom(*course));
  if (!input) return Fail(input.error());
  if (auto updated = deps.training.Update(context.actor, course->id, *input); !updated) return Fail(updated.error());
  return CourseResponse(context, deps, course->id, 200);
}

Result<Response> ApiAttendance(RequestContext& context, const Context& deps) {
  auto course = CourseOfId(context, deps);
  if (!course) return Fail(course.error());
  auto attendances = deps.training.AttendanceOf(context.actor, course->id);
  if (!attendances) return Fail(attendances.error());
  json items = json::array();
  for (const auto& attendance : *attendances) items.push_back(AttendanceJson(attendance));
  return http::JsonResponse({{"items", items}});
}

Result<Response> ApiRecordAttendance(RequestContext& context, const Context& deps) {
  auto course = CourseOfId(context, deps);
  if (!course) return Fail(course.error());
  if (!TrainingService::MayManage(context.actor, *course)) {
    return Fail(Error::PermissionDenied(
        N_("Only the coordinators and administrators of the training centre may change this course.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = AttendanceFromJson(*body);
  if (!input) return Fail(input.error());
  auto recorded = deps.training.RecordAttendance(context.actor, course->id, *input);
  if (!recorded) return Fail(recorded.error());
  auto attendances = deps.training.AttendanceOf(context.actor, course->id);
  if (!attendances) return Fail(attendances.error());
  for (const auto& attendance : *attendances) {
    if (attendance.id == *recorded) return http::JsonResponse(AttendanceJson(attendance), 201);
  }
  return Fail(Error::Internal("a recorded attendance is missing from the course's"));
}

Result<Response> ApiRecordEventParticipants(RequestContext& context, const Context& deps) {
  auto course = CourseOfId(context, deps);
  if (!course) return Fail(course.error());
  auto recorded = deps.training.RecordEventParticipants(context.actor, course->id);
  if (!recorded) return Fail(recorded.error());
  auto attendances = deps.training.AttendanceOf(context.actor, course->id);
  if (!attendances) return Fail(attendances.error());
  json items = json::array();
  for (const auto& attendance : *attendances) items.push_back(AttendanceJson(attendance));
  return http::JsonResponse({{"recorded", *recorded}, {"items", items}});
}

Result<Response> ApiMine(RequestContext& context, const Context& deps) {
  auto attended = deps.training.MyAttendance(context.actor);
  if (!attended) return Fail(attended.error());
  json items = json::array();
  for (const auto& item : *attended) items.push_back(AttendedJson(item));
  return http::JsonResponse({{"items", items}});
}

}  // namespace entente::training
