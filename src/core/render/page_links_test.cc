#include "core/render/page_links.h"

#include <gtest/gtest.h>

#include <ctemplate/template.h>

namespace entente::render {
namespace {

TEST(PageLinksTest, KeepTheOtherParametersAndChangeOnlyThePage) {
  http::Request request;
  request.query = "q=Almaty%20bar&page=2&topic=ethics";
  ctemplate::TemplateDictionary middle("middle");
  AddPageLinks(middle, "/training", request, 2, 3);
  std::string out;
  auto* tpl = ctemplate::Template::StringToTemplate(
      "{{#PREVIOUS}}{{PREVIOUS_HREF}}{{/PREVIOUS}}|{{#NEXT}}{{NEXT_HREF}}{{/NEXT}}", ctemplate::DO_NOT_STRIP);
  ASSERT_NE(tpl, nullptr);
  tpl->Expand(&out, &middle);
  EXPECT_EQ(out, "/training?q=Almaty%20bar&topic=ethics&page=1|/training?q=Almaty%20bar&topic=ethics&page=3");
  delete tpl;

  ctemplate::TemplateDictionary only("only");
  AddPageLinks(only, "/training", request, 1, 1);
  std::string none;
  auto* again =
      ctemplate::Template::StringToTemplate("{{#PREVIOUS}}p{{/PREVIOUS}}{{#NEXT}}n{{/NEXT}}", ctemplate::DO_NOT_STRIP);
  again->Expand(&none, &only);
  EXPECT_EQ(none, "") << "one page: no links";
  delete again;
}

}  // namespace
}  // namespace entente::render
