#include "core/http/json_reader.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

using nlohmann::json;

struct Input {
  std::string slug;
  std::string capacity;
  std::vector<std::string> organizers;
  i18n::LocalizedText title;
  std::vector<std::string> parties;
};

std::vector<std::string> Fields(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields()) fields.push_back(field.field);
  return fields;
}

TEST(JsonReaderTest, AbsentMembersKeepTheirFallbackAndNullClearsText) {
  json body = json::parse(R"({"slug": "moot-2026", "title": null})");
  JsonReader read(body);
  i18n::LocalizedText stored;
  stored.SetOriginal("en", "Old title");
  EXPECT_EQ(read.String("slug", "old"), "moot-2026");
  EXPECT_EQ(read.String("kind", "workshop"), "workshop");
  EXPECT_TRUE(read.Text("title", stored).empty());
  EXPECT_EQ(read.Text("description", stored).TextIn("en"), "Old title");
  EXPECT_TRUE(read.Has("title"));
  EXPECT_TRUE(read.IsNull("title"));
  EXPECT_FALSE(read.Has("kind"));
  EXPECT_TRUE(read.ok());
}

TEST(JsonReaderTest, EveryWrongMemberIsAFieldErrorAndNothingThrows) {
  json body = json::parse(R"({"slug": 7, "capacity": [1], "organizers": ["paris-bar", 3], "count": "12x",
                              "open": "yes", "ids": [1, "2"], "title": "plain", "parties": {}})");
  JsonReader read(body);
  Input input;
  input.slug = read.String("slug");
  input.capacity = read.NumberText("capacity");
  input.organizers = read.Strings("organizers");
  EXPECT_FALSE(read.Integer("count"));
  EXPECT_TRUE(read.Boolean("open", true));
  EXPECT_TRUE(read.Integers("ids").empty());
  input.title = read.Text("title");
  read.Each("parties", [&](JsonReader&) { ADD_FAILURE() << "an object is not a list"; });
  auto result = read.Finish(std::move(input));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(result.error()),
            (std::vector<std::string>{"slug", "capacity", "organizers", "count", "open", "ids", "title", "parties"}));
}

TEST(JsonReaderTest, ABodyThatIsNotAnObjectIsOneError) {
  for (const char* text : {"[]", "\"text\"", "null", "12"}) {
    json body = json::parse(text);
    JsonReader read(body);
    EXPECT_EQ(read.String("slug", "kept"), "kept");
    auto result = read.Finish(0);
    ASSERT_FALSE(result) << text;
    EXPECT_EQ(Fields(result.error()), std::vector<std::string>{"body"}) << text;
  }
}

TEST(JsonReaderTest, NumbersAreReadAsTextOrIntegers) {
  json body = json::parse(R"({"capacity": 40, "term": "12", "big": "99999999999999999999", "negative": -3})");
  JsonReader read(body);
  EXPECT_EQ(read.NumberText("capacity"), "40");
  EXPECT_EQ(read.NumberText("term"), "12");
  EXPECT_EQ(read.Integer("term"), 12);
  EXPECT_EQ(read.Integer("negative"), -3);
  EXPECT_FALSE(read.Integer("big"));
  EXPECT_FALSE(read.ok());
}

// The same body marks the same variants original whichever module reads it.
TEST(JsonReaderTest, TheOriginalVariantFollowsOneRule) {
  struct Case {
    const char* body;
    const char* default_original;
    std::vector<std::pair<std::string, bool>> expected;  // language → original
  };
  const Case cases[] = {
      {R"({"t": {"fr": "Seul"}})", "", {{"fr", true}}},
      {R"({"t": {"en": "A", "fr": "B"}})", "", {{"en", false}, {"fr", false}}},
      {R"({"t": {"en": "A", "fr": "B"}, "original_language": "fr"})", "", {{"en", false}, {"fr", true}}},
      {R"({"t": {"en": "A", "fr": "B"}})", "en", {{"en", true}, {"fr", false}}},
      {R"({"t": {"en": {"text": "A", "original": false}, "ru": {"text": "Б", "original": true}},
           "original_language": "en"})",
       "",
       {{"en", false}, {"ru", true}}},
      {R"({"t": {"kk": {"text": "Ә"}, "ru": "Б"}, "original_language": "kk"})", "", {{"kk", true}, {"ru", false}}},
  };
  for (const auto& test : cases) {
    json body = json::parse(test.body);
    JsonReader read(body, test.default_original);
    i18n::LocalizedText text = read.Text("t");
    ASSERT_TRUE(read.ok()) << test.body;
    ASSERT_EQ(text.variants().size(), test.expected.size()) << test.body;
    for (const auto& [language, original] : test.expected) {
      const auto* variant = text.Find(language);
      ASSERT_NE(variant, nullptr) << test.body << " " << language;
      EXPECT_EQ(variant->original, original) << test.body << " " << language;
    }
  }
}

