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
  auto top_level = organizations_.ListTopLevel(auth::Actor::Anonymous());
  if (!top_level) return Fail(top_level.error());

  // Public agreements only, as anyone sees them: the view is shared by every visitor.
  constexpr int kHomeAgreements = 4;
  auto agreements = agreements_.List(auth::Actor::Anonymous(), {}, PageRequest{1, kHomeAgreements});
  if (!agreements) return Fail(agreements.error());

  auto view = std::make_shared<HomeView>();
  for (const auto& agreement : agreements->items) {
    HomeView::Agreement item;
    item.slug = agreement.slug;
    if (auto title = agreement.title.Pick(language)) {
      item.title = title->text;
      if (title->fallback) item.title_language = title->language;
    } else {
      item.title = agreement.slug;
    }
    item.signed_on = catalogs_.FormatDate(language, agreement.signed_on);
    for (const auto& party : agreement.parties) {
      auto name = party.organization_name.Pick(language);
      item.parties += (item.parties.empty() ? "" : " · ") + (name ? std::string(name->text) : party.organization_slug);
    }
    view->agreements.push_back(std::move(item));
  }
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
