// A bar's roll for its administrators: the import form, an import's progress, the CSV export
// (docs/ROLL_CSV.md).

#include "modules/directory/directory_handlers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/base/messages.h"
#include "core/http/error_response.h"
#include "core/http/multipart.h"
#include "modules/directory/organization_options.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;

std::string ReportSummary(const i18n::Catalogs& catalogs, const std::string& language, const RollImportReport& report) {
  if (!report.problems.empty()) {
    auto count = static_cast<long long>(report.problems.size());
    return fmt::format("{} {}", catalogs.FormatNumber(language, count),
                       catalogs.TranslatePlural(language, "problem found", "problems found", count));
  }
  return fmt::format("{}: {} — {}: {}, {}: {}{}", catalogs.Translate(language, N_("Rows")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.rows)),
                     catalogs.Translate(language, N_("new")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.created)),
                     catalogs.Translate(language, N_("updated")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.updated)),
                     report.written ? ". " + catalogs.Translate(language, N_("The roll has been imported."))
                                    : ". " + catalogs.Translate(language, N_("Dry run: nothing was written.")));
}

void FillImportStatus(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& status,
                      const std::string& slug, const RollImports::Progress& progress) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  status.SetValue("SLUG", slug);
  status.SetValue("STATUS_HREF",
                  fmt::format("/organizations/{}/roll/imports/{}/status", slug, context.params.Get("id")));
  size_t total = progress.finished && progress.report ? progress.report->rows : progress.total;
  size_t done = progress.finished && progress.report ? total : progress.done;
  status.SetIntValue("TOTAL", static_cast<long>(std::max<size_t>(total, 1)));
  status.SetIntValue("DONE", static_cast<long>(done));
  long long percent = total == 0 ? 0 : static_cast<long long>(done * 100 / total);
  status.SetValue("PERCENT", catalogs.FormatNumber(language, percent));
  status.SetValue("PROGRESS_TEXT", fmt::format("{} / {}", catalogs.FormatNumber(language, static_cast<long long>(done)),
                                               catalogs.FormatNumber(language, static_cast<long long>(total))));
  if (!progress.finished) {
    status.ShowSection("RUNNING");
  } else if (progress.report) {
    status.AddSectionDictionary("FINISHED_OK")
        ->SetValue("SUMMARY", ReportSummary(catalogs, language, *progress.report));
  } else {
    deps.pages.ShowErrors(context, *status.AddSectionDictionary("FAILED"), *progress.error);
  }
}

// The roll's page, with the report of a file checked or the error of one refused.
Result<Response> RollForm(RequestContext& context, const Context& deps, const std::optional<RollImportReport>& report,
                          const std::optional<Error>& error) {
  std::string slug(context.params.Get("slug"));
  // Only the bar's administrators see its roll page (403 to others who see the bar, 404 otherwise).
  if (auto allowed = deps.roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto organization = deps.organizations.GetBySlug(context.actor, slug);
  if (!organization) return Fail(organization.error());
  auto details = deps.people.OrganizationDetails(organization->id);
  if (!details) return Fail(details.error());
  const auto& catalogs = deps.pages.catalogs();
  render::Page page("directory/roll.tpl", deps.pages.Translate(context, N_("The roll")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("SLUG", organization->slug);
  content.SetValue("NAME", DisplayName(*organization, context.language));
  content.SetValue("MEMBER_COUNT", catalogs.FormatNumber(context.language, details->member_count));
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, content, *error);
    status = http::HttpStatusFor(error->code());
  }
  if (report) {
    auto* section = content.AddSectionDictionary("REPORT");
    bool ok = report->problems.empty();
    section->ShowSection(ok ? "OK" : "BAD");
    if (!ok) status = 422;
    section->SetValue("SUMMARY", ReportSummary(catalogs, context.language, *report));
    if (!report->ignored_columns.empty()) {
      section->AddSectionDictionary("IGNORED")->SetValue("COLUMNS",
                                                         fmt::format("{}", fmt::join(report->ignored_columns, ", ")));
    }
    if (!ok) {
      auto* table = content.AddSectionDictionary("HAS_PROBLEMS");
      for (const auto& problem : report->problems) {
        auto* row = table->AddSectionDictionary("PROBLEM");
        row->SetValue("LINE", std::to_string(problem.line));
        row->SetValue("COLUMN", problem.column);
        row->SetValue("MESSAGE", catalogs.Translate(context.language, problem.message));
      }
    }
  }
  return deps.pages.Render(context, page, status);
}

}  // namespace

