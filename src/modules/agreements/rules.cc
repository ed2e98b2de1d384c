#include "modules/agreements/rules.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::agreements {
namespace {

constexpr const char* kDateFormat = N_("Enter a date as YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD.");

bool IsSlug(const std::string& text) {
  if (text.empty() || text.size() > 100) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool HasText(const i18n::LocalizedText& text) {
  return std::any_of(text.variants().begin(), text.variants().end(), [](const auto& entry) {
    return entry.second.text.find_first_not_of(" \t\r\n") != std::string::npos;
  });
}

// Checks the languages and lengths of a text's variants.
void CheckText(const i18n::LocalizedText& text, const std::string& field, std::vector<FieldError>& errors) {
  for (const auto& [language, variant] : text.variants()) {
    if (!i18n::IsSupportedLanguage(language)) {
      errors.push_back({field, N_("Texts may be in English, French, Russian or Kazakh only.")});
      return;
    }
    if (variant.text.size() > kMaxTextLength) {
      errors.push_back({field, N_("This is too long (at most 4,000 characters).")});
      return;
    }
  }
}

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

std::uint32_t Read32(std::string_view bytes, size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}
std::uint16_t Read16(std::string_view bytes, size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1])
                                                                                << 8);
}

struct ZipEntries {
  std::set<std::string> names;
  bool too_large = false;
};

// Reads a zip file's central directory (entry names and sizes), without inflating anything.
std::optional<ZipEntries> ReadZip(std::string_view bytes) {
  constexpr size_t kEndRecord = 22;
  if (bytes.size() < kEndRecord) return std::nullopt;
  size_t lowest = bytes.size() > kEndRecord + 65535 ? bytes.size() - kEndRecord - 65535 : 0;
  size_t end = std::string_view::npos;
  for (size_t at = bytes.size() - kEndRecord + 1; at-- > lowest;) {
    if (Read32(bytes, at) == 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return std::nullopt;
  std::uint16_t count = Read16(bytes, end + 10);
  std::uint32_t size = Read32(bytes, end + 12);
  std::uint32_t offset = Read32(bytes, end + 16);
  if (offset == 0xFFFFFFFF || static_cast<unsigned long long>(offset) + size > end) return std::nullopt;
  ZipEntries entries;
  unsigned long long expanded = 0, compressed = 0;
  size_t at = offset;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (at + 46 > end || Read32(bytes, at) != 0x02014b50) return std::nullopt;
    std::uint32_t packed = Read32(bytes, at + 20);
    std::uint32_t unpacked = Read32(bytes, at + 24);
    std::uint16_t name_length = Read16(bytes, at + 28);
    std::uint16_t extra_length = Read16(bytes, at + 30);
    std::uint16_t comment_length = Read16(bytes, at + 32);
    if (at + 46 + name_length > end) return std::nullopt;
    // ZIP64 sizes: far beyond what a signed text needs.
    if (packed == 0xFFFFFFFF || unpacked == 0xFFFFFFFF) entries.too_large = true;
    expanded += unpacked;
    compressed += packed;
    entries.names.emplace(bytes.substr(at + 46, name_length));
    at += 46u + name_length + extra_length + comment_length;
  }
  if (expanded > kMaxExpandedBytes || (expanded > (1u << 20) && expanded > kMaxExpansionRatio * (compressed + 1))) {
    entries.too_large = true;
  }
  return entries;
}

// ODF puts an uncompressed "mimetype" entry first, holding the media type.
bool IsOdt(std::string_view bytes) {
  constexpr std::string_view kMediaType = "application/vnd.oasis.opendocument.text";
  if (bytes.size() < 30) return false;
  std::uint16_t name_length = Read16(bytes, 26);
  std::uint16_t extra_length = Read16(bytes, 28);
  size_t data = 30u + name_length + extra_length;
  return name_length == 8 && bytes.substr(30, 8) == "mimetype" && bytes.size() >= data + kMediaType.size() &&
         bytes.substr(data, kMediaType.size()) == kMediaType &&
         (bytes.size() == data + kMediaType.size() || bytes[data + kMediaType.size()] != '-');
}

std::string Extension(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension;
}

Error FileProblem(const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{"file", message}});
}

}  // namespace

