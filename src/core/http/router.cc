#include "core/http/router.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/base/text.h"

namespace entente::http {
namespace {

bool IsId(std::string_view text) { return Id<struct AnyTag>::Parse(text).has_value(); }

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

[[noreturn]] void Die(std::string_view message, std::string_view pattern) {
  spdlog::critical("route table: {}: {}", message, pattern);
  std::fprintf(stderr, "route table: %.*s: %.*s\n", static_cast<int>(message.size()), message.data(),
               static_cast<int>(pattern.size()), pattern.data());
  std::abort();
}

}  // namespace

std::optional<Router::Compiled> Router::Compile(std::string_view pattern) {
  if (!pattern.starts_with('/')) return std::nullopt;
  Compiled compiled;
  auto parts = SplitPath(pattern);
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.starts_with('{') && part.ends_with('}')) {
      std::string_view inner = part.substr(1, part.size() - 2);
      size_t colon = inner.find(':');
      std::string_view name = inner.substr(0, colon);
      std::string_view type = colon == std::string_view::npos ? "" : inner.substr(colon + 1);
      SegmentKind kind;
      if (type == "id")
        kind = SegmentKind::kId;
      else if (type == "slug")
        kind = SegmentKind::kSlug;
      else if (type.empty())
        kind = SegmentKind::kAny;
      else if (type == "rest" && i + 1 == parts.size())
        kind = SegmentKind::kRest;
      else
        return std::nullopt;
      if (name.empty()) return std::nullopt;
      compiled.segments.push_back({kind, std::string(name)});
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) return std::nullopt;
      compiled.segments.push_back({SegmentKind::kLiteral, std::string(part)});
    }
  }
  return compiled;
}

void Router::Add(Route route) {
  auto compiled = Compile(route.pattern);
  if (!compiled) Die("malformed pattern", route.pattern);
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) Die("duplicate route", route.pattern);
  }
  if (!route.handler) Die("route without a handler", route.pattern);
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(*compiled));
}

bool Router::MatchSegments(const Compiled& compiled, std::string_view path, const std::vector<std::string_view>& parts,
                           PathParams& params) {
  size_t count = compiled.segments.size();
  bool rest = count > 0 && compiled.segments.back().kind == SegmentKind::kRest;
  if (rest ? parts.size() < count : parts.size() != count) return false;
  for (size_t i = 0; i < count; ++i) {
    const Segment& segment = compiled.segments[i];
    std::string_view part = parts[i];
    switch (segment.kind) {
      case SegmentKind::kLiteral:
        if (part != segment.text) return false;
        break;
      case SegmentKind::kId:
        if (!IsId(part)) return false;
        params.Set(segment.text, std::string(part));
        break;
      case SegmentKind::kSlug:
        if (!IsSlug(part)) return false;
        params.Set(segment.text, std::string(part));
        break;
      case SegmentKind::kAny:
        if (part.empty()) return false;
        params.Set(segment.text, std::string(part));
        break;
      case SegmentKind::kRest: {
        // Everything from this segment on, as one value.
        size_t offset = static_cast<size_t>(part.data() - path.data());
        std::string_view tail = path.substr(offset);
        if (tail.empty()) return false;
        params.Set(segment.text, std::string(tail));
        return true;
      }
    }
  }
  return true;
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  Method wanted = method == Method::kHead ? Method::kGet : method;
  auto parts = SplitPath(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    // A literal first segment that differs rules the route out without building anything.
    const auto& first = compiled_[i].segments.front();
    if (first.kind == SegmentKind::kLiteral && (parts.empty() || parts.front() != first.text)) continue;
    PathParams params;
    if (!MatchSegments(compiled_[i], path, parts, params)) continue;
    if (routes_[i].method == wanted) {
      match.route = &routes_[i];
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.allowed.push_back(routes_[i].method);
    if (routes_[i].method == Method::kGet) match.allowed.push_back(Method::kHead);
  }
  return match;
}

size_t BodyLimitFor(size_t route_limit, std::string_view cookie_header, std::string_view authorization_header) {
  // "entente_session=" is also the end of "__Host-entente_session=" (behind TLS).
  bool credentials = !authorization_header.empty() || cookie_header.find("entente_session=") != std::string_view::npos;
  return credentials ? route_limit : std::min(route_limit, kAnonymousMaxBodyBytes);
}

size_t Router::MaxBodyBytes(Method method, std::string_view path) const {
  Match match = Find(method, path);
  return match.route ? match.route->max_body_bytes : kDefaultMaxBodyBytes;
}

}  // namespace entente::http
