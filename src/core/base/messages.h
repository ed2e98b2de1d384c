#pragma once
// Marks an English interface string (a gettext msgid) that is translated later, away from where
// it is written: scripts/i18n extracts every N_("…") and NP_("…", "…") into locale/entente.pot.

namespace entente {

constexpr const char* N_(const char* msgid) { return msgid; }

// A msgid that needs a context to be translated right ("Member" the role vs "Member" the
// position): extracted with its msgctxt; translate it with Catalogs::TranslateInContext.
constexpr const char* NC_(const char* /*context*/, const char* msgid) { return msgid; }

struct PluralMessage {
  const char* singular;
  const char* plural;
};
constexpr PluralMessage NP_(const char* singular, const char* plural) { return {singular, plural}; }

}  // namespace entente
