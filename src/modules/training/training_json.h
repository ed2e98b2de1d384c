#pragma once
// The training module's JSON shapes (docs/openapi.yaml): what the API writes for a course and an
// attendance, and what it reads from a body. The demo loader reads its data set with the same
// functions (training_demo.cc).

#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "core/http/json_reader.h"
#include "modules/training/model.h"

namespace entente::training {

nlohmann::json CourseJson(const Course& course);
nlohmann::json AttendanceJson(const Attendance& attendance);
nlohmann::json AttendedJson(const AttendedCourse& attended);

// What a body says, over `base` (absent members keep its values). Hours are a number (1.5) or
// a numeric string.
CourseInput ReadCourse(http::JsonReader& read, CourseInput base);
Result<CourseInput> CourseFromJson(const nlohmann::json& body, CourseInput base);
Result<AttendanceInput> AttendanceFromJson(const nlohmann::json& body);

}  // namespace entente::training
