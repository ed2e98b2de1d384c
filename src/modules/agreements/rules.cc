#include "modules/agreements/rules.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/i18n/languages.h"
#include "core/i18n/text_checks.h"

namespace entente::agreements {
namespace {

constexpr const char* kDateFormat = N_("Enter a date as YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD.");

std::optional<PartialDate> ReadDate(const std::string& text, const std::string& field,
                                    std::vector<FieldError>& errors) {
  auto date = PartialDate::Parse(text);
  if (!date) {
    errors.push_back({field, date.error().message() == N_("This date does not exist.") ? N_("This date does not exist.")
                                                                                       : kDateFormat});
    return std::nullopt;
  }
  return *date;
}

// A small positive number of months, or empty.
bool ReadMonths(const std::string& text, int minimum, std::optional<int>& months) {
  months.reset();
  if (text.empty()) return true;
  if (text.size() > 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int value = std::stoi(text);
  if (value < minimum || value > 1200) return false;
  months = value;
  return true;
}

// The agreement's address, kind, status, visibility and texts.
void CheckIdentity(const AgreementInput& input, std::vector<FieldError>& errors) {
  // "new" is the address of the form that records an agreement.
  if (!IsSlug(input.slug) || input.slug == "new") {
    errors.push_back({"slug", N_("Use lower-case letters, digits and hyphens (at most 100).")});
  }
  if (!ParseKind(input.kind)) errors.push_back({"kind", N_("Choose a kind from the list.")});
  if (!ParseStatus(input.status)) errors.push_back({"status", N_("Choose a status from the list.")});
  auto visibility = auth::ParseVisibility(input.visibility);
  if (!visibility || (*visibility != auth::Visibility::kPublic && *visibility != auth::Visibility::kMembers &&
                      *visibility != auth::Visibility::kParties)) {
    errors.push_back({"visibility", N_("Choose who may see the agreement from the list.")});
  }
  if (!i18n::HasText(input.title)) errors.push_back({"title", N_("Give the agreement a title.")});
  i18n::CheckText(input.title, "title", errors);
  i18n::CheckText(input.signing_place, "signing_place", errors);
  i18n::CheckText(input.occasion, "occasion", errors);
}

// The dates of the agreement's life, each after the ones before it.
void CheckDates(const AgreementInput& input, std::vector<FieldError>& errors) {
  auto signed_on = ReadDate(input.signed_on, "signed_on", errors);
  auto in_force_on = ReadDate(input.in_force_on, "in_force_on", errors);
  auto suspended_on = ReadDate(input.suspended_on, "suspended_on", errors);
  auto ended_on = ReadDate(input.ended_on, "ended_on", errors);
  if (signed_on && in_force_on && OutOfOrder(*signed_on, *in_force_on)) {
    errors.push_back({"in_force_on", N_("An agreement cannot come into force before it is signed.")});
  }
  if (suspended_on) {
    for (const auto& earlier : {signed_on, in_force_on}) {
      if (earlier && OutOfOrder(*earlier, *suspended_on)) {
        errors.push_back({"suspended_on", N_("An agreement cannot be suspended before it is signed or in force.")});
        break;
      }
    }
  }
  if (ended_on) {
    for (const auto& earlier : {signed_on, in_force_on, suspended_on}) {
      if (earlier && OutOfOrder(*earlier, *ended_on)) {
        errors.push_back({"ended_on", N_("An agreement cannot end before it is signed, in force or suspended.")});
        break;
      }
    }
  }
  auto status = ParseStatus(input.status);
  if (status == AgreementStatus::kDraft && signed_on && signed_on->known()) {
    errors.push_back({"status", N_("A draft has no signing date: choose the status Signed, or remove the date.")});
  }
}

// Term, renewal, notice and the authentic languages.
void CheckTerms(const AgreementInput& input, std::vector<FieldError>& errors) {
  auto term = ParseTerm(input.term);
  std::optional<int> months;
  if (!term) {
    errors.push_back({"term", N_("Choose a term from the list.")});
  } else if (*term == TermKind::kFixed) {
    if (input.term_months.empty() || !ReadMonths(input.term_months, 1, months)) {
      errors.push_back({"term_months", N_("Give the term as a number of months (1 to 1,200).")});
    }
  } else if (!input.term_months.empty()) {
    errors.push_back({"term_months", N_("A number of months goes with a fixed term only.")});
  }
  if (!ParseRenewal(input.renewal)) errors.push_back({"renewal", N_("Choose a renewal from the list.")});
  std::optional<int> notice;
  if (!ReadMonths(input.notice_months, 0, notice)) {
    errors.push_back({"notice_months", N_("Give the notice period as a number of months, or leave it unknown.")});
  }
  if (input.authentic_languages) {
    std::set<std::string> seen;
    for (const auto& language : *input.authentic_languages) {
      if (language.size() < 2 || language.size() > 3 ||
          !std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
          !seen.insert(language).second) {
        errors.push_back({"authentic_languages", N_("Give languages as ISO codes, each once: fr, ru, kk, en.")});
        break;
      }
    }
  }
}

// At least two parties, each once, and coordinators who represent one of them.
void CheckParties(const AgreementInput& input, std::vector<FieldError>& errors) {
  if (input.parties.size() < 2) errors.push_back({"parties", N_("An agreement has at least two parties.")});
  std::set<std::string> parties;
  for (const auto& party : input.parties) {
    if (!IsSlug(party.organization)) {
      errors.push_back({"parties", N_("There is no such organization.")});
    } else if (!parties.insert(party.organization).second) {
      errors.push_back({"parties", N_("An organization is listed twice among the parties.")});
    }
    if (!party.signatory.empty() && !IsSlug(party.signatory)) {
      errors.push_back({"signatories", N_("There is no such person in the directory.")});
    }
  }
  for (const auto& coordinator : input.coordinators) {
    if (!parties.contains(coordinator.organization)) {
      errors.push_back({"coordinators", N_("A coordinator must represent one of the parties.")});
    }
    if (!IsSlug(coordinator.person))
      errors.push_back({"coordinators", N_("There is no such person in the directory.")});
    auto starts = ReadDate(coordinator.starts_on, "coordinators", errors);
    auto ends = ReadDate(coordinator.ends_on, "coordinators", errors);
    if (starts && ends && OutOfOrder(*starts, *ends)) {
      errors.push_back({"coordinators", N_("The end cannot come before the start.")});
    }
  }
}

void CheckObjectives(const AgreementInput& input, std::vector<FieldError>& errors) {
  if (input.objectives.size() > 50) errors.push_back({"objectives", N_("An agreement has at most 50 objectives.")});
  std::set<ObjectiveId> objective_ids;
  for (const auto& objective : input.objectives) {
    if (!i18n::HasText(objective.text)) {
      errors.push_back({"objectives", N_("Each objective needs its text.")});
      break;
    }
    i18n::CheckText(objective.text, "objectives", errors);
    if (objective.categories.empty()) {
      errors.push_back({"objectives", N_("Each objective needs at least one category.")});
      break;
    }
    for (const auto& category : objective.categories) {
      if (!ParseCategory(category)) {
        errors.push_back({"objectives", N_("Choose categories from the list.")});
        break;
      }
    }
    if (objective.id && !objective_ids.insert(*objective.id).second) {
      errors.push_back({"objectives", N_("An objective is listed twice.")});
    }
  }
}

}  // namespace

bool OutOfOrder(const PartialDate& earlier, const PartialDate& later) {
  if (!earlier.known() || !later.known()) return false;
  return std::chrono::sys_days(later.LastDay()) < std::chrono::sys_days(earlier.FirstDay());
}

std::vector<FieldError> ValidateAgreement(const AgreementInput& input) {
  std::vector<FieldError> errors;
  CheckIdentity(input, errors);
  CheckDates(input, errors);
  CheckTerms(input, errors);
  CheckParties(input, errors);
  CheckObjectives(input, errors);
  // Several checks may report the same problem twice: once is enough.
  std::vector<FieldError> unique;
  for (auto& error : errors) {
    if (std::find(unique.begin(), unique.end(), error) == unique.end()) unique.push_back(std::move(error));
  }
  return unique;
}

std::vector<FieldError> ValidateFollowUp(const FollowUpInput& input) {
  std::vector<FieldError> errors;
  auto date = ReadDate(input.entry_on, "entry_on", errors);
  if (date && !date->known()) errors.push_back({"entry_on", N_("Give the date of the entry (a month is enough).")});
  if (!i18n::HasText(input.text)) errors.push_back({"text", N_("Write what happened.")});
  i18n::CheckText(input.text, "text", errors);
  if (input.source.size() > 500) errors.push_back({"source", N_("This is too long (at most 500 characters).")});
  return errors;
}

std::vector<FieldError> ValidateActivity(const ActivityInput& input) {
  std::vector<FieldError> errors;
  if (!ParseActivityKind(input.kind)) errors.push_back({"kind", N_("Choose a kind from the list.")});
  ReadDate(input.happened_on, "happened_on", errors);
  if (!i18n::HasText(input.text)) errors.push_back({"text", N_("Write what was done.")});
  i18n::CheckText(input.text, "text", errors);
  i18n::CheckText(input.place, "place", errors);
  if (input.kind != "background" && input.objectives.empty()) {
    errors.push_back({"objectives", N_("Link the activity to at least one objective.")});
  }
  return errors;
}

std::vector<FieldError> ValidateReview(const ReviewInput& input) {
  std::vector<FieldError> errors;
  if (input.year < 1990 || input.year > 2200) errors.push_back({"year", N_("Give the year under review.")});
  if (!i18n::HasText(input.findings) && !i18n::HasText(input.decisions) && !i18n::HasText(input.next_actions)) {
    errors.push_back({"findings", N_("Write the findings, the decisions or the next actions.")});
  }
  i18n::CheckText(input.findings, "findings", errors);
  i18n::CheckText(input.decisions, "decisions", errors);
  i18n::CheckText(input.next_actions, "next_actions", errors);
  return errors;
}

}  // namespace entente::agreements
