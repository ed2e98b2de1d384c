#pragma once
// Reads a JSON document from a file (the demo data sets), with errors that name the file.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/base/error.h"

namespace entente {

inline Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Fail(Error::Internal(fmt::format("cannot read {}", path.string())));
  nlohmann::json document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Fail(Error::Internal(fmt::format("{} is not valid JSON", path.string())));
  return document;
}

}  // namespace entente
