#include "core/audit/audit_log.h"

#include "core/base/time.h"
#include "core/db/query.h"

namespace entente::audit {

void Record(soci::session& sql, const auth::Actor& actor, const Entry& entry) {
  std::string now = NowUtc();
  long long user = actor.user().value();
  soci::indicator user_indicator = actor.signed_in() ? soci::i_ok : soci::i_null;
  long long organization = entry.organization ? entry.organization->value() : 0;
  soci::indicator organization_indicator = entry.organization ? soci::i_ok : soci::i_null;
  long long entity = entry.entity_id;
  soci::indicator entity_indicator = entry.entity_id ? soci::i_ok : soci::i_null;
  std::string request_id = actor.request_id();
  sql << "INSERT INTO audit_log (at_utc, user_id, organization_id, action, entity_type, entity_id, request_id, "
         "details) "
         "VALUES (:at, :user, :organization, :action, :type, :entity, :request, :details)",
      soci::use(now), soci::use(user, user_indicator), soci::use(organization, organization_indicator),
      soci::use(entry.action), soci::use(entry.entity_type), soci::use(entity, entity_indicator), soci::use(request_id),
      soci::use(entry.details);
}

namespace {

void AppendFilter(db::Query& query, const Filter& filter) {
  if (filter.user_id) query.Append(" AND a.user_id = ").Bind(filter.user_id);
  if (!filter.action.empty()) {
    query.Append(" AND a.action ").BindStartsWith(filter.action);
  }
  if (!filter.entity_type.empty()) query.Append(" AND a.entity_type = ").Bind(filter.entity_type);
  if (filter.entity_id) query.Append(" AND a.entity_id = ").Bind(filter.entity_id);
  if (!filter.from_utc.empty()) query.Append(" AND a.at_utc >= ").Bind(filter.from_utc);
  if (!filter.to_utc.empty()) query.Append(" AND a.at_utc < ").Bind(filter.to_utc);
  if (filter.organizations) query.Append(" AND a.organization_id IN (").BindList(*filter.organizations).Append(")");
}

}  // namespace

Page<LoggedEntry> Search(soci::session& sql, const Filter& filter, const PageRequest& page) {
  Page<LoggedEntry> result;
  result.page = page.page;
  result.per_page = page.per_page;
  db::Query count("SELECT COUNT(*) FROM audit_log a WHERE 1 = 1");
  AppendFilter(count, filter);
  result.total = count.Scalar<long long>(sql);

  db::Query query(
      "SELECT a.id, a.at_utc, COALESCE(a.user_id, 0), COALESCE(a.organization_id, 0), "
      "a.action, a.entity_type, COALESCE(a.entity_id, 0), a.request_id, a.details "
      "FROM audit_log a WHERE 1 = 1");
  AppendFilter(query, filter);
  query.Append(" ORDER BY a.id DESC LIMIT ")
      .Bind(static_cast<long long>(page.per_page))
      .Append(" OFFSET ")
      .Bind(page.offset());
  LoggedEntry row;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(row.id));
    s.exchange(soci::into(row.at_utc));
    s.exchange(soci::into(row.user_id));
    s.exchange(soci::into(row.organization_id));
    s.exchange(soci::into(row.action));
    s.exchange(soci::into(row.entity_type));
    s.exchange(soci::into(row.entity_id));
    s.exchange(soci::into(row.request_id));
    s.exchange(soci::into(row.details));
  });
  statement.execute(false);
  while (statement.fetch()) result.items.push_back(row);
  return result;
}

}  // namespace entente::audit
