#include "modules/home/home_service.h"

#include "core/base/messages.h"

namespace entente::home {

Result<std::shared_ptr<const HomeView>> HomeService::View(const std::string& language) {
  // Read the generation before building, so that a write during the build makes the entry stale.
  std::uint64_t generation = database_.WriteGeneration();
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(language);
    if (it != cache_.end() && it->second.generation == generation && now - it->second.built_at < max_age_) {
      return it->second.view;
    }
  }
  auto view = Build(language);
  if (!view) return view;
  std::lock_guard lock(mutex_);
  cache_[language] = Entry{generation, now, *view};
  return view;
}

Result<std::shared_ptr<const HomeView>> HomeService::Build(const std::string& language) {
  auto summary = organizations_.Summary();
  if (!summary) return Fail(summary.error());
  auto top_level = organizations_.ListTopLevel();
  if (!top_level) return Fail(top_level.error());

  auto view = std::make_shared<HomeView>();
  struct Stat {
    long long value;
    PluralMessage label;
  };
  for (const auto& [value, label] :
       {Stat{summary->organizations, NP_("organization", "organizations")}, Stat{summary->bars, NP_("bar", "bars")},
        Stat{summary->countries, NP_("country", "countries")}}) {
    view->stats.push_back({catalogs_.FormatNumber(language, value),
                           catalogs_.TranslatePlural(language, label.singular, label.plural, value)});
  }
  for (const auto& organization : *top_level) {
    HomeView::Organization item;
    if (auto name = organization.name.Pick(language)) {
      item.name = name->text;
      if (name->fallback) item.name_language = name->language;
    } else {
      item.name = organization.slug;
    }
    item.kind = catalogs_.Translate(language, directory::KindLabel(organization.kind));
    item.city = organization.city;
    view->organizations.push_back(std::move(item));
  }
  return std::shared_ptr<const HomeView>(std::move(view));
}

}  // namespace entente::home
