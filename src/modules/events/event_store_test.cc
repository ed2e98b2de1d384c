// EventStore over a migrated in-memory database: an event loaded in its named steps names its
// organizers and speakers through the directory's views, and the calendar feed finds the events
// of a person (the query the store took over from the service).
#include "modules/events/event_store.h"

#include <gtest/gtest.h>

#include "modules/directory/lookup.h"
#include "modules/events/event_service.h"
#include "testing/directory_rows.h"
#include "testing/in_process.h"

namespace entente::events {
namespace {

using testing::AddOrganizationRow;
using testing::AddPersonRow;

i18n::LocalizedText English(const std::string& text) { return i18n::LocalizedText::Original("en", text); }

class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto added = database_.Write([](soci::session& sql) -> Status {
      AddOrganizationRow(sql, "paris-bar", "Paris Bar");
      AddPersonRow(sql, "pierre-olivier-sur", "Pierre-Olivier Sur");
      AddPersonRow(sql, "daniyar-kanafin", "Daniyar Kanafin");
      return {};
    });
    ASSERT_TRUE(added) << added.error().Describe();
  }

  EventId CreateEventWithSpeaker() {
    EventInput input;
    input.slug = "store-test-event";
    input.kind = "conference";
    input.time_zone = "Europe/Paris";
    input.starts = "2027-03-27";
    input.ends = "2027-03-28";
    input.title = English("Store test");
    input.organizers = {"paris-bar"};
    auto created = service_.Create(system_, input);
    EXPECT_TRUE(created) << created.error().Describe();
    SessionInput session;
    session.starts = "2027-03-27T09:00";
    session.ends = "2027-03-27T10:00";
    session.title = English("Opening");
    session.speakers = {"pierre-olivier-sur"};
    auto added = service_.AddSession(system_, *created, session);
    EXPECT_TRUE(added) << added.error().Describe();
    return *created;
  }

  testing::MemoryDatabase memory_;
  db::Database& database_ = memory_.database();
  EventService service_{database_};
  EventStore store_;
  auth::Actor system_ = auth::Actor::System("event-store-test");
};

TEST_F(EventStoreTest, LoadNamesOrganizersAndSpeakersFromTheDirectory) {
  EventId id = CreateEventWithSpeaker();
  auto event = database_.Read([&](soci::session& sql) -> Result<std::optional<Event>> { return store_.Load(sql, id); });
  ASSERT_TRUE(event);
  ASSERT_TRUE(event->has_value());
  const Event& loaded = **event;
  EXPECT_EQ(loaded.slug, "store-test-event");
  EXPECT_EQ(loaded.title.TextIn("en"), "Store test");
  ASSERT_EQ(loaded.organizers.size(), 1u);
  EXPECT_EQ(loaded.organizers[0].slug, "paris-bar");
  EXPECT_EQ(loaded.organizers[0].name.TextIn("en"), "Paris Bar");
  ASSERT_EQ(loaded.sessions.size(), 1u);
  ASSERT_EQ(loaded.sessions[0].speakers.size(), 1u);
  EXPECT_EQ(loaded.sessions[0].speakers[0].name, "Pierre-Olivier Sur");
  EXPECT_TRUE(loaded.served_objectives.empty());
  EXPECT_TRUE(loaded.signed_agreements.empty());
  auto none = database_.Read(
      [&](soci::session& sql) -> Result<bool> { return !store_.Load(sql, EventId(id.value() + 1000)).has_value(); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(*none);
}

TEST_F(EventStoreTest, TheEventsOfAPersonAreThoseTheySpeakAt) {
  EventId id = CreateEventWithSpeaker();
  auto found = database_.Read([&](soci::session& sql) -> Result<std::pair<std::vector<EventId>, std::vector<EventId>>> {
    auto speaker = *directory::PersonBySlug(sql, "pierre-olivier-sur");
    auto other = *directory::PersonBySlug(sql, "daniyar-kanafin");
    return std::pair{store_.EventsOfPerson(sql, speaker), store_.EventsOfPerson(sql, other)};
  });
  ASSERT_TRUE(found) << found.error().Describe();
  EXPECT_EQ(found->first, std::vector<EventId>{id});
  EXPECT_TRUE(found->second.empty());
}

}  // namespace
}  // namespace entente::events
