#include "modules/directory/organization_store.h"

#include <stdexcept>

#include "core/base/time.h"
#include "core/db/query.h"
#include "core/db/text_table.h"

namespace entente::directory {
namespace {

constexpr db::TextTable kTexts("organization_texts");
constexpr db::TextTable kJurisdictionTexts("jurisdiction_texts");

std::vector<OrganizationId> ReadIds(soci::rowset<long long> rows) {
  std::vector<OrganizationId> ids;
  for (long long id : rows) ids.emplace_back(id);
  return ids;
}

}  // namespace

OrganizationId OrganizationStore::Insert(soci::session& sql, const auth::Permit<OrganizationId>& parent,
                                         const OrganizationInput& input, OrganizationKind kind,
                                         std::optional<OrganizationId> parent_id,
                                         std::optional<JurisdictionId> jurisdiction) const {
  // The permit is the parent's, or the platform's (an invalid id) for one at the top level.
  if (parent.id().valid() ? parent_id != parent.id() : parent_id.has_value()) {
    throw std::logic_error("OrganizationStore::Insert: the parent is not the permitted one");
  }
  if (FindIdBySlug(sql, input.slug)) throw std::logic_error("OrganizationStore::Insert: the slug is taken");
  return Upsert(sql, input, kind, parent_id, jurisdiction);
}

void OrganizationStore::Update(soci::session& sql, const auth::Permit<OrganizationId>& organization,
                               const OrganizationInput& input, OrganizationKind kind,
                               std::optional<OrganizationId> parent_id,
                               const std::optional<auth::Permit<OrganizationId>>& new_parent,
                               std::optional<JurisdictionId> jurisdiction) const {
  auto existing = FindById(sql, organization.id());
  if (!existing || existing->slug != input.slug) {
    throw std::logic_error("OrganizationStore::Update: the slug is not the permitted organization's");
  }
  if (existing->parent != parent_id && !(new_parent && (!new_parent->id().valid() || new_parent->id() == parent_id))) {
    throw std::logic_error("OrganizationStore::Update: a move without the new parent's permit");
  }
  Upsert(sql, input, kind, parent_id, jurisdiction);
}

OrganizationId OrganizationStore::Upsert(soci::session& sql, const OrganizationInput& input, OrganizationKind kind,
                                         std::optional<OrganizationId> parent,
                                         std::optional<JurisdictionId> jurisdiction) const {
  long long jurisdiction_id = jurisdiction ? jurisdiction->value() : 0;
  soci::indicator jurisdiction_indicator = jurisdiction ? soci::i_ok : soci::i_null;
  std::string kind_key(KindKey(kind));
  long long parent_id = parent ? parent->value() : 0;
  soci::indicator parent_indicator = parent ? soci::i_ok : soci::i_null;
  std::string now = NowUtc();
  long long id = 0;
  sql << "INSERT INTO organizations (slug, kind, parent_id, city, country_code, jurisdiction_id, website, "
         "visibility, created_at_utc) VALUES (:slug, :kind, :parent, :city, :country, :jurisdiction, :website, "
         ":visibility, :now) "
         "ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, parent_id = excluded.parent_id, "
         "city = excluded.city, country_code = excluded.country_code, jurisdiction_id = excluded.jurisdiction_id, "
         "website = excluded.website, visibility = excluded.visibility RETURNING id",
      soci::use(input.slug), soci::use(kind_key), soci::use(parent_id, parent_indicator), soci::use(input.city),
      soci::use(input.country_code), soci::use(jurisdiction_id, jurisdiction_indicator), soci::use(input.website),
      soci::use(input.visibility), soci::use(now), soci::into(id);
  kTexts.Replace(sql, id, "name", input.name);
  kTexts.Replace(sql, id, "alternate_name", input.alternate_name);
  return OrganizationId(id);
}

std::optional<OrganizationId> OrganizationStore::FindIdBySlug(soci::session& sql, std::string_view slug) const {
  std::string slug_text(slug);
  long long id = 0;
  sql << "SELECT id FROM organizations WHERE slug = :slug", soci::use(slug_text), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return OrganizationId(id);
}

std::vector<Organization> OrganizationStore::ListTopLevel(soci::session& sql, const auth::Actor& viewer) const {
  return List(sql, &viewer, {.level = ListFilter::Level::kTopLevel});
}

std::vector<Organization> OrganizationStore::ListAll(soci::session& sql, const auth::Actor& viewer) const {
  return List(sql, &viewer, {});
}

std::vector<Organization> OrganizationStore::Children(soci::session& sql, const auth::Actor& viewer,
                                                      OrganizationId parent) const {
  return List(sql, &viewer, {.parent = parent});
}

std::optional<Organization> OrganizationStore::FindBySlug(soci::session& sql, const std::string& slug) const {
  if (slug.empty()) return std::nullopt;  // an empty filter would list every organization
  auto found = List(sql, nullptr, {.slug = slug});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Organization> OrganizationStore::FindById(soci::session& sql, OrganizationId id) const {
  long long value = id.value();
  std::string slug;
  sql << "SELECT slug FROM organizations WHERE id = :id", soci::use(value), soci::into(slug);
  if (!sql.got_data()) return std::nullopt;
  return FindBySlug(sql, slug);
}

JurisdictionId OrganizationStore::UpsertJurisdiction(soci::session& sql, const std::string& code,
                                                     const i18n::LocalizedText& name) const {
  long long id = 0;
  sql << "INSERT INTO jurisdictions (code) VALUES (:code) ON CONFLICT (code) DO UPDATE SET code = excluded.code "
         "RETURNING id",
      soci::use(code), soci::into(id);
  kJurisdictionTexts.Replace(sql, id, "name", name);
  return JurisdictionId(id);
}

std::optional<JurisdictionId> OrganizationStore::FindJurisdiction(soci::session& sql, const std::string& code) const {
  long long id = 0;
  sql << "SELECT id FROM jurisdictions WHERE code = :code", soci::use(code), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return JurisdictionId(id);
}

std::vector<Jurisdiction> OrganizationStore::ListJurisdictions(soci::session& sql) const {
  std::vector<Jurisdiction> jurisdictions;
  std::vector<long long> ids;
  long long id = 0;
  std::string code;
  soci::statement statement =
      (sql.prepare << "SELECT id, code FROM jurisdictions ORDER BY code", soci::into(id), soci::into(code));
  statement.execute();
  while (statement.fetch()) {
    jurisdictions.push_back({JurisdictionId(id), code, {}});
    ids.push_back(id);
  }
  auto texts = kJurisdictionTexts.Load(sql, ids);
  for (auto& jurisdiction : jurisdictions) {
    auto it = texts.find(jurisdiction.id.value());
    if (it == texts.end()) continue;
    if (auto name = it->second.find("name"); name != it->second.end()) jurisdiction.name = name->second;
  }
  return jurisdictions;
}

std::vector<Organization> OrganizationStore::List(soci::session& sql, const auth::Actor* viewer,
                                                  const ListFilter& filter) const {
  db::Query query(
      "SELECT o.id, o.slug, o.kind, o.city, o.country_code, o.parent_id, j.code, o.website, o.visibility "
      "FROM organizations o LEFT JOIN jurisdictions j ON j.id = o.jurisdiction_id WHERE 1 = 1");
  if (filter.level == ListFilter::Level::kTopLevel) query.Append(" AND o.parent_id IS NULL");
  if (filter.parent) query.Append(" AND o.parent_id = ").Bind(filter.parent->value());
  if (!filter.slug.empty()) query.Append(" AND o.slug = ").Bind(filter.slug);
  if (viewer) {
    query.Append(" AND ");
    auth::AppendVisibleTo(query, *viewer, {.visibility = "o.visibility", .owner_organization = "o.id"});
  }
  query.Append(" ORDER BY o.id");
  std::vector<Organization> organizations;
  std::vector<long long> ids;
  query.ForEachRow(sql, [&](const db::Row& row) {
    Organization organization;
    organization.id = OrganizationId(row.Integer(0));
    organization.slug = row.Text(1);
    organization.kind = ParseKind(row.Text(2)).value_or(OrganizationKind::kOther);
    organization.city = row.Text(3);
    organization.country_code = row.Text(4);
    if (!row.IsNull(5)) organization.parent = OrganizationId(row.Integer(5));
    organization.jurisdiction = row.IsNull(6) ? "" : row.Text(6);
    organization.website = row.Text(7);
    organization.visibility = auth::ParseVisibility(row.Text(8)).value_or(auth::Visibility::kOrganization);
    ids.push_back(organization.id.value());
    organizations.push_back(std::move(organization));
  });
  auto texts = kTexts.Load(sql, ids);
  for (auto& organization : organizations) {
    auto it = texts.find(organization.id.value());
    if (it == texts.end()) continue;
    if (auto name = it->second.find("name"); name != it->second.end()) organization.name = name->second;
    if (auto other = it->second.find("alternate_name"); other != it->second.end()) {
      organization.alternate_name = other->second;
    }
  }
  return organizations;
}

DirectorySummary OrganizationStore::Summary(soci::session& sql) const {
  DirectorySummary summary;
  sql << "SELECT COUNT(*), "
         "COALESCE(SUM(CASE WHEN kind IN ('bar', 'national_bar') THEN 1 ELSE 0 END), 0), "
         "COUNT(DISTINCT NULLIF(country_code, '')) FROM organizations WHERE visibility = 'public'",
      soci::into(summary.organizations), soci::into(summary.bars), soci::into(summary.countries);
  return summary;
}

std::vector<OrganizationId> OrganizationStore::SelfAndAncestors(soci::session& sql, OrganizationId id) const {
  long long start = id.value();
  return ReadIds((sql.prepare << "WITH RECURSIVE chain (id, parent_id, depth) AS ("
                                 "  SELECT id, parent_id, 0 FROM organizations WHERE id = :start"
                                 "  UNION ALL"
                                 "  SELECT o.id, o.parent_id, chain.depth + 1 FROM organizations o"
                                 "  JOIN chain ON o.id = chain.parent_id WHERE chain.depth < 32"
                                 ") SELECT id FROM chain ORDER BY depth",
                  soci::use(start)));
}

std::vector<OrganizationId> OrganizationStore::SelfAndDescendants(soci::session& sql, OrganizationId id) const {
  long long start = id.value();
  return ReadIds((sql.prepare << "WITH RECURSIVE tree (id, depth) AS ("
                                 "  SELECT id, 0 FROM organizations WHERE id = :start"
                                 "  UNION ALL"
                                 "  SELECT o.id, tree.depth + 1 FROM organizations o"
                                 "  JOIN tree ON o.parent_id = tree.id WHERE tree.depth < 32"
                                 ") SELECT id FROM tree ORDER BY depth, id",
                  soci::use(start)));
}

}  // namespace entente::directory