bool OutOfOrder(const PartialDate& earlier, const PartialDate& later) {
  if (!earlier.known() || !later.known()) return false;
  return std::chrono::sys_days(later.LastDay()) < std::chrono::sys_days(earlier.FirstDay());
}

std::vector<FieldError> ValidateAgreement(const AgreementInput& input) {
  std::vector<FieldError> errors;
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
  if (!HasText(input.title)) errors.push_back({"title", N_("Give the agreement a title.")});
  CheckText(input.title, "title", errors);
  CheckText(input.signing_place, "signing_place", errors);
  CheckText(input.occasion, "occasion", errors);

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

  if (input.objectives.size() > 50) errors.push_back({"objectives", N_("An agreement has at most 50 objectives.")});
  std::set<long long> objective_ids;
  for (const auto& objective : input.objectives) {
    if (!HasText(objective.text)) {
      errors.push_back({"objectives", N_("Each objective needs its text.")});
      break;
    }
    CheckText(objective.text, "objectives", errors);
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
    if (objective.id != 0 && !objective_ids.insert(objective.id).second) {
      errors.push_back({"objectives", N_("An objective is listed twice.")});
    }
  }
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
  if (!HasText(input.text)) errors.push_back({"text", N_("Write what happened.")});
  CheckText(input.text, "text", errors);
  if (input.source.size() > 500) errors.push_back({"source", N_("This is too long (at most 500 characters).")});
  return errors;
}

std::vector<FieldError> ValidateActivity(const ActivityInput& input) {
  std::vector<FieldError> errors;
  if (!ParseActivityKind(input.kind)) errors.push_back({"kind", N_("Choose a kind from the list.")});
  ReadDate(input.happened_on, "happened_on", errors);
  if (!HasText(input.text)) errors.push_back({"text", N_("Write what was done.")});
  CheckText(input.text, "text", errors);
  CheckText(input.place, "place", errors);
  if (input.kind != "background" && input.objectives.empty()) {
    errors.push_back({"objectives", N_("Link the activity to at least one objective.")});
  }
  return errors;
}

std::vector<FieldError> ValidateReview(const ReviewInput& input) {
  std::vector<FieldError> errors;
  if (input.year < 1990 || input.year > 2200) errors.push_back({"year", N_("Give the year under review.")});
  if (!HasText(input.findings) && !HasText(input.decisions) && !HasText(input.next_actions)) {
    errors.push_back({"findings", N_("Write the findings, the decisions or the next actions.")});
  }
  CheckText(input.findings, "findings", errors);
  CheckText(input.decisions, "decisions", errors);
  CheckText(input.next_actions, "next_actions", errors);
  return errors;
}

Result<DocumentType> RecognizeDocument(std::string_view file_name, std::string_view content) {
  if (content.empty()) return Fail(FileProblem(N_("Choose a file to upload.")));
  if (content.size() > kMaxDocumentBytes) return Fail(FileProblem(N_("The file is too large (at most 20 MB).")));
  if (file_name.empty() || file_name.size() > 200)
    return Fail(FileProblem(N_("The file needs a name (at most 200 characters).")));
  std::string extension = Extension(file_name);
  std::optional<DocumentType> named = ParseDocumentType(extension);
  if (!named) return Fail(FileProblem(N_("Upload a PDF, DOCX or ODT file.")));
  std::optional<DocumentType> found;
  if (content.starts_with("%PDF-")) {
    found = DocumentType::kPdf;
  } else if (content.starts_with(std::string_view("PK\x03\x04", 4))) {
    auto zip = ReadZip(content);
    if (!zip) return Fail(FileProblem(N_("The file's content is not what its name says.")));
    if (zip->too_large) return Fail(FileProblem(N_("The file would expand too far when opened; it is refused.")));
    if (IsOdt(content)) {
      found = DocumentType::kOdt;
    } else if (zip->names.contains("[Content_Types].xml") && zip->names.contains("word/document.xml")) {
      found = DocumentType::kDocx;
    }
  }
  if (!found || *found != *named) return Fail(FileProblem(N_("The file's content is not what its name says.")));
  return *found;
}

}  // namespace entente::agreements
