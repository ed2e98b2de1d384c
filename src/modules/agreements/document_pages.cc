// An agreement's signed texts: the upload form's submit and the download.

#include "modules/agreements/agreements_handlers.h"

#include <algorithm>

#include "core/http/multipart.h"

namespace entente::agreements {

using http::RequestContext;
using http::Response;

Result<Response> UploadDocument(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto parts = http::ParseMultipart(context.request.Header("content-type"), context.request.Content());
  if (!parts) {
    if (parts.error().code() == ErrorCode::kUnsupportedMediaType) return Fail(parts.error());
    return PageFormError(context, deps, parts.error(), "DOCUMENT_FORM");
  }
  DocumentInput input;
  for (const auto& part : *parts) {
    if (part.name == "file") {
      input.file_name = part.filename;
      input.content = part.body;
    }
    if (part.name == "language") input.language = std::string(part.body);
  }
  auto saved = deps.agreements.AddDocument(context.actor, agreement->id, input);
  if (!saved) return PageFormError(context, deps, saved.error(), "DOCUMENT_FORM");
  return Response::Redirect(Redirect(*agreement, "documents-heading"));
}

Result<Response> DownloadDocument(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, std::string(context.params.Get("slug")));
  if (!agreement) return Fail(agreement.error());
  auto file = deps.agreements.GetDocument(context.actor, agreement->id, context.params.GetId<DocumentId>("id"));
  if (!file) return Fail(file.error());
  Response response;
  response.body = std::move(file->content);
  response.SetHeader("Content-Type", std::string(DocumentMediaType(file->type)));
  // The stored name is the uploader's: only safe characters go into the header.
  std::string name;
  for (char c : file->file_name) {
    name.push_back((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                           c == '_'
                       ? c
                       : '_');
  }
  std::string uploaded = file->file_name;
  std::replace(uploaded.begin(), uploaded.end(), '/', '_');  // PercentEncode keeps '/'
  // The ASCII name for old clients, the name as uploaded (RFC 6266, 5987) for the others.
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + http::PercentEncode(uploaded));
  response.SetHeader("Content-Security-Policy", "sandbox");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

}  // namespace entente::agreements
