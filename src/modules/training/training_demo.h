#pragma once

#include <filesystem>
#include <string>

#include "core/base/error.h"
#include "modules/training/training_service.h"

namespace entente::training {

// Loads data/demo/training/courses.json through the service, after the directory's and the
// events' demo (providers are its organizations, events its events). Safe to load twice: a
// course whose slug exists is left as it is. Returns the number of courses created.
Result<int> LoadDemo(TrainingService& training, const std::filesystem::path& demo_dir, const std::string& request_id);

}  // namespace entente::training
