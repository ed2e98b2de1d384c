#include "core/render/forms.h"

#include <gtest/gtest.h>

#include "core/base/messages.h"

namespace entente::render {
namespace {

http::Request FormPost(std::string body) {
  http::Request request;
  request.method = http::Method::kPost;
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  request.body = std::move(body);
  return request;
}

struct Input {
  std::string slug;
  std::string title;
};

Input ReadInput(const http::Form& form, Input base) {
  if (form.Has("slug")) base.slug = form.Get("slug");
  if (form.Has("title")) base.title = form.Get("title");
  return base;
}

// Runs the flow with a save that answers `outcome`, and says which way it went.
struct Outcome {
  std::string path;  // "shown", "done" or "failed"
  int status = 0;
  Input seen;
};

Outcome Submit(const http::Request& request, Result<int> outcome) {
  Outcome result;
  auto response = SubmitForm(
      request, Input{"stored-slug", "Stored title"}, ReadInput,
      [&](const Input& input) {
        result.seen = input;
        return outcome;
      },
      [&](const Input& input, const Error& error) -> Result<http::Response> {
        result.path = "shown";
        result.seen = input;
        EXPECT_EQ(error.fields().size(), 1u);
        return http::Response::Html("form", 422);
      },
      [&](int id) -> Result<http::Response> {
        result.path = "done";
        return http::Response::Redirect("/records/" + std::to_string(id));
      });
  if (!response) {
    result.path = "failed";
    result.status = static_cast<int>(response.error().code());
  } else {
    result.status = response->status;
  }
  return result;
}

TEST(SubmitFormTest, SavedInputRedirectsAndKeepsWhatWasNotSent) {
  Outcome outcome = Submit(FormPost("title=New+title"), 7);
  EXPECT_EQ(outcome.path, "done");
  EXPECT_EQ(outcome.status, 303);
  EXPECT_EQ(outcome.seen.slug, "stored-slug");
  EXPECT_EQ(outcome.seen.title, "New title");
}

TEST(SubmitFormTest, RefusedInputShowsTheFormAgainWithWhatWasTyped) {
  Outcome outcome =
      Submit(FormPost("slug=Bad+Slug&title=Typed"), Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                                                              {{"slug", N_("Use lower case.")}})));
  EXPECT_EQ(outcome.path, "shown");
  EXPECT_EQ(outcome.status, 422);
  EXPECT_EQ(outcome.seen.slug, "Bad Slug");
  EXPECT_EQ(outcome.seen.title, "Typed");
}

TEST(SubmitFormTest, OtherFailuresGoToTheErrorPage) {
  Outcome denied = Submit(FormPost("title=x"), Fail(Error::PermissionDenied(N_("Only the coordinators may."))));
  EXPECT_EQ(denied.path, "failed");
  EXPECT_EQ(denied.status, static_cast<int>(ErrorCode::kPermissionDenied));
  http::Request json = FormPost("{}");
  json.headers = {{"content-type", "application/json"}};
  Outcome wrong_type = Submit(json, 1);
  EXPECT_EQ(wrong_type.path, "failed");
  EXPECT_EQ(wrong_type.seen.slug, "");  // nothing was saved
}

TEST(FormOptionsTest, OptionsAndLanguagesMarkTheSelectedOne) {
  ctemplate::TemplateDictionary dictionary("test");
  const Option options[] = {{"paris-bar", "Paris Bar"}, {"almaty-bar", "Almaty City Bar"}};
  AddOptions(dictionary, "ORGANIZATION_OPTION", options, "almaty-bar");
  AddLanguageOptions(dictionary, "LANGUAGE_OPTION", "kk");
  std::string dump;
  dictionary.DumpToString(&dump);
  EXPECT_NE(dump.find("Almaty City Bar"), std::string::npos);
  EXPECT_NE(dump.find("Қазақша"), std::string::npos);
  // Exactly one SELECTED per select.
  size_t selected = 0;
  for (size_t at = dump.find("SELECTED"); at != std::string::npos; at = dump.find("SELECTED", at + 1)) ++selected;
  EXPECT_EQ(selected, 2u) << dump;
}

}  // namespace
}  // namespace entente::render
