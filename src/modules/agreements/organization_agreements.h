#pragma once
// The agreements an organization is a party to, for its directory page and JSON.

#include "modules/agreements/agreement_service.h"
#include "modules/directory/related_records.h"

namespace entente::agreements {

// For OrganizationService::AddRelatedSource: the agreements `actor` may see with the
// organization among their parties, as the agreement list orders them.
directory::RelatedSource OrganizationAgreements(AgreementService& agreements);

}  // namespace entente::agreements
