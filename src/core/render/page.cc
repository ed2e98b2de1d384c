#include "core/render/page.h"

#include "core/i18n/languages.h"

namespace entente::render {

Page::Page(std::string template_name, std::string title)
    : layout_("layout"), content_(layout_.AddIncludeDictionary("CONTENT")), title_(std::move(title)) {
  content_->SetFilename(template_name);
}

PageRenderer::PageRenderer(const Templates& templates, const i18n::Catalogs& catalogs, std::vector<NavItem> navigation)
    : templates_(templates), catalogs_(catalogs), navigation_(std::move(navigation)) {}

http::Response PageRenderer::Render(http::RequestContext& context, Page& page, int status) const {
  auto& layout = page.layout();
  const std::string& language = context.language;
  layout.SetValue("LANG", language);
  layout.SetValue("PAGE_TITLE", page.title());
  layout.SetValue("REQUEST_ID", context.request_id);
  const std::string& path = context.request.path;
  for (const auto& item : navigation_) {
    auto* link = layout.AddSectionDictionary("NAV_ITEM");
    link->SetValue("HREF", item.href);
    link->SetValue("LABEL", catalogs_.Translate(language, item.label));
    bool current = item.href == "/" ? path == "/" : path.starts_with(item.href);
    if (current) link->ShowSection("CURRENT");
  }
  // The switch is a plain link that sets the `lang` cookie and comes back here.
  std::string next = context.request.target.empty() ? "/" : context.request.target;
  for (std::string_view code : i18n::kLanguages) {
    auto* link = layout.AddSectionDictionary("LANGUAGE");
    link->SetValue("CODE", Text(code));
    link->SetValue("NAME", Text(i18n::NativeName(code)));
    link->SetValue("HREF", "/lang/" + std::string(code) + "?next=" + http::PercentEncode(next));
    if (code == language) link->ShowSection("CURRENT");
  }
  // Forms anywhere on the page carry the request's CSRF token (a signed-in layout has the
  // sign-out form).
  if (context.actor.signed_in() || page.uses_forms()) layout.SetTemplateGlobalValue("CSRF_TOKEN", context.CsrfToken());
  if (context.actor.signed_in()) {
    auto* user = layout.AddSectionDictionary("SIGNED_IN");
    user->SetValue("USER_NAME", context.actor.display_name());
    if (context.actor.HoldsAnywhere(auth::Role::kBarAdmin)) user->ShowSection("ADMIN");
    // An administrator without two-factor sign-in: the admin roles wait for it (every page says so).
    if (context.actor.admin_roles_withheld()) layout.ShowSection("TWO_FACTOR_NOTICE");
  } else {
    auto* sign_in = layout.AddSectionDictionary("SIGNED_OUT");
    sign_in->SetValue("SIGN_IN_HREF", "/sign-in?next=" + http::PercentEncode(next));
  }
  return http::Response::Html(templates_.Expand(language, "layout.tpl", layout), status);
}

http::Response PageRenderer::RenderFragment(const http::RequestContext& context, std::string_view template_name,
                                            const ctemplate::TemplateDictionary& dictionary) const {
  return http::Response::Html(templates_.Expand(context.language, template_name, dictionary));
}

void PageRenderer::ShowErrors(const http::RequestContext& context, ctemplate::TemplateDictionary& form,
                              const Error& error) const {
  std::string message = error.code() == ErrorCode::kInternal
                            ? catalogs_.Translate(context.language, "Something went wrong")
                            : catalogs_.Translate(context.language, error.message());
  form.AddSectionDictionary("FORM_ERROR")->SetValue("MESSAGE", message);
  for (const auto& field : error.fields()) {
    std::string section;
    for (char c : field.field) section.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    form.AddSectionDictionary(section + "_ERROR")
        ->SetValue("MESSAGE", catalogs_.Translate(context.language, field.message));
  }
}

http::Response PageRenderer::ErrorPage(http::RequestContext& context, int status, std::string_view title,
                                       std::string_view message, const std::vector<FieldError>& fields) const {
  Page page("errors/error.tpl", std::string(title));
  auto& content = page.content();
  content.SetValue("STATUS", std::to_string(status));
  content.SetValue("TITLE", Text(title));
  content.SetValue("MESSAGE", Text(message));
  content.SetValue("REQUEST_ID", context.request_id);
  for (const auto& field : fields) {
    auto* item = content.AddSectionDictionary("FIELD_ERROR");
    item->SetValue("FIELD", field.field);
    item->SetValue("MESSAGE", catalogs_.Translate(context.language, field.message));
  }
  return Render(context, page, status);
}

}  // namespace entente::render
