// The training module's whole URL table, by resource. Access: Anyone() pages show what each
// course's visibility allows (the service decides; a hidden course is a 404); SignedIn() routes
// check the roles in the service (docs/SECURITY.md). The handlers are in the files
// training_handlers.h lists.

#include "modules/training/training_routes.h"

#include <memory>

#include "core/base/messages.h"
#include "core/http/route_table.h"
#include "modules/training/training_handlers.h"

namespace entente::training {

using http::Access;
using http::Method;

void AddRoutes(http::Router& router, const render::PageRenderer& pages, TrainingService& training,
               directory::OrganizationService& organizations) {
  http::RouteTable<const Context> routes(router,
                                         std::make_shared<const Context>(Context{pages, training, organizations}));
  // The list (filters: provider, language, format, topic, words of the title); one's own
  // training; publishing a course. The literal paths come before /training/{slug}.
  routes.Get("/training", Access::Anyone(), ListPage);
  routes.Get("/training/mine", Access::SignedIn(), MyTrainingPage);
  routes.Get("/training/new", Access::SignedIn(), NewCoursePage);
  routes.Post("/training", Access::SignedIn(), CreateCourse);

  // A course: its page (with its attendance for its organizers), its edit form, recording an
  // attendance.
  routes.Get("/training/{slug:slug}", Access::Anyone(),
             [](RequestContext& context, const Context& deps) { return CoursePage(context, deps); });
  routes.Get("/training/{slug:slug}/edit", Access::SignedIn(), EditCoursePage);
  routes.Post("/training/{slug:slug}/edit", Access::SignedIn(), UpdateCourse);
  routes.Post("/training/{slug:slug}/attendance", Access::SignedIn(), RecordAttendance);
  routes.Post("/training/{slug:slug}/attendance/from-event", Access::SignedIn(), RecordEventParticipants);

  // JSON (docs/openapi.yaml).
  routes.Get("/api/v1/courses", Access::Anyone(), ApiList);
  routes.Post("/api/v1/courses", Access::SignedIn(), ApiCreate);
  routes.Get("/api/v1/courses/{id:id}", Access::Anyone(), ApiGet);
  routes.Add(Method::kPut, "/api/v1/courses/{id:id}", Access::SignedIn(), ApiUpdate);
  routes.Get("/api/v1/courses/{id:id}/attendance", Access::SignedIn(), ApiAttendance);
  routes.Post("/api/v1/courses/{id:id}/attendance", Access::SignedIn(), ApiRecordAttendance);
  routes.Post("/api/v1/courses/{id:id}/attendance/from-event", Access::SignedIn(), ApiRecordEventParticipants);
  routes.Get("/api/v1/me/attendance", Access::SignedIn(), ApiMine);
}

std::vector<render::NavItem> Navigation() { return {{"/training", N_("Training")}}; }

}  // namespace entente::training
