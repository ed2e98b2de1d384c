#pragma once
// Pages: a module template rendered inside the one layout (name, navigation, language switch,
// sign-in/out), in the request's language.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/context.h"
#include "core/http/error_response.h"
#include "core/http/request.h"
#include "core/i18n/catalogs.h"
#include "core/render/dictionary.h"
#include "core/render/templates.h"

namespace entente::render {

// A link of the main navigation; modules declare theirs next to their routes.
struct NavItem {
  std::string href;
  std::string label;  // English msgid
};

// A page being built: the content template's dictionary lives inside the layout's.
class Page {
 public:
  // `template_name` as in Templates ("home/index.tpl"); `title` already translated.
  Page(std::string template_name, std::string title);

  ctemplate::TemplateDictionary& content() { return *content_; }
  // The page has a form that posts (its forms then carry the CSRF token).
  void UseForms() { uses_forms_ = true; }
  bool uses_forms() const { return uses_forms_; }
  ctemplate::TemplateDictionary& layout() { return layout_; }
  const std::string& title() const { return title_; }

 private:
  ctemplate::TemplateDictionary layout_;
  ctemplate::TemplateDictionary* content_;  // owned by layout_
  std::string title_;
  bool uses_forms_ = false;
};

class PageRenderer final : public http::ErrorPresenter {
 public:
  PageRenderer(const Templates& templates, const i18n::Catalogs& catalogs, std::vector<NavItem> navigation);

  http::Response Render(http::RequestContext& context, Page& page, int status = 200) const;
  // A template alone, without the layout: the part of a page that htmx swaps in.
  http::Response RenderFragment(const http::RequestContext& context, std::string_view template_name,
                                const ctemplate::TemplateDictionary& dictionary) const;

  std::string Translate(const http::RequestContext& context, std::string_view msgid) const {
    return catalogs_.Translate(context.language, msgid);
  }
  const i18n::Catalogs& catalogs() const { return catalogs_; }

  // Shows an error on a form: FORM_ERROR (its MESSAGE), and for each field error a section
  // <FIELD>_ERROR (upper case) with its MESSAGE, all translated.
  void ShowErrors(const http::RequestContext& context, ctemplate::TemplateDictionary& form, const Error& error) const;

  // http::ErrorPresenter
  std::string Translate(std::string_view language, std::string_view msgid) const override {
    return catalogs_.Translate(language, msgid);
  }
  http::Response ErrorPage(http::RequestContext& context, int status, std::string_view title,
                           std::string_view message, const std::vector<FieldError>& fields) const override;

 private:
  const Templates& templates_;
  const i18n::Catalogs& catalogs_;
  std::vector<NavItem> navigation_;
};

}  // namespace entente::render
