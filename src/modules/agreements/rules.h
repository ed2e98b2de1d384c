#pragma once
// The agreements module's rules that need no database: checking what a user typed (documents:
// documents.h). Field errors carry English msgids that the page or JSON layer translates.

#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

// Every problem of `input` that can be seen without the database: slug, kinds, dates and their
// order, parties (at least two, none twice), objectives (text and categories), coordinators
// (of a party). Empty when the input is acceptable so far.
std::vector<FieldError> ValidateAgreement(const AgreementInput& input);
std::vector<FieldError> ValidateFollowUp(const FollowUpInput& input);
std::vector<FieldError> ValidateActivity(const ActivityInput& input);
std::vector<FieldError> ValidateReview(const ReviewInput& input);

// Whether `later` surely comes before `earlier` (both known, and the last day `later` may stand
// for is before the first day of `earlier`): dates out of order.
bool OutOfOrder(const PartialDate& earlier, const PartialDate& later);

}  // namespace entente::agreements
