#include "modules/training/training_demo.h"

#include <fmt/format.h>

#include "core/base/json_file.h"
#include "core/http/json_reader.h"
#include "modules/training/training_json.h"

namespace entente::training {

Result<int> LoadDemo(TrainingService& training, const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  auto path = demo_dir / "training" / "courses.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  std::vector<CourseInput> courses;
  http::JsonReader read(*document);
  read.Each("courses", [&](http::JsonReader& item) { courses.push_back(ReadCourse(item, CourseInput{})); });
  if (!read.ok() || courses.empty()) {
    return Fail(Error::Internal(
        fmt::format("{}: {}", path.string(), read.ok() ? "no courses" : read.Finish(0).error().Describe())));
  }
  int created = 0;
  for (const auto& input : courses) {
    if (training.Get(actor, input.slug)) continue;
    auto id = training.Create(actor, input);
    if (!id) return Fail(Error::Internal(fmt::format("demo course {}: {}", input.slug, id.error().Describe())));
    ++created;
  }
  return created;
}

}  // namespace entente::training
