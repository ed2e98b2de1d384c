#include "core/render/templates.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/render/dictionary.h"

namespace entente::render {
namespace {

const std::filesystem::path kTemplates = std::filesystem::path(ENTENTE_DEFAULT_WEB_DIR) / "templates";

TEST(TemplatesTest, EveryTemplateStartsWithItsAutoescapePragma) {
  int checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kTemplates)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(entry.path().extension(), ".tpl") << entry.path() << ": templates end in .tpl so that none is skipped";
    std::ifstream in(entry.path());
    std::string first_line;
    std::getline(in, first_line);
    EXPECT_EQ(first_line, "{{%AUTOESCAPE context=\"HTML\"}}") << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

TEST(TemplatesTest, MarkersAreExtractedAndTranslatedEscaped) {
  std::string text = "<p>{{_ Sign in _}}</p><a title=\"{{_ Say \"hi\" & go _}}\">{{NAME}}</a>";
  EXPECT_EQ(ExtractMessages(text), (std::vector<std::string>{"Sign in", "Say \"hi\" & go"}));
  std::string translated = TranslateMarkers(
      text, [](std::string_view msgid) { return msgid == "Sign in" ? std::string("<Войти>") : std::string(msgid); });
  EXPECT_EQ(translated, "<p>&lt;Войти&gt;</p><a title=\"Say &quot;hi&quot; &amp; go\">{{NAME}}</a>");
  EXPECT_EQ(TranslateMarkers("no markers {{_ unterminated", [](std::string_view) { return std::string("x"); }),
            "no markers {{_ unterminated");
}

TEST(TemplatesTest, RefusesATemplateWithoutThePragma) {
  auto directory = std::filesystem::temp_directory_path() / "entente-templates-test";
  std::filesystem::create_directories(directory);
  std::ofstream(directory / "bad.tpl") << "<p>{{NAME}}</p>";
  i18n::Catalogs catalogs(ENTENTE_DEFAULT_LOCALE_DIR);
  auto loaded = Templates::Load(directory, catalogs);
  std::filesystem::remove_all(directory);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message().find("bad.tpl"), std::string::npos);
}

TEST(TemplatesTest, ValuesAreEscapedForTheirContext) {
  i18n::Catalogs catalogs(ENTENTE_DEFAULT_LOCALE_DIR);
  auto templates = Templates::Load(kTemplates, catalogs);
  ASSERT_TRUE(templates) << templates.error().message();
  ctemplate::TemplateDictionary dictionary("error");
  dictionary.SetValue("STATUS", "404");
  dictionary.SetValue("TITLE", Text("<script>alert(1)</script>"));
  dictionary.SetValue("MESSAGE", Text("\" onmouseover=\"alert(2)"));
  dictionary.SetValue("REQUEST_ID", "abc");
  std::string html = (*templates)->Expand("fr", "errors/error.tpl", dictionary);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("\" onmouseover"), std::string::npos);
}

}  // namespace
}  // namespace entente::render