TEST(JsonReaderTest, UnknownLanguagesAndBadVariantsAreRefusedNotDropped) {
  for (const char* text :
       {R"({"t": {"de": "Hallo"}})", R"({"t": {"en": 5}})", R"({"t": {"en": {"original": true}}})",
        R"({"t": {"en": {"text": "A", "original": "yes"}}})", R"({"t": {"en": "A"}, "original_language": "xx"})"}) {
    json body = json::parse(text);
    JsonReader read(body);
    read.Text("t");
    EXPECT_FALSE(read.ok()) << text;
  }
}

TEST(JsonReaderTest, ItemsOfAListAreReadWithTheirParentsLanguage) {
  json body = json::parse(R"({"original_language": "ru",
                              "objectives": [{"id": 4, "text": {"ru": "Обмен", "en": "Exchange"}},
                                             {"text": {"en": "Training"}, "categories": ["training"]}]})");
  JsonReader read(body);
  struct Objective {
    std::optional<long long> id;
    i18n::LocalizedText text;
    std::vector<std::string> categories;
  };
  std::vector<Objective> objectives;
  read.Each("objectives", [&](JsonReader& item) {
    objectives.push_back({item.Integer("id"), item.Text("text"), item.Strings("categories")});
  });
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(objectives.size(), 2u);
  EXPECT_EQ(objectives[0].id, 4);
  EXPECT_TRUE(objectives[0].text.Find("ru")->original);
  EXPECT_FALSE(objectives[0].text.Find("en")->original);
  EXPECT_FALSE(objectives[1].id);
  EXPECT_FALSE(objectives[1].text.Find("en")->original);
  EXPECT_EQ(objectives[1].categories, std::vector<std::string>{"training"});
}

TEST(JsonReaderTest, AWrongItemIsOneErrorUnderTheListsName) {
  json body = json::parse(R"({"parties": [{"organization": 1}, "paris-bar", {"organization": "almaty-bar"}]})");
  JsonReader read(body);
  std::vector<std::string> organizations;
  read.Each("parties", [&](JsonReader& party) { organizations.push_back(party.String("organization")); });
  EXPECT_EQ(organizations, (std::vector<std::string>{"", "", "almaty-bar"}));
  auto result = read.Finish(0);
  ASSERT_FALSE(result);
  EXPECT_EQ(Fields(result.error()), std::vector<std::string>{"parties"});
}

}  // namespace
}  // namespace entente::http

namespace entente::http {
namespace {

TEST(JsonReaderTest, DecimalTextTakesWholeAndFractionalNumbersAndStrings) {
  auto body = nlohmann::json::parse(R"({"a": 3, "b": 1.5, "c": "1,5", "d": true, "e": null})");
  JsonReader read(body);
  EXPECT_EQ(read.DecimalText("a"), "3");
  EXPECT_EQ(read.DecimalText("b"), "1.5");
  EXPECT_EQ(read.DecimalText("c"), "1,5");
  EXPECT_EQ(read.DecimalText("e", "kept"), "kept");
  EXPECT_EQ(read.DecimalText("absent", "kept"), "kept");
  EXPECT_TRUE(read.ok());
  EXPECT_EQ(read.DecimalText("d", "kept"), "kept");
  ASSERT_EQ(read.errors().size(), 1u);
  EXPECT_EQ(read.errors()[0].field, "d");
}

}  // namespace
}  // namespace entente::http
