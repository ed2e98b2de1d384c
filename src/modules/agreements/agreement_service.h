#pragma once
// Cooperation agreements: reading them as visibility allows, and changing them as roles allow.
//
// Who may see an agreement: its visibility (public / members / parties), decided in SQL for lists
// and by MayView() for one agreement; one that the actor may not see is kNotFound, never a hint.
// Who may change it: a coordinator or a bar admin of one of its parties (a role on the party or
// an organization above it), or a platform admin; anyone else who can see it gets
// kPermissionDenied. Every change is one transaction with its audit entry; on any error nothing
// is written.

#include <functional>
#include <optional>
#include <string>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/db/database.h"
#include "modules/agreements/agreement_store.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

struct DocumentFile {
  std::string file_name;
  DocumentType type = DocumentType::kPdf;
  std::string content;
};

// The activities other modules record for some objectives, as `actor` may see them.
using ActivitySource =
    std::function<Result<std::vector<LinkedActivity>>(const auth::Actor& actor, const std::vector<ObjectiveId>&)>;

class AgreementService {
 public:
  explicit AgreementService(db::Database& database) : database_(database) {}

  // Another module's activities join the agreement's own when it is read (Get): the events
  // module adds the events serving each objective. Set at start-up, before serving.
  void AddActivitySource(ActivitySource source) { sources_.push_back(std::move(source)); }

  // kInvalidArgument for an unknown status or a year out of range.
  Result<Page<AgreementSummary>> List(const auth::Actor& actor, const AgreementFilter& filter, const PageRequest& page);
  Result<Agreement> Get(const auth::Actor& actor, const std::string& slug);
  Result<Agreement> Get(const auth::Actor& actor, AgreementId id);

  // Whether `actor` may change `agreement` (shows the forms).
  static bool MayEdit(const auth::Actor& actor, const Agreement& agreement);
  // Whether `actor` may create an agreement at all (a coordinator or bar admin somewhere).
  static bool MayCreate(const auth::Actor& actor);

  // kUnauthenticated, kPermissionDenied (the actor coordinates none of the parties),
  // kInvalidArgument with field errors (rules.h, plus: unknown organization or person, a
  // signatory without a position in their party, a slug already taken).
  Result<AgreementId> Create(const auth::Actor& actor, const AgreementInput& input);
  // Replaces the agreement's fields, parties, coordinators and objectives (objectives keep their
  // ids, and so their activities, when `input` names them). Also refuses a status change that
  // goes back (MayMove).
  Status Update(const auth::Actor& actor, AgreementId id, const AgreementInput& input);

  Result<FollowUpId> AddFollowUp(const auth::Actor& actor, AgreementId id, const FollowUpInput& input);
  // The objectives must be the agreement's own.
  Result<ActivityId> AddActivity(const auth::Actor& actor, AgreementId id, const ActivityInput& input);
  // One review per year: saving a year again replaces it (and keeps its id).
  Result<ReviewId> SaveReview(const auth::Actor& actor, AgreementId id, const ReviewInput& input);
  // Checks the file (rules.h: RecognizeDocument), stores it with its SHA-256.
  Result<DocumentId> AddDocument(const auth::Actor& actor, AgreementId id, const DocumentInput& input);
  // For those who may see the agreement; kNotFound otherwise, or for another agreement's file.
  Result<DocumentFile> GetDocument(const auth::Actor& actor, AgreementId id, DocumentId document);

  // Whether an agreement has this slug (for loaders that must be safe to run twice).
  Result<bool> SlugTaken(const std::string& slug);

 private:
  // Loads the agreement and checks that the actor may see it (kNotFound) and change it
  // (kPermissionDenied).
  // An agreement loaded to be changed, with the policy's permit to change it.
  struct Changing : Agreement {
    auth::Permit<AgreementId> permit;
  };
  // kNotFound if the actor may not see it; kPermissionDenied unless they coordinate a party.
  Result<Changing> LoadForChange(soci::session& sql, const auth::Actor& actor, AgreementId id) const;

  // Adds the sources' activities to a loaded agreement (outside any database call of ours).
  Result<Agreement> WithLinkedActivities(const auth::Actor& actor, Result<Agreement> agreement);

  db::Database& database_;
  std::vector<ActivitySource> sources_;
  AgreementStore store_;
};

// The input that would save `agreement` as it is: the starting point of an edit form.
AgreementInput InputFrom(const Agreement& agreement);

// The SHA-256 of `content` in lower-case hex.
std::string Sha256Hex(std::string_view content);

}  // namespace entente::agreements
