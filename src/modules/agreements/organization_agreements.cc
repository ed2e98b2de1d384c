#include "modules/agreements/organization_agreements.h"

#include "core/base/messages.h"

namespace entente::agreements {

directory::RelatedSource OrganizationAgreements(AgreementService& agreements) {
  return [&agreements](const auth::Actor& actor, const std::string& slug) -> Result<directory::RelatedRecords> {
    AgreementFilter filter;
    filter.party = slug;
    auto page = agreements.List(actor, filter, PageRequest{1, directory::kMaxRelated});
    if (!page) return Fail(page.error());
    return directory::RelatedFrom({.key = "agreements",
                                   .heading = N_("Agreements"),
                                   .none = N_("No agreement of this organization is recorded."),
                                   .all_href = "/agreements?party=" + slug},
                                  *page, [](const AgreementSummary& agreement) {
                                    return directory::RelatedRecord{"/agreements/" + agreement.slug,
                                                                    agreement.title,
                                                                    agreement.signed_on,
                                                                    std::string(StatusLabel(agreement.status)),
                                                                    kStatusContext,
                                                                    std::string(StatusKey(agreement.status))};
                                  });
  };
}

}  // namespace entente::agreements
