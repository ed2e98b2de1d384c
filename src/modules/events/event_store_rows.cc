#include "modules/events/event_store_rows.h"

#include "core/base/time.h"

namespace entente::events::store_rows {

std::string UtcText(const WallTime& time) { return time.utc ? UtcTimestamp(*time.utc) : std::string(); }

WallTime Stored(const std::string& local, const std::string& utc) {
  WallTime time;
  if (local.size() < 10) return time;
  int year = std::stoi(local.substr(0, 4)), month = std::stoi(local.substr(5, 2)), day = std::stoi(local.substr(8, 2));
  time.day = std::chrono::year_month_day{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (local.size() >= 16) {
    time.time_of_day =
        std::chrono::hours(std::stoi(local.substr(11, 2))) + std::chrono::minutes(std::stoi(local.substr(14, 2)));
  }
  if (utc.size() >= 19) {
    std::chrono::year_month_day utc_day{std::chrono::year(std::stoi(utc.substr(0, 4))),
                                        std::chrono::month(std::stoi(utc.substr(5, 2))),
                                        std::chrono::day(std::stoi(utc.substr(8, 2)))};
    time.utc = std::chrono::sys_seconds(std::chrono::sys_days(utc_day)) +
               std::chrono::hours(std::stoi(utc.substr(11, 2))) + std::chrono::minutes(std::stoi(utc.substr(14, 2))) +
               std::chrono::seconds(std::stoi(utc.substr(17, 2)));
  }
  return time;
}

std::string DayText(const WallTime& time) { return time.day ? WallTime{time.day, {}, {}}.ToString() : std::string(); }

std::map<long long, i18n::LocalizedText> OrganizationNames(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, i18n::LocalizedText> names;
  for (auto& [id, texts] : kOrganizationTexts.Load(sql, ids)) {
    auto found = texts.find("name");
    if (found != texts.end()) names[id] = found->second;
  }
  return names;
}

std::vector<std::pair<long long, NamedOrganization>> LoadOrganizations(soci::session& sql, const char* sql_text,
                                                                       long long key) {
  std::vector<std::pair<long long, NamedOrganization>> rows;
  // sql-fragment: `sql_text` is one of the store's literal statements, passed by its callers.
  db::Query query(sql_text);
  query.Bind(key);
  query.ForEachRow(sql, [&](const db::Row& row) {
    rows.push_back({row.Integer(0), NamedOrganization{OrganizationId(row.Integer(1)), row.Text(2), {}}});
  });
  std::vector<long long> ids;
  for (auto& [owner, organization] : rows) ids.push_back(organization.id.value());
  auto names = OrganizationNames(sql, ids);
  for (auto& [owner, organization] : rows) organization.name = names[organization.id.value()];
  return rows;
}

std::optional<NamedPerson> Person(long long id, soci::indicator indicator, const std::string& slug,
                                  const std::string& name) {
  if (indicator != soci::i_ok) return std::nullopt;
  return NamedPerson{PersonId(id), slug, name};
}

std::optional<NamedOrganization> Organization(long long id, soci::indicator indicator, const std::string& slug,
                                              std::map<long long, i18n::LocalizedText>& names) {
  if (indicator != soci::i_ok) return std::nullopt;
  return NamedOrganization{OrganizationId(id), slug, names[id]};
}

}  // namespace entente::events::store_rows
