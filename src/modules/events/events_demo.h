#pragma once

#include <filesystem>
#include <string>

#include "core/base/error.h"
#include "modules/events/event_service.h"

namespace entente::events {

// Loads data/demo/events/events.json through the service, after the directory and agreements
// demos (organizers, people and objectives are theirs). Safe to load twice: a series or an event
// whose slug exists is left as it is. Returns the number of events created.
Result<int> LoadDemo(EventService& events, const std::filesystem::path& demo_dir, const std::string& request_id);

}  // namespace entente::events