Result<Response> RollPage(RequestContext& context, const Context& deps) {
  return RollForm(context, deps, std::nullopt, std::nullopt);
}

Result<Response> ImportRoll(RequestContext& context, const Context& deps) {
  RollService& roll = deps.roll;
  // Check access before reading what was sent.
  std::string slug(context.params.Get("slug"));
  if (auto allowed = roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto parts = http::ParseMultipart(context.request.Header("content-type"), context.request.Content());
  if (!parts) {
    if (parts.error().code() == ErrorCode::kUnsupportedMediaType) return Fail(parts.error());
    return RollForm(context, deps, std::nullopt, parts.error());
  }
  std::string_view file;
  bool dry_run = false, has_file = false;
  for (const auto& part : *parts) {
    if (part.name == "file") {
      file = part.body;
      has_file = true;
    }
    if (part.name == "dry_run") dry_run = part.body == "1";
  }
  if (!has_file || file.empty()) {
    return RollForm(
        context, deps, std::nullopt,
        Error::InvalidArgument(N_("Choose a CSV file to upload."), {{"file", N_("Choose a CSV file to upload.")}}));
  }
  // Every line is checked first: a file with problems is answered at once, nothing written.
  auto report = roll.Import(context.actor, slug, file, directory::ImportMode::kCheckOnly);
  if (!report) return Fail(report.error());
  if (dry_run || !report->problems.empty()) return RollForm(context, deps, *report, std::nullopt);
  // A good file is written in the background while the next page shows its progress.
  auto started = deps.imports.Start(context.actor, slug, std::string(file));
  if (!started) return RollForm(context, deps, std::nullopt, started.error());
  return Response::Redirect(fmt::format("/organizations/{}/roll/imports/{}", slug, *started));
}

Result<Response> ImportProgress(RequestContext& context, const Context& deps, PagePart part) {
  std::string slug(context.params.Get("slug"));
  // The bar first (404 or 403 as for its roll page), then the import.
  if (auto allowed = deps.roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto progress = deps.imports.Find(std::string(context.params.Get("id")));
  // Only the user who started it follows an import; to others it is not there.
  if (!progress || progress->bar_slug != slug || progress->user != context.actor.user()) return Fail(Error::NotFound());
  if (part == PagePart::kFragment) {
    ctemplate::TemplateDictionary status("status");
    FillImportStatus(context, deps, status, slug, *progress);
    return deps.pages.RenderFragment(context, "directory/roll_import_status.tpl", status);
  }
  auto organization = deps.organizations.GetBySlug(context.actor, slug);
  if (!organization) return Fail(organization.error());
  render::Page page("directory/roll_import.tpl", deps.pages.Translate(context, N_("Importing the roll")));
  auto& content = page.content();
  content.SetValue("SLUG", slug);
  content.SetValue("NAME", DisplayName(*organization, context.language));
  auto* status = content.AddIncludeDictionary("STATUS");
  status->SetFilename("directory/roll_import_status.tpl");
  FillImportStatus(context, deps, *status, slug, *progress);
  return deps.pages.Render(context, page);
}

Result<Response> ExportRoll(RequestContext& context, const Context& deps) {
  std::string slug(context.params.Get("slug"));
  auto csv = deps.roll.Export(context.actor, slug);
  if (!csv) return Fail(csv.error());
  Response response;
  response.body = std::move(*csv);
  response.SetHeader("Content-Type", "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + slug + "-roll.csv\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace entente::directory
