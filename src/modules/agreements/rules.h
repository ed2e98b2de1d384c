#pragma once
// The agreements module's rules that need no database: checking what a user typed, and
// recognizing an uploaded document from its content. Field errors carry English msgids that
// the page or JSON layer translates.

#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

inline constexpr size_t kMaxDocumentBytes = 20 << 20;
// A DOCX or ODT whose entries would expand beyond this, or more than this many times their
// compressed size, is refused as a possible decompression bomb.
inline constexpr unsigned long long kMaxExpandedBytes = 200ull << 20;
inline constexpr unsigned long long kMaxExpansionRatio = 100;
inline constexpr size_t kMaxTextLength = 4000;

// Every problem of `input` that can be seen without the database: slug, kinds, dates and their
// order, parties (at least two, none twice), objectives (text and categories), coordinators
// (of a party). Empty when the input is acceptable so far.
std::vector<FieldError> ValidateAgreement(const AgreementInput& input);
std::vector<FieldError> ValidateFollowUp(const FollowUpInput& input);
std::vector<FieldError> ValidateActivity(const ActivityInput& input);
std::vector<FieldError> ValidateReview(const ReviewInput& input);

// The type of a document from its bytes (magic numbers and, for zip files, the entries that
// make a DOCX or an ODT), checked against the extension of `file_name`. kInvalidArgument (field
// "file") when the content is not a PDF, DOCX or ODT, does not match its name, is empty or too
// large, or is a zip that would expand too far.
Result<DocumentType> RecognizeDocument(std::string_view file_name, std::string_view content);

// Whether `later` surely comes before `earlier` (both known, and the last day `later` may stand
// for is before the first day of `earlier`): dates out of order.
bool OutOfOrder(const PartialDate& earlier, const PartialDate& later);

}  // namespace entente::agreements
