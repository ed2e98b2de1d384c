#pragma once
// What the home page shows, per language, ready to render. Built from the directory and the
// public agreements, and kept
// until this process commits a write or `max_age` passes (writes by other processes sharing a
// PostgreSQL database show within `max_age`), so a page view costs no query.

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/db/database.h"
#include "core/i18n/catalogs.h"
#include "modules/agreements/agreement_service.h"
#include "modules/directory/organization_service.h"

namespace entente::home {

struct HomeView {
  struct Stat {
    std::string value;  // formatted for the language: "1 234"
    std::string label;  // plural form for the value: "organizations"
  };
  struct Organization {
    std::string name;
    std::string name_language;  // set when the name is in another language than the page
    std::string kind;
    std::string city;
  };
  struct Agreement {
    std::string slug;
    std::string title;
    std::string title_language;  // set when the title is in another language than the page
    std::string signed_on;       // formatted, with its precision ("14–15 October 2014")
    std::string parties;         // names, joined
  };
  std::vector<Stat> stats;
  std::vector<Agreement> agreements;  // the newest public ones
  std::vector<Organization> organizations;
};

class HomeService {
 public:
  HomeService(db::Database& database, directory::OrganizationService& organizations,
              agreements::AgreementService& agreements, const i18n::Catalogs& catalogs,
              std::chrono::milliseconds max_age = std::chrono::seconds(2))
      : database_(database),
        organizations_(organizations),
        agreements_(agreements),
        catalogs_(catalogs),
        max_age_(max_age) {}

  // Thread-safe. Public data only: the home page shows what anyone may see.
  Result<std::shared_ptr<const HomeView>> View(const std::string& language);

 private:
  Result<std::shared_ptr<const HomeView>> Build(const std::string& language);

  struct Entry {
    std::uint64_t generation = 0;
    std::chrono::steady_clock::time_point built_at;
    std::shared_ptr<const HomeView> view;
  };
  db::Database& database_;
  directory::OrganizationService& organizations_;
  agreements::AgreementService& agreements_;
  const i18n::Catalogs& catalogs_;
  std::chrono::milliseconds max_age_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> cache_;
};

}  // namespace entente::home
