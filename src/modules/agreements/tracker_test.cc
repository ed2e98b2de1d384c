#include "modules/agreements/tracker.h"

#include <gtest/gtest.h>

namespace entente::agreements {
namespace {

using namespace std::chrono;

PartialDate Date(const char* text) { return *PartialDate::Parse(text); }
year_month_day Day(int y, unsigned m, unsigned d) { return year(y) / month(m) / day(d); }

// The demo's shape: signed 14–15 October 2014; the visit of 10–13 December 2014 serves
// objectives 1 and 3; an undated training step serves objective 3.
Agreement Story() {
  Agreement agreement;
  agreement.status = AgreementStatus::kSigned;
  agreement.signed_on = Date("2014-10-14/2014-10-15");
  for (int i = 1; i <= 4; ++i) agreement.objectives.push_back({ObjectiveId(i), i, {}, {ObjectiveCategory::kExchange}});
  agreement.activities.push_back({ActivityId(1), ActivityKind::kBackground, {}, {}, {}, {}});
  agreement.activities.push_back(
      {ActivityId(2), ActivityKind::kVisit, Date("2014-12-10/2014-12-13"), {}, {}, {ObjectiveId(1), ObjectiveId(3)}});
  agreement.activities.push_back({ActivityId(3), ActivityKind::kTraining, {}, {}, {}, {ObjectiveId(3)}});
  agreement.follow_ups.push_back({FollowUpId(1), Date("2015-12"), UserId(), "", "", {}});
  agreement.follow_ups.push_back({FollowUpId(2), Date("2014-12-10/2014-12-13"), UserId(), "", "", {}});
  return agreement;
}

std::vector<bool> Quiet(const Agreement& agreement, year_month_day as_of) {
  std::vector<bool> quiet;
  for (const auto& item : TrackObjectives(agreement, as_of)) quiet.push_back(item.quiet);
  return quiet;
}

TEST(QuietWindowTest, TwelveMonthsEndingOnTheDay) {
  EXPECT_EQ(QuietWindowStart(Day(2016, 12, 31)), Day(2016, 1, 1));
  EXPECT_EQ(QuietWindowStart(Day(2015, 12, 13)), Day(2014, 12, 14));
  EXPECT_EQ(QuietWindowStart(Day(2017, 2, 28)), Day(2016, 2, 29));
  EXPECT_EQ(QuietWindowStart(Day(2016, 2, 29)), Day(2015, 3, 1));
}

TEST(TrackObjectivesTest, FlagsObjectivesWithoutActivityInTwelveMonths) {
  Agreement agreement = Story();
  // Mid-2015: the December 2014 visit is recent for objectives 1 and 3.
  EXPECT_EQ(Quiet(agreement, Day(2015, 6, 30)), (std::vector<bool>{false, true, false, true}));
  // The last day the visit is still within the window, and the first day it is not.
  // (the window of 12 December 2015 begins on 13 December 2014, the visit's last day).
  EXPECT_EQ(Quiet(agreement, Day(2015, 12, 12)), (std::vector<bool>{false, true, false, true}));
  EXPECT_EQ(Quiet(agreement, Day(2015, 12, 13)), (std::vector<bool>{true, true, true, true}));
  // Journey 5: the twelve months before 31 December 2016 saw no activity at all.
  EXPECT_EQ(Quiet(agreement, Day(2016, 12, 31)), (std::vector<bool>{true, true, true, true}));
}

TEST(TrackObjectivesTest, NothingIsFlaggedBeforeTheSigningOrForADraft) {
  Agreement agreement = Story();
  EXPECT_EQ(Quiet(agreement, Day(2014, 10, 1)), (std::vector<bool>{false, false, false, false}));
  agreement.status = AgreementStatus::kDraft;
  agreement.signed_on = {};
  EXPECT_EQ(Quiet(agreement, Day(2016, 12, 31)), (std::vector<bool>{false, false, false, false}));
}

TEST(TrackObjectivesTest, ActivitiesAfterTheDayDoNotCount) {
  Agreement agreement = Story();
  auto progress = TrackObjectives(agreement, Day(2014, 11, 30));
  EXPECT_FALSE(progress[0].last_activity.known());
  ASSERT_EQ(progress[2].activities.size(), 2u);
  EXPECT_EQ(progress[2].activities[0]->id, ActivityId(2));  // dated before undated
}

TEST(BuildTimelineTest, BackgroundThenSignatureThenWhatFollowed) {
  Agreement agreement = Story();
  auto timeline = BuildTimeline(agreement);
  ASSERT_EQ(timeline.size(), 6u);
  EXPECT_EQ(timeline[0].kind, TimelineKind::kBackground);
  EXPECT_EQ(timeline[1].kind, TimelineKind::kSignature);
  EXPECT_EQ(timeline[2].activity->id, ActivityId(2));   // the visit
  EXPECT_EQ(timeline[3].follow_up->id, FollowUpId(2));  // what was learned during it
  EXPECT_EQ(timeline[4].activity->id, ActivityId(3));   // undated: after the visit
  EXPECT_EQ(timeline[5].follow_up->id, FollowUpId(1));  // December 2015
}

}  // namespace
}  // namespace entente::agreements
