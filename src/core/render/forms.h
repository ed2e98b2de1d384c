#pragma once
// What every module's forms share: the submit half of a create or edit form, and the options of
// the selects that several forms show (languages; a module's records through `Option`).

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/forms.h"
#include "core/http/request.h"
#include "core/render/dictionary.h"

namespace entente::render {

// Whether a form makes a new record or changes one: the template and the handler's next step
// differ, the fields do not.
enum class FormMode { kCreate, kEdit };

// The submit half of a create/edit form, the same in every module:
//   1. read the form body (a malformed body is an error page),
//   2. `read(form, base)` → the typed input (absent fields keep `base`, the stored record when
//      editing),
//   3. `save(input)` → Result<Saved> (the service checks, writes and audits in one transaction),
//   4. refused input (kInvalidArgument) → `show(input, error)`: the form again, with what was
//      typed and the field errors, status 422; nothing was written,
//   5. any other failure → the error page (403, 404, 409 …) through the pipeline,
//   6. saved → `done(saved)`, usually a redirect to the record (303).
//
//   return render::SubmitForm(context.request, InputFrom(*event), ReadEventForm,
//       [&](const EventInput& input) { return deps.events.Update(context.actor, event->id, input); },
//       [&](const EventInput& input, const Error& error) { return FormPage(..., input, &error, 422); },
//       [&](EventId id) { return ToSavedEvent(context, deps, id); });
template <typename Input, typename Read, typename Save, typename Show, typename Done>
Result<http::Response> SubmitForm(const http::Request& request, Input base, Read&& read, Save&& save, Show&& show,
                                  Done&& done) {
  auto form = http::ReadForm(request);
  if (!form) return Fail(form.error());
  Input input = read(*form, std::move(base));
  auto saved = save(std::as_const(input));
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return show(std::as_const(input), saved.error());
  }
  return done(*saved);
}

// One <option> of a select: the value sent and the label shown, already in the page's language.
struct Option {
  std::string value;
  std::string label;
};

// Adds a section `section` per option with VALUE and LABEL, and SELECTED on the one whose value
// is `selected`.
void AddOptions(ctemplate::TemplateDictionary& dictionary, std::string_view section, std::span<const Option> options,
                std::string_view selected = {});

// The language a form's texts are typed in: its text_language field (which the form page writes,
// hidden), else `page_language`. A refused form is shown again in it, so that what was typed is
// kept even when the page's language changed meanwhile.
std::string TextLanguage(const http::Form& form, const std::string& page_language);

// The platform's languages (en, fr, ru, kk) as a select: CODE and NAME (the language's own name),
// SELECTED on `selected`.
void AddLanguageOptions(ctemplate::TemplateDictionary& dictionary, std::string_view section = "LANGUAGE_OPTION",
                        std::string_view selected = {});

}  // namespace entente::render
